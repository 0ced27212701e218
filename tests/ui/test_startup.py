"""Starting the application: the window paints with the built-in library, then opens the rest."""

from __future__ import annotations

import pytest

from app.collection import actions, libraries
from app.library.personal import ClauseDraft
from ui.panels.library import CLAUSE_ROLE
from ui.panels.memorysearch import MemorySearch, folded
from ui.qt import QApplication, QEvent, QObject


def test_the_first_window_shows_the_builtin_library_then_the_personal_one(qapp, qtbot):
    from app.collection.actions import Collection

    prepared = Collection.open()
    (mine,) = prepared.add_clause(
        ClauseDraft(text={"fr": "Notre ligne sur le PNR ferroviaire."})
    ).clause_ids
    prepared.close()

    from ui.main import build_services, start

    services = build_services()
    assert services.collection is None
    workspace = start(services, [])
    window = workspace.windows[0]
    seen = []

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not seen:
                seen.append(services.collection is None)
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)
    qtbot.waitUntil(lambda: services.collection is not None and window.ready)
    window.removeEventFilter(spy)
    assert seen == [True]  # the window painted before the database opened
    qtbot.waitUntil(lambda: window.library.count.text() == "30 clauses")
    window.library.search.setText("ferroviaire")
    found = [
        window.library.model.index(r, 0).data(CLAUSE_ROLE)
        for r in range(window.library.model.rowCount())
    ]
    assert mine in found
    window.close()
    workspace.stop()
    services.collection.close()
    QApplication.processEvents()


@pytest.mark.parametrize(
    "query",
    ["", "explos", "coopération policière", "MINEURS rev", "zzz", "oeuvre", "ŒUVR", "d’oeuvrer"],
)
def test_the_search_in_memory_finds_what_the_index_finds(query):
    loaded = actions.load_all()
    index = libraries.open_index(loaded.library)
    try:
        expected = {h.clause_id for h in index.search(query)}
        if not query:
            ordered = [h.clause_id for h in index.search(query)]
            assert [h.clause_id for h in MemorySearch(loaded.library).search(query)] == ordered
        assert {h.clause_id for h in MemorySearch(loaded.library).search(query)} == expected
    finally:
        index.close()


@pytest.mark.parametrize("query", ["vd2.0.1", "VD2.1.4", "vd2.1", "vd2.1.", "vd2", "vd"])
def test_the_search_in_memory_finds_ids_in_the_order_the_index_does(query):
    loaded = actions.load_all()
    index = libraries.open_index(loaded.library)
    try:
        expected = [h.clause_id for h in index.search(query)]
        assert [h.clause_id for h in MemorySearch(loaded.library).search(query)] == expected
    finally:
        index.close()


def test_folding_ignores_accents_and_case():
    assert folded("Coopération ÉLARGIE") == "cooperation elargie"


#: Run in a fresh process: start the window as ``clausier`` does and note, at its first
#: paint, which modules are loaded and whether the library panel is made, then whether the
#: clause card is written once complete.
_FIRST_PAINT = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
import ui.main

seen = {}

class Spy(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            if isinstance(watched.window(), QMainWindow) and "modules" not in seen:
                seen["modules"] = sorted(sys.modules)
                seen["panel"] = hasattr(watched.window().library, "preview")
        return False

spy = Spy()
create, begin = ui.main.application, ui.main.start

def application():
    app = create()
    app.installEventFilter(spy)
    return app

def start(services, argv):
    workspace = begin(services, argv)
    window = workspace.windows[0]
    def complete():
        seen["complete_card"] = window.library.preview.toPlainText()
        print(json.dumps(seen))
        QTimer.singleShot(0, QApplication.instance().quit)
    window.completed.connect(complete)
    return workspace

ui.main.application, ui.main.start = application, start
from ui.launch import main
sys.argv = ["clausier"]
sys.exit(main())
"""


def test_the_window_paints_its_frame_before_the_library_panel_dates_and_citations(tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    for name in ("DATA", "CONFIG", "SITE_CONFIG", "LOG", "CACHE"):
        env[f"CLAUSIER_{name}_DIR"] = str(tmp_path / name.lower())
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = set(seen["modules"])
    # The frame paints first: the library panel, Babel, the citations, the paste reader,
    # the formatted text editor (the format toolbar names its commands without it), the
    # word differences and the clause library load after the window shows.
    late = {"ui.panels.library", "babel", "babel.dates", "app.language.dates"}
    late |= {"ui.widgets.formattededit", "ui.widgets.diffview", "difflib"}
    late |= {"app.library.clauses", "sqlite3", "hashlib"}  # the library opens after it too
    assert not loaded & (late | {"app.library.citation", "app.text.pastehtml"})
    assert seen["panel"] is False
    assert seen["complete_card"].startswith("vd2.0.1")  # then the selected clause is shown
