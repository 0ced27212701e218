"""A note's follow-up tables found in the edited Word file and compared row by row, cell by cell.

:class:`FollowUpTables` is mixed into the matcher (:mod:`app.roundtrip.reconcile`): it reads
its ``word``, ``section_of`` and ``table_found``, and calls its ``mark_of`` and ``add``.
"""

from __future__ import annotations

import difflib

from app.docx.plan import DocumentPlan, Paragraph, Table
from app.docx.reader import WordParagraph
from app.language.vocabulary import word
from app.library import worddiff
from app.roundtrip.changes import FOLLOW_UP_COLUMNS, Kind
from app.roundtrip.reading import _SIMILAR, _lang, _norm


def _header_of(cells: dict[tuple[int, int], list[WordParagraph]]) -> list[str]:
    """The texts of a file table's first row, cell by cell."""
    columns = sorted(column for row, column in cells if row == 0)
    return [" ".join(p.text(frozenset()) for p in cells[(0, c)]).strip() for c in columns]


def is_follow_up_header(texts: list[str], languages: tuple[str, ...]) -> bool:
    """Whether a table's first row reads as a follow-up table's header, in either language."""
    if len(texts) != len(FOLLOW_UP_COLUMNS):
        return False
    for text, key in zip(texts, FOLLOW_UP_COLUMNS, strict=True):
        names = {word(key, "fr"), word(key, "nl"), " / ".join(word(key, x) for x in languages)}
        if _norm(text, languages[0]).casefold() not in {
            _norm(n, languages[0]).casefold() for n in names
        }:
            return False
    return True


def _row_text(row: list[list[Paragraph]], languages, separator: str = " ") -> str:
    """A row of the plan's follow-up table as text, its cells in order."""
    del languages
    return separator.join(" ".join(p.text for p in cell if p.text.strip()) for cell in row)


def _found_row_text(row: list[list[WordParagraph]], separator: str = " ") -> str:
    """A row of the file's table as text, its cells in order (tracked changes as they stand)."""
    return separator.join(
        " ".join(p.text(frozenset()) for p in cell if p.text(frozenset()).strip()) for cell in row
    )


def _align_rows(old: list[list[str]], new: list[list[str]]) -> dict[int, int]:
    """Rows of the note's table → rows of the file's (each row: its cells' texts).

    Equal rows in order first; between them, the pairs that are most alike in all, in
    order (a row is alike when a cell was left as it was, or at least half its text).
    What is left was added or deleted in Word.
    """
    keys_old = ["\x1f".join(row) for row in old]
    keys_new = ["\x1f".join(row) for row in new]
    pairs: dict[int, int] = {}
    last_i = last_j = 0
    matcher = difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for i1, j1, size in matcher.get_matching_blocks():
        pairs.update(_pair_gap(old, new, keys_old, keys_new, range(last_i, i1), range(last_j, j1)))
        for k in range(size):
            pairs[i1 + k] = j1 + k
        last_i, last_j = i1 + size, j1 + size
    return pairs


def _pair_gap(old, new, keys_old, keys_new, rows_old: range, rows_new: range) -> dict[int, int]:
    """The pairs of one gap that are most alike in all (in order, none crossing)."""

    def score(i: int, j: int) -> float:
        ratio = difflib.SequenceMatcher(None, keys_old[i], keys_new[j], autojunk=False).ratio()
        ratio += sum(1.0 for a, b in zip(old[i], new[j], strict=False) if a and a == b)
        return ratio if ratio >= _SIMILAR else -1.0

    n, m = len(rows_old), len(rows_new)
    if not n or not m:
        return {}
    scores = [[score(rows_old[a], rows_new[b]) for b in range(m)] for a in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            options = [best[a + 1][b], best[a][b + 1]]
            if scores[a][b] >= 0:
                options.append(scores[a][b] + best[a + 1][b + 1])
            best[a][b] = max(options)
    pairs: dict[int, int] = {}
    a = b = 0
    while a < n and b < m:
        if scores[a][b] >= 0 and best[a][b] == scores[a][b] + best[a + 1][b + 1]:
            pairs[rows_old[a]] = rows_new[b]
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return pairs


def _after(pairs: dict[int, int], new_index: int) -> int:
    """The row of the note an added row of the file follows (-1: the first)."""
    return max((i for i, j in pairs.items() if j < new_index), default=-1)


class FollowUpTables:
    """The follow-up tables of one matching (a part of the matcher)."""

    def _follow_up_tables(self) -> set[int]:
        columns: dict[int, int] = {}
        for paragraph in self.word.paragraphs:
            if paragraph.table >= 0:
                columns[paragraph.table] = max(columns.get(paragraph.table, 0), paragraph.column)
        return {table for table, last in columns.items() if last >= 3}

    def find_tables(self, plan: DocumentPlan, languages: tuple[str, ...]) -> None:
        """Find each follow-up table of the note in the file (``table_found``).

        By its bookmark, else as the file's unmarked follow-up tables come in order (one
        whose first row reads as a follow-up table's header); None when it is not there.
        """
        tables = [item for item in plan.body if isinstance(item, Table) and item.block_id]
        cells: dict[int, dict[tuple[int, int], list[WordParagraph]]] = {}
        marked: dict[str, int] = {}
        for paragraph in self.word.paragraphs:
            if paragraph.table in self._follow_up_tables():
                cells.setdefault(paragraph.table, {}).setdefault(
                    (paragraph.row, paragraph.column), []
                ).append(paragraph)
                mark = self.mark_of(paragraph, languages[0])
                if mark:
                    marked.setdefault(mark, paragraph.table)
        free = [
            t
            for t in sorted(cells)
            if t not in marked.values() and is_follow_up_header(_header_of(cells[t]), languages)
        ]
        self.table_cells, self.table_marked = cells, marked
        for table in tables:
            found = marked.get(table.block_id)
            if found is None and table.block_id not in marked and free:
                found = free.pop(0)
            self.table_found[table.block_id] = found

    def follow_ups(self, plan: DocumentPlan, languages: tuple[str, ...]) -> None:
        """Compare each follow-up table row by row and cell by cell with the file's table.

        One not found in the file is reported deleted.
        """
        tables = [item for item in plan.body if isinstance(item, Table) and item.block_id]
        for table in tables:
            found = self.table_found.get(table.block_id)
            if found is None:
                self.add(
                    Kind.DELETED,
                    languages[0],
                    block_id=table.block_id,
                    section_id=self.section_of.get(table.block_id, ""),
                    certain=self.word.has_marks,
                    diff=[
                        worddiff.Piece(
                            worddiff.Op.DELETE,
                            "\n".join(_row_text(row, languages) for row in table.rows),
                        )
                    ],
                )
                continue
            certain = table.block_id in self.table_marked
            self._table_rows(table, self.table_cells[found], languages, certain=certain)

    def _table_rows(self, table: Table, cells, languages, *, certain: bool) -> None:
        """Rows added and deleted in Word, then the cells of the rows that are both's."""
        section = self.section_of.get(table.block_id, "")
        numbers = sorted({row for row, _column in cells if row > 0})
        got = [
            [cells.get((number, column), []) for column in range(len(FOLLOW_UP_COLUMNS))]
            for number in numbers
        ]
        lang = languages[0]
        old_keys = [
            [_norm(_row_text([cell], languages), lang) for cell in row] for row in table.rows
        ]
        new_keys = [[_norm(_found_row_text([cell]), lang) for cell in row] for row in got]
        pairs = _align_rows(old_keys, new_keys)
        paired_new = set(pairs.values())
        for index, row in enumerate(got):
            if index in paired_new:
                continue
            after = _after(pairs, index)
            sequence = sum(
                1 for j in range(index) if j not in paired_new and _after(pairs, j) == after
            )
            text = _found_row_text(row, " | ")
            if not text.strip():
                continue
            self.add(
                Kind.EDITED,
                lang,
                block_id=table.block_id,
                section_id=section,
                certain=certain,
                diff=[worddiff.Piece(worddiff.Op.INSERT, text)],
                what=f"row-added:{after}:{sequence}",
                text=text,
                paragraphs=[p for cell in row for p in cell],
            )
        for index, row in enumerate(table.rows):
            if index in pairs:
                continue
            self.add(
                Kind.EDITED,
                lang,
                block_id=table.block_id,
                section_id=section,
                certain=certain,
                diff=[worddiff.Piece(worddiff.Op.DELETE, _row_text(row, languages, " | "))],
                what=f"row-deleted:{index}",
            )
        for row_number, row in enumerate(table.rows):
            if row_number not in pairs:
                continue
            found_row = got[pairs[row_number]]
            for column, expected in enumerate(row):
                if column >= len(FOLLOW_UP_COLUMNS):
                    continue
                found_cell = found_row[column]
                for lang in languages:
                    old = "\n".join(p.text for p in expected if p.lang == lang)
                    mine = [p for p in found_cell if _lang(p.lang, languages[0]) == lang]
                    if len(languages) == 1:
                        mine = found_cell
                    new = "\n".join(p.text(frozenset()) for p in mine).strip()
                    if _norm(old, lang) == _norm(new, lang):
                        continue
                    self.add(
                        Kind.EDITED,
                        lang,
                        block_id=table.block_id,
                        section_id=section,
                        certain=certain,
                        diff=worddiff.diff_words(old, new),
                        what=f"cell:{row_number}:{FOLLOW_UP_COLUMNS[column]}",
                        text=new,
                        paragraphs=mine,
                    )
