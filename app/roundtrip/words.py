"""How a change brought back from Word is named for the user, in the window and the command line."""

from __future__ import annotations

from app.language.i18n import _
from app.notes.note import CopiedClause, FollowUpTable, LinkedClause, Note
from app.roundtrip.changes import Change, Kind

_DETAILS = {
    "to": lambda: _("Addressee"),
    "date": lambda: _("Date"),
    "subject": lambda: _("Subject"),
    "meeting": lambda: _("Meeting date"),
    "reference": lambda: _("Reference"),
    "classification": lambda: _("Classification"),
}


_COLUMNS = {
    "commitment": lambda: _("Commitment"),
    "state": lambda: _("State of play"),
    "lead": lambda: _("Lead service"),
    "deadline": lambda: _("Deadline"),
}


def kind_name(change: Change) -> str:
    """What happened, in a word or two ("Edited", "Tracked insertion"...)."""
    kind = change.kind
    if kind is Kind.EDITED:
        if change.what == "title":
            return _("Title edited")
        if change.what.startswith("cell:"):
            return _("Cell edited")
        if change.what.startswith("row-added:"):
            return _("Row added")
        if change.what.startswith("row-deleted:"):
            return _("Row deleted")
        if change.formats and not _text_changed(change):
            return _("Formatting edited")
        return _("Text edited")
    if kind is Kind.ADDED and change.what == "table":
        return _("Table added")
    if kind is Kind.SECTION:
        if change.what == "deleted":
            return _("Section heading deleted")
        return _("Section title edited")
    if kind is Kind.TRACKED:
        inserts = any(p.op.value == "insert" for p in change.diff)
        deletes = any(p.op.value == "delete" for p in change.diff)
        if inserts and deletes:
            return _("Tracked replacement")
        return _("Tracked insertion") if inserts else _("Tracked deletion")
    return {
        Kind.DELETED: lambda: _("Block deleted"),
        Kind.MOVED: lambda: _("Block moved"),
        Kind.ADDED: lambda: _("Paragraphs added"),
        Kind.DETAIL: lambda: _("First-page detail"),
        Kind.COMMENT: lambda: _("Comment"),
    }[kind]()


def _text_changed(change: Change) -> bool:
    return any(p.op.value != "equal" for p in change.diff)


def section_name(note: Note, section_id: str) -> str:
    """A section as messages name it: its title in quotes, or its number."""
    for number, section in enumerate(note.sections, 1):
        if section.id == section_id:
            title = next((t for t in section.title.values() if t.strip()), "")
            if title:
                return _("“{title}”").format(title=" ".join(title.split()))
            return _("section {n}").format(n=number)
    return _("an untitled section")


def block_name(note: Note, block_id: str) -> str:
    """A block as messages name it: "clause vd2.1.2 in “Context”", "text 2 in “Context”"."""
    for section in note.sections:
        for number, block in enumerate(section.blocks, 1):
            if block.id != block_id:
                continue
            where = section_name(note, section.id)
            if isinstance(block, LinkedClause | CopiedClause):
                return _("clause {id} in {section}").format(id=block.clause_id, section=where)
            if isinstance(block, FollowUpTable):
                return _("the follow-up table in {section}").format(section=where)
            return _("text {n} in {section}").format(n=number, section=where)
    return _("a block no longer in the note")


def place(change: Change, note: Note) -> str:
    """Where the change is, in words."""
    if change.kind is Kind.DETAIL:
        return _DETAILS.get(change.what, lambda: change.what)()
    if change.kind is Kind.SECTION:
        return section_name(note, change.section_id)
    if change.kind is Kind.ADDED:
        if change.block_id:
            return _("after {block}").format(block=block_name(note, change.block_id))
        return _("at the start of {section}").format(section=section_name(note, change.section_id))
    if change.kind is Kind.MOVED:
        target = section_name(note, change.section_id)
        if change.after:
            return _("{block}, now after {other}").format(
                block=block_name(note, change.block_id), other=block_name(note, change.after)
            )
        return _("{block}, now at the start of {section}").format(
            block=block_name(note, change.block_id), section=target
        )
    if not change.block_id:
        return _("the note")
    if change.what.startswith("cell:"):
        _cell, row, column = change.what.split(":")
        return _("{table}, row {row}, {column}").format(
            table=block_name(note, change.block_id), row=int(row) + 1, column=_COLUMNS[column]()
        )
    if change.what.startswith("row-added:"):
        after = int(change.what.split(":")[1])
        if after < 0:
            return _("{table}, a new first row").format(table=block_name(note, change.block_id))
        return _("{table}, a new row after row {row}").format(
            table=block_name(note, change.block_id), row=after + 1
        )
    if change.what.startswith("row-deleted:"):
        return _("{table}, row {row}").format(
            table=block_name(note, change.block_id), row=int(change.what.split(":")[1]) + 1
        )
    return block_name(note, change.block_id)


def heading_outcome(how: str) -> str:
    """What accepting a deleted heading does, as the review says it (see ``heading_deletion``)."""
    if how == "remove":
        return _("accepting removes the section: none of its blocks is left in the file")
    if how == "merge":
        return _("accepting joins its blocks to the section before, under which they now read")
    return _("not applied: the section keeps its blocks (no section comes before it)")


def by_whom(change: Change) -> str:
    """Who made a tracked change or a comment, and when ("by Chef de cabinet, 2026-01-05 10:12")."""
    if not change.author and not change.date:
        return ""
    when = change.date.replace("T", " ").rstrip("Z")[:16]
    if change.author and when:
        return _("by {author}, {date}").format(author=change.author, date=when)
    if change.author:
        return _("by {author}").format(author=change.author)
    return when


def language_name(lang: str) -> str:
    """French or Dutch."""
    return _("French") if lang == "fr" else _("Dutch")
