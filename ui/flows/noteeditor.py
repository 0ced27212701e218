"""Editing the open note: each request of a view becomes one undoable operation of the core."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.language.i18n import _
from app.notes.history import Change
from app.system.errors import ClausierError
from app.text.richtext import ListKind, RichText
from ui.qt import QObject, Qt, QTimer

if TYPE_CHECKING:
    from app.library.clauses import Library
    from ui.document import NoteDocument
    from ui.mainwindow import MainWindow
    from ui.panels.composer import Composer

#: The section created when a clause arrives in a note that has none.
DEFAULT_SECTION = {"fr": "Engagements concernés", "nl": "Betrokken verbintenissen"}


class NoteEditor(QObject):
    """Carries out the composer's and the library's requests on the window's open note."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @property
    def document(self) -> NoteDocument:
        """The note open in the window."""
        return self.window.document

    @property
    def composer(self) -> Composer:
        """The composer that shows the note (it knows where insertions go)."""
        return self.window.composer

    @property
    def library(self) -> Library:
        """The clauses that can be inserted."""
        return self.window.services.library

    def _edit(self, operation) -> Change | None:
        try:
            return self.document.edit(operation)
        except ClausierError as error:
            self.window.services.dialogs.error(self.window, str(error))
        except KeyError:
            pass  # the block or section went away meanwhile (a drop racing an undo)
        return None

    def _ensure_section(self) -> str:
        """The section clauses go to, creating one when the note has none."""
        section_id, _index = self.composer.insertion_point()
        if section_id:
            return section_id
        change = self._edit(lambda: self.document.session.add_section(DEFAULT_SECTION))
        return change.section_ids[0] if change and change.section_ids else ""

    def insert_clause(self, clause_id: str) -> None:
        """Insert a library clause after the current block (Enter in the library)."""
        clause = self.library.find(clause_id)
        if clause is None or self.document.read_only:
            return
        session = self.document.session
        with session.history.group():  # with the section made for it: one step to undo
            section_id = self._ensure_section()
            _section, index = self.composer.insertion_point()
            self._edit(lambda: session.insert_clause(section_id, clause, index))
        self.window.statusBar().showMessage(_("Inserted {id}").format(id=clause_id), 4000)

    def insert_selected_clauses(self) -> None:
        """Insert the clauses selected in the library (one step to undo)."""
        with self.document.session.history.group():
            for clause_id in self.window.library.selected_clause_ids():
                self.insert_clause(clause_id)

    def insert_clauses_at(self, clause_ids: list[str], section_id: str, index: int) -> None:
        """Insert clauses dropped at a place in the note (one step to undo, as one drop)."""
        session = self.document.session
        with session.history.group():
            if not section_id:
                section_id = self._ensure_section()
            for offset, clause_id in enumerate(clause_ids):
                clause = self.library.find(clause_id)
                if clause is not None:
                    self._edit(
                        lambda clause=clause, offset=offset: session.insert_clause(
                            section_id, clause, index + offset
                        )
                    )

    def insert_text(self, section_id: str, index: int) -> None:
        """Insert a free-text block and put the cursor in it."""
        session = self.document.session
        where: int | None = None if index < 0 else index
        with session.history.group():
            if not section_id:
                section_id = self._ensure_section()
                _section, where = self.composer.insertion_point()
            change = self._edit(lambda: session.insert_text(section_id, None, where))
        if change and change.block_id:
            self.composer.focus_block(change.block_id)

    def insert_follow_up(self, section_id: str, index: int) -> None:
        """Insert an empty follow-up table."""
        session = self.document.session
        where: int | None = None if index < 0 else index
        with session.history.group():
            if not section_id:
                section_id = self._ensure_section()
                _section, where = self.composer.insertion_point()
            change = self._edit(lambda: session.insert_follow_up(section_id, where))
        if change and change.block_id:
            self.composer.focus_block(change.block_id)

    def add_section(self) -> None:
        """Add a section after the current one and put the cursor in its title."""
        note, session = self.document.note, self.document.session
        current = self.composer.current_section_id()
        ids = [s.id for s in note.sections]
        index = ids.index(current) + 1 if current in ids else len(ids)
        change = self._edit(lambda: session.add_section({}, index))
        if change and change.section_ids:
            QTimer.singleShot(0, lambda: self.composer.focus_section_title(change.section_ids[0]))

    def rename_section(self, section_id: str, title: dict) -> None:
        """Give a section a new title."""
        self._edit(lambda: self.document.session.rename_section(section_id, title))

    def move_section_by(self, section_id: str, step: int) -> None:
        """Move a section up or down."""
        note = self.document.note
        ids = [s.id for s in note.sections]
        if section_id not in ids:
            return
        target = ids.index(section_id) + step
        if 0 <= target < len(ids):
            self._edit(lambda: self.document.session.move_section(section_id, target))

    def remove_section(self, section_id: str) -> None:
        """Delete a section and its blocks (Undo brings them back)."""
        if section_id:
            if self._edit(lambda: self.document.session.remove_section(section_id)):
                self.window.statusBar().showMessage(
                    _("Section deleted. Undo brings it back."), 5000
                )

    def edit_text(self, block_id: str, lang: str, text: RichText | str) -> None:
        """Record typing in a text or copied block."""
        self._edit(lambda: self.document.session.edit_text(block_id, lang, text))

    def format_text(self, block_id: str, lang: str, command: str, start: int, end: int) -> None:
        """Apply a Format command (ui.widgets.formatcommands.COMMANDS) to a range of a block's text."""
        session = self.document.session
        if self.document.read_only:
            return
        if command in ("bold", "italic"):
            self._edit(lambda: session.toggle_mark(block_id, lang, start, end, command))
        elif command in ("bullets", "numbers"):
            kind = ListKind.BULLET if command == "bullets" else ListKind.NUMBERED
            self._edit(lambda: session.toggle_list(block_id, lang, start, end, kind))
        elif command in ("deeper", "shallower"):
            step = 1 if command == "deeper" else -1
            self._edit(lambda: session.shift_list_level(block_id, lang, start, end, step))

    def move_block(self, block_id: str, section_id: str, index: int) -> None:
        """Move a block where it was dropped."""
        self._edit(lambda: self.document.session.move_block(block_id, section_id, index))

    def move_block_by(self, block_id: str, step: int) -> None:
        """Move a block up or down, across sections; the keyboard stays with it."""
        if not block_id:
            return
        focus = self.window.focusWidget()
        self._edit(lambda: self.document.session.move_block_by(block_id, step))
        if focus is not None and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_block(self, block_id: str) -> None:
        """Delete a block (Undo brings it back)."""
        if block_id:
            self._edit(lambda: self.document.session.remove_block(block_id))

    def edit_locally(self, block_id: str) -> None:
        """Turn a linked clause into a copy the note may change."""
        if not block_id:
            return
        from app.notes.note import LinkedClause

        try:
            block = self.document.session.block(block_id)
        except KeyError:
            return
        if not isinstance(block, LinkedClause):
            self.window.statusBar().showMessage(
                _("Only a linked clause can be edited locally."), 4000
            )
            return
        change = self._edit(lambda: self.document.session.edit_locally(block_id, self.library))
        if change:
            self.composer.focus_block(block_id)

    def add_follow_up_row(self, block_id: str, clause_id: str) -> None:
        """Add a row to a follow-up table (for a clause when one was dropped)."""
        from app.notes.note import FollowUpRow

        self._edit(
            lambda: self.document.session.add_follow_up_row(
                block_id, FollowUpRow(clause_id=clause_id)
            )
        )

    def edit_follow_up(self, block_id: str, row: int, column: str, lang: str, text: str) -> None:
        """Change one cell of a follow-up table."""
        self._edit(lambda: self.document.session.edit_follow_up(block_id, row, column, lang, text))

    def remove_follow_up_row(self, block_id: str, row: int) -> None:
        """Delete a row of a follow-up table."""
        self._edit(lambda: self.document.session.remove_follow_up_row(block_id, row))

    def set_metadata(self, name: str, value: object) -> None:
        """Change one of the note's details."""
        self._edit(lambda: self.document.session.set_metadata(name, value))

    def set_localized(self, name: str, lang: str, text: str) -> None:
        """Change one language of a detail (subject, addressee, cabinet)."""
        self._edit(lambda: self.document.session.set_localized(name, lang, text))

    def set_variable(self, name: str, value: object) -> None:
        """Fill a variable."""
        self._edit(lambda: self.document.session.set_variable(name, value))

    def undo(self) -> None:
        """Undo the last change (what a cell being typed in holds is a change first)."""
        self.window.commit_pending_edits()
        label = self.document.session.history.undo_label
        if self.document.undo() is not None:
            self.window.statusBar().showMessage(_("Undone: {action}").format(action=label), 3000)

    def redo(self) -> None:
        """Redo the last undone change (after what a cell being typed in holds)."""
        self.window.commit_pending_edits()
        label = self.document.session.history.redo_label
        if self.document.redo() is not None:
            self.window.statusBar().showMessage(_("Redone: {action}").format(action=label), 3000)

    # --- quotations of a source, and the coverage table -------------------------------

    def insert_quotation(self, source_id: str, lang: str, start: int, end: int) -> None:
        """Insert the words selected in a source's full text as a quotation, where clauses go."""
        from app.notes import quotation

        if self.document.read_only:
            return
        excerpt = quotation.excerpt_from_selection(self.library, source_id, lang, start, end)
        if excerpt is None:
            self.window.statusBar().showMessage(
                _("Select words within one clause of the declaration to quote them."), 5000
            )
            return
        session = self.document.session
        with session.history.group():
            section_id = self._ensure_section()
            _section, index = self.composer.insertion_point()
            change = self._edit(lambda: session.insert_quotation(section_id, excerpt, index))
        if change:
            self.window.statusBar().showMessage(
                _("Inserted a quotation from {id}").format(id=excerpt.clause.id), 4000
            )

    def set_paraphrase(self, block_id: str, paraphrase: bool) -> None:
        """Present a clause taken from a source as a paraphrase, or as a quotation again."""
        if block_id and not self.document.read_only:
            self._edit(lambda: self.document.session.set_paraphrase(block_id, paraphrase))

    def remove_comment(self, block_id: str, index: int) -> None:
        """Remove a comment kept on a block (one undoable edit)."""
        if block_id and not self.document.read_only:
            self._edit(lambda: self.document.session.remove_comment(block_id, index))

    def insert_cited_follow_up(self, rows: list) -> None:
        """Insert a follow-up table with a row per cited commitment, where clauses go."""
        if not rows or self.document.read_only:
            return
        session = self.document.session
        with session.history.group():
            section_id = self._ensure_section()
            _section, index = self.composer.insertion_point()
            change = self._edit(lambda: session.insert_cited_follow_up(section_id, rows, index))
        if change and change.block_id:
            self.composer.focus_block(change.block_id)
