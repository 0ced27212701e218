"""Word-level differences between two wordings of a text, one language at a time.

A diff is a list of :class:`Piece` (kept, removed or added text) that a window
shows with strike-through and underline, and the command line as
``[-removed-]{+added+}``. Words and punctuation are compared as units; a space
between two changed words is folded into the change so it reads as a phrase.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from app.language.codes import LANGS
from app.library.clauses import Clause

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


class Op(StrEnum):
    """What happened to a piece of text."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text that was kept, removed or added."""

    op: Op
    text: str


def tokens(text: str) -> list[str]:
    """``text`` cut into words, runs of spaces and single punctuation marks."""
    return _TOKEN.findall(text)


def _append(pieces: list[Piece], op: Op, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].op is op:
        pieces[-1] = Piece(op, pieces[-1].text + text)
    else:
        pieces.append(Piece(op, text))


def _fold_spaces(pieces: list[Piece]) -> list[Piece]:
    """Fold a lone space kept between two changes into both changes."""
    result: list[Piece] = []
    for index, piece in enumerate(pieces):
        between = 0 < index < len(pieces) - 1
        if (
            between
            and piece.op is Op.EQUAL
            and piece.text.isspace()
            and pieces[index - 1].op is not Op.EQUAL
            and pieces[index + 1].op is not Op.EQUAL
        ):
            _append(result, Op.DELETE, piece.text)
            _append(result, Op.INSERT, piece.text)
            continue
        result.append(piece)
    # Regroup: within a run of changes, removals first, then additions.
    grouped: list[Piece] = []
    run: list[Piece] = []
    for piece in [*result, Piece(Op.EQUAL, "")]:
        if piece.op is Op.EQUAL:
            _append(grouped, Op.DELETE, "".join(p.text for p in run if p.op is Op.DELETE))
            _append(grouped, Op.INSERT, "".join(p.text for p in run if p.op is Op.INSERT))
            run = []
            _append(grouped, Op.EQUAL, piece.text)
        else:
            run.append(piece)
    return grouped


def _slide(pieces: list[Piece]) -> list[Piece]:
    """Write a lone addition or removal as "word " rather than " word" where both are right."""
    result = list(pieces)
    for index in range(1, len(result) - 1):
        before, piece, after = result[index - 1], result[index], result[index + 1]
        if (
            before.op is Op.EQUAL
            and after.op is Op.EQUAL
            and piece.op is not Op.EQUAL
            and piece.text[:1].isspace()
            and after.text[:1] == piece.text[:1]
        ):
            space = piece.text[0]
            result[index - 1] = Piece(Op.EQUAL, before.text + space)
            result[index] = Piece(piece.op, piece.text[1:] + space)
            result[index + 1] = Piece(Op.EQUAL, after.text[1:])
    return [p for p in result if p.text]


def diff_words(old: str, new: str) -> list[Piece]:
    """The word-level difference from ``old`` to ``new``."""
    a, b = tokens(old or ""), tokens(new or "")
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(pieces, Op.EQUAL, "".join(a[i1:i2]))
            continue
        _append(pieces, Op.DELETE, "".join(a[i1:i2]))
        _append(pieces, Op.INSERT, "".join(b[j1:j2]))
    return _slide(_fold_spaces(pieces))


def changed(pieces: list[Piece]) -> bool:
    """Whether a diff holds any removal or addition."""
    return any(p.op is not Op.EQUAL for p in pieces)


def as_text(pieces: list[Piece]) -> str:
    """A diff written inline: ``[-removed-]`` and ``{+added+}``."""
    marks = {Op.EQUAL: "{}", Op.DELETE: "[-{}-]", Op.INSERT: "{{+{}+}}"}
    return "".join(marks[p.op].format(p.text) for p in pieces)


@dataclass(frozen=True)
class LanguageDiff:
    """How the title and the text of one language differ between two revisions."""

    lang: str
    title: list[Piece]
    text: list[Piece]

    @property
    def changed(self) -> bool:
        """Whether the title or the text changed."""
        return changed(self.title) or changed(self.text)


def diff_clauses(
    old: Clause, new: Clause, languages: tuple[str, ...] = LANGS
) -> dict[str, LanguageDiff]:
    """The per-language differences between two revisions of a clause."""
    return {
        lang: LanguageDiff(
            lang,
            diff_words(old.title.get(lang, ""), new.title.get(lang, "")),
            diff_words(old.text_in(lang), new.text_in(lang)),
        )
        for lang in languages
    }
