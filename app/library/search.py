"""Full-text search over the library, through the database's FTS5 indexes.

Search ignores accents and case (``securite`` finds ``sécurité``), reads œ and
æ as oe and ae (``coeur`` finds ``cœur``, see :mod:`app.library.folding`) and matches
word prefixes (``eco`` finds ``écoles``); titles and tags weigh more than texts.

Each library (built-in, imported, team, personal) is indexed under its own
origin, so a change in one re-indexes only that one; the personal library keeps
its rows in step clause by clause (:meth:`LibraryIndex.put`). Retired clauses
stay indexed but are left out of results unless asked for.

A search box calls :meth:`LibraryIndex.search` on every keystroke, so every
query is bounded, whatever the size of the library (see docs/benchmarks.md,
"Library search"):

- one letter matches the first word letters of titles only, in library order;
- two letters match every field, clauses whose title or tags match first, in
  library order;
- from three letters results are ranked (bm25; titles and tags weigh more):
  clauses whose title or tags match come first, then those that match in the
  text only. Within each group the best of the first :data:`RANKED_CANDIDATES`
  matches come first; below that many matches (any selective query) the
  ranking is exact. Titles and tags have their own small index
  (``title_fts``), so this first group is found quickly.

A query of one word is also a clause id, case ignored (:func:`id_query`): the
clause whose id it is comes first (``VD2.1.4``); clauses whose id begins with
it come next when it holds a digit, a dot, a hyphen or an underscore, as ids
do (``vd2.1`` and ``vd2.1.`` find vd2.1.1 to vd2.1.7), else after the clauses
it finds in titles, tags and texts (from two letters: ``vd``). Ids are read
from a range of the ``clause`` table's index on them (``clause_by_nocase_id``),
at most ``limit`` rows, so this too is bounded on every keystroke.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from app.library import database, folding, indexstore
from app.library.clauses import Clause, Library

_WORD = re.compile(r"\w+", re.UNICODE)
#: What makes a word typed read as a clause id rather than a word of a text.
_ID_MARK = re.compile(r"[\d._-]")
#: Above every character an id holds: the end of a range of ids with one prefix.
_LAST = "\U0010ffff"

# bm25 weights for: title_fr, title_nl, text_fr, text_nl, tags
_WEIGHTS = "6.0, 6.0, 1.0, 1.0, 3.0"
# ... and for the titles index: title_fr, title_nl, tags
_TITLE_WEIGHTS = "6.0, 6.0, 3.0"

#: How many matches a ranked search looks at, per group (titles, texts).
RANKED_CANDIDATES = 500
#: From this many typed characters, results are ranked.
RANKED_FROM = 3


@dataclass(frozen=True)
class Hit:
    """A clause that matches a query; a search returns them best first."""

    clause_id: str
    rank: float  # bm25 within its group (lower is better); 0.0 when not ranked


def fts_query(text: str) -> str:
    """The FTS5 query for what the user typed: every word, as a prefix, must match.

    Words are folded (:func:`app.library.folding.fold`); the index keeps œ and æ, so a
    word with "oe" or "ae" asks for each spelling: ``("coeur"* OR "cœur"*)``.
    """
    groups = []
    for word in _WORD.findall(folding.fold(text)):
        options = [f'"{spelling}"*' for spelling in folding.spellings(word)]
        groups.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(groups)


def matched_words(text: str, query: str) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text`` that a word of ``query`` begins, as the search
    matches them: accents, case and œ/æ folded (``oeuvre`` finds "œuvre", ``secu`` "Sécurité")."""
    wanted = _WORD.findall(folding.fold(query))
    if not wanted:
        return []
    return [
        (found.start(), found.end())
        for found in _WORD.finditer(text)
        if any(folding.fold(found.group()).startswith(word) for word in wanted)
    ]


def id_query(text: str) -> tuple[str, bool] | None:
    """What a query looks for among clause ids: the word typed, and whether it reads as an id.

    None for a query of several words (or none). A word reads as an id when it
    holds a digit, a dot, a hyphen or an underscore (``vd2``, ``vd2.1.``); the
    ids it begins then come before the text's matches, else after them.
    """
    words = text.split()
    if len(words) != 1:
        return None
    return words[0], bool(_ID_MARK.search(words[0]))


def _fts_values(clause: Clause, rowid: int) -> tuple:
    return (
        rowid,
        clause.title.get("fr", ""),
        clause.title.get("nl", ""),
        clause.text.get("fr", ""),
        clause.text.get("nl", ""),
        " ".join(clause.tags),
    )


def _title_values(clause: Clause, rowid: int) -> tuple:
    return (rowid, clause.title.get("fr", ""), clause.title.get("nl", ""), " ".join(clause.tags))


def _row_values(clause: Clause, origin: str) -> tuple:
    return (
        clause.id,
        origin,
        clause.origin.source if clause.origin else "",
        clause.origin.part if clause.origin else None,
        clause.origin.position if clause.origin else None,
        clause.kind.value,
        clause.revision,
        "retired" if clause.retired else "active",
        clause.title.get("fr", "") or "",
        clause.title.get("nl", "") or "",
        indexstore.extra_of(clause),
    )


_INSERT_ROW = (
    "INSERT OR IGNORE INTO clause (id, origin, source, part, position, kind, revision, state, "
    "title_fr, title_nl, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_NUMBERED_ROW = (
    "INSERT INTO clause (rowid, id, origin, source, part, position, kind, revision, state, "
    "title_fr, title_nl, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_FTS = (
    "INSERT INTO clause_fts (rowid, title_fr, title_nl, text_fr, text_nl, tags) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_TITLE = "INSERT INTO title_fts (rowid, title_fr, title_nl, tags) VALUES (?, ?, ?, ?)"


def _unique(hits: list[Hit]) -> list[Hit]:
    """Each clause once (an id in two libraries is indexed twice), best first."""
    seen: set[str] = set()
    return [h for h in hits if not (h.clause_id in seen or seen.add(h.clause_id))]


class LibraryIndex:
    """The searchable index of a library, kept in the user's database."""

    def __init__(self, db: sqlite3.Connection | None = None) -> None:
        self.db = db or database.connect()

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    # --- keeping the index in step ------------------------------------------------

    def _insert(self, clause: Clause, origin: str) -> bool:
        cursor = self.db.execute(_INSERT_ROW, _row_values(clause, origin))
        if cursor.rowcount != 1:
            return False  # the same id twice in one library: the first is kept
        rowid = cursor.lastrowid
        self.db.execute(_INSERT_FTS, _fts_values(clause, rowid))
        self.db.execute(_INSERT_TITLE, _title_values(clause, rowid))
        return True

    def _insert_all(self, library: Library, origin: str) -> None:
        """Index every clause of ``library`` (the first of an id given twice), in three batches.

        Row ids are given as SQLite would (after the highest), so the three tables
        are filled with one ``executemany`` each rather than three statements a clause.
        """
        rowid = self.db.execute("SELECT COALESCE(MAX(rowid), 0) FROM clause").fetchone()[0]
        rows, texts, titles = [], [], []
        seen: set[str] = set()
        for clause in library:
            if clause.id in seen:
                continue  # the same id twice in one library: the first is kept
            seen.add(clause.id)
            rowid += 1
            rows.append((rowid, *_row_values(clause, origin)))
            texts.append(_fts_values(clause, rowid))
            titles.append(_title_values(clause, rowid))
        self.db.executemany(_INSERT_NUMBERED_ROW, rows)
        self.db.executemany(_INSERT_FTS, texts)
        self.db.executemany(_INSERT_TITLE, titles)

    def sync(self, library: Library, *, origin: str = "builtin") -> bool:
        """Index ``library`` unless its content is already indexed; True when re-indexed."""
        key = f"digest:{origin}"
        if database.get_meta(self.db, key) == library.digest:
            return False
        with database.transaction(self.db):
            self._drop_origin(origin)
            self._insert_all(library, origin)
            indexstore.save_part(self.db, origin, library)
            database.set_meta(self.db, key, library.digest)
        return True

    def load(self, origin: str, *, library: str = "") -> Library | None:
        """The library indexed under ``origin``, read back without its texts (see app.library.indexstore)."""
        return indexstore.load(self.db, origin, library=library)

    def digest(self, origin: str) -> str | None:
        """The digest of the library indexed under ``origin`` (None when none is)."""
        return database.get_meta(self.db, f"digest:{origin}")

    def _drop_origin(self, origin: str) -> None:
        for table in ("clause_fts", "title_fts"):
            self.db.execute(
                f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM clause WHERE origin = ?)",
                (origin,),
            )
        self.db.execute("DELETE FROM clause WHERE origin = ?", (origin,))
        self.db.execute("DELETE FROM meta WHERE key = ?", (f"digest:{origin}",))
        indexstore.drop_part(self.db, origin)

    def sync_parts(self, library: Library) -> list[str]:
        """Index each part of a merged library under its origin; returns the origins re-indexed.

        Origins no longer present (and a whole-library index from earlier
        versions) are dropped first.
        """
        wanted = set(library.parts)
        present = {row[0] for row in self.db.execute("SELECT DISTINCT origin FROM clause")}
        stale = present - wanted
        if stale:
            with database.transaction(self.db):
                for origin in stale:
                    self._drop_origin(origin)
        return [name for name, part in library.parts.items() if self.sync(part, origin=name)]

    def put(self, clause: Clause, *, origin: str, digest: str | None = None) -> None:
        """Index one clause under ``origin``, replacing its earlier row there.

        With ``digest``, the origin's recorded digest is updated too (the caller
        keeps the whole origin in step, in its own transaction).
        """
        with database.transaction(self.db):
            self._delete_id(clause.id, origin)
            self._insert(clause, origin)
            if digest is not None:
                database.set_meta(self.db, f"digest:{origin}", digest)

    def remove(self, clause_id: str, *, origin: str, digest: str | None = None) -> None:
        """Drop one clause indexed under ``origin`` from the index."""
        with database.transaction(self.db):
            self._delete_id(clause_id, origin)
            if digest is not None:
                database.set_meta(self.db, f"digest:{origin}", digest)

    def _delete_id(self, clause_id: str, origin: str) -> None:
        where = "id = ? AND origin = ?"
        for table in ("clause_fts", "title_fts"):
            self.db.execute(
                f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM clause WHERE {where})",
                (clause_id, origin),
            )
        self.db.execute(f"DELETE FROM clause WHERE {where}", (clause_id, origin))

    def holding_phrases(
        self, phrases: list[tuple[str, ...]], lang: str, limit: int
    ) -> list[list[str]]:
        """For each phrase (words in order), up to ``limit`` active clauses whose text in ``lang`` holds it.

        The index folds accents and case, so this may find more than the exact
        words: callers check what they get.
        """
        column = "text_nl" if lang == "nl" else "text_fr"
        sql = (
            "SELECT c.id FROM clause_fts f JOIN clause c ON c.rowid = f.rowid "
            "WHERE clause_fts MATCH ? AND c.state = 'active' LIMIT ?"
        )
        found = []
        for words in phrases:
            query = f'{column} : "{" ".join(words)}"'
            found.append([row[0] for row in self.db.execute(sql, (query, limit))])
        return found

    def indexed_ids(self) -> set[str]:
        """Every clause id in the index."""
        return {row[0] for row in self.db.execute("SELECT id FROM clause")}

    # --- searching --------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        limit: int = 200,
        kind: str | None = None,
        source: str | None = None,
        part: int | None = None,
        include_retired: bool = False,
    ) -> list[Hit]:
        """The clauses matching ``text`` (all words as prefixes, or an id), best first.

        See the module's docstring for how one, two and three letters differ and
        where ids come; retired clauses are left out unless ``include_retired``.
        """
        query = fts_query(text)
        filters: list[str] = []
        params: list[object] = []
        if not include_retired:
            filters.append("c.state = 'active'")
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
            return _unique([Hit(*row) for row in self.db.execute(sql, (*params, limit))])
        ids = id_query(text)
        first: list[Hit] = []
        if ids is not None:
            word, reads_as_id = ids
            first = self._ids(word, where, params, limit, prefixes=reads_as_id)
        hits = self._words(text, query, where, params, limit)
        if first:  # (most queries match no id: their hits are not gone through again)
            hits = _unique(first + hits)
        if ids is not None and not ids[1] and len(ids[0]) > 1 and len(hits) < limit:
            hits = _unique(hits + self._ids(ids[0], where, params, limit, prefixes=True))
        return hits[:limit]

    def _words(self, text: str, query: str, where: str, params: list, limit: int) -> list[Hit]:
        """The clauses whose titles, tags or texts hold every word of ``query``, best first."""
        typed = len(text.strip())
        if typed == 1:
            titles = "{title_fr title_nl} : (" + query + ")"
            return _unique(self._group("title_fts", titles, where, params, limit, ranked=False))
        ranked = typed >= RANKED_FROM
        hits = _unique(self._group("title_fts", query, where, params, limit, ranked=ranked))
        if len(hits) >= limit:
            return hits
        more = self._group("clause_fts", query, where, params, limit + len(hits), ranked=ranked)
        return _unique(hits + more)[:limit]

    def _ids(self, word: str, where: str, params: list, limit: int, *, prefixes: bool) -> list[Hit]:
        """The clause whose id is ``word`` (case ignored), then, with ``prefixes``, those whose id begins with it.

        The first ``limit`` ids of the range, in the order of ids, are shown in library order.
        """
        if not prefixes:
            sql = "SELECT c.id, 0.0 FROM clause c WHERE c.id = ? COLLATE NOCASE" + where
            return [Hit(*row) for row in self.db.execute(sql + " LIMIT 1", (word, *params))]
        sql = (
            "SELECT id, 0.0 FROM (SELECT c.id, c.source, c.part, c.position FROM clause c "
            "WHERE c.id >= ? COLLATE NOCASE AND c.id < ? COLLATE NOCASE"
            + where
            + " ORDER BY c.id COLLATE NOCASE LIMIT ?) "
            "ORDER BY id = ? COLLATE NOCASE DESC, source, part, position, id"
        )
        rows = self.db.execute(sql, (word, word + _LAST, *params, limit, word))
        return [Hit(*row) for row in rows]

    def _group(
        self, table: str, query: str, where: str, params: list, limit: int, *, ranked: bool
    ) -> list[Hit]:
        """Matches in one index: ranked among the first candidates, or in library order."""
        join = f"FROM {table} f JOIN clause c ON c.rowid = f.rowid WHERE {table} MATCH ?" + where
        if not ranked:
            sql = f"SELECT c.id, 0.0 {join} LIMIT ?"
            return [Hit(*row) for row in self.db.execute(sql, (query, *params, limit))]
        weights = _TITLE_WEIGHTS if table == "title_fts" else _WEIGHTS
        sql = (
            f"SELECT id, r FROM (SELECT c.id AS id, bm25({table}, {weights}) AS r {join} "
            "LIMIT ?) ORDER BY r LIMIT ?"
        )
        rows = self.db.execute(sql, (query, *params, RANKED_CANDIDATES, limit))
        return [Hit(*row) for row in rows]
