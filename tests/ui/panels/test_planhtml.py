"""The preview's HTML shows the house style Word gets: raised ordinals, the classification twice."""

from __future__ import annotations

from app.docx.plan import DocumentPlan, Paragraph, Span, Style, Table
from app.export.followup import FOLLOW_UP_WIDTHS
from tests.ui.conftest import type_text
from ui.panels.planhtml import plan_to_html
from ui.qt import QApplication, QTextCharFormat, QTextDocument, QTextListFormat


def a_plan(body: list, classification: list[Span] | None = None) -> DocumentPlan:
    return DocumentPlan(
        languages=("fr",),
        title=Paragraph([Span("Suivi")], "fr", Style.TITLE),
        meta=[],
        body=body,
        classification=[Span("CONFIDENTIEL")] if classification is None else classification,
        page_label=[Span("Page")],
    )


def raised(document: QTextDocument) -> list[str]:
    """The texts a Qt document shows in superscript."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            align = fragment.charFormat().verticalAlignment()
            if align == QTextCharFormat.VerticalAlignment.AlignSuperScript:
                found.append(fragment.text())
            it += 1
        block = block.next()
    return found


def test_an_ordinal_suffix_is_raised_as_in_word(qapp):
    paragraph = Paragraph(
        [
            Span("le 1"),
            Span("er", superscript=True),
            Span(" février au XIX"),
            Span("e", superscript=True),
        ],
        "fr",
    )
    html = plan_to_html(a_plan([paragraph]))
    assert "le 1<sup>er</sup> février au XIX<sup>e</sup>" in html
    document = QTextDocument()
    document.setHtml(html)
    assert raised(document) == ["er", "e"]
    assert "le 1er février au XIXe" in document.toPlainText()


def test_the_classification_opens_and_closes_the_page_in_bold(qapp):
    html = plan_to_html(a_plan([Paragraph([Span("Texte")], "fr")]))
    assert html.count("<p class='classification'>CONFIDENTIEL</p>") == 2
    assert html.index("CONFIDENTIEL") < html.index("Suivi") < html.index("Texte")
    assert html.rindex("CONFIDENTIEL") > html.index("Texte")
    assert "CONFIDENTIEL" not in plan_to_html(a_plan([Paragraph([Span("Texte")], "fr")], []))


def test_a_follow_up_table_has_the_widths_word_gets(qapp):
    cell = [Paragraph([Span("x")], "fr", Style.TABLE_TEXT)]
    html = plan_to_html(a_plan([Table([cell] * 4, [[cell] * 4], list(FOLLOW_UP_WIDTHS))]))
    total = sum(FOLLOW_UP_WIDTHS)
    for width in FOLLOW_UP_WIDTHS:
        assert f"width='{int(100 * width / total)}%'" in html


def test_typing_quotes_and_an_ordinal_shows_them_set_in_the_preview(window, qtbot):
    window.editor.insert_text("", -1)
    editor = QApplication.focusWidget()
    type_text(editor, 'Il a dit "oui" au 1er point.')
    block = window.document.note.sections[-1].blocks[-1]
    assert block.plain("fr") == 'Il a dit "oui" au 1er point.'  # the note keeps what was typed
    window.preview.render_now()
    document = window.preview.browser.document()
    assert "Il a dit «\u00a0oui\u00a0» au 1er point." in document.toRawText()  # no-break kept
    assert raised(document) == ["er"]


def test_lists_show_as_word_numbers_them_bold_and_italic_as_tags(qapp):
    from tests.app.docx.docxparts import formatted_plan

    html = plan_to_html(formatted_plan("fr"))
    assert "<b>essentiels</b>" in html and "<i> engagements</i>" in html
    assert html.count("<ol type='1'") == 2  # two lists, the second counting from 1
    document = QTextDocument()
    document.setHtml(html)
    labels, bullets = {}, []
    block = document.begin()
    while block.isValid():
        items = block.textList()
        if items is not None and items.format().style() == QTextListFormat.Style.ListDisc:
            bullets.append((block.text(), items.format().indent()))
        elif items is not None:
            labels[block.text()] = items.itemText(block)
        block = block.next()
    assert bullets == [("détail", 2)]
    assert labels == {
        "un": "1.",
        "deux": "2.",
        "trois": "3.",
        "sous-un": "a)",
        "sous-deux": "b)",
        "quatre": "1.",
        "cinq": "2.",
    }
