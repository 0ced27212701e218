"""The word count in the status bar: per language, or the selection's."""

from __future__ import annotations

from app.language.codes import NoteLanguage
from tests.ui.conftest import type_text
from ui.panels.wordcount import grouped
from ui.qt import QTextCursor


def test_the_status_bar_counts_each_language_and_then_the_selection(window, qtbot):
    editor = window.editor
    editor.set_metadata("language", NoteLanguage.BILINGUAL)
    editor.insert_text("", -1)
    block = window.composer.block_widgets[window.composer.current_block_id()]
    french = block.editors.editors["fr"]
    french.setFocus()
    type_text(french, "Un deux trois")
    label = window.word_count
    qtbot.waitUntil(lambda: label.text().startswith("FR: "), timeout=5000)
    window.word_count.count_now()
    section_words = sum(len(t.split()) for t in window.document.note.sections[0].title.values())
    assert section_words  # the section's titles count too
    fr_title = len(window.document.note.sections[0].title.get("fr", "").split())
    nl_title = len(window.document.note.sections[0].title.get("nl", "").split())
    assert label.text() == f"FR: {3 + fr_title} words · NL: {nl_title} words"
    cursor = french.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(7, QTextCursor.MoveMode.KeepAnchor)
    french.setTextCursor(cursor)
    assert label.text() == "Selection: 2 words (FR)"
    cursor.clearSelection()
    french.setTextCursor(cursor)
    assert label.text().startswith("FR: ")


def test_numbers_are_grouped_as_the_interface_language_writes_them(monkeypatch):
    from app.language import i18n

    monkeypatch.setattr(i18n, "current_language", lambda: "fr")
    assert grouped(12345) == "12\u202f345"
    monkeypatch.setattr(i18n, "current_language", lambda: "nl")
    assert grouped(12345) == "12.345"
    monkeypatch.setattr(i18n, "current_language", lambda: "en")
    assert grouped(1234567) == "1,234,567"
