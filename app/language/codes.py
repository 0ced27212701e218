"""The two languages of the product, and texts that exist once per language."""

from __future__ import annotations

from enum import StrEnum

LANGS: tuple[str, ...] = ("fr", "nl")

#: Word language tags, Belgian variants.
WORD_LANG = {"fr": "fr-BE", "nl": "nl-BE"}

#: Babel locales used for dates and numbers.
LOCALE = {"fr": "fr_BE", "nl": "nl_BE"}

Localized = dict[str, str]
"""A text per language code (``{"fr": ..., "nl": ...}``); a missing key means missing."""


class NoteLanguage(StrEnum):
    """The language(s) a note is written and exported in."""

    FR = "fr"
    NL = "nl"
    BILINGUAL = "fr+nl"

    @property
    def languages(self) -> tuple[str, ...]:
        """The language codes, French first."""
        return ("fr", "nl") if self is NoteLanguage.BILINGUAL else (self.value,)


def parse_note_language(value: str) -> NoteLanguage:
    """Read ``fr``, ``nl``, ``fr+nl`` (also ``nl+fr``, ``bilingual``) as a note language."""
    cleaned = value.strip().lower().replace(" ", "")
    if cleaned in ("nl+fr", "bilingual", "fr|nl", "fr/nl"):
        cleaned = "fr+nl"
    return NoteLanguage(cleaned)


def pick(text: Localized | None, lang: str) -> str:
    """The text in ``lang``, or an empty string when there is none."""
    if not text:
        return ""
    return text.get(lang, "") or ""
