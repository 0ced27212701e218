"""The shipped house template: A4, house styles, linked heading numbering, no outside links."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from app.docx import housestyle
from app.docx.styles import STYLES
from app.docx.template import builtin_template
from tests.app.docx.docxparts import NS, part, part_names, w


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return housestyle.build(tmp_path_factory.mktemp("house") / "house.docx")


def test_shipped_template_is_up_to_date(built: Path) -> None:
    assert builtin_template().read_bytes() == built.read_bytes(), (
        "templates/clausier-house.docx is stale: run python -m app.docx.housestyle"
    )


def test_build_is_reproducible(built: Path) -> None:
    assert housestyle.build_bytes() == built.read_bytes()


def test_page_is_a4_with_25mm_margins(built: Path) -> None:
    section = docx.Document(str(built)).sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    for margin in (section.left_margin, section.right_margin, section.top_margin):
        assert abs(margin - Cm(2.5)) < Cm(0.01)


def test_styles_have_builtin_names_and_house_ids(built: Path) -> None:
    styles = part(built, "word/styles.xml")
    names = {s.get(w("styleId")): s.find(w("name")).get(w("val")) for s in styles.iter(w("style"))}
    for expected in (
        "Normal",
        "Title",
        "heading 1",
        "heading 2",
        "List Bullet",
        "Table Grid",
        "header",
        "footer",
        "Clausier Meta Label",
        "Clausier Meta Value",
        "Clausier Clause Title",
        "Clausier Table Text",
        "Clausier Missing",
        "Clausier Classification",
    ):
        assert expected in names.values()
    assert names["Heading1"] == "heading 1"
    assert len(names) == len(STYLES)


def test_defaults_are_calibri_11_french(built: Path) -> None:
    styles = part(built, "word/styles.xml")
    rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert rpr.find(w("rFonts")).get(w("ascii")) == "Calibri"
    assert rpr.find(w("sz")).get(w("val")) == "22"
    assert rpr.find(w("lang")).get(w("val")) == "fr-BE"


def test_heading_numbering_is_linked_both_ways(built: Path) -> None:
    styles = part(built, "word/styles.xml")
    numbering = part(built, "word/numbering.xml")
    num_ids = {}
    for style_id in ("Heading1", "Heading2"):
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        num_ids[style_id] = style.find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
    assert num_ids["Heading1"] == num_ids["Heading2"]
    abstract_id = numbering.find(
        f"w:num[@w:numId='{num_ids['Heading1']}']/w:abstractNumId", NS
    ).get(w("val"))
    abstract = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']", NS)
    levels = {lvl.get(w("ilvl")): lvl for lvl in abstract.findall(w("lvl"))}
    assert levels["0"].find(w("pStyle")).get(w("val")) == "Heading1"
    assert levels["0"].find(w("lvlText")).get(w("val")) == "%1."
    assert levels["1"].find(w("pStyle")).get(w("val")) == "Heading2"
    assert levels["1"].find(w("lvlText")).get(w("val")) == "%1.%2."


def test_header_and_footer_parts_exist(built: Path) -> None:
    names = part_names(built)
    assert "word/header1.xml" in names and "word/footer1.xml" in names
    sect_pr = part(built, "word/document.xml").find("w:body/w:sectPr", NS)
    assert sect_pr.find(w("headerReference")) is not None
    assert sect_pr.find(w("footerReference")) is not None
    assert sect_pr.find(w("titlePg")) is None


def test_no_external_references_and_no_leftovers(built: Path) -> None:
    names = part_names(built)
    for name in names:
        if name.endswith(".rels"):
            assert b"External" not in _read(built, name)
    assert not any("customXml" in n or "thumbnail" in n or "WithEffects" in n for n in names)
    assert len(built.read_bytes()) < 20_000


def _read(path: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_main_writes_requested_path(tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.docx"
    assert housestyle.main([str(out)]) == 0
    assert out.read_bytes() == housestyle.build_bytes()
    assert str(out) in capsys.readouterr().out
