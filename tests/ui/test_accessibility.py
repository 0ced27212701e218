"""Every control has a name for screen readers, every action a shortcut or a menu, Tab reaches the note."""

from __future__ import annotations

from PySide6.QtTest import QTest

from ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    Qt,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible controls a screen reader could not name."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox) or widget.objectName().startswith(
            "qt_"
        ):
            continue  # a part of a composite control, named through its owner
        if isinstance(widget, QLineEdit) and isinstance(parent, QAbstractItemView | QComboBox):
            continue
        if isinstance(widget, QHeaderView) or isinstance(parent, QAbstractItemView):
            continue  # column headers and corner buttons are read as parts of their table
        name = widget.accessibleName()
        if isinstance(widget, QAbstractButton) and not name:
            name = widget.text().replace("&", "")
        if not name.strip():
            missing.append(f"{type(widget).__name__} in {type(parent).__name__}")
    return missing


def a_full_note(window) -> None:
    window.editor.set_metadata("language", "fr+nl")
    window.editor.insert_clause("vd2.1.4")
    window.editor.insert_clause("vd2.2.7")
    window.editor.edit_locally(window.composer.current_block_id())
    window.editor.insert_text("", -1)
    window.editor.edit_text(window.composer.current_block_id(), "fr", "Le {minister}")
    window.editor.insert_follow_up("", -1)
    window.editor.add_follow_up_row(window.composer.current_block_id(), "vd2.3.2")


def test_every_control_of_the_window_has_an_accessible_name(window, qtbot):
    a_full_note(window)
    qtbot.waitUntil(lambda: "minister" in window.composer.variables.edits)
    assert unnamed_controls(window) == []


def test_every_control_of_the_dialogs_has_an_accessible_name(window, qtbot):
    window.actions["export"].trigger()
    assert unnamed_controls(window.export_dialog) == []
    window.export_dialog.reject()
    window.actions["preferences"].trigger()
    assert unnamed_controls(window.preferences_dialog) == []
    window.preferences_dialog.reject()


def test_every_action_has_a_shortcut_or_a_menu(window):
    in_menus = {action for menu in window.actions.menus.values() for action in menu.actions()}
    for name, action in window.actions.by_name.items():
        assert action.shortcuts() or action in in_menus or name == "clear_recent", name


def test_tab_walks_from_the_details_into_the_blocks(window, qtbot):
    window.editor.insert_text("", -1)
    window.composer.chain_tab_order()
    window.composer.metadata.focus_first()
    editor = window.composer.block_widgets[window.composer.current_block_id()].editors.editors["fr"]
    visited = []
    for _step in range(30):
        visited.append(QApplication.focusWidget())
        if editor.hasFocus():
            break
        window.focusNextChild()
    assert editor.hasFocus()
    assert visited[1] is window.composer.metadata.localized["addressee"].edits["fr"]
    assert not any(w is window.library.search for w in visited)


def test_f1_lists_the_shortcuts(window, qtbot):
    from ui.dialogs.shortcuts import ShortcutsDialog

    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert rows["Find in Note"] == "Ctrl+F"  # as in Word; in the library panel, its search
    assert rows["Replace"] == "Ctrl+H"
    assert rows["Find in Library"] == "Ctrl+Shift+F"
    assert rows["Check Spelling"] == "F7"
    assert rows["Move Block Up"] == "Alt+Up"
    dialog.reject()
