"""A Word package as the export edits it: its parts, their relationships, the zip written back.

The export opens the house template (or IT's), replaces the body, fills the header
and footer, adds a list or a property part, and saves. This module does that on the
package :mod:`app.docx.package` has already checked and parsed, without python-docx:
importing python-docx and building its proxy objects cost the command line more
than the whole writing of a long note (see docs/benchmarks.md). Parts are named by
their zip entry (``word/document.xml``); an XML part asked for by :meth:`WordPackage.xml`
is written back serialized, every other entry byte for byte as the template had it.

Relationships follow the Open Packaging Conventions: the relationships of part
``word/document.xml`` are in ``word/_rels/document.xml.rels``, their targets relative
to the part's folder. A template whose relationships name a part it does not hold,
or whose sections name a header or footer no relationship gives, is refused.
"""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
from datetime import datetime

from lxml import etree

from app.docx.oxml import W_NS, parse, replace_body
from app.docx.package import CONTENT_TYPES, CT_NS, DOCUMENT_MAIN, REL_NS, TEMPLATE_MAIN, Package

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W_NS}}}"
_R_ID = f"{{{R_NS}}}id"
_RELATIONSHIP = f"{{{REL_NS}}}Relationship"

_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_STYLES = _OFFICE + "styles"
RT_NUMBERING = _OFFICE + "numbering"
RT_SETTINGS = _OFFICE + "settings"
RT_HEADER = _OFFICE + "header"
RT_FOOTER = _OFFICE + "footer"
RT_CUSTOM_PROPERTIES = _OFFICE + "custom-properties"
RT_CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CT_STYLES = _WML + "styles+xml"
CT_NUMBERING = _WML + "numbering+xml"
CT_HEADER = _WML + "header+xml"
CT_FOOTER = _WML + "footer+xml"
CT_CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
CT_CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"

CP_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_CORE_NSMAP = {"cp": CP_NS, "dc": DC_NS, "dcterms": DCTERMS_NS, "xsi": XSI_NS}

#: Where a new part of each kind goes (``%d``: the first number not taken).
_NEW_PART = {
    RT_STYLES: ("word/styles%d.xml", CT_STYLES, "styles"),
    RT_NUMBERING: ("word/numbering%d.xml", CT_NUMBERING, "numbering"),
    RT_HEADER: ("word/header%d.xml", CT_HEADER, "hdr"),
    RT_FOOTER: ("word/footer%d.xml", CT_FOOTER, "ftr"),
}
#: The header and footer kinds of a section, in the order Word lists them.
DEFAULT, FIRST, EVEN = "default", "first", "even"


class MissingPart(Exception):
    """A relationship of the package names a part the package does not hold."""


def _true(element: etree._Element | None) -> bool:
    """Whether an on/off element (``<w:titlePg/>``, ``w:val="0"``…) is on."""
    if element is None:
        return False
    return element.get(_W + "val", "true").lower() not in ("0", "false", "off")


def _rels_entry(source: str) -> str:
    """The entry holding the relationships of part ``source`` ("" for the package's own)."""
    folder, name = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{name}.rels")


class WordPackage:
    """The parts of one checked Word package, edited in memory and saved as a new zip."""

    def __init__(self, package: Package) -> None:
        """Take ``package``'s entries and parsed parts; refuse a relationship to a missing part."""
        self._entries = dict(package.entries)
        self._trees = dict(package.trees)
        self._names = {entry.lower(): entry for entry in self._entries}
        self._touched: set[str] = set()
        self._spliced: dict[str, tuple[bytes, bytes]] = {}  # entry → (marker, text put there)
        self.main = package.main
        if package.main_type == TEMPLATE_MAIN:  # a .dotx is saved as a document
            for override in self.xml(CONTENT_TYPES).iterchildren(f"{{{CT_NS}}}Override"):
                if override.get("ContentType") == TEMPLATE_MAIN:
                    override.set("ContentType", DOCUMENT_MAIN)
        self._check_targets()
        self.document = self.xml(self.main)
        self._styles: etree._Element | None = None

    @property
    def body(self) -> etree._Element:
        """The main part's ``w:body`` (the package was checked to have one)."""
        return self.document.find(_W + "body")

    @property
    def styles(self) -> etree._Element:
        """The root of the styles part (an empty one is added when the package has none)."""
        if self._styles is None:
            self._styles = self.part_of_document(RT_STYLES, create=True)
        return self._styles

    def put_body(self, blocks: str) -> None:
        """Replace the body's content (but its last section properties) with the ``w:`` markup
        ``blocks`` (well-formed, as :class:`app.docx.oxml.BodyBuilder` writes it).

        The markup is not parsed into elements to be serialized again (some 15 ms for the
        600-paragraph note): a comment stands in the body for it, and the part's text gets
        the markup in its place when it is written. A main part that binds ``w:`` to
        another namespace than WordprocessingML's gets it parsed.
        """
        body = self.body
        if body.nsmap.get("w") != W_NS:
            replace_body(body, list(parse(f'<w:body xmlns:w="{W_NS}">{blocks}</w:body>')))
            return
        replace_body(body, [])
        token = f"clausier-body-{os.urandom(8).hex()}"
        body.insert(0, etree.Comment(token))
        self._touched.add(self.main)
        self._spliced[self.main] = (f"<!--{token}-->".encode(), blocks.encode("utf-8"))

    # -- parts and relationships ----------------------------------------------------

    def xml(self, entry: str) -> etree._Element:
        """The parsed part ``entry``, to be written back when the package is saved."""
        entry = self._names.get(entry.lower(), entry)
        self._touched.add(entry)
        return self._trees[entry]

    def blob(self, entry: str) -> bytes:
        """The bytes of part ``entry`` as they stand (an XML part edited: serialized)."""
        entry = self._names.get(entry.lower(), entry)
        if entry not in self._touched:
            return self._entries[entry]
        data = _serialize(self._trees[entry])
        if entry in self._spliced:
            marker, blocks = self._spliced[entry]
            if data.count(marker) != 1:
                raise RuntimeError(f"the body put in {entry} was moved or removed")
            data = data.replace(marker, blocks)
        return data

    def set_blob(self, entry: str, data: bytes) -> None:
        """Replace the bytes of part ``entry`` (an XML part parsed before is forgotten)."""
        entry = self._names.get(entry.lower(), entry)
        self._touched.discard(entry)
        self._trees.pop(entry, None)
        self._spliced.pop(entry, None)
        self._entries[entry] = data

    def _relationships(self, source: str) -> list[etree._Element]:
        rels = self._trees.get(self._names.get(_rels_entry(source).lower(), ""))
        return [] if rels is None else list(rels.iterchildren(_RELATIONSHIP))

    def _target(self, source: str, rel: etree._Element) -> str | None:
        """The entry a relationship of ``source`` points at (None: an external one)."""
        if rel.get("TargetMode") == "External":
            return None
        target = rel.get("Target") or ""
        if target.startswith("/"):
            path = posixpath.normpath(target.lstrip("/"))
        else:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        return self._names.get(path.lower(), path)

    def _check_targets(self) -> None:
        pending, seen = [""], {""}
        while pending:
            source = pending.pop()
            for rel in self._relationships(source):
                target = self._target(source, rel)
                if target is None or target in seen:
                    continue
                if target not in self._entries:
                    raise MissingPart(target)
                seen.add(target)
                pending.append(target)
        for reference in self._trees[self.main].iter(
            _W + "headerReference", _W + "footerReference"
        ):
            target = self.related_by_id(self.main, reference.get(_R_ID) or "")
            if target is None or target not in self._trees:
                raise MissingPart(reference.get(_R_ID) or "")

    def related(self, source: str, reltype: str) -> str | None:
        """The part ``source`` relates to by type ``reltype`` ("": the package), if any."""
        for rel in self._relationships(source):
            if rel.get("Type") == reltype:
                target = self._target(source, rel)
                if target is not None:
                    return target
        return None

    def related_by_id(self, source: str, rid: str) -> str | None:
        """The part relationship ``rid`` of ``source`` points at, if it is an internal one."""
        for rel in self._relationships(source):
            if rel.get("Id") == rid:
                return self._target(source, rel)
        return None

    def add_part(
        self,
        pattern: str,
        content_type: str,
        data: bytes | etree._Element,
        source: str,
        reltype: str,
    ) -> tuple[str, str]:
        """Add a part named after ``pattern``, related from ``source``; (entry, relationship id).

        ``word/header%d.xml`` takes the first number free; a plain name is itself if
        free. The part is declared in the package's content types.
        """
        entry = self._free_name(pattern)
        self._names[entry.lower()] = entry
        if isinstance(data, bytes):
            self._entries[entry] = data
        else:
            self._entries[entry] = b""
            self._trees[entry] = data
            self._touched.add(entry)
        types = self.xml(CONTENT_TYPES)
        etree.SubElement(
            types, f"{{{CT_NS}}}Override", PartName="/" + entry, ContentType=content_type
        )
        return entry, self._relate(source, entry, reltype)

    def _free_name(self, pattern: str) -> str:
        """``pattern`` with the first number no part has (a plain name: itself if free)."""
        if "%d" not in pattern:
            if pattern.lower() not in self._names:
                return pattern
            stem, extension = posixpath.splitext(pattern)
            pattern = f"{stem}%d{extension}"
        number = 1
        while (pattern % number).lower() in self._names:
            number += 1
        return pattern % number

    def _relate(self, source: str, target: str, reltype: str) -> str:
        rels_entry = _rels_entry(source)
        known = self._names.get(rels_entry.lower())
        if known is None:
            self._names[rels_entry.lower()] = known = rels_entry
            self._entries[known] = b""
            self._trees[known] = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        rels = self.xml(known)
        taken = {rel.get("Id") for rel in rels.iterchildren(_RELATIONSHIP)}
        number = 1
        while f"rId{number}" in taken:
            number += 1
        rid = f"rId{number}"
        relative = posixpath.relpath(target, posixpath.dirname(source) or ".")
        etree.SubElement(rels, _RELATIONSHIP, Id=rid, Type=reltype, Target=relative)
        return rid

    def part_of_document(self, reltype: str, *, create: bool) -> etree._Element | None:
        """The root of the main part's styles, numbering or settings part (made when asked)."""
        entry = self.related(self.main, reltype)
        if entry is not None and entry in self._trees:
            return self.xml(entry)
        if not create:
            return None
        pattern, content_type, tag = _NEW_PART[reltype]
        root = etree.Element(_W + tag, nsmap={"w": W_NS, "r": R_NS})
        self.add_part(pattern, content_type, root, self.main, reltype)
        return root

    # -- sections: headers and footers ---------------------------------------------

    def stories(self) -> tuple[list[etree._Element], list[etree._Element]]:
        """The root of every header and of every footer the sections show, each once.

        Each section shows a default header and footer, a first page's when it has
        ``w:titlePg`` and an even page's when the settings ask for them. A section
        without its own shows the section's before it; the first section without
        one gets a new, empty part, as Word would make it.
        """
        settings = self.part_of_document(RT_SETTINGS, create=False)
        even = settings is not None and _true(settings.find(_W + "evenAndOddHeaders"))
        body = self.document.find(_W + "body")
        sections = [] if body is None else body.findall(f"{_W}p/{_W}pPr/{_W}sectPr")
        final = None if body is None else body.find(_W + "sectPr")
        if final is not None:
            sections.append(final)
        headers: dict[str, etree._Element] = {}
        footers: dict[str, etree._Element] = {}
        before: dict[tuple[str, str], str] = {}
        for section in sections:
            kinds = [DEFAULT]
            if _true(section.find(_W + "titlePg")):
                kinds.append(FIRST)
            if even:
                kinds.append(EVEN)
            for kind in kinds:
                for tag, reltype, found in (
                    ("headerReference", RT_HEADER, headers),
                    ("footerReference", RT_FOOTER, footers),
                ):
                    entry = self._story(section, tag, reltype, kind, before)
                    found.setdefault(entry, self.xml(entry))
        return list(headers.values()), list(footers.values())

    def _story(
        self,
        section: etree._Element,
        tag: str,
        reltype: str,
        kind: str,
        before: dict[tuple[str, str], str],
    ) -> str:
        """The entry of the ``kind`` header or footer ``section`` shows (see :meth:`stories`)."""
        entry = None
        for reference in section.iterchildren(_W + tag):
            if reference.get(_W + "type", DEFAULT) == kind:
                entry = self.related_by_id(self.main, reference.get(_R_ID) or "")
                break
        if entry is None:
            entry = before.get((tag, kind))
        if entry is None:
            pattern, content_type, root_tag = _NEW_PART[reltype]
            root = etree.Element(_W + root_tag, nsmap={"w": W_NS, "r": R_NS})
            etree.SubElement(root, _W + "p")
            entry, rid = self.add_part(pattern, content_type, root, self.main, reltype)
            references = [
                child
                for child in section
                if child.tag in (_W + "headerReference", _W + "footerReference")
            ]
            reference = etree.Element(_W + tag, nsmap={"w": W_NS, "r": R_NS})
            reference.set(_W + "type", kind)
            reference.set(_R_ID, rid)
            section.insert(len(references), reference)
        before[(tag, kind)] = entry
        return entry

    # -- properties ----------------------------------------------------------------

    def core_properties(self) -> etree._Element:
        """The root of the package's core properties part (made when it has none)."""
        entry = self.related("", RT_CORE_PROPERTIES)
        if entry is not None and entry in self._trees:
            return self.xml(entry)
        root = etree.Element(f"{{{CP_NS}}}coreProperties", nsmap=_CORE_NSMAP)
        self.add_part("docProps/core.xml", CT_CORE_PROPERTIES, root, "", RT_CORE_PROPERTIES)
        return root

    # -- saving ----------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The package as a .docx: its content types first, then every part in order."""
        out = io.BytesIO()
        order = [CONTENT_TYPES, *(entry for entry in self._entries if entry != CONTENT_TYPES)]
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for entry in order:
                archive.writestr(entry, self.blob(entry))
        return out.getvalue()


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_core_text(root: etree._Element, name: str, value: str) -> None:
    """Set core property ``name`` (``dc:title``, ``cp:lastModifiedBy``…) to ``value``."""
    element = _core_element(root, name)
    element.text = value


def set_core_date(root: etree._Element, name: str, value: datetime) -> None:
    """Set core property ``name`` (``dcterms:created``…) to the naive UTC ``value``."""
    element = _core_element(root, name)
    element.set(f"{{{XSI_NS}}}type", "dcterms:W3CDTF")
    element.text = value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _core_element(root: etree._Element, name: str) -> etree._Element:
    prefix, _sep, local = name.partition(":")
    tag = f"{{{_CORE_NSMAP[prefix]}}}{local}"
    element = root.find(tag)
    if element is None:
        element = etree.SubElement(root, tag, nsmap={prefix: _CORE_NSMAP[prefix], "xsi": XSI_NS})
    return element
