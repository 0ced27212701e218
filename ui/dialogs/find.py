"""Find and Replace in the note (Ctrl+F, Ctrl+H): every block and title, both languages.

The dialog stays open beside the note, as Word's does. Find Next walks the matches
in reading order and selects each in the note; Replace replaces the one selected and
goes on; Replace All is one undoable step and says how many it replaced. A match in
a linked clause is found but not replaced: the dialog says why and offers Edit Locally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.language.i18n import _, ngettext
from app.notes.findreplace import FindOptions, Match, find_all, replace_all, replace_one
from app.notes.texts import LINKED, note_texts
from ui.panels.placefocus import keep_clear, show_place
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    Signal,
)

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow


class FindReplaceDialog(QDialog):
    """Find, Find Next, Replace and Replace All over the window's note."""

    editLocallyRequest = Signal(str)  # block id of a linked clause

    def __init__(self, window: MainWindow, *, replacing: bool = False) -> None:
        super().__init__(window)
        self.window = window
        self.setModal(False)
        self.matches: list[Match] = []
        self.current = -1
        self._stale = True
        self._reading: dict = {}
        self._linked_left: list[str] = []
        self.find_edit = QLineEdit(self)
        self.replace_edit = QLineEdit(self)
        self.find_label = QLabel(self)
        self.find_label.setBuddy(self.find_edit)
        self.replace_label = QLabel(self)
        self.replace_label.setBuddy(self.replace_edit)
        self.match_case = QCheckBox(self)
        self.whole_words = QCheckBox(self)
        self.ignore_accents = QCheckBox(self)
        self.ignore_accents.setChecked(True)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_locally = QPushButton(self)
        self.edit_locally.hide()
        self.find_next = QPushButton(self)
        self.find_previous = QPushButton(self)
        self.replace = QPushButton(self)
        self.replace_every = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.find_next.setDefault(True)

        form = QFormLayout()
        form.addRow(self.find_label, self.find_edit)
        form.addRow(self.replace_label, self.replace_edit)
        options = QHBoxLayout()
        for box in (self.match_case, self.whole_words, self.ignore_accents):
            options.addWidget(box)
        options.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.find_previous, self.find_next, self.replace, self.replace_every):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.edit_locally)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # a long notice grows it
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

        self.find_edit.textChanged.connect(self._query_changed)
        for box in (self.match_case, self.whole_words, self.ignore_accents):
            box.toggled.connect(self._query_changed)
        self.find_next.clicked.connect(lambda: self.step(1))
        self.find_previous.clicked.connect(lambda: self.step(-1))
        self.replace.clicked.connect(self.replace_current)
        self.replace_every.clicked.connect(self.replace_all)
        self.edit_locally.clicked.connect(self._edit_locally)
        self.retranslate()
        self.set_replacing(replacing)
        self._sync_buttons()

    # --- state -------------------------------------------------------------------------

    def options(self) -> FindOptions:
        """The options ticked."""
        return FindOptions(
            match_case=self.match_case.isChecked(),
            whole_words=self.whole_words.isChecked(),
            ignore_accents=self.ignore_accents.isChecked(),
        )

    def set_replacing(self, replacing: bool) -> None:
        """Show the replace field and buttons (Ctrl+H) or not (Ctrl+F)."""
        for widget in (self.replace_edit, self.replace_label, self.replace, self.replace_every):
            widget.setVisible(replacing)
        self.setWindowTitle(_("Find and Replace") if replacing else _("Find in Note"))

    def start(self, text: str = "") -> None:
        """Show the dialog with ``text`` (the selection) to look for, and the keyboard in it."""
        if text and "\n" not in text:
            self.find_edit.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _say(self, text: str) -> None:
        """Show ``text`` under the buttons, the dialog as tall as it needs."""
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if self.isVisible():
            self.adjustSize()

    def note_changed(self) -> None:
        """The note changed: the matches are found again when next needed."""
        self._stale = True

    def _query_changed(self, *_args) -> None:
        self._stale = True
        self.current = -1
        self._say("")
        self.edit_locally.hide()
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        has_query = bool(self.find_edit.text())
        writable = not self.window.document.read_only
        for button in (self.find_next, self.find_previous):
            button.setEnabled(has_query)
        self.replace.setEnabled(has_query and writable)
        self.replace_every.setEnabled(has_query and writable)

    def _refresh(self) -> None:
        if not self._stale:
            return
        library = self.window.services.library
        note = self.window.document.note
        self.matches = find_all(note, library, self.find_edit.text(), self.options())
        self._reading = {
            item.place: index
            for index, item in enumerate(note_texts(note, library, metadata=False))
        }
        self._stale = False

    def _key(self, place, start: int) -> tuple[int, int]:
        """Where a place and offset stand in reading order (a place gone comes first)."""
        return (self._reading.get(place, -1), start)

    # --- finding -----------------------------------------------------------------------

    def step(self, direction: int) -> Match | None:
        """Go to the next (1) or previous (-1) match, round the note; None when there is none."""
        before = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self._refresh()
        if not self.matches:
            self.current = -1
            self._say(_("“{text}” is not in the note.").format(text=self.find_edit.text()))
            self.edit_locally.hide()
            return None
        if before is not None and before in self.matches:
            index = self.matches.index(before) + direction
        elif before is not None:  # the note changed: the first match after the old one
            old = self._key(before.place, before.start)
            index = next(
                (i for i, m in enumerate(self.matches) if self._key(m.place, m.start) > old), 0
            )
            index = index if direction > 0 else index - 1
        else:
            index = 0 if direction > 0 else len(self.matches) - 1
        self.current = index % len(self.matches)
        match = self.matches[self.current]
        show_place(self.window.composer, match.place, match.start, match.end)
        keep_clear(self, self.window.composer)
        self.activateWindow()
        self._say_where(match)
        return match

    def _say_where(self, match: Match) -> None:
        text = _("{n} of {total}").format(n=self.current + 1, total=len(self.matches))
        if match.place.kind == LINKED:
            text += " — " + _(
                "This one is in a linked clause, which keeps the library's wording: "
                "edit the clause locally to change it here."
            )
            self.edit_locally.setVisible(not self.window.document.read_only)
        else:
            self.edit_locally.hide()
        self._say(text)

    # --- replacing ---------------------------------------------------------------------

    def replace_current(self) -> None:
        """Replace the match selected (finding one first when none is), then go to the next."""
        if self.current < 0 or self._stale:
            if self.step(1) is None:
                return
        match = self.matches[self.current]
        if match.place.kind == LINKED:
            self._say_where(match)
            return
        text = self.replace_edit.text()
        session = self.window.document.session
        self.window.document.edit(lambda: replace_one(session, match, text))
        self._stale = True
        self._refresh()
        # The next match after the replaced text, in the note as it is now.
        after = self._key(match.place, match.start + len(text))
        index = next(
            (i for i, m in enumerate(self.matches) if self._key(m.place, m.start) >= after), None
        )
        if index is None:
            self.current = -1
            self._say(_("Replaced; no more occurrences after it."))
            return
        self.current = index - 1
        self.step(1)

    def replace_all(self) -> int:
        """Replace every occurrence the note owns, in one undoable step; returns how many."""
        session = self.window.document.session
        query, text = self.find_edit.text(), self.replace_edit.text()
        library = self.window.services.library
        done = []

        def operation():
            result = replace_all(session, library, query, text, self.options())
            done.append(result)
            return result.change

        self.window.document.edit(operation)
        if not done:
            return 0
        result = done[0]
        message = ngettext(
            "Replaced {n} occurrence.", "Replaced {n} occurrences.", result.count
        ).format(n=result.count)
        if not result.count:
            message = _("“{text}” is not in the note.").format(text=query)
        if result.linked:
            message += " " + ngettext(
                "{n} more is in a linked clause and was left as the library words it; "
                "edit the clause locally to change it.",
                "{n} more are in linked clauses and were left as the library words them; "
                "edit the clauses locally to change them.",
                len(result.linked),
            ).format(n=len(result.linked))
        self._say(message)
        self.window.statusBar().showMessage(message, 8000)
        self._stale = True
        self.current = -1
        self.edit_locally.setVisible(bool(result.linked) and not self.window.document.read_only)
        self._linked_left = [m.place.block_id for m in result.linked]
        return result.count

    def _edit_locally(self) -> None:
        if (
            0 <= self.current < len(self.matches)
            and self.matches[self.current].place.kind == LINKED
        ):
            block_id = self.matches[self.current].place.block_id
        else:
            if not self._linked_left:
                return
            block_id = self._linked_left[0]
        self.editLocallyRequest.emit(block_id)
        self._stale = True
        self.edit_locally.hide()
        self._say(_("The clause is now the note's own text: Replace changes it too."))

    # --- language ----------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.find_label.setText(_("Fi&nd:"))
        self.replace_label.setText(_("Replace &with:"))
        self.find_edit.setAccessibleName(_("Text to find"))
        self.replace_edit.setAccessibleName(_("Replacement text"))
        self.match_case.setText(_("Match &case"))
        self.whole_words.setText(_("Whole w&ords only"))
        self.ignore_accents.setText(_("Ignore acc&ents (é = e)"))
        self.find_next.setText(_("Find &Next"))
        self.find_previous.setText(_("Find &Previous"))
        self.replace.setText(_("&Replace"))
        self.replace_every.setText(_("Replace &All"))
        self.edit_locally.setText(_("Edit &Locally"))
        self.edit_locally.setToolTip(
            _("Copy the linked clause into the note, so its text can be replaced")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.set_replacing(self.replace_edit.isVisibleTo(self))
