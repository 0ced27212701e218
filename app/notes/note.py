"""A briefing note: its metadata and its ordered sections of blocks.

A block is free text, a clause linked to a library revision, a clause copied
into the note and edited locally, or a follow-up table of commitments.
Notes are plain data; :mod:`app.notes.file` reads and writes them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

from app.language.classification import Classification
from app.language.codes import Localized, NoteLanguage
from app.language.period import Period
from app.text.richtext import RichLocalized, coerce_all, plain_in


def new_id() -> str:
    """A fresh identifier for a section or a block."""
    return os.urandom(6).hex()  # as secrets.token_hex(6), without importing hmac and random


@dataclass(frozen=True)
class BlockComment:
    """A comment kept on a block, such as one brought back from the margin of a Word file."""

    text: str
    author: str = ""
    date: str = ""  # when it was written, ISO 8601 as Word writes it ("" when unknown)
    lang: str = ""  # the language column it was made in ("" when unknown)


@dataclass
class TextBlock:
    """Free text written in the note, one version per language, with bold, italic and lists.

    Each language's text is a :class:`~app.text.richtext.RichText`; a plain string given here
    is read as a note file always read one ("- " lines are bullets).
    """

    text: RichLocalized = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    comments: list[BlockComment] = field(default_factory=list)  # kept on the block

    def __post_init__(self) -> None:
        self.text = coerce_all(self.text)

    def plain(self, lang: str) -> str:
        """The text's characters in ``lang``, without formats ("" when it has none)."""
        return plain_in(self.text, lang)


@dataclass
class LinkedClause:
    """A library clause shown as it is in one library revision; updates are offered."""

    clause_id: str
    revision: int
    id: str = field(default_factory=new_id)
    # The newest library revision the adviser chose not to take ("keep the old
    # wording"); 0 when none. A revision newer than this one is offered again.
    kept: int = 0
    # A clause drawn from a source is presented as a quotation of it unless the adviser
    # presents it as a paraphrase (see app.notes.quotation).
    paraphrase: bool = False
    comments: list[BlockComment] = field(default_factory=list)  # kept on the block


@dataclass
class CopiedClause:
    """A library clause copied into the note and edited locally.

    Its text is formatted text as a free text's is: the note owns it, and an adviser
    (or the head of cabinet, in Word) may set a word of a commitment in bold. The
    library's clauses stay plain strings, read as :func:`~app.text.richtext.from_plain` does.
    """

    clause_id: str
    revision: int
    title: Localized = field(default_factory=dict)
    text: RichLocalized = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    # Presented as a paraphrase rather than as a quotation of the source (app.notes.quotation).
    paraphrase: bool = False
    # A quotation of part of the clause: per language, the (start, end) of the excerpt in
    # the clause's text at ``revision``; no entry for a language: the whole clause.
    excerpt: dict[str, tuple[int, int]] = field(default_factory=dict)
    comments: list[BlockComment] = field(default_factory=list)  # kept on the block

    def __post_init__(self) -> None:
        self.text = coerce_all(self.text)

    def plain(self, lang: str) -> str:
        """The text's characters in ``lang``, without formats ("" when it has none)."""
        return plain_in(self.text, lang)


@dataclass
class FollowUpRow:
    """One commitment followed up: what, where it stands, who leads, by when.

    The deadline is a date (``deadline``, ``YYYY-MM-DD``, written in each language) or,
    when it is not one ("1er trimestre 2019"), a text per language (``deadline_text``).
    """

    commitment: Localized = field(default_factory=dict)
    clause_id: str = ""
    state: Localized = field(default_factory=dict)
    lead: Localized = field(default_factory=dict)
    deadline: str = ""
    deadline_text: Localized = field(default_factory=dict)


@dataclass
class FollowUpTable:
    """A table of commitments with their state of play, lead service and deadline."""

    rows: list[FollowUpRow] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    comments: list[BlockComment] = field(default_factory=list)  # kept on the block


Block = TextBlock | LinkedClause | CopiedClause | FollowUpTable


@dataclass
class Section:
    """A titled part of a note holding blocks in order."""

    title: Localized = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class Note:
    """A briefing note: metadata, variables and sections."""

    subject: Localized = field(default_factory=dict)
    addressee: Localized = field(default_factory=dict)
    author: str = ""
    author_function: Localized = field(default_factory=dict)  # "conseillère" / "adviseur"
    cabinet: Localized = field(default_factory=dict)
    date: date | None = None
    meeting_date: Period | None = None  # a day, or the days of a meeting over several
    place: Localized = field(default_factory=dict)  # where the note is written: "Bruxelles"
    reference: str = ""
    classification: Classification = Classification.NONE
    language: NoteLanguage = NoteLanguage.FR
    variables: dict[str, str | Localized] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    # Words that spelling leaves alone in this note (Ignore All), per language.
    ignored_words: dict[str, list[str]] = field(default_factory=dict)

    def clause_ids(self) -> list[str]:
        """The library clauses the note uses (linked or copied), in order of use."""
        seen: dict[str, None] = {}
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, LinkedClause | CopiedClause):
                    seen.setdefault(block.clause_id, None)
        return list(seen)

    def blocks(self):
        """Every (section, block) pair in order."""
        for section in self.sections:
            for block in section.blocks:
                yield section, block
