"""Tests for Belgian classification levels."""

import pytest

from app.language.classification import Classification, parse_classification


@pytest.mark.parametrize(
    ("level", "fr", "nl"),
    [
        (Classification.RESTRICTED, "Diffusion restreinte", "Beperkte verspreiding"),
        (Classification.CONFIDENTIAL, "Confidentiel", "Vertrouwelijk"),
        (Classification.SECRET, "Secret", "Geheim"),
        (Classification.TOP_SECRET, "Très secret", "Zeer geheim"),
        (Classification.NONE, "", ""),
    ],
)
def test_each_level_has_its_belgian_label(level, fr, nl):
    assert level.label("fr") == fr
    assert level.label("nl") == nl


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("restricted", Classification.RESTRICTED),
        ("Diffusion restreinte", Classification.RESTRICTED),
        ("beperkte verspreiding", Classification.RESTRICTED),
        ("tres secret", Classification.TOP_SECRET),
        ("Très secret", Classification.TOP_SECRET),
        ("top-secret", Classification.TOP_SECRET),
        ("Vertrouwelijk", Classification.CONFIDENTIAL),
        ("none", Classification.NONE),
    ],
)
def test_a_level_is_read_from_its_key_or_any_label(text, level):
    assert parse_classification(text) is level


def test_an_unknown_level_is_refused():
    with pytest.raises(ValueError):
        parse_classification("ultra secret")
