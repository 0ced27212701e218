"""Several libraries' clauses seen as one, without copying them: later libraries win.

:meth:`app.library.clauses.Library.merge` stacks the clauses of a library read back from
the search index (:class:`app.library.indexstore.IndexedClauses`, whose clauses are made
from the index's rows when asked for) instead of copying them into one dict, so
a team library of 100,000 clauses costs what a note reads from it, not 100,000
objects. A lookup asks each layer from the top; a change (a personal clause
edited in the window) goes to a small dict on top; listing every clause walks
the layers once, in the order a dict merge would give.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.library.clauses import Clause

_MISSING: Any = object()
_PRESENT: Any = object()
#: Above this many clauses, a layer below a stored one is checked against the stored
#: one's ids read once, rather than one question to the index per clause.
_ONE_BY_ONE = 256


def is_plain(clauses: Mapping) -> bool:
    """Whether ``clauses`` is an ordinary dict (every clause in memory)."""
    return type(clauses) is dict


class MergedClauses(MutableMapping[str, "Clause"]):
    """Clause id → clause over stacked layers (bottom first); the top-most layer holding an id wins.

    Writes go to a dict on top of the layers (``None`` there marks an id removed),
    so the layers themselves, a library read from the index among them, are never
    changed.
    """

    def __init__(self, layers: list[Mapping[str, Clause | None]] | None = None) -> None:
        self.layers: list[Mapping[str, Clause | None]] = list(layers or [])
        self._overlay: dict[str, Clause | None] | None = None

    def stack(self, clauses: Mapping[str, Clause]) -> None:
        """Put ``clauses`` on top (an ordinary dict is copied, as a dict merge would)."""
        self.layers.append(dict(clauses) if is_plain(clauses) else clauses)

    def _top(self) -> dict[str, Clause | None]:
        if self._overlay is None or not self.layers or self.layers[-1] is not self._overlay:
            self._overlay = {}
            self.layers.append(self._overlay)
        return self._overlay

    # --- reading one ----------------------------------------------------------------

    def get(self, clause_id: str, default: Any = None) -> Any:
        """The clause in force for ``clause_id``, or ``default``."""
        for layer in reversed(self.layers):
            found = layer.get(clause_id, _MISSING)
            if found is not _MISSING:
                return default if found is None else found
        return default

    def get_many(self, clause_ids: list[str]) -> dict[str, Clause]:
        """The clauses in force for ``clause_ids`` (those known), each layer asked once."""
        found: dict[str, Clause] = {}
        wanted = list(dict.fromkeys(clause_ids))
        for layer in reversed(self.layers):
            if not wanted:
                break
            if is_plain(layer):
                answers = {i: layer[i] for i in wanted if i in layer}
            elif hasattr(layer, "get_many"):
                answers = layer.get_many(wanted)
            else:
                answers = {i: layer[i] for i in wanted if i in layer}
            for clause_id, clause in answers.items():
                if clause is not None:  # None: removed here, so unknown below too
                    found[clause_id] = clause
            wanted = [i for i in wanted if i not in answers]
        return found

    def known_many(self, clause_ids: list[str]) -> set[str]:
        """Which of ``clause_ids`` are here, each layer asked once, no clause made."""
        decided: dict[str, bool] = {}
        wanted = list(dict.fromkeys(clause_ids))
        for layer in reversed(self.layers):
            if not wanted:
                break
            if is_plain(layer):
                decided.update({i: layer[i] is not None for i in wanted if i in layer})
            elif hasattr(layer, "known_many"):
                decided.update(dict.fromkeys(layer.known_many(wanted), True))
            else:
                decided.update({i: True for i in wanted if i in layer})
            wanted = [i for i in wanted if i not in decided]
        return {i for i, here in decided.items() if here}

    def __getitem__(self, clause_id: str) -> Clause:
        found = self.get(clause_id, _MISSING)
        if found is _MISSING:
            raise KeyError(clause_id)
        return found

    def __contains__(self, clause_id: object) -> bool:
        return self.get(clause_id, _MISSING) is not _MISSING  # type: ignore[arg-type]

    # --- changing ------------------------------------------------------------------

    def __setitem__(self, clause_id: str, clause: Clause) -> None:
        self._top()[clause_id] = clause

    def __delitem__(self, clause_id: str) -> None:
        if clause_id not in self:
            raise KeyError(clause_id)
        self._top()[clause_id] = None

    # --- every clause ----------------------------------------------------------------

    def _winner(
        self, clause_id: str, below: int, sets: dict[int, set[str]], many: bool, values: bool
    ) -> Any:
        """The entry for ``clause_id`` of the top-most layer above ``below`` holding it.

        Without ``values``, a stored layer's clause is not made: it answers ``_PRESENT``.
        """
        for number in range(len(self.layers) - 1, below, -1):
            upper = self.layers[number]
            if is_plain(upper):
                found = upper.get(clause_id, _MISSING)
                if found is not _MISSING:
                    return found
                continue
            if many:
                ids = sets.get(number)
                if ids is None:
                    ids = sets[number] = set(upper)
                if clause_id in ids:
                    return upper[clause_id] if values else _PRESENT
            elif clause_id in upper:
                return upper[clause_id] if values else _PRESENT
        return _MISSING

    def _walk(self, with_values: bool) -> Iterator[tuple[str, Any]]:
        """(id, clause) in force, in the order of a dict merge (where an id first appeared)."""
        seen: set[str] = set()
        sets: dict[int, set[str]] = {}
        for number, layer in enumerate(self.layers):
            many = len(layer) > _ONE_BY_ONE
            if with_values or is_plain(layer):
                pairs = layer.items()
            else:
                pairs = ((clause_id, _PRESENT) for clause_id in layer)
            for clause_id, clause in pairs:
                if clause_id in seen:
                    continue
                seen.add(clause_id)
                winner = self._winner(clause_id, number, sets, many, with_values)
                if winner is _MISSING:
                    winner = clause
                if winner is None:
                    continue  # removed above
                yield clause_id, winner

    def __iter__(self) -> Iterator[str]:
        return (clause_id for clause_id, _clause in self._walk(False))

    def items(self):  # type: ignore[override]
        """(id, clause) pairs, each clause made once (those of the index as they come)."""
        return _Items(self)

    def values(self):  # type: ignore[override]
        """The clauses in force, in library order."""
        return _Values(self)

    def __len__(self) -> int:
        return sum(1 for _clause_id in self)

    def __repr__(self) -> str:
        return f"MergedClauses({len(self.layers)} layers)"


class _Items:
    """The (id, clause) pairs of a :class:`MergedClauses`, walked afresh each time."""

    def __init__(self, clauses: MergedClauses) -> None:
        self._clauses = clauses

    def __iter__(self) -> Iterator[tuple[str, Clause]]:
        return self._clauses._walk(True)

    def __len__(self) -> int:
        return len(self._clauses)


class _Values(_Items):
    """The clauses of a :class:`MergedClauses`, walked afresh each time."""

    def __iter__(self) -> Iterator[Clause]:  # type: ignore[override]
        return (clause for _clause_id, clause in self._clauses._walk(True))


class MergedArchive(MutableMapping[str, dict[int, "Clause"]]):
    """Clause id → its earlier revisions, gathered from stacked layers (later ones win per revision).

    A clause's revisions are read from the layers when asked for; a dict asked for
    by ``archive[id]`` or ``setdefault`` is kept on top, so changing it sticks.
    """

    def __init__(self, layers: list[Mapping[str, dict[int, Clause]]] | None = None) -> None:
        self.layers: list[Mapping[str, dict[int, Clause]]] = list(layers or [])
        self._overlay: dict[str, dict[int, Clause]] = {}

    def stack(self, archive: Mapping[str, dict[int, Clause]]) -> None:
        """Put ``archive`` on top (an ordinary dict is copied, as a merge would)."""
        if is_plain(archive):
            archive = {clause_id: dict(revisions) for clause_id, revisions in archive.items()}
        self.layers.append(archive)
        if self._overlay:  # what was changed so far stays under what comes now
            self.layers.insert(len(self.layers) - 1, self._overlay)
            self._overlay = {}

    def _gathered(self, clause_id: str) -> dict[int, Clause] | None:
        found: dict[int, Clause] | None = None
        for layer in self.layers:
            revisions = layer.get(clause_id)
            if revisions:
                found = {**(found or {}), **revisions}
        if clause_id in self._overlay:
            found = {**(found or {}), **self._overlay[clause_id]}
        return found

    def get(self, clause_id: str, default: Any = None) -> Any:
        """The earlier revisions of ``clause_id`` (a new dict), or ``default``."""
        found = self._gathered(clause_id)
        return default if found is None else found

    def __getitem__(self, clause_id: str) -> dict[int, Clause]:
        if clause_id not in self._overlay:
            found = self._gathered(clause_id)
            if found is None:
                raise KeyError(clause_id)
            self._overlay[clause_id] = found
        return self._overlay[clause_id]

    def setdefault(self, clause_id: str, default: Any = None) -> dict[int, Clause]:
        """The revisions of ``clause_id``, kept on top to be changed (``default`` when none)."""
        try:
            return self[clause_id]
        except KeyError:
            self._overlay[clause_id] = default if default is not None else {}
            return self._overlay[clause_id]

    def __setitem__(self, clause_id: str, revisions: dict[int, Clause]) -> None:
        self._overlay[clause_id] = revisions

    def __delitem__(self, clause_id: str) -> None:
        raise TypeError("earlier revisions are never forgotten")

    def __contains__(self, clause_id: object) -> bool:
        return clause_id in self._overlay or any(
            layer.get(clause_id)
            for layer in self.layers  # type: ignore[call-overload]
        )

    def __iter__(self) -> Iterator[str]:
        seen: set[str] = set()
        for layer in [*self.layers, self._overlay]:
            for clause_id in layer:
                if clause_id not in seen:
                    seen.add(clause_id)
                    yield clause_id

    def __len__(self) -> int:
        return sum(1 for _clause_id in self)
