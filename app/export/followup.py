"""Follow-up tables laid out for export: header, rows, each cell in each language, warnings.

:class:`FollowUpTables` is mixed into the renderer (:mod:`app.export.render`): it reads the
pass's ``note``, ``library``, ``languages``, ``section``, ``table_numbers`` and ``warnings``,
and calls its ``paragraphs``, ``word_spans`` and ``missing_marker``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.docx.plan import Paragraph, PlanWarning, Style, Table
from app.language import dates, i18n
from app.language.codes import Localized
from app.language.i18n import _, ngettext
from app.library.citation import ordinal
from app.notes.note import FollowUpTable

#: The columns of a follow-up table as warnings name them (the editor's headers).
_COLUMNS = {
    "commitment": lambda: _("Commitment"),
    "state": lambda: _("State of play"),
    "lead": lambda: _("Lead service"),
    "deadline": lambda: _("Deadline"),
}


#: A follow-up table's column widths, in centimetres of the house page's 16 (a template's
#: page scales them): the commitment and its state of play get the room, the lead service
#: one or two lines ("Centre de crise / national"), the deadline one ("30 septembre 2019"
#: is 2.8 cm at 10 pt) or two in a bilingual file's header ("Échéance / Uiterste datum").
FOLLOW_UP_WIDTHS = (5.0, 4.8, 3.0, 3.2)


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


class FollowUpTables:
    """The follow-up tables of one rendering pass (a part of the renderer)."""

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
