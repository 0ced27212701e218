"""The editor of a follow-up table: one row per commitment, its cells per language."""

from __future__ import annotations

from datetime import date

from app.i18n import _
from app.library import Library
from app.note import FollowUpTable
from ui.keys import keep_own_edits
from ui.labels import language_code
from ui.qt import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QBrush,
    QButtonGroup,
    QColor,
    QFocusEvent,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPushButton,
    QRect,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.spellcheck import underline_cell, watch

COLUMN_ROLE = Qt.ItemDataRole.UserRole + 2
TEXT_COLUMNS = ("commitment", "state", "lead")


def deadline_text(value: str, texts: dict[str, str] | None = None, lang: str = "") -> str:
    """A row's deadline as shown in the table: a date as 31/12/2018, else its text in ``lang``."""
    try:
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    except ValueError:
        return (texts or {}).get(lang, "") or value


def deadline_value(text: str) -> str:
    """What to store for a typed deadline: an ISO date when it reads as one, else the text."""
    from app import dates  # Babel loads with it: not needed before the first paint

    try:
        return dates.parse_date(text).isoformat()
    except ValueError:
        return text.strip()


class CellDelegate(QStyledItemDelegate):
    """Cell editors whose Ctrl+Z undoes their own typing, else the note (a fresh cell has none).

    The texts of a cell are spell-checked in the cell's language, as it is shown and as
    it is typed in; a clause's title shown as a placeholder is not.
    """

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            keep_own_edits(editor)
            name, lang = index.data(COLUMN_ROLE) or ("", "")
            if name in TEXT_COLUMNS:
                watch(editor, lang)
        return editor

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        name, lang = index.data(COLUMN_ROLE) or ("", "")
        font = index.data(Qt.ItemDataRole.FontRole)
        if name in TEXT_COLUMNS and not (font is not None and font.italic()):
            underline_cell(self, painter, option, index, lang)


class FollowUpTableView(QTableWidget):
    """The cells of a follow-up table, which Tab and Shift+Tab walk through as in Word.

    Tab in the last cell asks for a new row; Shift+Tab in the first cell, and Ctrl+Tab or
    Ctrl+Shift+Tab anywhere, leave the table for the previous or next field.
    """

    pastEnd = Signal()  # Tab in the last cell
    focusEntered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CellDelegate(self))
        self.setTabKeyNavigation(True)

    def _at_end(self, forward: bool) -> bool:
        row, column = self.currentRow(), self.currentColumn()
        if self.rowCount() == 0 or row < 0:
            return True
        if forward:
            return row == self.rowCount() - 1 and column == self.columnCount() - 1
        return row == 0 and column <= 0

    def _step(self, forward: bool) -> None:
        """Make the next (or previous) cell, in reading order, the current one."""
        row, column = max(0, self.currentRow()), max(0, self.currentColumn())
        position = row * self.columnCount() + column + (1 if forward else -1)
        self.setCurrentCell(*divmod(position, self.columnCount()))

    def focusNextPrevChild(self, next: bool) -> bool:
        if self._at_end(next):
            if next and self.rowCount() and self.currentRow() >= 0:
                self.pastEnd.emit()
                return True
            return QWidget.focusNextPrevChild(self, next)  # out of the table
        self._step(next)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            forward = event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            QWidget.focusNextPrevChild(self, forward)  # leave the table
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Tab and Shift+Tab from a cell being typed in go on as they do between cells."""
        next_item = QAbstractItemDelegate.EndEditHint.EditNextItem
        previous_item = QAbstractItemDelegate.EndEditHint.EditPreviousItem
        if hint not in (next_item, previous_item):
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.focusNextPrevChild(hint == next_item)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.currentRow() < 0 and self.rowCount():
            self.setCurrentCell(0, 0)
        self.focusEntered.emit()


class FollowUpEditor(QWidget):
    """A table of commitments and the buttons that add or delete rows."""

    addRowRequest = Signal()
    editCellRequest = Signal(int, str, str, str)  # row, column, lang, text
    removeRowRequest = Signal(int)
    revealRequest = Signal(QRect)  # a part of the editor (the current cell) to scroll into view
    heightChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = FollowUpTableView(self)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        # A click leaves the keyboard in the table (the new row, the next row), never on the
        # button, so a space typed next goes into a cell, not into another click.
        for button in (self.add_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAutoDefault(False)
        self.language_label = QLabel(self)
        self.language_buttons: dict[str, QToolButton] = {}
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.language_label)
        group = QButtonGroup(self)
        for lang in ("fr", "nl"):
            button = QToolButton(self)
            button.setText(language_code(lang))
            button.setCheckable(True)
            button.setAutoRaise(True)
            group.addButton(button)
            buttons.addWidget(button)
            button.clicked.connect(lambda _c=False, lang=lang: self.show_language(lang))
            self.language_buttons[lang] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.columns: list[tuple[str, str]] = []
        self.shown_language = "fr"
        self._shown: tuple | None = None  # (table, languages, library) last shown
        self.read_only = False
        self._filling = False
        self._focus_row: int | None = None  # the row to put the keyboard in once it is shown
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.currentCellChanged.connect(lambda *_a: self._reveal_current())
        self.table.focusEntered.connect(self._reveal_current)
        self.table.pastEnd.connect(self._past_end)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self._remove)
        self.table.horizontalHeader().sectionResized.connect(lambda *_a: self._fit())
        self.retranslate()

    def show_table(
        self, table: FollowUpTable, languages: tuple[str, ...], library: Library
    ) -> None:
        """Show the rows of ``table`` in one of ``languages`` (a switch chooses it in bilingual notes)."""
        self._shown = (table, languages, library)
        if self.shown_language not in languages:
            self.shown_language = languages[0]
        for lang, button in self.language_buttons.items():
            button.setVisible(len(languages) > 1)
            button.setChecked(lang == self.shown_language)
        self.language_label.setVisible(len(languages) > 1)
        shown = self.shown_language
        # A deadline is a date in every language, or a text in each ("1er trimestre 2019").
        columns = [(name, shown) for name in (*TEXT_COLUMNS, "deadline")]
        current = (self.table.currentRow(), self.table.currentColumn())
        self._filling = True
        try:
            if columns != self.columns:
                self.columns = columns
                self.table.setColumnCount(len(columns))
                header = self.table.horizontalHeader()
                for index, (name, _lang) in enumerate(columns):
                    mode = (
                        QHeaderView.ResizeMode.ResizeToContents
                        if name == "deadline"
                        else QHeaderView.ResizeMode.Stretch
                    )
                    header.setSectionResizeMode(index, mode)
                self._set_headers()
            self.table.setRowCount(len(table.rows))
            muted = QBrush(QColor("#6b6b6b"))
            for row_index, row in enumerate(table.rows):
                clause = library.find(row.clause_id) if row.clause_id else None
                for column_index, (name, lang) in enumerate(columns):
                    if name == "deadline":
                        text, placeholder = deadline_text(row.deadline, row.deadline_text, lang), ""
                    else:
                        text = getattr(row, name).get(lang, "")
                        placeholder = (
                            clause.title.get(lang, "") if name == "commitment" and clause else ""
                        )
                    item = self.table.item(row_index, column_index)
                    if item is None:
                        item = QTableWidgetItem()
                        self.table.setItem(row_index, column_index, item)
                    item.setData(COLUMN_ROLE, (name, lang))
                    item.setText(text or placeholder)
                    font = QFont(self.table.font())
                    font.setItalic(bool(placeholder and not text))
                    item.setFont(font)
                    item.setForeground(muted if placeholder and not text else QBrush())
                    tooltip = (
                        _("From clause {id}").format(id=row.clause_id) if row.clause_id else ""
                    )
                    item.setToolTip(tooltip)
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    if not self.read_only:
                        flags |= Qt.ItemFlag.ItemIsEditable
                    item.setFlags(flags)
        finally:
            self._filling = False
        if 0 <= current[0] < self.table.rowCount():
            self.table.setCurrentCell(*current)
        self._selection_changed()
        self._fit()
        if self._focus_row is not None:
            row, self._focus_row = self._focus_row, None
            if self.table.rowCount():
                self.table.setCurrentCell(min(row, self.table.rowCount() - 1), 0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self._reveal_current()

    def add_row(self) -> None:
        """Ask for a new row; the keyboard goes to its first cell once it is there."""
        if self.read_only:
            return
        self._focus_row = self.table.rowCount()
        self.addRowRequest.emit()

    def focus_cell(self, row: int, column: str, lang: str = "") -> None:
        """Put the keyboard in one cell (``column``: commitment, state, lead, deadline)."""
        if lang and lang in self.language_buttons and lang != self.shown_language:
            if self._shown is not None and lang in self._shown[1]:
                self.show_language(lang)
        names = [name for name, _lang in self.columns]
        if 0 <= row < self.table.rowCount() and column in names:
            self.table.setCurrentCell(row, names.index(column))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._reveal_current()

    def show_language(self, lang: str) -> None:
        """Show (and edit) the table's texts in ``lang``."""
        self.shown_language = lang
        if self._shown is not None:
            self.show_table(*self._shown)

    def set_read_only(self, read_only: bool) -> None:
        """Refuse edits."""
        self.read_only = read_only
        self.add_button.setEnabled(not read_only)
        self._selection_changed()

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.add_button.setText(_("Add row"))
        self.add_button.setAccessibleName(_("Add a row to the follow-up table"))
        self.add_button.setToolTip(_("Add a row; or drop clauses from the library onto the table"))
        self.remove_button.setText(_("Delete row"))
        self.remove_button.setAccessibleName(_("Delete the selected row"))
        self.table.setAccessibleName(_("Follow-up table"))
        self.language_label.setText(_("Language:"))
        names = {"fr": _("Show the table in French"), "nl": _("Show the table in Dutch")}
        for lang, button in self.language_buttons.items():
            button.setToolTip(names[lang])
            button.setAccessibleName(names[lang])
        self._set_headers()

    def _set_headers(self) -> None:
        names = {
            "commitment": _("Commitment"),
            "state": _("State of play"),
            "lead": _("Lead service"),
            "deadline": _("Deadline"),
        }
        several = self._shown is not None and len(self._shown[1]) > 1
        labels = [
            f"{names[name]} ({language_code(lang)})" if several and lang else names[name]
            for name, lang in self.columns
        ]
        self.table.setHorizontalHeaderLabels(labels)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        name, lang = item.data(COLUMN_ROLE)
        text = item.text()
        if name == "deadline":
            text = deadline_value(text)
        self.editCellRequest.emit(item.row(), name, lang, text)

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(not self.read_only and self.table.currentRow() >= 0)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self._focus_row = max(0, row if row < self.table.rowCount() - 1 else row - 1)
            self.removeRowRequest.emit(row)

    def _past_end(self) -> None:
        """Tab in the last cell: a new row, as in Word (or out of the table when read-only)."""
        if self.read_only:
            QWidget.focusNextPrevChild(self.table, True)
        else:
            self.add_row()

    def _reveal_current(self) -> None:
        """Ask the composer to scroll the current cell (else the header) into view."""
        if not self.table.hasFocus() and self._focus_row is None:
            return
        row, column = self.table.currentRow(), max(0, self.table.currentColumn())
        if row < 0:
            rect = self.table.horizontalHeader().geometry()
        else:
            rect = self.table.visualRect(self.table.model().index(row, column))
            rect.translate(self.table.viewport().pos())
        rect.translate(self.table.pos())
        self.revealRequest.emit(rect)

    def _fit(self) -> None:
        """Make the table exactly as tall as its rows, so the composer scrolls, not the table."""
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        for row in range(self.table.rowCount()):
            height += self.table.rowHeight(row)
        if self.table.rowCount() == 0:
            height += self.table.fontMetrics().lineSpacing() + 8
        if height != self.table.height() or self.table.minimumHeight() != height:
            self.table.setFixedHeight(height)
            self.heightChanged.emit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
