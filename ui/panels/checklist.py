"""The pre-export check list: one line per place in the note that needs a look; a click goes there."""

from __future__ import annotations

from collections.abc import Iterable

from app.docx.plan import PlanWarning
from app.language.i18n import _
from ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QKeyEvent,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSize,
    Qt,
    QWidget,
    Signal,
)

WARNING_ROLE = Qt.ItemDataRole.UserRole + 5
MUTED = "#6b6b6b"


def goes_somewhere(warning: PlanWarning) -> bool:
    """Whether a warning points at a place of the note the window can go to."""
    return bool(warning.block_id or warning.section_id or warning.field or warning.variable)


def line_text(warning: PlanWarning) -> str:
    """A warning as the window's check list says it: where to look is the window's own place."""
    from app.export.quotes import DIFFERS

    if warning.code == DIFFERS:
        return _("{message} The red line under the block shows the differences.").format(
            message=warning.message
        )
    return warning.message


def one_per_place(warnings: Iterable[PlanWarning]) -> list[PlanWarning]:
    """``warnings`` without repeats: one for each place and thing to check, first kept."""
    seen: set[tuple] = set()
    kept = []
    for warning in warnings:
        key = (
            (warning.code, warning.place)
            if goes_somewhere(warning)
            else (warning.code, warning.message)
        )
        if key not in seen:
            seen.add(key)
            kept.append(warning)
    return kept


class CheckList(QListWidget):
    """The things to check, one a line and wrapped; a click or Enter on a line asks to go there."""

    goToRequest = Signal(object)  # the PlanWarning of the line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(1)
        self.setAlternatingRowColors(True)  # where one wrapped line ends and the next begins
        self.itemClicked.connect(self._go)

    def show_lines(self, lines: Iterable[tuple[str, PlanWarning | None]]) -> None:
        """Show ``lines`` of (text, the warning it goes to or None for a line that goes nowhere)."""
        self.clear()
        for text, warning in lines:
            item = QListWidgetItem(text, self)
            item.setData(WARNING_ROLE, warning)
            if warning is not None and goes_somewhere(warning):
                item.setToolTip(_("Click, or press Enter, to go there in the note"))
            else:
                item.setForeground(QBrush(QColor(MUTED)))
        self.updateGeometry()

    def show_warnings(self, warnings: Iterable[PlanWarning]) -> None:
        """Show one line per place of ``warnings``."""
        self.show_lines((line_text(w), w) for w in one_per_place(warnings))

    def lines(self) -> list[str]:
        """The text of every line, in order."""
        return [self.item(row).text() for row in range(self.count())]

    def plain_text(self) -> str:
        """Every line, one a line (what a screen reader or a test reads)."""
        return "\n".join(self.lines())

    def sizeHint(self) -> QSize:
        """As tall as the lines (the layout caps it with the maximum height)."""
        hint = super().sizeHint()
        height = 2 * self.frameWidth()
        for row in range(self.count()):
            height += self.sizeHintForRow(row) + 2 * self.spacing()
        return QSize(hint.width(), max(height, self.fontMetrics().lineSpacing() + 8))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self._go(self.currentItem())
            return
        super().keyPressEvent(event)

    def _go(self, item: QListWidgetItem) -> None:
        warning = item.data(WARNING_ROLE)
        if isinstance(warning, PlanWarning) and goes_somewhere(warning):
            self.goToRequest.emit(warning)
