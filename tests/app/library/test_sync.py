"""Tests for the FR↔NL sync state of clause translations."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.library.clauses import Clause, Kind, Library
from app.library.sync import SyncState, next_versions, source_diff, state, states
from app.library.worddiff import as_text


def clause(fr: str = "Texte.", nl: str = "Tekst.", revision: int = 1, versions=()) -> Clause:
    text = {k: v for k, v in (("fr", fr), ("nl", nl)) if v}
    return Clause("p.1", Kind.STANDARD, {}, text, revision=revision, versions=versions)


def step(old: Clause, **changes) -> Clause:
    """The next revision of ``old`` with new texts (and translated=/confirmed= options)."""
    options = {k: changes.pop(k) for k in ("translated", "confirmed") if k in changes}
    text = {**old.text, **changes}
    revision = old.revision + 1
    return replace(
        old, text=text, revision=revision, versions=next_versions(old, text, revision, **options)
    )


def test_a_clause_without_records_is_in_step():
    assert states(clause()) == {"fr": SyncState.IN_STEP, "nl": SyncState.IN_STEP}


def test_a_missing_language_and_a_single_language():
    single = clause(nl="")
    assert states(single) == {"fr": SyncState.ONLY, "nl": SyncState.MISSING}


def test_editing_the_french_marks_the_dutch_out_of_date_and_not_the_french():
    edited = step(clause(), fr="Texte modifié.")
    assert states(edited) == {"fr": SyncState.IN_STEP, "nl": SyncState.OUT_OF_DATE}


def test_editing_the_dutch_marks_the_french_out_of_date():
    edited = step(clause(), nl="Gewijzigde tekst.")
    assert states(edited) == {"fr": SyncState.OUT_OF_DATE, "nl": SyncState.IN_STEP}


def test_a_translation_brings_both_back_in_step():
    edited = step(step(clause(), fr="Texte modifié."), fr="Texte encore modifié.")
    translated = step(edited, nl="Nog eens gewijzigd.", translated="nl")
    assert states(translated) == {"fr": SyncState.IN_STEP, "nl": SyncState.IN_STEP}
    # ... and the next French edit marks it out of date again.
    assert state(step(translated, fr="Autre."), "nl") is SyncState.OUT_OF_DATE


def test_confirming_keeps_the_text_and_clears_the_state():
    edited = step(clause(), fr="Texte, virgule.")
    confirmed = step(edited, confirmed="nl")
    assert confirmed.text == edited.text
    assert states(confirmed) == {"fr": SyncState.IN_STEP, "nl": SyncState.IN_STEP}


def test_editing_both_languages_at_once_keeps_them_in_step():
    assert states(step(clause(), fr="Nouveau.", nl="Nieuw.")) == {
        "fr": SyncState.IN_STEP,
        "nl": SyncState.IN_STEP,
    }


def test_adding_the_missing_language_is_a_translation():
    added = step(clause(nl=""), nl="Vertaling.")
    assert states(added) == {"fr": SyncState.IN_STEP, "nl": SyncState.IN_STEP}


def test_a_tag_change_leaves_the_states_alone():
    edited = step(clause(), fr="Texte modifié.")
    retagged = step(edited)
    assert retagged.versions == edited.versions
    assert state(retagged, "nl") is SyncState.OUT_OF_DATE


def test_the_translator_sees_the_source_diff_since_the_last_translation():
    first = clause(fr="Renforcer la coopération.", nl="De samenwerking versterken.")
    second = step(first, fr="Renforcer nettement la coopération.")
    third = step(second, fr="Renforcer nettement la coopération policière.")
    library = Library(clauses={"p.1": third}, archive={"p.1": {1: first, 2: second}})
    diff = source_diff(library, third, "nl")
    assert diff is not None and diff.lang == "fr"
    assert as_text(diff.text) == "Renforcer {+nettement +}la coopération{+ policière+}."


def test_no_source_diff_when_the_old_revision_is_unknown():
    edited = step(clause(), fr="Texte modifié.")
    assert source_diff(Library(clauses={"p.1": edited}), edited, "nl") is None


@pytest.mark.parametrize("state_", list(SyncState))
def test_every_state_has_a_label(state_):
    assert state_.label
