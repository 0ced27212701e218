"""Linked clauses kept in step, in the window: the review dialog and the status-bar notice.

The window loads this module on first use (``MainWindow.run_flow``): the Note ›
Review Clause Updates action and a linked block's Review… button open the
dialog; opening a note or a library change announce how many linked clauses
have a newer wording. Nothing is updated without the adviser's choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.language.i18n import ngettext

if TYPE_CHECKING:
    from app.notes.updates import PendingUpdate
    from ui.dialogs.updates import ReviewUpdatesDialog
    from ui.mainwindow import MainWindow

#: How long the status bar keeps the notice of newer wordings (milliseconds).
NOTICE_MS = 15000


def pending_updates(window: MainWindow) -> list[PendingUpdate]:
    """The linked clauses of the window's note whose library has a newer revision."""
    session = window.document.session
    return window.services.collection.pending_updates(session.note, session.kept)


def _any_newer(window: MainWindow) -> bool:
    """Whether some linked clause of the note has a newer revision (kept or not)."""
    from app.notes.note import LinkedClause

    library = window.services.library
    for _section, block in window.document.note.blocks():
        if isinstance(block, LinkedClause):
            newest = library.newest(block.clause_id)
            if newest is not None and newest.revision > block.revision:
                return True
    return False


def review_updates(window: MainWindow, block_id: str = "") -> ReviewUpdatesDialog:
    """Show the (non-modal) review dialog, the update of ``block_id`` first and selected."""
    from ui.dialogs.updates import ReviewUpdatesDialog

    dialog = getattr(window, "updates_dialog", None)
    if dialog is None:
        dialog = ReviewUpdatesDialog(window)
        window.updates_dialog = dialog
    dialog.follow(window.document)
    dialog.refresh(block_id)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.list.setFocus()
    return dialog


def _review_action_path(window: MainWindow) -> tuple[str, str]:
    """("Note › Review Clause Updates", "Ctrl+Shift+U") as the menus show them now."""
    from ui.qt import QKeySequence

    action = window.actions["review_updates"]
    name = action.text().replace("&", "").rstrip("…")
    menu = window.actions.menus.get("note")
    path = f"{menu.title().replace('&', '')} › {name}" if menu is not None else name
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return path, keys


def announce_pending(window: MainWindow) -> int:
    """Say in the status bar how many linked clauses have a newer wording; returns how many.

    Kept older wordings do not count. An open review dialog follows the note and
    the library too.
    """
    if window.document is None:
        return 0
    dialog = getattr(window, "updates_dialog", None)
    if not _any_newer(window) and (dialog is None or not dialog.isVisible()):
        return 0  # the usual case, checked without loading the diff machinery
    found = pending_updates(window)
    waiting = sum(1 for update in found if not update.kept)
    if waiting:
        path, keys = _review_action_path(window)
        window.statusBar().showMessage(
            ngettext(
                "{n} linked clause has a newer wording — {action} ({keys})",
                "{n} linked clauses have a newer wording — {action} ({keys})",
                waiting,
            ).format(n=waiting, action=path, keys=keys),
            NOTICE_MS,
        )
    if dialog is not None and dialog.isVisible():
        dialog.follow(window.document)
        dialog.refresh()
    return waiting
