"""Every text of a note in reading order, with where it is, and one undoable step that changes many.

Spelling, Find and Replace and the word count all walk a note the same way: its
localized metadata (subject, addressee…), then each section's title and blocks, each
language after the other (French, then Dutch). A linked clause's text is the
library's wording: it is listed (found, counted) but marked as not editable.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.notes.history import Change, Command, Label, Scope
from app.notes.note import CopiedClause, FollowUpTable, LinkedClause, Note, TextBlock
from app.text.richtext import RichText, coerce

if TYPE_CHECKING:
    from app.library.clauses import Library
    from app.notes.editing import NoteSession

#: The metadata fields holding prose per language, in the order a note shows them.
METADATA_TEXTS = ("subject", "addressee", "author_function", "cabinet", "place")
#: The columns of a follow-up row that hold prose.
CELL_TEXTS = ("commitment", "state", "lead")

METADATA, TITLE, TEXT, LINKED, CELL = "metadata", "title", "text", "linked", "cell"


@dataclass(frozen=True)
class Place:
    """Where a text is in a note: a metadata field, a section title, a block or a table cell."""

    kind: str  # METADATA, TITLE, TEXT, LINKED or CELL
    lang: str
    field: str = ""  # the metadata field, or the cell's column
    section_id: str = ""
    block_id: str = ""
    row: int = -1

    @property
    def editable(self) -> bool:
        """Whether the note owns this text (a linked clause's is the library's)."""
        return self.kind != LINKED


@dataclass(frozen=True)
class NoteText:
    """One text of a note and its place."""

    place: Place
    text: str


def note_texts(
    note: Note,
    library: Library | None = None,
    *,
    metadata: bool = True,
    linked: bool = True,
) -> Iterator[NoteText]:
    """The texts of ``note`` in reading order (linked clauses need ``library``)."""
    languages = note.language.languages
    if metadata:
        for name in METADATA_TEXTS:
            values = getattr(note, name)
            for lang in languages:
                if values.get(lang):
                    yield NoteText(Place(METADATA, lang, field=name), values[lang])
    for section in note.sections:
        for lang in languages:
            if section.title.get(lang):
                yield NoteText(Place(TITLE, lang, section_id=section.id), section.title[lang])
        for block in section.blocks:
            yield from _block_texts(block, section.id, languages, library, linked)


def _block_texts(block, section_id: str, languages, library, linked: bool) -> Iterator[NoteText]:
    if isinstance(block, TextBlock | CopiedClause):
        for lang in languages:
            text = block.plain(lang)
            if text:
                yield NoteText(Place(TEXT, lang, section_id=section_id, block_id=block.id), text)
    elif isinstance(block, LinkedClause):
        if not linked or library is None:
            return
        clause = library.at(block.clause_id, block.revision) or library.newest(block.clause_id)
        if clause is None:
            return
        for lang in languages:
            text = clause.text_in(lang)
            if text:
                place = Place(LINKED, lang, section_id=section_id, block_id=block.id)
                yield NoteText(place, text)
    elif isinstance(block, FollowUpTable):
        for index, row in enumerate(block.rows):
            for lang in languages:
                for column in CELL_TEXTS:
                    text = getattr(row, column).get(lang, "")
                    if text:
                        place = Place(
                            CELL,
                            lang,
                            field=column,
                            section_id=section_id,
                            block_id=block.id,
                            row=index,
                        )
                        yield NoteText(place, text)


# --- reading and writing one place ---------------------------------------------------


def _block(note: Note, place: Place):
    for section in note.sections:
        if section.id == place.section_id:
            for block in section.blocks:
                if block.id == place.block_id:
                    return block
    for _section, block in note.blocks():  # moved to another section since it was found
        if block.id == place.block_id:
            return block
    raise KeyError(place.block_id)


def _section(note: Note, place: Place):
    for section in note.sections:
        if section.id == place.section_id:
            return section
    raise KeyError(place.section_id)


def value_at(note: Note, place: Place) -> RichText | str:
    """The text at ``place``: formatted text for a block, a string elsewhere."""
    if place.kind == TEXT:
        return coerce(_block(note, place).text.get(place.lang))
    if place.kind == TITLE:
        return _section(note, place).title.get(place.lang, "")
    if place.kind == METADATA:
        return getattr(note, place.field).get(place.lang, "")
    if place.kind == CELL:
        return getattr(_block(note, place).rows[place.row], place.field).get(place.lang, "")
    raise ValueError(place.kind)


def _put(note: Note, place: Place, value: RichText | str) -> None:
    if place.kind == TEXT:
        _block(note, place).text[place.lang] = value
        return
    if place.kind == TITLE:
        target = _section(note, place).title
    elif place.kind == METADATA:
        target = getattr(note, place.field)
    elif place.kind == CELL:
        target = getattr(_block(note, place).rows[place.row], place.field)
    else:
        raise ValueError(place.kind)
    if value:
        target[place.lang] = value
    else:
        target.pop(place.lang, None)


def _change(places: list[Place]) -> Change:
    """What views must show again once ``places`` changed."""
    kinds = {p.kind for p in places}
    if kinds == {METADATA} and len({p.field for p in places}) == 1:
        return Change(Scope.METADATA, field=places[0].field)
    if METADATA in kinds:
        return Change(Scope.NOTE)
    blocks = {p.block_id for p in places if p.block_id}
    if kinds <= {TEXT, CELL} and len(blocks) == 1:
        return Change(Scope.BLOCK, block_id=next(iter(blocks)))
    return Change(Scope.BLOCKS, tuple(dict.fromkeys(p.section_id for p in places)))


def set_texts(
    session: NoteSession, values: list[tuple[Place, RichText | str]], label: Label
) -> Change:
    """Put each value at its place as one undoable command named ``label``."""
    note = session.note
    for place, _value in values:
        if not place.editable:
            raise ValueError(place)
    old = [(place, copy.deepcopy(value_at(note, place))) for place, _value in values]
    places = [place for place, _value in values]

    def setter(pairs):
        def run() -> Change:
            for place, value in pairs:
                _put(note, place, copy.deepcopy(value))
            return _change(places)

        return run

    session.history.break_merge()  # typing before it is a step of its own
    return session.history.push(Command(label, setter(values), setter(list(reversed(old)))))
