"""Belgian dates in French and Dutch, written through Babel's fr_BE and nl_BE locales.

Days and ranges of days themselves (:class:`DateRange`) live in :mod:`app.period`,
which needs no Babel, so the note model loads without it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from babel import Locale
from babel.dates import DateTimePattern, parse_pattern

from app.i18n import _
from app.language import LOCALE
from app.period import DASH, DateRange, Period, period

#: French writes the first day of a month as an ordinal: "1er février".
_FIRST_SUFFIX = {"fr": "er"}

#: Words between the place and the date of a place line.
_PLACE_JOINER = {"fr": ", le ", "nl": ", "}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_BELGIAN = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.ASCII)
#: What may stand between the two ends of a typed range ("25–26/04/2018", "… au …", "… tot …").
_RANGE_SEPARATOR = re.compile(r"\s*(?:[-–—]|\.\.|/)\s*|\s+(?:au|tot|to)\s+", re.IGNORECASE)
#: The start of a range that takes its month and year, or its year, from the end: "25", "30/04".
_PARTIAL_START = re.compile(r"(\d{1,2})(?:[/.-](\d{1,2}))?", re.ASCII)


@cache
def _locale(lang: str) -> Locale:
    """The Babel locale of document language ``lang``, parsed once."""
    try:
        return Locale.parse(LOCALE[lang])
    except KeyError:
        raise ValueError(f"unsupported document language: {lang!r}") from None


@cache
def _pattern(lang: str, kind: str, first: bool) -> DateTimePattern:
    """A Babel pattern ("long", "full" or a skeleton), with "1er" on the first in French."""
    locale = _locale(lang)
    if kind in ("long", "full"):
        pattern = locale.date_formats[kind]
    else:
        pattern = parse_pattern(locale.datetime_skeletons.get(kind, kind))
    suffix = _FIRST_SUFFIX.get(lang, "") if first else ""
    if not suffix or "%(d)s" not in pattern.format:
        return pattern
    return DateTimePattern(pattern.pattern, pattern.format.replace("%(d)s", "%(d)s" + suffix, 1))


def _apply(d: date, lang: str, kind: str) -> str:
    """``d`` written with pattern ``kind`` in ``lang``, months and weekdays lower case."""
    return _pattern(lang, kind, d.day == 1).apply(d, _locale(lang)).lower()


@lru_cache(maxsize=4096)
def _format_date(d: date, lang: str, weekday: bool) -> str:
    return _apply(d, lang, "full" if weekday else "long")


def format_date(d: date, lang: str, *, weekday: bool = False) -> str:
    """``d`` written in full: "1er février 2016", "lundi 11 juin 2018", "maandag 11 juni 2018"."""
    return _format_date(d, lang, weekday)


@lru_cache(maxsize=1024)
def format_range(start: date, end: date, lang: str) -> str:
    """The days from ``start`` to ``end``: "25–26 avril 2018", "30 avril – 2 mai 2018"."""
    if end < start:
        raise ValueError(f"a range cannot end ({end}) before it starts ({start})")
    if start == end:
        return format_date(start, lang)
    if start.year != end.year:
        return f"{format_date(start, lang)} {DASH} {format_date(end, lang)}"
    if start.month != end.month:
        return f"{_apply(start, lang, 'MMMMd')} {DASH} {format_date(end, lang)}"
    return f"{_apply(start, lang, 'd')}{DASH}{format_date(end, lang)}"


def format_period(value: Period, lang: str, *, weekday: bool = False) -> str:
    """A day or a range written in full; a range is written without its weekdays."""
    if isinstance(value, DateRange):
        return format_range(value.start, value.end, lang)
    return format_date(value, lang, weekday=weekday)


def place_line(place: str, d: date, lang: str) -> str:
    """The place and date that sign a text: "Bruxelles, le 11 juin 2018" / "Brussel, 11 juni 2018"."""
    place = place.strip()
    if not place:
        return format_date(d, lang)
    return place + after_place(d, lang)


def after_place(d: date, lang: str) -> str:
    """What follows the place in a place line: ", le 11 juin 2018" / ", 11 juni 2018"."""
    return _PLACE_JOINER[lang] + format_date(d, lang)


def _read_date(text: str) -> date | None:
    """The date ``text`` is written as, None when it is in no known form (ValueError: no such day)."""
    cleaned = text.strip()
    if match := _ISO.fullmatch(cleaned):
        year, month, day = match.group(1, 2, 3)
    elif match := _BELGIAN.fullmatch(cleaned):
        day, month, year = match.group(1, 3, 4)
    else:
        return None
    return _day(text, int(year), int(month), int(day))


def _day(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(_("“{text}” is not a day of the calendar.").format(text=text)) from None


def parse_date(text: str) -> date:
    """The date written as "2018-06-11", "11/06/2018" or "11.06.2018"; ValueError otherwise."""
    found = _read_date(text)
    if found is None:
        raise ValueError(
            _("“{text}” is not a date; write it as 2018-06-11 or 11/06/2018.").format(text=text)
        )
    return found


def _read_start(text: str, end: date, whole: str) -> date | None:
    """The start of a range, written in full or as "25" / "25/04" that the end completes."""
    found = _read_date(text)
    if found is not None:
        return found
    if match := _PARTIAL_START.fullmatch(text.strip()):
        day, month = int(match.group(1)), match.group(2)
        return _day(whole, end.year, int(month) if month else end.month, day)
    return None


def parse_period(text: str) -> Period:
    """A day as :func:`parse_date` reads it, or a range: "25/04/2018 – 26/04/2018", "25–26/04/2018".

    The two ends of a range are joined by a dash, "..", "au" or "tot" (and "/"
    between two ISO dates); the start may leave out what the end says ("30/04 –
    2/05/2018"). ValueError, with what to write, otherwise.
    """
    found = _read_date(text)
    if found is not None:
        return found
    cleaned = text.strip()
    problem: ValueError | None = None  # a split that reads as days that do not exist
    for separator in _RANGE_SEPARATOR.finditer(cleaned):
        if separator.start() == 0:
            continue
        try:
            end = _read_date(cleaned[separator.end() :])
            start = None if end is None else _read_start(cleaned[: separator.start()], end, text)
        except ValueError as error:
            problem = problem or error
            continue
        if start is None or end is None:
            continue
        if end < start:
            raise ValueError(_("“{text}” ends before it starts.").format(text=text))
        return period(start, end)
    if problem is not None:
        raise problem
    raise ValueError(
        _(
            "“{text}” is not a date; write it as 2018-06-11 or 11/06/2018, "
            "or a range as 25/04/2018 – 26/04/2018."
        ).format(text=text)
    )
