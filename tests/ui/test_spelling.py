"""Spell-check as you type in the window, with the real French and Dutch dictionaries."""

from __future__ import annotations

from pathlib import Path

from app.collection.actions import Collection
from app.language.codes import NoteLanguage
from app.notes.note import LinkedClause
from app.system.settings import Settings
from tests.ui.conftest import type_text
from ui.panels.clauseblocks import LinkedClauseWidget
from ui.qt import QApplication, QContextMenuEvent, QLineEdit, QTextEdit, QTimer
from ui.state import WindowState
from ui.translation import InterfaceLanguage
from ui.workspace import Services, Workspace


def bilingual_text(window, qtbot) -> str:
    """A bilingual note with one free text; its id, once both dictionaries are loaded."""
    window.editor.set_metadata("language", NoteLanguage.BILINGUAL)
    window.editor.insert_text("", -1)
    qtbot.waitUntil(lambda: window.spelling.service.ready("fr"))
    qtbot.waitUntil(lambda: window.spelling.service.ready("nl"))
    return window.composer.current_block_id()


def editor_of(window, block_id: str, lang: str):
    return window.composer.block_widgets[block_id].editors.editors[lang]


def marked(editor) -> list[str]:
    """The words the editor underlines, as drawn (the highlighter's formats)."""
    window = editor.window()
    window.spelling.redraw_now()
    words = []
    block = editor.document().firstBlock()
    while block.isValid():
        for fmt in block.layout().formats():
            words.append(block.text()[fmt.start : fmt.start + fmt.length])
        block = block.next()
    return words


def right_click_choose(editor, word: str, choice: str) -> list[str]:
    """Right-click inside ``word`` (the keyboard's menu key) and choose ``choice``; the menu."""
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(text.index(word) + 1)
    editor.setTextCursor(cursor)
    seen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        seen.extend(a.text() for a in menu.actions())
        action = next(a for a in menu.actions() if a.text() == choice)
        menu.close()
        action.trigger()

    QTimer.singleShot(0, choose)
    rect = editor.cursorRect()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, rect.center(), editor.mapToGlobal(rect.center())
    )
    QApplication.sendEvent(editor, event)
    return seen


def test_a_misspelt_french_word_is_marked_in_french_and_judged_as_dutch_in_dutch(window, qtbot):
    block_id = bilingual_text(window, qtbot)
    french, dutch = editor_of(window, block_id, "fr"), editor_of(window, block_id, "nl")
    french.setFocus()
    type_text(french, "Le minister a reçu la délégation.")
    dutch.setFocus()
    type_text(dutch, "De minister heeft de delegatie ontvangen.")
    assert marked(french) == ["minister"]  # "ministre" in French
    assert marked(dutch) == []  # a Dutch word


def test_the_right_click_menu_corrects_as_one_undo_step(window, qtbot):
    block_id = bilingual_text(window, qtbot)
    french = editor_of(window, block_id, "fr")
    french.setFocus()
    type_text(french, "Le terorisme")
    window.document.break_typing()
    menu = right_click_choose(french, "terorisme", "terrorisme")
    assert menu[0] == "terrorisme"
    assert "Ignore All" in [t.replace("&", "") for t in menu]
    assert "Add to Dictionary" in [t.replace("&", "") for t in menu]
    assert window.document.session.block(block_id).plain("fr") == "Le terrorisme"
    assert marked(french) == []
    window.editor.undo()
    assert window.document.session.block(block_id).plain("fr") == "Le terorisme"


def test_ignore_all_is_for_this_note_and_undoable(window, qtbot):
    block_id = bilingual_text(window, qtbot)
    dutch = editor_of(window, block_id, "nl")
    dutch.setFocus()
    type_text(dutch, "Val Duchesse en Duchesse")
    assert marked(dutch) == ["Duchesse", "Duchesse"]
    right_click_choose(dutch, "Duchesse", "I&gnore All")
    assert window.document.note.ignored_words == {"nl": ["Duchesse"]}
    assert marked(dutch) == []
    assert window.actions["undo"].text() == "&Undo Ignore “Duchesse”"
    window.editor.undo()
    assert marked(dutch) == ["Duchesse", "Duchesse"]


def _restart(qapp, dialogs) -> tuple[Workspace, Services]:
    """A new application in the same user folders: new settings, library and spell checker."""
    language = InterfaceLanguage()
    language.apply("en")
    settings = Settings.load()
    services = Services(
        settings=settings,
        collection=Collection.open(settings=settings),
        state=WindowState.load(),
        language=language,
        dialogs=dialogs,
        threaded_preview=False,
    )
    return Workspace(services), services


def test_add_to_dictionary_survives_a_restart(window, workspace, qtbot, qapp, dialogs):
    block_id = bilingual_text(window, qtbot)
    french = editor_of(window, block_id, "fr")
    french.setFocus()
    type_text(french, "Mme Belloubet")
    assert marked(french) == ["Belloubet"]
    right_click_choose(french, "Belloubet", "&Add to Dictionary")
    assert marked(french) == []
    assert not window.document.session.history.can_redo  # not an edit of the note

    again, services = _restart(qapp, dialogs)
    try:
        assert again.spelling_service() is not workspace.spelling_service()
        second = again.new_window()
        second.show()
        qtbot.waitExposed(second)
        second.editor.insert_text("", -1)
        qtbot.waitUntil(lambda: second.spelling.service.ready("fr"))
        editor = editor_of(second, second.composer.current_block_id(), "fr")
        editor.setFocus()
        type_text(editor, "Mme Belloubet et Kolomb")
        assert marked(editor) == ["Kolomb"]
    finally:
        for other in list(again.windows):
            other.close()
        again.stop()
        services.collection.close()


def test_linked_clauses_are_not_underlined(window, qtbot):
    window.editor.insert_clause("vd2.1.4")
    window.editor.insert_text("", -1)
    qtbot.waitUntil(lambda: window.spelling.service.ready("fr"))
    widget = next(
        w for w in window.composer.block_widgets.values() if isinstance(w, LinkedClauseWidget)
    )
    assert [b for _s, b in window.document.note.blocks() if isinstance(b, LinkedClause)]
    for label in widget.labels.values():
        assert getattr(label, "_spelling", None) is None
    assert not widget.findChildren(QTextEdit)  # no editor, nothing checked


def test_section_titles_details_and_cells_are_checked_in_their_language(window, qtbot):
    window.editor.set_metadata("language", NoteLanguage.BILINGUAL)
    window.editor.add_section()
    window.editor.insert_follow_up("", -1)
    qtbot.waitUntil(lambda: window.spelling.service.ready("nl"))
    composer = window.composer
    section = composer.section_widgets[composer.current_section_id()]
    assert section.title_edits["nl"]._spelling.lang == "nl"
    subject = composer.metadata.localized["subject"].edits["fr"]
    assert subject._spelling.lang == "fr"
    subject.setFocus()
    type_text(subject, "Suivi du terorisme")
    assert subject._spelling.layer.ranges() == [(9, 18)]
    table = next(w for w in composer.block_widgets.values() if hasattr(w, "focus_cell"))
    table.editor.add_button.click()
    qtbot.waitUntil(lambda: table.editor.table.rowCount() == 1)
    table.editor.show_language("nl")
    table.focus_cell(0, "state", "nl")
    view = table.editor.table
    view.edit(view.currentIndex())
    cell = view.viewport().findChild(QLineEdit)
    assert cell is not None and cell._spelling.lang == "nl"
    type_text(cell, "samenwerkking")
    assert cell._spelling.layer.ranges() == [(0, 13)]


def test_turning_spelling_off_removes_the_underlines_and_it_can_be_locked(
    window, workspace, qtbot, isolated_folders
):
    block_id = bilingual_text(window, qtbot)
    french = editor_of(window, block_id, "fr")
    french.setFocus()
    type_text(french, "Le terorisme")
    assert marked(french) == ["terorisme"]
    settings = workspace.services.settings
    settings.set("spell_check", False)
    workspace.apply_settings()
    assert marked(french) == []
    settings.set("spell_check", True)
    workspace.apply_settings()
    assert marked(french) == ["terorisme"]

    site: Path = isolated_folders["site_config"]
    site.mkdir(parents=True, exist_ok=True)
    (site / "clausier.ini").write_text(
        "[settings]\nspell_check = false\n[locked]\nkeys = spell_check\n", encoding="utf-8"
    )
    locked = Settings.load()
    assert locked.get("spell_check") is False and locked.is_locked("spell_check")
    from ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(locked, window)
    assert not dialog.fields["spell_check"].isEnabled()
    assert not dialog.fields["spell_check"].isChecked()
    dialog.reject()


def test_the_clause_editor_checks_each_language_and_ignores_for_itself(window, qtbot):
    from ui.dialogs.clause import ClauseDialog

    qtbot.waitUntil(lambda: window.spelling is not None)
    dialog = ClauseDialog(ClauseDialog.NEW, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.spelling is not None and dialog.spelling is not window.spelling
    text = dialog.texts["fr"]
    assert text._spelling.lang == "fr" and dialog.texts["nl"]._spelling.lang == "nl"
    qtbot.waitUntil(lambda: window.spelling.service.ready("fr"))
    text.setFocus()
    type_text(text, "Le terorisme")
    assert marked(text) == ["terorisme"]
    dialog.spelling.ignore_all("terorisme", "fr")
    assert marked(text) == []
    assert window.document.note.ignored_words == {}  # not the note's
    dialog.reject()


def test_dictionaries_load_after_the_window_painted(workspace, qtbot):
    window = workspace.new_window()
    service = window.spelling.service
    assert not service.ready("fr")  # built, not yet painted: nothing is loading
    assert not service._threads
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: service.ready("fr"))
