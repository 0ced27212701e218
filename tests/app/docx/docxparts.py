"""Helpers for the Word export tests: small plans, and reading a .docx back as XML."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

from lxml import etree

from app.docx.plan import (
    ClauseFrame,
    DocumentPlan,
    Mark,
    MetaLine,
    Paragraph,
    SideBySide,
    Span,
    Style,
    Table,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def w(tag: str) -> str:
    """Clark name of a w: tag."""
    return f"{{{W_NS}}}{tag}"


def part(docx_path: Path, name: str) -> etree._Element:
    """Parse one part (e.g. ``word/document.xml``) of a .docx."""
    with zipfile.ZipFile(docx_path) as archive:
        return etree.fromstring(archive.read(name), _PARSER)


def part_names(docx_path: Path) -> list[str]:
    """Every part name in the package."""
    with zipfile.ZipFile(docx_path) as archive:
        return archive.namelist()


def stories(docx_path: Path, kind: str) -> list[etree._Element]:
    """All header (``kind="header"``) or footer parts."""
    return [part(docx_path, n) for n in part_names(docx_path) if n.startswith(f"word/{kind}")]


def text_of(element: etree._Element) -> str:
    """The visible text under ``element`` (w:t only)."""
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


def para(text: str, lang: str = "fr", style: Style = Style.BODY, **span: object) -> Paragraph:
    """A one-span paragraph."""
    return Paragraph([Span(text, **span)], lang, style)  # type: ignore[arg-type]


def meta() -> list[MetaLine]:
    """A short first-page block."""
    return [
        MetaLine(
            para("À", style=Style.META_LABEL), para("Monsieur le Ministre", style=Style.META_VALUE)
        ),
        MetaLine(
            para("Date", style=Style.META_LABEL), para("lundi 11 juin 2018", style=Style.META_VALUE)
        ),
    ]


def plan_with(body: list, languages: tuple[str, ...] = ("fr",), **kwargs: object) -> DocumentPlan:
    """A plan around ``body`` with a title, meta block, classification and page label."""
    values: dict = {
        "languages": languages,
        "title": para("Note au Ministre — Val Duchesse II", style=Style.TITLE),
        "meta": meta(),
        "body": body,
        "classification": [Span("DIFFUSION RESTREINTE")],
        "page_label": [Span("Page")],
        "properties_title": "Note au Ministre",
        "properties_author": "Cabinet Intérieur",
        "properties_subject": "Val Duchesse II",
        "created": datetime(2018, 6, 11, 9, 30),
    }
    values.update(kwargs)
    return DocumentPlan(**values)


def clause(lang: str = "fr", text: str = "Renforcer l’échange d’informations.") -> ClauseFrame:
    """A linked clause frame with a title paragraph and a text paragraph."""
    return ClauseFrame(
        "vd2-1-03",
        2,
        lang,
        True,
        "Échange d’informations" if lang == "fr" else "Informatie-uitwisseling",
        [
            para("Échange" if lang == "fr" else "Uitwisseling", lang, Style.CLAUSE_TITLE),
            para(text, lang),
        ],
    )


def table(lang: str = "fr") -> Table:
    """A follow-up table: header and two rows, relative widths 3:1."""
    cell = lambda text: [para(text, lang, Style.TABLE_TEXT)]  # noqa: E731
    return Table(
        header=[cell("Engagement"), cell("État")],
        rows=[[cell("ECE"), cell("en cours")], [cell("CCPD"), cell("réalisé")]],
        widths=[3, 1],
    )


def sample_plan() -> DocumentPlan:
    """A French note using every kind of block and mark."""
    return plan_with(
        [
            para("Contexte", style=Style.HEADING1),
            para("La déclaration de Paris du 11 juin 2018."),
            Paragraph(
                [
                    Span("Le ministre "),
                    Span("{minister}", mark=Mark.UNFILLED),
                    Span(" confirme ; "),
                    Span("[texte manquant]", mark=Mark.MISSING),
                    Span(" et "),
                    Span("Jan Jambon", mark=Mark.VARIABLE),
                    Span(" gras", bold=True),
                    Span(" italique", italic=True),
                    Span(" Nederlands", lang="nl"),
                ],
                "fr",
            ),
            para("Suivi", style=Style.HEADING2),
            para("Premier point", style=Style.BULLET),
            clause(),
            table(),
            para("Ligne un\nLigne deux\tcolonne"),
        ]
    )


def bilingual_plan() -> DocumentPlan:
    """A bilingual note: French left, Dutch right."""
    return plan_with(
        [
            SideBySide(
                rows=[
                    (
                        [para("Contexte", style=Style.HEADING1)],
                        [para("Context", "nl", Style.HEADING1)],
                    ),
                    ([para("Texte français.")], [para("Nederlandse tekst.", "nl")]),
                    ([clause("fr")], [clause("nl", "De informatie-uitwisseling versterken.")]),
                    ([table("fr")], [table("nl")]),
                    (
                        [para("Sous-titre", style=Style.HEADING2)],
                        [para("Subtitel", "nl", Style.HEADING2)],
                    ),
                ]
            )
        ],
        languages=("fr", "nl"),
        page_label=[Span("Page / Pagina")],
    )


def formatted_plan(language: str = "fr") -> DocumentPlan:
    """A note with bold, italic, two numbered lists and a nested bullet, laid out by app.export.render.

    In each language: an introduction with a bold and an italic word, a first numbered
    list ("un", "deux", a nested bullet, "trois" with two nested numbers), a paragraph,
    then a second numbered list ("quatre", "cinq") that must count from 1 again.
    """
    from app.export.render import build_plan
    from app.language.codes import NoteLanguage
    from app.library.clauses import Library
    from app.notes.note import Note, Section, TextBlock
    from app.text.richtext import ListKind, TextRun, paragraph, rich

    def text(words: list[str]):
        N, B = ListKind.NUMBERED, ListKind.BULLET
        return rich(
            [
                paragraph(
                    [TextRun(words[0]), TextRun(words[1], True), TextRun(words[2], italic=True)]
                ),
                paragraph(words[3], N),
                paragraph([TextRun(words[4], True)], N),
                paragraph(words[5], B, 1),
                paragraph(words[6], N),
                paragraph(words[7], N, 1),
                paragraph(words[8], N, 1),
                paragraph(words[9]),
                paragraph(words[10], N),
                paragraph(words[11], N),
            ]
        )

    french = [
        "Le ministre rappelle ",
        "essentiels",
        " engagements",
        "un",
        "deux",
        "détail",
        "trois",
        "sous-un",
        "sous-deux",
        "Ensuite :",
        "quatre",
        "cinq",
    ]
    dutch = [
        "De minister herinnert aan ",
        "belangrijkste",
        " verbintenissen",
        "een",
        "twee",
        "detail",
        "drie",
        "onder-een",
        "onder-twee",
        "Daarna:",
        "vier",
        "vijf",
    ]
    note = Note(
        subject={"fr": "Listes", "nl": "Lijsten"},
        language=NoteLanguage(language),
        sections=[
            Section(
                {"fr": "Éléments de langage", "nl": "Spreekpunten"},
                [TextBlock({"fr": text(french), "nl": text(dutch)})],
            )
        ],
    )
    return build_plan(note, Library(clauses={}))
