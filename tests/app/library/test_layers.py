"""Tests for libraries merged without copying: stacked layers read as one dict merge would."""

from __future__ import annotations

import pytest

from app.library import database
from app.library.clauses import TEAM, Clause, Kind, Library
from app.library.indexstore import IndexedClauses
from app.library.layers import MergedArchive, MergedClauses
from app.library.search import LibraryIndex


def clause(clause_id: str, text: str = "texte", revision: int = 1, **fields) -> Clause:
    return Clause(
        clause_id, Kind.STANDARD, {"fr": text[:10]}, {"fr": text}, revision=revision, **fields
    )


def plain_merge(*layers: dict[str, Clause]) -> dict[str, Clause]:
    merged: dict[str, Clause] = {}
    for layer in layers:
        merged.update(layer)
    return merged


@pytest.fixture
def indexed(tmp_path):
    """A team library of four clauses, indexed and read back from the index."""
    db = database.connect(tmp_path / "index.sqlite3")
    library = Library(
        clauses={
            c.id: c
            for c in (clause("t.1"), clause("shared", "équipe"), clause("t.2"), clause("t.3"))
        },
        digest="team-digest",
    )
    index = LibraryIndex(db)
    index.sync(library, origin="team:a.json")
    yield index.load("team:a.json", library=TEAM)
    db.close()


def test_stacked_layers_list_and_find_what_a_dict_merge_would(indexed):
    builtin = {"b.1": clause("b.1"), "shared": clause("shared", "intégré")}
    personal = {"p.1": clause("p.1"), "t.2": clause("t.2", "mien", revision=4)}
    merged = MergedClauses([builtin])
    merged.stack(indexed.clauses)
    merged.stack(personal)
    expected = plain_merge(builtin, dict(indexed.clauses.items()), personal)
    assert list(merged) == list(expected)
    assert [c.id for c in merged.values()] == [c.id for c in expected.values()]
    assert merged["shared"].text_in("fr") == "équipe"  # the team wins over the built-in
    assert merged["t.2"].revision == 4  # and the personal library over the team
    assert len(merged) == len(expected) == 6
    assert "t.3" in merged and "nowhere" not in merged and merged.get("nowhere") is None


def test_changes_go_on_top_and_never_into_the_indexed_layer(indexed):
    merged = MergedClauses([{"b.1": clause("b.1")}])
    merged.stack(indexed.clauses)
    merged["t.1"] = clause("t.1", "changé", revision=2)
    del merged["t.3"]
    assert merged["t.1"].revision == 2 and "t.3" not in merged
    assert "t.3" in indexed.clauses and indexed.clauses["t.1"].revision == 1
    assert merged.pop("t.3", None) is None
    merged["t.3"] = clause("t.3", "revenu", revision=5)
    assert merged["t.3"].revision == 5
    assert list(merged) == ["b.1", "t.1", "shared", "t.2", "t.3"]
    with pytest.raises(KeyError):
        del merged["nowhere"]


def test_a_layer_stacked_after_a_change_wins_over_it(indexed):
    merged = MergedClauses([{"b.1": clause("b.1")}])
    merged["x"] = clause("x", "d’abord")
    merged.stack({"x": clause("x", "ensuite", revision=2)})
    assert merged["x"].revision == 2


def test_an_indexed_library_reads_one_row_per_clause_asked_for(indexed, monkeypatch):
    from app.library import indexstore

    made = []
    original = indexstore.clause_from_row
    monkeypatch.setattr(
        indexstore,
        "clause_from_row",
        lambda row, *rest: made.append(row[0]) or original(row, *rest),
    )
    clauses = IndexedClauses(indexed.clauses._db, "team:a.json", TEAM)
    assert len(clauses) == 4 and made == []
    assert clauses["t.2"].library == TEAM and made == ["t.2"]
    assert clauses["t.2"] is clauses["t.2"] and made == ["t.2"]  # kept once asked for
    assert "t.3" in clauses and made == ["t.2"]  # asking whether it is there makes nothing
    assert clauses.kinds() == {Kind.STANDARD} and clauses.longest_id() == "shared"


def test_merged_archive_gathers_earlier_revisions_and_keeps_changes():
    older = {"c": {1: clause("c", "un")}}
    archive = MergedArchive([older])
    archive.stack({"c": {2: clause("c", "deux", revision=2)}})
    assert sorted(archive.get("c")) == [1, 2] and archive.get("none") is None
    archive.setdefault("c", {}).update({3: clause("c", "trois", revision=3)})
    archive["c"][4] = clause("c", "quatre", revision=4)
    assert sorted(archive["c"]) == [1, 2, 3, 4] and sorted(older["c"]) == [1]
    assert list(archive) == ["c"] and "c" in archive and "none" not in archive


def test_a_library_merged_from_the_index_keeps_its_history_and_kinds(indexed):
    combined = Library()
    combined.merge(Library(clauses={"b.1": clause("b.1")}, digest="b"), origin="builtin")
    combined.merge(indexed, origin="team:a.json")
    assert combined.history("t.1")[0].library == TEAM
    assert combined.at("t.1", 1) is not None and combined.newest("shared").text_in("fr") == "équipe"
    assert combined.kinds() == {Kind.STANDARD} and combined.longest_id() == "shared"
    assert set(combined.parts["team:a.json"].clauses) == {"t.1", "shared", "t.2", "t.3"}


def test_a_search_s_hits_are_read_in_one_query_in_their_order(indexed, monkeypatch):
    queries = []
    db = indexed.clauses._db
    monkeypatch.setattr(
        indexed.clauses,
        "_db",
        type(
            "Spy", (), {"execute": lambda _s, sql, *a: queries.append(sql) or db.execute(sql, *a)}
        )(),
    )
    combined = Library()
    combined.merge(Library(clauses={"b.1": clause("b.1")}, digest="b"), origin="builtin")
    combined.merge(indexed, origin="team:a.json")
    found = combined.clauses_of(["t.3", "nowhere", "b.1", "shared", "t.3"])
    assert [c.id for c in found] == ["t.3", "b.1", "shared", "t.3"]
    assert len(queries) == 1 and " IN (" in queries[0]  # one query for every hit
    assert found[2].text_in("fr") == "équipe" and len(queries) == 2  # the text, when read


def test_which_hits_the_library_holds_is_answered_without_making_a_clause(indexed, monkeypatch):
    from app.library import indexstore

    made = []
    original = indexstore.clause_from_row
    monkeypatch.setattr(
        indexstore,
        "clause_from_row",
        lambda row, *rest: made.append(row[0]) or original(row, *rest),
    )
    combined = Library()
    combined.merge(Library(clauses={"b.1": clause("b.1")}, digest="b"), origin="builtin")
    combined.merge(indexed, origin="team:a.json")
    del combined.clauses["t.2"]
    made.clear()
    assert combined.known(["t.3", "nowhere", "t.2", "b.1", "t.1"]) == ["t.3", "b.1", "t.1"]
    assert made == []


def test_a_source_s_clauses_are_asked_of_the_index_in_the_source_s_order(tmp_path):
    from app.library.clauses import Origin

    def drawn(clause_id: str, part: int, position: int, source: str = "vd2") -> Clause:
        return clause(clause_id, origin=Origin(source, part, position))

    db = database.connect(tmp_path / "index.sqlite3")
    index = LibraryIndex(db)
    team = [drawn("vd2.2.1", 2, 1), drawn("other.1", 1, 1, "other"), drawn("vd2.1.2", 1, 2)]
    index.sync(Library(clauses={c.id: c for c in team}, digest="t"), origin="team:a.json")
    combined = Library()
    builtin = [drawn("vd2.1.1", 1, 1), drawn("vd2.1.2", 1, 9), drawn("vd2.3.1", 3, 1)]
    combined.merge(Library(clauses={c.id: c for c in builtin}, digest="b"), origin="builtin")
    combined.merge(index.load("team:a.json", library=TEAM), origin="team:a.json")
    mine = drawn("vd2.3.1", 3, 1, "elsewhere")  # a personal clause of that id, of another source
    combined.merge(Library(clauses={mine.id: mine}, digest="p"), origin="personal")
    found = combined.from_source("vd2")
    assert [c.id for c in found] == ["vd2.1.1", "vd2.1.2", "vd2.2.1"]
    assert found[1].library == TEAM  # the team's vd2.1.2 wins over the built-in one
    db.close()
