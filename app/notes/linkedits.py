"""Edits of the clauses a note takes from the library: revisions taken or kept, copies, quotations."""

from __future__ import annotations

from app.language.i18n import N_, _
from app.library.clauses import Clause, Library
from app.notes.history import Change, Command, Label, Scope
from app.notes.note import Block, CopiedClause, LinkedClause, Section, TextBlock
from app.notes.quotation import Excerpt
from app.system.errors import ClausierError, LibraryError


class LinkedClauseEdits:
    """The operations of :class:`~app.notes.editing.NoteSession` on linked and quoted clauses."""

    def edit_locally(self, block_id: str, library: Library) -> Change:
        """Turn a linked clause into a copy the note owns and may edit."""
        section, index = self.locate(block_id)
        linked = section.blocks[index]
        if not isinstance(linked, LinkedClause):
            raise ClausierError(_("Only a linked clause can be copied for local editing."))
        # The wording the note shows is the linked revision's, not the library's newest.
        clause = library.at(linked.clause_id, linked.revision) or library.get(linked.clause_id)
        copied = CopiedClause(
            clause.id,
            clause.revision,
            dict(clause.title),
            dict(clause.text),
            id=linked.id,
            paraphrase=linked.paraphrase,
        )

        def replace(old, new):
            def run() -> Change:
                section.blocks[section.blocks.index(old)] = new
                return Change(Scope.BLOCKS, (section.id,), new.id)

            return run

        return self.history.push(
            Command(
                Label(N_("Edit clause locally")), replace(linked, copied), replace(copied, linked)
            )
        )

    @property
    def kept(self) -> dict[str, int]:
        """Block id → the newest revision the adviser chose not to take (keep the wording).

        Recorded on the linked blocks themselves (``LinkedClause.kept``), so it is
        saved with the note.
        """
        return {
            block.id: block.kept
            for _section, block in self.note.blocks()
            if isinstance(block, LinkedClause) and block.kept
        }

    def _linked(self, block_id: str) -> tuple[Section, LinkedClause]:
        section, index = self.locate(block_id)
        block = section.blocks[index]
        if not isinstance(block, LinkedClause):
            raise ClausierError(_("This block is not a linked clause."))
        return section, block

    def _swap_block(self, label: Label, section: Section, old: Block, new: Block) -> Change:
        # A block of another kind (linked → copied) needs a new widget: the section's blocks change.
        scope = Scope.BLOCK if type(old) is type(new) else Scope.BLOCKS

        def swap(current: Block, target: Block):
            def run() -> Change:
                section.blocks[section.blocks.index(current)] = target
                return Change(scope, (section.id,), target.id)

            return run

        return self.history.push(Command(label, swap(old, new), swap(new, old)))

    def update_clause(self, block_id: str, library: Library) -> Change:
        """Link the newest revision of the clause instead of the one the block links."""
        section, linked = self._linked(block_id)
        newest = library.newest(linked.clause_id)
        if newest is None:
            raise LibraryError(_("No clause has the id “{id}”.").format(id=linked.clause_id))
        if newest.revision == linked.revision:
            return Change(Scope.BLOCK, (section.id,), block_id)
        updated = LinkedClause(linked.clause_id, newest.revision, id=linked.id)
        label = Label(
            N_("Update clause {id} to revision {n}"), id=linked.clause_id, n=newest.revision
        )
        return self._swap_block(label, section, linked, updated)

    def update_clauses(self, block_ids: list[str], library: Library) -> Change | None:
        """Link the newest revisions of several clauses in one undoable step (None: none)."""
        swaps: list[tuple[Section, LinkedClause, LinkedClause]] = []
        for block_id in block_ids:
            section, linked = self._linked(block_id)
            newest = library.newest(linked.clause_id)
            if newest is not None and newest.revision != linked.revision:
                new = LinkedClause(linked.clause_id, newest.revision, id=linked.id)
                swaps.append((section, linked, new))
        if not swaps:
            return None
        section_ids = tuple(dict.fromkeys(section.id for section, _old, _new in swaps))

        def run(forward: bool):
            def apply() -> Change:
                for section, old, new in swaps:
                    current, target = (old, new) if forward else (new, old)
                    section.blocks[section.blocks.index(current)] = target
                return Change(Scope.BLOCKS, section_ids)

            return apply

        if len(swaps) == 1:  # named as one update is, not "Update 1 linked clauses"
            updated = swaps[0][2]
            label = Label(
                N_("Update clause {id} to revision {n}"), id=updated.clause_id, n=updated.revision
            )
        else:
            label = Label(N_("Update {n} linked clauses"), n=len(swaps))
        return self.history.push(Command(label, run(True), run(False)))

    def keep_revision(self, block_id: str, library: Library) -> Change:
        """Keep the linked wording: the library's newer revision is no longer offered."""
        section, linked = self._linked(block_id)
        newest = library.newest(linked.clause_id)
        old = linked.kept
        new = newest.revision if newest else linked.revision

        def setter(value: int):
            def run() -> Change:
                linked.kept = value
                return Change(Scope.BLOCK, (section.id,), block_id, field="kept")

            return run

        label = Label(
            N_("Keep revision {n} of clause {id}"), n=linked.revision, id=linked.clause_id
        )
        return self.history.push(Command(label, setter(new), setter(old)))

    def copy_locally(self, block_id: str, library: Library, revision: int | None = None) -> Change:
        """Copy the linked wording (or that of ``revision``) into the note, to edit it there."""
        section, linked = self._linked(block_id)
        wanted = revision or linked.revision
        clause = library.at(linked.clause_id, wanted)
        if clause is None:
            raise LibraryError(
                _("Revision {n} of clause {id} is no longer known.").format(
                    n=wanted, id=linked.clause_id
                )
            )
        copied = CopiedClause(
            clause.id,
            clause.revision,
            dict(clause.title),
            dict(clause.text),
            id=linked.id,
            paraphrase=linked.paraphrase,
        )
        return self._swap_block(Label(N_("Copy clause into the note")), section, linked, copied)

    def link_block(self, block_id: str, clause: Clause) -> Change:
        """Replace a text or copied block by a link to ``clause`` (once saved as a clause)."""
        section, index = self.locate(block_id)
        block = section.blocks[index]
        if not isinstance(block, TextBlock | CopiedClause):
            raise ClausierError(_("Only a text or a copied clause can be replaced by a link."))
        linked = LinkedClause(clause.id, clause.revision, id=block.id)
        return self._swap_block(Label(N_("Link clause {id}"), id=clause.id), section, block, linked)

    def insert_quotation(
        self, section_id: str, excerpt: Excerpt, index: int | None = None
    ) -> Change:
        """Insert a quotation of a source: a copy of the clause it lies in, anchored to the
        excerpt (the whole clause, or part of it) in each language it has."""
        clause = excerpt.clause
        block = CopiedClause(
            clause.id,
            clause.revision,
            dict(clause.title),
            dict(excerpt.texts),
            excerpt=dict(excerpt.spans),
        )
        label = Label(N_("Insert quotation from {id}"), id=clause.id)
        return self._insert(label, section_id, block, index)

    def set_paraphrase(self, block_id: str, paraphrase: bool) -> Change:
        """Present a clause taken from a source as a paraphrase of it, or as a quotation again."""
        section, index = self.locate(block_id)
        block = section.blocks[index]
        if not isinstance(block, LinkedClause | CopiedClause):
            raise ClausierError(_("Only a clause taken from a source is quoted or paraphrased."))
        if block.paraphrase == paraphrase:
            return Change(Scope.BLOCK, (section.id,), block_id, field="paraphrase")

        def setter(value: bool):
            def run() -> Change:
                block.paraphrase = value
                return Change(Scope.BLOCK, (section.id,), block_id, field="paraphrase")

            return run

        label = (
            Label(N_("Present {id} as a paraphrase"), id=block.clause_id)
            if paraphrase
            else Label(N_("Present {id} as a quotation"), id=block.clause_id)
        )
        return self.history.push(Command(label, setter(paraphrase), setter(block.paraphrase)))
