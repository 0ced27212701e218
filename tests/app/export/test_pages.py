"""Where Word may break a page in an exported note, and the œ of French words, read back from the .docx."""

from __future__ import annotations

from app.export.word import export_note
from app.language.codes import NoteLanguage
from app.library import clauses as library_mod
from app.notes.note import LinkedClause, Note, Section, TextBlock
from app.text.richtext import ListKind, paragraph, rich
from tests.app.docx.docxparts import NS, part


def body_paragraphs(path) -> list:
    """The document's paragraphs outside tables: (text, style, keepNext, keepLines)."""
    found = []
    for p in part(path, "word/document.xml").iter(f"{{{NS['w']}}}p"):
        if p.xpath("ancestor::w:tbl", namespaces=NS):
            continue
        style = p.find("w:pPr/w:pStyle", NS)
        keep = p.find("w:pPr/w:keepNext", NS)
        found.append(
            (
                "".join(p.itertext()),
                style.get(f"{{{NS['w']}}}val") if style is not None else None,
                keep is not None and keep.get(f"{{{NS['w']}}}val") not in ("0", "false"),
                p.find("w:pPr/w:keepLines", NS) is not None,
            )
        )
    return found


def note_with(*blocks, language: NoteLanguage = NoteLanguage.FR) -> Note:
    return Note(
        subject={"fr": "Suivi", "nl": "Opvolging"},
        language=language,
        sections=[Section({"fr": "Contexte", "nl": "Context"}, list(blocks))],
    )


def test_a_list_s_lead_in_stays_on_the_page_of_its_first_item(tmp_path):
    text = rich(
        [
            paragraph("Les deux pays ont décidé :"),
            paragraph("de renforcer leurs échanges ;", ListKind.BULLET),
            paragraph("d’agir ensemble.", ListKind.BULLET),
            paragraph("Un paragraphe après la liste."),
        ]
    )
    result = export_note(
        note_with(TextBlock({"fr": text})), library_mod.builtin(), tmp_path / "n.docx"
    )
    found = {text: keep for text, _style, keep, _lines in body_paragraphs(result.path)}
    assert found["Les deux pays ont décidé\u00a0:"] is True
    assert found["Un paragraphe après la liste."] is False


def test_a_quotation_and_its_citation_line_never_part(tmp_path):
    note = note_with(LinkedClause("vd2.0.2", 1), TextBlock({"fr": "Suite."}))
    result = export_note(note, library_mod.builtin(), tmp_path / "n.docx")
    paragraphs = body_paragraphs(result.path)
    quoted = [p for p in paragraphs if p[1] == "ClausierQuotation"]
    assert quoted, paragraphs
    assert all(keep and lines for _text, _style, keep, lines in quoted)  # no break inside
    after = paragraphs[paragraphs.index(quoted[-1]) + 1]
    assert after[1] == "ClausierCitation"  # kept with the line that says where it comes from


def test_french_exports_write_oe_words_with_the_ligature_and_dutch_ones_do_not(tmp_path):
    typed = "La mise en oeuvre au coeur du sujet ; Oeuvrer, un voeu, le coefficient, la moelle, la poêle."
    note = note_with(
        TextBlock({"fr": typed, "nl": "De mise en oeuvre van de coëfficiënt."}),
        language=NoteLanguage.BILINGUAL,
    )
    library = library_mod.builtin()
    french = export_note(note, library, tmp_path / "fr.docx", language=NoteLanguage.FR)
    texts = " ".join(t for t, *_ in body_paragraphs(french.path))
    assert "La mise en œuvre au cœur du sujet" in texts and "Œuvrer, un vœu" in texts
    assert "coefficient" in texts and "moelle" in texts and "poêle" in texts
    assert "oeuvre" not in texts.casefold()
    dutch = export_note(note, library, tmp_path / "nl.docx", language=NoteLanguage.NL)
    texts = " ".join(t for t, *_ in body_paragraphs(dutch.path))
    assert "De mise en oeuvre" in texts and "œ" not in texts
