"""The declaration itself, in the window: its full text with every clause's span marked.

Each clause of the source is tinted (two tints, alternating, so neighbours stand
apart) and opens with its number ("1.4", "¶2" in the preamble); the clause under the
cursor is named below the text with where it stands in the declaration and in the
text as received. "Show in Declaration" scrolls to a clause and highlights it;
words selected within one clause become a quotation with "Insert as Quotation".
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from app.language.i18n import _
from app.library.clauses import Library, Source
from app.notes import quotation
from ui.labels import language_code
from ui.panels.quotemark import anchor_words
from ui.qt import (
    QAction,
    QButtonGroup,
    QColor,
    QComboBox,
    QContextMenuEvent,
    QFont,
    QHBoxLayout,
    QLabel,
    QPoint,
    QPushButton,
    Qt,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextEdit,
    QTextFormat,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.looks import MUTED, shrink, tint

#: The tints of clauses, in turn, and the highlight of the one shown.
TINTS = ("#eaf1fb", "#f6f0e1")
HIGHLIGHT = "#ffd866"
CURRENT = "#d3e3f8"
LABEL_COLOUR = "#2f5496"


@dataclass(frozen=True)
class Mark:
    """A clause's span in the text shown, with its label."""

    clause_id: str
    start: int
    end: int
    label: str


class LabelMap:
    """Offsets of the source text ↔ positions in the document, which adds a label per clause.

    ``labels`` are (text offset, length): a label of that length stands just before
    the character at that offset.
    """

    def __init__(self, labels: list[tuple[int, int]]) -> None:
        self.offsets = [offset for offset, _length in labels]
        self.shifts: list[int] = []
        total = 0
        for _offset, length in labels:
            total += length
            self.shifts.append(total)
        self.lengths = [length for _offset, length in labels]

    def to_document(self, offset: int) -> int:
        """The document position of the text offset ``offset``."""
        index = bisect_right(self.offsets, offset)
        return offset + (self.shifts[index - 1] if index else 0)

    def to_text(self, position: int) -> int:
        """The text offset of a document position (one inside a label: the clause's start)."""
        shift = 0
        for offset, length in zip(self.offsets, self.lengths, strict=True):
            start = offset + shift
            if position < start:
                break
            if position < start + length:
                return offset
            shift += length
        return position - shift


def clause_label(clause) -> str:
    """What opens a clause in the view: "1.4", or "¶2" in the preamble."""
    anchor = clause.anchor
    if anchor is None:
        return clause.id
    return f"¶{anchor.number}" if anchor.in_preamble else f"{anchor.part}.{anchor.number}"


class SourceText(QTextEdit):
    """The full text, read-only, selectable with the mouse and the keyboard."""

    quoteRequest = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.quote_action = QAction(self)
        self.quote_action.triggered.connect(self.quoteRequest)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.quote_action)
        menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()


class SourceView(QWidget):
    """A source's full text in French or Dutch, each clause marked; quotations taken from it."""

    insertQuotationRequest = Signal(str, str, int, int)  # source id, lang, start, end

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.source_id = ""
        self.lang = "fr"
        self.marks: list[Mark] = []
        self.map = LabelMap([])
        self.highlighted: tuple[int, int] | None = None
        self._shown: tuple[str, str, int] | None = None  # what the document holds now

        self.sources = QComboBox(self)
        self.sources.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sources.setMinimumContentsLength(12)
        self.language_group = QButtonGroup(self)
        self.language_group.setExclusive(True)
        self.language_buttons: dict[str, QToolButton] = {}
        for lang in ("fr", "nl"):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setText(language_code(lang))
            button.clicked.connect(lambda _checked=False, lang=lang: self.show_language(lang))
            self.language_group.addButton(button)
            self.language_buttons[lang] = button
        self.standing = QLabel(self)
        self.standing.setWordWrap(True)
        tint(self.standing, MUTED)
        shrink(self.standing)
        self.text = SourceText(self)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        tint(self.where, MUTED)
        self.quote_button = QPushButton(self)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.sources, 1)
        for button in self.language_buttons.values():
            top.addWidget(button)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.where, 1)
        bottom.addWidget(self.quote_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.standing)
        layout.addWidget(self.text, 1)
        layout.addLayout(bottom)

        self.sources.currentIndexChanged.connect(self._source_chosen)
        self.text.cursorPositionChanged.connect(self._cursor_moved)
        self.text.selectionChanged.connect(self._sync_quote)
        self.text.quoteRequest.connect(self.request_quotation)
        self.quote_button.clicked.connect(self.request_quotation)
        self.set_library(library)
        self.retranslate()

    # --- the sources ------------------------------------------------------------

    def texted_sources(self) -> list[Source]:
        """The library's sources that have a full text, in library order."""
        return [s for s in self.library.sources.values() if s.text]

    def set_library(self, library: Library) -> None:
        """Offer the sources of ``library`` (after a reload or an import)."""
        self.library = library
        sources = self.texted_sources()
        self.sources.blockSignals(True)
        self.sources.clear()
        for source in sources:
            self.sources.addItem(source.title.get(self.lang) or source.id, source.id)
        self.sources.blockSignals(False)
        self._shown = None
        if self.source_id not in {s.id for s in sources}:
            self.source_id = sources[0].id if sources else ""
        self.show_source(self.source_id, self.lang)

    @property
    def source(self) -> Source | None:
        """The source shown."""
        return self.library.sources.get(self.source_id)

    def _source_chosen(self, index: int) -> None:
        source_id = self.sources.itemData(index)
        if source_id:
            self.show_source(source_id, self.lang)

    def show_language(self, lang: str) -> None:
        """Show the source's text in ``lang`` (the other one when it has none), the reader kept
        at the same place: the clause at the top of the view stays where it was."""
        place = self._reading_place()
        self.show_source(self.source_id, lang)
        if place is not None:
            self._return_to(*place)

    def _reading_place(self) -> tuple[str, int] | None:
        """The clause at the top of the view (or the first below it), and how far below the
        view's top its first line stands, in pixels (negative once it starts above)."""
        if not self.marks or self.text.document().isEmpty():
            return None
        top = self.map.to_text(self.text.cursorForPosition(QPoint(0, 0)).position())
        mark = self._mark_at(top) or next((m for m in self.marks if m.start >= top), None)
        if mark is None:
            return None
        return mark.clause_id, self.text.cursorRect(self._cursor(mark.start, mark.start)).top()

    def _return_to(self, clause_id: str, y: int) -> None:
        """Scroll so that ``clause_id``'s first line is ``y`` pixels below the view's top."""
        mark = next((m for m in self.marks if m.clause_id == clause_id), None)
        if mark is None:
            return
        bar = self.text.verticalScrollBar()
        top = self.text.cursorRect(self._cursor(mark.start, mark.start)).top()
        bar.setValue(bar.value() + top - y)

    def show_source(self, source_id: str, lang: str) -> None:
        """Show ``source_id``'s full text in ``lang`` (its other language if it lacks that one)."""
        source = self.library.sources.get(source_id)
        self.source_id = source_id if source is not None else ""
        if source is not None and not source.text_in(lang):
            lang = next((other for other in source.text if source.text_in(other)), lang)
        self.lang = lang
        index = self.sources.findData(self.source_id)
        if index >= 0 and index != self.sources.currentIndex():
            self.sources.blockSignals(True)
            self.sources.setCurrentIndex(index)
            self.sources.blockSignals(False)
        for code, button in self.language_buttons.items():
            button.setChecked(code == lang)
            button.setEnabled(source is not None and bool(source.text_in(code)))
        key = (self.source_id, lang, id(self.library))
        if key != self._shown:
            self._shown = key
            self.highlighted = None
            self._fill()
        self._show_standing()
        self._cursor_moved()

    def _fill(self) -> None:
        """Lay the text out: a paragraph per line, each clause tinted and labelled."""
        source = self.source
        text = source.text_in(self.lang) if source else ""
        self.marks = []
        if source is not None:
            for clause in self.library.clauses.values():
                if clause.origin is None or clause.origin.source != source.id:
                    continue
                span = clause.anchor.span(self.lang) if clause.anchor else None
                if span is not None and span[1] <= len(text):
                    self.marks.append(Mark(clause.id, span[0], span[1], clause_label(clause)))
        self.marks.sort(key=lambda m: m.start)
        document = QTextDocument(self.text)
        document.setDefaultFont(self.text.font())
        cursor = QTextCursor(document)
        paragraph = QTextBlockFormat()
        paragraph.setBottomMargin(6)
        plain = QTextCharFormat()
        label_format = QTextCharFormat()
        label_format.setForeground(QColor(LABEL_COLOUR))
        label_format.setFontWeight(QFont.Weight.Bold)
        label_format.setFontPointSize(max(6.0, self.text.font().pointSizeF() * 0.85))
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        tinted = []
        for colour in TINTS:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colour))
            tinted.append(fmt)
        starts = {mark.start: (index, mark) for index, mark in enumerate(self.marks)}
        labels: list[tuple[int, int]] = []
        offset = 0
        for number, line in enumerate(text.split("\n")):
            if number:
                cursor.insertBlock(paragraph)
            else:
                cursor.setBlockFormat(paragraph)
            end = offset + len(line)
            inside = self._mark_at(offset)
            if inside is None and self._is_heading(line):
                cursor.insertText(line, heading)
                offset = end + 1
                continue
            position = offset
            while position < end:
                if position in starts:
                    _index, mark = starts[position]
                    cursor.insertText(f"{mark.label}\u2002", label_format)
                    labels.append((position, len(mark.label) + 1))
                current = self._mark_at(position)
                if current is not None:
                    stop = min(end, current.end)
                    fmt = tinted[self.marks.index(current) % len(tinted)]
                else:
                    following = [m.start for m in self.marks if position < m.start < end]
                    stop = min(following, default=end)
                    fmt = plain
                cursor.insertText(line[position - offset : stop - offset], fmt)
                position = stop
            offset = end + 1
        self.map = LabelMap(labels)
        self.text.setDocument(document)
        self.text.setExtraSelections([])

    def _is_heading(self, line: str) -> bool:
        """Whether ``line`` is a part heading of the source ("1- en matière de…")."""
        source = self.source
        head = line.split("-", 1)[0].strip()
        return bool(source and head.isdigit() and source.part(int(head)))

    def _mark_at(self, offset: int) -> Mark | None:
        for mark in self.marks:
            if mark.start <= offset < mark.end:
                return mark
        return None

    def _show_standing(self) -> None:
        source = self.source
        if source is None:
            self.standing.setText(_("No source of the library holds its full text."))
            return
        if source.official_in(self.lang):
            self.standing.setText(_("The official text."))
        else:
            self.standing.setText(
                _("Our own translation, not an official text: quotations cite it as unofficial.")
            )

    # --- showing a clause ---------------------------------------------------------

    def show_span(self, source_id: str, lang: str, span: tuple[int, int]) -> bool:
        """Show ``span`` of ``source_id``'s ``lang`` text, scrolled to and highlighted."""
        if source_id not in self.library.sources:
            return False
        self.show_source(source_id, lang)
        if self.lang != lang:
            return False
        start, end = span
        self.highlighted = (start, end)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(start, end)
        selection.format.setBackground(QColor(HIGHLIGHT))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        self.text.setExtraSelections([selection])
        cursor = self._cursor(end, end)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        cursor = self._cursor(start, start)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        # The clause's first line a quarter down the view, so what comes before shows too.
        bar = self.text.verticalScrollBar()
        top = self.text.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - self.text.viewport().height() // 4)
        return True

    def show_clause(self, clause_id: str, lang: str) -> bool:
        """Show the clause ``clause_id`` highlighted in its source, in ``lang`` if it has it."""
        clause = self.library.find(clause_id)
        if clause is None or clause.anchor is None or clause.origin is None:
            return False
        source = self.library.sources.get(clause.origin.source)
        if source is None or not source.text:
            return False
        for choice in (lang, *clause.anchor.spans):
            span = clause.anchor.span(choice)
            if span is not None and source.text_in(choice):
                return self.show_span(source.id, choice, span)
        return False

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.map.to_document(start))
        cursor.setPosition(self.map.to_document(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select(self, start: int, end: int) -> None:
        """Select the text from ``start`` to ``end`` (offsets of the source's text)."""
        self.text.setTextCursor(self._cursor(start, end))

    # --- selection and quotations ----------------------------------------------

    def selection(self) -> tuple[int, int]:
        """The selected text's (start, end) in the source's text (equal when none)."""
        cursor = self.text.textCursor()
        start = self.map.to_text(cursor.selectionStart())
        end = self.map.to_text(cursor.selectionEnd())
        return start, max(start, end)

    def excerpt(self) -> quotation.Excerpt | None:
        """The quotation the selection makes, or None (nothing, or more than one clause)."""
        start, end = self.selection()
        if not self.source_id or start == end:
            return None
        text = self.source.text_in(self.lang) if self.source else ""
        start, end = quotation.trimmed(text, start, end)  # where the selected words start
        mark = self._mark_at(start)
        clause = self.library.find(mark.clause_id) if mark else None
        if clause is None:
            return None
        return quotation.excerpt_from_selection(
            self.library, self.source_id, self.lang, start, end, clause
        )

    def _sync_quote(self) -> None:
        possible = self.excerpt() is not None
        self.quote_button.setEnabled(possible)
        self.text.quote_action.setEnabled(possible)

    def request_quotation(self) -> bool:
        """Ask for the selection as a quotation; says what to do when it cannot be one."""
        if self.excerpt() is None:
            self.where.setText(
                _("Select words within one clause of the declaration to quote them.")
            )
            return False
        start, end = self.selection()
        self.insertQuotationRequest.emit(self.source_id, self.lang, start, end)
        return True

    def _cursor_moved(self) -> None:
        self._sync_quote()
        mark = self._mark_at(self.selection()[0]) if self.marks else None
        clause = self.library.find(mark.clause_id) if mark else None
        if clause is None or clause.anchor is None:
            self.where.setText("")
            return
        first, last = clause.anchor.lines
        text = _("{id} ({where}) — {title}").format(
            id=clause.id, title=clause.title_in(self.lang), where=anchor_words(clause.anchor)
        )
        if first:
            text = _("{where}; lines {first}–{last} of the text as received").format(
                where=text, first=first, last=last
            )
        self.where.setText(text)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.sources.setAccessibleName(_("Source document"))
        self.sources.setToolTip(_("The declaration shown"))
        for lang, button in self.language_buttons.items():
            button.setToolTip(
                _("Show the French text") if lang == "fr" else _("Show the Dutch text")
            )
        self.text.setAccessibleName(_("Full text of the declaration"))
        self.quote_button.setText(_("Insert as Quotation"))
        tip = _("Insert the selected words into the note, as a quotation of the declaration")
        self.quote_button.setToolTip(f"{tip} (Ctrl+Shift+Q)")
        self.text.quote_action.setText(_("Insert as &Quotation"))
        self._show_standing()
