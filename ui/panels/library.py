"""The library panel: search as you type, filters, a tree by source and part, a clause card."""

from __future__ import annotations

from typing import Protocol

from app.language.i18n import _, current_language, ngettext
from app.library.clauses import PERSONAL, TEAM, Clause, Kind, Library
from app.library.search import Hit
from ui.labels import kind_name
from ui.panels.clausemodel import CLAUSE_ROLE, ClauseModel, Node
from ui.panels.clausepreview import ClausePreview
from ui.panels.searchhighlight import MatchDelegate
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QEvent,
    QFont,
    QFontMetrics,
    QGridLayout,
    QHeaderView,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QMenu,
    QModelIndex,
    QObject,
    QSize,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    Qt,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.keys import keep_alt_arrows, keep_own_edits, settle_edits


class Searcher(Protocol):
    """What the panel needs from the search index (see :class:`app.library.search.LibraryIndex`)."""

    def search(
        self,
        text: str,
        *,
        limit: int = 200,
        kind: str | None = None,
        source: str | None = None,
        part: int | None = None,
    ) -> list[Hit]: ...


def localized(text: dict[str, str], lang: str) -> str:
    """``text`` in ``lang``, else in the other language (a source known in one language only)."""
    return text.get(lang) or next((t for t in text.values() if t), "")


def _library_group(name: str) -> str:
    """The heading of the clauses of a library that come from no source."""
    return {PERSONAL: _("Your own clauses"), TEAM: _("Team clauses")}.get(name, _("Other clauses"))


def part_label(number: int, title: dict[str, str], lang: str) -> str:
    """How a part of a source is listed: "2. Title", or the preamble's title (or "Preamble")."""
    text = localized(title, lang)
    if number == 0:
        return text or _("Preamble")
    return f"{number}. {text}" if text else str(number)


class ClauseTree(QTreeView):
    """The tree of clauses; Enter inserts the selected clause into the note."""

    activatedClause = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            clause_id = self.currentIndex().siblingAtColumn(0).data(CLAUSE_ROLE)
            if clause_id:
                self.activatedClause.emit(clause_id)
                return
        super().keyPressEvent(event)


class LibraryPanel(QWidget):
    """Find a clause in two keystrokes and send it to the note."""

    insertClauseRequest = Signal(str)
    focusComposerRequest = Signal()

    def __init__(
        self,
        library: Library,
        index: Searcher,
        parent: QWidget | None = None,
        *,
        hold_card: bool = False,
    ) -> None:
        """``hold_card``: write the selected clause's card only on ``preview.release()``."""
        super().__init__(parent)
        self.library = library
        self.index = index
        self.display_lang = "fr"
        self.used: set[str] = set()
        self._language = ""
        self.context_actions: list = []  # the window's clause actions, for the context menu

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        keep_own_edits(self.search)  # Ctrl+Z undoes the query only while it is being typed
        self.source_filter = QComboBox(self)
        self.part_filter = QComboBox(self)
        self.kind_filter = QComboBox(self)
        for combo in (self.source_filter, self.part_filter, self.kind_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(3)  # three filters side by side in a narrow pane
            keep_alt_arrows(combo)
        self.count = QLabel(self)
        self.count.setObjectName("libraryCount")

        self.model = ClauseModel(library, self)
        self.model.set_fonts(self.font())
        self.tree = ClauseTree(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        # A narrow indent leaves the title column room: ids sit two levels deep.
        self.tree.setIndentation(self.fontMetrics().averageCharWidth() * 2)
        # The words a search matched are marked in the titles of the results.
        self.matches = MatchDelegate(self.tree)
        self.tree.setItemDelegateForColumn(1, self.matches)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Fixed widths, measured once per library: sizing columns to their contents would
        # read every row at every keystroke (200 ms with 100,000 clauses).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.preview = ClausePreview(library, self)
        if hold_card:
            self.preview.hold()

        # One row when the pane is wide enough for the three labels, else two (see
        # _arrange_filters): a filter is never cut to "Toutes les sou".
        self.filters = QGridLayout()
        self.filters.setContentsMargins(0, 0, 0, 0)
        self.filters.setHorizontalSpacing(4)
        self.filters.setVerticalSpacing(2)
        self._filter_rows = 0  # rows of filters: 1, 2 or 3 (0: not laid out yet)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.search)
        top_layout.addLayout(self.filters)
        top_layout.addWidget(self.tree, 1)
        top_layout.addWidget(self.count)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self._arrange_filters()

        self.search.textChanged.connect(self.refresh)
        self.source_filter.currentIndexChanged.connect(self._source_changed)
        self.part_filter.currentIndexChanged.connect(self.refresh)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree.activatedClause.connect(self.insertClauseRequest)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.customContextMenuRequested.connect(self._context_menu)

        self.retranslate()

    # --- public -------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search field, its text selected (Ctrl+Shift+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def settle_search(self) -> None:
        """The note changed after the query was typed: Ctrl+Z in the search now undoes the note."""
        settle_edits(self.search)

    def selected_clause_id(self) -> str:
        """The clause under the cursor in the tree ("" when none)."""
        return self.tree.currentIndex().siblingAtColumn(0).data(CLAUSE_ROLE) or ""

    def selected_clause_ids(self) -> list[str]:
        """The selected clauses in tree order (the current one when nothing is selected)."""
        rows = self.tree.selectionModel().selectedRows(0)
        ids = [index.data(CLAUSE_ROLE) for index in rows if index.data(CLAUSE_ROLE)]
        if not ids and self.selected_clause_id():
            ids = [self.selected_clause_id()]
        return ids

    def select_clause(self, clause_id: str) -> bool:
        """Make ``clause_id`` the current clause, clearing the search and filters if they hide it."""
        target = self.model.index_of(clause_id)
        if not target.isValid():
            for combo in (self.source_filter, self.part_filter, self.kind_filter):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self._fill_parts()
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.refresh()
            target = self.model.index_of(clause_id)
        if not target.isValid():
            return False
        self.tree.setCurrentIndex(target)
        self.tree.scrollTo(target)
        return True

    def set_used(self, clause_ids: set[str] | list[str]) -> None:
        """Mark the clauses the open note already uses."""
        self.used = set(clause_ids)
        self.model.set_used(self.used)

    def set_display_language(self, lang: str) -> None:
        """Show titles in ``lang`` (fr or nl)."""
        if lang != self.display_lang:
            self.display_lang = lang
            self.model.display_lang = lang
            self.preview.display_lang = lang
            self._fill_filters()
            self.refresh()

    def set_context_actions(self, actions: list) -> None:
        """The window's actions offered on a right click (None for a separator)."""
        self.context_actions = list(actions)

    def set_library(self, library: Library, index: Searcher) -> None:
        """Show another library (after a library action, an import or a reload)."""
        self.library = library
        self.index = index
        self.model.library = library
        self.preview.library = library
        self._fill_filters()
        self._size_columns()
        self.refresh()

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        if self._language == current_language():
            return  # already in this language (the window asks again as it starts)
        self._language = current_language()
        self.search.setPlaceholderText(_("Search the library (Ctrl+Shift+F)"))
        self.search.setAccessibleName(_("Search the library"))
        self.search.setToolTip(
            _(
                "Type a few letters of any word; accents and case do not matter. Enter inserts the selected clause."
            )
        )
        self.source_filter.setAccessibleName(_("Filter by source"))
        self.part_filter.setAccessibleName(_("Filter by part"))
        self.kind_filter.setAccessibleName(_("Filter by kind"))
        self.tree.setAccessibleName(_("Library clauses"))
        self.model.headers = [_("Id"), _("Title"), "FR", "NL"]
        self.model.header_tips = ["", "", _("French text"), _("Dutch text")]
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self._fill_filters()
        self._size_columns()
        self.preview.retranslate()
        self.refresh()

    # --- filling ------------------------------------------------------------------

    def _size_columns(self) -> None:
        """Make the id column as wide as the longest id, the status columns as their icons."""
        metrics = self.tree.fontMetrics()
        longest = self.library.longest_id() or "vd2.3.12"  # asked of the index, not of every clause
        icon = self.tree.iconSize().width() if self.tree.iconSize().width() > 0 else 16
        padding = metrics.averageCharWidth() * 2
        bold = QFont(self.tree.font())
        bold.setBold(True)  # used clauses are bold
        self._id_width = QFontMetrics(bold).horizontalAdvance(longest) + icon + padding
        header = self.tree.header()
        self._size_id_column()
        status = max(icon + padding, metrics.horizontalAdvance("NL") + padding)
        header.resizeSection(2, status)
        header.resizeSection(3, status)

    def _size_id_column(self) -> None:
        """The id column as wide as the ids where they stand: two levels into the tree (and
        its root's decoration), or at the left edge of a ranked list of search results."""
        depth = 3 if self.tree.rootIsDecorated() else 0
        width = getattr(self, "_id_width", 0) + self.tree.indentation() * depth
        if width and self.tree.header().sectionSize(0) != width:
            self.tree.header().resizeSection(0, width)

    def _arrange_filters(self) -> None:
        """The three filters side by side when each label fits, else the source above the
        other two, else one above the other."""
        combos = (self.source_filter, self.part_filter, self.kind_filter)
        if self._filter_rows and not self.isVisible():
            return  # a hidden pane's width means nothing yet; moving widgets would upset the splitter
        spacing = self.filters.horizontalSpacing()
        needed = sum(self._filter_width(c) for c in combos) + 2 * spacing
        room = self.width() - self.layout().contentsMargins().left()
        room -= self.layout().contentsMargins().right()
        pair = 2 * max(self._filter_width(c) for c in combos[1:]) + spacing
        rows = 1 if needed <= room or not self.isVisible() else 2 if pair <= room else 3
        if rows == self._filter_rows:
            return
        self._filter_rows = rows
        for combo in combos:
            self.filters.removeWidget(combo)
        for column in range(3):
            self.filters.setColumnStretch(column, 0)
        if rows == 1:
            for column, combo in enumerate(combos):
                self.filters.addWidget(combo, 0, column)
                self.filters.setColumnStretch(column, 1)
        elif rows == 2:  # the source (long titles) above, the part and the kind side by side
            self.filters.addWidget(self.source_filter, 0, 0, 1, 2)
            self.filters.addWidget(self.part_filter, 1, 0)
            self.filters.addWidget(self.kind_filter, 1, 1)
            self.filters.setColumnStretch(0, 1)
            self.filters.setColumnStretch(1, 1)
        else:  # a very narrow pane: one above the other
            for row, combo in enumerate(combos):
                self.filters.addWidget(combo, row, 0)
            self.filters.setColumnStretch(0, 1)

    @staticmethod
    def _filter_width(combo: QComboBox) -> int:
        """The width ``combo`` needs to show its first choice ("Toutes les sources") whole."""
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        metrics = combo.fontMetrics()
        text = QSize(metrics.horizontalAdvance(combo.itemText(0)) + 2, metrics.height())
        contents = QStyle.ContentsType.CT_ComboBox
        return combo.style().sizeFromContents(contents, option, text, combo).width()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange_filters()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._arrange_filters()

    def _fill_filters(self) -> None:
        lang = self.display_lang
        self._refill(
            self.source_filter,
            [(_("All sources"), None)]
            + [(localized(s.title, lang) or s.id, s.id) for s in self.library.sources.values()],
        )
        kinds = sorted(self.library.kinds(), key=list(Kind).index)
        self._refill(
            self.kind_filter, [(_("All kinds"), None)] + [(kind_name(k), k.value) for k in kinds]
        )
        self._fill_parts()
        self._arrange_filters()

    def _fill_parts(self) -> None:
        source = self._chosen_source()
        parts = []
        if source is not None:
            for part in source.parts:
                parts.append((part_label(part.number, part.title, self.display_lang), part.number))
        self._refill(self.part_filter, [(_("All parts"), None), *parts])
        self.part_filter.setEnabled(bool(parts))

    @staticmethod
    def _refill(combo: QComboBox, entries: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for label, data in entries:
            combo.addItem(label, data)
        position = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, position))
        combo.blockSignals(False)

    def _chosen_source(self):
        source_id = self.source_filter.currentData()
        if source_id is None and len(self.library.sources) == 1:
            source_id = next(iter(self.library.sources))
        return self.library.sources.get(source_id) if source_id else None

    def _source_changed(self) -> None:
        self._fill_parts()
        self.refresh()

    def refresh(self) -> None:
        """Search again with the current text and filters."""
        query = self.search.text().strip()
        hits = self.index.search(
            query,
            kind=self.kind_filter.currentData(),
            source=self.source_filter.currentData(),
            part=self.part_filter.currentData() if self.part_filter.isEnabled() else None,
        )
        # Rows hold ids: a clause is made when its row is painted (app.library.indexstore), not here.
        ids = self.library.known([h.clause_id for h in hits])
        previous = self.selected_clause_id()
        self.matches.query = query
        root = self.model.begin()
        if query:
            self.library.clauses_of(ids[:64])  # the rows painted first, read in one query
            for clause_id in ids:
                self.model.add_clause(root, clause_id)
        else:
            self._fill_tree(root, self.library.clauses_of(ids))
        self.model.end()
        self.tree.setRootIsDecorated(not query)  # a ranked list when searching, a tree otherwise
        self._size_id_column()
        if not query:
            self._span_headings(root, QModelIndex())
            self.tree.expandAll()
        self.count.setText(
            ngettext("{n} matching clause", "{n} matching clauses", len(ids)).format(n=len(ids))
            if query
            else ngettext("{n} clause", "{n} clauses", len(ids)).format(n=len(ids))
        )
        target = self.model.index_of(previous)
        if not target.isValid() and ids:
            target = self.model.index_of(ids[0])
        if target.isValid():
            self.tree.setCurrentIndex(target)
            self.tree.scrollTo(target)
        else:
            self.preview.show_clause(None)

    def _fill_tree(self, root: Node, clauses: list[Clause]) -> None:
        lang = self.display_lang
        sources: dict[str, Node] = {}
        parts: dict[tuple[str, int | None], Node] = {}
        for clause in clauses:
            # Clauses of no source (the user's own, the team's) are grouped by library.
            source_id = clause.origin.source if clause.origin else ":" + clause.library
            if source_id not in sources:
                source = self.library.sources.get(source_id)
                title = (
                    (localized(source.title, lang) if source else "")
                    or (source_id if not source_id.startswith(":") else "")
                    or _library_group(clause.library)
                )
                sources[source_id] = root.add(label=title, heading=True)
            parent = sources[source_id]
            key = (source_id, clause.part)
            if clause.part is not None and key not in parts:
                source = self.library.sources.get(source_id)
                part = source.part(clause.part) if source else None
                label = part_label(clause.part, part.title if part else {}, lang)
                parts[key] = parent.add(label=label)
            self.model.add_clause(parts.get(key) or parent, clause.id)

    def _span_headings(self, node: Node, parent: QModelIndex) -> None:
        """Let source and part headings run across every column."""
        for child in node.children:
            if not child.clause_id:
                self.tree.setFirstColumnSpanned(child.row, parent, True)
                self._span_headings(child, self.model.index(child.row, 0, parent))

    # --- interaction --------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        clause_id = current.siblingAtColumn(0).data(CLAUSE_ROLE)
        self.preview.show_clause(self.library.clauses.get(clause_id) if clause_id else None)

    def _double_clicked(self, index: QModelIndex) -> None:
        clause_id = index.siblingAtColumn(0).data(CLAUSE_ROLE)
        if clause_id:
            self.insertClauseRequest.emit(clause_id)

    def _context_menu(self, position) -> None:
        ids = self.selected_clause_ids()
        if not ids:
            return
        menu = QMenu(self)
        action = menu.addAction(
            ngettext(
                "Insert {n} clause into the note", "Insert {n} clauses into the note", len(ids)
            ).format(n=len(ids))
        )
        action.triggered.connect(lambda: [self.insertClauseRequest.emit(i) for i in ids])
        for extra in self.context_actions[1:]:  # the first is the window's insert action
            if extra is None:
                menu.addSeparator()
            else:
                menu.addAction(extra)
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def _clause_rows(self) -> list[QModelIndex]:
        """Every clause row in display order."""
        return [self.model.index_of(clause_id) for clause_id in self.model.clause_ids()]

    def _move(self, step: int) -> None:
        rows = self._clause_rows()
        if not rows:
            return
        current = self.tree.currentIndex().siblingAtColumn(0)
        position = next((i for i, r in enumerate(rows) if r == current), -1)
        target = rows[max(0, min(len(rows) - 1, position + step))] if position >= 0 else rows[0]
        self.tree.setCurrentIndex(target)
        self.tree.scrollTo(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move(10 if key == Qt.Key.Key_PageDown else -10)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                clause_id = self.selected_clause_id()
                if clause_id:
                    self.insertClauseRequest.emit(clause_id)
                    self.search.selectAll()
                return True
            if key == Qt.Key.Key_Escape:
                if self.search.text():
                    self.search.clear()
                else:
                    self.focusComposerRequest.emit()
                return True
        return super().eventFilter(watched, event)
