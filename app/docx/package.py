"""Reading a Word package someone else made: a sane zip whose XML parts are parsed safely.

A template comes from IT or a user, a declaration from anyone, and an edited
note will come back from Word: each is a zip of XML parts that may be damaged
or hostile. :func:`read_package` reads every entry once (so a bad checksum or a
truncated archive shows here, not deep inside python-docx), refuses entry names
that leave the package, sizes and ratios of a zip bomb, and parses every XML
part with :data:`PARSER`, refusing any part that declares a DTD whatever its
encoding. The main part must be a Word document with a body. Every refusal is
one line of the caller's kind (:class:`PackageKind`) naming the file.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from app.language.i18n import N_, _
from app.system import saferead
from app.system.errors import ClausierError, ExportError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_RATIO = 100  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024

CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DRIVE = re.compile(r"^[A-Za-z]:")

#: The one parser for the XML parts of a foreign package: no entity resolved, no DTD
#: loaded, nothing fetched, no huge tree. Blank text is kept (unlike the writer's
#: parser), so what is read back from an edited document is what Word wrote.
PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
)


@dataclass(frozen=True)
class PackageKind:
    """What a package is read as, so that its refusals name it (a template, a document...).

    ``unreadable`` and ``refused`` are message ids with ``{name}`` and ``{reason}``,
    translated when raised; ``error`` is the error class raised.
    """

    unreadable: str
    refused: str
    error: type[ClausierError]


TEMPLATE = PackageKind(
    N_("The Word template {name} cannot be read: {reason}"),
    N_("The Word template {name} was refused: {reason}"),
    ExportError,
)
DOCUMENT = PackageKind(
    N_("The Word document {name} cannot be read: {reason}"),
    N_("The Word document {name} was refused: {reason}"),
    ClausierError,
)


class _Unreadable(Exception):
    """A package that is damaged or not a Word document (the reason, translated)."""


class _Refused(Exception):
    """A package that is unsafe (the reason, translated)."""


@dataclass
class Package:
    """A checked Word package: every entry's bytes in order, and every XML part parsed."""

    name: str
    data: bytes
    entries: dict[str, bytes]
    trees: dict[str, etree._Element] = field(repr=False)
    main: str  # the entry name of the main document part ("word/document.xml")
    main_type: str  # its content type (a document's or a template's)

    @property
    def document(self) -> etree._Element:
        """The root ``w:document`` element of the main part."""
        return self.trees[self.main]

    def as_document(self) -> bytes:
        """The package as a .docx python-docx opens: a template's main part declared a document's."""
        if self.main_type != TEMPLATE_MAIN:
            return self.data
        types = self.trees[CONTENT_TYPES]
        for override in types.iterchildren(f"{{{CT_NS}}}Override"):
            if override.get("ContentType") == TEMPLATE_MAIN:
                override.set("ContentType", DOCUMENT_MAIN)
        entries = dict(self.entries)
        entries[CONTENT_TYPES] = etree.tostring(
            types, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for entry, content in entries.items():
                target.writestr(entry, content)
        return out.getvalue()


def read_file(path: Path | str, kind: PackageKind) -> Package:
    """The package in the file ``path`` (a regular file of at most MAX_FILE_BYTES), checked."""
    path = Path(path)
    try:
        data = saferead.read_regular(path, MAX_FILE_BYTES)
    except saferead.FileRefused as refused:
        raise kind.error(_(kind.unreadable).format(name=str(path), reason=refused.reason)) from None
    return read_package(data, path.name, kind)


def read_package(data: bytes, name: str, kind: PackageKind) -> Package:
    """Check the bytes of a .docx or .dotx and parse its XML parts; one clear error if refused."""
    try:
        return _read(data, name)
    except _Unreadable as error:
        raise kind.error(_(kind.unreadable).format(name=name, reason=error)) from None
    except _Refused as error:
        raise kind.error(_(kind.refused).format(name=name, reason=error)) from None


def _too_large() -> _Refused:
    return _Refused(_("its content is unsafe or abnormally large"))


def _outside(entry: str) -> bool:
    """Whether an entry name points outside the package (absolute, a drive, or ``..``)."""
    if entry.startswith(("/", "\\")) or _DRIVE.match(entry) or "\x00" in entry:
        return True
    return ".." in entry.replace("\\", "/").split("/")


def _read(data: bytes, name: str) -> Package:
    if not data.startswith(b"PK"):
        raise _Unreadable(_("it is not a valid .docx file"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise _Unreadable(_("it is not a valid .docx file")) from None
    with archive:
        infos = archive.infolist()
        _check_entries(infos)
        entries = _contents(archive, infos)
    if CONTENT_TYPES not in entries:
        raise _Unreadable(_("it is not a valid .docx file"))
    types = _parse(CONTENT_TYPES, entries[CONTENT_TYPES])
    if types.tag != f"{{{CT_NS}}}Types":
        raise _Unreadable(_("it is not a valid .docx file"))
    declared = _content_types(types)
    trees = {CONTENT_TYPES: types}
    for entry, content in entries.items():
        if entry != CONTENT_TYPES and _is_xml(entry, declared):
            trees[entry] = _parse(entry, content)
    main, main_type = _main_part(trees, declared)
    return Package(name, data, entries, trees, main, main_type)


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise _too_large()
    total = 0
    seen: set[str] = set()
    for info in infos:
        if _outside(info.filename):
            raise _Refused(
                _("it holds an entry named {entry}, which points outside the package").format(
                    entry=info.filename[:80]
                )
            )
        if info.filename.lower() in seen:
            raise _Refused(_("it holds two entries named {entry}").format(entry=info.filename[:80]))
        seen.add(info.filename.lower())
        total += info.file_size
        compressed = max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and info.file_size / compressed > MAX_RATIO:
            raise _too_large()
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _too_large()


def _contents(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> dict[str, bytes]:
    """Every entry read whole (its checksum checked), never more than its declared size."""
    entries: dict[str, bytes] = {}
    for info in infos:
        if info.is_dir():
            continue
        try:
            with archive.open(info) as stream:
                content = stream.read(info.file_size + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ):
            raise _Unreadable(
                _("its part {part} is damaged").format(part=info.filename[:80])
            ) from None
        if len(content) != info.file_size:
            raise _Unreadable(_("its part {part} is damaged").format(part=info.filename[:80]))
        entries[info.filename] = content
    return entries


def _content_types(types: etree._Element) -> dict[str, str]:
    """Entry name or ``*.ext`` → content type, as [Content_Types].xml declares them.

    Keys are lower case: part names are case-insensitive in a package.
    """
    declared: dict[str, str] = {}
    for default in types.iterchildren(f"{{{CT_NS}}}Default"):
        declared["*." + (default.get("Extension") or "").lower()] = default.get("ContentType") or ""
    for override in types.iterchildren(f"{{{CT_NS}}}Override"):
        part = (override.get("PartName") or "").lstrip("/").lower()
        declared[part] = override.get("ContentType") or ""
    return declared


def _type_of(entry: str, declared: dict[str, str]) -> str:
    extension = posixpath.splitext(entry)[1].lower()
    return declared.get(entry.lower()) or declared.get("*" + extension, "")


def _is_xml(entry: str, declared: dict[str, str]) -> bool:
    return entry.lower().endswith((".xml", ".rels")) or _type_of(entry, declared).endswith("xml")


def _parse(entry: str, content: bytes) -> etree._Element:
    """One XML part parsed with PARSER; a part with a DTD is refused, whatever its encoding."""
    try:
        root = etree.fromstring(content, PARSER)
    except (etree.XMLSyntaxError, ValueError):
        raise _Unreadable(
            _("its part {part} is not well-formed XML").format(part=entry[:80])
        ) from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise _Refused(
            _("its part {part} declares a DTD or entities, which is unsafe").format(part=entry[:80])
        )
    return root


def _main_part(trees: dict[str, etree._Element], declared: dict[str, str]) -> tuple[str, str]:
    """The main document part the package's relationships name, checked to be a Word body."""
    rels = trees.get("_rels/.rels")
    target = None
    if rels is not None:
        for rel in rels.iterchildren(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                target = posixpath.normpath((rel.get("Target") or "").lstrip("/"))
                break
    if target is None or target not in trees:
        raise _Unreadable(_("it holds no Word document"))
    main_type = _type_of(target, declared)
    root = trees[target]
    if main_type not in (DOCUMENT_MAIN, TEMPLATE_MAIN) or root.tag != f"{{{_W_NS}}}document":
        raise _Unreadable(_("its main part is not a Word document"))
    if root.find(f"{{{_W_NS}}}body") is None:
        raise _Unreadable(_("its main part has no body"))
    return target, main_type
