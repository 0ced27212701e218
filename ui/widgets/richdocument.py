"""Formatted text in a Qt text document: written into one, read back, its lists kept in step.

A paragraph is a block, a run a fragment of bold or italic characters, a list item a
block of a ``QTextList`` whose indent is its level plus one. Each numbered sequence of
:func:`app.text.numbering.list_sequences` is one Qt list, so the editor numbers as the
preview and Word do: the second of two lists starts at 1.
"""

from __future__ import annotations

from app.text.numbering import list_sequences, number_format
from app.text.richtext import ListKind, RichText, TextParagraph, TextRun, paragraph, rich
from ui.qt import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)

_BOLD = 600  # a fragment at least this heavy is bold (Qt's Bold is 700)
_BULLET_STYLES = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
_NUMBER_STYLES = {
    "decimal": (QTextListFormat.Style.ListDecimal, "."),
    "lowerLetter": (QTextListFormat.Style.ListLowerAlpha, ")"),
    "lowerRoman": (QTextListFormat.Style.ListLowerRoman, "."),
}


def char_format(run: TextRun) -> QTextCharFormat:
    """The character format of a run: bold or not, italic or not, nothing else."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
    fmt.setFontItalic(run.italic)
    return fmt


def list_format(kind: ListKind, level: int) -> QTextListFormat:
    """How a list of ``kind`` shows at ``level``: •, ◦, ▪ bullets; 1. / a) / i. numbers."""
    fmt = QTextListFormat()
    if kind is ListKind.BULLET:
        fmt.setStyle(_BULLET_STYLES[level % len(_BULLET_STYLES)])
    else:
        style, suffix = _NUMBER_STYLES[number_format(level)]
        fmt.setStyle(style)
        fmt.setNumberSuffix(suffix)
    fmt.setIndent(level + 1)
    return fmt


def block_kind(block: QTextBlock) -> tuple[ListKind, int]:
    """The kind and level of the paragraph a block is."""
    text_list = block.textList()
    if text_list is None:
        return ListKind.PLAIN, 0
    fmt = text_list.format()
    kind = ListKind.BULLET if fmt.style() in _BULLET_STYLES else ListKind.NUMBERED
    return kind, max(0, fmt.indent() - 1)


def read_block(block: QTextBlock) -> TextParagraph:
    """One block as a paragraph (its soft line breaks still in it: :func:`rich` splits them)."""
    runs = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            fmt = fragment.charFormat()
            runs.append(TextRun(fragment.text(), fmt.fontWeight() >= _BOLD, fmt.fontItalic()))
        it += 1
    kind, level = block_kind(block)
    return TextParagraph(tuple(runs), kind, level)


def read_document(document: QTextDocument) -> RichText:
    """The formatted text a document holds (no-break spaces kept, unlike toPlainText)."""
    blocks = []
    block = document.begin()
    while block.isValid():
        blocks.append(read_block(block))
        block = block.next()
    return rich(blocks)


def write_document(document: QTextDocument, value: RichText) -> None:
    """Replace what ``document`` holds by ``value``."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.removeSelectedText()
    cursor.setBlockFormat(QTextBlockFormat())
    lists = {}
    for index, (item, (sequence, _number)) in enumerate(
        zip(value.paragraphs, list_sequences(value.paragraphs), strict=True)
    ):
        if index:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if not item.runs:
            cursor.setCharFormat(QTextCharFormat())
        for run in item.runs:
            cursor.insertText(run.text, char_format(run))
        if item.is_list_item:
            if sequence in lists:
                lists[sequence].add(cursor.block())
            else:
                lists[sequence] = cursor.createList(list_format(item.kind, item.level))
    cursor.endEditBlock()


def sync_lists(document: QTextDocument, value: RichText) -> bool:
    """Put each block in the Qt list of its sequence, as :func:`write_document` would.

    Typing can leave Qt's lists out of step with what the text means: a Backspace that
    makes a middle item prose leaves the items after it in the list before, numbered on
    (3, 4) where the export starts again at 1. Returns whether anything moved.
    """
    moved = False
    owners: dict[int, object] = {}  # sequence → its Qt list
    claimed: set[int] = set()  # Qt lists (by object index) a sequence has taken
    block = document.begin()
    # The blocks are as many as the paragraphs (a soft line break becomes a paragraph).
    for item, (sequence, _number) in zip(
        value.paragraphs, list_sequences(value.paragraphs), strict=False
    ):
        if not block.isValid():
            break
        if item.is_list_item:
            current = block.textList()
            wanted = owners.get(sequence)
            if wanted is None:
                if current is not None and current.objectIndex() not in claimed:
                    owners[sequence] = current
                    claimed.add(current.objectIndex())
                    if block_kind(block) != (item.kind, item.level):
                        current.setFormat(list_format(item.kind, item.level))
                        moved = True
                else:
                    new = QTextCursor(block).createList(list_format(item.kind, item.level))
                    owners[sequence] = new
                    claimed.add(new.objectIndex())
                    moved = True
            elif current is None or current.objectIndex() != wanted.objectIndex():
                wanted.add(block)
                moved = True
        block = block.next()
    return moved


def paragraph_at(document: QTextDocument, position: int) -> TextParagraph:
    """The paragraph the cursor at ``position`` is in."""
    block = document.findBlock(position)
    return paragraph(read_block(block).runs, *block_kind(block))
