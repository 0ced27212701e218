"""Word differences shown the way a reviser marks paper: removed words struck in red, added in green."""

from __future__ import annotations

from html import escape

from app.language.i18n import _
from app.library.worddiff import LanguageDiff, Op, Piece
from ui.labels import language_name
from ui.qt import QTextBrowser, QWidget

REMOVED = "color:#b3261e;background:#fde7e7;text-decoration:line-through"
ADDED = "color:#1b5e20;background:#e3f4e1"


def pieces_html(pieces: list[Piece]) -> str:
    """``pieces`` as HTML: kept text plain, removed struck through, added highlighted."""
    parts = []
    for piece in pieces:
        text = escape(piece.text).replace("\n", "<br>")
        if piece.op is Op.DELETE:
            parts.append(f'<span style="{REMOVED}">{text}</span>')
        elif piece.op is Op.INSERT:
            parts.append(f'<span style="{ADDED}">{text}</span>')
        else:
            parts.append(text)
    return "".join(parts)


def diffs_html(diffs: dict[str, LanguageDiff], heading: str = "") -> str:
    """Every language's title and text differences, one after the other."""
    blocks = [f"<h3>{escape(heading)}</h3>"] if heading else []
    if not diffs:
        unknown = _("The earlier wording is no longer known.")
        blocks.append(f"<p><i>{escape(unknown)}</i></p>")
    for lang, diff in diffs.items():
        blocks.append(f"<h4>{escape(language_name(lang))}</h4>")
        if not diff.changed:
            unchanged = _("No change in this language.")
            blocks.append(f"<p><i>{escape(unchanged)}</i></p>")
            continue
        if any(p.op is not Op.EQUAL for p in diff.title):
            blocks.append(f"<p><b>{pieces_html(diff.title)}</b></p>")
        blocks.append(f"<p>{pieces_html(diff.text)}</p>")
    return "".join(blocks)


class DiffView(QTextBrowser):
    """A read-only view of word differences (per language)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName(_("Differences"))
        self.diffs: dict[str, LanguageDiff] = {}

    def show_diffs(self, diffs: dict[str, LanguageDiff], heading: str = "") -> None:
        """Show ``diffs`` (removed words struck through, added ones highlighted)."""
        self.diffs = dict(diffs)
        self.setHtml(diffs_html(self.diffs, heading))

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.setAccessibleName(_("Differences"))
