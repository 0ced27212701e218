"""The user's embedded SQLite database: opening, pragmas, schema migrations, integrity.

It lives on the local disk in the user data folder (never on a network share),
in WAL mode with synchronous=FULL; ``PRAGMA user_version`` is the schema version.
At start :func:`open_checked` runs SQLite's quick check; a damaged file is moved
aside (never deleted) and a fresh database is created, which the caller refills
from the library files and the personal library's backup (see app.collection).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app import paths
from app.errors import ClausierError
from app.i18n import _

DB_NAME = "clausier.sqlite3"

FTS_TOKENIZER = "unicode61 remove_diacritics 2"


def _run(db: sqlite3.Connection, script: str) -> None:
    """Run ``script`` statement by statement (executescript would commit the transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1(db: sqlite3.Connection) -> None:
    _run(
        db,
        f"""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE clause (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            origin TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            part INTEGER,
            position INTEGER,
            kind TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1
        );
        CREATE VIRTUAL TABLE clause_fts USING fts5(
            title_fr, title_nl, text_fr, text_nl, tags,
            tokenize = '{FTS_TOKENIZER}', prefix = '2 3'
        );
        """,
    )


def _v2(db: sqlite3.Connection) -> None:
    """The personal library with its revisions, variables, the note index; a richer index.

    The search index is rebuilt (it is derived from the library files): each
    library file is indexed under its own origin, with every field of its
    clauses, so a large library is read back from the index instead of being
    parsed again, and titles and tags get a small index of their own.
    """
    _run(
        db,
        f"""
        DROP TABLE clause_fts;
        DROP TABLE clause;
        DELETE FROM meta WHERE key LIKE 'digest:%';
        CREATE TABLE clause (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            origin TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            part INTEGER,
            position INTEGER,
            kind TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            state TEXT NOT NULL DEFAULT 'active',
            title_fr TEXT NOT NULL DEFAULT '',
            title_nl TEXT NOT NULL DEFAULT '',
            extra TEXT NOT NULL DEFAULT '',
            UNIQUE (origin, id)
        );
        CREATE INDEX clause_by_id ON clause (id);
        CREATE INDEX clause_order ON clause (source, part, position, id);
        CREATE VIRTUAL TABLE clause_fts USING fts5(
            title_fr, title_nl, text_fr, text_nl, tags,
            tokenize = '{FTS_TOKENIZER}', prefix = '2 3'
        );
        CREATE VIRTUAL TABLE title_fts USING fts5(
            title_fr, title_nl, tags,
            tokenize = '{FTS_TOKENIZER}', prefix = '1 2 3 4'
        );
        CREATE TABLE clause_archive (
            origin TEXT NOT NULL,
            clause_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (origin, clause_id, revision)
        ) WITHOUT ROWID;
        CREATE TABLE library_part (
            origin TEXT PRIMARY KEY,
            data TEXT NOT NULL
        );
        CREATE TABLE personal_clause (
            id TEXT PRIMARY KEY,
            head INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'active'
                CHECK (state IN ('active', 'retired', 'deleted')),
            state_time TEXT NOT NULL DEFAULT '',
            state_author TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        );
        CREATE TABLE clause_revision (
            clause_id TEXT NOT NULL REFERENCES personal_clause (id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (clause_id, revision)
        ) WITHOUT ROWID;
        CREATE TABLE variable_def (
            name TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE note_file (
            path TEXT PRIMARY KEY,
            mtime_ns INTEGER NOT NULL,
            size INTEGER NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            problem TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE note_use (
            path TEXT NOT NULL REFERENCES note_file (path) ON DELETE CASCADE,
            block_id TEXT NOT NULL,
            clause_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('linked', 'copied', 'followup'))
        );
        CREATE INDEX note_use_by_clause ON note_use (clause_id, revision);
        CREATE INDEX note_use_by_path ON note_use (path)
        """,
    )


#: Migrations in order; migration N brings the schema from version N-1 to N.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2]

#: SQLite result codes that mean the file itself is damaged (not locked, not missing).
_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


@dataclass(frozen=True)
class Recovery:
    """A damaged database found at start: where it was kept, and why it was set aside."""

    damaged: Path
    reason: str

    @property
    def message(self) -> str:
        """What the user is told."""
        return _(
            "The library database was damaged ({reason}). It was kept as {path}; your "
            "personal library was restored from its last copy and the search index rebuilt."
        ).format(reason=self.reason, path=self.damaged)


def default_path() -> Path:
    """The database file in the user data folder."""
    return paths.data_dir() / DB_NAME


def _open(path: Path, *, check: bool) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        if check:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise _Damaged(str(result))
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db


class _Damaged(Exception):
    """The quick check found the database damaged."""


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGED_CODES
    return not isinstance(error, sqlite3.OperationalError)


def set_aside(path: Path) -> Path:
    """Move a damaged database (with its -wal and -shm files) aside; returns its new name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{number}{path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    return target


def open_checked(
    path: Path | None = None, *, check: bool = True
) -> tuple[sqlite3.Connection, Recovery | None]:
    """Open the database, checking its integrity; a damaged one is set aside and replaced.

    Returns the connection and, when the file was damaged, the :class:`Recovery`
    saying where it was kept. A database from a newer version, or one that cannot
    be opened for another reason (locked, no permission), raises ClausierError
    and is left where it is.
    """
    path = path or default_path()
    paths.ensure(path.parent)
    fresh = not path.exists() or path.stat().st_size == 0
    try:
        return _open(path, check=check and not fresh), None
    except _Damaged as damage:
        reason = str(damage)
    except sqlite3.DatabaseError as error:
        if not _is_damage(error):
            raise ClausierError(
                _("The library database {path} cannot be opened: {reason}").format(
                    path=path, reason=error
                )
            ) from None
        reason = str(error)
    damaged = set_aside(path)
    try:
        return _open(path, check=False), Recovery(damaged, reason)
    except sqlite3.DatabaseError as error:
        raise ClausierError(
            _("The library database {path} cannot be opened: {reason}").format(
                path=path, reason=error
            )
        ) from None


#: Databases found damaged and set aside by :func:`connect` in this process.
recoveries: list[Recovery] = []


def connect(path: Path | None = None) -> sqlite3.Connection:
    """Open (creating, checking, migrating as needed) the database at ``path``.

    A damaged file is set aside and recorded in :data:`recoveries`.
    """
    db, recovery = open_checked(path)
    if recovery is not None:
        recoveries.append(recovery)
    return db


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block in one write transaction (a savepoint when one is already open)."""
    if db.in_transaction:
        name = f"sp{id(db)}_{os.urandom(3).hex()}"
        db.execute(f"SAVEPOINT {name}")
        try:
            yield db
        except BaseException:
            db.execute(f"ROLLBACK TO {name}")
            db.execute(f"RELEASE {name}")
            raise
        db.execute(f"RELEASE {name}")
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def get_meta(db: sqlite3.Connection, key: str) -> str | None:
    """A value of the meta table (None when unset)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    """Set a value of the meta table."""
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def migrate(db: sqlite3.Connection) -> int:
    """Apply the missing migrations in one transaction each; returns the schema version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise ClausierError(_("The library database was made by a newer version of Clausier."))
    for number in range(version, len(MIGRATIONS)):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)
