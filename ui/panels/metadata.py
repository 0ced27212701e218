"""The note's details: subject, addressee, author and function, cabinet, place, dates, reference…"""

from __future__ import annotations

from datetime import date

from app.language.classification import Classification
from app.language.codes import NoteLanguage
from app.language.i18n import _
from app.notes.note import Note
from ui.labels import classification_name, language_code, note_language_name
from ui.qt import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.spellcheck import watch
from ui.widgets.datefield import DateField
from ui.widgets.keys import keep_alt_arrows
from ui.widgets.textedit import FieldEdit

LOCALIZED_FIELDS = ("subject", "addressee", "author_function", "cabinet", "place")
TEXT_FIELDS = ("author", "reference")
DATE_FIELDS = ("date", "meeting_date")


class LocalizedField(QWidget):
    """One line edit per note language, side by side, each tagged FR or NL."""

    edited = Signal(str, str)  # lang, text
    focusLeft = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, FieldEdit] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._name = ""

    def set_languages(self, languages: tuple[str, ...]) -> None:
        """Show one edit per language in ``languages``."""
        if tuple(self.edits) == languages:
            return
        for edit in self.edits.values():
            edit.deleteLater()
        self.edits = {}
        while self._layout.count():
            self._layout.takeAt(0)
        for lang in languages:
            edit = FieldEdit(self)
            edit.textEdited.connect(lambda text, lang=lang: self.edited.emit(lang, text))
            edit.focusLeft.connect(self.focusLeft)
            watch(edit, lang)
            self._layout.addWidget(edit, 1)
            self.edits[lang] = edit
        self.setFocusProxy(self.edits[languages[0]])
        self.retranslate(self._name)

    def set_values(self, values: dict[str, str]) -> None:
        """Show the text of each language."""
        for lang, edit in self.edits.items():
            edit.set_text(values.get(lang, ""))

    def set_read_only(self, read_only: bool) -> None:
        """Refuse edits."""
        for edit in self.edits.values():
            edit.setReadOnly(read_only)

    def retranslate(self, name: str) -> None:
        """Name the edits for assistive technology: "Subject (FR)"."""
        self._name = name
        several = len(self.edits) > 1
        for lang, edit in self.edits.items():
            code = language_code(lang)
            edit.setAccessibleName(f"{name} ({code})" if several else name)
            edit.setPlaceholderText(code if several else "")


class MetadataForm(QWidget):
    """The form of the note's details; folds away to a one-line summary."""

    metadataRequest = Signal(str, object)  # field name, value
    localizedMetadataRequest = Signal(str, str, str)  # field name, lang, text
    typingPausedRequest = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note: Note | None = None
        self.display_language = "fr"  # the language of the summary line in a bilingual note
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setObjectName("metadataToggle")
        self.summary = QLabel(self)
        self.summary.setObjectName("metadataSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.body = QWidget(self)
        self.form = QFormLayout(self.body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(4, 0, 4, 4)
        self.labels: dict[str, QLabel] = {}
        self.localized: dict[str, LocalizedField] = {}
        self.texts: dict[str, FieldEdit] = {}
        self.dates: dict[str, DateField] = {}

        def row(name: str, widget: QWidget) -> None:
            label = QLabel(self.body)
            label.setBuddy(widget)
            self.labels[name] = label
            self.form.addRow(label, widget)

        for name in ("subject", "addressee"):
            self.localized[name] = LocalizedField(self.body)
            row(name, self.localized[name])
        self.texts["author"] = FieldEdit(self.body)
        row("author", self.texts["author"])
        self.localized["author_function"] = LocalizedField(self.body)
        row("author_function", self.localized["author_function"])
        self.localized["cabinet"] = LocalizedField(self.body)
        row("cabinet", self.localized["cabinet"])
        self.localized["place"] = LocalizedField(self.body)
        row("place", self.localized["place"])
        dates_row = QWidget(self.body)
        dates_layout = QHBoxLayout(dates_row)
        dates_layout.setContentsMargins(0, 0, 0, 0)
        self.dates["date"] = DateField(dates_row)
        self.meeting_label = QLabel(dates_row)
        self.dates["meeting_date"] = DateField(dates_row, ranges=True)
        self.meeting_label.setBuddy(self.dates["meeting_date"])
        dates_layout.addWidget(self.dates["date"], 2)
        dates_layout.addWidget(self.meeting_label)
        dates_layout.addWidget(self.dates["meeting_date"], 3)  # room for a range of days
        row("date", dates_row)
        self.texts["reference"] = FieldEdit(self.body)
        row("reference", self.texts["reference"])
        choices = QWidget(self.body)
        choices_layout = QHBoxLayout(choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        self.classification = QComboBox(choices)
        self.language_label = QLabel(choices)
        self.language = QComboBox(choices)
        self.language_label.setBuddy(self.language)
        keep_alt_arrows(self.classification)
        keep_alt_arrows(self.language)
        choices_layout.addWidget(self.classification, 1)
        choices_layout.addWidget(self.language_label)
        choices_layout.addWidget(self.language, 1)
        row("classification", choices)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        head = QHBoxLayout()
        head.addWidget(self.toggle)
        head.addWidget(self.summary, 1)
        layout.addLayout(head)
        layout.addWidget(self.body)

        self.toggle.toggled.connect(self._toggled)
        for name, field in self.localized.items():
            field.edited.connect(
                lambda lang, text, name=name: self.localizedMetadataRequest.emit(name, lang, text)
            )
            field.focusLeft.connect(self.typingPausedRequest)
        for name, edit in self.texts.items():
            edit.textEdited.connect(lambda text, name=name: self.metadataRequest.emit(name, text))
            edit.focusLeft.connect(self.typingPausedRequest)
        for name, field in self.dates.items():
            field.dateCommitted.connect(
                lambda value, name=name: self.metadataRequest.emit(name, value)
            )
        self.classification.activated.connect(
            lambda _i: self.metadataRequest.emit(
                "classification", self.classification.currentData()
            )
        )
        self.language.activated.connect(
            lambda _i: self.metadataRequest.emit("language", self.language.currentData())
        )
        self.retranslate()

    # --- public -------------------------------------------------------------------

    def set_note(self, note: Note, read_only: bool = False) -> None:
        """Show ``note``'s details."""
        self.note = note
        languages = note.language.languages
        for field in self.localized.values():
            field.set_languages(languages)
        self.retranslate()
        for name in (*LOCALIZED_FIELDS, *TEXT_FIELDS, *DATE_FIELDS, "classification", "language"):
            self.refresh_field(name)
        for field in self.localized.values():
            field.set_read_only(read_only)
        for edit in self.texts.values():
            edit.setReadOnly(read_only)
        for field in self.dates.values():
            field.set_read_only(read_only)
        self.classification.setEnabled(not read_only)
        self.language.setEnabled(not read_only)

    def refresh_field(self, name: str) -> None:
        """Show the note's current value of one field."""
        note = self.note
        if note is None:
            return
        if name in self.localized:
            self.localized[name].set_values(getattr(note, name))
        elif name in self.texts:
            self.texts[name].set_text(getattr(note, name))
        elif name in self.dates:
            self.dates[name].set_value(getattr(note, name))
            self.dates["meeting_date"].set_suggested_day(note.date)  # its calendar opens there
        elif name == "classification":
            self.classification.setCurrentIndex(
                self.classification.findData(note.classification.value)
            )
        elif name == "language":
            self.language.setCurrentIndex(self.language.findData(note.language.value))
        self._summarise()

    def focus_targets(self) -> list[QWidget]:
        """The form's stops for the Tab key, in reading order."""
        targets: list[QWidget] = [self.toggle]
        if not self.body.isHidden():
            for name in ("subject", "addressee"):
                targets.extend(self.localized[name].edits.values())
            targets.append(self.texts["author"])
            targets.extend(self.localized["author_function"].edits.values())
            targets.extend(self.localized["cabinet"].edits.values())
            targets.extend(self.localized["place"].edits.values())
            for name in ("date", "meeting_date"):
                targets.append(self.dates[name].edit)  # the × beside it is no Tab stop
            targets += [self.texts["reference"], self.classification, self.language]
        return targets

    def focus_first(self) -> None:
        """Put the cursor in the subject."""
        self.toggle.setChecked(True)
        self.localized["subject"].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        names = {
            "subject": _("Subject"),
            "addressee": _("To"),
            "author": _("Author"),
            "author_function": _("Function of the author"),
            "cabinet": _("Cabinet"),
            "place": _("Place"),
            "date": _("Date"),
            "reference": _("Reference"),
            "classification": _("Classification"),
        }
        mnemonics = {
            "subject": _("&Subject:"),
            "addressee": _("&To:"),
            "author": _("A&uthor:"),
            "author_function": _("Functi&on:"),
            "cabinet": _("Ca&binet:"),
            "place": _("&Place:"),
            "date": _("&Date:"),
            "reference": _("&Reference:"),
            "classification": _("C&lassification:"),
        }
        for name, label in self.labels.items():
            label.setText(mnemonics[name])
        for name, field in self.localized.items():
            field.retranslate(names[name])
        for name, edit in self.texts.items():
            edit.setAccessibleName(names[name])
        self.dates["date"].retranslate(_("Date of the note"), _("Clear the date of the note"))
        self.dates["meeting_date"].retranslate(
            _("Date of the meeting"), _("Clear the date of the meeting")
        )
        self.meeting_label.setText(_("&Meeting:"))
        self.language_label.setText(_("Lan&guage:"))
        self.classification.setAccessibleName(names["classification"])
        self.language.setAccessibleName(_("Language of the note"))
        self.texts["reference"].setPlaceholderText(_("File reference"))
        self.localized["author_function"].setToolTip(
            _("The author’s function in each language: “conseillère” / “adviseur”")
        )
        self.localized["place"].setToolTip(
            _("Where the note is written: the document opens with “Bruxelles, le 11 juin 2018”")
        )
        self.toggle.setText(_("Note details"))
        self.toggle.setAccessibleName(_("Show or hide the note details"))
        self.summary.setAccessibleName(_("Summary of the note details"))
        self._fill_combo(
            self.classification, [(classification_name(c), c.value) for c in Classification]
        )
        self._fill_combo(self.language, [(note_language_name(v), v.value) for v in NoteLanguage])
        self._summarise()

    # --- internals ------------------------------------------------------------------

    @staticmethod
    def _fill_combo(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for label, value in entries:
            combo.addItem(label, value)
        if current is not None:
            combo.setCurrentIndex(combo.findData(current))
        combo.blockSignals(False)

    def _toggled(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._summarise()

    def _summarise(self) -> None:
        note = self.note
        if note is None:
            self.summary.clear()
            return
        lang = (
            self.display_language
            if self.display_language in note.language.languages
            else note.language.languages[0]
        )
        parts = [note.subject.get(lang, "") or _("(no subject)")]
        if note.date:
            parts.append(_format_day(note.date))
        parts.append(note_language_name(note.language))
        if note.classification is not Classification.NONE:
            parts.append(classification_name(note.classification))
        self.summary.setText(" · ".join(parts) if not self.toggle.isChecked() else "")


def _format_day(value: date) -> str:
    return value.strftime("%d/%m/%Y")
