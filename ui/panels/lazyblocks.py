"""Blocks shown before their widgets exist: placeholders as tall as the block, made real on demand.

A long note opens with the widgets of the blocks in view; the others stand in the page as
placeholders of about their height (so the scroll bar is right and scrolling works) and are
made in short slices of the event loop, those in view first. Asking the composer's
``block_widgets`` for any block of the note makes its widget at once.
"""

from __future__ import annotations

from collections.abc import Callable

from app.library.clauses import Library
from app.notes.note import Block, CopiedClause, FollowUpTable, LinkedClause, Note, TextBlock
from ui.qt import QFontMetrics, QRect, QSizePolicy, Qt, QWidget
from ui.widgets.looks import paint_card


class BlockPlaceholder(QWidget):
    """Stands in its section for a block whose widget is not made yet, about as tall as it."""

    def __init__(self, block_id: str, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.block_id = block_id
        self.section_id = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(height)

    def focus_targets(self) -> list[QWidget]:
        """None: Tab reaches the block once its widget is made."""
        return []

    def paintEvent(self, event) -> None:
        paint_card(self, None, False)  # the card the block will sit on, without its text


class BlockWidgets(dict):
    """The composer's block widgets by block id; asking for a block not made yet makes it."""

    def __init__(self, make: Callable[[str], QWidget | None]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, block_id: str) -> QWidget:
        widget = self._make(block_id)
        if widget is None:
            raise KeyError(block_id)
        return widget

    def get(self, block_id: str, default: QWidget | None = None) -> QWidget | None:
        """The block's widget, made now if the block is only a placeholder; ``default`` if none."""
        try:
            return self[block_id]
        except KeyError:
            return default

    def built(self, block_id: str) -> QWidget | None:
        """The block's widget if it is made, without making it."""
        return dict.get(self, block_id)


class HeightGuess:
    """Guesses a block's height from its text, as the widgets lay it out at the page's width.

    ``chrome`` is what a block adds around its text (header, margins, editor frame),
    ``width`` the width of the text in a one-language block; :meth:`calibrate` takes both
    from a block widget laid out on the page.
    """

    def __init__(self, metrics: QFontMetrics, page_width: int) -> None:
        self.metrics = metrics
        self.line = metrics.lineSpacing()
        self.chrome = 2 * self.line + 26
        self.width = max(80, page_width - 56)
        self.spacing = 6

    def calibrate(
        self, block_height: int, editor_height: int, editor_margins: int, text_width: int
    ) -> None:
        """Learn the chrome and the text width from a laid-out free-text block."""
        if block_height > editor_height > 0 and text_width > 40:
            # The editor's own margins and frame are chrome too: text_height is the text's.
            self.chrome = block_height - editor_height + editor_margins
            self.width = text_width

    def text_height(self, text: str, columns: int) -> int:
        """The height of ``text`` wrapped in one of ``columns`` side by side."""
        width = max(40, (self.width - (columns - 1) * (self.spacing + 12)) // columns)
        rect = self.metrics.boundingRect(
            QRect(0, 0, width, 1 << 24), int(Qt.TextFlag.TextWordWrap), text or " "
        )
        return max(rect.height(), 2 * self.line)

    def block(self, block: Block, note: Note, library: Library) -> int:
        """The guessed height of ``block``'s widget."""
        languages = note.language.languages
        columns = len(languages)
        tags = self.line if columns > 1 else 0
        if isinstance(block, TextBlock | CopiedClause):
            texts = [block.plain(lang) for lang in languages]
        elif isinstance(block, LinkedClause):
            clause = library.at(block.clause_id, block.revision) or library.newest(block.clause_id)
            texts = [clause.text_in(lang) if clause else "" for lang in languages]
            tags = 0
        elif isinstance(block, FollowUpTable):
            return self.chrome + (len(block.rows) + 3) * (self.line * 2 + 6)
        else:
            texts = [""]
        return self.chrome + tags + max(self.text_height(t, columns) for t in texts)
