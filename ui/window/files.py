"""The main window's File commands: new, open, save, save as, recent files, export, autosave."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.language.codes import pick
from app.language.i18n import _
from app.system.errors import ClausierError
from ui.dialogs.answers import Unsaved
from ui.qt import QAction, Qt

if TYPE_CHECKING:
    from app.docx.plan import PlanWarning


def _failure(error: BaseException) -> str:
    """What went wrong, in one line for the user (file-system errors in the user's words)."""
    if isinstance(error, ClausierError):
        return str(error)
    if isinstance(error, OSError):
        from app.system.atomic import failure_reason

        return failure_reason(error)
    return str(error).splitlines()[0] if str(error) else type(error).__name__


class FileCommands:
    """New, Open, Save, Save As, recent files, Export and autosave, for :class:`~ui.mainwindow.MainWindow`."""

    def new_note(self) -> None:
        """Create a note from a skeleton chosen in a dialog."""
        self.workspace.new_note(self)

    def open_note(self) -> None:
        """Choose a note file and open it."""
        path = self.services.dialogs.open_path(self, self.workspace.last_folder())
        if path is not None:
            self.workspace.open_path(path, self)

    def save(self) -> bool:
        """Save the note to its file (asking where when it has none); True when saved."""
        self.commit_pending_edits()
        document = self.document
        if document.path is None or document.read_only or document.file_read_only:
            return self.save_as()
        return self._save_to(document.path)

    def save_as(self) -> bool:
        """Save the note under a new name; True when saved."""
        from app.export import naming
        from app.notes import file as notefile

        self.commit_pending_edits()
        document = self.document
        lang = document.note.language.languages[0]
        stem = naming.slug(pick(document.note.subject, lang)) or _("note")
        folder = document.path.parent if document.path else self.workspace.last_folder()
        suggested = folder / f"{stem}{notefile.SUFFIX}"
        path = self.services.dialogs.save_path(self, suggested)
        if path is None:
            return False
        other = self.workspace.window_for(path)
        if other is not None and other is not self:
            self.services.dialogs.error(
                self, _("{name} is open in another window; close it first.").format(name=path.name)
            )
            return False
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Save to ``path``; on any failure say why, keep the note unsaved and offer Save As."""
        try:
            saved = self.document.save(path)
        except Exception as error:  # noqa: BLE001 - whatever fails, the user is told
            message = _("The note was not saved: {error}").format(error=_failure(error))
            if self.services.dialogs.offer_save_as(self, message):
                return self.save_as()
            self._state_changed()
            return False
        self.workspace.remember(saved)
        self._show_banner()
        self._state_changed()
        self.statusBar().showMessage(_("Saved {path}").format(path=saved), 4000)
        for warning in self.document.session.save_warnings:
            self.services.dialogs.information(self, warning)
        return True

    def fill_recent_menu(self) -> None:
        """List the recent files in the File menu."""
        menu = self.actions.recent_menu
        menu.clear()
        recent = self.services.state.recent_files()
        for index, path in enumerate(recent, 1):
            prefix = f"&{index} " if index < 10 else ""
            action = QAction(f"{prefix}{path.name}", menu)
            action.setStatusTip(str(path))
            action.setToolTip(str(path))
            action.triggered.connect(
                lambda _c=False, path=path: self.workspace.open_path(path, self)
            )
            menu.addAction(action)
        if not recent:
            empty = menu.addAction(_("No recent notes"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.actions["clear_recent"])
        self.actions["clear_recent"].setEnabled(bool(recent))

    def clear_recent(self) -> None:
        """Forget the recent files."""
        self.services.state.clear_recent()

    def export(self) -> None:
        """Open the export dialog."""
        from ui.dialogs.export import ExportDialog

        self.commit_pending_edits()  # a cell still being typed in is exported too
        settings = self.services.settings
        dialog = ExportDialog(
            self.document.note,
            self.services.library,
            folder=self.workspace.export_folder(self.document),
            template=str(settings.get("template") or ""),
            template_locked=settings.is_locked("template"),
            exporter=self.services.exporter,
            reveal=self.services.reveal,
            open_file=self.services.open_file,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda results: self.workspace.remember_export(results))
        dialog.goToRequest.connect(self.go_to)
        dialog.finished.connect(lambda _r: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()

    def go_to(self, warning: PlanWarning) -> None:
        """Bring the window forward and put the keyboard where a check-list line points."""
        self.activateWindow()
        self.composer.go_to(warning)

    def autosave(self) -> None:
        """Store a recovery copy of unsaved changes (the timer's tick)."""
        self.commit_pending_edits()  # what is being typed in a cell is kept too
        try:
            if not self.document.autosave():
                return
            self.autosave_status = ("saved", datetime.now())
        except Exception as error:  # noqa: BLE001 - a failed autosave is shown, never raised
            self.autosave_status = ("failed", error.with_traceback(None))
        self._show_autosave_status()

    def _show_autosave_status(self) -> None:
        """Say in the status bar, in the interface language, how the last autosave went."""
        status = self.autosave_status
        if status is None:
            text = ""
        elif status[0] == "saved":
            text = _("Autosaved at {time}").format(time=status[1].strftime("%H:%M"))
        else:
            text = _("Autosave failed: {error}").format(error=_failure(status[1]))
        self.autosaved.setText(text)

    def confirm_close(self) -> bool:
        """Ask what to do with unsaved changes; True when the note may close."""
        self.commit_pending_edits()  # a cell still being typed in counts as a change
        document = self.document
        if not document.modified:
            return True
        lang = document.note.language.languages[0]
        name = pick(document.note.subject, lang) or (
            document.path.name if document.path else _("Untitled note")
        )
        answer = self.services.dialogs.ask_unsaved(self, name)
        if answer is Unsaved.SAVE:
            return self.save()
        return answer is Unsaved.DISCARD
