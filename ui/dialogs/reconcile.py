"""The review of changes brought back from Word: one row per change, its word diff, Accept or Reject.

Each acceptance is one undoable edit of the note (:class:`app.roundtrip.apply.Review`),
made through the window's document so every view follows; Undo gives back the last
one. A linked clause edited in Word becomes a local copy by default; when it is one of
the user's own clauses, the new wording can instead be saved as a new revision of it,
its "what changed" remark saying "edited in Word".
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from app.language.i18n import _, ngettext
from app.notes.note import LinkedClause
from app.roundtrip import words as reconcilewords
from app.roundtrip.apply import Review
from app.roundtrip.changes import Kind, Reconciliation
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QShortcut,
    QSplitter,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.diffview import pieces_html

if TYPE_CHECKING:
    from ui.document import NoteDocument

#: How each state is marked at the start of a row.
_MARKS = {"pending": "•", "accepted": "✓", "rejected": "✗"}


class ReconcileDialog(QDialog):
    """Review the changes of one Word file against the open note, one by one or all at once."""

    reviseRequest = Signal(str, str)  # change id, clause id: save as a new revision instead

    def __init__(
        self,
        document: NoteDocument,
        reconciliation: Reconciliation,
        library,
        *,
        can_revise=None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.reconciliation = reconciliation
        self.review = Review(document.session, reconciliation, library)
        self.can_revise = can_revise or (lambda clause_id: False)
        self.setObjectName("reconcileDialog")
        self.resize(980, 600)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("reconcileChanges")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail = QTextBrowser()
        self.detail.setObjectName("reconcileDetail")
        self.detail.setOpenLinks(False)
        self.as_copy = QRadioButton()
        self.as_revision = QRadioButton()
        self.as_copy.setChecked(True)
        self.accept_button = QPushButton()
        self.reject_button = QPushButton()
        self.accept_all_button = QPushButton()
        self.undo_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._layout()
        self.list.currentRowChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _item: self.accept_current())
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button.clicked.connect(self.reject_current)
        self.accept_all_button.clicked.connect(self.accept_all)
        self.undo_button.clicked.connect(self.undo)
        self.buttons.rejected.connect(self.close)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(self.undo)
        self.retranslate()
        self.fill()
        if self.list.count():
            self.list.setCurrentRow(0)

    def _layout(self) -> None:
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.detail, 1)
        column.addWidget(self.as_copy)
        column.addWidget(self.as_revision)
        row = QHBoxLayout()
        for button in (self.accept_button, self.reject_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([400, 580])
        bottom = QHBoxLayout()
        bottom.addWidget(self.accept_all_button)
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    # -- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        found = self.reconciliation
        self.setWindowTitle(_("Bring Back Changes from {name}").format(name=found.word.name))
        text = ngettext("{n} change in {name}", "{n} changes in {name}", len(found.changes)).format(
            n=len(found.changes), name=found.word.name
        )
        text += " — " + ngettext(
            "{n} block unchanged.", "{n} blocks unchanged.", found.unchanged
        ).format(n=found.unchanged)
        if not found.by_marks:
            text += " " + _(
                "The file has lost Clausier's marks: every block was found by its text alone."
            )
        elif any(not c.certain for c in found.changes):
            text += " " + _("(?) marks a block found by its text alone, less certain: check it.")
        text += " " + _("Nothing changes in the note until you accept.")
        self.summary.setText(text)
        self.list.setAccessibleName(_("Changes"))
        self.detail.setAccessibleName(_("Differences"))
        self.as_copy.setText(_("Keep the new wording as a local &copy in the note"))
        self.as_revision.setText(_("Save it as a new &revision of my clause (“edited in Word”)"))
        self.accept_button.setText(_("&Accept"))
        self.reject_button.setText(_("&Reject"))
        self.accept_all_button.setText(_("Accept A&ll"))
        self.undo_button.setText(_("&Undo"))
        self.fill()

    def _row_text(self, change) -> str:
        """Two lines: the state and what happened; where, in which column, by whom."""
        note = self.review.snapshot_note
        mark = _MARKS[self.review.state(change.id)]
        first = f"{mark}  {reconcilewords.kind_name(change)}"
        if not change.certain:
            first += " (?)"
        second = reconcilewords.place(change, note)
        if len(self.reconciliation.languages) > 1:
            second += f" ({reconcilewords.language_name(change.lang)})"
        who = reconcilewords.by_whom(change)
        if who:
            second += "\n     " + who
        if change.kind is Kind.SECTION and change.what == "deleted":
            how = self.review.heading_deletion(change)
            second += "\n     " + reconcilewords.heading_outcome(how)
        return f"{first}\n     {second}"

    def fill(self) -> None:
        """One row per change, marked pending, accepted or rejected."""
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for change in self.reconciliation.changes:
            item = QListWidgetItem(self._row_text(change))
            item.setData(Qt.ItemDataRole.UserRole, change.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        change = self.current_change()
        if change is None:
            self.detail.clear()
            for widget in (self.accept_button, self.reject_button, self.as_copy, self.as_revision):
                widget.setEnabled(False)
            return
        first, _sep, second = self._row_text(change)[3:].partition("\n")
        lines = "<br>".join(escape(line.strip()) for line in second.split("\n"))
        parts = [f"<p><b>{escape(first)}</b><br>{lines}</p>"]
        if change.kind is Kind.COMMENT:
            anchored = " ".join(p.text() for p in change.paragraphs).strip()
            if anchored:
                parts.append(
                    "<p style='color:#5f6670'>{}<br><i>{}</i></p>".format(
                        escape(_("On the words:")), escape(anchored)
                    )
                )
            parts.append(f"<blockquote>{escape(change.text)}</blockquote>")
            parts.append(
                "<p><i>{}</i></p>".format(
                    escape(_("Accepting keeps this comment on the block, in the note file."))
                )
            )
        elif change.diff:
            parts.append(f"<p>{pieces_html(change.diff)}</p>")
        if change.formats:
            parts.append(
                "<p><i>{}</i></p>".format(
                    escape(_("Bold, italic or lists were changed too; in Word it reads:"))
                )
            )
            parts.append(self._as_in_word(change))
        self.detail.setHtml("".join(parts))
        state = self.review.state(change.id)
        self.accept_button.setEnabled(state != "accepted" and self.review.applicable(change))
        self.reject_button.setEnabled(state == "pending")
        linked = self._linked_clause(change)
        revisable = linked is not None and self.can_revise(linked)
        # Only the user's own clauses get revisions: for another, a local copy is the way.
        self.as_copy.setVisible(revisable)
        self.as_revision.setVisible(revisable)
        self.as_copy.setEnabled(state == "pending")
        self.as_revision.setEnabled(state == "pending" and revisable)
        if not revisable:
            self.as_copy.setChecked(True)

    def _as_in_word(self, change) -> str:
        """The block's paragraphs as Word has them, with their bold, italic and lists."""
        match = self.reconciliation.matches.get((change.block_id, change.lang))
        if match is None:
            return ""
        out = []
        for _index, paragraph in match.found:
            runs = []
            for segment in paragraph.view(None):
                text = escape(segment.text)
                if segment.bold:
                    text = f"<b>{text}</b>"
                if segment.italic:
                    text = f"<i>{text}</i>"
                runs.append(text)
            listed = self.reconciliation.word.list_of(paragraph)
            lead = ""
            if listed is not None:
                lead = "&nbsp;&nbsp;" * listed[1] + ("• " if listed[0] == "bullet" else "1. ")
            out.append(f"<p style='margin-left:12px'>{lead}{''.join(runs)}</p>")
        return "".join(out)

    def _linked_clause(self, change) -> str | None:
        if change.kind not in (Kind.EDITED, Kind.TRACKED) or not change.block_id:
            return None
        try:
            block = self.document.session.block(change.block_id)
        except KeyError:
            return None
        return block.clause_id if isinstance(block, LinkedClause) else None

    # -- actions ---------------------------------------------------------------------------

    def current_change(self):
        """The change of the selected row, if any."""
        item = self.list.currentItem()
        if item is None:
            return None
        return self.reconciliation.change(item.data(Qt.ItemDataRole.UserRole))

    def accept_current(self) -> None:
        """Accept the selected change (one undoable edit), then go to the next pending one."""
        change = self.current_change()
        if change is None:
            return
        linked = self._linked_clause(change)
        if linked is not None and self.as_revision.isChecked() and self.can_revise(linked):
            self.reviseRequest.emit(change.id, linked)
        else:
            self.document.edit(lambda: self.review.accept(change.id))
        self._next()

    def reject_current(self) -> None:
        """Reject the selected change: the note keeps what it says."""
        change = self.current_change()
        if change is None:
            return
        self.review.reject(change.id)
        self._next()

    def accept_all(self) -> None:
        """Accept every change not yet decided, each its own undoable edit."""
        for change in self.reconciliation.changes:
            if self.review.state(change.id) == "pending":
                self.document.edit(lambda c=change: self.review.accept(c.id))
        self.fill()

    def undo(self) -> None:
        """Undo the last acceptance; its change is pending again."""
        if not self.review.accepted:
            return
        self.document.edit(self.review.undo_edit)
        self.fill()

    def _next(self) -> None:
        row = self.list.currentRow()
        self.fill()
        for index in range(row + 1, self.list.count()):
            change_id = self.list.item(index).data(Qt.ItemDataRole.UserRole)
            if self.review.state(change_id) == "pending":
                self.list.setCurrentRow(index)
                return
