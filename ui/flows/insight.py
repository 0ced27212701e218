"""The window's flows for looking across the library: where used, near-duplicates, import, team.

Each public function is one Library menu action, called as ``function(window, *args)``
by :meth:`ui.mainwindow.MainWindow.run_flow`. Library changes go through
``window.workspace.change_library``; the dialogs are non-modal and kept on the
window while open (``window.where_used_dialog``, ``window.duplicates_dialog``,
``window.import_dialog``, ``window.team_dialog``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from app.language.i18n import _, ngettext
from app.system.errors import ClausierError
from ui.qt import QDialog, Qt

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow

#: The window attribute of each dialog these flows open.
DIALOGS = ("where_used_dialog", "duplicates_dialog", "import_dialog", "team_dialog")

STATUS_MS = 8000


# --- helpers ------------------------------------------------------------------------------


def _keep(window: MainWindow, name: str, dialog: QDialog, *, modeless: bool = True) -> None:
    """Keep ``dialog`` on the window while it is open, following the interface language.

    A ``modeless`` dialog leaves the window usable (go to a clause, open a note while
    the list stays open); the others are window-modal but never block (``open()``).
    """
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    language = window.services.language.languageChanged
    retranslate = lambda _code: dialog.retranslate()  # noqa: E731
    language.connect(retranslate)
    done = []

    def forget(*_args) -> None:
        if done:
            return
        done.append(True)
        try:
            language.disconnect(retranslate)
        except (RuntimeError, TypeError):
            pass
        if getattr(window, name, None) is dialog:
            setattr(window, name, None)

    dialog.finished.connect(forget)
    dialog.destroyed.connect(forget)
    setattr(window, name, dialog)
    if modeless:
        dialog.setModal(False)
        dialog.show()
    else:
        dialog.open()


def _already_open(window: MainWindow, name: str):
    """The dialog ``name`` open on the window, raised (None when there is none)."""
    dialog = getattr(window, name, None)
    if dialog is not None and dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
        return dialog
    return None


def _status(window: MainWindow, message: str) -> None:
    window.statusBar().showMessage(message, STATUS_MS)


def _display_language(window: MainWindow) -> str:
    return getattr(window.library, "display_lang", "fr") or "fr"


def go_to_clause(window: MainWindow, clause_id: str) -> bool:
    """Show ``clause_id`` in the window's library panel (the panel shown, filters cleared)."""
    window.actions["toggle_library"].setChecked(True)
    found = window.library.select_clause(clause_id)
    if found:
        window.library.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        window.activateWindow()
    else:
        _status(window, _("{id} is not shown in the library.").format(id=clause_id))
    return found


# --- where used ---------------------------------------------------------------------------


def show_where_used(window: MainWindow, clause_id: str):
    """List the notes that use ``clause_id`` (after an incremental look at the notes)."""
    if not clause_id:
        window.services.dialogs.information(window, _("Select a clause in the library first."))
        return None
    from ui.dialogs.whereused import WhereUsedDialog

    dialog = getattr(window, "where_used_dialog", None)
    if dialog is None:
        dialog = WhereUsedDialog(window)
        dialog.openRequest.connect(lambda path: window.workspace.open_path(path, window))
        dialog.refreshRequest.connect(
            lambda: _fill_where_used(window, dialog, dialog.usage.clause_id if dialog.usage else "")
        )
        _fill_where_used(window, dialog, clause_id)
        _keep(window, "where_used_dialog", dialog)
    else:
        _fill_where_used(window, dialog, clause_id)
        dialog.raise_()
        dialog.activateWindow()
    dialog.notes.setFocus()
    return dialog


def _fill_where_used(window: MainWindow, dialog, clause_id: str) -> None:
    if not clause_id:
        return
    collection = window.services.collection
    problems: list[str] = []
    try:
        collection.refresh_note_index(recent=window.services.state.recent_files())
    except (ClausierError, OSError, sqlite3.Error) as error:
        problems.append(_("The notes could not all be looked at: {error}").format(error=error))
    try:
        # Every note of the index that could not be read, this time or before (unchanged since).
        problems.extend(problem for _path, problem in collection.notes.problems())
    except sqlite3.Error as error:
        problems.append(str(error))
    usage = collection.where_used(clause_id)
    dialog.show_usage(
        usage,
        collection.library.find(clause_id),
        problems=_unique(problems),
        folders=list(collection.note_folders),
        lang=_display_language(window),
    )


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --- near-duplicates ------------------------------------------------------------------------


def show_duplicates(window: MainWindow, clause_id: str = ""):
    """The near-duplicate pairs of the library (those of ``clause_id`` when given)."""
    from ui.dialogs.duplicates import DuplicatesDialog

    collection = window.services.collection
    try:
        pairs = collection.near_duplicates(clause_id or None)
    except ClausierError as error:
        window.services.dialogs.error(window, str(error))
        return None
    dialog = getattr(window, "duplicates_dialog", None)
    if dialog is None:
        dialog = DuplicatesDialog(window)
        dialog.goToClauseRequest.connect(lambda found: go_to_clause(window, found))
        dialog.show_pairs(collection.library, pairs, clause_id, _display_language(window))
        _keep(window, "duplicates_dialog", dialog)
    else:
        dialog.show_pairs(collection.library, pairs, clause_id, _display_language(window))
        dialog.raise_()
        dialog.activateWindow()
    dialog.list.setFocus()
    return dialog


# --- importing a declaration ------------------------------------------------------------


def import_declaration(window: MainWindow):
    """Ask for a declaration, preview its import, and import it only when the user says so."""
    if _already_open(window, "import_dialog") is not None:
        return window.import_dialog
    services = window.services
    path = services.dialogs.open_declaration(window, window.workspace.last_folder())
    if path is None:
        return None
    collection = services.collection

    def previewer(prefix: str, lang: str, details):
        return collection.preview_import(path, prefix=prefix or None, lang=lang, details=details)

    try:
        preview = previewer("", "fr", None)
    except (ClausierError, OSError) as error:
        services.dialogs.error(
            window,
            _("{name} cannot be imported: {reason}").format(
                name=Path(path).name, reason=getattr(error, "strerror", None) or error
            ),
        )
        return None
    from ui.dialogs.importpreview import ImportDialog

    dialog = ImportDialog(preview, previewer, window)

    def do_import(chosen) -> None:
        change = window.workspace.change_library(
            dialog, lambda: collection.import_declaration(chosen)
        )
        if change is None:
            return
        count = len(chosen.clauses)
        _status(
            window,
            ngettext(
                "{n} clause imported from {name}.", "{n} clauses imported from {name}.", count
            ).format(n=count, name=Path(chosen.path).name),
        )
        dialog.accept()
        if chosen.clauses:
            go_to_clause(window, chosen.clauses[0].id)

    dialog.importRequest.connect(do_import)
    _keep(window, "import_dialog", dialog, modeless=False)
    dialog.prefix.setFocus()
    return dialog


# --- exporting clauses for the team folder ---------------------------------------------


def export_clauses(window: MainWindow, clause_ids: list[str]):
    """Write the chosen clauses as a library file (e.g. for the team folder)."""
    services = window.services
    ids = [i for i in dict.fromkeys(clause_ids or []) if i]
    if not ids:
        services.dialogs.error(
            window, _("Select the clauses to export in the library first (Ctrl+click for several).")
        )
        return None
    team = services.collection.team.folder
    folder = team if team is not None and team.is_dir() else window.workspace.last_folder()
    stem = ids[0] if len(ids) == 1 else _("clauses")
    path = services.dialogs.save_library_path(window, folder / f"{stem}.json")
    if path is None:
        return None
    try:
        written = services.collection.export_set(ids, path)
    except (ClausierError, OSError) as error:
        services.dialogs.error(
            window, _("The clauses were not exported: {error}").format(error=error)
        )
        return None
    _status(
        window,
        ngettext(
            "{n} clause exported to {path}.", "{n} clauses exported to {path}.", len(ids)
        ).format(n=len(ids), path=written),
    )
    if team is not None and _inside(written, team):
        window.workspace.refresh_library()  # the team library takes the file in at once
    return written


def _inside(path: Path, folder: Path) -> bool:
    try:
        return Path(path).resolve().parent == Path(folder).resolve()
    except OSError:
        return False


# --- the team library -------------------------------------------------------------------


def show_team_library(window: MainWindow):
    """The team folder, whether it can be reached, and the files read (Refresh reads again)."""
    from ui.dialogs.team import TeamLibraryDialog

    dialog = getattr(window, "team_dialog", None)
    if dialog is None:
        dialog = TeamLibraryDialog(window)

        def refresh() -> None:
            window.workspace.refresh_library()
            _fill_team(window, dialog)
            _status(window, _("The team library folder was read again."))

        dialog.refreshRequest.connect(refresh)
        _fill_team(window, dialog)
        _keep(window, "team_dialog", dialog)
    else:
        _fill_team(window, dialog)
        dialog.raise_()
        dialog.activateWindow()
    return dialog


def hidden_team_clauses(collection) -> list[str]:
    """The ids of team clauses that a personal clause of the same id hides."""
    from app.library.clauses import PERSONAL

    mine = collection.library.parts.get(PERSONAL)
    own = set(mine.clauses) if mine is not None else set()
    return sorted({i for part in collection.team.libraries.values() for i in part.clauses} & own)


def _fill_team(window: MainWindow, dialog) -> None:
    services = window.services
    team = services.collection.team
    dialog.show_state(
        team.folder,
        locked=services.settings.is_locked("team_library"),
        chosen=bool(services.settings.user.get("team_library")),
        hidden=hidden_team_clauses(services.collection),
        offline=team.offline,
        files=list(team.files),
        problems=list(team.problems),
    )
