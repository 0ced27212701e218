"""Exporting through the core (loaded on first use), then opening a file or showing its folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ui.qt import QDesktopServices, QUrl

if TYPE_CHECKING:
    from app.export.word import ExportResult
    from app.library.clauses import Library
    from app.notes.note import Note

Exporter = Callable[..., "ExportResult"]


def export_note(note: Note, library: Library, output: Path, **options) -> ExportResult:
    """The core's export, imported on first use (python-docx and Babel load with it)."""
    from app.export.word import export_note as core_export

    return core_export(note, library, output, **options)


def open_folder(folder: Path) -> None:
    """Show ``folder`` in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def open_file(path: Path) -> None:
    """Open ``path`` in the application the system gives its type (Word for a .docx)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
