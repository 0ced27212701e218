"""Which keys belong to the window rather than to the field that has the cursor."""

from __future__ import annotations

from ui.qt import (
    QEvent,
    QKeyCombination,
    QKeyEvent,
    QKeySequence,
    QLineEdit,
    QObject,
    Qt,
    QWidget,
)

#: Keys the window's actions own even while a field has the cursor (Redo, Export).
_WINDOW_KEYS = (
    QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y),
    QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_E),
)


def is_history_key(event: QKeyEvent) -> bool:
    """Whether a key press belongs to the window (Undo, Redo, Export), not to one field's editing."""
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    return event.keyCombination() in _WINDOW_KEYS


class AltArrowKeeper(QObject):
    """Lets a combo box or date field keep Alt+Up/Down (open its list) over the block shortcuts."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
            ):
                event.accept()
        return False


_keeper: AltArrowKeeper | None = None


def keep_alt_arrows(widget: QWidget) -> None:
    """Make ``widget`` keep Alt+Up and Alt+Down for itself."""
    global _keeper
    if _keeper is None:
        _keeper = AltArrowKeeper()
    widget.installEventFilter(_keeper)


_SETTLED = "clausierEditsSettled"  # a line edit's own edits are done: the note's history is next


def _own_edit_key(edit: QLineEdit, event: QKeyEvent) -> bool:
    """Whether Undo or Redo pressed in ``edit`` is for its own edits in progress."""
    if edit.property(_SETTLED) or edit.isReadOnly():
        return False
    if event.matches(QKeySequence.StandardKey.Undo):
        return edit.isUndoAvailable()
    redo = event.matches(
        QKeySequence.StandardKey.Redo
    ) or event.keyCombination() == QKeyCombination(
        Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y
    )
    return redo and edit.isRedoAvailable()


class OwnEditsFirst(QObject):
    """Lets a line edit with its own undo (a search, a table cell) keep Ctrl+Z only for its edits.

    As in Word: while the user is typing in the field, Ctrl+Z undoes that typing; with
    nothing of its own to undo, or once a change of the note came after it (see
    :func:`settle_edits`), Undo and Redo go to the window, which undoes the note.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, QLineEdit)
            and is_history_key(event)
            and not _own_edit_key(watched, event)
        ):
            event.ignore()  # the window's Undo, Redo or Export action takes it
            return True
        return False


_own_edits: OwnEditsFirst | None = None


def keep_own_edits(edit: QLineEdit) -> None:
    """Make ``edit`` keep Undo and Redo only while it has edits of its own in progress."""
    global _own_edits
    if _own_edits is None:
        _own_edits = OwnEditsFirst()
    edit.installEventFilter(_own_edits)
    edit.textEdited.connect(lambda _text: edit.setProperty(_SETTLED, False))


def settle_edits(edit: QLineEdit) -> None:
    """Say that the note changed after ``edit``'s typing: Ctrl+Z there now undoes the note."""
    edit.setProperty(_SETTLED, True)
