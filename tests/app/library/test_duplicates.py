"""Tests for near-duplicate detection."""

from __future__ import annotations

from dataclasses import replace

from app.library import duplicates
from app.library.clauses import Clause, Kind, Library, builtin
from app.library.worddiff import Op

BASE = (
    "Renforcer la coopération entre les services de police des deux pays en matière "
    "d’échange d’informations sur les combattants terroristes étrangers et leurs réseaux"
)


def library(*texts: str) -> Library:
    clauses = [Clause(f"c.{n}", Kind.STANDARD, {}, {"fr": t}) for n, t in enumerate(texts, 1)]
    return Library(clauses={c.id: c for c in clauses})


def test_the_two_terrorist_financing_commitments_of_the_declaration_are_found():
    found = duplicates.find(builtin())
    pair = next(d for d in found if {d.first, d.second} == {"vd2.1.4", "vd2.1.5"})
    assert pair.similarity >= 0.9
    diff = pair.diff(builtin())
    assert any(p.op is Op.INSERT and "No Money For Terror" in p.text for p in diff)


def test_texts_with_a_few_words_changed_here_and_there_are_near_duplicates():
    changed = (
        BASE.replace("Renforcer", "Intensifier")
        .replace("deux", "trois")
        .replace("réseaux", "soutiens")
    )
    found = duplicates.find(library(BASE, changed, "Un texte tout à fait différent " * 3))
    assert [(d.first, d.second) for d in found] == [("c.1", "c.2")]


def test_short_or_different_texts_are_not_flagged():
    assert duplicates.find(library("Texte court.", "Texte court.")) == []
    assert duplicates.find(library(BASE, "Sans rapport : " + "autre chose encore " * 6)) == []


def test_retired_clauses_are_left_out_unless_asked():
    lib = library(BASE, BASE + " aussi")
    lib.clauses["c.2"] = replace(lib.clauses["c.2"], retired=True)
    assert duplicates.find(lib) == []
    assert len(duplicates.find(lib, include_retired=True)) == 1


def test_the_near_duplicates_of_one_clause():
    lib = library(BASE, BASE + " aussi", "Autre " * 20)
    assert [(d.first, d.second) for d in duplicates.of_clause(lib, "c.2")] == [("c.1", "c.2")]
    assert duplicates.of_clause(lib, "c.3") == []


def test_one_clause_asked_of_the_index_has_the_near_duplicates_of_the_whole_library(tmp_path):
    from app.library import database
    from app.library.search import LibraryIndex

    index = LibraryIndex(database.connect(tmp_path / "index.sqlite3"))
    texts = [BASE, BASE.replace("police", "douane"), "Un tout autre texte, sans rapport " * 3]
    whole = library(*texts)
    whole.merge(builtin())
    whole.digest = "whole"
    index.sync(whole, origin="team:all.json")
    stored = index.load("team:all.json")
    assert type(stored.clauses) is not dict  # read from the index, row by row
    for clause_id in ("vd2.1.4", "c.1", "c.3"):
        expected = {(d.first, d.second) for d in duplicates.of_clause(whole, clause_id)}
        found = duplicates.of_clause_indexed(stored, index, clause_id)
        assert {frozenset((d.first, d.second)) for d in found} == {frozenset(p) for p in expected}
    assert [d.second for d in duplicates.of_clause_indexed(stored, index, "vd2.1.4")] == ["vd2.1.5"]
    index.close()
