"""The composer: the note's details, its variables, and its sections of blocks, as one page."""

from __future__ import annotations

import time
from typing import Protocol

from app.docx.plan import PlanWarning
from app.language.i18n import _
from app.library.clauses import Library
from app.notes.editing import NoteSession
from app.notes.history import Change, Scope
from app.notes.note import Block, Note
from ui.panels.blockbase import BlockWidget
from ui.panels.blocks import FollowUpWidget, TextBlockWidget, widget_for
from ui.panels.clauseblocks import CopiedClauseWidget, LinkedClauseWidget
from ui.panels.lazyblocks import BlockPlaceholder, BlockWidgets, HeightGuess
from ui.panels.metadata import MetadataForm
from ui.panels.sections import SectionWidget
from ui.panels.variablesform import VariablesForm
from ui.qt import (
    QApplication,
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFrame,
    QLabel,
    QPalette,
    QPoint,
    QPushButton,
    QRect,
    QScrollArea,
    QSizePolicy,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.dragdrop import block_id as dragged_block_id
from ui.widgets.dragdrop import clause_ids as dragged_clause_ids
from ui.widgets.looks import ACCENT, MUTED, tint

#: A note with more blocks than this opens with the widgets of the blocks in view (and a
#: screen more) and makes the others in slices of the event loop.
EAGER_BLOCKS = 40
#: Longest run of block making in one turn of the event loop (seconds).
BUILD_SLICE = 0.016
#: Block making waits until the user has not typed in the note for this long (seconds).
TYPING_PAUSE = 0.35


class DocumentView(Protocol):
    """What the composer reads from the open note (see :class:`ui.document.NoteDocument`)."""

    session: NoteSession

    @property
    def note(self) -> Note: ...

    @property
    def read_only(self) -> bool: ...


class ComposerPage(QWidget):
    """The page inside the scroll area; it takes clauses and blocks dropped on it."""

    def __init__(self, composer: Composer) -> None:
        super().__init__()
        self.composer = composer
        self.setAcceptDrops(True)
        self.indicator = QFrame(self)
        self.indicator.setAutoFillBackground(True)
        palette = self.indicator.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(ACCENT))
        self.indicator.setPalette(palette)
        self.indicator.hide()

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        if self.composer.read_only:
            return False
        data = event.mimeData()
        return bool(dragged_clause_ids(data) or dragged_block_id(data))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
            self._show_target(
                event.position().toPoint(), bool(dragged_clause_ids(event.mimeData()))
            )
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
            self._show_target(
                event.position().toPoint(), bool(dragged_clause_ids(event.mimeData()))
            )
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.indicator.hide()
        self.composer.highlight_table("")

    def dropEvent(self, event: QDropEvent) -> None:
        self.indicator.hide()
        self.composer.highlight_table("")
        if not self._accepts(event):
            event.ignore()
            return
        event.acceptProposedAction()
        self.composer.drop(event.position().toPoint(), event.mimeData())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.composer.page_resized()

    def _show_target(self, position: QPoint, clauses: bool) -> None:
        target = self.composer.drop_target(position, clauses)
        if target.table:
            self.indicator.hide()
            self.composer.highlight_table(target.table)
            return
        self.composer.highlight_table("")
        thickness = max(2, self.fontMetrics().height() // 6)
        self.indicator.setGeometry(8, target.y - thickness // 2, self.width() - 16, thickness)
        self.indicator.show()
        self.indicator.raise_()


class DropTarget:
    """Where a drop lands: a section and an index, or a follow-up table (for clauses)."""

    def __init__(self, section_id: str = "", index: int = 0, y: int = 0, table: str = "") -> None:
        self.section_id = section_id
        self.index = index
        self.y = y
        self.table = table


class Composer(QScrollArea):
    """Edits one note; every change goes out as a request and comes back as a Change."""

    metadataRequest = Signal(str, object)
    localizedMetadataRequest = Signal(str, str, str)
    variableRequest = Signal(str, object)
    addSectionRequest = Signal()
    renameSectionRequest = Signal(str, dict)
    moveSectionByRequest = Signal(str, int)
    removeSectionRequest = Signal(str)
    insertTextRequest = Signal(str, int)
    insertFollowUpRequest = Signal(str, int)
    insertClausesAtRequest = Signal(list, str, int)  # clause ids, section id ("" none yet), index
    editTextRequest = Signal(str, str, object)  # block id, lang, RichText
    formatTextRequest = Signal(str, str, str, int, int)  # block id, lang, command, start, end
    moveBlockRequest = Signal(str, str, int)
    moveBlockByRequest = Signal(str, int)
    removeBlockRequest = Signal(str)
    editLocallyRequest = Signal(str)
    reviewUpdateRequest = Signal(str)  # block id of a linked clause with a newer revision
    addFollowUpRowRequest = Signal(str, str)
    editFollowUpRequest = Signal(str, int, str, str, str)
    removeFollowUpRowRequest = Signal(str, int)
    typingPausedRequest = Signal()
    saveAsClauseRequest = Signal(str)  # block id
    showInDeclarationRequest = Signal(str)  # block id of a clause taken from a source
    paraphraseRequest = Signal(str, bool)  # block id, present as a paraphrase (or quotation)
    removeCommentRequest = Signal(str, int)  # block id, index of a comment kept on it
    currentChanged = Signal()
    pendingChanged = Signal()  # a field still holds typed text the note has not, or no more
    statusRequest = Signal(str)  # something to say in the window's status bar

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.document: DocumentView | None = None
        self.read_only = False
        self.section_widgets: dict[str, SectionWidget] = {}
        # block id → widget; asking for a block still shown as a placeholder makes its widget
        self.block_widgets: BlockWidgets = BlockWidgets(self._make_on_demand)
        self.placeholders: dict[str, BlockPlaceholder] = {}
        self._lazy = False  # while a note opens: blocks past the first screens wait
        self._eager_room = 0  # the height still to fill with widgets while it opens
        self._height_guess: HeightGuess | None = None
        self._calibrations = 0  # slices that tried to learn the placeholders' heights
        self._last_edit = 0.0
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.timeout.connect(self._build_some)
        self.current_block = ""
        self.current_section = ""
        self.title_language = "fr"
        self._table_highlight = ""
        self._pending_reveal: tuple[QWidget, QRect] | None = None

        self.page = ComposerPage(self)
        self.metadata = MetadataForm(self.page)
        self.variables = VariablesForm(self.page)
        self.sections_box = QWidget(self.page)
        self.sections_layout = QVBoxLayout(self.sections_box)
        self.sections_layout.setContentsMargins(0, 0, 0, 0)
        self.sections_layout.setSpacing(10)
        self.empty_hint = QLabel(self.page)
        tint(self.empty_hint, MUTED)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_section = QPushButton(self.page)
        self.add_section.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        rule = QFrame(self.page)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(10, 8, 10, 16)
        layout.setSpacing(6)
        layout.addWidget(self.metadata)
        layout.addWidget(self.variables)
        layout.addWidget(rule)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.sections_box)
        layout.addWidget(self.add_section, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setWidget(self.page)
        self.setWidgetResizable(True)
        # Narrower than its page (a small window, 200% scaling), the note scrolls sideways
        # rather than hiding its right side (the Dutch column).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFrameShape(QFrame.Shape.NoFrame)

        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page's fields take the keyboard
        self.tab_before: QWidget | None = None  # the window's widget just before the note
        self.tab_after: QWidget | None = None  # and just after it
        self.tab_targets: list[QWidget] = []
        self._tab_timer = QTimer(self)
        self._tab_timer.setSingleShot(True)
        self._tab_timer.setInterval(0)
        self._tab_timer.timeout.connect(self.chain_tab_order)
        self.metadata.toggle.toggled.connect(lambda _shown: self._tab_timer.start())

        self._variables_timer = QTimer(self)
        self._variables_timer.setSingleShot(True)
        self._variables_timer.setInterval(300)
        self._variables_timer.timeout.connect(self._refresh_variables)

        self.metadata.metadataRequest.connect(self.metadataRequest)
        self.metadata.localizedMetadataRequest.connect(self.localizedMetadataRequest)
        self.metadata.typingPausedRequest.connect(self.typingPausedRequest)
        for field in self.metadata.dates.values():
            field.pendingChanged.connect(self.pendingChanged)
        self.variables.variableRequest.connect(self.variableRequest)
        self.variables.typingPausedRequest.connect(self.typingPausedRequest)
        self.add_section.clicked.connect(self.addSectionRequest)
        for typed in (self.editTextRequest, self.editFollowUpRequest):
            typed.connect(self._typed)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.retranslate()

    # --- the document -------------------------------------------------------------

    def set_document(self, document: DocumentView) -> None:
        """Show ``document``'s note from scratch."""
        self.document = document
        self.current_block = ""
        self.current_section = document.note.sections[0].id if document.note.sections else ""
        self.rebuild()

    def rebuild(self) -> None:
        """Recreate every widget from the note (a new note, or its language changed)."""
        document = self.document
        if document is None:
            return
        self.read_only = document.read_only
        for widget in (
            *self.block_widgets.values(),
            *self.placeholders.values(),
            *self.section_widgets.values(),
        ):
            widget.hide()
            widget.deleteLater()
        self.block_widgets.clear()
        self.placeholders, self.section_widgets = {}, {}
        self.metadata.set_note(document.note, self.read_only)
        self.add_section.setEnabled(not self.read_only)
        blocks = sum(len(s.blocks) for s in document.note.sections)
        self._lazy = blocks > EAGER_BLOCKS
        self._height_guess = HeightGuess(self.fontMetrics(), self._page_width())
        self._calibrations = 0
        # What is in view, and a screen more: the rest is made after the first paint.
        self._eager_room = 2 * max(self.viewport().height(), self.window().height(), 600)
        try:
            self._sync_sections(None)
        finally:
            self._lazy = False
        if self.placeholders:
            self._build_timer.start(0)
        self._variables_timer.start()  # after the first paint: it loads Babel

    def apply_change(self, change: Change) -> None:
        """Show what one edit changed, and nothing more."""
        document = self.document
        if document is None:
            return
        scope = change.scope
        if scope is Scope.NOTE or (scope is Scope.METADATA and change.field == "language"):
            self.rebuild()
        elif scope is Scope.METADATA:
            self.metadata.refresh_field(change.field)
            self._variables_timer.start()
        elif scope is Scope.VARIABLES:
            self.variables.refresh_values()
        elif scope is Scope.SECTIONS:
            self._sync_sections(None)
            if change.section_ids and change.section_ids[0] in self.section_widgets:
                self.current_section = change.section_ids[0]
                self._scroll_to(self.section_widgets[change.section_ids[0]])
        elif scope is Scope.BLOCKS:
            self._sync_sections(set(change.section_ids) or None)
            if change.block_id in self.block_widgets:
                self._set_current(change.block_id, self.block_widgets[change.block_id].section_id)
                self._scroll_to(self.block_widgets[change.block_id])
            self._variables_timer.start()
        elif scope is Scope.BLOCK:
            # A block still a placeholder is made from the note as it is when it is needed.
            widget = self.block_widgets.built(change.block_id)
            if widget is not None:
                try:
                    block = document.session.block(change.block_id)
                except KeyError:
                    return
                widget.refresh(block, document.note, self.library)
                if not widget.isAncestorOf(QApplication.focusWidget()):
                    self._scroll_to(widget)
            self._variables_timer.start()

    def _sync_sections(self, only: set[str] | None) -> None:
        note = self.document.note
        languages = note.language.languages
        ordered: list[SectionWidget] = []
        for section in note.sections:
            widget = self.section_widgets.get(section.id)
            fresh = widget is None
            if widget is None:
                widget = self._new_section(section.id)
            widget.show_section(section, languages)
            if fresh or only is None or section.id in only:
                widget.set_blocks(
                    [self._block_or_placeholder(b, note, widget) for b in section.blocks]
                )
            ordered.append(widget)
        current = [
            self.sections_layout.itemAt(i).widget() for i in range(self.sections_layout.count())
        ]
        if current != ordered:
            # removeWidget deletes the layout items (see SectionWidget.set_blocks).
            for index in reversed(range(self.sections_layout.count())):
                self.sections_layout.removeWidget(self.sections_layout.itemAt(index).widget())
            for widget in ordered:
                self.sections_layout.addWidget(widget)
                if widget.isHidden():
                    widget.show()
        alive_sections = {s.id for s in note.sections}
        for section_id in list(self.section_widgets):
            if section_id not in alive_sections:
                self.section_widgets.pop(section_id).deleteLater()
        alive_blocks = {block.id for _s, block in note.blocks()}
        for widgets in (self.block_widgets, self.placeholders):
            for block_id in list(widgets):
                if block_id not in alive_blocks:
                    widget = widgets.pop(block_id)
                    widget.hide()
                    widget.deleteLater()
        if (
            self.current_block not in self.block_widgets
            and self.current_block not in self.placeholders
        ):
            self.current_block = ""
        if self.current_section not in self.section_widgets:
            self.current_section = note.sections[0].id if note.sections else ""
        self.empty_hint.setVisible(not note.sections)
        self._tab_timer.start()

    def _new_section(self, section_id: str) -> SectionWidget:
        widget = SectionWidget(section_id, self.sections_box)
        widget.set_read_only(self.read_only)
        widget.renameRequest.connect(self.renameSectionRequest)
        widget.moveByRequest.connect(self.moveSectionByRequest)
        widget.removeRequest.connect(self.removeSectionRequest)
        widget.insertTextRequest.connect(self.insertTextRequest)
        widget.insertFollowUpRequest.connect(self.insertFollowUpRequest)
        widget.typingPausedRequest.connect(self.typingPausedRequest)
        self.section_widgets[section_id] = widget
        return widget

    def _block_or_placeholder(
        self, block: Block, note: Note, parent: QWidget
    ) -> BlockWidget | BlockPlaceholder:
        """The block's widget; while a long note opens, a placeholder past the first screens."""
        placeholder = self.placeholders.get(block.id)
        if placeholder is not None:
            return placeholder
        guess = self._height_guess
        if (
            self._lazy
            and guess is not None
            and self._eager_room <= 0
            and self.block_widgets.built(block.id) is None
            and block.id != self.current_block
        ):
            placeholder = BlockPlaceholder(block.id, guess.block(block, note, self.library), parent)
            self.placeholders[block.id] = placeholder
            return placeholder
        if self._lazy and guess is not None:
            self._eager_room -= guess.block(block, note, self.library) + guess.spacing
        return self._block_widget(block, note, parent)

    def _make_on_demand(self, block_id: str) -> BlockWidget | None:
        """Make the widget of a block shown as a placeholder, in its place (None: no such block)."""
        placeholder = self.placeholders.get(block_id)
        document = self.document
        if placeholder is None or document is None:
            return None
        section = self.section_widgets.get(placeholder.section_id)
        try:
            block = document.session.block(block_id)
        except KeyError:
            return None
        if section is None:
            return None
        widget = self._block_widget(block, document.note, section)
        section.replace_block(placeholder, widget)
        del self.placeholders[block_id]
        placeholder.hide()
        placeholder.deleteLater()
        if not self.placeholders:
            self._tab_timer.start()
        return widget

    def _typed(self, *_args) -> None:
        self._last_edit = time.monotonic()

    def building(self) -> bool:
        """Whether some blocks are still placeholders, their widgets to be made."""
        return bool(self.placeholders)

    def built_block_ids(self) -> list[str]:
        """The blocks whose widgets are made (the others are placeholders for now)."""
        return list(dict.keys(self.block_widgets))

    def _page_width(self) -> int:
        return max(self.viewport().width(), self.page.width()) - 20

    def _build_some(self) -> None:
        """Make some placeholders' widgets, those in view first, for at most one slice."""
        if not self.placeholders or self.document is None:
            return
        waited = time.monotonic() - self._last_edit
        if waited < TYPING_PAUSE:  # the keyboard first: go on when the typing pauses
            self._build_timer.start(int((TYPING_PAUSE - waited) * 1000) + 1)
            return
        self._calibrate()
        deadline = time.perf_counter() + BUILD_SLICE
        for block_id in self._build_order():
            self.block_widgets.get(block_id)
            if time.perf_counter() >= deadline:
                break
        if self.placeholders:
            self._build_timer.start(0)

    def _build_order(self) -> list[str]:
        """The placeholders in view, then the others in the note's order."""
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        seen, later = [], []
        for block_id, placeholder in self.placeholders.items():
            y = placeholder.mapTo(self.page, QPoint(0, 0)).y()
            (seen if y < bottom and y + placeholder.height() > top else later).append(block_id)
        return seen + later

    def _calibrate(self) -> None:
        """Learn the placeholders' heights from a free-text block laid out on the page."""
        guess = self._height_guess
        if guess is None or self._calibrations >= 4 or not self.isVisible():
            return
        self._calibrations += 1
        for _pass in range(2):  # the page, then the editors grown to their text at its width
            self.page.layout().activate()
        for widget in dict.values(self.block_widgets):
            if isinstance(widget, TextBlockWidget) and widget.isVisible():
                editors = widget.editors.editors
                editor = next(iter(editors.values()), None)
                if editor is not None:
                    margin = 2 * int(editor.document().documentMargin())
                    width = editor.viewport().width() - margin
                    margins = margin + 2 * editor.frameWidth()
                    guess.calibrate(widget.height(), editor.height(), margins, width * len(editors))
                    break
        else:
            return
        self._calibrations = 4  # once per note
        note = self.document.note
        for _section, block in note.blocks():
            placeholder = self.placeholders.get(block.id)
            if placeholder is not None:
                placeholder.setFixedHeight(guess.block(block, note, self.library))

    def _block_widget(self, block: Block, note: Note, parent: QWidget) -> BlockWidget:
        widget = self.block_widgets.built(block.id)
        if widget is not None and widget.kind is type(block):
            return widget
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        widget = widget_for(block, parent)
        widget.title_language = self.title_language
        widget.set_read_only(self.read_only)
        widget.moveByRequest.connect(self.moveBlockByRequest)
        widget.removeRequest.connect(self.removeBlockRequest)
        widget.editLocallyRequest.connect(self.editLocallyRequest)
        widget.editTextRequest.connect(self.editTextRequest)
        widget.formatTextRequest.connect(self.formatTextRequest)
        widget.typingPausedRequest.connect(self.typingPausedRequest)
        widget.saveAsClauseRequest.connect(self.saveAsClauseRequest)
        widget.showInDeclarationRequest.connect(self.showInDeclarationRequest)
        widget.paraphraseRequest.connect(self.paraphraseRequest)
        widget.removeCommentRequest.connect(self.removeCommentRequest)
        if isinstance(widget, LinkedClauseWidget):
            widget.reviewUpdateRequest.connect(self.reviewUpdateRequest)
        if isinstance(widget, FollowUpWidget):
            widget.addRowRequest.connect(self.addFollowUpRowRequest)
            widget.editCellRequest.connect(self.editFollowUpRequest)
            widget.removeRowRequest.connect(self.removeFollowUpRowRequest)
            widget.revealRequest.connect(lambda rect, widget=widget: self.reveal(widget, rect))
            widget.pendingChanged.connect(self.pendingChanged)
            widget.statusRequest.connect(self.statusRequest)
        widget.refresh(block, note, self.library)
        widget.set_current(block.id == self.current_block)
        self.block_widgets[block.id] = widget
        return widget

    def set_title_language(self, lang: str) -> None:
        """Show clause titles in ``lang`` (the interface's, when the note has both languages)."""
        if lang == self.title_language:
            return
        self.title_language = lang
        self.metadata.display_language = lang
        self.metadata.refresh_field("subject")
        document = self.document
        for block_id, widget in self.block_widgets.items():
            widget.title_language = lang
            if document is not None and isinstance(widget, LinkedClauseWidget | CopiedClauseWidget):
                widget.refresh(document.session.block(block_id), document.note, self.library)

    def set_library(self, library: Library) -> None:
        """Show the clauses of ``library`` (after a library action or a reload)."""
        self.library = library
        document = self.document
        if document is None:
            return
        for block_id, widget in self.block_widgets.items():
            try:
                block = document.session.block(block_id)
            except KeyError:
                continue
            widget.refresh(block, document.note, library)
        self._variables_timer.start()

    def _refresh_variables(self) -> None:
        document = self.document
        if document is None:
            return
        names = document.session.variable_names(self.library)
        before = self.variables.focus_targets()
        self.variables.library = self.library
        self.variables.set_note(document.note, names, self.read_only)
        if self.variables.focus_targets() != before:
            self._tab_timer.start()

    def chain_tab_order(self) -> None:
        """Make Tab follow the page as it reads: details, variables, then each section and block."""
        self._tab_timer.stop()
        targets = self.metadata.focus_targets() + self.variables.focus_targets()
        if self.document is not None:
            for section in self.document.note.sections:
                widget = self.section_widgets.get(section.id)
                if widget is not None:
                    targets.extend(widget.focus_targets())
        targets.append(self.add_section)
        chain = [w for w in (self.tab_before, *targets, self.tab_after) if w is not None]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.tab_targets = targets

    # --- where things go ----------------------------------------------------------------

    def insertion_point(self) -> tuple[str, int | None]:
        """Where an inserted clause goes: after the current block, else at the end of the current section."""
        document = self.document
        if document is None or not document.note.sections:
            return "", None
        if self.current_block:
            try:
                section, index = document.session.locate(self.current_block)
                return section.id, index + 1
            except KeyError:
                pass
        return self.current_section or document.note.sections[0].id, None

    def current_block_id(self) -> str:
        """The block that has (or last had) the keyboard focus."""
        return self.current_block

    def current_section_id(self) -> str:
        """The section that has (or last had) the keyboard focus."""
        return self.current_section

    def set_current_section(self, section_id: str) -> None:
        """Send the next insertions to the end of ``section_id``."""
        if section_id in self.section_widgets:
            self._set_current("", section_id)

    def focus_block(self, block_id: str) -> None:
        """Put the keyboard focus in a block (its editor, if it has one)."""
        widget = self.block_widgets.get(block_id)
        if widget is not None:
            self._set_current(block_id, widget.section_id)
            widget.focus_editor()
            self._scroll_to(widget)

    def focus_section_title(self, section_id: str) -> None:
        """Put the cursor in a section's title."""
        widget = self.section_widgets.get(section_id)
        if widget is not None:
            self._set_current("", section_id)
            widget.focus_title()
            self._scroll_to(widget)

    def go_to(self, warning: PlanWarning) -> bool:
        """Put the keyboard where a pre-export warning points; False when that place is gone.

        A table cell (in the warning's language), a block's text in that language, a
        variable, a detail of the note, or a section's title.
        """
        lang = warning.lang
        block = self.block_widgets.get(warning.block_id)
        if block is not None:
            self._set_current(block.block_id, block.section_id)
            if warning.row >= 0 and isinstance(block, FollowUpWidget):
                block.focus_cell(warning.row, warning.column, lang)
            else:
                block.focus_language(lang)
                self._scroll_to(block)
            return True
        if warning.variable:
            edits = self.variables.edits.get(warning.variable, {})
            return self._focus_field(edits.get(lang) or next(iter(edits.values()), None))
        if warning.field:
            self.metadata.toggle.setChecked(True)
            localized = self.metadata.localized.get(warning.field)
            if localized is not None:
                edit = localized.edits.get(lang) or next(iter(localized.edits.values()), None)
            else:
                date = self.metadata.dates.get(warning.field)
                edit = date.edit if date is not None else self.metadata.texts.get(warning.field)
            return self._focus_field(edit)
        section = self.section_widgets.get(warning.section_id)
        if section is not None:
            self._set_current("", section.section_id)
            edit = section.title_edits.get(lang)
            if edit is not None:
                self._focus_field(edit)
            else:
                section.focus_title()
                self._scroll_to(section)
            return True
        return False

    def _focus_field(self, edit: QWidget | None) -> bool:
        if edit is None:
            return False
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll_to(edit)
        return True

    def focus_note(self) -> None:
        """Give the keyboard to the note: the current block, else the subject."""
        if self.current_block in self.block_widgets:
            self.focus_block(self.current_block)
        else:
            self.metadata.focus_first()

    def _set_current(self, block_id: str, section_id: str) -> None:
        if block_id != self.current_block:
            old = self.block_widgets.built(self.current_block)
            if old is not None:
                old.set_current(False)
            new = self.block_widgets.get(block_id)
            if new is not None:
                new.set_current(True)
            self.current_block = block_id
        changed = section_id != self.current_section
        self.current_section = section_id
        if changed or block_id:
            self.currentChanged.emit()

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        widget = now
        while widget is not None and widget is not self:
            if isinstance(widget, BlockWidget) and widget.block_id in self.block_widgets:
                self._set_current(widget.block_id, widget.section_id)
                return
            if isinstance(widget, SectionWidget) and widget.section_id in self.section_widgets:
                self._set_current("", widget.section_id)
                return
            widget = widget.parentWidget()

    def _scroll_to(self, widget: QWidget) -> None:
        QTimer.singleShot(0, lambda: self._ensure_visible(widget))

    def reveal(self, widget: QWidget, rect: QRect) -> None:
        """Scroll so that ``rect`` (in ``widget``'s coordinates) shows, once the page is laid out.

        A table that just grew a row has not grown on the page yet: the scroll is tried
        after this turn of the event loop and again each time the page grows, until the
        page holds the rectangle.
        """
        self._pending_reveal = (widget, QRect(rect))
        QTimer.singleShot(0, self._reveal_pending)

    def _reveal_pending(self) -> None:
        if self._pending_reveal is not None and self._reveal_now(*self._pending_reveal):
            self._pending_reveal = None

    def page_resized(self) -> None:
        """The page took a new size: finish a scroll asked for meanwhile."""
        self._reveal_pending()

    def _reveal_now(self, widget: QWidget, rect: QRect) -> bool:
        """Scroll to ``rect``; True when the page holds it (or it went away), so it is done."""
        try:
            if not widget.isVisible():
                return True
            top_left = widget.mapTo(self.page, rect.topLeft())
        except RuntimeError:  # deleted meanwhile
            return True
        target = QRect(top_left, rect.size())
        centre = target.center()
        self.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + 8, rect.height() // 2 + 24)
        return self.page.rect().contains(target)

    def _ensure_visible(self, widget: QWidget) -> None:
        try:
            if widget.isVisible():
                across = self.horizontalScrollBar().value()
                self.ensureWidgetVisible(widget, 0, 24)
                if widget.width() >= self.viewport().width():
                    # A block as wide as the page: only its height matters; the note does
                    # not jump sideways when it is wider than the pane.
                    self.horizontalScrollBar().setValue(across)
        except RuntimeError:  # deleted meanwhile
            pass

    # --- drag and drop ------------------------------------------------------------------

    def drop_target(self, position: QPoint, clauses: bool) -> DropTarget:
        """The section and index a drop at ``position`` (page coordinates) lands on."""
        sections = [
            self.section_widgets[s.id]
            for s in self.document.note.sections
            if s.id in self.section_widgets
        ]
        if not sections:
            return DropTarget("", 0, self.empty_hint.geometry().center().y())
        chosen = sections[0]
        for widget in sections:
            if widget.mapTo(self.page, QPoint(0, 0)).y() <= position.y():
                chosen = widget
        top = chosen.mapTo(self.page, QPoint(0, 0)).y()
        area = chosen.block_area.geometry()
        spacing = chosen.block_area.spacing()
        for index, block in enumerate(chosen.blocks):
            block_top = block.mapTo(self.page, QPoint(0, 0)).y()
            height = block.height()
            if clauses and isinstance(block, FollowUpWidget):
                if block_top + height * 0.25 <= position.y() <= block_top + height * 0.75:
                    return DropTarget(chosen.section_id, index, block_top, table=block.block_id)
            if position.y() < block_top + height / 2:
                return DropTarget(chosen.section_id, index, block_top - spacing // 2)
        if chosen.blocks:
            last = chosen.blocks[-1]
            y = last.mapTo(self.page, QPoint(0, 0)).y() + last.height() + spacing // 2
        else:
            y = top + area.top() + 2
        return DropTarget(chosen.section_id, len(chosen.blocks), y)

    def drop(self, position: QPoint, data) -> None:
        """Act on a drop: insert the clauses or move the block to where it fell."""
        ids = dragged_clause_ids(data)
        target = self.drop_target(position, bool(ids))
        if ids:
            if target.table:
                for clause_id in ids:
                    self.addFollowUpRowRequest.emit(target.table, clause_id)
            else:
                self.insertClausesAtRequest.emit(ids, target.section_id, target.index)
            return
        moved = dragged_block_id(data)
        if moved and target.section_id:
            section, index = self.document.session.locate(moved)
            new_index = target.index
            if section.id == target.section_id and index < new_index:
                new_index -= 1  # the block leaves its old place first
            if section.id != target.section_id or index != new_index:
                self.moveBlockRequest.emit(moved, target.section_id, new_index)

    def highlight_table(self, block_id: str) -> None:
        """Show that a drop would add rows to the follow-up table ``block_id``."""
        if block_id == self._table_highlight:
            return
        for candidate in (self._table_highlight, block_id):
            widget = self.block_widgets.built(candidate)
            if widget is not None:
                widget.set_current(candidate == block_id or candidate == self.current_block)
        self._table_highlight = block_id

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.setAccessibleName(_("Note"))
        self.add_section.setText(_("Add section"))
        self.add_section.setToolTip(_("Add a section after the current one (Ctrl+Shift+N)"))
        self.add_section.setAccessibleName(_("Add section"))
        self.empty_hint.setText(
            _("This note has no section yet. Add one, or drop a clause from the library here.")
        )
        self.metadata.retranslate()
        self.variables.retranslate()
        for widget in self.section_widgets.values():
            widget.retranslate()
        for widget in self.block_widgets.values():
            widget.retranslate()
