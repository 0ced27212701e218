"""Edits a field keeps until it is left (a table cell being typed in, a typed date).

Most fields give every keystroke to the note at once. A few give what was typed
only when they are left: a cell of a follow-up table (as in Excel, Enter or Tab
keeps it, Escape cancels it) and a date field (the text is read once typed). The
keyboard is still in such a field when the user presses Ctrl+S, Ctrl+Q or Ctrl+E,
so every action that reads the note first asks the field that has the keyboard to
hand its edit over (:func:`commit_pending`), and the window counts a field with
typed text as an unsaved change (:func:`has_pending`).

Such a field, or its nearest parent, has the two methods of :class:`HoldsEdits`
and a ``pendingChanged`` signal for when its typed text starts or stops differing.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ui.qt import QWidget


@runtime_checkable
class HoldsEdits(Protocol):
    """A field that keeps what is typed in it until it is left."""

    def has_pending_edit(self) -> bool:
        """Whether it holds typed text the note does not have yet."""
        ...

    def commit_pending_edit(self) -> None:
        """Give the typed text to the note now, the keyboard staying where it is."""
        ...


def holder_of(widget: QWidget | None) -> HoldsEdits | None:
    """``widget`` or its nearest parent that keeps edits until it is left (None: none does)."""
    while widget is not None:
        if isinstance(widget, HoldsEdits):
            return widget
        widget = widget.parentWidget()
    return None


def has_pending(window: QWidget) -> bool:
    """Whether the field that has ``window``'s keyboard holds text the note does not have yet."""
    holder = holder_of(window.focusWidget())
    return holder is not None and holder.has_pending_edit()


def commit_pending(window: QWidget) -> None:
    """Give the note what the field that has ``window``'s keyboard still holds (if anything)."""
    holder = holder_of(window.focusWidget())
    if holder is not None and holder.has_pending_edit():
        holder.commit_pending_edit()
