"""Spelling with the shipped French and Dutch dictionaries, the user's words and what is skipped."""

from __future__ import annotations

import pytest

from app.spelling.checker import LanguageChecker, PersonalWords, Speller, checked, words


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """A speller with both real dictionaries loaded once for the module."""
    speller = Speller(PersonalWords(tmp_path_factory.mktemp("words")))
    assert speller.load("fr") and speller.load("nl"), speller.problems
    return speller


def _marked(speller: Speller, text: str, lang: str) -> list[str]:
    return [w.text for w in speller.misspelt(text, lang)]


def test_a_misspelt_french_word_is_marked_where_it_is(loaded):
    text = "La coopération franco-belge contre le terorisme."
    found = loaded.misspelt(text, "fr")
    assert [(w.text, text[w.start : w.end]) for w in found] == [("terorisme", "terorisme")]


def test_each_language_judges_a_word_by_its_own_dictionary(loaded):
    assert _marked(loaded, "samenwerking", "fr") == ["samenwerking"]
    assert _marked(loaded, "samenwerking", "nl") == []
    assert _marked(loaded, "coopération", "nl") == ["coopération"]
    assert _marked(loaded, "coopération", "fr") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("L’invitation à œuvrer, d’abord à l'Intérieur", "fr"),
        ("Les équipes communes d’enquête (ECE) et le RGPD", "fr"),
        ("Les Hauts-de-France, le 11 juin 2018, {minister}", "fr"),
        ("nota’s van de JBZ-Raad, de Frans-Belgische samenwerking", "nl"),
        ("Schrijf naar info@example.be of www.example.be/verklaring", "nl"),
    ],
)
def test_apostrophes_hyphens_capitals_numbers_variables_and_addresses_pass(loaded, text, lang):
    assert _marked(loaded, text, lang) == []


@pytest.mark.parametrize(
    ("word", "wanted"),
    [("GOT", False), ("2018", False), ("a", False), ("x" * 65, False), ("Duchesse", True)],
)
def test_which_words_are_checked(word, wanted):
    assert checked(word) is wanted


def test_words_skip_variables_and_keep_offsets():
    text = "Le {minister} a dit"
    assert [(w.start, w.text) for w in words(text)] == [(0, "Le"), (14, "a"), (16, "dit")]


def test_suggestions_put_the_likely_word_first(loaded):
    assert loaded.suggest("terorisme", "fr")[0] == "terrorisme"
    assert "samenwerking" in loaded.suggest("samenwerkking", "nl")


def test_ignored_words_are_not_marked(loaded):
    assert _marked(loaded, "Val Duchesse", "nl") == ["Duchesse"]
    assert loaded.misspelt("Val Duchesse", "nl", ignored={"Duchesse"}) == []


def test_a_word_added_to_the_dictionary_is_kept_in_the_user_file_across_sessions(tmp_path):
    first = Speller(PersonalWords(tmp_path))
    first.load("nl")
    assert _marked(first, "Belloubet", "nl") == ["Belloubet"]
    path = first.add_word("Belloubet", "nl")
    assert _marked(first, "Belloubet", "nl") == []
    assert path == tmp_path / "words-nl.txt"
    assert path.read_text(encoding="utf-8") == "Belloubet\n"
    again = Speller(PersonalWords(tmp_path))  # a restart
    again.load("nl")
    assert _marked(again, "Belloubet", "nl") == []
    again.load("fr")
    assert _marked(again, "Belloubet", "fr") == ["Belloubet"]  # per language


def test_adding_keeps_the_words_another_clausier_added_meanwhile(tmp_path):
    one, two = PersonalWords(tmp_path), PersonalWords(tmp_path)
    one.add("fr", "Belloubet")
    two.add("fr", "Collomb")
    one.add("fr", "Geens")
    assert one.read("fr") == ["Belloubet", "Collomb", "Geens"]


def test_a_lowercase_personal_word_also_passes_capitalised():
    class Nothing:
        def spell(self, word):
            return False

        def suggest(self, word):
            return ()

        def add(self, word):
            pass

    checker = LanguageChecker("fr", Nothing(), ["clausier"])
    assert checker.known("Clausier") and checker.known("clausier")
    checker = LanguageChecker("fr", Nothing(), ["Geens"])
    assert checker.known("Geens") and not checker.known("geens")


def test_before_loading_nothing_is_marked_and_a_failed_load_is_said(tmp_path):
    from app.system.errors import ClausierError

    def broken(lang):
        raise ClausierError(f"no {lang}")

    speller = Speller(PersonalWords(tmp_path), loader=broken)
    assert speller.misspelt("terorisme", "fr") == []
    assert speller.load("fr") is None
    assert speller.problems == ["no fr"]
    assert speller.load("de") is None
