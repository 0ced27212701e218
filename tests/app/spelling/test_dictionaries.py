"""The shipped dictionaries: present, loadable, and named with their licences."""

from __future__ import annotations

import pytest

from app.spelling import dictionaries
from app.system.errors import ClausierError


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_each_language_ships_its_dictionary_and_licence_texts(lang):
    aff, dic = dictionaries.files(lang)
    assert aff.is_file() and dic.is_file()
    assert dic.stat().st_size > 1_000_000
    for name in dictionaries.DICTIONARIES[lang].licence_files:
        assert (dictionaries.folder() / name).is_file()


def test_the_about_box_names_each_dictionary_and_its_licence():
    lines = dictionaries.credits()
    assert any("fr-BE" in line and "MPL-2.0" in line for line in lines)
    assert any("nl-BE" in line and "BSD-3-Clause" in line for line in lines)


def test_a_missing_dictionary_is_one_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(dictionaries, "folder", lambda: tmp_path)
    monkeypatch.setattr(dictionaries, "_loaded", {})  # what tests run before loaded stays aside
    with pytest.raises(ClausierError, match="reinstall"):
        dictionaries.load("fr")
    with pytest.raises(ClausierError):
        dictionaries.load("de")


def test_a_loaded_dictionary_knows_its_language():
    french = dictionaries.load("fr")
    assert french.spell("coopération") and not french.spell("coopérasion")
