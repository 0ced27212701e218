"""Import a declaration's text, as received, into a source and its clauses.

A declaration is a preamble followed by numbered parts ("1- en matière de…")
of dash-bulleted commitments ("-De poursuivre…"). The text usually reaches us
damaged, and the importer repairs it by rule, never by a table of known words:

* every ’ and œ became "?": between letters, after an elided word (l, d, qu,
  jusqu, aujourd…) it is an apostrophe, unless what follows is the rest of
  cœur, sœur, nœud or mœurs; inside a word or at a word start, followed by
  letters that can follow œ (œuvre, œil, vœu, bœuf, œdème…), it is œ; "??"
  after an elided word is ’œ (``D??uvrer`` → ``D’œuvrer``); a "?" followed by
  a space, punctuation or the end is a real question mark and stays;
* lines are hard-wrapped: they are unwrapped, a hyphen at a line end belongs
  to the word (``franco-`` / ``belge``); a paragraph that starts in lower
  case after one that stops mid-sentence was split by a page break and is
  joined back; a line indented after a full stop starts a new paragraph;
* a "URL source:" line (wrapped or not) becomes the source's address.

Editorial quirks are decided one by one and each is reported as a
:class:`Notice`, so nothing changes silently; those that concern one clause's
wording are also kept as the clause's remark, written in the language of its
text (the built-in library's overlay gives its own remark for each of them):

* fixed, because they carry no meaning: no-break spaces (French spacing is
  applied at export), runs of spaces, a function word typed twice
  (``en cas de de gestion``), a closing guillemet that closes nothing
  (``entre nos services »``), the end-of-text mark ``./.``;
* kept, because they are the official wording: bracketed text
  (``[à court et moyen terme]``), an opening guillemet that is never closed,
  and near-identical commitments, which stay separate clauses and are
  flagged as near duplicates of each other.

What no rule can see is kept as the official text has it, unreported:
``A l’invitation`` and ``Edouard`` without accents, ``ayant touchés``,
``radicalisés violent``, ``2018;`` without a space (export applies French
spacing).

A text does not say reliably what it is: its title, date, place and parties
come from whoever imports it (:class:`SourceDetails`), never from the file name.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from app.language import i18n
from app.language.codes import Localized
from app.language.i18n import N_, _, ngettext
from app.library.anchors import Anchor, LayoutEntry, assemble
from app.library.clauses import Clause, Kind, Library, Origin, Part, Source, Status
from app.library.layout import (
    BULLET,
    HEADING,
    Paragraph,
    ends_sentence,
    line_numbers,
    paragraphs_of,
    unwrap,
)
from app.library.repair import RepairCount, repair_characters
from app.library.sourcefile import read_declaration
from app.system.errors import DeclarationImportError

if TYPE_CHECKING:
    from gettext import NullTranslations


#: Share of the shorter commitment found in another from which both count as near duplicates,
#: for commitments of at least MIN_DUPLICATE_WORDS words.
NEAR_DUPLICATE_RATIO = 0.8
MIN_DUPLICATE_WORDS = 12

#: Function words that are never meant twice in a row ("de de", "la la"…).
_REPEATABLE_TYPOS = "de du des la le les à au aux et un une pour par dans sur avec"

_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a\t\v]")
_URL_LINE = re.compile(r"^(?:(?:url(?:\s+source)?|source|lien)\s*:\s*)?(https?://\S+)$", re.I)
_CLOSING = re.compile(r"^(?:Fait à|Fait au|Fait en|Gedaan te)\b")
_END_MARK = re.compile(r"\s*\.\s*/\s*\.\s*$")
_REPEATED = re.compile(rf"\b({'|'.join(_REPEATABLE_TYPOS.split())})\s+\1\b", re.IGNORECASE)
_PREAMBLE_TITLE = {"fr": "Préambule", "nl": "Preambule"}


class Quirk(StrEnum):
    """The kinds of quirk the importer reports."""

    REPAIRED = "repaired"
    QUESTION_MARK = "question_mark"
    NO_BREAK_SPACE = "no_break_space"
    DOUBLE_SPACE = "double_space"
    PAGE_BREAK = "page_break"
    CONTINUATION = "continuation"
    NO_DASH = "no_dash"
    PART_ORDER = "part_order"
    EMPTY_PART = "empty_part"
    CLOSING = "closing"
    STRAY_GUILLEMET = "stray_guillemet"
    UNCLOSED_GUILLEMET = "unclosed_guillemet"
    BRACKETS = "brackets"
    REPEATED_WORD = "repeated_word"
    END_MARK = "end_mark"
    NEAR_DUPLICATE = "near_duplicate"


#: The quirks that concern one clause's wording, changed or knowingly kept: each is also
#: kept as a remark on the clause.
REMARKED = frozenset(
    {
        Quirk.STRAY_GUILLEMET,
        Quirk.REPEATED_WORD,
        Quirk.END_MARK,
        Quirk.BRACKETS,
        Quirk.UNCLOSED_GUILLEMET,
        Quirk.NEAR_DUPLICATE,
    }
)


@dataclass(frozen=True)
class SourceDetails:
    """What a declaration's text does not say about itself: title (per language), date, place
    (per language) and parties, given by whoever imports it."""

    title: Localized = field(default_factory=dict)
    date: date | None = None
    place: Localized = field(default_factory=dict)
    parties: tuple[str, ...] = ()

    @staticmethod
    def parties_of(text: str) -> tuple[str, ...]:
        """The parties written in one line, separated by commas or semicolons."""
        return tuple(p.strip() for p in re.split(r"[,;]", text) if p.strip())

    def missing(self) -> list[str]:
        """What is not given: "title", "date", "place", "parties"."""
        return [
            name
            for name, value in (
                ("title", any(v.strip() for v in self.title.values())),
                ("date", self.date is not None),
                ("place", any(v.strip() for v in self.place.values())),
                ("parties", bool(self.parties)),
            )
            if not value
        ]


@dataclass(frozen=True)
class Notice:
    """A quirk met in the text, and what the importer did about it."""

    quirk: Quirk
    message: str
    clause_id: str = ""

    def __str__(self) -> str:
        return f"{self.clause_id}: {self.message}" if self.clause_id else self.message


@dataclass
class ImportResult:
    """A declaration turned into a source, its clauses, and the notices met on the way.

    ``layout`` is the order of the source's paragraphs (headings, clauses, other text),
    from which a full text in another language is assembled (:func:`app.library.anchors.assemble`).
    """

    source: Source
    clauses: list[Clause]
    notices: list[Notice] = field(default_factory=list)
    layout: list[LayoutEntry] = field(default_factory=list)

    def library(self) -> Library:
        """The result as a library holding one source."""
        return Library(
            sources={self.source.id: self.source}, clauses={c.id: c for c in self.clauses}
        )

    def notices_of(self, quirk: Quirk) -> list[Notice]:
        """The notices of one kind."""
        return [n for n in self.notices if n.quirk is quirk]


# --- damaged characters ---------------------------------------------------------


def _url(paragraph: Paragraph) -> str:
    """The web address a "URL source:" paragraph gives, or ""."""
    match = _URL_LINE.match(paragraph.lines[0])
    if not match or any(" " in line for line in paragraph.lines[1:]):
        return ""
    return match.group(1) + "".join(paragraph.lines[1:])


# --- structure ---------------------------------------------------------------------


@dataclass
class _Draft:
    part: int
    position: int
    paragraphs: list[str]
    first: int = 0  # the lines of the text as received it was read from
    last: int = 0
    bullet: bool = False

    def clause_id(self, prefix: str) -> str:
        return f"{prefix}.{self.part}.{self.position}"


def _check_readable(text: str) -> None:
    if not text or not text.strip():
        raise DeclarationImportError(_("The declaration is empty."))
    controls = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f\v") or c == "\ufffd")
    if "\x00" in text or controls > max(2, len(text) // 200):
        raise DeclarationImportError(
            _("The declaration is not readable text (is it a binary file?).")
        )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def short_title(text: str, limit: int = 70) -> str:
    """A short title from a clause's text: its first words, without a leading "De"/"D’"."""
    first = re.split(r"(?<=[.;:])\s", text.split("\n")[0], maxsplit=1)[0].rstrip(" .;:")
    first = re.sub(r"^(?:De|D’)\s*(?=[^\W\d_])", "", first)
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0].rstrip(",;: ") + "…"
    return _capitalised(first)


class _Importer:
    """One run of the importer over one text."""

    def __init__(self, source_id: str, id_prefix: str, lang: str) -> None:
        self.source_id = source_id
        self.prefix = id_prefix
        self.lang = lang
        self.notices: list[Notice] = []
        self.remarks: dict[str, list[str]] = {}
        self.url = ""
        self.parts: list[Part] = []
        self.drafts: list[_Draft] = []
        self.layout: list[LayoutEntry] = []
        self._text_language: NullTranslations | None = None

    def notice(self, quirk: Quirk, message: str, clause_id: str = "") -> None:
        self.notices.append(Notice(quirk, message, clause_id))

    def wording(self, quirk: Quirk, message: str, clause_ids: tuple[str, ...], **values) -> None:
        """Report a quirk of a clause's wording (``message`` marked with N_) and remark on it,
        in the language of the clause's text, on every clause it concerns."""
        self.notice(quirk, _(message).format(**values), clause_ids[0])
        if self._text_language is None:
            self._text_language = i18n.load(self.lang)
        remark = self._text_language.gettext(message).format(**values)
        for clause_id in clause_ids:
            self.remarks.setdefault(clause_id, []).append(remark)

    def normalise(self, text: str) -> str:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n\n")
        no_breaks = len(re.findall("[\u00a0\u2007\u202f]", text))
        text = _SPACES.sub(" ", text)
        doubles = sum(len(re.findall(r"(?<=\S) {2,}(?=\S)", line)) for line in text.split("\n"))
        if no_breaks:
            self.notice(
                Quirk.NO_BREAK_SPACE,
                ngettext(
                    "{n} no-break space became an ordinary space (French spacing is applied at export).",
                    "{n} no-break spaces became ordinary spaces (French spacing is applied at export).",
                    no_breaks,
                ).format(n=no_breaks),
            )
        if doubles:
            self.notice(
                Quirk.DOUBLE_SPACE,
                ngettext(
                    "{n} run of several spaces became one space.",
                    "{n} runs of several spaces became one space each.",
                    doubles,
                ).format(n=doubles),
            )
        return text

    def repair(self, paragraphs: list[Paragraph]) -> None:
        count = RepairCount()
        for paragraph in paragraphs:
            paragraph.text = repair_characters(unwrap(paragraph.lines), count)
        if count.apostrophes or count.oe:
            self.notice(
                Quirk.REPAIRED,
                _("Repaired {a} apostrophes and {oe} “œ” that had become “?”.").format(
                    a=count.apostrophes, oe=count.oe
                ),
            )
        for context in count.kept:
            self.notice(
                Quirk.QUESTION_MARK,
                _("Kept “?” as a question mark: “{context}”; check it.").format(context=context),
            )

    def place(self, paragraph: Paragraph, part: int, expected: int) -> int:
        """Put ``paragraph`` in the structure; returns the part now open."""
        text = paragraph.text
        heading = HEADING.match(text) if len(paragraph.lines) == 1 else None
        if heading and int(heading.group(1)) == expected:
            title = _capitalised(heading.group(2).strip().rstrip(".:"))
            self.parts.append(Part(expected, {self.lang: title}))
            self.layout.append(LayoutEntry("heading", expected, text))
            return expected
        if heading:
            self.notice(
                Quirk.PART_ORDER,
                _(
                    "“{text}” looks like part {n} but part {expected} was expected; kept as text."
                ).format(text=text, n=heading.group(1), expected=expected),
            )
        current = self.drafts[-1] if self.drafts and self.drafts[-1].part == part else None
        bullet = BULLET.match(text)
        if (
            current
            and not bullet
            and text[:1].islower()
            and not ends_sentence(current.paragraphs[-1])
        ):
            end = current.paragraphs[-1][-30:]
            current.paragraphs[-1] += " " + text
            current.last = paragraph.last
            message = (
                _("Joined a sentence that a page break had split: “… {end} / {start} …”.")
                if paragraph.gap > 1
                else _("Joined a sentence that a blank line had split: “… {end} / {start} …”.")
            )
            self.notice(
                Quirk.PAGE_BREAK,
                message.format(end=end, start=text[:30]),
                current.clause_id(self.prefix),
            )
            return part
        if part and _CLOSING.match(text):
            self.notice(
                Quirk.CLOSING, _("Closing formula not imported: “{text}”.").format(text=text)
            )
            self.layout.append(LayoutEntry("text", part, text))
            return part
        if part == 0 or bullet:
            body = text[bullet.end() :] if bullet else text
            position = len([d for d in self.drafts if d.part == part]) + 1
            self.new_draft(_Draft(part, position, [body], bullet=bool(bullet)), paragraph)
            return part
        if current:
            current.paragraphs.append(text)
            current.last = paragraph.last
            self.notice(
                Quirk.CONTINUATION,
                _("A paragraph without a dash was kept as the next paragraph of {id}.").format(
                    id=current.clause_id(self.prefix)
                ),
                current.clause_id(self.prefix),
            )
            return part
        self.new_draft(_Draft(part, 1, [text]), paragraph)
        self.notice(
            Quirk.NO_DASH,
            _(
                "Part {n} starts with a paragraph without a dash; it was taken as a commitment."
            ).format(n=part),
            self.drafts[-1].clause_id(self.prefix),
        )
        return part

    def new_draft(self, draft: _Draft, paragraph: Paragraph) -> None:
        """Start a clause at ``paragraph``, in the structure and in the layout of the text."""
        draft.first, draft.last = paragraph.first, paragraph.last
        self.drafts.append(draft)
        entry = LayoutEntry("clause", draft.part, clause_id=draft.clause_id(self.prefix))
        self.layout.append(replace(entry, bullet=draft.bullet))

    def structure(self, paragraphs: list[Paragraph]) -> None:
        part = 0
        for paragraph in paragraphs:
            if _END_MARK.fullmatch(paragraph.text) or not paragraph.text:
                if paragraph.text:
                    self.notice(Quirk.END_MARK, _("Removed the end-of-text mark “./.”."))
                continue
            part = self.place(paragraph, part, len(self.parts) + 1)
        if not self.parts:
            raise DeclarationImportError(
                _("No numbered part (such as “1- …”) was found: is this a declaration?")
            )
        for number in range(1, len(self.parts) + 1):
            if not any(d.part == number for d in self.drafts):
                self.notice(Quirk.EMPTY_PART, _("Part {n} has no commitment.").format(n=number))

    def clean(self, draft: _Draft) -> str:
        """The clause text of ``draft``, with the meaningless quirks fixed and all reported."""
        clause_id = draft.clause_id(self.prefix)
        paragraphs = []
        for paragraph in draft.paragraphs:
            if _END_MARK.search(paragraph) and paragraph.rstrip().endswith("/."):
                paragraph = _END_MARK.sub(".", paragraph)
                self.wording(
                    Quirk.END_MARK, N_("Removed the end-of-text mark “./.”."), (clause_id,)
                )
            for match in _REPEATED.finditer(paragraph):
                self.wording(
                    Quirk.REPEATED_WORD,
                    N_("Removed a repeated word: “{words}”."),
                    (clause_id,),
                    words=match.group(0),
                )
            paragraph = _REPEATED.sub(r"\1", paragraph)
            paragraphs.append(self.balance_guillemets(paragraph, clause_id))
        text = "\n".join(paragraphs)
        for match in re.finditer(r"\[[^\]\n]*\]", text):
            self.wording(
                Quirk.BRACKETS,
                N_("Kept the bracketed words “{words}” of the official text."),
                (clause_id,),
                words=match.group(0),
            )
        return text

    def balance_guillemets(self, text: str, clause_id: str) -> str:
        out: list[str] = []
        depth = 0
        for index, char in enumerate(text):
            if char == "«":
                depth += 1
            elif char == "»":
                if depth == 0:
                    self.wording(
                        Quirk.STRAY_GUILLEMET,
                        N_("Removed a closing guillemet that closed nothing: “{context}”."),
                        (clause_id,),
                        context=text[max(0, index - 25) : index + 2],
                    )
                    while out and out[-1] == " ":
                        out.pop()
                    continue
                depth -= 1
            out.append(char)
        if depth:
            self.wording(
                Quirk.UNCLOSED_GUILLEMET, N_("Kept a guillemet that is never closed."), (clause_id,)
            )
        return "".join(out)

    def clauses(self) -> list[Clause]:
        clauses = []
        for draft in self.drafts:
            text = self.clean(draft)
            clauses.append(
                Clause(
                    id=draft.clause_id(self.prefix),
                    kind=Kind.COMMITMENT if draft.part else Kind.CONTEXT,
                    title={self.lang: short_title(text)},
                    text={self.lang: text},
                    status={self.lang: Status.OFFICIAL},
                    origin=Origin(self.source_id, draft.part, draft.position),
                    anchor=Anchor(draft.part, draft.position, lines=(draft.first, draft.last)),
                )
            )
        return self.flag_near_duplicates(clauses)

    def full_text(self, clauses: list[Clause]) -> tuple[str, list[Clause]]:
        """The repaired full text, and ``clauses`` anchored to their spans in it."""
        text, spans = assemble(self.layout, {c.id: c.text_in(self.lang) for c in clauses})
        anchored = []
        for clause in clauses:
            anchor = clause.anchor
            if anchor is not None and clause.id in spans:
                anchor = replace(anchor, spans={self.lang: spans[clause.id]})
            anchored.append(replace(clause, anchor=anchor))
        return text, anchored

    def flag_near_duplicates(self, clauses: list[Clause]) -> list[Clause]:
        commitments = [c for c in clauses if c.kind is Kind.COMMITMENT]
        twins: dict[str, list[str]] = {}
        for index, first in enumerate(commitments):
            for second in commitments[index + 1 :]:
                ratio = similarity(first.text_in(self.lang), second.text_in(self.lang))
                if ratio >= NEAR_DUPLICATE_RATIO:
                    twins.setdefault(first.id, []).append(second.id)
                    twins.setdefault(second.id, []).append(first.id)
                    self.wording(
                        Quirk.NEAR_DUPLICATE,
                        N_(
                            "{a} and {b} are nearly identical ({percent}% of the shorter is in the "
                            "other); both kept as separate clauses."
                        ),
                        (first.id, second.id),
                        a=first.id,
                        b=second.id,
                        percent=round(ratio * 100),
                    )
        return [
            replace(
                c,
                near_duplicates=tuple(twins.get(c.id, ())),
                remark=" ".join(self.remarks.get(c.id, ())),
            )
            for c in clauses
        ]


def similarity(first: str, second: str) -> float:
    """The share (0–1) of the shorter text's words found, in order, in the longer one."""
    a, b = first.lower().split(), second.lower().split()
    if min(len(a), len(b)) < MIN_DUPLICATE_WORDS:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared / min(len(a), len(b))


def import_declaration(
    text: str,
    *,
    source_id: str,
    id_prefix: str,
    lang: str = "fr",
    details: SourceDetails | None = None,
) -> ImportResult:
    """Repair and parse a declaration's text into a source, its clauses and notices.

    The source's title, date, place and parties are ``details``, as the importer gives them
    (none when omitted): a text does not say them reliably.
    """
    details = details or SourceDetails()
    _check_readable(text)
    run = _Importer(source_id, id_prefix, lang)
    paragraphs = paragraphs_of(run.normalise(text), line_numbers(text))
    body = []
    for paragraph in paragraphs:
        url = _url(paragraph)
        if url:
            run.url = run.url or url
        else:
            body.append(paragraph)
    run.repair(body)
    run.structure(body)
    full_text, clauses = run.full_text(run.clauses())
    parts = tuple(run.parts)
    if any(c.part == 0 for c in clauses):
        parts = (Part(0, {lang: _PREAMBLE_TITLE.get(lang, "Preamble")}), *parts)
    source = Source(
        id=source_id,
        title={k: v.strip() for k, v in details.title.items() if v.strip()},
        date=details.date,
        place={k: v.strip() for k, v in details.place.items() if v.strip()},
        parties=tuple(p.strip() for p in details.parties if p.strip()),
        url=run.url,
        parts=parts,
        text={lang: full_text},
        text_status={lang: Status.OFFICIAL},
    )
    return ImportResult(source, clauses, run.notices, run.layout)


# --- files -------------------------------------------------------------------------


def import_file(
    path: Path | str,
    *,
    source_id: str | None = None,
    id_prefix: str | None = None,
    lang: str = "fr",
    details: SourceDetails | None = None,
) -> ImportResult:
    """Import the declaration in ``path`` (.txt or .docx); ids default to its file name, the
    source's title, date, place and parties are ``details`` (never taken from the name)."""
    path = Path(path)
    text = read_declaration(path)
    source_id = source_id or re.sub(r"[^a-z0-9-]+", "-", path.name.split(".")[0].lower()).strip("-")
    return import_declaration(
        text,
        source_id=source_id or "import",
        id_prefix=id_prefix or source_id or "import",
        lang=lang,
        details=details,
    )
