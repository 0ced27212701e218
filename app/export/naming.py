"""File names by the cabinet's convention: ``2018-06-11_Suivi-Val-Duchesse-II_FR.docx``.

The date, the subject as words joined by hyphens (accents dropped, a French elided
article a word of its own: "de l’Intérieur" is ``de-l-Interieur``, as "l" and "d" are
words of :data:`DANGLING`), the language codes. A second note of a batch export with
the same subject and date gets a number after its subject: ``…_Suivi-2_FR.docx``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from app.language.codes import Localized, NoteLanguage

_UNSAFE = re.compile(r"[^A-Za-z0-9]+")
#: A French elision before its apostrophe (l’, d’, qu’, jusqu’…), not inside a word
#: (aujourd’hui, the Dutch nota’s).
_ELISION = re.compile(
    r"(?<![^\W\d_])([cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?=[^\W\d_])", re.IGNORECASE
)
MAX_SLUG = 60

#: Words a subject cut short must not end on ("…-de-la-vergadering-van"): French and Dutch
#: articles, prepositions and conjunctions, as a slug writes them (no accents, no apostrophe).
DANGLING = frozenset(
    # French (the elided articles and conjunctions too: "l", "d", "qu", "jusqu"…)
    "a au aux avec chez contre d dans de des du en entre et l la le les ou par pour sans sous "
    "sur un une vers c j m n s t qu jusqu lorsqu puisqu quoiqu "
    # Dutch
    "aan bij de door een en het in met naar of om onder op over te ten ter tot tussen uit van "
    "voor".split()
)


def _parts(text: str) -> list[str]:
    """The words of ``text`` as file-name parts, accents dropped; "franco-belge" stays one part.

    An elided article is a part of its own ("l’Intérieur": "l", "Interieur"); any other
    apostrophe goes ("nota’s": "notas").
    """
    text = _ELISION.sub(r"\1 ", text)
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
    subject: Localized,
    when: date | None,
    language: NoteLanguage,
    suffix: str = ".docx",
    *,
    number: int = 1,
) -> str:
    """The conventional export file name for a note's subject, date and language.

    ``number`` above 1 follows the subject, for a second note that would get the same
    name in one batch: ``2018-06-11_Suivi-2_FR.docx``.
    """
    first = language.languages[0]
    title = subject.get(first) or next((v for v in subject.values() if v), "")
    name = slug(title) or "Note"
    if number > 1:
        name = f"{name}-{number}"
    parts = [when.isoformat() if when else "", name]
    code = "-".join(lang.upper() for lang in language.languages)
    return "_".join(p for p in parts if p) + f"_{code}{suffix}"
