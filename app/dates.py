"""Belgian dates in French and Dutch, written through Babel's fr_BE and nl_BE locales."""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from babel import Locale
from babel.dates import DateTimePattern, parse_pattern

from app.i18n import _
from app.language import LOCALE

#: The en dash between the two ends of a range.
DASH = "–"

#: French writes the first day of a month as an ordinal: "1er février".
_FIRST_SUFFIX = {"fr": "er"}

#: Words between the place and the date of a place line.
_PLACE_JOINER = {"fr": ", le ", "nl": ", "}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_BELGIAN = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.ASCII)


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


def place_line(place: str, d: date, lang: str) -> str:
    """The place and date that sign a text: "Bruxelles, le 11 juin 2018" / "Brussel, 11 juni 2018"."""
    written = format_date(d, lang)
    place = place.strip()
    if not place:
        return written
    return f"{place}{_PLACE_JOINER[lang]}{written}"


def parse_date(text: str) -> date:
    """The date written as "2018-06-11", "11/06/2018" or "11.06.2018"; ValueError otherwise."""
    cleaned = text.strip()
    if match := _ISO.fullmatch(cleaned):
        year, month, day = match.group(1, 2, 3)
    elif match := _BELGIAN.fullmatch(cleaned):
        day, month, year = match.group(1, 3, 4)
    else:
        raise ValueError(
            _("“{text}” is not a date; write it as 2018-06-11 or 11/06/2018.").format(text=text)
        )
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(_("“{text}” is not a day of the calendar.").format(text=text)) from None
