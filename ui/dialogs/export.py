"""The export dialog: languages, template, folder, file names, and the warnings before writing."""

from __future__ import annotations

import copy
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from app.docx.plan import DocumentPlan, PlanWarning
from app.export import naming
from app.export.word import replaces
from app.language.codes import NoteLanguage
from app.language.i18n import _, ngettext
from app.library.clauses import Library
from app.notes.note import Note
from app.system.errors import ClausierError
from ui.exporting import Exporter, export_note, open_file, open_folder
from ui.labels import note_language_name
from ui.panels.checklist import CheckList, goes_somewhere, line_text, one_per_place
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QProgressBar,
    QPushButton,
    QRunnable,
    QSizePolicy,
    Qt,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from app.export.word import ExportResult


Planner = Callable[[Note, Library, NoteLanguage], DocumentPlan]

#: How a line of the check list names the files it concerns (codes, the same in every language).
FILE_CODES = {NoteLanguage.FR: "FR", NoteLanguage.NL: "NL", NoteLanguage.BILINGUAL: "FR | NL"}


def breakable(path: str) -> str:
    """``path`` with a zero-width space after each separator, so a long path wraps, whole."""
    return path.replace("/", "/\u200b").replace("\\", "\\\u200b")


class WrittenFiles(QWidget):
    """The files an export wrote, each named in full with an Open button, and their folder."""

    openRequest = Signal(object)  # the Path to open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        self.grid.setVerticalSpacing(2)
        # As tall as its lines: the check list above takes the room the dialog has left.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.folder = QLabel(self)
        self.folder.setWordWrap(True)
        self.folder.setTextFormat(Qt.TextFormat.PlainText)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.names: list[QLabel] = []
        self.open_buttons: list[QPushButton] = []
        self.paths: list[Path] = []

    def show_files(self, paths: list[Path]) -> None:
        """List ``paths`` (files in one folder, the usual case, name the folder once)."""
        for widget in (*self.names, *self.open_buttons):
            widget.deleteLater()
        self.names, self.open_buttons, self.paths = [], [], list(paths)
        for row, path in enumerate(paths):
            name = QLabel(path.name, self)  # one line: names are kept short by app.export.naming
            name.setTextFormat(Qt.TextFormat.PlainText)
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name.setToolTip(str(path))
            name.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, path=path: self.openRequest.emit(path))
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(button, row, 1)
            self.names.append(name)
            self.open_buttons.append(button)
        self.grid.addWidget(self.folder, len(paths), 0, 1, 2)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        for path, button in zip(self.paths, self.open_buttons, strict=True):
            button.setText(_("Open"))
            button.setToolTip(_("Open {name} in Word").format(name=path.name))
            button.setAccessibleName(_("Open {name}").format(name=path.name))
        folders = {path.parent for path in self.paths}
        if len(folders) == 1:
            folder = str(next(iter(folders)))
            self.folder.setText(_("In the folder {folder}").format(folder=breakable(folder)))
            self.folder.setAccessibleName(_("In the folder {folder}").format(folder=folder))
            self.folder.show()
        else:
            for path, name in zip(self.paths, self.names, strict=True):
                name.setText(breakable(str(path)))
            self.folder.hide()


def _default_planner(note: Note, library: Library, language: NoteLanguage) -> DocumentPlan:
    from app.export.render import build_plan

    return build_plan(note, library, language)


class _Relay(QObject):
    """Brings the export's outcome back to the dialog's thread."""

    done = Signal(object)  # list[ExportResult] | ClausierError | Exception


class _ExportJob(QRunnable):
    """Writes the files away from the window's thread so it keeps responding."""

    def __init__(self, work: Callable[[], list[ExportResult]], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            outcome: object = self.work()
        except Exception as error:  # reported in the dialog
            outcome = error
        self.relay.done.emit(outcome)


class ExportDialog(QDialog):
    """Choose what to export and where; see what the files will lack before writing them."""

    exported = Signal(list)  # list[ExportResult]
    goToRequest = Signal(object)  # a PlanWarning whose place in the note the user clicked

    def __init__(
        self,
        note: Note,
        library: Library,
        *,
        folder: Path,
        template: str = "",
        template_locked: bool = False,
        exporter: Exporter = export_note,
        planner: Planner = _default_planner,
        reveal: Callable[[Path], None] = open_folder,
        open_file: Callable[[Path], None] = open_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.note = copy.deepcopy(note)
        self.library = library
        self.exporter = exporter
        self.planner = planner
        self.reveal = reveal
        self.open_file = open_file
        self.results: list[ExportResult] = []
        self.error = ""
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.running = False

        self.languages: dict[NoteLanguage, QCheckBox] = {}
        language_box = QGroupBox(self)
        self.language_box = language_box
        language_layout = QHBoxLayout(language_box)
        for language in NoteLanguage:
            box = QCheckBox(language_box)
            box.setChecked(language is note.language)
            box.toggled.connect(self._update)
            language_layout.addWidget(box)
            self.languages[language] = box
        language_layout.addStretch(1)

        # Plain fields: in this dialog Ctrl+Z undoes their own typing (there is no note to undo).
        self.template = QLineEdit(template, self)
        self.template.setReadOnly(template_locked)
        self.template_browse = QPushButton(self)
        self.template_browse.setEnabled(not template_locked)
        self.template_locked = template_locked
        self.folder = QLineEdit(str(folder), self)
        self.folder_browse = QPushButton(self)
        self.names = QLabel(self)
        self.names.setTextFormat(Qt.TextFormat.RichText)
        self.names.setWordWrap(True)
        self.names.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = CheckList(self)
        self.warnings.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        # The written files, each named in full with its Open button, then their folder.
        self.written = WrittenFiles(self)
        self.written.hide()

        self.form = QFormLayout()
        self.template_label = QLabel(self)
        self.folder_label = QLabel(self)
        self.names_label = QLabel(self)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.template_browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.folder_browse)
        self.template_label.setBuddy(self.template)
        self.folder_label.setBuddy(self.folder)
        self.form.addRow(self.template_label, template_row)
        self.form.addRow(self.folder_label, folder_row)
        self.form.addRow(self.names_label, self.names)
        self.warnings_label = QLabel(self)
        self.warnings_label.setBuddy(self.warnings)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.folder_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(language_box)
        layout.addLayout(self.form)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.written)
        layout.addWidget(self.buttons)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

        self.export_button.clicked.connect(self.start)
        self.folder_button.clicked.connect(self._reveal)
        self.written.openRequest.connect(self.open_file)
        self.warnings.goToRequest.connect(self._go_to)
        self.close_button.clicked.connect(self.reject)
        self.template_browse.clicked.connect(self._choose_template)
        self.folder_browse.clicked.connect(self._choose_folder)
        self.folder.textChanged.connect(self._update_names)
        self.template.textChanged.connect(self._update)
        self.retranslate()
        self.resize(
            self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().lineSpacing() * 28
        )
        self._update()

    # --- choices ----------------------------------------------------------------------

    def chosen_languages(self) -> list[NoteLanguage]:
        """The languages ticked, in the order FR, NL, FR+NL."""
        return [language for language, box in self.languages.items() if box.isChecked()]

    def output_folder(self) -> Path:
        """The folder the files go to."""
        return Path(self.folder.text().strip()).expanduser()

    def template_path(self) -> Path | None:
        """The chosen Word template, or None for the built-in one."""
        text = self.template.text().strip()
        return Path(text).expanduser() if text else None

    def target_names(self) -> list[Path]:
        """The files that will be written, by the cabinet's naming convention."""
        folder = self.output_folder()
        return [
            folder / naming.export_name(self.note.subject, self.note.date, language)
            for language in self.chosen_languages()
        ]

    def _update(self) -> None:
        self._update_names()
        self._update_warnings()

    def _update_names(self) -> None:
        lines = []
        written = {result.path for result in self.results}
        for path in self.target_names():
            line = escape(path.name)
            if path in written:
                done = _("written just now")
                line += f" <span style='color:#2e7d32'>({escape(done)})</span>"
            elif replaces(path):
                replaces_text = _("replaces the existing file")
                line += f"<br/><span style='color:#a15c00'>({escape(replaces_text)})</span>"
            lines.append(line)
        self.names.setText("<br/>".join(lines) or escape(_("Choose at least one language.")))
        folder_ok = self.output_folder().is_dir()
        self.export_button.setEnabled(bool(lines) and folder_ok and not self.running)
        if not folder_ok:
            missing = _("The folder does not exist.")
            self.names.setText(
                self.names.text() + f"<br/><span style='color:#b00020'>{escape(missing)}</span>"
            )
        if self.isVisible():
            self._fit_height()

    def _update_warnings(self) -> None:
        """One line per place to check, for every file chosen (the files it concerns named)."""
        chosen = self.chosen_languages()
        lines: list[tuple[str, PlanWarning | None]] = []
        found: dict[tuple, list[NoteLanguage]] = {}
        warnings: dict[tuple, PlanWarning] = {}
        for language in chosen:
            try:
                plan = self.planner(self.note, self.library, language)
            except ClausierError as error:
                name = note_language_name(language)
                lines.append((_("{file}: {error}").format(file=name, error=error), None))
                continue
            for warning in one_per_place(plan.warnings):
                key = (
                    warning.code,
                    warning.place,
                    "" if goes_somewhere(warning) else warning.message,
                )
                warnings.setdefault(key, warning)
                found.setdefault(key, []).append(language)
        for key, languages in found.items():
            warning = warnings[key]
            text = line_text(warning)
            if len(chosen) > 1:
                files = ", ".join(FILE_CODES[language] for language in languages)
                text = _("{message} ({files})").format(message=text, files=files)
            lines.append((text, warning))
        template = self.template_path()
        if template is not None and not template.is_file():
            lines.append((_("The template {path} does not exist.").format(path=template), None))
        total = len(lines)
        if not lines:
            lines.append((_("Nothing to check: the files are complete."), None))
        self.warnings_label.setText(
            ngettext(
                "&Before you export: {n} thing to check",
                "&Before you export: {n} things to check",
                total,
            ).format(n=total)
            if total
            else _("&Before you export")
        )
        self.warnings.show_lines(lines)

    def _go_to(self, warning: PlanWarning) -> None:
        """Close the dialog and go to the place a line names (not while files are written)."""
        if self.running:
            return
        self.reject()  # first: the window takes the keyboard back, then goes there
        self.goToRequest.emit(warning)

    def _choose_template(self) -> None:
        start = self.template.text() or str(self.output_folder())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a Word template"), start, _("Word templates (*.docx *.dotx)")
        )
        if chosen:
            self.template.setText(chosen)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, _("Choose the export folder"), str(self.output_folder())
        )
        if chosen:
            self.folder.setText(chosen)

    # --- exporting ----------------------------------------------------------------------

    def start(self) -> None:
        """Write the files in the background."""
        languages = self.chosen_languages()
        folder = self.output_folder()
        if not languages or not folder.is_dir():
            return
        template = self.template_path()
        note, library, exporter = self.note, self.library, self.exporter

        def work() -> list[ExportResult]:
            return [
                # The dialog named the files it replaces before the click: that is consent.
                exporter(note, library, folder, language=language, template=template, replace=True)
                for language in languages
            ]

        self.results, self.error = [], ""
        self.running = True
        self.progress.show()
        self.outcome.hide()
        self.written.hide()
        for widget in (
            self.export_button,
            self.language_box,
            self.template_browse,
            self.folder_browse,
        ):
            widget.setEnabled(False)
        self._pool.start(_ExportJob(work, self._relay))

    def wait(self) -> None:
        """Wait until a running export ends (tests)."""
        self._pool.waitForDone()

    def _finished(self, outcome: object) -> None:
        self.running = False
        self.progress.hide()
        self.language_box.setEnabled(True)
        self.template_browse.setEnabled(not self.template_locked)
        self.folder_browse.setEnabled(True)
        if isinstance(outcome, ClausierError):
            self.error = str(outcome)
            self.outcome.setText(f"<span style='color:#b00020'>{escape(self.error)}</span>")
            self.written.hide()
        elif isinstance(outcome, Exception):
            self.error = _("The export failed: {error}").format(error=outcome)
            self.outcome.setText(f"<span style='color:#b00020'>{escape(self.error)}</span>")
            self.written.hide()
        else:
            self.results = list(outcome)  # type: ignore[arg-type]
            self.outcome.setText(
                escape(
                    ngettext("Exported {n} file:", "Exported {n} files:", len(self.results)).format(
                        n=len(self.results)
                    )
                )
            )
            self.written.show_files([result.path for result in self.results])
            self.written.setAccessibleName(self.outcome.text())
            self.written.show()
            self.folder_button.show()
            if self.written.open_buttons:
                self.written.open_buttons[0].setFocus()
            self.close_button.setText(_("Close"))
            self.exported.emit(self.results)
        self.outcome.show()
        self._update_names()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow the dialog when what it shows needs more room than it has (never past the screen)."""
        layout = self.layout()
        layout.activate()
        width = max(self.width(), layout.totalSizeHint().width())
        height = layout.totalHeightForWidth(width)
        if height < 0:
            height = layout.totalMinimumSize().height()
        screen = self.screen()
        if screen is not None:  # the check list scrolls instead
            frame = self.frameGeometry().size() - self.geometry().size()
            room = screen.availableGeometry().size()
            width = min(width, room.width() - max(frame.width(), 0))
            height = min(height, room.height() - max(frame.height(), 0))
        if width > self.width() or height > self.height():
            self.resize(max(width, self.width()), max(height, self.height()))

    def _reveal(self) -> None:
        folder = self.results[0].path.parent if self.results else self.output_folder()
        self.reveal(folder)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.setWindowTitle(_("Export to Word"))
        self.language_box.setTitle(_("Languages"))
        labels = {
            NoteLanguage.FR: _("&French"),
            NoteLanguage.NL: _("&Dutch"),
            NoteLanguage.BILINGUAL: _("Both, side by side (F&R | NL)"),
        }
        for language, box in self.languages.items():
            box.setText(labels[language])
            box.setAccessibleName(note_language_name(language))
        self.template_label.setText(_("&Template:"))
        self.template.setPlaceholderText(_("Built-in house style"))
        self.template.setAccessibleName(_("Word template"))
        if self.template_locked:
            self.template.setToolTip(_("Set by your IT department"))
        self.template_browse.setText(_("Browse…"))
        self.template_browse.setAccessibleName(_("Choose a Word template"))
        self.folder_label.setText(_("F&older:"))
        self.folder.setAccessibleName(_("Export folder"))
        self.folder_browse.setText(_("Browse…"))
        self.folder_browse.setAccessibleName(_("Choose the export folder"))
        self.names_label.setText(_("Files:"))
        self.names.setAccessibleName(_("Files to write"))
        self.warnings.setAccessibleName(_("Things to check before export"))
        self.export_button.setText(_("&Export"))
        self.folder_button.setText(_("&Show in Folder"))
        self.folder_button.setToolTip(_("Show the exported files in the file manager"))
        self.written.retranslate()
        self.close_button.setText(_("Cancel") if not self.results else _("Close"))
        self._update()
