"""Anchors: where a clause drawn from a source stands in the source's repaired full text.

A source that clauses were imported from keeps its full text per language
(:attr:`app.library.clauses.Source.text`): the declaration as the importer repaired it,
one paragraph per line, part headings as the declaration has them and each
commitment after "- ". A clause's :class:`Anchor` names its part, its dash
number in that part (a paragraph number in the preamble), the character span of
its wording in that text per language, and the lines of the damaged original it
was read from. Cut from the full text, a span gives exactly the clause's text.

:func:`assemble` builds a full text from the order of a source's paragraphs (a
:class:`LayoutEntry` each) and the wording of each clause, so that a text built
from a translation has its spans too (see :mod:`app.library.build`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.language.codes import LANGS

#: What opens a commitment in a full text (the span starts after it).
BULLET = "- "


@dataclass(frozen=True)
class Anchor:
    """Part, number (dash, or preamble paragraph), span per language, lines of the original.

    ``spans`` maps a language to (start, end) character offsets in the source's full
    text in that language; ``lines`` are the first and last lines (from 1) of the
    damaged original the clause was read from, (0, 0) when unknown.
    """

    part: int
    number: int
    spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    lines: tuple[int, int] = (0, 0)

    @property
    def in_preamble(self) -> bool:
        """Whether the clause is a paragraph of the preamble (counted, not dashed)."""
        return self.part == 0

    def span(self, lang: str) -> tuple[int, int] | None:
        """The (start, end) of the clause in the ``lang`` full text, or None."""
        return self.spans.get(lang)


def cut(text: str, span: tuple[int, int] | None) -> str:
    """The part of ``text`` a span covers ("" for None or a span outside the text)."""
    if span is None:
        return ""
    start, end = span
    if not 0 <= start <= end <= len(text):
        return ""
    return text[start:end]


def anchor_to_json(anchor: Anchor) -> dict[str, Any]:
    """An anchor as plain JSON data: ``{"part", "dash" or "paragraph", "spans", "lines"}``."""
    data: dict[str, Any] = {"part": anchor.part}
    data["paragraph" if anchor.in_preamble else "dash"] = anchor.number
    data["spans"] = {lang: [start, end] for lang, (start, end) in anchor.spans.items()}
    if anchor.lines != (0, 0):
        data["lines"] = list(anchor.lines)
    return data


def _pair(value: Any) -> tuple[int, int]:
    first, second = (int(v) for v in value)
    if first < 0 or second < first:
        raise ValueError(f"not a span: {value!r}")
    return first, second


def anchor_from_json(data: Any) -> Anchor | None:
    """An anchor from JSON data (None when absent); raises ValueError when malformed."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ValueError("an anchor is an object")
    number = data.get("paragraph") if int(data["part"]) == 0 else data.get("dash")
    spans = data.get("spans") or {}
    if not isinstance(spans, dict):
        raise ValueError("anchor spans are an object")
    return Anchor(
        part=int(data["part"]),
        number=int(number or 0),
        spans={lang: _pair(span) for lang, span in spans.items() if lang in LANGS},
        lines=_pair(data["lines"]) if data.get("lines") else (0, 0),
    )


@dataclass(frozen=True)
class LayoutEntry:
    """One paragraph of a source's full text: a part heading, a clause, or other text.

    A heading has its ``part`` and ``text``; a clause its ``clause_id`` (and ``part``,
    ``bullet`` when it is a dashed commitment); other text (a closing formula) its
    ``text``, in the language the source was imported in.
    """

    kind: str  # "heading", "clause" or "text"
    part: int = 0
    text: str = ""
    clause_id: str = ""
    bullet: bool = False


def assemble(
    layout: list[LayoutEntry],
    wording: Mapping[str, str],
    heading: Callable[[LayoutEntry], str | None] | None = None,
    other: Callable[[LayoutEntry], str | None] | None = None,
) -> tuple[str, dict[str, tuple[int, int]]]:
    """A full text and the span of each clause in it, one paragraph per line.

    ``wording`` gives each clause's text (its paragraphs on lines of their own);
    ``heading`` and ``other`` give a heading's or another paragraph's text in the
    language being assembled (default: the entry's own; None leaves it out). A
    clause without wording is left out, without a span.
    """
    lines: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length = 0

    def add(line: str) -> int:
        nonlocal length
        if lines:
            length += 1  # the line break before it
        start = length
        lines.append(line)
        length += len(line)
        return start

    for entry in layout:
        if entry.kind == "clause":
            text = wording.get(entry.clause_id, "")
            if not text:
                continue
            prefix = BULLET if entry.bullet else ""
            start = add(prefix + text) + len(prefix)
            spans[entry.clause_id] = (start, start + len(text))
            continue
        chooser = heading if entry.kind == "heading" else other
        line = chooser(entry) if chooser is not None else entry.text
        if line:
            add(line)
    return "\n".join(lines), spans


def paragraph_spans(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph (line) of the clause at ``span`` in ``text``."""
    start, end = span
    result = []
    position = start
    for line in text[start:end].split("\n"):
        result.append((position, position + len(line)))
        position += len(line) + 1
    return result
