"""Going to a place of the note and selecting characters there (a match, an unknown word)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from app.notetexts import CELL, LINKED, METADATA, Place
from ui.qt import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextCursor, QTextEdit

if TYPE_CHECKING:
    from ui.composer import Composer


def show_place(composer: Composer, place: Place, start: int, end: int) -> bool:
    """Scroll to ``place``, give it the keyboard and select ``start`` to ``end``; False if gone."""
    target = SimpleNamespace(
        lang=place.lang,
        block_id=place.block_id,
        section_id=place.section_id,
        row=place.row if place.kind == CELL else -1,
        column=place.field if place.kind == CELL else "",
        field=place.field if place.kind == METADATA else "",
        variable="",
    )
    if not composer.go_to(target):
        return False
    if place.kind == LINKED:
        block = composer.block_widgets.get(place.block_id)
        label = getattr(block, "labels", {}).get(place.lang)
        if isinstance(label, QLabel):
            label.setSelection(start, end - start)
        return True
    select(QApplication.focusWidget(), start, end)
    return True


def select(widget, start: int, end: int) -> None:
    """Select characters ``start`` to ``end`` in a text editor or a line edit."""
    if isinstance(widget, QLineEdit):
        widget.setSelection(start, end - start)
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        cursor = QTextCursor(widget.document())
        last = max(0, widget.document().characterCount() - 1)
        cursor.setPosition(min(start, last))
        cursor.setPosition(min(end, last), QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()
