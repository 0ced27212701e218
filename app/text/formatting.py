"""The Format commands on a range of formatted text: bold, italic, lists, list levels, paste.

Each function takes a :class:`~app.text.richtext.RichText` and a range of offsets (those of
its ``plain`` text, the positions of the editor's cursor) and returns the new text; the
note's edits (:mod:`app.notes.editing`) record them as undoable commands.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from app.text.richtext import (
    BULLET_MARKERS,
    MAX_LEVEL,
    ListKind,
    RichText,
    TextParagraph,
    TextRun,
    paragraph,
    rich,
)


class InlineMark(StrEnum):
    """A format of characters."""

    BOLD = "bold"
    ITALIC = "italic"


def locate(value: RichText, offset: int) -> tuple[int, int]:
    """The paragraph holding ``offset`` and the offset within it (clamped to the text)."""
    offset = max(0, offset)
    for index, item in enumerate(value.paragraphs):
        length = len(item.text)
        if offset <= length or index == len(value.paragraphs) - 1:
            return index, min(offset, length)
        offset -= length + 1
    return 0, 0  # pragma: no cover - a RichText has a paragraph


def paragraph_range(value: RichText, start: int, end: int) -> range:
    """The indices of the paragraphs a range touches (the cursor's one when it is empty)."""
    start, end = min(start, end), max(start, end)
    first, _offset = locate(value, start)
    last, _offset = locate(value, end)
    return range(first, last + 1)


def _cut_runs(runs: tuple[TextRun, ...], low: int, high: int) -> list[TextRun]:
    """The runs of characters ``low`` to ``high`` of a paragraph."""
    out, at = [], 0
    for run in runs:
        begin, finish = max(low, at), min(high, at + len(run.text))
        if begin < finish:
            out.append(TextRun(run.text[begin - at : finish - at], run.bold, run.italic))
        at += len(run.text)
    return out


def _restyle(
    item: TextParagraph, low: int, high: int, change: Callable[[TextRun], TextRun]
) -> TextParagraph:
    """``item`` with ``change`` applied to its characters ``low`` to ``high``."""
    length = len(item.text)
    runs = [
        *_cut_runs(item.runs, 0, low),
        *(change(run) for run in _cut_runs(item.runs, low, high)),
        *_cut_runs(item.runs, high, length),
    ]
    return paragraph(runs, item.kind, item.level)


def _pieces(value: RichText, start: int, end: int):
    """(paragraph index, low, high) for each paragraph part a range covers."""
    start, end = min(start, end), max(start, end)
    first, low = locate(value, start)
    last, high = locate(value, end)
    for index in range(first, last + 1):
        length = len(value.paragraphs[index].text)
        yield index, low if index == first else 0, high if index == last else length


def has_mark(value: RichText, start: int, end: int, mark: InlineMark) -> bool:
    """Whether every character from ``start`` to ``end`` is ``mark`` (False for no character)."""
    seen = False
    for index, low, high in _pieces(value, start, end):
        for run in _cut_runs(value.paragraphs[index].runs, low, high):
            seen = True
            if not getattr(run, mark.value):
                return False
    return seen


def set_mark(value: RichText, start: int, end: int, mark: InlineMark, on: bool) -> RichText:
    """``value`` with the characters from ``start`` to ``end`` made ``mark`` (or not)."""
    paragraphs = list(value.paragraphs)

    def change(run: TextRun) -> TextRun:
        if mark is InlineMark.BOLD:
            return TextRun(run.text, on, run.italic)
        return TextRun(run.text, run.bold, on)

    for index, low, high in _pieces(value, start, end):
        if low < high:
            paragraphs[index] = _restyle(paragraphs[index], low, high, change)
    return rich(paragraphs)


def toggle_mark(value: RichText, start: int, end: int, mark: InlineMark) -> RichText:
    """``mark`` set on the range, or taken off when all of it has it already (as Word does)."""
    return set_mark(value, start, end, mark, not has_mark(value, start, end, mark))


def _without_marker(item: TextParagraph) -> TextParagraph:
    """A paragraph typed as "- point" without its "- ", now that it is a real list item."""
    text = item.text
    stripped = text.lstrip()
    for marker in BULLET_MARKERS:
        if stripped.startswith(marker):
            cut = len(text) - len(stripped) + len(marker)
            return paragraph(_cut_runs(item.runs, cut, len(text)), item.kind, item.level)
    return item


def set_list(value: RichText, start: int, end: int, kind: ListKind) -> RichText:
    """The paragraphs a range touches made ``kind`` (plain, bullets, numbers), keeping levels."""
    paragraphs = list(value.paragraphs)
    for index in paragraph_range(value, start, end):
        item = paragraphs[index]
        if kind is not ListKind.PLAIN and not item.is_list_item:
            item = _without_marker(item)
        paragraphs[index] = paragraph(item.runs, kind, item.level)
    return rich(paragraphs)


def is_list(value: RichText, start: int, end: int, kind: ListKind) -> bool:
    """Whether every paragraph a range touches is an item of a ``kind`` list."""
    return all(value.paragraphs[i].kind is kind for i in paragraph_range(value, start, end))


def toggle_list(value: RichText, start: int, end: int, kind: ListKind) -> RichText:
    """The paragraphs made a ``kind`` list, or prose again when they all are one already."""
    target = ListKind.PLAIN if is_list(value, start, end, kind) else kind
    return set_list(value, start, end, target)


def shift_level(value: RichText, start: int, end: int, step: int) -> RichText:
    """The list items a range touches one level deeper (``step`` 1) or shallower (-1)."""
    paragraphs = list(value.paragraphs)
    for index in paragraph_range(value, start, end):
        item = paragraphs[index]
        if item.is_list_item:
            level = max(0, min(MAX_LEVEL, item.level + step))
            paragraphs[index] = paragraph(item.runs, item.kind, level)
    return rich(paragraphs)


def can_shift_level(value: RichText, start: int, end: int, step: int) -> bool:
    """Whether :func:`shift_level` would change anything."""
    return shift_level(value, start, end, step) != value


def cut(value: RichText, start: int, end: int) -> RichText:
    """The part of ``value`` from ``start`` to ``end``, each paragraph keeping its kind."""
    return rich(
        paragraph(
            _cut_runs(value.paragraphs[i].runs, low, high),
            value.paragraphs[i].kind,
            value.paragraphs[i].level,
        )
        for i, low, high in _pieces(value, start, end)
    )


def splice(value: RichText, start: int, end: int, piece: RichText) -> RichText:
    """``value`` with the range from ``start`` to ``end`` replaced by ``piece`` (a paste).

    The paragraph the paste begins in keeps its kind, unless it was empty and the piece
    begins with a list item; the piece's own paragraphs keep theirs; the paragraph it
    ends in keeps its kind when text of it follows, as Word keeps a paragraph's format
    with its end.
    """
    start, end = min(start, end), max(start, end)
    first, low = locate(value, start)
    last, high = locate(value, end)
    before, after = value.paragraphs[first], value.paragraphs[last]
    head = _cut_runs(before.runs, 0, low)
    tail = _cut_runs(after.runs, high, len(after.text))
    pieces = piece.paragraphs
    opening = pieces[0]
    own = before
    if not head and not tail and opening.is_list_item and first == last:
        own = opening
    if len(pieces) == 1:
        made = [paragraph([*head, *opening.runs, *tail], own.kind, own.level)]
    else:
        closing = pieces[-1]
        ending = after if tail else closing
        if not head and opening.is_list_item:
            own = opening
        made = [
            paragraph([*head, *opening.runs], own.kind, own.level),
            *pieces[1:-1],
            paragraph([*closing.runs, *tail], ending.kind, ending.level),
        ]
    return rich([*value.paragraphs[:first], *made, *value.paragraphs[last + 1 :]])
