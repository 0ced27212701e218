"""A day or a range of days (a meeting over several days), as notes hold and files write them.

No Babel here: the note model imports it before the window's first paint;
:mod:`app.language.dates` writes periods out in French and Dutch and reads what users type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

#: The en dash between the two ends of a range.
DASH = "–"

#: The ISO 8601 interval a note file writes: ``2018-04-25/2018-04-26``.
_ISO_INTERVAL = re.compile(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", re.ASCII)


@dataclass(frozen=True, slots=True)
class DateRange:
    """Consecutive days, ``start`` to ``end`` included: a meeting over more than one day."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"a range ends ({self.end}) after it starts ({self.start})")

    def iso(self) -> str:
        """The range as an ISO 8601 interval: ``2018-04-25/2018-04-26``."""
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


Period = date | DateRange
"""A day, or a range of days."""


def period(start: date, end: date) -> Period:
    """The days from ``start`` to ``end``: that day alone when they are the same."""
    return start if start == end else DateRange(start, end)


def iso(value: Period) -> str:
    """A day or a range as a note file writes it: ``2018-06-11``, ``2018-04-25/2018-04-26``."""
    return value.iso() if isinstance(value, DateRange) else value.isoformat()


def parse_iso(text: str) -> Period:
    """A day or a range written as :func:`iso` writes it; ValueError otherwise."""
    if match := _ISO_INTERVAL.fullmatch(text):
        start, end = (date.fromisoformat(match.group(i)) for i in (1, 2))
        if end < start:
            raise ValueError(f"{text}: the range ends before it starts")
        return period(start, end)
    return date.fromisoformat(text)


def format_short(value: Period) -> str:
    """A day or a range in figures, day first, as a date field shows it: "25/04/2018 – 26/04/2018"."""
    if isinstance(value, DateRange):
        return f"{format_short(value.start)} {DASH} {format_short(value.end)}"
    return value.strftime("%d/%m/%Y")


def first_day(value: Period) -> date:
    """The day a period starts."""
    return value.start if isinstance(value, DateRange) else value
