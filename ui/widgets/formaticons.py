"""The Format toolbar's icons, drawn in code so they are sharp at any scaling and need no theme."""

from __future__ import annotations

from ui.qt import QColor, QFont, QIcon, QPainter, QPen, QPointF, QRectF, Qt
from ui.widgets.icons import Painter, painted_icon

_INK = QColor("#2b2b2b")


def _letter(letter: str, *, bold: bool, italic: bool) -> Painter:
    def paint(painter: QPainter, rect: QRectF, selected: bool) -> None:
        font = QFont("Serif" if italic else "Sans Serif")
        font.setStyleHint(QFont.StyleHint.Serif if italic else QFont.StyleHint.SansSerif)
        font.setPixelSize(max(6, int(rect.height() * 0.78)))
        font.setBold(bold)
        font.setItalic(italic)
        painter.setFont(font)
        painter.setPen(QColor("white") if selected else _INK)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, letter)

    return paint


def _lines(rect: QRectF, painter: QPainter, left: float, levels: tuple[int, ...]) -> list[float]:
    """Three text lines right of the markers; their heights."""
    step = rect.height() / 4
    ys = [rect.top() + step * (n + 1) for n in range(3)]
    pen = QPen(_INK, max(1.0, rect.height() / 12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    for y, level in zip(ys, levels, strict=True):
        start = left + level * rect.width() * 0.14
        painter.drawLine(QPointF(start, y), QPointF(rect.right() - rect.width() * 0.1, y))
    return ys


def _bullets(painter: QPainter, rect: QRectF, selected: bool) -> None:
    ys = _lines(rect, painter, rect.left() + rect.width() * 0.38, (0, 0, 0))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_INK)
    radius = max(1.0, rect.height() / 14)
    for y in ys:
        painter.drawEllipse(QPointF(rect.left() + rect.width() * 0.2, y), radius, radius)


def _numbers(painter: QPainter, rect: QRectF, selected: bool) -> None:
    ys = _lines(rect, painter, rect.left() + rect.width() * 0.42, (0, 0, 0))
    font = QFont("Sans Serif")
    font.setPixelSize(max(5, int(rect.height() / 4)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(_INK)
    for number, y in enumerate(ys, 1):
        box = QRectF(rect.left(), y - rect.height() / 7, rect.width() * 0.36, rect.height() / 3.5)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number))


def _level(step: int) -> Painter:
    def paint(painter: QPainter, rect: QRectF, selected: bool) -> None:
        ys = _lines(rect, painter, rect.left() + rect.width() * 0.45, (0, 0, 0))
        pen = QPen(QColor("#1565c0"), max(1.0, rect.height() / 10))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        tip, back = rect.left() + rect.width() * 0.34, rect.left() + rect.width() * 0.12
        if step < 0:
            tip, back = back, tip
        middle, reach = ys[1], rect.height() * 0.16
        painter.drawLine(QPointF(back, middle), QPointF(tip, middle))
        painter.drawLine(QPointF(tip, middle), QPointF(tip - (tip - back) * 0.5, middle - reach))
        painter.drawLine(QPointF(tip, middle), QPointF(tip - (tip - back) * 0.5, middle + reach))

    return paint


_PAINTERS: dict[str, Painter] = {
    "bold": _letter("B", bold=True, italic=False),
    "italic": _letter("I", bold=False, italic=True),
    "bullets": _bullets,
    "numbers": _numbers,
    "deeper": _level(1),
    "shallower": _level(-1),
}


def format_icon(name: str) -> QIcon:
    """The icon of a Format command: bold, italic, bullets, numbers, deeper, shallower."""
    return painted_icon(f"format:{name}", _PAINTERS[name])
