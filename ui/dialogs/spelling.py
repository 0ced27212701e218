"""Check the Whole Note (F7): every unknown word of the note in reading order, one at a time.

For each word the dialog shows it in its sentence and its language, selects it in
the note, and offers what the right-click menu offers: a suggestion (Change, or
Change All for every occurrence), Ignore Once, Ignore All (for this note) and Add
to Dictionary. Each change is an undoable edit of the note.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from app.language.i18n import _
from app.notes.texts import note_texts
from app.spelling.note import Misspelling, correct, correct_all, ignore_all, misspellings
from ui.labels import language_name
from ui.panels.placefocus import keep_clear, show_place
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    Qt,
    QVBoxLayout,
)
from ui.widgets.spellunderline import WAVE_COLOUR

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow


class SpellDialog(QDialog):
    """Walks through the note's unknown words with Change, Ignore and Add to Dictionary."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.setModal(False)
        self.current: Misspelling | None = None
        self._skipped: set[tuple] = set()  # Ignore Once: (place, start, word)
        self._position = (-1, -1)  # where in reading order the walk stands
        self.language = QLabel(self)
        self.context = QLabel(self)
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.RichText)
        self.context.setObjectName("spellingContext")
        self.suggestions = QListWidget(self)
        self.suggestions_label = QLabel(self)
        self.suggestions_label.setBuddy(self.suggestions)
        self.change_to = QLineEdit(self)
        self.change_label = QLabel(self)
        self.change_label.setBuddy(self.change_to)
        self.change = QPushButton(self)
        self.change_every = QPushButton(self)
        self.ignore_once = QPushButton(self)
        self.ignore_every = QPushButton(self)
        self.add = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.change.setDefault(True)

        grid = QGridLayout()
        grid.addWidget(self.language, 0, 0, 1, 2)
        grid.addWidget(self.context, 1, 0, 1, 2)
        grid.addWidget(self.change_label, 2, 0)
        grid.addWidget(self.change_to, 3, 0)
        grid.addWidget(self.suggestions_label, 4, 0)
        grid.addWidget(self.suggestions, 5, 0)
        side = QVBoxLayout()
        for button in (
            self.change,
            self.change_every,
            self.ignore_once,
            self.ignore_every,
            self.add,
        ):
            side.addWidget(button)
        side.addStretch(1)
        grid.addLayout(side, 3, 1, 3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)

        self.suggestions.currentTextChanged.connect(self._chosen)
        self.suggestions.itemDoubleClicked.connect(lambda _item: self.change_word())
        self.change.clicked.connect(self.change_word)
        self.change_every.clicked.connect(self.change_all)
        self.ignore_once.clicked.connect(self.ignore)
        self.ignore_every.clicked.connect(self.ignore_all)
        self.add.clicked.connect(self.add_word)
        self.retranslate()
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 70, metrics.lineSpacing() * 22)

    # --- the walk ------------------------------------------------------------------------

    @property
    def service(self):
        """The application's spelling service."""
        return self.window.spelling.service

    def _found(self) -> list[Misspelling]:
        note = self.window.document.note
        return misspellings(note, self.service.speller)

    def _reading(self) -> dict:
        note = self.window.document.note
        return {item.place: i for i, item in enumerate(note_texts(note, linked=False))}

    def start(self) -> None:
        """Show the dialog on the first unknown word of the note."""
        self.service.wait()  # a dictionary still loading in the background
        self._position = (-1, -1)
        self._skipped.clear()
        self.show()
        self.raise_()
        self.next_word()

    def next_word(self) -> Misspelling | None:
        """Go to the first unknown word after where the walk stands; None at the end."""
        if not self.service.enabled:
            self._finish(_("Spelling is turned off in the preferences."))
            return None
        order = self._reading()
        for mistake in self._found():
            key = (order.get(mistake.place, -1), mistake.start)
            if key < self._position:
                continue
            if (mistake.place, mistake.start, mistake.word) in self._skipped:
                continue
            self._show(mistake)
            return mistake
        self._finish(_("The spelling check is complete."))
        return None

    def _show(self, mistake: Misspelling) -> None:
        self.current = mistake
        lang = mistake.place.lang
        self.language.setText(
            _("Not in the dictionary ({language}):").format(language=language_name(lang))
        )
        self.context.setText(
            f"{html.escape(mistake.before)}<b><u style='color:{WAVE_COLOUR}'>"
            f"{html.escape(mistake.word)}</u></b>{html.escape(mistake.after)}"
        )
        offered = self.service.suggest(mistake.word, lang)
        self.suggestions.clear()
        self.suggestions.addItems(offered)
        self.change_to.setText(offered[0] if offered else mistake.word)
        if offered:
            self.suggestions.setCurrentRow(0)
        editable = not self.window.document.read_only
        for button in (self.change, self.change_every, self.ignore_every):
            button.setEnabled(editable)
        self.ignore_once.setEnabled(True)
        self.add.setEnabled(True)
        show_place(self.window.composer, mistake.place, mistake.start, mistake.end)
        keep_clear(self, self.window.composer)
        self.activateWindow()
        self.change_to.setFocus()
        self.change_to.selectAll()

    def _finish(self, message: str) -> None:
        self.current = None
        self.language.setText("")
        self.context.setText(message)
        self.suggestions.clear()
        self.change_to.clear()
        for button in (
            self.change,
            self.change_every,
            self.ignore_once,
            self.ignore_every,
            self.add,
        ):
            button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def _advance_past(self, mistake: Misspelling, length: int) -> None:
        order = self._reading()
        self._position = (order.get(mistake.place, -1), mistake.start + length)

    def _chosen(self, text: str) -> None:
        if text:
            self.change_to.setText(text)

    # --- the choices ---------------------------------------------------------------------

    def change_word(self) -> None:
        """Replace this occurrence by the text in "Change to", then go on."""
        mistake, text = self.current, self.change_to.text()
        if mistake is None or not text:
            return
        session = self.window.document.session
        try:
            self.window.document.edit(lambda: correct(session, mistake, text))
        except ValueError:  # the note changed under the dialog: look again from here
            pass
        self._advance_past(mistake, len(text))
        self.next_word()

    def change_all(self) -> None:
        """Replace every occurrence of this word in this language, as one undoable step."""
        mistake, text = self.current, self.change_to.text()
        if mistake is None or not text:
            return
        same = [
            m
            for m in self._found()
            if m.word == mistake.word and m.place.lang == mistake.place.lang
        ]
        session = self.window.document.session
        self.window.document.edit(lambda: correct_all(session, same, text))
        self._advance_past(mistake, len(text))
        self.next_word()

    def ignore(self) -> None:
        """Leave this occurrence alone (Ignore Once) and go on."""
        mistake = self.current
        if mistake is None:
            return
        self._skipped.add((mistake.place, mistake.start, mistake.word))
        self._advance_past(mistake, len(mistake.word))
        self.next_word()

    def ignore_all(self) -> None:
        """Leave this word alone everywhere in the note (kept with it), and go on."""
        mistake = self.current
        if mistake is None:
            return
        session = self.window.document.session
        lang = mistake.place.lang
        self.window.document.edit(lambda: ignore_all(session, mistake.word, lang))
        self._advance_past(mistake, len(mistake.word))
        self.next_word()

    def add_word(self) -> None:
        """Add this word to the user's dictionary, for every note, and go on."""
        mistake = self.current
        if mistake is None:
            return
        problem = self.service.add_word(mistake.word, mistake.place.lang)
        if problem:
            self.window.services.dialogs.error(
                self,
                _("“{word}” could not be added to your dictionary: {reason}").format(
                    word=mistake.word, reason=problem
                ),
            )
            return
        self._advance_past(mistake, len(mistake.word))
        self.next_word()

    # --- language ----------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.setWindowTitle(_("Spelling"))
        self.change_label.setText(_("C&hange to:"))
        self.suggestions_label.setText(_("&Suggestions:"))
        self.change.setText(_("&Change"))
        self.change_every.setText(_("Change A&ll"))
        self.ignore_once.setText(_("&Ignore Once"))
        self.ignore_every.setText(_("I&gnore All"))
        self.ignore_every.setToolTip(_("Leave this word alone everywhere in this note"))
        self.add.setText(_("&Add to Dictionary"))
        self.add.setToolTip(_("Add this word to your own dictionary, for every note"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.context.setAccessibleName(_("The unknown word in its sentence"))
        self.suggestions.setAccessibleName(_("Suggestions"))
