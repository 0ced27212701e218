"""Tests for where Clausier looks for its folders."""

from __future__ import annotations

import os
import sys

import pytest

from app.system import paths


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are a Linux matter")
def test_the_machine_wide_folder_is_the_first_xdg_folder_holding_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAUSIER_SITE_CONFIG_DIR")
    first, second = tmp_path / "xdg-ubuntu", tmp_path / "xdg"
    (second / "Clausier").mkdir(parents=True)
    (second / "Clausier" / "clausier.ini").write_text("[settings]\n")
    monkeypatch.setenv("XDG_CONFIG_DIRS", os.pathsep.join([str(first), str(second)]))
    assert paths.site_config_dir() == second / "Clausier"


def test_an_environment_variable_overrides_the_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAUSIER_DATA_DIR", str(tmp_path / "d"))
    assert paths.data_dir() == tmp_path / "d"
    paths.override(data=tmp_path / "e")
    try:
        assert paths.data_dir() == tmp_path / "e"
    finally:
        paths.override(data=None)
