"""Which commitments of a declaration a note cites, part by part ("Part 1: 5 of 7").

A commitment is cited when a linked or copied block of the note is that clause
(quoted, excerpted or paraphrased: follow-up rows do not count, they follow up what
the note cites). Coverage is given for each source the note cites, or, for a note
citing none, for every source of the library that has commitments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.language.codes import Localized
from app.library.clauses import Clause, Kind, Library, Source
from app.notes.note import CopiedClause, FollowUpRow, LinkedClause, Note


@dataclass(frozen=True)
class PartCoverage:
    """One part of a source: its commitments the note cites, and those it does not."""

    number: int
    title: Localized
    cited: tuple[Clause, ...]
    not_cited: tuple[Clause, ...]

    @property
    def total(self) -> int:
        """How many commitments the part has."""
        return len(self.cited) + len(self.not_cited)


@dataclass(frozen=True)
class SourceCoverage:
    """A source's parts, each with the commitments the note cites."""

    source: Source
    parts: tuple[PartCoverage, ...]
    blocks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # clause id → block ids

    @property
    def cited(self) -> int:
        """How many of the source's commitments the note cites."""
        return sum(len(part.cited) for part in self.parts)

    @property
    def total(self) -> int:
        """How many commitments the source has."""
        return sum(part.total for part in self.parts)


def citing_blocks(note: Note) -> dict[str, list[str]]:
    """Clause id → the ids of the note's blocks that cite it (linked or copied), in order."""
    found: dict[str, list[str]] = {}
    for _section, block in note.blocks():
        if isinstance(block, LinkedClause | CopiedClause):
            found.setdefault(block.clause_id, []).append(block.id)
    return found


def commitments_by_source(library: Library) -> dict[str, list[Clause]]:
    """Each source's commitments still offered, in the source's order (one pass)."""
    found: dict[str, list[Clause]] = {}
    for clause in library.active():
        origin = clause.origin
        if clause.kind is Kind.COMMITMENT and origin is not None and origin.source:
            found.setdefault(origin.source, []).append(clause)
    for clauses in found.values():
        clauses.sort(key=lambda c: (c.origin.part, c.origin.position))  # type: ignore[union-attr]
    return found


def coverage(
    note: Note, library: Library, source_ids: list[str] | None = None
) -> list[SourceCoverage]:
    """The coverage of each source asked for (default: those the note cites, else all)."""
    blocks = citing_blocks(note)
    by_source = commitments_by_source(library)
    if source_ids is None:
        source_ids = []
        for clause_id in blocks:
            clause = library.find(clause_id)
            source = clause.origin.source if clause and clause.origin else ""
            if source in library.sources and source not in source_ids:
                source_ids.append(source)
        if not source_ids:
            source_ids = [s for s in library.sources if by_source.get(s)]
    result = []
    for source_id in source_ids:
        source = library.sources.get(source_id)
        if source is None:
            continue
        commitments = by_source.get(source_id, [])
        parts = []
        for number in sorted({c.origin.part for c in commitments if c.origin}):
            members = [c for c in commitments if c.origin and c.origin.part == number]
            part = source.part(number)
            parts.append(
                PartCoverage(
                    number,
                    dict(part.title) if part else {},
                    tuple(c for c in members if c.id in blocks),
                    tuple(c for c in members if c.id not in blocks),
                )
            )
        cited_blocks = {c.id: tuple(blocks[c.id]) for c in commitments if c.id in blocks}
        result.append(SourceCoverage(source, tuple(parts), cited_blocks))
    return result


def follow_up_rows(coverages: list[SourceCoverage]) -> list[FollowUpRow]:
    """One follow-up row per cited commitment, in the sources' order (its title is shown)."""
    return [
        FollowUpRow(clause_id=clause.id)
        for covered in coverages
        for part in covered.parts
        for clause in part.cited
    ]


def to_json(coverages: list[SourceCoverage]) -> dict[str, Any]:
    """Coverage as JSON data, for ``clausier coverage --json``."""

    def entry(clause: Clause) -> dict[str, Any]:
        origin = clause.origin
        return {
            "id": clause.id,
            "number": f"{origin.part}.{origin.position}" if origin else "",
            "title": dict(clause.title),
        }

    return {
        "sources": [
            {
                "id": covered.source.id,
                "title": dict(covered.source.title),
                "cited": covered.cited,
                "total": covered.total,
                "parts": [
                    {
                        "part": part.number,
                        "title": part.title,
                        "cited_count": len(part.cited),
                        "total": part.total,
                        "cited": [
                            {**entry(c), "blocks": list(covered.blocks.get(c.id, ()))}
                            for c in part.cited
                        ],
                        "not_cited": [entry(c) for c in part.not_cited],
                    }
                    for part in covered.parts
                ],
            }
            for covered in coverages
        ]
    }
