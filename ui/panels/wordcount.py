"""The word count in the status bar: the whole note per language, or the words selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.language import i18n
from app.language.i18n import _, ngettext
from app.notes.wordcount import count, note_counts
from ui.labels import language_code
from ui.qt import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QTimer, QWidget

if TYPE_CHECKING:
    from app.library.clauses import Library
    from app.notes.note import Note

#: How long typing may pause before the whole note is counted again, in milliseconds.
DELAY_MS = 400
_SEPARATORS = {"fr": "\u202f", "nl": "."}


def grouped(n: int) -> str:
    """``n`` with the interface language's thousands separator: 12 345, 12.345, 12,345."""
    text = f"{n:,}"
    return text.replace(",", _SEPARATORS.get(i18n.current_language(), ","))


def whole_note_text(counts: dict[str, int]) -> str:
    """ "1,234 words", or per language "FR: 1,234 words · NL: 1,180 words"."""
    if len(counts) == 1:
        n = next(iter(counts.values()))
        return ngettext("{n} word", "{n} words", n).format(n=grouped(n))
    return " · ".join(
        ngettext("{lang}: {n} word", "{lang}: {n} words", n).format(
            lang=language_code(lang), n=grouped(n)
        )
        for lang, n in counts.items()
    )


def selection_text(n: int, lang: str) -> str:
    """ "Selection: 12 words (FR)"."""
    return ngettext("Selection: {n} word ({lang})", "Selection: {n} words ({lang})", n).format(
        n=grouped(n), lang=language_code(lang)
    )


class WordCount(QLabel):
    """Counts the note's words after a pause in typing, and the selection as it changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordCount")
        self.note: Note | None = None
        self.library: Library | None = None
        self.counts: dict[str, int] = {}
        self._editor: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.count_now)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    def follow(self, context) -> None:
        """Count the selection of every editor ``context`` (a SpellContext) checks."""
        context.selectionChanged.connect(self._selection_changed)

    def _selection_changed(self, editor: QWidget) -> None:
        if editor is not self._editor:
            self._focus_changed(None, editor)
        else:
            self._show()

    def set_note(self, note: Note, library: Library) -> None:
        """Count ``note`` (at once: it was just opened)."""
        self.note, self.library = note, library
        self.count_now()

    def schedule(self) -> None:
        """Count again once typing pauses."""
        self._timer.start()

    def count_now(self) -> None:
        """Count the whole note and show it (unless a selection is shown)."""
        if self.note is None:
            return
        self.counts = note_counts(self.note, self.library)
        self._show()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._editor = None
        if (
            isinstance(new, QTextEdit | QPlainTextEdit | QLineEdit)
            and self.window() is new.window()
            and getattr(new, "_spelling", None) is not None
        ):
            self._editor = new  # its selection changes come through the spelling context
        self._show()

    def _selected(self) -> tuple[str, str] | None:
        editor = self._editor
        if editor is None:
            return None
        try:
            if isinstance(editor, QLineEdit):
                text = editor.selectedText()
            else:
                text = editor.textCursor().selectedText().replace("\u2029", "\n")
            lang = editor._spelling.lang
        except RuntimeError:  # the editor was deleted
            self._editor = None
            return None
        return (text, lang) if text else None

    def _show(self) -> None:
        selected = self._selected()
        if selected is not None:
            text = selection_text(count(selected[0]), selected[1])
        elif self.counts:
            text = whole_note_text(self.counts)
        else:
            text = ""
        self.setText(text)
        self.setAccessibleName(_("Word count"))

    def retranslate(self) -> None:
        """Show the count in the interface language."""
        self._show()
