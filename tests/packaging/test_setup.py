"""The README's set-up: it builds Clausier without warnings and does nothing twice."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STAMP = ROOT / ".venv" / ".clausier-setup"


def test_the_project_metadata_uses_an_spdx_license_string():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert isinstance(project["license"], str)  # a TOML table is deprecated by setuptools


def test_building_clausier_prints_no_warning(tmp_path):
    # The same build the set-up's editable install runs, in pip's isolated build environment.
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    lines = [
        line
        for line in done.stderr.splitlines()
        if "is ignored: it is neither a file nor a directory" not in line  # machine's pip.conf
    ]
    assert not [line for line in lines if "warning" in line.lower()], "\n".join(lines)
    assert list(tmp_path.glob("clausier-*.whl"))


@pytest.mark.skipif(not STAMP.is_file(), reason="this .venv was not made by scripts/setup.sh")
def test_a_second_setup_with_nothing_changed_installs_nothing():
    # The suite runs right after ``scripts/setup.sh --test``, so this run finds it done.
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "setup.sh"), "--test"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    steps = done.stdout.splitlines()
    assert "==> Python packages up to date (pyproject.toml unchanged)" in steps
    assert all(line.startswith("==> ") for line in steps), steps  # one line per step
    assert not any("Downloading" in line for line in steps)
    assert done.stderr == ""
