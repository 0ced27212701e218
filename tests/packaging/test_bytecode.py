"""Installed copies start from bytecode: the bundle (and the .deb made of it) and the README's set-up."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "clausier.spec"


def _analysis_keywords() -> dict[str, ast.expr]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    call = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Analysis"
    )
    return {keyword.arg: keyword.value for keyword in call.keywords if keyword.arg}


def test_the_bundle_compiles_every_module_of_app_and_ui_into_its_archive():
    keywords = _analysis_keywords()
    # noarchive=False: PyInstaller byte-compiles the pure modules into the PYZ archive, which
    # the .deb (packaging/build_deb.sh copies the bundle) and the MSI ship as they are.
    assert isinstance(keywords["noarchive"], ast.Constant) and keywords["noarchive"].value is False
    hidden = ast.unparse(keywords["hiddenimports"])
    assert "collect_submodules('app')" in hidden and "collect_submodules('ui')" in hidden
    # ... and no source or stale bytecode of the tree is copied as data.
    assert '"__pycache__" not in entry[0]' in SPEC.read_text(encoding="utf-8")


def test_the_bundle_and_the_console_script_start_at_the_same_entry_point():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert scripts["clausier"] == "ui.launch:run"
    launcher = (ROOT / "packaging" / "launcher.py").read_text(encoding="utf-8")
    assert "from ui.launch import run" in launcher


def test_the_readme_set_up_byte_compiles_the_program():
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "-m compileall" in setup and " app ui" in setup
    assert "scripts/setup.sh" in (ROOT / "README.md").read_text(encoding="utf-8")
