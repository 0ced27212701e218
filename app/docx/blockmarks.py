"""The names that carry a note block's id into Word and back: hidden bookmarks.

Every block an export writes (free text, a clause, a follow-up table) is spanned, in
each language, by a bookmark named ``_Clausier_<key>_<lang>``: Word hides bookmarks
whose name starts with "_" from its dialog, and keeps them, like LibreOffice, when
the text around them is edited (LibreOffice drops the tags of content controls on
saving, not bookmarks). ``<key>`` is the block id itself when Word allows it in a
bookmark name (letters and digits, short enough for Word's 40 characters), else a
digest of it that :func:`key` computes the same way when reading the file back.
"""

from __future__ import annotations

import hashlib
import re

PREFIX = "_Clausier_"
_PLAIN = re.compile(r"[A-Za-z0-9]{1,24}")
_NAME = re.compile(r"_Clausier_([A-Za-z0-9]{1,25})_([a-z]{2})")


def key(block_id: str) -> str:
    """The part of a bookmark name that stands for ``block_id``."""
    if _PLAIN.fullmatch(block_id):
        return block_id
    return "h" + hashlib.sha1(block_id.encode()).hexdigest()[:16]


def name(block_id: str, lang: str) -> str:
    """The bookmark that spans block ``block_id`` in ``lang`` ("fr" or "nl")."""
    return f"{PREFIX}{key(block_id)}_{lang}"


def parse(bookmark: str) -> tuple[str, str] | None:
    """The (key, lang) a Clausier bookmark name holds; None for any other bookmark."""
    found = _NAME.fullmatch(bookmark)
    return (found.group(1), found.group(2)) if found else None
