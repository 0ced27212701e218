"""Editing a note: one small named operation per user action, each undoable.

:class:`NoteSession` holds a note, its file and its :class:`History`. Every
method is one action a user takes in the window ("Insert clause", "Rename
section"...): it records a command and returns the :class:`Change` to show.
The edits of follow-up tables (:mod:`app.notes.followupedits`) and of the clauses taken
from the library (:mod:`app.notes.linkedits`) are mixed in from their own modules.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

from app.language.classification import Classification
from app.language.codes import Localized, NoteLanguage
from app.language.i18n import N_, _
from app.language.period import DateRange
from app.language.surrogates import clean, clean_value
from app.library.clauses import Clause, Library
from app.notes import file as notefile
from app.notes.followupedits import FollowUpEdits
from app.notes.history import Change, Command, History, Label, Scope
from app.notes.linkedits import LinkedClauseEdits
from app.notes.note import Block, CopiedClause, LinkedClause, Note, Section, TextBlock
from app.system.errors import ClausierError
from app.text import formatting
from app.text.richtext import ListKind, RichText, TextRun, coerce, paragraph, rich

#: Metadata fields a user edits.
METADATA_FIELDS = (
    "subject",
    "addressee",
    "author",
    "author_function",
    "cabinet",
    "date",
    "meeting_date",
    "place",
    "reference",
    "classification",
    "language",
)


def _clean_rich(value: RichText) -> RichText:
    """``value`` with lone surrogates (from broken input) replaced, as typed text gets."""
    if not any(clean(run.text) != run.text for p in value.paragraphs for run in p.runs):
        return value
    return rich(
        paragraph([TextRun(clean(r.text), r.bold, r.italic) for r in p.runs], p.kind, p.level)
        for p in value.paragraphs
    )


def _metadata_label(name: str) -> Label:
    labels = {
        "subject": Label(N_("Edit subject")),
        "addressee": Label(N_("Edit addressee")),
        "author": Label(N_("Edit author")),
        "author_function": Label(N_("Edit function")),
        "cabinet": Label(N_("Edit cabinet")),
        "date": Label(N_("Change date")),
        "meeting_date": Label(N_("Change meeting date")),
        "place": Label(N_("Edit place")),
        "reference": Label(N_("Edit reference")),
        "classification": Label(N_("Change classification")),
        "language": Label(N_("Change note language")),
    }
    return labels[name]


class NoteSession(FollowUpEdits, LinkedClauseEdits):
    """An open note: the note, where it is saved, and its undo history."""

    def __init__(self, note: Note | None = None, path: Path | None = None) -> None:
        self.note = note or Note()
        self.path = Path(path) if path else None
        self.history = History()
        self.read_only = False
        self.save_warnings: list[str] = []  # what the last save wants the user to know

    # --- files ------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> NoteSession:
        """Open the note file at ``path`` (and tidy temporary files interrupted saves left beside it)."""
        session = cls(notefile.read(path), path)
        notefile.remove_stale_temps_beside(Path(path))
        return session

    def save(self, path: Path | None = None) -> Path:
        """Save to ``path`` (or where it came from), atomically; marks the history clean."""
        target = Path(path) if path else self.path
        if target is None:
            raise ClausierError(_("Choose where to save the note."))
        if self.read_only and target == self.path:
            raise ClausierError(_("This note is open read-only; save it under another name."))
        self.save_warnings = notefile.write(self.note, target)
        self.path = target
        self.read_only = False
        self.history.mark_clean()
        return target

    @property
    def modified(self) -> bool:
        """Whether the note has changes not saved yet."""
        return not self.history.is_clean

    # --- lookup -----------------------------------------------------------------

    def section(self, section_id: str) -> Section:
        """The section with ``section_id``."""
        for section in self.note.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def locate(self, block_id: str) -> tuple[Section, int]:
        """The section holding ``block_id`` and the block's index in it."""
        for section in self.note.sections:
            for index, block in enumerate(section.blocks):
                if block.id == block_id:
                    return section, index
        raise KeyError(block_id)

    def block(self, block_id: str) -> Block:
        """The block with ``block_id``."""
        section, index = self.locate(block_id)
        return section.blocks[index]

    # --- metadata -------------------------------------------------------------

    def set_metadata(self, name: str, value: Any) -> Change:
        """Set a metadata field (subject, addressee, date, classification...)."""
        if name not in METADATA_FIELDS:
            raise KeyError(name)
        value = clean_value(value)  # text from the window's editors may hold lone surrogates
        if name == "classification":
            value = Classification(value)
        elif name == "language":
            value = NoteLanguage(value)
        elif name == "date" and value is not None and not isinstance(value, date):
            raise TypeError(name)
        elif name == "meeting_date" and not isinstance(value, date | DateRange | None):
            raise TypeError(name)
        old = copy.deepcopy(getattr(self.note, name))
        new = copy.deepcopy(value)
        if old == new:
            return Change(Scope.METADATA, field=name)

        def setter(v):
            def run() -> Change:
                setattr(self.note, name, copy.deepcopy(v))
                return Change(Scope.METADATA, field=name)

            return run

        typing = name in (
            "subject",
            "addressee",
            "author",
            "author_function",
            "cabinet",
            "place",
            "reference",
        )
        return self.history.push(
            Command(
                _metadata_label(name),
                setter(new),
                setter(old),
                merge_key=("metadata", name) if typing else None,
            )
        )

    def set_localized(self, name: str, lang: str, text: str) -> Change:
        """Set one language of a localized metadata field (subject, addressee, function...)."""
        current: Localized = dict(getattr(self.note, name))
        if text:
            current[lang] = text
        else:
            current.pop(lang, None)
        return self.set_metadata(name, current)

    def set_variable(self, name: str, value: str | Localized | None) -> Change:
        """Fill (or clear, with None or "") the variable ``name``."""
        old = copy.deepcopy(self.note.variables.get(name))
        new = clean_value(copy.deepcopy(value)) or None

        def setter(v):
            def run() -> Change:
                if v is None:
                    self.note.variables.pop(name, None)
                else:
                    self.note.variables[name] = copy.deepcopy(v)
                return Change(Scope.VARIABLES, field=name)

            return run

        return self.history.push(
            Command(
                Label(N_("Fill variable {name}"), name=name),
                setter(new),
                setter(old),
                merge_key=("variable", name),
            )
        )

    # --- sections -------------------------------------------------------------

    def add_section(self, title: Localized, index: int | None = None) -> Change:
        """Add a section (at the end by default)."""
        section = Section(title=clean_value(dict(title)))
        position = len(self.note.sections) if index is None else index

        def apply() -> Change:
            self.note.sections.insert(position, section)
            return Change(Scope.SECTIONS, (section.id,))

        def revert() -> Change:
            self.note.sections.remove(section)
            return Change(Scope.SECTIONS)

        return self.history.push(Command(Label(N_("Add section")), apply, revert))

    def rename_section(self, section_id: str, title: Localized) -> Change:
        """Give a section a new title."""
        section = self.section(section_id)
        old, new = dict(section.title), clean_value(dict(title))

        def setter(v):
            def run() -> Change:
                section.title = dict(v)
                return Change(Scope.SECTIONS, (section.id,))

            return run

        return self.history.push(
            Command(
                Label(N_("Rename section")),
                setter(new),
                setter(old),
                merge_key=("section", section_id),
            )
        )

    def move_section(self, section_id: str, new_index: int) -> Change:
        """Move a section to ``new_index``."""
        section = self.section(section_id)
        old_index = self.note.sections.index(section)
        new_index = max(0, min(new_index, len(self.note.sections) - 1))

        def mover(target):
            def run() -> Change:
                self.note.sections.remove(section)
                self.note.sections.insert(target, section)
                return Change(Scope.SECTIONS, (section.id,))

            return run

        return self.history.push(
            Command(Label(N_("Move section")), mover(new_index), mover(old_index))
        )

    def remove_section(self, section_id: str) -> Change:
        """Delete a section with its blocks."""
        section = self.section(section_id)
        index = self.note.sections.index(section)

        def apply() -> Change:
            self.note.sections.remove(section)
            return Change(Scope.SECTIONS)

        def revert() -> Change:
            self.note.sections.insert(index, section)
            return Change(Scope.SECTIONS, (section.id,))

        return self.history.push(Command(Label(N_("Delete section")), apply, revert))

    # --- blocks -----------------------------------------------------------------

    def _insert(self, label: Label, section_id: str, block: Block, index: int | None) -> Change:
        section = self.section(section_id)
        position = len(section.blocks) if index is None else max(0, min(index, len(section.blocks)))

        def apply() -> Change:
            section.blocks.insert(position, block)
            return Change(Scope.BLOCKS, (section.id,), block.id)

        def revert() -> Change:
            section.blocks.remove(block)
            return Change(Scope.BLOCKS, (section.id,))

        return self.history.push(Command(label, apply, revert))

    def insert_clause(self, section_id: str, clause: Clause, index: int | None = None) -> Change:
        """Insert a library clause, linked to its current revision."""
        return self._insert(
            Label(N_("Insert clause {id}"), id=clause.id),
            section_id,
            LinkedClause(clause.id, clause.revision),
            index,
        )

    def insert_text(
        self,
        section_id: str,
        text: dict[str, RichText | str] | None = None,
        index: int | None = None,
    ) -> Change:
        """Insert a free-text block (plain strings are read as a note file reads them)."""
        texts = {lang: _clean_rich(coerce(value)) for lang, value in (text or {}).items()}
        return self._insert(Label(N_("Insert text")), section_id, TextBlock(texts), index)

    def _text_block(self, block_id: str) -> TextBlock | CopiedClause:
        block = self.block(block_id)
        if not isinstance(block, TextBlock | CopiedClause):
            raise ClausierError(_("A linked clause cannot be edited; edit it locally first."))
        return block

    def _set_text(
        self, label: Label, block_id: str, lang: str, text: RichText, merge_key: tuple | None
    ) -> Change:
        """Record ``text`` as the block's text in ``lang`` (nothing when it is the same)."""
        block = self._text_block(block_id)
        old = block.text.get(lang)
        if old == text:
            return Change(Scope.BLOCK, block_id=block_id, field=lang)

        def setter(v):
            def run() -> Change:
                if v is None:
                    block.text.pop(lang, None)
                else:
                    block.text[lang] = v
                return Change(Scope.BLOCK, block_id=block_id, field=lang)

            return run

        return self.history.push(Command(label, setter(text), setter(old), merge_key=merge_key))

    def edit_text(self, block_id: str, lang: str, text: RichText | str) -> Change:
        """Change the text of a free-text or copied block in one language (typing, pasting).

        ``text`` is formatted text, or a plain string read as a note file reads one.
        """
        self._text_block(block_id)
        value = _clean_rich(text if isinstance(text, RichText) else coerce(clean(text)))
        return self._set_text(
            Label(N_("Typing")), block_id, lang, value, merge_key=("text", block_id, lang)
        )

    def _format(self, label: Label, block_id: str, lang: str, change) -> Change:
        """Apply ``change`` (RichText → RichText) to a block's text in ``lang``, as one command."""
        block = self._text_block(block_id)
        before = coerce(block.text.get(lang))
        return self._set_text(label, block_id, lang, change(before), merge_key=None)

    def toggle_mark(
        self, block_id: str, lang: str, start: int, end: int, mark: formatting.InlineMark | str
    ) -> Change:
        """Make characters ``start`` to ``end`` bold (or italic), or not when they all are."""
        mark = formatting.InlineMark(mark)
        label = Label(N_("Bold")) if mark is formatting.InlineMark.BOLD else Label(N_("Italic"))
        return self._format(
            label, block_id, lang, lambda v: formatting.toggle_mark(v, start, end, mark)
        )

    def toggle_list(
        self, block_id: str, lang: str, start: int, end: int, kind: ListKind | str
    ) -> Change:
        """Make the paragraphs a range touches a bulleted (numbered) list, or prose when they are."""
        kind = ListKind(kind)
        if kind is ListKind.PLAIN:
            raise ValueError(kind)
        label = (
            Label(N_("Bulleted list")) if kind is ListKind.BULLET else Label(N_("Numbered list"))
        )
        return self._format(
            label, block_id, lang, lambda v: formatting.toggle_list(v, start, end, kind)
        )

    def shift_list_level(self, block_id: str, lang: str, start: int, end: int, step: int) -> Change:
        """Put the list items a range touches one level deeper (``step`` 1) or shallower (-1)."""
        label = Label(N_("Increase list level")) if step > 0 else Label(N_("Decrease list level"))
        return self._format(
            label, block_id, lang, lambda v: formatting.shift_level(v, start, end, step)
        )

    def move_block(self, block_id: str, section_id: str, index: int) -> Change:
        """Move a block to position ``index`` of a section (the same or another)."""
        source, old_index = self.locate(block_id)
        block = source.blocks[old_index]
        target = self.section(section_id)

        def apply() -> Change:
            source.blocks.remove(block)
            target.blocks.insert(max(0, min(index, len(target.blocks))), block)
            return Change(Scope.BLOCKS, tuple({source.id: 0, target.id: 0}), block.id)

        def revert() -> Change:
            target.blocks.remove(block)
            source.blocks.insert(old_index, block)
            return Change(Scope.BLOCKS, tuple({source.id: 0, target.id: 0}), block.id)

        return self.history.push(Command(Label(N_("Move block")), apply, revert))

    def move_block_by(self, block_id: str, step: int) -> Change | None:
        """Move a block up (-1) or down (+1), across section boundaries; None at an end."""
        section, index = self.locate(block_id)
        sections = self.note.sections
        position = sections.index(section)
        if 0 <= index + step < len(section.blocks):
            return self.move_block(block_id, section.id, index + step)
        neighbour = position + (1 if step > 0 else -1)
        if not 0 <= neighbour < len(sections):
            return None
        target = sections[neighbour]
        return self.move_block(block_id, target.id, len(target.blocks) if step < 0 else 0)

    def remove_block(self, block_id: str) -> Change:
        """Delete a block."""
        section, index = self.locate(block_id)
        block = section.blocks[index]

        def apply() -> Change:
            section.blocks.remove(block)
            return Change(Scope.BLOCKS, (section.id,))

        def revert() -> Change:
            section.blocks.insert(index, block)
            return Change(Scope.BLOCKS, (section.id,), block.id)

        return self.history.push(Command(Label(N_("Delete block")), apply, revert))

    def remove_comment(self, block_id: str, index: int) -> Change:
        """Remove the comment kept on a block (one brought back from Word) at ``index``."""
        section, at = self.locate(block_id)
        block = section.blocks[at]
        comments = block.comments
        if not 0 <= index < len(comments):
            raise ClausierError(_("That comment is no longer on the block."))
        comment = comments[index]

        def apply() -> Change:
            comments.remove(comment)
            return Change(Scope.BLOCK, (section.id,), block_id, field="comments")

        def revert() -> Change:
            comments.insert(index, comment)
            return Change(Scope.BLOCK, (section.id,), block_id, field="comments")

        return self.history.push(Command(Label(N_("Remove comment")), apply, revert))

    # --- follow-up tables -----------------------------------------------------

    # --- undo -------------------------------------------------------------------

    def undo(self) -> Change | None:
        """Undo the last edit."""
        return self.history.undo()

    def redo(self) -> Change | None:
        """Redo the last undone edit."""
        return self.history.redo()

    def variable_names(self, library: Library) -> list[str]:
        """The variables the note's texts and clauses use, in order of appearance."""
        from app.library import variables

        found: dict[str, None] = {}
        for _section, block in self.note.blocks():
            texts: list[str] = []
            if isinstance(block, TextBlock | CopiedClause):
                texts = [value.plain for value in block.text.values()]
            elif isinstance(block, LinkedClause):
                clause = library.find(block.clause_id)
                texts = list(clause.text.values()) if clause else []
            for text in texts:
                for name in variables.names(text):
                    found.setdefault(name, None)
        return list(found)

    # --- clause reuse: linked clauses kept in step (see app.notes.updates) -----------

    # --- quotations of a source (see app.notes.quotation) and coverage (app.notes.coverage) ----
