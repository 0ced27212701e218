"""Variables such as ``{minister}`` in clause and free texts, filled once per note.

A variable is written ``{name}`` with a name of lower-case ASCII letters, digits
and underscores that starts with a letter; ``{{`` and ``}}`` stand for literal
braces, and anything else between braces is plain text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum
from itertools import accumulate

from app.language import dates
from app.language.codes import Localized
from app.language.i18n import N_, _

_TOKEN = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)\}")
#: A value written as an ISO day or range of days ("2018-04-25/2018-04-26") is written out.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:/\d{4}-\d{2}-\d{2})?", re.ASCII)


class SegmentKind(Enum):
    """What a piece of rendered text is: the text itself, a filled or an unfilled variable."""

    PLAIN = "plain"
    FILLED = "filled"
    UNFILLED = "unfilled"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of rendered text; ``name`` is the variable's for FILLED and UNFILLED."""

    text: str
    kind: SegmentKind = SegmentKind.PLAIN
    name: str | None = None


class VariableType(StrEnum):
    """What a variable holds, so the editor can offer the right field."""

    TEXT = "text"
    DATE = "date"
    PERSON = "person"


@dataclass(frozen=True, slots=True)
class Variable:
    """A common variable: its name, type and a description (an English message id)."""

    name: str
    type: VariableType
    description: str

    @property
    def label(self) -> str:
        """The description in the interface language."""
        return _(self.description)


BUILTIN: dict[str, Variable] = {
    v.name: v
    for v in (
        Variable("minister", VariableType.PERSON, N_("The minister the note is for")),
        Variable("addressee", VariableType.PERSON, N_("Who the note is addressed to")),
        Variable(
            "counterpart", VariableType.PERSON, N_("The minister's counterpart at the meeting")
        ),
        Variable("date", VariableType.DATE, N_("The date of the note")),
        Variable("meeting_date", VariableType.DATE, N_("The date of the meeting")),
        Variable("meeting", VariableType.TEXT, N_("The meeting the note prepares")),
        Variable("place", VariableType.TEXT, N_("Where the meeting takes place")),
    )
}
"""The variables every note knows, by name."""


def names(text: str) -> list[str]:
    """The variables used in ``text``, each once, in the order they first appear."""
    if "{" not in text:
        return []
    found = dict.fromkeys(m.group(1) for m in _TOKEN.finditer(text) if m.group(1))
    return list(found)


def value_in(value: str | Localized | None, lang: str, name: str = "") -> str | None:
    """The text ``value`` gives in ``lang`` (dates and ranges written out), or None when none."""
    if isinstance(value, Mapping):
        value = value.get(lang)
    if not isinstance(value, str) or not value.strip():
        return None
    written = value.strip()
    is_date = name in BUILTIN and BUILTIN[name].type is VariableType.DATE
    if is_date or _ISO_DATE.fullmatch(written):
        try:
            return dates.format_period(dates.parse_period(written), lang)
        except ValueError:
            pass
    return written


def render(text: str, values: Mapping[str, str | Localized], lang: str) -> list[Segment]:
    """``text`` in ``lang`` as segments, variables filled from ``values`` or left visible."""
    if "{" not in text and "}" not in text:
        return [Segment(text)] if text else []
    segments: list[Segment] = []
    plain: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        plain.append(text[position : match.start()])
        position = match.end()
        name = match.group(1)
        if name is None:
            plain.append(match.group()[0])
            continue
        if pending := "".join(plain):
            segments.append(Segment(pending))
        plain = []
        filled = value_in(values.get(name), lang, name)
        if filled is None:
            segments.append(Segment(match.group(), SegmentKind.UNFILLED, name))
        else:
            segments.append(Segment(filled, SegmentKind.FILLED, name))
    plain.append(text[position:])
    if pending := "".join(plain):
        segments.append(Segment(pending))
    return segments


def render_parts(
    parts: Sequence[str], values: Mapping[str, str | Localized], lang: str
) -> list[tuple[Segment, int]]:
    """:func:`render` of the joined ``parts``, each segment with the index of its part.

    The parts are runs of one paragraph in different formats: a variable is found even
    when a format changes inside it, and is the part it starts in; plain text is cut
    where the parts meet, so each piece keeps its run's format.
    """
    joined = "".join(parts)
    if "{" not in joined and "}" not in joined:  # no variable: each run as it is
        return [(Segment(part), index) for index, part in enumerate(parts) if part]
    ends = list(accumulate(len(part) for part in parts))
    out: list[tuple[Segment, int]] = []

    def part_at(offset: int) -> int:
        return min(bisect_right(ends, offset), len(parts) - 1)

    def plain(value: str, part: int) -> None:
        if not value:
            return
        if out and out[-1][1] == part and out[-1][0].kind is SegmentKind.PLAIN:
            out[-1] = (Segment(out[-1][0].text + value), part)
        else:
            out.append((Segment(value), part))

    def source(low: int, high: int) -> None:
        while low < high:
            part = part_at(low)
            stop = min(high, ends[part])
            plain(joined[low:stop], part)
            low = stop

    position = 0
    for match in _TOKEN.finditer(joined):
        source(position, match.start())
        position = match.end()
        name = match.group(1)
        part = part_at(match.start())
        if name is None:
            plain(match.group()[0], part)
            continue
        filled = value_in(values.get(name), lang, name)
        if filled is None:
            out.append((Segment(match.group(), SegmentKind.UNFILLED, name), part))
        else:
            out.append((Segment(filled, SegmentKind.FILLED, name), part))
    source(position, len(joined))
    return out
