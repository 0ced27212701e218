"""A long note opens with the widgets of the blocks in view; the others come after, or on demand."""

from __future__ import annotations

from app.notes.note import Note, Section, TextBlock
from tests.ui.conftest import type_text
from ui.document import NoteDocument
from ui.panels.blocks import TextBlockWidget
from ui.panels.composer import EAGER_BLOCKS
from ui.panels.lazyblocks import BlockPlaceholder
from ui.qt import QApplication


def long_note(blocks_per_section: int = 50, sections: int = 3) -> Note:
    """A note of free-text blocks, the last one with a word found nowhere else."""
    note = Note(
        subject={"fr": "Note longue"},
        sections=[
            Section(
                {"fr": f"Section {s + 1}"},
                [
                    TextBlock({"fr": f"La coopération policière, paragraphe {s}.{p}."})
                    for p in range(blocks_per_section)
                ],
            )
            for s in range(sections)
        ],
    )
    note.sections[-1].blocks[-1] = TextBlock({"fr": "Le dernier mot : Zanzibar."})
    return note


def test_a_long_note_shows_placeholders_first_then_every_block_in_order(window, qtbot):
    note = long_note()
    window.set_document(NoteDocument.new(note))
    composer = window.composer
    made = composer.built_block_ids()
    assert 0 < len(made) < EAGER_BLOCKS < 150
    assert composer.building()
    placeholder = next(iter(composer.placeholders.values()))
    assert isinstance(placeholder, BlockPlaceholder) and placeholder.height() > 0
    qtbot.waitUntil(lambda: not composer.building(), timeout=60_000)
    assert set(composer.built_block_ids()) == {b.id for _s, b in note.blocks()}
    for section in note.sections:
        shown = composer.section_widgets[section.id].blocks
        assert [w.block_id for w in shown] == [b.id for b in section.blocks]
        assert all(isinstance(w, TextBlockWidget) for w in shown)


def test_a_block_not_made_yet_is_made_when_asked_for_and_takes_typing(window, qtbot):
    note = long_note()
    window.set_document(NoteDocument.new(note))
    composer = window.composer
    last = note.sections[-1].blocks[-1]
    assert last.id in composer.placeholders
    widget = composer.block_widgets[last.id]
    assert isinstance(widget, TextBlockWidget) and last.id not in composer.placeholders
    assert composer.section_widgets[note.sections[-1].id].blocks[-1] is widget
    composer.focus_block(last.id)
    editor = widget.editors.editors["fr"]
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " Fin")
    assert window.document.session.block(last.id).plain("fr") == "Le dernier mot : Zanzibar. Fin"


def test_find_reaches_a_block_not_made_yet(window, qtbot):
    note = long_note()
    window.set_document(NoteDocument.new(note))
    last = note.sections[-1].blocks[-1]
    assert last.id in window.composer.placeholders
    window.composer.focus_block(note.sections[0].blocks[0].id)  # the note has the keyboard
    window.find_in_note(replacing=False)
    dialog = window.find_dialog
    type_text(dialog.find_edit, "zanzibar")
    match = dialog.step(1)
    assert match is not None and match.place.block_id == last.id
    editor = window.composer.block_widgets[last.id].editors.editors["fr"]
    assert QApplication.focusWidget() is editor or window.focusWidget() is editor
    assert editor.textCursor().selectedText() == "Zanzibar"
