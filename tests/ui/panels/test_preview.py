"""The preview shows the rendering plan Word gets, marks gaps, and follows edits after a pause."""

from __future__ import annotations

from app.docx.plan import DocumentPlan, Mark, Paragraph, SideBySide, Span, Style
from app.language.codes import NoteLanguage
from ui.panels.planhtml import MARK_STYLES, plan_to_html
from ui.panels.preview import DEBOUNCE_MS


def a_plan(body: list) -> DocumentPlan:
    return DocumentPlan(
        languages=("fr",),
        title=Paragraph([Span("Suivi")], "fr", Style.TITLE),
        meta=[],
        body=body,
        classification=[Span("DIFFUSION RESTREINTE")],
        page_label=[Span("Page")],
    )


def test_missing_texts_and_unfilled_variables_are_highlighted():
    html = plan_to_html(
        a_plan(
            [
                Paragraph(
                    [Span("Le "), Span("{minister}", Mark.UNFILLED), Span(" dit <oui>")], "fr"
                ),
                Paragraph([Span("[Nederlandse tekst ontbreekt]", Mark.MISSING)], "nl"),
            ]
        )
    )
    assert f"<span style='{MARK_STYLES[Mark.UNFILLED]}'>{{minister}}</span>" in html
    assert MARK_STYLES[Mark.MISSING] in html
    assert "dit &lt;oui&gt;" in html
    assert "DIFFUSION RESTREINTE" in html


def test_bullets_become_one_list_and_bilingual_blocks_two_columns():
    html = plan_to_html(
        a_plan(
            [
                Paragraph([Span("un")], "fr", Style.BULLET),
                Paragraph([Span("deux")], "fr", Style.BULLET),
                SideBySide(
                    [([Paragraph([Span("Bonjour")], "fr")], [Paragraph([Span("Goedendag")], "nl")])]
                ),
            ]
        )
    )
    assert "<ul" in html and html.count("<li>") == 2 and html.count("<ul") == 1
    assert "width='50%'" in html and "Goedendag" in html


def test_the_preview_follows_typing_after_a_pause(window, qtbot):
    window.editor.set_localized("subject", "fr", "Suivi")
    window.editor.insert_text("", -1)
    block_id = window.composer.current_block_id()
    window.editor.edit_text(block_id, "fr", "Le Conseil JAI")
    assert window.preview.timer.isActive()  # typing does not wait for the preview
    with qtbot.waitSignal(window.preview.rendered, timeout=DEBOUNCE_MS * 10):
        pass
    text = window.preview.browser.toPlainText()
    assert "Le Conseil JAI" in text and "Suivi" in text


def test_the_preview_language_is_chosen_in_its_toolbar(window, qtbot):
    window.editor.insert_clause("vd2.3.7")
    window.preview.actions_by_language[NoteLanguage.NL].trigger()
    window.preview.render_now()
    text = window.preview.browser.toPlainText()
    assert "explosieven" in text  # the Dutch text of the clause
    assert window.actions["preview_nl"].isChecked()
    window.actions["preview_both"].trigger()
    window.preview.render_now()
    text = window.preview.browser.toPlainText()
    assert "explosieven" in text and "explosifs" in text
    assert window.preview.plan is not None and window.preview.plan.languages == ("fr", "nl")


def test_warnings_are_listed_under_the_preview(window):
    window.editor.insert_text("", -1)
    window.editor.edit_text(window.composer.current_block_id(), "fr", "Pour {counterpart}")
    window.preview.render_now()
    assert window.preview.status.isVisible() and window.preview.checks.isVisible()
    assert "{counterpart}" in window.preview.checks.plain_text()
