"""The facts of Babel's calendars that writing a date needs, kept between runs.

Writing one date in French and one in Dutch took about 40 ms of an export: importing
Babel (with pickle, decimal and zoneinfo) and loading the data of fr_BE and nl_BE
with the locales they inherit from. A date needs little of it: the patterns of
:data:`KINDS` and the names of the months and weekdays. Those are read from Babel
once and kept in the user's cache folder (:mod:`app.system.cachedir`), under a key
made of the size and time of Babel's code and locale data files: another Babel, or
other data, reads them again. Where the files cannot be found (a bundle keeps Babel
in its archive) or a pattern holds a field :func:`write` does not know, the caller
asks Babel itself (:mod:`app.language.dates`); the tests check both agree on every
day of several years.
"""

from __future__ import annotations

import json
import os
from datetime import date
from importlib.machinery import PathFinder

from app.language.codes import LOCALE
from app.system import cachedir

#: What the kept facts hold; raised when that changes, so older files are not read.
SCHEMA = 1
#: The patterns kept: Babel's long and full date formats, and the skeletons or patterns
#: that app.language.dates asks for.
KINDS = ("long", "full", "MMMMd", "d", "EEEE")
_WIDTHS = {1: "abbreviated", 2: "abbreviated", 3: "abbreviated", 4: "wide"}
_CONTEXTS = ("format", "stand-alone")
_NOT_LOADED = object()
_kept: dict | None | object = _NOT_LOADED


def _babel_files() -> list[str] | None:
    """Babel's files that the facts come from (None when Babel is not found as files)."""
    spec = PathFinder.find_spec("babel")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = next(iter(spec.submodule_search_locations))
    data = os.path.join(folder, "locale-data")
    locales = {"root"} | {code.split("_")[0] for code in LOCALE.values()} | set(LOCALE.values())
    names = [os.path.join(folder, name) for name in ("__init__.py", "core.py", "dates.py")]
    names.append(os.path.join(folder, "global.dat"))
    return names + [os.path.join(data, f"{code}.dat") for code in sorted(locales)]


def fingerprint() -> str | None:
    """What the facts depend on, in one line (None when Babel's files cannot be read)."""
    files = _babel_files()
    if files is None:
        return None
    stamps = [f"calendar {SCHEMA}", json.dumps(LOCALE, sort_keys=True)]
    for path in files:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        stamps.append(f"{os.path.basename(path)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(stamps)


def from_babel() -> dict:
    """The patterns and names of each document language, as Babel has them."""
    from babel import Locale

    facts = {}
    for lang, code in LOCALE.items():
        locale = Locale.parse(code)
        patterns = {}
        for kind in KINDS:
            if kind in ("long", "full"):
                patterns[kind] = locale.date_formats[kind].pattern
            else:
                found = locale.datetime_skeletons.get(kind)
                patterns[kind] = found.pattern if found is not None else kind
        names = {}
        for table in ("months", "days"):
            names[table] = {
                context: {
                    width: [locale_names[n] for n in sorted(locale_names)]
                    for width in ("abbreviated", "wide")
                    for locale_names in [getattr(locale, table)[context][width]]
                }
                for context in _CONTEXTS
            }
        facts[lang] = {"patterns": patterns, **names}
    return facts


def _cache_file() -> str | None:
    folder = cachedir.cache_folder()
    return os.path.join(folder, "calendar.json") if folder else None


def _load() -> dict | None:
    """The kept facts, read again from Babel (and kept) when their key changed."""
    key = fingerprint()
    if key is None:
        return None
    path = _cache_file()
    if path is not None:
        try:
            with open(path, encoding="utf-8") as handle:
                kept = json.load(handle)
            if kept.get("key") == key and _well_formed(kept.get("facts")):
                return kept["facts"]
        except (OSError, ValueError, AttributeError):
            pass  # none yet, or damaged: made again
    facts = from_babel()
    if path is not None:
        cachedir.keep(path, json.dumps({"key": key, "facts": facts}, ensure_ascii=False))
    return facts


def _well_formed(found: object) -> bool:
    """Whether ``found`` holds every pattern and name :func:`write` may read, as text."""
    if not isinstance(found, dict):
        return False
    for lang in LOCALE:
        table = found.get(lang)
        if not isinstance(table, dict) or not isinstance(table.get("patterns"), dict):
            return False
        if not all(isinstance(table["patterns"].get(kind), str) for kind in KINDS):
            return False
        for names, count in (("months", 12), ("days", 7)):
            contexts = table.get(names)
            if not isinstance(contexts, dict):
                return False
            for context in _CONTEXTS:
                widths = contexts.get(context)
                if not isinstance(widths, dict):
                    return False
                for width in ("abbreviated", "wide"):
                    listed = widths.get(width)
                    if not isinstance(listed, list) or len(listed) != count:
                        return False
                    if not all(isinstance(name, str) for name in listed):
                        return False
    return True


def facts() -> dict | None:
    """The facts of every document language (None: ask Babel), loaded once per process."""
    global _kept
    if _kept is _NOT_LOADED:
        _kept = _load()
    return _kept  # type: ignore[return-value]


def forget() -> None:
    """Load the facts again at the next date (the tests change Babel's files or the folder)."""
    global _kept
    _kept = _NOT_LOADED


def _fields(pattern: str) -> list[str | tuple[str, int]] | None:
    """The pattern cut into literal texts and fields (letter, count); None if unsure of one."""
    found: list[str | tuple[str, int]] = []
    literal: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":  # quoted text, where '' stands for one quote (and alone too)
            i += 1
            if pattern.startswith("'", i):
                literal.append("'")
                i += 1
                continue
            while True:
                end = pattern.find("'", i)
                if end == -1:
                    return None
                literal.append(pattern[i:end])
                i = end + 1
                if not pattern.startswith("'", i):
                    break
                literal.append("'")
                i += 1
            continue
        if not char.isascii() or not char.isalpha():
            literal.append(char)
            i += 1
            continue
        count = 1
        while pattern.startswith(char, i + count):
            count += 1
        if (
            char not in "dMLyEc"
            or count > 4
            or (char == "d" and count > 2)
            or (char == "c" and count < 3)
        ):
            return None
        if literal:
            found.append("".join(literal))
            literal = []
        found.append((char, count))
        i += count
    if literal:
        found.append("".join(literal))
    return found


def write(d: date, lang: str, kind: str, first_suffix: str = "") -> str | None:
    """``d`` written with pattern ``kind`` of ``lang`` from the kept facts, as Babel writes it.

    ``first_suffix`` follows the day (a field "d") the first time it appears ("1er").
    None when the facts are not kept or the pattern holds a field this does not write:
    the caller asks Babel.
    """
    known = facts()
    if known is None or lang not in known or kind not in known[lang]["patterns"]:
        return None
    table = known[lang]
    fields = _fields(table["patterns"][kind])
    if fields is None:
        return None
    out = []
    for field in fields:
        if isinstance(field, str):
            out.append(field)
            continue
        char, count = field
        if char == "d":
            out.append(f"{d.day:0{count}d}")
            if count == 1 and first_suffix:
                out.append(first_suffix)
                first_suffix = ""
        elif char in "ML":
            if count <= 2:
                out.append(f"{d.month:0{count}d}")
            else:
                context = "format" if char == "M" else "stand-alone"
                out.append(table["months"][context][_WIDTHS[count]][d.month - 1])
        elif char == "y":
            out.append(f"{d.year % 100:02d}" if count == 2 else f"{d.year:0{count}d}")
        else:  # E or c: the weekday
            context = "format" if char == "E" else "stand-alone"
            out.append(table["days"][context][_WIDTHS[count]][d.weekday()])
    return "".join(out)
