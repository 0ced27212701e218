"""The selected library clause shown in French and Dutch, with each translation status."""

from __future__ import annotations

from app.language.i18n import _
from app.library import sync
from app.library.clauses import Clause, Library, Status
from ui.labels import kind_name, language_code, status_name
from ui.panels.clausemodel import library_note
from ui.qt import QTextBrowser, QUrl, QWidget, Signal
from ui.widgets.icons import OUT_OF_DATE_COLOUR, STATUS_COLOURS

#: The link of the card's "Show in Declaration".
SHOW_IN_DECLARATION = "clausier:show-in-declaration"


def escape(text: str) -> str:
    """``text`` safe inside HTML (the html module costs a start-up import for three replacements)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#x27;")
    )


_STATUS_MARKS = {Status.OFFICIAL: "●", Status.UNOFFICIAL: "◐", Status.MISSING: "○"}


def variables_html(clause: Clause, library: Library) -> str:
    """The variables a clause holds, each with its description and type."""
    from app.library import variabledefs  # only clauses with variables need it (it loads Babel)
    from ui.labels import variable_type_name

    items = []
    for variable in variabledefs.of_clause(library, clause):
        described = variable.label or _("not described in the library")
        items.append(
            f"<li><b>{{{escape(variable.name)}}}</b> — {escape(described)}"
            f" ({escape(variable_type_name(variable.type))})</li>"
        )
    if not items:
        return ""
    heading = escape(_("Variables the note fills:"))
    return f"<p style='margin-bottom:0'>{heading}</p><ul style='margin-top:0'>{''.join(items)}</ul>"


def clause_html(clause: Clause, library: Library, lang: str = "fr") -> str:
    """The HTML of a clause card: title, origin, both texts with their status."""
    origin = ""
    if clause.origin:
        source = library.sources.get(clause.origin.source)
        name = (source.title.get(lang) if source else "") or clause.origin.source
        part = source.part(clause.origin.part) if source else None
        part_text = _("part {number}").format(number=clause.origin.part)
        if clause.origin.part == 0:
            part_text = _("preamble")
        elif part and part.title.get(lang):
            part_text = f"{part_text} — {part.title[lang]}"
        origin = f"{escape(name)}, {escape(part_text)}"
        if clause.anchor is not None and source is not None and source.text:
            from ui.panels.quotemark import anchor_words

            first, last = clause.anchor.lines
            # The place names the part ("preamble, 1st paragraph", "point 1, 2nd dash"):
            # the part is not named a second time before it, only its title is.
            origin = escape(name)
            if clause.origin.part and part and part.title.get(lang):
                origin += f", {escape(part.title[lang])}"
            where = anchor_words(clause.anchor)
            if first:
                where = _("{where}, lines {first}–{last} of the text as received").format(
                    where=where, first=first, last=last
                )
            link = escape(_("Show in Declaration"))
            origin += f" · {escape(where)} · <a href='{SHOW_IN_DECLARATION}'>{link}</a>"
    revision = _("revision {n}").format(n=clause.revision)
    head = (
        f"<p style='margin:0'><b>{escape(clause.id)}</b> · {escape(kind_name(clause.kind))}"
        f" · {escape(revision)}</p>"
    )
    if origin:
        head += f"<p style='margin:0; color:#555'>{origin}</p>"
    where = library_note(clause)
    if where:
        head += f"<p style='margin:0; color:#555'>{escape(where)}</p>"
    parts = [head]
    for text_lang in ("fr", "nl"):
        status = clause.status_in(text_lang)
        colour = STATUS_COLOURS[status]
        badge = (
            f"<span style='color:{colour}'>{_STATUS_MARKS[status]} "
            f"{escape(language_code(text_lang))} — {escape(status_name(status))}</span>"
        )
        if sync.state(clause, text_lang) is sync.SyncState.OUT_OF_DATE:
            late = _("out of date: the {other} text changed since it was translated").format(
                other=language_code(sync.other(text_lang))
            )
            badge += f" <span style='color:{OUT_OF_DATE_COLOUR}'><b>— {escape(late)}</b></span>"
        title = escape(clause.title.get(text_lang, ""))
        text = clause.text_in(text_lang)
        none = _("No text in this language.")
        body = (
            "<br/>".join(escape(line) for line in text.split("\n"))
            if text.strip()
            else f"<i style='color:{colour}'>{escape(none)}</i>"
        )
        parts.append(
            f"<p style='margin-top:10px; margin-bottom:2px'>{badge}</p>"
            f"<p style='margin:0'><b>{title}</b></p>"
            f"<p style='margin-top:2px'>{body}</p>"
        )
    if any("{" in text for text in (*clause.title.values(), *clause.text.values())):
        parts.append(variables_html(clause, library))
    if clause.tags:
        tags = _("Tags: {tags}").format(tags=", ".join(clause.tags))
        parts.append(f"<p style='color:#555'>{escape(tags)}</p>")
    if clause.near_duplicates:
        ids = ", ".join(clause.near_duplicates)
        alike = _("Nearly identical to {ids}.").format(ids=ids)
        parts.append(f"<p style='color:#a15c00'>{escape(alike)}</p>")
    if clause.remark:
        parts.append(f"<p style='color:#555'><i>{escape(clause.remark)}</i></p>")
    return "".join(parts)


class ClausePreview(QTextBrowser):
    """A read-only card of the selected clause."""

    showInDeclarationRequest = Signal(str)  # clause id

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.clause: Clause | None = None
        self.display_lang = "fr"
        # While held (the window's first paint), a card is remembered, not written: its
        # text needs the citation and date modules, which load after the window shows.
        self._held = False
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._link)
        self.retranslate()

    def _link(self, url: QUrl) -> None:
        if url.toString() == SHOW_IN_DECLARATION and self.clause is not None:
            self.showInDeclarationRequest.emit(self.clause.id)

    def hold(self) -> None:
        """Write no card until :meth:`release` (the window paints first)."""
        self._held = True
        self.clear()

    def release(self) -> None:
        """Write the card of the clause selected while held."""
        if self._held:
            self._held = False
            self.show_clause(self.clause)

    def show_clause(self, clause: Clause | None) -> None:
        """Show ``clause`` (None clears the card)."""
        self.clause = clause
        if self._held:
            return
        if clause is None:
            hint = _("Select a clause to read it.")
            self.setHtml(f"<p style='color:#777'>{escape(hint)}</p>")
        else:
            self.setHtml(clause_html(clause, self.library, self.display_lang))

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.setAccessibleName(_("Selected clause"))
        self.show_clause(self.clause)
