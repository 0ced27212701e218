"""Tests for full-text search through the SQLite FTS5 index."""

from __future__ import annotations

import sqlite3

import pytest

from app.library import database
from app.library.clauses import Clause, Kind, Library, Origin
from app.library.search import LibraryIndex, fts_query


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


def test_fts_query_quotes_each_folded_word_as_a_prefix():
    assert fts_query("sécu  l’école") == '"secu"* AND "l"* AND "ecole"*'
    assert fts_query("  ") == ""


def test_fts_query_asks_for_each_spelling_of_oe_and_ae():
    assert fts_query("Cœur") == '("coeur"* OR "cœur"*)'
    assert fts_query("co") == '("co"* OR "cœ"*)'


LIGATURES = make_library(
    "Mettre en œuvre la déclaration.",
    "Au cœur de l’Europe.",
    "ŒUVRER ensemble contre la radicalisation.",
    "Une manoeuvre écrite sans ligature.",
    "Le curriculum vitæ des magistrats.",
    "Un coeur écrit sans ligature.",
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("oeuvre", {"t.1.1", "t.1.3"}),
        ("OEUVRE", {"t.1.1", "t.1.3"}),
        ("œuvre", {"t.1.1", "t.1.3"}),
        ("Œuvr", {"t.1.1", "t.1.3"}),
        ("coeur", {"t.1.2", "t.1.6"}),
        ("cœur", {"t.1.2", "t.1.6"}),
        ("manœuvre", {"t.1.4"}),
        ("vitae", {"t.1.5"}),
        ("VITÆ magis", {"t.1.5"}),
        ("co", {"t.1.2", "t.1.3", "t.1.6"}),  # "contre", and "cœur" begins with "co" too
    ],
)
def test_oe_and_ae_find_the_ligatures_and_the_reverse(index, query, expected):
    index.sync(LIGATURES)
    assert {hit.clause_id for hit in index.search(query)} == expected


def test_one_letter_searches_titles_only():
    library = make_library(
        "Sécurité renforcée. Suite du texte.",
        "Coopération. La sécurité est dans le texte seulement.",
    )
    index = LibraryIndex()
    try:
        index.sync(library)
        assert [h.clause_id for h in index.search("s")] == ["t.1.1"]
        assert {h.clause_id for h in index.search("se")} == {"t.1.1", "t.1.2"}
    finally:
        index.close()


def test_retired_clauses_are_left_out_unless_asked(index):
    from dataclasses import replace

    library = make_library("La sécurité des écoles.", "La sécurité des gares.")
    library.clauses["t.1.2"] = replace(library.clauses["t.1.2"], retired=True)
    index.sync(library)
    assert [h.clause_id for h in index.search("securite")] == ["t.1.1"]
    assert len(index.search("securite", include_retired=True)) == 2
    assert [h.clause_id for h in index.search("")] == ["t.1.1"]


def test_one_clause_is_put_and_removed_without_reindexing_the_rest(index):
    from dataclasses import replace

    index.sync(LIBRARY, origin="builtin")
    added = replace(LIBRARY.get("t.1.1"), id="p.1", text={"fr": "Un quai de gare à Zeebrugge."})
    index.put(added, origin="personal", digest="personal-1")
    assert [h.clause_id for h in index.search("zeebrugge")] == ["p.1"]
    assert database.get_meta(index.db, "digest:personal") == "personal-1"
    index.remove("p.1", origin="personal", digest="personal-2")
    assert index.search("zeebrugge") == []
    assert {h.clause_id for h in index.search("securite")} == {"t.1.1", "t.1.3"}


def test_each_part_of_a_merged_library_is_indexed_on_its_own(index):
    combined = Library()
    combined.merge(LIBRARY, origin="builtin")
    other = make_library("Le quai de Zeebrugge.", digest="p1")
    other.clauses = {"p.1": replace_id(other.get("t.1.1"), "p.1")}
    combined.merge(other, origin="personal")
    index.sync(LIBRARY, origin="all")  # an index from an earlier version
    assert index.sync_parts(combined) == ["builtin", "personal"]
    assert index.sync_parts(combined) == []
    assert [h.clause_id for h in index.search("zeebrugge")] == ["p.1"]
    assert len(index.search("")) == 5


def replace_id(clause, new_id):
    from dataclasses import replace

    return replace(clause, id=new_id)


# --- clause ids ------------------------------------------------------------------------

SEVEN = [f"vd2.1.{n}" for n in range(1, 8)]


@pytest.fixture
def builtin_index(index):
    from app.library.clauses import builtin

    index.sync(builtin())
    return index


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vd2.0.1", ["vd2.0.1"]),
        ("VD2.1.4", ["vd2.1.4"]),
        ("  vd2.1.4 ", ["vd2.1.4"]),
        ("vd2.1", SEVEN),
        ("vd2.1.", SEVEN),
        ("Vd2.1", SEVEN),
    ],
)
def test_a_clause_id_or_its_beginning_finds_those_clauses(builtin_index, query, expected):
    assert [hit.clause_id for hit in builtin_index.search(query)] == expected


def test_every_id_of_the_builtin_library_finds_its_clause_first(builtin_index):
    from app.library.clauses import builtin

    for clause in builtin():
        assert builtin_index.search(clause.id)[0].clause_id == clause.id
        assert builtin_index.search(clause.id.upper())[0].clause_id == clause.id


def ids_library(*ids: str, retired: tuple[str, ...] = ()) -> Library:
    clauses = {}
    for position, clause_id in enumerate(ids, 1):
        clauses[clause_id] = Clause(
            id=clause_id,
            kind=Kind.COMMITMENT,
            title={"fr": f"Engagement {position}"},
            text={"fr": "Un texte qui parle de gares et de PNR."},
            origin=Origin("s", 1, position),
            retired=clause_id in retired,
        )
    return Library(clauses=clauses, digest="+".join(ids))


def test_the_exact_id_ranks_before_the_ids_it_begins_then_library_order(index):
    index.sync(ids_library("s.1.10", "s.1.2", "s.1.1", "s.1.11"))
    assert [h.clause_id for h in index.search("s.1.1")] == ["s.1.1", "s.1.10", "s.1.11"]
    assert [h.clause_id for h in index.search("s.1.")] == ["s.1.10", "s.1.2", "s.1.1", "s.1.11"]


def test_an_id_in_capitals_in_a_team_library_is_found_in_lower_case(index):
    index.sync(ids_library("TEAM-7", "TEAM-8"), origin="team:x.json")
    assert [h.clause_id for h in index.search("team-7")] == ["TEAM-7"]
    assert [h.clause_id for h in index.search("team-")] == ["TEAM-7", "TEAM-8"]


def test_a_plain_word_that_is_an_id_comes_first_and_its_beginning_after_the_texts(index):
    library = ids_library("gares", "garesud")
    library.clauses["pnr"] = Clause(
        id="pnr", kind=Kind.CONTEXT, title={"fr": "Les gares"}, text={"fr": "Des gares."}
    )
    index.sync(library)
    # "gares" is an id and a word of every text: the clause with that id comes first.
    assert [h.clause_id for h in index.search("gares")][0] == "gares"
    # "pnr" is a word of two texts and the id of the third, which comes first.
    assert [h.clause_id for h in index.search("PNR")][0] == "pnr"
    assert {h.clause_id for h in index.search("PNR")} == {"pnr", "gares", "garesud"}


def test_ids_are_searched_with_the_filters_and_without_retired_clauses(index):
    index.sync(ids_library("s.1.1", "s.1.2", "s.1.3", retired=("s.1.2",)))
    assert [h.clause_id for h in index.search("s.1")] == ["s.1.1", "s.1.3"]
    assert [h.clause_id for h in index.search("s.1", include_retired=True)] == [
        "s.1.1",
        "s.1.2",
        "s.1.3",
    ]
    assert index.search("s.1", kind="context") == []
    assert index.search("s.1.2") == []


def test_a_prefix_of_many_ids_is_bounded_by_the_limit(index):
    index.sync(ids_library(*(f"gen.{n}" for n in range(1, 501))))
    hits = index.search("gen.", limit=20)
    assert len(hits) == 20
    assert index.search("gen.250", limit=20)[0].clause_id == "gen.250"


def test_an_id_among_other_words_is_not_looked_up_as_an_id(index):
    index.sync(ids_library("s.1.1"))
    assert index.search("s.1.1 gares") == []


def test_id_query_says_whether_a_word_reads_as_an_id():
    from app.library.search import id_query

    assert id_query("vd2.1") == ("vd2.1", True)
    assert id_query(" VD2 ") == ("VD2", True)
    assert id_query("sécurité") == ("sécurité", False)
    assert id_query("preuve numérique") is None
    assert id_query("   ") is None


@pytest.mark.parametrize(
    ("text", "query", "words"),
    [
        ("Mise en œuvre de la sécurité", "oeuvre secu", ["œuvre", "sécurité"]),
        ("Échanges d’informations", "echa INFO", ["Échanges", "informations"]),
        ("Le cœur du sujet", "cœur", ["cœur"]),
        ("Coopération policière", "zzz", []),
        ("Coopération policière", "", []),
    ],
)
def test_matched_words_are_the_words_a_search_finds_accents_and_ligatures_folded(
    text, query, words
):
    from app.library.search import matched_words

    assert [text[start:end] for start, end in matched_words(text, query)] == words
