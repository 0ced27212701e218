"""A search over a library in memory, for the moment before the search index is open."""

from __future__ import annotations

import re

from app.folding import fold as folded
from app.library import Library
from app.search import Hit


class MemorySearch:
    """Lists and filters the clauses of a library as :class:`app.search.LibraryIndex` does.

    The window shows the built-in library with it at its first paint, before the
    database is open; words typed match as prefixes of words of the titles and texts.
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
        """The clauses matching ``text`` (every word as a prefix), in library order."""
        words = _WORD.findall(folded(text))
        hits = []
        for clause in sorted(self.library.active(), key=_order):
            if kind and clause.kind.value != kind:
                continue
            if source and (clause.origin.source if clause.origin else "") != source:
                continue
            if part is not None and clause.part != part:
                continue
            if words:
                haystack = folded(
                    " ".join([*clause.title.values(), *clause.text.values(), *clause.tags])
                )
                found = _WORD.findall(haystack)
                if not all(any(w.startswith(word) for w in found) for word in words):
                    continue
            hits.append(Hit(clause.id, 0.0))
            if len(hits) >= limit:
                break
        return hits


_WORD = re.compile(r"\w+")


def _order(clause) -> tuple:
    origin = clause.origin
    return (
        origin.source if origin else "",
        clause.part if clause.part is not None else -1,
        origin.position if origin else 0,
        clause.id,
    )
