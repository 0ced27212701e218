"""Parsing foreign JSON: bounded nesting, sane numbers, no broken characters."""

from __future__ import annotations

import json

import pytest

from app.system import safejson
from app.system.safejson import JSONRefused, depth, loads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 0),
        ("[]", 1),
        ('{"a": [1, {"b": []}]}', 4),
        ('["[[[[", "]]]]"]', 1),  # brackets inside strings do not count
        ('{"a": "\\"[[[", "b": [[1]]}', 3),  # nor after an escaped quote
        ('["\\\\", [[]]]', 3),  # an escaped backslash does not escape the quote after it
        ('"' + "[" * 1000, 0),  # an unterminated string runs to the end
        ("", 0),
    ],
)
def test_depth_counts_nesting_outside_strings(text, expected):
    assert depth(text) == expected
    assert depth(text.encode()) == expected


def test_100000_deep_nesting_is_refused_before_parsing():
    with pytest.raises(JSONRefused, match="nests more than 64 levels"):
        loads("[" * 100_000 + "]" * 100_000)


def test_deep_nesting_hidden_behind_brackets_in_strings_is_still_found():
    hidden = '["' + "]" * 200 + '", ' + "[" * 200 + "]" * 200 + "]"
    with pytest.raises(JSONRefused, match="nests"):
        loads(hidden)


def test_clausiers_own_nesting_is_well_within_the_limit():
    note = {"note": {"sections": [{"blocks": [{"rows": [{"state": {"fr": "x"}}]}]}]}}
    assert loads(json.dumps(note)) == note


@pytest.mark.parametrize("number", ["1e400", "-1e400", "1E+999"])
def test_a_number_that_overflows_to_infinity_is_refused(number):
    with pytest.raises(JSONRefused, match="too large"):
        loads(f'{{"revision": {number}}}')


def test_a_5000_digit_integer_is_refused_with_a_reason_not_pythons_limit():
    with pytest.raises(JSONRefused, match="more than 100 digits"):
        loads('{"revision": ' + "9" * 5000 + "}")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_the_constants_json_does_not_have_are_refused(constant):
    with pytest.raises(JSONRefused, match="not a number"):
        loads(f"[{constant}]")


@pytest.mark.parametrize(
    "text",
    ['{"a": "\\ud800"}', '{"\\udfff": 1}', '["x\\ud83d"]', '{"a": "\ud800"}'],
    ids=["value", "key", "half-pair", "raw-in-text"],
)
def test_a_lone_surrogate_is_refused(text):
    with pytest.raises(JSONRefused, match="broken character"):
        loads(text)


def test_a_surrogate_encoded_in_utf8_bytes_is_refused():
    with pytest.raises(JSONRefused, match="not UTF-8"):
        loads(b'["\xed\xa0\x80"]')


def test_a_surrogate_pair_and_a_literal_backslash_u_are_kept():
    assert loads('["\\ud83d\\ude00", "\\\\ud800"]') == ["😀", "\\ud800"]


def test_bytes_are_utf8_and_a_byte_order_mark_is_accepted():
    assert loads('\ufeff{"a": "é"}'.encode()) == {"a": "é"}
    with pytest.raises(JSONRefused, match="not UTF-8"):
        loads(b'{"a": "\xe9"}')


def test_a_syntax_error_gives_its_line_and_column():
    with pytest.raises(JSONRefused) as refused:
        loads('{\n "a": }')
    assert (refused.value.line, refused.value.column) == (2, 7)
    assert "line 2, column 7" in refused.value.reason


def test_ordinary_numbers_are_parsed_as_before():
    assert loads("[1, -2, 3.5, 1e3, 12345678901234567890]") == [
        1,
        -2,
        3.5,
        1000.0,
        12345678901234567890,
    ]


def test_a_custom_depth_limit_is_obeyed():
    assert safejson.loads("[[1]]", max_depth=2) == [[1]]
    with pytest.raises(JSONRefused):
        safejson.loads("[[[1]]]", max_depth=2)
