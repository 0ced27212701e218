"""File › Bring Back Changes from Word…: choose the edited .docx, match it, open the review.

The window loads this module on first use (``MainWindow.run_flow``). A file that
cannot be read, or was exported from another note, is one message and nothing
else; a file with nothing to bring back says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.language.i18n import _
from app.system.errors import ClausierError

if TYPE_CHECKING:
    from ui.dialogs.reconcile import ReconcileDialog
    from ui.mainwindow import MainWindow


def choose_word_file(window: MainWindow) -> Path | None:
    """Ask for the edited Word file, starting in the folder of the note's exports."""
    from ui.qt import QFileDialog

    folder = window.workspace.export_folder(window.document)
    chosen, _filter = QFileDialog.getOpenFileName(
        window,
        _("Bring Back Changes from Word"),
        str(folder),
        _("Word documents (*.docx)") + ";;" + _("All files (*)"),
    )
    return Path(chosen) if chosen else None


def bring_back(window: MainWindow, path: Path | None = None) -> ReconcileDialog | None:
    """Match the Word file at ``path`` (asked for when None) and show its changes."""
    from app.roundtrip import reconcile
    from ui.dialogs.reconcile import ReconcileDialog

    document = window.document
    if document is None or document.read_only:
        return None
    if path is None:
        path = choose_word_file(window)
        if path is None:
            return None
    library = window.services.library
    try:
        found = reconcile.reconcile_file(document.note, library, path)
    except ClausierError as error:
        window.services.dialogs.error(window, str(error))
        return None
    if not found.changes:
        window.services.dialogs.information(
            window,
            _("{name} says what the note says: there is no change to bring back.").format(
                name=Path(path).name
            ),
        )
        return None
    dialog = ReconcileDialog(
        document,
        found,
        library,
        can_revise=lambda clause_id: _personal(window, clause_id),
        parent=window,
    )
    dialog.reviseRequest.connect(lambda change_id, clause_id: revise(window, dialog, change_id))
    window.reconcile_dialog = dialog
    dialog.open()
    return dialog


def _personal(window: MainWindow, clause_id: str) -> bool:
    from app.library.clauses import PERSONAL

    if window.services.collection is None:
        return False
    clause = window.services.library.find(clause_id)
    return clause is not None and clause.library == PERSONAL


def revise(window: MainWindow, dialog: ReconcileDialog, change_id: str) -> None:
    """Accept a change of a linked personal clause as a new revision of it ("edited in Word")."""
    from app.roundtrip import apply as reconcileapply

    reconcileapply.revise_clause(
        dialog.review,
        change_id,
        window.services.collection,
        run_library=lambda operation: window.workspace.change_library(dialog, operation),
        run_edit=window.document.edit,
    )
    dialog.fill()
