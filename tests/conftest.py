"""Shared fixtures: every test runs with its own data, config and log folders."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.language import i18n  # noqa: E402
from app.system import paths  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path, monkeypatch):
    """Point the user's folders at a temporary directory and speak English."""
    folders = {
        "data": tmp_path / "data",
        "config": tmp_path / "config",
        "site_config": tmp_path / "site",
        "log": tmp_path / "log",
    }
    for key, folder in folders.items():
        monkeypatch.setenv(paths._ENV[key], str(folder))
    i18n.set_language("en")
    yield folders
    i18n.set_language("en")
