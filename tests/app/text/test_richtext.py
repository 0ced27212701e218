"""Formatted text: one canonical value, read from and written to the plain strings of old notes."""

from __future__ import annotations

import pytest

from app.text.numbering import marked_text
from app.text.richtext import (
    ListKind,
    RichText,
    TextRun,
    coerce,
    from_plain,
    legacy_text,
    paragraph,
    rich,
    text,
)


def test_a_plain_string_reads_as_clausier_always_read_it():
    value = from_plain("Le ministre rappelle :\n- le SIS ;\n-  deux espaces\n• ancienne\n\nFin.")
    kinds = [(p.kind, p.text) for p in value.paragraphs]
    assert kinds == [
        (ListKind.PLAIN, "Le ministre rappelle :"),
        (ListKind.BULLET, "le SIS ;"),
        (ListKind.BULLET, " deux espaces"),
        (ListKind.PLAIN, "• ancienne"),  # the export still makes it a bullet (app.export.render)
        (ListKind.PLAIN, ""),
        (ListKind.PLAIN, "Fin."),
    ]
    assert value.plain == "Le ministre rappelle :\nle SIS ;\n deux espaces\n• ancienne\n\nFin."


@pytest.mark.parametrize(
    "plain",
    ["", "Une ligne.", "- a\n- b", "a\n\n\nb", "-  x\n  - y\n- ", "{minister} :\n- {{x}}"],
)
def test_a_string_that_holds_the_text_is_written_back_unchanged(plain):
    assert legacy_text(from_plain(plain)) == plain


def test_bold_italic_numbers_and_nested_bullets_need_more_than_a_string():
    assert legacy_text(rich([paragraph([TextRun("gras", bold=True)])])) is None
    assert legacy_text(rich([paragraph([TextRun("penché", italic=True)])])) is None
    assert legacy_text(rich([paragraph("un", ListKind.NUMBERED)])) is None
    assert legacy_text(rich([paragraph("sous", ListKind.BULLET, 1)])) is None
    assert legacy_text(rich([paragraph("puce", ListKind.BULLET)])) == "- puce"


def test_the_value_is_canonical_so_equal_looking_texts_are_equal():
    split = rich([paragraph([TextRun("Le "), TextRun(""), TextRun("SIS")])])
    whole = rich([paragraph("Le SIS")])
    assert split == whole and split.paragraphs[0].runs == (TextRun("Le SIS"),)
    assert rich([paragraph([TextRun("a\nb", bold=True)], ListKind.BULLET)]) == rich(
        [
            paragraph([TextRun("a", bold=True)], ListKind.BULLET),
            paragraph([TextRun("b", bold=True)], ListKind.BULLET),
        ]
    )
    assert paragraph("x", ListKind.PLAIN, 3).level == 0  # prose has no level
    assert paragraph("x", ListKind.BULLET, 12).level == 8  # Word's ninth level is the last


def test_offsets_count_the_plain_text_with_one_character_between_paragraphs():
    value = text("ab\ncde\n")
    assert value.plain == "ab\ncde\n" and len(value) == 7
    assert value.starts() == [0, 3, 7]


def test_coerce_keeps_rich_text_and_reads_strings():
    value = rich([paragraph([TextRun("x", bold=True)])])
    assert coerce(value) is value
    assert coerce("- a") == from_plain("- a")
    assert coerce(None) == RichText()


def test_marked_text_keeps_the_wording_and_the_lists_for_a_plain_library_clause():
    value = rich(
        [
            paragraph([TextRun("Le "), TextRun("SIS", bold=True), TextRun(" :")]),
            paragraph("un", ListKind.NUMBERED),
            paragraph("deux", ListKind.NUMBERED),
            paragraph("détail", ListKind.BULLET, 1),
            paragraph("puce", ListKind.BULLET),
        ]
    )
    assert marked_text(value) == "Le SIS :\n1. un\n2. deux\n  - détail\n- puce"
