"""The two sides Bring Back Changes compares: the Word file read (:func:`read_word`), the
plan's paragraphs per stream (:func:`_streams`), and how their texts compare (:func:`_norm`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.docx import reader
from app.docx.plan import ClauseFrame, DocumentPlan, Paragraph, SideBySide, Style, Table
from app.docx.reader import WordFile
from app.language.i18n import _
from app.notes import quotation
from app.system.errors import ClausierError

_SIMILAR = 0.5  # how alike two paragraphs must be to be one paragraph edited


@dataclass
class _Expected:
    """A paragraph of the plan: its text and what it is (a block's, a heading...)."""

    paragraph: Paragraph
    role: str  # body, lead_in, citation, heading, generated
    block_id: str = ""
    index: int = -1  # among its block's body paragraphs


# -- reading the file ------------------------------------------------------------------

_DOC_MAGIC = b"\xd0\xcf\x11\xe0"


def read_word(path: Path | str) -> WordFile:
    """The Word file at ``path``; a .doc, a PDF or a damaged file is one clear error."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as error:
        raise ClausierError(
            _("Cannot read {name}: {reason}").format(name=path.name, reason=error.strerror)
        ) from None
    if head.startswith(_DOC_MAGIC):
        raise ClausierError(
            _(
                "{name} is a Word 97–2003 document (.doc): open it in Word and save it as "
                "a Word document (.docx), then bring that file back."
            ).format(name=path.name)
        )
    if head.startswith(b"%PDF"):
        raise ClausierError(
            _(
                "{name} is a PDF, not a Word document: only the .docx file can be brought back."
            ).format(name=path.name)
        )
    return reader.read(path)


# -- normalisation ---------------------------------------------------------------------


def _lang(tag: str, default: str) -> str:
    short = tag[:2].lower()
    return short if short in ("fr", "nl") else default


def _norm(text: str, lang: str) -> str:
    return quotation.comparable(text, lang)


def _formats(segments) -> tuple:
    """Bold and italic per character that is not a space (only when any is set)."""
    if not any(getattr(s, "bold", False) or getattr(s, "italic", False) for s in segments):
        return ()
    out = []
    for segment in segments:
        for char in segment.text:
            if not char.isspace():
                out.append((bool(segment.bold), bool(segment.italic)))
    return tuple(out)


def _plan_list(paragraph: Paragraph) -> tuple[str, int] | None:
    if paragraph.style is Style.BULLET:
        return "bullet", paragraph.level
    if paragraph.style is Style.NUMBER:
        return "numbered", paragraph.level
    return None


# -- the plan's side -------------------------------------------------------------------


def _streams(plan: DocumentPlan) -> dict[str, list[_Expected]]:
    """The plan's paragraphs per stream: "" for the page, a language for a column."""
    streams: dict[str, list[_Expected]] = {"": []}
    counts: dict[tuple[str, str], int] = {}

    def add(stream: str, paragraph: Paragraph, role: str, block_id: str = "") -> None:
        index = -1
        if role == "body":
            index = counts.get((block_id, paragraph.lang), 0)
            counts[(block_id, paragraph.lang)] = index + 1
        streams.setdefault(stream, []).append(_Expected(paragraph, role, block_id, index))

    def items(stream: str, body: list) -> None:
        for item in body:
            if isinstance(item, Paragraph):
                if item.style is Style.HEADING1:
                    add(stream, item, "heading", item.block_id)
                elif item.block_id:
                    add(stream, item, "body", item.block_id)
                else:
                    add(stream, item, "generated")
            elif isinstance(item, ClauseFrame):
                if item.lead_in is not None:
                    add(stream, item.lead_in, "lead_in", item.block_id)
                for paragraph in item.paragraphs:
                    add(stream, paragraph, "body", item.block_id)
                if item.citation is not None:
                    add(stream, item.citation, "citation", item.block_id)
            elif isinstance(item, SideBySide):
                for left, right in item.rows:
                    items(plan.languages[0], left)
                    items(plan.languages[-1], right)
            elif isinstance(item, Table):
                pass  # follow-up tables: compared cell by cell elsewhere (not yet)

    for line in plan.place_lines:
        add("", line, "generated")
    add("", plan.title, "generated")
    items("", plan.body)
    return streams
