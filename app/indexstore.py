"""Libraries read back from the search index, their texts fetched only when needed.

The index (app.search) keeps every field of every clause of each library file
it indexed. When a file has not changed since, its library is rebuilt from the
index (:func:`load`) instead of parsing the file again: the clauses stay in
memory without their texts, which a :class:`StoredText` reads from the index
when asked. A library of 100,000 clauses then takes tens of MiB, not hundreds
(docs/benchmarks.md, "Library search").
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from app import database
from app.anchors import anchor_from_json
from app.language import LANGS
from app.library import (
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


def load(db: sqlite3.Connection, origin: str, *, library: str = "") -> Library | None:
    """The library indexed under ``origin`` (texts read on demand), or None when not indexed."""
    digest = database.get_meta(db, f"digest:{origin}")
    part = db.execute("SELECT data FROM library_part WHERE origin = ?", (origin,)).fetchone()
    if digest is None or part is None:
        return None
    meta = json.loads(part[0])
    kinds = {k.value: k for k in Kind}
    clauses: dict[str, Clause] = {}
    rows = db.execute(
        "SELECT id, source, part, position, kind, revision, title_fr, title_nl, extra "
        "FROM clause WHERE origin = ? ORDER BY rowid",
        (origin,),
    )
    for row in rows:
        clause_id, source, part_number, position, kind, revision, title_fr, title_nl, extra = row
        title = {lang: t for lang, t in (("fr", title_fr), ("nl", title_nl)) if t}
        fields = dict(_extra(extra))
        langs = fields.pop("langs")
        clauses[clause_id] = Clause(
            id=clause_id,
            kind=kinds[kind],
            title=title,
            text=StoredText(db, origin, clause_id, revision, langs),  # type: ignore[arg-type]
            origin=Origin(source, part_number, position) if source else None,
            revision=revision,
            library=library,
            **fields,
        )
    archive: dict[str, dict[int, Clause]] = {}
    for clause_id, revision, data in db.execute(
        "SELECT clause_id, revision, data FROM clause_archive WHERE origin = ?", (origin,)
    ):
        archive.setdefault(clause_id, {})[revision] = clause_from_json(
            json.loads(data), library=library
        )
    sources = [source_from_json(s) for s in meta.get("sources", ())]
    return Library(
        sources={s.id: s for s in sources},
        clauses=clauses,
        digest=digest,
        archive=archive,
        variables={k: (v[0], v[1]) for k, v in meta.get("variables", {}).items()},
    )
