"""Yardstick: the benchmark note's content rendered with docxtpl, as a whole process.

``python docxtpl_note.py CONTENT.json TEMPLATE.docx OUT.docx``, run with the Python of
docxtpl's own virtual environment (never the project's), renders the Jinja template that
docxtpl_template.py made from the house template with the content benchmarks/bench_cli.py
wrote: the same title, details, headings, paragraphs with bold and italic runs, bullets,
follow-up tables, header and footer as the other writers. It imports nothing of Clausier's.
"""

import json
import sys

from docxtpl import DocxTemplate, RichText


def main(content_path: str, template: str, out: str) -> None:
    """Render the template with the content."""
    with open(content_path, encoding="utf-8") as handle:
        content = json.load(handle)
    body = []
    for item in content["body"]:
        if "table" in item:
            body.append({"kind": "table", "header": item["table"][0], "rows": item["table"][1:]})
            continue
        rich = RichText()
        for text, bold, italic in item["spans"]:
            rich.add(text, bold=bold or None, italic=italic or None)
        body.append({"kind": item["style"], "rich": rich})
    document = DocxTemplate(template)
    document.render(
        {
            "title": content["title"],
            "meta": content["meta"],
            "body": body,
            "header": content["header"],
            "footer": content["footer"],
        }
    )
    props = document.docx.core_properties if document.docx is not None else None
    if props is not None:
        props.title, props.author = content["properties"]["title"], content["properties"]["author"]
    document.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])
