"""Libraries read back from the search index, their texts fetched only when needed.

The index (app.library.search) keeps every field of every clause of each library file
it indexed. When a file has not changed since, its library is rebuilt from the
index (:func:`load`) instead of parsing the file again: its clauses stay in the
index, each made from its row when asked for (:class:`IndexedClauses`), and
even then without its texts, which a :class:`StoredText` reads when asked. A
command that exports a note linking three clauses of a team library of 100,000
makes three clause objects (docs/benchmarks.md, "The command line as whole
processes").
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from app.language.codes import LANGS
from app.library import database
from app.library.anchors import anchor_from_json
from app.library.clauses import (
    Clause,
    Kind,
    LanguageVersion,
    Library,
    Origin,
    Status,
    clause_from_json,
    clause_to_json,
    source_from_json,
    source_to_json,
)

#: Clause fields kept in the index's columns; the others go to ``extra`` (JSON).
_COLUMNS = {"id", "kind", "title", "text", "revision", "origin"}


def extra_of(clause: Clause) -> str:
    """The clause's fields that have no column of their own, as JSON ("" when none).

    ``langs`` lists the languages that have a text, so a list can show the
    translation status without reading the texts.
    """
    data = {k: v for k, v in clause_to_json(clause).items() if k not in _COLUMNS}
    if data.get("tags") == []:
        del data["tags"]
    data["langs"] = [lang for lang in LANGS if clause.text_in(lang).strip()]
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=4096)
def _extra(text: str) -> dict[str, Any]:
    """Parsed extras, shared between clauses that have the same (most do)."""
    data: dict[str, Any] = json.loads(text) if text else {}
    status = {k: Status(v) for k, v in (data.get("status") or {}).items() if k in LANGS}
    versions = tuple(
        LanguageVersion(lang, int(v["changed"]), int(v["translated_from"]))
        for lang, v in (data.get("versions") or {}).items()
        if lang in LANGS
    )
    return {
        "status": status,
        "tags": tuple(str(t) for t in data.get("tags", ())),
        "near_duplicates": tuple(data.get("near_duplicates", ())),
        "remark": str(data.get("remark", "")),
        "versions": versions,
        "retired": bool(data.get("retired", False)),
        "author": str(data.get("author", "")),
        "modified": str(data.get("modified", "")),
        "changes": tuple(str(c) for c in data.get("changes", ())),
        "anchor": anchor_from_json(data.get("anchor")),
        "langs": tuple(data.get("langs", LANGS)),
    }


class StoredText(Mapping[str, str]):
    """The texts of one clause revision, read from the index each time they are asked for."""

    __slots__ = ("_db", "_origin", "_id", "_revision", "_langs")

    def __init__(
        self,
        db: sqlite3.Connection,
        origin: str,
        clause_id: str,
        revision: int,
        langs: tuple[str, ...] = LANGS,
    ) -> None:
        self._db = db
        self._origin = origin
        self._id = clause_id
        self._revision = revision
        self._langs = langs

    def has_text(self, lang: str) -> bool:
        """Whether there is a text in ``lang``, without reading it."""
        return lang in self._langs

    def _texts(self) -> dict[str, str]:
        row = self._db.execute(
            "SELECT f.text_fr, f.text_nl FROM clause c JOIN clause_fts f ON f.rowid = c.rowid "
            "WHERE c.origin = ? AND c.id = ? AND c.revision = ?",
            (self._origin, self._id, self._revision),
        ).fetchone()
        if row is not None:
            return {lang: text for lang, text in zip(LANGS, row, strict=True) if text}
        row = self._db.execute(
            "SELECT data FROM clause_archive WHERE origin = ? AND clause_id = ? AND revision = ?",
            (self._origin, self._id, self._revision),
        ).fetchone()
        return dict(json.loads(row[0]).get("text", {})) if row else {}

    def __getitem__(self, lang: str) -> str:
        return self._texts()[lang]

    def get(self, lang: str, default: Any = None) -> Any:
        """The text in ``lang`` (read now), or ``default``."""
        return self._texts().get(lang, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts())

    def __len__(self) -> int:
        return len(self._texts())

    def __repr__(self) -> str:
        return f"StoredText({self._origin!r}, {self._id!r}, {self._revision})"


def save_part(db: sqlite3.Connection, origin: str, library: Library) -> None:
    """Keep a library's sources, variables and earlier revisions with its index rows."""
    data = {
        "sources": [source_to_json(s) for s in library.sources.values()],
        "variables": {name: list(value) for name, value in library.variables.items()},
    }
    db.execute(
        "INSERT OR REPLACE INTO library_part (origin, data) VALUES (?, ?)",
        (origin, json.dumps(data, ensure_ascii=False)),
    )
    db.executemany(
        "INSERT OR REPLACE INTO clause_archive (origin, clause_id, revision, data) "
        "VALUES (?, ?, ?, ?)",
        [
            (origin, clause_id, revision, json.dumps(clause_to_json(old), ensure_ascii=False))
            for clause_id, revisions in library.archive.items()
            for revision, old in revisions.items()
        ],
    )


def drop_part(db: sqlite3.Connection, origin: str) -> None:
    """Forget what :func:`save_part` kept for ``origin``."""
    db.execute("DELETE FROM library_part WHERE origin = ?", (origin,))
    db.execute("DELETE FROM clause_archive WHERE origin = ?", (origin,))


_ROW = "id, source, part, position, kind, revision, title_fr, title_nl, extra"
_KINDS = {k.value: k for k in Kind}


def clause_from_row(row: tuple, db: sqlite3.Connection, origin: str, library: str) -> Clause:
    """One clause made from its index row (its texts stay in the index until read)."""
    clause_id, source, part_number, position, kind, revision, title_fr, title_nl, extra = row
    title = {lang: t for lang, t in (("fr", title_fr), ("nl", title_nl)) if t}
    fields = dict(_extra(extra))
    langs = fields.pop("langs")
    return Clause(
        id=clause_id,
        kind=_KINDS[kind],
        title=title,
        text=StoredText(db, origin, clause_id, revision, langs),  # type: ignore[arg-type]
        origin=Origin(source, part_number, position) if source else None,
        revision=revision,
        library=library,
        **fields,
    )


class IndexedClauses(Mapping[str, Clause]):
    """The clauses of one indexed library, each made from its row when asked for.

    Nothing is read when the library is opened: a lookup reads one row (the last
    :data:`KEPT` clauses asked for are kept), listing them reads the rows in
    library order, and counting them asks the index.
    """

    KEPT = 512

    def __init__(self, db: sqlite3.Connection, origin: str, library: str = "") -> None:
        self._db = db
        self._origin = origin
        self._library = library
        self._kept: dict[str, Clause] = {}

    def _made(self, row: tuple) -> Clause:
        return clause_from_row(row, self._db, self._origin, self._library)

    def get(self, clause_id: str, default: Any = None) -> Any:
        """The clause ``clause_id`` (one row read, unless kept), or ``default``."""
        clause = self._kept.get(clause_id)
        if clause is not None:
            return clause
        row = self._db.execute(
            f"SELECT {_ROW} FROM clause WHERE origin = ? AND id = ?", (self._origin, clause_id)
        ).fetchone()
        if row is None:
            return default
        clause = self._made(row)
        self._keep(clause)
        return clause

    def _keep(self, clause: Clause) -> None:
        """Keep ``clause``, forgetting the oldest kept one past :data:`KEPT`.

        The preview's worker thread reads clauses too: a kept dict changed meanwhile
        only means one clause is not forgotten this time.
        """
        if len(self._kept) >= self.KEPT:
            try:
                del self._kept[next(iter(self._kept))]
            except (KeyError, RuntimeError, StopIteration):
                pass
        self._kept[clause.id] = clause

    def __getitem__(self, clause_id: str) -> Clause:
        clause = self.get(clause_id)
        if clause is None:
            raise KeyError(clause_id)
        return clause

    def get_many(self, clause_ids: list[str]) -> dict[str, Clause]:
        """The clauses of ``clause_ids`` this library holds, read in one query per 500 ids."""
        kept = self._kept
        found = {i: c for i in clause_ids if (c := kept.get(i)) is not None}
        missing = [i for i in dict.fromkeys(clause_ids) if i not in found]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            rows = self._db.execute(
                f"SELECT {_ROW} FROM clause WHERE origin = ? AND id IN "
                f"({', '.join('?' * len(chunk))})",
                (self._origin, *chunk),
            )
            for row in rows.fetchall():
                clause = found[row[0]] = self._made(row)
                self._keep(clause)
        return found

    def known_many(self, clause_ids: list[str]) -> set[str]:
        """Which of ``clause_ids`` this library holds (ids read, no clause made)."""
        found = {i for i in clause_ids if i in self._kept}
        missing = [i for i in dict.fromkeys(clause_ids) if i not in found]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            rows = self._db.execute(
                f"SELECT id FROM clause WHERE origin = ? AND id IN ({', '.join('?' * len(chunk))})",
                (self._origin, *chunk),
            )
            found.update(row[0] for row in rows)
        return found

    def __contains__(self, clause_id: object) -> bool:
        if clause_id in self._kept:
            return True
        return (
            self._db.execute(
                "SELECT 1 FROM clause WHERE origin = ? AND id = ?", (self._origin, clause_id)
            ).fetchone()
            is not None
        )

    def __iter__(self) -> Iterator[str]:
        rows = self._db.execute(
            "SELECT id FROM clause WHERE origin = ? ORDER BY rowid", (self._origin,)
        ).fetchall()
        return (row[0] for row in rows)

    def __len__(self) -> int:
        return self._db.execute(
            "SELECT COUNT(*) FROM clause WHERE origin = ?", (self._origin,)
        ).fetchone()[0]

    def items(self):  # type: ignore[override]
        """(id, clause) for every clause, made as the rows are read, in library order."""
        rows = self._db.execute(
            f"SELECT {_ROW} FROM clause WHERE origin = ? ORDER BY rowid", (self._origin,)
        )
        return ((row[0], self._made(row)) for row in rows.fetchall())

    def values(self):  # type: ignore[override]
        """Every clause, made as the rows are read, in library order."""
        return (clause for _clause_id, clause in self.items())

    def from_source(self, source_id: str) -> list[Clause]:
        """The clauses drawn from ``source_id``, in the source's order (read through its index)."""
        rows = self._db.execute(
            f"SELECT {_ROW} FROM clause WHERE source = ? AND origin = ? "
            "ORDER BY part, position, id",
            (source_id, self._origin),
        )
        return [self._made(row) for row in rows.fetchall()]

    def kinds(self) -> set[Kind]:
        """The kinds of clause this library holds (asked of the index)."""
        rows = self._db.execute(
            "SELECT DISTINCT kind FROM clause WHERE origin = ?", (self._origin,)
        )
        return {_KINDS[kind] for (kind,) in rows if kind in _KINDS}

    def longest_id(self) -> str:
        """The longest clause id ("" when none)."""
        row = self._db.execute(
            "SELECT id FROM clause WHERE origin = ? ORDER BY length(id) DESC LIMIT 1",
            (self._origin,),
        ).fetchone()
        return row[0] if row else ""

    def __repr__(self) -> str:
        return f"IndexedClauses({self._origin!r})"


class IndexedArchive(Mapping[str, dict[int, Clause]]):
    """The earlier revisions kept for one indexed library, read per clause when asked for."""

    def __init__(self, db: sqlite3.Connection, origin: str, library: str = "") -> None:
        self._db = db
        self._origin = origin
        self._library = library

    def get(self, clause_id: str, default: Any = None) -> Any:
        """The earlier revisions of ``clause_id`` (revision → clause), or ``default``."""
        rows = self._db.execute(
            "SELECT revision, data FROM clause_archive WHERE origin = ? AND clause_id = ?",
            (self._origin, clause_id),
        ).fetchall()
        if not rows:
            return default
        return {
            revision: clause_from_json(json.loads(data), library=self._library)
            for revision, data in rows
        }

    def __getitem__(self, clause_id: str) -> dict[int, Clause]:
        found = self.get(clause_id)
        if found is None:
            raise KeyError(clause_id)
        return found

    def __contains__(self, clause_id: object) -> bool:
        return (
            self._db.execute(
                "SELECT 1 FROM clause_archive WHERE origin = ? AND clause_id = ? LIMIT 1",
                (self._origin, clause_id),
            ).fetchone()
            is not None
        )

    def __iter__(self) -> Iterator[str]:
        rows = self._db.execute(
            "SELECT DISTINCT clause_id FROM clause_archive WHERE origin = ?", (self._origin,)
        ).fetchall()
        return (row[0] for row in rows)

    def __len__(self) -> int:
        return self._db.execute(
            "SELECT COUNT(DISTINCT clause_id) FROM clause_archive WHERE origin = ?",
            (self._origin,),
        ).fetchone()[0]


def load(db: sqlite3.Connection, origin: str, *, library: str = "") -> Library | None:
    """The library indexed under ``origin``, or None when not indexed.

    Only its sources and variables are read now; its clauses and their earlier
    revisions are read from the index when asked for (:class:`IndexedClauses`).
    """
    digest = database.get_meta(db, f"digest:{origin}")
    part = db.execute("SELECT data FROM library_part WHERE origin = ?", (origin,)).fetchone()
    if digest is None or part is None:
        return None
    meta = json.loads(part[0])
    sources = [source_from_json(s) for s in meta.get("sources", ())]
    return Library(
        sources={s.id: s for s in sources},
        clauses=IndexedClauses(db, origin, library),  # type: ignore[arg-type]
        digest=digest,
        archive=IndexedArchive(db, origin, library),  # type: ignore[arg-type]
        variables={k: (v[0], v[1]) for k, v in meta.get("variables", {}).items()},
    )
