"""The team library's state: its folder, whether it is reachable, the files read and those not."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.language.i18n import _, ngettext
from ui.qt import (
    QBrush,
    QColor,
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
    from app.library.team import TeamFile

PROBLEM_COLOUR = "#b3261e"


class TeamLibraryDialog(QDialog):
    """Where the team library is and what was read from it; Refresh looks at the folder again."""

    refreshRequest = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.locked = False
        self.chosen = False
        self.hidden: list[str] = []
        self.offline = False
        self.files: list[TeamFile] = []
        self.problems: list[str] = []
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("teamFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel(self)
        self.state.setObjectName("teamState")
        self.state.setWordWrap(True)
        self.files_label = QLabel(self)
        self.list = set_up_rows(QTreeWidget(self), 4, stretch={3})
        self.files_label.setBuddy(self.list)
        self.problems_label = QLabel(self)
        self.problem_list = QPlainTextEdit(self)
        self.problem_list.setReadOnly(True)
        self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.problems_label.setBuddy(self.problem_list)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refreshRequest)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.state)
        layout.addWidget(self.files_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 130, metrics.lineSpacing() * 24)
        self.retranslate()

    def show_state(
        self,
        folder: Path | None,
        *,
        locked: bool,
        offline: bool,
        files: list[TeamFile],
        problems: list[str],
        chosen: bool = False,
        hidden: list[str] | None = None,
    ) -> None:
        """Show the team folder (None: not configured) and what its last refresh found.

        ``chosen``: the user picked the folder in the preferences (else IT set it).
        """
        self.folder, self.locked, self.offline = folder, locked, offline
        self.chosen = chosen and not locked
        self.hidden = list(hidden or [])  # team clause ids a personal clause hides
        self.files, self.problems = list(files), list(problems)
        self._fill()

    def rows(self) -> list[list[str]]:
        """The texts of every file row, in column order."""
        return [
            [self.list.topLevelItem(r).text(c) for c in range(4)]
            for r in range(self.list.topLevelItemCount())
        ]

    def _fill(self) -> None:
        configured = self.folder is not None
        self.refresh_button.setEnabled(configured)
        self.list.setVisible(configured)
        self.files_label.setVisible(configured)
        if not configured:
            self.folder_label.setText(_("No team library folder is set."))
            self.state.setText(
                _(
                    "IT sets it for everyone with team_library in the [settings] section of "
                    "the machine-wide clausier.ini (see the deployment guide); where it is not "
                    "locked, you can also choose it in Preferences (Team library folder)."
                )
            )
        else:
            who = _("chosen in Preferences") if self.chosen else _("set by your IT department")
            self.folder_label.setText(
                _("Team library folder: {folder} ({who})").format(folder=self.folder, who=who)
            )
            clauses = sum(f.clauses for f in self.files)
            if self.offline:
                self.state.setText(
                    _(
                        "⚠ The folder cannot be reached (offline?). The last copies seen are "
                        "in use: {n} clauses."
                    ).format(n=clauses)
                    if self.files
                    else _("⚠ The folder cannot be reached, and no copy of it was kept yet.")
                )
            else:
                readable = [f for f in self.files if not f.problem]
                self.state.setText(
                    _("The folder is reachable: {files}, {clauses}.").format(
                        files=ngettext(
                            "{n} library file read", "{n} library files read", len(readable)
                        ).format(n=len(readable)),
                        clauses=ngettext("{n} clause", "{n} clauses", clauses).format(n=clauses),
                    )
                )
            if self.hidden:
                shown = ", ".join(self.hidden[:8]) + (" …" if len(self.hidden) > 8 else "")
                self.state.setText(
                    self.state.text()
                    + "\n"
                    + ngettext(
                        "⚠ {n} team clause is hidden by your own clause of the same id: {ids}.",
                        "⚠ {n} team clauses are hidden by your own clauses of the same ids: {ids}.",
                        len(self.hidden),
                    ).format(n=len(self.hidden), ids=shown)
                )
        self.list.clear()
        for team_file in self.files:
            if team_file.problem and team_file.from_copy:
                state = _("⚠ unreadable; its last copy is used")
            elif team_file.problem:
                state = _("⚠ unreadable")
            elif team_file.from_copy:
                state = _("last copy seen (folder offline)")
            else:
                state = _("read")
            item = QTreeWidgetItem(
                [
                    team_file.name,
                    str(team_file.clauses) if team_file.clauses or not team_file.problem else "—",
                    team_file.seen.replace("T", " ")[:16] if team_file.seen else "—",
                    state,
                ]
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if team_file.problem:
                item.setToolTip(3, team_file.problem)
                item.setForeground(3, QBrush(QColor(PROBLEM_COLOUR)))
            self.list.addTopLevelItem(item)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        if configured and not self.files and not self.offline:
            self.files_label.setText(_("The folder holds no library file (*.json) yet."))
        else:
            self.files_label.setText(_("Library &files:"))
        self.problems_label.setText(
            ngettext("{n} &problem:", "{n} &problems:", len(self.problems)).format(
                n=len(self.problems)
            )
        )
        self.problem_list.setPlainText("\n".join(self.problems))
        self.problems_label.setVisible(bool(self.problems))
        self.problem_list.setVisible(bool(self.problems))
        self.list.setAccessibleDescription(self.state.text())

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.setWindowTitle(_("Team library"))
        self.setAccessibleName(_("Team library"))
        self.list.setHeaderLabels([_("File"), _("Clauses"), _("Last read"), _("State")])
        self.list.setAccessibleName(_("Team library files"))
        self.problem_list.setAccessibleName(_("Team library problems"))
        self.refresh_button.setText(_("&Refresh"))
        self.refresh_button.setAccessibleName(_("Read the team folder again"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self._fill()
