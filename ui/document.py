"""The open note of a window: the core's NoteSession plus its lock, autosave key and signals."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from app.notes.editing import NoteSession
from app.notes.history import Change, Scope
from app.notes.locks import NoteLock, NoteLocked
from app.notes.note import Note
from ui.qt import QObject, Signal


class NoteDocument(QObject):
    """One note being edited: every edit goes through :meth:`edit` and is announced by ``changed``."""

    changed = Signal(object)  # app.notes.history.Change
    stateChanged = Signal()  # modified flag, undo/redo labels, path or read-only changed

    def __init__(self, session: NoteSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lock: NoteLock | None = None
        self.locked_by = ""  # who holds the note when it opened read-only
        # Why the note's own file cannot be saved over (a read-only file or folder), "" when
        # it can: the note is edited as usual and kept with Save As, as Word does.
        self.file_read_only = ""
        self.autosave_key = os.urandom(16).hex()  # as uuid4().hex, without importing uuid
        self._autosaved_at_revision = -1
        self._revision = 0  # counts edits, to autosave only when something changed

    # --- construction -------------------------------------------------------------

    @classmethod
    def new(cls, note: Note) -> NoteDocument:
        """A document for a note that has no file yet."""
        return cls(NoteSession(note))

    @classmethod
    def open(cls, path: Path) -> NoteDocument:
        """Open the note at ``path``, read-only when another running instance holds it.

        A file that cannot be saved over (no write permission, a read-only folder) opens
        to be edited and kept under another name (:attr:`file_read_only` says why).
        """
        from app.system.atomic import read_only_reason

        session = NoteSession.open(path)
        document = cls(session)
        document.file_read_only = read_only_reason(path)
        if document.file_read_only:
            return document  # nobody writes it: no lock to take (or to make in its folder)
        try:
            document.lock = NoteLock.acquire(path)
        except NoteLocked as locked:
            session.read_only = True
            document.locked_by = locked.holder
        return document

    @classmethod
    def recovered(cls, note: Note, original: Path | None) -> NoteDocument:
        """A document for a note recovered after a crash: unsaved until the user saves it."""
        document = cls(NoteSession(note))
        if original is not None and original.exists():
            from app.system.atomic import read_only_reason

            document.session.path = original
            document.file_read_only = read_only_reason(original)
            try:
                document.lock = NoteLock.acquire(original)
            except NoteLocked as locked:
                document.session.read_only = True
                document.locked_by = locked.holder
        document.session.history.mark_dirty()  # unsaved until the user saves it
        return document

    # --- state --------------------------------------------------------------------

    @property
    def note(self) -> Note:
        """The note itself."""
        return self.session.note

    @property
    def path(self) -> Path | None:
        """Where the note is saved, if anywhere."""
        return self.session.path

    @property
    def read_only(self) -> bool:
        """Whether edits are refused (the note is open in another instance)."""
        return self.session.read_only

    @property
    def modified(self) -> bool:
        """Whether the note has changes that are not saved."""
        return self.session.modified

    @property
    def pristine(self) -> bool:
        """Whether the document is an untouched new note that a newly opened note may replace."""
        return self.path is None and not self.modified and not self.session.history.can_undo

    # --- edits --------------------------------------------------------------------

    def edit(self, operation: Callable[[], Change | None]) -> Change | None:
        """Run one core operation on the session and announce what it changed."""
        if self.read_only:
            return None
        change = operation()
        if change is not None:
            self._revision += 1
            self.changed.emit(change)
        self.stateChanged.emit()
        return change

    def undo(self) -> Change | None:
        """Undo the last edit."""
        return self.edit(self.session.undo)

    def redo(self) -> Change | None:
        """Redo the last undone edit."""
        return self.edit(self.session.redo)

    def break_typing(self) -> None:
        """Close the current typing run so the next keystrokes are a new undo step."""
        self.session.history.break_merge()

    # --- files --------------------------------------------------------------------

    def save(self, path: Path | None = None) -> Path:
        """Save (to ``path`` or the note's file), moving the lock along; discards the autosave."""
        target = Path(path) if path else self.path
        old_path = self.path
        new_lock = None
        if target is not None and target != old_path:
            new_lock = NoteLock.acquire(target)  # NoteLocked: another instance has that file
        try:
            saved = self.session.save(target)
        except BaseException:
            if new_lock is not None:
                new_lock.release()
            raise
        if saved != old_path or new_lock is not None:
            if self.lock is not None:
                self.lock.release()
            self.lock = new_lock
            self.locked_by = ""
            self.file_read_only = ""
        from app.notes import recovery

        with contextlib.suppress(OSError):  # the note is saved; a stale copy only costs a question
            recovery.discard_autosave(self.autosave_key)
        self._autosaved_at_revision = self._revision
        self.stateChanged.emit()
        return saved

    def autosave(self) -> bool:
        """Store a recovery copy if there are unsaved edits since the last one; True if written."""
        if not self.modified or self._autosaved_at_revision == self._revision:
            return False
        from app.notes import recovery

        recovery.write_autosave(self.note, key=self.autosave_key, original=self.path)
        self._autosaved_at_revision = self._revision
        return True

    def close(self) -> None:
        """Release the lock and drop the recovery copy (the user saved or chose to discard)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        from app.notes import recovery

        recovery.discard_autosave(self.autosave_key)

    def touch(self) -> None:
        """Mark the whole note as changed (after the library or the language changed)."""
        self.changed.emit(Change(Scope.NOTE))
