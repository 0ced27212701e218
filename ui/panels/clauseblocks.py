"""The clauses a note takes from the library, as widgets: linked (with the line offering a newer revision) and copied."""

from __future__ import annotations

from app.language.i18n import _
from app.library.clauses import Library, Status
from app.library.revisions import wording_changed
from app.notes.note import Block, CopiedClause, LinkedClause, Note
from ui.labels import language_code
from ui.panels.blockbase import BlockWidget, ClauseText
from ui.qt import (
    QColor,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPainter,
    QRectF,
    Qt,
    QToolButton,
    QWidget,
    Signal,
)
from ui.widgets.icons import STATUS_COLOURS
from ui.widgets.looks import LINKED_BACKGROUND, MUTED, WARNING, tint


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

    offers_local_edit = True

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

    offers_save_as_clause = True

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
