"""Tests for libraries read back from the search index, texts fetched when needed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.library import clauses as library_mod
from app.library import database
from app.library.clauses import TEAM, Clause, Kind, LanguageVersion, Library, Origin, Status
from app.library.search import LibraryIndex

SIS = Clause(
    "team.sis",
    Kind.STANDARD,
    {"fr": "Ligne SIS", "nl": "SIS-lijn"},
    {"fr": "Le SIS pour {minister}.", "nl": "Het SIS voor {minister}."},
    {"fr": Status.OFFICIAL, "nl": Status.UNOFFICIAL},
    tags=("sis",),
    origin=Origin("vd2", 1, 4),
    revision=2,
    versions=(LanguageVersion("fr", 2, 1), LanguageVersion("nl", 1, 1)),
    author="curator",
    modified="2026-11-28T10:00:00+01:00",
    changes=("text.fr",),
)
OLD = replace(SIS, revision=1, text={"fr": "Le SIS.", "nl": "Het SIS voor {minister}."}, changes=())
ONLY_FR = Clause("team.pnr", Kind.COMMITMENT, {"fr": "PNR"}, {"fr": "Le PNR ferroviaire."})


@pytest.fixture
def index():
    opened = LibraryIndex(database.connect())
    yield opened
    opened.close()


def team_library() -> Library:
    library = Library(
        sources=dict(library_mod.builtin().sources),
        clauses={SIS.id: SIS, ONLY_FR.id: ONLY_FR},
        archive={SIS.id: {1: OLD}},
        variables={"sommet": ("text", "Le sommet")},
        digest="abc",
    )
    return library


def test_a_library_comes_back_from_the_index_equal_to_what_was_indexed(index):
    index.sync(team_library(), origin="team:a.json")
    loaded = index.load("team:a.json", library=TEAM)
    assert loaded is not None and loaded.digest == "abc"
    assert list(loaded.clauses) == ["team.sis", "team.pnr"]
    assert loaded.get("team.sis") == SIS and loaded.get("team.pnr") == ONLY_FR
    assert loaded.get("team.sis").library == TEAM
    assert loaded.at("team.sis", 1) == OLD
    assert loaded.variables == {"sommet": ("text", "Le sommet")}
    assert set(loaded.sources) == {"vd2"}


def test_texts_are_read_when_asked_and_presence_is_known_without_reading(index, monkeypatch):
    index.sync(team_library(), origin="team:a.json")
    clause = index.load("team:a.json").get("team.pnr")
    assert clause.text_in("fr") == "Le PNR ferroviaire."
    assert dict(clause.text) == {"fr": "Le PNR ferroviaire."}
    calls = []
    monkeypatch.setattr(type(clause.text), "_texts", lambda self: calls.append(1) or {})
    assert clause.status_in("nl") is Status.MISSING and clause.has_text("fr")
    assert calls == []


def test_nothing_comes_back_for_an_origin_never_indexed(index):
    assert index.load("team:nope.json") is None


def test_the_same_id_in_two_libraries_is_indexed_in_both_and_found_once(index):
    index.sync(team_library(), origin="team:a.json")
    index.sync(Library(clauses={SIS.id: SIS}, digest="b"), origin="personal")
    assert [h.clause_id for h in index.search("ligne")] == ["team.sis"]
    index.remove("team.sis", origin="personal")
    assert index.load("team:a.json").get("team.sis") == SIS
