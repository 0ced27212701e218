"""Qt's own French and Dutch catalogs: the window loads them, and every installer ships them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ui.qt import QLibraryInfo
from ui.translation import QT_CATALOGS, QT_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "clausier.spec"
NEEDED = {f"{catalog}_{lang}.qm" for catalog in QT_CATALOGS for lang in QT_LANGUAGES}


def _spec_keep():
    """The spec's ``_keep`` filter with the constants it reads (the spec needs PyInstaller to run)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = {"QT_PLUGINS_KEPT", "QT_TRANSLATIONS_KEPT", "QT_LIBS_DROPPED", "BABEL_LOCALES_KEPT"}
    nodes = [
        node
        for node in tree.body
        if (isinstance(node, ast.Assign) and {getattr(t, "id", "") for t in node.targets} & wanted)
        or (isinstance(node, ast.FunctionDef) and node.name == "_keep")
    ]
    namespace: dict = {"Path": Path}
    exec(compile(ast.Module(nodes, type_ignores=[]), str(SPEC), "exec"), namespace)  # noqa: S102
    return namespace["_keep"], namespace["QT_TRANSLATIONS_KEPT"]


def test_the_bundle_keeps_exactly_the_qt_catalogs_the_window_loads():
    keep, kept = _spec_keep()
    assert kept == NEEDED == {"qtbase_fr.qm", "qtbase_nl.qm"}
    folder = "PySide6/Qt/translations"
    assert keep(f"{folder}/qtbase_fr.qm") and keep(f"{folder}/qtbase_nl.qm")
    for other in ("qtbase_en.qm", "qtbase_de.qm", "qt_fr.qm", "qtdeclarative_fr.qm"):
        assert not keep(f"{folder}/{other}"), other
    assert keep("PySide6/translations/qtbase_nl.qm")  # the Windows layout


@pytest.mark.parametrize("name", sorted(NEEDED))
def test_pyside6_has_the_catalogs_the_bundle_takes(name):
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / name).stat().st_size > 10_000  # a real catalog, not an empty stub
