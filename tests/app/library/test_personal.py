"""Tests for the personal library: clauses with revisions in the user's database."""

from __future__ import annotations

import json

import pytest

from app.library import database
from app.library.clauses import PERSONAL, Kind, Status
from app.library.personal import ClauseDraft, PersonalLibrary, title_from
from app.library.search import LibraryIndex
from app.library.sync import SyncState, state
from app.system.errors import LibraryError

SIS_FR = "La ligne standard sur le SIS : le Système d’Information Schengen est renforcé."
SIS_NL = "De standaardlijn over het SIS: het Schengeninformatiesysteem wordt versterkt."


@pytest.fixture
def store():
    db = database.connect()
    index = LibraryIndex(db)
    yield PersonalLibrary(db, index=index, author="marie")
    db.close()


def add(store, **extra) -> str:
    draft = ClauseDraft(text={"fr": SIS_FR, "nl": SIS_NL}, tags=("sis",), **extra)
    return store.add(draft).id


def test_a_new_clause_is_revision_1_with_author_time_and_a_made_up_id(store):
    clause = store.get(add(store))
    assert clause.revision == 1 and clause.author == "marie" and clause.modified
    assert clause.changes == ("created",) and clause.library == PERSONAL
    assert clause.id.startswith("p") and clause.id.endswith(".1")
    assert clause.title == {
        "fr": "La ligne standard sur le SIS",
        "nl": "De standaardlijn over het SIS",
    }
    assert clause.status == {"fr": Status.OFFICIAL, "nl": Status.OFFICIAL}
    assert clause.kind is Kind.STANDARD and clause.tags == ("sis",)


def test_ids_are_unique_and_a_chosen_id_is_checked(store):
    first, second = add(store), add(store)
    assert first != second
    assert add(store, id="sis-standard") == "sis-standard"
    with pytest.raises(LibraryError, match="exists already"):
        add(store, id="sis-standard")
    with pytest.raises(LibraryError, match="cannot be a clause id"):
        add(store, id="Avec Espaces")
    with pytest.raises(LibraryError, match="exists already"):
        store.add(ClauseDraft(text={"fr": "x"}, id="vd2.1.4"), taken={"vd2.1.4"})


def test_a_clause_needs_a_text(store):
    with pytest.raises(LibraryError, match="needs a text"):
        store.add(ClauseDraft(text={"fr": "  "}))


def test_every_change_makes_a_revision_and_the_history_keeps_them_all(store):
    clause_id = add(store)
    store.edit(clause_id, text={"fr": SIS_FR.replace("renforcé", "nettement renforcé")})
    store.edit(clause_id, tags=["sis", "schengen"])
    history = store.history(clause_id)
    assert [c.revision for c in history] == [3, 2, 1]
    assert [c.changes for c in history] == [("tags",), ("text.fr",), ("created",)]
    assert store.revision(clause_id, 1).text["fr"] == SIS_FR


def test_an_edit_that_changes_nothing_makes_no_revision(store):
    clause_id = add(store)
    assert store.edit(clause_id, text={"fr": SIS_FR}).revision == 1
    assert len(store.history(clause_id)) == 1


def test_editing_the_french_marks_the_dutch_out_of_date_until_translated(store):
    clause_id = add(store)
    edited = store.edit(clause_id, text={"fr": "Nouveau texte français."})
    assert state(edited, "nl") is SyncState.OUT_OF_DATE
    assert state(edited, "fr") is SyncState.IN_STEP
    translated = store.translate(clause_id, "nl", "Nieuwe Nederlandse tekst.")
    assert translated.changes == ("text.nl", "translated.nl")
    assert state(translated, "nl") is SyncState.IN_STEP
    assert state(translated, "fr") is SyncState.IN_STEP


def test_confirming_a_translation_makes_a_revision_without_changing_the_text(store):
    clause_id = add(store)
    store.edit(clause_id, text={"fr": SIS_FR + " Toujours."})
    confirmed = store.confirm(clause_id, "nl")
    assert confirmed.revision == 3 and confirmed.changes == ("confirmed.nl",)
    assert confirmed.text["nl"] == SIS_NL and state(confirmed, "nl") is SyncState.IN_STEP
    assert store.confirm(clause_id, "nl").revision == 3  # nothing to confirm any more


def test_restoring_a_revision_makes_it_the_newest_in_step(store):
    clause_id = add(store)
    store.edit(clause_id, text={"fr": "Autre texte."}, title={"fr": "Autre"})
    restored = store.restore(clause_id, 1)
    assert restored.revision == 3 and restored.changes[-1] == "restored.1"
    assert restored.text == {"fr": SIS_FR, "nl": SIS_NL}
    assert restored.title["fr"] == "La ligne standard sur le SIS"
    assert state(restored, "nl") is SyncState.IN_STEP


def test_retired_clauses_stay_readable_and_leave_search(store):
    clause_id = add(store)
    assert [h.clause_id for h in store.index.search("schengen")] == [clause_id]
    assert store.retire(clause_id).retired
    assert store.index.search("schengen") == []
    assert [h.clause_id for h in store.index.search("schengen", include_retired=True)] == [
        clause_id
    ]
    assert store.library().get(clause_id).retired
    assert not store.unretire(clause_id).retired
    assert store.index.search("schengen")


def test_a_deleted_clause_keeps_its_revisions_for_notes_and_can_come_back(store):
    clause_id = add(store)
    store.edit(clause_id, text={"fr": "Deuxième version."})
    store.delete(clause_id)
    library = store.library()
    assert clause_id not in library.clauses
    assert library.at(clause_id, 1).text["fr"] == SIS_FR
    assert library.newest(clause_id).revision == 2
    assert [c.id for c in store.deleted()] == [clause_id]
    assert store.index.search("deuxieme") == []
    with pytest.raises(LibraryError, match="deleted"):
        store.edit(clause_id, text={"fr": "x"})
    store.undelete(clause_id)
    assert store.library().get(clause_id).revision == 2
    assert store.index.search("deuxieme")


def test_unknown_ids_and_revisions_are_clear_errors(store):
    with pytest.raises(LibraryError, match="not a clause of your personal library"):
        store.get("nope")
    clause_id = add(store)
    with pytest.raises(LibraryError, match="no revision 7"):
        store.revision(clause_id, 7)


def test_the_index_digest_follows_every_change(store):
    before = store.digest
    add(store)
    assert store.digest != before
    assert database.get_meta(store.db, "digest:personal") == store.digest


def test_variables_are_described_with_a_type(store):
    store.define_variable("sommet", "text", "Le sommet préparé")
    assert store.library().variables == {"sommet": ("text", "Le sommet préparé")}
    with pytest.raises(LibraryError, match="type text, date or person"):
        store.define_variable("sommet", "number", "")
    with pytest.raises(LibraryError, match="cannot be a variable name"):
        store.define_variable("Sommet!", "text", "")


def test_the_backup_copy_restores_an_empty_library_with_every_revision(store, tmp_path):
    clause_id = add(store)
    store.edit(clause_id, text={"fr": "Deuxième version."})
    retired = add(store)
    store.retire(retired)
    store.define_variable("sommet", "text", "Le sommet")
    path = store.save_backup(tmp_path / "copy.json")
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "clausier-personal-backup"
    fresh_db = database.connect(tmp_path / "fresh.sqlite3")
    fresh = PersonalLibrary(fresh_db, author="marie")
    try:
        assert fresh.restore_backup(path) == 2
        assert [c.revision for c in fresh.history(clause_id)] == [2, 1]
        assert fresh.get(retired).retired
        assert fresh.library().variables == {"sommet": ("text", "Le sommet")}
        assert fresh.add(ClauseDraft(text={"fr": "Encore."})).id not in (clause_id, retired)
        with pytest.raises(LibraryError, match="not empty"):
            fresh.restore_backup(path)
    finally:
        fresh_db.close()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Court.", "Court"),
        ("Première phrase. Deuxième phrase.", "Première phrase"),
        ("mot " * 40, ("mot " * 17).strip() + "…"),
    ],
)
def test_a_title_is_drawn_from_the_first_sentence(text, title):
    assert title_from(text) == title


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000, b'{"format": "clausier-personal-backup", "version": 1e400}'],
    ids=["deep", "1e400"],
)
def test_a_hostile_backup_copy_is_one_clear_library_error(tmp_path, content):
    path = tmp_path / "copy.json"
    path.write_bytes(content)
    fresh_db = database.connect(tmp_path / "fresh.sqlite3")
    try:
        with pytest.raises(LibraryError, match="copy of the personal library .* cannot be read"):
            PersonalLibrary(fresh_db, author="marie").restore_backup(path)
    finally:
        fresh_db.close()
