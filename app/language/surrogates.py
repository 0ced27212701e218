"""Lone surrogates: code points that are not characters, cleaned where text enters a note.

They reach Python from broken input: a pasted fragment of UTF-16, a command-line
argument that was not UTF-8 (decoded with ``surrogateescape``), a ``"\\ud800"``
escape in JSON. UTF-8 cannot encode them, so a note holding one could not be
saved. Each lone surrogate becomes U+FFFD (the replacement character, shown as
�), so the reader sees where something was lost; a surrogate pair that arrived
as two code points becomes the character it encodes.
"""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    """Whether ``text`` holds a surrogate code point (lone, or half of a split pair)."""
    return _SURROGATE.search(text) is not None


def clean(text: str) -> str:
    """``text`` with split pairs joined and every lone surrogate replaced by U+FFFD."""
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def clean_value(value: Any) -> Any:
    """``value`` with :func:`clean` applied to every string in it (dicts, lists, tuples)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_value(v) for v in value)
    return value
