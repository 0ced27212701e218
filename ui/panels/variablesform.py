"""The variables the note's texts use (``{minister}``...), each with its value per language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.language.codes import Localized
from app.language.i18n import _
from app.notes.note import Note
from ui.labels import language_code, variable_type_name
from ui.qt import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget, Signal
from ui.widgets.looks import MUTED, embolden, tint
from ui.widgets.textedit import FieldEdit

if TYPE_CHECKING:
    from app.library.clauses import Library

#: Variables the note's details fill by themselves.
FROM_DETAILS = {"date": "date", "meeting_date": "meeting_date", "addressee": "addressee"}


class VariablesForm(QWidget):
    """One row per variable in use; hidden when the note uses none."""

    variableRequest = Signal(str, object)  # name, str | Localized | None
    typingPausedRequest = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note: Note | None = None
        self.library: Library | None = None  # where variables are described (the composer's)
        self.names: list[str] = []
        self.read_only = False
        self.title = QLabel(self)
        embolden(self.title)
        self.automatic = QLabel(self)
        tint(self.automatic, MUTED)
        self.automatic.setWordWrap(True)
        self.rows = QWidget(self)
        self.form = QFormLayout(self.rows)
        self.form.setContentsMargins(4, 0, 4, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, dict[str, FieldEdit]] = {}
        self._layout_key: tuple = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.rows)
        layout.addWidget(self.automatic)
        self.retranslate()

    def set_note(self, note: Note, names: list[str], read_only: bool = False) -> None:
        """Show the variables ``names`` that ``note`` uses."""
        languages = note.language.languages
        self.note = note
        automatic = tuple(n for n in names if self._automatic(n))
        layout_key = (tuple(names), automatic, languages, read_only)
        if layout_key == self._layout_key:
            self.refresh_values()
            return
        self.names = list(names)
        self.read_only = read_only
        self._layout_key = layout_key
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits = {}
        editable = [n for n in self.names if not self._automatic(n)]
        for name in editable:
            label = QLabel("{" + name + "}", self.rows)
            label.setToolTip(self._describe(name))
            field = QWidget(self.rows)
            row = QHBoxLayout(field)
            row.setContentsMargins(0, 0, 0, 0)
            self.edits[name] = {}
            for lang in languages:
                edit = FieldEdit(field)
                edit.setReadOnly(read_only)
                edit.textEdited.connect(lambda _t, name=name: self._edited(name))
                edit.focusLeft.connect(self.typingPausedRequest)
                row.addWidget(edit, 1)
                self.edits[name][lang] = edit
            label.setBuddy(self.edits[name][languages[0]])
            self.form.addRow(label, field)
        self.retranslate()
        self.refresh_values()

    def focus_targets(self) -> list[QWidget]:
        """The value fields, in order, for the Tab key."""
        return [edit for edits in self.edits.values() for edit in edits.values()]

    def refresh_values(self) -> None:
        """Show the current values."""
        note = self.note
        if note is None:
            return
        for name, edits in self.edits.items():
            value = note.variables.get(name)
            for lang, edit in edits.items():
                edit.set_text(_value_in(value, lang))
        automatic = [n for n in self.names if self._automatic(n)]
        self.automatic.setVisible(bool(automatic))
        self.automatic.setText(
            _("Filled from the note details: {names}").format(
                names=", ".join("{" + n + "}" for n in automatic)
            )
        )
        self.setVisible(bool(self.names))

    def _described(self, name: str) -> str:
        """The variable's description, or "" when the library describes it nowhere."""
        return _definition(self.library, name).label

    def _describe(self, name: str) -> str:
        """A tooltip: the description and the type (text, date, person)."""
        definition = _definition(self.library, name)
        kind = variable_type_name(definition.type)
        if definition.label:
            return _("{description} ({type})").format(description=definition.label, type=kind)
        return _("{name}: not described in the library ({type})").format(
            name="{" + name + "}", type=kind
        )

    def _automatic(self, name: str) -> bool:
        note = self.note
        field = FROM_DETAILS.get(name)
        return bool(note and field and getattr(note, field) and name not in note.variables)

    def _edited(self, name: str) -> None:
        # Per language even in a note in one language: a value typed in a French note is
        # French, never copied into a Dutch export. Another language's value is kept.
        old = self.note.variables.get(name) if self.note is not None else None
        value: Localized = dict(old) if isinstance(old, dict) else {}
        for lang, edit in self.edits[name].items():
            if edit.text():
                value[lang] = edit.text()
            else:
                value.pop(lang, None)
        self.variableRequest.emit(name, value or None)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.title.setText(_("Variables"))
        for name, edits in self.edits.items():
            described = self._described(name)
            several = len(edits) > 1
            for lang, edit in edits.items():
                code = language_code(lang)
                edit.setAccessibleName(
                    _("Value of {{{name}}}").format(name=name) + (f" ({code})" if several else "")
                )
                hint = described or _("Value of {{{name}}}").format(name=name)
                edit.setPlaceholderText(f"{hint} ({code})" if several else hint)
        self.refresh_values()


def _definition(library: Library | None, name: str):
    """What the library (or the built-in list) says of a variable (imported late: Babel)."""
    from app.library import variabledefs
    from app.library.clauses import Library as EmptyLibrary

    return variabledefs.definition(library or EmptyLibrary(), name)


def _value_in(value: str | Localized | None, lang: str) -> str:
    if isinstance(value, dict):
        return value.get(lang, "")
    return value or ""
