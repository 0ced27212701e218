"""The citation of a quotation, in each document language, as the house style writes it.

« Déclaration conjointe franco-belge “Val Duchesse II”, Paris, 11 juin 2018, point 1,
4e tiret » / “Gezamenlijke Frans-Belgische verklaring ‘Val Duchesse II’, Parijs, 11 juni
2018, punt 1, 4de streepje”, followed by "(traduction non officielle)" /
"(niet-officiële vertaling)" when the text quoted is not the official one. The whole is
between the language's quotation marks, so a title quoted inside takes the inner ones
(“…” in French, ‘…’ in Dutch). The text is written before typography: the export's
typography (:mod:`app.language.typography`) adds the no-break spaces inside « » and raises the
"e" of "4e"; applied to it, typography changes nothing else.
"""

from __future__ import annotations

from app.language import dates
from app.language.vocabulary import word
from app.library.anchors import Anchor
from app.library.clauses import Source

#: The quotation marks a citation is set between, and the inner ones a title takes in it.
_OUTER = {"fr": ("« ", " »"), "nl": ("“", "”")}
_INNER = {"fr": {"«": "“", "»": "”", '"': None}, "nl": {"“": "‘", "”": "’", "„": "‘", '"': None}}
_INNER_PAIR = {"fr": ("“", "”"), "nl": ("‘", "’")}


def ordinal(number: int, lang: str) -> str:
    """``number`` as an ordinal in figures: "1er", "4e" (French), "1ste", "4de", "8ste" (Dutch),
    "1st", "2nd", "4th" (English, for the interface)."""
    if lang == "fr":
        return "1er" if number == 1 else f"{number}e"
    if lang == "en":
        last = number % 10 if number % 100 not in (11, 12, 13) else 0
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(last, "th")
        return f"{number}{suffix}"
    rest = number % 100
    if number >= 20 and (rest == 0 or rest >= 20):
        return f"{number}ste"  # twintigste, honderdste, eenentwintigste
    return f"{number}ste" if rest in (1, 8) else f"{number}de"


def _nested(title: str, lang: str) -> str:
    """A title with its own quotation marks turned into the inner ones of ``lang``."""
    swaps = _INNER[lang]
    opening, closing = _INNER_PAIR[lang]
    out: list[str] = []
    straight_open = False
    for char in title:
        if char == '"':
            out.append(closing if straight_open else opening)
            straight_open = not straight_open
        elif char in swaps and swaps[char] is not None:
            out.append(swaps[char])
        else:
            out.append(char)
    text = "".join(out)
    # « Val Duchesse II » had spaces inside; “Val Duchesse II” has none.
    return text.replace(f"{opening} ", opening).replace(f" {closing}", closing)


def where(anchor: Anchor, lang: str, *, of: bool = False) -> str:
    """Where in the source a clause stands, the one wording the citation, the window and the
    command line use: "point 1, 4e tiret", "préambule, 2e alinéa", "punt 1, 4de streepje",
    "preambule, 5de alinea" ("point 1, 4th dash" in English, for the interface).

    With ``of``, as it follows "of" in a sentence, with the language's article: "du point 1,
    4e tiret", "du préambule, 3e alinéa", "van punt 1, 4de streepje", "van de preambule,
    5de alinea", "of the preamble, 3rd paragraph".
    """
    if anchor.in_preamble:
        place = word("cite_of_preamble" if of else "cite_preamble", lang)
        number = word("cite_paragraph", lang).format(ordinal=ordinal(anchor.number, lang))
    else:
        place = word("cite_of_part" if of else "cite_part", lang).format(part=anchor.part)
        number = word("cite_dash", lang).format(ordinal=ordinal(anchor.number, lang))
    return f"{place}, {number}" if anchor.number else place


def citation(source: Source, anchor: Anchor, lang: str, *, official: bool) -> str:
    """The citation line of a quotation from ``source`` at ``anchor``, in ``lang``."""
    title = source.citation.get(lang) or source.title.get(lang) or source.id
    pieces = [_nested(" ".join(title.split()), lang)]
    place = (source.place.get(lang) or "").strip()
    if place:
        pieces.append(place)
    if source.date is not None:
        pieces.append(dates.format_date(source.date, lang))
    pieces.append(where(anchor, lang))
    opening, closing = _OUTER[lang]
    text = f"{opening}{', '.join(pieces)}{closing}"
    if not official:
        text += " " + word("cite_unofficial", lang)
    return text
