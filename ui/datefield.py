"""A date field with a calendar popup that may also be left empty (a note without a date yet)."""

from __future__ import annotations

from datetime import date

from app.i18n import _
from ui.keys import keep_alt_arrows
from ui.qt import QDate, QDateEdit, QEvent, QHBoxLayout, QObject, Qt, QToolButton, QWidget, Signal

_NO_DATE = QDate(1900, 1, 1)


class DateField(QWidget):
    """Day/month/year with a calendar, plus a button that clears the date."""

    dateCommitted = Signal(object)  # datetime.date | None, when the user is done choosing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText(" ")
        keep_alt_arrows(self.edit)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self._committed: date | None = None
        self.edit.editingFinished.connect(self._commit)
        self.edit.dateChanged.connect(self._date_changed)
        self.edit.installEventFilter(self)  # the calendar is created only when it opens
        self.clear_button.clicked.connect(self._clear)
        self.retranslate()

    def value(self) -> date | None:
        """The chosen date, or None when empty."""
        chosen = self.edit.date()
        if chosen == _NO_DATE:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        """Show ``value`` without announcing a change."""
        self._committed = value
        self.edit.blockSignals(True)
        if value is None:
            self.edit.setDate(_NO_DATE)
        else:
            self.edit.setDate(QDate(value.year, value.month, value.day))
        self.edit.blockSignals(False)
        self.clear_button.setEnabled(value is not None and self.edit.isEnabled())

    def set_read_only(self, read_only: bool) -> None:
        """Refuse edits (the note is read-only)."""
        self.edit.setReadOnly(read_only)
        self.clear_button.setEnabled(not read_only and self.value() is not None)

    def _date_changed(self) -> None:
        if not self.edit.hasFocus():  # picked in the calendar; typing waits for editingFinished
            self._commit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        opening = event.type() == QEvent.Type.MouseButtonPress or (
            event.type() == QEvent.Type.KeyPress
            and (
                event.key() == Qt.Key.Key_F4
                or (
                    event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier
                )
            )
        )
        if opening and watched is self.edit and self.value() is None:
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    def _commit(self) -> None:
        value = self.value()
        if value != self._committed:
            self._committed = value
            self.clear_button.setEnabled(value is not None)
            self.dateCommitted.emit(value)

    def _clear(self) -> None:
        self.edit.setDate(_NO_DATE)
        self._commit()

    def retranslate(self, name: str = "", clear: str = "") -> None:
        """Set the texts in the interface language: the field's ``name`` and its clear button's."""
        if name:
            self.edit.setAccessibleName(name)
        if clear:
            self.clear_button.setAccessibleName(clear)
        self.clear_button.setToolTip(_("No date"))
