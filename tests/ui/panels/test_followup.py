"""Follow-up tables by keyboard and mouse: Add row, Tab through cells as in Word, Delete row."""

from __future__ import annotations

from PySide6.QtTest import QTest

from app.notes.note import FollowUpTable
from tests.ui.conftest import type_text
from ui.panels.blocks import FollowUpWidget
from ui.qt import QApplication, QPoint, QRect, Qt

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def typed(text: str) -> None:
    """Type ``text`` wherever the keyboard is, as a user does."""
    for char in text:
        type_text(QApplication.focusWidget(), char)


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``key`` wherever the keyboard is (Enter commits a cell a moment later: let it)."""
    QTest.keyClick(QApplication.focusWidget(), key, modifiers)
    QApplication.processEvents()


def new_table(window) -> tuple[FollowUpTable, FollowUpWidget]:
    """A follow-up table inserted with Ctrl+Shift+T, as a user does."""
    QTest.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    table = next(b for _s, b in window.document.note.blocks() if isinstance(b, FollowUpTable))
    widget = window.composer.block_widgets[table.id]
    assert isinstance(widget, FollowUpWidget)
    return table, widget


def test_add_row_puts_the_keyboard_in_the_new_row_and_a_space_never_clicks_again(window, qtbot):
    table, widget = new_table(window)
    editor = widget.editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(table.rows) == 1
    assert editor.table.hasFocus() and not editor.add_button.hasFocus()
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (0, 0)
    typed(" Renforcer")  # the space goes into the cell, not into another click
    press(Qt.Key.Key_Return)
    assert len(table.rows) == 1
    assert table.rows[0].commitment == {"fr": " Renforcer"}
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(table.rows) == 2
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (1, 0)


def test_tab_walks_the_cells_and_adds_a_row_in_the_last_one_as_in_word(window, qtbot):
    table, widget = new_table(window)
    editor = widget.editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    for text in ("Échanges PNR", "En cours", "SPF Intérieur", "31/12/2018"):
        typed(text)
        press(Qt.Key.Key_Tab)
    row = table.rows[0]
    assert (row.commitment, row.state, row.lead) == (
        {"fr": "Échanges PNR"},
        {"fr": "En cours"},
        {"fr": "SPF Intérieur"},
    )
    assert row.deadline == "2018-12-31"
    assert len(table.rows) == 2  # Tab in the last cell added a row...
    assert editor.table.hasFocus()
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (1, 0)  # ...and went there
    assert not editor.remove_button.hasFocus()  # Delete row is never the next stop after typing
    press(Qt.Key.Key_Backtab)
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (0, 3)
    press(Qt.Key.Key_Tab)
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (1, 0)
    assert len(table.rows) == 2  # Tab between cells adds nothing
    press(Qt.Key.Key_Tab, CTRL)  # Ctrl+Tab leaves the table for its buttons
    assert editor.add_button.hasFocus()
    editor.table.setFocus()
    editor.table.setCurrentCell(0, 0)
    press(Qt.Key.Key_Backtab)  # Shift+Tab in the first cell leaves the table backwards
    assert not editor.isAncestorOf(QApplication.focusWidget())


def test_delete_row_asks_nothing_and_leaves_the_keyboard_in_the_table(window, qtbot, dialogs):
    table, widget = new_table(window)
    editor = widget.editor
    for text in ("Premier", "Deuxième", "Troisième"):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        typed(text)
        press(Qt.Key.Key_Return)
    cell = editor.table.visualItemRect(editor.table.item(1, 1)).center()
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [r.commitment["fr"] for r in table.rows] == ["Premier", "Troisième"]
    assert dialogs.errors == [] and dialogs.informations == []
    assert editor.table.hasFocus() and editor.table.currentRow() == 1
    press(Qt.Key.Key_Space)  # a space types into the cell: it deletes nothing more
    press(Qt.Key.Key_Escape)
    assert len(table.rows) == 2
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert [r.commitment["fr"] for r in table.rows] == ["Premier", "Deuxième", "Troisième"]


def test_ctrl_z_in_a_cell_undoes_its_typing_then_the_note(window, qtbot):
    table, widget = new_table(window)
    editor = widget.editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    typed("Brouillon")
    press(Qt.Key.Key_Z, CTRL)  # typing in progress: the cell's own undo
    cell = QApplication.focusWidget()
    assert editor.table.isAncestorOf(cell) and cell.text() == ""
    assert len(table.rows) == 1
    press(Qt.Key.Key_Escape)
    press(Qt.Key.Key_Z, CTRL)  # nothing typed: the note's undo takes the row away
    assert table.rows == []


def _visible_in_composer(window, widget, rect: QRect) -> bool:
    composer = window.composer
    top_left = widget.mapTo(composer.viewport(), rect.topLeft())
    return composer.viewport().rect().contains(QRect(top_left, rect.size()))


def test_a_new_row_of_a_long_table_is_scrolled_into_view(window, qtbot):
    window.resize(1000, 600)
    table, widget = new_table(window)
    editor = widget.editor
    for _ in range(30):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(table.rows) == 30
    row = editor.table.visualRect(editor.table.model().index(29, 0))
    row.translate(editor.table.viewport().mapTo(widget, QPoint(0, 0)))
    qtbot.waitUntil(lambda: _visible_in_composer(window, widget, row))
    assert (editor.table.currentRow(), editor.table.height()) == (29, editor.table.minimumHeight())


def bilingual(window) -> None:
    """Make the note French and Dutch with its Language box, by keyboard."""
    combo = window.composer.metadata.language
    combo.setFocus()
    while combo.currentData() != "fr+nl":
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert window.document.note.language.value == "fr+nl"


def test_a_bilingual_table_shows_french_and_dutch_side_by_side_and_a_date_once(window, qtbot):
    bilingual(window)
    table, widget = new_table(window)
    editor = widget.editor
    view = editor.table
    headers = [view.horizontalHeaderItem(i).text() for i in range(view.columnCount())]
    assert headers == [
        "Commitment\nFR",
        "Commitment\nNL",
        "State of play\nFR",
        "State of play\nNL",
        "Lead service\nFR",
        "Lead service\nNL",
        "Deadline\nFR",
        "Deadline\nNL",
    ]
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    for text in ("PNR", "PNR", "En cours", "Lopend", "SPF Intérieur", "FOD Binnenlandse Zaken"):
        typed(text)  # each French cell, then the Dutch one beside it
        press(Qt.Key.Key_Tab)
    typed("30/09/2018")
    press(Qt.Key.Key_Return)
    (row,) = table.rows
    assert (row.state, row.lead) == (
        {"fr": "En cours", "nl": "Lopend"},
        {"fr": "SPF Intérieur", "nl": "FOD Binnenlandse Zaken"},
    )
    assert row.deadline == "2018-09-30"
    deadline = editor.column_index("deadline", "fr")
    assert view.columnSpan(0, deadline) == 2  # a date is the same in both: one cell for both
    assert view.item(0, deadline).text() == "30/09/2018"
    press(Qt.Key.Key_Tab)  # the date is the row's last cell: Tab adds a row, as in Word
    assert len(table.rows) == 2 and (view.currentRow(), view.currentColumn()) == (1, 0)
    press(Qt.Key.Key_Backtab)
    assert (view.currentRow(), view.currentColumn()) == (0, deadline)
    assert editor.column_index("deadline", "nl") == deadline + 1


def test_a_deadline_in_words_has_a_cell_per_language(window, qtbot):
    bilingual(window)
    table, widget = new_table(window)
    editor = widget.editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.focus_cell(0, "deadline", "fr")
    typed("fin 2018")
    press(Qt.Key.Key_Tab)
    typed("eind 2018")
    press(Qt.Key.Key_Return)
    (row,) = table.rows
    assert (row.deadline, row.deadline_text) == ("", {"fr": "fin 2018", "nl": "eind 2018"})
    assert editor.table.columnSpan(0, editor.column_index("deadline", "fr")) == 1
