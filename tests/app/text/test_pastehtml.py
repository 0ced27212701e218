"""Text pasted from Word, LibreOffice, Google Docs or Clausier keeps bold, italic and lists only."""

from __future__ import annotations

from pathlib import Path

from app.text.numbering import list_numbers
from app.text.pastehtml import from_html
from app.text.richtext import ListKind, TextRun

CLIPBOARD = Path(__file__).parents[1] / "data" / "clipboard"
B, N, P = ListKind.BULLET, ListKind.NUMBERED, ListKind.PLAIN


def shape(value):
    return [(p.kind, p.level, p.text) for p in value.paragraphs]


def test_word_s_lists_are_read_from_their_marks_and_their_written_markers_left_out():
    value = from_html((CLIPBOARD / "word.html").read_text(encoding="utf-8"))
    assert shape(value) == [
        (P, 0, "Le ministre rappelle les points essentiels de la déclaration\xa0:"),
        (B, 0, "premier point"),
        (B, 1, "sous-point"),
        (P, 0, ""),  # Word's empty line between the lists: it ends the first
        (N, 0, "un"),
        (N, 0, "deux"),
    ]
    first = value.paragraphs[0].runs
    assert (
        TextRun("essentiels", bold=True) in first and TextRun("déclaration", italic=True) in first
    )
    # Fonts, sizes and colours are gone: only bold and italic are kept.
    assert all(
        not r.bold and not r.italic for r in first if r.text not in ("essentiels", "déclaration")
    )
    assert value.paragraphs[5].runs == (TextRun("deux", bold=True),)
    # The CF_HTML header and what lies outside the fragment are not text.
    assert "Version" not in value.plain and "Calibri" not in value.plain


def test_libreoffice_s_nested_lists_keep_their_levels_and_numbers():
    value = from_html((CLIPBOARD / "libreoffice.html").read_text(encoding="utf-8"))
    assert shape(value)[:8] == [
        (P, 0, "Le ministre rappelle les points essentiels de la déclaration\xa0:"),
        (N, 0, "premier engagement"),
        (N, 0, "deuxième engagement"),
        (B, 1, "un détail"),
        (N, 0, "troisième engagement"),
        (N, 1, "sous-point a"),
        (N, 1, "sous-point b"),
        (P, 0, "Entre les deux listes, un paragraphe."),
    ]
    assert list_numbers(value.paragraphs)[:10] == [0, 1, 2, 1, 3, 1, 2, 0, 1, 2]
    assert TextRun("gras italique", True, True) in value.paragraphs[8].runs


def test_google_docs_wrapping_bold_tag_that_is_not_bold_is_read_by_its_style():
    html = (
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">'
        '<p dir="ltr"><span style="font-size:11pt;font-family:Arial;color:#000000;'
        'font-weight:400;">Un </span><span style="font-weight:700;">mot</span>'
        '<span style="font-style:italic;font-weight:400;"> penché</span></p>'
        '<ul><li dir="ltr" aria-level="1"><p dir="ltr"><span style="font-weight:400;">'
        "point</span></p></li></ul></b>"
    )
    value = from_html(html)
    assert value.paragraphs[0].runs == (
        TextRun("Un "),
        TextRun("mot", bold=True),
        TextRun(" penché", italic=True),
    )
    assert shape(value)[1] == (B, 0, "point")


def test_qt_s_own_html_keeps_its_spaces():
    html = (
        '<!DOCTYPE HTML><html><head><meta name="qrichtext" content="1" /><style '
        'type="text/css">p, li { white-space: pre-wrap; }</style></head><body>\n'
        '<!--StartFragment--><p>deux  espaces <span style=" font-weight:700;">gras</span>'
        '</p>\n<ol style="margin-top: 0px; -qt-list-indent: 1;"><li>un</li></ol>'
        "<!--EndFragment--></body></html>"
    )
    assert shape(from_html(html)) == [(P, 0, "deux  espaces gras"), (N, 0, "un")]


def test_breaks_scripts_styles_and_tables_leave_text_only():
    html = (
        "<style>p{color:red}</style><script>alert(1)</script><p>a<br>b</p>"
        "<table><tr><td>cellule</td><td>autre</td></tr></table><h2>Titre</h2>"
    )
    assert [p.text for p in from_html(html).paragraphs] == ["a", "b", "cellule", "autre", "Titre"]


def test_nothing_readable_is_none():
    assert from_html("<img src='x.png'><p> </p>") is None
