"""The composer: details, sections, blocks, follow-up tables, variables, drag and drop, keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtTest import QTest

from app.language.classification import Classification
from app.language.codes import NoteLanguage
from app.notes.note import CopiedClause, FollowUpTable, LinkedClause, TextBlock
from tests.ui.conftest import type_text
from ui.panels.blocks import FollowUpWidget
from ui.panels.clauseblocks import CopiedClauseWidget
from ui.qt import QApplication, QDate, QPoint, Qt
from ui.widgets.dragdrop import block_mime, clause_mime


def blocks(window) -> list:
    return [b for _s, b in window.document.note.blocks()]


def test_typing_the_subject_is_one_undo_step(window, qtbot):
    QTest.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    subject = window.composer.metadata.localized["subject"].edits["fr"]
    assert subject.hasFocus()
    type_text(subject, "Réunion bilatérale")
    assert window.document.note.subject == {"fr": "Réunion bilatérale"}
    assert window.actions["undo"].text() == "&Undo Edit subject"
    assert window.windowTitle().startswith("Réunion bilatérale")
    window.editor.undo()
    assert window.document.note.subject == {}
    assert subject.text() == ""


def test_dates_are_picked_and_cleared(window):
    field = window.composer.metadata.dates["meeting_date"]
    field.edit.setFocus()
    QTest.keyClick(field.edit, Qt.Key.Key_F4)
    assert field.popup.isVisible()
    field.calendar.setSelectedDate(QDate(2018, 6, 11))
    field.calendar.activated.emit(field.calendar.selectedDate())
    assert not field.popup.isVisible()
    assert window.document.note.meeting_date == date(2018, 6, 11)
    assert field.edit.text() == "11/06/2018"
    assert window.actions["undo"].text() == "&Undo Change meeting date"
    field.clear_button.click()
    assert window.document.note.meeting_date is None
    window.editor.undo()
    assert field.value() == date(2018, 6, 11)


def test_classification_is_chosen_in_a_list(window):
    combo = window.composer.metadata.classification
    index = combo.findData("restricted")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert window.document.note.classification is Classification.RESTRICTED


def test_sections_are_added_renamed_moved_and_deleted(window, qtbot):
    note = window.document.note
    assert note.sections == []
    window.editor.insert_clause("vd2.1.1")  # a note without sections gets one for the clause
    assert len(note.sections) == 1
    QTest.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None
            and QApplication.focusWidget().objectName() == "sectionTitle"
        )
    )
    type_text(QApplication.focusWidget(), "Éléments de langage")
    second = note.sections[1]
    assert second.title == {"fr": "Éléments de langage"}
    assert window.actions["undo"].text() == "&Undo Rename section"
    QTest.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert note.sections[0] is second
    window.editor.remove_section(second.id)
    assert [s.title for s in note.sections] == [
        {"fr": "Engagements concernés", "nl": "Betrokken verbintenissen"}
    ]
    window.editor.undo()
    assert note.sections[0] is second
    assert second.id in window.composer.section_widgets


def test_alt_arrows_move_the_current_block_across_sections(window):
    window.editor.insert_clause("vd2.1.1")
    window.editor.insert_clause("vd2.1.2")
    window.editor.add_section()
    first_section = window.document.note.sections[0]
    moving = first_section.blocks[1]
    window.composer.focus_block(moving.id)
    QTest.keyClick(
        window.composer.block_widgets[moving.id], Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier
    )
    assert [b.clause_id for b in first_section.blocks] == ["vd2.1.2", "vd2.1.1"]
    QTest.keyClick(
        window.composer.block_widgets[moving.id], Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier
    )
    QTest.keyClick(
        window.composer.block_widgets[moving.id], Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier
    )
    assert window.document.note.sections[1].blocks == [moving]
    assert (
        window.composer.block_widgets[moving.id].section_id == window.document.note.sections[1].id
    )
    assert window.actions["undo"].text() == "&Undo Move block"


def test_edit_locally_turns_a_linked_clause_into_an_editable_copy(window):
    window.editor.insert_clause("vd2.2.7")
    block_id = window.composer.current_block_id()
    QTest.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    (copied,) = blocks(window)
    assert isinstance(copied, CopiedClause) and copied.id == block_id
    widget = window.composer.block_widgets[block_id]
    assert isinstance(widget, CopiedClauseWidget)
    editor = widget.editors.editors["fr"]
    assert "mineurs" in editor.toPlainText()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " (à suivre)")
    assert copied.plain("fr").endswith(" (à suivre)")
    window.editor.undo()
    window.editor.undo()
    assert isinstance(blocks(window)[0], LinkedClause)


def test_follow_up_tables_take_rows_typed_and_clauses_dropped(window):
    window.editor.insert_follow_up("", -1)
    (table,) = blocks(window)
    assert isinstance(table, FollowUpTable)
    widget = window.composer.block_widgets[table.id]
    assert isinstance(widget, FollowUpWidget)
    widget.editor.add_button.click()
    assert len(table.rows) == 1
    editor = widget.editor.table
    state_column = [name for name, _lang in widget.editor.columns].index("state")
    editor.item(0, state_column).setText("En cours")
    deadline_column = [name for name, _lang in widget.editor.columns].index("deadline")
    editor.item(0, deadline_column).setText("31/12/2018")
    assert table.rows[0].state == {"fr": "En cours"}
    assert table.rows[0].deadline == "2018-12-31"
    assert editor.item(0, deadline_column).text() == "31/12/2018"
    page = window.composer.page
    middle = widget.mapTo(page, QPoint(widget.width() // 2, widget.height() // 2))
    window.composer.drop(middle, clause_mime(["vd2.1.6"]))
    assert table.rows[1].clause_id == "vd2.1.6"
    assert "crise" in editor.item(1, 0).text()  # the clause's title stands in for the commitment
    widget.editor.table.setCurrentCell(0, 0)
    widget.editor.remove_button.click()
    assert [row.clause_id for row in table.rows] == ["vd2.1.6"]


def test_clauses_dropped_land_where_they_fall_and_blocks_move_by_drag(window):
    window.editor.insert_clause("vd2.1.1")
    window.editor.insert_clause("vd2.1.2")
    composer, page = window.composer, window.composer.page
    window.composer.page.adjustSize()
    QApplication.processEvents()
    first = composer.block_widgets[blocks(window)[0].id]
    above_first = first.mapTo(page, QPoint(10, 2))
    composer.drop(above_first, clause_mime(["vd2.3.7", "vd2.3.6"]))
    assert [b.clause_id for b in blocks(window)] == ["vd2.3.7", "vd2.3.6", "vd2.1.1", "vd2.1.2"]
    QApplication.processEvents()
    last = composer.block_widgets[blocks(window)[-1].id]
    below_last = last.mapTo(page, QPoint(10, last.height() - 2))
    composer.drop(below_last, block_mime(blocks(window)[0].id))
    assert [b.clause_id for b in blocks(window)] == ["vd2.3.6", "vd2.1.1", "vd2.1.2", "vd2.3.7"]


def test_variables_used_in_texts_are_filled_once(window, qtbot):
    window.editor.insert_text("", -1)
    editor = QApplication.focusWidget()
    type_text(editor, "Le {minister} se rend à Paris le {meeting_date}.")
    form = window.composer.variables
    qtbot.waitUntil(lambda: "minister" in form.edits)
    assert "meeting_date" in form.edits  # no meeting date in the details yet
    type_text(form.edits["minister"]["fr"], "Premier ministre")
    assert window.document.note.variables == {"minister": {"fr": "Premier ministre"}}
    assert window.actions["undo"].text() == "&Undo Fill variable minister"
    window.editor.set_metadata("meeting_date", date(2018, 6, 11))
    qtbot.waitUntil(lambda: "meeting_date" not in form.edits)
    assert "{meeting_date}" in form.automatic.text()


def test_a_text_block_is_removed_and_restored_with_its_text(window):
    window.editor.insert_text("", -1)
    block_id = window.composer.current_block_id()
    window.editor.edit_text(block_id, "fr", "Contexte")
    QTest.keyClick(
        window,
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert blocks(window) == []
    window.editor.undo()
    (block,) = blocks(window)
    assert isinstance(block, TextBlock)
    editor = window.composer.block_widgets[block.id].editors.editors["fr"]
    assert editor.toPlainText() == "Contexte"


def _fits(widget) -> bool:
    """Whether every clause text of a linked block shows all its lines."""
    return all(
        label.height() >= label.heightForWidth(label.width()) for label in widget.labels.values()
    )


def test_linked_clauses_show_their_whole_text_at_any_width(window, qtbot):
    window.editor.set_metadata("language", NoteLanguage.BILINGUAL)
    window.editor.insert_clause("vd2.3.2")
    widget = window.composer.block_widgets[window.composer.current_block_id()]
    for composer_width in (700, 420, 330, 700):
        window.splitter.setSizes([1400 - composer_width - 300, composer_width, 300])
        qtbot.waitUntil(lambda: _fits(widget))
        assert widget.height() >= widget.heightForWidth(widget.width())
    font = window.font()
    font.setPointSizeF(font.pointSizeF() * 2)  # as at 200% scaling
    window.setFont(font)
    qtbot.waitUntil(lambda: _fits(widget))


def test_bilingual_section_titles_stack_when_they_do_not_fit_side_by_side(window, qtbot):
    window.editor.set_metadata("language", NoteLanguage.BILINGUAL)
    window.editor.insert_clause("vd2.3.2")
    section = next(iter(window.composer.section_widgets.values()))
    fr, nl = section.title_edits["fr"], section.title_edits["nl"]
    assert nl.toolTip() == "Betrokken verbintenissen"
    window.splitter.setSizes([700, 330, 370])
    qtbot.waitUntil(lambda: fr.y() < nl.y())  # one above the other
    for edit in (fr, nl):
        assert edit.width() > edit.fontMetrics().horizontalAdvance(edit.text())
    window.splitter.setSizes([300, 800, 300])
    qtbot.waitUntil(lambda: fr.y() == nl.y())  # side by side again
