"""Formatted text in note files: readable paragraphs, plain strings whenever they are enough."""

from __future__ import annotations

import pytest

from app.notes.filetext import TextDamaged, from_json, needs_paragraphs, texts_from_json, to_json
from app.text.richtext import ListKind, TextRun, from_plain, paragraph, rich


def formatted():
    return rich(
        [
            paragraph(
                [
                    TextRun("Le ministre rappelle les points "),
                    TextRun("essentiels", True),
                    TextRun(" :"),
                ]
            ),
            paragraph([TextRun("le "), TextRun("SIS", True, True)], ListKind.BULLET),
            paragraph("premier", ListKind.NUMBERED),
            paragraph([TextRun("sous-point", italic=True)], ListKind.NUMBERED, 1),
            paragraph("Fin."),
        ]
    )


def test_formatted_text_is_written_as_readable_paragraphs_and_read_back():
    written = to_json(formatted())
    assert written == [
        ["Le ministre rappelle les points ", {"text": "essentiels", "bold": True}, " :"],
        {"list": "bullet", "text": ["le ", {"text": "SIS", "bold": True, "italic": True}]},
        {"list": "numbered", "text": "premier"},
        {"list": "numbered", "level": 2, "text": [{"text": "sous-point", "italic": True}]},
        "Fin.",
    ]
    assert from_json(written) == formatted()
    assert needs_paragraphs(formatted())


def test_text_a_string_holds_is_written_as_the_string_it_always_was():
    value = from_plain("Intro\n- un\n- deux")
    assert to_json(value) == "Intro\n- un\n- deux" and not needs_paragraphs(value)


def test_a_string_in_paragraphs_is_prose_taken_literally():
    value = from_json(["- pas une puce", {"text": "une phrase"}])
    assert [(p.kind, p.text) for p in value.paragraphs] == [
        (ListKind.PLAIN, "- pas une puce"),
        (ListKind.PLAIN, "une phrase"),
    ]


def test_levels_past_word_s_nine_are_the_ninth_and_unknown_keys_are_ignored():
    value = from_json([{"list": "bullet", "level": 40, "text": "x", "colour": "red"}])
    assert value.paragraphs[0].level == 8


@pytest.mark.parametrize(
    "value",
    [
        [{"list": "checkbox", "text": "x"}],
        [{"list": "bullet", "level": 0, "text": "x"}],
        [{"list": "bullet", "level": "2", "text": "x"}],
        [{"list": "bullet", "level": True, "text": "x"}],
        [["a", {"text": "b", "bold": "yes"}]],
        [["a", {"text": 3}]],
        [42],
        [{"list": "bullet", "text": {"fr": "x"}}],
        {"fr": "x"},
    ],
)
def test_a_paragraph_not_laid_out_as_the_format_says_is_damage_with_the_reason(value):
    with pytest.raises(TextDamaged, match="holds a paragraph Clausier cannot read"):
        texts_from_json({"fr": value})


def test_a_text_per_language_may_mix_strings_and_paragraphs():
    texts = texts_from_json(
        {"fr": ["a", {"list": "numbered", "text": "b"}], "nl": "- c", "en": "x"}
    )
    assert set(texts) == {"fr", "nl"}
    assert texts["nl"] == from_plain("- c")
