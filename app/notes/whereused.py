"""Where-used: which notes use a clause, at which revision, linked or copied.

The notes are those in the folders the user named in the preferences
(``note_folders``) and the recent files; the index lives in the database
(``note_file``, ``note_use``) and is refreshed incrementally: a note is read
again only when its modification time or size changed. It answers "these 7
notes cite the old wording of commitment 2.4".
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.language.codes import pick
from app.library import database
from app.notes.note import CopiedClause, FollowUpTable, LinkedClause, Note
from app.system.errors import NoteFileError

LINKED = "linked"
COPIED = "copied"
FOLLOW_UP = "followup"

_SKIPPED_FOLDERS = {"recovery", "__pycache__", "node_modules"}


@dataclass(frozen=True)
class Use:
    """One use of a clause in a note: which note, which block, which revision, how."""

    path: Path
    subject: str
    block_id: str
    clause_id: str
    revision: int  # 0 for a follow-up row, which names the clause without its wording
    mode: str  # linked, copied or followup


@dataclass(frozen=True)
class Usage:
    """Every use of one clause, and those that cite an older wording than the newest."""

    clause_id: str
    newest: int
    uses: list[Use]

    @property
    def notes(self) -> list[Path]:
        """The notes that use the clause, each once."""
        return list(dict.fromkeys(u.path for u in self.uses))

    @property
    def older(self) -> list[Use]:
        """The uses linked to (or copied from) a revision older than the newest."""
        return [u for u in self.uses if u.mode != FOLLOW_UP and 0 < u.revision < self.newest]

    @property
    def older_notes(self) -> list[Path]:
        """The notes citing an older wording, each once."""
        return list(dict.fromkeys(u.path for u in self.older))


@dataclass
class ScanReport:
    """What a refresh of the note index did."""

    seen: int = 0  # notes found in the folders and recent files
    read: int = 0  # notes read again because they changed
    removed: int = 0  # notes gone since the last refresh
    problems: list[str] = field(default_factory=list)


#: The window's state file, in the user data folder, and its list of recent notes
#: (written by ui/state.py): the command line looks where the window looks.
WINDOW_STATE_FILE = "window-state.json"


def recent_notes() -> list[Path]:
    """The notes the window opened or saved lately (that still exist)."""
    from app.system import paths, safejson

    try:
        data = safejson.loads((paths.data_dir() / WINDOW_STATE_FILE).read_bytes())
    except (OSError, ValueError):
        return []
    recent = data.get("recent", []) if isinstance(data, dict) else []
    return [Path(p) for p in recent if isinstance(p, str) and Path(p).exists()]


def uses_in(note: Note) -> list[tuple[str, str, int, str]]:
    """The clause uses in a note as (block id, clause id, revision, mode)."""
    found = []
    for _section, block in note.blocks():
        if isinstance(block, LinkedClause):
            found.append((block.id, block.clause_id, block.revision, LINKED))
        elif isinstance(block, CopiedClause):
            found.append((block.id, block.clause_id, block.revision, COPIED))
        elif isinstance(block, FollowUpTable):
            for row in block.rows:
                if row.clause_id:
                    found.append((block.id, row.clause_id, 0, FOLLOW_UP))
    return found


def _subject(note: Note) -> str:
    return pick(note.subject, "fr") or pick(note.subject, "nl")


def _notes_under(folder: Path) -> Iterable[Path]:
    """The note files under ``folder``, hidden and system folders skipped."""
    from app.notes import file as notefile

    for root, dirs, files in os.walk(folder, onerror=lambda _error: None):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _SKIPPED_FOLDERS]
        for name in files:
            if name.endswith(notefile.SUFFIX) and not name.startswith("."):
                yield Path(root) / name


class NoteIndex:
    """The index of clause uses in the user's notes, kept in the database."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def refresh(self, folders: Iterable[Path] = (), files: Iterable[Path] = ()) -> ScanReport:
        """Bring the index in step with the notes in ``folders`` (recursively) and ``files``.

        Notes no longer there (or in folders no longer named) leave the index.
        """
        from app.notes import file as notefile

        report = ScanReport()
        found: dict[str, os.stat_result] = {}
        for path in [p for folder in folders for p in _notes_under(Path(folder))] + [
            Path(f) for f in files
        ]:
            try:
                key = str(path.resolve())
                found[key] = path.stat()
            except OSError:
                continue
        report.seen = len(found)
        known = {
            path: (mtime, size)
            for path, mtime, size in self.db.execute("SELECT path, mtime_ns, size FROM note_file")
        }
        with database.transaction(self.db):
            for path in set(known) - set(found):
                self.db.execute("DELETE FROM note_file WHERE path = ?", (path,))
                report.removed += 1
            for path, stat in found.items():
                if known.get(path) == (stat.st_mtime_ns, stat.st_size):
                    continue
                report.read += 1
                try:
                    note = notefile.read(Path(path))
                except NoteFileError as error:
                    self._store(path, stat, "", [], str(error))
                    report.problems.append(str(error))
                    continue
                self._store(path, stat, _subject(note), uses_in(note), "")
        return report

    def _store(
        self,
        path: str,
        stat: os.stat_result,
        subject: str,
        uses: list[tuple[str, str, int, str]],
        problem: str,
    ) -> None:
        self.db.execute("DELETE FROM note_file WHERE path = ?", (path,))
        self.db.execute(
            "INSERT INTO note_file (path, mtime_ns, size, subject, problem) VALUES (?, ?, ?, ?, ?)",
            (path, stat.st_mtime_ns, stat.st_size, subject, problem),
        )
        self.db.executemany(
            "INSERT INTO note_use (path, block_id, clause_id, revision, mode) "
            "VALUES (?, ?, ?, ?, ?)",
            [(path, *use) for use in uses],
        )

    def note_saved(self, path: Path, note: Note) -> None:
        """Record a note the window has just saved (no need to read it back)."""
        path = Path(path)
        try:
            stat = path.stat()
        except OSError:
            return
        with database.transaction(self.db):
            self._store(str(path.resolve()), stat, _subject(note), uses_in(note), "")

    def usage(self, clause_id: str, newest: int) -> Usage:
        """Every use of ``clause_id`` (``newest`` is the library's newest revision)."""
        rows = self.db.execute(
            "SELECT u.path, f.subject, u.block_id, u.clause_id, u.revision, u.mode "
            "FROM note_use u JOIN note_file f ON f.path = u.path WHERE u.clause_id = ? "
            "ORDER BY f.path, u.rowid",
            (clause_id,),
        )
        uses = [Use(Path(p), s, b, c, r, m) for p, s, b, c, r, m in rows]
        return Usage(clause_id, newest, uses)

    def counts(self) -> dict[str, int]:
        """How many notes use each clause (for a "used in" column)."""
        return {
            clause_id: count
            for clause_id, count in self.db.execute(
                "SELECT clause_id, COUNT(DISTINCT path) FROM note_use GROUP BY clause_id"
            )
        }

    def problems(self) -> list[tuple[Path, str]]:
        """The notes that could not be read at the last refresh, with the reason."""
        return [
            (Path(path), problem)
            for path, problem in self.db.execute(
                "SELECT path, problem FROM note_file WHERE problem != '' ORDER BY path"
            )
        ]
