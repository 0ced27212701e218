"""The export of quotations, read back from the .docx: quotation style, citation, languages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.docx.plan import Style
from app.export.render import build_plan
from app.export.word import export_note
from app.language.codes import NoteLanguage
from app.library import clauses as library_mod
from app.notes.editing import NoteSession
from app.notes.note import CopiedClause, LinkedClause, Note, Section
from app.notes.quotation import block_text, excerpt_from_selection
from tests.app.docx.docxparts import NS, part

VAL = f"{{{NS['w']}}}val"
NBSP = "\u00a0"
FRENCH_CITATION = (
    f"«{NBSP}Déclaration conjointe franco-belge “Val Duchesse II”, Paris, 11 juin 2018, "
    f"point 1, 4e tiret{NBSP}»"
)
DUTCH_CITATION = (
    "“Gezamenlijke Frans-Belgische verklaring ‘Val Duchesse II’, Parijs, 11 juni 2018, "
    "punt 1, 4de streepje” (niet-officiële vertaling)"
)


def note_of(*blocks, language: NoteLanguage = NoteLanguage.FR) -> Note:
    return Note(
        subject={"fr": "Financement du terrorisme", "nl": "Terrorismefinanciering"},
        addressee={"fr": "Monsieur le Premier ministre", "nl": "De heer Eerste Minister"},
        date=date(2018, 6, 12),
        language=language,
        sections=[Section({"fr": "Engagements", "nl": "Verbintenissen"}, list(blocks))],
    )


def controls(path: Path) -> list[list[tuple[str, str, list]]]:
    """Each content control's paragraphs: (style, text, runs as (text, lang, superscript))."""
    root = part(path, "word/document.xml")
    found = []
    for control in root.iterfind(".//w:sdt", NS):
        paragraphs = []
        for paragraph in control.iterfind("w:sdtContent/w:p", NS):
            style = paragraph.find("w:pPr/w:pStyle", NS)
            runs = [
                (
                    "".join(run.xpath("w:t/text()", namespaces=NS)),
                    run.find("w:rPr/w:lang", NS).get(VAL),
                    run.find("w:rPr/w:vertAlign", NS) is not None,
                )
                for run in paragraph.iterfind("w:r", NS)
            ]
            paragraphs.append(
                (style.get(VAL) if style is not None else "", "".join(r[0] for r in runs), runs)
            )
        found.append(paragraphs)
    return found


def test_a_linked_commitment_is_exported_as_a_quotation_with_its_french_citation(tmp_path):
    library = library_mod.builtin()
    result = export_note(note_of(LinkedClause("vd2.1.4", 1)), library, tmp_path / "n.docx")
    (control,) = controls(result.path)
    styles = [style for style, _text, _runs in control]
    assert styles == ["ClausierClauseTitle", "ClausierQuotation", "ClausierCitation"]
    assert control[0][1] == "1.4 Financement du terrorisme\u00a0: trafic de biens culturels"
    assert control[1][1].startswith("Soulignant la nécessité d’agir")
    style, text, runs = control[2]
    assert text == FRENCH_CITATION
    assert {lang for _t, lang, _s in runs} == {"fr-BE"}
    raised = [t for t, _lang, superscript in runs if superscript]
    assert raised == ["e"]
    assert [t for t, _l, _s in runs][1] == "e" and runs[0][0].endswith("4")
    assert not [w for w in result.warnings if w.code == "template"]  # copied quietly


def test_the_dutch_file_cites_the_unofficial_translation(tmp_path):
    library = library_mod.builtin()
    note = note_of(LinkedClause("vd2.1.4", 1), language=NoteLanguage.NL)
    result = export_note(note, library, tmp_path / "n.docx")
    (control,) = controls(result.path)
    assert [s for s, _t, _r in control][1:] == ["ClausierQuotation", "ClausierCitation"]
    _style, text, runs = control[2]
    assert text == DUTCH_CITATION
    assert {lang for _t, lang, _s in runs} == {"nl-BE"}
    assert not any(superscript for _t, _l, superscript in runs)


def test_a_bilingual_file_cites_each_column_in_its_language(tmp_path):
    note = note_of(LinkedClause("vd2.1.4", 1), language=NoteLanguage.BILINGUAL)
    result = export_note(note, library_mod.builtin(), tmp_path / "n.docx")
    french, dutch = controls(result.path)
    assert french[-1][1] == FRENCH_CITATION
    assert dutch[-1][1] == DUTCH_CITATION
    assert {lang for _t, lang, _s in dutch[-1][2]} == {"nl-BE"}


def test_a_paraphrase_carries_no_quotation_style_and_no_citation(tmp_path):
    library = library_mod.builtin()
    linked = LinkedClause("vd2.1.4", 1, paraphrase=True)
    clause = library.get("vd2.1.2")
    edited = CopiedClause(
        clause.id, 1, dict(clause.title), {"fr": "Harmoniser nos critères biométriques."}
    )
    edited.paraphrase = True
    result = export_note(note_of(linked, edited), library, tmp_path / "n.docx")
    for control in controls(result.path):
        assert [s for s, _t, _r in control] == ["ClausierClauseTitle", "Normal"]
    root = part(result.path, "word/document.xml")
    assert not root.xpath(
        "//w:pStyle[@w:val='ClausierQuotation' or @w:val='ClausierCitation']", namespaces=NS
    )
    assert "Déclaration conjointe" not in "".join(root.xpath("//w:t/text()", namespaces=NS))
    assert not [w for w in result.warnings if w.code == "quotation_differs"]


def test_a_quotation_that_no_longer_matches_is_exported_as_a_paraphrase_with_a_warning(tmp_path):
    library = library_mod.builtin()
    session = NoteSession(note_of(LinkedClause("vd2.1.4", 1)))
    block = session.note.sections[0].blocks[0]
    session.edit_locally(block.id, library)
    text = block_text(session.note.sections[0].blocks[0], None, "fr")
    session.edit_text(block.id, "fr", text.replace("biens culturels", "objets d’art"))
    result = export_note(session.note, library, tmp_path / "n.docx")
    (control,) = controls(result.path)
    assert [s for s, _t, _r in control] == ["ClausierClauseTitle", "Normal"]
    (warning,) = [w for w in result.warnings if w.code == "quotation_differs"]
    assert (warning.block_id, warning.lang) == (block.id, "fr")
    assert "no longer matches the declaration" in warning.message
    session.undo()
    result = export_note(session.note, library, tmp_path / "again.docx")
    assert [s for s, _t, _r in controls(result.path)[0]][-1] == "ClausierCitation"


def test_an_excerpt_marks_the_words_it_leaves_out(tmp_path):
    library = library_mod.builtin()
    clause = library.get("vd2.1.4")
    start = clause.anchor.span("fr")[0] + len("Soulignant ")
    excerpt = excerpt_from_selection(
        library, "vd2", "fr", start, start + len("la nécessité d’agir")
    )
    session = NoteSession(note_of())
    session.insert_quotation(session.note.sections[0].id, excerpt)
    result = export_note(session.note, library, tmp_path / "n.docx")
    (control,) = controls(result.path)
    assert control[1][:2] == ("ClausierQuotation", "[…] la nécessité d’agir […]")
    assert control[2][1] == FRENCH_CITATION


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_plan_keeps_the_citation_after_the_text_inside_the_frame(lang):
    language = NoteLanguage.FR if lang == "fr" else NoteLanguage.NL
    plan = build_plan(note_of(LinkedClause("vd2.0.2", 1), language=language), library_mod.builtin())
    (frame,) = [item for item in plan.body if hasattr(item, "citation")]
    assert frame.quotation
    assert frame.lead_in.style is Style.CLAUSE_TITLE
    assert {p.style for p in frame.paragraphs} == {Style.QUOTATION}
    assert frame.citation.style is Style.CITATION
    expected = "préambule, 2" if lang == "fr" else "preambule, 2de alinea"
    assert expected in frame.citation.text


def _quoted(library, clause_id: str, words: str, lang: str = "fr", language=NoteLanguage.FR):
    """The plan of a note quoting ``words`` of a clause, selected in its ``lang`` full text."""
    clause = library.get(clause_id)
    start = clause.anchor.span(lang)[0] + clause.text_in(lang).index(words)
    excerpt = excerpt_from_selection(library, "vd2", lang, start, start + len(words))
    session = NoteSession(note_of(language=language))
    session.insert_quotation(session.note.sections[0].id, excerpt)
    return session.note, build_plan(session.note, library)


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        # Semicolons and colons do not end the declaration's sentences: cut at one, it is marked.
        (
            "renseignement ; de renforcer la coopération judiciaire ;",
            "[…] renseignement\u202f; de renforcer la coopération judiciaire\u202f; […]",
        ),
        (
            "de renforcer la coopération judiciaire",
            "[…] de renforcer la coopération judiciaire […]",
        ),
        ("Nous avions décidé en 2016", "Nous avions décidé en 2016 […]"),  # the clause's start
    ],
)
def test_an_excerpt_cut_inside_a_sentence_is_marked_at_the_cut(words, shown):
    _note, plan = _quoted(library_mod.builtin(), "vd2.0.3", words)
    (frame,) = [item for item in plan.body if getattr(item, "quotation", False)]
    assert frame.paragraphs[0].text == shown


def test_an_excerpt_of_whole_sentences_is_not_marked():
    library = library_mod.builtin()
    words = "L’accès à la preuve numérique constitue un enjeu majeur dans nombre d’enquêtes judiciaires."
    _note, plan = _quoted(library, "vd2.3.4", words)
    (frame,) = [item for item in plan.body if getattr(item, "quotation", False)]
    assert frame.paragraphs[0].text == words


def test_a_partial_quotation_missing_in_dutch_says_how_to_quote_the_dutch_words():
    note, plan = _quoted(
        library_mod.builtin(),
        "vd2.0.3",
        "de renforcer la coopération judiciaire",
        language=NoteLanguage.BILINGUAL,
    )
    block = note.sections[0].blocks[0]
    (warning,) = [w for w in plan.warnings if w.block_id == block.id]
    assert (warning.code, warning.lang) == ("missing_translation", "nl")
    assert warning.message == (
        "Clause vd2.0.3 in “Engagements”: no Dutch text; it is marked as missing in the file. "
        "To quote the Dutch words too, select them in the Dutch (NL) view of the Declaration "
        "tab and choose Insert as Quotation."
    )
    whole = build_plan(
        note_of(CopiedClause("vd2.0.3", 1, {}, {"fr": "x"}), language=NoteLanguage.BILINGUAL),
        library_mod.builtin(),
    )
    assert not [w for w in whole.warnings if "Declaration tab" in w.message]  # not an excerpt
