"""Tests for the library model: revisions kept, library files, merging by origin."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from app import library as library_mod
from app.errors import LibraryError
from app.library import (
    BUILTIN,
    PERSONAL,
    TEAM,
    Clause,
    Kind,
    LanguageVersion,
    Library,
    Status,
    dumps,
    loads,
)

FIRST = Clause(
    "p.1",
    Kind.STANDARD,
    {"fr": "Ligne SIS"},
    {"fr": "Le SIS pour {minister}.", "nl": "Het SIS voor {minister}."},
    {"fr": Status.OFFICIAL, "nl": Status.UNOFFICIAL},
    revision=1,
    author="marie",
    modified="2026-11-28T10:00:00+01:00",
    changes=("created",),
)
SECOND = replace(
    FIRST,
    text={
        "fr": "Le SIS renforcé pour {minister} et {counterpart}.",
        "nl": "Het SIS voor {minister}.",
    },
    revision=2,
    versions=(LanguageVersion("fr", 2, 1), LanguageVersion("nl", 1, 1)),
    changes=("text.fr",),
)


def two_revisions() -> Library:
    return Library(clauses={"p.1": SECOND}, archive={"p.1": {1: FIRST}}, digest="x")


def test_a_library_returns_any_known_revision():
    library = two_revisions()
    assert library.at("p.1", 2) is SECOND
    assert library.at("p.1", 1) is FIRST
    assert library.at("p.1", 3) is None
    assert library.at("nope", 1) is None
    assert [c.revision for c in library.history("p.1")] == [2, 1]
    assert library.newest("p.1") is SECOND


def test_a_deleted_clause_is_only_in_the_archive_but_still_known():
    library = Library(archive={"p.1": {1: FIRST, 2: SECOND}})
    assert library.find("p.1") is None
    assert library.newest("p.1") is SECOND
    assert library.at("p.1", 1) is FIRST


def test_a_library_file_keeps_history_sync_records_and_variables():
    library = two_revisions()
    library.variables["counterpart"] = ("person", "L’homologue du ministre")
    again = loads(dumps(library), library=TEAM)
    clause = again.get("p.1")
    assert clause == SECOND
    assert clause.library == TEAM and clause.version("fr") == LanguageVersion("fr", 2, 1)
    assert again.at("p.1", 1) == FIRST
    assert again.variables == {"counterpart": ("person", "L’homologue du ministre")}


def test_a_clause_lists_its_variables_once_in_order():
    assert SECOND.variables == ["minister", "counterpart"]


def test_a_library_file_without_the_new_keys_still_reads():
    data = {
        "format": "clausier-library",
        "version": 1,
        "clauses": [{"id": "a.1", "kind": "commitment", "title": {"fr": "T"}, "text": {"fr": "X"}}],
    }
    clause = loads(json.dumps(data)).get("a.1")
    assert clause.revision == 1 and clause.versions == () and not clause.retired
    assert clause.version("nl") == LanguageVersion("nl", 1, 1)


def test_a_damaged_history_is_reported_as_a_damaged_file():
    data = {
        "format": "clausier-library",
        "version": 1,
        "clauses": [{"id": "a.1", "text": {"fr": "X"}, "history": [{"text": {}}]}],
    }
    with pytest.raises(LibraryError, match="damaged"):
        loads(json.dumps(data), name="team.json")


def test_merging_by_origin_keeps_each_part_and_leaves_the_builtin_library_alone():
    builtin = library_mod.builtin()
    count = len(builtin)
    combined = Library()
    combined.merge(builtin, origin=BUILTIN)
    combined.merge(two_revisions(), origin=PERSONAL)
    assert len(builtin) == count and "p.1" not in builtin.clauses
    assert set(combined.parts) == {BUILTIN, PERSONAL}
    assert combined.parts[PERSONAL].digest == "x"  # a single library keeps its own digest
    assert combined.at("p.1", 1) == FIRST
    assert all(c.library == BUILTIN for c in builtin)


def test_only_personal_clauses_are_editable():
    assert replace(FIRST, library=PERSONAL).editable
    assert not library_mod.builtin().get("vd2.1.4").editable
