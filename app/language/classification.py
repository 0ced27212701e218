"""Belgian classification levels, as printed on a note in each language."""

from __future__ import annotations

from enum import StrEnum


class Classification(StrEnum):
    """The classification of a note: none, or one of the Belgian levels."""

    NONE = "none"
    RESTRICTED = "restricted"
    CONFIDENTIAL = "confidential"
    SECRET = "secret"
    TOP_SECRET = "top_secret"

    def label(self, lang: str) -> str:
        """The level as printed in ``lang`` ("" for none)."""
        return LABELS[self].get(lang, "")


LABELS: dict[Classification, dict[str, str]] = {
    Classification.NONE: {"fr": "", "nl": ""},
    Classification.RESTRICTED: {"fr": "Diffusion restreinte", "nl": "Beperkte verspreiding"},
    Classification.CONFIDENTIAL: {"fr": "Confidentiel", "nl": "Vertrouwelijk"},
    Classification.SECRET: {"fr": "Secret", "nl": "Geheim"},
    Classification.TOP_SECRET: {"fr": "Très secret", "nl": "Zeer geheim"},
}


def parse_classification(value: str) -> Classification:
    """Read a level from its key or its French or Dutch label, ignoring case and accents."""
    import unicodedata

    def fold(text: str) -> str:
        decomposed = unicodedata.normalize("NFD", text.strip().lower())
        return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", "_")

    wanted = fold(value).replace(" ", "_")
    for level, labels in LABELS.items():
        names = {level.value, *(fold(t).replace(" ", "_") for t in labels.values() if t)}
        if wanted in names:
            return level
    raise ValueError(value)
