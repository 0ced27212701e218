"""The pre-export check list: one line per place, saying where, and a click or Enter goes there."""

from __future__ import annotations

from PySide6.QtTest import QTest

from app.language.codes import NoteLanguage
from app.notes.note import FollowUpTable, TextBlock
from ui.qt import QApplication, Qt


def click_line(qtbot, checks, text: str) -> None:
    """Click the line of the check list that contains ``text`` (once the window has shown it)."""
    QApplication.processEvents()
    (row,) = [i for i, line in enumerate(checks.lines()) if text in line]
    checks.scrollToItem(checks.item(row))
    centre = checks.visualItemRect(checks.item(row)).center()
    qtbot.mouseClick(checks.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def a_bilingual_table(window) -> FollowUpTable:
    """A bilingual note whose follow-up table has its state of play in French only."""
    editor = window.editor
    editor.set_metadata("language", NoteLanguage.BILINGUAL)
    editor.set_localized("subject", "fr", "Suivi")
    editor.set_localized("subject", "nl", "Opvolging")
    editor.set_localized("addressee", "fr", "Monsieur le Premier ministre")
    editor.set_localized("addressee", "nl", "De heer Eerste Minister")
    editor.set_metadata("author", "Jean Dupont")
    editor.insert_follow_up("", -1)
    block_id = window.composer.current_block_id()
    for row in range(3):
        editor.add_follow_up_row(block_id, "")
        editor.edit_follow_up(block_id, row, "state", "fr", f"En cours {row + 1}")
    return window.document.session.block(block_id)


def test_each_cell_is_one_line_with_its_row_and_column_and_a_click_goes_there(window, qtbot):
    table = a_bilingual_table(window)
    window.preview.render_now()
    checks = window.preview.checks
    lines = checks.lines()
    assert len(lines) == len(set(lines)) == 3  # one line per place, never repeated
    assert all("“Engagements concernés”" in line and "State of play" in line for line in lines)
    assert [("row 1" in line, "row 2" in line, "row 3" in line) for line in lines] == [
        (True, False, False),
        (False, True, False),
        (False, False, True),
    ]
    assert window.preview.status.text().count("3 things to check")
    click_line(qtbot, checks, "row 2")
    widget = window.composer.block_widgets[table.id]
    cells = widget.editor.table
    assert cells.hasFocus()
    assert (cells.currentRow(), widget.editor.columns[cells.currentColumn()]) == (
        1,
        ("state", "nl"),
    )
    assert window.composer.current_block_id() == table.id
    checks.setFocus()
    checks.setCurrentRow(2)
    QTest.keyClick(checks, Qt.Key.Key_Return)  # Enter goes there too
    assert cells.hasFocus() and cells.currentRow() == 2


def test_a_line_about_a_detail_or_a_text_goes_to_its_field_in_that_language(window, qtbot):
    window.editor.set_metadata("language", NoteLanguage.BILINGUAL)
    window.editor.set_localized("subject", "fr", "Suivi")
    window.editor.insert_text("", -1)
    window.editor.edit_text(window.composer.current_block_id(), "fr", "Contexte")
    text = next(b for _s, b in window.document.note.blocks() if isinstance(b, TextBlock))
    window.preview.render_now()
    checks = window.preview.checks
    click_line(qtbot, checks, "The subject")
    subject = window.composer.metadata.localized["subject"].edits["nl"]
    assert subject.hasFocus()
    click_line(qtbot, checks, "A text block")
    editor = window.composer.block_widgets[text.id].editors.editors["nl"]
    assert QApplication.focusWidget() is editor


def test_the_export_dialog_names_the_files_a_line_concerns_and_goes_there(window, qtbot):
    table = a_bilingual_table(window)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.export_dialog
    qtbot.mouseClick(dialog.languages[NoteLanguage.NL], Qt.MouseButton.LeftButton)
    lines = dialog.warnings.lines()
    assert len(lines) == 3  # the same place in two files is one line...
    assert all(line.endswith("(NL, FR | NL)") for line in lines)  # ...naming both files
    assert dialog.warnings_label.text() == "&Before you export: 3 things to check"
    click_line(qtbot, dialog.warnings, "row 3")
    assert window.export_dialog is None  # closed, to work on the note
    cells = window.composer.block_widgets[table.id].editor.table
    qtbot.waitUntil(cells.hasFocus)  # once the window is active again
    assert cells.currentRow() == 2


def test_a_table_of_commitment_names_only_is_one_line_that_goes_to_its_first_row(window, qtbot):
    editor = window.editor
    editor.set_localized("subject", "fr", "Suivi")
    editor.set_localized("addressee", "fr", "Monsieur le Premier ministre")
    editor.set_metadata("author", "Jean Dupont")
    editor.insert_follow_up("", -1)
    block_id = window.composer.current_block_id()
    for clause_id in ("vd2.1.4", "vd2.3.2", "vd2.2.7"):
        editor.add_follow_up_row(block_id, clause_id)
    editor.edit_follow_up(block_id, 1, "deadline", "fr", "fin 2018")
    window.preview.render_now()
    checks = window.preview.checks
    assert checks.lines() == [
        "The follow-up table in “Engagements concernés”: 2 rows (1, 3) have no state of play, "
        "lead service or deadline; their cells are exported empty."
    ]
    click_line(qtbot, checks, "2 rows (1, 3)")
    widget = window.composer.block_widgets[block_id]
    cells = widget.editor.table
    assert cells.hasFocus()
    assert (cells.currentRow(), widget.editor.columns[cells.currentColumn()][0]) == (0, "state")


def test_a_quotation_that_no_longer_matches_says_where_the_window_shows_the_differences(
    window, qtbot
):
    from app.notes.quotation import block_text

    editor = window.editor
    editor.set_localized("subject", "fr", "Suivi")
    editor.set_localized("addressee", "fr", "Monsieur le Premier ministre")
    editor.insert_clause("vd2.1.4")
    block_id = window.composer.current_block_id()
    editor.edit_locally(block_id)
    block_id = window.composer.current_block_id()
    text = block_text(window.document.session.block(block_id), None, "fr")
    editor.edit_text(block_id, "fr", text.replace("biens culturels", "objets d’art"))
    window.preview.render_now()
    (line,) = [line for line in window.preview.checks.lines() if "vd2.1.4" in line]
    assert line.endswith(
        "it is exported as a paraphrase, without a citation. "
        "The red line under the block shows the differences."
    )
    assert "clausier check" not in line
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    (line,) = [line for line in window.export_dialog.warnings.lines() if "vd2.1.4" in line]
    assert line.endswith("The red line under the block shows the differences.")
