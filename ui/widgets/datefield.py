"""A date field that takes the date as the user types it, with a calendar, and may be left empty.

The text is read when the user is done (Enter or leaving the field) as
:func:`app.language.dates.parse_date` reads it ("11/06/2018", "11.06.2018",
"2018-06-11", "11 juin 2018", "maandag 11 juni 2018"); a field that allows
ranges also reads the days of a meeting over several ("25–26/04/2018",
"25–26 avril 2018", "van 25 tot 26 april 2018"). Text that is no date stays as
typed, framed in red with the reason written under it, and changes nothing; Escape
puts the note's date back. Until it is read, the typed text is an edit the window
counts and takes before saving (:mod:`ui.widgets.pending`). The calendar (F4, Alt+Down
or its button) opens on the field's date, else on the day the field suggests
(the note's date for its meeting), else on today; typing in it types in the field.
"""

from __future__ import annotations

from datetime import date

from app.language.i18n import _
from app.language.period import Period, first_day, format_short
from ui.qt import (
    QCalendarWidget,
    QCoreApplication,
    QDate,
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLocale,
    QObject,
    QPoint,
    Qt,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.keys import keep_alt_arrows
from ui.widgets.textedit import FieldEdit

_INVALID_STYLE = "QLineEdit { border: 1px solid #c00000; background: #fff4f4; }"
PROBLEM_COLOUR = "#b00000"


class DateField(QWidget):
    """A typed date (or range, when ``ranges``), a calendar button and a button that clears it."""

    dateCommitted = Signal(object)  # date | DateRange | None, when the user is done
    pendingChanged = Signal()  # the typed text starts or stops being a date the note has not

    def __init__(self, parent: QWidget | None = None, *, ranges: bool = False) -> None:
        super().__init__(parent)
        self.ranges = ranges
        self._hint = ""  # the field's tooltip while what it holds is a date
        self.edit = FieldEdit(self)
        keep_alt_arrows(self.edit)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setAutoRaise(True)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F4 / Alt+Down from the text
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        # Not a Tab stop: Tab goes from one date to the next field, never to a button that
        # Space would press to clear the date (by keyboard: delete the text).
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Why the typed text is no date, in words under the field (not only in a tooltip).
        self.message = QLabel(self)
        self.message.setObjectName("dateProblem")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        widest = "00/00/0000 – 00/00/0000" if ranges else "00/00/0000"
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(widest + "  ") + 12)
        self.popup: QWidget | None = None
        self.calendar: QCalendarWidget | None = None
        self.problem = ""  # why the typed text is not a date ("" when it is, or is empty)
        self._committed: Period | None = None
        self._suggested: date | None = None  # where the calendar opens on an empty field
        self._read_only = False
        self.edit.editingFinished.connect(self._commit)
        self.edit.textEdited.connect(lambda _text: self.pendingChanged.emit())
        self.edit.installEventFilter(self)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.clear_button.clicked.connect(self._clear)
        self.retranslate()

    # --- value --------------------------------------------------------------------

    def value(self) -> Period | None:
        """The date (or range) last committed, None when empty."""
        return self._committed

    def set_value(self, value: Period | None) -> None:
        """Show ``value`` without announcing a change."""
        self._committed = value
        self.edit.set_text(format_short(value) if value is not None else "")
        self._mark("")
        self.clear_button.setEnabled(value is not None and not self._read_only)
        self.pendingChanged.emit()

    def has_pending_edit(self) -> bool:
        """Whether the typed text is a date (or no date at all) the note does not have yet."""
        if self._read_only:
            return False
        try:
            return self._read(self.edit.text()) != self._committed
        except ValueError:
            return False  # not a date: nothing to give the note (the reason is shown)

    def commit_pending_edit(self) -> None:
        """Read the typed date now (before the note is saved), the keyboard staying here."""
        self._commit()

    def set_suggested_day(self, day: date | None) -> None:
        """The day the calendar opens on while the field has no date (None: today)."""
        self._suggested = day

    def set_read_only(self, read_only: bool) -> None:
        """Refuse edits (the note is read-only)."""
        self._read_only = read_only
        self.edit.setReadOnly(read_only)
        self.calendar_button.setEnabled(not read_only)
        self.clear_button.setEnabled(not read_only and self._committed is not None)

    def _read(self, text: str) -> Period | None:
        """What ``text`` says (None when empty); ValueError, with what to write, otherwise."""
        from app.language import dates  # Babel loads with it: not needed before the first paint

        if not text.strip():
            return None
        return dates.parse_period(text) if self.ranges else dates.parse_date(text)

    def _commit(self) -> None:
        if self._read_only:
            return
        try:
            value = self._read(self.edit.text())
        except ValueError as error:
            self._mark(str(error))
            return
        self._mark("")
        if value is not None:
            self.edit.set_text(format_short(value))
        if value != self._committed:
            self._committed = value
            self.clear_button.setEnabled(value is not None)
            self.dateCommitted.emit(value)
        self.pendingChanged.emit()

    def _mark(self, problem: str) -> None:
        """Show that the typed text is not a date, and why (``""``: it is)."""
        if problem == self.problem:
            return
        self.problem = problem
        self.edit.setStyleSheet(_INVALID_STYLE if problem else "")
        self.edit.setToolTip(problem or self._hint)
        self.edit.setAccessibleDescription(problem)
        self.message.setText(problem)
        self.message.setAccessibleName(problem)
        self.message.setVisible(bool(problem))

    def _clear(self) -> None:
        self.edit.set_text("")
        self._commit()

    # --- calendar -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._calendar_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._typed_in_calendar(event)
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and alt):
                self.open_calendar()
                return True
            if key == Qt.Key.Key_Escape and self.problem:
                self.set_value(self._committed)  # back to the date the note holds
                return True
        return False

    @property
    def _calendar_view(self) -> QTableView | None:
        return self.calendar.findChild(QTableView) if self.calendar is not None else None

    def _typed_in_calendar(self, event: QKeyEvent) -> bool:
        """Send what is typed in the calendar to the field (Qt's own editor there is unusable)."""
        text = event.text()
        if (
            not text
            or not text.isprintable()
            or event.modifiers()
            & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        ):
            return False  # arrows, Enter, Escape, Page Up… stay the calendar's
        assert self.popup is not None
        self.popup.hide()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.edit.selectAll()  # typing replaces the field's text, as in a selected field
        copy = QKeyEvent(event.type(), event.key(), event.modifiers(), text)
        QCoreApplication.sendEvent(self.edit, copy)
        return True

    def calendar_day(self) -> date:
        """The day the calendar opens on: the one typed, the field's, the suggested one, or today."""
        try:
            typed = self._read(self.edit.text())
        except ValueError:
            typed = None
        for value in (typed, self._committed, self._suggested):
            if value is not None:
                return first_day(value)
        return date.today()

    def open_calendar(self) -> None:
        """Open the calendar on the field's date, else the suggested day, else today."""
        if self._read_only:
            return
        if self.popup is None:
            self.popup = QWidget(self, Qt.WindowType.Popup)
            self.calendar = QCalendarWidget(self.popup)
            self.calendar.setGridVisible(True)
            # Qt's editor for typed dates shows "11/-2147483648/0" for a month it cannot
            # read yet; what is typed goes to the field instead (_typed_in_calendar).
            self.calendar.setDateEditEnabled(False)
            QVBoxLayout(self.popup).addWidget(self.calendar)
            self.popup.layout().setContentsMargins(0, 0, 0, 0)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
            view = self._calendar_view
            if view is not None:
                view.installEventFilter(self)
        assert self.calendar is not None
        self.calendar.setLocale(QLocale())  # month and day names in the interface language
        shown = self.calendar_day()
        day = QDate(shown.year, shown.month, shown.day)
        self.calendar.setSelectedDate(day)
        self.calendar.setCurrentPage(day.year(), day.month())
        self.popup.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.popup.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, day: QDate) -> None:
        if self.popup is not None:
            self.popup.hide()
        self.edit.set_text(format_short(date(day.year(), day.month(), day.day())))
        self._commit()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    # --- texts --------------------------------------------------------------------------

    def retranslate(self, name: str = "", clear: str = "") -> None:
        """Set the texts in the interface language: the field's ``name`` and its clear button's."""
        if name:
            self.edit.setAccessibleName(name)
        if clear:
            self.clear_button.setAccessibleName(clear)
        self.clear_button.setToolTip(_("No date"))
        self.calendar_button.setToolTip(_("Choose in a calendar (F4)"))
        self.calendar_button.setAccessibleName(_("Calendar"))
        if self.ranges:
            self.edit.setPlaceholderText(_("dd/mm/yyyy, or a range: 25–26/04/2018"))
            self._hint = _(
                "A date (11/06/2018, 11 juin 2018, 11 juni 2018) or the first and last days "
                "(25/04/2018 – 26/04/2018, 25–26 avril 2018, van 25 tot 26 april 2018)"
            )
        else:
            self.edit.setPlaceholderText(_("dd/mm/yyyy"))
            self._hint = _("A date: 11/06/2018, 2018-06-11, 11 juin 2018 or 11 juni 2018")
        self.edit.setToolTip(self.problem or self._hint)
