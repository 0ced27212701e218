"""The two choosers shown at the start of work: a skeleton for a new note, notes to recover."""

from __future__ import annotations

from app.language.i18n import _
from app.notes.recovery import Recovery
from app.notes.skeletons import Skeleton
from ui.dialogs.answers import RecoveryChoice
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    Qt,
    QVBoxLayout,
    QWidget,
)


class NewNoteDialog(QDialog):
    """Pick a skeleton (or a blank note) for a new note."""

    def __init__(self, skeletons: list[Skeleton], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New note"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Note skeletons"))
        blank = QListWidgetItem(_("Blank note"))
        blank.setData(Qt.ItemDataRole.UserRole, "")
        self.list.addItem(blank)
        for skeleton in skeletons:
            item = QListWidgetItem(skeleton.title_in(lang))
            item.setData(Qt.ItemDataRole.UserRole, skeleton.name)
            self.list.addItem(item)
        self.list.setCurrentRow(1 if skeletons else 0)
        label = QLabel(_("&Start from:"), self)
        label.setBuddy(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        """The chosen skeleton's name ("" for blank)."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""


class RecoveryDialog(QDialog):
    """Offers the notes a crash left unsaved; ticked ones open, the rest are discarded or kept."""

    def __init__(self, recoveries: list[Recovery], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recoveries = recoveries
        self.setWindowTitle(_("Recover unsaved notes"))
        intro = QLabel(
            _("Clausier did not close properly. These notes had changes that were not saved:"), self
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Notes to recover"))
        for recovery in recoveries:
            name = recovery.subject or (
                recovery.original.name if recovery.original else _("Untitled note")
            )
            when = recovery.saved_at.strftime("%d/%m/%Y %H:%M")
            where = str(recovery.original) if recovery.original else _("never saved")
            item = QListWidgetItem(
                _("{name} — autosaved {when} ({where})").format(name=name, when=when, where=where)
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, recovery.key)
            self.list.addItem(item)
        self.discard_rest = QCheckBox(_("&Discard the notes left unticked"), self)
        self.discard_rest.setChecked(True)
        buttons = QDialogButtonBox(self)
        buttons.addButton(_("&Recover"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.discard_rest)
        layout.addWidget(buttons)

    def choices(self, accepted: bool) -> dict[str, RecoveryChoice]:
        """What to do with each copy, by key."""
        result = {}
        for row in range(self.list.count()):
            item = self.list.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            if not accepted:
                result[key] = RecoveryChoice.KEEP
            elif item.checkState() == Qt.CheckState.Checked:
                result[key] = RecoveryChoice.OPEN
            else:
                result[key] = (
                    RecoveryChoice.DISCARD if self.discard_rest.isChecked() else RecoveryChoice.KEEP
                )
        return result
