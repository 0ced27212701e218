"""Exported files open in LibreOffice: converted to PDF, page count and footer fields checked.

Skipped only where LibreOffice (``soffice``) or poppler (``pdfinfo``/``pdftotext``) is
missing; CI installs both, so these run there.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.docx import export_plan
from app.docx.plan import Style, Table
from tests.app.docx.docxparts import (
    bilingual_plan,
    formatted_plan,
    para,
    plan_with,
    sample_plan,
)

pytestmark = [
    pytest.mark.skipif(
        shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
    ),
    pytest.mark.skipif(
        shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None,
        reason="poppler-utils (pdfinfo, pdftotext) is not installed",
    ),
]

TIMEOUT = 120


def three_page_plan():
    """75 one-line paragraphs under 4 headings: about two and a half A4 pages."""
    body = []
    for n in range(75):
        if n % 20 == 0:
            body.append(para(f"Partie {n // 20 + 1}", style=Style.HEADING1))
        body.append(para(f"Point {n + 1} : l’engagement est suivi."))
    return plan_with(body)


#: Lines of text before the table in the notes of :func:`table_after_lines`: from a table
#: that fits on the first page, through each page break inside it, to one on the second.
FILLERS = range(10, 29)


def table_after_lines(lines: int):
    """``lines`` one-line paragraphs, then a follow-up table of twelve rows named Row00…Row11."""
    cell = lambda text: [para(text, style=Style.TABLE_TEXT)]  # noqa: E731
    rows = [
        [
            cell(f"Row{n:02d}"),
            cell("En cours, deux dossiers sont ouverts."),
            cell("OCAM"),
            cell("fin 2019"),
        ]
        for n in range(12)
    ]
    header = [cell("Engagement"), cell("État"), cell("Service"), cell("Échéance")]
    body = [para(f"Ligne {n}.") for n in range(lines)]
    return plan_with([*body, Table(header, rows, [5.0, 4.8, 3.0, 3.2])])


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """Export several notes and convert them all in one LibreOffice run (private profile)."""
    import importlib.util

    root = Path(__file__).resolve().parents[3]
    spec = importlib.util.spec_from_file_location("bench", root / "benchmarks" / "bench_export.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    folder = tmp_path_factory.mktemp("libreoffice")
    plans = {
        "three": three_page_plan(),
        "sample": sample_plan(),
        "bilingual": bilingual_plan(),
        "big": bench.big_plan(),
        **{f"table{lines}": table_after_lines(lines) for lines in FILLERS},
        **{f"lists-{language}": formatted_plan(language) for language in ("fr", "nl", "fr+nl")},
    }
    docs = []
    for name, plan in plans.items():
        export_plan(plan, folder / f"{name}.docx")
        docs.append(str(folder / f"{name}.docx"))
    profile = tmp_path_factory.mktemp("lo-profile")
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *docs,
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    out = {name: folder / f"{name}.pdf" for name in plans}
    missing = [name for name, pdf in out.items() if not pdf.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout}{result.stderr}"
    return out


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60
    ).stdout


def test_three_page_note_gives_three_numbered_pages(pdfs: dict[str, Path]) -> None:
    assert _pages(pdfs["three"]) == 3
    text = _text(pdfs["three"])
    for page in (1, 2, 3):
        assert f"Page {page} / 3" in text
    # The classification is the first and the last line of every page.
    pages = [page.split("\n") for page in text.split("\f") if page.strip()]
    assert len(pages) == 3
    for lines in pages:
        lines = [line.strip() for line in lines if line.strip()]
        assert lines[0] == lines[-1] == "DIFFUSION RESTREINTE"


def test_sample_note_shows_numbered_headings_and_marks(pdfs: dict[str, Path]) -> None:
    text = _text(pdfs["sample"])
    assert re.search(r"1\.\s+Contexte", text)
    assert re.search(r"1\.1\.\s+Suivi", text)
    assert "[texte manquant]" in text
    assert "Page 1 / 1" in text


def test_bilingual_note_shows_both_columns_side_by_side(pdfs: dict[str, Path]) -> None:
    text = _text(pdfs["bilingual"])
    line = next(line for line in text.splitlines() if "Contexte" in line)
    assert line.index("Contexte") < line.index("Context", line.index("Contexte") + 8)
    assert re.search(r"1\.\s+Contexte\s+1\.\s+Context", text)
    assert re.search(r"1\.1\.\s+Sous-titre\s+1\.1\.\s+Subtitel", text)
    assert "Page / Pagina 1 / 1" in text


def test_big_note_footer_counts_all_pages(pdfs: dict[str, Path]) -> None:
    pages = _pages(pdfs["big"])
    assert pages > 10
    text = _text(pdfs["big"])
    assert f"Page {pages} / {pages}" in text
    assert "Engagement" in text and "Échéance" in text


def test_no_row_of_a_table_is_left_alone_on_a_page(pdfs: dict[str, Path]) -> None:
    layouts = []
    for lines in FILLERS:
        pages = [page for page in _text(pdfs[f"table{lines}"]).split("\f") if page.strip()]
        rows = [len(re.findall(r"Row\d\d", page)) for page in pages]
        assert sum(rows) == 12
        layouts.append([n for n in rows if n])
        assert 1 not in layouts[-1], f"{lines} lines before the table: rows per page {rows}"
    assert [12] in layouts and any(len(layout) == 2 for layout in layouts)  # it did break


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ("un", "deux", "trois", "sous-un", "sous-deux", "quatre", "cinq")),
        ("nl", ("een", "twee", "drie", "onder-een", "onder-twee", "vier", "vijf")),
        ("fr+nl", ("un", "deux", "trois", "sous-un", "sous-deux", "quatre", "cinq")),
        ("fr+nl", ("een", "twee", "drie", "onder-een", "onder-twee", "vier", "vijf")),
    ],
)
def test_the_second_numbered_list_starts_at_one_in_libreoffice(
    pdfs: dict[str, Path], language: str, words: tuple[str, ...]
) -> None:
    text = _text(pdfs[f"lists-{language}"])
    one, two, three, sub_one, sub_two, four, five = words
    for label, word in (
        ("1.", one),
        ("2.", two),
        ("3.", three),
        ("a)", sub_one),
        ("b)", sub_two),
        ("1.", four),  # a list of its own: python-docx issue #25 would make it "4."
        ("2.", five),
    ):
        assert re.search(rf"{re.escape(label)}\s+{re.escape(word)}\b", text), (label, word)
