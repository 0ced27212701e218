"""Yardstick: the benchmark note's content written with plain python-docx, as a whole process.

``python python_docx_note.py CONTENT.json TEMPLATE.docx OUT.docx`` reads the content
that benchmarks/bench_cli.py wrote (the text of the 600-paragraph note, its follow-up
tables, header and footer) and writes it through python-docx's public API only, on the
same house template: what a team would write without Clausier. It imports nothing of
Clausier's.
"""

import json
import sys

import docx


def main(content_path: str, template: str, out: str) -> None:
    """Write the content as a Word file."""
    with open(content_path, encoding="utf-8") as handle:
        content = json.load(handle)
    document = docx.Document(template)
    document.add_paragraph(content["title"], style="Title")
    meta = document.add_table(rows=len(content["meta"]), cols=2)
    for row, (label, value) in zip(meta.rows, content["meta"], strict=True):
        row.cells[0].text = label
        row.cells[1].text = value
    for item in content["body"]:
        if "table" in item:
            rows = item["table"]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for row, cells in zip(table.rows, rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
            continue
        paragraph = document.add_paragraph(style=item["style"])
        for text, bold, italic in item["spans"]:
            run = paragraph.add_run(text)
            if bold:
                run.bold = True
            if italic:
                run.italic = True
    section = document.sections[0]
    section.header.paragraphs[0].text = content["header"]
    section.footer.paragraphs[0].text = content["footer"]
    props = document.core_properties
    props.title, props.author = content["properties"]["title"], content["properties"]["author"]
    document.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])
