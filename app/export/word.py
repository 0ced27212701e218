"""Export a note as a Word file: the one entry point the window and the command line share.

An export replaces an existing file only when the user said so: the command
line with ``--force``, the window's export dialog by naming the files it
replaces before the user clicks Export (:func:`replaces` is that rule for both).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.docx.plan import PlanWarning
from app.export import naming
from app.export.render import build_plan
from app.language.codes import NoteLanguage
from app.language.i18n import _
from app.library.clauses import Library
from app.notes.note import Note
from app.system import oserrors, paths
from app.system.errors import ExportError

HOUSE_TEMPLATE = "clausier-house.docx"


@dataclass
class ExportResult:
    """Where the file was written and what the user should know about it."""

    path: Path
    warnings: list[PlanWarning]


class ExistingFile(ExportError):
    """The file an export would write exists, and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(_("{path} already exists; it was not replaced.").format(path=path))
        self.path = path


def replaces(path: Path) -> bool:
    """Whether writing ``path`` replaces a file that is there (through a link, its target)."""
    return Path(path).exists()


def default_template() -> Path:
    """The built-in house template."""
    return paths.templates_dir() / HOUSE_TEMPLATE


def resolve_template(explicit: Path | None = None) -> Path:
    """The template to use: the one asked for, else the one in the settings, else the built-in."""
    if explicit:
        return Path(explicit)
    from app.system.settings import Settings

    configured = Settings.load().get("template")
    return Path(configured) if configured else default_template()


def target_path(note: Note, output: Path | str, language: NoteLanguage) -> Path:
    """Where to write: the conventional name inside a folder, or ``output`` as a .docx file.

    A path ending with a separator names a folder (created if needed); a file
    name without an extension gets ``.docx``; any other extension is refused,
    so an export never overwrites a note or another document by mistake.
    """
    raw = str(output)
    output = Path(output)
    if raw.endswith(("/", os.sep)) and not output.exists():
        try:
            output.mkdir(parents=True)
        except OSError as error:
            raise ExportError(
                _("Cannot create the folder {path}: {reason}").format(
                    path=output, reason=oserrors.reason(error)
                )
            ) from None
    if output.is_dir():
        return output / naming.export_name(note.subject, note.date, language)
    if raw.endswith(("/", os.sep)):
        raise ExportError(_("{path} is a file, not a folder.").format(path=output))
    if not output.suffix:
        return output.with_name(output.name + ".docx")
    if output.suffix.lower() != ".docx":
        raise ExportError(
            _("A Word file name must end in .docx, not “{suffix}”: {path}").format(
                suffix=output.suffix, path=output
            )
        )
    return output


def export_note(
    note: Note,
    library: Library,
    output: Path,
    *,
    language: NoteLanguage | str | None = None,
    template: Path | None = None,
    replace: bool = True,
) -> ExportResult:
    """Write ``note`` as a .docx at ``output`` (a file, or a folder for the conventional name).

    A file already there is replaced (the window's dialog has named it before
    the click); with ``replace`` False (the command line without ``--force``) it
    is left as it is and :class:`ExistingFile` raised before anything is laid out.
    """
    from app.docx import export_plan  # python-docx is loaded only when exporting

    chosen = NoteLanguage(language) if language else note.language
    path = target_path(note, output, chosen)
    if not replace and replaces(path):
        raise ExistingFile(path)
    plan = build_plan(note, library, chosen)
    warnings = export_plan(plan, path, template=resolve_template(template))
    return ExportResult(path, warnings)
