"""A note's sections and blocks laid out for export: text blocks, clauses, quotations, tables.

:class:`SectionsAndBlocks` is mixed into the renderer (:mod:`app.export.render`): it reads the
pass's ``note``, ``library``, ``languages`` and ``section``, and calls its text methods
(``spans``, ``paragraphs``, ``rich_paragraphs``, ``localized_spans``), ``missing`` and
``follow_up``.
"""

from __future__ import annotations

from app.docx.plan import ClauseFrame, Mark, Paragraph, PlanWarning, SideBySide, Span, Style
from app.export.quotes import quote_frame
from app.language import i18n, typography
from app.language.codes import Localized
from app.language.i18n import _
from app.language.vocabulary import word
from app.library.clauses import Clause, Kind, Status
from app.notes.note import Block, CopiedClause, FollowUpTable, LinkedClause, TextBlock
from app.text.richtext import coerce


def _excerpt_hint(block: CopiedClause, lang: str) -> str:
    """How to quote a language a quotation of part of a clause was not taken in (or "")."""
    if not block.excerpt or lang in block.excerpt:
        return ""
    if lang == "nl":
        return _(
            "To quote the Dutch words too, select them in the Dutch (NL) view of the "
            "Declaration tab and choose Insert as Quotation."
        )
    return _(
        "To quote the French words too, select them in the French (FR) view of the "
        "Declaration tab and choose Insert as Quotation."
    )


class SectionsAndBlocks:
    """The sections and blocks of one rendering pass (a part of the renderer)."""

    def block_items(self, block: Block, lang: str) -> list:
        """The plan items of one block in one language, each carrying the block's id."""
        items = self._block_items(block, lang)
        for item in items:
            item.block_id = block.id
        return items

    def _block_items(self, block: Block, lang: str) -> list:
        if isinstance(block, TextBlock):
            text = coerce(block.text.get(lang))
            if text.plain.strip():
                return self.rich_paragraphs(text, lang)
            if any(coerce(v).plain.strip() for v in block.text.values()):
                return self.missing(
                    lang, block.id, _("A text block in {section}").format(section=self.section)
                )
            return []
        if isinstance(block, LinkedClause):
            clause = self.linked_clause(block, lang)
            if clause is None:
                text = word("missing_clause", lang).format(id=block.clause_id)
                return [Paragraph([Span(text, Mark.MISSING)], lang)]
            text = clause.text_in(lang)
            if clause.status_in(lang) is Status.UNOFFICIAL:
                self.unofficial.add(lang)
            paragraphs = (
                self.paragraphs(text, lang)
                if text.strip()
                else self.missing(
                    lang,
                    block.id,
                    _("Clause {id} in {section}").format(id=clause.id, section=self.section),
                )
            )
            lead_in = self.lead_in(clause, clause.title, lang, block.id)
            return [
                quote_frame(
                    self,
                    block,
                    ClauseFrame(
                        clause.id,
                        block.revision,
                        lang,
                        True,
                        typography.apply(clause.title.get(lang, ""), lang),
                        paragraphs,
                        lead_in,
                    ),
                    lang,
                )
            ]
        if isinstance(block, CopiedClause):
            text = coerce(block.text.get(lang))
            source = self.library.at(block.clause_id, block.revision) or self.library.find(
                block.clause_id
            )
            # The copy's own title, else the library's in the same language (added since).
            titles = {**(dict(source.title) if source else {}), **block.title}
            paragraphs = (
                self.rich_paragraphs(text, lang)
                if text.plain.strip()
                else self.missing(
                    lang,
                    block.id,
                    _("Clause {id} in {section}").format(id=block.clause_id, section=self.section),
                    hint=_excerpt_hint(block, lang),
                )
            )
            lead_in = self.lead_in(source, titles, lang, block.id, clause_id=block.clause_id)
            return [
                quote_frame(
                    self,
                    block,
                    ClauseFrame(
                        block.clause_id,
                        block.revision,
                        lang,
                        False,
                        typography.apply(titles.get(lang, ""), lang),
                        paragraphs,
                        lead_in,
                    ),
                    lang,
                )
            ]
        if isinstance(block, FollowUpTable):
            return self.follow_up(block)
        raise TypeError(type(block).__name__)

    def lead_in(
        self,
        clause: Clause | None,
        titles: Localized,
        lang: str,
        block_id: str,
        *,
        clause_id: str = "",
    ) -> Paragraph | None:
        """The paragraph a clause opens with: "1.2 Harmonisation des critères…" for a commitment.

        A commitment gets its number in the source (part.position) and its title; a context
        paragraph its title alone (the preamble has no numbers); standard paragraphs and
        talking points none: they are the note's own prose, their title only a name to find
        them by. A copy of a clause the library no longer has keeps its title. A quotation's
        citation follows its text, not its title (:mod:`app.export.quotes`).
        """
        kind = clause.kind if clause else None
        if kind in (Kind.STANDARD, Kind.TALKING_POINT):
            return None
        spans: list[Span] = []
        origin = clause.origin if clause else None
        if kind is Kind.COMMITMENT and origin is not None and origin.part > 0:
            spans.append(Span(f"{origin.part}.{origin.position}"))
            spans.append(Span(" "))
        title = " ".join(titles.get(lang, "").split())
        if title:
            spans.extend(self.spans(title, lang))
        elif any(v.strip() for v in titles.values()):
            what = _("The title of clause {id} in {section}").format(
                id=clause.id if clause else clause_id, section=self.section
            )
            spans.append(self.missing_marker(lang, what, block_id))
        else:
            return None
        return Paragraph(spans, lang, Style.CLAUSE_TITLE)

    def linked_clause(self, block: LinkedClause, lang: str) -> Clause | None:
        """The wording a linked block shows: its own revision's, with warnings for the gaps.

        A link to an older revision than the library's newest is exported as it
        is (nothing updates silently) and warned about; a revision no longer
        known falls back to the newest; a clause the library lacks is None.
        """
        newest = self.library.newest(block.clause_id)
        first = lang == self.languages[0]
        if newest is None:
            self.warnings.append(
                PlanWarning(
                    "unknown_clause",
                    _("Clause {id} is not in the library; it is marked in the file.").format(
                        id=block.clause_id
                    ),
                    block.id,
                    lang,
                )
            )
            return None
        clause = self.library.at(block.clause_id, block.revision)
        if not first:
            return clause or newest
        if clause is None:
            self.warnings.append(
                PlanWarning(
                    "unknown_revision",
                    _(
                        "Revision {old} of clause {id} is no longer in the library; "
                        "revision {new} is exported instead."
                    ).format(id=newest.id, old=block.revision, new=newest.revision),
                    block.id,
                )
            )
            return newest
        if newest.revision > block.revision:
            message = (
                _(
                    "Clause {id} is linked at revision {old}; the library has revision {new}. "
                    "The wording of revision {old} is exported, as the note chose to keep it."
                )
                if block.kept >= newest.revision
                else _(
                    "Clause {id} is linked at revision {old}; the library has "
                    "revision {new}. The wording of revision {old} is exported."
                )
            )
            self.warnings.append(
                PlanWarning(
                    "outdated_link",
                    message.format(id=clause.id, old=block.revision, new=newest.revision),
                    block.id,
                )
            )
        if block.clause_id not in self.library.clauses:
            self.warnings.append(
                PlanWarning(
                    "deleted_clause",
                    _(
                        "Clause {id} was deleted from the library; the note keeps its wording."
                    ).format(id=clause.id),
                    block.id,
                )
            )
        return clause

    def section_items(self, blocks: list[Block]) -> list:
        """The plan items of a section's blocks, side by side when bilingual."""
        if len(self.languages) == 1:
            items = []
            for block in blocks:
                items.extend(self.block_items(block, self.languages[0]))
            return items
        items: list = []
        pending: list[tuple[list, list]] = []
        for block in blocks:
            if isinstance(block, FollowUpTable):
                tables = self.block_items(block, self.languages[0])
                if pending and tables:
                    items.append(SideBySide(pending))
                    pending = []
                items.extend(tables)
                continue
            left, right = (self.block_items(block, lang) for lang in self.languages)
            if left or right:
                pending.append((left, right))
        if pending:
            items.append(SideBySide(pending))
        return items

    def heading_spans(self, title: Localized) -> list[Span]:
        """A section's heading in each export language; a missing title gets the marker.

        A section titled in no language at all is marked in each, so its content never
        runs on under the previous section's heading.
        """
        what = _("The title of {section}").format(section=self.section)
        return self.localized_spans(title, what=what, force=True)

    def section_name(self, title: Localized, number: int) -> str:
        """How a warning names a section: its title in quotes, or its number.

        The title in the interface language when it has one, else in the export's
        languages, else in any: a section keeps one name in every line of the check.
        """
        for lang in (i18n.current_language(), *self.languages, *title):
            text = " ".join(title.get(lang, "").split())
            if text:
                return _("“{title}”").format(title=text)
        return _("section {n}").format(n=number)
