"""Which keys belong to the window rather than to the field that has the cursor."""

from __future__ import annotations

from ui.qt import QEvent, QKeyCombination, QKeyEvent, QKeySequence, QObject, Qt, QWidget

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
