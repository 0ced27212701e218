"""Lay a note out for one export: note + library → :class:`app.docx.plan.DocumentPlan`.

Dates, variables and French typography are applied here, characters Word
cannot hold are cleaned, and every gap (a missing translation, an unfilled
variable, an unknown clause) becomes a visible mark plus a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime

from app.docx.plan import (
    ClauseFrame,
    DocumentPlan,
    Mark,
    MetaLine,
    Paragraph,
    PlanWarning,
    SideBySide,
    Span,
    Style,
    Table,
)
from app.export.quotes import quote_frame
from app.language import dates, i18n, period, typography, wordchars
from app.language.classification import Classification
from app.language.codes import Localized, NoteLanguage
from app.language.i18n import _, ngettext
from app.language.vocabulary import word
from app.library import variables
from app.library.citation import ordinal
from app.library.clauses import Clause, Kind, Library, Status
from app.notes.note import Block, CopiedClause, FollowUpTable, LinkedClause, Note, TextBlock
from app.text import numbering
from app.text.richtext import (
    BULLET_MARKERS,
    ListKind,
    RichText,
    TextParagraph,
    TextRun,
    coerce,
    paragraph,
)

_BULLETS = BULLET_MARKERS
_LIST_STYLES = {
    ListKind.PLAIN: Style.BODY,
    ListKind.BULLET: Style.BULLET,
    ListKind.NUMBERED: Style.NUMBER,
}


def _trimmed(runs: Sequence[TextRun]) -> list[TextRun]:
    """Runs without the spaces at the two ends of the paragraph."""
    out = list(runs)
    while out and not out[0].text.lstrip():
        out.pop(0)
    if out:
        out[0] = TextRun(out[0].text.lstrip(), out[0].bold, out[0].italic)
    while out and not out[-1].text.rstrip():
        out.pop()
    if out:
        out[-1] = TextRun(out[-1].text.rstrip(), out[-1].bold, out[-1].italic)
    return out


def _exported(item: TextParagraph) -> TextParagraph:
    """A paragraph as the export writes it: trimmed, a "- " prose line made a bullet."""
    runs = _trimmed(item.runs)
    if item.kind is ListKind.PLAIN and "".join(r.text for r in runs).startswith(_BULLETS):
        cut, rest = 2, []
        for run in runs:
            rest.append(TextRun(run.text[cut:], run.bold, run.italic))
            cut = max(0, cut - len(run.text))
        return paragraph(_trimmed(rest), ListKind.BULLET)
    return paragraph(runs, item.kind, item.level)


#: The columns of a follow-up table as warnings name them (the editor's headers).
_COLUMNS = {
    "commitment": lambda: _("Commitment"),
    "state": lambda: _("State of play"),
    "lead": lambda: _("Lead service"),
    "deadline": lambda: _("Deadline"),
}


def _is_date_value(name: str, value: str) -> bool:
    """Whether a variable's text is a day or a range of days, which each language writes out.

    The same test as :func:`app.library.variables.value_in`: an ISO day or range, or, for a date
    variable, a day as users type it.
    """
    written = value.strip()
    try:
        period.parse_iso(written)
        return True
    except ValueError:
        pass
    definition = variables.BUILTIN.get(name)
    if definition is None or definition.type is not variables.VariableType.DATE:
        return False
    try:
        dates.parse_period(written)
    except ValueError:
        return False
    return True


def _raise_ordinals(spans: list[Span], lang: str) -> list[Span]:
    """``spans`` with the suffixes of ordinals ("1er", "XIXe") split off in superscript."""
    ranges = typography.superscripts("".join(span.text for span in spans), lang)
    if not ranges:
        return spans
    result: list[Span] = []
    end = 0
    for span in spans:
        start, end = end, end + len(span.text)
        cut = 0
        for low, high in ranges:
            low, high = max(low, start) - start, min(high, end) - start
            if low >= high:
                continue
            if low > cut:
                result.append(replace(span, text=span.text[cut:low]))
            result.append(replace(span, text=span.text[low:high], superscript=True))
            cut = high
        if cut < len(span.text):
            result.append(replace(span, text=span.text[cut:]) if cut else span)
    return result


#: A follow-up table's column widths, in centimetres of the house page's 16 (a template's
#: page scales them): the commitment and its state of play get the room, the lead service
#: one or two lines ("Centre de crise / national"), the deadline one ("30 septembre 2019"
#: is 2.8 cm at 10 pt) or two in a bilingual file's header ("Échéance / Uiterste datum").
FOLLOW_UP_WIDTHS = (5.0, 4.8, 3.0, 3.2)


class _Renderer:
    """One rendering pass: holds the note, the library and the warnings found."""

    def __init__(self, note: Note, library: Library, languages: tuple[str, ...]) -> None:
        self.note = note
        self.library = library
        self.languages = languages
        self.warnings: list[PlanWarning] = []
        self.cleaned = 0
        self.unfilled: dict[str, list[str]] = {}  # variable → export languages it lacks
        self.unofficial: set[str] = set()
        self.values = self._variable_values()
        self.place_lines: list[Paragraph] = []
        self.section = ""  # how messages name the section being laid out: “Title”, section 2
        self.table_numbers: dict[str, int] = {}  # table id → its rank, in a section of several
        self.next_list = 0  # the list id the next list gets (ids are unique in the plan)

    # --- text ---------------------------------------------------------------

    def _variable_values(self) -> dict[str, str | Localized]:
        """The variables' values; a plain text is the value in the note's own languages only.

        A date (or range) is written in each language; any other text typed once is in
        the language(s) the note is written in, so an export in another language shows
        the variable as unfilled there rather than copying, say, French into a Dutch file.
        """
        values: dict[str, str | Localized] = {}
        if self.note.date:
            values["date"] = self.note.date.isoformat()
        if self.note.meeting_date:
            values["meeting_date"] = period.iso(self.note.meeting_date)
        if self.note.addressee:
            values.setdefault("addressee", dict(self.note.addressee))
        own = self.note.language.languages
        for name, value in self.note.variables.items():
            if not value:
                continue
            if isinstance(value, str) and not _is_date_value(name, value):
                value = {lang: value for lang in own}
            values[name] = value
        return values

    def spans(self, text: str, lang: str) -> list[Span]:
        """Spans for ``text`` in ``lang``: cleaned, variables filled, typography applied."""
        return self.run_spans((TextRun(text),), lang)

    def run_spans(self, runs: Sequence[TextRun], lang: str) -> list[Span]:
        """Spans for a paragraph's runs, each keeping its bold and italic.

        The whole line is one text for variables and typography: a variable whose format
        changes inside it is still found, and quotes around a bold word pair up.
        """
        parts = []
        for run in runs:
            cleaned, changed = wordchars.clean(run.text)
            self.cleaned += changed
            parts.append(cleaned)
        pieces = variables.render_parts(parts, self.values, lang)
        texts = []
        for segment, _part in pieces:
            value = segment.text
            if segment.kind is variables.SegmentKind.FILLED:
                value, changed = wordchars.clean(value)
                self.cleaned += changed
            texts.append(value)
        # Typography sees the whole line, so quotes around a variable pair up.
        texts = typography.apply_parts(texts, lang)
        result = []
        for (segment, part), value in zip(pieces, texts, strict=True):
            style = {"bold": runs[part].bold, "italic": runs[part].italic}
            if segment.kind is variables.SegmentKind.UNFILLED:
                missing_in = self.unfilled.setdefault(segment.name or "", [])
                if lang not in missing_in:
                    missing_in.append(lang)
                result.append(Span(segment.text, Mark.UNFILLED, **style))
            elif segment.kind is variables.SegmentKind.FILLED:
                result.append(Span(value, Mark.VARIABLE, **style))
            else:
                result.append(Span(value, **style))
        return _raise_ordinals(result, lang)

    def rich_paragraphs(self, text: RichText, lang: str) -> list[Paragraph]:
        """Paragraphs of formatted text: bold and italic runs, bulleted and numbered lists.

        As plain text always was, a prose paragraph that starts with "- " (or "– ", "• ",
        "* ") is a bullet, and empty paragraphs are left out; an empty prose paragraph
        still ends a list, so the next one counts from 1 again.
        """
        items = [_exported(item) for item in text.paragraphs]
        base = self.next_list
        result = []
        for item, ident in zip(items, numbering.list_ids(items), strict=True):
            self.next_list = max(self.next_list, base + ident + 1)
            if not item.runs:
                continue
            style = _LIST_STYLES[item.kind]
            list_id = base + ident if item.is_list_item else -1
            spans = self.run_spans(item.runs, lang)
            result.append(Paragraph(spans, lang, style, item.level, list_id))
        return result

    def paragraphs(self, text: str, lang: str, style: Style = Style.BODY) -> list[Paragraph]:
        """Paragraphs of ``text`` (one per line; "- " lines become bullets)."""
        text, changed = wordchars.clean(text)
        self.cleaned += changed
        result = []
        for line in text.split("\n"):
            line = line.strip()
            if not line:
                continue
            para_style = style
            if style is Style.BODY and line.startswith(_BULLETS):
                line = line[2:].lstrip()
                para_style = Style.BULLET
            result.append(Paragraph(self.spans(line, lang), lang, para_style))
        return result

    def missing(
        self,
        lang: str,
        block_id: str,
        what: str,
        *,
        row: int = -1,
        column: str = "",
        field: str = "",
        hint: str = "",
    ) -> list[Paragraph]:
        """A visible placeholder for text missing in ``lang``, with a warning saying where
        (and, with ``hint``, how to fill it)."""
        if lang == "nl":
            message = _("{what}: no Dutch text; it is marked as missing in the file.")
        else:
            message = _("{what}: no French text; it is marked as missing in the file.")
        message = message.format(what=what)
        if hint:
            message = f"{message} {hint}"
        self.warnings.append(
            PlanWarning(
                "missing_translation",
                message,
                block_id,
                lang,
                row=row,
                column=column,
                field=field,
            )
        )
        return [Paragraph([Span(word("missing_text", lang), Mark.MISSING)], lang)]

    # --- blocks -------------------------------------------------------------

    def block_items(self, block: Block, lang: str) -> list:
        """The plan items of one block in one language, each carrying the block's id."""
        items = self._block_items(block, lang)
        for item in items:
            item.block_id = block.id
        return items

    def _block_items(self, block: Block, lang: str) -> list:
        if isinstance(block, TextBlock):
            text = coerce(block.text.get(lang))
            if text.plain.strip():
                return self.rich_paragraphs(text, lang)
            if any(coerce(v).plain.strip() for v in block.text.values()):
                return self.missing(
                    lang, block.id, _("A text block in {section}").format(section=self.section)
                )
            return []
        if isinstance(block, LinkedClause):
            clause = self.linked_clause(block, lang)
            if clause is None:
                text = word("missing_clause", lang).format(id=block.clause_id)
                return [Paragraph([Span(text, Mark.MISSING)], lang)]
            text = clause.text_in(lang)
            if clause.status_in(lang) is Status.UNOFFICIAL:
                self.unofficial.add(lang)
            paragraphs = (
                self.paragraphs(text, lang)
                if text.strip()
                else self.missing(
                    lang,
                    block.id,
                    _("Clause {id} in {section}").format(id=clause.id, section=self.section),
                )
            )
            lead_in = self.lead_in(clause, clause.title, lang, block.id)
            return [
                quote_frame(
                    self,
                    block,
                    ClauseFrame(
                        clause.id,
                        block.revision,
                        lang,
                        True,
                        typography.apply(clause.title.get(lang, ""), lang),
                        paragraphs,
                        lead_in,
                    ),
                    lang,
                )
            ]
        if isinstance(block, CopiedClause):
            text = coerce(block.text.get(lang))
            source = self.library.at(block.clause_id, block.revision) or self.library.find(
                block.clause_id
            )
            # The copy's own title, else the library's in the same language (added since).
            titles = {**(dict(source.title) if source else {}), **block.title}
            paragraphs = (
                self.rich_paragraphs(text, lang)
                if text.plain.strip()
                else self.missing(
                    lang,
                    block.id,
                    _("Clause {id} in {section}").format(id=block.clause_id, section=self.section),
                    hint=_excerpt_hint(block, lang),
                )
            )
            lead_in = self.lead_in(source, titles, lang, block.id, clause_id=block.clause_id)
            return [
                quote_frame(
                    self,
                    block,
                    ClauseFrame(
                        block.clause_id,
                        block.revision,
                        lang,
                        False,
                        typography.apply(titles.get(lang, ""), lang),
                        paragraphs,
                        lead_in,
                    ),
                    lang,
                )
            ]
        if isinstance(block, FollowUpTable):
            return self.follow_up(block)
        raise TypeError(type(block).__name__)

    def lead_in(
        self,
        clause: Clause | None,
        titles: Localized,
        lang: str,
        block_id: str,
        *,
        clause_id: str = "",
    ) -> Paragraph | None:
        """The paragraph a clause opens with: "1.2 Harmonisation des critères…" for a commitment.

        A commitment gets its number in the source (part.position) and its title; a context
        paragraph its title alone (the preamble has no numbers); standard paragraphs and
        talking points none: they are the note's own prose, their title only a name to find
        them by. A copy of a clause the library no longer has keeps its title. A quotation's
        citation follows its text, not its title (:mod:`app.export.quotes`).
        """
        kind = clause.kind if clause else None
        if kind in (Kind.STANDARD, Kind.TALKING_POINT):
            return None
        spans: list[Span] = []
        origin = clause.origin if clause else None
        if kind is Kind.COMMITMENT and origin is not None and origin.part > 0:
            spans.append(Span(f"{origin.part}.{origin.position}"))
            spans.append(Span(" "))
        title = " ".join(titles.get(lang, "").split())
        if title:
            spans.extend(self.spans(title, lang))
        elif any(v.strip() for v in titles.values()):
            what = _("The title of clause {id} in {section}").format(
                id=clause.id if clause else clause_id, section=self.section
            )
            spans.append(self.missing_marker(lang, what, block_id))
        else:
            return None
        return Paragraph(spans, lang, Style.CLAUSE_TITLE)

    def linked_clause(self, block: LinkedClause, lang: str) -> Clause | None:
        """The wording a linked block shows: its own revision's, with warnings for the gaps.

        A link to an older revision than the library's newest is exported as it
        is (nothing updates silently) and warned about; a revision no longer
        known falls back to the newest; a clause the library lacks is None.
        """
        newest = self.library.newest(block.clause_id)
        first = lang == self.languages[0]
        if newest is None:
            self.warnings.append(
                PlanWarning(
                    "unknown_clause",
                    _("Clause {id} is not in the library; it is marked in the file.").format(
                        id=block.clause_id
                    ),
                    block.id,
                    lang,
                )
            )
            return None
        clause = self.library.at(block.clause_id, block.revision)
        if not first:
            return clause or newest
        if clause is None:
            self.warnings.append(
                PlanWarning(
                    "unknown_revision",
                    _(
                        "Revision {old} of clause {id} is no longer in the library; "
                        "revision {new} is exported instead."
                    ).format(id=newest.id, old=block.revision, new=newest.revision),
                    block.id,
                )
            )
            return newest
        if newest.revision > block.revision:
            message = (
                _(
                    "Clause {id} is linked at revision {old}; the library has revision {new}. "
                    "The wording of revision {old} is exported, as the note chose to keep it."
                )
                if block.kept >= newest.revision
                else _(
                    "Clause {id} is linked at revision {old}; the library has "
                    "revision {new}. The wording of revision {old} is exported."
                )
            )
            self.warnings.append(
                PlanWarning(
                    "outdated_link",
                    message.format(id=clause.id, old=block.revision, new=newest.revision),
                    block.id,
                )
            )
        if block.clause_id not in self.library.clauses:
            self.warnings.append(
                PlanWarning(
                    "deleted_clause",
                    _(
                        "Clause {id} was deleted from the library; the note keeps its wording."
                    ).format(id=clause.id),
                    block.id,
                )
            )
        return clause

    def cell(
        self,
        text: Localized,
        fallback: Localized | None = None,
        *,
        block_id: str = "",
        row: int = -1,
        column: str = "",
    ) -> list[Paragraph]:
        """A table cell with the text in each export language (missing ones marked, with where)."""
        merged = {
            lang: (text.get(lang, "") or (fallback or {}).get(lang, "")) for lang in self.languages
        }
        result = []
        for lang in self.languages:
            value = merged[lang]
            if value.strip():
                result.extend(self.paragraphs(value, lang, Style.TABLE_TEXT))
            elif any(v.strip() for v in {**text, **(fallback or {})}.values()):
                what = (
                    self.table_cell_name(block_id, row, column)
                    if column in _COLUMNS and row >= 0
                    else self.table_name(block_id)
                )
                marker = self.missing_marker(lang, what, block_id, row=row, column=column)
                result.append(Paragraph([marker], lang, Style.TABLE_TEXT))
        return result or [Paragraph([], self.languages[0], Style.TABLE_TEXT)]

    def table_name(self, table_id: str) -> str:
        """How a message names a follow-up table: its section, and its rank when there are several.

        "The follow-up table in “Suivi”", or "The 2nd follow-up table in “Suivi”" in a
        section that holds more than one (the rank in the interface language).
        """
        rank = self.table_numbers.get(table_id)
        if rank is None:
            return _("The follow-up table in {section}").format(section=self.section)
        return _("The {ordinal} follow-up table in {section}").format(
            ordinal=ordinal(rank, i18n.current_language()), section=self.section
        )

    def table_cell_name(self, table_id: str, row: int, column: str) -> str:
        """How a message names a cell of a follow-up table: the table, the row (from 1), the column."""
        rank = self.table_numbers.get(table_id)
        if rank is None:
            return _("The follow-up table in {section}, row {row}, {column}").format(
                section=self.section, row=row + 1, column=_COLUMNS[column]()
            )
        return _("The {ordinal} follow-up table in {section}, row {row}, {column}").format(
            ordinal=ordinal(rank, i18n.current_language()),
            section=self.section,
            row=row + 1,
            column=_COLUMNS[column](),
        )

    def follow_up(self, table: FollowUpTable) -> list[Table]:
        """A follow-up table of commitments; none for a table without rows (with a warning)."""
        if not table.rows:
            rank = self.table_numbers.get(table.id)
            message = (
                _("The follow-up table in {section} has no rows; it is left out of the file.")
                if rank is None
                else _(
                    "The {ordinal} follow-up table in {section} has no rows; "
                    "it is left out of the file."
                )
            )
            self.warnings.append(
                PlanWarning(
                    "empty_table",
                    message.format(
                        section=self.section, ordinal=ordinal(rank or 1, i18n.current_language())
                    ),
                    table.id,
                )
            )
            return []
        header = [
            [Paragraph(self.word_spans(key, bold=True), self.languages[0], Style.TABLE_TEXT)]
            for key in ("commitment", "state", "lead", "deadline")
        ]
        rows = []
        for number, row in enumerate(table.rows):
            clause = self.library.find(row.clause_id) if row.clause_id else None
            titles = dict(clause.title) if clause else {}
            deadline = self.deadline(row.deadline, row.deadline_text)
            rows.append(
                [
                    self.cell(
                        row.commitment, titles, block_id=table.id, row=number, column="commitment"
                    ),
                    self.cell(row.state, block_id=table.id, row=number, column="state"),
                    self.cell(row.lead, block_id=table.id, row=number, column="lead"),
                    self.cell(deadline, block_id=table.id, row=number, column="deadline"),
                ]
            )
        self.incomplete_rows(table)
        return [Table(header, rows, list(FOLLOW_UP_WIDTHS))]

    def incomplete_rows(self, table: FollowUpTable) -> None:
        """One warning for the rows of ``table`` with no state of play, lead service or deadline.

        A row with any of the three (in any language) is the adviser's to judge; a row with
        none, such as those the coverage pane adds, is a table still to be filled in. The
        warning points at the first such row.
        """
        empty = [
            number
            for number, row in enumerate(table.rows)
            if not any(
                value.strip()
                for value in (
                    *row.state.values(),
                    *row.lead.values(),
                    *row.deadline_text.values(),
                    row.deadline,
                )
            )
        ]
        if not empty:
            return
        message = ngettext(
            "{table}: row {rows} has no state of play, lead service or deadline; "
            "its cells are exported empty.",
            "{table}: {n} rows ({rows}) have no state of play, lead service or deadline; "
            "their cells are exported empty.",
            len(empty),
        ).format(table=self.table_name(table.id), rows=row_numbers(empty), n=len(empty))
        self.warnings.append(
            PlanWarning("incomplete_rows", message, table.id, row=empty[0], column="state")
        )

    def deadline(self, due: str, texts: Localized) -> Localized:
        """A deadline in each export language: a date written in each, else its own texts.

        A text in the old single form (not a date, no texts) is the note's first language's.
        """
        try:
            day = date.fromisoformat(due.strip())
        except ValueError:
            if due.strip() and not texts:
                texts = {self.note.language.languages[0]: due.strip()}
            return dict(texts)
        return {lang: dates.format_date(day, lang) for lang in self.languages}

    def section_items(self, blocks: list[Block]) -> list:
        """The plan items of a section's blocks, side by side when bilingual."""
        if len(self.languages) == 1:
            items = []
            for block in blocks:
                items.extend(self.block_items(block, self.languages[0]))
            return items
        items: list = []
        pending: list[tuple[list, list]] = []
        for block in blocks:
            if isinstance(block, FollowUpTable):
                tables = self.block_items(block, self.languages[0])
                if pending and tables:
                    items.append(SideBySide(pending))
                    pending = []
                items.extend(tables)
                continue
            left, right = (self.block_items(block, lang) for lang in self.languages)
            if left or right:
                pending.append((left, right))
        if pending:
            items.append(SideBySide(pending))
        return items

    # --- whole note -----------------------------------------------------------

    def localized_spans(
        self,
        text: Localized,
        sep: str = " / ",
        *,
        what: str = "",
        block_id: str = "",
        field: str = "",
        force: bool = False,
    ) -> list[Span]:
        """Spans giving ``text`` in each export language, each tagged with its language.

        With ``what``, a language missing while another has the text (or, with ``force``,
        even when none has it) gets the visible missing marker and a warning, as blocks do.
        """
        values = [(lang, text.get(lang, "").strip()) for lang in self.languages]
        present = [(lang, v) for lang, v in values if v]
        if len(present) == 2 and present[0][1] == present[1][1]:
            present = present[:1]
        elif what and (force or any(v.strip() for v in text.values())):
            present = [
                (lang, value or self.missing_marker(lang, what, block_id, field=field))
                for lang, value in values
            ]
        spans: list[Span] = []
        for index, (lang, value) in enumerate(present):
            if index:
                spans.append(Span(sep, lang=lang))
            if isinstance(value, Span):
                spans.append(value)
                continue
            spans.extend(replace(s, lang=lang) for s in self.spans(value, lang))
        return spans

    def heading_spans(self, title: Localized) -> list[Span]:
        """A section's heading in each export language; a missing title gets the marker.

        A section titled in no language at all is marked in each, so its content never
        runs on under the previous section's heading.
        """
        what = _("The title of {section}").format(section=self.section)
        return self.localized_spans(title, what=what, force=True)

    def section_name(self, title: Localized, number: int) -> str:
        """How a warning names a section: its title in quotes, or its number.

        The title in the interface language when it has one, else in the export's
        languages, else in any: a section keeps one name in every line of the check.
        """
        for lang in (i18n.current_language(), *self.languages, *title):
            text = " ".join(title.get(lang, "").split())
            if text:
                return _("“{title}”").format(title=text)
        return _("section {n}").format(n=number)

    def word_spans(self, key: str, *, bold: bool = False) -> list[Span]:
        """A word the document prints ("À / Aan") in each export language, each in its own."""
        # "À" is a French run; " / " and "Aan" are Dutch ones, so Word checks each rightly.
        spans: list[Span] = []
        for index, lang in enumerate(self.languages):
            if index:
                spans.append(Span(" / ", bold=bold, lang=lang))
            spans.append(Span(word(key, lang), bold=bold, lang=lang))
        return spans

    def missing_marker(self, lang: str, what: str, block_id: str = "", **where) -> Span:
        """The visible marker for a text missing in ``lang``, with its warning (``where``: see missing)."""
        self.missing(lang, block_id, what, **where)
        return Span(word("missing_text", lang), Mark.MISSING, lang=lang)

    def meta(self) -> list[MetaLine]:
        """The first-page block: À, De, Date, Objet, Réunion, Réf., classification."""
        note, main = self.note, self.languages[0]
        lines: list[tuple[str, list[Span]]] = []
        to_spans = self.localized_spans(note.addressee, what=_("The addressee"), field="addressee")
        if not to_spans:
            self.detail_missing("addressee", _("The note has no addressee."))
        lines.append(("to", to_spans))
        from_spans = self.from_spans()
        if from_spans:
            lines.append(("from", from_spans))
        else:
            self.detail_missing(
                "author",
                _("The note has no author or cabinet; its “From” line is left out of the file."),
            )
        if not note.date:
            self.detail_missing("date", _("The note has no date."))
        if note.date and not self.place_lines:
            lines.append(("date", self.date_spans(note.date)))
        lines.append(("subject", self.subject_spans))
        if note.meeting_date:
            lines.append(("meeting", self.date_spans(note.meeting_date, weekday=True)))
        if note.reference:
            lines.append(("reference", [Span(note.reference)]))
        if note.classification is not Classification.NONE:
            lines.append(("classification", self.classification_spans()))
        return [
            MetaLine(
                Paragraph(self.word_spans(key, bold=True), main, Style.META_LABEL),
                Paragraph(spans, main, Style.META_VALUE),
            )
            for key, spans in lines
        ]

    def from_spans(self) -> list[Span]:
        """The "De / Van" line: author, function and cabinet, one whole line per language.

        "Jean Dupont, Conseiller, Cabinet du Premier ministre / Jean Dupont, Adviseur,
        Kabinet van de Eerste Minister", as the other rows give each language whole (once
        when they say the same); a function or cabinet that one language lacks while the
        other has it is marked there. Empty when the note names no one.
        """
        note = self.note
        author = " ".join(note.author.split())
        details = (
            ("author_function", _("The author’s function"), note.author_function),
            ("cabinet", _("The cabinet"), note.cabinet),
        )
        lines: list[list[Span]] = []
        for lang in self.languages:
            line = [replace(s, lang=lang) for s in self.spans(author, lang)] if author else []
            for field, what, values in details:
                value = values.get(lang, "").strip()
                if value:
                    piece = [replace(s, lang=lang) for s in self.spans(value, lang)]
                elif any(v.strip() for v in values.values()):
                    piece = [self.missing_marker(lang, what, field=field)]
                else:
                    continue
                if line:
                    line.append(Span(", ", lang=lang))
                line.extend(piece)
            if line:
                lines.append(line)
        if len(lines) == 2 and _plain(lines[0]) == _plain(lines[1]):
            return lines[0]
        spans: list[Span] = []
        for line in lines:
            if spans:
                spans.append(Span(" / ", lang=line[0].lang))
            spans.extend(line)
        return spans

    def detail_missing(self, field: str, message: str) -> None:
        """Warn that a detail of the note (addressee, subject, date) is not filled in."""
        self.warnings.append(PlanWarning("missing_detail", message, field=field))

    def date_spans(self, value: period.Period, *, weekday: bool = False) -> list[Span]:
        """A day (with its weekday when asked) or a range of days, in each export language."""
        texts = {lang: dates.format_period(value, lang, weekday=weekday) for lang in self.languages}
        return self.localized_spans(texts)

    def place_paragraphs(self) -> list[Paragraph]:
        """The place lines, one per export language: "Bruxelles, le 11 juin 2018" / "Brussel, …".

        None without a date or without a place in any language; a language whose
        place is missing while another has one gets the missing marker.
        """
        note = self.note
        if note.date is None or not any(v.strip() for v in note.place.values()):
            return []
        lines = []
        for lang in self.languages:
            place = note.place.get(lang, "").strip()
            if place:
                spans = self.spans(dates.place_line(place, note.date, lang), lang)
            else:
                marker = self.missing_marker(lang, _("The place"), field="place")
                spans = [marker, *self.spans(dates.after_place(note.date, lang), lang)]
            lines.append(Paragraph(spans, lang, Style.PLACE_LINE))
        return lines

    def classification_spans(self) -> list[Span]:
        """The classification label in each export language (empty when unclassified)."""
        level = self.note.classification
        if level is Classification.NONE:
            return []
        labels = {lang: level.label(lang).upper() for lang in self.languages}
        return self.localized_spans(labels)

    def finish_warnings(self) -> None:
        """Summarise unfilled variables and cleaned characters as warnings."""
        for name, langs in self.unfilled.items():
            value = self.values.get(name)
            elsewhere = isinstance(value, dict) and any(v.strip() for v in value.values())
            if not elsewhere:
                self.warnings.append(
                    PlanWarning(
                        "unfilled_variable",
                        _("The variable {{{name}}} has no value; it is marked in the file.").format(
                            name=name
                        ),
                        variable=name,
                    )
                )
                continue
            for lang in langs:
                message = (
                    _("The variable {{{name}}} has no Dutch value; it is marked in the file.")
                    if lang == "nl"
                    else _("The variable {{{name}}} has no French value; it is marked in the file.")
                )
                self.warnings.append(
                    PlanWarning(
                        "unfilled_variable", message.format(name=name), variable=name, lang=lang
                    )
                )
        if self.cleaned:
            self.warnings.append(
                PlanWarning(
                    "cleaned_characters",
                    ngettext(
                        "{n} character that Word cannot hold was removed or replaced.",
                        "{n} characters that Word cannot hold were removed or replaced.",
                        self.cleaned,
                    ).format(n=self.cleaned),
                )
            )

    def build(self) -> DocumentPlan:
        """The whole plan."""
        langs, main = self.languages, self.languages[0]
        self.place_lines = self.place_paragraphs()
        self.subject_spans = self.localized_spans(
            self.note.subject, what=_("The subject"), field="subject"
        )
        if not self.subject_spans:
            self.detail_missing("subject", _("The note has no subject."))
        subject = [s if s.text != " / " else Span(" — ", lang=s.lang) for s in self.subject_spans]
        if not subject:
            subject = self.word_spans("untitled")
        meta = self.meta()
        body: list = []
        for number, section in enumerate(self.note.sections, 1):
            first = len(self.warnings)
            self.section = self.section_name(section.title, number)
            tables = [b.id for b in section.blocks if isinstance(b, FollowUpTable)]
            self.table_numbers = (
                {table_id: rank for rank, table_id in enumerate(tables, 1)}
                if len(tables) > 1
                else {}
            )
            items = self.section_items(section.blocks)
            if items:
                middle = len(self.warnings)
                body.append(
                    Paragraph(
                        self.heading_spans(section.title), main, Style.HEADING1, block_id=section.id
                    )
                )
                body.extend(items)
                # The title's warnings first, as the title comes first on the page.
                self.warnings[first:] = self.warnings[middle:] + self.warnings[first:middle]
            else:
                # One line for the section, not one more for an empty table in it.
                kept = [w for w in self.warnings[first:] if w.code != "empty_table"]
                self.warnings[first:] = kept
                self.warnings.append(
                    PlanWarning(
                        "empty_section",
                        _("Empty section, left out of the file: {section}.").format(
                            section=self.section
                        ),
                    )
                )
            for warning in self.warnings[first:]:
                warning.section_id = warning.section_id or section.id
        self.section = ""
        if not body:
            self.warnings.append(
                PlanWarning(
                    "empty_note",
                    _("The note has no text, clause or table: the file holds only its first page."),
                )
            )
        for lang in langs:
            if lang in self.unofficial:
                body.append(
                    Paragraph([Span(word("unofficial", lang), italic=True)], lang, Style.BODY)
                )
        self.finish_warnings()
        return DocumentPlan(
            languages=langs,
            title=Paragraph(subject, main, Style.TITLE),
            meta=meta,
            body=body,
            classification=self.classification_spans(),
            page_label=self.word_spans("page"),
            place_lines=self.place_lines,
            properties_title="".join(s.text for s in subject),
            properties_author=self.note.author,
            properties_subject=self.note.reference,
            created=datetime.now(),
            warnings=self.warnings,
        )


def _excerpt_hint(block: CopiedClause, lang: str) -> str:
    """How to quote a language a quotation of part of a clause was not taken in (or "")."""
    if not block.excerpt or lang in block.excerpt:
        return ""
    if lang == "nl":
        return _(
            "To quote the Dutch words too, select them in the Dutch (NL) view of the "
            "Declaration tab and choose Insert as Quotation."
        )
    return _(
        "To quote the French words too, select them in the French (FR) view of the "
        "Declaration tab and choose Insert as Quotation."
    )


def _plain(spans: list[Span]) -> str:
    """The text of ``spans`` as the reader sees it (marks aside)."""
    return "".join(span.text for span in spans)


def row_numbers(rows: Sequence[int]) -> str:
    """Rows counted from 0 as a reader counts them from 1, runs shortened: "1–4, 6"."""
    runs: list[list[int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return ", ".join(
        f"{run[0] + 1}–{run[-1] + 1}" if len(run) > 2 else ", ".join(str(r + 1) for r in run)
        for run in runs
    )


def build_plan(
    note: Note, library: Library, language: NoteLanguage | str | None = None
) -> DocumentPlan:
    """Lay ``note`` out for export in ``language`` (default: the note's own)."""
    chosen = NoteLanguage(language) if language else note.language
    return _Renderer(note, library, chosen.languages).build()


def warnings_text(warnings: Iterable[PlanWarning]) -> list[str]:
    """The warnings as lines for a user."""
    return [w.message for w in warnings]
