"""Undo history: several edits of one user action recorded as one step."""

from __future__ import annotations

from app.library.clauses import Clause, Kind
from app.notes.editing import NoteSession
from app.notes.history import Change, Scope, combined
from app.notes.note import Note


def _clause() -> Clause:
    return Clause(id="c1", kind=Kind.COMMITMENT, title={"fr": "T"}, text={"fr": "Texte."})


def test_a_section_made_for_a_clause_and_the_clause_are_one_undo_step():
    session = NoteSession(Note())
    with session.history.group():
        section_id = session.add_section({"fr": "Engagements"}).section_ids[0]
        session.insert_clause(section_id, _clause())
    assert session.history.undo_label == "Insert clause c1"
    change = session.undo()
    assert session.note.sections == []
    assert not session.history.can_undo
    assert change.scope is Scope.BLOCKS and change.section_ids == (section_id,)
    change = session.redo()
    assert [b.clause_id for b in session.note.sections[0].blocks] == ["c1"]
    assert change.block_id == session.note.sections[0].blocks[0].id


def test_a_group_of_one_edit_is_that_edit_and_nested_groups_make_one_step():
    session = NoteSession(Note())
    with session.history.group():
        session.add_section({"fr": "A"})
    assert session.history.undo_label == "Add section"
    with session.history.group():
        for title in ("B", "C"):
            with session.history.group():
                session.add_section({"fr": title})
    session.undo()
    assert [s.title["fr"] for s in session.note.sections] == ["A"]
    assert session.history.undo_label == "Add section"


def test_a_group_does_not_merge_with_the_typing_before_it():
    session = NoteSession(Note())
    session.set_localized("subject", "fr", "Réunion")
    with session.history.group():
        session.set_localized("subject", "fr", "Réunion bilatérale")
    session.undo()
    assert session.note.subject["fr"] == "Réunion"


def test_a_saved_note_becomes_unsaved_after_a_group_and_clean_again_after_its_undo(tmp_path):
    session = NoteSession(Note())
    session.save(tmp_path / "n.clausier")
    with session.history.group():
        section_id = session.add_section({"fr": "A"}).section_ids[0]
        session.insert_clause(section_id, _clause())
    assert session.modified
    session.undo()
    assert not session.modified


def test_changes_shown_together_name_every_section_or_the_whole_note():
    blocks = Change(Scope.BLOCKS, ("s1",), "b1")
    sections = Change(Scope.SECTIONS, ("s2",))
    assert combined([sections, blocks]) == Change(Scope.BLOCKS, ("s2", "s1"), "b1")
    typing = Change(Scope.BLOCK, ("s1",), "b1")
    assert combined([typing, typing]) == typing
    assert combined([typing, Change(Scope.METADATA, field="date")]).scope is Scope.NOTE
