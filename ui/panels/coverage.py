"""Which commitments of each declaration the note cites, part by part ("Part 1: 5 of 7").

A tree: the source, its parts with their count, and under each part its commitments,
cited (✓) or not. Enter or a double click on a cited commitment goes to its block in
the note, on another shows it in the declaration. One button adds a follow-up table
with a row per cited commitment (one undoable step).
"""

from __future__ import annotations

from app.language.codes import pick
from app.language.i18n import _, ngettext
from app.library.clauses import Library
from app.notes import coverage
from app.notes.note import Note
from ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QFont,
    QLabel,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.looks import MUTED, tint

CLAUSE_ROLE = Qt.ItemDataRole.UserRole
CITED_COLOUR = "#2e7d32"
NOT_CITED_COLOUR = "#7a7f87"


class CoveragePane(QWidget):
    """The note's coverage of the declarations it cites, with the follow-up table it offers."""

    addFollowUpRequest = Signal(list)  # FollowUpRows, one per cited commitment
    goToBlockRequest = Signal(str)  # block id of a cited commitment
    showClauseRequest = Signal(str)  # clause id of a commitment the note does not cite

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.note: Note | None = None
        self.lang = "fr"
        self.read_only = False
        self.found: list[coverage.SourceCoverage] = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        tint(self.hint, MUTED)
        self.add_table = QPushButton(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.add_table, 0, Qt.AlignmentFlag.AlignLeft)
        self.tree.itemActivated.connect(self._activated)
        self.add_table.clicked.connect(self.request_table)
        self.retranslate()

    def set_library(self, library: Library) -> None:
        """Count against ``library`` (after a reload or an import)."""
        self.library = library
        self.refresh()

    def set_note(self, note: Note, lang: str) -> None:
        """Show the coverage of ``note``, titles in ``lang``."""
        self.note = note
        self.lang = lang
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        """Refuse to add a table to a read-only note."""
        self.read_only = read_only
        self._sync_button()

    def refresh(self) -> None:
        """Count again (the note changed)."""
        if self.note is None:
            return
        self.found = coverage.coverage(self.note, self.library)
        expanded = {
            item.data(0, CLAUSE_ROLE)
            for item in self._items()
            if item.isExpanded() and item.data(0, CLAUSE_ROLE)
        }
        first = not self.tree.topLevelItemCount()
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for covered in self.found:
            title = pick(covered.source.title, self.lang) or covered.source.id
            top = QTreeWidgetItem(
                [
                    _("{title}: {cited} of {total}").format(
                        title=title, cited=covered.cited, total=covered.total
                    )
                ]
            )
            top.setData(0, CLAUSE_ROLE, f"source:{covered.source.id}")
            top.setFont(0, bold)
            self.tree.addTopLevelItem(top)
            for part in covered.parts:
                heading = _("Part {n}: {cited} of {total}").format(
                    n=part.number, cited=len(part.cited), total=part.total
                )
                part_title = pick(part.title, self.lang)
                item = QTreeWidgetItem([f"{heading} — {part_title}" if part_title else heading])
                item.setData(0, CLAUSE_ROLE, f"part:{covered.source.id}:{part.number}")
                item.setToolTip(0, item.text(0))
                top.addChild(item)
                for clause in (*part.cited, *part.not_cited):
                    cited = clause in part.cited
                    origin = clause.origin
                    number = f"{origin.part}.{origin.position}" if origin else clause.id
                    mark = "✓" if cited else "○"
                    child = QTreeWidgetItem([f"{mark} {number} {clause.title_in(self.lang)}"])
                    child.setData(0, CLAUSE_ROLE, clause.id)
                    child.setForeground(
                        0, QBrush(QColor(CITED_COLOUR if cited else NOT_CITED_COLOUR))
                    )
                    child.setToolTip(
                        0,
                        _("Cited in the note: Enter goes to it")
                        if cited
                        else _("Not cited: Enter shows it in the declaration"),
                    )
                    item.addChild(child)
                item.setExpanded(first or item.data(0, CLAUSE_ROLE) in expanded)
            top.setExpanded(True)
        cited = sum(c.cited for c in self.found)
        total = sum(c.total for c in self.found)
        if not self.found:
            summary = _("No declaration of the library has commitments.")
        elif len(self.found) == 1:
            summary = ngettext(
                "The note cites {cited} of the declaration’s {total} commitment.",
                "The note cites {cited} of the declaration’s {total} commitments.",
                total,
            ).format(cited=cited, total=total)
        else:
            summary = _(
                "The note cites {cited} of the {total} commitments of {n} declarations."
            ).format(cited=cited, total=total, n=len(self.found))
        self.summary.setText(summary)
        self._sync_button()

    def _items(self) -> list[QTreeWidgetItem]:
        found = []
        pending = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while pending:
            item = pending.pop()
            found.append(item)
            pending.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _sync_button(self) -> None:
        self.add_table.setEnabled(not self.read_only and bool(coverage.follow_up_rows(self.found)))

    def request_table(self) -> None:
        """Ask for a follow-up table of the cited commitments."""
        rows = coverage.follow_up_rows(self.found)
        if rows and not self.read_only:
            self.addFollowUpRequest.emit(rows)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        clause_id = item.data(0, CLAUSE_ROLE) or ""
        if not clause_id or ":" in clause_id:
            return
        for covered in self.found:
            blocks = covered.blocks.get(clause_id)
            if blocks:
                self.goToBlockRequest.emit(blocks[0])
                return
        self.showClauseRequest.emit(clause_id)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.tree.setAccessibleName(_("Coverage of the declaration"))
        self.add_table.setText(_("Add Follow-up Table of Cited Commitments"))
        self.add_table.setToolTip(
            _("Insert a follow-up table with a row for each commitment the note cites")
        )
        self.hint.setText(
            _("Enter on a commitment goes to it in the note, or shows it in the declaration.")
        )
        self.refresh()
