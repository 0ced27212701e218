"""File names by the cabinet's convention: ``2018-06-11_Suivi-Val-Duchesse-II_FR.docx``."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from app.language import Localized, NoteLanguage

_UNSAFE = re.compile(r"[^A-Za-z0-9]+")
MAX_SLUG = 60


def slug(text: str) -> str:
    """``text`` as a file-name part: accents dropped, words joined by hyphens."""
    text = text.replace("’", "").replace("'", "")
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    ascii_text = ascii_text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae")
    words = [w for w in _UNSAFE.split(ascii_text) if w]
    result = "-".join(words)
    if len(result) > MAX_SLUG:
        result = result[:MAX_SLUG].rsplit("-", 1)[0] or result[:MAX_SLUG]
    return result


def export_name(
    subject: Localized, when: date | None, language: NoteLanguage, suffix: str = ".docx"
) -> str:
    """The conventional export file name for a note's subject, date and language."""
    first = language.languages[0]
    title = subject.get(first) or next((v for v in subject.values() if v), "")
    parts = [when.isoformat() if when else "", slug(title) or "Note"]
    code = "-".join(lang.upper() for lang in language.languages)
    return "_".join(p for p in parts if p) + f"_{code}{suffix}"
