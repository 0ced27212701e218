"""How the export sets a clause taken from a source: a quotation with its citation, or not.

The renderer (:mod:`app.export.render`) lays a linked or copied clause out as a
:class:`~app.docx.plan.ClauseFrame`; :func:`quote_frame` then sets a verbatim quotation
(:mod:`app.notes.quotation`) in the Quotation style with its citation line after it, marks with
"[…]" an excerpt that cuts a sentence, and leaves everything else as it is: a paraphrase,
a translation and a quotation that no longer matches its source are never set as
quotations (the last with a warning that says so).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from app.docx.plan import ClauseFrame, Paragraph, PlanWarning, Span, Style
from app.language.i18n import _
from app.language.vocabulary import word
from app.library import citation
from app.library.clauses import Library
from app.notes import quotation
from app.notes.note import Block
from app.notes.quotation import Standing


class Renderer(Protocol):
    """What :func:`quote_frame` needs of a rendering pass."""

    library: Library
    warnings: list[PlanWarning]
    section: str

    def spans(self, text: str, lang: str) -> list[Span]: ...


#: The code of the warning for a quotation that no longer matches: where to see the
#: differences is the client's to say (the command line names ``clausier check``, the
#: window the red line under the block).
DIFFERS = "quotation_differs"


def _differs_message(lang: str) -> str:
    if lang == "nl":
        return _(
            "Clause {id} in {section}: its Dutch text is presented as a quotation but no longer "
            "matches the declaration; it is exported as a paraphrase, without a citation."
        )
    return _(
        "Clause {id} in {section}: its French text is presented as a quotation but no longer "
        "matches the declaration; it is exported as a paraphrase, without a citation."
    )


def quote_frame(renderer: Renderer, block: Block, frame: ClauseFrame, lang: str) -> ClauseFrame:
    """``frame`` set as the quotation (with its citation) or the paraphrase ``block`` is."""
    quoted = quotation.assess(block, renderer.library, lang)
    if quoted is None or not frame.paragraphs:
        return frame
    if quoted.standing is Standing.DIFFERS:
        renderer.warnings.append(
            PlanWarning(
                DIFFERS,
                _differs_message(lang).format(id=quoted.clause_id, section=renderer.section),
                block.id,
                lang,
            )
        )
        return frame
    found = quoted.reference
    if quoted.standing is not Standing.VERBATIM or found is None:
        return frame
    paragraphs = [replace(p, spans=list(p.spans), style=Style.QUOTATION) for p in frame.paragraphs]
    start_cut, end_cut = found.cuts()
    omission = word("omission", lang)
    if start_cut:
        paragraphs[0].spans.insert(0, Span(omission + " "))
    if end_cut:
        paragraphs[-1].spans.append(Span(" " + omission))
    line = citation.citation(found.source, found.anchor, lang, official=found.official)
    cited = Paragraph(renderer.spans(line, lang), lang, Style.CITATION)
    return replace(frame, paragraphs=paragraphs, citation=cited, quotation=True)
