"""The whole flow an adviser goes through, run as a script by test_no_network.py.

    python tests/packaging/offline_flow.py WORKDIR headless|window

headless: create a note with clauses, search the library, export it to Word,
all through the ``clausier`` command line in this one process.
window: start the real window offscreen on that note (``clausier NOTE``),
search the library, add a clause to the note, export it from the window's
export dialog, save and close.
Prints one line per step; any failure is an exception and a non-zero exit.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _cli(*args: str) -> str:
    from app.cli.command import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(list(args))
    if status != 0:
        raise SystemExit(f"clausier {' '.join(args)} exited with {status}")
    return out.getvalue()


def _check_docx(path: Path) -> None:
    with zipfile.ZipFile(path) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    if "w:body" not in body:
        raise SystemExit(f"{path} is not a Word document")


def headless(work: Path) -> None:
    """Compose, search and export through the command line."""
    note = work / "suivi.clausier"
    _cli(
        "note",
        "new",
        "--subject",
        "Suivi Val Duchesse II",
        "--date",
        "2018-06-11",
        "--lang",
        "fr+nl",
        "--clause",
        "vd2.1.4",
        "--clause",
        "vd2.3.2",
        "-o",
        str(note),
    )
    print("composed", note.name)
    hits = _cli("library", "search", "terrorisme")
    if "vd2." not in hits:
        raise SystemExit("the search found nothing")
    print("searched", len(hits.splitlines()), "hits")
    docx = work / "suivi.docx"
    _cli("export", str(note), "-o", str(docx))
    _check_docx(docx)
    print("exported", docx.name)


def window(work: Path) -> None:
    """Drive the real window offscreen: open, search, compose, export, close."""
    from tests.packaging.window_driver import drive

    note = work / "suivi.clausier"
    if not note.exists():
        headless(work)
    docx = drive(note)
    _check_docx(docx)
    print("window exported", docx.name)


if __name__ == "__main__":
    folder, part = Path(sys.argv[1]), sys.argv[2]
    {"headless": headless, "window": window}[part](folder)
