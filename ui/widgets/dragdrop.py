"""What a drag carries: library clauses towards the composer, or a block being reordered."""

from __future__ import annotations

from ui.qt import QMimeData

CLAUSE_MIME = "application/x-clausier-clauses"
BLOCK_MIME = "application/x-clausier-block"


def clause_mime(clause_ids: list[str]) -> QMimeData:
    """Drag data for library clauses (their ids, also as plain text for other programs)."""
    data = QMimeData()
    data.setData(CLAUSE_MIME, "\n".join(clause_ids).encode("utf-8"))
    data.setText(" ".join(clause_ids))
    return data


def clause_ids(data: QMimeData) -> list[str]:
    """The clause ids a drag carries (empty when it carries none)."""
    if not data.hasFormat(CLAUSE_MIME):
        return []
    raw = bytes(data.data(CLAUSE_MIME).data()).decode("utf-8")
    return [line for line in raw.split("\n") if line]


def block_mime(block_id: str) -> QMimeData:
    """Drag data for a block of the open note being moved."""
    data = QMimeData()
    data.setData(BLOCK_MIME, block_id.encode("ascii"))
    return data


def block_id(data: QMimeData) -> str:
    """The block id a drag carries ("" when none)."""
    if not data.hasFormat(BLOCK_MIME):
        return ""
    return bytes(data.data(BLOCK_MIME).data()).decode("ascii")
