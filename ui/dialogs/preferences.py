"""The preferences dialog: the settings the user may change, those IT locked shown but disabled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.language.classification import Classification
from app.language.codes import NoteLanguage
from app.language.i18n import _
from app.system.errors import ClausierError
from app.system.settings import SETTINGS, Settings, join_folders, split_folders
from ui.dialogs.questions import Dialogs
from ui.labels import classification_name, note_language_name
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.translation import follow_system_label, language_names
from ui.widgets.textedit import FieldEdit

_DESCRIPTIONS = {s.key: s.description for s in SETTINGS}
PATH_KEYS = {"template": "file", "team_library": "folder", "export_folder": "folder"}


class PreferencesDialog(QDialog):
    """Edits :class:`app.system.settings.Settings`; Apply and OK take effect at once, without restart."""

    appliedRequest = Signal()  # the settings changed and are saved

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, dialogs: Dialogs | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        services = getattr(parent, "services", None)
        self.dialogs = dialogs or getattr(services, "dialogs", None) or Dialogs()
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.lock_notes: dict[str, QLabel] = {}
        self.browse: dict[str, QPushButton] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        for key in (
            "interface_language",
            "note_language",
            "author",
            "cabinet_fr",
            "cabinet_nl",
            "place_fr",
            "place_nl",
            "classification",
            "autosave_seconds",
            "spell_check",
            "template",
            "export_folder",
            "team_library",
        ):
            field = self._make_field(key)
            self.fields[key] = field
            label = QLabel(self)
            label.setBuddy(field)
            self.labels[key] = label
            row = QHBoxLayout()
            row.addWidget(field, 1)
            if key in PATH_KEYS:
                button = QPushButton(self)
                button.clicked.connect(lambda _c=False, key=key: self._choose(key))
                self.browse[key] = button
                row.addWidget(button)
            if settings.is_locked(key):
                note = QLabel(self)
                note.setObjectName("lockNote")
                self.lock_notes[key] = note
                row.addWidget(note)
                field.setEnabled(False)
                if key in self.browse:
                    self.browse[key].setEnabled(False)
            self.form.addRow(label, row)
        self._make_note_folders()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.load()
        self.retranslate()

    def _make_note_folders(self) -> None:
        """The note folders: a list with Add…/Remove (the key holds them separated by ;)."""
        key = "note_folders"
        folders = QListWidget(self)
        folders.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long path keeps both ends
        folders.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        folders.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.fields[key] = folders
        label = QLabel(self)
        label.setBuddy(folders)
        self.labels[key] = label
        self.add_folder = QPushButton(self)
        self.remove_folder = QPushButton(self)
        self.add_folder.clicked.connect(self._add_note_folder)
        self.remove_folder.clicked.connect(self._remove_note_folder)
        folders.currentRowChanged.connect(lambda _row: self._folder_buttons())
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_folder)
        buttons.addWidget(self.remove_folder)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(folders, 1)
        row.addLayout(buttons)
        if self.settings.is_locked(key):
            note = QLabel(self)
            note.setObjectName("lockNote")
            self.lock_notes[key] = note
            buttons.addWidget(note)
            for widget in (folders, self.add_folder, self.remove_folder):
                widget.setEnabled(False)
        self.form.addRow(label, row)

    def note_folders(self) -> list[str]:
        """The note folders the dialog shows, in order."""
        field = self.fields["note_folders"]
        assert isinstance(field, QListWidget)
        return [field.item(row).text() for row in range(field.count())]

    def _add_note_folder(self) -> None:
        field = self.fields["note_folders"]
        assert isinstance(field, QListWidget)
        current = field.currentItem()
        start = Path(current.text()) if current is not None else Path.home()
        chosen = self.dialogs.choose_folder(self, _("Choose a folder of notes"), start)
        if chosen is None:
            return
        if str(chosen) not in self.note_folders():
            field.addItem(str(chosen))
            field.item(field.count() - 1).setToolTip(str(chosen))
        matches = field.findItems(str(chosen), Qt.MatchFlag.MatchExactly)
        if matches:
            field.setCurrentItem(matches[0])
        self._folder_buttons()

    def _remove_note_folder(self) -> None:
        field = self.fields["note_folders"]
        assert isinstance(field, QListWidget)
        row = field.currentRow()
        if row >= 0:
            field.takeItem(row)
        self._folder_buttons()
        field.setFocus()

    def _folder_buttons(self) -> None:
        field = self.fields["note_folders"]
        assert isinstance(field, QListWidget)
        if not self.settings.is_locked("note_folders"):
            self.remove_folder.setEnabled(field.currentRow() >= 0)

    def _make_field(self, key: str) -> QWidget:
        if key == "spell_check":
            return QCheckBox(self)
        if key in ("interface_language", "note_language", "classification"):
            return QComboBox(self)
        if key == "autosave_seconds":
            spin = QSpinBox(self)
            spin.setRange(0, 3600)
            spin.setSingleStep(15)
            return spin
        return FieldEdit(self)

    # --- values -----------------------------------------------------------------------

    def load(self) -> None:
        """Show the effective settings."""
        for key, field in self.fields.items():
            value = self.settings.get(key)
            if isinstance(field, QComboBox):
                self._fill_choices(key)
                field.setCurrentIndex(max(0, field.findData(value)))
            elif isinstance(field, QSpinBox):
                field.setValue(int(value))
            elif isinstance(field, QCheckBox):
                field.setChecked(bool(value))
            elif isinstance(field, FieldEdit):
                field.set_text(str(value))
            elif isinstance(field, QListWidget):
                field.clear()
                for folder in split_folders(value):
                    field.addItem(str(folder))
                    field.item(field.count() - 1).setToolTip(str(folder))
                field.setCurrentRow(0 if field.count() else -1)
        self._folder_buttons()

    def value(self, key: str) -> Any:
        """The value the dialog shows for ``key``."""
        field = self.fields[key]
        if isinstance(field, QComboBox):
            return field.currentData()
        if isinstance(field, QSpinBox):
            return field.value()
        if isinstance(field, QCheckBox):
            return field.isChecked()
        if isinstance(field, QListWidget):
            return join_folders(self.note_folders())
        return field.text().strip()

    def apply(self) -> bool:
        """Save what changed; True when saved."""
        try:
            changed = False
            for key in self.fields:
                if self.settings.is_locked(key):
                    continue
                value = self.value(key)
                if value != self.settings.get(key):
                    self.settings.set(key, value)
                    changed = True
            if changed:
                self.settings.save()
        except (ClausierError, ValueError, OSError) as error:
            QMessageBox.warning(
                self,
                _("Preferences"),
                _("The preferences cannot be saved: {error}").format(error=error),
            )
            return False
        if changed:
            self.appliedRequest.emit()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

    def _choose(self, key: str) -> None:
        field = self.fields[key]
        assert isinstance(field, FieldEdit)
        if PATH_KEYS[key] == "file":
            chosen, _filter = QFileDialog.getOpenFileName(
                self, _("Choose a Word template"), field.text(), _("Word templates (*.docx *.dotx)")
            )
        else:
            chosen = QFileDialog.getExistingDirectory(self, _("Choose a folder"), field.text())
        if chosen:
            field.setText(chosen)

    # --- language ---------------------------------------------------------------------

    def _fill_choices(self, key: str) -> None:
        field = self.fields[key]
        assert isinstance(field, QComboBox)
        if key == "interface_language":
            entries = [(follow_system_label(), "")] + list(
                (name, code) for code, name in language_names().items()
            )
        elif key == "note_language":
            # Empty: new notes follow the interface (Dutch for Dutch, else French).
            entries = [(_("Same as the interface"), "")] + [
                (note_language_name(v), v.value) for v in NoteLanguage
            ]
        else:
            entries = [(classification_name(c), c.value) for c in Classification]
        current = field.currentData()
        field.blockSignals(True)
        field.clear()
        for label, data in entries:
            field.addItem(label, data)
        if current is not None:
            field.setCurrentIndex(max(0, field.findData(current)))
        field.blockSignals(False)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.setWindowTitle(_("Preferences"))
        labels = {
            "interface_language": _("&Interface language:"),
            "note_language": _("&Language of new notes:"),
            "author": _("&Author:"),
            "cabinet_fr": _("Cabinet (&French):"),
            "cabinet_nl": _("Cabinet (&Dutch):"),
            "place_fr": _("&Place (French):"),
            "place_nl": _("Place (Dutc&h):"),
            "classification": _("&Classification of new notes:"),
            "autosave_seconds": _("Auto&save every:"),
            "spell_check": _("Spelling:"),
            "template": _("Word &template:"),
            "export_folder": _("&Export folder:"),
            "team_library": _("Team &library folder:"),
            "note_folders": _("&Note folders:"),
        }
        for key, label in self.labels.items():
            label.setText(labels[key])
            field = self.fields[key]
            field.setAccessibleName(labels[key].replace("&", "").rstrip(":\u00a0 "))
            field.setToolTip(_(_DESCRIPTIONS[key]))
        for key in ("interface_language", "note_language", "classification"):
            self._fill_choices(key)
        spelling = self.fields["spell_check"]
        assert isinstance(spelling, QCheckBox)
        spelling.setText(_("Check spelling as you t&ype"))
        spin = self.fields["autosave_seconds"]
        assert isinstance(spin, QSpinBox)
        spin.setSuffix(_(" s"))
        spin.setSpecialValueText(_("Never"))
        template = self.fields["template"]
        assert isinstance(template, FieldEdit)
        template.setPlaceholderText(_("Built-in house style"))
        browse_names = {
            "template": _("Choose the Word template"),
            "export_folder": _("Choose the export folder"),
            "team_library": _("Choose the team library folder"),
        }
        for key, button in self.browse.items():
            button.setText(_("Browse…"))
            button.setAccessibleName(browse_names[key])
        self.add_folder.setText(_("A&dd…"))
        self.add_folder.setAccessibleName(_("Add a note folder"))
        self.add_folder.setToolTip(_("Add a folder of notes that Where Used looks in"))
        self.remove_folder.setText(_("Re&move"))
        self.remove_folder.setAccessibleName(_("Remove the selected note folder"))
        for note in self.lock_notes.values():
            note.setText(_("Locked"))
            note.setToolTip(_("Set by your IT department; it cannot be changed here."))
        buttons = {
            QDialogButtonBox.StandardButton.Ok: _("OK"),
            QDialogButtonBox.StandardButton.Apply: _("Apply"),
            QDialogButtonBox.StandardButton.Cancel: _("Cancel"),
        }
        for which, text in buttons.items():
            self.buttons.button(which).setText(text)
