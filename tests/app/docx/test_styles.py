"""The house style definitions: complete for the plan, well-formed, parents resolved by name."""

from __future__ import annotations

from app.docx import oxml
from app.docx.plan import Style
from app.docx.styles import BY_NAME, PARAGRAPH_STYLE_NAMES, STYLES, abstract_list_xml
from tests.app.docx.docxparts import NS, W_NS, w


def test_every_plan_style_has_a_paragraph_definition() -> None:
    for role in Style:
        assert BY_NAME[PARAGRAPH_STYLE_NAMES[role].lower()].type == "paragraph"


def test_definitions_are_well_formed_and_use_target_ids() -> None:
    ids = {style.name: f"X{n}" for n, style in enumerate(STYLES)}
    for style in STYLES:
        element = oxml.parse(style.xml(ids, 5).replace("<w:style ", f'<w:style xmlns:w="{W_NS}" '))
        based_on = element.find(w("basedOn"))
        if style.based_on:
            assert based_on.get(w("val")) == ids[style.based_on]
        num = element.find("w:pPr/w:numPr/w:numId", NS)
        assert (num is not None) == bool(style.numbering)


def test_unknown_parent_is_left_out() -> None:
    xml = BY_NAME["title"].xml({}, None)
    assert "basedOn" not in xml and "numPr" not in xml


def test_lists_have_nine_levels_and_link_styles() -> None:
    for kind in ("headings", "bullets"):
        xml = abstract_list_xml(kind, 3, {0: "H"})
        element = oxml.parse(xml.replace("<w:abstractNum ", f'<w:abstractNum xmlns:w="{W_NS}" '))
        levels = element.findall(w("lvl"))
        assert len(levels) == 9
        assert levels[0].find(w("pStyle")).get(w("val")) == "H"
        assert levels[1].find(w("pStyle")) is None
    headings = abstract_list_xml("headings", 0, {})
    assert 'w:lvlText w:val="%1.%2.%3."' in headings
