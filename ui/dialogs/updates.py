"""The dialog that reviews a note's linked clauses with a newer library revision, one at a time.

For the selected clause it shows the linked and the newest revision, the word
differences in each language of the note, what else is worth knowing (retired,
deleted, only details changed, kept) and three choices — update, keep the old
wording, edit locally — each one undoable step of the note's history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.language.i18n import _, ngettext
from app.notes.history import Change
from app.notes.updates import PendingUpdate
from app.system.errors import ClausierError
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.diffview import DiffView
from ui.widgets.looks import MUTED, WARNING, embolden, tint

if TYPE_CHECKING:
    from app.library.clauses import Library
    from app.notes.editing import NoteSession
    from ui.document import NoteDocument
    from ui.mainwindow import MainWindow


class ReviewUpdatesDialog(QDialog):
    """Non-modal: lists the pending updates of the window's note and applies the chosen one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.document: NoteDocument | None = None
        self.updates: list[PendingUpdate] = []
        self.setModal(False)
        self.setObjectName("reviewUpdatesDialog")

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._show_current)

        self.details = QWidget(self)
        self.heading = QLabel(self.details)
        embolden(self.heading)
        self.heading.setWordWrap(True)
        self.revisions = QLabel(self.details)
        self.revisions.setWordWrap(True)
        self.flags = QLabel(self.details)
        self.flags.setWordWrap(True)
        tint(self.flags, WARNING)
        self.diff_label = QLabel(self.details)
        self.diff = DiffView(self.details)
        self.diff_label.setBuddy(self.diff)
        self.update_button = QPushButton(self.details)
        self.keep_button = QPushButton(self.details)
        self.local_button = QPushButton(self.details)
        for button in (self.update_button, self.keep_button, self.local_button):
            button.setAutoDefault(False)  # Enter must not update a clause by surprise
        self.update_button.clicked.connect(self.update_clause)
        self.keep_button.clicked.connect(self.keep_revision)
        self.local_button.clicked.connect(self.copy_locally)
        choices = QHBoxLayout()
        choices.addWidget(self.update_button)
        choices.addWidget(self.keep_button)
        choices.addWidget(self.local_button)
        choices.addStretch(1)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.heading)
        details.addWidget(self.revisions)
        details.addWidget(self.flags)
        details.addWidget(self.diff_label)
        details.addWidget(self.diff, 1)
        details.addLayout(choices)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        chars = self.fontMetrics().averageCharWidth()
        self.splitter.setSizes([chars * 34, chars * 86])
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tint(self.empty, MUTED)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.list, self.update_button)
        self.setTabOrder(self.update_button, self.keep_button)
        self.setTabOrder(self.keep_button, self.local_button)
        self.setTabOrder(self.local_button, self.diff)
        chars, lines = self.fontMetrics().averageCharWidth(), self.fontMetrics().lineSpacing()
        self.resize(chars * 120, lines * 30)
        self.retranslate()
        window.services.language.languageChanged.connect(lambda _code: self.retranslate())

    # --- what it shows ----------------------------------------------------------------

    @property
    def session(self) -> NoteSession:
        """The core session of the window's note."""
        return self.window_.document.session

    @property
    def library(self) -> Library:
        """The library the updates come from."""
        return self.window_.services.library

    def follow(self, document: NoteDocument) -> None:
        """Show the updates of ``document`` and refresh on each of its changes."""
        if document is self.document:
            return
        if self.document is not None:
            try:
                self.document.changed.disconnect(self._document_changed)
            except (RuntimeError, TypeError):
                pass
        self.document = document
        document.changed.connect(self._document_changed)

    def _document_changed(self, _change: Change) -> None:
        if self.isVisible():  # a hidden dialog refreshes when shown again
            self.refresh()

    def refresh(self, block_id: str = "") -> None:
        """List the pending updates again; select ``block_id`` (else keep the selection)."""
        current = self.current()
        wanted = block_id or (current.block_id if current else "")
        session = self.session
        found = self.window_.services.collection.pending_updates(session.note, session.kept)
        found.sort(key=lambda u: u.block_id != block_id)  # the one asked for first
        self.updates = found
        self.list.blockSignals(True)
        self.list.clear()
        for update in found:
            item = QListWidgetItem(self._item_text(update), self.list)
            item.setData(Qt.ItemDataRole.UserRole, update.block_id)
            if update.kept:
                item.setForeground(self.palette().placeholderText())
        rows = [u.block_id for u in found]
        row = rows.index(wanted) if wanted in rows else min(self.list.currentRow(), len(rows) - 1)
        self.list.setCurrentRow(max(row, 0) if rows else -1)
        self.list.blockSignals(False)
        waiting = sum(1 for u in found if not u.kept)
        kept = len(found) - waiting
        parts = []
        if waiting:
            parts.append(
                ngettext(
                    "{n} linked clause of this note has a newer wording in the library.",
                    "{n} linked clauses of this note have a newer wording in the library.",
                    waiting,
                ).format(n=waiting)
            )
        if kept:
            parts.append(
                ngettext(
                    "{n} older wording is kept on purpose.",
                    "{n} older wordings are kept on purpose.",
                    kept,
                ).format(n=kept)
            )
        self.summary.setText(" ".join(parts))
        self.summary.setVisible(bool(found))
        self.splitter.setVisible(bool(found))
        self.empty.setVisible(not found)
        self._show_current(self.list.currentRow())

    def current(self) -> PendingUpdate | None:
        """The update selected in the list."""
        row = self.list.currentRow()
        return self.updates[row] if 0 <= row < len(self.updates) else None

    def _title(self, update: PendingUpdate) -> str:
        clause = self.library.newest(update.clause_id)
        lang = self.session.note.language.languages[0]
        return clause.title_in(lang) if clause else ""

    def _item_text(self, update: PendingUpdate) -> str:
        title = self._title(update)
        name = f"{update.clause_id} — {title}" if title else update.clause_id
        state = (
            _("kept")
            if update.kept
            else _("deleted")
            if update.deleted
            else _("retired")
            if update.retired
            else ""
        )
        line = _("revision {old} → {new}").format(old=update.linked, new=update.newest)
        return f"{name}\n{line}" + (f" ({state})" if state else "")

    def _show_current(self, _row: int = -1) -> None:
        update = self.current()
        editing = self.document is not None and not self.document.read_only
        if update is None:
            self.heading.clear()
            self.revisions.clear()
            self.flags.clear()
            self.flags.hide()
            self.diff.diffs = {}
            self.diff.clear()
            for button in (self.update_button, self.keep_button, self.local_button):
                button.setEnabled(False)
            return
        title = self._title(update)
        self.heading.setText(f"{update.clause_id} — {title}" if title else update.clause_id)
        self.revisions.setText(
            _("The note links revision {old}; the library's newest is revision {new}.").format(
                old=update.linked, new=update.newest
            )
        )
        flags = []
        if update.deleted:
            flags.append(_("The clause was deleted from the library."))
        elif update.retired:
            flags.append(_("The clause is retired: search no longer offers it."))
        if not update.wording_changed:
            flags.append(_("Only its details changed (tags, kind or translation records)."))
        if not update.linked_known:
            flags.append(
                _("The wording of revision {n} is no longer known.").format(n=update.linked)
            )
        if update.kept:
            flags.append(
                _("You chose to keep revision {old}; revision {new} is not offered again.").format(
                    old=update.linked, new=update.newest
                )
            )
        self.flags.setText("\n".join(flags))
        self.flags.setVisible(bool(flags))
        self.diff.show_diffs(
            update.diffs,
            _("Revision {old} → revision {new}").format(old=update.linked, new=update.newest),
        )
        self.update_button.setText(_("&Update to Revision {n}").format(n=update.newest))
        self.update_button.setAccessibleName(_("Update to revision {n}").format(n=update.newest))
        self.update_button.setEnabled(editing)
        self.keep_button.setEnabled(editing and not update.kept)
        self.local_button.setEnabled(editing and update.linked_known)

    # --- the choices ----------------------------------------------------------------------

    def _apply(self, operation: Callable[[NoteSession, str, Library], Change | None]) -> None:
        update = self.current()
        document = self.window_.document
        if update is None or document is None or document.read_only:
            return
        session, library, block_id = document.session, self.library, update.block_id
        try:
            change = document.edit(lambda: operation(session, block_id, library))
        except ClausierError as error:
            self.window_.services.dialogs.error(self, str(error))
            return
        except KeyError:
            change = None  # the block went away meanwhile
        self.refresh()
        if change is not None:
            label = session.history.undo_label
            self.window_.statusBar().showMessage(
                _("{action}. Undo ({keys}) brings the earlier state back.").format(
                    action=label, keys=self._undo_keys()
                ),
                6000,
            )
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _undo_keys(self) -> str:
        from ui.qt import QKeySequence

        return (
            self.window_.actions["undo"].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        )

    def update_clause(self) -> None:
        """Link the newest revision of the selected clause."""
        self._apply(lambda session, block_id, library: session.update_clause(block_id, library))

    def keep_revision(self) -> None:
        """Keep the linked wording: the newer revision is no longer offered."""
        self._apply(lambda session, block_id, library: session.keep_revision(block_id, library))

    def copy_locally(self) -> None:
        """Copy the linked wording into the note, to edit it there."""
        self._apply(lambda session, block_id, library: session.copy_locally(block_id, library))

    # --- texts ------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.setWindowTitle(_("Review Clause Updates"))
        self.setAccessibleName(_("Review clause updates"))
        self.list.setAccessibleName(_("Linked clauses with a newer revision"))
        self.list.setToolTip(_("The linked clauses of the note whose library wording changed"))
        self.heading.setAccessibleName(_("Clause"))
        self.revisions.setAccessibleName(_("Revisions"))
        self.flags.setAccessibleName(_("Worth knowing"))
        self.diff_label.setText(
            _("&Changes (removed words struck through, added ones highlighted):")
        )
        self.diff.retranslate()
        self.keep_button.setText(_("&Keep Old Wording"))
        self.keep_button.setToolTip(
            _("Keep the linked wording; this newer revision is no longer offered")
        )
        self.keep_button.setAccessibleName(_("Keep the old wording"))
        self.local_button.setText(_("&Edit Locally"))
        self.local_button.setToolTip(_("Copy the linked wording into the note, to change it there"))
        self.local_button.setAccessibleName(_("Copy into the note to edit locally"))
        self.update_button.setToolTip(_("Link the newest revision: the note shows its wording"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.empty.setText(
            _("Every linked clause of this note is at its newest revision: nothing to review.")
        )
        self.empty.setAccessibleName(self.empty.text())
        if self.document is not None:
            self.refresh()
