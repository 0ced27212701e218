"""The words of the line under a clause taken from the declaration: its place, as Word cites it."""

from __future__ import annotations

import pytest

from app.language import i18n
from app.language.codes import NoteLanguage
from tests.ui.test_translation import write_po

QUOTED = "Quotation, word for word, {of_place} ({langs}): exported with its citation."
OURS = (
    "Quotation of our unofficial translation {of_place} ({langs}): exported with its "
    "citation, which says so."
)
BOTH = "{langs}: a quotation of our unofficial translation, exported with a citation that says so."
PARAPHRASE = "Paraphrase {of_place}: exported as the note’s own text, without a citation."
#: What the translators are asked for (the shipped catalogs get them at the next update).
CATALOGS = {
    "fr": {
        QUOTED: "Citation mot pour mot {of_place} ({langs})\u00a0: exportée avec sa référence.",
        OURS: "Citation de notre traduction non officielle {of_place} ({langs})\u00a0: "
        "exportée avec sa référence, qui le précise.",
        PARAPHRASE: "Paraphrase {of_place}\u00a0: exportée comme texte de la note, sans référence.",
    },
    "nl": {
        OURS: "Citaat uit onze niet-officiële vertaling {of_place} ({langs}): geëxporteerd met "
        "bronvermelding, die dat vermeldt.",
    },
}


@pytest.fixture
def catalogs(tmp_path, monkeypatch):
    folder = tmp_path / "locale"
    for lang, messages in CATALOGS.items():
        write_po(folder, lang, messages)
    monkeypatch.setattr(i18n, "locale_dir", lambda: folder)


def line_of(window, clause_id: str) -> str:
    window.editor.insert_clause(clause_id)
    widget = window.composer.block_widgets[window.composer.current_block_id()]
    return widget.quote_mark.label.text()


def test_an_official_quotation_names_its_place_as_the_citation_does(window):
    assert line_of(window, "vd2.1.4") == (
        "Quotation, word for word, of point 1, 4th dash (FR): exported with its citation."
    )
    assert line_of(window, "vd2.0.3") == (
        "Quotation, word for word, of the preamble, 3rd paragraph (FR): exported with its citation."
    )


def test_our_dutch_translation_is_said_to_be_one(window):
    window.editor.set_metadata("language", NoteLanguage.NL)
    assert line_of(window, "vd2.0.5") == (
        "Quotation of our unofficial translation of the preamble, 5th paragraph (NL): exported "
        "with its citation, which says so."
    )
    window.editor.set_metadata("language", NoteLanguage.BILINGUAL)
    assert line_of(window, "vd2.1.4") == (
        "Quotation, word for word, of point 1, 4th dash (FR): exported with its citation. "
        "NL: a quotation of our unofficial translation, exported with a citation that says so."
    )


def test_french_and_dutch_lines_contract_the_article(window, workspace, catalogs):
    workspace.services.language.apply("fr")
    assert line_of(window, "vd2.1.4") == (
        "Citation mot pour mot du point 1, 4e tiret (FR)\u00a0: exportée avec sa référence."
    )
    assert line_of(window, "vd2.0.3") == (
        "Citation mot pour mot du préambule, 3e alinéa (FR)\u00a0: exportée avec sa référence."
    )
    window.editor.set_metadata("language", NoteLanguage.NL)
    workspace.services.language.apply("nl")
    assert line_of(window, "vd2.0.5") == (
        "Citaat uit onze niet-officiële vertaling van de preambule, 5de alinea (NL): "
        "geëxporteerd met bronvermelding, die dat vermeldt."
    )
    workspace.services.language.apply("fr")  # the line follows the interface at once
    widget = window.composer.block_widgets[window.composer.current_block_id()]
    assert widget.quote_mark.label.text() == (
        "Citation de notre traduction non officielle du préambule, 5e alinéa (NL)\u00a0: "
        "exportée avec sa référence, qui le précise."
    )


def test_a_paraphrase_names_its_place_with_the_article(window, workspace, catalogs):
    workspace.services.language.apply("fr")
    window.editor.insert_clause("vd2.0.3")
    block_id = window.composer.current_block_id()
    window.editor.set_paraphrase(block_id, True)
    widget = window.composer.block_widgets[window.composer.current_block_id()]
    assert widget.quote_mark.label.text() == (
        "Paraphrase du préambule, 3e alinéa\u00a0: exportée comme texte de la note, sans référence."
    )
