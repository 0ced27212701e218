"""The raw-XML layer: safe parsing, run and paragraph text, edits on parts."""

from __future__ import annotations

import pytest
from lxml import etree

from app.docx import oxml
from app.docx.oxml import BodyBuilder, Field, Run
from tests.app.docx.docxparts import NS, W_NS, text_of, w


def test_parser_does_not_resolve_entities() -> None:
    xml = b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/hostname">]><r>&e;</r>'
    root = oxml.parse(xml)
    assert "".join(root.itertext()) == "&e;"  # left as a reference, never read


def test_parser_refuses_malformed_xml() -> None:
    with pytest.raises(etree.XMLSyntaxError):
        oxml.parse(b"<a><b></a>")


@pytest.mark.parametrize(
    ("raw", "clean", "changed"),
    [
        ("plain", "plain", False),
        ("a\x00b\x0bc", "abc", True),
        ("win\r\nmac\rend", "win\nmac\nend", False),
        ("tab\tnl\n", "tab\tnl\n", False),
        ("\ufffe!", "!", True),
    ],
)
def test_clean_text(raw: str, clean: str, changed: bool) -> None:
    assert oxml.clean_text(raw) == (clean, changed)


def test_qn_only_knows_w() -> None:
    assert oxml.qn("w:p") == f"{{{W_NS}}}p"
    with pytest.raises(ValueError):
        oxml.qn("a:p")


def test_builder_paragraph_order_and_run_properties() -> None:
    builder = BodyBuilder("fr-BE")
    builder.paragraph(
        "Heading1",
        "fr-BE",
        [
            Run("x", "nl-BE", bold=True, italic=True, style="S", highlight="yellow"),
            Run("", "fr-BE"),
        ],
        align="center",
        num=(1, 7),
    )
    (p,) = builder.elements()
    ppr = p.find(w("pPr"))
    assert [c.tag for c in ppr] == [w("pStyle"), w("numPr"), w("jc"), w("rPr")]
    (run,) = p.findall(w("r"))  # the empty run is skipped
    rpr = run.find(w("rPr"))
    assert [c.tag for c in rpr] == [
        w("rStyle"),
        w("b"),
        w("bCs"),
        w("i"),
        w("iCs"),
        w("highlight"),
        w("lang"),
    ]
    assert rpr.find(w("lang")).get(w("val")) == "nl-BE"


def test_builder_fields_are_complex_fields() -> None:
    builder = BodyBuilder("fr-BE")
    builder.paragraph(None, "fr-BE", [Field("PAGE", "fr-BE", "3")])
    (p,) = builder.elements()
    assert p.find(w("pPr")).find(w("pStyle")) is None
    assert [t.text for t in p.iter(w("instrText"))] == [" PAGE "]
    assert text_of(p) == "3"


def test_builder_sdt_ids_are_unique() -> None:
    builder = BodyBuilder("fr-BE")
    for n in range(3):
        builder.begin_sdt(f"t{n}", f'alias "{n}" & co')
        builder.paragraph(None, "fr-BE", [Run("x", "fr-BE")])
        builder.end_sdt()
    sdts = builder.elements()
    assert len({s.find("w:sdtPr/w:id", NS).get(w("val")) for s in sdts}) == 3
    assert sdts[0].find("w:sdtPr/w:alias", NS).get(w("val")) == 'alias "0" & co'


def test_cells_always_end_with_a_paragraph() -> None:
    builder = BodyBuilder("nl-BE")
    builder.begin_table([100, 100], borderless=True, cell_margins=(0, 10))
    builder.begin_row(header=True)
    builder.begin_cell(100, fill="EEEEEE")
    builder.end_cell()  # empty
    builder.begin_cell(100)
    builder.begin_table([90])
    builder.begin_row()
    builder.begin_cell(90)
    builder.paragraph(None, "nl-BE", [Run("in", "nl-BE")])
    builder.end_cell()
    builder.end_row()
    builder.end_table()
    builder.end_cell()  # after a nested table
    builder.end_row()
    builder.end_table()
    (table,) = builder.elements()
    outer = table.find(w("tr")).findall(w("tc"))
    assert [c.tag for c in outer[0]] == [w("tcPr"), w("p")]
    assert [c.tag for c in outer[1]] == [w("tcPr"), w("tbl"), w("p")]
    empty = outer[0].find(w("p"))
    assert empty.find("w:pPr/w:rPr/w:lang", NS).get(w("val")) == "nl-BE"


def _styles(xml: str = "") -> etree._Element:
    return oxml.parse(f'<w:styles xmlns:w="{W_NS}">{xml}</w:styles>')


def test_set_default_language_creates_missing_elements() -> None:
    styles = _styles('<w:style w:styleId="Normal"><w:name w:val="Normal"/></w:style>')
    oxml.set_default_language(styles, "nl-BE")
    assert styles[0].tag == w("docDefaults")
    assert styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).get(w("val")) == "nl-BE"


def test_set_default_language_keeps_schema_order() -> None:
    styles = _styles("<w:docDefaults><w:pPrDefault/></w:docDefaults>")
    oxml.set_default_language(styles, "fr-BE")
    defaults = styles.find(w("docDefaults"))
    assert [c.tag for c in defaults] == [w("rPrDefault"), w("pPrDefault")]
    rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    rpr.remove(rpr.find(w("lang")))
    etree.SubElement(rpr, w("oMath"))
    oxml.set_default_language(styles, "fr-BE")
    assert [c.tag for c in rpr] == [w("lang"), w("oMath")]


def test_style_lookup_is_case_insensitive_and_typed() -> None:
    styles = _styles(
        '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="Heading 1"/></w:style>'
        '<w:style w:type="character" w:styleId="X"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="NoName"/>'
    )
    found = oxml.style_ids_by_name(styles)
    assert found[("paragraph", "heading 1")] == "Titre1"
    assert found[("character", "heading 1")] == "X"
    assert oxml.all_style_ids(styles) == {"Titre1", "X", "NoName"}


def test_independent_copy_of_unknown_or_linked_list_is_none() -> None:
    numbering = oxml.parse(
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
        '<w:numStyleLink w:val="L"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    assert oxml.independent_copy(numbering, 9) is None
    assert oxml.independent_copy(numbering, 1) is None


def test_put_story_paragraph_replaces_empty_or_appends() -> None:
    story = oxml.parse(f'<w:hdr xmlns:w="{W_NS}"><w:p><w:r><w:t>logo</w:t></w:r></w:p></w:hdr>')
    new = oxml.parse(f'<w:p xmlns:w="{W_NS}"><w:r><w:t>new</w:t></w:r></w:p>')
    oxml.put_story_paragraph(story, new)
    assert [text_of(p) for p in story] == ["logo", "new"]
    story = oxml.parse(f'<w:hdr xmlns:w="{W_NS}"><w:p><w:pPr/></w:p></w:hdr>')
    oxml.put_story_paragraph(story, new)
    assert [text_of(p) for p in story] == ["new"]


def test_text_width_defaults_when_section_is_incomplete() -> None:
    body = oxml.parse(f'<w:body xmlns:w="{W_NS}"><w:sectPr><w:pgSz/></w:sectPr></w:body>')
    assert oxml.text_width(body) == 9072
    body = oxml.parse(f'<w:body xmlns:w="{W_NS}"/>')
    assert oxml.text_width(body, 5000) == 5000


def test_put_story_paragraphs_keeps_their_order_in_place_of_an_empty_one() -> None:
    story = oxml.parse(
        f'<w:ftr xmlns:w="{W_NS}"><w:p><w:pPr/></w:p><w:p><w:r><w:t>adresse</w:t></w:r></w:p>'
        "</w:ftr>"
    )
    new = [oxml.parse(f'<w:p xmlns:w="{W_NS}"><w:r><w:t>{t}</w:t></w:r></w:p>') for t in "ab"]
    oxml.put_story_paragraphs(story, new)
    assert [text_of(p) for p in story] == ["a", "b", "adresse"]


CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def _properties(blob: bytes) -> list[tuple[str, str, str]]:
    root = oxml.parse(blob)
    return [
        (p.get("pid"), p.get("name"), p.findtext(f"{{{VT}}}lpwstr"))
        for p in root.iter(f"{{{CUSTOM}}}property")
    ]


def test_custom_properties_are_created_updated_and_removed() -> None:
    blob = oxml.custom_properties(None, "Classification", "CONFIDENTIEL")
    assert blob.startswith(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>")
    assert _properties(blob) == [("2", "Classification", "CONFIDENTIEL")]
    blob = oxml.custom_properties(
        blob.replace(b"</Properties>", b"")
        + (
            b'<property fmtid="x" pid="7" name="Service"><vt:lpwstr>OCAM</vt:lpwstr>'
            b"</property></Properties>"
        ),
        "CLASSIFICATION",
        "SECRET",
    )
    assert _properties(blob) == [("2", "Classification", "SECRET"), ("7", "Service", "OCAM")]
    assert _properties(oxml.custom_properties(blob, "Autre", "x"))[-1] == ("8", "Autre", "x")
    assert _properties(oxml.custom_properties(blob, "classification", None)) == [
        ("7", "Service", "OCAM")
    ]


@pytest.mark.parametrize(
    ("build", "kept"),
    [
        (lambda b: b.paragraph("Normal", "fr-BE", [Run("a", "fr-BE")]), "a"),
        (
            lambda b: (
                b.begin_sdt("clausier:x@1:fr", "x"),
                b.paragraph("Normal", "fr-BE", [Run("a", "fr-BE")]),
                b.paragraph(None, "fr-BE", [Run("b", "fr-BE")]),
                b.end_sdt(),
            ),
            "b",
        ),
    ],
)
def test_keep_with_next_marks_the_last_paragraph(build, kept: str) -> None:
    builder = BodyBuilder("fr-BE")
    build(builder)
    builder.keep_with_next()
    builder.keep_with_next()  # once is enough
    root = oxml.parse(f'<w:body xmlns:w="{W_NS}">{builder.xml()}</w:body>')
    marked = [text_of(p) for p in root.iter(w("p")) if p.find("w:pPr/w:keepNext", NS) is not None]
    assert marked == [kept]
    (p,) = [p for p in root.iter(w("p")) if text_of(p) == kept]
    assert len(p.findall("w:pPr/w:keepNext", NS)) == 1
    tags = [c.tag for c in p.find(w("pPr"))]
    assert tags.index(w("keepNext")) == (1 if tags[0] == w("pStyle") else 0)  # schema order


def test_keep_with_next_leaves_a_table_alone() -> None:
    builder = BodyBuilder("fr-BE")
    builder.begin_table([100])
    builder.begin_row()
    builder.begin_cell(100)
    builder.end_cell()
    builder.end_row()
    builder.end_table()
    builder.keep_with_next()
    assert "keepNext" not in builder.xml()


def test_a_superscript_run_has_vert_align_before_its_language() -> None:
    builder = BodyBuilder("fr-BE")
    builder.paragraph(None, "fr-BE", [Run("1", "fr-BE"), Run("er", "fr-BE", superscript=True)])
    (p,) = builder.elements()
    plain, raised = p.findall(w("r"))
    assert plain.find("w:rPr/w:vertAlign", NS) is None
    rpr = raised.find(w("rPr"))
    assert [c.tag for c in rpr] == [w("vertAlign"), w("lang")]  # the schema's order
    assert rpr.find(w("vertAlign")).get(w("val")) == "superscript"


def _one_cell_table(builder: BodyBuilder, text: str) -> None:
    builder.begin_table([100])
    builder.begin_row()
    builder.begin_cell(100)
    builder.paragraph(None, "fr-BE", [Run(text, "fr-BE")])
    builder.end_cell()
    builder.end_row()
    builder.end_table()


def _kinds(elements) -> list[str]:
    return [etree.QName(e).localname for e in elements]


def test_a_table_right_after_a_table_gets_a_small_empty_paragraph_first() -> None:
    builder = BodyBuilder("nl-BE")
    _one_cell_table(builder, "a")
    builder.paragraph(None, "nl-BE", [Run("tekst", "nl-BE")])  # a paragraph keeps them apart
    _one_cell_table(builder, "b")
    builder.end_mark("not-started")  # nothing: no such bookmark
    _one_cell_table(builder, "c")
    body = builder.elements()
    assert _kinds(body) == ["tbl", "p", "tbl", "p", "tbl"]
    separator = body[3]
    assert text_of(separator) == ""
    spacing = separator.find("w:pPr/w:spacing", NS)
    assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == ("120", "exact")
    assert separator.find("w:pPr/w:rPr/w:sz", NS).get(w("val")) == "2"
    assert separator.find("w:pPr/w:rPr/w:lang", NS).get(w("val")) == "nl-BE"


def test_a_bookmark_end_between_two_tables_does_not_keep_them_apart() -> None:
    builder = BodyBuilder("fr-BE")
    builder.begin_table([100])
    builder.begin_row()
    builder.begin_cell(100)
    builder.paragraph(None, "fr-BE", [Run("a", "fr-BE")], marks=("m", None))
    builder.end_cell()
    builder.end_row()
    builder.end_table()
    builder.end_mark("m")
    _one_cell_table(builder, "b")
    assert _kinds(builder.elements()) == ["tbl", "bookmarkEnd", "p", "tbl"]


def test_two_tables_in_one_cell_are_kept_apart_too() -> None:
    builder = BodyBuilder("fr-BE")
    builder.begin_table([200])
    builder.begin_row()
    builder.begin_cell(200)
    _one_cell_table(builder, "a")
    _one_cell_table(builder, "b")
    builder.end_cell()
    builder.end_row()
    builder.end_table()
    (outer,) = builder.elements()
    cell = outer.find("w:tr/w:tc", NS)
    assert _kinds(cell)[1:] == ["tbl", "p", "tbl", "p"]  # after tcPr; Word's closing paragraph
