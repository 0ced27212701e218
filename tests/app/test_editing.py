"""Tests for undoable note edits (the history lives in the core, tested without a display)."""

from __future__ import annotations

from datetime import date

import pytest

from app import notefile
from app.classification import Classification
from app.editing import NoteSession
from app.errors import ClausierError
from app.history import Scope
from app.library import Clause, Kind, Library
from app.note import CopiedClause, LinkedClause, Note, Section


def library() -> Library:
    clause = Clause(
        "vd2.1.4",
        Kind.COMMITMENT,
        {"fr": "Financement", "nl": "Financiering"},
        {"fr": "Lutter contre {minister}.", "nl": "Strijd."},
        revision=3,
    )
    return Library(clauses={clause.id: clause})


def session() -> NoteSession:
    note = Note(sections=[Section({"fr": "Contexte"}), Section({"fr": "Engagements"})])
    return NoteSession(note)


def test_inserting_a_clause_links_its_current_revision_and_undo_removes_it():
    s = session()
    target = s.note.sections[1]
    change = s.insert_clause(target.id, library().get("vd2.1.4"))
    assert change.scope is Scope.BLOCKS and change.section_ids == (target.id,)
    assert target.blocks == [LinkedClause("vd2.1.4", 3, id=change.block_id)]
    assert s.history.undo_label == "Insert clause vd2.1.4"
    s.undo()
    assert target.blocks == []
    assert s.history.redo_label == "Insert clause vd2.1.4"
    s.redo()
    assert target.blocks[0].clause_id == "vd2.1.4"


def test_typing_in_one_field_merges_into_one_undo_step():
    s = session()
    block_id = s.insert_text(s.note.sections[0].id).block_id
    for text in ("L", "Le", "Le c", "Le contexte"):
        s.edit_text(block_id, "fr", text)
    assert s.block(block_id).text["fr"] == "Le contexte"
    s.undo()
    assert s.block(block_id).text.get("fr") is None
    s.redo()
    assert s.block(block_id).text["fr"] == "Le contexte"


def test_typing_does_not_merge_across_a_save(tmp_path):
    s = session()
    block_id = s.insert_text(s.note.sections[0].id).block_id
    s.edit_text(block_id, "fr", "avant")
    s.save(tmp_path / "n.clausier")
    assert not s.modified
    s.edit_text(block_id, "fr", "avant après")
    assert s.modified
    s.undo()
    assert s.block(block_id).text["fr"] == "avant"
    assert not s.modified


def test_metadata_changes_are_undoable_with_their_own_labels():
    s = session()
    s.set_metadata("classification", "confidential")
    s.set_metadata("date", date(2018, 6, 11))
    assert s.note.classification is Classification.CONFIDENTIAL
    assert s.history.undo_label == "Change date"
    s.undo()
    assert s.note.date is None
    assert s.history.undo_label == "Change classification"
    s.undo()
    assert s.note.classification is Classification.NONE


def test_localized_fields_are_edited_one_language_at_a_time():
    s = session()
    s.set_localized("subject", "fr", "Suivi")
    s.set_localized("subject", "nl", "Opvolging")
    assert s.note.subject == {"fr": "Suivi", "nl": "Opvolging"}
    s.set_localized("subject", "nl", "")
    assert s.note.subject == {"fr": "Suivi"}


def test_sections_are_added_renamed_moved_and_deleted_with_undo():
    s = session()
    first, second = (x.id for x in s.note.sections)
    s.add_section({"fr": "Décision"})
    s.rename_section(first, {"fr": "Contexte général"})
    s.move_section(second, 0)
    assert [x.title["fr"] for x in s.note.sections] == [
        "Engagements",
        "Contexte général",
        "Décision",
    ]
    s.remove_section(first)
    assert len(s.note.sections) == 2
    for label in ("Delete section", "Move section", "Rename section", "Add section"):
        assert s.history.undo_label == label
        s.undo()
    assert [x.title["fr"] for x in s.note.sections] == ["Contexte", "Engagements"]


def test_blocks_move_by_keyboard_across_sections():
    s = session()
    a = s.insert_text(s.note.sections[0].id, {"fr": "a"}).block_id
    b = s.insert_text(s.note.sections[0].id, {"fr": "b"}).block_id
    s.move_block_by(a, +1)
    assert [blk.id for blk in s.note.sections[0].blocks] == [b, a]
    s.move_block_by(a, +1)  # past the end: into the next section
    assert s.note.sections[1].blocks[0].id == a
    assert s.move_block_by(a, +1) is None  # nothing further
    s.undo()
    s.undo()
    assert [blk.id for blk in s.note.sections[0].blocks] == [a, b]


def test_a_linked_clause_is_read_only_until_edited_locally():
    s = session()
    lib = library()
    block_id = s.insert_clause(s.note.sections[1].id, lib.get("vd2.1.4")).block_id
    with pytest.raises(ClausierError, match="edit it locally"):
        s.edit_text(block_id, "fr", "x")
    s.edit_locally(block_id, lib)
    copied = s.block(block_id)
    assert isinstance(copied, CopiedClause) and copied.revision == 3
    s.edit_text(block_id, "fr", "Texte adapté.")
    assert lib.get("vd2.1.4").text["fr"] == "Lutter contre {minister}."  # library untouched
    s.undo()
    s.undo()
    assert isinstance(s.block(block_id), LinkedClause)


def test_variables_used_by_the_note_are_listed_and_filled():
    s = session()
    lib = library()
    s.insert_clause(s.note.sections[1].id, lib.get("vd2.1.4"))
    s.insert_text(s.note.sections[0].id, {"fr": "Réunion du {meeting_date}."})
    assert s.variable_names(lib) == ["meeting_date", "minister"]
    s.set_variable("minister", {"fr": "le ministre"})
    assert s.note.variables["minister"] == {"fr": "le ministre"}
    s.undo()
    assert "minister" not in s.note.variables


def test_a_read_only_note_cannot_be_saved_over(tmp_path):
    path = tmp_path / "n.clausier"
    notefile.write(Note(), path)
    s = NoteSession.open(path)
    s.read_only = True
    with pytest.raises(ClausierError, match="read-only"):
        s.save()
    s.save(tmp_path / "copy.clausier")
    assert s.path == tmp_path / "copy.clausier"


def test_follow_up_rows_are_edited_with_undo():
    s = session()
    table_id = s.insert_follow_up(s.note.sections[1].id).block_id
    s.add_follow_up_row(table_id)
    s.edit_follow_up(table_id, 0, "state", "fr", "En cours")
    s.edit_follow_up(table_id, 0, "deadline", "fr", "2018-12-31")
    row = s.block(table_id).rows[0]
    assert (row.state, row.deadline) == ({"fr": "En cours"}, "2018-12-31")
    s.undo()
    assert row.deadline == ""
    s.remove_follow_up_row(table_id, 0)
    assert s.block(table_id).rows == []
    s.undo()
    assert s.block(table_id).rows == [row]
