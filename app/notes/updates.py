"""Linked clauses kept in step: which links of a note have a newer revision, and the diff.

Nothing updates silently: a note keeps the revision it links until the adviser
chooses, per clause, to update it, keep the old wording, or copy the clause into
the note to edit it locally (the undoable methods ``update_clause``,
``keep_revision`` and ``copy_locally`` of :class:`app.notes.editing.NoteSession`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.language.codes import LANGS
from app.library.clauses import Clause, Library
from app.library.revisions import wording_changed
from app.library.worddiff import LanguageDiff, diff_clauses
from app.notes.note import LinkedClause, Note


@dataclass(frozen=True)
class PendingUpdate:
    """A linked clause whose library has a newer revision than the one the note links."""

    block_id: str
    clause_id: str
    linked: int  # the revision the note links
    newest: int  # the library's newest revision
    diffs: dict[str, LanguageDiff]  # per language of the note (empty when the old one is unknown)
    wording_changed: bool  # False when only tags, kind or translation records changed
    retired: bool = False  # the clause was retired since
    deleted: bool = False  # the clause was deleted from the library since
    kept: bool = False  # the adviser chose to keep the linked wording over this newest one

    @property
    def linked_known(self) -> bool:
        """Whether the wording of the linked revision is still known (so a diff exists)."""
        return bool(self.diffs)


def newest_revision(library: Library, clause_id: str) -> Clause | None:
    """The library's newest revision of a clause (even of a deleted one)."""
    return library.newest(clause_id)


def check_link(
    block: LinkedClause,
    library: Library,
    languages: tuple[str, ...] = LANGS,
    kept: Mapping[str, int] | None = None,
) -> PendingUpdate | None:
    """The update pending for one linked block, or None when it links the newest revision.

    ``kept`` adds to the block's own record of the revision the adviser chose not to take.
    """
    newest = library.newest(block.clause_id)
    if newest is None or newest.revision <= block.revision:
        return None
    old = library.at(block.clause_id, block.revision)
    deleted = block.clause_id not in library.clauses
    return PendingUpdate(
        block_id=block.id,
        clause_id=block.clause_id,
        linked=block.revision,
        newest=newest.revision,
        diffs=diff_clauses(old, newest, languages) if old is not None else {},
        wording_changed=old is None or wording_changed(old, newest, languages),
        retired=newest.retired,
        deleted=deleted,
        kept=max(block.kept, (kept or {}).get(block.id, 0)) >= newest.revision,
    )


def pending(
    note: Note, library: Library, kept: Mapping[str, int] | None = None
) -> list[PendingUpdate]:
    """Every linked clause of ``note`` not at its newest revision, in note order.

    ``kept`` maps block ids to the newest revision the adviser chose not to take
    (see ``NoteSession.kept``; the blocks' own ``kept`` counts too); those updates
    are still listed, marked ``kept``.
    """
    languages = note.language.languages
    found = []
    for _section, block in note.blocks():
        if isinstance(block, LinkedClause):
            update = check_link(block, library, languages, kept)
            if update is not None:
                found.append(update)
    return found
