"""Tests for the quotation mark's tooltip: the word differences of a quotation that differs."""

from __future__ import annotations

from app.library import clauses as library_mod
from app.notes.note import CopiedClause
from app.notes.quotation import Standing, assess
from ui.panels.quotemark import differences_html


def test_the_tooltip_shows_what_a_differing_quotation_changed_and_nothing_for_a_verbatim_one():
    library = library_mod.builtin()
    clause = library.get("vd2.1.4")
    edited = clause.text_in("fr").replace("biens culturels", "œuvres d’art")
    block = CopiedClause(
        clause.id, clause.revision, dict(clause.title), {**clause.text, "fr": edited}
    )
    differs, verbatim = assess(block, library, "fr"), assess(block, library, "nl")
    assert differs.standing is Standing.DIFFERS and verbatim.standing is Standing.VERBATIM
    tooltip = differences_html([differs, verbatim])
    assert tooltip.count("<p><b>") == 1  # the Dutch text is the wording: no paragraph for it
    assert "biens culturels" in tooltip and "œuvres d’art" in tooltip
    assert differences_html([verbatim]) == ""
