"""The line under a clause taken from a source: a word-for-word quotation, a paraphrase, or not.

It says what the export will do with the block: set it as a quotation with its
citation, or as the note's own text. A block presented as a quotation whose text no
longer matches the declaration is marked in red, its differences in the tooltip, with
a button to present it as a paraphrase (or to restore the wording, with Undo).
"""

from __future__ import annotations

from app.language import i18n
from app.language.i18n import _
from app.library.anchors import Anchor
from app.library.citation import where as place_words
from app.library.clauses import Library
from app.notes import quotation
from app.notes.note import Block
from app.notes.quotation import Quoted, Standing
from ui.labels import language_code
from ui.qt import (
    QColor,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPainter,
    QRectF,
    Qt,
    QToolButton,
    QWidget,
    Signal,
)
from ui.widgets.looks import MUTED, WARNING, shrink, tint

GOOD = "#2e7d32"
BAD = "#b3261e"
#: Background and border of the line in each tone (None: not painted).
TONES = {
    "verbatim": (None, None, GOOD),
    "paraphrase": (None, None, MUTED),
    "differs": ("#fdecea", "#e6a39c", BAD),
    "translation": (None, None, WARNING),
}


def anchor_words(anchor: Anchor, *, of: bool = False) -> str:
    """Where a clause stands, in the interface language, as the Word citation says it:
    "point 1, 4e tiret", "préambule, 2e alinéa" (with ``of``: "du point 1, 4e tiret")."""
    return place_words(anchor, i18n.current_language(), of=of)


def _codes(found: list[Quoted]) -> str:
    return ", ".join(language_code(q.lang) for q in found)


def describe(quotes: list[Quoted]) -> tuple[str, str]:
    """What the line says about a block's languages, and its tone.

    A verbatim quotation of our own unofficial translation (the Dutch of the declaration,
    say) is said to be one, as its Word citation says "(niet-officiële vertaling)".
    """
    anchor = next((q.reference.anchor for q in quotes if q.reference), None)
    of_place = anchor_words(anchor, of=True) if anchor else ""
    by = {standing: [q for q in quotes if q.standing is standing] for standing in Standing}
    if by[Standing.DIFFERS]:
        return (
            _(
                "Presented as a quotation, but its {langs} text no longer matches the "
                "declaration: the export sets it as a paraphrase, without a citation."
            ).format(langs=_codes(by[Standing.DIFFERS])),
            "differs",
        )
    if by[Standing.PARAPHRASE]:
        return (
            _("Paraphrase {of_place}: exported as the note’s own text, without a citation.").format(
                of_place=of_place
            ),
            "paraphrase",
        )
    official = [q for q in by[Standing.VERBATIM] if q.reference is None or q.reference.official]
    ours = [q for q in by[Standing.VERBATIM] if q not in official]
    text = ""
    if official:
        text = _(
            "Quotation, word for word, {of_place} ({langs}): exported with its citation."
        ).format(of_place=of_place, langs=_codes(official))
    if ours and official:
        other = _(
            "{langs}: a quotation of our unofficial translation, exported with a citation "
            "that says so."
        ).format(langs=_codes(ours))
        text = f"{text} {other}"
    elif ours:
        text = _(
            "Quotation of our unofficial translation {of_place} ({langs}): exported with its "
            "citation, which says so."
        ).format(of_place=of_place, langs=_codes(ours))
    if by[Standing.TRANSLATION]:
        other = _(
            "{langs}: a translation the declaration does not have, exported as a paraphrase."
        ).format(langs=_codes(by[Standing.TRANSLATION]))
        text = f"{text} {other}".strip()
        return text, "translation" if not by[Standing.VERBATIM] else "verbatim"
    return text, "verbatim"


def differences_html(quotes: list[Quoted]) -> str:
    """The word differences of each language that no longer matches, for a tooltip."""
    from ui.widgets.diffview import pieces_html  # only when a quotation differs

    parts = []
    for quoted in quotes:
        if quoted.standing is Standing.DIFFERS:
            title = _("{code}: the declaration’s wording, then what the block says").format(
                code=language_code(quoted.lang)
            )
            parts.append(f"<p><b>{title}</b><br/>{pieces_html(quoted.diff())}</p>")
    return "".join(parts)


class QuoteMark(QFrame):
    """What a clause taken from a source is, under it: quotation, paraphrase, or no longer a match."""

    showRequest = Signal()  # show the block in the declaration
    paraphraseRequest = Signal(bool)  # present it as a paraphrase (True) or a quotation again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tone = "verbatim"
        self.paraphrase = False
        self.quotes: list[Quoted] = []
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 10)
        shrink(self.label, 0.9)
        self.toggle = QToolButton(self)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.setAutoRaise(True)
        self.toggle.clicked.connect(lambda: self.paraphraseRequest.emit(not self.paraphrase))
        self.show_button = QToolButton(self)
        self.show_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.show_button.setAutoRaise(True)
        self.show_button.clicked.connect(self.showRequest)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 2, 1)
        layout.setSpacing(4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.toggle)
        layout.addWidget(self.show_button)
        self.hide()
        self.retranslate()

    @property
    def from_source(self) -> bool:
        """Whether the block shown is taken from a source."""
        return bool(self.quotes)

    def show_block(self, block: Block, library: Library, languages: tuple[str, ...]) -> None:
        """Say what ``block`` is in each of ``languages`` (hidden when it is from no source)."""
        self.paraphrase = bool(getattr(block, "paraphrase", False))
        self.quotes = [
            found
            for lang in languages
            if (found := quotation.assess(block, library, lang)) is not None
        ]
        if not self.quotes:
            self.setVisible(False)
            return
        text, self.tone = describe(self.quotes)
        self.setVisible(True)
        self.label.setText(text)
        self.label.setAccessibleName(text)
        tint(self.label, TONES[self.tone][2])
        self.label.setToolTip(differences_html(self.quotes) or text)
        # Offered where a choice is due; the block's menu offers it always.
        self.toggle.setVisible(self.tone in ("differs", "paraphrase"))
        self._name_toggle()
        self.updateGeometry()
        self.update()

    def set_read_only(self, read_only: bool) -> None:
        """Refuse the change of presentation in a read-only note."""
        self.toggle.setEnabled(not read_only)

    def _name_toggle(self) -> None:
        if self.paraphrase:
            self.toggle.setText(_("Present as Quotation"))
            self.toggle.setToolTip(
                _("Set it as a quotation of the declaration again, with its citation")
            )
        else:
            self.toggle.setText(_("Present as Paraphrase"))
            self.toggle.setToolTip(
                _("Set it as the note’s own text: no quotation style, no citation")
            )
        self.toggle.setAccessibleName(self.toggle.text())

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.show_button.setText(_("Show in Declaration"))
        self.show_button.setToolTip(_("Show where it stands in the declaration"))
        self.show_button.setAccessibleName(_("Show in Declaration"))
        self._name_toggle()
        if self.quotes:
            text, self.tone = describe(self.quotes)
            self.label.setText(text)
            self.label.setAccessibleName(text)
            self.label.setToolTip(differences_html(self.quotes) or text)

    def paintEvent(self, event) -> None:
        background, border, _colour = TONES[self.tone]
        if background is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(border))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.end()
