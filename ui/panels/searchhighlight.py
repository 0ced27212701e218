"""The library's result rows with the words a search matched marked, as a text marker would."""

from __future__ import annotations

from app.library.search import matched_words
from ui.qt import (
    QColor,
    QFontMetrics,
    QModelIndex,
    QPainter,
    QRect,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
)

#: The marker's colour, the one the declaration highlights a clause with.
MARKER = "#ffd866"


class MatchDelegate(QStyledItemDelegate):
    """Paints a cell as usual, then marks the words of :attr:`query` in its text (folded for
    accents, case and œ, as the search is); the marked words are written dark, even selected."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.query = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        spans = matched_words(text, self.query) if self.query and isinstance(text, str) else []
        if not spans:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        item.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        area = area.adjusted(margin, 0, -margin, 0)
        metrics = QFontMetrics(item.font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        whole = len(shown) if shown == text else max(0, len(shown) - 1)  # before the "…"
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(item.font)
        painter.setPen(
            item.palette.color(
                item.palette.ColorRole.HighlightedText if selected else item.palette.ColorRole.Text
            )
        )
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(area, flags | Qt.TextFlag.TextSingleLine, shown)
        for start, end in spans:
            end = min(end, whole)
            if start >= end:
                continue
            left = area.left() + metrics.horizontalAdvance(shown[:start])
            width = metrics.horizontalAdvance(shown[start:end])
            box = QRect(left, area.top() + 1, width, area.height() - 2)
            painter.fillRect(box, QColor(MARKER))
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(
                QRect(left, area.top(), width + 1, area.height()),
                flags | Qt.TextFlag.TextSingleLine,
                shown[start:end],
            )
        painter.restore()
