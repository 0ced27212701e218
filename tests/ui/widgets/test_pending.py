"""What is being typed in a cell or a date is never lost: Save, Export, Quit and autosave take it."""

from __future__ import annotations

from datetime import date

from PySide6.QtTest import QTest

from app.notes import file as notefile
from app.notes import recovery
from app.notes.note import FollowUpTable
from tests.ui.conftest import type_text
from ui.dialogs.answers import Unsaved
from ui.panels.blocks import FollowUpWidget
from ui.qt import QApplication, QLineEdit, Qt

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def first_row(note) -> object:
    """The first row of the note's first follow-up table."""
    return next(b for _s, b in note.blocks() if isinstance(b, FollowUpTable)).rows[0]


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``key`` wherever the keyboard is (Enter commits a cell a moment later: let it)."""
    QTest.keyClick(QApplication.focusWidget(), key, modifiers)
    QApplication.processEvents()


def saved_table(window, dialogs, tmp_path) -> tuple[FollowUpTable, FollowUpWidget]:
    """A saved note with a follow-up table of one row, made by keyboard and mouse."""
    QTest.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    table = next(b for _s, b in window.document.note.blocks() if isinstance(b, FollowUpTable))
    widget = window.composer.block_widgets[table.id]
    QTest.mouseClick(widget.editor.add_button, Qt.MouseButton.LeftButton)
    dialogs.save_answer = tmp_path / "suivi.clausier"
    press(Qt.Key.Key_S, CTRL)
    assert window.document.path == tmp_path / "suivi.clausier"
    assert not window.isWindowModified()
    return table, widget


def open_cell(qtbot, widget: FollowUpWidget, column: str) -> QLineEdit:
    """Double-click a cell of the table's first row; its editor, which has the keyboard."""
    view = widget.editor.table
    index = view.model().index(0, widget.editor.column_index(column))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and view.isAncestorOf(editor)
    return editor


def test_ctrl_s_saves_what_is_being_typed_in_a_cell_and_the_title_counted_it(
    window, dialogs, tmp_path, qtbot
):
    table, widget = saved_table(window, dialogs, tmp_path)
    cell = open_cell(qtbot, widget, "state")
    type_text(cell, "Accord principe")
    assert window.isWindowModified()  # the title says "*" while the cell is typed in
    assert table.rows[0].state == {}
    for _ in range(len("principe")):
        press(Qt.Key.Key_Left)
    press(Qt.Key.Key_S, CTRL)
    assert first_row(notefile.read(tmp_path / "suivi.clausier")).state == {"fr": "Accord principe"}
    assert not window.isWindowModified()
    assert QApplication.focusWidget() is cell  # still typing, the cursor where it was
    type_text(cell, "de ")
    assert cell.text() == "Accord de principe"
    assert window.isWindowModified()
    press(Qt.Key.Key_Return)
    assert table.rows[0].state == {"fr": "Accord de principe"}


def test_ctrl_q_with_a_cell_being_typed_in_asks_and_saves_it(
    window, workspace, dialogs, tmp_path, qtbot
):
    _table, widget = saved_table(window, dialogs, tmp_path)
    cell = open_cell(qtbot, widget, "state")
    type_text(cell, "Accord de principe")
    dialogs.unsaved_answer = Unsaved.SAVE
    press(Qt.Key.Key_Q, CTRL)
    assert len(dialogs.asked_unsaved) == 1
    assert workspace.windows == []
    saved = notefile.read(tmp_path / "suivi.clausier")
    assert first_row(saved).state == {"fr": "Accord de principe"}


def test_export_and_autosave_take_what_is_being_typed_in_a_cell(window, dialogs, tmp_path, qtbot):
    table, widget = saved_table(window, dialogs, tmp_path)
    cell = open_cell(qtbot, widget, "lead")
    type_text(cell, "SPF Intérieur")
    window.autosave()  # the autosave timer's tick
    (copy,) = [p for p in recovery.recovery_dir().glob("*.clausier")]
    assert first_row(notefile.read(copy)).lead == {"fr": "SPF Intérieur"}
    type_text(cell, ", DG Sécurité")
    press(Qt.Key.Key_E, CTRL)
    dialog = window.export_dialog
    assert dialog is not None
    assert table.rows[0].lead == {"fr": "SPF Intérieur, DG Sécurité"}
    dialog.reject()


def test_escape_cancels_only_the_typing_in_that_cell_and_says_so(window, dialogs, tmp_path, qtbot):
    table, widget = saved_table(window, dialogs, tmp_path)
    cell = open_cell(qtbot, widget, "state")
    type_text(cell, "En cours")
    press(Qt.Key.Key_Return)
    cell = open_cell(qtbot, widget, "deadline")
    type_text(cell, "fin 2018")
    press(Qt.Key.Key_Escape)
    assert (table.rows[0].deadline, table.rows[0].deadline_text) == ("", {})
    assert table.rows[0].state == {"fr": "En cours"}  # the cell typed in before stays
    assert widget.editor.table.item(0, widget.editor.column_index("deadline")).text() == ""
    assert window.statusBar().currentMessage() == (
        "Typing in the cell cancelled (Escape). Enter or Tab keeps what you type."
    )
    assert window.actions["undo"].toolTip() == "Undo Edit follow-up table"


def test_escape_after_a_save_while_typing_cancels_what_the_save_took_too(
    window, dialogs, tmp_path, qtbot
):
    table, widget = saved_table(window, dialogs, tmp_path)
    cell = open_cell(qtbot, widget, "deadline")
    type_text(cell, "fin 2018")
    press(Qt.Key.Key_S, CTRL)
    assert table.rows[0].deadline_text == {"fr": "fin 2018"}
    press(Qt.Key.Key_Escape)
    assert table.rows[0].deadline_text == {}
    assert window.isWindowModified()  # the file has "fin 2018", the note no longer


def test_a_date_typed_and_not_yet_left_is_saved_by_ctrl_s(window, dialogs, tmp_path, qtbot):
    saved_table(window, dialogs, tmp_path)
    field = window.composer.metadata.dates["date"]
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton)
    field.edit.selectAll()
    type_text(field.edit, "11 juin 2018")
    assert window.isWindowModified()
    press(Qt.Key.Key_S, CTRL)
    assert notefile.read(tmp_path / "suivi.clausier").date == date(2018, 6, 11)
    assert field.edit.hasFocus() and not window.isWindowModified()
