"""Tests for cleaning characters Word cannot hold."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from app.language.wordchars import clean


@pytest.mark.parametrize(
    ("text", "expected", "count"),
    [
        ("a\x00b", "ab", 1),
        ("a\x01\x02\x03b", "ab", 3),
        ("a\x1bb\x1f", "ab", 2),
        ("a\x7fb", "ab", 1),
        ("a\ufffeb\uffff", "ab", 2),
        ("a\ud800b", "ab", 1),
        ("a\udfffb", "ab", 1),
        ("\udc00\ud800", "", 2),
    ],
)
def test_characters_xml_cannot_hold_are_removed_and_counted(text, expected, count):
    assert clean(text) == (expected, count)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\n\r\nb", "a\n\nb"),
        ("a\u2028b", "a\nb"),
        ("a\u2029b", "a\nb"),
        ("a\x0bb", "a\nb"),
        ("a\x0cb", "a\nb"),
    ],
)
def test_every_kind_of_line_break_becomes_a_newline_without_a_warning(text, expected):
    assert clean(text) == (expected, 0)


def test_tabs_and_newlines_stay():
    assert clean("a\tb\nc") == ("a\tb\nc", 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l\x92invitation", "l’invitation"),
        ("\x93oui\x94", "“oui”"),
        ("2018\x962019", "2018–2019"),
        ("\x80 100", "€ 100"),
        ("etc\x85", "etc…"),
        ("a\x81b\x9db", "abb"),
    ],
)
def test_c1_controls_are_read_as_the_windows_characters_they_stand_for(text, expected):
    result, count = clean(text)
    assert result == expected
    assert count == sum(1 for ch in text if "\x80" <= ch <= "\x9f")


def test_a_surrogate_pair_becomes_the_character_it_encodes():
    assert clean("a\ud83d\ude00b") == ("a😀b", 0)


@pytest.mark.parametrize(
    "text", ["", "Bruxelles, le 11 juin 2018", "«\u00a0oui\u202f!\u00a0»", "😀 œ ’ – \t\n"]
)
def test_clean_text_is_returned_as_it_is(text):
    result, count = clean(text)
    assert result is text
    assert count == 0


def _xml_compatible(text: str) -> bool:
    element = etree.Element("t")
    try:
        element.text = text
    except ValueError:
        return False
    return etree.fromstring(etree.tostring(element)).text in (text, None)


@given(st.text())
@example("\x00\r\n\ud800\ufffe\u2028\x92")
@example("\ud83d\ude00")
def test_the_result_is_always_xml_compatible(text):
    result, count = clean(text)
    assert _xml_compatible(result)
    assert "\r" not in result
    assert 0 <= count <= len(text)
    assert clean(result) == (result, 0)


_CLEAN = st.text(
    st.characters(
        exclude_categories=("Cs",),
        exclude_characters="\r\x0b\x0c\u2028\u2029\ufffe\uffff",
    ).filter(lambda ch: ch in "\t\n" or not ("\x00" <= ch <= "\x1f" or "\x7f" <= ch <= "\x9f"))
)


@given(_CLEAN)
def test_text_word_can_hold_is_never_changed(text):
    assert clean(text) == (text, 0)
    assert _xml_compatible(text)
