"""Edits of a note's follow-up tables: rows, cells per language, deadlines, cited commitments."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from app.language.codes import Localized
from app.language.i18n import N_
from app.language.surrogates import clean
from app.notes.history import Change, Command, Label, Scope
from app.notes.note import FollowUpRow, FollowUpTable


def _deadline_after(row: FollowUpRow, lang: str, text: str) -> tuple[str, Localized]:
    """A row's (date, text per language) once ``text`` is typed as its deadline in ``lang``."""
    text = text.strip()
    try:
        return date.fromisoformat(text).isoformat(), {}
    except ValueError:
        pass
    texts = {} if row.deadline else dict(row.deadline_text)
    if text:
        texts[lang] = text
    else:
        texts.pop(lang, None)
    return "", texts


class FollowUpEdits:
    """The operations of :class:`~app.notes.editing.NoteSession` on follow-up tables."""

    def insert_follow_up(self, section_id: str, index: int | None = None) -> Change:
        """Insert an empty follow-up table."""
        return self._insert(Label(N_("Insert follow-up table")), section_id, FollowUpTable(), index)

    def add_follow_up_row(self, block_id: str, row: FollowUpRow | None = None) -> Change:
        """Append a row to a follow-up table."""
        table = self.block(block_id)
        if not isinstance(table, FollowUpTable):
            raise TypeError(block_id)
        new_row = row or FollowUpRow()

        def apply() -> Change:
            table.rows.append(new_row)
            return Change(Scope.BLOCK, block_id=block_id)

        def revert() -> Change:
            table.rows.remove(new_row)
            return Change(Scope.BLOCK, block_id=block_id)

        return self.history.push(Command(Label(N_("Add follow-up row")), apply, revert))

    def edit_follow_up(self, block_id: str, row: int, column: str, lang: str, text: str) -> Change:
        """Edit one cell (commitment, state, lead, deadline) of a follow-up table.

        A deadline that is an ISO date is the date of every language; any other text is
        the deadline in ``lang`` only (typed over a date, the other languages lose it).
        """
        table = self.block(block_id)
        if not isinstance(table, FollowUpTable):
            raise TypeError(block_id)
        new: Any = clean(text)
        target = table.rows[row]
        if column == "deadline":
            old: Any = (target.deadline, dict(target.deadline_text))
            new = _deadline_after(target, lang, new)

            def setter(v):
                def run() -> Change:
                    target.deadline, target.deadline_text = v[0], dict(v[1])
                    return Change(Scope.BLOCK, block_id=block_id, field=column)

                return run
        else:
            values: Localized = getattr(target, column)
            old = values.get(lang)

            def setter(v):
                def run() -> Change:
                    if v is None:
                        values.pop(lang, None)
                    else:
                        values[lang] = v
                    return Change(Scope.BLOCK, block_id=block_id, field=column)

                return run

        return self.history.push(
            Command(
                Label(N_("Edit follow-up table")),
                setter(new),
                setter(old),
                merge_key=("followup", block_id, row, column, lang),
            )
        )

    def remove_follow_up_row(self, block_id: str, row: int) -> Change:
        """Delete a row of a follow-up table."""
        table = self.block(block_id)
        if not isinstance(table, FollowUpTable):
            raise TypeError(block_id)
        removed = table.rows[row]

        def apply() -> Change:
            table.rows.remove(removed)
            return Change(Scope.BLOCK, block_id=block_id)

        def revert() -> Change:
            table.rows.insert(row, removed)
            return Change(Scope.BLOCK, block_id=block_id)

        return self.history.push(Command(Label(N_("Delete follow-up row")), apply, revert))

    def insert_cited_follow_up(
        self, section_id: str, rows: list[FollowUpRow], index: int | None = None
    ) -> Change:
        """Insert a follow-up table with a row for each commitment given (those the note cites)."""
        table = FollowUpTable(rows=[copy.deepcopy(row) for row in rows])
        label = Label(N_("Insert follow-up table of cited commitments"))
        return self._insert(label, section_id, table, index)
