"""The export writes the Word package itself: parts kept, parts added, relationships right.

Every test exports a real plan into a real template file and reads the .docx back,
as raw parts and through python-docx (which Word-like readers resemble).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from app.docx import export_plan
from app.docx.template import builtin_template
from app.system.errors import ExportError
from tests.app.docx.docxparts import NS, part, part_names, sample_plan, text_of, w

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7"
    b"\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _template(tmp_path: Path, name: str, edit) -> Path:
    """The house template with its entries passed through ``edit(entries)`` (a dict)."""
    with zipfile.ZipFile(builtin_template()) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    edit(entries)
    out = tmp_path / name
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry, data in entries.items():
            target.writestr(entry, data)
    return out


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _edit_xml(entries: dict[str, bytes], name: str, change) -> None:
    root = _xml(entries[name])
    change(root)
    entries[name] = _bytes(root)


def _drop_stories(entries: dict[str, bytes]) -> None:
    """No header, no footer: parts, relationships, references and content types gone."""
    del entries["word/header1.xml"], entries["word/footer1.xml"]

    def rels(root: etree._Element) -> None:
        for rel in list(root):
            if rel.get("Type", "").endswith(("/header", "/footer")):
                root.remove(rel)

    def document(root: etree._Element) -> None:
        for reference in root.xpath("//w:headerReference | //w:footerReference", namespaces=NS):
            reference.getparent().remove(reference)

    def types(root: etree._Element) -> None:
        for override in list(root):
            if "header" in override.get("PartName", "") or "footer" in override.get("PartName", ""):
                root.remove(override)

    _edit_xml(entries, "word/_rels/document.xml.rels", rels)
    _edit_xml(entries, "word/document.xml", document)
    _edit_xml(entries, "[Content_Types].xml", types)


def _relationships(out: Path, name: str) -> dict[str, tuple[str, str]]:
    """Id → (type's last word, target) of the relationships in ``name``."""
    root = part(out, name)
    return {
        rel.get("Id"): (rel.get("Type").rsplit("/", 1)[1], rel.get("Target"))
        for rel in root.iterchildren(f"{{{REL_NS}}}Relationship")
    }


def _overrides(out: Path) -> dict[str, str]:
    root = part(out, "[Content_Types].xml")
    return {
        o.get("PartName"): o.get("ContentType") for o in root.iterchildren(f"{{{CT_NS}}}Override")
    }


def test_parts_the_export_does_not_edit_are_kept_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out)
    with zipfile.ZipFile(builtin_template()) as template, zipfile.ZipFile(out) as written:
        assert written.namelist()[0] == "[Content_Types].xml"
        assert set(template.namelist()) <= set(written.namelist())
        for kept in ("word/theme/theme1.xml", "word/fontTable.xml", "docProps/app.xml"):
            assert written.read(kept) == template.read(kept)
        assert written.testzip() is None


def test_a_template_without_header_or_footer_gets_both_with_the_classification(
    tmp_path: Path,
) -> None:
    template = _template(tmp_path, "bare.docx", _drop_stories)
    assert "word/header1.xml" not in part_names(template)
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out, template=template)

    sect_pr = part(out, "word/document.xml").find(f"{w('body')}/{w('sectPr')}")
    references = list(sect_pr)[:2]
    assert [r.tag for r in references] == [w("headerReference"), w("footerReference")]
    assert all(r.get(w("type")) == "default" for r in references)
    rels = _relationships(out, "word/_rels/document.xml.rels")
    header_type, header_target = rels[references[0].get(f"{{{R_NS}}}id")]
    footer_type, footer_target = rels[references[1].get(f"{{{R_NS}}}id")]
    assert (header_type, footer_type) == ("header", "footer")
    overrides = _overrides(out)
    assert overrides["/word/" + header_target].endswith("wordprocessingml.header+xml")
    assert overrides["/word/" + footer_target].endswith("wordprocessingml.footer+xml")
    assert text_of(part(out, "word/" + header_target)) == "DIFFUSION RESTREINTE"
    assert "DIFFUSION RESTREINTE" in text_of(part(out, "word/" + footer_target))

    section = docx.Document(str(out)).sections[0]
    assert section.header.paragraphs[0].text == "DIFFUSION RESTREINTE"
    assert section.footer.paragraphs[0].text.startswith("Page")


def test_a_first_page_and_even_pages_header_are_filled_too(tmp_path: Path) -> None:
    def edit(entries: dict[str, bytes]) -> None:
        def first_page(root: etree._Element) -> None:
            sect_pr = root.find(f"{w('body')}/{w('sectPr')}")
            sect_pr.find(w("pgSz")).addprevious(etree.Element(w("titlePg")))

        def even_pages(root: etree._Element) -> None:
            root.insert(0, etree.Element(w("evenAndOddHeaders")))

        _edit_xml(entries, "word/document.xml", first_page)
        _edit_xml(entries, "word/settings.xml", even_pages)

    template = _template(tmp_path, "first-even.docx", edit)
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out, template=template)

    sect_pr = part(out, "word/document.xml").find(f"{w('body')}/{w('sectPr')}")
    kinds = sorted(r.get(w("type")) for r in sect_pr.iterchildren(w("headerReference")))
    assert kinds == ["default", "even", "first"]
    headers = [n for n in part_names(out) if n.startswith("word/header")]
    assert len(headers) == 3
    assert all(text_of(part(out, name)) == "DIFFUSION RESTREINTE" for name in headers)
    section = docx.Document(str(out)).sections[0]
    assert section.first_page_header.paragraphs[0].text == "DIFFUSION RESTREINTE"
    assert section.even_page_header.paragraphs[0].text == "DIFFUSION RESTREINTE"


def test_an_image_in_the_template_header_is_kept_with_its_relationship(tmp_path: Path) -> None:
    def edit(entries: dict[str, bytes]) -> None:
        entries["word/media/logo.png"] = PNG
        entries["word/_rels/header1.xml.rels"] = _bytes(
            etree.fromstring(
                f'<Relationships xmlns="{REL_NS}"><Relationship Id="rIdLogo" '
                'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
                'Target="media/logo.png"/></Relationships>'
            )
        )

        def png_type(root: etree._Element) -> None:
            etree.SubElement(root, f"{{{CT_NS}}}Default", Extension="png", ContentType="image/png")

        _edit_xml(entries, "[Content_Types].xml", png_type)

    template = _template(tmp_path, "logo.docx", edit)
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out, template=template)
    with zipfile.ZipFile(out) as written:
        assert written.read("word/media/logo.png") == PNG
    assert _relationships(out, "word/_rels/header1.xml.rels") == {
        "rIdLogo": ("image", "media/logo.png")
    }


def test_a_template_without_core_properties_gets_them(tmp_path: Path) -> None:
    def edit(entries: dict[str, bytes]) -> None:
        del entries["docProps/core.xml"]

        def rels(root: etree._Element) -> None:
            for rel in list(root):
                if rel.get("Type", "").endswith("/core-properties"):
                    root.remove(rel)

        def types(root: etree._Element) -> None:
            for override in list(root):
                if override.get("PartName") == "/docProps/core.xml":
                    root.remove(override)

        _edit_xml(entries, "_rels/.rels", rels)
        _edit_xml(entries, "[Content_Types].xml", types)

    template = _template(tmp_path, "no-core.docx", edit)
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out, template=template)
    assert ("core-properties", "docProps/core.xml") in _relationships(out, "_rels/.rels").values()
    assert _overrides(out)["/docProps/core.xml"].endswith("core-properties+xml")
    properties = docx.Document(str(out)).core_properties
    assert properties.title == "Note au Ministre"
    assert properties.author == properties.last_modified_by == "Cabinet Intérieur"
    assert properties.created.year == 2018
    assert properties.revision == 1
    assert properties.category == "DIFFUSION RESTREINTE"


def test_a_template_whose_relationship_names_a_missing_part_is_refused(tmp_path: Path) -> None:
    def edit(entries: dict[str, bytes]) -> None:
        del entries["word/footer1.xml"]

    template = _template(tmp_path, "broken.docx", edit)
    out = tmp_path / "out.docx"
    with pytest.raises(ExportError, match=r"broken\.docx cannot be read: it is not a valid"):
        export_plan(sample_plan(), out, template=template)
    assert not out.exists()


def test_a_header_reference_to_no_relationship_is_refused(tmp_path: Path) -> None:
    def edit(entries: dict[str, bytes]) -> None:
        def dangling(root: etree._Element) -> None:
            reference = root.find(f"{w('body')}/{w('sectPr')}/{w('headerReference')}")
            reference.set(f"{{{R_NS}}}id", "rId99")

        _edit_xml(entries, "word/document.xml", dangling)

    template = _template(tmp_path, "dangling.docx", edit)
    with pytest.raises(ExportError, match=r"dangling\.docx cannot be read: it is not a valid"):
        export_plan(sample_plan(), tmp_path / "out.docx", template=template)


def test_the_export_does_not_import_python_docx(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tests.app.docx.docxparts import sample_plan\n"
        "from app.docx import export_plan\n"
        f"export_plan(sample_plan(), Path({str(out)!r}))\n"
        "print(sorted(m for m in sys.modules if m == 'docx' or m.startswith('docx.')))\n"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    assert docx.Document(str(out)).paragraphs


def _parsed_body_instead(monkeypatch) -> None:
    """The body put as elements parsed from the markup, as the export did before splicing it."""
    from app.docx import opc, oxml

    def put_parsed(package, blocks: str) -> None:
        parsed = oxml.parse(f'<w:body xmlns:w="{oxml.W_NS}">{blocks}</w:body>')
        oxml.replace_body(package.body, list(parsed))
        package.xml(package.main)

    monkeypatch.setattr(opc.WordPackage, "put_body", put_parsed)


def test_the_body_spliced_into_the_part_is_the_body_parsed_and_written_back(
    tmp_path: Path, monkeypatch
) -> None:
    spliced, parsed = tmp_path / "spliced.docx", tmp_path / "parsed.docx"
    export_plan(sample_plan(), spliced)
    with monkeypatch.context() as patched:
        _parsed_body_instead(patched)
        export_plan(sample_plan(), parsed)
    with zipfile.ZipFile(spliced) as one, zipfile.ZipFile(parsed) as other:
        document = one.read("word/document.xml")
        assert document == other.read("word/document.xml")  # the same bytes
    body = _xml(document).find(w("body"))
    assert body[-1].tag == w("sectPr") and not [c for c in body if c.tag is etree.Comment]
    assert "Le ministre" in text_of(body)
    assert "Jan Jambon" in "".join(p.text for p in docx.Document(str(spliced)).paragraphs)


def test_a_main_part_with_another_prefix_for_wordprocessingml_gets_the_body_parsed(
    tmp_path: Path,
) -> None:
    def other_prefix(entries: dict[str, bytes]) -> None:
        root = _xml(entries["word/document.xml"])
        renamed = etree.Element(root.tag, nsmap={"ns0": NS["w"], "r": R_NS})
        renamed.extend(list(root))
        entries["word/document.xml"] = _bytes(renamed)

    template = _template(tmp_path, "prefix.docx", other_prefix)
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out, template=template)
    body = part(out, "word/document.xml").find(w("body"))
    assert "Le ministre" in text_of(body) and body[-1].tag == w("sectPr")
    assert "Jan Jambon" in "".join(p.text for p in docx.Document(str(out)).paragraphs)
