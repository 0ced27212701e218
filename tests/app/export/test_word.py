"""End-to-end export: a real note over the built-in library, read back as Word sees it."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest

from app.export.word import export_note
from app.language.classification import Classification
from app.language.codes import NoteLanguage
from app.library import clauses as library_mod
from app.notes.note import (
    CopiedClause,
    FollowUpRow,
    FollowUpTable,
    LinkedClause,
    Note,
    Section,
    TextBlock,
)
from tests.app.docx.docxparts import NS, part

W_LANG = f"{{{NS['w']}}}val"


def val_duchesse_note(language: NoteLanguage) -> Note:
    return Note(
        subject={"fr": "Suivi Val Duchesse II", "nl": "Opvolging Val Duchesse II"},
        addressee={"fr": "Monsieur le Premier ministre", "nl": "De heer Eerste Minister"},
        author="Marie Dupont",
        date=date(2016, 2, 1),
        meeting_date=date(2018, 6, 11),
        reference="PM/2018/123",
        classification=Classification.RESTRICTED,
        language=language,
        variables={
            "minister": {
                "fr": "le ministre de l’Intérieur",
                "nl": "de minister van Binnenlandse Zaken",
            }
        },
        sections=[
            Section(
                {"fr": "Contexte", "nl": "Context"},
                [
                    TextBlock(
                        {
                            "fr": "Réunion avec {minister} le {meeting_date} : suivi.",
                            "nl": "Vergadering met {minister} op {meeting_date}: opvolging.",
                        }
                    ),
                    LinkedClause("vd2.0.1", 1),
                ],
            ),
            Section(
                {"fr": "Engagements concernés", "nl": "Betrokken verbintenissen"},
                [LinkedClause("vd2.1.4", 1), LinkedClause("vd2.3.2", 1)],
            ),
        ],
    )


def text_of(path) -> str:
    return "".join(part(path, "word/document.xml").itertext())


def test_a_french_export_has_the_dates_texts_and_tagged_clauses(tmp_path):
    result = export_note(
        val_duchesse_note(NoteLanguage.FR), library_mod.builtin(), tmp_path, language="fr"
    )
    assert result.path.name == "2016-02-01_Suivi-Val-Duchesse-II_FR.docx"
    text = text_of(result.path)
    assert "1er février 2016" in text
    assert "lundi 11 juin 2018" in text  # meeting date in the first-page block
    assert "Réunion avec le ministre de l’Intérieur le 11 juin 2018\u00a0: suivi." in text
    assert "Soulignant la nécessité d’agir contre le financement du terrorisme" in text
    root = part(result.path, "word/document.xml")
    tags = [t.get(W_LANG) for t in root.iterfind(".//w:sdtPr/w:tag", NS)]
    assert tags == ["clausier:vd2.0.1@1:fr", "clausier:vd2.1.4@1:fr", "clausier:vd2.3.2@1:fr"]
    langs = {e.get(W_LANG) for e in root.iterfind(".//w:r/w:rPr/w:lang", NS)}
    assert langs == {"fr-BE"}
    header = "".join("".join(part(result.path, name).itertext()) for name in ("word/header1.xml",))
    assert "DIFFUSION RESTREINTE" in header
    assert docx.Document(str(result.path)).core_properties.author == "Marie Dupont"
    assert result.warnings == []


def test_a_dutch_export_speaks_dutch_everywhere(tmp_path):
    result = export_note(
        val_duchesse_note(NoteLanguage.NL), library_mod.builtin(), tmp_path / "n.docx"
    )
    text = text_of(result.path)
    assert "1 februari 2016" in text and "maandag 11 juni 2018" in text
    assert "Vergadering met de minister van Binnenlandse Zaken op 11 juni 2018: opvolging." in text
    assert "Wijzend op de noodzaak" in text
    root = part(result.path, "word/document.xml")
    langs = {e.get(W_LANG) for e in root.iterfind(".//w:r/w:rPr/w:lang", NS)}
    assert langs == {"nl-BE"}
    styles = part(result.path, "word/styles.xml")
    default = styles.find(".//w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert default.get(W_LANG) == "nl-BE"


def test_a_bilingual_export_holds_both_languages_side_by_side(tmp_path):
    result = export_note(val_duchesse_note(NoteLanguage.BILINGUAL), library_mod.builtin(), tmp_path)
    assert result.path.name.endswith("_FR-NL.docx")
    root = part(result.path, "word/document.xml")
    tags = [t.get(W_LANG) for t in root.iterfind(".//w:sdtPr/w:tag", NS)]
    assert "clausier:vd2.1.4@1:fr" in tags and "clausier:vd2.1.4@1:nl" in tags
    langs = {e.get(W_LANG) for e in root.iterfind(".//w:r/w:rPr/w:lang", NS)}
    assert langs == {"fr-BE", "nl-BE"}


def test_a_missing_variable_is_visible_in_the_file_and_warned(tmp_path):
    note = val_duchesse_note(NoteLanguage.FR)
    note.variables.clear()
    result = export_note(note, library_mod.builtin(), tmp_path / "n.docx")
    assert "{minister}" in text_of(result.path)
    assert [w.code for w in result.warnings] == ["unfilled_variable"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_exported_note_opens_in_libreoffice(tmp_path):
    result = export_note(
        val_duchesse_note(NoteLanguage.BILINGUAL), library_mod.builtin(), tmp_path / "n.docx"
    )
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(result.path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "n.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])
    assert 1 <= pages <= 3
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Opvolging" in text or "Wijzend op de noodzaak" in text
    assert f"Page / Pagina 1 / {pages}" in text


def test_the_template_comes_from_the_option_then_the_settings_then_the_built_in(tmp_path):
    from app.export.word import default_template, resolve_template
    from app.system import settings

    assert resolve_template() == default_template()
    site = settings.site_file()
    site.parent.mkdir(parents=True)
    site.write_text("[settings]\ntemplate = /srv/share/house.docx\n")
    assert resolve_template() == Path("/srv/share/house.docx")
    assert resolve_template(tmp_path / "mine.docx") == tmp_path / "mine.docx"


# --- what the Word file says in each language (issue 10, items 3 to 6) -----------------


def paragraphs(path) -> list[tuple[str, str, list[str]]]:
    """Every paragraph of the body in order, tables and content controls included:
    (style id, text, the w:lang of each run with text)."""
    root = part(path, "word/document.xml")
    found = []
    for paragraph in root.iterfind(".//w:body//w:p", NS):
        style = paragraph.find("w:pPr/w:pStyle", NS)
        runs = [r for r in paragraph.iterfind("w:r", NS) if r.find("w:t", NS) is not None]
        langs = [r.find("w:rPr/w:lang", NS).get(W_LANG) for r in runs]
        text = "".join(paragraph.xpath(".//w:t/text()", namespaces=NS))
        found.append((style.get(W_LANG) if style is not None else "", text, langs))
    return found


def written_in_french_only() -> Note:
    """What the adviser typed in a French note: a follow-up deadline, a function, a section."""
    row = FollowUpRow(
        {"fr": "PNR européen", "nl": "Europees PNR"},
        state={"fr": "En cours", "nl": "Lopend"},
        lead={"fr": "SPF Intérieur", "nl": "FOD Binnenlandse Zaken"},
        deadline_text={"fr": "1er trimestre 2019"},
    )
    return Note(
        subject={"fr": "Suivi", "nl": "Opvolging"},
        addressee={"fr": "Monsieur le Premier ministre", "nl": "De heer Eerste Minister"},
        author="Marie Dupont",
        author_function={"fr": "conseillère"},
        date=date(2018, 6, 11),
        language=NoteLanguage.FR,
        sections=[
            Section(
                {"fr": "Contexte", "nl": "Context"},
                [TextBlock({"fr": "Réunion.", "nl": "Vergadering."})],
            ),
            Section({"fr": "Suivi des engagements"}, [FollowUpTable([row])]),
        ],
    )


def test_the_dutch_file_holds_no_french_text_and_marks_what_is_missing(tmp_path):
    result = export_note(
        written_in_french_only(), library_mod.builtin(), tmp_path / "n.docx", language="nl"
    )
    found = paragraphs(result.path)
    text = " ".join(t for _s, t, _l in found)
    for french in ("trimestre", "conseill", "Suivi des engagements"):
        assert french not in text
    assert {lang for _s, _t, langs in found for lang in langs} == {"nl-BE"}
    assert ("ClausierTableText", "[Nederlandse tekst ontbreekt]", ["nl-BE"]) in found
    assert any(t == "Marie Dupont, [Nederlandse tekst ontbreekt]" for _s, t, _l in found)
    root = part(result.path, "word/document.xml")
    marked = root.xpath(".//w:r[w:rPr/w:rStyle/@w:val='ClausierMissing']/w:t/text()", namespaces=NS)
    assert marked == ["[Nederlandse tekst ontbreekt]"] * 3  # function, title, deadline
    places = {(w.field, w.column, w.row, w.lang) for w in result.warnings}
    assert places == {
        ("author_function", "", -1, "nl"),
        ("", "", -1, "nl"),  # the section's title
        ("", "deadline", 0, "nl"),
    }


def test_a_section_without_a_dutch_title_keeps_its_own_heading_in_the_dutch_file(tmp_path):
    note = written_in_french_only()
    result = export_note(note, library_mod.builtin(), tmp_path / "n.docx", language="nl")
    found = paragraphs(result.path)
    headings = [(t, langs) for s, t, langs in found if s == "Heading1"]
    assert headings == [("Context", ["nl-BE"]), ("[Nederlandse tekst ontbreekt]", ["nl-BE"])]
    (title,) = [w for w in result.warnings if w.section_id and not w.block_id]
    assert (title.section_id, title.lang) == (note.sections[1].id, "nl")
    # The table comes after the marked heading, not under “Context”.
    in_order = [t for _s, t, _l in found]
    assert in_order.index("[Nederlandse tekst ontbreekt]") < in_order.index("Europees PNR")


def commitments_note(language: NoteLanguage) -> Note:
    note = val_duchesse_note(language)
    copied = CopiedClause(
        "vd2.3.2",
        1,
        {"fr": "PNR européen et PNR ferroviaire", "nl": "Europees PNR en spoor-PNR"},
        {"fr": "De poursuivre le PNR.", "nl": "Het PNR voortzetten."},
    )
    note.sections[1].blocks = [LinkedClause("vd2.1.2", 1), copied]
    return note


def test_each_commitment_opens_with_its_number_and_title_inside_its_content_control(tmp_path):
    result = export_note(
        commitments_note(NoteLanguage.FR), library_mod.builtin(), tmp_path / "n.docx"
    )
    root = part(result.path, "word/document.xml")
    controls = root.findall(".//w:body/w:sdt", NS)
    firsts = []
    for control in controls:
        first = control.find("w:sdtContent/w:p", NS)
        style = first.find("w:pPr/w:pStyle", NS).get(W_LANG)
        langs = {e.get(W_LANG) for e in first.iterfind(".//w:lang", NS)}
        firsts.append((style, "".join(first.xpath(".//w:t/text()", namespaces=NS)), langs))
    assert firsts == [
        ("ClausierClauseTitle", "Réunion des Premiers ministres du 11 juin 2018", {"fr-BE"}),
        ("ClausierClauseTitle", "1.2 Harmonisation des critères biométriques (ADN)", {"fr-BE"}),
        ("ClausierClauseTitle", "3.2 PNR européen et PNR ferroviaire", {"fr-BE"}),
    ]
    # The clause's text follows its lead-in, as the body style.
    second = controls[1].findall("w:sdtContent/w:p", NS)[1]
    assert "".join(second.xpath(".//w:t/text()", namespaces=NS)).startswith("De travailler")


def test_the_lead_ins_of_a_bilingual_file_are_in_each_column_in_its_language(tmp_path):
    result = export_note(
        commitments_note(NoteLanguage.BILINGUAL), library_mod.builtin(), tmp_path / "n.docx"
    )
    leads = [
        (t, set(langs)) for s, t, langs in paragraphs(result.path) if s == "ClausierClauseTitle"
    ]
    assert [lead for lead in leads if lead[0].startswith("1.2")] == [
        ("1.2 Harmonisation des critères biométriques (ADN)", {"fr-BE"}),
        ("1.2 Harmonisering van de biometrische criteria (DNA)", {"nl-BE"}),
    ]
    # In the two columns a lead-in does not keep with next: that would chain every row of
    # the table into one block, pushed whole to the next page.
    root = part(result.path, "word/document.xml")
    keeps = root.xpath(
        ".//w:tc//w:p[w:pPr/w:pStyle/@w:val='ClausierClauseTitle']/w:pPr/w:keepNext/@w:val",
        namespaces=NS,
    )
    assert keeps == ["0"] * len(leads)


def test_a_template_without_the_lead_in_style_gets_the_house_one_with_a_warning(tmp_path):
    from app.docx.template import builtin_template
    from tests.app.docx.test_template import _drop_styles, _rewrite

    poor = _rewrite(
        builtin_template(), tmp_path / "poor.docx", _drop_styles("Clausier Clause Title")
    )
    result = export_note(
        commitments_note(NoteLanguage.FR), library_mod.builtin(), tmp_path / "n.docx", template=poor
    )
    (warning,) = [w for w in result.warnings if w.code == "template"]
    assert "Clausier Clause Title" in warning.message
    styles = part(result.path, "word/styles.xml")
    names = styles.xpath("//w:style[@w:styleId='ClausierClauseTitle']/w:name/@w:val", namespaces=NS)
    assert names == ["Clausier Clause Title"]
    assert any(s == "ClausierClauseTitle" for s, _t, _l in paragraphs(result.path))


def test_empty_skeleton_sections_are_left_out_of_the_file_and_listed(tmp_path):
    from app.notes import skeletons

    note = skeletons.new_note("bilateral")
    note.subject = {"fr": "Visite", "nl": "Bezoek"}
    note.date = date(2018, 6, 11)
    note.sections[1].blocks = [LinkedClause("vd2.1.2", 1)]
    result = export_note(note, library_mod.builtin(), tmp_path / "n.docx")
    headings = [t for s, t, _l in paragraphs(result.path) if s == "Heading1"]
    assert headings == ["Engagements concernés"]
    left_out = [w.section_id for w in result.warnings if w.code == "empty_section"]
    assert left_out == [s.id for i, s in enumerate(note.sections) if i != 1]


def test_an_empty_note_lists_its_missing_details(tmp_path):
    result = export_note(Note(), library_mod.builtin(), tmp_path / "n.docx")
    assert [(w.code, w.field) for w in result.warnings] == [
        ("missing_detail", "subject"),
        ("missing_detail", "addressee"),
        ("missing_detail", "author"),
        ("missing_detail", "date"),
        ("empty_note", ""),
    ]
    assert [s for s, _t, _l in paragraphs(result.path) if s == "Heading1"] == []


@pytest.mark.parametrize("language", list(NoteLanguage))
def test_a_follow_up_table_of_twelve_commitments_is_laid_out_for_pages(
    tmp_path: Path, language: NoteLanguage
) -> None:
    library = library_mod.builtin()
    ids = sorted(c for c in library.clauses if c.startswith(("vd2.1.", "vd2.2.", "vd2.3.")))[:12]
    rows = [
        FollowUpRow(
            clause_id=clause_id,
            state={"fr": 'Prévu au 2e trimestre ; "urgent"', "nl": 'Gepland; "dringend"'},
            lead={"fr": "Centre de crise national", "nl": "Nationaal Crisiscentrum"},
            deadline="2019-09-30",
        )
        for clause_id in ids
    ]
    note = val_duchesse_note(language)
    note.classification = Classification.CONFIDENTIAL
    note.sections = [Section({"fr": "Suivi", "nl": "Opvolging"}, [FollowUpTable(rows)])]
    result = export_note(note, library, tmp_path / "suivi.docx")
    document = part(result.path, "word/document.xml")
    table = document.xpath("//w:tbl[w:tblPr/w:tblStyle]", namespaces=NS)[-1]
    grid = [int(c.get(f"{{{NS['w']}}}w")) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert [round(width / sum(grid) * 16, 1) for width in grid] == [5.0, 4.8, 3.0, 3.2]
    trs = table.findall("w:tr", NS)
    assert len(trs) == 13
    assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in trs)
    assert trs[0].find("w:trPr/w:tblHeader", NS) is not None
    kept = [tr.find(".//w:pPr/w:keepNext", NS) is not None for tr in trs]
    assert kept == [True, True] + [False] * 9 + [True, False]
    superscripts = document.xpath("//w:r[w:rPr/w:vertAlign/@w:val='superscript']", namespaces=NS)
    if "fr" in language.languages:  # 1er février 2016, 2e trimestre
        assert {"".join(r.itertext()) for r in superscripts} == {"er", "e"}
        assert all(r.find("w:rPr/w:lang", NS).get(W_LANG) == "fr-BE" for r in superscripts)
    else:
        assert superscripts == []
    props = docx.Document(str(result.path)).core_properties
    assert (
        props.category
        == {
            NoteLanguage.FR: "CONFIDENTIEL",
            NoteLanguage.NL: "VERTROUWELIJK",
            NoteLanguage.BILINGUAL: "CONFIDENTIEL / VERTROUWELIJK",
        }[language]
    )


def _touching_tables(element) -> list:
    """Tables that follow another table with nothing but bookmark ends between them."""
    found = []
    for container in [element, *element.iter(f"{{{NS['w']}}}tc")]:
        previous = None
        for child in container:
            if child.tag == f"{{{NS['w']}}}bookmarkEnd":
                continue
            if child.tag == f"{{{NS['w']}}}tbl" and previous == f"{{{NS['w']}}}tbl":
                found.append(child)
            previous = child.tag
    return found


@pytest.mark.parametrize("language", list(NoteLanguage))
def test_two_follow_up_tables_in_a_row_stay_two_tables_in_word(
    tmp_path: Path, language: NoteLanguage
) -> None:
    first = FollowUpTable(
        [FollowUpRow(clause_id="vd2.3.2", state={"fr": "En cours", "nl": "Bezig"})]
    )
    second = FollowUpTable(
        [FollowUpRow(clause_id="vd2.1.4", lead={"fr": "SPF Justice", "nl": "FOD Justitie"})]
    )
    note = val_duchesse_note(language)
    note.sections = [
        Section(
            {"fr": "Suivi", "nl": "Opvolging"},
            [TextBlock({"fr": "À confirmer.", "nl": "Te bevestigen."}), first, second],
        )
    ]
    result = export_note(note, library_mod.builtin(), tmp_path / "suivi.docx")
    body = part(result.path, "word/document.xml").find(f"{{{NS['w']}}}body")
    assert _touching_tables(body) == []
    tables = body.xpath("w:tbl[w:tblPr/w:tblStyle]", namespaces=NS)
    assert len(tables) == 2  # each with its own header row
    between = _next_block(tables[0])
    assert between.tag == f"{{{NS['w']}}}p" and "".join(between.itertext()) == ""
    assert between.find("w:pPr/w:spacing", NS).get(f"{{{NS['w']}}}lineRule") == "exact"
    assert _next_block(between) is tables[1]
    if len(language.languages) == 2:  # the columns' layout table does not touch the first one
        assert tables[0].getprevious().tag == f"{{{NS['w']}}}p"


def _next_block(element):
    """The next paragraph or table after ``element`` (bookmark ends skipped)."""
    found = element.getnext()
    while found is not None and found.tag == f"{{{NS['w']}}}bookmarkEnd":
        found = found.getnext()
    return found


def _meta_runs(path) -> dict[str, list[tuple[str, str]]]:
    """The first-page block read back: label → (text, w:lang) of each run of the value."""
    document = docx.Document(str(path))
    rows = {}
    for row in document.tables[0].rows:
        runs = row.cells[1].paragraphs[0].runs
        rows[row.cells[0].text] = [
            (run.text, run._r.find(f"{{{NS['w']}}}rPr/{{{NS['w']}}}lang").get(W_LANG))
            for run in runs
        ]
    return rows


def test_the_bilingual_from_line_gives_each_language_whole(tmp_path):
    note = val_duchesse_note(NoteLanguage.BILINGUAL)
    note.author = "Jean Dupont"
    note.author_function = {"fr": "Conseiller", "nl": "Adviseur"}
    note.cabinet = {"fr": "Cabinet du Premier ministre", "nl": "Kabinet van de Eerste Minister"}
    result = export_note(note, library_mod.builtin(), tmp_path / "n.docx")
    runs = _meta_runs(result.path)["De / Van"]
    text = "".join(t for t, _lang in runs)
    assert text == (
        "Jean Dupont, Conseiller, Cabinet du Premier ministre / "
        "Jean Dupont, Adviseur, Kabinet van de Eerste Minister"
    )
    cut = text.index(" / ")
    french = "".join(t for t, lang in runs if lang == "fr-BE")
    assert french == text[:cut]  # the whole French line is French, the rest Dutch
    note.author_function = {"fr": "Conseiller"}
    result = export_note(note, library_mod.builtin(), tmp_path / "m.docx")
    assert "".join(t for t, _lang in _meta_runs(result.path)["De / Van"]) == (
        "Jean Dupont, Conseiller, Cabinet du Premier ministre / "
        "Jean Dupont, [Nederlandse tekst ontbreekt], Kabinet van de Eerste Minister"
    )
    (warning,) = [w for w in result.warnings if w.field == "author_function"]
    assert (warning.code, warning.lang) == ("missing_translation", "nl")
    note.author_function = {}
    note.cabinet = {}
    result = export_note(note, library_mod.builtin(), tmp_path / "o.docx")
    assert _meta_runs(result.path)["De / Van"] == [("Jean Dupont", "fr-BE")]  # said once


@pytest.mark.parametrize("language", list(NoteLanguage))
def test_a_note_with_no_author_or_cabinet_has_no_empty_from_line_and_says_so(
    tmp_path: Path, language: NoteLanguage
):
    note = val_duchesse_note(language)
    note.author = ""
    result = export_note(note, library_mod.builtin(), tmp_path / "n.docx")
    labels = list(_meta_runs(result.path))
    assert labels[0] in ("À", "Aan", "À / Aan")
    assert not any(label in ("De", "Van", "De / Van") for label in labels)
    (warning,) = [w for w in result.warnings if w.field == "author"]
    assert warning.message == (
        "The note has no author or cabinet; its “From” line is left out of the file."
    )
    note.cabinet = {"fr": "Cabinet du Premier ministre", "nl": "Kabinet van de Eerste Minister"}
    result = export_note(note, library_mod.builtin(), tmp_path / "m.docx")
    assert any(label in ("De", "Van", "De / Van") for label in _meta_runs(result.path))
    assert not [w for w in result.warnings if w.field == "author"]
