"""The Format commands on ranges of formatted text, as the editor's selections give them."""

from __future__ import annotations

from app.text.formatting import (
    InlineMark,
    can_shift_level,
    cut,
    has_mark,
    paragraph_range,
    set_mark,
    shift_level,
    splice,
    toggle_list,
    toggle_mark,
)
from app.text.richtext import ListKind, TextRun, from_plain, paragraph, rich, text

BOLD, ITALIC = InlineMark.BOLD, InlineMark.ITALIC


def test_bold_over_a_range_splits_runs_and_toggles_back():
    value = text("Le SIS est renforcé")
    bold = toggle_mark(value, 3, 6, BOLD)
    assert bold.paragraphs[0].runs == (
        TextRun("Le "),
        TextRun("SIS", True),
        TextRun(" est renforcé"),
    )
    assert has_mark(bold, 3, 6, BOLD) and not has_mark(bold, 2, 6, BOLD)
    assert toggle_mark(bold, 3, 6, BOLD) == value


def test_a_partly_bold_selection_becomes_all_bold_as_in_word():
    value = toggle_mark(text("abcdef"), 0, 2, BOLD)
    assert toggle_mark(value, 0, 4, BOLD).paragraphs[0].runs == (
        TextRun("abcd", True),
        TextRun("ef"),
    )


def test_marks_cross_paragraphs_and_combine():
    value = text("un\ndeux")
    both = set_mark(set_mark(value, 1, 6, BOLD, True), 0, 8, ITALIC, True)
    first, second = both.paragraphs
    assert first.runs == (TextRun("u", False, True), TextRun("n", True, True))
    assert second.runs == (TextRun("deu", True, True), TextRun("x", False, True))
    assert both.plain == value.plain


def test_a_list_toggles_on_the_paragraphs_a_selection_touches():
    value = text("Intro\nun\ndeux\nFin")
    assert list(paragraph_range(value, 7, 10)) == [1, 2]
    numbered = toggle_list(value, 7, 10, ListKind.NUMBERED)
    assert [p.kind for p in numbered.paragraphs] == [
        ListKind.PLAIN,
        ListKind.NUMBERED,
        ListKind.NUMBERED,
        ListKind.PLAIN,
    ]
    assert toggle_list(numbered, 7, 10, ListKind.NUMBERED) == value
    bullets = toggle_list(numbered, 7, 7, ListKind.BULLET)  # the cursor's paragraph only
    assert [p.kind for p in bullets.paragraphs][1:3] == [ListKind.BULLET, ListKind.NUMBERED]


def test_a_line_typed_with_a_dash_loses_it_when_made_a_list_item():
    value = text("- premier\n• second")
    made = toggle_list(value, 0, len(value), ListKind.BULLET)
    assert [(p.kind, p.text) for p in made.paragraphs] == [
        (ListKind.BULLET, "premier"),
        (ListKind.BULLET, "second"),
    ]


def test_levels_go_deeper_and_back_within_word_s_nine():
    value = rich([paragraph("a", ListKind.BULLET), paragraph("prose")])
    deeper = shift_level(value, 0, 0, 1)
    assert deeper.paragraphs[0].level == 1 and deeper.paragraphs[1].level == 0
    assert shift_level(deeper, 0, 0, -1) == value
    assert not can_shift_level(value, 0, 0, -1)
    assert not can_shift_level(value, 2, 7, 1)  # prose has no level
    deepest = rich([paragraph("a", ListKind.BULLET, 8)])
    assert not can_shift_level(deepest, 0, 0, 1)


def test_cut_keeps_formats_and_kinds():
    value = rich([paragraph([TextRun("gras", True), TextRun(" fin")], ListKind.NUMBERED)])
    assert cut(value, 2, 6) == rich(
        [paragraph([TextRun("as", True), TextRun(" f")], ListKind.NUMBERED)]
    )


def test_a_paste_of_one_paragraph_joins_the_one_it_lands_in():
    value = rich([paragraph("ab", ListKind.BULLET)])
    piece = rich([paragraph([TextRun("X", True)])])
    pasted = splice(value, 1, 1, piece)
    assert pasted == rich(
        [paragraph([TextRun("a"), TextRun("X", True), TextRun("b")], ListKind.BULLET)]
    )


def test_a_pasted_list_keeps_its_items_and_the_text_after_keeps_its_paragraph():
    value = text("Avant\nApres")
    piece = rich(
        [
            paragraph("intro"),
            paragraph("un", ListKind.NUMBERED),
            paragraph("deux", ListKind.NUMBERED),
        ]
    )
    pasted = splice(value, 5, 5, piece)  # at the end of "Avant"
    assert [(p.kind, p.text) for p in pasted.paragraphs] == [
        (ListKind.PLAIN, "Avantintro"),
        (ListKind.NUMBERED, "un"),
        (ListKind.NUMBERED, "deux"),
        (ListKind.PLAIN, "Apres"),
    ]
    into_empty = splice(text(""), 0, 0, rich([paragraph("un", ListKind.NUMBERED)]))
    assert into_empty.paragraphs[0].kind is ListKind.NUMBERED


def test_a_paste_replaces_the_selection():
    value = from_plain("- un\n- deux")
    pasted = splice(value, 1, 6, text("X"))
    assert [(p.kind, p.text) for p in pasted.paragraphs] == [
        (ListKind.BULLET, "uXx")
    ]  # "n" … "deu" replaced
