"""The editor of a free text (or a copied clause): bold, italic and lists, as the note holds them.

It shows a :class:`~app.text.richtext.RichText` and sends the user's changes as one: typing
and pasting as ``textEdited`` (the note records them as typing), a Format command as
``formatRequest`` with the range it applies to, for the note to apply as one undoable
command. Pasted HTML (Word, LibreOffice, a browser) keeps its bold, italic and lists
and nothing else.
"""

from __future__ import annotations

from app.text import formatting
from app.text.formatting import InlineMark
from app.text.richtext import ListKind, RichText
from ui.qt import (
    QEvent,
    QFont,
    QKeyEvent,
    QMimeData,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QWidget,
    Signal,
)
from ui.widgets.dragdrop import BLOCK_MIME, CLAUSE_MIME
from ui.widgets.formatcommands import BOLD, BULLETS, DEEPER, ITALIC, NUMBERS, SHALLOWER
from ui.widgets.richdocument import block_kind, read_document, sync_lists, write_document
from ui.widgets.textedit import GrowingTextEdit


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "’'-_"


class FormattedTextEdit(GrowingTextEdit):
    """A growing editor of formatted text; the note, not Qt, keeps its undo history."""

    textEdited = Signal(object)  # RichText: what the user typed or pasted
    formatRequest = Signal(str, int, int)  # command (formatcommands.COMMANDS), start, end
    formatStateChanged = Signal()  # the cursor moved or its typing format changed
    pasteBoundary = Signal()  # before and after a paste, so that it is an undo step of its own

    def __init__(self, parent: QWidget | None = None, *, minimum_lines: int = 2) -> None:
        super().__init__(parent, minimum_lines=minimum_lines)
        self._value = RichText()
        self.cursorPositionChanged.connect(self.formatStateChanged)
        self.currentCharFormatChanged.connect(lambda _fmt: self.formatStateChanged.emit())
        self.selectionChanged.connect(self.formatStateChanged)

    # --- the text ---------------------------------------------------------------------

    def rich(self) -> RichText:
        """The formatted text shown."""
        return self._value

    def set_rich(self, value: RichText) -> None:
        """Show ``value`` without announcing an edit; the cursor and selection stay put."""
        if value == self._value:  # kept equal to the document at every change of it
            return
        cursor = self.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        self._setting = True
        try:
            write_document(self.document(), value)
        finally:
            self._setting = False
        self._value = value
        length = max(0, self.document().characterCount() - 1)
        cursor = self.textCursor()
        cursor.setPosition(min(anchor, length))
        cursor.setPosition(min(position, length), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.formatStateChanged.emit()

    def _changed(self) -> None:
        if self._setting:
            return
        value = read_document(self.document())
        self._setting = True
        try:
            sync_lists(self.document(), value)  # Qt's lists in step with the text's
        finally:
            self._setting = False
        if value != self._value:
            self._value = value
            self.textEdited.emit(value)

    def selection(self) -> tuple[int, int]:
        """The selected range (start, end), or the cursor's position twice."""
        cursor = self.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()

    def selected_rich(self) -> RichText | None:
        """The selected part of the text, formats and lists kept (None when nothing is)."""
        start, end = self.selection()
        if start == end:
            return None
        return formatting.cut(self._value, start, end)

    # --- the Format commands -------------------------------------------------------------

    def is_bold(self) -> bool:
        """Whether the selection is all bold, or (no selection) what is typed will be."""
        return self._has(InlineMark.BOLD)

    def is_italic(self) -> bool:
        """Whether the selection is all italic, or (no selection) what is typed will be."""
        return self._has(InlineMark.ITALIC)

    def _has(self, mark: InlineMark) -> bool:
        start, end = self.selection()
        if start != end:
            return formatting.has_mark(self._value, start, end, mark)
        fmt = self.currentCharFormat()
        return fmt.fontWeight() >= 600 if mark is InlineMark.BOLD else fmt.fontItalic()

    def list_kind(self) -> ListKind:
        """The kind of the paragraph the cursor is in (the selection's, when all are alike)."""
        start, end = self.selection()
        for kind in (ListKind.BULLET, ListKind.NUMBERED):
            if formatting.is_list(self._value, start, end, kind):
                return kind
        return ListKind.PLAIN

    def can_shift(self, step: int) -> bool:
        """Whether the selection's list items can go a level deeper (1) or shallower (-1)."""
        start, end = self.selection()
        return formatting.can_shift_level(self._value, start, end, step)

    def request(self, command: str) -> None:
        """Ask the note to apply a Format command to the selection (or where the cursor is).

        Bold or italic with nothing selected applies to the word the cursor is in, as
        Word does; between words it sets what is typed next, which the note records
        with the typing.
        """
        if self.isReadOnly():
            return
        start, end = self.selection()
        if command in (BOLD, ITALIC) and start == end:
            word = self._word_around(start)
            if word is None:
                self._toggle_typing_format(command)
                return
            start, end = word
        self.formatRequest.emit(command, start, end)

    def _word_around(self, position: int) -> tuple[int, int] | None:
        """The word the cursor is inside (not at an end of), as a range."""
        text = self._value.plain
        if not (0 < position < len(text)):
            return None
        if not (_word_char(text[position - 1]) and _word_char(text[position])):
            return None
        start, end = position, position
        while start > 0 and _word_char(text[start - 1]):
            start -= 1
        while end < len(text) and _word_char(text[end]):
            end += 1
        return start, end

    def _toggle_typing_format(self, command: str) -> None:
        fmt = QTextCharFormat()
        if command == BOLD:
            bold = self.currentCharFormat().fontWeight() >= 600
            fmt.setFontWeight(QFont.Weight.Normal if bold else QFont.Weight.Bold)
        else:
            fmt.setFontItalic(not self.currentCharFormat().fontItalic())
        self.mergeCurrentCharFormat(fmt)
        self.formatStateChanged.emit()

    # --- keys --------------------------------------------------------------------------

    def _in_list_item_start(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            start, end = self.selection()
            return any(
                self._value.paragraphs[i].is_list_item
                for i in formatting.paragraph_range(self._value, start, end)
            )
        return cursor.atBlockStart() and cursor.block().textList() is not None

    def event(self, event: QEvent) -> bool:
        # Tab at the start of a list item (or over selected items) changes its level, as in
        # Word; anywhere else it moves to the next field.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            and not self.isReadOnly()
            and self._in_list_item_start()
        ):
            shallower = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            if self.can_shift(-1 if shallower else 1):
                self.request(SHALLOWER if shallower else DEEPER)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.isReadOnly():
            cursor = self.textCursor()
            block = cursor.block()
            kind, level = block_kind(block)
            if kind is not ListKind.PLAIN and not block.text() and not cursor.hasSelection():
                # Enter on an empty item ends the list (or comes out one level), as in Word.
                position = cursor.position()
                if level:
                    self.formatRequest.emit(SHALLOWER, position, position)
                else:
                    command = BULLETS if kind is ListKind.BULLET else NUMBERS
                    self.formatRequest.emit(command, position, position)
                return
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                # A soft line break is a new paragraph: the note has one paragraph a line.
                cursor.insertBlock()
                self.ensureCursorVisible()
                return
        super().keyPressEvent(event)

    # --- paste -------------------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if source.hasFormat(CLAUSE_MIME) or source.hasFormat(BLOCK_MIME):
            return False
        return source.hasHtml() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasFormat(CLAUSE_MIME) or source.hasFormat(BLOCK_MIME):
            return
        from app.text import pastehtml  # only when pasting: it loads after the window shows

        piece = pastehtml.from_html(source.html()) if source.hasHtml() else None
        if piece is None:
            self.pasteBoundary.emit()
            super().insertFromMimeData(source)
            self.pasteBoundary.emit()
            return
        start, end = self.selection()
        # The document, not the last value: a drag within the text has just cut its source.
        value = formatting.splice(read_document(self.document()), start, end, piece)
        self._setting = True
        try:
            write_document(self.document(), value)
        finally:
            self._setting = False
        cursor = self.textCursor()
        cursor.setPosition(min(start + len(piece), max(0, self.document().characterCount() - 1)))
        self.setTextCursor(cursor)
        self.pasteBoundary.emit()
        self._value = value
        self.textEdited.emit(value)
        self.pasteBoundary.emit()
