"""A search over a library in memory, for the moment before the search index is open."""

from __future__ import annotations

import re

from app.library.clauses import Library
from app.library.folding import fold as folded
from app.library.search import Hit, id_query


class MemorySearch:
    """Lists and filters the clauses of a library as :class:`app.library.search.LibraryIndex` does.

    The window shows the built-in library with it at its first paint, before the
    database is open; words typed match as prefixes of words of the titles and texts,
    and a word matches clause ids as the index's search does (the exact id first).
    """

    def __init__(self, library: Library) -> None:
        self.library = library

    def search(
        self,
        text: str,
        *,
        limit: int = 200,
        kind: str | None = None,
        source: str | None = None,
        part: int | None = None,
    ) -> list[Hit]:
        """The clauses matching ``text`` (every word as a prefix, or an id), in library order."""
        words = _WORD.findall(folded(text))
        ids = id_query(text)
        typed = ids[0].casefold() if ids else ""
        exact: list[Hit] = []
        prefixed: list[Hit] = []
        matching: list[Hit] = []
        for clause in sorted(self.library.active(), key=_order):
            if kind and clause.kind.value != kind:
                continue
            if source and (clause.origin.source if clause.origin else "") != source:
                continue
            if part is not None and clause.part != part:
                continue
            own = clause.id.casefold()
            if typed and own == typed:
                exact.append(Hit(clause.id, 0.0))
            elif typed and own.startswith(typed):
                prefixed.append(Hit(clause.id, 0.0))
            if words:
                haystack = folded(
                    " ".join([*clause.title.values(), *clause.text.values(), *clause.tags])
                )
                found = _WORD.findall(haystack)
                if not all(any(w.startswith(word) for w in found) for word in words):
                    continue
            matching.append(Hit(clause.id, 0.0))
        if ids is not None and ids[1]:
            ordered = [*exact, *prefixed, *matching]
        elif len(typed) > 1:
            ordered = [*exact, *matching, *prefixed]
        else:
            ordered = [*exact, *matching]
        return _unique(ordered)[:limit]


_WORD = re.compile(r"\w+")


def _unique(hits: list[Hit]) -> list[Hit]:
    """Each clause once, where it first comes."""
    seen: set[str] = set()
    return [h for h in hits if not (h.clause_id in seen or seen.add(h.clause_id))]


def _order(clause) -> tuple:
    origin = clause.origin
    return (
        origin.source if origin else "",
        clause.part if clause.part is not None else -1,
        origin.position if origin else 0,
        clause.id,
    )
