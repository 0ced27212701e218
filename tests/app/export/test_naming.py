"""Tests for the export file-name convention."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.export.naming import DANGLING, export_name, slug
from app.language.codes import NoteLanguage


def test_the_convention_is_date_subject_language():
    name = export_name({"fr": "Suivi Val Duchesse II"}, date(2018, 6, 11), NoteLanguage.FR)
    assert name == "2018-06-11_Suivi-Val-Duchesse-II_FR.docx"


def test_a_bilingual_note_names_both_languages_from_the_french_subject():
    name = export_name(
        {"fr": "Réunion franco-belge", "nl": "Frans-Belgische vergadering"},
        date(2018, 6, 11),
        NoteLanguage.BILINGUAL,
    )
    assert name == "2018-06-11_Reunion-franco-belge_FR-NL.docx"


def test_a_dutch_note_uses_the_dutch_subject():
    name = export_name({"fr": "Suivi", "nl": "Opvolging"}, date(2018, 6, 11), NoteLanguage.NL)
    assert name == "2018-06-11_Opvolging_NL.docx"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’œuvre d’art: «Paris» / Bruxelles?", "L-oeuvre-d-art-Paris-Bruxelles"),
        ('a<b>c:"d"/e\\f|g?h*i', "a-b-c-d-e-f-g-h-i"),
        ("   ", ""),
        ("Été 2018", "Ete-2018"),
    ],
)
def test_slugs_are_safe_on_every_file_system(text, expected):
    assert slug(text) == expected


def test_a_long_subject_is_cut_at_a_word():
    result = slug("Réunion " * 30)
    assert len(result) <= 60
    assert result.endswith("Reunion")


def test_a_note_with_no_subject_or_date_still_gets_a_name():
    assert export_name({}, None, NoteLanguage.NL) == "Note_NL.docx"


@pytest.mark.parametrize(
    ("subject", "language", "expected"),
    [
        (
            {"nl": "Voorbereiding van de ministeriële vergadering van de JBZ-Raad"},
            NoteLanguage.NL,
            "2018-06-11_Voorbereiding-van-de-ministeriele-vergadering_NL.docx",
        ),
        (
            {
                "nl": "Opvolging van de gemeenschappelijke verklaring Val Duchesse II ter "
                "voorbereiding van de vergadering van de ministers van Binnenlandse Zaken"
            },
            NoteLanguage.NL,
            "2018-06-11_Opvolging-van-de-gemeenschappelijke-verklaring-Val-Duchesse_NL.docx",
        ),
        (
            {
                "fr": "Suivi de la déclaration conjointe Val Duchesse II en préparation de la "
                "réunion des ministres de l’Intérieur"
            },
            NoteLanguage.FR,
            "2018-06-11_Suivi-de-la-declaration-conjointe-Val-Duchesse-II_FR.docx",
        ),
    ],
)
def test_a_long_subject_is_cut_where_a_phrase_can_end(subject, language, expected):
    assert export_name(subject, date(2018, 6, 11), language) == expected


X50 = "x" * 50


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (X50 + " voor de vergadering", X50),
        (X50 + " van het overleg", X50),
        ("x" * 45 + " pour les ministres", "x" * 45),
        (X50 + " et du Benelux", X50),
        (X50 + " aan een tafel", X50),
        (X50 + " d’abord", X50 + "-d-abord"),  # an elided article is a word of its own
        (X50 + " de l’Intérieur", X50),  # and never ends a name cut short
        ("x" * 40 + " réunion franco-belge à Lille", "x" * 40 + "-reunion"),
        (X50 + " Hauts-de-France", X50),  # never cut inside a compound
        ("x" * 55 + " De La Vega", "x" * 55),  # whatever the case
        ("x" * 80, "x" * 60),  # one word longer than a name may be
    ],
)
def test_a_cut_subject_never_ends_on_a_function_word_or_inside_a_compound(text, expected):
    assert slug(text) == expected


def test_a_subject_that_fits_is_kept_whole_whatever_its_last_word():
    assert slug("Réunion " * 6 + "de") == "Reunion-" * 6 + "de"
    assert slug("x" * 57 + " ab") == "x" * 57 + "-ab"  # exactly 60 characters


@given(
    st.lists(
        st.sampled_from(["Réunion", "van", "de", "la", "ministres", "Val-Duchesse", "II", "x" * 9]),
        min_size=1,
    )
)
def test_a_slug_is_at_most_60_characters_of_whole_words(words):
    result = slug(" ".join(words))
    full = "-".join(slug(word) for word in words)
    assert len(result) <= 60
    assert full.startswith(result) and full[len(result) : len(result) + 1] in ("", "-")
    if len(full) > 60 and "-" in result:
        assert result.rsplit("-", 1)[1].lower() not in DANGLING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Réunion bilatérale avec le ministre français de l’Intérieur",
            "Reunion-bilaterale-avec-le-ministre-francais-de-l-Interieur",
        ),
        ("Jusqu’à l'été", "Jusqu-a-l-ete"),
        ("Ce qu’il faut", "Ce-qu-il-faut"),
        ("aujourd’hui", "aujourdhui"),  # inside a word the apostrophe just goes
        ("De nota’s van ’s-Hertogenbosch", "De-notas-van-s-Hertogenbosch"),
    ],
)
def test_an_elided_article_is_a_word_of_its_own_in_a_name(text, expected):
    assert slug(text) == expected


def test_a_numbered_name_puts_the_number_after_the_subject():
    name = export_name({"fr": "Suivi"}, date(2018, 6, 11), NoteLanguage.BILINGUAL, number=2)
    assert name == "2018-06-11_Suivi-2_FR-NL.docx"
    assert export_name({}, None, NoteLanguage.NL, number=3) == "Note-3_NL.docx"
