"""What every block of the note shows as a widget: its frame and grip, its toolbar, its editors per language."""

from __future__ import annotations

from app.language.i18n import _
from app.library.clauses import Library
from app.notes.note import Block, Note, TextBlock
from app.text.richtext import RichText, coerce
from ui.labels import language_code, status_summary
from ui.panels.quotemark import QuoteMark
from ui.qt import (
    QContextMenuEvent,
    QDrag,
    QFrame,
    QHBoxLayout,
    QIcon,
    QLabel,
    QMenu,
    QMouseEvent,
    QPoint,
    QSizePolicy,
    QStyle,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.spellcheck import watch
from ui.widgets.dragdrop import block_mime
from ui.widgets.formattededit import FormattedTextEdit
from ui.widgets.icons import grip_icon, status_icon
from ui.widgets.looks import MUTED, Tag, embolden, paint_card, shrink, tint

_standard_icons: dict[QStyle.StandardPixmap, QIcon] = {}


def standard_icon(style: QStyle, which: QStyle.StandardPixmap) -> QIcon:
    """One of the style's icons, looked up once."""
    if which not in _standard_icons:
        _standard_icons[which] = style.standardIcon(which)
    return _standard_icons[which]


class OnceButton(QToolButton):
    """A tool button that a double click presses once: the second click of a hurried double
    click on a block's × (or arrow) would otherwise press the next block's, now under the mouse."""

    def mouseDoubleClickEvent(self, event) -> None:
        event.accept()  # the first click acted; the second is no click of this button


class Grip(QToolButton):
    """The handle that drags a block to another place in the note."""

    def __init__(self, block: BlockWidget) -> None:
        super().__init__(block)
        self.block = block
        self.setIcon(grip_icon())
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard moves blocks with Alt+arrows
        self._pressed: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is None or self.block.read_only:
            return
        distance = (event.position().toPoint() - self._pressed).manhattanLength()
        if distance < 8:
            return
        self._pressed = None
        self.setDown(False)
        drag = QDrag(self)
        drag.setMimeData(block_mime(self.block.block_id))
        drag.setPixmap(self.block.grab().scaledToWidth(min(320, self.block.width())))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._pressed = None
        super().mouseReleaseEvent(event)


class ClauseText(QLabel):
    """Read-only clause text that wraps and is always as tall as its text at its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 10)

    def show_text(self, text: str) -> None:
        """Show ``text`` (the block's height follows it: see BlockWidget's size policy)."""
        self.setText(text)


class LanguageEditors(QWidget):
    """One growing editor per note language, side by side (French left, Dutch right)."""

    edited = Signal(str, object)  # lang, RichText
    formatRequest = Signal(str, str, int, int)  # lang, command, start, end
    focusLeft = Signal()
    typingPaused = Signal()  # around a paste: it is an undo step of its own

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, FormattedTextEdit] = {}
        self.tags: dict[str, QLabel] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._name = ""

    def set_languages(self, languages: tuple[str, ...]) -> None:
        """Show one editor per language."""
        if tuple(self.editors) == languages:
            return
        for widget in (*self.editors.values(), *self.tags.values()):
            widget.deleteLater()
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is None and item.layout() is not None:
                item.layout().deleteLater()
        self.editors, self.tags = {}, {}
        for lang in languages:
            column = QVBoxLayout()
            column.setSpacing(1)
            if len(languages) > 1:
                tag = QLabel(language_code(lang), self)
                tint(tag, MUTED)
                shrink(tag)
                self.tags[lang] = tag
                column.addWidget(tag)
            editor = FormattedTextEdit(self)
            editor.textEdited.connect(lambda text, lang=lang: self.edited.emit(lang, text))
            editor.formatRequest.connect(
                lambda command, start, end, lang=lang: self.formatRequest.emit(
                    lang, command, start, end
                )
            )
            editor.pasteBoundary.connect(self.typingPaused)
            editor.focusLeft.connect(self.focusLeft)
            watch(editor, lang)  # spell-check as you type, in the column's language
            column.addWidget(editor)
            column.addStretch(1)  # a shorter text stays at the top, beside the other's start
            self._layout.addLayout(column, 1)
            self.editors[lang] = editor
        self.setFocusProxy(self.editors[languages[0]])
        self.retranslate(self._name)

    def set_texts(self, texts: dict[str, RichText]) -> None:
        """Show each language's formatted text (without announcing edits)."""
        for lang, editor in self.editors.items():
            editor.set_rich(coerce(texts.get(lang)))

    def set_read_only(self, read_only: bool) -> None:
        """Refuse edits."""
        for editor in self.editors.values():
            editor.setReadOnly(read_only)

    def retranslate(self, name: str) -> None:
        """Name the editors: "Text (FR)"."""
        self._name = name
        for lang, editor in self.editors.items():
            code = language_code(lang)
            editor.setAccessibleName(f"{name} ({code})" if len(self.editors) > 1 else name)
            editor.setPlaceholderText(
                _("Write here. A line starting with “- ” is a bullet.")
                if lang == next(iter(self.editors))
                else _("Translation ({code})").format(code=code)
            )


class BlockWidget(QFrame):
    """The frame every block shares: a grip, a title, and the buttons that move or delete it."""

    moveByRequest = Signal(str, int)  # block id, -1 or +1
    removeRequest = Signal(str)
    editLocallyRequest = Signal(str)
    editTextRequest = Signal(str, str, object)  # block id, lang, RichText
    formatTextRequest = Signal(str, str, str, int, int)  # block id, lang, command, start, end
    typingPausedRequest = Signal()
    saveAsClauseRequest = Signal(str)  # block id
    showInDeclarationRequest = Signal(str)  # block id of a clause taken from a source
    paraphraseRequest = Signal(str, bool)  # block id, present as a paraphrase (or a quotation)
    removeCommentRequest = Signal(str, int)  # block id, the index of a comment kept on it
    #: What the block's context menu offers: Edit Clause Locally (a linked clause), Save
    #: Block as Clause (a text the note owns: free text, a copied clause).
    offers_local_edit = False
    offers_save_as_clause = False

    kind: type = TextBlock
    comments_area = None  # the comments kept on the block, made when it first has one
    quote_mark: QuoteMark | None = None  # clauses: whether they quote their source
    title_language = ""  # the language clause titles are shown in (the composer sets it)

    def __init__(self, block_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.block_id = block_id
        self.section_id = ""
        self.read_only = False
        self.current = False
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Preferred, not Maximum: the block's height follows its text at the width it
        # gets (height for width), which may be more than its size hint.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

        self.grip = Grip(self)
        self.heading = QLabel(self)
        embolden(self.heading)
        tint(self.heading, "#333333")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setMinimumWidth(self.fontMetrics().averageCharWidth() * 10)
        self.tag = Tag(self)
        self.tag.hide()
        self.badges = QHBoxLayout()
        self.badges.setSpacing(2)
        # Move and delete buttons appear on the block under the mouse or the cursor; they
        # are made on first need, which keeps a long note quick to open.
        self.up: QToolButton | None = None
        self.down: QToolButton | None = None
        self.delete: QToolButton | None = None

        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.setSpacing(4)
        self.header.addWidget(self.grip)
        self.header.addWidget(self.heading, 1)
        self.header.addWidget(self.tag)
        self.header.addLayout(self.badges)
        self.extra_buttons = QHBoxLayout()
        self.header.addLayout(self.extra_buttons)
        self.tools = QHBoxLayout()
        self.tools.setSpacing(0)
        self.header.addLayout(self.tools)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 6)
        layout.setSpacing(3)
        layout.addLayout(self.header)
        layout.addLayout(self.body)

    def _language_editors(self) -> LanguageEditors:
        """Editors for the block's text in each language, wired to the edit requests."""
        editors = LanguageEditors(self)
        editors.edited.connect(
            lambda lang, text: self.editTextRequest.emit(self.block_id, lang, text)
        )
        editors.formatRequest.connect(
            lambda lang, command, start, end: self.formatTextRequest.emit(
                self.block_id, lang, command, start, end
            )
        )
        editors.focusLeft.connect(self.typingPausedRequest)
        editors.typingPaused.connect(self.typingPausedRequest)
        self.body.addWidget(editors)
        return editors

    def _quote_mark(self) -> QuoteMark:
        """The line that says whether the clause quotes its source, wired to the requests."""
        mark = QuoteMark(self)
        mark.showRequest.connect(lambda: self.showInDeclarationRequest.emit(self.block_id))
        mark.paraphraseRequest.connect(
            lambda paraphrase: self.paraphraseRequest.emit(self.block_id, paraphrase)
        )
        self.body.addWidget(mark)
        return mark

    def _tool(self, icon: QStyle.StandardPixmap) -> QToolButton:
        button = OnceButton(self)
        button.setIcon(standard_icon(self.style(), icon))
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+arrows and Ctrl+Shift+Del by keyboard
        button.setEnabled(not self.read_only)
        self.tools.addWidget(button)
        return button

    def _show_tools(self, shown: bool) -> None:
        if shown and self.up is None:
            self.up = self._tool(QStyle.StandardPixmap.SP_ArrowUp)
            self.down = self._tool(QStyle.StandardPixmap.SP_ArrowDown)
            self.delete = self._tool(QStyle.StandardPixmap.SP_TrashIcon)
            self.up.clicked.connect(lambda: self.moveByRequest.emit(self.block_id, -1))
            self.down.clicked.connect(lambda: self.moveByRequest.emit(self.block_id, 1))
            self.delete.clicked.connect(lambda: self.removeRequest.emit(self.block_id))
            self._name_tools()
        for button in (self.up, self.down, self.delete):
            if button is not None:
                button.setVisible(shown)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.read_only:
            return
        menu = QMenu(self)
        up = menu.addAction(_("Move Block &Up"))
        up.triggered.connect(lambda: self.moveByRequest.emit(self.block_id, -1))
        down = menu.addAction(_("Move Block &Down"))
        down.triggered.connect(lambda: self.moveByRequest.emit(self.block_id, 1))
        if self.offers_local_edit:  # a linked clause
            if self.newest_revision:
                review = menu.addAction(_("&Review Clause Update…"))
                review.triggered.connect(lambda: self.reviewUpdateRequest.emit(self.block_id))
            local = menu.addAction(_("&Edit Clause Locally"))
            local.triggered.connect(lambda: self.editLocallyRequest.emit(self.block_id))
        if self.offers_save_as_clause:  # a text of the note's own
            save = menu.addAction(_("&Save Block as Clause…"))
            save.triggered.connect(lambda: self.saveAsClauseRequest.emit(self.block_id))
        mark = self.quote_mark
        if mark is not None and mark.from_source:
            menu.addSeparator()
            show = menu.addAction(_("Sh&ow in Declaration"))
            show.triggered.connect(lambda: self.showInDeclarationRequest.emit(self.block_id))
            toggle = menu.addAction(
                _("Present as &Quotation") if mark.paraphrase else _("Present as &Paraphrase")
            )
            toggle.triggered.connect(
                lambda: self.paraphraseRequest.emit(self.block_id, not mark.paraphrase)
            )
        menu.addSeparator()
        delete = menu.addAction(_("De&lete Block"))
        delete.triggered.connect(lambda: self.removeRequest.emit(self.block_id))
        menu.exec(event.globalPos())

    def enterEvent(self, event) -> None:
        super().enterEvent(event)
        self._show_tools(True)

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self._show_tools(self.current)

    def show_comments(self, block: Block) -> None:
        """Show the comments kept on ``block`` small under it (no area while it has none)."""
        comments = getattr(block, "comments", [])
        if not comments and self.comments_area is None:
            return
        if self.comments_area is None:
            from ui.panels.blockcomments import BlockComments

            self.comments_area = BlockComments(self)
            self.comments_area.removeRequest.connect(
                lambda index: self.removeCommentRequest.emit(self.block_id, index)
            )
            self.layout().addWidget(self.comments_area)
        self.comments_area.set_read_only(self.read_only)
        self.comments_area.show_comments(comments)

    # --- to override --------------------------------------------------------------

    def refresh(self, block: Block, note: Note, library: Library) -> None:
        """Show ``block`` as it is now in ``note``."""

    def focus_editor(self) -> None:
        """Put the keyboard focus in the block (its first editor, if any)."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_language(self, lang: str) -> None:
        """Put the keyboard in the block's text in ``lang`` (its first editor, else the block)."""
        editors = getattr(self, "editors", None)
        editor = editors.editors.get(lang) if isinstance(editors, LanguageEditors) else None
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_editor()

    def focus_targets(self) -> list[QWidget]:
        """The block's stops for the Tab key, in order (the frame itself by default)."""
        return [self]

    def set_read_only(self, read_only: bool) -> None:
        """Refuse edits."""
        self.read_only = read_only
        for button in (self.up, self.down, self.delete):
            if button is not None:
                button.setEnabled(not read_only)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.grip.setToolTip(_("Drag to move the block (or Alt+Up, Alt+Down)"))
        self.grip.setAccessibleName(_("Move handle"))
        self._name_tools()

    def _name_tools(self) -> None:
        if self.up is None or self.down is None or self.delete is None:
            return
        self.up.setToolTip(_("Move up (Alt+Up)"))
        self.up.setAccessibleName(_("Move block up"))
        self.down.setToolTip(_("Move down (Alt+Down)"))
        self.down.setAccessibleName(_("Move block down"))
        self.delete.setToolTip(_("Delete the block (Ctrl+Shift+Delete)"))
        self.delete.setAccessibleName(_("Delete block"))

    def set_current(self, current: bool) -> None:
        """Highlight the block that receives insertions and keyboard moves."""
        if self.current != current:
            self.current = current
            self.update()
            self._show_tools(current or self.underMouse())

    background: str | None = None  # the card's colour (None: the palette's base)

    def paintEvent(self, event) -> None:
        paint_card(self, self.background, self.current)

    def _set_badges(self, clause, languages: tuple[str, ...]) -> None:
        while self.badges.count():
            widget = self.badges.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if clause is None:
            return
        for lang in languages:
            status = clause.status_in(lang)
            badge = QLabel(self)
            size = self.fontMetrics().height()
            badge.setPixmap(status_icon(status).pixmap(size, size))
            badge.setToolTip(status_summary(lang, status))
            badge.setAccessibleName(status_summary(lang, status))
            self.badges.addWidget(badge)
