"""Tests for full-text search through the SQLite FTS5 index."""

from __future__ import annotations

import sqlite3

import pytest

from app import database
from app.library import Clause, Kind, Library, Origin
from app.search import LibraryIndex, fts_query


def make_library(*texts: str, digest: str = "one") -> Library:
    clauses = {}
    for number, text in enumerate(texts, 1):
        clause = Clause(
            id=f"t.1.{number}",
            kind=Kind.COMMITMENT if number % 2 else Kind.CONTEXT,
            title={"fr": text.split(".")[0][:40], "nl": ""},
            text={"fr": text},
            origin=Origin("t", 1 + number % 2, number),
        )
        clauses[clause.id] = clause
    return Library(clauses=clauses, digest=digest)


@pytest.fixture
def index():
    index = LibraryIndex()
    yield index
    index.close()


LIBRARY = make_library(
    "La sécurité des écoles est renforcée.",
    "Les échanges entre centres de crise.",
    "Le PNR ferroviaire et la SÉCURITÉ de l’espace européen.",
    "Lutte contre le financement du terrorisme.",
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("securite", {"t.1.1", "t.1.3"}),
        ("SECURITE", {"t.1.1", "t.1.3"}),
        ("ecoles", {"t.1.1"}),
        ("eco", {"t.1.1"}),
        ("écol", {"t.1.1"}),
        ("espace", {"t.1.3"}),  # after an apostrophe: l’espace
        ("ech cris", {"t.1.2"}),  # every word must match, as a prefix
        ("terror financ", {"t.1.4"}),
        ("nothingmatches", set()),
    ],
)
def test_search_ignores_accents_and_case_and_matches_prefixes(index, query, expected):
    index.sync(LIBRARY)
    assert {hit.clause_id for hit in index.search(query)} == expected


def test_a_match_in_the_title_ranks_before_a_match_in_the_text(index):
    library = make_library(
        "Texte sans le mot. Mais ici la frontière apparaît dans le texte seulement.",
        "Frontière extérieure. Rien d’autre.",
    )
    index.sync(library)
    assert [hit.clause_id for hit in index.search("frontiere")] == ["t.1.2", "t.1.1"]


@pytest.mark.parametrize(
    "query", ['"', "NEAR(", "a OR", "-x", "*", "col:val", "'; DROP TABLE clause; --"]
)
def test_punctuation_and_fts_syntax_typed_by_a_user_never_fail(index, query):
    index.sync(LIBRARY)
    index.search(query)  # must not raise


def test_an_empty_query_lists_everything_in_library_order_with_filters(index):
    index.sync(LIBRARY)
    assert len(index.search("")) == 4
    assert {h.clause_id for h in index.search("", kind="context")} == {"t.1.2", "t.1.4"}
    assert {h.clause_id for h in index.search("", part=2)} == {"t.1.1", "t.1.3"}
    assert {h.clause_id for h in index.search("secu", kind="commitment")} == {"t.1.1", "t.1.3"}


def test_the_library_is_reindexed_only_when_its_content_changes(index):
    assert index.sync(LIBRARY) is True
    assert index.sync(LIBRARY) is False
    changed = make_library("Une autre clause sur la sécurité.", digest="two")
    assert index.sync(changed) is True
    assert [h.clause_id for h in index.search("securite")] == ["t.1.1"]
    assert index.search("ecoles") == []


def test_the_index_survives_in_the_database_file_between_runs(isolated_folders):
    first = LibraryIndex()
    first.sync(LIBRARY)
    first.close()
    assert database.default_path().parent == isolated_folders["data"]
    second = LibraryIndex()
    try:
        assert second.sync(LIBRARY) is False
        assert {h.clause_id for h in second.search("ecoles")} == {"t.1.1"}
    finally:
        second.close()


def test_the_database_uses_wal_and_full_synchronous(index):
    assert index.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert index.db.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 999")
    db.close()
    with pytest.raises(Exception, match="newer version"):
        database.connect(path)


def test_fts_query_quotes_each_word_as_a_prefix():
    assert fts_query("sécu  l’école") == '"sécu"* "l"* "école"*'
    assert fts_query("  ") == ""
