"""A rendering plan as HTML for the preview, so the window shows exactly what Word gets."""

from __future__ import annotations

from html import escape

from app.docx.plan import ClauseFrame, DocumentPlan, Mark, Paragraph, SideBySide, Span, Style, Table
from app.text.numbering import number_format

#: How each mark looks in the preview (Word gets the same marks as highlighting).
MARK_STYLES = {
    Mark.MISSING: "background-color:#ffd9d9; color:#9b1c1c;",
    Mark.UNFILLED: "background-color:#ffeaa0; color:#6b4a00;",
    Mark.VARIABLE: "background-color:#e3eefc;",
}

PAGE_STYLE = """
body { font-family: 'Calibri', 'Carlito', 'Liberation Sans', sans-serif; color: #1a1a1a; }
h1 { font-size: 15pt; margin-top: 6px; margin-bottom: 10px; }
h2 { font-size: 12.5pt; margin-top: 14px; margin-bottom: 4px; color: #1f3864; }
h3 { font-size: 11pt; margin-top: 10px; margin-bottom: 4px; color: #1f3864; }
p { margin-top: 0px; margin-bottom: 6px; }
.classification { font-weight: bold; text-align: center; }
.meta td { padding: 1px 8px 1px 0px; }
.frame-caption { color: #6b7480; font-size: 8pt; margin-bottom: 2px; }
.clause-title { font-weight: bold; color: #2f5496; margin-bottom: 2px; }
.quotation { margin-left: 16px; margin-right: 16px; margin-bottom: 3px; }
.citation { margin-left: 16px; margin-right: 16px; font-size: 8.5pt; color: #404040; }
"""


def span_html(span: Span) -> str:
    """One run of text, marked and styled."""
    text = escape(span.text).replace("\n", "<br/>")
    if span.superscript:
        text = f"<sup>{text}</sup>"
    if span.bold:
        text = f"<b>{text}</b>"
    if span.italic:
        text = f"<i>{text}</i>"
    style = MARK_STYLES.get(span.mark)
    if style:
        text = f"<span style='{style}'>{text}</span>"
    return text


def spans_html(spans: list[Span]) -> str:
    """Runs of text joined."""
    return "".join(span_html(span) for span in spans)


_TAGS = {Style.TITLE: "h1", Style.HEADING1: "h2", Style.HEADING2: "h3"}


def paragraph_html(paragraph: Paragraph) -> str:
    """A paragraph with its style (bullets are handled by :func:`items_html`)."""
    body = spans_html(paragraph.spans) or "&nbsp;"
    tag = _TAGS.get(paragraph.style)
    if tag:
        return f"<{tag}>{body}</{tag}>"
    if paragraph.style is Style.CLAUSE_TITLE:
        return f"<p class='clause-title'>{body}</p>"
    if paragraph.style is Style.QUOTATION:  # Qt's rich text draws no border: a bar instead
        return (
            "<table cellspacing='0' cellpadding='0' width='100%'><tr>"
            "<td width='3' style='background-color:#2f5496;'></td>"
            f"<td><p class='quotation'>{body}</p></td></tr></table>"
        )
    if paragraph.style is Style.CITATION:
        return f"<p class='citation' align='right'>{body}</p>"
    return f"<p>{body}</p>"


def frame_html(frame: ClauseFrame, caption: str) -> str:
    """A library clause, boxed as Word's content control is, with its lead-in as Word has it."""
    lead_in = [frame.lead_in] if frame.lead_in is not None else []
    citation = [frame.citation] if frame.citation is not None else []
    inner = items_html([*lead_in, *frame.paragraphs, *citation])
    return (
        "<table width='100%' cellspacing='0' cellpadding='6' "
        "style='background-color:#f4f6f9; border-color:#d5dbe3; border-style:solid; margin-bottom:6px;' "
        "border='1'>"
        f"<tr><td><p class='frame-caption'>{escape(caption)}</p>{inner}</td></tr></table>"
    )


def table_html(table: Table) -> str:
    """A follow-up table with its header row."""
    total = sum(table.widths) or 1
    widths = [int(100 * w / total) for w in table.widths] or []
    cells = []
    for index, cell in enumerate(table.header):
        width = f" width='{widths[index]}%'" if index < len(widths) else ""
        cells.append(
            f"<th{width} style='background-color:#e8edf3;' align='left'>{items_html(cell)}</th>"
        )
    rows = ["<tr>" + "".join(cells) + "</tr>"]
    for row in table.rows:
        rows.append(
            "<tr>" + "".join(f"<td valign='top'>{items_html(cell)}</td>" for cell in row) + "</tr>"
        )
    return (
        "<table width='100%' cellspacing='0' cellpadding='4' border='1' "
        "style='border-color:#9aa5b1; border-style:solid; margin-bottom:8px;'>"
        + "".join(rows)
        + "</table>"
    )


def side_by_side_html(block: SideBySide) -> str:
    """French and Dutch in two columns, one row per block."""
    rows = []
    for left, right in block.rows:
        rows.append(
            f"<tr><td width='50%' valign='top'>{items_html(left)}</td>"
            f"<td width='50%' valign='top'>{items_html(right)}</td></tr>"
        )
    return "<table width='100%' cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>"


_LIST_TYPES = {"decimal": "1", "lowerLetter": "a", "lowerRoman": "i"}
_LIST_MARGINS = "margin-top:0px; margin-bottom:6px;"


def _list_tag(paragraph: Paragraph, nested: bool) -> str:
    """The opening tag of the list ``paragraph`` is an item of: <ul>, or <ol> counting as Word does."""
    margins = "margin-top:0px; margin-bottom:0px;" if nested else _LIST_MARGINS
    if paragraph.style is Style.BULLET:
        return f"<ul style='{margins}'>"
    kind = number_format(paragraph.level)
    # Qt reads the suffix from its own property: "a)" as Word writes the second level.
    suffix = ' -qt-list-number-suffix:")";' if kind == "lowerLetter" else ""
    return f"<ol type='{_LIST_TYPES[kind]}' style='{margins}{suffix}'>"


def list_html(paragraphs: list[Paragraph]) -> str:
    """Consecutive list items as nested <ul> and <ol> lists.

    A list opens at each level change deeper, and again at the same level when the kind
    or the plan's list changes, so the second of two numbered lists counts from 1, as
    in Word.
    """
    out: list[str] = []
    open_lists: list[tuple[int, Style, int]] = []  # level, style, list id

    def close() -> None:
        out.append("</li></ul>" if open_lists.pop()[1] is Style.BULLET else "</li></ol>")

    for item in paragraphs:
        while open_lists and open_lists[-1][0] > item.level:
            close()
        key = (item.level, item.style, item.list_id)
        if open_lists and open_lists[-1][0] == item.level and open_lists[-1] != key:
            close()
        if open_lists and open_lists[-1] == key:
            out.append("</li>")
        else:
            out.append(_list_tag(item, nested=bool(open_lists)))
            open_lists.append(key)
        out.append(f"<li>{spans_html(item.spans) or '&nbsp;'}")
    while open_lists:
        close()
    return "".join(out)


def items_html(items: list) -> str:
    """Plan items in order; consecutive list items become lists (nested by level)."""
    out: list[str] = []
    listed: list[Paragraph] = []

    def flush() -> None:
        if listed:
            out.append(list_html(listed))
            listed.clear()

    for item in items:
        if isinstance(item, Paragraph) and item.style in (Style.BULLET, Style.NUMBER):
            listed.append(item)
            continue
        flush()
        if isinstance(item, Paragraph):
            out.append(paragraph_html(item))
        elif isinstance(item, ClauseFrame):
            # The caption names the control (Word shows its tag); the title is the lead-in's.
            out.append(frame_html(item, item.clause_id))
        elif isinstance(item, Table):
            out.append(table_html(item))
        elif isinstance(item, SideBySide):
            out.append(side_by_side_html(item))
    flush()
    return "".join(out)


def plan_to_html(plan: DocumentPlan) -> str:
    """The whole plan as one HTML page, its classification above and below as on each page."""
    parts = [f"<html><head><style>{PAGE_STYLE}</style></head><body>"]
    if plan.classification:
        parts.append(f"<p class='classification'>{spans_html(plan.classification)}</p>")
    for line in plan.place_lines:
        parts.append(f"<p align='right'>{spans_html(line.spans)}</p>")
    parts.append(paragraph_html(plan.title))
    if plan.meta:
        rows = "".join(
            f"<tr><td valign='top'>{spans_html(line.label.spans)}</td>"
            f"<td valign='top'>{spans_html(line.value.spans)}</td></tr>"
            for line in plan.meta
        )
        parts.append(
            f"<table class='meta' cellspacing='0' style='margin-bottom:14px;'>{rows}</table>"
        )
    parts.append(items_html(plan.body))
    if plan.classification:  # as Word marks each page at the top and at the bottom
        parts.append(f"<p class='classification'>{spans_html(plan.classification)}</p>")
    parts.append("</body></html>")
    return "".join(parts)
