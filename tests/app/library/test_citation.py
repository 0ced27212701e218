"""The citation line of a quotation, exactly as the house style writes it after typography."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.language import typography
from app.library import clauses as library
from app.library.anchors import Anchor
from app.library.citation import citation, ordinal, where
from app.library.clauses import Source

NBSP = "\u00a0"


@pytest.fixture
def vd2() -> Source:
    return library.builtin().sources["vd2"]


def test_the_french_citation_is_the_issue_s_form_after_typography(vd2):
    anchor = library.builtin().get("vd2.1.4").anchor
    text = typography.apply(citation(vd2, anchor, "fr", official=True), "fr")
    assert text == (
        f"«{NBSP}Déclaration conjointe franco-belge “Val Duchesse II”, Paris, 11 juin 2018, "
        f"point 1, 4e tiret{NBSP}»"
    )
    (raised,) = typography.superscripts(text, "fr")
    assert text[raised[0] : raised[1]] == "e" and text[raised[0] - 1] == "4"


def test_the_dutch_citation_is_the_issue_s_form_and_says_it_is_unofficial(vd2):
    anchor = library.builtin().get("vd2.1.4").anchor
    text = typography.apply(citation(vd2, anchor, "nl", official=False), "nl")
    assert text == (
        "“Gezamenlijke Frans-Belgische verklaring ‘Val Duchesse II’, Parijs, 11 juni 2018, "
        "punt 1, 4de streepje” (niet-officiële vertaling)"
    )
    assert typography.superscripts(text, "nl") == []


def test_typography_changes_nothing_else_in_a_citation(vd2):
    for clause in library.builtin():
        for lang in ("fr", "nl"):
            raw = citation(vd2, clause.anchor, lang, official=lang == "fr")
            done = typography.apply(raw, lang)
            assert done.replace(NBSP, " ") == raw
            assert typography.apply(done, lang) == done


def test_a_french_text_that_is_not_official_says_so(vd2):
    anchor = library.builtin().get("vd2.3.1").anchor
    text = citation(vd2, anchor, "fr", official=False)
    assert text.endswith("point 3, 1er tiret » (traduction non officielle)")


def test_a_preamble_paragraph_is_cited_by_its_number(vd2):
    anchor = library.builtin().get("vd2.0.1").anchor
    assert where(anchor, "fr") == "préambule, 1er alinéa"
    assert where(anchor, "nl") == "preambule, 1ste alinea"
    assert citation(vd2, anchor, "fr", official=True).endswith(", préambule, 1er alinéa »")


def test_a_source_without_a_citation_name_place_or_date_is_cited_by_its_title():
    source = Source("x", {"fr": "Accord « Senningen »", "nl": "Akkoord “Senningen”"}, None, {})
    anchor = Anchor(2, 1)
    assert (
        citation(source, anchor, "fr", official=True)
        == "« Accord “Senningen”, point 2, 1er tiret »"
    )
    assert (
        citation(source, anchor, "nl", official=True)
        == "“Akkoord ‘Senningen’, punt 2, 1ste streepje”"
    )
    dated = replace(source, date=date(2016, 2, 1), place={"fr": "Bruxelles"})
    assert citation(dated, anchor, "fr", official=True) == (
        "« Accord “Senningen”, Bruxelles, 1er février 2016, point 2, 1er tiret »"
    )


@pytest.mark.parametrize(
    ("number", "fr", "nl"),
    [
        (1, "1er", "1ste"),
        (2, "2e", "2de"),
        (4, "4e", "4de"),
        (8, "8e", "8ste"),
        (11, "11e", "11de"),
        (19, "19e", "19de"),
        (20, "20e", "20ste"),
        (21, "21e", "21ste"),
        (101, "101e", "101ste"),
        (102, "102e", "102de"),
    ],
)
def test_ordinals_are_written_as_each_language_writes_them(number, fr, nl):
    assert ordinal(number, "fr") == fr
    assert ordinal(number, "nl") == nl


@pytest.mark.parametrize(
    ("lang", "dash", "of_dash", "preamble", "of_preamble"),
    [
        (
            "fr",
            "point 1, 4e tiret",
            "du point 1, 4e tiret",
            "préambule, 3e alinéa",
            "du préambule, 3e alinéa",
        ),
        (
            "nl",
            "punt 1, 4de streepje",
            "van punt 1, 4de streepje",
            "preambule, 3de alinea",
            "van de preambule, 3de alinea",
        ),
        (
            "en",
            "point 1, 4th dash",
            "of point 1, 4th dash",
            "preamble, 3rd paragraph",
            "of the preamble, 3rd paragraph",
        ),
    ],
)
def test_a_clause_s_place_is_named_one_way_with_its_article_after_of(
    lang, dash, of_dash, preamble, of_preamble
):
    builtin = library.builtin()
    commitment, context = builtin.get("vd2.1.4").anchor, builtin.get("vd2.0.3").anchor
    assert (where(commitment, lang), where(commitment, lang, of=True)) == (dash, of_dash)
    assert (where(context, lang), where(context, lang, of=True)) == (preamble, of_preamble)
    whole = Anchor(part=0, number=0)  # a source's preamble as a whole: no paragraph
    assert where(whole, lang, of=True) == of_preamble.split(",")[0]


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (112, "112th"),
    ],
)
def test_english_ordinals_for_the_interface(number, text):
    assert ordinal(number, "en") == text
