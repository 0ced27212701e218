"""Tests for variables in clause and free texts."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.language import i18n
from app.library.variables import (
    BUILTIN,
    Segment,
    SegmentKind,
    VariableType,
    names,
    render,
    value_in,
)

PLAIN, FILLED, UNFILLED = SegmentKind.PLAIN, SegmentKind.FILLED, SegmentKind.UNFILLED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("no variables", []),
        ("{minister} meets {counterpart}", ["minister", "counterpart"]),
        ("{b} {a} {b} {a}", ["b", "a"]),
        ("{meeting_date} {x2}", ["meeting_date", "x2"]),
        ("{{minister}}", []),
        ("{{{minister}}}", ["minister"]),
        ("{Minister} {2x} {_x} {meeting-date} { minister } {} {é}", []),
        ("{minister", []),
        ("minister}", []),
    ],
)
def test_names_are_listed_once_in_order_of_appearance(text, expected):
    assert names(text) == expected


def test_filled_variables_are_marked_with_their_name():
    segments = render(
        "Le {minister} se rend à {place}.", {"minister": "Jambon", "place": "Lille"}, "fr"
    )
    assert segments == [
        Segment("Le "),
        Segment("Jambon", FILLED, "minister"),
        Segment(" se rend à "),
        Segment("Lille", FILLED, "place"),
        Segment("."),
    ]


def test_a_value_can_differ_per_language():
    values = {"minister": {"fr": "le ministre", "nl": "de minister"}}
    assert render("{minister}", values, "fr") == [Segment("le ministre", FILLED, "minister")]
    assert render("{minister}", values, "nl") == [Segment("de minister", FILLED, "minister")]


@pytest.mark.parametrize(
    "values",
    [{}, {"minister": ""}, {"minister": "  "}, {"minister": {"nl": "de minister"}}, {"other": "x"}],
)
def test_unfilled_variables_stay_visible(values):
    assert render("Le {minister} dit", values, "fr") == [
        Segment("Le "),
        Segment("{minister}", UNFILLED, "minister"),
        Segment(" dit"),
    ]


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("2018-06-11", "fr", "11 juin 2018"),
        ("2018-06-11", "nl", "11 juni 2018"),
        ("2016-02-01", "fr", "1er février 2016"),
        ({"fr": "2016-02-01", "nl": "2016-02-01"}, "nl", "1 februari 2016"),
    ],
)
def test_iso_dates_are_written_out_in_the_language(value, lang, expected):
    assert render("{deadline}", {"deadline": value}, lang) == [
        Segment(expected, FILLED, "deadline")
    ]


def test_date_variables_also_read_belgian_dates():
    assert value_in("11/06/2018", "fr", "meeting_date") == "11 juin 2018"
    assert value_in("11/06/2018", "fr", "reference") == "11/06/2018"


def test_values_that_only_look_like_dates_stay_as_written():
    assert value_in("2018-02-30", "fr") == "2018-02-30"
    assert value_in("in 2018", "fr", "date") == "in 2018"


def test_values_are_trimmed():
    assert value_in("  Jambon ", "fr") == "Jambon"


def test_a_value_is_not_read_for_variables():
    segments = render("{a}", {"a": "{b}", "b": "no"}, "fr")
    assert segments == [Segment("{b}", FILLED, "a")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{minister}}", "{minister}"),
        ("a {{ b }} c", "a { b } c"),
        ("{Foo} { x } {} {", "{Foo} { x } {} {"),
        ("}", "}"),
        ("{{{{", "{{"),
    ],
)
def test_literal_braces_and_non_variables_are_plain_text(text, expected):
    assert render(text, {"minister": "X", "x": "Y"}, "fr") == [Segment(expected)]


def test_escaped_braces_around_a_variable():
    assert render("{{{minister}}}", {"minister": "X"}, "fr") == [
        Segment("{"),
        Segment("X", FILLED, "minister"),
        Segment("}"),
    ]


def test_empty_text_renders_nothing():
    assert render("", {}, "fr") == []


def test_text_without_variables_is_one_plain_segment():
    assert render("Bonjour", {}, "fr") == [Segment("Bonjour", PLAIN)]


def test_segment_kinds_have_stable_names():
    assert [k.name for k in SegmentKind] == ["PLAIN", "FILLED", "UNFILLED"]


_TEXTS = st.lists(
    st.sampled_from(["{", "}", "{{", "}}", "a", "{a}", "{b_1}", "{A}", " ", "{x y}", "é"]),
    max_size=20,
).map("".join)


@given(_TEXTS.filter(lambda t: "{{" not in t and "}}" not in t))
def test_nothing_is_lost_when_no_variable_is_filled(text):
    assert "".join(s.text for s in render(text, {}, "fr")) == text


@given(_TEXTS)
def test_every_name_is_rendered_and_nothing_else_is_a_variable(text):
    segments = render(text, {"a": "1"}, "fr")
    rendered = [s.name for s in segments if s.kind is not PLAIN]
    assert list(dict.fromkeys(rendered)) == names(text)
    assert all(s.text for s in segments)
    assert all(
        a.kind is not PLAIN or b.kind is not PLAIN
        for a, b in zip(segments, segments[1:], strict=False)
    )


def test_builtin_variables_have_a_type_and_a_translatable_description(monkeypatch):
    assert {"minister", "meeting_date", "date", "place", "counterpart"} <= set(BUILTIN)
    assert BUILTIN["meeting_date"].type is VariableType.DATE
    assert BUILTIN["minister"].type is VariableType.PERSON
    assert BUILTIN["place"].type is VariableType.TEXT
    assert all(name == v.name and v.label for name, v in BUILTIN.items())

    class Shout:
        def gettext(self, message: str) -> str:
            return message.upper()

    monkeypatch.setattr(i18n, "_current", Shout())
    assert BUILTIN["minister"].label == BUILTIN["minister"].description.upper()
