"""Build the shipped house template ``templates/clausier-house.docx`` from python-docx's default.

Run ``python -m app.docx.housestyle [OUT]``. The default template is US Letter,
carries 400 KB of unused styles and a thumbnail; this keeps only what the house
style needs: A4 with 2.5 cm margins, Calibri 11 pt, dark blue headings numbered
1. / 1.1. through a list linked to the heading styles, Clausier's own styles,
and empty header and footer parts. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml
from docx.shared import Twips

from app.docx import oxml
from app.docx.styles import DOC_DEFAULTS, STYLES, abstract_list_xml
from app.system.atomic import write_atomic
from app.system.paths import templates_dir

TEMPLATE_NAME = "clausier-house.docx"
HEADINGS_NUM_ID = 1
BULLETS_NUM_ID = 2
NUMBERS_NUM_ID = 3

_NS = f'xmlns:w="{oxml.W_NS}"'
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>clausier-house.dotx</Template><Application>Clausier</Application>"
    "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
_FONT_TABLE = (
    f'<w:fonts {_NS}><w:font w:name="Calibri"><w:altName w:val="Carlito"/>'
    '<w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/>'
    '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/>'
    '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    "</w:fonts>"
)
_XML_DECL = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_FIXED_TIME = (2018, 6, 11, 0, 0, 0)


def styles_xml() -> str:
    """The template's whole styles part."""
    ids = {style.name: style.style_id for style in STYLES}
    nums = {"headings": HEADINGS_NUM_ID, "bullets": BULLETS_NUM_ID, "numbers": NUMBERS_NUM_ID}
    body = "".join(style.xml(ids, nums.get(style.numbering or "")) for style in STYLES)
    return f"<w:styles {_NS}>{DOC_DEFAULTS}{body}</w:styles>"


def numbering_xml() -> str:
    """The template's numbering part: heading numbers linked to their styles, bullets, numbers."""
    ids = {style.name: style.style_id for style in STYLES}
    headings = abstract_list_xml("headings", 0, {0: ids["heading 1"], 1: ids["heading 2"]})
    bullets = abstract_list_xml("bullets", 1, {0: ids["List Bullet"]})
    numbers = abstract_list_xml("numbers", 2, {0: ids["List Number"]})
    return (
        f"<w:numbering {_NS}>{headings}{bullets}{numbers}"
        f'<w:num w:numId="{HEADINGS_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>'
        f'<w:num w:numId="{BULLETS_NUM_ID}"><w:abstractNumId w:val="1"/></w:num>'
        f'<w:num w:numId="{NUMBERS_NUM_ID}"><w:abstractNumId w:val="2"/></w:num>'
        "</w:numbering>"
    )


def build_bytes() -> bytes:
    """The house template as .docx bytes."""
    document = docx.Document()
    part = document.part
    part._styles_part._element = parse_xml(styles_xml())
    part.numbering_part._element = parse_xml(numbering_xml())
    font_table = part.part_related_by(RT.FONT_TABLE)
    font_table._blob = _XML_DECL + _FONT_TABLE.encode()  # a plain (not XML) part in python-docx
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, RT.WEB_SETTINGS) or rel.reltype.endswith(
            "/stylesWithEffects"
        ):
            part.rels.pop(rel_id)
    package = part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _APP_XML.encode()

    _clean_settings(document.settings.element)
    oxml.replace_body(document.element.body, [])
    sect_pr = document.element.body.sectPr
    for attr in list(sect_pr.attrib):
        del sect_pr.attrib[attr]  # revision ids of the default template

    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Twips(1418))  # 2.5 cm
    section.header_distance = section.footer_distance = Twips(709)
    section.gutter = Twips(0)
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False

    props = document.core_properties
    props.title = props.subject = props.author = props.comments = props.keywords = ""
    props.last_modified_by = props.category = ""
    props.language = "fr-BE"
    props.revision = 1
    props.created = props.modified = datetime(*_FIXED_TIME)

    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible(buffer.getvalue())


def _clean_settings(settings: object) -> None:
    """Drop what makes no sense in a template: revision ids, "spelling already checked"."""
    element = settings  # CT_Settings, an lxml element
    for tag in ("w:rsids", "w:proofState", "w:savePreviewPicture", "w:attachedTemplate"):
        for child in element.findall(oxml.qn(tag)):  # type: ignore[attr-defined]
            element.remove(child)  # type: ignore[attr-defined]
    lang = element.find(oxml.qn("w:themeFontLang"))  # type: ignore[attr-defined]
    if lang is not None:
        lang.set(oxml.qn("w:val"), "fr-BE")


def _reproducible(data: bytes) -> bytes:
    """The same zip with fixed timestamps, so rebuilding gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def build(out: Path) -> Path:
    """Write the house template to ``out`` (atomically) and return the path."""
    data = build_bytes()
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, lambda stream: stream.write(data))
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``python -m app.docx.housestyle [OUT]``."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else templates_dir() / TEMPLATE_NAME
    print(build(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
