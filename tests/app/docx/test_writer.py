"""What the writer puts in the document, read back as Word sees it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from app.docx import export_plan, housestyle
from app.docx.plan import Mark, Paragraph, SideBySide, Span, Style, Table
from app.docx.template import builtin_template
from tests.app.docx.docxparts import (
    NS,
    bilingual_plan,
    clause,
    para,
    part,
    part_names,
    plan_with,
    sample_plan,
    stories,
    text_of,
    w,
)


@pytest.fixture(scope="module")
def french(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fr") / "note.docx"
    export_plan(sample_plan(), out)
    return out


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fr+nl") / "nota.docx"
    export_plan(bilingual_plan(), out)
    return out


def _body(path: Path):
    return part(path, "word/document.xml").find(w("body"))


def _lang(run) -> str | None:
    lang = run.find("w:rPr/w:lang", NS)
    return None if lang is None else lang.get(w("val"))


def test_python_docx_reads_it_back_on_a4(french: Path) -> None:
    document = docx.Document(str(french))
    assert abs(document.sections[0].page_width - Cm(21)) < Cm(0.01)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Note au Ministre — Val Duchesse II"
    assert document.paragraphs[0].style.name == "Title"
    assert "Contexte" in texts


def test_every_run_carries_its_language(french: Path) -> None:
    runs = list(_body(french).iter(w("r")))
    assert runs
    langs = {text_of(r): _lang(r) for r in runs}
    assert all(_lang(r) in ("fr-BE", "nl-BE") for r in runs)
    assert langs[" Nederlands"] == "nl-BE"
    assert langs["Contexte"] == "fr-BE"


def test_doc_defaults_carry_main_language(french: Path, bilingual: Path, tmp_path: Path) -> None:
    for path in (french, bilingual):
        lang = part(path, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
        assert lang.get(w("val")) == "fr-BE"
    dutch = tmp_path / "nl.docx"
    export_plan(
        plan_with([para("Tekst", "nl")], languages=("nl",), title=para("Nota", "nl")), dutch
    )
    lang = part(dutch, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("val")) == "nl-BE"
    assert {_lang(r) for r in _body(dutch).iter(w("r"))} >= {"nl-BE"}
    assert docx.Document(str(dutch)).core_properties.language == "nl-BE"


def test_paragraph_styles_use_template_ids(french: Path) -> None:
    styles = _body(french).xpath(".//w:pStyle/@w:val", namespaces=NS)
    assert styles[0] == "Title"
    for expected in (
        "Heading1",
        "Heading2",
        "ListBullet",
        "ClausierClauseTitle",
        "ClausierTableText",
        "ClausierMetaLabel",
        "ClausierMetaValue",
        "Normal",
    ):
        assert expected in styles


def test_meta_block_is_a_borderless_two_column_table(french: Path) -> None:
    table = _body(french).find(w("tbl"))
    assert table.getprevious().find("w:pPr/w:pStyle", NS).get(w("val")) == "Title"
    assert len(table.findall("w:tblGrid/w:gridCol", NS)) == 2
    assert table.find("w:tblPr/w:tblBorders/w:insideV", NS).get(w("val")) == "nil"
    first_row = [text_of(tc) for tc in table.find(w("tr")).findall(w("tc"))]
    assert first_row == ["À", "Monsieur le Ministre"]


def test_clause_frames_are_tagged_content_controls(french: Path) -> None:
    (sdt,) = _body(french).findall(w("sdt"))
    assert sdt.find("w:sdtPr/w:tag", NS).get(w("val")) == "clausier:vd2-1-03@2:fr"
    assert sdt.find("w:sdtPr/w:alias", NS).get(w("val")) == "Échange d’informations"
    assert sdt.find("w:sdtPr/w:lock", NS) is None
    assert sdt.find("w:sdtPr/w:showingPlcHdr", NS) is None
    assert text_of(sdt) == "ÉchangeRenforcer l’échange d’informations."


def test_tables_use_table_grid_with_repeated_header_and_relative_widths(french: Path) -> None:
    table = _body(french).findall(w("tbl"))[1]
    assert table.find("w:tblPr/w:tblStyle", NS).get(w("val")) == "TableGrid"
    rows = table.findall(w("tr"))
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert rows[1].find("w:trPr/w:tblHeader", NS) is None
    assert all(row.find("w:trPr/w:cantSplit", NS) is not None for row in rows)
    widths = [int(c.get(w("w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert widths[0] == pytest.approx(3 * widths[1], abs=3)
    assert sum(widths) == 9070  # A4 minus two 2.5 cm margins
    assert [text_of(tc) for tc in rows[1].findall(w("tc"))] == ["ECE", "en cours"]


def test_missing_and_unfilled_spans_are_highlighted(french: Path) -> None:
    runs = {text_of(r): r for r in _body(french).iter(w("r"))}
    missing = runs["[texte manquant]"]
    assert missing.find("w:rPr/w:rStyle", NS).get(w("val")) == "ClausierMissing"
    assert missing.find("w:rPr/w:highlight", NS).get(w("val")) == "yellow"
    unfilled = runs["{minister}"]
    assert unfilled.find("w:rPr/w:highlight", NS) is not None
    variable = runs["Jan Jambon"]
    assert variable.find("w:rPr/w:highlight", NS) is None
    assert variable.find("w:rPr/w:rStyle", NS) is None
    assert runs[" gras"].find("w:rPr/w:b", NS) is not None
    assert runs[" italique"].find("w:rPr/w:i", NS) is not None


def test_line_breaks_and_tabs_become_word_elements(french: Path) -> None:
    (run,) = [r for r in _body(french).iter(w("r")) if text_of(r).startswith("Ligne un")]
    assert [child.tag for child in run if child.tag != w("rPr")] == [
        w("t"),
        w("br"),
        w("t"),
        w("tab"),
        w("t"),
    ]


def test_spaces_at_run_edges_are_preserved(french: Path) -> None:
    (t,) = [t for t in _body(french).iter(w("t")) if t.text == " gras"]
    assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def test_side_by_side_puts_french_left_and_dutch_right(bilingual: Path) -> None:
    tables = _body(bilingual).findall(w("tbl"))
    side = tables[1]
    assert side.find("w:tblPr/w:tblBorders/w:insideV", NS).get(w("val")) == "nil"
    rows = side.findall(w("tr"))
    assert len(rows) == 5
    for row in rows:
        left, right = row.findall(w("tc"))
        assert {_lang(r) for r in left.iter(w("r"))} == {"fr-BE"}
        assert {_lang(r) for r in right.iter(w("r"))} == {"nl-BE"}
    left, right = rows[0].findall(w("tc"))
    assert (text_of(left), text_of(right)) == ("Contexte", "Context")
    tags = [t.get(w("val")) for t in rows[2].iter(w("tag"))]
    assert tags == ["clausier:vd2-1-03@2:fr", "clausier:vd2-1-03@2:nl"]
    # A nested table is followed by the paragraph Word requires at the end of a cell.
    for cell in rows[3].findall(w("tc")):
        assert cell.find(w("tbl")) is not None
        assert cell[-1].tag == w("p")


def test_dutch_column_headings_have_their_own_numbering(bilingual: Path) -> None:
    side = _body(bilingual).findall(w("tbl"))[1]
    heading_rows = [side.findall(w("tr"))[i] for i in (0, 4)]
    for row in heading_rows:
        left, right = row.findall(w("tc"))
        assert left.find(".//w:numPr", NS) is None  # the style's list: document numbering
        num = right.find(".//w:numPr", NS)
        assert num is not None
    levels = [row.findall(w("tc"))[1].find(".//w:ilvl", NS).get(w("val")) for row in heading_rows]
    assert levels == ["0", "1"]
    num_id = heading_rows[0].findall(w("tc"))[1].find(".//w:numId", NS).get(w("val"))
    numbering = part(bilingual, "word/numbering.xml")
    assert numbering.find(f"w:num[@w:numId='{num_id}']", NS) is not None


def _story_paragraphs(story) -> list:
    return story.findall(w("p"))


def _style(paragraph) -> str | None:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return None if style is None else style.get(w("val"))


def _is_classification(paragraph) -> bool:
    """Centred, in the house classification style, every run bold."""
    runs = paragraph.findall(w("r"))
    return (
        _style(paragraph) == "ClausierClassification"
        and paragraph.find("w:pPr/w:jc", NS).get(w("val")) == "center"
        and bool(runs)
        and all(r.find("w:rPr/w:b", NS) is not None for r in runs)
    )


def test_header_shows_classification_bold_centred(french: Path) -> None:
    (header,) = stories(french, "header")
    (paragraph,) = _story_paragraphs(header)
    assert text_of(paragraph) == "DIFFUSION RESTREINTE"
    assert _is_classification(paragraph)
    assert all(_lang(r) == "fr-BE" for r in header.iter(w("r")))


def test_footer_ends_with_the_classification_under_the_page_number(french: Path) -> None:
    (footer,) = stories(french, "footer")
    page, level = _story_paragraphs(footer)
    assert text_of(page) == "Page 1 / 1"
    assert _style(page) == "Footer"
    assert text_of(level) == "DIFFUSION RESTREINTE"
    assert _is_classification(level)
    assert all(_lang(r) == "fr-BE" for r in footer.iter(w("r")))


def test_the_classification_style_is_bold_centred_black_at_body_size(french: Path) -> None:
    styles = part(french, "word/styles.xml")
    style = styles.find("w:style[@w:styleId='ClausierClassification']", NS)
    assert style.find("w:name", NS).get(w("val")) == "Clausier Classification"
    assert style.find("w:rPr/w:b", NS) is not None
    assert style.find("w:rPr/w:sz", NS).get(w("val")) == "22"
    assert style.find("w:rPr/w:color", NS) is None  # not the header's grey
    assert style.find("w:pPr/w:jc", NS).get(w("val")) == "center"


def test_a_bilingual_classification_is_in_each_language_top_and_bottom(tmp_path: Path) -> None:
    out = tmp_path / "nota.docx"
    level = [
        Span("CONFIDENTIEL", lang="fr"),
        Span(" / ", lang="nl"),
        Span("VERTROUWELIJK", lang="nl"),
    ]
    export_plan(plan_with([para("Texte")], ("fr", "nl"), classification=level), out)
    (header,) = stories(out, "header")
    (footer,) = stories(out, "footer")
    for paragraph in (_story_paragraphs(header)[0], _story_paragraphs(footer)[-1]):
        assert _is_classification(paragraph)
        runs = [(text_of(r), _lang(r)) for r in paragraph.iter(w("r"))]
        assert runs == [("CONFIDENTIEL", "fr-BE"), (" / ", "nl-BE"), ("VERTROUWELIJK", "nl-BE")]


def test_no_classification_leaves_header_empty_and_the_footer_its_page_number(
    tmp_path: Path,
) -> None:
    out = tmp_path / "open.docx"
    export_plan(plan_with([para("Texte")], classification=[]), out)
    assert all(text_of(h) == "" for h in stories(out, "header"))
    (footer,) = stories(out, "footer")
    assert [text_of(p) for p in _story_paragraphs(footer)] == ["Page 1 / 1"]
    assert docx.Document(str(out)).core_properties.category == ""
    assert "docProps/custom.xml" not in part_names(out)


def test_footer_has_page_and_numpages_fields(french: Path) -> None:
    (footer,) = stories(french, "footer")
    instructions = [t.text.strip() for t in footer.iter(w("instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [f.get(w("fldCharType")) for f in footer.iter(w("fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    assert text_of(_story_paragraphs(footer)[0]) == "Page 1 / 1"
    assert footer.find("w:p/w:pPr/w:jc", NS).get(w("val")) == "center"
    assert all(_lang(r) == "fr-BE" for r in footer.iter(w("r")))


def test_first_page_and_even_headers_get_classification_too(tmp_path: Path) -> None:
    source = docx.Document(str(builtin_template()))
    section = source.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    section.first_page_footer.is_linked_to_previous = False
    source.settings.odd_and_even_pages_header_footer = True
    section.even_page_header.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    fancy = tmp_path / "fancy.docx"
    source.save(str(fancy))
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out, template=fancy)
    headers, footers = stories(out, "header"), stories(out, "footer")
    assert len(headers) == 3 and len(footers) == 3
    assert all(text_of(h) == "DIFFUSION RESTREINTE" for h in headers)
    assert all(len(list(f.iter(w("instrText")))) == 2 for f in footers)
    assert all(text_of(_story_paragraphs(f)[-1]) == "DIFFUSION RESTREINTE" for f in footers)


def test_core_properties(french: Path) -> None:
    props = docx.Document(str(french)).core_properties
    assert props.title == "Note au Ministre"
    assert props.author == "Cabinet Intérieur"
    assert props.last_modified_by == "Cabinet Intérieur"
    assert props.subject == "Val Duchesse II"
    assert props.language == "fr-BE"
    assert props.comments == ""
    assert props.category == "DIFFUSION RESTREINTE"
    assert props.created.replace(tzinfo=None) == datetime(2018, 6, 11, 9, 30).astimezone(
        UTC
    ).replace(tzinfo=None)


def test_created_with_timezone_is_stored_in_utc(tmp_path: Path) -> None:
    out = tmp_path / "tz.docx"
    brussels = timezone(timedelta(hours=2))
    export_plan(plan_with([para("x")], created=datetime(2018, 6, 11, 9, 30, tzinfo=brussels)), out)
    created = docx.Document(str(out)).core_properties.created
    assert created.replace(tzinfo=None) == datetime(2018, 6, 11, 7, 30)


def test_characters_word_cannot_hold_are_removed_with_warning(tmp_path: Path) -> None:
    out = tmp_path / "dirty.docx"
    plan = plan_with([para("bell\x07 nul\x00 ok\r\nnext")])
    warnings = export_plan(plan, out)
    assert [x.code for x in warnings] == ["cleaned_characters"]
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "bell nul ok\nnext" in texts


def test_markup_characters_are_escaped(tmp_path: Path) -> None:
    out = tmp_path / "markup.docx"
    export_plan(plan_with([para('<w:p> & "quotes" </w:body>')]), out)
    assert '<w:p> & "quotes" </w:body>' in [p.text for p in docx.Document(str(out)).paragraphs]


def test_empty_items_still_make_a_valid_document(tmp_path: Path) -> None:
    out = tmp_path / "empty.docx"
    plan = plan_with(
        [
            Paragraph([], "fr"),
            Table(header=[], rows=[]),
            Table(header=[[para("a")]], rows=[[[para("b")], [para("c")]]], widths=[1, 0]),
            SideBySide(rows=[([], [para("seul", "nl")])]),
        ],
        title=Paragraph([Span("")], "fr", Style.TITLE),
        meta=[],
    )
    export_plan(plan, out)
    body = _body(out)
    tables = body.findall(w("tbl"))
    assert len(tables) == 2
    ragged = tables[0]
    assert all(len(tr.findall(w("tc"))) == 2 for tr in ragged.findall(w("tr")))
    assert all(tc[-1].tag == w("p") for tc in body.iter(w("tc")))
    docx.Document(str(out))


def test_unknown_mark_and_style_values_fall_back(tmp_path: Path) -> None:
    out = tmp_path / "var.docx"
    export_plan(plan_with([Paragraph([Span("v", mark=Mark.VARIABLE)], "fr", Style.BODY)]), out)
    assert "v" in [p.text for p in docx.Document(str(out)).paragraphs]


def test_template_without_numbered_headings_needs_no_column_numbering(tmp_path: Path) -> None:
    def strip(data: bytes) -> bytes:
        import re

        return re.sub(rb"<w:numPr>.*?</w:numPr>", b"", data)

    import zipfile

    plain = tmp_path / "plain.docx"
    with zipfile.ZipFile(builtin_template()) as src, zipfile.ZipFile(plain, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info.filename, strip(data) if info.filename == "word/styles.xml" else data)
    out = tmp_path / "out.docx"
    export_plan(bilingual_plan(), out, template=plain)
    assert _body(out).find(".//w:numPr", NS) is None


def test_housestyle_constants_match_template() -> None:
    assert housestyle.TEMPLATE_NAME == builtin_template().name


def test_dirty_and_long_titles_and_properties_do_not_crash(tmp_path: Path) -> None:
    out = tmp_path / "long.docx"
    frame = clause()
    frame.title = "Titre\x01 " + "très long " * 20
    plan = plan_with([frame], properties_title="T\x02" + "x" * 400, properties_author="Cabinet\x00")
    warnings = export_plan(plan, out)
    assert [x.code for x in warnings] == ["cleaned_characters"]
    alias = part(out, "word/document.xml").find(".//w:alias", NS).get(w("val"))
    assert len(alias) == 64 and alias.startswith("Titre ") and alias.endswith("…")
    props = docx.Document(str(out)).core_properties
    assert props.author == "Cabinet" and len(props.title) == 255


# -- classification in the document properties -------------------------------------

CUSTOM_NS = {
    "cp": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}


def _custom_properties(path: Path) -> dict[str, str]:
    root = part(path, "docProps/custom.xml")
    return {
        prop.get("name"): prop.findtext("vt:lpwstr", namespaces=CUSTOM_NS)
        for prop in root.findall("cp:property", CUSTOM_NS)
    }


def test_the_classification_is_a_custom_property_word_can_show(french: Path) -> None:
    assert _custom_properties(french) == {"Classification": "DIFFUSION RESTREINTE"}
    root = part(french, "docProps/custom.xml")
    (prop,) = root.findall("cp:property", CUSTOM_NS)
    assert prop.get("fmtid") == "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
    assert prop.get("pid") == "2"
    types = part(french, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/docProps/custom.xml"] == (
        "application/vnd.openxmlformats-officedocument.custom-properties+xml"
    )
    rels = part(french, "_rels/.rels")
    assert any(
        rel.get("Target").endswith("docProps/custom.xml")
        and rel.get("Type").endswith("/custom-properties")
        for rel in rels
    )


def _template_with_custom_properties(tmp_path: Path, properties: dict[str, str]) -> Path:
    """The house template with a docProps/custom.xml holding ``properties``."""
    import zipfile

    props = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{n}" name="{name}">'
        f"<vt:lpwstr>{value}</vt:lpwstr></property>"
        for n, (name, value) in enumerate(properties.items(), 2)
    )
    custom = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Properties xmlns="{CUSTOM_NS["cp"]}" xmlns:vt="{CUSTOM_NS["vt"]}">{props}</Properties>'
    )
    out = tmp_path / "it.docx"
    rel = (
        '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
    )
    override = (
        '<Override PartName="/docProps/custom.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    )
    with zipfile.ZipFile(builtin_template()) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            dst.writestr(info.filename, data)
        dst.writestr("docProps/custom.xml", custom)
    return out


def test_a_template_keeps_its_own_custom_properties_and_gets_the_level(tmp_path: Path) -> None:
    it = _template_with_custom_properties(
        tmp_path, {"Service": "SPF Intérieur", "classification": "SECRET"}
    )
    out = tmp_path / "note.docx"
    export_plan(sample_plan(), out, template=it)
    assert _custom_properties(out) == {
        "Service": "SPF Intérieur",
        "classification": "DIFFUSION RESTREINTE",  # names compare as Word's, case aside
    }
    open_note = tmp_path / "open.docx"
    export_plan(plan_with([para("Texte")], classification=[]), open_note, template=it)
    assert _custom_properties(open_note) == {"Service": "SPF Intérieur"}


# -- follow-up tables ---------------------------------------------------------------


def _follow_up(rows: int, lang: str = "fr") -> Table:
    cell = lambda text: [para(text, lang, Style.TABLE_TEXT)]  # noqa: E731
    return Table(
        header=[cell(h) for h in ("Engagement", "État des lieux", "Service pilote", "Échéance")],
        rows=[
            [cell(f"Engagement {n}"), cell("En cours"), cell("OCAM"), cell("31 décembre 2019")]
            for n in range(rows)
        ],
        widths=[5.0, 4.8, 3.0, 3.2],
    )


def _keeps_with_next(row) -> bool:
    paragraphs = row.findall(".//w:p", NS)
    kept = [p.find("w:pPr/w:keepNext", NS) is not None for p in paragraphs]
    assert len(set(kept)) == 1, "a row's paragraphs all keep with the next row, or none"
    return kept[0]


def test_a_follow_up_table_has_fixed_column_widths_in_grid_and_cells(tmp_path: Path) -> None:
    out = tmp_path / "suivi.docx"
    export_plan(plan_with([para("Suivi", style=Style.HEADING1), _follow_up(12)]), out)
    table = _body(out).findall(w("tbl"))[1]
    assert table.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"
    grid = [int(c.get(w("w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert sum(grid) == 9070
    assert [round(width / 9070 * 16, 1) for width in grid] == [5.0, 4.8, 3.0, 3.2]  # cm
    for row in table.findall(w("tr")):
        cells = [int(tc.find("w:tcPr/w:tcW", NS).get(w("w"))) for tc in row.findall(w("tc"))]
        assert cells == grid
        assert {tc.find("w:tcPr/w:tcW", NS).get(w("type")) for tc in row.findall(w("tc"))} == {
            "dxa"
        }


@pytest.mark.parametrize(
    ("rows", "kept"),
    [
        (1, [True, False]),
        (2, [True, True, False]),
        (3, [True, True, True, False]),
        (12, [True, True] + [False] * 9 + [True, False]),
    ],
)
def test_no_table_row_is_left_alone_on_a_page(tmp_path: Path, rows: int, kept: list) -> None:
    out = tmp_path / "suivi.docx"
    export_plan(plan_with([_follow_up(rows)]), out)
    table = _body(out).findall(w("tbl"))[1]
    trs = table.findall(w("tr"))
    assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in trs)
    assert [tr.find("w:trPr/w:tblHeader", NS) is not None for tr in trs] == [True] + [False] * rows
    # The header with the first two rows; the last row with the one before it.
    assert [_keeps_with_next(tr) for tr in trs] == kept


@pytest.mark.parametrize(
    ("intro", "last_line"),
    [
        (para("Le tableau ci-dessous fait le point :"), "Le tableau ci-dessous fait le point :"),
        (clause(), "Renforcer l’échange d’informations."),  # the last line of a clause
    ],
)
def test_what_introduces_a_table_stays_with_it(tmp_path: Path, intro, last_line: str) -> None:
    out = tmp_path / "suivi.docx"
    export_plan(plan_with([para("Texte"), intro, _follow_up(4), para("Après")]), out)
    body = _body(out)
    outside_tables = [p for p in body.iter(w("p")) if p.getparent().tag != w("tc")]
    kept = {text_of(p): p.find("w:pPr/w:keepNext", NS) is not None for p in outside_tables}
    assert kept[last_line]
    assert not kept["Texte"] and not kept["Après"]


def test_a_bilingual_follow_up_table_gets_the_same_widths(tmp_path: Path) -> None:
    out = tmp_path / "opvolging.docx"
    export_plan(plan_with([_follow_up(3, "nl")], ("fr", "nl")), out)
    table = _body(out).findall(w("tbl"))[1]
    grid = [int(c.get(w("w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert [round(width / 9070 * 16, 1) for width in grid] == [5.0, 4.8, 3.0, 3.2]


# -- ordinals -------------------------------------------------------------------------


def test_superscript_spans_are_raised_runs_in_their_language(tmp_path: Path) -> None:
    out = tmp_path / "ordinal.docx"
    spans = [
        Span("le 1"),
        Span("er", superscript=True),
        Span(" février, au XIX"),
        Span("e", superscript=True),
        Span(" siècle"),
    ]
    export_plan(plan_with([Paragraph(spans, "fr")]), out)
    paragraph = next(p for p in _body(out).iter(w("p")) if text_of(p).startswith("le 1"))
    assert text_of(paragraph) == "le 1er février, au XIXe siècle"
    runs = [
        (text_of(r), r.find("w:rPr/w:vertAlign", NS) is not None, _lang(r))
        for r in paragraph.iter(w("r"))
    ]
    assert runs == [
        ("le 1", False, "fr-BE"),
        ("er", True, "fr-BE"),
        (" février, au XIX", False, "fr-BE"),
        ("e", True, "fr-BE"),
        (" siècle", False, "fr-BE"),
    ]
    raised = paragraph.findall(".//w:vertAlign", NS)
    assert {v.get(w("val")) for v in raised} == {"superscript"}


# --- formatted text and lists -----------------------------------------------------------


def _list_paragraphs(path: Path) -> dict[str, tuple[str, int, str]]:
    """Each list item's text → (paragraph style id, ilvl, numId)."""
    found = {}
    for paragraph in _body(path).iter(w("p")):
        num = paragraph.find("w:pPr/w:numPr", NS)
        style = paragraph.find("w:pPr/w:pStyle", NS)
        if num is not None and style is not None:
            ilvl = int(num.find("w:ilvl", NS).get(w("val")))
            found[text_of(paragraph)] = (
                style.get(w("val")),
                ilvl,
                num.find("w:numId", NS).get(w("val")),
            )
        elif style is not None and style.get(w("val")) in ("ListBullet", "ListNumber"):
            found[text_of(paragraph)] = (style.get(w("val")), 0, "")
    return found


@pytest.mark.parametrize(("language", "lang"), [("fr", "fr-BE"), ("nl", "nl-BE")])
def test_bold_and_italic_runs_keep_their_language(tmp_path: Path, language: str, lang: str) -> None:
    from tests.app.docx.docxparts import formatted_plan

    out = tmp_path / "lists.docx"
    export_plan(formatted_plan(language), out)
    runs = {text_of(r): r for r in _body(out).iter(w("r")) if text_of(r)}
    bold = runs["essentiels" if language == "fr" else "belangrijkste"]
    italic = runs[" engagements" if language == "fr" else " verbintenissen"]
    assert bold.find("w:rPr/w:b", NS) is not None and bold.find("w:rPr/w:i", NS) is None
    assert italic.find("w:rPr/w:i", NS) is not None and italic.find("w:rPr/w:b", NS) is None
    for run in runs.values():
        assert _lang(run) == lang


def test_each_numbered_list_is_a_list_of_its_own_that_starts_at_one(tmp_path: Path) -> None:
    from tests.app.docx.docxparts import formatted_plan

    out = tmp_path / "lists.docx"
    export_plan(formatted_plan("fr"), out)
    items = _list_paragraphs(out)
    first, second = items["un"][2], items["quatre"][2]
    assert items["un"] == ("ListNumber", 0, first) == items["deux"][:2] + (first,)
    assert items["trois"] == ("ListNumber", 0, first)
    assert items["sous-un"] == ("ListNumber", 1, first)  # Word restarts level 1 under "trois"
    assert items["cinq"] == ("ListNumber", 0, second) and second != first
    # The nested bullet is the house bullet list, one level in.
    numbering = part(out, "word/numbering.xml")
    styles = part(out, "word/styles.xml")
    bullet_num = styles.find("w:style[@w:styleId='ListBullet']/w:pPr/w:numPr/w:numId", NS)
    assert items["détail"] == ("ListBullet", 1, bullet_num.get(w("val")))
    # python-docx issue #25: each list's w:num restarts every level at 1, over one definition.
    abstracts = set()
    for num_id in (first, second):
        (num,) = numbering.xpath(f"w:num[@w:numId='{num_id}']", namespaces=NS)
        starts = num.xpath("w:lvlOverride/w:startOverride/@w:val", namespaces=NS)
        levels = num.xpath("w:lvlOverride/@w:ilvl", namespaces=NS)
        assert starts == ["1"] * 9 and levels == [str(n) for n in range(9)]
        abstracts.add(num.find("w:abstractNumId", NS).get(w("val")))
    (abstract_id,) = abstracts
    (abstract,) = numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract_id}']", namespaces=NS)
    formats = abstract.xpath("w:lvl/w:numFmt/@w:val", namespaces=NS)[:3]
    assert formats == ["decimal", "lowerLetter", "lowerRoman"]
    assert abstract.xpath("w:lvl[@w:ilvl='0']/w:pStyle/@w:val", namespaces=NS) == ["ListNumber"]


def test_the_two_columns_of_a_bilingual_file_number_their_lists_on_their_own(
    tmp_path: Path,
) -> None:
    from tests.app.docx.docxparts import formatted_plan

    out = tmp_path / "lists.docx"
    export_plan(formatted_plan("fr+nl"), out)
    items = _list_paragraphs(out)
    french = {items[t][2] for t in ("un", "quatre")}
    dutch = {items[t][2] for t in ("een", "vier")}
    assert len(french) == len(dutch) == 2 and french.isdisjoint(dutch)
    runs = [r for r in _body(out).iter(w("r")) if text_of(r) in ("essentiels", "belangrijkste")]
    assert sorted(_lang(r) for r in runs) == ["fr-BE", "nl-BE"]
