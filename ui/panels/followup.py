"""The editor of a follow-up table: one row per commitment, its cells per language.

In a bilingual note each text has a French and a Dutch column side by side
(commitment, state of play, lead service), as a text block has, so the Dutch is
typed next to the French it translates; a deadline that is a date is one cell
across its French and Dutch columns (a date is the same in both), a deadline in
words has one per language.

A cell being typed in keeps its text until it is left, as in Excel: Enter or Tab
keeps it, Escape cancels that cell's typing (and says so). Saving, exporting,
closing and autosaving take what it holds first (see :mod:`ui.widgets.pending`).
"""

from __future__ import annotations

from datetime import date

from app.language.i18n import _
from app.library.clauses import Library
from app.notes.note import FollowUpTable
from ui.labels import language_code
from ui.qt import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QBrush,
    QColor,
    QCoreApplication,
    QEvent,
    QFocusEvent,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QLineEdit,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    QRect,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.spellcheck import underline_cell, watch
from ui.widgets.keys import keep_own_edits

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
    from app.language import dates  # Babel loads with it: not needed before the first paint

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
            view = self.parent()
            if isinstance(view, FollowUpTableView):
                view.editor_opened(editor, index)
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
    editorOpened = Signal(int, int)  # row, column of the cell now typed in
    pendingChanged = Signal()  # the open cell's text starts or stops differing from the cell
    typingCancelled = Signal(int, int, bool)  # row, column; whether the note had some of it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CellDelegate(self))
        self.setTabKeyNavigation(True)
        # The cell typed in and its text when the typing began; whether the note was given
        # some of it since (saving or autosaving while the cell was open).
        self._opened: tuple[QPersistentModelIndex, str] | None = None
        self._handed_over = False

    # --- the cell being typed in (ui.widgets.pending) --------------------------------------

    def editor_opened(self, editor: QLineEdit, index: QModelIndex) -> None:
        """A cell's editor was made (by its delegate): remember what the cell said."""
        self._opened = (QPersistentModelIndex(index), str(index.data() or ""))
        self._handed_over = False
        editor.textEdited.connect(lambda _text: self.pendingChanged.emit())
        self.editorOpened.emit(index.row(), index.column())

    def open_editor(self) -> QLineEdit | None:
        """The editor of the cell being typed in (None when no cell is)."""
        if self._opened is None or self.state() != QAbstractItemView.State.EditingState:
            return None
        editor = self.indexWidget(QModelIndex(self._opened[0]))
        return editor if isinstance(editor, QLineEdit) else None

    def has_pending_edit(self) -> bool:
        """Whether a cell is being typed in and holds text the note does not have yet."""
        editor = self.open_editor()
        if editor is None or self._opened is None:
            return False
        return editor.text() != str(QModelIndex(self._opened[0]).data() or "")

    def commit_pending_edit(self) -> None:
        """Give the note what the open cell holds; the cell stays open, the cursor in place."""
        editor = self.open_editor()
        if editor is None:
            return
        text, position = editor.text(), editor.cursorPosition()
        self.commitData(editor)
        self._handed_over = True
        if editor.text() == text and editor.cursorPosition() != position:
            editor.setCursorPosition(position)
        self.pendingChanged.emit()

    # --- moving through the cells ---------------------------------------------------

    def _covered(self, row: int, column: int) -> bool:
        """Whether the cell lies under another one that spans it (a date's second column)."""
        return any(
            self.columnSpan(row, first) > column - first for first in range(column - 1, -1, -1)
        )

    def _neighbour(self, forward: bool) -> tuple[int, int] | None:
        """The next (or previous) cell in reading order, cells under a span skipped."""
        row, column = max(0, self.currentRow()), max(0, self.currentColumn())
        while column > 0 and self._covered(row, column):
            column -= 1
        order = [
            (r, c)
            for r in range(self.rowCount())
            for c in range(self.columnCount())
            if not self._covered(r, c)
        ]
        if (row, column) not in order:
            return None
        position = order.index((row, column)) + (1 if forward else -1)
        return order[position] if 0 <= position < len(order) else None

    def _at_end(self, forward: bool) -> bool:
        if self.rowCount() == 0 or self.currentRow() < 0:
            return True
        return self._neighbour(forward) is None

    def _step(self, forward: bool) -> None:
        """Make the next (or previous) cell, in reading order, the current one."""
        target = self._neighbour(forward)
        if target is not None:
            self.setCurrentCell(*target)

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
        """Tab and Shift+Tab from a cell being typed in go on as they do between cells;
        Escape cancels the cell's typing (see :attr:`typingCancelled`)."""
        next_item = QAbstractItemDelegate.EndEditHint.EditNextItem
        previous_item = QAbstractItemDelegate.EndEditHint.EditPreviousItem
        opened, handed_over = self._opened, self._handed_over
        self._opened, self._handed_over = None, False
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache and opened is not None:
            typed = isinstance(editor, QLineEdit) and editor.text() != opened[1]
            if typed or handed_over:
                index = QModelIndex(opened[0])
                self.typingCancelled.emit(index.row(), index.column(), handed_over)
        if hint not in (next_item, previous_item):
            super().closeEditor(editor, hint)
        else:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.focusNextPrevChild(hint == next_item)
        self.pendingChanged.emit()

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
    pendingChanged = Signal()  # a cell being typed in holds text the note has not, or no more
    statusRequest = Signal(str)  # something to say in the window's status bar

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
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.columns: list[tuple[str, str]] = []
        self._shown: tuple | None = None  # (table, languages, library) last shown
        self.read_only = False
        self._filling = False
        self._focus_row: int | None = None  # the row to put the keyboard in once it is shown
        self._before: tuple[int, str, str, str] | None = None  # the open cell, as the note had it
        # A height changed while a layout places the table (its columns resized to a new
        # width) is lost to that layout: it is said again once the layout is done.
        self._height_again = QTimer(self)
        self._height_again.setSingleShot(True)
        self._height_again.setInterval(0)
        self._height_again.timeout.connect(self._say_height_again)
        self.table.itemChanged.connect(self._item_changed)
        self.table.editorOpened.connect(self._editor_opened)
        self.table.pendingChanged.connect(self.pendingChanged)
        self.table.typingCancelled.connect(self._typing_cancelled)
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
        """Show the rows of ``table``, each text in a column per language of ``languages``."""
        self._shown = (table, languages, library)
        # A deadline is a date in every language, or a text in each ("1er trimestre 2019").
        columns = [(name, lang) for name in (*TEXT_COLUMNS, "deadline") for lang in languages]
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
                    # Only what changed is set: each change of a cell typed in would put the
                    # cell's text back into its editor, the cursor at the end (ui.widgets.pending).
                    if item.data(COLUMN_ROLE) != (name, lang):
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
                    if item.flags() != flags:
                        item.setFlags(flags)
                self._span_date(row_index, bool(row.deadline) and len(languages) > 1)
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

    def _span_date(self, row: int, spanned: bool) -> None:
        """Show a row's date deadline once across the deadline's columns (a text: one each)."""
        first = next(i for i, (name, _lang) in enumerate(self.columns) if name == "deadline")
        width = len(self.columns) - first if spanned else 1
        if self.table.columnSpan(row, first) != width:
            self.table.setSpan(row, first, 1, width)

    def add_row(self) -> None:
        """Ask for a new row; the keyboard goes to its first cell once it is there."""
        if self.read_only:
            return
        self._focus_row = self.table.rowCount()
        self.addRowRequest.emit()

    def focus_cell(self, row: int, column: str, lang: str = "") -> None:
        """Put the keyboard in one cell (``column``: commitment, state, lead, deadline), in
        ``lang``'s column when the note has several languages."""
        if 0 <= row < self.table.rowCount():
            index = self.column_index(column, lang)
            if index >= 0:
                self.table.setCurrentCell(row, index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._reveal_current()

    def column_index(self, column: str, lang: str = "") -> int:
        """The column showing ``column`` in ``lang`` (its first language's without); -1: none."""
        names = [name for name, _lang in self.columns]
        if (column, lang) in self.columns:
            return self.columns.index((column, lang))
        return names.index(column) if column in names else -1

    def show_language(self, lang: str) -> None:
        """Put the keyboard in ``lang``'s column of the current cell's text (both are shown)."""
        column = self.table.currentColumn()
        if 0 <= column < len(self.columns):
            self.focus_cell(max(0, self.table.currentRow()), self.columns[column][0], lang)

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
        self._set_headers()

    def _set_headers(self) -> None:
        names = {
            "commitment": _("Commitment"),
            "state": _("State of play"),
            "lead": _("Lead service"),
            "deadline": _("Deadline"),
        }
        several = len({lang for _name, lang in self.columns}) > 1
        # Bilingual: the language under the name, so the columns stay narrow; a date sits
        # across both deadline columns (it is the same in both languages).
        labels = [
            f"{names[name]}\n{language_code(lang)}" if several else names[name]
            for name, lang in self.columns
        ]
        self.table.setHorizontalHeaderLabels(labels)
        for index, (name, lang) in enumerate(self.columns):
            item = self.table.horizontalHeaderItem(index)
            if item is None:
                continue
            if name == "deadline":
                tip = (
                    _(
                        "A date (31/12/2018), the same in both languages: type it in either "
                        "column; or the deadline in words, in each language"
                    )
                    if several
                    else _("A date (31/12/2018) or the deadline in words (end of 2018)")
                )
            else:
                tip = f"{names[name]} ({language_code(lang)})" if several else ""
            item.setToolTip(tip)

    def _stored_text(self, row: int, name: str, lang: str) -> str:
        """What the note holds in a cell, as it would be typed back ("" when nothing)."""
        if self._shown is None or not 0 <= row < len(self._shown[0].rows):
            return ""
        values = self._shown[0].rows[row]
        if name == "deadline":
            return values.deadline or values.deadline_text.get(lang, "")
        return getattr(values, name).get(lang, "")

    def _editor_opened(self, row: int, column: int) -> None:
        if 0 <= column < len(self.columns):
            name, lang = self.columns[column]
            self._before = (row, name, lang, self._stored_text(row, name, lang))

    def _typing_cancelled(self, row: int, column: int, handed_over: bool) -> None:
        """Escape in a cell typed in: its typing is cancelled, also what saving took of it."""
        before, self._before = self._before, None
        if handed_over and before is not None and before[0] == row:
            _row, name, lang, text = before
            if self._stored_text(row, name, lang) != text:
                self.editCellRequest.emit(row, name, lang, text)
        self.statusRequest.emit(
            _("Typing in the cell cancelled (Escape). Enter or Tab keeps what you type.")
        )

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
            self._height_again.start()

    def _say_height_again(self) -> None:
        self.layout().invalidate()
        self.updateGeometry()
        self.heightChanged.emit()
        widget = self.parentWidget()
        while widget is not None and not widget.isWindow():
            QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LayoutRequest))
            widget = widget.parentWidget()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
