"""The words a note itself prints, per document language (not the interface language).

These follow the note's language, not the user's interface: a Dutch-speaking
adviser exporting a French note gets "Objet", not "Betreft". The words that name a
clause's place in its source (``cite_…``) have English too: the window and the
command line say that place in the interface language with the same words
(:func:`app.library.citation.where`), so the line under a clause reads as the citation does.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "to": {"fr": "À", "nl": "Aan"},
    "from": {"fr": "De", "nl": "Van"},
    "date": {"fr": "Date", "nl": "Datum"},
    "subject": {"fr": "Objet", "nl": "Betreft"},
    "meeting": {"fr": "Réunion", "nl": "Vergadering"},
    "reference": {"fr": "Réf.", "nl": "Ref."},
    "classification": {"fr": "Classification", "nl": "Classificatie"},
    "page": {"fr": "Page", "nl": "Pagina"},
    "missing_text": {"fr": "[texte français manquant]", "nl": "[Nederlandse tekst ontbreekt]"},
    "missing_clause": {
        "fr": "[clause {id} introuvable dans la bibliothèque]",
        "nl": "[clausule {id} niet gevonden in de bibliotheek]",
    },
    "unofficial": {
        "fr": "Les textes français des clauses citées sont des traductions non officielles.",
        "nl": "De Nederlandse teksten van de aangehaalde clausules zijn niet-officiële vertalingen.",
    },
    "commitment": {"fr": "Engagement", "nl": "Verbintenis"},
    "state": {"fr": "État des lieux", "nl": "Stand van zaken"},
    "lead": {"fr": "Service pilote", "nl": "Leidende dienst"},
    "deadline": {"fr": "Échéance", "nl": "Uiterste datum"},
    "untitled": {"fr": "Note sans titre", "nl": "Nota zonder titel"},
    # where a quotation comes from: "point 1, 4e tiret" / "punt 1, 4de streepje"
    "cite_part": {"fr": "point {part}", "nl": "punt {part}", "en": "point {part}"},
    "cite_dash": {"fr": "{ordinal} tiret", "nl": "{ordinal} streepje", "en": "{ordinal} dash"},
    "cite_preamble": {"fr": "préambule", "nl": "preambule", "en": "preamble"},
    "cite_paragraph": {
        "fr": "{ordinal} alinéa",
        "nl": "{ordinal} alinea",
        "en": "{ordinal} paragraph",
    },
    # the same place after "of": "du point 1", "van punt 1"; "du préambule", "van de preambule"
    "cite_of_part": {"fr": "du point {part}", "nl": "van punt {part}", "en": "of point {part}"},
    "cite_of_preamble": {"fr": "du préambule", "nl": "van de preambule", "en": "of the preamble"},
    "cite_unofficial": {"fr": "(traduction non officielle)", "nl": "(niet-officiële vertaling)"},
    # the marks of a quotation that leaves out the start or the end of the text it quotes
    "omission": {"fr": "[…]", "nl": "[…]"},
}


def word(key: str, lang: str) -> str:
    """The word ``key`` in document language ``lang``."""
    return WORDS[key][lang]


def both(key: str, languages: tuple[str, ...], sep: str = " / ") -> str:
    """The word ``key`` in each of ``languages``, joined ("À / Aan")."""
    return sep.join(WORDS[key][lang] for lang in languages)
