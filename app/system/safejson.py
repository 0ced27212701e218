"""Parsing JSON someone else wrote: bounded nesting, sane numbers, no broken characters.

Python's :func:`json.loads` recurses once per nesting level (100,000 ``[`` end
in RecursionError), turns ``1e400`` into infinity, raises ValueError past 4,300
digits and lets ``"\\ud800"`` through as a lone surrogate that cannot be
written back as UTF-8. :func:`loads` refuses each of them with a
:class:`JSONRefused` whose message is a translated phrase: the nesting is
measured by a linear scan before parsing, numbers go through hooks that check
them, and a text that may hold an escaped surrogate is checked after parsing.
"""

from __future__ import annotations

import json
import math
import re
from array import array
from itertools import accumulate
from typing import Any

from app.language.i18n import _

MAX_DEPTH = 64  # Clausier's own files nest 8 levels deep at most
MAX_DIGITS = 100  # digits in one number (a revision has a few)

_STRUCTURE = bytes(c for c in range(256) if c not in b'"[]{}')  # bytes deleted to scan
_QUOTED = re.compile(rb'"[^"]*"?')  # what is left of a string (unterminated: up to the end)
_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # +1 / -1 as signed bytes
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")  # \ud800 to \udfff, paired or not


class JSONRefused(ValueError):
    """Why a JSON text was refused, in words for the user; ``line`` and ``column`` when known."""

    def __init__(self, reason: str, line: int = 0, column: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column


def depth(text: str | bytes) -> int:
    """How deeply the arrays and objects of ``text`` nest, outside strings, in linear time.

    Escaped backslashes and quotes are dropped first, then everything but quotes
    and brackets; what is left of each string (two quotes with the brackets it
    held) is removed, and the brackets left are summed as +1 and -1.
    """
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    # Two quotes side by side are an empty string or two strings with no bracket
    # between them: dropping them changes neither what is inside nor outside strings.
    skeleton = raw.translate(None, _STRUCTURE).replace(b'""', b"")
    brackets = _QUOTED.sub(b"", skeleton).translate(_STEPS)
    return max(accumulate(array("b", brackets)), default=0)


def _too_long(text: str) -> bool:
    return sum(c.isdigit() for c in text) > MAX_DIGITS if len(text) > MAX_DIGITS else False


def _int(text: str) -> int:
    if _too_long(text):
        raise JSONRefused(_("it holds a number of more than {n} digits").format(n=MAX_DIGITS))
    return int(text)


def _float(text: str) -> float:
    if _too_long(text):
        raise JSONRefused(_("it holds a number of more than {n} digits").format(n=MAX_DIGITS))
    value = float(text)
    if not math.isfinite(value):
        raise JSONRefused(_("it holds a number too large to use ({value})").format(value=text))
    return value


def _constant(name: str) -> Any:
    raise JSONRefused(_("it holds {value}, which is not a number").format(value=name))


def _surrogates(data: Any) -> bool:
    """Whether a parsed document holds a lone surrogate anywhere (in a key or a value)."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _broken_character() -> JSONRefused:
    return JSONRefused(_("it holds a broken character (a lone surrogate such as \\ud800)"))


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """The document of a JSON text (bytes must be UTF-8); raises JSONRefused with the reason."""
    if isinstance(text, str):
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:
            raise _broken_character() from None
    else:
        raw = text
    if depth(raw) > max_depth:
        raise JSONRefused(_("it nests more than {n} levels deep").format(n=max_depth))
    escaped = _ESCAPED_SURROGATE.search(raw) is not None
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")  # strict: a surrogate encoded in UTF-8 is refused
        except UnicodeDecodeError as error:
            raise JSONRefused(
                _("it is not UTF-8 text (byte {offset})").format(offset=error.start)
            ) from None
    try:
        data = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise JSONRefused(
            _("it is not valid JSON (line {line}, column {column})").format(
                line=error.lineno, column=error.colno
            ),
            error.lineno,
            error.colno,
        ) from None
    except JSONRefused:
        raise
    except (RecursionError, OverflowError, ValueError):  # whatever slips past the checks
        raise JSONRefused(_("it is not valid JSON")) from None
    if escaped and _surrogates(data):
        raise _broken_character()
    return data
