"""How the note's pieces look, set through palettes and painting rather than style sheets.

Style sheets make Qt re-polish every widget they reach; a note of hundreds of blocks
opened a third slower with them, so the composer colours its labels here instead.
"""

from __future__ import annotations

from ui.qt import QColor, QFont, QLabel, QPainter, QPalette, QRectF, Qt, QWidget

ACCENT = "#1565c0"
MUTED = "#5f6670"
WARNING = "#a15c00"
LINKED_BACKGROUND = "#f3f6fa"


def tint(widget: QWidget, colour: str) -> None:
    """Write ``widget``'s text in ``colour``."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    palette.setColor(QPalette.ColorRole.Text, QColor(colour))
    widget.setPalette(palette)


def embolden(widget: QWidget, scale: float = 1.0) -> None:
    """Write ``widget``'s text in bold, ``scale`` times larger."""
    font = QFont(widget.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


def shrink(widget: QWidget, scale: float = 0.85) -> None:
    """Write ``widget``'s text smaller."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


class Tag(QLabel):
    """A small rounded label ("linked", "edited locally") painted in the accent's tint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContentsMargins(6, 0, 6, 0)
        tint(self, "#1f4e79")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedHeight(self.fontMetrics().height() + 2)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#dbe7f3"))
        radius = self.height() / 4
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        painter.end()
        super().paintEvent(event)


def paint_card(widget: QWidget, background: str | None, current: bool) -> None:
    """Paint the rounded card a block sits on, outlined in the accent when it is current."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = 2.0 if current else 1.0
    colour = QColor(ACCENT) if current else widget.palette().color(QPalette.ColorRole.Mid)
    painter.setPen(painter.pen())
    pen = painter.pen()
    pen.setColor(colour)
    pen.setWidthF(width)
    painter.setPen(pen)
    painter.setBrush(
        QColor(background) if background else widget.palette().color(QPalette.ColorRole.Base)
    )
    rect = QRectF(widget.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
    painter.drawRoundedRect(rect, 4, 4)
    painter.end()
