"""Make docxtpl's Jinja template from the house template (run once, with docxtpl's Python).

``python docxtpl_template.py HOUSE.docx OUT.docx`` writes a template whose paragraphs
and tables loop over the benchmark note's content: a title, the details table, then for
each item a Heading 1, Heading 2, Normal or List Bullet paragraph of rich text, or a
four-column table with its header row; the page header and footer hold variables.
"""

import sys

import docx


def main(house: str, out: str) -> None:
    """Write the template."""
    document = docx.Document(house)
    document.add_paragraph("{{ title }}", style="Title")
    meta = document.add_table(rows=3, cols=2)
    meta.cell(0, 0).text = "{%tr for line in meta %}"
    meta.cell(1, 0).text = "{{ line[0] }}"
    meta.cell(1, 1).text = "{{ line[1] }}"
    meta.cell(2, 0).text = "{%tr endfor %}"
    document.add_paragraph("{%p for item in body %}")
    for style in ("Heading 1", "Heading 2", "Normal", "List Bullet"):
        keyword = "if" if style == "Heading 1" else "elif"
        document.add_paragraph(f"{{%p {keyword} item.kind == '{style}' %}}")
        document.add_paragraph("{{r item.rich }}", style=style)
    document.add_paragraph("{%p elif item.kind == 'table' %}")
    table = document.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    for column in range(4):
        table.cell(0, column).text = f"{{{{ item.header[{column}] }}}}"
        table.cell(2, column).text = f"{{{{ row[{column}] }}}}"
    table.cell(1, 0).text = "{%tr for row in item.rows %}"
    table.cell(3, 0).text = "{%tr endfor %}"
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    section = document.sections[0]
    section.header.paragraphs[0].text = "{{ header }}"
    section.footer.paragraphs[0].text = "{{ footer }}"
    document.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:3])
