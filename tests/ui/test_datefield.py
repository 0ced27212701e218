"""The date fields of the note's details: typed dates and ranges, the calendar, clearing, undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtTest import QTest

from app.period import DateRange
from tests.ui.conftest import type_text
from ui.qt import QApplication, QDate, Qt


def click_into(field):
    """Put the cursor in a date field as a user does, with a click."""
    QTest.mouseClick(field.edit, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is field.edit
    return field


def meeting_field(window):
    """The meeting field, clicked into."""
    return click_into(window.composer.metadata.dates["meeting_date"])


def test_a_range_typed_into_the_meeting_field_is_the_meeting_and_one_undo_step(window, qtbot):
    field = meeting_field(window)
    type_text(field.edit, "25/04/2018 – 26/04/2018")
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    assert window.document.note.meeting_date == DateRange(date(2018, 4, 25), date(2018, 4, 26))
    assert field.edit.text() == "25/04/2018 – 26/04/2018"
    assert window.actions["undo"].text() == "&Undo Change meeting date"
    window.preview.render_now()
    assert "25–26 avril 2018" in window.preview.browser.toPlainText()
    window.editor.undo()
    assert window.document.note.meeting_date is None
    assert field.edit.text() == ""


@pytest.mark.parametrize(
    ("typed", "expected", "shown"),
    [
        ("25-26/04/2018", DateRange(date(2018, 4, 25), date(2018, 4, 26)), "25/04/2018 – 26/04/2018"),
        ("30/04 - 2/05/2018", DateRange(date(2018, 4, 30), date(2018, 5, 2)), "30/04/2018 – 02/05/2018"),
        ("2018-04-25/2018-04-26", DateRange(date(2018, 4, 25), date(2018, 4, 26)), "25/04/2018 – 26/04/2018"),
        ("11/06/2018", date(2018, 6, 11), "11/06/2018"),
        ("11.06.2018", date(2018, 6, 11), "11/06/2018"),
        ("2018-06-11", date(2018, 6, 11), "11/06/2018"),
    ],
)  # fmt: skip
def test_the_meeting_field_reads_dates_and_ranges_as_users_write_them(
    window, typed, expected, shown
):
    field = meeting_field(window)
    type_text(field.edit, typed)
    QTest.keyClick(field.edit, Qt.Key.Key_Tab)  # leaving the field commits too
    assert window.document.note.meeting_date == expected
    assert field.edit.text() == shown


def test_text_that_is_no_date_stays_marked_and_changes_nothing(window):
    field = meeting_field(window)
    type_text(field.edit, "26/04/2018 – 25/04/2018")
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    assert window.document.note.meeting_date is None
    assert not window.document.modified
    assert field.edit.text() == "26/04/2018 – 25/04/2018"  # nothing the user typed is lost
    assert "ends before it starts" in field.problem
    assert field.edit.toolTip() == field.problem
    QTest.keyClick(field.edit, Qt.Key.Key_Escape)  # back to what the note holds
    assert field.edit.text() == "" and field.problem == ""


def test_the_note_date_takes_one_day_not_a_range(window):
    field = click_into(window.composer.metadata.dates["date"])
    before = window.document.note.date
    field.edit.selectAll()
    type_text(field.edit, "25-26/04/2018")
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    assert window.document.note.date == before
    assert "is not a date" in field.problem
    field.edit.selectAll()
    type_text(field.edit, "1/02/2016")
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    assert window.document.note.date == date(2016, 2, 1)
    assert field.problem == ""


def test_the_calendar_opens_on_today_then_on_the_fields_date(window):
    field = meeting_field(window)
    QTest.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.popup.isVisible()
    assert field.calendar.selectedDate() == QDate.currentDate()
    field.calendar.activated.emit(QDate(2018, 6, 11))
    assert window.document.note.meeting_date == date(2018, 6, 11)
    field.edit.selectAll()
    type_text(field.edit, "25-26/04/2018")
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    QTest.keyClick(field.edit, Qt.Key.Key_F4)
    assert field.calendar.selectedDate() == QDate(2018, 4, 25)
    assert (field.calendar.yearShown(), field.calendar.monthShown()) == (2018, 4)
    field.popup.hide()


def test_the_clear_button_empties_the_meeting_and_undo_brings_it_back(window):
    field = meeting_field(window)
    type_text(field.edit, "25-26/04/2018")
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    field.clear_button.click()
    assert window.document.note.meeting_date is None and field.edit.text() == ""
    window.editor.undo()
    assert window.document.note.meeting_date == DateRange(date(2018, 4, 25), date(2018, 4, 26))
    assert field.edit.text() == "25/04/2018 – 26/04/2018"
