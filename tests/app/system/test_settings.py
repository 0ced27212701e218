"""Tests for machine-wide and user settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.system import settings
from app.system.errors import ClausierError
from app.system.settings import Settings


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_defaults_apply_when_there_are_no_files():
    current = Settings.load()
    assert current.get("autosave_seconds") == 60
    assert current.get("note_language") == ""
    assert current.problems == []


def test_user_settings_override_machine_wide_ones_except_locked_keys():
    write(
        settings.site_file(),
        "[settings]\nautosave_seconds = 120\ntemplate = /srv/house.docx\n"
        "[locked]\nkeys = template\n",
    )
    write(settings.user_file(), "[settings]\nautosave_seconds = 30\ntemplate = /home/me/t.docx\n")
    current = Settings.load()
    assert current.get("autosave_seconds") == 30
    assert current.get("template") == "/srv/house.docx"
    assert current.is_locked("template")
    with pytest.raises(ClausierError, match="locked"):
        current.set("template", "/tmp/x.docx")


def test_a_user_setting_is_saved_and_read_back():
    current = Settings.load()
    current.set("author", "Marie Dupont")
    current.set("interface_language", "nl")
    current.save()
    again = Settings.load()
    assert again.get("author") == "Marie Dupont"
    assert again.get("interface_language") == "nl"


def test_bad_files_and_values_are_reported_and_ignored():
    write(settings.site_file(), "this is not an ini file")
    write(
        settings.user_file(),
        "[settings]\nautosave_seconds = soon\nnote_language = de\ncolour = red\n",
    )
    current = Settings.load()
    assert current.get("autosave_seconds") == 60
    assert current.get("note_language") == ""
    assert len(current.problems) == 4
    assert any("soon" in p for p in current.problems)


def test_a_user_cannot_lock_keys():
    write(settings.user_file(), "[settings]\nauthor = X\n[locked]\nkeys = author\n")
    assert not Settings.load().is_locked("author")


def test_note_folders_default_to_none_and_round_trip_as_a_list(tmp_path):
    current = Settings.load()
    assert current.get("note_folders") == ""
    assert settings.split_folders(current.get("note_folders")) == []
    folders = [tmp_path / "notes", tmp_path / "archive 2018"]
    current.set("note_folders", settings.join_folders(folders))
    current.save()
    assert settings.split_folders(Settings.load().get("note_folders")) == folders


def test_note_folders_may_be_set_machine_wide_one_per_line_or_with_semicolons():
    write(settings.site_file(), "[settings]\nnote_folders = /srv/notes;/srv/old\n  /srv/more\n")
    current = Settings.load()
    assert current.problems == []
    assert settings.split_folders(current.get("note_folders")) == [
        Path("/srv/notes"),
        Path("/srv/old"),
        Path("/srv/more"),
    ]


@pytest.mark.parametrize(("written", "wanted"), [("false", False), ("No", False), ("on", True)])
def test_spell_check_is_a_yes_or_no_that_it_may_lock(written, wanted):
    assert Settings.load().get("spell_check") is True
    write(
        settings.site_file(), f"[settings]\nspell_check = {written}\n[locked]\nkeys = spell_check\n"
    )
    write(settings.user_file(), "[settings]\nspell_check = true\n")
    current = Settings.load()
    assert current.get("spell_check") is wanted and current.is_locked("spell_check")


def test_spell_check_turned_off_by_the_user_is_saved_and_a_bad_value_reported():
    current = Settings.load()
    current.set("spell_check", False)
    current.save()
    assert Settings.load().get("spell_check") is False
    write(settings.user_file(), "[settings]\nspell_check = perhaps\n")
    again = Settings.load()
    assert again.get("spell_check") is True and len(again.problems) == 1
