"""Tests for what a revision changed and how it is said."""

from __future__ import annotations

from dataclasses import replace

from app.library.clauses import Clause, Kind, Status
from app.library.revisions import changes_between, describe, wording_changed

BASE = Clause(
    "p.1",
    Kind.STANDARD,
    {"fr": "Titre", "nl": "Titel"},
    {"fr": "Texte.", "nl": "Tekst."},
    {"fr": Status.OFFICIAL, "nl": Status.UNOFFICIAL},
    tags=("sis",),
)


def test_a_new_clause_is_created():
    assert changes_between(None, BASE) == ("created",)


def test_each_field_that_changed_is_named():
    new = replace(
        BASE,
        kind=Kind.CONTEXT,
        title={"fr": "Titre", "nl": "Nieuwe titel"},
        text={"fr": "Texte modifié.", "nl": "Tekst."},
        status={"fr": Status.OFFICIAL, "nl": Status.OFFICIAL},
        tags=("sis", "schengen"),
    )
    assert changes_between(BASE, new) == ("kind", "title.nl", "text.fr", "status.nl", "tags")


def test_describe_says_it_in_words():
    assert describe(("text.fr", "tags")) == "French text, tags"
    assert (
        describe(("translated.nl", "restored.3"))
        == "Dutch translation updated, restored revision 3"
    )
    assert describe(()) == "no change"


def test_wording_ignores_tags_and_looks_only_at_the_languages_asked():
    assert not wording_changed(BASE, replace(BASE, tags=()))
    changed_nl = replace(BASE, text={"fr": "Texte.", "nl": "Andere tekst."})
    assert wording_changed(BASE, changed_nl)
    assert not wording_changed(BASE, changed_nl, ("fr",))
