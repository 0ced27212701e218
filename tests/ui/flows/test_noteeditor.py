"""One user action, one undo step: an insertion that makes the section it goes into."""

from __future__ import annotations

from PySide6.QtTest import QTest

from app.notes.note import FollowUpTable, LinkedClause
from tests.ui.conftest import type_text
from ui.qt import Qt

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_one_ctrl_z_takes_back_the_first_clause_and_the_section_made_for_it(window, qtbot):
    assert window.document.note.sections == []
    search = window.library.search
    qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
    type_text(search, "biens culturels")
    QTest.keyClick(search, Qt.Key.Key_Return)
    (section,) = window.document.note.sections
    assert [type(b) for b in section.blocks] == [LinkedClause]
    inserted = section.blocks[0].clause_id
    assert window.actions["undo"].toolTip().startswith("Undo Insert clause")

    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.document.note.sections == []
    assert not window.actions["undo"].isEnabled()
    assert window.composer.section_widgets == {}
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    (section,) = window.document.note.sections
    assert [b.clause_id for b in section.blocks] == [inserted]
    assert list(window.composer.section_widgets) == [section.id]
    assert len(window.composer.block_widgets) == 1


def test_a_follow_up_table_in_an_empty_note_is_one_undo_step_with_its_section(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    (section,) = window.document.note.sections
    assert isinstance(section.blocks[0], FollowUpTable)
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.document.note.sections == []
