"""The rendering plan: a note laid out for one export language, ready for a writer.

:func:`app.export.render.build_plan` turns a note into a plan, with dates, variables
and typography applied; the Word writer (:mod:`app.docx`) and the window's
preview are two readers of the same plan, so what the preview shows is what
Word gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Mark(StrEnum):
    """Why a span stands out: a missing translation, an unfilled variable..."""

    NONE = "none"
    MISSING = "missing"  # no text in this language: a visible placeholder
    UNFILLED = "unfilled"  # a variable with no value, shown as {name}
    VARIABLE = "variable"  # a filled variable (plain in Word, highlighted in the preview)


class Style(StrEnum):
    """Paragraph styles, resolved by the writer to the template's built-in styles."""

    TITLE = "title"
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    BODY = "body"
    BULLET = "bullet"
    NUMBER = "number"  # an item of a numbered list
    CLAUSE_TITLE = "clause_title"  # a clause's lead-in: its number and title
    TABLE_TEXT = "table_text"
    META_LABEL = "meta_label"
    META_VALUE = "meta_value"
    PLACE_LINE = "place_line"  # "Bruxelles, le 11 juin 2018", above the title
    QUOTATION = "quotation"  # a clause quoted word for word from its source (app.notes.quotation)
    CITATION = "citation"  # the line under a quotation that says where it comes from


@dataclass(frozen=True)
class Span:
    """A run of text; ``lang`` overrides the paragraph's language when set.

    ``superscript`` raises it, as French sets the "er" of "1er" and the "e" of "XIXe".
    """

    text: str
    mark: Mark = Mark.NONE
    bold: bool = False
    italic: bool = False
    lang: str | None = None
    superscript: bool = False


@dataclass
class Paragraph:
    """A paragraph of spans in one language ("fr" or "nl").

    A list item (style BULLET or NUMBER) has its ``level`` (0 the outermost) and its
    ``list_id``: the items of one numbered sequence share it and count 1, 2, 3; another
    id starts at 1 again (:func:`app.text.numbering.list_sequences`). Ids are unique in a plan.
    """

    spans: list[Span]
    lang: str
    style: Style = Style.BODY
    level: int = 0
    list_id: int = -1
    block_id: str = ""  # the note block it belongs to (free text), for the round trip

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(span.text for span in self.spans)


@dataclass
class ClauseFrame:
    """A library clause in one language; Word shows it as a tagged content control.

    ``lead_in`` is the paragraph the house style opens it with: a commitment's number
    and title ("1.2 Harmonisation des critères biométriques (ADN)"), a context
    paragraph's title; None for the kinds written without one. A verbatim quotation of
    its source (``quotation``) has its paragraphs in the Quotation style and, after them,
    its ``citation`` line ("« Déclaration conjointe franco-belge … , point 1, 4e tiret »").
    """

    clause_id: str
    revision: int
    lang: str
    linked: bool
    title: str
    paragraphs: list[Paragraph]
    lead_in: Paragraph | None = None
    citation: Paragraph | None = None
    quotation: bool = False
    block_id: str = ""  # the note block it shows, marked in Word for the round trip

    @property
    def tag(self) -> str:
        """The content control tag: ``clausier:<id>@<revision>:<lang>``."""
        return f"clausier:{self.clause_id}@{self.revision}:{self.lang}"


@dataclass
class Table:
    """A table with a header row; each cell is a list of paragraphs."""

    header: list[list[Paragraph]]
    rows: list[list[list[Paragraph]]]
    widths: list[float] = field(default_factory=list)  # relative column widths
    block_id: str = ""  # the follow-up table it shows ("" for other tables)


Item = "Paragraph | ClauseFrame | Table | SideBySide"


@dataclass
class SideBySide:
    """French and Dutch in two columns, one row per block (bilingual export)."""

    rows: list[
        tuple[list, list]
    ]  # (French items, Dutch items); items: Paragraph | ClauseFrame | Table


@dataclass
class MetaLine:
    """A line of the first-page block: a label (À / Aan) and its value."""

    label: Paragraph
    value: Paragraph


@dataclass
class PlanWarning:
    """Something the user should know before sending the file, and where it is in the note.

    ``message`` is translated and says where in words. The place, for going there: a
    detail of the note (``field``: subject, addressee, author_function, cabinet, place,
    date), a section (``section_id``; alone, with ``lang``, it is the section's title), a
    block in it (``block_id``), a cell of a follow-up table (``row``, from 0, and
    ``column``: commitment, state, lead or deadline) or a variable (``variable``);
    ``lang`` is the language the text is missing in, if any.
    """

    code: str  # missing_translation, unfilled_variable, cleaned_characters, template...
    message: str
    block_id: str = ""
    lang: str = ""
    section_id: str = ""
    row: int = -1
    column: str = ""
    field: str = ""
    variable: str = ""

    @property
    def place(self) -> tuple[str, str, int, str, str, str, str]:
        """Where the warning points, as one comparable value (one check-list line per place)."""
        return (
            self.section_id,
            self.block_id,
            self.row,
            self.column,
            self.field,
            self.variable,
            self.lang,
        )


@dataclass
class DocumentPlan:
    """A whole note laid out for one export: ``languages`` is ("fr",), ("nl",) or both."""

    languages: tuple[str, ...]
    title: Paragraph  # the document title (the subject)
    meta: list[MetaLine]
    body: list  # Paragraph | ClauseFrame | Table | SideBySide
    classification: list[Span]  # header text on every page; empty when unclassified
    page_label: list[Span]  # "Page" / "Pagina" / "Page / Pagina", before "X / Y"
    place_lines: list[Paragraph] = field(default_factory=list)  # one per language, first
    properties_title: str = ""
    properties_author: str = ""
    properties_subject: str = ""
    created: datetime | None = None
    warnings: list[PlanWarning] = field(default_factory=list)

    @property
    def main_language(self) -> str:
        """The document's default language (the first one)."""
        return self.languages[0]

    def paragraph_styles(self) -> frozenset[Style]:
        """The styles of the body's paragraphs (in clauses, tables and columns too)."""
        found: set[Style] = set()

        def walk(items: list) -> None:
            for item in items:
                if isinstance(item, Paragraph):
                    found.add(item.style)
                elif isinstance(item, ClauseFrame):
                    walk([item.lead_in] if item.lead_in else [])
                    walk(item.paragraphs)
                elif isinstance(item, Table):
                    for row in [item.header, *item.rows]:
                        for cell in row:
                            walk(cell)
                elif isinstance(item, SideBySide):
                    for left, right in item.rows:
                        walk(left)
                        walk(right)

        walk(self.body)
        return frozenset(found)
