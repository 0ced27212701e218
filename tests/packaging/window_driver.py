"""Drive the real window the way ``clausier NOTE`` starts it: search, compose, export, close.

Used by offline_flow.py inside the network-less subprocess. The window starts
through ``ui.launch.main()`` with ``clausier NOTE`` (the console entry point), with the Qt event
loop replaced by this script, which works the window through its own widgets
and slots and then closes it.
"""

from __future__ import annotations

import time
from pathlib import Path

from ui.qt import QApplication, QModelIndex


def _pump(seconds: float = 0.05) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def _first_clause_id(window) -> str:
    """The id of the first clause the library panel shows (results are leaves under groups)."""
    model = window.library.model
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop(0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.rowCount(index):
                stack.append(index)
                continue
            window.library.tree.setCurrentIndex(index)
            clause_id = window.library.selected_clause_id()
            if clause_id:
                return clause_id
    raise SystemExit("the library search shows no clause")


def _blocks(window) -> int:
    return sum(len(section.blocks) for section in window.document.note.sections)


def _work(app: QApplication, note: Path) -> list[Path]:
    from ui.mainwindow import MainWindow

    def showing() -> list[MainWindow]:
        return [
            w
            for w in app.topLevelWidgets()
            if isinstance(w, MainWindow)
            and w.isVisible()
            and w.document is not None
            and w.document.path == note
            and w.services.collection is not None
        ]

    deadline = time.monotonic() + 30  # a loaded machine starts slowly; this is no speed test
    windows = showing()
    while not windows and time.monotonic() < deadline:
        _pump(0.05)
        windows = showing()
    if not windows:
        raise SystemExit(f"no window shows {note.name}")
    window = windows[0]
    print("opened", note.name)

    # Search: type in the library's search field.
    window.library.focus_search()
    window.library.search.setText("radicalisation")
    _pump(0.2)
    clause_id = _first_clause_id(window)
    print("searched, first hit", clause_id)

    # Compose: send it to the note as the panel does on Enter.
    before = _blocks(window)
    window.library.insertClauseRequest.emit(clause_id)
    _pump(0.2)
    after = _blocks(window)
    if after <= before:
        raise SystemExit("the clause did not reach the note")
    print("composed, blocks now", after)

    # Export: the window's export dialog, into the note's folder.
    window.export()
    _pump(0.2)
    dialog = window.export_dialog
    results: list = []
    dialog.exported.connect(results.extend)
    dialog.start()
    dialog.wait()
    deadline = time.monotonic() + 20
    while not results and time.monotonic() < deadline:
        _pump(0.05)
    if not results:
        raise SystemExit("the export dialog exported nothing")
    paths = [Path(result.path) for result in results]
    print("exported from the window", ", ".join(p.name for p in paths))

    # Close without a question: the note is saved first.
    window.save()
    for widget in app.topLevelWidgets():
        widget.close()
    _pump(0.2)
    return paths


def drive(note: Path) -> Path:
    """Start ``clausier NOTE``, run the flow in the window, return the exported file."""
    import sys

    from ui.launch import main

    exported: list[Path] = []

    def exec_instead(self_or_none=None) -> int:
        app = QApplication.instance()
        exported.extend(_work(app, note.resolve()))
        return 0

    QApplication.exec = exec_instead  # type: ignore[method-assign]
    sys.argv = ["clausier", str(note)]
    status = main()
    if status != 0 or not exported:
        raise SystemExit(f"clausier {note.name} exited with {status}")
    return exported[0]
