"""The follow-up tables an accepted change edits: a cell set, a row read back from Word, a table
added in Word made a block. Used by :mod:`app.roundtrip.apply`.
"""

from __future__ import annotations

from app.notes.note import FollowUpRow, FollowUpTable, TextBlock
from app.roundtrip.changes import FOLLOW_UP_COLUMNS, Change
from app.roundtrip.followup import is_follow_up_header
from app.text.richtext import paragraph as make_paragraph
from app.text.richtext import rich


def _in_table(change: Change) -> bool:
    """Whether ``change`` is a follow-up table's cell or row."""
    return change.what.startswith(("cell:", "row-added:", "row-deleted:"))


def _set_cell(row: FollowUpRow, column: str, lang: str, text: str) -> None:
    """A cell as Word has it (a deadline that reads as a date becomes that date)."""
    value = " ".join(text.split())
    if column == "deadline":
        from app.language import dates

        try:
            when = dates.parse_date(value)
        except ValueError:
            row.deadline = ""
            row.deadline_text = {**row.deadline_text, lang: value}
        else:
            row.deadline, row.deadline_text = when.isoformat(), {}
    else:
        setattr(row, column, {**getattr(row, column), lang: value})


def _table_block(change: Change, languages: tuple[str, ...]) -> FollowUpTable | TextBlock:
    """A table added in Word as the note can hold it.

    One whose first row reads as a follow-up table's header (Engagement, État des
    lieux, Service pilote, Échéance, in either language) becomes a follow-up table with
    the other rows; any other, a free text with one paragraph per row, its cells
    between " | ", in the language of the column it was added in.
    """
    table = min((p.table for p in change.paragraphs), default=-1)
    mine = [p for p in change.paragraphs if p.table == table]
    rows: dict[int, list] = {}
    for paragraph in mine:
        rows.setdefault(paragraph.row, []).append(paragraph)
    numbers = sorted(rows)
    header = (
        [
            " ".join(p.text(frozenset()).strip() for p in rows[numbers[0]] if p.column == c).strip()
            for c in sorted({p.column for p in rows[numbers[0]]})
        ]
        if numbers
        else []
    )
    if is_follow_up_header(header, languages):
        return FollowUpTable(
            [_follow_up_row(rows[n], languages) for n in numbers[1:]],
        )
    return TextBlock(
        {change.lang: rich([make_paragraph(line.rstrip()) for line in change.text.split("\n")])}
    )


def _follow_up_row(paragraphs, languages: tuple[str, ...]) -> FollowUpRow:
    """A row added in Word (its paragraphs): its cells, per language, as the note's row."""
    row = FollowUpRow()
    for column, key in enumerate(FOLLOW_UP_COLUMNS):
        cell = [p for p in paragraphs if p.column == column]
        for lang in languages:
            mine = [p for p in cell if (p.lang[:2].lower() or languages[0]) == lang]
            if len(languages) == 1:
                mine = cell
            text = " ".join(p.text(frozenset()).strip() for p in mine).strip()
            if text:
                _set_cell(row, key, lang, text)
    return row
