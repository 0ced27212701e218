"""Text folded for search: no accents, no case, and œ/æ as the letters oe/ae.

Every search compares folded text, so "securite" finds "sécurité", and
"oeuvre" and "coeur" find "œuvre" and "cœur" (and the reverse). The in-memory
search folds both sides with :func:`fold`; the SQLite index folds accents and
case itself (FTS5 ``unicode61 remove_diacritics 2``) but keeps œ and æ as
letters of their own, so a query asks it for each spelling :func:`spellings`
gives.
"""

from __future__ import annotations

import unicodedata

#: Ligatures folded to their letters; NFKD leaves them whole.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
#: The letters that a ligature may stand for, and the ligature.
_PAIRS = {"oe": "œ", "ae": "æ"}
#: A word ending in one of these may be the start of a word with the ligature ("co" → "cœur").
_OPENS = {"o": "œ", "a": "æ"}
#: At most this many spellings per word (two ligatures each way, and an open end).
MAX_SPELLINGS = 8


def fold(text: str) -> str:
    """``text`` without accents or case, œ and æ (Œ, Æ) written oe and ae."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_LIGATURES)


def spellings(word: str, *, prefix: bool = True) -> list[str]:
    """The spellings of a folded ``word`` that an index keeping œ and æ may hold, ``word`` first.

    Each "oe"/"ae" may be the ligature; with ``prefix``, a last "o"/"a" may
    begin one. Beyond :data:`MAX_SPELLINGS`, later pairs keep their letters.
    """
    found = [""]
    index = 0
    while index < len(word):
        pair = word[index : index + 2]
        last = index == len(word) - 1
        if pair in _PAIRS and len(found) * 2 <= MAX_SPELLINGS:
            found = [s + choice for s in found for choice in (pair, _PAIRS[pair])]
            index += 2
        elif prefix and last and word[index] in _OPENS and len(found) * 2 <= MAX_SPELLINGS:
            found = [s + choice for s in found for choice in (word[index], _OPENS[word[index]])]
            index += 1
        else:
            found = [s + word[index] for s in found]
            index += 1
    return found
