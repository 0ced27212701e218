"""Tests for the cache folder: named from the environment, written whole or not at all."""

from __future__ import annotations

import os

from app.system import cachedir


def test_the_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAUSIER_CACHE_DIR", str(tmp_path / "named"))
    assert cachedir.cache_folder() == str(tmp_path / "named")
    monkeypatch.delenv("CLAUSIER_CACHE_DIR")
    monkeypatch.setenv("CLAUSIER_DATA_DIR", str(tmp_path / "data"))
    assert cachedir.cache_folder() == str(tmp_path / "data" / "cache")


def test_a_kept_text_is_whole_and_a_failed_one_leaves_nothing(monkeypatch, tmp_path):
    path = tmp_path / "deep" / "kept.txt"
    cachedir.keep(str(path), "first")
    assert path.read_text(encoding="utf-8") == "first"

    def full_disk(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    cachedir.keep(str(path), "second")  # quietly nothing: a cache only costs time
    assert path.read_text(encoding="utf-8") == "first"
    assert sorted(p.name for p in path.parent.iterdir()) == ["kept.txt"]
