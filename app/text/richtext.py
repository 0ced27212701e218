"""Formatted text: paragraphs of runs in bold or italic, plain or in bulleted and numbered lists.

It is the text of a free-text block, and of a clause copied into a note, in one
language. A value is immutable and kept in one canonical form (no empty runs, no two
neighbouring runs alike, no line break inside a paragraph), so two texts that look the
same are equal. Offsets count the characters of :attr:`RichText.plain`, the paragraphs
joined by "\\n": the positions of a text editor's cursor, so a selection in the window
and an edit in the core agree.

Library clauses stay plain strings. A string is read the way Clausier always read one
(:func:`from_plain`): one paragraph per line, a line starting with "- " a bullet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class ListKind(StrEnum):
    """What a paragraph is: plain prose, an item of a bulleted list or of a numbered one."""

    PLAIN = "plain"
    BULLET = "bullet"
    NUMBERED = "numbered"


#: The deepest list level: Word has nine (0 to 8).
MAX_LEVEL = 8
#: How a line of a plain string (and a plain paragraph, when exported) is made a bullet.
LEGACY_BULLET = "- "
#: What the export takes for a bullet at the start of a plain paragraph, as it always has.
BULLET_MARKERS = ("- ", "– ", "• ", "* ")
_BREAKS = ("\r\n", "\r", "\x0b", "\x0c", "\u2028", "\u2029")


@dataclass(frozen=True, slots=True)
class TextRun:
    """Characters sharing one format: bold, italic, both or neither."""

    text: str
    bold: bool = False
    italic: bool = False

    def same_format(self, other: TextRun) -> bool:
        """Whether ``other`` is written the same way (so the two runs may be one)."""
        return self.bold == other.bold and self.italic == other.italic

    @property
    def formatted(self) -> bool:
        """Whether the run is bold or italic."""
        return self.bold or self.italic


@dataclass(frozen=True, slots=True)
class TextParagraph:
    """A paragraph: its runs, its kind and, for a list item, its level (0 the outermost)."""

    runs: tuple[TextRun, ...] = ()
    kind: ListKind = ListKind.PLAIN
    level: int = 0

    @property
    def text(self) -> str:
        """The paragraph's characters, formats left out."""
        return "".join(run.text for run in self.runs)

    @property
    def is_list_item(self) -> bool:
        """Whether the paragraph is an item of a bulleted or numbered list."""
        return self.kind is not ListKind.PLAIN

    @property
    def formatted(self) -> bool:
        """Whether any of its characters is bold or italic."""
        return any(run.formatted for run in self.runs)


@dataclass(frozen=True, slots=True)
class RichText:
    """Formatted text: one or more paragraphs (build it with :func:`rich` to keep it canonical)."""

    paragraphs: tuple[TextParagraph, ...] = (TextParagraph(),)

    @property
    def plain(self) -> str:
        """The characters, one paragraph per line, without formats or list marks."""
        return "\n".join(paragraph.text for paragraph in self.paragraphs)

    def __len__(self) -> int:
        return sum(len(run.text) for p in self.paragraphs for run in p.runs) + max(
            0, len(self.paragraphs) - 1
        )

    @property
    def formatted(self) -> bool:
        """Whether anything in it is bold, italic or a list item."""
        return any(p.formatted or p.is_list_item for p in self.paragraphs)

    def starts(self) -> list[int]:
        """The offset at which each paragraph starts."""
        starts, at = [], 0
        for paragraph in self.paragraphs:
            starts.append(at)
            at += len(paragraph.text) + 1
        return starts


EMPTY = RichText()

RichLocalized = dict[str, RichText]
"""Formatted text per language code (a missing key: no text in that language)."""


def _split_breaks(text: str) -> list[str]:
    """``text`` cut at every kind of line break."""
    if "\n" not in text and not any(mark in text for mark in _BREAKS):
        return [text]
    for mark in _BREAKS:
        text = text.replace(mark, "\n")
    return text.split("\n")


def _runs(runs: Iterable[TextRun]) -> tuple[TextRun, ...]:
    """Runs without empty ones, neighbours of the same format joined."""
    out: list[TextRun] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].same_format(run):
            out[-1] = TextRun(out[-1].text + run.text, run.bold, run.italic)
        else:
            out.append(TextRun(run.text, bool(run.bold), bool(run.italic)))
    return tuple(out)


def paragraph(
    runs: Iterable[TextRun] | str = (), kind: ListKind = ListKind.PLAIN, level: int = 0
) -> TextParagraph:
    """A canonical paragraph (a plain paragraph has level 0; levels run from 0 to MAX_LEVEL)."""
    if isinstance(runs, str):
        runs = (TextRun(runs),)
    kind = ListKind(kind)
    level = 0 if kind is ListKind.PLAIN else max(0, min(MAX_LEVEL, int(level)))
    return TextParagraph(_runs(runs), kind, level)


def rich(paragraphs: Iterable[TextParagraph]) -> RichText:
    """Formatted text in canonical form; a line break inside a run starts a new paragraph."""
    out: list[TextParagraph] = []
    for item in paragraphs:
        pieces: list[list[TextRun]] = [[]]
        for run in item.runs:
            lines = _split_breaks(run.text)
            for index, line in enumerate(lines):
                if index:
                    pieces.append([])
                pieces[-1].append(TextRun(line, run.bold, run.italic))
        for runs in pieces:
            out.append(paragraph(runs, item.kind, item.level))
    return RichText(tuple(out) or (TextParagraph(),))


def text(value: str) -> RichText:
    """``value`` as plain paragraphs, one per line, taken literally (no bullet is read)."""
    return rich(paragraph(line) for line in _split_breaks(value))


def from_plain(value: str) -> RichText:
    """A plain string as Clausier has always read it: a paragraph per line, "- " lines bullets."""
    paragraphs = []
    for line in value.split("\n"):
        if line.startswith(LEGACY_BULLET):
            paragraphs.append(paragraph(line[len(LEGACY_BULLET) :], ListKind.BULLET))
        else:
            paragraphs.append(paragraph(line))
    if any(mark in value for mark in _BREAKS):  # another kind of line break: cut there too
        return rich(paragraphs)
    return RichText(tuple(paragraphs))  # what rich() makes of canonical paragraphs


def coerce(value: RichText | str | None) -> RichText:
    """``value`` as formatted text: a string is read with :func:`from_plain`, None is empty."""
    if isinstance(value, RichText):
        return value
    if value is None:
        return EMPTY
    return from_plain(str(value))


def legacy_text(value: RichText) -> str | None:
    """The plain string that holds ``value`` (bullets as "- " lines), or None when none can.

    Bold, italic, numbered items and nested bullets need the paragraphs of the format's
    version 4. A plain paragraph that starts with "- " is written as it is: it reads back
    as the bullet the export always made of it.
    """
    lines = []
    for item in value.paragraphs:
        if item.formatted or item.kind is ListKind.NUMBERED or item.level:
            return None
        lines.append(LEGACY_BULLET + item.text if item.kind is ListKind.BULLET else item.text)
    return "\n".join(lines)


def coerce_all(texts: dict[str, RichText | str] | None) -> RichLocalized:
    """Each language's text as formatted text (strings read with :func:`from_plain`)."""
    return {lang: coerce(value) for lang, value in (texts or {}).items() if value is not None}


def plain_in(texts: dict[str, RichText | str] | None, lang: str) -> str:
    """The plain characters of ``texts`` in ``lang`` ("" when there are none)."""
    value = (texts or {}).get(lang)
    return "" if value is None else coerce(value).plain
