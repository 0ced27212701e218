"""Word files both ways: a rendering plan written as a .docx in the house template (or IT's),
an edited file read back, packages opened safely. May use app/text/, app/language/, app/system/.

The export writes the package itself (:mod:`app.docx.opc`, lxml and zipfile) and
never imports python-docx, which only builds the house template
(:mod:`app.docx.housestyle`) and reads a declaration (:mod:`app.library.sourcefile`).
Callers import this subpackage lazily (``from app.docx import export_plan`` inside
the function that exports), so that importing :mod:`app` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.docx.plan import DocumentPlan, PlanWarning
from app.system.errors import ExportError

if TYPE_CHECKING:
    from app.docx.opc import WordPackage

__all__ = ["export_plan"]


def export_plan(
    plan: DocumentPlan, out_path: Path, *, template: Path | None = None
) -> list[PlanWarning]:
    """Write ``plan`` to ``out_path`` as a Word file; return the plan's warnings and the export's.

    ``template`` is a .docx or .dotx whose styles, header and footer give the house
    style (None: the built-in one). The file is written atomically: on failure the
    previous file is left as it was. Raises :class:`~app.system.errors.ExportError` with a
    translated message when the template is refused or the file cannot be written.
    """
    from app.docx.template import load_template, resolve_styles
    from app.docx.writer import PlanWriter

    warnings = list(plan.warnings)
    document = load_template(Path(template) if template is not None else None, warnings)
    styles = resolve_styles(document, warnings, plan.paragraph_styles())
    PlanWriter(document, plan, styles, warnings).write()
    for message in _save(document, Path(out_path)):
        warnings.append(PlanWarning("file", message))
    return warnings


def _save(document: WordPackage, out_path: Path) -> list[str]:
    """Save atomically, turning file-system failures into one clear ExportError.

    The document is first laid out in memory: a zip whose stream fails half-way
    (a full disk) is left unclosed and complains from ``ZipFile.__del__`` at exit. The finished bytes are then written in one
    go, and only that step can meet the disk. Returns warnings for the user (a
    hard link the export separated).
    """
    from app.language.i18n import _
    from app.system import atomic

    folder = out_path.parent
    if not folder.is_dir():
        raise ExportError(_("The folder {folder} does not exist.").format(folder=folder))
    data = document.to_bytes()
    try:
        warnings = atomic.write_atomic(out_path, lambda stream: stream.write(data))
    except atomic.ReadOnlyFile:
        raise ExportError(
            _("{path} is read-only; it was not changed. Export under another name.").format(
                path=out_path
            )
        ) from None
    except PermissionError:
        raise ExportError(
            _(
                "Cannot write {path}: the folder is read-only or the file is open in "
                "another program (close it in Word and try again)."
            ).format(path=out_path)
        ) from None
    except OSError as error:
        raise ExportError(
            _("Cannot write {path}: {reason}").format(
                path=out_path, reason=atomic.failure_reason(error)
            )
        ) from None
    atomic.remove_stale_temps(atomic.target_of(out_path).parent)
    return warnings
