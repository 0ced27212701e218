"""The library's clauses as rows: a tree by source and part, or a ranked list while searching.

Rows hold only a clause id; texts, icons and fonts are computed when the view
asks for the rows it shows, so a keystroke costs the same with 60 clauses or
100,000 (a QStandardItemModel built four items per row, 30 ms per keystroke).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.language.i18n import _
from app.library import sync
from app.library.clauses import PERSONAL, TEAM, Clause, Library
from ui.labels import kind_name, language_code, status_summary
from ui.qt import QAbstractItemModel, QFont, QMimeData, QModelIndex, Qt
from ui.widgets.dragdrop import clause_mime
from ui.widgets.icons import blank_icon, out_of_date_icon, status_icon, used_icon

CLAUSE_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 4  # id, title, FR status, NL status
STATUS_LANGS = ("fr", "nl")

ROOT = QModelIndex()  # the invisible root every top-level row hangs from
_SELECTABLE = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
)


@dataclass(eq=False, slots=True)
class Node:
    """A row: a source or part heading (``label``), or a clause (``clause_id``)."""

    parent: Node | None
    row: int
    label: str = ""
    clause_id: str = ""
    heading: bool = False  # a source heading (bold)
    children: list[Node] = field(default_factory=list)

    def add(self, **values) -> Node:
        """Append a child row."""
        child = Node(self, len(self.children), **values)
        self.children.append(child)
        return child


def status_text(clause: Clause, lang: str) -> str:
    """How a language of a clause is spoken and shown in a tooltip (status, and sync when late)."""
    summary = status_summary(lang, clause.status_in(lang))
    if sync.state(clause, lang) is sync.SyncState.OUT_OF_DATE:
        return _("{summary}, out of date: the {other} text changed since it was translated").format(
            summary=summary, other=language_code(sync.other(lang))
        )
    return summary


def library_note(clause: Clause) -> str:
    """Where a clause comes from, when it is not the built-in library."""
    if clause.library == PERSONAL:
        return _("Your personal library, revision {n}").format(n=clause.revision)
    if clause.library == TEAM:
        return _("Team library, revision {n}").format(n=clause.revision)
    return ""


class ClauseModel(QAbstractItemModel):
    """Clauses grouped by source and part (or ranked, when searching), draggable to the note."""

    def __init__(self, library: Library, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self.display_lang = "fr"
        self.used: set[str] = set()
        self.root = Node(None, 0)
        self.nodes: dict[str, Node] = {}
        self.headers = ["", "", "FR", "NL"]
        self.header_tips = ["", "", "", ""]
        self._bold: QFont | None = None
        self._plain: QFont | None = None

    # --- filling -----------------------------------------------------------------

    def set_fonts(self, font: QFont) -> None:
        """The view's font, plain and bold (used clauses and source headings are bold)."""
        self._plain = QFont(font)
        self._bold = QFont(font)
        self._bold.setBold(True)

    def begin(self) -> Node:
        """Start new rows (call :meth:`end` when they are added under the returned root)."""
        self.beginResetModel()
        self.root = Node(None, 0)
        self.nodes = {}
        return self.root

    def add_clause(self, parent: Node, clause_id: str) -> Node:
        """A clause row under ``parent``."""
        node = parent.add(clause_id=clause_id)
        self.nodes[clause_id] = node
        return node

    def end(self) -> None:
        """Show the rows added since :meth:`begin`."""
        self.endResetModel()

    def set_used(self, clause_ids: set[str]) -> None:
        """Mark the clauses the open note uses (bold, with a check mark)."""
        changed = self.used ^ set(clause_ids)
        self.used = set(clause_ids)
        for clause_id in changed:
            node = self.nodes.get(clause_id)
            if node is not None:
                first = self.createIndex(node.row, 0, node)
                self.dataChanged.emit(first, self.createIndex(node.row, 1, node))

    def refresh_all(self) -> None:
        """Every row shows again (the language or the clauses changed, not the rows)."""
        if self.root.children:
            self.layoutChanged.emit()

    def index_of(self, clause_id: str) -> QModelIndex:
        """The index of a clause's row (invalid when it is not shown)."""
        node = self.nodes.get(clause_id)
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def clause_ids(self) -> list[str]:
        """Every clause shown, in display order."""
        found: list[str] = []

        def walk(node: Node) -> None:
            for child in node.children:
                if child.clause_id:
                    found.append(child.clause_id)
                walk(child)

        walk(self.root)
        return found

    # --- the model interface ---------------------------------------------------------

    def _node(self, index: QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent: QModelIndex = ROOT) -> QModelIndex:
        node = self._node(parent)
        if 0 <= row < len(node.children) and 0 <= column < COLUMNS:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: QModelIndex = ROOT):
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        up = node.parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: QModelIndex = ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex = ROOT) -> int:
        return COLUMNS

    def hasChildren(self, parent: QModelIndex = ROOT) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node: Node = index.internalPointer()
        return _SELECTABLE if node.clause_id else Qt.ItemFlag.ItemIsEnabled

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips[section] or None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        if not node.clause_id:
            return self._heading_data(node, index.column(), role)
        clause = self.library.clauses.get(node.clause_id)
        if clause is None:
            return node.clause_id if role == Qt.ItemDataRole.DisplayRole else None
        column = index.column()
        if role == CLAUSE_ROLE:
            return clause.id if column == 0 else None
        if column >= 2:
            return self._status_data(clause, STATUS_LANGS[column - 2], role)
        used = clause.id in self.used
        if role == Qt.ItemDataRole.DisplayRole:
            return clause.id if column == 0 else clause.title_in(self.display_lang)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if used else self._plain
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return used_icon() if used else blank_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [clause.title_in(self.display_lang), kind_name(clause.kind)]
            lines += [library_note(clause)] if library_note(clause) else []
            lines += [status_text(clause, lang) for lang in STATUS_LANGS]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return _("{id}, used in the note").format(id=clause.id) if used else clause.id
        return None

    def _heading_data(self, node: Node, column: int, role: int):
        if column != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return node.label
        if role == Qt.ItemDataRole.FontRole and node.heading:
            return self._bold
        return None

    def _status_data(self, clause: Clause, lang: str, role: int):
        if role == Qt.ItemDataRole.DecorationRole:
            if sync.state(clause, lang) is sync.SyncState.OUT_OF_DATE:
                return out_of_date_icon()
            return status_icon(clause.status_in(lang))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return status_text(clause, lang)
        return None

    # --- dragging ------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return ["application/x-clausier-clauses"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids: dict[str, None] = {}
        for index in indexes:
            node = index.internalPointer() if index.isValid() else None
            if node is not None and node.clause_id:
                ids.setdefault(node.clause_id, None)
        return clause_mime(list(ids))
