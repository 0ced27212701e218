"""Templates: refused when unsafe or unreadable, styles found by built-in name, gaps filled."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest

from app.docx import export_plan, package, template
from app.docx.template import builtin_template, check_package
from app.system.errors import ExportError
from tests.app.docx.docxparts import NS, bilingual_plan, part, part_names, sample_plan, w

FRENCH_IDS = {
    "Title": "Titre",
    "Heading1": "Titre1",
    "Heading2": "Titre2",
    "ListBullet": "Listepuces",
    "TableGrid": "Grilledutableau",
    "Header": "En-tte",
    "Footer": "Pieddepage",
}


def _rewrite(source: Path, out: Path, edit) -> Path:
    """Copy a package, passing each part's bytes through ``edit(name, data)``."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = edit(info.filename, src.read(info))
            if data is not None:
                dst.writestr(info.filename, data)
    return out


def _french(name: str, data: bytes) -> bytes:
    if name.startswith("word/") and name.endswith(".xml"):
        for english, french in FRENCH_IDS.items():
            data = data.replace(f'w:styleId="{english}"'.encode(), f'w:styleId="{french}"'.encode())
            for ref in ("pStyle", "basedOn", "next", "tblStyle"):
                data = data.replace(
                    f'<w:{ref} w:val="{english}"'.encode(), f'<w:{ref} w:val="{french}"'.encode()
                )
        # Some producers capitalise built-in names; matching is case-insensitive.
        data = data.replace(b'w:val="heading 1"', b'w:val="Heading 1"')
    return data


def _drop_styles(*names: str):
    def edit(name: str, data: bytes) -> bytes:
        if name != "word/styles.xml":
            return data
        from lxml import etree

        root = etree.fromstring(data)
        for style in root.findall(w("style")):
            if style.find(w("name")).get(w("val")) in names:
                root.remove(style)
        return etree.tostring(root)

    return edit


def _style_ids(docx_path: Path) -> set[str]:
    document = part(docx_path, "word/document.xml")
    return set(
        document.xpath("//w:pStyle/@w:val | //w:tblStyle/@w:val | //w:rStyle/@w:val", namespaces=NS)
    )


def test_french_renamed_styles_are_found_by_builtin_name(tmp_path: Path) -> None:
    french = _rewrite(builtin_template(), tmp_path / "fr.docx", _french)
    out = tmp_path / "out.docx"
    warnings = export_plan(sample_plan(), out, template=french)
    assert not [x for x in warnings if x.code == "template"]
    used = _style_ids(out)
    assert {"Titre", "Titre1", "Titre2", "Listepuces", "Grilledutableau"} <= used
    assert not used & {"Title", "Heading1", "Heading2", "ListBullet", "TableGrid"}
    footer = part(out, "word/footer1.xml")
    assert footer.xpath("//w:pStyle/@w:val", namespaces=NS) == [
        "Pieddepage",
        "ClausierClassification",
    ]


def test_french_template_second_column_headings_count_on_their_own(tmp_path: Path) -> None:
    french = _rewrite(builtin_template(), tmp_path / "fr.docx", _french)
    out = tmp_path / "out.docx"
    export_plan(bilingual_plan(), out, template=french)
    num_ids = part(out, "word/document.xml").xpath(
        "//w:p[w:pPr/w:pStyle/@w:val='Titre1']/w:pPr/w:numPr/w:numId/@w:val", namespaces=NS
    )
    assert len(num_ids) == 1  # only the Dutch heading needs its own list


def test_missing_styles_fall_back_with_a_warning(tmp_path: Path) -> None:
    gaps = ("heading 1", "heading 2", "List Bullet", "Clausier Missing", "Clausier Meta Label")
    poor = _rewrite(builtin_template(), tmp_path / "poor.docx", _drop_styles(*gaps))
    out = tmp_path / "out.docx"
    warnings = export_plan(sample_plan(), out, template=poor)
    (warning,) = [x for x in warnings if x.code == "template"]
    for name in gaps:
        assert name in warning.message
    styles = part(out, "word/styles.xml")
    by_name = {
        s.find(w("name")).get(w("val")): s.get(w("styleId")) for s in styles.iter(w("style"))
    }
    for name in gaps:
        assert name in by_name
    assert {by_name["heading 1"], by_name["Clausier Missing"]} <= _style_ids(out)
    # The copied headings are numbered through a list whose levels link back to them.
    numbering = part(out, "word/numbering.xml")
    heading = styles.find(f"w:style[@w:styleId='{by_name['heading 1']}']", NS)
    num_id = heading.find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
    abstract_id = numbering.find(f"w:num[@w:numId='{num_id}']/w:abstractNumId", NS).get(w("val"))
    linked = numbering.xpath(
        f"w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl/w:pStyle/@w:val", namespaces=NS
    )
    assert linked == [by_name["heading 1"], by_name["heading 2"]]


def test_a_template_without_the_classification_style_gets_it_without_a_warning(
    tmp_path: Path,
) -> None:
    older = _rewrite(
        builtin_template(), tmp_path / "older.docx", _drop_styles("Clausier Classification")
    )
    out = tmp_path / "out.docx"
    warnings = export_plan(sample_plan(), out, template=older)
    assert not [x for x in warnings if x.code == "template"]
    styles = part(out, "word/styles.xml")
    (style,) = styles.xpath("w:style[w:name/@w:val='Clausier Classification']", namespaces=NS)
    assert style.find("w:rPr/w:b", NS) is not None
    header = part(out, "word/header1.xml")
    assert header.xpath("//w:pStyle/@w:val", namespaces=NS) == [style.get(w("styleId"))]


def test_python_docx_default_template_works_with_warning(tmp_path: Path) -> None:
    default = Path(docx.__file__).parent / "templates" / "default.docx"
    out = tmp_path / "out.docx"
    warnings = export_plan(bilingual_plan(), out, template=default)
    (warning,) = [x for x in warnings if x.code == "template"]
    assert "Clausier Missing" in warning.message
    assert "heading 1" not in warning.message
    assert docx.Document(str(out)).paragraphs


def test_template_without_numbering_part_gets_one(tmp_path: Path) -> None:
    def edit(name: str, data: bytes) -> bytes | None:
        if name == "word/numbering.xml":
            return None
        if name == "word/_rels/document.xml.rels":
            from lxml import etree

            root = etree.fromstring(data)
            for rel in list(root):
                if rel.get("Type", "").endswith("/numbering"):
                    root.remove(rel)
            return etree.tostring(root)
        return data

    bare = _rewrite(
        builtin_template(),
        tmp_path / "bare.docx",
        _compose(edit, _drop_styles("heading 1", "heading 2", "List Bullet")),
    )
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out, template=bare)
    (name,) = [n for n in part_names(out) if n.startswith("word/numbering")]
    assert len(part(out, name).findall(w("num"))) == 2  # headings and bullets


def _compose(*edits):
    def edit(name: str, data: bytes) -> bytes | None:
        for step in edits:
            if data is None:
                return None
            data = step(name, data)
        return data

    return edit


def test_dotx_template_is_accepted(tmp_path: Path) -> None:
    main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    dotx_type = main.replace(b"document.main", b"template.main")

    def edit(name: str, data: bytes) -> bytes:
        return data.replace(main, dotx_type) if name == "[Content_Types].xml" else data

    dotx = _rewrite(builtin_template(), tmp_path / "house.dotx", edit)
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out, template=dotx)
    with zipfile.ZipFile(out) as archive:
        assert main in archive.read("[Content_Types].xml")


def test_builtin_template_missing_is_rebuilt_with_warning(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(template, "templates_dir", lambda: tmp_path / "nowhere")
    out = tmp_path / "out.docx"
    warnings = export_plan(sample_plan(), out)
    assert [x.code for x in warnings] == ["template"]
    assert docx.Document(str(out)).sections[0].page_height is not None


@pytest.mark.parametrize(
    "content",
    [b"", b"not a zip at all", b"PK\x03\x04garbage", os.urandom(2048)],
    ids=["empty", "text", "broken-zip", "random"],
)
def test_garbage_template_is_refused(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    with pytest.raises(ExportError, match="cannot be read"):
        export_plan(sample_plan(), tmp_path / "out.docx", template=bad)
    assert not (tmp_path / "out.docx").exists()


def test_zip_without_word_parts_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ExportError, match="cannot be read"):
        export_plan(sample_plan(), tmp_path / "out.docx", template=bad)


def test_missing_template_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_plan(sample_plan(), tmp_path / "out.docx", template=tmp_path / "none.docx")


def _bomb(entry_size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(builtin_template()) as house:
            for info in house.infolist():
                archive.writestr(info.filename, house.read(info))
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as handle:
            chunk = bytes(1024 * 1024)
            for _ in range(entry_size // len(chunk)):
                handle.write(chunk)
    return buffer.getvalue()


@pytest.mark.parametrize("megabytes", [60, 4], ids=["total-size", "ratio"])
def test_zip_bomb_is_refused(tmp_path: Path, megabytes: int) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_bomb(megabytes * 1024 * 1024))
    assert bomb.stat().st_size < 200_000
    with pytest.raises(ExportError, match="unsafe or abnormally large"):
        export_plan(sample_plan(), tmp_path / "out.docx", template=bomb)


def test_too_many_entries_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(package.MAX_ENTRIES + 1):
            archive.writestr(f"f{n}", b"")
    with pytest.raises(ExportError, match="unsafe"):
        check_package(buffer.getvalue(), "many.docx")


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    ],
    ids=["external-entity", "entity-expansion"],
)
def test_template_with_entities_is_refused(tmp_path: Path, doctype: bytes) -> None:
    def edit(name: str, data: bytes) -> bytes:
        if name == "word/styles.xml":
            head, _, rest = data.partition(b"?>")
            return head + b"?>" + doctype + rest
        return data

    evil = _rewrite(builtin_template(), tmp_path / "evil.docx", edit)
    with pytest.raises(ExportError, match="unsafe"):
        export_plan(sample_plan(), tmp_path / "out.docx", template=evil)


def test_template_body_content_is_not_exported(tmp_path: Path) -> None:
    src = docx.Document(str(builtin_template()))
    src.add_paragraph("Texte du modèle à ne pas reprendre")
    with_body = tmp_path / "with-body.docx"
    src.save(str(with_body))
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out, template=with_body)
    assert "Texte du modèle" not in "".join(p.text for p in docx.Document(str(out)).paragraphs)


# --- hostile and damaged templates, as the export meets them --------------------------

_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _utf16(data: bytes, doctype: bytes = b"") -> bytes:
    _head, _, body = data.partition(b"?>")
    head = '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>' + doctype.decode()
    return (head + body.decode("utf-8")).encode("utf-16")


def _dotx(name: str, data: bytes) -> bytes:
    if name == "[Content_Types].xml":
        return data.replace(_MAIN, _MAIN.replace(b"document.main", b"template.main"))
    return data


def test_a_template_of_utf16_parts_with_a_dtd_is_refused(tmp_path: Path) -> None:
    doctype = b'<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

    def edit(name: str, data: bytes) -> bytes:
        return _utf16(data, doctype) if name.endswith(".xml") else data

    evil = _rewrite(builtin_template(), tmp_path / "evil.docx", edit)
    with pytest.raises(ExportError, match="was refused: its part .* declares a DTD"):
        export_plan(sample_plan(), tmp_path / "out.docx", template=evil)
    assert not (tmp_path / "out.docx").exists()  # the old check let it through: a broken .docx


def test_a_template_of_utf16_parts_without_a_dtd_exports_a_document_word_opens(
    tmp_path: Path,
) -> None:
    def edit(name: str, data: bytes) -> bytes:
        return _utf16(data) if name.startswith("word/") and name.endswith(".xml") else data

    utf16 = _rewrite(builtin_template(), tmp_path / "utf16.docx", edit)
    out = tmp_path / "out.docx"
    export_plan(sample_plan(), out, template=utf16)
    assert docx.Document(str(out)).paragraphs  # python-docx opens what was written


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (
            lambda name, data: (
                f'<w:document xmlns:w="{NS["w"]}"/>'.encode()
                if name == "word/document.xml"
                else data
            ),
            "its main part has no body",
        ),
        (
            lambda name, data: (
                f'<w:hdr xmlns:w="{NS["w"]}"><w:body/></w:hdr>'.encode()
                if name == "word/document.xml"
                else data
            ),
            "its main part is not a Word document",
        ),
    ],
    ids=["no-body", "wrong-root"],
)
def test_a_template_that_is_not_a_word_document_is_one_clear_error(
    tmp_path: Path, edit, words: str
) -> None:
    bad = _rewrite(builtin_template(), tmp_path / "bad.docx", edit)
    with pytest.raises(ExportError, match=f"The Word template bad.docx cannot be read: {words}"):
        export_plan(sample_plan(), tmp_path / "out.docx", template=bad)


@pytest.mark.parametrize(
    ("entry", "marker"),
    [("word/theme/theme1.xml", b"<a:theme"), ("word/media/logo.bin", b"LOGO")],
    ids=["xml-part", "binary-part"],
)
def test_a_bad_crc_inside_a_dotx_is_one_clear_error(
    tmp_path: Path, entry: str, marker: bytes
) -> None:
    dotx = tmp_path / "house.dotx"
    with zipfile.ZipFile(builtin_template()) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():  # stored, so that one flipped byte is a bad checksum
            dst.writestr(info.filename, _dotx(info.filename, src.read(info)))
        dst.writestr("word/media/logo.bin", b"LOGO" + bytes(range(256)) * 4)
    data = bytearray(dotx.read_bytes())
    at = data.index(marker) + 200
    data[at] ^= 0x20
    dotx.write_bytes(bytes(data))
    with pytest.raises(ExportError, match=f"its part {entry} is damaged"):
        export_plan(sample_plan(), tmp_path / "out.docx", template=dotx)


def test_an_entry_named_outside_the_package_is_refused(tmp_path: Path) -> None:
    evil = _rewrite(builtin_template(), tmp_path / "evil.docx", lambda name, data: data)
    with zipfile.ZipFile(evil, "a") as archive:
        archive.writestr("../../etc/cron.d/evil", b"* * * * * root true")
    with pytest.raises(ExportError, match="points outside the package"):
        export_plan(sample_plan(), tmp_path / "out.docx", template=evil)


def test_a_template_without_list_number_gets_the_house_one_with_a_warning_when_used(
    tmp_path: Path,
) -> None:
    from tests.app.docx.docxparts import formatted_plan

    older = _rewrite(builtin_template(), tmp_path / "older.docx", _drop_styles("List Number"))
    quiet = export_plan(sample_plan(), tmp_path / "plain.docx", template=older)
    assert not [x for x in quiet if x.code == "template"]  # no numbered list: nothing to say
    out = tmp_path / "lists.docx"
    warnings = export_plan(formatted_plan("fr"), out, template=older)
    (warning,) = [x for x in warnings if x.code == "template"]
    assert "List Number" in warning.message
    styles = part(out, "word/styles.xml")
    (style,) = styles.xpath("w:style[w:name/@w:val='List Number']", namespaces=NS)
    style_id = style.get(w("styleId"))
    numbering = part(out, "word/numbering.xml")
    items = part(out, "word/document.xml").xpath(
        f"//w:p[w:pPr/w:pStyle/@w:val='{style_id}']/w:pPr/w:numPr/w:numId/@w:val", namespaces=NS
    )
    assert len(items) == 7 and len(set(items)) == 2  # two lists, each its own w:num
    for num_id in set(items):
        starts = numbering.xpath(
            f"w:num[@w:numId='{num_id}']/w:lvlOverride/w:startOverride/@w:val", namespaces=NS
        )
        assert starts == ["1"] * 9


def test_python_docx_default_template_numbers_lists_with_its_own_list_number(
    tmp_path: Path,
) -> None:
    from tests.app.docx.docxparts import formatted_plan

    default = Path(docx.__file__).parent / "templates" / "default.docx"
    out = tmp_path / "out.docx"
    warnings = export_plan(formatted_plan("fr"), out, template=default)
    (warning,) = [x for x in warnings if x.code == "template"]
    assert "List Number" not in warning.message  # Word's own built-in style is there
    document = docx.Document(str(out))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered][:2] == ["un", "deux"]
