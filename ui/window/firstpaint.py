"""A call made once a widget is first painted: what the window does after it shows, not before."""

from __future__ import annotations

from ui.qt import QEvent, QObject, QTimer, QWidget


class FirstPaint(QObject):
    """Calls back once the window has painted for the first time."""

    def __init__(self, window: QWidget, callback) -> None:
        super().__init__(window)
        self.callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False
