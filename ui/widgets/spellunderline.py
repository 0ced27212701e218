"""The wavy red underline under unknown words: in text editors, one-line fields and table cells.

A text editor (QTextEdit, QPlainTextEdit) gets a syntax highlighter, whose formats
Qt draws without touching the text (the note's formatting stays as it is); a line
edit gets a transparent layer that draws the waves under its text; a table cell's
delegate draws them over the cell it painted.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import (
    QColor,
    QEvent,
    QLineEdit,
    QObject,
    QPainter,
    QPainterPath,
    QPen,
    QPointF,
    QStyle,
    QStyleOptionViewItem,
    QSyntaxHighlighter,
    Qt,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
    QTextOption,
    QWidget,
)

#: The colour of the underline (Word's and LibreOffice's red).
WAVE_COLOUR = "#d2001a"

#: Finds the unknown words of a text in a language: (text, lang) → [(start, end), …].
Finder = Callable[[str, str], list[tuple[int, int]]]


def wave_format() -> QTextCharFormat:
    """The character format a highlighter gives an unknown word."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(WAVE_COLOUR))
    return fmt


def draw_wave(painter: QPainter, x1: float, x2: float, y: float) -> None:
    """Draw a wavy line from ``x1`` to ``x2`` just under the baseline at ``y``."""
    if x2 - x1 < 2:
        return
    path = QPainterPath(QPointF(x1, y + 1))
    x, up = x1, True
    while x < x2:
        x = min(x + 2.0, x2)
        path.lineTo(QPointF(x, y - 0.5 if up else y + 1.5))
        up = not up
    pen = QPen(QColor(WAVE_COLOUR))
    pen.setWidthF(1.0)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines the unknown words of a text document, paragraph by paragraph, in one language."""

    def __init__(self, document: QTextDocument, finder: Finder, lang: str) -> None:
        super().__init__(document)
        self.finder = finder
        self.lang = lang
        self._format = wave_format()

    def highlightBlock(self, text: str) -> None:
        for start, end in self.finder(text, self.lang):
            self.setFormat(start, end - start, self._format)


class LineUnderlines(QWidget):
    """A layer over a line edit that draws waves under its unknown words, and nothing else."""

    def __init__(self, edit: QLineEdit, finder: Finder, lang: str) -> None:
        super().__init__(edit)
        self.edit = edit
        self.finder = finder
        self.lang = lang
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(edit.rect())
        edit.textChanged.connect(self.update)
        edit.cursorPositionChanged.connect(lambda *_a: self.update())  # it may scroll
        edit.installEventFilter(self)
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.edit.rect())
        return False

    def ranges(self) -> list[tuple[int, int]]:
        """The unknown words of the edit's text."""
        if self.edit.echoMode() != QLineEdit.EchoMode.Normal:
            return []
        return self.finder(self.edit.text(), self.lang)

    def paintEvent(self, event) -> None:
        found = self.ranges()
        if not found:
            return
        edit, text = self.edit, self.edit.text()
        metrics = edit.fontMetrics()
        cursor = edit.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
        # The cursor's rectangle is centred on the cursor; the text starts its advance before.
        cursor_x = cursor.x() + cursor.width() / 2
        origin = cursor_x - metrics.horizontalAdvance(text[: edit.cursorPosition()])
        baseline = cursor.y() + (cursor.height() - metrics.height()) / 2 + metrics.ascent()
        painter = QPainter(self)
        margins = edit.textMargins()
        painter.setClipRect(self.rect().adjusted(margins.left() + 1, 0, -margins.right() - 1, 0))
        for start, end in found:
            x1 = origin + metrics.horizontalAdvance(text[:start])
            x2 = origin + metrics.horizontalAdvance(text[:end])
            draw_wave(painter, x1, x2, baseline + 2)
        painter.end()


def paint_cell_underlines(
    painter: QPainter, option: QStyleOptionViewItem, found: list[tuple[int, int]]
) -> None:
    """Draw waves under ``found`` in a table cell painted with ``option`` (its text laid out)."""
    text = option.text
    if not found or not text:
        return
    widget = option.widget
    style = widget.style() if widget is not None else None
    if style is None:
        return
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
    rect = rect.adjusted(margin, 0, -margin, 0)
    layout = QTextLayout(text, option.font)
    text_option = QTextOption()
    wraps = bool(option.features & QStyleOptionViewItem.ViewItemFeature.WrapText)
    text_option.setWrapMode(
        QTextOption.WrapMode.WordWrap if wraps else QTextOption.WrapMode.ManualWrap
    )
    layout.setTextOption(text_option)
    layout.beginLayout()
    height = 0.0
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        line.setPosition(QPointF(0, height))
        height += line.height()
        lines.append(line)
    layout.endLayout()
    top = rect.top()
    if option.displayAlignment & Qt.AlignmentFlag.AlignVCenter:
        top += (rect.height() - height) / 2
    elif option.displayAlignment & Qt.AlignmentFlag.AlignBottom:
        top += rect.height() - height
    painter.save()
    painter.setClipRect(option.rect)
    for start, end in found:
        for line in lines:
            first, last = line.textStart(), line.textStart() + line.textLength()
            low, high = max(start, first), min(end, last)
            if low >= high:
                continue
            x1, _ = line.cursorToX(low)
            x2, _ = line.cursorToX(high)
            y = top + line.y() + line.ascent() + 2
            draw_wave(painter, rect.left() + x1, rect.left() + x2, y)
    painter.restore()
