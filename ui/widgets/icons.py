"""Small icons drawn in code (sharp at any scaling): translation status, used mark, drag grip."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ui.qt import (
    QColor,
    QIcon,
    QIconEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)

if TYPE_CHECKING:
    from app.library.clauses import Status

#: Colours used for translation statuses, everywhere in the window, by
#: :class:`app.library.clauses.Status` (a string enum: its members are these keys). Keyed by
#: the values, this module, which the toolbar's icons need, does not load the clause library
#: before the window's first paint.
STATUS_COLOURS = {
    "official": "#2e7d32",
    "unofficial": "#a15c00",
    "missing": "#c62828",
}
USED_COLOUR = "#1565c0"
OUT_OF_DATE_COLOUR = "#e65100"

Painter = Callable[[QPainter, QRectF, bool], None]  # painter, box, on a selected row


class _PaintedIcon(QIconEngine):
    """An icon engine that paints with a function at whatever size is asked."""

    def __init__(self, paint: Painter) -> None:
        super().__init__()
        self._paint = paint

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        self._paint(painter, QRectF(rect), mode == QIcon.Mode.Selected)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _PaintedIcon(self._paint)


def _square(rect: QRectF, margin: float = 0.2) -> QRectF:
    side = min(rect.width(), rect.height()) * (1 - 2 * margin)
    return QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)


def _status_painter(status: Status) -> Painter:
    colour = QColor(STATUS_COLOURS[status])

    def paint(painter: QPainter, rect: QRectF, selected: bool) -> None:
        box = _square(rect)
        if selected:  # a light ring keeps the disc readable on the selection colour
            painter.setPen(QPen(QColor("white"), max(1.0, box.width() / 7)))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(box.adjusted(-1, -1, 1, 1))
        pen = QPen(colour, max(1.0, box.width() / 7))
        painter.setPen(pen)
        if status == "official":  # a filled disc
            painter.setBrush(colour)
            painter.drawEllipse(box)
        elif status == "unofficial":  # a half-filled disc
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(box)
            half = QPainterPath()
            half.moveTo(box.center())
            half.arcTo(box, 90, 180)
            half.closeSubpath()
            painter.fillPath(half, colour)
        else:  # an empty ring crossed out
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(box)
            inner = box.adjusted(
                box.width() * 0.3, box.height() * 0.3, -box.width() * 0.3, -box.height() * 0.3
            )
            painter.drawLine(inner.topLeft(), inner.bottomRight())
            painter.drawLine(inner.topRight(), inner.bottomLeft())

    return paint


def _used_painter(painter: QPainter, rect: QRectF, selected: bool) -> None:
    box = _square(rect, 0.18)
    pen = QPen(QColor("white" if selected else USED_COLOUR), max(1.5, box.width() / 5))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    path = QPainterPath()
    path.moveTo(QPointF(box.left(), box.center().y()))
    path.lineTo(QPointF(box.left() + box.width() * 0.38, box.bottom() - box.height() * 0.12))
    path.lineTo(QPointF(box.right(), box.top() + box.height() * 0.12))
    painter.drawPath(path)


def _out_of_date_painter(painter: QPainter, rect: QRectF, selected: bool) -> None:
    box = _square(rect)
    if selected:
        painter.setPen(QPen(QColor("white"), max(1.0, box.width() / 7)))
        painter.drawEllipse(box.adjusted(-1, -1, 1, 1))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(OUT_OF_DATE_COLOUR))
    painter.drawEllipse(box)
    pen = QPen(QColor("white"), max(1.2, box.width() / 6))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    x = box.center().x()
    painter.drawLine(
        QPointF(x, box.top() + box.height() * 0.22),
        QPointF(x, box.center().y() + box.height() * 0.08),
    )
    painter.drawPoint(QPointF(x, box.bottom() - box.height() * 0.22))


def _blank_painter(painter: QPainter, rect: QRectF, selected: bool) -> None:
    return None


def _grip_painter(painter: QPainter, rect: QRectF, selected: bool) -> None:
    box = _square(rect, 0.15)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#8a8f98"))
    radius = box.width() / 10
    for column in (0.35, 0.65):
        for row in (0.2, 0.5, 0.8):
            centre = QPointF(box.left() + box.width() * column, box.top() + box.height() * row)
            painter.drawEllipse(centre, radius, radius)


_cache: dict[str, QIcon] = {}


def _icon(key: str, paint: Painter) -> QIcon:
    if key not in _cache:
        _cache[key] = QIcon(_PaintedIcon(paint))
    return _cache[key]


def status_icon(status: Status) -> QIcon:
    """A disc for a translation status: filled official, half unofficial, crossed ring missing."""
    return _icon(f"status:{status.value}", _status_painter(status))


def out_of_date_icon() -> QIcon:
    """An orange disc with an exclamation mark: a translation the other language left behind."""
    return _icon("out_of_date", _out_of_date_painter)


def used_icon() -> QIcon:
    """A check mark for clauses already used in the open note."""
    return _icon("used", _used_painter)


def blank_icon() -> QIcon:
    """An empty icon that keeps texts aligned with those that have one."""
    return _icon("blank", _blank_painter)


def grip_icon() -> QIcon:
    """Six dots: the handle that drags a block."""
    return _icon("grip", _grip_painter)


def painted_icon(key: str, paint: Painter) -> QIcon:
    """An icon that ``paint`` draws at whatever size is asked, made once per ``key``."""
    return _icon(key, paint)
