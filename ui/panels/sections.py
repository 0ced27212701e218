"""A section of the note: its title per language, its blocks, and the buttons that add blocks."""

from __future__ import annotations

from app.language.codes import Localized
from app.language.i18n import _
from app.notes.note import Section
from ui.labels import language_code
from ui.panels.blockbase import BlockWidget, standard_icon
from ui.qt import (
    QBoxLayout,
    QFont,
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QStyle,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.spellcheck import watch
from ui.widgets.textedit import FieldEdit


class SectionWidget(QFrame):
    """A titled part of the note holding its block widgets in order."""

    renameRequest = Signal(str, dict)  # section id, title per language
    moveByRequest = Signal(str, int)
    removeRequest = Signal(str)
    insertTextRequest = Signal(str, int)  # section id, index (-1: at the end)
    insertFollowUpRequest = Signal(str, int)
    typingPausedRequest = Signal()

    def __init__(self, section_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section_id = section_id
        self.setObjectName("section")
        self.read_only = False
        self.title: Localized = {}
        self.title_edits: dict[str, FieldEdit] = {}
        self.blocks: list[BlockWidget] = []
        self.titles = QHBoxLayout()
        self.titles.setSpacing(6)
        self.up = self._tool(QStyle.StandardPixmap.SP_ArrowUp)
        self.down = self._tool(QStyle.StandardPixmap.SP_ArrowDown)
        self.delete = self._tool(QStyle.StandardPixmap.SP_TrashIcon)
        self.up.clicked.connect(lambda: self.moveByRequest.emit(self.section_id, -1))
        self.down.clicked.connect(lambda: self.moveByRequest.emit(self.section_id, 1))
        self.delete.clicked.connect(lambda: self.removeRequest.emit(self.section_id))
        header = QHBoxLayout()
        header.setSpacing(4)
        header.addLayout(self.titles, 1)
        header.addWidget(self.up)
        header.addWidget(self.down)
        header.addWidget(self.delete)
        self.block_area = QVBoxLayout()
        self.block_area.setContentsMargins(0, 0, 0, 0)
        self.block_area.setSpacing(6)
        self.add_text = QToolButton(self)
        self.add_table = QToolButton(self)
        for button in (self.add_text, self.add_table):
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+T and Ctrl+Shift+T by keyboard
        self.add_text.clicked.connect(lambda: self.insertTextRequest.emit(self.section_id, -1))
        self.add_table.clicked.connect(lambda: self.insertFollowUpRequest.emit(self.section_id, -1))
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(self.add_text)
        footer.addWidget(self.add_table)
        footer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 2)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addLayout(self.block_area)
        layout.addLayout(footer)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def _tool(self, icon: QStyle.StandardPixmap) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(standard_icon(self.style(), icon))
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Shift+arrows by keyboard
        return button

    # --- content --------------------------------------------------------------------

    def show_section(self, section: Section, languages: tuple[str, ...]) -> None:
        """Show the section's title in each of ``languages``."""
        self.title = dict(section.title)
        if tuple(self.title_edits) != languages:
            for edit in self.title_edits.values():
                edit.deleteLater()
            self.title_edits = {}
            font = QFont(self.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)  # a heading, as in the document
            for lang in languages:
                edit = FieldEdit(self)
                edit.setObjectName("sectionTitle")
                edit.setFont(font)
                edit.textEdited.connect(lambda text, lang=lang: self._renamed(lang, text))
                watch(edit, lang)
                edit.focusLeft.connect(self.typingPausedRequest)
                edit.setReadOnly(self.read_only)
                self.titles.addWidget(edit, 1)
                self.title_edits[lang] = edit
            self.retranslate()
        for lang, edit in self.title_edits.items():
            edit.set_text(self.title.get(lang, ""))
            edit.setToolTip(edit.text())
        self._arrange_titles()

    def _arrange_titles(self) -> None:
        """Put the titles side by side when each fits its half, else one above the other."""
        edits = list(self.title_edits.values())
        if len(edits) < 2:
            return
        buttons = sum(b.sizeHint().width() + self.titles.spacing() for b in self._buttons())
        room = (self.width() - buttons) // len(edits) - self.titles.spacing()
        needed = max(
            edit.fontMetrics().horizontalAdvance(edit.text() or edit.placeholderText())
            + edit.fontMetrics().averageCharWidth() * 3  # frame and text margins
            for edit in edits
        )
        direction = (
            QBoxLayout.Direction.LeftToRight if needed <= room else QBoxLayout.Direction.TopToBottom
        )
        if self.titles.direction() != direction:
            self.titles.setDirection(direction)

    def _buttons(self) -> tuple[QToolButton, ...]:
        return (self.up, self.down, self.delete)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._arrange_titles()

    def set_blocks(self, widgets: list[BlockWidget]) -> None:
        """Lay out ``widgets`` in this order (they may come from another section)."""
        if widgets == self.blocks:
            return
        # removeWidget deletes each layout item: an item left alive (takeAt's, which Python
        # may keep) would keep the block's size cache stale after its height changes.
        for index in reversed(range(self.block_area.count())):
            self.block_area.removeWidget(self.block_area.itemAt(index).widget())
        shown = self.isVisible()
        for widget in widgets:
            if widget.parentWidget() is not self:
                widget.setParent(self)  # hides it: shown again below
            widget.section_id = self.section_id
            self.block_area.addWidget(widget)
            if shown and widget.isHidden():
                widget.show()
        self.blocks = list(widgets)

    def replace_block(self, old: QWidget, new: BlockWidget) -> None:
        """Put ``new`` where ``old`` is (a block's widget in place of its placeholder)."""
        index = self.blocks.index(old)
        if new.parentWidget() is not self:
            new.setParent(self)
        new.section_id = self.section_id
        # Where the placeholder is, not at the section's top left: shown there first, it
        # would have the blocks in view painted again.
        new.setGeometry(old.geometry())
        self.block_area.insertWidget(index, new)
        self.block_area.removeWidget(old)
        self.blocks[index] = new
        if self.isVisible() and new.isHidden():
            new.show()

    def set_read_only(self, read_only: bool) -> None:
        """Refuse edits."""
        self.read_only = read_only
        for edit in self.title_edits.values():
            edit.setReadOnly(read_only)
        for button in (self.up, self.down, self.delete, self.add_text, self.add_table):
            button.setEnabled(not read_only)

    def focus_targets(self) -> list[QWidget]:
        """The title's stops for the Tab key, then the blocks'."""
        targets: list[QWidget] = list(self.title_edits.values())
        for block in self.blocks:
            targets.extend(block.focus_targets())
        return targets

    def focus_title(self) -> None:
        """Put the cursor in the title (to rename the section)."""
        edit = next(iter(self.title_edits.values()), None)
        if edit is not None:
            edit.setFocus(Qt.FocusReason.OtherFocusReason)
            edit.selectAll()

    def _renamed(self, lang: str, text: str) -> None:
        title = dict(self.title)
        if text:
            title[lang] = text
        else:
            title.pop(lang, None)
        self.title = title
        edit = self.title_edits.get(lang)
        if edit is not None:
            edit.setToolTip(text)
        self._arrange_titles()
        self.renameRequest.emit(self.section_id, title)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        several = len(self.title_edits) > 1
        for lang, edit in self.title_edits.items():
            code = language_code(lang)
            name = _("Section title")
            edit.setAccessibleName(f"{name} ({code})" if several else name)
            edit.setPlaceholderText(f"{name} ({code})" if several else name)
        self.up.setToolTip(_("Move the section up (Alt+Shift+Up)"))
        self.up.setAccessibleName(_("Move section up"))
        self.down.setToolTip(_("Move the section down (Alt+Shift+Down)"))
        self.down.setAccessibleName(_("Move section down"))
        self.delete.setToolTip(_("Delete the section and its blocks"))
        self.delete.setAccessibleName(_("Delete section"))
        self.add_text.setText(_("+ Text"))
        self.add_text.setToolTip(_("Add a text block at the end of the section (Ctrl+T)"))
        self.add_text.setAccessibleName(_("Add a text block"))
        self.add_table.setText(_("+ Follow-up table"))
        self.add_table.setToolTip(_("Add a follow-up table at the end of the section"))
        self.add_table.setAccessibleName(_("Add a follow-up table"))
