"""Tests for linked clauses kept in step: pending updates with their word diff."""

from __future__ import annotations

from dataclasses import replace

from app.language.codes import NoteLanguage
from app.library.clauses import Clause, Kind, Library
from app.library.worddiff import as_text
from app.notes.note import LinkedClause, Note, Section, TextBlock
from app.notes.updates import check_link, pending

V1 = Clause(
    "p.1",
    Kind.STANDARD,
    {"fr": "Ligne SIS", "nl": "SIS-lijn"},
    {"fr": "Le SIS est renforcé.", "nl": "Het SIS wordt versterkt."},
)
V2 = replace(V1, revision=2, text={"fr": "Le SIS est nettement renforcé.", "nl": V1.text["nl"]})
V3 = replace(V2, revision=3, tags=("sis",))


def library(newest: Clause = V2, *, deleted: bool = False) -> Library:
    archive = {c.revision: c for c in (V1, V2, V3) if c.revision < newest.revision}
    if deleted:
        return Library(archive={"p.1": {**archive, newest.revision: newest}})
    return Library(clauses={"p.1": newest}, archive={"p.1": archive})


def note(*blocks, language=NoteLanguage.FR) -> Note:
    return Note(language=language, sections=[Section({"fr": "S"}, list(blocks))])


def test_a_link_to_an_older_revision_is_offered_with_the_diff_in_the_note_languages():
    found = pending(note(LinkedClause("p.1", 1, id="b"), TextBlock()), library())
    assert len(found) == 1
    update = found[0]
    assert (update.block_id, update.linked, update.newest) == ("b", 1, 2)
    assert update.wording_changed and update.linked_known and not update.kept
    assert list(update.diffs) == ["fr"]
    assert as_text(update.diffs["fr"].text) == "Le SIS est {+nettement +}renforcé."


def test_a_link_to_the_newest_revision_has_nothing_pending():
    assert pending(note(LinkedClause("p.1", 2)), library()) == []
    assert pending(note(LinkedClause("unknown", 1)), library()) == []


def test_a_newer_revision_that_only_retagged_is_marked_as_no_wording_change():
    update = check_link(LinkedClause("p.1", 2), library(V3), ("fr", "nl"))
    assert update is not None and not update.wording_changed


def test_the_dutch_note_sees_no_wording_change_when_only_the_french_changed():
    found = pending(note(LinkedClause("p.1", 1), language=NoteLanguage.NL), library())
    assert len(found) == 1 and not found[0].wording_changed


def test_retired_deleted_and_kept_are_said():
    retired = pending(note(LinkedClause("p.1", 1)), library(replace(V2, retired=True)))
    assert retired[0].retired
    deleted = pending(note(LinkedClause("p.1", 1)), library(deleted=True))
    assert deleted[0].deleted
    kept = pending(note(LinkedClause("p.1", 1, id="b")), library(), kept={"b": 2})
    assert kept[0].kept
    newer = pending(note(LinkedClause("p.1", 1, id="b")), library(V3), kept={"b": 2})
    assert not newer[0].kept  # a revision newer than the one kept is offered again


def test_an_unknown_linked_revision_still_offers_the_newest_without_a_diff():
    lib = Library(clauses={"p.1": V2})
    update = pending(note(LinkedClause("p.1", 1)), lib)[0]
    assert not update.linked_known and update.wording_changed


def test_a_kept_revision_recorded_on_the_block_is_marked_kept():
    found = pending(note(LinkedClause("p.1", 1, id="b", kept=2)), library())
    assert found[0].kept
    assert not pending(note(LinkedClause("p.1", 1, id="b", kept=2)), library(V3))[0].kept
