"""Keeping the French and Dutch of a clause in step: what changed in one, updating the other."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from app.language.codes import LANGS
from app.language.i18n import _
from app.library.sync import SyncState, other
from app.library.worddiff import LanguageDiff, diff_words
from ui.labels import language_name
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.diffview import DiffView, pieces_html

if TYPE_CHECKING:
    from app.collection.actions import Collection
    from app.library.clauses import Clause

STATE_COLOURS = {SyncState.OUT_OF_DATE: "#b3261e", SyncState.MISSING: "#8a5a00"}


class TranslationDialog(QDialog):
    """The sync state of each language, the source's changes and an editor for the translation."""

    translateRequest = Signal(str, str, str, str)  # clause id, language, text, title
    confirmRequest = Signal(str, str)  # clause id, language

    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.clause_id = ""
        self.clause: Clause | None = None
        self.states: dict[str, SyncState] = {}
        self.editable = False

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.state_labels: dict[str, QLabel] = {}
        states_row = QHBoxLayout()
        for lang in LANGS:
            label = QLabel(self)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.state_labels[lang] = label
            states_row.addWidget(label)
        states_row.addStretch(1)
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        for lang in LANGS:
            self.language.addItem("", lang)
        self.language_label.setBuddy(self.language)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language)
        language_row.addStretch(1)

        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.view = DiffView(self)
        self.source_label.setBuddy(self.view)
        self.editor_box = QGroupBox(self)
        self.title_label = QLabel(self.editor_box)
        self.title = QLineEdit(self.editor_box)
        self.title_label.setBuddy(self.title)
        self.text_label = QLabel(self.editor_box)
        self.text = QPlainTextEdit(self.editor_box)
        self.text.setTabChangesFocus(True)
        self.text_label.setBuddy(self.text)
        box = QVBoxLayout(self.editor_box)
        box.addWidget(self.title_label)
        box.addWidget(self.title)
        box.addWidget(self.text_label)
        box.addWidget(self.text, 1)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)

        self.update_button = QPushButton(self)
        self.confirm_button = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.update_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.update_button.setDefault(True)
        self.confirm_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(states_row)
        layout.addLayout(language_row)
        layout.addWidget(self.source_label)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.editor_box, 2)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        order = [
            *self.state_labels.values(),
            self.language,
            self.view,
            self.title,
            self.text,
            self.update_button,
            self.confirm_button,
            self.close_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.language.currentIndexChanged.connect(lambda _i: self._show_language())
        self.update_button.clicked.connect(self._update)
        self.confirm_button.clicked.connect(self._confirm)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 100, metrics.lineSpacing() * 40)
        self.retranslate()

    # --- contents ---------------------------------------------------------------------

    def set_clause(self, clause_id: str, lang: str = "") -> None:
        """Show ``clause_id``; ``lang`` is the language to update (else the one out of date)."""
        self.clause_id = clause_id
        self._read()
        if not lang:
            late = [code for code, s in self.states.items() if s is SyncState.OUT_OF_DATE]
            missing = [code for code, s in self.states.items() if s is SyncState.MISSING]
            lang = (late or missing or ["nl"])[0]
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language.blockSignals(False)
        self._heading()
        self._show_language()
        (self.text if self.editable else self.view).setFocus()

    def reload(self) -> None:
        """Read the clause again (after a library change), keeping the language shown."""
        self._read()
        self._heading()
        self._show_language()

    def _read(self) -> None:
        self.clause = self.collection.library.find(self.clause_id)
        self.states = self.collection.sync_states(self.clause_id) if self.clause else {}
        self.editable = bool(self.clause and self.clause.editable)

    def target(self) -> str:
        """The language being updated."""
        return self.language.currentData()

    def _show_language(self) -> None:
        lang, clause = self.target(), self.clause
        source = other(lang)
        state = self.states.get(lang)
        for code, label in self.state_labels.items():
            value = self.states.get(code)
            text = _("{language}: {state}").format(
                language=language_name(code), state=value.label if value else "—"
            )
            colour = STATE_COLOURS.get(value)
            label.setText(
                f'<b style="color:{colour}">{escape(text)}</b>' if colour else escape(text)
            )
            label.setAccessibleName(text)
        if clause is None:
            self.view.setHtml("")
            self.title.clear()
            self.text.clear()
            self._enable(False, False)
            self.notice.setText(_("This clause is no longer in the library."))
            return
        diff = None
        if state is SyncState.OUT_OF_DATE:
            diff = self.collection.source_diff(self.clause_id, lang)
        if diff is not None:
            heading = _(
                "Changes to the text in {source} since the last translation into {target}"
            ).format(source=language_name(source), target=language_name(lang))
        else:
            text = clause.text_in(source)
            title = clause.title.get(source, "")
            diff = LanguageDiff(source, diff_words(title, title), diff_words(text, text))
            heading = _("The text in {source}").format(source=language_name(source))
        self.view.diffs = {source: diff}
        self.view.setHtml(self._source_html(diff, heading))
        self.title.setText(clause.title.get(lang, ""))
        self.title.setModified(False)
        self.text.setPlainText(clause.text_in(lang))
        self.editor_box.setTitle(
            _("Translation into {language}").format(language=language_name(lang))
        )
        self._enable(self.editable, self.editable and state is SyncState.OUT_OF_DATE)
        if not self.editable:
            self.notice.setText(
                _("This clause is not in your personal library: copy it there to translate it.")
            )
        elif state is SyncState.OUT_OF_DATE:
            self.notice.setText(
                _(
                    "Update the translation, or mark it “Still Correct” if the change "
                    "does not affect it."
                )
            )
        elif state is SyncState.IN_STEP:
            self.notice.setText(_("The two languages are in step."))
        else:
            self.notice.setText("")

    @staticmethod
    def _source_html(diff: LanguageDiff, heading: str) -> str:
        parts = [f"<h3>{escape(heading)}</h3>"]
        if diff.title:
            parts.append(f"<p><b>{pieces_html(diff.title)}</b></p>")
        parts.append(f"<p>{pieces_html(diff.text) or '<i>—</i>'}</p>")
        return "".join(parts)

    def _enable(self, edit: bool, confirm: bool) -> None:
        self.title.setReadOnly(not edit)
        self.text.setReadOnly(not edit)
        self.update_button.setEnabled(edit)
        self.confirm_button.setEnabled(confirm)

    def _update(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            self.notice.setText(_("Write the translation first."))
            self.text.setFocus()
            return
        self.translateRequest.emit(self.clause_id, self.target(), text, self.title.text().strip())

    def _confirm(self) -> None:
        self.confirmRequest.emit(self.clause_id, self.target())

    def _heading(self) -> None:
        self.setWindowTitle(_("Translation — {id}").format(id=self.clause_id or "…"))
        clause = self.clause
        title = (clause.title_in("fr") or clause.title_in("nl")) if clause else ""
        self.heading.setText(f"{self.clause_id} — {title}" if title else self.clause_id)

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        for index in range(self.language.count()):
            self.language.setItemText(index, language_name(self.language.itemData(index)))
        self.language_label.setText(_("&Language to update:"))
        self.language.setAccessibleName(_("Language to update"))
        self.source_label.setText(_("&Source text:"))
        self.view.retranslate()
        self.view.setAccessibleName(_("Source text and its changes"))
        self.title_label.setText(_("&Title:"))
        self.title.setAccessibleName(_("Translated title"))
        self.text_label.setText(_("Te&xt:"))
        self.text.setAccessibleName(_("Translated text"))
        self.update_button.setText(_("&Update Translation"))
        self.update_button.setAccessibleName(_("Update translation"))
        self.confirm_button.setText(_("&Still Correct"))
        self.confirm_button.setAccessibleName(_("Still correct"))
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
        self.notice.setAccessibleName(_("Notice"))
        self.heading.setAccessibleName(_("Clause"))
        self._heading()
        if self.clause_id:
            self._show_language()
