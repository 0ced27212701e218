"""Reading foreign Word packages: damaged, hostile or not Word at all, each refused in one line."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.docx import package
from app.docx.package import DOCUMENT, TEMPLATE, read_file, read_package
from app.docx.template import builtin_template
from app.system.errors import ClausierError, ExportError

MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTX_MAIN = MAIN.replace(b"document.main", b"template.main")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def house() -> dict[str, bytes]:
    """The entries of the house template, in order."""
    with zipfile.ZipFile(builtin_template()) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zipped(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def as_dotx(entries: dict[str, bytes]) -> dict[str, bytes]:
    types = entries["[Content_Types].xml"].replace(MAIN, DOTX_MAIN)
    return {**entries, "[Content_Types].xml": types}


def utf16(xml: bytes, doctype: bytes = b"") -> bytes:
    """An XML part re-encoded as UTF-16 (with a byte order mark), a DOCTYPE put in if given."""
    _head, _, body = xml.partition(b"?>")
    text = '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>' + doctype.decode()
    return (text + body.decode("utf-8")).encode("utf-16")


def test_the_house_template_reads_with_every_xml_part_parsed():
    checked = read_package(zipped(house()), "house.docx", TEMPLATE)
    assert checked.main == "word/document.xml"
    assert checked.document.tag == f"{{{W}}}document"
    assert {"word/styles.xml", "_rels/.rels", "[Content_Types].xml"} <= set(checked.trees)


@pytest.mark.parametrize("part", ["word/styles.xml", "word/document.xml", "[Content_Types].xml"])
def test_a_utf16_part_with_a_dtd_is_refused_whatever_its_encoding(part):
    entries = house()
    doctype = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    entries[part] = utf16(entries[part], doctype)
    assert b"<!DOCTYPE" not in entries[part]  # what the old byte search looked for
    with pytest.raises(
        ExportError, match=f"its part {part.replace('[', '.').replace(']', '.')} declares a DTD"
    ):
        read_package(zipped(entries), "evil.docx", TEMPLATE)


def test_a_dtd_without_entities_is_refused_too():
    entries = house()
    entries["word/styles.xml"] = entries["word/styles.xml"].replace(
        b"?>", b'?><!DOCTYPE w:styles SYSTEM "http://example.org/x.dtd">', 1
    )
    with pytest.raises(ExportError, match="was refused: its part word/styles.xml declares a DTD"):
        read_package(zipped(entries), "evil.docx", TEMPLATE)


def test_utf16_parts_without_a_dtd_are_read():
    entries = house()
    for part in ("word/styles.xml", "word/document.xml"):
        entries[part] = utf16(entries[part])
    checked = read_package(zipped(entries), "utf16.docx", TEMPLATE)
    assert checked.document.find(f"{{{W}}}body") is not None


@pytest.mark.parametrize(
    "entry",
    [
        "../evil.xml",
        "word/../../evil.xml",
        "/etc/evil.xml",
        "\\evil.xml",
        "C:\\evil.xml",
        "c:/x.xml",
        "..\\x.xml",
    ],
)
def test_an_entry_name_that_leaves_the_package_is_refused(entry):
    entries = {**house(), entry: b"<x/>"}
    with pytest.raises(ExportError, match="points outside the package"):
        read_package(zipped(entries), "evil.docx", TEMPLATE)


def test_two_entries_of_the_same_name_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in house().items():
            archive.writestr(name, content)
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("word/document.xml", b"<other/>")
    with pytest.raises(ExportError, match="two entries named word/document.xml"):
        read_package(buffer.getvalue(), "twice.docx", TEMPLATE)


def test_a_document_without_a_body_is_refused():
    entries = {**house(), "word/document.xml": f'<w:document xmlns:w="{W}"/>'.encode()}
    with pytest.raises(ExportError, match="cannot be read: its main part has no body"):
        read_package(zipped(entries), "nobody.docx", TEMPLATE)


@pytest.mark.parametrize(
    "root",
    [f'<w:styles xmlns:w="{W}"><w:body/></w:styles>', "<document><body/></document>"],
    ids=["styles-root", "no-namespace"],
)
def test_a_main_part_with_a_wrong_root_element_is_refused(root):
    entries = {**house(), "word/document.xml": root.encode()}
    with pytest.raises(ExportError, match="its main part is not a Word document"):
        read_package(zipped(entries), "wrong.docx", TEMPLATE)


def test_a_package_whose_relationships_name_no_document_is_refused():
    entries = {k: v for k, v in house().items() if k != "_rels/.rels"}
    with pytest.raises(ExportError, match="holds no Word document"):
        read_package(zipped(entries), "norels.docx", TEMPLATE)


def test_a_part_that_is_not_well_formed_is_refused():
    entries = {**house(), "word/styles.xml": b"<w:styles><unclosed>"}
    with pytest.raises(ExportError, match="word/styles.xml is not well-formed XML"):
        read_package(zipped(entries), "bad.docx", TEMPLATE)


def _flip_inside(data: bytes, marker: bytes) -> bytes:
    at = data.index(marker) + len(marker)
    return data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1 :]


@pytest.mark.parametrize("entry", ["word/styles.xml", "word/theme/theme1.xml", "docProps/app.xml"])
def test_a_bad_crc_inside_a_dotx_is_one_clear_error(entry):
    entries = as_dotx(house())
    data = zipped(entries, zipfile.ZIP_STORED)  # stored: a flipped byte is a bad checksum
    marker = entries[entry][300:330]
    assert data.count(marker) == 1
    with pytest.raises(ExportError, match=f"its part {entry} is damaged"):
        read_package(_flip_inside(data, marker), "house.dotx", TEMPLATE)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_a_truncated_package_is_one_clear_error(keep):
    data = zipped(house())
    with pytest.raises(ExportError, match="cannot be read"):
        read_package(data[: int(len(data) * keep)], "cut.docx", TEMPLATE)


def test_a_dotx_is_given_to_python_docx_as_a_document():
    data = zipped(as_dotx(house()))
    checked = read_package(data, "house.dotx", TEMPLATE)
    assert checked.main_type == package.TEMPLATE_MAIN
    with zipfile.ZipFile(io.BytesIO(checked.as_document())) as archive:
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        assert MAIN.decode() in {o.get("ContentType") for o in types}
        assert archive.namelist() == list(house())


def test_a_docx_is_given_back_unchanged():
    data = zipped(house())
    assert read_package(data, "house.docx", TEMPLATE).as_document() is data


def test_the_kind_names_the_file_and_picks_the_error():
    with pytest.raises(ClausierError) as caught:
        read_package(b"not a zip", "edited.docx", DOCUMENT)
    assert not isinstance(caught.value, ExportError)
    assert (
        str(caught.value)
        == "The Word document edited.docx cannot be read: it is not a valid .docx file"
    )


def test_reading_a_file_refuses_a_pipe_a_device_and_a_sparse_gigabyte(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.docx")
    with pytest.raises(ExportError, match="named pipe"):
        read_file(tmp_path / "pipe.docx", TEMPLATE)
    (tmp_path / "zero.docx").symlink_to("/dev/zero")
    with pytest.raises(ExportError, match="device"):
        read_file(tmp_path / "zero.docx", TEMPLATE)
    huge = tmp_path / "huge.docx"
    huge.touch()
    os.truncate(huge, 1024**3)
    with pytest.raises(ExportError, match="larger than 50 MB"):
        read_file(huge, TEMPLATE)


def test_a_lying_size_in_the_zip_header_does_not_unpack_more(tmp_path: Path):
    big = {**house(), "word/media/big.bin": bytes(2 * 1024 * 1024)}
    data = bytearray(zipped(big))
    # The central directory says the entry unpacks to 10 bytes: reading stops there, and fails.
    at = data.rindex(b"word/media/big.bin") - 46 + 24  # its record's uncompressed size
    data[at : at + 4] = (10).to_bytes(4, "little")
    with pytest.raises(ExportError, match="cannot be read"):
        read_package(bytes(data), "liar.docx", TEMPLATE)
