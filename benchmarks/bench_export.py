"""Benchmark the Word export against plain python-docx and a bare lxml + zipfile writer.

Run ``python benchmarks/bench_export.py [--repeat N]`` from the project root. It
builds one big note (60 headings, 600 paragraphs of accented French, 10 tables
of 10 rows; deterministic) and prints, best of N runs each, the time of
(a) Clausier's ``export_plan``, (b) the same content written with the plain
python-docx API, (c) a bare lxml + zipfile writer of an equivalent document.xml
into a copy of the template's parts, and the ratios. Target: (a) ≤ 0.5 × (b).
"""

from __future__ import annotations

import argparse
import io
import platform
import random
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.docx.plan import DocumentPlan, MetaLine, Paragraph, Span, Style, Table  # noqa: E402

_SUBJECTS = [
    "Les ministres de l’Intérieur",
    "Le centre de crise",
    "L’Organe de coordination pour l’analyse de la menace",
    "La Sûreté de l’État",
    "Le magistrat de liaison",
    "Les équipes communes d’enquête",
    "Le Conseil JAI",
    "Les services de police fédérale",
]
_VERBS = [
    "réaffirment leur détermination à",
    "s’engagent à",
    "poursuivront leurs efforts afin de",
    "examineront la possibilité de",
    "veilleront à",
    "continueront à œuvrer pour",
]
_OBJECTS = [
    "renforcer l’échange d’informations sur les combattants terroristes étrangers",
    "améliorer la coopération dans les centres de coopération policière et douanière",
    "prévenir la radicalisation violente dans les établissements pénitentiaires",
    "faciliter l’accès à la preuve numérique détenue par les fournisseurs de services",
    "alimenter systématiquement le Système d’Information Schengen",
    "contrôler la vente des précurseurs d’explosifs",
    "accompagner le retour des mineurs revenants et de leurs familles",
    "élaborer une réponse européenne cohérente à la menace hybride",
]
_TAILS = [
    "dans le respect du RGPD et de la jurisprudence de la CJUE",
    "d’ici la fin de l’année, à la lumière des recommandations déjà formulées",
    "en étroite concertation avec les entités fédérées et les partenaires européens",
    "selon un calendrier à préciser lors de la prochaine réunion ministérielle",
    "grâce à des moyens budgétaires supplémentaires dégagés à cet effet",
]
_SERVICES = ["SPF Intérieur", "Police fédérale", "OCAM", "SPF Justice", "Centre de crise"]


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}, "
        f"{rng.choice(_TAILS)}."
    )


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _p(text: str, style: Style = Style.BODY) -> Paragraph:
    return Paragraph([Span(text)], "fr", style)


def big_plan(headings: int = 60, paragraphs: int = 600, tables: int = 10) -> DocumentPlan:
    """The benchmark note: deterministic, realistic French with accents and apostrophes."""
    rng = random.Random(20180611)
    body: list = []
    per_heading = paragraphs // headings
    table_every = headings // tables
    for h in range(headings):
        style = Style.HEADING1 if h % 3 == 0 else Style.HEADING2
        body.append(_p(f"Thème {h + 1} : coopération et sécurité européenne", style))
        for k in range(per_heading):
            text = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
            if k % 4 == 3:
                body.append(
                    Paragraph(
                        [
                            Span("Point d’attention : ", bold=True),
                            Span(text),
                            Span(" (à confirmer)", italic=True),
                        ],
                        "fr",
                    )
                )
            else:
                body.append(_p(text, Style.BULLET if k % 5 == 4 else Style.BODY))
        if h % table_every == table_every - 1:
            header = [
                [_p(t, Style.TABLE_TEXT)]
                for t in ("Engagement", "État des lieux", "Service pilote", "Échéance")
            ]
            rows = [
                [
                    [_p(_upper_first(rng.choice(_OBJECTS)), Style.TABLE_TEXT)],
                    [_p(_upper_first(rng.choice(_TAILS)) + ".", Style.TABLE_TEXT)],
                    [_p(rng.choice(_SERVICES), Style.TABLE_TEXT)],
                    [_p(f"{rng.randint(1, 28)} juin 2019", Style.TABLE_TEXT)],
                ]
                for _ in range(10)
            ]
            body.append(Table(header=header, rows=rows, widths=[4, 3, 2, 1.5]))
    meta = [
        MetaLine(_p(label, Style.META_LABEL), _p(value, Style.META_VALUE))
        for label, value in (
            ("À", "Monsieur le Ministre de l’Intérieur"),
            ("De", "Cellule stratégique — sécurité"),
            ("Date", "lundi 11 juin 2018"),
            ("Objet", "Déclaration conjointe franco-belge « Val Duchesse II »"),
        )
    ]
    return DocumentPlan(
        languages=("fr",),
        title=_p("Note au Ministre — Déclaration de Val Duchesse II", Style.TITLE),
        meta=meta,
        body=body,
        classification=[Span("DIFFUSION RESTREINTE")],
        page_label=[Span("Page")],
        properties_title="Note au Ministre — Val Duchesse II",
        properties_author="Cabinet du Ministre de l’Intérieur",
        properties_subject="Val Duchesse II",
        created=datetime(2018, 6, 11, 9, 0),
    )


_STYLE_NAMES = {
    Style.TITLE: "Title",
    Style.HEADING1: "Heading 1",
    Style.HEADING2: "Heading 2",
    Style.BODY: "Normal",
    Style.BULLET: "List Bullet",
    Style.TABLE_TEXT: "Clausier Table Text",
    Style.META_LABEL: "Clausier Meta Label",
    Style.META_VALUE: "Clausier Meta Value",
}


def big_note(plan: DocumentPlan):
    """The same content as a note, so the whole export (typography, dates, plan) is timed."""
    from app.language.codes import NoteLanguage
    from app.notes.note import FollowUpRow, FollowUpTable, Note, Section, TextBlock

    note = Note(
        subject={"fr": "Note au Ministre — Déclaration de Val Duchesse II"},
        addressee={"fr": "Monsieur le Ministre de l’Intérieur"},
        author="Cellule stratégique — sécurité",
        date=date(2018, 6, 11),
        language=NoteLanguage.FR,
    )
    for item in plan.body:
        if isinstance(item, Paragraph) and item.style in (Style.HEADING1, Style.HEADING2):
            note.sections.append(Section({"fr": item.text}))
        elif isinstance(item, Paragraph):
            prefix = "- " if item.style is Style.BULLET else ""
            note.sections[-1].blocks.append(TextBlock({"fr": prefix + item.text}))
        elif isinstance(item, Table):
            rows = [
                FollowUpRow(
                    commitment={"fr": row[0][0].text},
                    state={"fr": row[1][0].text},
                    lead={"fr": row[2][0].text},
                    deadline="2019-06-11",
                )
                for row in item.rows
            ]
            note.sections[-1].blocks.append(FollowUpTable(rows))
    return note


def write_clausier_note(note, out: Path, template: Path) -> None:
    """(a') Clausier's whole export of a note: plan (typography, dates) and Word file."""
    from app.export.word import export_note
    from app.library.clauses import Library

    export_note(note, Library(), out, template=template)


def write_clausier(plan: DocumentPlan, out: Path, template: Path) -> None:
    """(a) Clausier's export."""
    from app.docx import export_plan

    export_plan(plan, out, template=template)


def write_python_docx(plan: DocumentPlan, out: Path, template: Path) -> None:
    """(b) The same content through python-docx's public API only."""
    import docx

    document = docx.Document(str(template))
    document.add_paragraph(plan.title.text, style="Title")
    meta = document.add_table(rows=len(plan.meta), cols=2)
    for row, line in zip(meta.rows, plan.meta, strict=True):
        row.cells[0].text = line.label.text
        row.cells[1].text = line.value.text
    for item in plan.body:
        if isinstance(item, Paragraph):
            paragraph = document.add_paragraph(style=_STYLE_NAMES[item.style])
            for span in item.spans:
                run = paragraph.add_run(span.text)
                if span.bold:
                    run.bold = True
                if span.italic:
                    run.italic = True
        elif isinstance(item, Table):
            table = document.add_table(rows=1 + len(item.rows), cols=len(item.header))
            table.style = "Table Grid"
            for row, cells in zip(table.rows, [item.header, *item.rows], strict=True):
                for cell, paragraphs in zip(row.cells, cells, strict=True):
                    cell.text = paragraphs[0].text
    section = document.sections[0]
    section.header.paragraphs[0].text = "".join(s.text for s in plan.classification)
    section.footer.paragraphs[0].text = "Page 1 / 1"
    props = document.core_properties
    props.title, props.author = plan.properties_title, plan.properties_author
    document.save(str(out))


def write_bare(plan: DocumentPlan, out: Path, template: Path) -> None:
    """(c) A bare writer: lxml elements for document.xml, zipfile for the package."""
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    q = {tag: f"{{{w}}}{tag}" for tag in "p pPr pStyle r rPr lang t b i tbl tr tc body".split()}
    val, space = f"{{{w}}}val", "{http://www.w3.org/XML/1998/namespace}space"
    with zipfile.ZipFile(template) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    document = etree.fromstring(parts["word/document.xml"])
    body = document.find(q["body"])
    sect_pr = body[-1]
    sub = etree.SubElement

    def paragraph(parent, item: Paragraph) -> None:
        p = sub(parent, q["p"])
        sub(sub(p, q["pPr"]), q["pStyle"], {val: item.style.value})
        for span in item.spans:
            r = sub(p, q["r"])
            rpr = sub(r, q["rPr"])
            if span.bold:
                sub(rpr, q["b"])
            if span.italic:
                sub(rpr, q["i"])
            sub(rpr, q["lang"], {val: "fr-BE"})
            t = sub(r, q["t"], {space: "preserve"})
            t.text = span.text

    paragraph(body, plan.title)
    for item in plan.body:
        if isinstance(item, Paragraph):
            paragraph(body, item)
        elif isinstance(item, Table):
            tbl = sub(body, q["tbl"])
            for cells in [item.header, *item.rows]:
                tr = sub(tbl, q["tr"])
                for paragraphs in cells:
                    paragraph(sub(tr, q["tc"]), paragraphs[0])
    body.append(sect_pr)
    parts["word/document.xml"] = etree.tostring(document, xml_declaration=True, standalone=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def best_of(repeat: int, action: Callable[[], None]) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(repeat: int = 5, template: Path | None = None) -> dict[str, float]:
    """Time the three writers on the big note; seconds, best of ``repeat``."""
    from app.docx.template import builtin_template

    template = template or builtin_template()
    plan = big_plan()
    note = big_note(plan)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        return {
            "clausier": best_of(repeat, lambda: write_clausier(plan, out / "a.docx", template)),
            "clausier-note": best_of(
                repeat, lambda: write_clausier_note(note, out / "n.docx", template)
            ),
            "python-docx": best_of(
                repeat, lambda: write_python_docx(plan, out / "b.docx", template)
            ),
            "bare": best_of(repeat, lambda: write_bare(plan, out / "c.docx", template)),
        }


def main() -> int:
    """Print the figures and ratios."""
    import docx
    import lxml

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    plan = big_plan()
    paragraphs = sum(isinstance(item, Paragraph) for item in plan.body)
    buffer = io.StringIO()
    print(
        f"{date.today()} · Python {platform.python_version()} · python-docx "
        f"{docx.__version__} · lxml {lxml.__version__} · {platform.machine()}",
        file=buffer,
    )
    print(f"note: {paragraphs} paragraphs incl. headings, best of {args.repeat}", file=buffer)
    times = measure(args.repeat)
    for name, seconds in times.items():
        print(f"{name:14s} {seconds * 1000:8.1f} ms", file=buffer)
    print(
        f"clausier / python-docx = {times['clausier'] / times['python-docx']:.2f} (target ≤ 0.50)",
        file=buffer,
    )
    print(f"clausier / bare        = {times['clausier'] / times['bare']:.2f}", file=buffer)
    print(
        "whole note export (plan + Word) / python-docx = "
        f"{times['clausier-note'] / times['python-docx']:.2f} (target ≤ 0.50)",
        file=buffer,
    )
    print(buffer.getvalue(), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
