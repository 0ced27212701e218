"""The comments kept on a block (brought back from Word), shown small under the block."""

from __future__ import annotations

from app.language.i18n import _
from app.notes.note import BlockComment
from ui.qt import QFrame, QHBoxLayout, QLabel, Qt, QToolButton, QVBoxLayout, QWidget, Signal
from ui.widgets.looks import MUTED, shrink, tint


def _when(stamp: str) -> str:
    """Word's ISO 8601 time ("2026-01-05T10:12:00Z") as written in Belgium: "05/01/2026 10:12"."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(stamp.rstrip("Z"))
    except ValueError:
        return stamp  # not a time Python reads: as Word wrote it
    return moment.strftime("%d/%m/%Y %H:%M")


def comment_heading(comment: BlockComment) -> str:
    """Who wrote a comment and when ("Chef de cabinet, 05/01/2026 10:12")."""
    when = _when(comment.date)
    parts = [part for part in (comment.author, when) if part]
    return ", ".join(parts) if parts else _("Comment")


class BlockComments(QFrame):
    """A discreet list of a block's kept comments (author, date, text), each with ×."""

    removeRequest = Signal(int)  # the comment's index on the block

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blockComments")
        self.read_only = False
        self.comments: list[BlockComment] = []
        self.rows: list[tuple[QLabel, QToolButton]] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(18, 0, 0, 0)
        self.column.setSpacing(1)

    def show_comments(self, comments: list[BlockComment]) -> None:
        """Show ``comments``; the area hides when there are none."""
        if list(comments) == self.comments and self.rows:
            return
        self.comments = list(comments)
        while self.column.count():
            item = self.column.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        for index, comment in enumerate(self.comments):
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(4)
            label = QLabel(row)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setText(f"{comment_heading(comment)} — {comment.text}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shrink(label)
            tint(label, MUTED)
            remove = QToolButton(row)
            remove.setText("×")
            remove.setAutoRaise(True)
            remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            remove.setEnabled(not self.read_only)
            remove.clicked.connect(lambda _checked=False, i=index: self.removeRequest.emit(i))
            line.addWidget(label, 1)
            line.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
            self.column.addWidget(row)
            self.rows.append((label, remove))
        self.setVisible(bool(self.comments))
        self.retranslate()

    def set_read_only(self, read_only: bool) -> None:
        """Refuse removing comments."""
        self.read_only = read_only
        for _label, remove in self.rows:
            remove.setEnabled(not read_only)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.setAccessibleName(_("Comments kept on the block"))
        for (label, remove), comment in zip(self.rows, self.comments, strict=True):
            label.setAccessibleName(
                _("Comment by {who}: {text}").format(
                    who=comment_heading(comment), text=comment.text
                )
            )
            remove.setToolTip(_("Remove this comment from the note"))
            remove.setAccessibleName(_("Remove comment"))
