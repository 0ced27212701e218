"""The blocks of a note as widgets: free text, linked and copied clauses, follow-up tables."""

from __future__ import annotations

from app.i18n import _
from app.library import Library, Status
from app.note import Block, CopiedClause, FollowUpTable, LinkedClause, Note, TextBlock
from app.revisions import wording_changed
from app.richtext import RichText, coerce
from ui.dragdrop import block_mime
from ui.followup import FollowUpEditor
from ui.formattededit import FormattedTextEdit
from ui.icons import STATUS_COLOURS, grip_icon, status_icon
from ui.labels import language_code, status_summary
from ui.looks import LINKED_BACKGROUND, MUTED, WARNING, Tag, embolden, paint_card, shrink, tint
from ui.qt import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QFrame,
    QHBoxLayout,
    QIcon,
    QLabel,
    QMenu,
    QMouseEvent,
    QPainter,
    QPoint,
    QRect,
    QRectF,
    QSizePolicy,
    QStyle,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.quotemark import QuoteMark
from ui.spellcheck import watch

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
        if isinstance(self, LinkedClauseWidget):
            if self.newest_revision:
                review = menu.addAction(_("&Review Clause Update…"))
                review.triggered.connect(lambda: self.reviewUpdateRequest.emit(self.block_id))
            local = menu.addAction(_("&Edit Clause Locally"))
            local.triggered.connect(lambda: self.editLocallyRequest.emit(self.block_id))
        if isinstance(self, TextBlockWidget | CopiedClauseWidget):
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
            from ui.blockcomments import BlockComments

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


class TextBlockWidget(BlockWidget):
    """Free text in each of the note's languages."""

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


class UpdateLine(QFrame):
    """The line under a linked clause that says the library moved on: a newer wording, a kept one."""

    TONES = {"newer": ("#fff3dc", WARNING), "quiet": (None, MUTED)}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tone = "newer"
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 10)
        self.review = QToolButton(self)
        self.review.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.review.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.setSpacing(6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.review)
        self.hide()

    def show_state(self, text: str, tone: str, reviewable: bool) -> None:
        """Show ``text`` in ``tone`` ("newer" stands out, "quiet" does not), with Review… or not."""
        self.tone = tone
        # Visible first, then the text: a hidden label's new height reaches no layout.
        self.setVisible(bool(text))
        self.review.setVisible(reviewable)
        self.label.setText(text)
        self.label.setAccessibleName(text)
        tint(self.label, self.TONES[tone][1])
        self.updateGeometry()
        self.update()

    def paintEvent(self, event) -> None:
        background = self.TONES[self.tone][0]
        if background is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#f0c987"))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.end()


class LinkedClauseWidget(BlockWidget):
    """A library clause shown as the revision it links has it, read-only, with “Edit locally”.

    When the library has a newer revision, a line says so with a Review… button
    (nothing updates silently); a kept older wording, a retired or deleted clause
    are said quietly.
    """

    kind = LinkedClause
    background = LINKED_BACKGROUND
    reviewUpdateRequest = Signal(str)  # block id

    def __init__(self, block_id: str, parent: QWidget | None = None) -> None:
        super().__init__(block_id, parent)
        self.edit_locally = QToolButton(self)
        self.edit_locally.setAutoRaise(True)
        self.edit_locally.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.edit_locally.clicked.connect(lambda: self.editLocallyRequest.emit(self.block_id))
        self.extra_buttons.addWidget(self.edit_locally)
        self.update_line = UpdateLine(self)
        self.update_line.review.clicked.connect(
            lambda: self.reviewUpdateRequest.emit(self.block_id)
        )
        self.texts = QHBoxLayout()
        self.texts.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, ClauseText] = {}
        self.body.addLayout(self.texts)
        self.body.addWidget(self.update_line)
        self.quote_mark = self._quote_mark()
        self.clause_id = ""
        self.title = ""
        self.revision = 0
        self.newest_revision = 0  # the library's newer revision, 0 when the link is the newest
        self._state: tuple = ()
        self.retranslate()

    def refresh(self, block: Block, note: Note, library: Library) -> None:
        assert isinstance(block, LinkedClause)
        self.show_comments(block)
        languages = note.language.languages
        # The note shows the wording of the revision it links, as the export does.
        clause = library.at(block.clause_id, block.revision) or library.newest(block.clause_id)
        self.clause_id = block.clause_id
        self.revision = block.revision
        self.title = clause.title_in(self.title_language or languages[0]) if clause else ""
        if tuple(self.labels) != languages:
            for label in self.labels.values():
                label.deleteLater()
            self.labels = {}
            for lang in languages:
                label = ClauseText(self)
                self.texts.addWidget(label, 1)
                self.labels[lang] = label
        for lang, label in self.labels.items():
            text = clause.text_in(lang) if clause else ""
            if text.strip():
                label.setStyleSheet("")
                label.show_text(text)
            else:
                label.setStyleSheet(f"color: {STATUS_COLOURS[Status.MISSING]}; font-style: italic;")
                label.show_text(
                    _("[No {code} text in the library]").format(code=language_code(lang))
                    if clause
                    else _("[Clause {id} is not in the library]").format(id=block.clause_id)
                )
            label.setAccessibleName(_("Clause text ({code})").format(code=language_code(lang)))
        self._set_badges(clause, languages)
        self.quote_mark.show_block(block, library, languages)
        self._state = self._update_state(block, library, languages)
        self._show_update()
        # The section caches the block's height for its width: tell it the text or line changed.
        self.updateGeometry()
        self.edit_locally.setEnabled(clause is not None and not self.read_only)
        self._heading()

    def _update_state(self, block: LinkedClause, library: Library, languages) -> tuple:
        """(what, newest revision, deleted, retired); what: newer, same_wording, kept, retired, deleted or ""."""
        newest = library.newest(block.clause_id)
        if newest is None:
            return ("", 0, False, False)
        deleted = block.clause_id not in library.clauses
        if newest.revision <= block.revision:
            self.newest_revision = 0
            what = "deleted" if deleted else "retired" if newest.retired else ""
            return (what, newest.revision, deleted, newest.retired)
        self.newest_revision = newest.revision
        old = library.at(block.clause_id, block.revision)
        if block.kept >= newest.revision:
            what = "kept"
        elif old is not None and not wording_changed(old, newest, languages):
            what = "same_wording"
        else:
            what = "newer"
        return (what, newest.revision, deleted, newest.retired)

    def _show_update(self) -> None:
        if not self._state:
            return
        what, newest, deleted, retired = self._state
        if what in ("deleted", "retired"):
            text = (
                _("Deleted from the library; the note keeps its wording.")
                if deleted
                else _("Retired in the library; the note keeps its wording.")
            )
            self.update_line.show_state(text, "quiet", False)
            return
        if what == "kept":
            self.update_line.show_state(
                _("Kept revision {old} (the library has revision {new})").format(
                    old=self.revision, new=newest
                ),
                "quiet",
                False,
            )
            return
        if what == "same_wording":
            text = _("Revision {n} available (same wording, other details changed)")
        elif what == "newer":
            text = _("Newer wording available (revision {n})")
        else:
            self.newest_revision = 0
            self.update_line.show_state("", "quiet", False)
            return
        text = text.format(n=newest)
        if deleted:
            text = _("{text} — the clause was deleted since").format(text=text)
        elif retired:
            text = _("{text} — the clause is retired").format(text=text)
        self.update_line.show_state(text, "newer", not self.read_only)

    def _heading(self) -> None:
        self.heading.setText(f"{self.clause_id} — {self.title}" if self.title else self.clause_id)
        self.heading.setToolTip(
            _(
                "Linked to revision {n} of the library clause; updates are offered, never forced"
            ).format(n=self.revision)
        )
        self.tag.setText(_("linked"))
        self.tag.setToolTip(self.heading.toolTip())
        self.tag.show()
        self.setAccessibleName(_("Linked clause {id}").format(id=self.clause_id))

    def focus_targets(self) -> list[QWidget]:
        review = self.update_line.review
        return (
            [self, review] if not self.update_line.isHidden() and not review.isHidden() else [self]
        )

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.edit_locally.setEnabled(not read_only)
        self.quote_mark.set_read_only(read_only)
        self._show_update()

    def retranslate(self) -> None:
        super().retranslate()
        self.edit_locally.setText(_("Edit locally"))
        self.edit_locally.setToolTip(
            _("Copy the clause into the note to change its text here (Ctrl+Shift+E)")
        )
        self.edit_locally.setAccessibleName(_("Edit the clause locally"))
        self.update_line.review.setText(_("Review…"))
        self.update_line.review.setToolTip(
            _(
                "Compare the wordings and choose: update, keep the old wording or edit locally (Ctrl+Shift+U)"
            )
        )
        self.update_line.review.setAccessibleName(_("Review the newer wording"))
        self.quote_mark.retranslate()
        self._show_update()
        if self.clause_id:
            self._heading()


class CopiedClauseWidget(BlockWidget):
    """A clause copied into the note: its text is the note's to edit."""

    kind = CopiedClause

    def __init__(self, block_id: str, parent: QWidget | None = None) -> None:
        super().__init__(block_id, parent)
        self.editors = self._language_editors()
        self.quote_mark = self._quote_mark()
        self.clause_id = ""
        self.title = ""
        self.retranslate()

    def refresh(self, block: Block, note: Note, library: Library) -> None:
        assert isinstance(block, CopiedClause)
        self.show_comments(block)
        languages = note.language.languages
        self.clause_id = block.clause_id
        lang = self.title_language if self.title_language in languages else languages[0]
        self.title = block.title.get(lang) or next(iter(block.title.values()), "")
        self.editors.set_languages(languages)
        self.editors.set_texts(block.text)
        self.editors.set_read_only(self.read_only)
        self.quote_mark.show_block(block, library, languages)
        self.excerpted = bool(getattr(block, "excerpt", None))
        self.paraphrased = bool(getattr(block, "paraphrase", False))
        self._heading()

    def _heading(self) -> None:
        name = f"{self.clause_id} — {self.title}" if self.title else self.clause_id
        self.heading.setText(name)
        excerpted = getattr(self, "excerpted", False)  # taken with Insert as Quotation
        if excerpted and getattr(self, "paraphrased", False):
            # Presented as a paraphrase: the tag says so, as the line under it and the export do.
            self.tag.setText(_("paraphrase"))
            self.tag.setToolTip(
                _(
                    "Words from the declaration, presented as the note’s own text, without a citation"
                )
            )
            self.setAccessibleName(_("Paraphrase of clause {id}").format(id=self.clause_id))
        elif excerpted:
            self.tag.setText(_("quotation"))
            self.tag.setToolTip(_("Words quoted from the declaration, kept in the note"))
            self.setAccessibleName(_("Quotation from clause {id}").format(id=self.clause_id))
        else:
            self.tag.setText(_("edited locally"))
            self.tag.setToolTip(_("A copy of the library clause, changed for this note"))
            self.setAccessibleName(_("Clause {id}, edited locally").format(id=self.clause_id))
        self.tag.show()
        self.editors.retranslate(_("Clause {id}").format(id=self.clause_id))

    def focus_editor(self) -> None:
        editor = next(iter(self.editors.editors.values()), None)
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.editors.set_read_only(read_only)
        self.quote_mark.set_read_only(read_only)

    def focus_targets(self) -> list[QWidget]:
        return list(self.editors.editors.values())

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setToolTip(_("A copy of the library clause, changed for this note"))
        self.quote_mark.retranslate()
        self._heading()


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
