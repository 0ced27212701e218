"""The user's embedded SQLite database: opening, pragmas, schema migrations, integrity.

It lives on the local disk in the user data folder (never on a network share),
in WAL mode with synchronous=FULL; ``PRAGMA user_version`` is the schema version.
At start :func:`open_checked` runs SQLite's quick check; a damaged file is moved
aside (never deleted) and a fresh database is created, which the caller refills
from the library files and the personal library's backup (see app.collection.actions).

A database that cannot be written (a full disk, a read-only file, a newer
version's schema) is never changed: writing raises :class:`Unwritable` with the
reason in the user's words, and :func:`open_checked` raises :class:`Unavailable`
so the caller can work from :func:`open_fallback`, an in-memory copy, with the
personal library read-only.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.language.i18n import _
from app.system import paths
from app.system.atomic import failure_reason
from app.system.errors import ClausierError

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


def _v3(db: sqlite3.Connection) -> None:
    """Clause ids searchable as typed: an index on the id with case ignored (``VD2.1`` finds vd2.1.4)."""
    db.execute("CREATE INDEX clause_by_nocase_id ON clause (id COLLATE NOCASE)")


#: Migrations in order; migration N brings the schema from version N-1 to N.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3]

#: SQLite result codes that mean the file itself is damaged (not locked, not missing).
_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB

_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _FULL, _CANTOPEN = 3, 5, 6, 8, 10, 13, 14


class Unwritable(ClausierError):
    """The library database cannot be written now; nothing was changed."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            _("The library database cannot be written: {reason}. Nothing was changed.").format(
                reason=reason
            )
        )
        self.reason = reason


class Unavailable(ClausierError):
    """The library database cannot be opened for writing; ``copyable`` when it can still be read."""

    def __init__(self, path: Path, reason: str, *, copyable: bool) -> None:
        super().__init__(
            _("The library database {path} cannot be opened: {reason}").format(
                path=path, reason=reason
            )
        )
        self.path = path
        self.reason = reason
        self.copyable = copyable


def unwritable_reason(error: sqlite3.Error, folder: Path | None = None) -> str | None:
    """Why SQLite could not write, in the user's words; None when it is not the disk or the file."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if code is not None else None
    if primary == _FULL or (primary in (_IOERR, _CANTOPEN) and _disk_full(folder)):
        return _("the disk is full")
    if primary in (_READONLY, _PERM):
        return _("the library database is read-only")
    if primary == _IOERR:
        return _("the disk cannot be written (input/output error)")
    if primary == _CANTOPEN:
        return _("the library database cannot be opened")
    if primary in (_BUSY, _LOCKED):
        return _("another program is writing to the library database")
    return None


def _disk_full(folder: Path | None) -> bool:
    """Whether the disk holding ``folder`` has (next to) no room left."""
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


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


#: The tables that hold what only the user has (the personal library, the note index,
#: the index's bookkeeping); the others are the search index, rebuilt from library files.
OWN_TABLES = (
    "meta",
    "personal_clause",
    "clause_revision",
    "variable_def",
    "note_file",
    "note_use",
    "library_part",
)


def _quick_check(db: sqlite3.Connection, tables: tuple[str, ...] | None) -> None:
    """SQLite's quick check of the whole file, or of ``tables`` (and their indexes) only."""
    if tables is None:
        statements = ["PRAGMA quick_check"]
    else:
        present = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        statements = [f"PRAGMA quick_check({name})" for name in tables if name in present]
    for statement in statements:
        result = db.execute(statement).fetchone()[0]
        if result != "ok":
            raise _Damaged(str(result))


class _Connection(sqlite3.Connection):
    """A connection :func:`close_all` can find (sqlite3's own cannot be weakly referenced)."""


_OPEN: weakref.WeakSet[_Connection] = weakref.WeakSet()


def close_all() -> None:
    """Close every database file still open, as Python's own end would.

    A command line process leaves without freeing its objects (see ``ui.launch.run``);
    closing the files first lets SQLite fold the write-ahead log back into the database
    and remove it, which the next process would otherwise read through as it opens the
    file (100 ms after the 100,000 clauses of a team library were indexed).
    """
    for db in list(_OPEN):
        with contextlib.suppress(sqlite3.Error):
            db.close()


def _open(path: Path, *, check: bool, tables: tuple[str, ...] | None = None) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, factory=_Connection)
    _OPEN.add(db)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        if check:
            _quick_check(db, tables)
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
    path: Path | None = None, *, check: bool = True, tables: tuple[str, ...] | None = None
) -> tuple[sqlite3.Connection, Recovery | None]:
    """Open the database, checking its integrity; a damaged one is set aside and replaced.

    Returns the connection and, when the file was damaged, the :class:`Recovery`
    saying where it was kept. A database that cannot be written (a full disk, a
    read-only file or folder, a newer version's schema) raises
    :class:`Unavailable` and is left as it is; one that cannot be opened for
    another reason (locked) raises ClausierError. With ``tables`` (such as
    :data:`OWN_TABLES`), only those are checked: a command that reads a few
    clauses does not read the whole search index of a big team library first.
    """
    path = path or default_path()
    try:
        paths.ensure(path.parent)
        fresh = not path.exists() or path.stat().st_size == 0
    except OSError as error:
        raise Unavailable(path, failure_reason(error), copyable=False) from None
    try:
        return _open(path, check=check and not fresh, tables=tables), None
    except _Damaged as damage:
        reason = str(damage)
    except NewerDatabase:
        raise Unavailable(
            path, _("it was made by a newer version of Clausier"), copyable=False
        ) from None
    except sqlite3.DatabaseError as error:
        if not _is_damage(error):
            unwritable = unwritable_reason(error, path.parent)
            if unwritable is not None:
                raise Unavailable(path, unwritable, copyable=not fresh) from None
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


def open_fallback(path: Path, *, copy: bool) -> tuple[sqlite3.Connection, bool]:
    """An in-memory database for a session that cannot write its own file, and whether it is a copy.

    With ``copy``, it holds a copy of the file at ``path`` read without writing
    anything (personal library and search index included); otherwise, or when
    the file cannot be read either, it is empty and the caller fills the
    personal library from its backup copy. The file itself is never touched.
    """
    if copy:
        uri = Path(os.path.abspath(path)).as_uri()
        wal = Path(f"{path}-wal")
        attempts = [f"{uri}?mode=ro"]
        if not wal.exists() or wal.stat().st_size == 0:
            attempts.append(f"{uri}?immutable=1")  # no room for the shared-memory file
        for attempt in attempts:
            memory = _memory()
            try:
                source = sqlite3.connect(attempt, uri=True)
                try:
                    source.backup(memory)
                finally:
                    source.close()
                if memory.execute("PRAGMA user_version").fetchone()[0] <= len(MIGRATIONS):
                    migrate(memory)
                    return memory, True
            except sqlite3.Error:
                pass
            memory.close()
    memory = _memory()
    migrate(memory)
    return memory, False


def _memory() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA foreign_keys=ON")
    return db


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
    """Run a block in one write transaction (a savepoint when one is already open).

    When the disk or the file refuses the write (full, read-only...), what was
    done is rolled back and :class:`Unwritable` says why in one line.
    """
    try:
        with _transaction(db):
            yield db
    except sqlite3.OperationalError as error:
        reason = unwritable_reason(error, _folder_of(db))
        if reason is None:
            raise
        raise Unwritable(reason) from None


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    if db.in_transaction:
        name = f"sp{id(db)}_{os.urandom(3).hex()}"
        db.execute(f"SAVEPOINT {name}")
        try:
            yield db
        except BaseException:
            if db.in_transaction:  # SQLite may have rolled everything back itself
                with contextlib.suppress(sqlite3.Error):
                    db.execute(f"ROLLBACK TO {name}")
                    db.execute(f"RELEASE {name}")
            raise
        db.execute(f"RELEASE {name}")
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        _rollback(db)
        raise


def _rollback(db: sqlite3.Connection) -> None:
    """Roll back the open transaction, if SQLite has not already done so (a full disk does)."""
    if db.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")


def _folder_of(db: sqlite3.Connection) -> Path | None:
    """The folder of the database file behind ``db`` (None in memory)."""
    try:
        row = db.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return None
    return Path(row[2]).parent if row and row[2] else None


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
        raise NewerDatabase(_("The library database was made by a newer version of Clausier."))
    for number in range(version, len(MIGRATIONS)):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise
    return len(MIGRATIONS)


class NewerDatabase(ClausierError):
    """The database's schema is newer than this version knows."""
