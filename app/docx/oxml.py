"""The only raw-XML module of the Word writer: one safe parser and fast WordprocessingML.

Body content is built as XML text in one pass (runs with their language tags,
fields, content controls, tables) and parsed once with :data:`PARSER`, which is
far faster than python-docx's element-by-element API; everything else here is
small lookups and edits on parts that python-docx has already parsed.
"""

from __future__ import annotations

import copy
import re
import zlib
from collections.abc import Iterable
from typing import NamedTuple

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"

#: The one parser for XML that Clausier parses itself: no entities, no network, no DTD.
PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_blank_text=True,
)

# Characters XML 1.0 cannot hold (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("(\n|\t)")
_KEEP_NEXT = re.compile(r'<w:keepNext(?: w:val="0")?/>')
_PARAGRAPH_STYLE = re.compile(r'<w:p><w:pPr>(?:<w:pStyle w:val="[^"]*"/>)?')
#: The height of the empty paragraph set between two tables that would touch (6 pt), and the
#: size of its mark (1 pt), in Word's units: twentieths and halves of a point.
SEPARATOR_LINE = 120
SEPARATOR_SIZE = 2


def qn(tag: str) -> str:
    """The Clark name of a ``w:``-prefixed tag (``"w:p"`` → ``"{…main}p"``)."""
    prefix, _, local = tag.partition(":")
    if prefix != "w":
        raise ValueError(tag)
    return _W + local


def parse(xml: str | bytes) -> etree._Element:
    """Parse ``xml`` with the safe parser."""
    return etree.fromstring(xml, PARSER)


def clean_text(text: str) -> tuple[str, bool]:
    """``text`` without the characters Word cannot hold (``\\r\\n`` → ``\\n``), and whether any went."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _INVALID_XML.sub("", text)
    return cleaned, len(cleaned) != len(text)


def _esc(text: str) -> str:
    # Chained replace is C-speed; str.translate with a dict is per character in Python.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return text


class Run(NamedTuple):
    """A run to write: text (already cleaned) in a Word language tag, with its formatting."""

    text: str
    lang: str
    bold: bool = False
    italic: bool = False
    style: str | None = None  # character style id
    highlight: str | None = None  # Word highlight colour name
    superscript: bool = False


class Field(NamedTuple):
    """A field (``PAGE``, ``NUMPAGES``) written as begin/instrText/separate/result/end runs."""

    instr: str
    lang: str
    placeholder: str = "1"
    bold: bool = False


class BodyBuilder:
    """Collects paragraphs, content controls and tables as XML text, then parses them once."""

    def __init__(self, default_lang: str, first_sdt_id: int = 1) -> None:
        """Start an empty body; ``default_lang`` tags empty paragraphs that cells need."""
        self.default_lang = default_lang
        self._out: list[str] = []
        self._rpr: dict[tuple, str] = {}
        self._sdt_id = first_sdt_id
        self._mark_id = 0
        self._marks: dict[str, int] = {}  # bookmarks started and not yet ended → their ids
        # What the current table cell (innermost last) ended with: None, "p", "tbl", "sdt".
        self._cells: list[str | None] = []

    # -- runs and paragraphs -------------------------------------------------------

    def _run_props(
        self,
        lang: str,
        bold: bool,
        italic: bool,
        style: str | None,
        hl: str | None,
        superscript: bool = False,
    ) -> str:
        key = (lang, bold, italic, style, hl, superscript)
        rpr = self._rpr.get(key)
        if rpr is None:
            rpr = "<w:r><w:rPr>"
            if style:
                rpr += f'<w:rStyle w:val="{_esc(style)}"/>'
            if bold:
                rpr += "<w:b/><w:bCs/>"
            if italic:
                rpr += "<w:i/><w:iCs/>"
            if hl:
                rpr += f'<w:highlight w:val="{hl}"/>'
            if superscript:
                rpr += '<w:vertAlign w:val="superscript"/>'
            rpr += f'<w:lang w:val="{lang}"/></w:rPr>'
            self._rpr[key] = rpr
        return rpr

    def _run(self, run: Run) -> str:
        start = self._run_props(
            run.lang, run.bold, run.italic, run.style, run.highlight, run.superscript
        )
        text = run.text
        if "\n" in text or "\t" in text:
            body = []
            for piece in _BREAKS.split(text):
                if piece == "\n":
                    body.append("<w:br/>")
                elif piece == "\t":
                    body.append("<w:tab/>")
                elif piece:
                    body.append(_text(piece))
            return start + "".join(body) + "</w:r>"
        return start + _text(text) + "</w:r>"

    def _field(self, field: Field) -> str:
        start = self._run_props(field.lang, field.bold, False, None, None)
        return (
            f'{start}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'{start}<w:instrText xml:space="preserve"> {_esc(field.instr)} </w:instrText></w:r>'
            f'{start}<w:fldChar w:fldCharType="separate"/></w:r>'
            f"{start}{_text(field.placeholder)}</w:r>"
            f'{start}<w:fldChar w:fldCharType="end"/></w:r>'
        )

    def paragraph(
        self,
        style_id: str | None,
        lang: str,
        runs: Iterable[Run | Field],
        *,
        align: str | None = None,
        num: tuple[int, int] | None = None,
        keep_next: bool | None = None,
        marks: tuple[str | None, str | None] = (None, None),
        keep_lines: bool = False,
    ) -> None:
        """Add a paragraph in ``style_id``; ``num`` is a direct (ilvl, numId) numbering.

        ``keep_next`` True or False overrides the style's "keep with next". ``marks``
        names a bookmark that starts before its text and one that ends after it.
        """
        out = ["<w:p><w:pPr>"]
        if style_id:
            out.append(f'<w:pStyle w:val="{_esc(style_id)}"/>')
        if keep_next is not None:
            out.append("<w:keepNext/>" if keep_next else '<w:keepNext w:val="0"/>')
        if keep_lines:  # no page break inside it (a quotation)
            out.append("<w:keepLines/>")
        if num is not None:
            out.append(f'<w:numPr><w:ilvl w:val="{num[0]}"/><w:numId w:val="{num[1]}"/></w:numPr>')
        if align:
            out.append(f'<w:jc w:val="{align}"/>')
        out.append(f'<w:rPr><w:lang w:val="{lang}"/></w:rPr></w:pPr>')
        start, end = marks
        if start:
            self._marks[start] = self._mark_id
            out.append(f'<w:bookmarkStart w:id="{self._mark_id}" w:name="{_esc(start)}"/>')
            self._mark_id += 1
        for run in runs:
            if type(run) is Run:
                if run.text:
                    out.append(self._run(run))
            else:
                out.append(self._field(run))  # type: ignore[arg-type]
        if end and end in self._marks:
            out.append(f'<w:bookmarkEnd w:id="{self._marks.pop(end)}"/>')
        out.append("</w:p>")
        self._out.append("".join(out))
        if self._cells:
            self._cells[-1] = "p"

    def keep_with_next(self) -> None:
        """Keep the paragraph added last (inside a content control too) with what follows.

        Nothing when a table was added last: its rows keep together on their own.
        """
        for index in range(len(self._out) - 1, -1, -1):
            block = self._out[index]
            if block == "</w:sdtContent></w:sdt>":
                continue
            if block.startswith("<w:p><w:pPr>"):
                block = _KEEP_NEXT.sub("", block, count=1)
                after = _PARAGRAPH_STYLE.match(block)
                at = after.end() if after else len("<w:p><w:pPr>")
                self._out[index] = block[:at] + "<w:keepNext/>" + block[at:]
            return

    def end_mark(self, name: str) -> None:
        """End the bookmark ``name`` here, between blocks (after a table, say)."""
        if name in self._marks:
            self._out.append(f'<w:bookmarkEnd w:id="{self._marks.pop(name)}"/>')

    # -- content controls ----------------------------------------------------------

    def begin_sdt(self, tag: str, alias: str) -> None:
        """Open a block-level rich-text content control (editable, not a placeholder)."""
        self._out.append(
            f'<w:sdt><w:sdtPr><w:alias w:val="{_esc(alias)}"/><w:tag w:val="{_esc(tag)}"/>'
            f'<w:id w:val="{self._sdt_id}"/></w:sdtPr><w:sdtContent>'
        )
        self._sdt_id += 1

    def end_sdt(self) -> None:
        """Close the innermost content control."""
        self._out.append("</w:sdtContent></w:sdt>")
        if self._cells:
            self._cells[-1] = "sdt"

    # -- tables --------------------------------------------------------------------

    def begin_table(
        self,
        grid: list[int],
        *,
        style_id: str | None = None,
        borderless: bool = False,
        cell_margins: tuple[int, int] | None = None,
    ) -> None:
        """Open a fixed-layout table whose columns are ``grid`` twips wide.

        A table right after another one (nothing but a bookmark's end between them) gets
        a small empty paragraph first: Word and LibreOffice join touching tables into one,
        the second's header row landing in the middle of the first.
        """
        if self._after_table():
            self._out.append(self._separator())
        out = ["<w:tbl><w:tblPr>"]
        if style_id:
            out.append(f'<w:tblStyle w:val="{_esc(style_id)}"/>')
        out.append(f'<w:tblW w:w="{sum(grid)}" w:type="dxa"/>')
        if borderless:
            out.append(
                "<w:tblBorders>"
                + "".join(
                    f'<w:{side} w:val="nil"/>'
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
                )
                + "</w:tblBorders>"
            )
        out.append('<w:tblLayout w:type="fixed"/>')
        if cell_margins is not None:
            left, right = cell_margins
            out.append(
                f'<w:tblCellMar><w:left w:w="{left}" w:type="dxa"/>'
                f'<w:right w:w="{right}" w:type="dxa"/></w:tblCellMar>'
            )
        out.append(
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
            ' w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        )
        out.extend(f'<w:gridCol w:w="{width}"/>' for width in grid)
        out.append("</w:tblGrid>")
        self._out.append("".join(out))

    def _after_table(self) -> bool:
        """Whether the block added last, at this level, is a table."""
        for block in reversed(self._out):
            if block.startswith("<w:bookmarkEnd "):
                continue
            return block == "</w:tbl>"
        return False

    def _separator(self) -> str:
        """An empty paragraph 6 pt high with a 1 pt mark, no spacing: two tables kept apart."""
        return (
            '<w:p><w:pPr><w:spacing w:before="0" w:after="0" '
            f'w:line="{SEPARATOR_LINE}" w:lineRule="exact"/>'
            f'<w:rPr><w:sz w:val="{SEPARATOR_SIZE}"/><w:szCs w:val="{SEPARATOR_SIZE}"/>'
            f'<w:lang w:val="{self.default_lang}"/></w:rPr></w:pPr></w:p>'
        )

    def begin_row(self, *, header: bool = False, keep_together: bool = False) -> None:
        """Open a row; a header row repeats at the top of every page, a kept row never splits."""
        if header or keep_together:
            cant_split = "<w:cantSplit/>" if keep_together else ""
            header_mark = "<w:tblHeader/>" if header else ""
            self._out.append(f"<w:tr><w:trPr>{cant_split}{header_mark}</w:trPr>")
        else:
            self._out.append("<w:tr>")

    def begin_cell(self, width: int, *, fill: str | None = None) -> None:
        """Open a cell ``width`` twips wide, optionally shaded."""
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        self._out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>')
        self._cells.append(None)

    def end_cell(self) -> None:
        """Close a cell, adding the empty paragraph Word requires after a table or nothing."""
        last = self._cells.pop()
        if last is None or last == "tbl":
            self._out.append(
                f'<w:p><w:pPr><w:rPr><w:lang w:val="{self.default_lang}"/></w:rPr></w:pPr></w:p>'
            )
        self._out.append("</w:tc>")

    def end_row(self) -> None:
        """Close a row."""
        self._out.append("</w:tr>")

    def end_table(self) -> None:
        """Close a table."""
        self._out.append("</w:tbl>")
        if self._cells:
            self._cells[-1] = "tbl"

    # -- output --------------------------------------------------------------------

    def xml(self) -> str:
        """The collected blocks as one XML text (no root element)."""
        return "".join(self._out)

    def elements(self) -> list[etree._Element]:
        """Parse the collected blocks once and return them, ready to be moved into a part."""
        root = parse(f'<w:body xmlns:w="{W_NS}">{self.xml()}</w:body>')
        return list(root)


def _text(text: str) -> str:
    if text[:1].isspace() or text[-1:].isspace() or "  " in text:
        return f'<w:t xml:space="preserve">{_esc(text)}</w:t>'
    return f"<w:t>{_esc(text)}</w:t>"


# -- parts: body, header, footer ------------------------------------------------------


def replace_body(body: etree._Element, blocks: list[etree._Element]) -> None:
    """Remove ``body``'s content but its final section properties, then add ``blocks``."""
    sect_pr = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    if sect_pr is None:
        body.extend(blocks)
        return
    body.remove(sect_pr)
    body.extend(blocks)
    body.append(sect_pr)


def text_width(body: etree._Element, default: int = 9072) -> int:
    """The width in twips between the margins of the body's last section."""
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is None:
        return default
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    try:
        width = _twips(size, "w")
        width -= _twips(margins, "left") + _twips(margins, "right") + _twips(margins, "gutter")
    except (TypeError, ValueError):
        return default
    return width if width > 1440 else default


def _twips(element: etree._Element | None, attr: str) -> int:
    if element is None:
        raise TypeError(attr)
    value = element.get(_W + attr)
    return 0 if value is None and attr == "gutter" else int(float(value))  # type: ignore[arg-type]


def put_story_paragraph(story: etree._Element, paragraph: etree._Element) -> None:
    """Put ``paragraph`` into a header or footer: in place of an empty paragraph, else last."""
    put_story_paragraphs(story, [paragraph])


def put_story_paragraphs(story: etree._Element, paragraphs: list[etree._Element]) -> None:
    """Put ``paragraphs`` into a header or footer, in order: in place of its first empty
    paragraph, else after what the template has there."""
    if not paragraphs:
        return
    first, *rest = paragraphs
    for existing in story.iter(qn("w:p")):
        if existing.getparent() is story and _is_empty_paragraph(existing):
            existing.addnext(first)
            story.remove(existing)
            break
    else:
        story.append(first)
    for paragraph in rest:
        first.addnext(paragraph)
        first = paragraph


def _is_empty_paragraph(paragraph: etree._Element) -> bool:
    for child in paragraph:
        if child.tag != qn("w:pPr"):
            return False
    return True


# -- styles ---------------------------------------------------------------------------


def style_ids_by_name(styles: etree._Element) -> dict[tuple[str, str], str]:
    """Map (type, lower-case name) of every style to its id; a French Word's ids differ."""
    found: dict[tuple[str, str], str] = {}
    for style in styles.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        style_id = style.get(qn("w:styleId"))
        if name is None or style_id is None:
            continue
        key = (style.get(qn("w:type"), "paragraph"), (name.get(qn("w:val")) or "").lower())
        found.setdefault(key, style_id)
    return found


def all_style_ids(styles: etree._Element) -> set[str]:
    """Every style id the styles part defines."""
    return {s.get(qn("w:styleId"), "") for s in styles.iterchildren(qn("w:style"))}


def add_style(styles: etree._Element, xml: str) -> None:
    """Append a style definition (``<w:style>`` text without namespace declaration)."""
    styles.append(parse(xml.replace("<w:style ", f'<w:style xmlns:w="{W_NS}" ', 1)))


def set_default_language(styles: etree._Element, lang: str) -> None:
    """Set the document's default language (``w:docDefaults/w:rPrDefault/w:rPr/w:lang``)."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.SubElement(styles, qn("w:docDefaults"))
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.SubElement(defaults, qn("w:rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = etree.SubElement(rpr, qn("w:lang"))
        for later in ("w:eastAsianLayout", "w:specVanish", "w:oMath"):
            follower = rpr.find(qn(later))
            if follower is not None:
                follower.addprevious(lang_el)
                break
    lang_el.set(qn("w:val"), lang)


def style_numbering(styles: etree._Element, style_id: str) -> tuple[int, int] | None:
    """The (ilvl, numId) a paragraph style's own ``w:numPr`` sets, if any."""
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) != style_id:
            continue
        num_id = style.find(f"{_W}pPr/{_W}numPr/{_W}numId")
        if num_id is None:
            return None
        ilvl = style.find(f"{_W}pPr/{_W}numPr/{_W}ilvl")
        try:
            return int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0, int(
                num_id.get(qn("w:val"), "0")
            )
        except ValueError:
            return None
    return None


def strip_numbering(style_xml: str) -> str:
    """A style definition without its ``w:numPr`` (when no list can back it)."""
    return re.sub(r"<w:numPr>.*?</w:numPr>", "", style_xml)


# -- numbering ------------------------------------------------------------------------


def _int_attr(element: etree._Element, attr: str) -> int:
    try:
        return int(element.get(qn(attr), "0"))
    except ValueError:
        return 0


def numbering_ids(numbering: etree._Element) -> tuple[int, int]:
    """The highest abstractNumId and numId a numbering part uses."""
    abstract = [_int_attr(a, "w:abstractNumId") for a in numbering.iter(qn("w:abstractNum"))]
    nums = [_int_attr(n, "w:numId") for n in numbering.iter(qn("w:num"))]
    return max(abstract, default=-1), max(nums, default=0)


def add_list(numbering: etree._Element, abstract_xml: str, num_id: int, abstract_id: int) -> None:
    """Add an abstract list definition and the list instance ``num_id`` that uses it."""
    add_abstract(numbering, abstract_xml)
    num = parse(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
        f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    _insert_num(numbering, num)


def add_abstract(numbering: etree._Element, abstract_xml: str) -> None:
    """Add an abstract list definition (no list instance uses it yet)."""
    _insert_abstract(
        numbering,
        parse(abstract_xml.replace("<w:abstractNum ", f'<w:abstractNum xmlns:w="{W_NS}" ', 1)),
    )


def add_num(numbering: etree._Element, abstract_id: int, *, restart: Iterable[int] = ()) -> int:
    """A new list instance of ``abstract_id`` whose ``restart`` levels count from 1; its numId.

    Without start overrides, instances of one definition continue each other's numbers
    (python-docx issue #25): every numbered list of a note is its own instance.
    """
    _max_abstract, max_num = numbering_ids(numbering)
    num_id = max_num + 1
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/></w:lvlOverride>'
        for level in restart
    )
    _insert_num(
        numbering,
        parse(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        ),
    )
    return num_id


def usable_abstract(numbering: etree._Element, num_id: int) -> int | None:
    """The abstract definition of list ``num_id`` if it numbers (not bullets) on its own levels.

    None when there is no such list, when its definition only points to a numbering
    style (``w:numStyleLink``) or when its first level is not a number.
    """
    abstract_id = None
    for num in numbering.iterchildren(qn("w:num")):
        if _int_attr(num, "w:numId") == num_id:
            ref = num.find(qn("w:abstractNumId"))
            abstract_id = None if ref is None else _int_attr(ref, "w:val")
    for abstract in numbering.iterchildren(qn("w:abstractNum")):
        if _int_attr(abstract, "w:abstractNumId") != abstract_id:
            continue
        if abstract.find(qn("w:numStyleLink")) is not None:
            return None
        first = abstract.find(f"{_W}lvl[@{_W}ilvl='0']/{_W}numFmt")
        if first is None or first.get(qn("w:val")) in ("bullet", "none"):
            return None
        return abstract_id
    return None


def _insert_abstract(numbering: etree._Element, abstract: etree._Element) -> None:
    existing = numbering.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
        return
    first = next(iter(numbering), None)
    while first is not None and first.tag == qn("w:numPicBullet"):
        first = first.getnext()
    if first is None:
        numbering.append(abstract)
    else:
        first.addprevious(abstract)


def _insert_num(numbering: etree._Element, num: etree._Element) -> None:
    existing = numbering.findall(qn("w:num"))
    if existing:
        existing[-1].addnext(num)
    else:
        cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            numbering.append(num)


def independent_copy(numbering: etree._Element, num_id: int) -> int | None:
    """A new list with the same levels as list ``num_id`` but its own counters; its numId.

    Used for the headings of a second column, which must count 1, 2, 3 on their own
    instead of continuing the first column's numbers.
    """
    abstract_id = None
    for num in numbering.iterchildren(qn("w:num")):
        if _int_attr(num, "w:numId") == num_id:
            ref = num.find(qn("w:abstractNumId"))
            abstract_id = None if ref is None else _int_attr(ref, "w:val")
    if abstract_id is None:
        return None
    for abstract in numbering.iterchildren(qn("w:abstractNum")):
        if _int_attr(abstract, "w:abstractNumId") != abstract_id:
            continue
        if abstract.find(qn("w:numStyleLink")) is not None:
            return None
        clone = copy.deepcopy(abstract)
        max_abstract, max_num = numbering_ids(numbering)
        new_abstract, new_num = max_abstract + 1, max_num + 1
        clone.set(qn("w:abstractNumId"), str(new_abstract))
        for tag in ("w:pStyle", "w:styleLink", "w:name"):
            for element in list(clone.iter(qn(tag))):
                element.getparent().remove(element)
        nsid = clone.find(qn("w:nsid"))
        if nsid is not None:
            nsid.set(qn("w:val"), nsid_for(f"column:{new_abstract}"))
        _insert_abstract(numbering, clone)
        _insert_num(
            numbering,
            parse(
                f'<w:num xmlns:w="{W_NS}" w:numId="{new_num}">'
                f'<w:abstractNumId w:val="{new_abstract}"/></w:num>'
            ),
        )
        return new_num
    return None


def level_for_style(numbering: etree._Element, num_id: int, style_id: str) -> int | None:
    """The level of list ``num_id`` whose ``w:pStyle`` links it to ``style_id``."""
    abstract_id = None
    for num in numbering.iterchildren(qn("w:num")):
        if _int_attr(num, "w:numId") == num_id:
            ref = num.find(qn("w:abstractNumId"))
            abstract_id = None if ref is None else _int_attr(ref, "w:val")
    for abstract in numbering.iterchildren(qn("w:abstractNum")):
        if _int_attr(abstract, "w:abstractNumId") != abstract_id:
            continue
        for level in abstract.iterchildren(qn("w:lvl")):
            pstyle = level.find(qn("w:pStyle"))
            if pstyle is not None and pstyle.get(qn("w:val")) == style_id:
                return _int_attr(level, "w:ilvl")
    return None


def nsid_for(seed: str) -> str:
    """A stable 8-hex-digit list identifier (``w:nsid``) derived from ``seed``."""
    return f"{zlib.crc32(seed.encode()) & 0xFFFFFFFF:08X}"


# -- document properties --------------------------------------------------------------

CUSTOM_PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_PROPERTY = f"{{{CUSTOM_PROPERTIES_NS}}}property"
_USER_PROPERTIES = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id of Word's own


def custom_properties(blob: bytes | None, name: str, value: str | None) -> bytes:
    """A custom properties part (``docProps/custom.xml``) with text property ``name`` set.

    ``blob`` is the part the template has, if any; its other properties are kept. A
    ``value`` of None takes the property out. Names compare as Word does, ignoring case.
    """
    root = parse(blob) if blob else None
    if root is None or root.tag != f"{{{CUSTOM_PROPERTIES_NS}}}Properties":
        root = etree.Element(
            f"{{{CUSTOM_PROPERTIES_NS}}}Properties",
            nsmap={None: CUSTOM_PROPERTIES_NS, "vt": VT_NS},
        )
    found = None
    for prop in list(root.iterchildren(_PROPERTY)):
        if (prop.get("name") or "").casefold() == name.casefold():
            if found is None and value is not None:
                found = prop
            else:
                root.remove(prop)
    if value is not None:
        if found is None:
            pids = [
                int(p.get("pid", ""))
                for p in root.iterchildren(_PROPERTY)
                if p.get("pid", "").isdigit()
            ]
            found = etree.SubElement(root, _PROPERTY)
            found.set("fmtid", _USER_PROPERTIES)
            found.set("pid", str(max(pids, default=1) + 1))  # 2 is the first a user property gets
            found.set("name", name)
        for child in list(found):
            found.remove(child)
        etree.SubElement(found, f"{{{VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
