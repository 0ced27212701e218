"""Find and Replace across a note: every block and section title, both languages, one undo step.

Matching may ignore case, accents (é = e, œ = oe, as :mod:`app.library.folding` does) or
both, and may keep to whole words. A linked clause's text is found but never
replaced: it is the library's wording, to be edited locally first. A replacement
takes the bold and italic of the first character it replaces.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.language.i18n import N_
from app.notes.history import Change, Label
from app.notes.texts import LINKED, Place, note_texts, set_texts, value_at
from app.text.richtext import RichText, TextRun, paragraph, rich

if TYPE_CHECKING:
    from app.library.clauses import Library
    from app.notes.editing import NoteSession
    from app.notes.note import Note

_LIGATURES = {"œ": "oe", "æ": "ae", "Œ": "OE", "Æ": "AE"}


@dataclass(frozen=True)
class FindOptions:
    """How a search matches: case, whole words, accents."""

    match_case: bool = False
    whole_words: bool = False
    ignore_accents: bool = True


@dataclass(frozen=True)
class Match:
    """One occurrence: its place in the note and its characters (``start``, ``end``)."""

    place: Place
    start: int
    end: int
    text: str


@dataclass
class Replaced:
    """What Replace All did: how many it replaced, and the linked clauses it left alone."""

    change: Change | None
    count: int
    linked: list[Match] = field(default_factory=list)


_folded: dict[tuple[str, bool, bool], str] = {}


def _fold_char(char: str, match_case: bool, ignore_accents: bool) -> str:
    key = (char, match_case, ignore_accents)
    found = _folded.get(key)
    if found is None:
        found = char if match_case else char.casefold()
        if ignore_accents:
            decomposed = unicodedata.normalize("NFKD", found)
            found = "".join(c for c in decomposed if not unicodedata.combining(c))
            found = "".join(_LIGATURES.get(c, c) for c in found)
        if len(_folded) < 100_000:
            _folded[key] = found
    return found


def _fold(text: str, options: FindOptions) -> tuple[str, list[int]]:
    """``text`` as the search compares it, and for each of its characters the original's index."""
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char, options.match_case, options.ignore_accents)
        parts.append(folded)
        origin.extend([index] * len(folded))
    return "".join(parts), origin


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def find_in(text: str, query: str, options: FindOptions) -> list[tuple[int, int]]:
    """The ranges of ``text`` that match ``query``, in order, none overlapping."""
    wanted, _origin = _fold(query, options)
    if not wanted or not text:
        return []
    folded, origin = _fold(text, options)
    found: list[tuple[int, int]] = []
    at = folded.find(wanted)
    while at >= 0:
        start, end = origin[at], origin[at + len(wanted) - 1] + 1
        whole = not options.whole_words or (
            (start == 0 or not _word_char(text[start - 1]))
            and (end == len(text) or not _word_char(text[end]))
        )
        if whole and (not found or start >= found[-1][1]):
            found.append((start, end))
            at = folded.find(wanted, at + len(wanted))
        else:
            at = folded.find(wanted, at + 1)
    return found


def find_all(
    note: Note, library: Library | None, query: str, options: FindOptions = FindOptions()
) -> list[Match]:
    """Every occurrence of ``query`` in the note's titles and blocks, in reading order."""
    matches: list[Match] = []
    for item in note_texts(note, library, metadata=False):
        for start, end in find_in(item.text, query, options):
            matches.append(Match(item.place, start, end, item.text[start:end]))
    return matches


def replaced_text(value: RichText | str, start: int, end: int, text: str) -> RichText | str:
    """``value`` with characters ``start`` to ``end`` replaced by ``text`` (formats kept)."""
    if isinstance(value, str):
        return value[:start] + text + value[end:]
    from app.text import formatting

    index, offset = formatting.locate(value, start)
    bold = italic = False
    at = 0
    for run in value.paragraphs[index].runs:
        if offset < at + len(run.text):  # the run of the first character replaced
            bold, italic = run.bold, run.italic
            break
        at += len(run.text)
    piece = rich([paragraph([TextRun(text, bold, italic)] if text else [])])
    return formatting.splice(value, start, end, piece)


def replace_one(session: NoteSession, match: Match, replacement: str) -> Change:
    """Replace one occurrence (an undoable step); ValueError for a linked clause's text."""
    if not match.place.editable:
        raise ValueError(match.place)
    value = value_at(session.note, match.place)
    new = replaced_text(value, match.start, match.end, _one_line(replacement))
    label = Label(N_("Replace “{old}”"), old=match.text)
    return set_texts(session, [(match.place, new)], label)


def replace_all(
    session: NoteSession,
    library: Library | None,
    query: str,
    replacement: str,
    options: FindOptions = FindOptions(),
) -> Replaced:
    """Replace every occurrence the note owns as one undoable step; linked clauses are listed."""
    matches = find_all(session.note, library, query, options)
    linked = [m for m in matches if m.place.kind == LINKED]
    by_place: dict[Place, list[Match]] = {}
    for match in matches:
        if match.place.editable:
            by_place.setdefault(match.place, []).append(match)
    if not by_place:
        return Replaced(None, 0, linked)
    text = _one_line(replacement)
    values = []
    for place, found in by_place.items():
        value = value_at(session.note, place)
        for match in reversed(found):  # from the end, so earlier offsets stay true
            value = replaced_text(value, match.start, match.end, text)
        values.append((place, value))
    count = sum(len(found) for found in by_place.values())
    label = Label(N_("Replace all “{old}”"), old=query)
    return Replaced(set_texts(session, values, label), count, linked)


def _one_line(text: str) -> str:
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text
