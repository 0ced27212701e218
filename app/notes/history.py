"""Undo and redo for note edits, kept in the core so it is tested without a display.

Each edit is a :class:`Command` with a translated label ("Insert clause"), whose
Undo and Redo menu texts are whole phrases (:mod:`app.notes.editwords`), and two
functions that apply and revert it; both return the :class:`Change` the
window must refresh. Consecutive typing in the same field merges into one
command, as users expect from a text editor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

from app.language.i18n import _


class Scope(StrEnum):
    """Which part of a note an edit touched."""

    METADATA = "metadata"
    VARIABLES = "variables"
    SECTIONS = "sections"  # sections added, removed, moved or renamed
    BLOCKS = "blocks"  # blocks added, removed or moved (section_ids says where)
    BLOCK = "block"  # the content of one block
    NOTE = "note"  # everything


class Label:
    """A command's name, translated when read, so a language switch renames past edits too."""

    def __init__(self, message: str, **values: object) -> None:
        self.message = message
        self.values = values

    def __str__(self) -> str:
        return _(self.message).format(**self.values)

    @property
    def undo_text(self) -> str:
        """The Undo menu's text for this edit, one whole phrase per language ("&Undo Rename section")."""
        return self._menu_text(0)

    @property
    def redo_text(self) -> str:
        """The Redo menu's text for this edit, one whole phrase per language ("&Redo Rename section")."""
        return self._menu_text(1)

    def _menu_text(self, which: int) -> str:
        from app.notes.editwords import PHRASES

        phrases = PHRASES.get(self.message)
        if phrases is None:  # an edit with no phrases of its own: the name after "Undo"
            return _menu_text(str(self), which)
        return _(phrases[which]).format(**self.values)


def _menu_text(label: str, which: int) -> str:
    """The Undo (0) or Redo (1) menu text for an edit known only by its name."""
    return (_("&Undo {action}") if which == 0 else _("&Redo {action}")).format(action=label)

    def __repr__(self) -> str:
        return f"Label({self.message!r})"


def _menu_text_of(label: Label | str, which: int) -> str:
    """The Undo (0) or Redo (1) menu text for a command's label."""
    if isinstance(label, Label):
        return label.undo_text if which == 0 else label.redo_text
    return _menu_text(label, which)


@dataclass(frozen=True)
class Change:
    """What an edit changed, so views refresh only that."""

    scope: Scope
    section_ids: tuple[str, ...] = ()
    block_id: str = ""
    field: str = ""


@dataclass
class Command:
    """One undoable edit: a label, how to apply it and how to revert it."""

    label: Label | str
    apply: Callable[[], Change]
    revert: Callable[[], Change]
    merge_key: tuple | None = None  # equal keys merge (typing in one field)


def combined(changes: list[Change]) -> Change:
    """One :class:`Change` that shows every one of ``changes`` (edits undone or redone together)."""
    if len(changes) == 1:
        return changes[0]
    scopes = {change.scope for change in changes}
    block_id = next((c.block_id for c in reversed(changes) if c.block_id), "")
    if scopes == {Scope.BLOCK} and {c.block_id for c in changes} == {block_id}:
        return Change(Scope.BLOCK, changes[-1].section_ids, block_id)
    if scopes <= {Scope.BLOCKS, Scope.SECTIONS}:
        # Sections added or removed with blocks: each section named is laid out again.
        sections = tuple(dict.fromkeys(i for change in changes for i in change.section_ids))
        return Change(Scope.BLOCKS, sections, block_id)
    return Change(Scope.NOTE)  # details, texts and blocks at once: everything is shown again


def _group_of(commands: list[Command]) -> Command:
    """One command doing ``commands`` in order, undoing them in reverse, named as the last."""

    def apply() -> Change:
        return combined([command.apply() for command in commands])

    def revert() -> Change:
        return combined([command.revert() for command in reversed(commands)])

    return Command(commands[-1].label, apply, revert)


class History:
    """The undo and redo stacks of one note, with a clean point for "unsaved changes"."""

    def __init__(self, limit: int = 1000) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._clean: int | None = 0
        self._limit = limit
        self._pushed = 0  # commands recorded so far (merged typing not counted)

    def push(self, command: Command) -> Change:
        """Apply ``command`` and record it (merging with the last one when they type on)."""
        change = command.apply()
        last = self._done[-1] if self._done else None
        mergeable = (
            last is not None
            and command.merge_key is not None
            and last.merge_key == command.merge_key
            and self._clean != len(self._done)
        )
        if mergeable:
            last.apply = command.apply  # redo goes straight to the newest text
        else:
            self._done.append(command)
            self._pushed += 1
            if len(self._done) > self._limit:
                del self._done[0]
                if self._clean is not None:
                    self._clean -= 1
                    if self._clean < 0:
                        self._clean = None
        if self._clean is not None and self._clean > len(self._done):
            self._clean = None
        self._undone.clear()
        return change

    @contextmanager
    def group(self) -> Iterator[None]:
        """Record every command pushed inside the ``with`` as one step, named as the last one.

        One user action that takes several edits (a clause inserted into the section
        made for it) is undone and redone in one go, as the user did it.
        """
        self.break_merge()  # the group's first edit starts a step of its own
        start = self._pushed
        try:
            yield
        finally:
            count = min(self._pushed - start, len(self._done))
            if count > 1:
                first = len(self._done) - count
                commands = self._done[first:]
                del self._done[first:]
                self._done.append(_group_of(commands))
                if self._clean is not None and self._clean > first:
                    self._clean = None  # (never saved midway; kept safe all the same)
                self._pushed = start + 1

    def undo(self) -> Change | None:
        """Revert the last command; None when there is nothing to undo."""
        if not self._done:
            return None
        command = self._done.pop()
        self._undone.append(command)
        return command.revert()

    def redo(self) -> Change | None:
        """Apply again the last undone command; None when there is nothing to redo."""
        if not self._undone:
            return None
        command = self._undone.pop()
        self._done.append(command)
        return command.apply()

    @property
    def can_undo(self) -> bool:
        """Whether there is something to undo."""
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        """Whether there is something to redo."""
        return bool(self._undone)

    @property
    def undo_label(self) -> str:
        """The label of the command Undo would revert ("" when none)."""
        return str(self._done[-1].label) if self._done else ""

    @property
    def redo_label(self) -> str:
        """The label of the command Redo would apply ("" when none)."""
        return str(self._undone[-1].label) if self._undone else ""

    @property
    def undo_text(self) -> str:
        """What the Undo menu says: "&Undo Rename section", or "&Undo" when there is nothing to undo."""
        return _menu_text_of(self._done[-1].label, 0) if self._done else _("&Undo")

    @property
    def redo_text(self) -> str:
        """What the Redo menu says: "&Redo Rename section", or "&Redo" when there is nothing to redo."""
        return _menu_text_of(self._undone[-1].label, 1) if self._undone else _("&Redo")

    def mark_clean(self) -> None:
        """Record that the note as it is now is saved."""
        self._clean = len(self._done)

    def mark_dirty(self) -> None:
        """Record that the note differs from any saved file (e.g. a recovered copy)."""
        self._clean = None

    def break_merge(self) -> None:
        """Stop the next edit from merging with the last one (e.g. the field lost focus)."""
        if self._done:
            self._done[-1].merge_key = None

    @property
    def is_clean(self) -> bool:
        """Whether the note is as it was last saved."""
        return self._clean == len(self._done)
