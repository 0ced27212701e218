"""Apply the changes a user accepts from Word to the note, each as one undoable edit.

A :class:`Review` holds a reconciliation (:mod:`app.roundtrip.reconcile`) against an open note
(:class:`app.notes.editing.NoteSession`): accepting a change computes the block it concerns
anew from the note as it was matched and every change of that block accepted so far,
and swaps it in as one command of the note's history; so undoing an acceptance gives
back the block as it was, and accepting changes in any order gives the same note.

The text a paragraph gets back is Word's, with its bold and italic and its list; a
paragraph Word left alone keeps the note's own text (its variables, its quotes as typed);
a variable whose value is still in an edited paragraph is put back as the variable. A
linked clause edited in Word becomes a copy the note owns (or, through the window, a new
revision of the user's own clause: :func:`revised_texts`).

The texts are made by :mod:`app.roundtrip.wordtext`, the follow-up tables' rows by
:mod:`app.roundtrip.tablerows`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from app.language.i18n import N_, _
from app.library.clauses import Library
from app.notes.editing import NoteSession
from app.notes.history import Change as Edit
from app.notes.history import Command, Label, Scope
from app.notes.note import (
    Block,
    BlockComment,
    CopiedClause,
    FollowUpTable,
    LinkedClause,
    Note,
    TextBlock,
)
from app.roundtrip.changes import Change, Kind, Reconciliation
from app.roundtrip.tablerows import _follow_up_row, _in_table, _set_cell, _table_block
from app.roundtrip.wordtext import _from_word, _stored, _text_after
from app.system.errors import ClausierError
from app.text.richtext import coerce, from_plain, rich

_NUMBER = re.compile(r"^\d+\.\d+\s+")


@dataclass
class Review:
    """Accepting and rejecting the changes of one reconciliation in one open note."""

    session: NoteSession
    reconciliation: Reconciliation
    library: Library
    accepted: list[str] = field(default_factory=list)  # change ids, in the order accepted
    rejected: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.snapshot_note = copy.deepcopy(self.reconciliation.note)  # for naming blocks
        self.snapshot = {b.id: b for _s, b in self.snapshot_note.blocks()}
        self.sections = {b.id: s.id for s, b in self.reconciliation.note.blocks()}
        self._commands: list[tuple[str, int]] = []  # change id → history depth after it

    # -- state -------------------------------------------------------------------------

    def state(self, change_id: str) -> str:
        """The change's state: "accepted", "rejected" or "pending"."""
        if change_id in self.accepted:
            return "accepted"
        return "rejected" if change_id in self.rejected else "pending"

    def applicable(self, change: Change) -> bool:
        """Whether accepting ``change`` can still do something to the note."""
        if change.kind is Kind.SECTION and change.what == "deleted":
            return self.heading_deletion(change) != ""
        if change.kind in (Kind.DETAIL, Kind.SECTION):
            return True
        if change.kind is Kind.ADDED:
            return bool(change.text.strip())
        if change.what.startswith("cell:") and self._present(change.block_id):
            row = int(change.what.split(":")[1])
            return self._row_at(change.block_id, row, {change.id}) is not None
        return self._present(change.block_id)

    def heading_deletion(self, change: Change) -> str:
        """What accepting a deleted heading does: "remove", "merge" or "" (nothing).

        A section none of whose blocks is left in the file is removed; else its blocks,
        which now read under the heading before it, join that section; the first
        section, with no heading before it, keeps its blocks (nothing to do).
        """
        sections = self.session.note.sections
        section = next((s for s in sections if s.id == change.section_id), None)
        if section is None:
            return ""
        if all(self._gone(block.id) for block in section.blocks):
            return "remove"
        return "merge" if sections.index(section) > 0 else ""

    def _gone(self, block_id: str) -> bool:
        """Whether the file has nothing left of the block, in any language."""
        block = self.snapshot.get(block_id)
        for change in self.reconciliation.changes:
            if change.kind is Kind.DELETED and change.block_id == block_id:
                if not isinstance(block, TextBlock | CopiedClause) or self._still_shown(change):
                    return True
        return False

    def _heading_deleted(self, change: Change) -> Edit | None:
        """A deleted heading: its section removed (nothing of it left) or joined to the one before."""
        how = self.heading_deletion(change)
        if how == "remove":
            return self.session.remove_section(change.section_id)
        if how != "merge":
            return None
        note = self.session.note
        section = self.session.section(change.section_id)
        index = note.sections.index(section)
        previous = note.sections[index - 1]
        count = len(section.blocks)
        start = len(previous.blocks)

        def apply() -> Edit:
            previous.blocks.extend(section.blocks)
            section.blocks.clear()
            note.sections.remove(section)
            return Edit(Scope.SECTIONS, (previous.id,))

        def revert() -> Edit:
            section.blocks[:] = previous.blocks[start : start + count]
            del previous.blocks[start : start + count]
            note.sections.insert(index, section)
            return Edit(Scope.SECTIONS, (previous.id, section.id))

        label = Label(N_("Join section to the one before"))
        return self.session.history.push(Command(label, apply, revert))

    def _present(self, block_id: str) -> bool:
        try:
            self.session.locate(block_id)
        except KeyError:
            return False
        return True

    # -- accepting -----------------------------------------------------------------------

    def accept(self, change_id: str) -> Edit | None:
        """Accept one change: one undoable edit of the note (None when nothing is left to do)."""
        change = self.reconciliation.change(change_id)
        if change_id in self.accepted or not self.applicable(change):
            return None
        self.rejected.discard(change_id)
        self.accepted.append(change_id)
        try:
            edit = self._apply(change)
        except Exception:
            self.accepted.remove(change_id)
            raise
        if edit is None:
            self.accepted.remove(change_id)
        return edit

    def accept_with(self, change_id: str, operation: Callable[[], Edit | None]) -> Edit | None:
        """Accept ``change_id`` through another edit of the note (a new revision linked)."""
        if change_id in self.accepted:
            return None
        edit = operation()
        if edit is not None:
            self.rejected.discard(change_id)
            self.accepted.append(change_id)
        return edit

    def reject(self, change_id: str) -> None:
        """Reject one change: the note keeps what it says (nothing to undo)."""
        if change_id not in self.accepted:
            self.rejected.add(change_id)

    def accept_all(self) -> list[str]:
        """Accept every change not yet decided; the ids accepted."""
        done = []
        for change in self.reconciliation.changes:
            if self.state(change.id) == "pending" and self.accept(change.id) is not None:
                done.append(change.id)
        return done

    def undo(self) -> str | None:
        """Undo the last acceptance; the id of the change it gives back (then pending)."""
        if not self.accepted:
            return None
        change_id = self.accepted.pop()
        self.session.undo()
        return change_id

    def undo_edit(self) -> Edit | None:
        """Undo the last acceptance; what the note's views must refresh."""
        if not self.accepted:
            return None
        self.accepted.pop()
        return self.session.undo()

    # -- the edits -------------------------------------------------------------------------

    def _apply(self, change: Change) -> Edit | None:
        kind = change.kind
        if kind is Kind.EDITED and _in_table(change):
            return self._table_change(change)
        if kind in (Kind.EDITED, Kind.TRACKED) and not (
            kind is Kind.TRACKED and not self._in_block(change)
        ):
            return self._swap(change, self.block_after(change.block_id))
        if kind is Kind.TRACKED:  # a tracked paragraph added between blocks
            return self._insert(change)
        if kind is Kind.DELETED:
            if self._still_shown(change):
                return self.session.remove_block(change.block_id)
            return self._drop_language(change)
        if kind is Kind.ADDED:
            return self._insert(change)
        if kind is Kind.MOVED:
            return self._move(change)
        if kind is Kind.COMMENT:
            return self._comment(change)
        if kind is Kind.DETAIL:
            return self._detail(change)
        if kind is Kind.SECTION and change.what == "deleted":
            return self._heading_deleted(change)
        if kind is Kind.SECTION:
            return self._section(change)
        return None

    def _in_block(self, change: Change) -> bool:
        return bool(change.block_id) and (change.block_id, change.lang) in (
            self.reconciliation.matches
        )

    def _swap(self, change: Change, new: Block, label: Label | None = None) -> Edit:
        section, index = self.session.locate(change.block_id)
        old = section.blocks[index]
        scope = Scope.BLOCK if type(old) is type(new) else Scope.BLOCKS
        label = label or Label(N_("Bring back change from Word"))

        def swap(current: Block, target: Block):
            def run() -> Edit:
                section.blocks[section.blocks.index(current)] = target
                return Edit(scope, (section.id,), target.id)

            return run

        return self.session.history.push(Command(label, swap(old, new), swap(new, old)))

    def _still_shown(self, change: Change) -> bool:
        """Whether the block deleted in one language has no text left in any other column."""
        languages = self.reconciliation.languages
        others = [lang for lang in languages if lang != change.lang]
        deleted = {
            c.lang
            for c in self.reconciliation.changes
            if c.kind is Kind.DELETED and c.block_id == change.block_id
        }
        return all(lang in deleted for lang in others) or not others

    def _drop_language(self, change: Change) -> Edit | None:
        block = self.block_after(change.block_id)
        if isinstance(block, TextBlock | CopiedClause):
            block.text.pop(change.lang, None)
            return self._swap(change, block)
        return self.session.remove_block(change.block_id)

    def _insert(self, change: Change) -> Edit | None:
        section_id = change.section_id
        sections = [s.id for s in self.session.note.sections]
        if section_id not in sections:
            if not sections:
                return None
            section_id = sections[0]
        section = self.session.section(section_id)
        index = 0
        if change.block_id:
            try:
                where, at = self.session.locate(change.block_id)
                if where.id == section_id:
                    index = at + 1
            except KeyError:
                index = len(section.blocks)
        paragraphs = [p for p in change.paragraphs if p.text().strip()]
        if change.what == "table":
            block = _table_block(change, self.reconciliation.languages)
            label = Label(N_("Bring back table from Word"))
        else:
            texts = {
                lang: rich([_from_word(self.reconciliation, p, None, None) for p in paragraphs])
                for lang in [change.lang]
            }
            block = TextBlock(texts)
            label = Label(N_("Bring back paragraph from Word"))

        def apply() -> Edit:
            section.blocks.insert(min(index, len(section.blocks)), block)
            return Edit(Scope.BLOCKS, (section.id,), block.id)

        def revert() -> Edit:
            section.blocks.remove(block)
            return Edit(Scope.BLOCKS, (section.id,))

        return self.session.history.push(Command(label, apply, revert))

    def _move(self, change: Change) -> Edit | None:
        sections = [s.id for s in self.session.note.sections]
        if change.section_id not in sections:
            return None
        target = self.session.section(change.section_id)
        index = 0
        if change.after:
            try:
                where, at = self.session.locate(change.after)
                if where.id == target.id:
                    index = at + 1
            except KeyError:
                pass
        current, at = self.session.locate(change.block_id)
        if current.id == target.id and at < index:
            index -= 1
        return self.session.move_block(change.block_id, target.id, index)

    def _table_accepted(self, block_id: str, leave: set[str]) -> list[Change]:
        """The rows added and deleted in ``block_id`` accepted so far (but ``leave``)."""
        return [
            c
            for c in self.reconciliation.changes
            if c.id in self.accepted
            and c.id not in leave
            and c.block_id == block_id
            and c.what.startswith(("row-added:", "row-deleted:"))
        ]

    def _row_at(self, block_id: str, row: int, leave: set[str]) -> int | None:
        """Where the table's row ``row`` (as matched) stands now; None when it was deleted."""
        position = row
        for change in self._table_accepted(block_id, leave):
            parts = change.what.split(":")
            if parts[0] == "row-deleted":
                deleted = int(parts[1])
                if deleted == row:
                    return None
                position -= deleted < row
            elif int(parts[1]) < row:
                position += 1
        return position

    def _new_row_at(self, block_id: str, after: int, sequence: int, leave: set[str]) -> int:
        """Where a row added in Word after row ``after`` (as matched) goes now."""
        position = after + 1
        for change in self._table_accepted(block_id, leave):
            parts = change.what.split(":")
            if parts[0] == "row-deleted":
                position -= int(parts[1]) <= after
            elif (int(parts[1]), int(parts[2])) < (after, sequence):
                position += 1
        return position

    def _table_change(self, change: Change) -> Edit | None:
        """A row added or deleted, or a cell edited, in a follow-up table (rows as matched)."""
        table = copy.deepcopy(self.session.block(change.block_id))
        if not isinstance(table, FollowUpTable):
            return None
        parts = change.what.split(":")
        leave = {change.id}
        if parts[0] == "row-added":
            at = self._new_row_at(change.block_id, int(parts[1]), int(parts[2]), leave)
            row = _follow_up_row(change.paragraphs, self.reconciliation.languages)
            table.rows.insert(min(at, len(table.rows)), row)
            return self._swap(change, table, Label(N_("Bring back row from Word")))
        at = self._row_at(change.block_id, int(parts[1]), leave)
        if at is None or at >= len(table.rows):
            return None
        if parts[0] == "row-deleted":
            del table.rows[at]
            return self._swap(change, table, Label(N_("Delete row deleted in Word")))
        _set_cell(table.rows[at], parts[2], change.lang, change.text)
        return self._swap(change, table)

    def _comment(self, change: Change) -> Edit | None:
        if not change.block_id:
            return None
        block = copy.deepcopy(self.session.block(change.block_id))
        block.comments.append(BlockComment(change.text, change.author, change.date, change.lang))
        return self._swap(change, block, Label(N_("Keep comment from Word")))

    def _detail(self, change: Change) -> Edit | None:
        note = self.session.note
        value = change.text.strip()
        languages = self.reconciliation.languages
        key = change.what
        if key in ("to", "subject"):
            name = "addressee" if key == "to" else "subject"
            current = dict(getattr(note, name))
            parts = [p.strip() for p in re.split(r" / | — ", value)] if len(languages) > 1 else []
            if len(parts) == len(languages):
                current.update(zip(languages, parts, strict=True))
            else:
                current[languages[0]] = value
            return self.session.set_metadata(name, current)
        if key == "reference":
            return self.session.set_metadata("reference", value)
        if key == "classification":
            from app.language.classification import Classification

            for level in Classification:
                labels = {level.label(lang).upper() for lang in languages}
                if value.upper() in labels or value.upper() == " / ".join(
                    level.label(lang).upper() for lang in languages
                ):
                    return self.session.set_metadata("classification", level)
            if not value:
                return self.session.set_metadata("classification", Classification.NONE)
            raise ClausierError(
                _("“{value}” is not a classification Clausier knows.").format(value=value)
            )
        if key in ("date", "meeting"):
            from app.language import dates

            text = re.split(r" / ", value)[0]
            try:
                when = dates.parse_period(text)
            except ValueError:
                raise ClausierError(
                    _("“{value}” is not a date Clausier can read; change it in the note.").format(
                        value=value
                    )
                ) from None
            if key == "date":
                return self.session.set_metadata("date", when.start if when else None)
            return self.session.set_metadata("meeting_date", when)
        return None

    def _section(self, change: Change) -> Edit | None:
        try:
            section = self.session.section(change.section_id)
        except KeyError:
            return None
        text = change.paragraphs[0].text(frozenset()).strip() if change.paragraphs else ""
        languages = self.reconciliation.languages
        title = dict(section.title)
        parts = [p.strip() for p in text.split(" / ")]
        if len(languages) > 1 and len(parts) == len(languages):
            title.update(zip(languages, parts, strict=True))
        else:
            title[languages[0]] = text
        return self.session.rename_section(section.id, title)

    # -- a block with its accepted changes -------------------------------------------------

    def block_after(self, block_id: str, extra: Iterable[str] = ()) -> Block:
        """The block as the note had it, with every accepted change (and ``extra``) made."""
        ids = set(self.accepted) | set(extra)
        changes = [c for c in self.reconciliation.changes if c.id in ids]
        original = self.snapshot[block_id]
        block = copy.deepcopy(self.session.block(block_id))
        block_changes = [
            c
            for c in changes
            if c.block_id == block_id and c.kind in (Kind.EDITED, Kind.TRACKED) and not _in_table(c)
        ]
        if not block_changes:
            return block
        if isinstance(block, LinkedClause):
            block = _copy_of(block, self.library)
        for lang in self.reconciliation.languages:
            own = [c for c in block_changes if c.lang == lang]
            if not own:
                continue
            match = self.reconciliation.matches.get((block_id, lang))
            if match is None:
                continue
            untracked = any(c.kind is Kind.EDITED and not c.what for c in own)
            title = any(c.kind is Kind.EDITED and c.what == "title" for c in own)
            taken = frozenset(r for c in own if c.kind is Kind.TRACKED for r in c.revisions)
            stored = _stored(original, lang, self.library)
            block.text[lang] = _text_after(self.reconciliation, match, stored, untracked, taken)
            if match.lead_in_found is not None and (title or taken):
                found = match.lead_in_found
                if title or set(r.id for r in found.revisions) & taken:
                    new_title = found.text(taken if not title else None).strip()
                    if match.lead_in is not None and _NUMBER.match(match.lead_in.text):
                        new_title = _NUMBER.sub("", new_title, count=1)
                    block.title[lang] = new_title
        return block


def _copy_of(linked: LinkedClause, library: Library) -> CopiedClause:
    """A linked clause as a copy the note owns, at the revision it links."""
    clause = library.at(linked.clause_id, linked.revision) or library.find(linked.clause_id)
    if clause is None:
        raise ClausierError(
            _("Clause {id} is not in the library; its change cannot be brought back.").format(
                id=linked.clause_id
            )
        )
    return CopiedClause(
        clause.id,
        linked.revision,
        dict(clause.title),
        {lang: from_plain(text) for lang, text in clause.text.items()},
        id=linked.id,
        paraphrase=linked.paraphrase,
        comments=list(linked.comments),
    )


def wanted_ids(reconciliation: Reconciliation, ids: Iterable[str]) -> list[str]:
    """The change ids ``ids`` names ("all" for every one); an unknown number is an error."""
    wanted = list(ids)
    if "all" in wanted:
        wanted = [c.id for c in reconciliation.changes]
    known = {c.id for c in reconciliation.changes}
    unknown = [i for i in wanted if i not in known]
    if unknown:
        raise ClausierError(
            _("No change has the number {id}; the changes are numbered 1 to {n}.").format(
                id=unknown[0], n=len(reconciliation.changes)
            )
        )
    return wanted


def apply_all(
    session: NoteSession,
    reconciliation: Reconciliation,
    library: Library,
    ids: Iterable[str],
    *,
    review: Review | None = None,
) -> list[Change]:
    """Accept the changes ``ids`` ("all" for every one) in order; the changes applied.

    Changes ``review`` already accepted (saved as new revisions) are left as they are.
    """
    review = review or Review(session, reconciliation, library)
    wanted = wanted_ids(reconciliation, ids)
    done = []
    for change_id in wanted:
        if review.accept(change_id) is not None:
            done.append(reconciliation.change(change_id))
    return done


def revised_texts(
    review: Review, block_id: str, extra: Iterable[str] = ()
) -> tuple[dict[str, str], dict[str, str]]:
    """The titles and texts a personal clause gets as a new revision with the Word edits.

    ``extra`` names changes about to be accepted, counted as if they were.
    """
    block = review.block_after(block_id, extra)
    texts = {lang: coerce(value).plain for lang, value in getattr(block, "text", {}).items()}
    titles = dict(getattr(block, "title", {}))
    return titles, texts


def revise_clause(
    review: Review,
    change_id: str,
    collection,
    *,
    run_library: Callable[[Callable[[], object]], object] = lambda operation: operation(),
    run_edit: Callable[[Callable[[], Edit | None]], object] = lambda operation: operation(),
) -> bool:
    """Accept a change of a linked personal clause as a new revision of it ("edited in Word").

    The clause's new wording (Word's, with every change of the block accepted so far)
    is saved in ``collection`` as a new revision remarked "edited in Word", and the
    block is linked to it: one undoable edit of the note. The window runs the library
    step through ``run_library`` (its error dialog) and the note's through ``run_edit``
    (its views refreshed); the command line calls them as they are. False when the
    library refused the revision (``run_library`` gave None).
    """
    change = review.reconciliation.change(change_id)
    block = review.session.block(change.block_id)
    if not isinstance(block, LinkedClause):
        raise ClausierError(_("Only a linked clause can be saved as a new revision of the clause."))
    titles, texts = revised_texts(review, change.block_id, (change_id,))
    done = run_library(
        lambda: collection.edit_clause(
            block.clause_id, title=titles, text=texts, remark=_("edited in Word")
        )
    )
    if done is None:
        return False
    session = review.session
    run_edit(
        lambda: review.accept_with(
            change_id, lambda: session.update_clause(change.block_id, review.library)
        )
    )
    return True


def accepted_note(review: Review) -> Note:
    """The note with the accepted changes (the session's)."""
    return review.session.note
