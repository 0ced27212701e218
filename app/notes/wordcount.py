"""Word counts per language, as Word counts them: every run of characters between spaces.

"l’invitation", "franco-belge" and "25–26" are one word each; a dash or a bullet
standing alone is none. The whole note counts its section titles and every block,
linked clauses included (they are part of the note), not its details.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.notes.texts import note_texts

if TYPE_CHECKING:
    from app.library.clauses import Library
    from app.notes.note import Note

_TOKEN = re.compile(r"\S+")
_COUNTED: dict[str, int] = {}  # a text's count, kept: typing changes one block at a time


def count(text: str) -> int:
    """The number of words in ``text``."""
    return sum(1 for token in _TOKEN.findall(text) if any(c.isalnum() for c in token))


def _cached(text: str) -> int:
    found = _COUNTED.get(text)
    if found is None:
        found = count(text)
        if len(_COUNTED) > 20_000:
            _COUNTED.clear()
        _COUNTED[text] = found
    return found


def note_counts(note: Note, library: Library | None = None) -> dict[str, int]:
    """The words of the note in each of its languages (French first)."""
    counts = dict.fromkeys(note.language.languages, 0)
    for item in note_texts(note, library, metadata=False):
        counts[item.place.lang] = counts.get(item.place.lang, 0) + _cached(item.text)
    return counts
