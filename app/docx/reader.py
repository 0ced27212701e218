"""Read an edited Word file back: its paragraphs as text, formats, marks and tracked changes.

The package comes through the hardened reader (:mod:`app.docx.package`, kind
DOCUMENT). What Word and LibreOffice add without changing the text is left out:
runs split at every word (``w:rsid…``), ``w:proofErr``, bookmarks other than ours,
smart tags, custom XML, hyperlinks and inline content controls (their text is kept),
field codes (their result is kept). Tracked changes (``w:ins``, ``w:del``,
``w:moveFrom``, ``w:moveTo``) are kept as segments with their author and date, so the
text can be read with any set of them accepted; comments as text anchored in a paragraph.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from app.docx import blockmarks, package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_OFF = ("0", "false", "off", "none")

#: Wrappers whose content is text of the paragraph like any other.
_TRANSPARENT = {W + t for t in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")}
_REVISIONS = {W + "ins": "ins", W + "del": "del", W + "moveFrom": "del", W + "moveTo": "ins"}
_MOVES = {W + "moveFrom", W + "moveTo"}


@dataclass(frozen=True)
class Revision:
    """A tracked change: an insertion or a deletion (a move is one of each), who and when."""

    id: str
    kind: str  # "ins" or "del"
    author: str
    date: str
    move: bool = False


@dataclass(frozen=True)
class Segment:
    """Characters of one format, and the tracked change that added or removed them, if any."""

    text: str
    bold: bool = False
    italic: bool = False
    revision: Revision | None = None


@dataclass
class WordParagraph:
    """One paragraph of the body as read: its segments, style, list, language and marks."""

    segments: list[Segment]
    style: str = ""
    num: tuple[int, int] | None = None  # direct (ilvl, numId)
    lang: str = ""
    table: int = -1  # which table of the body it is in (-1: none), counting from 0
    row: int = -1
    column: int = -1
    within: tuple[tuple[int, int, int], ...] = ()  # (table, row, column), outermost first
    tags: tuple[str, ...] = ()  # the content control tags around it, outermost first
    marks: set[str] = field(default_factory=set)  # Clausier bookmarks covering it
    comments: list[str] = field(default_factory=list)  # ids of comments anchored in it
    mark_revision: Revision | None = None  # its paragraph mark inserted or deleted

    def text(self, accepted: frozenset[str] | None = None) -> str:
        """The text with the tracked changes in ``accepted`` taken (None: all of them)."""
        return "".join(s.text for s in self.view(accepted))

    def view(self, accepted: frozenset[str] | None = None) -> list[Segment]:
        """The segments shown with the tracked changes in ``accepted`` taken, others refused."""
        shown = []
        for segment in self.segments:
            revision = segment.revision
            if revision is None:
                shown.append(segment)
                continue
            taken = accepted is None or revision.id in accepted
            if (revision.kind == "ins") == taken:
                shown.append(segment)
        return shown

    @property
    def revisions(self) -> list[Revision]:
        """The tracked changes in it, in order, each once."""
        seen: dict[str, Revision] = {}
        for segment in self.segments:
            if segment.revision is not None:
                seen.setdefault(segment.revision.id, segment.revision)
        if self.mark_revision is not None:
            seen.setdefault(self.mark_revision.id, self.mark_revision)
        return list(seen.values())

    def exists(self, accepted: frozenset[str] | None = None) -> bool:
        """Whether the paragraph is there with ``accepted`` taken (an inserted one only if taken)."""
        revision = self.mark_revision
        if revision is None:
            return True
        taken = accepted is None or revision.id in accepted
        if revision.kind == "ins":
            return taken
        return not taken or bool(self.text(accepted).strip())


@dataclass(frozen=True)
class Comment:
    """A comment in the margin: who, when, what."""

    id: str
    author: str
    date: str
    text: str


@dataclass
class WordFile:
    """An edited Word file as the reconciliation needs it."""

    name: str
    paragraphs: list[WordParagraph]
    comments: dict[str, Comment]
    title: str  # the document's title property (an export writes the note's subject)
    list_kinds: dict[int, dict[int, str]]  # numId → level → "bullet" or "numbered"
    style_lists: dict[str, tuple[int, int]]  # paragraph style id → its (ilvl, numId)
    style_names: dict[str, str]  # style id → lower-case name
    tables: int = 0  # how many tables the body has (nested ones included)

    @property
    def has_marks(self) -> bool:
        """Whether any Clausier bookmark is left in the file."""
        return any(p.marks for p in self.paragraphs)

    @property
    def has_tags(self) -> bool:
        """Whether any Clausier content control tag is left in the file."""
        return any(t.startswith("clausier:") for p in self.paragraphs for t in p.tags)

    def list_of(self, paragraph: WordParagraph) -> tuple[str, int] | None:
        """The paragraph's list ("bullet" or "numbered") and level, or None when not in one."""
        num = paragraph.num or self.style_lists.get(paragraph.style)
        if num is None or num[1] == 0:
            return None
        kinds = self.list_kinds.get(num[1], {})
        return kinds.get(num[0], kinds.get(0, "bullet")), num[0]


def read(path: Path | str) -> WordFile:
    """Read the Word file at ``path`` through the hardened package reader."""
    checked = package.read_file(path, package.DOCUMENT)
    return from_package(checked)


def from_package(checked: package.Package) -> WordFile:
    """The reconciliation's view of a checked package."""
    parts = _related(checked)
    reader = _BodyReader()
    body = checked.document.find(W + "body")
    reader.blocks(body, ())
    reader.close_marks()
    styles = checked.trees.get(parts.get("styles", ""))
    numbering = checked.trees.get(parts.get("numbering", ""))
    return WordFile(
        checked.name,
        reader.paragraphs,
        _comments(checked.trees.get(parts.get("comments", ""))),
        _title(checked),
        _list_kinds(numbering),
        _style_lists(styles),
        _style_names(styles),
        reader.table_count,
    )


def _related(checked: package.Package) -> dict[str, str]:
    """The main part's related parts by kind (``comments``, ``styles``, ``numbering``)."""
    folder, base = posixpath.split(checked.main)
    rels = checked.trees.get(posixpath.join(folder, "_rels", base + ".rels"))
    found: dict[str, str] = {}
    if rels is None:
        return found
    for rel in rels.iterchildren(_REL + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = posixpath.normpath(posixpath.join(folder, rel.get("Target") or ""))
        found.setdefault(kind, target.lstrip("/"))
    return found


def _title(checked: package.Package) -> str:
    rels = checked.trees.get("_rels/.rels")
    for rel in rels.iterchildren(_REL + "Relationship") if rels is not None else ():
        if rel.get("Type") == _CORE:
            core = checked.trees.get((rel.get("Target") or "").lstrip("/"))
            title = core.find(_DC + "title") if core is not None else None
            return (title.text or "").strip() if title is not None else ""
    return ""


def _on(element: etree._Element | None) -> bool:
    return element is not None and (element.get(W + "val") or "").lower() not in _OFF


class _BodyReader:
    """Walks the body once, in document order, collecting paragraphs and mark ranges."""

    def __init__(self) -> None:
        self.paragraphs: list[WordParagraph] = []
        self.table_count = 0
        self._cells: list[tuple[int, int, int]] = []
        self._starts: dict[str, int] = {}  # bookmark name → first paragraph it starts in
        self._ids: dict[str, str] = {}  # bookmark id → name
        self._ends: dict[str, int] = {}  # bookmark name → last paragraph it ends after
        self._comment_starts: dict[str, int] = {}

    # -- blocks ------------------------------------------------------------------

    def blocks(self, parent: etree._Element | None, tags: tuple[str, ...]) -> None:
        for child in parent if parent is not None else ():
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, tags)
            elif tag == W + "tbl":
                self.table(child, tags)
            elif tag == W + "sdt":
                self.blocks(child.find(W + "sdtContent"), (*tags, _sdt_tag(child)))
            elif tag in (W + "customXml", *_REVISIONS):
                self.blocks(child, tags)
            else:  # a mark between paragraphs: a start counts from the next, an end the last
                ends = child.tag == W + "bookmarkEnd"
                self.marker(child, len(self.paragraphs) - ends)

    def table(self, table: etree._Element, tags: tuple[str, ...]) -> None:
        number = self.table_count
        self.table_count += 1
        rows = [r for r in _rows(table)]
        for row_index, row in enumerate(rows):
            cells = [c for c in _cells(row)]
            for column, cell in enumerate(cells):
                self._cells.append((number, row_index, column))
                self.blocks(cell, tags)
                self._cells.pop()

    def marker(self, element: etree._Element, at: int) -> None:
        """A bookmark or comment range start (in paragraph ``at``) or end (after ``at - 1``)."""
        tag = element.tag
        if tag == W + "bookmarkStart":
            name = element.get(W + "name") or ""
            if blockmarks.parse(name):
                self._ids[element.get(W + "id") or ""] = name
                self._starts.setdefault(name, at)
        elif tag == W + "bookmarkEnd":
            name = self._ids.get(element.get(W + "id") or "")
            if name:
                self._ends[name] = max(self._ends.get(name, -1), at)
        elif tag == W + "commentRangeStart":
            self._comment_starts.setdefault(element.get(W + "id") or "", at)

    def close_marks(self) -> None:
        """Give each paragraph the Clausier bookmarks whose range covers it."""
        for name, start in self._starts.items():
            end = self._ends.get(name, start)
            for index in range(start, min(end, len(self.paragraphs) - 1) + 1):
                self.paragraphs[index].marks.add(name)
        for comment, at in self._comment_starts.items():
            if at < len(self.paragraphs) and comment not in self.paragraphs[at].comments:
                self.paragraphs[at].comments.append(comment)
            for paragraph in self.paragraphs[at + 1 :]:
                if comment in paragraph.comments:
                    paragraph.comments.remove(comment)

    # -- paragraphs ----------------------------------------------------------------

    def paragraph(self, element: etree._Element, tags: tuple[str, ...]) -> None:
        index = len(self.paragraphs)
        ppr = element.find(W + "pPr")
        style, num, lang, mark = "", None, "", None
        if ppr is not None:
            pstyle = ppr.find(W + "pStyle")
            style = pstyle.get(W + "val", "") if pstyle is not None else ""
            num = _num(ppr.find(W + "numPr"))
            rpr = ppr.find(W + "rPr")
            if rpr is not None:
                lang = _lang(rpr)
                for kind in ("ins", "del", "moveFrom", "moveTo"):
                    changed = rpr.find(W + kind)
                    if changed is not None:
                        mark = _revision(changed, kind in ("moveFrom", "moveTo"))
        where = self._cells[-1] if self._cells else (-1, -1, -1)
        paragraph = WordParagraph(
            [], style, num, lang, *where, tuple(self._cells), tags=tags, mark_revision=mark
        )
        self.paragraphs.append(paragraph)
        inner = list(tags)
        self._fields: list[bool] = []  # per open field: whether its result is being read
        for run, revision, extra_tags in self._runs(element, None, ()):
            for tag in extra_tags:
                if tag not in inner:
                    inner.append(tag)
            self._run(paragraph, run, revision, index)
        paragraph.tags = tuple(inner)
        paragraph.segments = _joined(paragraph.segments)

    def _runs(
        self, parent: etree._Element, revision: Revision | None, tags: tuple[str, ...]
    ) -> Iterator[tuple[etree._Element, Revision | None, tuple[str, ...]]]:
        at = len(self.paragraphs) - 1
        for child in parent:
            tag = child.tag
            if tag == W + "r":
                yield child, revision, tags
            elif tag in _REVISIONS:
                kind = _REVISIONS[tag]
                found = _revision(child, tag in _MOVES, kind)
                yield from self._runs(child, found, tags)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self._runs(content, revision, (*tags, _sdt_tag(child)))
            elif tag in _TRANSPARENT:
                yield from self._runs(child, revision, tags)
            else:
                self.marker(child, at)

    def _run(
        self, paragraph: WordParagraph, run: etree._Element, revision: Revision | None, at: int
    ) -> None:
        rpr = run.find(W + "rPr")
        bold = italic = hidden = False
        if rpr is not None:
            bold, italic, hidden = (
                _on(rpr.find(W + "b")),
                _on(rpr.find(W + "i")),
                _on(rpr.find(W + "vanish")),
            )
            if not paragraph.lang:
                paragraph.lang = _lang(rpr)
        pieces: list[str] = []
        for child in run:
            tag = child.tag
            if tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    self._fields.append(False)
                elif kind == "separate" and self._fields:
                    self._fields[-1] = True
                elif kind == "end" and self._fields:
                    self._fields.pop()
                continue
            if self._fields and not self._fields[-1]:
                continue  # a field's code, not its result
            if tag in (W + "t", W + "delText"):
                pieces.append(child.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                pieces.append("\t")
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") in (None, "textWrapping"):
                    pieces.append("\n")
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag == W + "sym":
                pieces.append(_symbol(child))
            elif tag == W + "commentReference":
                self._comment_starts.setdefault(child.get(W + "id") or "", at)
        text = "".join(pieces)
        if text and not hidden:
            paragraph.segments.append(Segment(text, bold, italic, revision))


def _symbol(element: etree._Element) -> str:
    try:
        return chr(int(element.get(W + "char") or "", 16))
    except ValueError:
        return ""


def _joined(segments: list[Segment]) -> list[Segment]:
    """Neighbouring segments of one format and one change made one (runs split by rsids)."""
    out: list[Segment] = []
    for segment in segments:
        last = out[-1] if out else None
        if (
            last is not None
            and last.bold == segment.bold
            and last.italic == segment.italic
            and last.revision == segment.revision
        ):
            out[-1] = Segment(last.text + segment.text, last.bold, last.italic, last.revision)
        else:
            out.append(segment)
    return out


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        if child.tag == W + "tr":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            yield from _rows(content) if content is not None else ()


def _cells(row: etree._Element) -> Iterator[etree._Element]:
    for child in row:
        if child.tag == W + "tc":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            yield from _cells(content) if content is not None else ()


def _sdt_tag(sdt: etree._Element) -> str:
    tag = sdt.find(f"{W}sdtPr/{W}tag")
    return (tag.get(W + "val") or "") if tag is not None else ""


def _lang(rpr: etree._Element) -> str:
    lang = rpr.find(W + "lang")
    return (lang.get(W + "val") or "") if lang is not None else ""


def _num(numpr: etree._Element | None) -> tuple[int, int] | None:
    if numpr is None:
        return None
    ilvl, num_id = numpr.find(W + "ilvl"), numpr.find(W + "numId")
    try:
        level = int(ilvl.get(W + "val", "0")) if ilvl is not None else 0
        return (level, int(num_id.get(W + "val", "0"))) if num_id is not None else None
    except ValueError:
        return None


def _revision(element: etree._Element, move: bool, kind: str | None = None) -> Revision:
    if kind is None:
        kind = "del" if element.tag in (W + "del", W + "moveFrom") else "ins"
    return Revision(
        element.get(W + "id") or "",
        kind,
        element.get(W + "author") or "",
        element.get(W + "date") or "",
        move,
    )


def _comments(root: etree._Element | None) -> dict[str, Comment]:
    found: dict[str, Comment] = {}
    for comment in root.iterchildren(W + "comment") if root is not None else ():
        paragraphs = []
        for p in comment.iter(W + "p"):
            paragraphs.append("".join(t.text or "" for t in p.iter(W + "t")))
        cid = comment.get(W + "id") or ""
        found[cid] = Comment(
            cid,
            comment.get(W + "author") or "",
            comment.get(W + "date") or "",
            "\n".join(paragraphs).strip(),
        )
    return found


def _list_kinds(numbering: etree._Element | None) -> dict[int, dict[int, str]]:
    if numbering is None:
        return {}
    abstracts: dict[str, dict[int, str]] = {}
    for abstract in numbering.iterchildren(W + "abstractNum"):
        levels: dict[int, str] = {}
        for level in abstract.iterchildren(W + "lvl"):
            fmt = level.find(W + "numFmt")
            value = fmt.get(W + "val", "") if fmt is not None else ""
            try:
                levels[int(level.get(W + "ilvl", "0"))] = (
                    "bullet" if value in ("bullet", "none", "") else "numbered"
                )
            except ValueError:
                continue
        abstracts[abstract.get(W + "abstractNumId", "")] = levels
    kinds: dict[int, dict[int, str]] = {}
    for num in numbering.iterchildren(W + "num"):
        ref = num.find(W + "abstractNumId")
        try:
            num_id = int(num.get(W + "numId", "0"))
        except ValueError:
            continue
        kinds[num_id] = abstracts.get(ref.get(W + "val", "") if ref is not None else "", {})
    return kinds


def _style_lists(styles: etree._Element | None) -> dict[str, tuple[int, int]]:
    if styles is None:
        return {}
    own: dict[str, tuple[int, int]] = {}
    based: dict[str, str] = {}
    for style in styles.iterchildren(W + "style"):
        style_id = style.get(W + "styleId", "")
        num = _num(style.find(f"{W}pPr/{W}numPr"))
        if num is not None:
            own[style_id] = num
        parent = style.find(W + "basedOn")
        if parent is not None:
            based[style_id] = parent.get(W + "val", "")
    found = {}
    for style_id in {*own, *based}:
        current, seen = style_id, set()
        while current and current not in own and current not in seen:
            seen.add(current)
            current = based.get(current, "")
        if current in own:
            found[style_id] = own[current]
    return found


def _style_names(styles: etree._Element | None) -> dict[str, str]:
    names: dict[str, str] = {}
    for style in styles.iterchildren(W + "style") if styles is not None else ():
        name = style.find(W + "name")
        names[style.get(W + "styleId", "")] = (
            (name.get(W + "val") or "").lower() if name is not None else ""
        )
    return names
