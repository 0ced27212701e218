"""Export a note as a Word file: the one entry point the window and the command line share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import naming, paths
from app.language import NoteLanguage
from app.library import Library
from app.note import Note
from app.plan import PlanWarning
from app.render import build_plan

HOUSE_TEMPLATE = "clausier-house.docx"


@dataclass
class ExportResult:
    """Where the file was written and what the user should know about it."""

    path: Path
    warnings: list[PlanWarning]


def default_template() -> Path:
    """The built-in house template."""
    return paths.templates_dir() / HOUSE_TEMPLATE


def resolve_template(explicit: Path | None = None) -> Path:
    """The template to use: the one asked for, else the one in the settings, else the built-in."""
    if explicit:
        return Path(explicit)
    from app.settings import Settings

    configured = Settings.load().get("template")
    return Path(configured) if configured else default_template()


def target_path(note: Note, output: Path, language: NoteLanguage) -> Path:
    """``output`` itself, or the conventional file name inside it when it is a folder."""
    output = Path(output)
    if output.is_dir():
        return output / naming.export_name(note.subject, note.date, language)
    return output


def export_note(
    note: Note,
    library: Library,
    output: Path,
    *,
    language: NoteLanguage | str | None = None,
    template: Path | None = None,
) -> ExportResult:
    """Write ``note`` as a .docx at ``output`` (a file, or a folder for the conventional name)."""
    from app.docx import export_plan  # python-docx is loaded only when exporting

    chosen = NoteLanguage(language) if language else note.language
    plan = build_plan(note, library, chosen)
    path = target_path(note, output, chosen)
    warnings = export_plan(plan, path, template=resolve_template(template))
    return ExportResult(path, warnings)
