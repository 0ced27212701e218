"""Every revision of a clause, the word differences between them, and restoring an earlier one."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from app.language.i18n import _
from app.library import revisions
from app.library.clauses import Clause
from app.system.errors import ClausierError
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.diffview import DiffView
from ui.widgets.rowlist import set_up_rows

if TYPE_CHECKING:
    from app.collection.actions import Collection

NEWEST, PREVIOUS = "newest", "previous"


def when(modified: str) -> str:
    """An ISO time as the list shows it: "01/12/2026 16:50" ("" when unknown)."""
    try:
        return datetime.fromisoformat(modified).strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return modified


def what_changed(clause: Clause) -> str:
    """What a revision changed, with the author's remark when the revision set it."""
    said = revisions.describe(clause.changes) if clause.changes else ""
    if clause.remark and ("remark" in clause.changes or revisions.CREATED in clause.changes):
        said = f"{said} — {clause.remark}" if said else clause.remark
    return said


class HistoryDialog(QDialog):
    """The revisions of one clause, newest first; the selected one is compared with another."""

    restoreRequest = Signal(str, int)  # clause id, revision

    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.clause_id = ""
        self.history: list[Clause] = []
        self.editable = False

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.list = set_up_rows(QTreeWidget(self), 4, stretch={3})
        self.compare_label = QLabel(self)
        self.compare = QComboBox(self)
        self.compare.addItem("", NEWEST)
        self.compare.addItem("", PREVIOUS)
        self.compare_label.setBuddy(self.compare)
        self.view = DiffView(self)
        self.restore = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.restore.setAutoDefault(False)
        self.close_button.setDefault(True)

        compare_row = QHBoxLayout()
        compare_row.addWidget(self.compare_label)
        compare_row.addWidget(self.compare, 1)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(compare_row)
        bottom_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        for first, second in (
            (self.list, self.compare),
            (self.compare, self.view),
            (self.view, self.restore),
            (self.restore, self.close_button),
        ):
            QWidget.setTabOrder(first, second)

        self.list.currentItemChanged.connect(lambda _now, _before: self.show_selected())
        self.compare.currentIndexChanged.connect(lambda _i: self.show_selected())
        self.restore.clicked.connect(self._restore)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 36)
        self.retranslate()
        self.list.setFocus()

    # --- contents ---------------------------------------------------------------------

    def set_clause(self, clause_id: str, history: list[Clause], editable: bool) -> None:
        """Show ``history`` (newest first); the selection stays on the same revision number."""
        previous = self.selected_revision()
        self.clause_id, self.history, self.editable = clause_id, list(history), editable
        self.list.blockSignals(True)
        self.list.clear()
        for clause in self.history:
            item = QTreeWidgetItem(
                [str(clause.revision), when(clause.modified), clause.author, what_changed(clause)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, clause.revision)
            item.setToolTip(3, item.text(3))
            self.list.addTopLevelItem(item)
        self.list.blockSignals(False)
        self._heading()
        self.select_revision(previous if previous else self.newest())

    def reload(self) -> None:
        """Read the clause's revisions again (after a library change)."""
        clause = self.collection.library.find(self.clause_id)
        history = self.collection.library.history(self.clause_id)
        if history:
            self.set_clause(self.clause_id, history, bool(clause and clause.editable))

    def newest(self) -> int:
        """The newest revision number (0 when none)."""
        return self.history[0].revision if self.history else 0

    def selected_revision(self) -> int:
        """The revision number selected in the list (0 when none)."""
        item = self.list.currentItem()
        return int(item.data(0, Qt.ItemDataRole.UserRole)) if item else 0

    def select_revision(self, revision: int) -> None:
        """Select ``revision`` in the list (the newest when it is not there)."""
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == revision:
                self.list.setCurrentItem(item)
                break
        else:
            if self.list.topLevelItemCount():
                self.list.setCurrentItem(self.list.topLevelItem(0))
        self.show_selected()

    def compared(self) -> tuple[int, int] | None:
        """The revisions compared for the selection (older, newer), None for the first one alone."""
        selected, numbers = self.selected_revision(), [c.revision for c in self.history]
        if not selected or selected not in numbers:
            return None
        older = numbers[numbers.index(selected) + 1] if selected != numbers[-1] else 0
        if self.compare.currentData() == NEWEST and selected != self.newest():
            return selected, self.newest()
        return (older, selected) if older else None

    def show_selected(self) -> None:
        """Show the word differences of the selected revision."""
        selected = self.selected_revision()
        self.restore.setEnabled(self.editable and bool(selected) and selected != self.newest())
        pair = self.compared()
        if pair is None:
            self.view.diffs = {}
            first = _("Revision {n} is the first: it created the clause.").format(n=selected)
            self.view.setHtml(f"<p><i>{escape(first)}</i></p>" if selected else "")
            return
        older, newer = pair
        try:
            diffs = self.collection.diff(self.clause_id, older, newer)
        except ClausierError as error:
            self.view.diffs = {}
            self.view.setHtml(f"<p><i>{escape(str(error))}</i></p>")
            return
        self.view.show_diffs(
            diffs, _("From revision {old} to revision {new}").format(old=older, new=newer)
        )

    def _restore(self) -> None:
        selected = self.selected_revision()
        if selected and selected != self.newest():
            self.restoreRequest.emit(self.clause_id, selected)

    def _heading(self) -> None:
        self.setWindowTitle(_("Clause history — {id}").format(id=self.clause_id or "…"))
        if not self.history:
            self.heading.setText("")
            return
        newest = self.history[0]
        title = newest.title_in("fr") or newest.title_in("nl")
        text = f"{self.clause_id} — {title}" if title else self.clause_id
        if not self.editable:
            text += "\n" + _(
                "This clause is not in your personal library: copy it there to change it."
            )
        self.heading.setText(text)

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.list.setHeaderLabels([_("Revision"), _("Date"), _("Author"), _("What changed")])
        self.list.setAccessibleName(_("Revisions"))
        self.compare_label.setText(_("&Compare the selected revision with:"))
        self.compare.setItemText(0, _("the newest revision"))
        self.compare.setItemText(1, _("the revision before it"))
        self.compare.setAccessibleName(_("Compare with"))
        self.view.retranslate()
        self.restore.setText(_("&Restore as Newest"))
        self.restore.setAccessibleName(_("Restore as newest"))
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
        self._heading()
        if self.history:
            self.set_clause(self.clause_id, self.history, self.editable)
