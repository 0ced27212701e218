"""Tests for ui/qt.py: PySide6 is spared reading the source of modules that cannot use its features."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Imports the window's Qt, then counts the modules PySide6 reads to learn whether they use
#: its features, while a module of app/ and two of the standard library are imported.
SCRIPT = """
import sys
import ui.qt
feature = sys.modules["PySide6.support.feature"]
read = []
looked_at = feature._mod_uses_pyside
feature._mod_uses_pyside = lambda module: read.append(module.__name__) or looked_at(module)
import app.export.render, difflib, tomllib
import ui.panels.preview
table = feature.pyside_feature_dict
print(sorted(set(read)), table["app.export.render"], table["difflib"], table["app"], sep="|")
"""


def test_the_standard_library_and_the_core_are_not_read_for_pyside_features():
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=environment, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    read, render, difflib, core = done.stdout.strip().split("|")
    assert (render, difflib, core) == ("-1", "-1", "-1")  # what reading them would have said
    read = eval(read)  # noqa: S307 - our own list
    assert read and all(name.partition(".")[0] == "ui" for name in read)  # the window's own are
