"""Whether a block taken from a source still says what the source says: verbatim or paraphrase.

A linked or copied clause whose library clause is anchored in its source's full text
(:mod:`app.library.anchors`) is *taken from a source*. In each language it is:

* a **verbatim** quotation: its text is the source's wording at its span (the whole
  clause, or the excerpt a quotation took), allowing only typography and white space;
* a **paraphrase**: the adviser presents it as one (``paraphrase`` on the block);
* **differing**: presented as a quotation, its text no longer matches the source (it
  was edited, in the window or elsewhere). ``clausier check`` fails on it, and the
  export sets it as a paraphrase with a warning: a paraphrase is never set as a quotation;
* a **translation**: the source has no text in that language for it to match (our
  Dutch of an excerpt taken from the French, say), so it is set as a paraphrase.

"Typography" is what :func:`app.language.typography.apply` changes (quotes, apostrophes, the
spaces of French punctuation, day ranges) and, as :func:`app.library.folding.fold` reads them,
a ligature written out (œ/oe) or a capital without its accent (A/À).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from app.language import typography
from app.library.anchors import BULLET, Anchor, paragraph_spans
from app.library.clauses import Clause, Library, Source
from app.library.folding import fold
from app.notes.note import Block, CopiedClause, LinkedClause, Note

if TYPE_CHECKING:
    from app.library import worddiff

#: What ends a sentence, for deciding whether an excerpt cuts one (and is marked […]). A
#: colon or a semicolon does not: the declaration's sentences run on through them ("…de
#: renseignement ; de renforcer la coopération judiciaire ; d’approfondir…").
_SENTENCE_END = ".!?…"


class Standing(StrEnum):
    """What a block taken from a source is, in one language."""

    VERBATIM = "verbatim"
    DIFFERS = "differs"
    PARAPHRASE = "paraphrase"
    TRANSLATION = "translation"


@dataclass(frozen=True)
class Reference:
    """The wording of a source that a block quotes, in one language.

    ``span`` is the (start, end) of that wording in the source's full text; ``whole``
    says whether it is the whole clause or an excerpt of it.
    """

    source: Source
    clause: Clause
    anchor: Anchor
    lang: str
    span: tuple[int, int]
    whole: bool

    @property
    def wording(self) -> str:
        """The source's text at the span."""
        start, end = self.span
        return self.source.text_in(self.lang)[start:end]

    @property
    def official(self) -> bool:
        """Whether the source's text in this language is the official one."""
        return self.source.official_in(self.lang)

    def cuts(self) -> tuple[bool, bool]:
        """Whether the excerpt leaves out the start, and the end, of a sentence of its clause.

        A paragraph's start and end are a sentence's, whatever stands there.
        """
        if self.whole:
            return False, False
        clause_start, clause_end = self.anchor.span(self.lang) or self.span
        text = self.source.text_in(self.lang)
        before = text[clause_start : self.span[0]].rstrip(" \t")
        start_cut = bool(before.strip()) and not before.endswith("\n")
        start_cut = start_cut and before.rstrip()[-1] not in _SENTENCE_END
        after = text[self.span[1] : clause_end].lstrip(" \t")
        end_cut = bool(after.strip()) and not after.startswith("\n")
        end_cut = end_cut and self.wording.rstrip()[-1:] not in _SENTENCE_END
        return start_cut, end_cut


@dataclass(frozen=True)
class Quoted:
    """What one block taken from a source is in one language, against the source's wording."""

    block_id: str
    section_id: str
    clause_id: str
    lang: str
    standing: Standing
    text: str
    reference: Reference | None

    def diff(self) -> list[worddiff.Piece]:
        """The word differences from the source's wording to the block's text."""
        from app.library import worddiff  # only when the differences are shown

        return worddiff.diff_words(self.reference.wording if self.reference else "", self.text)


def _comparable(text: str, lang: str) -> str:
    """``text`` with the language's typography, one space for any white space, ligatures
    written out and capitals without accents."""
    text = " ".join(typography.apply(text, lang).split())
    out = []
    for char in text:
        if char in "œŒæÆ":
            folded = fold(char)
            out.append(folded.capitalize() if char.isupper() else folded)
        elif char.isupper():
            out.append(fold(char).upper())
        else:
            out.append(char)
    return "".join(out)


def same_wording(source: str, text: str, lang: str) -> bool:
    """Whether ``text`` says ``source`` word for word, typography and white space aside."""
    return _comparable(source, lang) == _comparable(text, lang)


def clause_of(block: LinkedClause | CopiedClause, library: Library) -> Clause | None:
    """The library clause a block shows or was copied from, at the block's revision."""
    return library.at(block.clause_id, block.revision) or library.newest(block.clause_id)


def block_text(block: LinkedClause | CopiedClause, clause: Clause | None, lang: str) -> str:
    """The text a block shows in ``lang``: its clause's (linked) or its own (copied)."""
    if isinstance(block, LinkedClause):
        return clause.text_in(lang) if clause else ""
    plain = getattr(block, "plain", None)
    return plain(lang) if plain is not None else str(block.text.get(lang, "") or "")


def source_of(clause: Clause | None, library: Library) -> Source | None:
    """The source a clause is anchored in, when the library has it with a full text."""
    if clause is None or clause.anchor is None or clause.origin is None:
        return None
    source = library.sources.get(clause.origin.source)
    return source if source is not None and source.text else None


def is_from_source(block: Block, library: Library) -> bool:
    """Whether ``block`` is a clause taken from a source the library holds the text of."""
    if not isinstance(block, LinkedClause | CopiedClause):
        return False
    return source_of(clause_of(block, library), library) is not None


def reference(block: LinkedClause | CopiedClause, library: Library, lang: str) -> Reference | None:
    """The source wording ``block`` quotes in ``lang``, or None when there is none to match."""
    clause = clause_of(block, library)
    source = source_of(clause, library)
    if source is None or clause is None or clause.anchor is None:
        return None
    span = clause.anchor.span(lang)
    text = source.text_in(lang)
    if span is None or not text or span[1] > len(text):
        return None
    excerpt = getattr(block, "excerpt", None) or {}
    if not excerpt:
        return Reference(source, clause, clause.anchor, lang, span, True)
    part = excerpt.get(lang)
    if part is None:
        return None  # an excerpt taken in another language only
    start, end = span[0] + part[0], min(span[0] + part[1], span[1])
    if start > end:
        return None
    whole = (start, end) == span
    return Reference(source, clause, clause.anchor, lang, (start, end), whole)


def assess(block: Block, library: Library, lang: str, section_id: str = "") -> Quoted | None:
    """What ``block`` is in ``lang`` (None: not taken from a source, or no text in ``lang``)."""
    if not isinstance(block, LinkedClause | CopiedClause):
        return None
    clause = clause_of(block, library)
    if source_of(clause, library) is None:
        return None
    text = block_text(block, clause, lang)
    if not text.strip():
        return None
    found = reference(block, library, lang)
    if block.paraphrase:
        standing = Standing.PARAPHRASE
    elif found is None:
        standing = Standing.TRANSLATION
    elif same_wording(found.wording, text, lang):
        standing = Standing.VERBATIM
    else:
        standing = Standing.DIFFERS
    return Quoted(block.id, section_id, block.clause_id, lang, standing, text, found)


def assess_note(
    note: Note, library: Library, languages: tuple[str, ...] | None = None
) -> Iterator[Quoted]:
    """Every block of ``note`` taken from a source, in each of ``languages`` (the note's)."""
    for section, block in note.blocks():
        for lang in languages or note.language.languages:
            quoted = assess(block, library, lang, section.id)
            if quoted is not None:
                yield quoted


def mismatches(
    note: Note, library: Library, languages: tuple[str, ...] | None = None
) -> list[Quoted]:
    """The blocks presented as quotations whose text no longer matches their source."""
    return [q for q in assess_note(note, library, languages) if q.standing is Standing.DIFFERS]


@dataclass(frozen=True)
class Excerpt:
    """A quotation taken from a source's full text: the clause it lies in, and per language
    the excerpt's (start, end) in the clause's text and its text."""

    clause: Clause
    spans: dict[str, tuple[int, int]]
    texts: dict[str, str]

    @property
    def whole(self) -> bool:
        """Whether the excerpt is the whole clause in every language it has."""
        return all(span == (0, len(self.clause.text_in(lang))) for lang, span in self.spans.items())


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection of ``text`` moved inwards past white space and a commitment's dash."""
    while start < end and text[start].isspace():
        start += 1
    at_line_start = start == 0 or text[start - 1] == "\n"
    if at_line_start and text.startswith(BULLET, start):
        start += len(BULLET)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _holds(clause: Clause | None, source_id: str, lang: str, start: int, end: int) -> bool:
    if clause is None or clause.origin is None or clause.anchor is None:
        return False
    span = clause.anchor.span(lang)
    return (
        clause.origin.source == source_id
        and span is not None
        and span[0] <= start < span[1]
        and end <= span[1]
    )


def _numbered(library: Library, source_id: str):
    """The clauses an import named ``<source>.<part>.<position>``, found by their ids."""
    source = library.sources.get(source_id)
    for part in source.parts if source else ():
        position = 1
        while (clause := library.find(f"{source_id}.{part.number}.{position}")) is not None:
            yield clause
            position += 1


def clause_at(library: Library, source_id: str, lang: str, start: int, end: int) -> Clause | None:
    """The clause of ``source_id`` whose span in the ``lang`` full text holds start…end.

    The ids the importer gives are tried first (a few look-ups, even in a library of
    100,000 clauses read from the index); other ids are looked for through the library.
    """
    for clause in _numbered(library, source_id):
        if _holds(clause, source_id, lang, start, end):
            return clause
    return next(
        (c for c in library.clauses.values() if _holds(c, source_id, lang, start, end)), None
    )


def excerpt_from_selection(
    library: Library,
    source_id: str,
    lang: str,
    start: int,
    end: int,
    clause: Clause | None = None,
) -> Excerpt | None:
    """The quotation that a selection start…end of a source's ``lang`` full text makes.

    None when the selection is empty or does not lie within one clause. A selection of
    whole paragraphs of the clause is taken in the other languages too (the same
    paragraphs, as every full text has them); an excerpt of a paragraph is the
    selection's language only. ``clause``, when the caller knows it, spares a look
    through the whole library for the clause the selection lies in.
    """
    source = library.sources.get(source_id)
    if source is None:
        return None
    text = source.text_in(lang)
    start, end = trimmed(text, max(0, start), min(end, len(text)))
    if start >= end:
        return None
    if clause is None:
        clause = clause_at(library, source_id, lang, start, end)
    if clause is None or clause.anchor is None:
        return None
    own = clause.anchor.span(lang)
    if own is None or not (own[0] <= start and end <= own[1]):
        return None
    spans = {lang: (start - own[0], end - own[0])}
    paragraphs = paragraph_spans(text, own)
    first = next((i for i, (s, _e) in enumerate(paragraphs) if s == start), None)
    last = next((i for i, (_s, e) in enumerate(paragraphs) if e == end), None)
    if first is not None and last is not None:
        for other, span in clause.anchor.spans.items():
            if other == lang or not source.text_in(other):
                continue
            theirs = paragraph_spans(source.text_in(other), span)
            if len(theirs) == len(paragraphs):
                spans[other] = (theirs[first][0] - span[0], theirs[last][1] - span[0])
    texts = {other: clause.text_in(other)[s:e] for other, (s, e) in spans.items()}
    return Excerpt(clause, spans, texts)


def block_span(
    block: Block, library: Library, lang: str
) -> tuple[Source, tuple[int, int], str] | None:
    """Where in its source a block stands: the source, the span and the language of the text
    it is shown in (``lang`` when the source has it, else another)."""
    if not isinstance(block, LinkedClause | CopiedClause):
        return None
    clause = clause_of(block, library)
    source = source_of(clause, library)
    if source is None or clause is None or clause.anchor is None:
        return None
    choices = (lang, *(other for other in clause.anchor.spans if other != lang))
    for choice in choices:  # the excerpt quoted, in the language asked for if it has one
        found = reference(block, library, choice)
        if found is not None:
            return source, found.span, choice
    for choice in choices:  # else the whole clause
        span = clause.anchor.span(choice)
        if span is not None and source.text_in(choice):
            return source, span, choice
    return None


def comparable(text: str, lang: str) -> str:
    """``text`` as two wordings are compared: typography applied, white space and capitals' accents evened."""
    return _comparable(text, lang)
