"""Spell-check as you type: the application's speller, each window's context, and the editors.

:class:`SpellService` owns the one :class:`~app.spelling.checker.Speller` of the application and
loads a dictionary in a worker thread the first time a window that has painted asks
for its language, never before. Each window (and the clause editor) has a
:class:`SpellContext`: the service plus the words its note ignores. Editors join with
:func:`watch`, which finds the context of the window they are shown in, underlines
their unknown words and puts suggestions, Ignore All and Add to Dictionary at the top
of their right-click menu.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.language.i18n import _
from app.spelling.checker import Speller, Word, normal
from ui.qt import (
    QAbstractScrollArea,
    QContextMenuEvent,
    QEvent,
    QFont,
    QLineEdit,
    QMenu,
    QObject,
    QPlainTextEdit,
    QStyleOptionViewItem,
    Qt,
    QTextCursor,
    QTextEdit,
    QTimer,
    QWidget,
    Signal,
)
from ui.widgets.spellunderline import LineUnderlines, SpellHighlighter, paint_cell_underlines

if TYPE_CHECKING:
    from app.system.settings import Settings

SETTING = "spell_check"
#: How long one turn of the event loop may spend drawing underlines again (seconds), so
#: typing stays fluid while a 600-block note is underlined after its dictionary loads.
REDRAW_SLICE = 0.008


class SpellService(QObject):
    """The application's speller; dictionaries load in a worker thread when first asked for."""

    changed = Signal()  # a dictionary loaded, a word was added, spelling turned on or off
    _loaded = Signal(str)  # from the worker thread: a language is ready
    problem = Signal(str)  # a dictionary could not be loaded: why, in one line

    def __init__(
        self, settings: Settings | None, speller: Speller | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.speller = speller or Speller()
        self._threads: dict[str, threading.Thread] = {}
        self._enabled = self._setting()
        self._loaded.connect(lambda _lang: self.changed.emit())

    def _setting(self) -> bool:
        if self.settings is None:
            return True
        return bool(self.settings.get(SETTING))

    @property
    def enabled(self) -> bool:
        """Whether spelling is checked (the preference, which IT may lock)."""
        return self._enabled

    def apply_settings(self) -> None:
        """Follow the preference; the underlines come or go at once."""
        enabled = self._setting()
        if enabled != self._enabled:
            self._enabled = enabled
            self.changed.emit()

    def request(self, languages) -> None:
        """Load the dictionaries of ``languages`` in the background (each once)."""
        if not self._enabled:
            return
        for lang in languages:
            if self.speller.loaded(lang) or lang in self._threads:
                continue
            thread = threading.Thread(
                target=self._load, args=(lang,), name=f"spelling-{lang}", daemon=True
            )
            self._threads[lang] = thread
            thread.start()

    def _load(self, lang: str) -> None:
        if self.speller.load(lang) is not None:
            self._loaded.emit(lang)
        elif self.speller.problems:
            self.problem.emit(self.speller.problems[-1])  # queued to the window's thread

    def wait(self) -> None:
        """Wait for the dictionaries being loaded (tests, and the Check the Whole Note dialog)."""
        for thread in list(self._threads.values()):
            thread.join()
        from ui.qt import QCoreApplication

        QCoreApplication.processEvents()  # the queued "ready" signals

    def ready(self, lang: str) -> bool:
        """Whether ``lang`` is checked now."""
        return self._enabled and self.speller.loaded(lang)

    def misspelt(self, text: str, lang: str, ignored=frozenset()) -> list[Word]:
        """The unknown words of ``text`` in ``lang`` (none while off or loading)."""
        if not self._enabled:
            return []
        return self.speller.misspelt(text, lang, ignored)

    def suggest(self, word: str, lang: str) -> list[str]:
        """Suggestions for ``word`` in ``lang``."""
        return self.speller.suggest(word, lang)

    def add_word(self, word: str, lang: str) -> str:
        """Add ``word`` to the user's dictionary for ``lang``; "" or why it could not be kept."""
        try:
            self.speller.add_word(word, lang)
        except OSError as error:
            from app.system.atomic import failure_reason

            return failure_reason(error)
        finally:
            self.changed.emit()
        return ""


class SpellContext(QObject):
    """Spelling in one window (or dialog): the service, and the words this note ignores.

    ``ignore`` is how Ignore All is carried out: the window's asks the note (an
    undoable edit kept in the note file); with none, the context keeps the words
    until it closes (the clause editor, which has no note).
    """

    changed = Signal()  # the underlines must be drawn again
    selectionChanged = Signal(object)  # an editor checked here: its selection changed

    def __init__(
        self,
        service: SpellService,
        parent: QObject | None = None,
        *,
        ignored: Callable[[str], frozenset[str]] | None = None,
        ignore: Callable[[str, str], None] | None = None,
        read_only: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._ignored_of = ignored
        self._ignore = ignore
        self._read_only = read_only or (lambda: False)
        self._own: dict[str, set[str]] = {}
        self._languages: set[str] = set()
        self._started = False
        self._editors: list[weakref.ref] = []
        self._queue: list[weakref.ref] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._redraw_some)
        service.changed.connect(self.redraw)

    # --- words -------------------------------------------------------------------------

    def ignored(self, lang: str) -> frozenset[str]:
        """The words left alone in ``lang`` here."""
        words = self._ignored_of(lang) if self._ignored_of is not None else frozenset()
        own = self._own.get(lang)
        return words | own if own else words

    def ranges(self, text: str, lang: str) -> list[tuple[int, int]]:
        """Where the unknown words of ``text`` are."""
        return [(w.start, w.end) for w in self.misspelt(text, lang)]

    def misspelt(self, text: str, lang: str) -> list[Word]:
        """The unknown words of ``text`` in ``lang``, those ignored here left out."""
        return self.service.misspelt(text, lang, self.ignored(lang))

    def ignore_all(self, word: str, lang: str) -> None:
        """Leave ``word`` alone everywhere here."""
        if self._ignore is not None:
            self._ignore(word, lang)
        else:
            self._own.setdefault(lang, set()).add(normal(word))
            self.redraw()

    def add_word(self, word: str, lang: str) -> str:
        """Add ``word`` to the user's dictionary; "" or why it could not be kept."""
        return self.service.add_word(word, lang)

    @property
    def read_only(self) -> bool:
        """Whether corrections are refused here (a note open read-only)."""
        return self._read_only()

    # --- loading and drawing -------------------------------------------------------------

    def start(self) -> None:
        """Allow loading: called once the window has painted; asks for the languages seen."""
        self._started = True
        self.service.request(sorted(self._languages))

    def want(self, lang: str) -> None:
        """Note that an editor in ``lang`` is shown, so its dictionary is wanted."""
        if lang not in self._languages:
            self._languages.add(lang)
            if self._started:
                self.service.request([lang])

    def attach(self, editor: QWidget, lang: str) -> None:
        """Underline ``editor``'s unknown words in ``lang`` and offer corrections on right-click."""
        existing = getattr(editor, "_spelling", None)
        if existing is not None:
            existing.set_language(lang)
            return
        self.want(lang)
        editor._spelling = _EditorSpelling(editor, self, lang)
        self._editors.append(weakref.ref(editor._spelling))

    def redraw(self) -> None:
        """Draw every editor's underlines again, the ones on screen first, a slice of time
        per turn of the event loop."""
        self._editors = [ref for ref in self._editors if ref() is not None]
        shown = [ref for ref in self._editors if ref().on_screen()]
        hidden = [ref for ref in self._editors if not ref().on_screen()]
        self._queue = shown + hidden
        if self._queue:
            self._timer.start()
        self.changed.emit()  # what draws its own underlines (table cells) draws again

    def _redraw_some(self) -> None:
        started = time.perf_counter()
        while self._queue and time.perf_counter() - started < REDRAW_SLICE:
            spelling = self._queue.pop(0)()
            if spelling is not None:
                spelling.redraw()
        if not self._queue:
            self._timer.stop()

    def redraw_now(self) -> None:
        """Draw every editor's underlines again at once (tests)."""
        self.redraw()
        while self._queue:
            self._redraw_some()


class _EditorSpelling(QObject):
    """One editor's underlines and its right-click corrections."""

    def __init__(self, editor: QWidget, context: SpellContext, lang: str) -> None:
        super().__init__(editor)
        self.editor = editor
        self.context = context
        self.lang = lang
        self.highlighter: SpellHighlighter | None = None
        self.layer: LineUnderlines | None = None
        if isinstance(editor, QLineEdit):
            self.layer = LineUnderlines(editor, self._ranges, lang)
        else:
            self.highlighter = SpellHighlighter(editor.document(), self._ranges, lang)
        editor.installEventFilter(self)
        if isinstance(editor, QAbstractScrollArea):
            editor.viewport().installEventFilter(self)
        editor.selectionChanged.connect(self._selection_changed)

    def _selection_changed(self) -> None:
        self.context.selectionChanged.emit(self.editor)

    def _ranges(self, text: str, lang: str) -> list[tuple[int, int]]:
        return self.context.ranges(text, lang)

    def set_language(self, lang: str) -> None:
        """Check the editor in ``lang`` from now on."""
        if lang == self.lang:
            return
        self.lang = lang
        self.context.want(lang)
        for part in (self.highlighter, self.layer):
            if part is not None:
                part.lang = lang
        self.redraw()

    def on_screen(self) -> bool:
        """Whether some of the editor shows in its window now."""
        try:
            return self.editor.isVisible() and not self.editor.visibleRegion().isEmpty()
        except RuntimeError:
            return False

    def redraw(self) -> None:
        """Underline again (the words or the dictionaries changed)."""
        try:
            if self.highlighter is not None:
                blocked = self.editor.blockSignals(True)  # formats are not an edit
                try:
                    self.highlighter.rehighlight()
                finally:
                    self.editor.blockSignals(blocked)
            elif self.layer is not None:
                self.layer.update()
        except RuntimeError:  # the editor was deleted meanwhile
            pass

    # --- the right-click menu ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            return self._menu(watched, event)
        return False

    def _word_at(self, watched: QObject, event: QContextMenuEvent):
        """(word, the function that replaces it) for the unknown word under the mouse."""
        editor = self.editor
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        if isinstance(editor, QLineEdit):
            position = editor.cursorPosition() if keyboard else editor.cursorPositionAt(event.pos())
            word = _around(self.context.misspelt(editor.text(), self.lang), position)
            if word is None:
                return None
            return word, lambda text: _replace_in_line(editor, word, text)
        assert isinstance(editor, QTextEdit | QPlainTextEdit)
        if keyboard or watched is editor:
            cursor = editor.textCursor()
        else:
            cursor = editor.cursorForPosition(event.pos())
        block = cursor.block()
        word = _around(self.context.misspelt(block.text(), self.lang), cursor.positionInBlock())
        if word is None:
            return None
        return word, lambda text: _replace_in_document(editor, block.position(), word, text)

    def _menu(self, watched: QObject, event: QContextMenuEvent) -> bool:
        found = self._word_at(watched, event)
        if found is None:
            return False
        word, replace = found
        editor = self.editor
        if isinstance(editor, QLineEdit):
            menu = editor.createStandardContextMenu()
        elif watched is editor or event.reason() == QContextMenuEvent.Reason.Keyboard:
            menu = editor.createStandardContextMenu()
        else:
            menu = editor.createStandardContextMenu(event.pos())
        menu.setParent(editor, menu.windowFlags())
        fill_menu(menu, self.context, word.text, self.lang, replace, editable=self._editable())
        menu.exec(event.globalPos())
        menu.deleteLater()
        return True

    def _editable(self) -> bool:
        editor = self.editor
        return not editor.isReadOnly() and not self.context.read_only


def _around(found: list[Word], position: int) -> Word | None:
    return next((w for w in found if w.start <= position <= w.end), None)


def _replace_in_line(edit: QLineEdit, word: Word, text: str) -> None:
    if edit.text()[word.start : word.end] != word.text:
        return
    edit.setSelection(word.start, word.end - word.start)
    edit.insert(text)  # the user's edit: textEdited follows, and the note records it


def _replace_in_document(editor, block_start: int, word: Word, text: str) -> None:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(block_start + word.start)
    cursor.setPosition(block_start + word.end, QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText() != word.text:
        return
    boundary = getattr(editor, "pasteBoundary", None)  # a correction is an undo step of its own
    if boundary is not None:
        boundary.emit()
    cursor.insertText(text)  # keeps the word's bold or italic
    editor.setTextCursor(cursor)
    if boundary is not None:
        boundary.emit()


def fill_menu(
    menu: QMenu,
    context: SpellContext,
    word: str,
    lang: str,
    replace: Callable[[str], None],
    *,
    editable: bool = True,
) -> None:
    """Put the suggestions for ``word``, Ignore All and Add to Dictionary at the top of ``menu``."""
    first = menu.actions()[0] if menu.actions() else None
    added = []
    suggestions = context.service.suggest(word, lang)
    bold = QFont(menu.font())
    bold.setBold(True)
    for suggestion in suggestions:
        action = menu.addAction(suggestion)
        action.setFont(bold)
        action.setEnabled(editable)
        action.triggered.connect(lambda _c=False, s=suggestion: replace(s))
        added.append(action)
    if not suggestions:
        none = menu.addAction(_("(no suggestions)"))
        none.setEnabled(False)
        added.append(none)
    added.append(menu.addSeparator())
    ignore = menu.addAction(_("I&gnore All"))
    ignore.setToolTip(_("Leave this word alone everywhere in this note"))
    ignore.setEnabled(editable)
    ignore.triggered.connect(lambda: context.ignore_all(word, lang))
    add = menu.addAction(_("&Add to Dictionary"))
    add.setToolTip(_("Add this word to your own dictionary, for every note"))
    add.triggered.connect(lambda: _add(context, word, lang, menu.parentWidget()))
    added.extend([ignore, add])
    if first is not None:
        added.append(menu.addSeparator())
        for action in added:
            menu.removeAction(action)
        menu.insertActions(first, added)


def _add(context: SpellContext, word: str, lang: str, parent: QWidget | None) -> None:
    problem = context.add_word(word, lang)
    if problem and parent is not None:
        window = parent.window()
        status = getattr(window, "statusBar", None)
        if status is not None:
            status().showMessage(
                _("“{word}” could not be added to your dictionary: {reason}").format(
                    word=word, reason=problem
                ),
                8000,
            )


# --- editors join the context of the window they are shown in ----------------------------


def context_of(widget: QWidget | None) -> SpellContext | None:
    """The spelling context of the window (or dialog) ``widget`` is in."""
    while widget is not None:
        context = getattr(widget, "spelling", None)
        if isinstance(context, SpellContext):
            return context
        widget = widget.parentWidget()
    return None


class _Joiner(QObject):
    """Waits for an editor to be shown, then attaches it to its window's context."""

    def __init__(self, editor: QWidget) -> None:
        super().__init__(editor)
        self.editor = editor
        self.lang = ""
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.join()
        return False

    def join(self) -> bool:
        """Attach to the context if there is one now; True when attached."""
        context = context_of(self.editor)
        if context is None:
            return False
        self.editor.removeEventFilter(self)
        context.attach(self.editor, self.lang)
        return True


def own_context(owner: QWidget, parent: QWidget | None) -> SpellContext | None:
    """A context of its own for a dialog (the clause editor): the window's service, its own
    Ignore All; None when ``parent`` is in no window that checks spelling."""
    window = context_of(parent)
    if window is None:
        return None
    context = SpellContext(window.service, owner)
    context.start()
    return context


def watch(editor: QWidget, lang: str) -> None:
    """Check ``editor``'s spelling in ``lang`` (fr or nl) once it is shown in a window."""
    if lang not in Speller.LANGS:
        return
    spelling = getattr(editor, "_spelling", None)
    if spelling is not None:
        spelling.set_language(lang)
        return
    joiner = getattr(editor, "_spelling_joiner", None)
    if joiner is None:
        joiner = _Joiner(editor)
        editor._spelling_joiner = joiner
    joiner.lang = lang
    if editor.isVisible():
        joiner.join()


def underline_cell(delegate, painter, option, index, lang: str) -> None:
    """Draw the waves under a table cell's unknown words (its delegate has painted it)."""
    table = option.widget
    context = context_of(table)
    if context is None:
        return
    if not getattr(table, "_spelling_watched", False):
        table._spelling_watched = True
        context.changed.connect(table.viewport().update)
    context.want(lang)
    text = index.data(Qt.ItemDataRole.DisplayRole) or ""
    found = context.ranges(text, lang)
    if found:
        shown = QStyleOptionViewItem(option)
        delegate.initStyleOption(shown, index)
        paint_cell_underlines(painter, shown, found)
