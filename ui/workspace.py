"""The running application: shared services, its windows, opening notes, recovery after a crash."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.language.classification import Classification
from app.language.i18n import _
from app.system.errors import ClausierError
from app.system.settings import Settings, new_note_language
from ui.dialogs.answers import RecoveryChoice
from ui.dialogs.questions import Dialogs
from ui.exporting import Exporter, export_note, open_file, open_folder
from ui.mainwindow import MainWindow
from ui.qt import QApplication, QObject, QPoint, Qt, QTimer, QWidget, Signal
from ui.state import WindowState
from ui.translation import InterfaceLanguage

if TYPE_CHECKING:
    from app.collection.actions import Collection, LibraryChange
    from app.export.word import ExportResult
    from app.library.clauses import Library
    from app.notes.note import Note
    from ui.document import NoteDocument
    from ui.panels.library import Searcher


REFRESH_SECONDS = 30  # how often the libraries are looked at for changes made elsewhere


@dataclass
class Services:
    """What every window shares; tests build one with stub dialogs."""

    settings: Settings
    collection: Collection | None  # None until opened, just after the first paint
    state: WindowState
    language: InterfaceLanguage
    dialogs: Dialogs = field(default_factory=Dialogs)
    exporter: Exporter = export_note
    reveal: Callable[[Path], None] = open_folder
    open_file: Callable[[Path], None] = open_file  # a written .docx, in Word
    library_problems: list[str] = field(default_factory=list)
    threaded_preview: bool = True
    _first: tuple[Library, Searcher] | None = None  # what the first paint shows, meanwhile

    @property
    def library(self) -> Library:
        """Every clause the user can use: built-in, imported, team and personal, merged."""
        if self.collection is None:
            return self._meanwhile()[0]
        return self.collection.library

    @property
    def index(self) -> Searcher:
        """The search index over :attr:`library`."""
        if self.collection is None:
            return self._meanwhile()[1]
        return self.collection.index

    def _meanwhile(self) -> tuple[Library, Searcher]:
        if self._first is None:
            from app.library.clauses import builtin
            from ui.panels.memorysearch import MemorySearch

            library = builtin()
            self._first = (library, MemorySearch(library))
        return self._first

    def open_collection(self) -> Collection:
        """Open the database and every library (the window shows the built-in one meanwhile)."""
        if self.collection is None:
            from app.collection.actions import Collection

            self.collection = Collection.open(settings=self.settings)
            self.library_problems.extend(self.collection.problems)
        return self.collection


class Workspace(QObject):
    """Owns the windows: one note per window, new notes and opened files reuse an untouched one."""

    libraryChanged = Signal(object)  # an app.collection.actions.LibraryChange, for every window

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.windows: list[MainWindow] = []
        self._spelling = None  # the SpellService, made when the first window is complete
        services.language.languageChanged.connect(self._retranslate)
        # Changes made elsewhere (the team folder, another instance, the command line) show
        # when the application comes back to the front, and every half minute.
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_SECONDS * 1000)
        self.refresh_timer.timeout.connect(self.refresh_library)
        self.refresh_timer.start()
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._application_state)

    # --- windows --------------------------------------------------------------------------

    def new_window(
        self, document: NoteDocument | None = None, *, progressive: bool = False
    ) -> MainWindow:
        """Open a window on ``document`` (a fresh note by default).

        ``progressive`` paints the window and its library first and builds the rest of
        it right after (a new note), which is how the application starts.
        """
        if document is None and not progressive:
            document = self.fresh_document()
        window = MainWindow(self, document)
        first = not self.windows
        self.windows.append(window)
        if first:
            window.restore_layout()
        else:
            previous = self.windows[-2]
            window.resize(previous.size())
            window.move(previous.pos() + QPoint(32, 32))
            window.fit_to_screen()
        return window

    def show(self, window: MainWindow) -> None:
        """Show a window and bring it to the front."""
        window.show()
        window.raise_()
        window.activateWindow()

    def window_for(self, path: Path) -> MainWindow | None:
        """The window that has the note at ``path`` open."""
        wanted = Path(path).resolve()
        for window in self.windows:
            document = window.document
            if document is not None and document.path is not None:
                if document.path.resolve() == wanted:
                    return window
        return None

    def window_closed(self, window: MainWindow) -> None:
        """Forget a window that closed (remembering its layout when it is the last one)."""
        if window in self.windows:
            if len(self.windows) == 1:
                window.save_layout()
            self.windows.remove(window)

    def quit(self) -> None:
        """Close every window (each asks about unsaved changes)."""
        for window in list(self.windows):
            if not window.close():
                return

    def _place(self, document: NoteDocument, near: MainWindow | None) -> MainWindow:
        """Show ``document`` in ``near`` when it holds an untouched note, else in a new window."""
        if near is not None and near.is_pristine():
            near.set_document(document)
            window = near
        else:
            window = self.new_window(document)
        self.show(window)
        return window

    # --- notes ----------------------------------------------------------------------------

    def fresh_document(self, skeleton: str = "") -> NoteDocument:
        """A new note with the user's defaults, ready for a window."""
        from ui.document import NoteDocument

        return NoteDocument.new(self.default_note(skeleton))

    def default_note(self, skeleton: str = "") -> Note:
        """A new note with the user's defaults (language, author, cabinet, place, classification…)."""
        from app.notes import skeletons
        from app.notes.note import Note

        settings = self.services.settings
        note = skeletons.new_note(skeleton) if skeleton else Note()
        # A configured language wins; else the interface's (Dutch) or the cabinet's (French).
        note.language = new_note_language(settings, self.services.language.code)
        note.classification = Classification(settings.get("classification") or "none")
        note.author = str(settings.get("author") or "")
        cabinet = {
            lang: str(settings.get(f"cabinet_{lang}") or "")
            for lang in ("fr", "nl")
            if settings.get(f"cabinet_{lang}")
        }
        if cabinet:
            note.cabinet = cabinet
        if not any(note.place.values()):  # a skeleton's own place comes first
            note.place = {
                lang: str(settings.get(f"place_{lang}") or "").strip()
                for lang in ("fr", "nl")
                if str(settings.get(f"place_{lang}") or "").strip()
            }
        note.date = date.today()
        return note

    def new_note(self, near: MainWindow | None) -> MainWindow | None:
        """Ask for a skeleton and open a new note from it."""
        from app.notes import skeletons

        available = skeletons.available()
        lang = self.services.language.code
        name = self.services.dialogs.choose_skeleton(near, available, lang)
        if name is None:
            return None
        try:
            document = self.fresh_document(name)
        except ClausierError as error:
            self.services.dialogs.error(near, str(error))
            return None
        window = self._place(document, near)
        if name:
            index = skeletons.clauses_section(name)
            sections = document.note.sections
            if 0 <= index < len(sections):
                window.composer.set_current_section(sections[index].id)
        window.composer.metadata.focus_first()
        return window

    def open_path(self, path: Path, near: MainWindow | None = None) -> MainWindow | None:
        """Open the note at ``path`` (read-only when another instance has it)."""
        path = Path(path)
        existing = self.window_for(path)
        if existing is not None:
            self.show(existing)
            return existing
        from ui.document import NoteDocument

        try:
            document = NoteDocument.open(path)
        except ClausierError as error:
            self.services.dialogs.error(near, str(error))
            return None
        except OSError as error:
            self.services.dialogs.error(
                near,
                _("Cannot open {path}: {reason}").format(path=path, reason=error.strerror or error),
            )
            return None
        window = self._place(document, near)
        self.remember(path)
        if document.read_only:
            self.services.dialogs.information(
                window,
                _(
                    "{name} is open in {holder}; it opens read-only. Use Save As to keep your own copy."
                ).format(name=path.name, holder=document.locked_by or _("another Clausier")),
            )
        return window

    def offer_recoveries(self, near: MainWindow | None) -> list[MainWindow]:
        """After a crash, offer the notes that were not saved; returns the windows opened."""
        from app.notes import recovery
        from ui.document import NoteDocument

        pending = recovery.pending_recoveries()
        if not pending:
            return []
        choices = self.services.dialogs.offer_recoveries(near, pending)
        opened = []
        for item in pending:
            choice = choices.get(item.key, RecoveryChoice.KEEP)
            if choice is RecoveryChoice.DISCARD:
                recovery.discard_autosave(item.key)
            elif choice is RecoveryChoice.OPEN:
                try:
                    note = recovery.load_recovery(item)
                except ClausierError as error:
                    self.services.dialogs.error(near, str(error))
                    continue
                document = NoteDocument.recovered(note, item.original)
                window = self._place(
                    document, near if near is not None and near.is_pristine() else None
                )
                document.autosave()  # our own copy first, then the crashed one may go
                recovery.discard_autosave(item.key)
                opened.append(window)
                near = None
        return opened

    # --- the library ----------------------------------------------------------------------

    def open_collection(self) -> None:
        """Open the libraries behind the first window, and show them in every window."""
        import sqlite3

        from app.collection.actions import Action, LibraryChange

        if self.services.collection is not None:
            return
        try:
            self.services.open_collection()
        except (ClausierError, OSError, sqlite3.Error) as error:
            self.services.library_problems.append(
                _("Your personal library could not be opened: {reason}").format(reason=error)
            )
            return
        self.libraryChanged.emit(LibraryChange(Action.RELOADED))

    def change_library(
        self, parent: QWidget | None, operation: Callable[[], LibraryChange | None]
    ) -> LibraryChange | None:
        """Run one library action; its error goes to a dialog, its change to every window."""
        try:
            change = operation()
        except (ClausierError, OSError) as error:
            self.services.dialogs.error(parent, str(error))
            return None
        if change is not None:
            self.libraryChanged.emit(change)
        return change

    def stop(self) -> None:
        """Stop looking for library changes (the application is ending)."""
        self.refresh_timer.stop()
        app = QApplication.instance()
        if app is not None:
            try:
                app.applicationStateChanged.disconnect(self._application_state)
            except (RuntimeError, TypeError):
                pass

    def _application_state(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.refresh_library()

    def refresh_library(self) -> LibraryChange | None:
        """Take in changes made outside this window (team folder, another instance)."""
        if self.services.collection is None:
            return None
        import sqlite3  # the collection has opened the database: already loaded

        try:
            change = self.services.collection.refresh()
        except (ClausierError, OSError, sqlite3.Error) as error:
            for window in self.windows:
                window.statusBar().showMessage(str(error), 10000)
            return None
        if change is not None:
            self.libraryChanged.emit(change)
        return change

    # --- remembering ----------------------------------------------------------------------

    def remember(self, path: Path) -> None:
        """Put ``path`` in the recent files and remember its folder."""
        state = self.services.state
        state.add_recent(path)
        state.set("last_folder", str(Path(path).resolve().parent))
        state.save()

    def last_folder(self) -> Path:
        """Where the file dialogs start."""
        folder = self.services.state.get("last_folder")
        if folder and Path(folder).is_dir():
            return Path(folder)
        return Path.home()

    def export_folder(self, document: NoteDocument) -> Path:
        """Where exports go: the last one used, the preference, the note's folder, or home."""
        candidates = [
            self.services.state.get("export_folder"),
            self.services.settings.get("export_folder"),
            str(document.path.parent) if document.path else "",
        ]
        for candidate in candidates:
            if candidate and Path(candidate).expanduser().is_dir():
                return Path(candidate).expanduser()
        return self.last_folder()

    def remember_export(self, results: list[ExportResult]) -> None:
        """Remember the folder of the last export."""
        if results:
            self.services.state.set("export_folder", str(results[0].path.parent))
            self.services.state.save()

    # --- settings and language ------------------------------------------------------------

    def apply_settings(self) -> None:
        """Take the preferences into account at once: language, autosave, note folders."""
        from app.system.settings import split_folders

        settings = self.services.settings
        self.services.language.apply(settings.get("interface_language") or None)
        if self.services.collection is not None:  # else it reads them when it opens
            self.services.collection.note_folders = split_folders(settings.get("note_folders"))
        if self._spelling is not None:
            self._spelling.apply_settings()
        for window in self.windows:
            window.apply_settings()

    def spelling_service(self):
        """The application's spell checker (ui.spellcheck.SpellService), shared by every window."""
        if self._spelling is None:
            from ui.spellcheck import SpellService

            self._spelling = SpellService(self.services.settings, parent=self)
        return self._spelling

    def _retranslate(self, _code: str) -> None:
        for window in self.windows:
            window.retranslate()
        app = QApplication.instance()
        if app is not None:
            app.setApplicationDisplayName("Clausier")
