"""The documented machine-wide clausier.ini example is one the app reads without a complaint."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.system import settings

EXAMPLE = Path(__file__).resolve().parents[2] / "packaging" / "clausier.ini.example"


def test_example_reads_cleanly_and_locks_what_it_says(isolated_folders):
    site = isolated_folders["site_config"]
    site.mkdir(parents=True)
    shutil.copy(EXAMPLE, site / settings.FILE_NAME)
    loaded = settings.Settings.load()
    assert loaded.problems == []
    assert loaded.is_locked("template") and loaded.is_locked("team_library")
    assert loaded.get("classification") == "restricted"


def test_example_documents_every_setting():
    text = EXAMPLE.read_text(encoding="utf-8")
    missing = [s.key for s in settings.SETTINGS if f"\n{s.key} =" not in text]
    assert missing == []
