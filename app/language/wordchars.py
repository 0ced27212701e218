"""Characters a Word document cannot hold, removed or replaced before export.

Word files are XML 1.0: control characters other than tab and line feed, lone
surrogates and U+FFFE/U+FFFF cannot appear in them. Line breaks of every kind
become "\\n", the exporter's paragraph break. C1 control characters are
almost always Windows-1252 text read as Latin-1 (U+0092 for ’), so they are
repaired into the character that was meant, or removed.
"""

from __future__ import annotations

import re

#: Everything :func:`clean` changes; clean text never matches, so the fast path is one search.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")

#: Same, with CRLF and surrogate pairs taken whole.
_FIX = re.compile(
    "\r\n"
    "|[\ud800-\udbff][\udc00-\udfff]"
    "|[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)

#: Line breaks in other clothes: kept as line breaks, not counted as changes.
_LINE_BREAKS = frozenset(("\r\n", "\r", "\x0b", "\x0c", "\u2028", "\u2029"))


def _c1(char: str) -> str:
    """The Windows-1252 character a C1 control stands for, or "" when there is none."""
    try:
        return bytes([ord(char)]).decode("cp1252")
    except UnicodeDecodeError:
        return ""


def clean(text: str) -> tuple[str, int]:
    """``text`` fit for Word, and how many characters were removed or replaced.

    Line breaks ("\\r\\n", "\\r", vertical tab, form feed, U+2028, U+2029) become
    "\\n" and surrogate pairs become the character they encode without being
    counted: nothing the reader sees is lost.
    """
    if _SUSPECT.search(text) is None:
        return text, 0
    changed = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal changed
        found = match.group()
        if found in _LINE_BREAKS:
            return "\n"
        if len(found) == 2:
            return found.encode("utf-16", "surrogatepass").decode("utf-16")
        changed += 1
        if "\x80" <= found <= "\x9f":
            return _c1(found)
        return ""

    return _FIX.sub(fix, text), changed
