"""The date fields of the note's details: typed dates and ranges, the calendar, clearing, undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtTest import QTest

from app.language.period import DateRange
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


def test_eleven_june_typed_on_the_keyboard_into_an_empty_meeting_field_is_saved(
    window, dialogs, tmp_path
):
    from app.notes import file as notefile

    field = meeting_field(window)
    assert field.edit.text() == ""
    QTest.keyClicks(field.edit, "11/06/2018")  # the slash keys themselves
    assert field.edit.text() == "11/06/2018"
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.edit.text() == "11/06/2018"
    assert window.document.note.meeting_date == date(2018, 6, 11)
    dialogs.save_answer = tmp_path / "n.clausier"
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert notefile.read(tmp_path / "n.clausier").meeting_date == date(2018, 6, 11)


@pytest.mark.parametrize("interface", ["fr", "nl", "en"])
@pytest.mark.parametrize(
    ("typed", "expected", "shown"),
    [
        ("11 juin 2018", date(2018, 6, 11), "11/06/2018"),
        ("1er juin 2018", date(2018, 6, 1), "01/06/2018"),
        ("lundi 11 juin 2018", date(2018, 6, 11), "11/06/2018"),
        ("maandag 11 juni 2018", date(2018, 6, 11), "11/06/2018"),
        ("11 sept. 2018", date(2018, 9, 11), "11/09/2018"),
        ("11 fevrier 2018", date(2018, 2, 11), "11/02/2018"),
        ("25–26 avril 2018", DateRange(date(2018, 4, 25), date(2018, 4, 26)), "25/04/2018 – 26/04/2018"),
        ("30 avril – 2 mai 2018", DateRange(date(2018, 4, 30), date(2018, 5, 2)), "30/04/2018 – 02/05/2018"),
        ("du 25 au 26 avril 2018", DateRange(date(2018, 4, 25), date(2018, 4, 26)), "25/04/2018 – 26/04/2018"),
        ("van 25 tot 26 april 2018", DateRange(date(2018, 4, 25), date(2018, 4, 26)), "25/04/2018 – 26/04/2018"),
    ],
)  # fmt: skip
def test_dates_written_in_words_are_read_whatever_the_interface_language(
    window, workspace, interface, typed, expected, shown
):
    workspace.services.language.apply(interface)
    field = meeting_field(window)
    type_text(field.edit, typed)
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.problem == ""
    assert window.document.note.meeting_date == expected
    assert field.edit.text() == shown
    workspace.services.language.apply("en")


def test_the_note_date_takes_a_date_in_words(window):
    field = click_into(window.composer.metadata.dates["date"])
    field.edit.selectAll()
    type_text(field.edit, "1er février 2016")
    QTest.keyClick(field.edit, Qt.Key.Key_Tab)
    assert window.document.note.date == date(2016, 2, 1)
    assert field.edit.text() == "01/02/2016"


def test_a_weekday_that_is_not_the_days_is_marked_and_changes_nothing(window):
    field = meeting_field(window)
    type_text(field.edit, "lundi 12 juin 2018")
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    assert window.document.note.meeting_date is None
    assert field.problem == "“lundi 12 juin 2018”: 12 June 2018 is a Tuesday."
    assert field.edit.text() == "lundi 12 juin 2018"


def test_the_meeting_calendar_opens_on_the_notes_date_when_the_meeting_has_none(window):
    note_date = click_into(window.composer.metadata.dates["date"])
    note_date.edit.selectAll()
    QTest.keyClicks(note_date.edit, "11/06/2018")
    QTest.keyClick(note_date.edit, Qt.Key.Key_Return)
    field = meeting_field(window)
    QTest.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)  # the button
    assert field.popup.isVisible()
    assert field.calendar.selectedDate() == QDate(2018, 6, 11)  # never January 1900
    assert (field.calendar.yearShown(), field.calendar.monthShown()) == (2018, 6)
    QTest.keyClick(field.calendar.focusWidget(), Qt.Key.Key_Escape)
    assert not field.popup.isVisible()
    QTest.keyClick(field.edit, Qt.Key.Key_F4)  # F4
    assert field.calendar.selectedDate() == QDate(2018, 6, 11)
    field.popup.hide()


def test_a_date_typed_but_not_yet_committed_is_where_the_calendar_opens(window):
    field = meeting_field(window)
    QTest.keyClicks(field.edit, "25/12/2018")
    QTest.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.calendar.selectedDate() == QDate(2018, 12, 25)
    field.popup.hide()


def _calendar_texts(field, visible: bool = True) -> list[str]:
    """The texts of the calendar's labels and buttons (the month, the year, Qt's date editor)."""
    from ui.qt import QLabel, QToolButton

    widgets = [*field.calendar.findChildren(QLabel), *field.calendar.findChildren(QToolButton)]
    return [w.text() for w in widgets if w.isVisible() or not visible]


def test_typing_in_the_open_calendar_types_the_date_in_the_field(window, workspace):
    workspace.services.language.apply("fr")
    field = meeting_field(window)
    QTest.keyClick(field.edit, Qt.Key.Key_F4)
    view = QApplication.focusWidget()
    assert view is not field.edit and field.calendar.isAncestorOf(view)
    QTest.keyClick(view, "1")
    assert not field.popup.isVisible()
    assert QApplication.focusWidget() is field.edit
    QTest.keyClicks(field.edit, "1/06/2018")
    assert not any("-2147483648" in text for text in _calendar_texts(field, visible=False))
    assert field.edit.text() == "11/06/2018"
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    assert window.document.note.meeting_date == date(2018, 6, 11)
    workspace.services.language.apply("en")


def test_the_arrow_keys_and_enter_still_pick_a_day_in_the_calendar(window):
    field = meeting_field(window)
    QTest.keyClicks(field.edit, "11/06/2018")
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    QTest.keyClick(field.edit, Qt.Key.Key_F4)
    view = QApplication.focusWidget()
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert not field.popup.isVisible()
    assert window.document.note.meeting_date == date(2018, 6, 12)
    assert field.edit.text() == "12/06/2018"


@pytest.mark.parametrize(("lang", "month"), [("fr", "juin"), ("nl", "juni"), ("en", "June")])
def test_the_calendar_names_months_in_the_interface_language(window, workspace, lang, month):
    field = meeting_field(window)
    QTest.keyClick(field.edit, Qt.Key.Key_F4)  # made once in English
    field.popup.hide()
    workspace.services.language.apply(lang)
    type_text(field.edit, "11/06/2018")
    QTest.keyClick(field.edit, Qt.Key.Key_F4)
    assert month in _calendar_texts(field)
    field.popup.hide()
    workspace.services.language.apply("en")
