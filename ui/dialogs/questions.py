"""The modal questions the window asks, behind one object so tests can answer them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.language.i18n import _
from ui.dialogs.answers import RecoveryChoice, Unsaved

if TYPE_CHECKING:  # the dialogs load their Qt classes when first shown, not at start
    from app.notes.recovery import Recovery
    from app.notes.skeletons import Skeleton
    from ui.qt import QWidget


def note_filter() -> str:
    """The file dialog filter for notes."""
    from app.notes import file as notefile

    return _("Clausier notes (*{suffix})").format(suffix=notefile.SUFFIX)


class Dialogs:
    """Asks the user with standard dialogs; tests hand the window a stub instead."""

    def error(self, parent: QWidget | None, message: str) -> None:
        """Tell the user something failed, in one clear sentence."""
        from ui.qt import QMessageBox

        QMessageBox.warning(parent, _("Clausier"), message)

    def information(self, parent: QWidget | None, message: str) -> None:
        """Tell the user something they should know."""
        from ui.qt import QMessageBox

        QMessageBox.information(parent, _("Clausier"), message)

    def offer_save_as(self, parent: QWidget | None, message: str) -> bool:
        """Say why a save failed and whether the user wants to save under another name."""
        from ui.qt import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Clausier"))
        box.setText(message)
        box.setInformativeText(_("Your changes are kept in the window until they are saved."))
        save_as = box.addButton(_("Save &As…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save_as)
        box.exec()
        return box.clickedButton() is save_as

    def ask_unsaved(self, parent: QWidget | None, name: str) -> Unsaved:
        """Save, discard or cancel, for a note with unsaved changes."""
        from ui.qt import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Unsaved changes"))
        box.setText(_("Save the changes to “{name}” before closing?").format(name=name))
        box.setInformativeText(_("If you don’t save, your changes will be lost."))
        save = box.addButton(_("&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("Do&n’t save"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return Unsaved.SAVE
        if clicked is discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    def confirm(self, parent: QWidget | None, question: str, action: str) -> bool:
        """Whether the user confirms a destructive ``action`` (a button label)."""
        from ui.qt import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Clausier"))
        box.setText(question)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)  # Enter out of habit must not destroy
        box.exec()
        return box.clickedButton() is yes

    def open_path(self, parent: QWidget | None, folder: Path) -> Path | None:
        """A note file to open."""
        from ui.qt import QFileDialog

        chosen, _filter = QFileDialog.getOpenFileName(
            parent, _("Open a note"), str(folder), note_filter()
        )
        return Path(chosen) if chosen else None

    def save_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        """Where to save a note (the suffix is added when missing)."""
        from ui.qt import QFileDialog

        chosen, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the note"), str(suggested), note_filter()
        )
        if not chosen:
            return None
        from app.notes import file as notefile

        path = Path(chosen)
        return (
            path if path.suffix == notefile.SUFFIX else path.with_name(path.name + notefile.SUFFIX)
        )

    def choose_skeleton(
        self, parent: QWidget | None, skeletons: list[Skeleton], lang: str
    ) -> str | None:
        """A skeleton name for a new note ("" for a blank note), or None when cancelled."""
        from ui.dialogs.choosers import NewNoteDialog

        dialog = NewNoteDialog(skeletons, lang, parent)
        if not dialog.exec():
            return None
        return dialog.chosen()

    def offer_recoveries(
        self, parent: QWidget | None, recoveries: list[Recovery]
    ) -> dict[str, RecoveryChoice]:
        """For each copy left by a crash, whether to open it, discard it or keep it for later."""
        from ui.dialogs.choosers import RecoveryDialog

        dialog = RecoveryDialog(recoveries, parent)
        accepted = bool(dialog.exec())
        return dialog.choices(accepted)

    def open_declaration(self, parent: QWidget | None, folder: Path) -> Path | None:
        """A declaration to import (.txt or .docx)."""
        from ui.qt import QFileDialog

        chosen, _filter = QFileDialog.getOpenFileName(
            parent,
            _("Import a declaration"),
            str(folder),
            _("Declarations (*.txt *.docx);;All files (*)"),
        )
        return Path(chosen) if chosen else None

    def save_library_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        """Where to write a library file (.json is added when missing)."""
        from ui.qt import QFileDialog

        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            _("Export clauses as a library file"),
            str(suggested),
            _("Clausier library files (*.json)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        """A folder (for a setting such as the note folders)."""
        from ui.qt import QFileDialog

        chosen = QFileDialog.getExistingDirectory(parent, title, str(folder))
        return Path(chosen) if chosen else None
