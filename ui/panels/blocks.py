"""The blocks of a note as widgets: free text, linked and copied clauses, follow-up tables."""

from __future__ import annotations

from app.language.i18n import _
from app.library.clauses import Library
from app.notes.note import Block, CopiedClause, FollowUpTable, LinkedClause, Note, TextBlock
from ui.panels.blockbase import BlockWidget
from ui.panels.clauseblocks import CopiedClauseWidget, LinkedClauseWidget
from ui.panels.followup import FollowUpEditor
from ui.qt import QRect, Qt, QWidget, Signal
from ui.widgets.looks import MUTED, tint


class TextBlockWidget(BlockWidget):
    """Free text in each of the note's languages."""

    offers_save_as_clause = True

    kind = TextBlock

    def __init__(self, block_id: str, parent: QWidget | None = None) -> None:
        super().__init__(block_id, parent)
        self.editors = self._language_editors()
        self.heading.setFont(self.font())  # free text: a quiet label, the text speaks
        tint(self.heading, MUTED)
        self.retranslate()

    def refresh(self, block: Block, note: Note, library: Library) -> None:
        assert isinstance(block, TextBlock)
        self.show_comments(block)
        self.editors.set_languages(note.language.languages)
        self.editors.set_texts(block.text)
        self.editors.set_read_only(self.read_only)

    def focus_editor(self) -> None:
        editor = next(iter(self.editors.editors.values()), None)
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            super().focus_editor()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.editors.set_read_only(read_only)

    def focus_targets(self) -> list[QWidget]:
        return list(self.editors.editors.values())

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(_("Text"))
        self.setAccessibleName(_("Text block"))
        self.editors.retranslate(_("Text"))


class FollowUpWidget(BlockWidget):
    """A follow-up table: commitment, state of play, lead service, deadline."""

    kind = FollowUpTable
    addRowRequest = Signal(str, str)  # block id, clause id ("" for an empty row)
    editCellRequest = Signal(str, int, str, str, str)  # block id, row, column, lang, text
    removeRowRequest = Signal(str, int)
    revealRequest = Signal(QRect)  # a part of the block to scroll into view (the current cell)
    pendingChanged = Signal()  # a cell being typed in holds text the note has not, or no more
    statusRequest = Signal(str)  # something to say in the window's status bar

    def __init__(self, block_id: str, parent: QWidget | None = None) -> None:
        super().__init__(block_id, parent)
        self.editor = FollowUpEditor(self)
        self.editor.addRowRequest.connect(lambda: self.addRowRequest.emit(self.block_id, ""))
        self.editor.editCellRequest.connect(
            lambda row, column, lang, text: self.editCellRequest.emit(
                self.block_id, row, column, lang, text
            )
        )
        self.editor.removeRowRequest.connect(
            lambda row: self.removeRowRequest.emit(self.block_id, row)
        )
        self.editor.revealRequest.connect(
            lambda rect: self.revealRequest.emit(rect.translated(self.editor.pos()))
        )
        # The section keeps the block's height for its width: say at once that it changed.
        self.editor.heightChanged.connect(self.updateGeometry)
        self.editor.pendingChanged.connect(self.pendingChanged)
        self.editor.statusRequest.connect(self.statusRequest)
        self.body.addWidget(self.editor)
        self.retranslate()

    def refresh(self, block: Block, note: Note, library: Library) -> None:
        assert isinstance(block, FollowUpTable)
        self.show_comments(block)
        self.editor.show_table(block, note.language.languages, library)

    def focus_editor(self) -> None:
        self.editor.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_cell(self, row: int, column: str, lang: str = "") -> None:
        """Put the keyboard in one cell of the table."""
        self.editor.focus_cell(row, column, lang)

    def focus_targets(self) -> list[QWidget]:
        return [self.editor.table, self.editor.add_button, self.editor.remove_button]

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.editor.set_read_only(read_only)

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(_("Follow-up table"))
        self.setAccessibleName(_("Follow-up table"))
        self.editor.retranslate()


WIDGETS: dict[type, type[BlockWidget]] = {
    TextBlock: TextBlockWidget,
    LinkedClause: LinkedClauseWidget,
    CopiedClause: CopiedClauseWidget,
    FollowUpTable: FollowUpWidget,
}


def widget_for(block: Block, parent: QWidget | None = None) -> BlockWidget:
    """A new widget showing ``block``'s kind."""
    return WIDGETS[type(block)](block.id, parent)
