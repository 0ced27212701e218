"""The user's embedded SQLite database: opening, pragmas and schema migrations.

It lives on the local disk in the user data folder (never on a network share),
in WAL mode with synchronous=FULL; ``PRAGMA user_version`` is the schema version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
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
        """
    )


#: Migrations in order; migration N brings the schema from version N-1 to N.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1]


def default_path() -> Path:
    """The database file in the user data folder."""
    return paths.data_dir() / DB_NAME


def connect(path: Path | None = None) -> sqlite3.Connection:
    """Open (creating or migrating as needed) the database at ``path``."""
    path = path or default_path()
    paths.ensure(path.parent)
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        migrate(db)
    except sqlite3.DatabaseError as error:
        raise ClausierError(
            _("The library database {path} cannot be opened: {reason}").format(
                path=path, reason=error
            )
        ) from None
    return db


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
