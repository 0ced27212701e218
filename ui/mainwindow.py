"""The main window: library, composer and preview side by side; every request is wired here."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import ClausierError
from app.history import Change, Scope
from app.i18n import _
from app.language import NoteLanguage, pick
from ui.actions import Actions
from ui.dialogs import Unsaved
from ui.formatbar import FormatBar
from ui.librarypanel import LibraryPanel
from ui.noteeditor import NoteEditor
from ui.pending import commit_pending, has_pending
from ui.qt import (
    QAbstractItemView,
    QAction,
    QApplication,
    QByteArray,
    QCloseEvent,
    QEvent,
    QLabel,
    QMainWindow,
    QObject,
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
from ui.readonlybar import ReadOnlyBar

if TYPE_CHECKING:
    from app.plan import PlanWarning
    from ui.composer import Composer
    from ui.coveragepane import CoveragePane
    from ui.document import NoteDocument
    from ui.exportdialog import ExportDialog
    from ui.finddialog import FindReplaceDialog
    from ui.preferences import PreferencesDialog
    from ui.preview import PreviewPane
    from ui.sourceview import SourceView
    from ui.spellcheck import SpellContext
    from ui.spelldialog import SpellDialog
    from ui.wordcount import WordCount
    from ui.workspace import Workspace


TITLE_LENGTH = 80  # characters of the subject shown in the window title
#: The narrowest each pane may be made, in average characters: library, note, preview.
PANE_MINIMUM_CHARS = (30, 40, 30)
#: How much of the screen a new window takes at most (the window manager adds its frame).
SCREEN_SHARE = 0.9


def _failure(error: BaseException) -> str:
    """What went wrong, in one line for the user (file-system errors in the user's words)."""
    if isinstance(error, ClausierError):
        return str(error)
    if isinstance(error, OSError):
        from app.atomic import failure_reason

        return failure_reason(error)
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def elide(text: str, length: int) -> str:
    """``text`` cut to ``length`` characters, ending with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[: length - 1].rstrip() + "…"


class _FirstPaint(QObject):
    """Calls back once the window has painted for the first time."""

    def __init__(self, window: QWidget, callback) -> None:
        super().__init__(window)
        self.callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False


class MainWindow(QMainWindow):
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

        # A new window paints first: the clause card is written when it is complete.
        self.library = LibraryPanel(
            self.services.library, self.services.index, self, hold_card=document is None
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
            _FirstPaint(self, self.complete)

    def is_pristine(self) -> bool:
        """Whether the window holds an untouched new note (or none yet) that another may replace."""
        return self.document is None or self.document.pristine

    def complete(self, document: NoteDocument | None = None) -> None:
        """Build the composer and the preview, wire every request, and show ``document``."""
        if self.ready:
            return
        from ui.composer import Composer
        from ui.coveragepane import CoveragePane
        from ui.preview import PreviewPane
        from ui.sourceview import SourceView

        library = self.services.library
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
        a["bring_back"].triggered.connect(lambda: self.run_flow("reconcileflows", "bring_back"))
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
            lambda: self.run_flow("updateflows", "review_updates", comp.current_block_id())
        )
        a["save_as_clause"].triggered.connect(
            lambda: self.run_flow("clauseflows", "save_block_as_clause", comp.current_block_id())
        )
        a["new_clause"].triggered.connect(lambda: self.run_flow("clauseflows", "new_clause"))
        for name, module, function in (
            ("edit_clause", "clauseflows", "edit_clause"),
            ("copy_to_personal", "clauseflows", "copy_to_personal"),
            ("clause_history", "clauseflows", "show_history"),
            ("clause_translation", "clauseflows", "show_translation"),
            ("retire_clause", "clauseflows", "retire_clause"),
            ("delete_clause", "clauseflows", "delete_clause"),
            ("where_used", "insightflows", "show_where_used"),
        ):
            a[name].triggered.connect(
                lambda _c=False, m=module, f=function: self.run_flow(m, f, clause())
            )
        a["deleted_clauses"].triggered.connect(lambda: self.run_flow("clauseflows", "show_deleted"))
        a["translations_due"].triggered.connect(
            lambda: self.run_flow("clauseflows", "show_translations_due")
        )
        a["near_duplicates"].triggered.connect(
            lambda: self.run_flow("insightflows", "show_duplicates", "")
        )
        a["import_declaration"].triggered.connect(
            lambda: self.run_flow("insightflows", "import_declaration")
        )
        a["export_clauses"].triggered.connect(
            lambda: self.run_flow("insightflows", "export_clauses", lib.selected_clause_ids())
        )
        a["team_library"].triggered.connect(
            lambda: self.run_flow("insightflows", "show_team_library")
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
            lambda block_id: self.run_flow("clauseflows", "save_block_as_clause", block_id)
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
            lambda block_id: self.run_flow("updateflows", "review_updates", block_id)
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
        self.run_flow("updateflows", "announce_pending")

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

    def run_flow(self, module: str, function: str, *args) -> None:
        """Run a library flow (``ui.<module>.<function>(window, *args)``), loaded on first use."""
        import importlib

        if self.services.collection is None:
            self.workspace.open_collection()  # normally open since the first paint
            if self.services.collection is None:
                self.services.dialogs.error(self, "\n".join(self.services.library_problems[-1:]))
                return
        flow = getattr(importlib.import_module(f"ui.{module}"), function)
        flow(self, *args)

    def _sync_clause_actions(self, *_args) -> None:
        """Offer only the clause actions that apply to the clause selected in the library."""
        from app.library import PERSONAL

        clause = self.services.library.clauses.get(self.library.selected_clause_id())
        mine = clause is not None and clause.library == PERSONAL
        for name in ("edit_clause", "clause_history", "clause_translation", "where_used"):
            self.actions[name].setEnabled(clause is not None)
        self.actions["copy_to_personal"].setEnabled(clause is not None and not mine)
        self.actions["retire_clause"].setEnabled(mine)
        self.actions["delete_clause"].setEnabled(mine)
        self.actions["export_clauses"].setEnabled(bool(self.library.selected_clause_ids()))

    def library_changed(self, change) -> None:
        """Show what a library action or a reload changed (an app.collection.LibraryChange)."""
        if not self.ready:
            return
        library = self.services.library
        self.library.set_library(library, self.services.index)
        self.composer.set_library(library)
        self.preview.library = library
        self.preview.schedule()
        self.source_view.set_library(library)
        self.coverage.library = library
        self.word_count.library = library
        self.word_count.schedule()
        self._refresh_coverage()
        self._sync_clause_actions()
        self.run_flow("updateflows", "announce_pending")

    # --- reactions to the document --------------------------------------------------------

    def _changed(self, change: Change) -> None:
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
        undo.setText(history.undo_text)  # a whole phrase per edit (app.editwords)
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

    def _start_spelling(self) -> None:
        """Spell-check as you type: the window's context (dictionaries load once it painted)."""
        from app import notespelling
        from ui.spellcheck import SpellContext
        from ui.wordcount import WordCount

        def ignore(word: str, lang: str) -> None:
            session = self.document.session
            self.document.edit(lambda: notespelling.ignore_all(session, word, lang))

        self.spelling = SpellContext(
            self.workspace.spelling_service(),
            self,
            ignored=lambda lang: notespelling.ignored(self.document.note, lang),
            ignore=ignore,
            read_only=lambda: self.document.read_only,
        )
        self.spelling.service.problem.connect(self._spelling_problem)
        _FirstPaint(self, self.spelling.start)
        self.word_count = WordCount(self)
        self.word_count.follow(self.spelling)
        self.statusBar().insertPermanentWidget(0, self.word_count)

    def _spelling_problem(self, text: str) -> None:
        """Say why spelling cannot be checked (a dictionary missing or unreadable)."""
        self.statusBar().showMessage(text, 10000)

    def _spelling_follows(self, change: Change) -> None:
        """Underline again when the words the note ignores change; count again after typing."""
        if change.scope is Scope.NOTE or change.field == "ignored_words":
            self.spelling.redraw()
        self.word_count.schedule()
        if self.find_dialog is not None:
            self.find_dialog.note_changed()

    def find_in_note(self, *, replacing: bool) -> None:
        """Find (Ctrl+F) or Find and Replace (Ctrl+H) in the note; Ctrl+F in the library
        panel goes to its search, as it always did."""
        focus = self.focusWidget()
        in_library = focus is not None and (
            focus is self.library or self.library.isAncestorOf(focus)
        )
        if in_library and not replacing:
            self.focus_library()
            return
        from ui.finddialog import FindReplaceDialog

        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(self)
            self.find_dialog.editLocallyRequest.connect(self.editor.edit_locally)
        self.find_dialog.set_replacing(replacing)
        selected = ""
        if focus is not None and hasattr(focus, "textCursor"):
            selected = focus.textCursor().selectedText()
        elif focus is not None and hasattr(focus, "selectedText"):
            selected = focus.selectedText()
        self.find_dialog.start(selected)

    def check_spelling(self) -> None:
        """Check the Whole Note (F7): walk through every unknown word."""
        from ui.spelldialog import SpellDialog

        if self.spell_dialog is None:
            self.spell_dialog = SpellDialog(self)
        self.spelling.service.request(self.document.note.language.languages)
        self.spell_dialog.start()

    # --- the declaration and the coverage (issue 12) ---------------------------------

    def show_side(self, widget: QWidget) -> None:
        """Bring the preview pane forward on ``widget``'s tab (the declaration, the coverage)."""
        self.actions["toggle_preview"].setChecked(True)
        self.side.setCurrentWidget(widget)

    def _refresh_coverage(self) -> None:
        """Count the note's coverage again, when its tab shows (it is counted when it does)."""
        if self.coverage is None or self.document is None:
            return
        if self.side.currentWidget() is self.coverage:
            self.coverage.set_note(self.document.note, self._display_language())
        else:
            self.coverage.note = self.document.note
            self.coverage.lang = self._display_language()

    def show_in_declaration(self) -> None:
        """Show in the declaration the clause selected in the library (when the library has
        the keyboard), else the note's current block."""
        focus = self.focusWidget()
        in_library = focus is not None and (
            focus is self.library or self.library.isAncestorOf(focus)
        )
        block_id = self.composer.current_block_id()
        if in_library or not block_id:
            clause_id = self.library.selected_clause_id()
            if clause_id:
                self.show_clause_in_declaration(clause_id)
                return
        if block_id:
            self.show_block_in_declaration(block_id)
            return
        self.show_side(self.source_view)

    def show_clause_in_declaration(self, clause_id: str) -> None:
        """Scroll the declaration to a library clause and highlight it."""
        self.show_side(self.source_view)
        if not self.source_view.show_clause(clause_id, self.source_view.lang):
            self.statusBar().showMessage(
                _("{id} is not drawn from a declaration whose text the library holds.").format(
                    id=clause_id
                ),
                5000,
            )

    def show_block_in_declaration(self, block_id: str) -> None:
        """Scroll the declaration to where a block of the note stands, and highlight it."""
        from app import quotation

        try:
            block = self.document.session.block(block_id)
        except KeyError:
            return
        self.show_side(self.source_view)
        found = quotation.block_span(block, self.services.library, self.source_view.lang)
        if found is None:
            self.statusBar().showMessage(
                _("This block is not taken from a declaration whose text the library holds."),
                5000,
            )
            return
        source, span, lang = found
        self.source_view.show_span(source.id, lang, span)

    def insert_quotation(self) -> None:
        """Insert the words selected in the declaration as a quotation (Ctrl+Shift+Q)."""
        if (
            self.side.currentWidget() is not self.source_view
            or not self.source_view.request_quotation()
        ):
            self.show_side(self.source_view)
            self.statusBar().showMessage(
                _("Select words within one clause of the declaration, then insert them."), 5000
            )

    # --- files ------------------------------------------------------------------------

    def new_note(self) -> None:
        """Create a note from a skeleton chosen in a dialog."""
        self.workspace.new_note(self)

    def open_note(self) -> None:
        """Choose a note file and open it."""
        path = self.services.dialogs.open_path(self, self.workspace.last_folder())
        if path is not None:
            self.workspace.open_path(path, self)

    def save(self) -> bool:
        """Save the note to its file (asking where when it has none); True when saved."""
        self.commit_pending_edits()
        document = self.document
        if document.path is None or document.read_only or document.file_read_only:
            return self.save_as()
        return self._save_to(document.path)

    def save_as(self) -> bool:
        """Save the note under a new name; True when saved."""
        from app import naming, notefile

        self.commit_pending_edits()
        document = self.document
        lang = document.note.language.languages[0]
        stem = naming.slug(pick(document.note.subject, lang)) or _("note")
        folder = document.path.parent if document.path else self.workspace.last_folder()
        suggested = folder / f"{stem}{notefile.SUFFIX}"
        path = self.services.dialogs.save_path(self, suggested)
        if path is None:
            return False
        other = self.workspace.window_for(path)
        if other is not None and other is not self:
            self.services.dialogs.error(
                self, _("{name} is open in another window; close it first.").format(name=path.name)
            )
            return False
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Save to ``path``; on any failure say why, keep the note unsaved and offer Save As."""
        try:
            saved = self.document.save(path)
        except Exception as error:  # noqa: BLE001 - whatever fails, the user is told
            message = _("The note was not saved: {error}").format(error=_failure(error))
            if self.services.dialogs.offer_save_as(self, message):
                return self.save_as()
            self._state_changed()
            return False
        self.workspace.remember(saved)
        self._show_banner()
        self._state_changed()
        self.statusBar().showMessage(_("Saved {path}").format(path=saved), 4000)
        for warning in self.document.session.save_warnings:
            self.services.dialogs.information(self, warning)
        return True

    def fill_recent_menu(self) -> None:
        """List the recent files in the File menu."""
        menu = self.actions.recent_menu
        menu.clear()
        recent = self.services.state.recent_files()
        for index, path in enumerate(recent, 1):
            prefix = f"&{index} " if index < 10 else ""
            action = QAction(f"{prefix}{path.name}", menu)
            action.setStatusTip(str(path))
            action.setToolTip(str(path))
            action.triggered.connect(
                lambda _c=False, path=path: self.workspace.open_path(path, self)
            )
            menu.addAction(action)
        if not recent:
            empty = menu.addAction(_("No recent notes"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.actions["clear_recent"])
        self.actions["clear_recent"].setEnabled(bool(recent))

    def clear_recent(self) -> None:
        """Forget the recent files."""
        self.services.state.clear_recent()

    def export(self) -> None:
        """Open the export dialog."""
        from ui.exportdialog import ExportDialog

        self.commit_pending_edits()  # a cell still being typed in is exported too
        settings = self.services.settings
        dialog = ExportDialog(
            self.document.note,
            self.services.library,
            folder=self.workspace.export_folder(self.document),
            template=str(settings.get("template") or ""),
            template_locked=settings.is_locked("template"),
            exporter=self.services.exporter,
            reveal=self.services.reveal,
            open_file=self.services.open_file,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda results: self.workspace.remember_export(results))
        dialog.goToRequest.connect(self.go_to)
        dialog.finished.connect(lambda _r: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()

    def go_to(self, warning: PlanWarning) -> None:
        """Bring the window forward and put the keyboard where a check-list line points."""
        self.activateWindow()
        self.composer.go_to(warning)

    def autosave(self) -> None:
        """Store a recovery copy of unsaved changes (the timer's tick)."""
        self.commit_pending_edits()  # what is being typed in a cell is kept too
        try:
            if not self.document.autosave():
                return
            self.autosave_status = ("saved", datetime.now())
        except Exception as error:  # noqa: BLE001 - a failed autosave is shown, never raised
            self.autosave_status = ("failed", error.with_traceback(None))
        self._show_autosave_status()

    def _show_autosave_status(self) -> None:
        """Say in the status bar, in the interface language, how the last autosave went."""
        status = self.autosave_status
        if status is None:
            text = ""
        elif status[0] == "saved":
            text = _("Autosaved at {time}").format(time=status[1].strftime("%H:%M"))
        else:
            text = _("Autosave failed: {error}").format(error=_failure(status[1]))
        self.autosaved.setText(text)

    # --- closing ------------------------------------------------------------------------

    def confirm_close(self) -> bool:
        """Ask what to do with unsaved changes; True when the note may close."""
        self.commit_pending_edits()  # a cell still being typed in counts as a change
        document = self.document
        if not document.modified:
            return True
        lang = document.note.language.languages[0]
        name = pick(document.note.subject, lang) or (
            document.path.name if document.path else _("Untitled note")
        )
        answer = self.services.dialogs.ask_unsaved(self, name)
        if answer is Unsaved.SAVE:
            return self.save()
        return answer is Unsaved.DISCARD

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

    def set_preview_language(self, language: NoteLanguage | str) -> None:
        """Show the preview in FR, NL or both."""
        self.preview.set_language(language)
        self._sync_preview_actions()

    def _sync_preview_actions(self) -> None:
        chosen = self.preview.language
        self.actions["preview_fr"].setChecked(chosen is NoteLanguage.FR)
        self.actions["preview_nl"].setChecked(chosen is NoteLanguage.NL)
        self.actions["preview_both"].setChecked(chosen is NoteLanguage.BILINGUAL)

    def focus_library(self) -> None:
        """Go to the library search (Ctrl+Shift+F; Ctrl+F in the library panel)."""
        self.actions["toggle_library"].setChecked(True)
        self.library.focus_search()

    def cycle_pane(self, step: int) -> None:
        """Move the keyboard to the next (or previous) pane: library, note, preview."""
        side = self.side.currentWidget() if self.side is not None else self.preview
        panes = [w for w in (self.library, self.composer, side) if w.isVisible()]
        focus = self.focusWidget()
        current = next(
            (
                i
                for i, p in enumerate(panes)
                if focus is not None and (p is focus or p.isAncestorOf(focus))
            ),
            -1,
        )
        target = panes[(current + step) % len(panes)] if panes else None
        if target is self.library:
            self.library.focus_search()
        elif target is self.composer:
            self.composer.focus_note()
        elif target is self.preview:
            self.preview.browser.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif target is self.source_view:
            self.source_view.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_preferences(self) -> None:
        """Open the preferences."""
        if self.preferences_dialog is not None:
            self.preferences_dialog.raise_()
            return
        from ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.services.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.appliedRequest.connect(self.workspace.apply_settings)
        dialog.finished.connect(lambda _r: setattr(self, "preferences_dialog", None))
        self.preferences_dialog = dialog
        dialog.open()

    def show_shortcuts(self) -> None:
        """List every keyboard shortcut."""
        from ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions.describe(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        """Version and licence."""
        from app import __version__
        from app.dictionaries import credits
        from ui.qt import QMessageBox

        QMessageBox.about(
            self,
            _("About Clausier"),
            _(
                "Clausier {version}\nBriefing notes from a library of commitments, in French, Dutch or both."
            ).format(version=__version__)
            + "\n\n"
            + _("Spelling dictionaries:")
            + "\n"
            + "\n".join(credits()),
        )

    # --- settings and language --------------------------------------------------------

    def apply_settings(self) -> None:
        """Follow the preferences: autosave interval."""
        seconds = int(self.services.settings.get("autosave_seconds") or 0)
        if seconds > 0:
            self.autosave_timer.start(seconds * 1000)
        else:
            self.autosave_timer.stop()
            self.autosave_status = None
            self._show_autosave_status()

    def retranslate(self) -> None:
        """Set every text of the window in the interface language."""
        self.actions.retranslate()
        self.banner.retranslate()
        self.toolbar.setWindowTitle(_("Main toolbar"))
        self.toolbar.setAccessibleName(_("Main toolbar"))
        self.format_bar.retranslate()
        self.library.retranslate()
        self.library.setAccessibleName(_("Library"))
        self.splitter.setAccessibleName(_("Panes"))
        self.where.setAccessibleName(_("Where clauses are inserted"))
        self.autosaved.setAccessibleName(_("Autosave status"))
        self._show_autosave_status()
        self.setWindowTitle("Clausier")
        if not self.ready:
            return
        self.composer.retranslate()
        self.preview.retranslate()
        self.source_view.retranslate()
        self.coverage.retranslate()
        for widget, title in (
            (self.preview, _("Preview")),
            (self.source_view, _("Declaration")),
            (self.coverage, _("Coverage")),
        ):
            self.side.setTabText(self.side.indexOf(widget), title)
        self.side.setAccessibleName(_("Preview, declaration and coverage"))
        for dialog in (
            self.export_dialog,
            self.preferences_dialog,
            self.find_dialog,
            self.spell_dialog,
        ):
            if dialog is not None:
                dialog.retranslate()
        self.word_count.retranslate()
        if self.document is not None:
            self._follow_display_language()
            self._state_changed()
            self._show_banner()
            self._show_insertion_point()

    # --- state between runs -----------------------------------------------------------

    def restore_layout(self) -> None:
        """Put the window and its panes where the user left them, inside the screen it has now."""
        state = self.services.state
        geometry = state.get("geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode("ascii")))
            self.fit_to_screen()
        panes = state.get("splitter")
        if panes:
            self.layout_restored = self.splitter.restoreState(
                QByteArray.fromHex(panes.encode("ascii"))
            )
        self.actions["toggle_library"].setChecked(state.get("library_visible", True))
        self.actions["toggle_preview"].setChecked(state.get("preview_visible", True))
        self.library.setVisible(self.actions["toggle_library"].isChecked())
        self.right.setVisible(self.actions["toggle_preview"].isChecked())

    def fit_to_screen(self) -> None:
        """Keep the window inside the available area of its screen: no larger, not past its edges."""
        screen = self.screen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry()
        extra = frame.size() - self.geometry().size()  # the title bar and borders, once shown
        width = max(self.minimumWidth(), min(self.width(), area.width() - extra.width()))
        height = max(self.minimumHeight(), min(self.height(), area.height() - extra.height()))
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        self.chosen_size = QSize(width, height)
        outer_width, outer_height = width + extra.width(), height + extra.height()
        x = max(area.left(), min(frame.x(), area.left() + area.width() - outer_width))
        y = max(area.top(), min(frame.y(), area.top() + area.height() - outer_height))
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def _give_the_note_room(self) -> None:
        """Widen the note's pane to its page (the others give what they can spare)."""
        # Before the window shows, the splitter knows only the shares it was given.
        sizes = self.splitter.sizes() if self.splitter.isVisible() else list(self.pane_sizes)
        page = self.composer.page.minimumSizeHint().width()
        scroll_bar = self.composer.verticalScrollBar().sizeHint().width()
        needed = page + scroll_bar + 2 * self.fontMetrics().averageCharWidth()  # and the handles
        missing = needed - sizes[1]
        if missing <= 0:
            return
        spare = [
            max(0, sizes[0] - self.library.minimumWidth()),
            max(0, sizes[2] - self.right.minimumWidth()),
        ]
        if not sum(spare):
            return
        taken = [min(s, missing * s // sum(spare)) for s in spare]
        self.splitter.setSizes([sizes[0] - taken[0], sizes[1] + sum(taken), sizes[2] - taken[1]])

    def save_layout(self) -> None:
        """Remember the window and its panes."""
        state = self.services.state
        state.set("geometry", bytes(self.saveGeometry().toHex()).decode("ascii"))
        state.set("splitter", bytes(self.splitter.saveState().toHex()).decode("ascii"))
        state.set("library_visible", self.actions["toggle_library"].isChecked())
        state.set("preview_visible", self.actions["toggle_preview"].isChecked())
        state.save()
