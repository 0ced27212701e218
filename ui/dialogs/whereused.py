"""Where used: the notes that use a clause, at which revision, and those citing an older wording."""

from __future__ import annotations

from pathlib import Path

from app.language.i18n import _, ngettext
from app.library.clauses import Clause, Kind
from app.notes.whereused import COPIED, FOLLOW_UP, LINKED, Usage
from ui.qt import (
    QBrush,
    QColor,
    QDialog,
    QDialogButtonBox,
    QFont,
    QHeaderView,
    QKeyEvent,
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

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
OLDER_COLOUR = "#8a4b00"  # dark amber: readable on white, and the text says it too


class NoteList(QTreeWidget):
    """A list of notes that opens the current one on Enter or a double click."""

    openRequest = Signal(object)  # the note's Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doubleClicked.connect(lambda _index: self._open_current())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_current()
            event.accept()  # Enter opens the note; it does not also press a dialog button
            return
        super().keyPressEvent(event)

    def _open_current(self) -> None:
        item = self.currentItem()
        path = item.data(0, PATH_ROLE) if item is not None else None
        if path:
            self.openRequest.emit(Path(path))


def clause_label(clause: Clause | None, clause_id: str) -> str:
    """How the summary names a clause: "commitment 2.4" for a declaration's, else its id."""
    origin = clause.origin if clause is not None else None
    if clause is not None and clause.kind is Kind.COMMITMENT and origin and origin.part:
        return _("commitment {part}.{position}").format(part=origin.part, position=origin.position)
    return _("clause {id}").format(id=clause_id)


class WhereUsedDialog(QDialog):
    """Lists the notes using one clause; Enter or a double click opens a note."""

    openRequest = Signal(object)  # a note's Path
    refreshRequest = Signal()

    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.usage: Usage | None = None
        self.clause: Clause | None = None
        self.lang = "fr"
        self.problems: list[str] = []
        self.folders: list[Path] = []
        self.heading = QLabel(self)
        self.heading.setObjectName("whereUsedHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self)
        self.summary.setObjectName("whereUsedSummary")
        self.summary.setWordWrap(True)
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        # The folder, last, takes what is left; the subject can be widened by hand.
        self.notes = set_up_rows(NoteList(self), self.COLUMNS, stretch={self.COLUMNS - 1})
        self.notes.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long folders keep both ends
        self.notes.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.notes.openRequest.connect(self.openRequest)
        self.notes.currentItemChanged.connect(lambda *_a: self._sync_buttons())
        self.looked_in = QLabel(self)
        self.looked_in.setObjectName("whereUsedScope")
        self.looked_in.setWordWrap(True)
        self.problems_label = QLabel(self)
        self.problem_list = QPlainTextEdit(self)
        self.problem_list.setReadOnly(True)
        self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.problems_label.setBuddy(self.problem_list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.notes._open_current)
        self.refresh_button.clicked.connect(self.refreshRequest)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.looked_in)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 26)
        self.notes.header().resizeSection(1, metrics.averageCharWidth() * 36)
        self.retranslate()

    # --- content ------------------------------------------------------------------------

    def show_usage(
        self,
        usage: Usage,
        clause: Clause | None,
        *,
        problems: list[str],
        folders: list[Path],
        lang: str = "fr",
    ) -> None:
        """Show ``usage`` of ``clause`` (None when it left the library), titles in ``lang``."""
        self.usage, self.clause, self.lang = usage, clause, lang
        self.problems, self.folders = list(problems), list(folders)
        current = self.notes.currentItem()
        previous = current.data(0, PATH_ROLE) if current is not None else None
        self.notes.clear()
        newest = usage.newest
        older = {(u.path, u.block_id) for u in usage.older}
        # The notes citing an older wording first: they are the ones to look at.
        uses = sorted(usage.uses, key=lambda u: ((u.path, u.block_id) not in older, str(u.path)))
        for use in uses:
            is_older = (use.path, use.block_id) in older
            item = QTreeWidgetItem(
                [
                    use.path.name,
                    use.subject or _("(no subject)"),
                    self._revision(use.revision, newest, use.mode),
                    self._mode(use.mode),
                    self._wording(use.revision, newest, use.mode, is_older),
                    str(use.path.parent),
                ]
            )
            item.setData(0, PATH_ROLE, str(use.path))
            item.setData(0, Qt.ItemDataRole.UserRole, is_older)
            item.setToolTip(0, str(use.path))
            item.setToolTip(1, use.subject)
            item.setToolTip(5, str(use.path.parent))
            if is_older:
                brush = QBrush(QColor(OLDER_COLOUR))
                font = QFont(self.notes.font())
                font.setBold(True)
                item.setForeground(4, brush)
                item.setFont(4, font)
                item.setForeground(2, brush)
            self.notes.addTopLevelItem(item)
        target = None
        for row in range(self.notes.topLevelItemCount()):
            item = self.notes.topLevelItem(row)
            if previous is not None and item.data(0, PATH_ROLE) == previous:
                target = item
                break
        if target is None and self.notes.topLevelItemCount():
            target = self.notes.topLevelItem(0)
        if target is not None:
            self.notes.setCurrentItem(target)
        self._fill_texts()

    def rows(self) -> list[list[str]]:
        """The texts of every row (for tests and screen readers' sake, in column order)."""
        return [
            [self.notes.topLevelItem(r).text(c) for c in range(self.COLUMNS)]
            for r in range(self.notes.topLevelItemCount())
        ]

    def flagged(self) -> list[Path]:
        """The notes flagged as citing an older wording."""
        return [
            Path(self.notes.topLevelItem(r).data(0, PATH_ROLE))
            for r in range(self.notes.topLevelItemCount())
            if self.notes.topLevelItem(r).data(0, Qt.ItemDataRole.UserRole)
        ]

    def summary_text(self) -> str:
        """ "7 notes use commitment 2.4; 3 cite an older wording"."""
        if self.usage is None:
            return ""
        notes, older = len(self.usage.notes), len(self.usage.older_notes)
        name = clause_label(self.clause, self.usage.clause_id)
        if not notes:
            return _("No note uses {clause}.").format(clause=name)
        used = ngettext("{n} note uses {clause}", "{n} notes use {clause}", notes).format(
            n=notes, clause=name
        )
        if not older:
            return _("{used}; all cite the newest wording.").format(used=used)
        cite = ngettext("{n} cites an older wording", "{n} cite an older wording", older).format(
            n=older
        )
        return _("{used}; {cite}.").format(used=used, cite=cite)

    @staticmethod
    def _revision(revision: int, newest: int, mode: str) -> str:
        if mode == FOLLOW_UP or revision <= 0:
            return "—"
        return _("{revision} of {newest}").format(revision=revision, newest=newest)

    @staticmethod
    def _mode(mode: str) -> str:
        return {
            LINKED: _("linked"),
            COPIED: _("copied"),
            FOLLOW_UP: _("follow-up table"),
        }.get(mode, mode)

    @staticmethod
    def _wording(revision: int, newest: int, mode: str, older: bool) -> str:
        if older:
            return _("⚠ older wording")
        if mode == FOLLOW_UP:
            return _("named in a table")
        if mode == COPIED:
            return _("copied from the newest")
        return _("newest")

    def _sync_buttons(self) -> None:
        self.open_button.setEnabled(self.notes.currentItem() is not None)

    def _fill_texts(self) -> None:
        if self.usage is not None:
            clause_id = self.usage.clause_id
            title = self.clause.title_in(self.lang) if self.clause is not None else ""
            self.heading.setText(
                _("{id} — {title}").format(id=clause_id, title=title) if title else clause_id
            )
            self.summary.setText(self.summary_text())
            self.notes.setAccessibleDescription(self.summary_text())
        if self.folders:
            folders = "; ".join(str(f) for f in self.folders)
            self.looked_in.setText(
                _("Looked in your recent notes and in: {folders}.").format(folders=folders)
            )
        else:
            self.looked_in.setText(
                _(
                    "Looked in your recent notes only. Add the folders where you keep notes in "
                    "Preferences (Note folders) to find the others."
                )
            )
        self.problems_label.setText(
            ngettext(
                "{n} note could &not be read:", "{n} notes could &not be read:", len(self.problems)
            ).format(n=len(self.problems))
        )
        self.problem_list.setPlainText("\n".join(self.problems))
        self.problems_label.setVisible(bool(self.problems))
        self.problem_list.setVisible(bool(self.problems))
        self._sync_buttons()

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.setWindowTitle(_("Where used"))
        self.setAccessibleName(_("Where used"))
        self.notes.setHeaderLabels(
            [_("File"), _("Subject"), _("Revision"), _("How"), _("Wording"), _("Folder")]
        )
        self.notes.setAccessibleName(_("Notes using the clause"))
        self.notes.setToolTip(_("Enter or a double click opens the note"))
        self.summary.setAccessibleName(_("Summary"))
        self.problem_list.setAccessibleName(_("Notes that could not be read"))
        self.open_button.setText(_("&Open Note"))
        self.open_button.setAccessibleName(_("Open the selected note"))
        self.refresh_button.setText(_("&Refresh"))
        self.refresh_button.setAccessibleName(_("Look at the notes again"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        if self.usage is not None:
            self.show_usage(
                self.usage,
                self.clause,
                problems=self.problems,
                folders=self.folders,
                lang=self.lang,
            )
        else:
            self._fill_texts()
