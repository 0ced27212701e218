"""Walk a rendering plan and write it into an open template: body, header, footer, properties."""

from __future__ import annotations

from datetime import UTC, datetime

from app.docx import blockmarks, opc, oxml
from app.docx.opc import WordPackage
from app.docx.oxml import BodyBuilder, Field, Run
from app.docx.plan import (
    ClauseFrame,
    DocumentPlan,
    Mark,
    Paragraph,
    PlanWarning,
    SideBySide,
    Span,
    Style,
    Table,
)
from app.docx.template import StyleMap
from app.language.codes import WORD_LANG
from app.language.i18n import _

HIGHLIGHT = "yellow"
HEADER_FILL = "D9E2F3"
META_SHARE = 0.3  # the label column of the first-page block
META_SHARE_BILINGUAL = 0.4  # "Classification / Classificatie" needs the room
SIDE_GAP = 284  # twips between the French and the Dutch column (0.5 cm)
CELL_MARGIN = 108  # Word's default left/right cell margin, in twips
ALIAS_MAX = 64
PROPERTY_MAX = 255  # the longest core property Word and python-docx accept
CLASSIFICATION_PROPERTY = "Classification"  # the custom document property


def _starts_list(item: object) -> bool:
    """Whether ``item`` is an item of a bulleted or numbered list."""
    return isinstance(item, Paragraph) and item.style in (Style.BULLET, Style.NUMBER)


def _leads_in(item: object) -> bool:
    """Whether ``item`` is a paragraph of text that a list follows (its lead-in), not an item."""
    return isinstance(item, Paragraph) and not _starts_list(item) and bool(item.text.strip())


def word_lang(lang: str) -> str:
    """The Word language tag of a plan language (``fr`` → ``fr-BE``); tags pass through."""
    return WORD_LANG.get(lang, lang)


class PlanWriter:
    """Writes one plan into one document opened from a template."""

    def __init__(
        self,
        document: WordPackage,
        plan: DocumentPlan,
        styles: StyleMap,
        warnings: list[PlanWarning],
    ) -> None:
        """Prepare to write ``plan``; problems found on the way go to ``warnings``."""
        self.document = document
        self.plan = plan
        self.styles = styles
        self.warnings = warnings
        self.main = word_lang(plan.main_language)
        self._cleaned = False
        self._headings = {styles.paragraph[Style.HEADING1], styles.paragraph[Style.HEADING2]}
        self._columns = False  # writing the two columns of a bilingual file
        self._table_marks: tuple[str | None, str | None] = (None, None)

    def write(self) -> None:
        """Write body, header and footer, document defaults and properties."""
        body = self.document.body
        builder = BodyBuilder(self.main)
        width = oxml.text_width(body)
        for place_line in self.plan.place_lines:
            self._paragraph(builder, place_line, Style.PLACE_LINE)
        if self.plan.title.text.strip():
            self._paragraph(builder, self.plan.title, Style.TITLE)
        if self.plan.meta:
            self._meta(builder, width)
        marks = _block_marks(self.plan.body)
        body_items = self.plan.body
        for index, item in enumerate(body_items):
            if index and isinstance(item, Table):
                builder.keep_with_next()  # what introduces a table stays with its first rows
            elif index and _starts_list(item) and _leads_in(body_items[index - 1]):
                builder.keep_with_next()  # a list's lead-in ("… ont décidé :") stays with it
            self._item(builder, item, width, column=0, marks=marks.get(index, (None, None)))
        self.document.put_body(builder.xml())
        self._header_footer()
        oxml.set_default_language(self.document.styles, self.main)
        self._properties()
        if self._cleaned:
            self.warnings.append(
                PlanWarning(
                    "cleaned_characters",
                    _("Characters that Word cannot hold were removed from the document."),
                )
            )

    # -- runs and paragraphs -------------------------------------------------------

    def _runs(self, spans: list[Span], lang: str, *, bold: bool = False) -> list[Run]:
        runs = []
        missing_style = self.styles.missing
        for span in spans:
            text = self._clean(span.text)
            style = highlight = None
            if span.mark is Mark.MISSING:
                style, highlight = missing_style, HIGHLIGHT
            elif span.mark is Mark.UNFILLED:
                highlight = HIGHLIGHT
            runs.append(
                Run(
                    text,
                    word_lang(span.lang) if span.lang else lang,
                    bold or span.bold,
                    span.italic,
                    style,
                    highlight,
                    span.superscript,
                )
            )
        return runs

    def _paragraph(
        self,
        builder: BodyBuilder,
        paragraph: Paragraph,
        style: Style | None = None,
        column: int = 0,
        keep_next: bool | None = None,
        marks: tuple[str | None, str | None] = (None, None),
        keep_lines: bool = False,
    ) -> None:
        lang = word_lang(paragraph.lang)
        style_id = (
            self.styles.paragraph.get(style or paragraph.style) or self.styles.paragraph[Style.BODY]
        )
        num = None
        role = style or paragraph.style
        if column and style_id in self._headings:
            num = self.styles.second_column_numbering(self.document).get(style_id)
        elif role is Style.NUMBER:
            num = (paragraph.level, self.styles.numbered_list(self.document, paragraph.list_id))
        elif role is Style.BULLET and paragraph.level:
            # Bullets count nothing: the style's own list, one level deeper per level.
            bullets = self.styles.bullet_list(self.document)
            num = (paragraph.level, bullets) if bullets is not None else None
        builder.paragraph(
            style_id,
            lang,
            self._runs(paragraph.spans, lang),
            num=num,
            keep_next=keep_next,
            marks=marks,
            keep_lines=keep_lines,
        )

    # -- blocks --------------------------------------------------------------------

    def _item(
        self,
        builder: BodyBuilder,
        item: object,
        width: int,
        column: int,
        marks: tuple[str | None, str | None] = (None, None),
    ) -> None:
        if isinstance(item, Paragraph):
            self._paragraph(builder, item, column=column, marks=marks)
        elif isinstance(item, ClauseFrame):
            self._clause(builder, item, column)
        elif isinstance(item, Table):
            self._table(builder, item, width, marks)
        elif isinstance(item, SideBySide):
            self._side_by_side(builder, item, width)
        else:
            raise TypeError(f"not a plan item: {item!r}")

    def _clean(self, text: str) -> str:
        cleaned, changed = oxml.clean_text(text)
        self._cleaned = self._cleaned or changed
        return cleaned

    def _clause(self, builder: BodyBuilder, frame: ClauseFrame, column: int) -> None:
        alias = self._clean(frame.title or frame.clause_id)
        if len(alias) > ALIAS_MAX:  # Word's content control dialog keeps titles short
            alias = alias[: ALIAS_MAX - 1] + "…"
        builder.begin_sdt(self._clean(frame.tag), alias)
        writes: list[tuple[Paragraph | None, Style | None, bool | None]] = []
        if frame.lead_in is not None:  # inside the control: the clause moves with its title
            # In the columns of a bilingual file "keep with next" would chain the table's
            # rows into one block that cannot break across pages: there it is turned off.
            writes.append((frame.lead_in, Style.CLAUSE_TITLE, False if self._columns else None))
        if not frame.paragraphs:
            writes.append((None, None, None))
        last = len(frame.paragraphs) - 1
        for index, paragraph in enumerate(frame.paragraphs):
            # A quotation and its citation line are one: no page break inside or between them
            # (not in the columns, where the chain would make the rows one unbreakable block).
            keep = True if frame.citation and not self._columns else None
            following = frame.paragraphs[index + 1] if index < last else None
            if following is not None and _starts_list(following) and _leads_in(paragraph):
                keep = keep if self._columns else True  # a lead-in stays with its list
            writes.append((paragraph, None, keep))
        if frame.citation is not None:  # inside the control, after the text it cites
            writes.append((frame.citation, Style.CITATION, None))
        mark = blockmarks.name(frame.block_id, frame.lang) if frame.block_id else None
        for index, (paragraph, style, keep) in enumerate(writes):
            marks = (mark if index == 0 else None, mark if index == len(writes) - 1 else None)
            if paragraph is None:
                builder.paragraph(
                    self.styles.paragraph[Style.BODY], word_lang(frame.lang), [], marks=marks
                )
            else:
                whole = frame.citation is not None and style is None and not self._columns
                self._paragraph(builder, paragraph, style, column, keep, marks, whole)
        builder.end_sdt()

    def _meta(self, builder: BodyBuilder, width: int) -> None:
        # The right cell margin juts into the page margin so text spans exactly the text width.
        share = META_SHARE if len(self.plan.languages) == 1 else META_SHARE_BILINGUAL
        label_width = round(width * share)
        grid = [label_width, width - label_width + CELL_MARGIN]
        builder.begin_table(grid, borderless=True, cell_margins=(0, CELL_MARGIN))
        for line in self.plan.meta:
            builder.begin_row()
            for paragraph, role, cell_width in (
                (line.label, Style.META_LABEL, grid[0]),
                (line.value, Style.META_VALUE, grid[1]),
            ):
                builder.begin_cell(cell_width)
                self._paragraph(builder, paragraph, role)
                builder.end_cell()
            builder.end_row()
        builder.end_table()

    def _table(
        self,
        builder: BodyBuilder,
        table: Table,
        width: int,
        marks: tuple[str | None, str | None] = (None, None),
    ) -> None:
        columns = max([len(table.header), *(len(row) for row in table.rows)], default=0)
        if columns == 0:
            return
        if table.block_id:  # the table's bookmark spans it from its first cell to its last
            mark = blockmarks.name(table.block_id, self.plan.main_language)
            marks = (mark, mark)
        self._table_marks = marks
        grid = _grid(table.widths, columns, width)
        builder.begin_table(grid, style_id=self.styles.table_grid)
        if table.header:
            self._row(builder, table.header, grid, header=True, keep_next=bool(table.rows))
        last = len(table.rows) - 1
        for number, row in enumerate(table.rows):
            # Rows never split, the header repeats on each page, and no row is left alone
            # at the foot or the head of a page: the header stays with the first two rows,
            # the last row with the one before it.
            keep = number < last and number in (0, last - 1)
            self._row(builder, row, grid, header=False, keep_next=keep)
        builder.end_table()
        if marks[1]:
            builder.end_mark(marks[1])
        self._table_marks = (None, None)

    def _row(
        self,
        builder: BodyBuilder,
        cells: list[list[Paragraph]],
        grid: list[int],
        *,
        header: bool,
        keep_next: bool = False,
    ) -> None:
        builder.begin_row(header=header, keep_together=True)
        for index, cell_width in enumerate(grid):
            builder.begin_cell(cell_width, fill=HEADER_FILL if header else None)
            for paragraph in cells[index] if index < len(cells) else []:
                start, end = self._table_marks
                self._table_marks = (None, end)
                self._paragraph(
                    builder, paragraph, keep_next=keep_next or None, marks=(start, None)
                )
            builder.end_cell()
        builder.end_row()

    def _side_by_side(self, builder: BodyBuilder, block: SideBySide, width: int) -> None:
        # Each cell keeps SIDE_GAP on its right; the table juts that much into the right
        # page margin, so both columns get the same text width and text ends at the margin.
        left = (width + SIDE_GAP) // 2
        grid = [left, width + SIDE_GAP - left]
        builder.begin_table(grid, borderless=True, cell_margins=(0, SIDE_GAP))
        self._columns = True
        for row in block.rows:
            builder.begin_row()
            for column, (items, cell_width) in enumerate(zip(row, grid, strict=False)):
                builder.begin_cell(cell_width)
                inner = cell_width - SIDE_GAP
                marks = _block_marks(items)
                for index, item in enumerate(items):
                    self._item(builder, item, inner, column, marks.get(index, (None, None)))
                builder.end_cell()
            builder.end_row()
        self._columns = False
        builder.end_table()

    # -- header, footer, properties ------------------------------------------------

    def _header_footer(self) -> None:
        """The classification at the top and the bottom of every page; the page number above it.

        Belgian practice marks a classified note on each page, top and bottom, so that
        no page read alone, copied or printed loses it: centred, in bold capitals, in
        each language of the file (each run tagged with its own).
        """
        headers, footers = self.document.stories()
        for header in headers:
            if self.plan.classification:
                builder = BodyBuilder(self.main)
                self._classification(builder)
                oxml.put_story_paragraphs(header, builder.elements())
        for footer in footers:
            runs: list[Run | Field] = list(self._runs(self.plan.page_label, self.main))
            if runs:
                runs.append(Run(" ", self.main))
            runs += [Field("PAGE", self.main), Run(" / ", self.main), Field("NUMPAGES", self.main)]
            builder = BodyBuilder(self.main)
            builder.paragraph(self.styles.footer, self.main, runs, align="center")
            if self.plan.classification:
                self._classification(builder)
            oxml.put_story_paragraphs(footer, builder.elements())

    def _classification(self, builder: BodyBuilder) -> None:
        runs = self._runs(self.plan.classification, self.main, bold=True)
        builder.paragraph(self.styles.classification, self.main, runs, align="center")

    def _classification_text(self) -> str:
        return self._clean("".join(span.text for span in self.plan.classification)).strip()

    def _properties(self) -> None:
        plan = self.plan
        core = self.document.core_properties()
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        author = self._clean(plan.properties_author)[:PROPERTY_MAX]
        # Explorer, SharePoint and mail filters read the level without opening the file;
        # a template's header may show it with { DOCPROPERTY Classification }.
        level = self._classification_text()[:PROPERTY_MAX]
        for name, value in (
            ("dc:title", self._clean(plan.properties_title)[:PROPERTY_MAX]),
            ("dc:subject", self._clean(plan.properties_subject)[:PROPERTY_MAX]),
            ("dc:creator", author),
            ("cp:lastModifiedBy", author),
            ("dc:language", self.main),
            ("dc:description", ""),
            ("cp:keywords", ""),
            ("cp:category", level),
            ("cp:revision", "1"),
        ):
            opc.set_core_text(core, name, value)
        opc.set_core_date(core, "dcterms:created", _utc(plan.created) if plan.created else now)
        opc.set_core_date(core, "dcterms:modified", now)
        self._custom_property(CLASSIFICATION_PROPERTY, level or None)

    def _custom_property(self, name: str, value: str | None) -> None:
        """Set (or, with None, take out) a text property in the file's custom properties."""
        entry = self.document.related("", opc.RT_CUSTOM_PROPERTIES)
        if entry is None and value is None:
            return
        blob = oxml.custom_properties(
            self.document.blob(entry) if entry is not None else None, name, value
        )
        if entry is None:
            self.document.add_part(
                "docProps/custom.xml", opc.CT_CUSTOM_PROPERTIES, blob, "", opc.RT_CUSTOM_PROPERTIES
            )
        else:
            self.document.set_blob(entry, blob)


def _block_marks(items: list) -> dict[int, tuple[str | None, str | None]]:
    """Item index → the block bookmarks starting and ending at it, for runs of free text.

    A free-text block is several paragraphs in a row; its bookmark starts in the first
    and ends in the last. Clauses and tables mark themselves.
    """
    marks: dict[int, tuple[str | None, str | None]] = {}
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for index, item in enumerate(items):
        if isinstance(item, Paragraph) and item.block_id:
            first.setdefault(item.block_id + ":" + item.lang, index)
            last[item.block_id + ":" + item.lang] = index
    for both, index in first.items():
        block_id, _sep, lang = both.rpartition(":")
        mark = blockmarks.name(block_id, lang)
        marks[index] = (mark, marks.get(index, (None, None))[1])
        end = last[both]
        marks[end] = (marks.get(end, (None, None))[0], mark)
    return marks


def _utc(moment: datetime) -> datetime:
    """A naive UTC datetime (written with a ``Z``); naive input is local time."""
    return moment.astimezone(UTC).replace(tzinfo=None, microsecond=0)


def _grid(widths: list[float], columns: int, total: int) -> list[int]:
    """Column widths in twips from relative widths (equal when missing or unusable)."""
    shares = list(widths[:columns]) if len(widths) >= columns else []
    if not shares or any(share <= 0 for share in shares):
        shares = [1.0] * columns
    scale = total / sum(shares)
    grid = [max(1, int(share * scale)) for share in shares]
    grid[-1] += total - sum(grid)
    return grid
