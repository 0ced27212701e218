"""Check the Whole Note (F7): every unknown word in reading order, with the same choices."""

from __future__ import annotations

from PySide6.QtTest import QTest

from app.language.codes import NoteLanguage
from app.notes.note import TextBlock
from ui.qt import Qt


def note_with_mistakes(window, qtbot) -> None:
    editor = window.editor
    editor.set_metadata("language", NoteLanguage.BILINGUAL)
    editor.set_localized("subject", "fr", "Suivi du terorisme")
    editor.insert_text("", -1)
    block_id = window.composer.current_block_id()
    session = window.document.session
    window.document.edit(lambda: session.edit_text(block_id, "fr", "Le terorisme et Belloubet."))
    window.document.edit(lambda: session.edit_text(block_id, "nl", "Het terorisme, Duchesse."))
    window.document.break_typing()


def block_texts(window) -> tuple[str, str]:
    block = next(b for _s, b in window.document.note.blocks() if isinstance(b, TextBlock))
    return block.plain("fr"), block.plain("nl")


def test_the_dialog_walks_every_unknown_word_in_order_with_each_choice(window, qtbot):
    note_with_mistakes(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_F7)
    dialog = window.spell_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.current.word == "terorisme" and dialog.current.place.kind == "metadata"
    assert "French" in dialog.language.text()
    assert dialog.change_to.text() == "terrorisme"
    dialog.change.click()
    assert window.document.note.subject["fr"] == "Suivi du terrorisme"
    assert dialog.current.word == "terorisme" and dialog.current.place.kind == "text"
    dialog.change_every.click()  # every French "terorisme" left: the block's
    assert block_texts(window)[0] == "Le terrorisme et Belloubet."
    assert dialog.current.word == "Belloubet"
    dialog.add.click()  # to the user's French words, for every note
    assert dialog.current.word == "terorisme" and dialog.current.place.lang == "nl"
    assert "Dutch" in dialog.language.text()
    dialog.ignore_once.click()
    assert dialog.current.word == "Duchesse"
    dialog.ignore_every.click()
    assert window.document.note.ignored_words == {"nl": ["Duchesse"]}
    assert dialog.current is None and "complete" in dialog.context.text()
    assert block_texts(window)[1] == "Het terorisme, Duchesse."  # ignored once, kept
    assert window.spelling.service.speller.personal.read("fr") == ["Belloubet"]
    window.editor.undo()  # Ignore All
    window.editor.undo()  # Change All
    assert block_texts(window)[0] == "Le terorisme et Belloubet."


def test_a_note_without_mistakes_says_so_at_once(window, qtbot):
    window.editor.insert_text("", -1)
    block_id = window.composer.current_block_id()
    session = window.document.session
    window.document.edit(lambda: session.edit_text(block_id, "fr", "Une note sans faute."))
    window.check_spelling()
    dialog = window.spell_dialog
    assert dialog.current is None
    assert dialog.context.text() == "The spelling check is complete."
    assert not dialog.change.isEnabled()
