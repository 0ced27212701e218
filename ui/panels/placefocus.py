"""Going to a place of the note and selecting characters there (a match, an unknown word)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from app.notes.texts import CELL, LINKED, METADATA, Place
from ui.qt import QLabel, QLineEdit, QPlainTextEdit, QRect, QTextCursor, QTextEdit, QWidget

if TYPE_CHECKING:
    from ui.panels.composer import Composer


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
    # The window's own focus child: with the dialog in front, the application's focus
    # widget is the dialog's field.
    select(composer.window().focusWidget(), start, end)
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


def keep_clear(dialog: QWidget, composer: Composer) -> None:
    """Move ``dialog`` off the selection it just made in the note, as Word's Find does."""
    widget = composer.window().focusWidget()
    if widget is None or not dialog.isVisible():
        return
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        local = widget.cursorRect()
        target = QRect(widget.viewport().mapToGlobal(local.topLeft()), local.size())
    else:
        target = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
    frame = dialog.frameGeometry()
    if not frame.intersects(target):
        return
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    margin = dialog.fontMetrics().lineSpacing()
    below = target.bottom() + margin
    if screen is None or below + frame.height() <= screen.bottom():
        dialog.move(frame.x(), below)
    else:
        dialog.move(frame.x(), max(screen.top(), target.top() - margin - frame.height()))
