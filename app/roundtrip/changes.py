"""What Bring Back Changes found: the changes (:class:`Change`, by :class:`Kind`), how each
block matched (:class:`BlockMatch`), and the whole :class:`Reconciliation`.

Made by :mod:`app.roundtrip.reconcile`, named by :mod:`app.roundtrip.words`, applied by
:mod:`app.roundtrip.apply`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.docx.plan import Paragraph
from app.docx.reader import WordFile, WordParagraph
from app.library import worddiff
from app.library.clauses import Library
from app.notes.note import Note

#: The first-page details a reconciliation compares, by the key of their label.
DETAILS = ("to", "date", "subject", "meeting", "reference", "classification")


#: The columns of a follow-up table, in the order the export writes them.
FOLLOW_UP_COLUMNS = ("commitment", "state", "lead", "deadline")


class Kind(StrEnum):
    """What happened in Word."""

    EDITED = "edited"  # a block's text (or a clause's title) changed
    DELETED = "deleted"  # a block is no longer in the file
    MOVED = "moved"  # a block stands elsewhere
    ADDED = "added"  # paragraphs the note does not have
    DETAIL = "detail"  # a line of the first-page block changed
    SECTION = "section"  # a section's title changed (``what`` "deleted": its heading deleted)
    TRACKED = "tracked"  # a change recorded with Track Changes
    COMMENT = "comment"  # a comment in the margin


@dataclass
class Change:
    """One change found in the Word file, to accept or reject.

    ``block_id`` is the block it concerns (for ADDED: the block the paragraphs follow,
    "" at the start of ``section_id``); ``certain`` is False when it rests on a match by
    text alone. A TRACKED change names its ``revisions`` and their author and date.
    """

    id: str
    kind: Kind
    lang: str
    diff: list[worddiff.Piece] = field(default_factory=list)
    block_id: str = ""
    section_id: str = ""
    certain: bool = True
    author: str = ""
    date: str = ""
    text: str = ""  # a comment's text; the paragraphs added
    what: str = ""  # DETAIL: the detail's key; EDITED: "title" for a clause's title
    formats: bool = False  # EDITED: bold, italic or lists changed
    revisions: frozenset[str] = frozenset()
    after: str = ""  # MOVED: the block it now follows ("" at the start of ``section_id``)
    paragraphs: list[WordParagraph] = field(default_factory=list, repr=False)


@dataclass
class BlockMatch:
    """How one block of the note stands in one language column of the file."""

    block_id: str
    lang: str
    expected: list[Paragraph]  # its body paragraphs in the plan
    found: list[tuple[int | None, WordParagraph]]  # file paragraphs: index in expected or None
    certain: bool
    lead_in: Paragraph | None = None
    lead_in_found: WordParagraph | None = None


@dataclass
class Reconciliation:
    """What the Word file changed in the note: the changes, and how each block matched."""

    note: Note  # the note as it was when matched (the changes apply to it)
    library: Library
    word: WordFile
    languages: tuple[str, ...]
    changes: list[Change]
    matches: dict[tuple[str, str], BlockMatch]  # (block id, lang) → match
    unchanged: int = 0  # blocks found as they are, counted once per language
    by_marks: bool = True  # whether the file still had Clausier's marks

    def change(self, change_id: str) -> Change:
        """The change with ``change_id``."""
        for change in self.changes:
            if change.id == change_id:
                return change
        raise KeyError(change_id)
