"""Text pasted from Word, LibreOffice or a browser: its bold, italic and lists, nothing else.

The clipboard's HTML is read with the standard library's parser: fonts, colours, sizes,
styles, tables and images are dropped, paragraphs, list items (with their levels) and
bold and italic runs are kept. Word's own lists are paragraphs marked ``mso-list`` with
the bullet or number written as text in a ``mso-list:Ignore`` span; that mark gives
the kind and the level, and the written marker is left out. Only what the clipboard
marks as the fragment (``<!--StartFragment-->`` … ``<!--EndFragment-->``) is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from app.text.richtext import MAX_LEVEL, ListKind, RichText, TextParagraph, TextRun, paragraph, rich

_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote pre tr td th dt dd address article section "
    "header footer caption".split()
)
_SKIPPED = frozenset("head style script title xml template noscript object".split())
_VOID = frozenset("br hr img input meta link col area base wbr".split())
_SPACES = re.compile(r"[ \t\n\r\f]+")
_MSO_LEVEL = re.compile(r"\blevel(\d+)\b")
_NUMBERED_MARKER = re.compile(r"^\(?(?:\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]")


def _css(style: str | None) -> dict[str, str]:
    """The declarations of a ``style`` attribute, names in lower case."""
    found: dict[str, str] = {}
    for declaration in (style or "").split(";"):
        name, _, value = declaration.partition(":")
        if value:
            found[name.strip().lower()] = value.strip().strip("'\"").lower()
    return found


def _weight(value: str) -> bool | None:
    """Whether a CSS ``font-weight`` is bold (None: not a weight)."""
    if value in ("bold", "bolder"):
        return True
    if value in ("normal", "lighter"):
        return False
    if value.isdigit():
        return int(value) >= 600
    return None


@dataclass
class _Element:
    tag: str
    bold: bool
    italic: bool
    pre: bool
    skip: bool
    marker: bool  # Word's written bullet or number: read for its kind, left out
    list_kind: ListKind | None = None  # for <ul> and <ol>


@dataclass
class _Paragraph:
    runs: list[TextRun] = field(default_factory=list)
    kind: ListKind = ListKind.PLAIN
    level: int = 0
    word_level: int | None = None  # Word's mso-list level, awaiting its marker's kind
    marker: str = ""


class _Reader(HTMLParser):
    """Collects paragraphs of runs while it walks the HTML."""

    def __init__(self, fragment_only: bool, qt: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.qt = qt  # Qt's own HTML keeps the spaces of its paragraphs (white-space: pre-wrap)
        self.stack: list[_Element] = [_Element("", False, False, False, False, False)]
        self.lists: list[ListKind] = []
        self.paragraphs: list[TextParagraph] = []
        self.current = _Paragraph()
        self.capturing = not fragment_only

    # -- structure ---------------------------------------------------------------

    def _finish(self) -> None:
        item = self.current
        if item.word_level is not None:
            numbered = _NUMBERED_MARKER.match(item.marker.strip())
            item.kind = ListKind.NUMBERED if numbered else ListKind.BULLET
            item.level = item.word_level
        if item.runs or item.kind is not ListKind.PLAIN:
            self.paragraphs.append(paragraph(_trim(item.runs), item.kind, item.level))
        elif self.paragraphs:  # a blank line between paragraphs is kept, not around them
            self.paragraphs.append(paragraph(()))
        self.current = _Paragraph()

    def _start_block(self, tag: str, style: dict[str, str]) -> None:
        if self.current.runs:
            self._finish()
        if tag == "li" and self.lists:
            self.current.kind = self.lists[-1]
            self.current.level = min(len(self.lists) - 1, MAX_LEVEL)
        mso = style.get("mso-list", "")
        found = _MSO_LEVEL.search(mso)
        if found and "ignore" not in mso:
            self.current.word_level = min(max(int(found.group(1)) - 1, 0), MAX_LEVEL)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        values = dict(attrs)
        style = _css(values.get("style"))
        parent = self.stack[-1]
        if tag == "br":
            if not parent.skip and self.capturing:
                if self.lists or self.current.kind is not ListKind.PLAIN:
                    self._text(" ")
                else:
                    self._finish()
            return
        if tag in _VOID:
            return
        bold, italic = parent.bold, parent.italic
        if tag in ("b", "strong"):
            bold = True
        elif tag in ("i", "em", "cite", "var", "dfn"):
            italic = True
        weight = _weight(style.get("font-weight", ""))
        if weight is not None:
            bold = weight
        if style.get("font-style") in ("italic", "oblique"):
            italic = True
        elif style.get("font-style") == "normal":
            italic = False
        pre = (
            parent.pre
            or tag == "pre"
            or style.get("white-space", "").startswith("pre")
            or (self.qt and tag in ("p", "li"))
        )
        skip = parent.skip or tag in _SKIPPED
        marker = parent.marker or "ignore" in style.get("mso-list", "")
        element = _Element(tag, bold, italic, pre, skip, marker)
        if tag in ("ul", "ol"):
            element.list_kind = ListKind.NUMBERED if tag == "ol" else ListKind.BULLET
            if self.current.runs:
                self._finish()
            self.lists.append(element.list_kind)
        elif tag in _BLOCKS and not skip:
            self._start_block(tag, style)
        self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in _VOID:
            return
        # Close up to the matching element; an end tag that matches nothing is ignored.
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                break
        else:
            return
        while len(self.stack) > depth:
            element = self.stack.pop()
            if element.list_kind is not None and self.lists:
                if self.current.runs:
                    self._finish()
                self.lists.pop()
            elif element.tag in _BLOCKS and not element.skip and self.current.runs:
                self._finish()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag.lower() not in _VOID:
            self.handle_endtag(tag)

    def handle_comment(self, data: str) -> None:
        marker = data.strip().lower()
        if marker == "startfragment":
            self.capturing = True
        elif marker == "endfragment":
            self.capturing = False

    # -- text ----------------------------------------------------------------------

    def _text(self, text: str) -> None:
        element = self.stack[-1]
        if element.marker:
            self.current.marker += text
            return
        runs = self.current.runs
        if runs and runs[-1].bold == element.bold and runs[-1].italic == element.italic:
            runs[-1] = TextRun(runs[-1].text + text, element.bold, element.italic)
        else:
            runs.append(TextRun(text, element.bold, element.italic))

    def handle_data(self, data: str) -> None:
        element = self.stack[-1]
        if element.skip or not self.capturing:
            return
        if not element.pre:
            data = _SPACES.sub(" ", data)
            if not self.current.runs or self.current.runs[-1].text.endswith(" "):
                data = data.lstrip(" ")
        else:
            data = data.replace("\r\n", "\n").replace("\r", "\n")
            lines = data.split("\n")
            for line in lines[:-1]:
                if line:
                    self._text(line)
                self._finish()
            data = lines[-1]
        if data:
            self._text(data)

    def result(self) -> list[TextParagraph]:
        """The paragraphs read, without blank ones at the two ends."""
        self._finish()
        paragraphs = self.paragraphs
        while paragraphs and not paragraphs[-1].runs and not paragraphs[-1].is_list_item:
            paragraphs.pop()
        return paragraphs


def _trim(runs: list[TextRun]) -> list[TextRun]:
    """Runs without the collapsible spaces at the two ends (no-break spaces of an empty line too)."""
    out = [r for r in runs if r.text]
    while out and not out[0].text.strip(" \xa0"):
        out.pop(0)
    if out:
        out[0] = TextRun(out[0].text.lstrip(" "), out[0].bold, out[0].italic)
    while out and not out[-1].text.strip(" \xa0"):
        out.pop()
    if out:
        out[-1] = TextRun(out[-1].text.rstrip(" "), out[-1].bold, out[-1].italic)
    return out


def from_html(html: str) -> RichText | None:
    """The text of clipboard HTML with only its bold, italic and lists; None when it has none."""
    lowered = html.lower()
    fragment_only = "<!--startfragment" in lowered.replace(" ", "")
    reader = _Reader(fragment_only, qt='name="qrichtext"' in lowered)
    reader.feed(html)
    reader.close()
    paragraphs = reader.result()
    if not any(p.runs or p.is_list_item for p in paragraphs):
        return None
    return rich(paragraphs)
