"""Belgian dates in French and Dutch, written through Babel's fr_BE and nl_BE locales.

Days and ranges of days themselves (:class:`DateRange`) live in :mod:`app.language.period`,
which needs no Babel, so the note model loads without it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from app.language import calendar
from app.language.codes import LOCALE
from app.language.i18n import _, current_language
from app.language.period import DASH, DateRange, Period, period

if TYPE_CHECKING:
    from babel import Locale
    from babel.dates import DateTimePattern

#: French writes the first day of a month as an ordinal: "1er février".
_FIRST_SUFFIX = {"fr": "er"}

#: Words between the place and the date of a place line.
_PLACE_JOINER = {"fr": ", le ", "nl": ", "}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_BELGIAN = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.ASCII)
#: A day and month without a year ("11/06"), and a date whose year has two digits ("11/6/18"):
#: refused, with the form to write (a two-digit year could be of either century).
_NO_YEAR = re.compile(r"(\d{1,2})[/.](\d{1,2})", re.ASCII)
_SHORT_YEAR = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})", re.ASCII)
#: A date written out (folded by :func:`_fold`): "11 juin 2018", "le lundi 1er juin 2018",
#: "maandag 11 juni 2018", "11 sept. 2018"; a range's start may stop at the month or the day.
_WRITTEN = re.compile(
    r"(?:(?:le|op)\s+)?(?:(?P<weekday>[^\W\d_]+)\.?,?\s+)?"
    r"(?P<day>[0-9]{1,2})(?:er|re|e|ste|de)?"
    r"(?:\s+(?P<month>[^\W\d_]+)\.?(?:\s+(?P<year>[0-9]{4}))?)?"
)
#: What may stand between the two ends of a typed range: a dash, "..", "/" (between two ISO
#: dates), "au", "jusqu’au", "tot", "tot en met", "t/m", "t.e.m.", "to".
_RANGE_SEPARATOR = re.compile(
    r"\s*(?:[-‐‑‒–—]|\.\.|/)\s*"
    r"|\s+(?:au|jusqu['’]au|tot\s+en\s+met|tot|t/m|t\.e\.m\.?|to)\s+"
)
#: What may open a range: "du 25 au 26 avril", "van 25 tot 26 april".
_RANGE_OPENING = re.compile(r"(?:du|van|from)\s+")
#: The start of a range that takes its month and year, or its year, from the end: "25", "30/04".
_PARTIAL_START = re.compile(r"(\d{1,2})(?:[/.-](\d{1,2}))?", re.ASCII)
#: The fewest letters that name a month by their prefix alone ("fév", "sept", "okt").
_MONTH_PREFIX = 3


@cache
def _locale(lang: str) -> Locale:
    """The Babel locale of document language ``lang``, parsed once."""
    from babel import Locale  # only when the kept facts of app.language.calendar cannot do

    try:
        return Locale.parse(LOCALE[lang])
    except KeyError:
        raise ValueError(f"unsupported document language: {lang!r}") from None


@cache
def _pattern(lang: str, kind: str, first: bool) -> DateTimePattern:
    """A Babel pattern ("long", "full" or a skeleton), with "1er" on the first in French."""
    from babel.dates import DateTimePattern, parse_pattern

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
    """``d`` written with pattern ``kind`` in ``lang``, months and weekdays lower case.

    From the facts kept of Babel's calendars (:mod:`app.language.calendar`), else by Babel.
    """
    suffix = _FIRST_SUFFIX.get(lang, "") if d.day == 1 else ""
    written = calendar.write(d, lang, kind, suffix) if lang in LOCALE else None
    if written is None:
        written = _pattern(lang, kind, d.day == 1).apply(d, _locale(lang))
    return written.lower()


@lru_cache(maxsize=4096)
def _format_date(d: date, lang: str, weekday: bool) -> str:
    return _apply(d, lang, "full" if weekday else "long")


def in_interface_language(d: date) -> tuple[str, str]:
    """``d`` and its weekday in the interface language: "11 juin 2018", "lundi"; "11 June 2018", "Monday"."""
    lang = current_language()
    if lang in LOCALE:
        return format_date(d, lang), _apply(d, lang, "EEEE")
    from babel.dates import format_date as babel_format_date

    return babel_format_date(d, "d MMMM y", locale="en"), babel_format_date(d, "EEEE", locale="en")


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


def _fold(text: str) -> str:
    """``text`` as it is read: accents dropped, lower case ("Février" → "fevrier", "1ᵉʳ" → "1er")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _names(kind: str, widths: tuple[str, ...]) -> dict[str, tuple[int, str]]:
    """Babel's French and Dutch names of the months or weekdays, folded: name → (number, language)."""
    found: dict[str, tuple[int, str]] = {}
    kept = calendar.facts()
    first = 1 if kind == "months" else 0  # Babel numbers months from 1, weekdays from 0
    for lang in LOCALE:
        if kept is not None and lang in kept:
            table = {
                context: {w: dict(enumerate(names, first)) for w, names in widths_.items()}
                for context, widths_ in kept[lang][kind].items()
            }
        else:
            table = getattr(_locale(lang), kind)
        for context in ("format", "stand-alone"):
            for width in widths:
                for number, name in table[context][width].items():
                    found.setdefault(_fold(name).rstrip("."), (number, lang))
    return found


@cache
def _month_names() -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """The months as fr_BE and nl_BE write them in full, and abbreviated ("sept.", "mrt")."""
    return _names("months", ("wide",)), _names("months", ("abbreviated",))


@cache
def _weekday_names() -> dict[str, tuple[int, str]]:
    """The weekdays in French and Dutch, in full and abbreviated: name → (Monday = 0, language)."""
    return _names("days", ("wide", "abbreviated"))


def _month(word: str) -> tuple[int, str] | None:
    """The month (and its language) a folded word names in full, abbreviated or by a prefix ("sept")."""
    word = word.rstrip(".")
    full, short = _month_names()
    if found := full.get(word) or short.get(word):
        return found
    if len(word) >= _MONTH_PREFIX:
        months = {
            number: (number, lang) for name, (number, lang) in full.items() if name.startswith(word)
        }
        if len(months) == 1:
            return next(iter(months.values()))
    return None


def _read_date(text: str, end: date | None = None, whole: str = "") -> date | None:
    """The date ``text`` is written as, None when it is in no known form (ValueError: no such day).

    With ``end``, ``text`` is the start of a range and may leave out what the end
    says: "25" or "25/04" before "26/04/2018", "30 avril" or "1er" before "2 mai
    2018". Messages quote ``whole`` (the whole text typed) when given.
    """
    whole = whole or text
    folded = _fold(text)
    if match := _ISO.fullmatch(folded):
        year, month, day = (int(g) for g in match.group(1, 2, 3))
        return _day(whole, year, month, day)
    if match := _BELGIAN.fullmatch(folded):
        day, month, year = (int(g) for g in match.group(1, 3, 4))
        return _day(whole, year, month, day)
    if end is not None and (match := _PARTIAL_START.fullmatch(folded)):
        given = match.group(2)
        return _start(whole, end, int(match.group(1)), int(given) if given else None)
    if match := _WRITTEN.fullmatch(folded):
        return _read_written(match, end, whole)
    return None


def _read_written(match: re.Match[str], end: date | None, whole: str) -> date | None:
    """The date a match of :data:`_WRITTEN` says, its weekday checked; None when it lacks a part."""
    month: int | None = None
    if match["month"]:
        found = _month(match["month"])
        if found is None:
            raise ValueError(
                _("“{text}” names no month we know; write the month in full: 11 juin 2018.").format(
                    text=whole
                )
            )
        month = found[0]
    if month is not None and match["year"]:
        day = _day(whole, int(match["year"]), month, int(match["day"]))
    elif end is None:
        return None  # "11 juin" has no year (see _missing_year), "lundi 11" no month
    else:
        day = _start(whole, end, int(match["day"]), month)
    if match["weekday"]:
        named = _weekday_names().get(match["weekday"].rstrip("."))
        if named is None:
            return None
        if named[0] != day.weekday():
            # The whole message in the interface language, the date and its weekday too
            # ("11 June 2018 is a Monday"), whatever language the date was typed in.
            written, weekday = in_interface_language(day)
            raise ValueError(
                _("“{text}”: {date} is a {weekday}.").format(
                    text=whole, date=written, weekday=weekday
                )
            )
    return day


def _start(whole: str, end: date, day: int, month: int | None) -> date:
    """The start of a range that leaves out its year, or its month and year, the end's."""
    start = _day(whole, end.year, month or end.month, day)
    if month is not None and start > end:  # "28 décembre – 3 janvier 2019"
        start = _day(whole, end.year - 1, month, day)
    return start


def _day(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(_("“{text}” is not a day of the calendar.").format(text=text)) from None


def _missing_year(part: str, whole: str) -> ValueError | None:
    """The error for a date without its year ("11 juin", "11/06") or with two digits of it
    ("11/6/18"), None for other text."""
    folded = _fold(part)
    if short := _SHORT_YEAR.fullmatch(folded):
        day, month, year = (int(g) for g in short.group(1, 3, 4))
        return ValueError(
            _("“{text}” has a two-digit year; write the year in full: {example}.").format(
                text=whole, example=f"{day:02d}/{month:02d}/20{year:02d}"
            )
        )
    match = _WRITTEN.fullmatch(folded)
    written = match is not None and match["month"] and not match["year"]
    if not (written and _month(match["month"]) is not None) and not _NO_YEAR.fullmatch(folded):
        return None
    return ValueError(
        _("“{text}” has no year; write it as 11 juin 2018 or 11/06/2018.").format(text=whole)
    )


def parse_date(text: str) -> date:
    """The date written as "2018-06-11", "11/06/2018", "11.06.2018" or in words, French or Dutch.

    In words: "11 juin 2018", "1er juin 2018", "lundi 11 juin 2018", "maandag
    11 juni 2018", "11 sept. 2018", "11 fevrier 2018" (case and accents do not
    matter; a weekday must be the right one). ValueError, with what to write,
    otherwise.
    """
    found = _read_date(text)
    if found is None:
        raise _missing_year(text, text) or ValueError(
            _("“{text}” is not a date; write it as 2018-06-11 or 11/06/2018.").format(text=text)
        )
    return found


def parse_period(text: str) -> Period:
    """A day as :func:`parse_date` reads it, or a range: "25/04/2018 – 26/04/2018", "25–26 avril 2018".

    The two ends of a range are joined by a dash, "..", "au", "tot", "tot en
    met", "t/m" (and "/" between two ISO dates), with "du" or "van" before the
    start if the user likes ("du 25 au 26 avril 2018", "van 25 tot 26 april
    2018"); the start may leave out what the end says ("30/04 – 2/05/2018",
    "30 avril – 2 mai 2018"). ValueError, with what to write, otherwise.
    """
    problem: ValueError | None = None  # a reading that names a day that does not exist
    try:
        found = _read_date(text)
    except ValueError as error:
        found, problem = None, error
    if found is not None:
        return found
    folded = _fold(text)
    if _SHORT_YEAR.fullmatch(folded):  # not a range of "11" and "6/18"
        raise _missing_year(text, text)  # type: ignore[misc]
    for separator in _RANGE_SEPARATOR.finditer(folded):
        if separator.start() == 0:
            continue
        head, tail = folded[: separator.start()], folded[separator.end() :]
        try:
            end = _read_date(tail, whole=text)
            opening = _RANGE_OPENING.match(head)
            head = head[opening.end() :] if opening else head
            start = None if end is None else _read_date(head, end, text)
        except ValueError as error:
            problem = problem or error
            continue
        if end is None:
            problem = problem or _missing_year(tail, text)
        if start is None or end is None:
            continue
        if end < start:
            raise ValueError(_("“{text}” ends before it starts.").format(text=text))
        return period(start, end)
    if problem is not None:
        raise problem
    raise _missing_year(text, text) or ValueError(
        _(
            "“{text}” is not a date; write it as 2018-06-11 or 11/06/2018, "
            "or a range as 25/04/2018 – 26/04/2018."
        ).format(text=text)
    )
