"""Spelling: the words of a text, which of them a language's dictionary does not know, and why.

A :class:`Speller` checks French and Dutch with the shipped Hunspell dictionaries
(:mod:`app.spelling.dictionaries`) and the user's own words (:class:`PersonalWords`); a word
a note ignores (Ignore All) is passed in by the caller. Like Word, it leaves alone
words in capitals (GOT, RGPD), words with digits, variables (``{minister}``),
addresses and single letters. Each language's answers are kept, so a word is asked
of Hunspell once a session.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.spelling.dictionaries import Hunspell
from app.spelling.dictionaries import load as load_dictionary
from app.system import paths
from app.system.atomic import write_atomic

#: A word: letters (and digits, to be skipped) joined by apostrophes or hyphens.
WORD = re.compile(r"\w+(?:[’'\-‑]\w+)*")
#: Spans of a text that hold no words to check: variables, e-mail and web addresses.
_SKIPPED = re.compile(r"\{[^{}\n]*\}|\S+@\S+\.\w+|(?:https?://|www\.)\S+")
#: The suggestions offered for one word, at most.
SUGGESTIONS = 7
#: Words longer than this are not asked of Hunspell (pasted garbage, a hash).
LONGEST_WORD = 64


@dataclass(frozen=True)
class Word:
    """A word of a text and where it is (``start``, ``end``: offsets in the text)."""

    start: int
    end: int
    text: str


def _skipped(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` holding no words to check (most texts have none: fast)."""
    if "{" in text or "@" in text or "www." in text or "://" in text:
        return [(m.start(), m.end()) for m in _SKIPPED.finditer(text)]
    return []


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(low < end and start < high for low, high in spans)


def words(text: str) -> Iterator[Word]:
    """Every word of ``text`` in order, skipped spans (variables, addresses) left out."""
    skipped = _skipped(text)
    for match in WORD.finditer(text):
        if skipped and _inside(skipped, match.start(), match.end()):
            continue
        yield Word(match.start(), match.end(), match.group())


def checked(word: str) -> bool:
    """Whether a word is one to check: not a single letter, capitals, digits or too long."""
    if len(word) < 2 or len(word) > LONGEST_WORD:
        return False
    if any(c.isdigit() or c == "_" for c in word):
        return False
    letters = [c for c in word if c.isalpha()]
    return not (len(letters) > 1 and all(c.isupper() for c in letters))


def normal(word: str) -> str:
    """A word as a list of words keeps it: typographic apostrophe, no-break hyphen as "-"."""
    return word.replace("'", "’").replace("‑", "-")


class LanguageChecker:
    """One language: its Hunspell dictionary, the user's words, and the answers so far."""

    def __init__(self, lang: str, dictionary: Hunspell, personal: Iterable[str] = ()) -> None:
        self.lang = lang
        self.dictionary = dictionary
        self.personal = {normal(w) for w in personal}
        self._known: dict[str, bool] = {}
        self._unknown: dict[str, bool] = {}  # a token as typed → whether it is to be marked

    def unknown(self, token: str) -> bool:
        """Whether a word as typed is marked: checked (not capitals, digits…) and not known."""
        answer = self._unknown.get(token)
        if answer is None:
            answer = checked(token) and not self.known(token)
            self._unknown[token] = answer
        return answer

    def known(self, word: str) -> bool:
        """Whether ``word`` is spelt right in this language (or is one of the user's)."""
        answer = self._known.get(word)
        if answer is None:
            answer = self._ask(word)
            self._known[word] = answer
        return answer

    def _ask(self, word: str) -> bool:
        key = normal(word)
        if key in self.personal or key.lower() in self.personal:
            return True
        if self._spell(key) or (key != word and self._spell(word)):
            return True
        parts = [p for p in key.split("-") if p]
        if len(parts) > 1:  # franco-belge, Hauts-de-France: each part a word, as Word accepts
            return all(not checked(p) or self._spell(p) or p in self.personal for p in parts)
        return False

    def _spell(self, word: str) -> bool:
        try:
            return bool(self.dictionary.spell(word))
        except UnicodeError:  # a character the dictionary's encoding cannot hold
            return False

    def suggest(self, word: str) -> list[str]:
        """The dictionary's suggestions for ``word``, best first, at most :data:`SUGGESTIONS`."""
        try:
            found = list(self.dictionary.suggest(word))
        except UnicodeError:
            return []
        return list(dict.fromkeys(found))[:SUGGESTIONS]

    def add(self, word: str) -> None:
        """Take ``word`` as known from now on."""
        word = normal(word)
        self.personal.add(word)
        self._known = {w: v for w, v in self._known.items() if v}  # other answers may change
        self._known[word] = True
        self._unknown = {w: v for w, v in self._unknown.items() if not v}


class PersonalWords:
    """The user's own words per language, one word a line in ``spelling/words-LANG.txt``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder

    def path(self, lang: str) -> Path:
        """The file holding the user's words in ``lang``."""
        base = self.folder if self.folder is not None else paths.data_dir() / "spelling"
        return base / f"words-{lang}.txt"

    def read(self, lang: str) -> list[str]:
        """The user's words in ``lang`` (none when the file is missing or unreadable)."""
        try:
            text = self.path(lang).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return []
        return [line.strip() for line in text.splitlines() if line.strip()]

    def add(self, lang: str, word: str) -> Path:
        """Add ``word`` to the user's words in ``lang`` (kept with those another Clausier added)."""
        target = self.path(lang)
        kept = list(dict.fromkeys([*self.read(lang), normal(word.strip())]))
        paths.ensure(target.parent)
        body = "".join(f"{w}\n" for w in sorted(kept, key=str.casefold)).encode("utf-8")
        write_atomic(target, lambda stream: stream.write(body))
        return target


Loader = Callable[[str], Hunspell]


class Speller:
    """French and Dutch spelling with the shipped dictionaries, each loaded when first needed.

    :meth:`load` may run in a worker thread; every other method answers at once,
    finding no mistakes in a language whose dictionary is not loaded yet.
    """

    LANGS = ("fr", "nl")

    def __init__(self, personal: PersonalWords | None = None, loader: Loader | None = None):
        self.personal = personal or PersonalWords()
        self._loader = loader or load_dictionary
        self._checkers: dict[str, LanguageChecker] = {}
        self._lock = threading.Lock()
        self.problems: list[str] = []  # why a dictionary could not be loaded

    def load(self, lang: str) -> LanguageChecker | None:
        """Load ``lang``'s dictionary and the user's words (once); None when it cannot be."""
        if lang not in self.LANGS:
            return None
        with self._lock:
            checker = self._checkers.get(lang)
            if checker is None:
                from app.system.errors import ClausierError

                try:
                    dictionary = self._loader(lang)
                except ClausierError as error:
                    self.problems.append(str(error))
                    return None
                checker = LanguageChecker(lang, dictionary, self.personal.read(lang))
                self._checkers[lang] = checker
            return checker

    def loaded(self, lang: str) -> bool:
        """Whether ``lang``'s dictionary is loaded."""
        return lang in self._checkers

    def checker(self, lang: str) -> LanguageChecker | None:
        """The loaded checker for ``lang`` (None before it is loaded)."""
        return self._checkers.get(lang)

    def misspelt(self, text: str, lang: str, ignored: Iterable[str] = ()) -> list[Word]:
        """The words of ``text`` that ``lang``'s dictionary does not know, in order."""
        checker = self._checkers.get(lang)
        if checker is None or not text:
            return []
        skip = ignored if isinstance(ignored, set | frozenset) else set(ignored)
        unknown = checker.unknown
        found = []
        spans: list[tuple[int, int]] | None = None
        for match in WORD.finditer(text):  # the hot loop: one look-up per word
            token = match.group()
            if not unknown(token) or (skip and normal(token) in skip):
                continue
            if spans is None:
                spans = _skipped(text)
            if spans and _inside(spans, match.start(), match.end()):
                continue
            found.append(Word(match.start(), match.end(), token))
        return found

    def is_misspelt(self, word: str, lang: str, ignored: Iterable[str] = ()) -> bool:
        """Whether one word would be marked in ``lang``."""
        checker = self._checkers.get(lang)
        if checker is None or not checked(word) or normal(word) in set(ignored):
            return False
        return not checker.known(word)

    def suggest(self, word: str, lang: str) -> list[str]:
        """Suggestions for ``word`` in ``lang`` (none before the dictionary is loaded)."""
        checker = self._checkers.get(lang)
        return checker.suggest(word) if checker is not None else []

    def add_word(self, word: str, lang: str) -> Path:
        """Add ``word`` to the user's dictionary for ``lang``, kept across restarts."""
        path = self.personal.add(lang, word)
        checker = self._checkers.get(lang)
        if checker is not None:
            checker.add(word)
        return path
