"""File names by the cabinet's convention: ``2018-06-11_Suivi-Val-Duchesse-II_FR.docx``."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from app.language import Localized, NoteLanguage

_UNSAFE = re.compile(r"[^A-Za-z0-9]+")
MAX_SLUG = 60

#: Words a subject cut short must not end on ("…-de-la-vergadering-van"): French and Dutch
#: articles, prepositions and conjunctions, as a slug writes them (no accents, no apostrophe).
DANGLING = frozenset(
    # French
    "a au aux avec chez contre d dans de des du en entre et l la le les ou par pour sans sous "
    "sur un une vers "
    # Dutch
    "aan bij de door een en het in met naar of om onder op over te ten ter tot tussen uit van "
    "voor".split()
)


def _parts(text: str) -> list[str]:
    """The words of ``text`` as file-name parts, accents dropped; "franco-belge" stays one part."""
    text = text.replace("’", "").replace("'", "")
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    ascii_text = ascii_text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae")
    parts = ("-".join(w for w in _UNSAFE.split(word) if w) for word in ascii_text.split())
    return [part for part in parts if part]


def slug(text: str) -> str:
    """``text`` as a file-name part: accents dropped, words joined by hyphens, at most 60 characters.

    A longer subject is cut after a whole word, and never on a word that leads
    somewhere ("van", "de", "pour"...), so the name does not stop mid-phrase.
    """
    parts = _parts(text)
    whole = "-".join(parts)
    if len(whole) <= MAX_SLUG:
        return whole
    kept: list[str] = []
    length = -1  # no hyphen before the first part
    for part in parts:
        if length + 1 + len(part) > MAX_SLUG:
            break
        kept.append(part)
        length += 1 + len(part)
    if not kept:  # one word longer than a name may be
        return parts[0][:MAX_SLUG].rstrip("-")
    while len(kept) > 1 and kept[-1].lower() in DANGLING:
        kept.pop()
    return "-".join(kept)


def export_name(
    subject: Localized, when: date | None, language: NoteLanguage, suffix: str = ".docx"
) -> str:
    """The conventional export file name for a note's subject, date and language."""
    first = language.languages[0]
    title = subject.get(first) or next((v for v in subject.values() if v), "")
    parts = [when.isoformat() if when else "", slug(title) or "Note"]
    code = "-".join(lang.upper() for lang in language.languages)
    return "_".join(p for p in parts if p) + f"_{code}{suffix}"
