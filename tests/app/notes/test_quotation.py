"""Verbatim or paraphrase: a block taken from a source against the source's wording."""

from __future__ import annotations

import pytest

from app.library import clauses as library_mod
from app.library.clauses import Kind
from app.notes.note import CopiedClause, LinkedClause, Note, Section, TextBlock
from app.notes.quotation import (
    Standing,
    assess,
    assess_note,
    block_span,
    clause_at,
    excerpt_from_selection,
    is_from_source,
    mismatches,
    same_wording,
)

FR = (
    "Soulignant la nécessité d’agir contre le financement du terrorisme, de nous accorder sur "
    "le renforcement de notre coordination"
)


@pytest.fixture
def library():
    return library_mod.builtin()


def copy_of(library, clause_id: str, **texts: str) -> CopiedClause:
    clause = library.get(clause_id)
    return CopiedClause(clause_id, clause.revision, dict(clause.title), {**clause.text, **texts})


@pytest.mark.parametrize(
    ("typed", "lang"),
    [
        (FR.replace("’", "'"), "fr"),  # a straight apostrophe
        (FR.replace(" ", "  ").replace("terrorisme, ", "terrorisme,\n"), "fr"),  # white space
        ("Selon « la nécessité » : oui", "fr"),
        ('Selon "la nécessité": oui', "fr"),
        ("mettre en oeuvre", "fr"),  # the ligature written out
        ("A l’invitation de la France", "fr"),  # a capital without its accent
        ("25-26 avril 2018", "fr"),  # a day range typed with a hyphen
        ('Wijzend op de "noodzaak"', "nl"),
    ],
)
def test_typography_and_white_space_do_not_make_a_paraphrase(typed, lang):
    source = {
        'Selon "la nécessité": oui': "Selon « la nécessité » : oui",
        "mettre en oeuvre": "mettre en œuvre",
        "A l’invitation de la France": "À l’invitation de la France",
        "25-26 avril 2018": "25–26 avril 2018",
        'Wijzend op de "noodzaak"': "Wijzend op de “noodzaak”",
    }.get(typed, FR if "Soulignant" in typed else typed)
    assert same_wording(source, typed, lang)


@pytest.mark.parametrize(
    "typed",
    [
        FR.replace("renforcement", "renforcements"),
        FR.replace("nécessité", "necessite"),  # accents of small letters are spelling
        FR.replace("Soulignant", "soulignant"),  # and so is case
        FR.replace("terrorisme,", "terrorisme"),  # and punctuation
        FR + " et de notre coopération",
    ],
)
def test_a_change_of_words_or_punctuation_is_no_longer_the_wording(typed):
    assert not same_wording(FR, typed, "fr")


def test_a_linked_commitment_is_a_verbatim_quotation_in_both_languages(library):
    block = LinkedClause("vd2.1.4", 1)
    for lang in ("fr", "nl"):
        quoted = assess(block, library, lang)
        assert quoted.standing is Standing.VERBATIM
        assert quoted.reference.whole
        assert quoted.reference.wording == library.get("vd2.1.4").text_in(lang)
    assert assess(block, library, "fr").reference.official
    assert not assess(block, library, "nl").reference.official


def test_an_edited_copy_differs_and_its_diff_says_how(library):
    block = copy_of(
        library,
        "vd2.1.4",
        fr=library.get("vd2.1.4").text_in("fr").replace("biens culturels", "œuvres d’art"),
    )
    quoted = assess(block, library, "fr")
    assert quoted.standing is Standing.DIFFERS
    removed = "".join(p.text for p in quoted.diff() if p.op == "delete")
    added = "".join(p.text for p in quoted.diff() if p.op == "insert")
    assert "biens culturels" in removed and "œuvres d’art" in added
    assert assess(block, library, "nl").standing is Standing.VERBATIM


def test_a_block_presented_as_a_paraphrase_is_one_whatever_its_text(library):
    block = copy_of(library, "vd2.1.4", fr="Lutter contre le trafic de biens culturels.")
    block.paraphrase = True
    assert assess(block, library, "fr").standing is Standing.PARAPHRASE
    note = Note(sections=[Section(blocks=[block])])
    assert mismatches(note, library) == []


def test_text_blocks_and_clauses_without_a_source_are_not_assessed(library):
    assert assess(TextBlock({"fr": "Texte."}), library, "fr") is None
    standard = next((c for c in library if c.kind is Kind.STANDARD), None)
    assert standard is None  # the built-in library holds only the declaration
    assert not is_from_source(TextBlock({"fr": "x"}), library)
    assert is_from_source(LinkedClause("vd2.0.1", 1), library)
    unknown = LinkedClause("nowhere.1", 1)
    assert assess(unknown, library, "fr") is None


def test_a_language_without_a_text_is_not_assessed(library):
    block = copy_of(library, "vd2.1.4")
    block.text.pop("nl")
    assert assess(block, library, "nl") is None


def test_an_excerpt_of_a_paragraph_is_taken_in_its_language_only(library):
    clause = library.get("vd2.1.4")
    source = library.sources["vd2"]
    start = clause.anchor.span("fr")[0] + len("Soulignant ")
    end = start + len("la nécessité d’agir")
    excerpt = excerpt_from_selection(library, "vd2", "fr", start, end)
    assert excerpt.clause.id == "vd2.1.4"
    assert excerpt.spans == {"fr": (11, 30)}
    assert excerpt.texts == {"fr": "la nécessité d’agir"}
    assert not excerpt.whole
    assert source.text_in("fr")[start:end] == "la nécessité d’agir"


def test_a_selection_of_a_whole_clause_is_taken_in_both_languages(library):
    clause = library.get("vd2.3.4")  # two paragraphs
    start, end = clause.anchor.span("fr")
    excerpt = excerpt_from_selection(library, "vd2", "fr", start - 2, end + 1)  # "- " and "\n"
    assert excerpt.whole
    assert excerpt.texts == dict(clause.text)


def test_a_selection_of_one_whole_paragraph_takes_the_same_paragraph_in_dutch(library):
    clause = library.get("vd2.3.4")
    start, end = clause.anchor.span("fr")
    second = clause.text_in("fr").index("\n") + 1
    excerpt = excerpt_from_selection(library, "vd2", "fr", start + second, end)
    assert excerpt.texts["fr"] == clause.text_in("fr").split("\n")[1]
    assert excerpt.texts["nl"] == clause.text_in("nl").split("\n")[1]


def test_a_selection_across_two_clauses_or_a_heading_is_no_quotation(library):
    first, second = library.get("vd2.1.1"), library.get("vd2.1.2")
    assert (
        excerpt_from_selection(
            library, "vd2", "fr", first.anchor.span("fr")[1] - 5, second.anchor.span("fr")[0] + 5
        )
        is None
    )
    text = library.sources["vd2"].text_in("fr")
    heading = text.index("1- en matière")
    assert excerpt_from_selection(library, "vd2", "fr", heading, heading + 10) is None
    assert excerpt_from_selection(library, "vd2", "fr", 10, 10) is None
    assert clause_at(library, "vd2", "fr", heading, heading + 3) is None


def test_a_quoted_excerpt_is_verbatim_and_says_whether_it_cuts_a_sentence(library):
    excerpt = excerpt_from_selection(
        library, "vd2", "fr", *_words(library, "vd2.1.4", "la nécessité d’agir")
    )
    block = CopiedClause("vd2.1.4", 1, {}, dict(excerpt.texts), excerpt=dict(excerpt.spans))
    quoted = assess(block, library, "fr")
    assert quoted.standing is Standing.VERBATIM
    assert quoted.reference.cuts() == (True, True)
    assert assess(block, library, "nl") is None  # no Dutch text: nothing to say
    block.text["nl"] = "de noodzaak om op te treden"
    assert assess(block, library, "nl").standing is Standing.TRANSLATION
    whole_sentence = excerpt_from_selection(
        library, "vd2", "fr", *_words(library, "vd2.1.3", "De veiller à assurer")
    )
    assert whole_sentence is not None
    sentence = CopiedClause(
        "vd2.1.3", 1, {}, dict(whole_sentence.texts), excerpt=dict(whole_sentence.spans)
    )
    assert assess(sentence, library, "fr").reference.cuts() == (False, True)


def test_the_span_of_a_block_is_where_it_stands_in_its_source(library):
    source, span, lang = block_span(LinkedClause("vd2.2.2", 1), library, "nl")
    assert (source.id, lang) == ("vd2", "nl")
    assert span == library.get("vd2.2.2").anchor.span("nl")
    excerpt = CopiedClause("vd2.1.4", 1, {}, {"fr": "la nécessité"}, excerpt={"fr": (11, 23)})
    _source, span, lang = block_span(excerpt, library, "nl")  # no Dutch excerpt: the French
    assert lang == "fr"
    start = library.get("vd2.1.4").anchor.span("fr")[0]
    assert span == (start + 11, start + 23)
    assert block_span(TextBlock({"fr": "x"}), library, "fr") is None


def test_assess_note_goes_through_every_block_in_the_note_s_languages(library):
    note = Note(sections=[Section(blocks=[LinkedClause("vd2.0.1", 1), TextBlock({"fr": "x"})])])
    found = list(assess_note(note, library))
    assert [(q.clause_id, q.lang) for q in found] == [("vd2.0.1", "fr")]
    assert found[0].section_id == note.sections[0].id


def _words(library, clause_id: str, words: str) -> tuple[int, int]:
    clause = library.get(clause_id)
    start = clause.anchor.span("fr")[0] + clause.text_in("fr").index(words)
    return start, start + len(words)
