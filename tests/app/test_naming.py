"""Tests for the export file-name convention."""

from datetime import date

import pytest

from app.language import NoteLanguage
from app.naming import export_name, slug


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
        ("L’œuvre d’art: «Paris» / Bruxelles?", "Loeuvre-dart-Paris-Bruxelles"),
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
