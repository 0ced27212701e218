"""Tests for the collection: every library merged, and each library action."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from app.collection import actions, libraries
from app.collection.actions import Action, Collection
from app.export.render import build_plan
from app.library import clauses as library_mod
from app.library import database, personalbackup
from app.library.clauses import (
    BUILTIN,
    IMPORT,
    PERSONAL,
    TEAM,
    Clause,
    Kind,
    Library,
)
from app.library.personal import ClauseDraft
from app.library.sync import SyncState
from app.notes import file as notefile
from app.notes.note import LinkedClause, Note, Section, TextBlock
from app.system.errors import LibraryError
from app.system.settings import Settings

ROOT = library_mod.paths.resources_dir().parent
SIS = {
    "fr": "Le Système d’Information Schengen est renforcé à Zeebrugge.",
    "nl": "Het SIS wordt versterkt.",
}


def settings(team_folder=None) -> Settings:
    return Settings(site={"team_library": str(team_folder)} if team_folder else {})


@pytest.fixture
def collection():
    opened = Collection.open(settings=settings(), author="marie")
    yield opened
    opened.close()


def add(collection, text=SIS, **extra) -> str:
    return collection.add_clause(ClauseDraft(text=dict(text), **extra)).clause_ids[0]


def test_the_builtin_library_is_there_and_personal_clauses_join_it(collection):
    assert "vd2.1.4" in collection.library.clauses
    change = collection.add_clause(ClauseDraft(text=SIS, tags=("sis",)))
    assert change.action is Action.ADDED and change.revision == 1
    clause = collection.clause(change.clause_ids[0])
    assert clause.library == PERSONAL and clause.editable
    assert [h.clause_id for h in collection.search("zeebrugge")] == [clause.id]


def test_an_edit_says_what_changed_and_the_library_follows(collection):
    clause_id = add(collection)
    change = collection.edit_clause(clause_id, text={"fr": SIS["fr"] + " Vite."})
    assert (change.action, change.clause_ids, change.revision) == (Action.EDITED, (clause_id,), 2)
    assert collection.clause(clause_id).revision == 2
    assert collection.library.at(clause_id, 1).text["fr"] == SIS["fr"]
    assert collection.sync_states(clause_id) == {
        "fr": SyncState.IN_STEP,
        "nl": SyncState.OUT_OF_DATE,
    }
    assert [c.id for c, lang in collection.translations_out_of_date()] == [clause_id]
    diff = collection.source_diff(clause_id, "nl")
    assert diff is not None and diff.changed
    collection.translate_clause(clause_id, "nl", "Het SIS wordt snel versterkt.")
    assert collection.translations_out_of_date() == []
    assert [c.revision for c in collection.history(clause_id)] == [3, 2, 1]
    assert collection.diff(clause_id, 1)["fr"].changed


def test_tags_retire_delete_and_their_undoing(collection):
    clause_id = add(collection)
    collection.tag_clause(clause_id, add=["sis", "schengen"])
    collection.tag_clause(clause_id, remove=["sis"])
    assert collection.clause(clause_id).tags == ("schengen",)
    assert collection.retire_clause(clause_id).action is Action.RETIRED
    assert collection.clause(clause_id).retired and collection.search("zeebrugge") == []
    collection.unretire_clause(clause_id)
    collection.delete_clause(clause_id)
    assert clause_id not in collection.library.clauses
    assert collection.library.newest(clause_id) is not None  # notes still render it
    assert [c.id for c in collection.deleted_clauses()] == [clause_id]
    collection.undelete_clause(clause_id)
    assert collection.clause(clause_id).tags == ("schengen",)


def test_restoring_a_revision(collection):
    clause_id = add(collection)
    collection.edit_clause(clause_id, text={"fr": "Autre."})
    change = collection.restore_revision(clause_id, 1)
    assert change.action is Action.RESTORED and change.revision == 3
    assert collection.clause(clause_id).text == SIS


def test_builtin_and_team_clauses_cannot_be_changed_but_can_be_copied(collection):
    with pytest.raises(LibraryError, match="built-in library"):
        collection.edit_clause("vd2.1.4", text={"fr": "x"})
    change = collection.copy_to_personal("vd2.1.4")
    copy = collection.clause(change.clause_ids[0])
    assert copy.text == collection.clause("vd2.1.4").text and copy.origin.source == "vd2"
    assert "vd2.1.4" in copy.remark


def test_a_block_of_a_note_is_saved_as_a_clause(collection):
    change = collection.save_block(
        TextBlock({"fr": "Notre ligne sur le PNR ferroviaire."}), tags=("pnr",)
    )
    clause = collection.clause(change.clause_ids[0])
    assert clause.text == {"fr": "Notre ligne sur le PNR ferroviaire."} and clause.tags == ("pnr",)


def test_variables_of_a_clause_and_their_definition(collection):
    clause_id = add(collection, {"fr": "Pour {minister}, au sommet {sommet}."})
    assert [v.name for v in collection.variables_of(clause_id)] == ["minister", "sommet"]
    assert not collection.variables_of(clause_id)[1].defined
    change = collection.define_variable("sommet", "text", "Le sommet préparé")
    assert change.action is Action.VARIABLE and change.clause_ids == (clause_id,)
    assert collection.variables_of(clause_id)[1].label == "Le sommet préparé"


def test_near_duplicates_include_personal_clauses(collection):
    text = collection.clause("vd2.1.4").text["fr"]
    clause_id = add(collection, {"fr": text.replace("Soulignant", "Rappelant")})
    pairs = {frozenset((d.first, d.second)) for d in collection.near_duplicates(clause_id)}
    assert frozenset(("vd2.1.4", clause_id)) in pairs


def test_a_team_folder_joins_the_library_read_only(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    team_clause = Clause(
        "team.sis",
        Kind.STANDARD,
        {"fr": "SIS équipe"},
        {"fr": "La ligne SIS partagée par Zeebrugge."},
    )
    (share / "sis.json").write_text(
        library_mod.dumps(Library(clauses={"team.sis": team_clause})), encoding="utf-8"
    )
    (share / "broken.json").write_text("{", encoding="utf-8")
    opened = Collection.open(settings=settings(share))
    try:
        assert opened.clause("team.sis").library == TEAM
        assert any("broken.json" in p for p in opened.problems)
        assert [h.clause_id for h in opened.search("zeebrugge")] == ["team.sis"]
        with pytest.raises(LibraryError, match="team library"):
            opened.retire_clause("team.sis")
        assert opened.refresh() is None
        newer = Clause(
            "team.pnr", Kind.STANDARD, {"fr": "PNR"}, {"fr": "Le PNR ferroviaire de Zwijndrecht."}
        )
        (share / "pnr.json").write_text(
            library_mod.dumps(Library(clauses={"team.pnr": newer})), encoding="utf-8"
        )
        change = opened.refresh()
        assert change is not None and change.action is Action.RELOADED and TEAM in change.origins
        assert [h.clause_id for h in opened.search("zwijndrecht")] == ["team.pnr"]
    finally:
        opened.close()


def test_a_curator_exports_a_set_that_another_user_reads_as_team(collection, tmp_path, monkeypatch):
    clause_id = add(collection)
    collection.edit_clause(clause_id, text={"fr": "Deuxième version."})
    share = tmp_path / "share"
    collection.export_set([clause_id], share / "sis.json")
    monkeypatch.setenv("CLAUSIER_DATA_DIR", str(tmp_path / "colleague"))
    reader = Collection.open(settings=settings(share))
    try:
        clause = reader.clause(clause_id)
        assert clause.library == TEAM and clause.revision == 2
        assert reader.library.at(clause_id, 1).text == SIS
    finally:
        reader.close()


def test_changes_made_by_another_process_are_picked_up(collection):
    other = Collection.open(settings=settings())
    try:
        clause_id = add(other)
    finally:
        other.close()
    change = collection.refresh()
    assert change is not None and PERSONAL in change.origins
    assert collection.clause(clause_id).text == SIS


def test_where_used_finds_the_notes_citing_an_old_wording(collection, tmp_path):
    clause_id = add(collection)
    folder = tmp_path / "notes"
    folder.mkdir()
    for number in range(3):
        note = Note(
            subject={"fr": f"Note {number}"}, sections=[Section({}, [LinkedClause(clause_id, 1)])]
        )
        notefile.write(note, folder / f"n{number}.clausier")
    collection.edit_clause(clause_id, text={"fr": "Nouvelle formulation."})
    collection.refresh_note_index(folders=[folder])
    usage = collection.where_used(clause_id)
    assert usage.newest == 2 and len(usage.older_notes) == 3


def test_pending_updates_of_a_note(collection):
    clause_id = add(collection)
    note = Note(sections=[Section({}, [LinkedClause(clause_id, 1, id="b")])])
    assert collection.pending_updates(note) == []
    collection.edit_clause(clause_id, text={"fr": "Nouvelle formulation."})
    assert [u.block_id for u in collection.pending_updates(note)] == ["b"]


def test_an_import_is_previewed_before_anything_is_written(collection):
    source = ROOT / "tests" / "app" / "data" / "other_declaration.txt"
    preview = collection.preview_import(source, prefix="lux")
    assert preview.clauses and all(c.id.startswith("lux.") for c in preview.clauses)
    assert not libraries.user_library_dir().exists()
    change = collection.import_declaration(preview)
    assert change.origins == (IMPORT,)
    assert collection.clause(preview.clauses[0].id).library == IMPORT
    assert len(library_mod.builtin()) == 29


def test_a_damaged_database_is_set_aside_and_the_personal_library_restored(tmp_path):
    first = Collection.open(settings=settings())
    clause_id = add(first)
    first.edit_clause(clause_id, text={"fr": "Deuxième version."})
    first.close()
    path = database.default_path()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(b"\x00garbage" * 4096)
    second = Collection.open(settings=settings())
    try:
        assert second.recovery is not None and second.recovery.damaged.exists()
        assert any("kept as" in p for p in second.problems)
        assert [c.revision for c in second.history(clause_id)] == [2, 1]
        assert [h.clause_id for h in second.search("deuxieme")] == [clause_id]
        assert [h.clause_id for h in second.search("financement")]  # index rebuilt
    finally:
        second.close()


def test_the_personal_copy_is_written_after_each_change(collection):
    clause_id = add(collection)
    assert clause_id in personalbackup.backup_path().read_text(encoding="utf-8")


def test_load_all_and_open_index_see_every_library(collection):
    clause_id = add(collection)
    loaded = actions.load_all()
    assert clause_id in loaded.library.clauses and "vd2.1.4" in loaded.library.clauses
    assert set(loaded.library.parts) == {BUILTIN, PERSONAL}
    index = libraries.open_index(loaded.library)
    try:
        assert [h.clause_id for h in index.search("zeebrugge")] == [clause_id]
        assert index.sync_parts(loaded.library) == []  # nothing to re-index a second time
    finally:
        index.close()


def test_a_linked_personal_clause_exports_at_its_revision(collection):
    clause_id = add(collection)
    collection.edit_clause(clause_id, text={"fr": "Deuxième version."})
    note = Note(sections=[Section({}, [LinkedClause(clause_id, 1)])])
    plan = build_plan(note, collection.library)
    assert "Schengen" in str(plan.body)
    assert "outdated_link" in [w.code for w in plan.warnings]


def test_an_unchanged_team_file_is_read_back_from_the_index_not_parsed(tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    clause = Clause("team.x", Kind.STANDARD, {"fr": "X"}, {"fr": "Le texte de l’équipe."})
    (share / "x.json").write_text(
        library_mod.dumps(Library(clauses={"team.x": clause})), encoding="utf-8"
    )
    Collection.open(settings=settings(share)).close()
    library_mod.builtin()

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(library_mod, "loads", no_parsing)
    again = Collection.open(settings=settings(share))
    try:
        assert again.clause("team.x").text_in("fr") == "Le texte de l’équipe."
        assert again.clause("team.x") == replace(clause, library=TEAM)
    finally:
        again.close()


def test_a_hostile_imported_library_in_the_data_folder_is_skipped_and_named():
    folder = libraries.user_library_dir()
    folder.mkdir(parents=True)
    (folder / "deep.json").write_text("[" * 100_000)
    os.mkfifo(folder / "pipe.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    opened = Collection.open(settings=settings())
    try:
        assert "vd2.1.4" in opened.library.clauses
        problems = "\n".join(opened.problems)
        assert len(opened.problems) == 3
        assert "deep.json is not a library file: it nests more than 64 levels" in problems
        assert "Cannot read pipe.json: it is a named pipe, not a file" in problems
        assert "Cannot read zero.json: it is a device, not a file" in problems
    finally:
        opened.close()
