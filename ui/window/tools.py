"""The main window's tools on the note: spelling, Find and Replace, the declaration and coverage panes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.language.i18n import _
from ui.qt import QWidget
from ui.window.firstpaint import FirstPaint

if TYPE_CHECKING:
    from app.notes.history import Change


class NoteTools:
    """Spelling, Find and Replace, the declaration and the coverage, for :class:`~ui.mainwindow.MainWindow`."""

    def _start_spelling(self) -> None:
        """Spell-check as you type: the window's context (dictionaries load once it painted)."""
        from app.spelling import note as notespelling
        from ui.panels.wordcount import WordCount
        from ui.spellcheck import SpellContext

        def ignore(word: str, lang: str) -> None:
            session = self.document.session
            self.document.edit(lambda: notespelling.ignore_all(session, word, lang))

        self.spelling = SpellContext(
            self.workspace.spelling_service(),
            self,
            ignored=lambda lang: notespelling.ignored(self.document.note, lang),
            ignore=ignore,
            read_only=lambda: self.document.read_only,
        )
        self.spelling.service.problem.connect(self._spelling_problem)
        FirstPaint(self, self.spelling.start)
        self.word_count = WordCount(self)
        self.word_count.follow(self.spelling)
        self.statusBar().insertPermanentWidget(0, self.word_count)

    def _spelling_problem(self, text: str) -> None:
        """Say why spelling cannot be checked (a dictionary missing or unreadable)."""
        self.statusBar().showMessage(text, 10000)

    def _spelling_follows(self, change: Change) -> None:
        """Underline again when the words the note ignores change; count again after typing."""
        from app.notes.history import Scope  # loaded with the note, after the first paint

        if change.scope is Scope.NOTE or change.field == "ignored_words":
            self.spelling.redraw()
        self.word_count.schedule()
        if self.find_dialog is not None:
            self.find_dialog.note_changed()

    def find_in_note(self, *, replacing: bool) -> None:
        """Find (Ctrl+F) or Find and Replace (Ctrl+H) in the note; Ctrl+F in the library
        panel goes to its search, as it always did."""
        focus = self.focusWidget()
        in_library = focus is not None and (
            focus is self.library or self.library.isAncestorOf(focus)
        )
        if in_library and not replacing:
            self.focus_library()
            return
        from ui.dialogs.find import FindReplaceDialog

        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(self)
            self.find_dialog.editLocallyRequest.connect(self.editor.edit_locally)
        self.find_dialog.set_replacing(replacing)
        selected = ""
        if focus is not None and hasattr(focus, "textCursor"):
            selected = focus.textCursor().selectedText()
        elif focus is not None and hasattr(focus, "selectedText"):
            selected = focus.selectedText()
        self.find_dialog.start(selected)

    def check_spelling(self) -> None:
        """Check the Whole Note (F7): walk through every unknown word."""
        from ui.dialogs.spelling import SpellDialog

        if self.spell_dialog is None:
            self.spell_dialog = SpellDialog(self)
        self.spelling.service.request(self.document.note.language.languages)
        self.spell_dialog.start()

    def show_side(self, widget: QWidget) -> None:
        """Bring the preview pane forward on ``widget``'s tab (the declaration, the coverage)."""
        self.actions["toggle_preview"].setChecked(True)
        self.side.setCurrentWidget(widget)

    def _refresh_coverage(self) -> None:
        """Count the note's coverage again, when its tab shows (it is counted when it does)."""
        if self.coverage is None or self.document is None:
            return
        if self.side.currentWidget() is self.coverage:
            self.coverage.set_note(self.document.note, self._display_language())
        else:
            self.coverage.note = self.document.note
            self.coverage.lang = self._display_language()

    def show_in_declaration(self) -> None:
        """Show in the declaration the clause selected in the library (when the library has
        the keyboard), else the note's current block."""
        focus = self.focusWidget()
        in_library = focus is not None and (
            focus is self.library or self.library.isAncestorOf(focus)
        )
        block_id = self.composer.current_block_id()
        if in_library or not block_id:
            clause_id = self.library.selected_clause_id()
            if clause_id:
                self.show_clause_in_declaration(clause_id)
                return
        if block_id:
            self.show_block_in_declaration(block_id)
            return
        self.show_side(self.source_view)

    def show_clause_in_declaration(self, clause_id: str) -> None:
        """Scroll the declaration to a library clause and highlight it."""
        self.show_side(self.source_view)
        if not self.source_view.show_clause(clause_id, self.source_view.lang):
            self.statusBar().showMessage(
                _("{id} is not drawn from a declaration whose text the library holds.").format(
                    id=clause_id
                ),
                5000,
            )

    def show_block_in_declaration(self, block_id: str) -> None:
        """Scroll the declaration to where a block of the note stands, and highlight it."""
        from app.notes import quotation

        try:
            block = self.document.session.block(block_id)
        except KeyError:
            return
        self.show_side(self.source_view)
        found = quotation.block_span(block, self.services.library, self.source_view.lang)
        if found is None:
            self.statusBar().showMessage(
                _("This block is not taken from a declaration whose text the library holds."),
                5000,
            )
            return
        source, span, lang = found
        self.source_view.show_span(source.id, lang, span)

    def insert_quotation(self) -> None:
        """Insert the words selected in the declaration as a quotation (Ctrl+Shift+Q)."""
        if (
            self.side.currentWidget() is not self.source_view
            or not self.source_view.request_quotation()
        ):
            self.show_side(self.source_view)
            self.statusBar().showMessage(
                _("Select words within one clause of the declaration, then insert them."), 5000
            )
