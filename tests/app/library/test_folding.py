"""Tests for folding text for search: accents, case and the ligatures œ and æ."""

from __future__ import annotations

import pytest

from app.library.folding import MAX_SPELLINGS, fold, spellings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Coopération ÉLARGIE", "cooperation elargie"),
        ("Mise en Œuvre", "mise en oeuvre"),
        ("D’œuvrer au cœur", "d’oeuvrer au coeur"),
        ("CURRICULUM VITÆ", "curriculum vitae"),
        ("Noël naïf", "noel naif"),
    ],
)
def test_folding_drops_accents_case_and_ligatures(text, expected):
    assert fold(text) == expected


def test_both_spellings_fold_alike():
    assert fold("cœur") == fold("coeur") == fold("CŒUR")


def test_spellings_give_the_ligature_for_each_pair_and_an_open_end():
    assert spellings("oeuvre") == ["oeuvre", "œuvre"]
    assert spellings("vitae") == ["vitae", "vitæ"]
    assert spellings("co") == ["co", "cœ"]
    assert spellings("co", prefix=False) == ["co"]
    assert spellings("secu") == ["secu"]


def test_spellings_stay_few_however_many_pairs():
    found = spellings("oe" * 10)
    assert found[0] == "oe" * 10
    assert len(found) == MAX_SPELLINGS == len(set(found))
