"""The main window: library, composer and preview side by side; every request is wired here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.language.codes import NoteLanguage, pick
from app.language.i18n import _
from ui.actions import Actions
from ui.panels.formatbar import FormatBar
from ui.panels.readonlybar import ReadOnlyBar
from ui.qt import (
    QAbstractItemView,
    QApplication,
    QCloseEvent,
    QLabel,
    QMainWindow,
    QSize,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.pending import commit_pending, has_pending
from ui.window.files import FileCommands
from ui.window.firstpaint import FirstPaint
from ui.window.library import LibraryCommands
from ui.window.tools import NoteTools
from ui.window.view import ViewCommands

if TYPE_CHECKING:
    from app.notes.history import Change
    from ui.dialogs.export import ExportDialog
    from ui.dialogs.find import FindReplaceDialog
    from ui.dialogs.preferences import PreferencesDialog
    from ui.dialogs.spelling import SpellDialog
    from ui.document import NoteDocument
    from ui.panels.composer import Composer
    from ui.panels.coverage import CoveragePane
    from ui.panels.library import LibraryPanel
    from ui.panels.preview import PreviewPane
    from ui.panels.sourceview import SourceView
    from ui.panels.wordcount import WordCount
    from ui.spellcheck import SpellContext
    from ui.workspace import Workspace


TITLE_LENGTH = 80  # characters of the subject shown in the window title
#: The narrowest each pane may be made, in average characters: library, note, preview.
PANE_MINIMUM_CHARS = (30, 40, 30)
#: How much of the screen a new window takes at most (the window manager adds its frame).
SCREEN_SHARE = 0.9


def elide(text: str, length: int) -> str:
    """``text`` cut to ``length`` characters, ending with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[: length - 1].rstrip() + "…"


class MainWindow(LibraryCommands, ViewCommands, NoteTools, FileCommands, QMainWindow):
    """One note, the library beside it and its preview; the workspace owns the shared services.

    With ``document`` None the window paints its menus and the library first and builds
    the composer and the preview right after (a new note), so the window shows at once.
    """

    completed = Signal()  # the composer and the preview are there, the note is shown

    def __init__(self, workspace: Workspace, document: NoteDocument | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.services = workspace.services
        self.document: NoteDocument | None = None
        self.composer: Composer | None = None
        self.preview: PreviewPane | None = None
        self.side: QTabWidget | None = None  # preview, declaration and coverage, as tabs
        self.source_view: SourceView | None = None
        self.coverage: CoveragePane | None = None
        self.ready = False
        self.export_dialog: ExportDialog | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self.spelling: SpellContext | None = None  # spell-check as you type (issue 13)
        self.word_count: WordCount | None = None
        self.find_dialog: FindReplaceDialog | None = None
        self.spell_dialog: SpellDialog | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        # A new window paints its frame first (menus, toolbar, panes) and makes the library
        # panel, the composer and the preview right after (complete): the frame is on
        # screen while their modules load. A window for a document makes them at once.
        self._library_pending = document is None
        self.library: LibraryPanel = (
            QWidget(self) if self._library_pending else self._make_library()  # type: ignore[assignment]
        )
        self.banner = ReadOnlyBar(self)
        self.middle = QWidget(self)
        middle_layout = QVBoxLayout(self.middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        middle_layout.addWidget(self.banner)
        self.right = QWidget(self)
        right_layout = QVBoxLayout(self.right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.middle)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setChildrenCollapsible(False)
        char = self.fontMetrics().averageCharWidth()
        for pane, chars in zip(
            (self.library, self.middle, self.right), PANE_MINIMUM_CHARS, strict=True
        ):
            pane.setMinimumWidth(max(char * chars, pane.minimumSizeHint().width()))
        self.setCentralWidget(self.splitter)
        self.layout_restored = False  # the user's own pane sizes, from the last run
        self._shown_once = False
        self.chosen_size = QSize()  # the size given by default or restored (fit_to_screen)

        self.actions = Actions(self)
        self.actions.build_menus(self.menuBar())
        self.actions["toggle_library"].setChecked(True)
        self.actions["toggle_preview"].setChecked(True)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        for name in ("new", "open", "save", None, "undo", "redo", None, "export"):
            if name is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self.actions[name])
        self.addToolBar(self.toolbar)
        self.format_bar = FormatBar(self.actions, self)  # bold, italic, lists: Format menu too
        self.addToolBar(self.format_bar.toolbar)
        self.where = QLabel(self)
        self.where.setObjectName("insertionPoint")
        self.autosaved = QLabel(self)
        # the last autosave, shown again in the new language when it switches:
        # ("saved", when) or ("failed", the error); None before any
        self.autosave_status: tuple[str, Any] | None = None
        self.statusBar().addPermanentWidget(self.where)
        self.statusBar().addPermanentWidget(self.autosaved)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)

        self.retranslate()
        width, height = (
            self.fontMetrics().averageCharWidth() * 200,
            self.fontMetrics().lineSpacing() * 45,
        )
        screen = self.screen()
        if screen is not None:  # a small screen, or 200% scaling: the window still fits
            area = screen.availableGeometry()
            width = min(width, int(area.width() * SCREEN_SHARE))
            height = min(height, int(area.height() * SCREEN_SHARE))
        self.resize(width, height)
        self.chosen_size = QSize(width, height)
        # The library gets a third: ids, titles and two status columns side by side.
        self.pane_sizes = [width * 33 // 100, width * 40 // 100, width * 27 // 100]
        self.splitter.setSizes(self.pane_sizes)
        if document is not None:
            self.complete(document)
        else:
            FirstPaint(self, self.complete)

    def is_pristine(self) -> bool:
        """Whether the window holds an untouched new note (or none yet) that another may replace."""
        return self.document is None or self.document.pristine

    def _make_library(self) -> LibraryPanel:
        from ui.panels.library import LibraryPanel

        # The clause card is written when the window is complete (its modules load last).
        return LibraryPanel(self.services.library, self.services.index, self, hold_card=True)

    def _put_library(self) -> None:
        """Put the library panel where the frame kept its place, at the same width."""
        placeholder = self.library
        panel = self._make_library()
        panel.setMinimumWidth(max(placeholder.minimumWidth(), panel.minimumSizeHint().width()))
        sizes = self.splitter.sizes()
        self.splitter.replaceWidget(0, panel)
        self.splitter.setSizes(sizes)
        panel.setVisible(self.actions["toggle_library"].isChecked())
        placeholder.deleteLater()
        self.library = panel
        self._library_pending = False

    def complete(self, document: NoteDocument | None = None) -> None:
        """Build the composer and the preview, wire every request, and show ``document``."""
        if self.ready:
            return
        from ui.flows.noteeditor import NoteEditor
        from ui.panels.composer import Composer
        from ui.panels.coverage import CoveragePane
        from ui.panels.preview import PreviewPane
        from ui.panels.sourceview import SourceView

        library = self.services.library
        if self._library_pending:
            self._put_library()
        self._start_spelling()
        self.composer = Composer(library, self.middle)
        self.middle.layout().addWidget(self.composer, 1)
        self.side = QTabWidget(self.right)
        self.side.setDocumentMode(True)
        self.preview = PreviewPane(
            library, parent=self.side, threaded=self.services.threaded_preview
        )
        self.source_view = SourceView(library, self.side)
        self.coverage = CoveragePane(library, self.side)
        self.side.addTab(self.preview, "")
        self.side.addTab(self.source_view, "")
        self.side.addTab(self.coverage, "")
        self.right.layout().addWidget(self.side)
        self.composer.tab_before = self.library.preview
        self.composer.tab_after = self.preview.browser
        self.editor = NoteEditor(self)
        self.ready = True
        self._connect()
        self.retranslate()
        self._attach(document or self.workspace.fresh_document())
        if not self.layout_restored:
            self._give_the_note_room()
        self.apply_settings()
        self.library.preview.release()
        self.completed.emit()

    # --- wiring: every request of every view, in one place ----------------------------

    def _connect(self) -> None:
        a, lib, comp, prev, ed = (
            self.actions,
            self.library,
            self.composer,
            self.preview,
            self.editor,
        )
        a["new"].triggered.connect(self.new_note)
        a["open"].triggered.connect(self.open_note)
        a["save"].triggered.connect(self.save)
        a["save_as"].triggered.connect(self.save_as)
        a["export"].triggered.connect(self.export)
        a["bring_back"].triggered.connect(lambda: self.run_flow("ui.flows.reconcile", "bring_back"))
        a["close"].triggered.connect(self.close)
        a["quit"].triggered.connect(self.workspace.quit)
        a["undo"].triggered.connect(ed.undo)
        a["redo"].triggered.connect(ed.redo)
        for name in ("cut", "copy", "paste", "select_all"):
            a[name].triggered.connect(lambda _c=False, name=name: self.edit_focused(name))
        self.banner.saveAsRequest.connect(self.save_as)
        a["find"].triggered.connect(lambda: self.find_in_note(replacing=False))
        a["replace"].triggered.connect(lambda: self.find_in_note(replacing=True))
        a["find_library"].triggered.connect(self.focus_library)
        a["check_spelling"].triggered.connect(self.check_spelling)
        a["details"].triggered.connect(comp.metadata.focus_first)
        a["preferences"].triggered.connect(self.show_preferences)
        a["insert_clause"].triggered.connect(ed.insert_selected_clauses)
        a["insert_text"].triggered.connect(lambda: ed.insert_text("", -1))
        a["insert_follow_up"].triggered.connect(lambda: ed.insert_follow_up("", -1))
        a["add_section"].triggered.connect(ed.add_section)
        a["block_up"].triggered.connect(lambda: ed.move_block_by(comp.current_block_id(), -1))
        a["block_down"].triggered.connect(lambda: ed.move_block_by(comp.current_block_id(), 1))
        a["edit_locally"].triggered.connect(lambda: ed.edit_locally(comp.current_block_id()))
        a["delete_block"].triggered.connect(lambda: ed.remove_block(comp.current_block_id()))
        a["rename_section"].triggered.connect(
            lambda: comp.focus_section_title(comp.current_section_id())
        )
        a["section_up"].triggered.connect(lambda: ed.move_section_by(comp.current_section_id(), -1))
        a["section_down"].triggered.connect(
            lambda: ed.move_section_by(comp.current_section_id(), 1)
        )
        a["delete_section"].triggered.connect(lambda: ed.remove_section(comp.current_section_id()))
        a["preview_fr"].triggered.connect(lambda: self.set_preview_language(NoteLanguage.FR))
        a["preview_nl"].triggered.connect(lambda: self.set_preview_language(NoteLanguage.NL))
        a["preview_both"].triggered.connect(
            lambda: self.set_preview_language(NoteLanguage.BILINGUAL)
        )
        a["toggle_library"].toggled.connect(lib.setVisible)
        a["toggle_preview"].toggled.connect(self.right.setVisible)
        a["next_pane"].triggered.connect(lambda: self.cycle_pane(1))
        a["previous_pane"].triggered.connect(lambda: self.cycle_pane(-1))
        a["shortcuts"].triggered.connect(self.show_shortcuts)
        a["about"].triggered.connect(self.show_about)
        a["clear_recent"].triggered.connect(self.clear_recent)
        a.recent_menu.aboutToShow.connect(self.fill_recent_menu)

        # Library actions: each is one function of a flow module, loaded on first use.
        clause = lib.selected_clause_id
        a["review_updates"].triggered.connect(
            lambda: self.run_flow("ui.flows.updates", "review_updates", comp.current_block_id())
        )
        a["save_as_clause"].triggered.connect(
            lambda: self.run_flow(
                "ui.flows.clauses", "save_block_as_clause", comp.current_block_id()
            )
        )
        a["new_clause"].triggered.connect(lambda: self.run_flow("ui.flows.clauses", "new_clause"))
        for name, module, function in (
            ("edit_clause", "ui.flows.clauses", "edit_clause"),
            ("copy_to_personal", "ui.flows.clauses", "copy_to_personal"),
            ("clause_history", "ui.flows.clauses", "show_history"),
            ("clause_translation", "ui.flows.clauses", "show_translation"),
            ("retire_clause", "ui.flows.clauses", "retire_clause"),
            ("delete_clause", "ui.flows.clauses", "delete_clause"),
            ("where_used", "ui.flows.insight", "show_where_used"),
        ):
            a[name].triggered.connect(
                lambda _c=False, m=module, f=function: self.run_flow(m, f, clause())
            )
        a["deleted_clauses"].triggered.connect(
            lambda: self.run_flow("ui.flows.clauses", "show_deleted")
        )
        a["translations_due"].triggered.connect(
            lambda: self.run_flow("ui.flows.clauses", "show_translations_due")
        )
        a["near_duplicates"].triggered.connect(
            lambda: self.run_flow("ui.flows.insight", "show_duplicates", "")
        )
        a["import_declaration"].triggered.connect(
            lambda: self.run_flow("ui.flows.insight", "import_declaration")
        )
        a["export_clauses"].triggered.connect(
            lambda: self.run_flow("ui.flows.insight", "export_clauses", lib.selected_clause_ids())
        )
        a["team_library"].triggered.connect(
            lambda: self.run_flow("ui.flows.insight", "show_team_library")
        )
        lib.set_context_actions(
            [
                a["insert_clause"],
                None,
                a["edit_clause"],
                a["copy_to_personal"],
                a["clause_history"],
                a["clause_translation"],
                a["where_used"],
                a["show_in_declaration"],
                None,
                a["retire_clause"],
                a["delete_clause"],
                None,
                a["export_clauses"],
            ]
        )
        self.workspace.libraryChanged.connect(self.library_changed)
        lib.tree.selectionModel().currentRowChanged.connect(self._sync_clause_actions)
        self._sync_clause_actions()
        comp.saveAsClauseRequest.connect(
            lambda block_id: self.run_flow("ui.flows.clauses", "save_block_as_clause", block_id)
        )

        lib.insertClauseRequest.connect(ed.insert_clause)
        lib.focusComposerRequest.connect(comp.focus_note)
        prev.languageChosenRequest.connect(self.set_preview_language)
        prev.goToRequest.connect(comp.go_to)

        comp.metadataRequest.connect(ed.set_metadata)
        comp.localizedMetadataRequest.connect(ed.set_localized)
        comp.variableRequest.connect(ed.set_variable)
        comp.addSectionRequest.connect(ed.add_section)
        comp.renameSectionRequest.connect(ed.rename_section)
        comp.moveSectionByRequest.connect(ed.move_section_by)
        comp.removeSectionRequest.connect(ed.remove_section)
        comp.insertTextRequest.connect(ed.insert_text)
        comp.insertFollowUpRequest.connect(ed.insert_follow_up)
        comp.insertClausesAtRequest.connect(ed.insert_clauses_at)
        comp.editTextRequest.connect(ed.edit_text)
        comp.formatTextRequest.connect(ed.format_text)
        comp.moveBlockRequest.connect(ed.move_block)
        comp.moveBlockByRequest.connect(ed.move_block_by)
        comp.removeBlockRequest.connect(ed.remove_block)
        comp.editLocallyRequest.connect(ed.edit_locally)
        comp.reviewUpdateRequest.connect(
            lambda block_id: self.run_flow("ui.flows.updates", "review_updates", block_id)
        )
        comp.addFollowUpRowRequest.connect(ed.add_follow_up_row)
        comp.editFollowUpRequest.connect(ed.edit_follow_up)
        comp.removeFollowUpRowRequest.connect(ed.remove_follow_up_row)
        comp.typingPausedRequest.connect(lambda: self.document.break_typing())
        comp.pendingChanged.connect(self._pending_changed)
        comp.statusRequest.connect(lambda text: self.statusBar().showMessage(text, 6000))
        comp.currentChanged.connect(self._show_insertion_point)

        # The declaration and the note's coverage of it (issue 12).
        src, cov = self.source_view, self.coverage
        a["show_in_declaration"].triggered.connect(self.show_in_declaration)
        a["insert_quotation"].triggered.connect(self.insert_quotation)
        a["insert_cited_follow_up"].triggered.connect(cov.request_table)
        a["view_declaration"].triggered.connect(lambda: self.show_side(src))
        a["view_coverage"].triggered.connect(lambda: self.show_side(cov))
        lib.preview.showInDeclarationRequest.connect(self.show_clause_in_declaration)
        comp.showInDeclarationRequest.connect(self.show_block_in_declaration)
        comp.paraphraseRequest.connect(ed.set_paraphrase)
        comp.removeCommentRequest.connect(ed.remove_comment)
        src.insertQuotationRequest.connect(ed.insert_quotation)
        cov.addFollowUpRequest.connect(ed.insert_cited_follow_up)
        cov.goToBlockRequest.connect(comp.focus_block)
        cov.showClauseRequest.connect(self.show_clause_in_declaration)
        self.side.currentChanged.connect(lambda _index: self._refresh_coverage())

    def _attach(self, document: NoteDocument) -> None:
        """Show ``document`` in every view and follow its changes."""
        self.document = document
        document.setParent(self)
        document.changed.connect(self._changed)
        document.stateChanged.connect(self._state_changed)
        self.composer.set_document(document)
        self.preview.set_note(document.note)
        self.word_count.set_note(document.note, self.services.library)
        self._sync_preview_actions()
        self.library.set_used(document.note.clause_ids())
        self._follow_display_language()
        self.source_view.show_language(self._display_language())
        self._refresh_coverage()
        self._show_banner()
        self._state_changed()
        self._show_insertion_point()
        self.run_flow("ui.flows.updates", "announce_pending")

    def set_document(self, document: NoteDocument) -> None:
        """Replace the open note (the old one is closed without asking; callers ask first)."""
        old = self.document
        if old is None:
            self.complete(document)
            return
        old.changed.disconnect(self._changed)
        old.stateChanged.disconnect(self._state_changed)
        old.close()
        old.deleteLater()
        self._attach(document)

    # --- the library ----------------------------------------------------------------------

    # --- reactions to the document --------------------------------------------------------

    def _changed(self, change: Change) -> None:
        from app.notes.history import Scope  # loaded with the note, after the first paint

        self.library.settle_search()  # the note's change is the latest: Ctrl+Z is the note's
        self.composer.apply_change(change)
        self.preview.schedule()
        self._spelling_follows(change)
        if change.scope in (Scope.BLOCKS, Scope.SECTIONS, Scope.NOTE):
            self.library.set_used(self.document.note.clause_ids())
            self._refresh_coverage()
        if change.scope is Scope.METADATA and change.field == "language":
            self.preview.set_language(self.document.note.language)
            self._sync_preview_actions()
            self._follow_display_language()
            self._refresh_coverage()
        if change.scope in (Scope.METADATA, Scope.NOTE):
            self._state_changed()

    def _state_changed(self) -> None:
        document, history = self.document, self.document.session.history
        self.setWindowModified(document.modified or has_pending(self))
        self.setWindowTitle(self._title())
        undo, redo = self.actions["undo"], self.actions["redo"]
        undo.setEnabled(history.can_undo and not document.read_only)
        redo.setEnabled(history.can_redo and not document.read_only)
        undo.setText(history.undo_text)  # a whole phrase per edit (app.notes.editwords)
        redo.setText(history.redo_text)
        # The toolbar keeps one short word, so the buttons after it never move; the whole
        # phrase is in the menu and in the tooltip.
        undo.setIconText(_("&Undo").replace("&", ""))
        redo.setIconText(_("&Redo").replace("&", ""))
        for action in (undo, redo):
            action.setToolTip(action.text().replace("&", ""))
        editing = not document.read_only
        for name in (
            "insert_clause",
            "insert_text",
            "insert_follow_up",
            "add_section",
            "block_up",
            "block_down",
            "edit_locally",
            "delete_block",
            "rename_section",
            "section_up",
            "section_down",
            "delete_section",
            "insert_quotation",
            "insert_cited_follow_up",
        ):
            self.actions[name].setEnabled(editing)
        self.coverage.set_read_only(not editing)

    def _title(self) -> str:
        document = self.document
        lang = document.note.language.languages[0]
        name = pick(document.note.subject, lang) or (
            document.path.stem if document.path else _("Untitled note")
        )
        title = f"{elide(name, TITLE_LENGTH)}[*] — Clausier"
        if document.read_only or document.file_read_only:
            title = _("{title} (read-only)").format(title=title)
        return title

    def _pending_changed(self) -> None:
        """A field started (or stopped) holding typed text the note has not: the title says it."""
        if self.document is not None:
            self.setWindowModified(self.document.modified or has_pending(self))

    def commit_pending_edits(self) -> None:
        """Give the note what the field with the keyboard still holds (a cell, a typed date):
        every action that reads the note (save, export, close, autosave, undo) does it first."""
        if self.ready and self.document is not None:
            commit_pending(self)

    def edit_focused(self, command: str) -> None:
        """Cut, copy, paste or select all (Edit menu) in the field that has the keyboard."""
        widget = self.focusWidget()
        method = {"cut": "cut", "copy": "copy", "paste": "paste", "select_all": "selectAll"}
        function = getattr(widget, method[command], None) if widget is not None else None
        if callable(function):
            function()
        elif command == "copy" and isinstance(widget, QAbstractItemView):
            text = widget.currentIndex().data()  # a list or a table: the current item's text
            if text:
                QApplication.clipboard().setText(str(text))

    def _display_language(self) -> str:
        """The document language titles are shown in: the note's, or the interface's for FR|NL."""
        language = self.document.note.language
        if language is NoteLanguage.BILINGUAL:
            return "nl" if self.services.language.code == "nl" else "fr"
        return language.value

    def _follow_display_language(self) -> None:
        lang = self._display_language()
        self.library.set_display_language(lang)
        self.composer.set_title_language(lang)

    def _show_banner(self) -> None:
        document = self.document
        if document.read_only:
            holder = document.locked_by or _("another Clausier")
            text = _(
                "This note is open in {holder}, so it is read-only here. Use Save As to keep your own copy."
            ).format(holder=holder)
        elif document.file_read_only:
            text = _(
                "Read-only: {name} cannot be saved over ({reason}). Use Save As to keep your changes in a copy."
            ).format(
                name=document.path.name if document.path else "", reason=document.file_read_only
            )
        else:
            text = ""
        self.banner.show_message(text)

    def _show_insertion_point(self) -> None:
        section_id, _index = self.composer.insertion_point()
        note = self.document.note
        section = next((s for s in note.sections if s.id == section_id), None)
        if section is None:
            self.where.setText("")
            return
        title = pick(section.title, self._display_language()) or _("untitled section")
        self.where.setText(_("Clauses go to: {section}").format(section=title))

    # --- spelling, find and replace, word count (issue 13) -----------------------------

    # --- the declaration and the coverage (issue 12) ---------------------------------

    # --- files ------------------------------------------------------------------------

    # --- closing ------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            chosen = self.chosen_size.expandedTo(self.minimumSizeHint())
            if self.size() == chosen:  # a size Clausier chose, not one asked for since
                # The window manager's frame is known once shown: fit again, frame included.
                QTimer.singleShot(0, self.fit_to_screen)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ready:
            self.workspace.window_closed(self)
            event.accept()
            return
        if not self.confirm_close():
            event.ignore()
            return
        self.autosave_timer.stop()
        self.preview.wait()
        if self.export_dialog is not None:
            self.export_dialog.wait()
        self.document.close()
        self.workspace.window_closed(self)
        event.accept()

    # --- view -------------------------------------------------------------------------

    # --- settings and language --------------------------------------------------------

    # --- state between runs -----------------------------------------------------------
