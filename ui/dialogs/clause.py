"""The form a user writes or changes one clause of their personal library in."""

from __future__ import annotations

from app.language.codes import LANGS, Localized
from app.language.i18n import _
from app.library.clauses import Kind
from ui.labels import kind_name, language_name
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QShortcut,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.spellcheck import own_context, watch


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed as "terrorism, Schengen" → ("terrorism", "Schengen"), blanks and repeats dropped."""
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class ClauseDialog(QDialog):
    """Title and text per language, kind, tags and (when editing) what changed.

    The dialog does not write anything: OK emits :attr:`saveRequest` and the flow
    that opened it calls :meth:`saved` once the library took the change, so a
    refused change leaves the dialog open with everything typed.
    """

    saveRequest = Signal()

    NEW, FROM_BLOCK, EDIT = "new", "block", "edit"

    def __init__(self, mode: str, parent: QWidget | None = None, *, clause_id: str = "") -> None:
        super().__init__(parent)
        self.mode = mode
        self.clause_id = clause_id
        self.spelling = own_context(self, parent)  # spell-check as you type, Ignore All here
        self.titles: dict[str, QLineEdit] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.title_labels: dict[str, QLabel] = {}
        self.text_labels: dict[str, QLabel] = {}

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        languages = QGridLayout()
        for column, lang in enumerate(LANGS):
            group = QGroupBox(self)
            title = QLineEdit(group)
            text = QPlainTextEdit(group)
            text.setTabChangesFocus(True)
            text.setMinimumHeight(text.fontMetrics().lineSpacing() * 8)
            title_label = QLabel(group)
            title_label.setBuddy(title)
            text_label = QLabel(group)
            text_label.setBuddy(text)
            box = QVBoxLayout(group)
            box.addWidget(title_label)
            box.addWidget(title)
            box.addWidget(text_label)
            box.addWidget(text, 1)
            languages.addWidget(group, 0, column)
            self.groups[lang], self.titles[lang], self.texts[lang] = group, title, text
            watch(title, lang)
            watch(text, lang)
            self.title_labels[lang], self.text_labels[lang] = title_label, text_label

        self.kind = QComboBox(self)
        for kind in Kind:
            self.kind.addItem("", kind.value)
        self.kind.setCurrentIndex(self.kind.findData(Kind.STANDARD.value))
        self.tags = QLineEdit(self)
        self.remark = QLineEdit(self)
        self.kind_label = QLabel(self)
        self.kind_label.setBuddy(self.kind)
        self.tags_label = QLabel(self)
        self.tags_label.setBuddy(self.tags)
        self.remark_label = QLabel(self)
        self.remark_label.setBuddy(self.remark)
        form = QFormLayout()
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.tags_label, self.tags)
        form.addRow(self.remark_label, self.remark)
        editing = mode == self.EDIT
        self.remark.setVisible(editing)
        self.remark_label.setVisible(editing)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Enter writes a new line in a text; Ctrl+Enter saves from anywhere.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(languages, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        order = [w for lang in LANGS for w in (self.titles[lang], self.texts[lang])] + [
            self.kind,
            self.tags,
            self.remark,
            self.ok,
            self.cancel,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.sizeHint().height())
        self.retranslate()

    # --- contents -------------------------------------------------------------------

    def fill(
        self,
        *,
        title: Localized | None = None,
        text: Localized | None = None,
        kind: Kind | str = Kind.STANDARD,
        tags: tuple[str, ...] = (),
    ) -> None:
        """Show a clause's (or a block's) wording, kind and tags."""
        for lang in LANGS:
            self.titles[lang].setText((title or {}).get(lang, ""))
            self.titles[lang].setCursorPosition(0)
            self.texts[lang].setPlainText((text or {}).get(lang, ""))
        self.kind.setCurrentIndex(max(0, self.kind.findData(Kind(kind).value)))
        self.tags.setText(", ".join(tags))

    def title_value(self) -> Localized:
        """The titles typed, per language (blank ones left out)."""
        return {lang: e.text().strip() for lang, e in self.titles.items() if e.text().strip()}

    def text_value(self) -> Localized:
        """The texts typed, per language (blank ones left out)."""
        return {
            lang: e.toPlainText().strip()
            for lang, e in self.texts.items()
            if e.toPlainText().strip()
        }

    def kind_value(self) -> Kind:
        """The kind chosen."""
        return Kind(self.kind.currentData())

    def tags_value(self) -> tuple[str, ...]:
        """The tags typed, comma separated."""
        return split_tags(self.tags.text())

    def remark_value(self) -> str:
        """What the user said changed ("" when nothing was said)."""
        return self.remark.text().strip()

    # --- closing ----------------------------------------------------------------------

    def accept(self) -> None:
        """Ask the flow to save; the dialog stays open until :meth:`saved`."""
        if not self.text_value():
            self.texts[LANGS[0]].setFocus()
            self.intro.setText(_("Write the text in French, in Dutch or in both."))
            return
        self.saveRequest.emit()

    def saved(self) -> None:
        """The library took the clause: close."""
        super().accept()

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        titles = {
            self.NEW: _("New clause"),
            self.FROM_BLOCK: _("Save block as clause"),
            self.EDIT: _("Edit clause {id}").format(id=self.clause_id),
        }
        intros = {
            self.NEW: _(
                "A new clause of your personal library. Write it in French, Dutch or both."
            ),
            self.FROM_BLOCK: _(
                "The block’s text becomes a new clause of your personal library. "
                "The note keeps its block as it is."
            ),
            self.EDIT: _(
                "Your changes make a new revision; notes linked to an earlier one keep their "
                "wording until they are updated. Changing only one language marks the other "
                "out of date."
            ),
        }
        self.setWindowTitle(titles[self.mode])
        self.intro.setText(intros[self.mode])
        for lang in LANGS:
            name = language_name(lang)
            self.groups[lang].setTitle(name)
            self.title_labels[lang].setText(_("&Title:") if lang == "fr" else _("Tit&le:"))
            self.text_labels[lang].setText(_("T&ext:") if lang == "fr" else _("Te&xt:"))
            self.titles[lang].setAccessibleName(_("Title ({language})").format(language=name))
            self.texts[lang].setAccessibleName(_("Text ({language})").format(language=name))
            self.titles[lang].setPlaceholderText(_("Made from the first words when left blank"))
        for index in range(self.kind.count()):
            self.kind.setItemText(index, kind_name(Kind(self.kind.itemData(index))))
        self.kind_label.setText(_("&Kind:"))
        self.kind.setAccessibleName(_("Kind"))
        self.tags_label.setText(_("Ta&gs:"))
        self.tags.setAccessibleName(_("Tags"))
        self.tags.setPlaceholderText(_("Separated by commas"))
        self.remark_label.setText(_("&What changed:"))
        self.remark.setAccessibleName(_("What changed"))
        self.remark.setPlaceholderText(_("A short remark kept with the revision (optional)"))
        self.ok.setText(_("Save Changes") if self.mode == self.EDIT else _("Save Clause"))
        self.ok.setAccessibleName(self.ok.text())
        self.cancel.setText(_("Cancel"))
        self.cancel.setAccessibleName(_("Cancel"))
