"""Near-duplicates: pairs of clauses whose texts are nearly the same, with their word differences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.language.codes import LANGS
from app.language.i18n import _, ngettext
from app.library.worddiff import diff_clauses
from ui.labels import language_name
from ui.qt import (
    QDialog,
    QDialogButtonBox,
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
    from app.library.clauses import Library
    from app.library.duplicates import NearDuplicate

PAIR_ROLE = Qt.ItemDataRole.UserRole + 1


class DuplicatesDialog(QDialog):
    """The near-duplicate pairs; the selected pair's differences; go to either clause."""

    goToClauseRequest = Signal(str)  # show this clause in the library panel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.pairs: list[NearDuplicate] = []
        self.clause_id = ""
        self.lang = "fr"
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list_label = QLabel(self)
        self.list = set_up_rows(QTreeWidget(self), 4, stretch={1, 2})
        self.list_label.setBuddy(self.list)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentItemChanged.connect(lambda *_a: self._show_current())
        self.diff_label = QLabel(self)
        self.diff = DiffView(self)
        self.diff_label.setBuddy(self.diff)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list_label)
        top_layout.addWidget(self.list)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.diff_label)
        bottom_layout.addWidget(self.diff)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.go_first = QPushButton(self)
        self.go_second = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.go_first, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.go_second, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.go_first.clicked.connect(lambda: self._go(0))
        self.go_second.clicked.connect(lambda: self._go(1))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 140, metrics.lineSpacing() * 34)
        self.splitter.setSizes([metrics.lineSpacing() * 12, metrics.lineSpacing() * 18])
        self.retranslate()

    # --- content ----------------------------------------------------------------------

    def show_pairs(
        self, library: Library, pairs: list[NearDuplicate], clause_id: str = "", lang: str = "fr"
    ) -> None:
        """Show ``pairs`` (those of ``clause_id`` when given), titles in ``lang``."""
        before = self.current_pair()
        self.library, self.pairs, self.clause_id, self.lang = library, list(pairs), clause_id, lang
        self.list.clear()
        for number, pair in enumerate(self.pairs):
            item = QTreeWidgetItem(
                [
                    f"{round(pair.similarity * 100)} %",
                    self._describe(pair.first),
                    self._describe(pair.second),
                    language_name(pair.lang),
                ]
            )
            item.setData(0, PAIR_ROLE, number)
            item.setToolTip(1, self._describe(pair.first))
            item.setToolTip(2, self._describe(pair.second))
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        if self.pairs and not (before and self.select_pair(before.first, before.second)):
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._fill_texts()
        self._show_current()

    def select_pair(self, first: str, second: str) -> bool:
        """Select the pair of these two clauses (in either order); False when not listed."""
        for row in range(self.list.topLevelItemCount()):
            pair = self.pairs[row]
            if {pair.first, pair.second} == {first, second}:
                self.list.setCurrentItem(self.list.topLevelItem(row))
                return True
        return False

    def current_pair(self) -> NearDuplicate | None:
        """The selected pair."""
        item = self.list.currentItem()
        return self.pairs[item.data(0, PAIR_ROLE)] if item is not None else None

    def listed(self) -> list[tuple[str, str]]:
        """The pairs listed, as (first, second) ids."""
        return [(p.first, p.second) for p in self.pairs]

    def _describe(self, clause_id: str) -> str:
        clause = self.library.find(clause_id) if self.library is not None else None
        return f"{clause_id} — {clause.title_in(self.lang)}" if clause is not None else clause_id

    def _show_current(self) -> None:
        pair = self.current_pair()
        self.go_first.setEnabled(pair is not None)
        self.go_second.setEnabled(pair is not None)
        if pair is None or self.library is None:
            self.diff.clear()
            self.go_first.setText(_("Show the &first in the library"))
            self.go_second.setText(_("Show the &second in the library"))
            return
        self.go_first.setText(_("Show &{id} in the library").format(id=pair.first))
        self.go_second.setText(_("Show {id} in the li&brary").format(id=pair.second))
        self.go_first.setAccessibleName(_("Show {id} in the library").format(id=pair.first))
        self.go_second.setAccessibleName(_("Show {id} in the library").format(id=pair.second))
        first, second = self.library.find(pair.first), self.library.find(pair.second)
        if first is None or second is None:
            self.diff.clear()
            return
        languages = [pair.lang] + [
            lang
            for lang in LANGS
            if lang != pair.lang and first.has_text(lang) and second.has_text(lang)
        ]
        heading = _("From {first} to {second} ({percent} % alike)").format(
            first=pair.first, second=pair.second, percent=round(pair.similarity * 100)
        )
        self.diff.show_diffs(diff_clauses(first, second, tuple(languages)), heading)

    def _go(self, which: int) -> None:
        pair = self.current_pair()
        if pair is not None:
            self.goToClauseRequest.emit(pair.second if which else pair.first)

    def _fill_texts(self) -> None:
        count = len(self.pairs)
        if not count:
            self.summary.setText(
                _("{id} has no near-duplicate.").format(id=self.clause_id)
                if self.clause_id
                else _("No two clauses of the library are nearly the same.")
            )
        elif self.clause_id:
            self.summary.setText(
                ngettext(
                    "{n} clause is nearly the same as {id}.",
                    "{n} clauses are nearly the same as {id}.",
                    count,
                ).format(n=count, id=self.clause_id)
            )
        else:
            self.summary.setText(
                ngettext(
                    "{n} pair of clauses is nearly the same; removed words are struck through, "
                    "added ones highlighted.",
                    "{n} pairs of clauses are nearly the same; removed words are struck through, "
                    "added ones highlighted.",
                    count,
                ).format(n=count)
            )
        self.list.setAccessibleDescription(self.summary.text())

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.setWindowTitle(_("Near-duplicate clauses"))
        self.setAccessibleName(_("Near-duplicate clauses"))
        self.list_label.setText(_("&Pairs:"))
        self.list.setHeaderLabels([_("Alike"), _("First clause"), _("Second clause"), _("In")])
        self.list.setAccessibleName(_("Near-duplicate pairs"))
        self.diff_label.setText(_("&Differences of the selected pair:"))
        self.diff.retranslate()
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        if self.library is not None:
            self.show_pairs(self.library, self.pairs, self.clause_id, self.lang)
        else:
            self._fill_texts()
            self._show_current()
