"""The export dialog after writing: the files named in full, Open and Show in Folder, no false alarm."""

from __future__ import annotations

from PySide6.QtTest import QTest

from app.language.codes import NoteLanguage
from ui.qt import QPoint, QRect, Qt


def open_export(window, qtbot, folder):
    """Ctrl+E, then the folder typed in."""
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.export_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(folder))
    return dialog


def shows_whole(label) -> bool:
    """Whether a wrapping label has the room its text needs, inside the dialog."""
    dialog = label.window()
    inside = dialog.rect().contains(QRect(label.mapTo(dialog, QPoint(0, 0)), label.size()))
    tall_enough = label.height() >= label.heightForWidth(label.width())
    wide_enough = label.wordWrap() or label.width() >= label.sizeHint().width()
    return label.isVisible() and inside and tall_enough and wide_enough


def test_written_files_are_named_in_full_with_open_and_show_in_folder(
    window, qtbot, tmp_path, revealed, opened
):
    window.editor.set_localized(
        "subject", "fr", "Suivi de la déclaration conjointe de Val Duchesse II et du PNR"
    )
    window.editor.insert_clause("vd2.3.2")
    dialog = open_export(window, qtbot, tmp_path)
    for language in (NoteLanguage.NL, NoteLanguage.BILINGUAL):
        qtbot.mouseClick(dialog.languages[language], Qt.MouseButton.LeftButton)
    assert len(dialog.chosen_languages()) == 3
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert dialog.error == "" and len(dialog.results) == 3
    written = dialog.written
    assert [label.text() for label in written.names] == [r.path.name for r in dialog.results]
    assert all(shows_whole(label) for label in written.names)
    assert shows_whole(written.folder)
    assert str(tmp_path) in written.folder.text().replace("\u200b", "")
    assert "replaces the existing file" not in dialog.names.text()  # we just wrote them
    assert dialog.names.text().count("written just now") == 3
    assert written.open_buttons[0].hasFocus()
    qtbot.mouseClick(written.open_buttons[1], Qt.MouseButton.LeftButton)
    assert opened == [dialog.results[1].path]
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert revealed == [tmp_path]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    again = open_export(window, qtbot, tmp_path)  # another export would replace them: say so
    assert "replaces the existing file" in again.names.text()


def test_ctrl_z_in_the_folder_field_undoes_its_own_typing(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    folder = window.export_dialog.folder
    before = folder.text()
    folder.end(False)
    qtbot.keyClicks(folder, "/sub")
    assert folder.text() == before + "/sub"
    QTest.keyClick(folder, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert folder.text() == before


def test_a_quotation_that_no_longer_matches_is_listed_and_enter_goes_to_it(window, qtbot, tmp_path):
    from app.notes.note import LinkedClause
    from tests.ui.conftest import type_text
    from ui.qt import QTextCursor

    window.editor.insert_clause("vd2.1.6")
    (block,) = [b for _s, b in window.document.note.blocks() if isinstance(b, LinkedClause)]
    QTest.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # Edit Clause Locally
    editor = window.composer.block_widgets[block.id].editors.editors["fr"]
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, " Sans délai.")
    dialog = open_export(window, qtbot, tmp_path)
    checks = dialog.warnings
    (line,) = [
        i for i, text in enumerate(checks.lines()) if "no longer matches the declaration" in text
    ]
    assert "vd2.1.6" in checks.lines()[line]
    checks.setFocus()
    checks.setCurrentRow(line)
    QTest.keyClick(checks, Qt.Key.Key_Return)
    assert window.composer.current_block == block.id
