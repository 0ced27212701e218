"""Full-text search over the library, through the database's FTS5 index.

Search ignores accents and case (``securite`` finds ``sécurité``) and matches
word prefixes (``eco`` finds ``écoles``); titles and tags weigh more than texts.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from app import database
from app.library import Library

_WORD = re.compile(r"\w+", re.UNICODE)

# bm25 weights for: title_fr, title_nl, text_fr, text_nl, tags
_WEIGHTS = "6.0, 6.0, 1.0, 1.0, 3.0"


@dataclass(frozen=True)
class Hit:
    """A clause that matches a query, best first."""

    clause_id: str
    rank: float


def fts_query(text: str) -> str:
    """The FTS5 query for what the user typed: every word, as a prefix, must match."""
    words = _WORD.findall(text)
    return " ".join(f'"{word}"*' for word in words)


class LibraryIndex:
    """The searchable index of a library, kept in the user's database."""

    def __init__(self, db: sqlite3.Connection | None = None) -> None:
        self.db = db or database.connect()

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    def sync(self, library: Library, *, origin: str = "builtin") -> bool:
        """Index ``library`` unless its content is already indexed; True when re-indexed."""
        key = f"digest:{origin}"
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row and row[0] == library.digest:
            return False
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute(
                "DELETE FROM clause_fts WHERE rowid IN (SELECT rowid FROM clause WHERE origin = ?)",
                (origin,),
            )
            self.db.execute("DELETE FROM clause WHERE origin = ?", (origin,))
            for c in library:
                cursor = self.db.execute(
                    "INSERT OR IGNORE INTO clause (id, origin, source, part, position, kind, "
                    "revision) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        c.id,
                        origin,
                        c.origin.source if c.origin else "",
                        c.origin.part if c.origin else None,
                        c.origin.position if c.origin else None,
                        c.kind.value,
                        c.revision,
                    ),
                )
                if cursor.rowcount != 1:
                    continue  # the id is already indexed from another library
                self.db.execute(
                    "INSERT INTO clause_fts (rowid, title_fr, title_nl, text_fr, text_nl, tags) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        cursor.lastrowid,
                        c.title.get("fr", ""),
                        c.title.get("nl", ""),
                        c.text.get("fr", ""),
                        c.text.get("nl", ""),
                        " ".join(c.tags),
                    ),
                )
            self.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, library.digest)
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return True

    def search(
        self,
        text: str,
        *,
        limit: int = 200,
        kind: str | None = None,
        source: str | None = None,
        part: int | None = None,
    ) -> list[Hit]:
        """The clauses matching ``text`` (all words as prefixes), best first."""
        query = fts_query(text)
        filters, params = [], []
        if kind:
            filters.append("c.kind = ?")
            params.append(kind)
        if source:
            filters.append("c.source = ?")
            params.append(source)
        if part is not None:
            filters.append("c.part = ?")
            params.append(part)
        where = "".join(f" AND {f}" for f in filters)
        if not query:
            sql = (
                "SELECT c.id, 0.0 FROM clause c WHERE 1"
                + where
                + " ORDER BY c.source, c.part, c.position, c.id LIMIT ?"
            )
            rows = self.db.execute(sql, (*params, limit))
        else:
            sql = (
                f"SELECT c.id, bm25(clause_fts, {_WEIGHTS}) AS r FROM clause_fts "
                "JOIN clause c ON c.rowid = clause_fts.rowid WHERE clause_fts MATCH ?"
                + where
                + " ORDER BY r LIMIT ?"
            )
            rows = self.db.execute(sql, (query, *params, limit))
        return [Hit(row[0], row[1]) for row in rows]
