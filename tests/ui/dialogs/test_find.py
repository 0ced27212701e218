"""Find and Replace in the window: Ctrl+F, Ctrl+H, Replace All as one undo, linked clauses."""

from __future__ import annotations

from PySide6.QtTest import QTest

from app.language.codes import NoteLanguage
from app.notes.note import CopiedClause, LinkedClause, TextBlock
from tests.ui.conftest import type_text
from ui.qt import QApplication, Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def texts(window) -> list[tuple[str, str]]:
    return [
        (b.plain("fr"), b.plain("nl"))
        for _s, b in window.document.note.blocks()
        if isinstance(b, TextBlock | CopiedClause)
    ]


def three_blocks(window, qtbot) -> None:
    """A bilingual note: two free texts mentioning security in both languages, and 1.4 linked."""
    editor = window.editor
    editor.set_metadata("language", NoteLanguage.BILINGUAL)
    for fr, nl in (
        ("La sécurité européenne.", "De Europese veiligheid."),
        ("Une securite renforcée.", "Meer veiligheid."),
    ):
        editor.insert_text("", -1)
        block_id = window.composer.current_block_id()
        window.document.edit(lambda b=block_id, t=fr: window.document.session.edit_text(b, "fr", t))
        window.document.edit(lambda b=block_id, t=nl: window.document.session.edit_text(b, "nl", t))
        window.document.break_typing()
    editor.insert_clause("vd2.3.2")


def test_ctrl_f_in_the_note_finds_there_and_in_the_library_goes_to_its_search(window, qtbot):
    three_blocks(window, qtbot)
    block = next(iter(window.composer.block_widgets.values()))
    block.focus_language("fr")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, CTRL)
    dialog = window.find_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.replace_edit.isVisible()
    dialog.close()
    window.library.search.setFocus()
    QTest.keyClick(window.library.search, Qt.Key.Key_F, CTRL)
    assert not dialog.isVisible() and window.library.search.hasFocus()


def test_find_next_walks_both_languages_and_selects_each_match(window, qtbot):
    three_blocks(window, qtbot)
    window.find_in_note(replacing=False)
    dialog = window.find_dialog
    type_text(dialog.find_edit, "securite")
    first = dialog.step(1)
    assert (first.place.lang, first.text) == ("fr", "sécurité")
    editor = QApplication.focusWidget()
    assert editor.textCursor().selectedText() == "sécurité"
    assert dialog.status.text() == "1 of 3"  # the third is in the linked clause
    second = dialog.step(1)
    assert second.text == "securite" and dialog.status.text() == "2 of 3"
    dialog.find_edit.setText("veiligheid")
    found = [dialog.step(1) for _ in range(3)]
    assert [m.place.lang for m in found] == ["nl", "nl", "nl"]
    assert found[2].place.kind == "linked" and "linked clause" in dialog.status.text()
    assert dialog.edit_locally.isVisible()


def test_replace_all_is_one_step_says_how_many_and_undo_restores_every_block(window, qtbot):
    three_blocks(window, qtbot)
    before = texts(window)
    QTest.keyClick(window, Qt.Key.Key_H, CTRL)
    dialog = window.find_dialog
    assert dialog.replace_edit.isVisible()
    type_text(dialog.find_edit, "veiligheid")
    type_text(dialog.replace_edit, "beveiliging")
    dialog.replace_every.click()
    assert texts(window) == [
        ("La sécurité européenne.", "De Europese beveiliging."),
        ("Une securite renforcée.", "Meer beveiliging."),
    ]
    assert dialog.status.text().startswith("Replaced 2 occurrences. 1 more is in a linked clause")
    assert window.actions["undo"].text() == "&Undo Replace all “veiligheid”"
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert texts(window) == before
    linked = [b for _s, b in window.document.note.blocks() if isinstance(b, LinkedClause)]
    assert len(linked) == 1  # never touched


def test_edit_locally_from_the_dialog_then_replace_reaches_the_clause(window, qtbot):
    three_blocks(window, qtbot)
    window.find_in_note(replacing=True)
    dialog = window.find_dialog
    dialog.find_edit.setText("PNR")
    dialog.replace_edit.setText("PNR (dossier passagers)")
    match = dialog.step(1)
    assert match.place.kind == "linked"
    dialog.replace.click()  # refused: it says why
    assert "linked clause" in dialog.status.text()
    dialog.edit_locally.click()
    assert any(isinstance(b, CopiedClause) for _s, b in window.document.note.blocks())
    assert dialog.replace_all() >= 1
    copied = next(b for _s, b in window.document.note.blocks() if isinstance(b, CopiedClause))
    assert "PNR (dossier passagers)" in copied.plain("fr")


def test_replace_one_goes_to_the_next_and_match_case_whole_words(window, qtbot):
    three_blocks(window, qtbot)
    window.find_in_note(replacing=True)
    dialog = window.find_dialog
    dialog.find_edit.setText("Securite")
    dialog.replace_edit.setText("sûreté")
    dialog.match_case.setChecked(True)
    assert dialog.step(1) is None and "not in the note" in dialog.status.text()
    dialog.match_case.setChecked(False)
    dialog.ignore_accents.setChecked(False)
    dialog.replace_current()  # only the unaccented one matches
    assert texts(window)[1][0] == "Une sûreté renforcée."
    assert texts(window)[0][0] == "La sécurité européenne."
