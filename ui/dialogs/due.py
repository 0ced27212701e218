"""Every clause language whose translation is out of date, to open the translation of one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.language.i18n import _
from ui.labels import language_name
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
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


class TranslationsDueDialog(QDialog):
    """The (clause, language) pairs a translator should look at."""

    openRequest = Signal(str, str)  # clause id, language

    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = set_up_rows(QTreeWidget(self), 3, stretch={1})
        self.empty = QLabel(self)
        self.open_button = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.open_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.list, self.open_button)
        QWidget.setTabOrder(self.open_button, self.close_button)
        self.list.itemActivated.connect(lambda _item, _column: self._open())
        self.open_button.clicked.connect(self._open)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.lineSpacing() * 24)
        self.retranslate()
        self.list.setFocus()

    def reload(self) -> None:
        """List what is out of date again."""
        previous = self.selected()
        self.list.clear()
        target = None
        for clause, lang in self.collection.translations_out_of_date():
            title = clause.title_in(lang) or clause.title_in("fr") or clause.title_in("nl")
            item = QTreeWidgetItem([clause.id, title, language_name(lang)])
            item.setData(0, Qt.ItemDataRole.UserRole, (clause.id, lang))
            item.setToolTip(1, title)
            self.list.addTopLevelItem(item)
            if (clause.id, lang) == previous or target is None:
                target = item
        count = self.list.topLevelItemCount()
        self.empty.setVisible(count == 0)
        self.open_button.setEnabled(count > 0)
        if target is not None:
            self.list.setCurrentItem(target)

    def selected(self) -> tuple[str, str]:
        """The selected clause id and language ("", "") when none."""
        item = self.list.currentItem()
        return tuple(item.data(0, Qt.ItemDataRole.UserRole)) if item else ("", "")

    def _open(self) -> None:
        clause_id, lang = self.selected()
        if clause_id:
            self.openRequest.emit(clause_id, lang)

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.setWindowTitle(_("Translations out of date"))
        self.intro.setText(
            _(
                "One language of these clauses changed since the other was translated. "
                "Open one to update the translation or confirm it is still correct."
            )
        )
        self.list.setHeaderLabels([_("Clause"), _("Title"), _("Language to update")])
        self.list.setAccessibleName(_("Translations out of date"))
        self.empty.setText(_("Every translation is up to date."))
        self.open_button.setText(_("&Open Translation…"))
        self.open_button.setAccessibleName(_("Open translation"))
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
        self.reload()
