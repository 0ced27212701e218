"""A plain-text editor that grows with its text, so a note reads as one page, not many boxes."""

from __future__ import annotations

from ui.qt import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QEvent,
    QFocusEvent,
    QFrame,
    QKeyEvent,
    QLineEdit,
    QResizeEvent,
    QSize,
    QSizePolicy,
    Qt,
    QTextCursor,
    QTextEdit,
    QTextOption,
    QWidget,
    Signal,
)
from ui.widgets.dragdrop import BLOCK_MIME, CLAUSE_MIME
from ui.widgets.keys import is_history_key


def _ours(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
    mime = event.mimeData()
    return mime.hasFormat(CLAUSE_MIME) or mime.hasFormat(BLOCK_MIME)


class GrowingTextEdit(QTextEdit):
    """Plain text, no inner scroll bar: the editor is as tall as its text."""

    textEdited = Signal(str)  # only for changes the user made, not for set_text
    focusLeft = Signal()
    focusEntered = Signal()

    def __init__(self, parent: QWidget | None = None, *, minimum_lines: int = 2) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # the note's history undoes; see is_history_key
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._minimum_lines = minimum_lines
        self._height = 0
        self._setting = False
        self.document().setDocumentMargin(4)
        self.document().contentsChanged.connect(self._fit)
        self.textChanged.connect(self._changed)

    # --- text ---------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Show ``text`` without announcing an edit; keeps the cursor near where it was."""
        if self.toPlainText() == text:
            return
        position = self.textCursor().position()
        old = self.toPlainText()
        prefix = 0
        for a, b in zip(old, text, strict=False):
            if a != b:
                break
            prefix += 1
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False
        cursor = self.textCursor()
        cursor.setPosition(min(len(text), prefix if self.hasFocus() else position))
        self.setTextCursor(cursor)

    def _changed(self) -> None:
        if not self._setting:
            self.textEdited.emit(self.toPlainText())

    # --- size ---------------------------------------------------------------------

    def _fit(self) -> None:
        document = self.document()
        width = self.viewport().width()
        if width > 0 and document.textWidth() != width:
            document.setTextWidth(width)
        line = self.fontMetrics().lineSpacing()
        content = max(
            document.size().height(), self._minimum_lines * line + 2 * document.documentMargin()
        )
        height = int(content + 2 * self.frameWidth() + 0.5)
        if height != self._height:
            self._height = height
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self._height or hint.height())

    # --- focus and keys -------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_history_key(event):
            event.ignore()  # let the window's Undo and Redo actions have it
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focusEntered.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLeft.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Alt+arrows move blocks: leave them to the window's shortcuts.
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            event.ignore()
            return
        super().keyPressEvent(event)

    def move_cursor_to_end(self) -> None:
        """Put the cursor after the last character."""
        self.moveCursor(QTextCursor.MoveOperation.End)

    # --- drops: clauses and blocks go to the composer, not into the text ------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _ours(event):
            event.ignore()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _ours(event):
            event.ignore()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if _ours(event):
            event.ignore()
            return
        super().dropEvent(event)


class FieldEdit(QLineEdit):
    """A one-line field whose Undo and Redo go to the note's history, with focus signals."""

    focusLeft = Signal()
    focusEntered = Signal()

    def set_text(self, text: str) -> None:
        """Show ``text`` without announcing an edit (textEdited stays for the user's typing)."""
        if self.text() != text:
            position = self.cursorPosition()
            self.setText(text)
            self.setCursorPosition(min(position, len(text)))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_history_key(event):
            event.ignore()
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focusEntered.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLeft.emit()
