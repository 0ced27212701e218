"""Tests for the library model: revisions kept, library files, merging by origin."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest

from app.library import clauses as library_mod
from app.library.clauses import (
    BUILTIN,
    PERSONAL,
    TEAM,
    Clause,
    Kind,
    LanguageVersion,
    Library,
    LibraryFileError,
    Status,
    dumps,
    load_file,
    loads,
)
from app.system.errors import LibraryError

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


# --- hostile files --------------------------------------------------------------------


def _library(clause: str) -> str:
    return '{"format": "clausier-library", "version": 1, "clauses": [' + clause + "]}"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[" * 100_000, "nests more than 64 levels"),
        (_library('{"id": "a.1", "revision": 1e400}'), "too large"),
        (_library('{"id": "a.1", "revision": ' + "9" * 5000 + "}"), "more than 100 digits"),
        (_library('{"id": "\\ud800"}'), "broken character"),
        (_library('{"id": "a.1", "revision": NaN}'), "not a number"),
    ],
    ids=["deep", "1e400", "5000-digits", "surrogate", "nan"],
)
def test_a_hostile_library_file_is_one_clear_library_error(text, words):
    with pytest.raises(LibraryFileError) as refused:
        loads(text, name="team.json")
    assert str(refused.value).startswith("team.json is not a library file: ")
    assert words in refused.value.reason


def test_a_missing_key_is_named_in_the_words_of_the_file():
    with pytest.raises(LibraryFileError, match="“id” is missing"):
        loads(_library('{"text": {"fr": "X"}}'), name="team.json")


def test_load_file_reads_regular_files_only(tmp_path):
    os.mkfifo(tmp_path / "pipe.json")
    with pytest.raises(LibraryFileError, match="Cannot read pipe.json: it is a named pipe"):
        load_file(tmp_path / "pipe.json")
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    with pytest.raises(LibraryFileError, match="device"):
        load_file(tmp_path / "zero.json")


def test_load_file_refuses_a_file_over_the_cap_by_its_size(tmp_path):
    huge = tmp_path / "huge.json"
    huge.touch()
    os.truncate(huge, library_mod.MAX_LIBRARY_BYTES + 1)
    with pytest.raises(LibraryFileError, match="larger than 128 MB"):
        load_file(huge)
