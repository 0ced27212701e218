"""The personal clauses taken out of use (deleted or retired), to bring one back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.language.i18n import _
from app.library.clauses import PERSONAL, Clause
from ui.dialogs.history import when
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.rowlist import set_up_rows

if TYPE_CHECKING:
    from app.collection.actions import Collection

DELETED, RETIRED = "deleted", "retired"


def out_of_use(collection: Collection) -> list[tuple[Clause, str]]:
    """The deleted personal clauses (most recent first), then the retired ones, with their state."""
    deleted = [(c, DELETED) for c in collection.deleted_clauses()]
    mine = collection.library.parts.get(PERSONAL)  # not every clause of a big team library
    retired = [
        (c, RETIRED)
        for c in (mine.clauses.values() if mine is not None else ())
        if c.library == PERSONAL and c.retired
    ]
    return deleted + retired


class DeletedDialog(QDialog):
    """Deleted and retired clauses of the personal library; search offers neither."""

    undeleteRequest = Signal(str)
    bringBackRequest = Signal(str)

    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = set_up_rows(QTreeWidget(self), 4, stretch={1})
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.empty = QLabel(self)
        self.undelete = QPushButton(self)
        self.bring_back = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.undelete, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.bring_back, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        for button in (self.undelete, self.bring_back):
            button.setAutoDefault(False)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        order = [self.list, self.preview, self.undelete, self.bring_back, self.close_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.list.currentItemChanged.connect(lambda _now, _before: self._selected())
        self.list.itemActivated.connect(lambda _item, _column: self._bring_back_selected())
        self.undelete.clicked.connect(self._bring_back_selected)
        self.bring_back.clicked.connect(self._bring_back_selected)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 100, metrics.lineSpacing() * 28)
        self.retranslate()
        self.list.setFocus()

    def reload(self) -> None:
        """List the clauses out of use again; the selection stays on the same clause if there."""
        previous = self.selected()[0]
        self.list.blockSignals(True)
        self.list.clear()
        for clause, state in out_of_use(self.collection):
            title = clause.title_in("fr") or clause.title_in("nl")
            state_name = _("Deleted") if state == DELETED else _("Retired")
            item = QTreeWidgetItem([clause.id, title, state_name, when(clause.modified)])
            item.setData(0, Qt.ItemDataRole.UserRole, (clause.id, state))
            item.setToolTip(1, title)
            self.list.addTopLevelItem(item)
        self.list.blockSignals(False)
        count = self.list.topLevelItemCount()
        self.empty.setVisible(count == 0)
        target = self.list.topLevelItem(0) if count else None
        for row in range(count):
            if self.list.topLevelItem(row).data(0, Qt.ItemDataRole.UserRole)[0] == previous:
                target = self.list.topLevelItem(row)
        if target is not None:
            self.list.setCurrentItem(target)
        self._selected()

    def selected(self) -> tuple[str, str]:
        """The selected clause id and its state (deleted or retired); ("", "") when none."""
        item = self.list.currentItem()
        return tuple(item.data(0, Qt.ItemDataRole.UserRole)) if item else ("", "")

    def select(self, clause_id: str) -> None:
        """Select ``clause_id`` in the list."""
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole)[0] == clause_id:
                self.list.setCurrentItem(item)

    def _selected(self) -> None:
        clause_id, state = self.selected()
        self.undelete.setEnabled(state == DELETED)
        self.bring_back.setEnabled(state == RETIRED)
        clause = None
        if state == RETIRED:
            clause = self.collection.library.find(clause_id)
        elif state == DELETED:
            clause = self.collection.library.newest(clause_id)
        self.preview.setPlainText(
            "\n\n".join(t for t in (clause.text_in("fr"), clause.text_in("nl")) if t)
            if clause
            else ""
        )

    def _bring_back_selected(self) -> None:
        clause_id, state = self.selected()
        if state == DELETED:
            self.undeleteRequest.emit(clause_id)
        elif state == RETIRED:
            self.bringBackRequest.emit(clause_id)

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.setWindowTitle(_("Deleted and retired clauses"))
        self.intro.setText(
            _(
                "Clauses of your personal library that you deleted or retired. Notes that use "
                "them keep their wording; search no longer offers them. Bring one back to use "
                "it again."
            )
        )
        self.list.setHeaderLabels([_("Clause"), _("Title"), _("State"), _("Last revision")])
        self.list.setAccessibleName(_("Deleted and retired clauses"))
        self.preview.setAccessibleName(_("Text of the selected clause"))
        self.empty.setText(_("No clause is deleted or retired."))
        self.undelete.setText(_("&Undelete"))
        self.undelete.setAccessibleName(_("Undelete"))
        self.bring_back.setText(_("&Bring Back"))
        self.bring_back.setAccessibleName(_("Bring back"))
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
        self.reload()
