"""A note's spelling: its unknown words in reading order, Ignore All, and corrections as edits.

Every text the note owns is checked in its own language (a French block as French,
its Dutch side as Dutch); linked clauses are the library's official wording and are
not checked. The words the note ignores (Ignore All) are kept in the note file, so
the window and ``clausier check-spelling`` agree, whoever opens the note.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.language.i18n import N_
from app.notes.findreplace import replaced_text
from app.notes.history import Change, Command, Label, Scope
from app.notes.texts import Place, note_texts, set_texts, value_at
from app.spelling.checker import Speller, normal

if TYPE_CHECKING:
    from app.notes.editing import NoteSession
    from app.notes.note import Note

#: Characters of context shown on each side of an unknown word.
CONTEXT = 40


@dataclass(frozen=True)
class Misspelling:
    """An unknown word of the note: where it is, the word, and the sentence around it."""

    place: Place
    start: int
    end: int
    word: str
    before: str = ""
    after: str = ""


def ignored(note: Note, lang: str) -> frozenset[str]:
    """The words the note's spelling leaves alone in ``lang``."""
    return frozenset(note.ignored_words.get(lang, ()))


def misspellings(note: Note, speller: Speller, *, load: bool = True) -> list[Misspelling]:
    """Every unknown word of the note's own texts, in reading order (loading dictionaries)."""
    found: list[Misspelling] = []
    skip = {lang: ignored(note, lang) for lang in note.language.languages}
    for lang in note.language.languages:
        if load:
            speller.load(lang)
    for item in note_texts(note, metadata=True, linked=False):
        lang, text = item.place.lang, item.text
        for word in speller.misspelt(text, lang, skip.get(lang, frozenset())):
            before = text[max(0, word.start - CONTEXT) : word.start].split("\n")[-1]
            after = text[word.end : word.end + CONTEXT].split("\n")[0]
            found.append(Misspelling(item.place, word.start, word.end, word.text, before, after))
    return found


def ignore_all(session: NoteSession, word: str, lang: str) -> Change:
    """Leave ``word`` alone in ``lang`` everywhere in this note (an undoable edit of the note)."""
    note = session.note
    old = copy.deepcopy(note.ignored_words)
    new = copy.deepcopy(old)
    key = normal(word)
    if key in new.get(lang, []):
        return Change(Scope.METADATA, field="ignored_words")
    new.setdefault(lang, []).append(key)

    def setter(value):
        def run() -> Change:
            note.ignored_words = copy.deepcopy(value)
            return Change(Scope.METADATA, field="ignored_words")

        return run

    session.history.break_merge()
    return session.history.push(
        Command(Label(N_("Ignore “{word}”"), word=word), setter(new), setter(old))
    )


def correct(session: NoteSession, mistake: Misspelling, replacement: str) -> Change:
    """Replace one unknown word by ``replacement`` (a suggestion or the user's own), undoably."""
    value = value_at(session.note, mistake.place)
    plain = value if isinstance(value, str) else value.plain
    if plain[mistake.start : mistake.end] != mistake.word:
        raise ValueError(mistake)  # the text changed since it was checked
    new = replaced_text(value, mistake.start, mistake.end, replacement)
    label = Label(N_("Correct “{word}”"), word=mistake.word)
    return set_texts(session, [(mistake.place, new)], label)


def correct_all(session: NoteSession, mistakes: list[Misspelling], replacement: str) -> Change:
    """Replace several unknown words (Change All) as one undoable step."""
    by_place: dict[Place, list[Misspelling]] = {}
    for mistake in mistakes:
        by_place.setdefault(mistake.place, []).append(mistake)
    values = []
    for place, found in by_place.items():
        value = value_at(session.note, place)
        for mistake in sorted(found, key=lambda m: m.start, reverse=True):
            value = replaced_text(value, mistake.start, mistake.end, replacement)
        values.append((place, value))
    label = Label(N_("Correct “{word}”"), word=mistakes[0].word)
    return set_texts(session, values, label)
