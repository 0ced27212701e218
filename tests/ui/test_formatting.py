"""Bold, italic and lists in a free text, as a user sets them: keys, the toolbar, undo, paste."""

from __future__ import annotations

import json

from PySide6.QtTest import QTest

from app.language.codes import NoteLanguage
from app.notes import file as notefile
from app.notes.note import TextBlock
from app.text.richtext import ListKind, TextRun
from tests.ui.conftest import type_text
from ui.qt import QApplication, QMimeData, Qt, QTextListFormat
from ui.widgets.formattededit import FormattedTextEdit

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def new_text(window) -> FormattedTextEdit:
    window.actions["insert_text"].trigger()
    editor = QApplication.focusWidget()
    assert isinstance(editor, FormattedTextEdit)
    return editor


def text_block(window) -> TextBlock:
    return next(b for _s, b in window.document.note.blocks() if isinstance(b, TextBlock))


def select_left(editor, count: int) -> None:
    for _ in range(count):
        QTest.keyClick(editor, Qt.Key.Key_Left, SHIFT)


def click(window, name: str) -> None:
    """Click the Format toolbar's button for ``name`` (the mouse, not the action)."""
    button = window.format_bar.toolbar.widgetForAction(window.actions[name])
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_ctrl_b_and_ctrl_i_on_a_selection_are_one_undo_step_each(window, qtbot):
    editor = new_text(window)
    type_text(editor, "Le SIS est renforcé")
    assert not window.actions["bold"].isChecked()
    QTest.keyClick(editor, Qt.Key.Key_Home)
    for _ in range(3):
        QTest.keyClick(editor, Qt.Key.Key_Right)
    for _ in range(3):
        QTest.keyClick(editor, Qt.Key.Key_Right, SHIFT)  # "SIS"
    QTest.keyClick(editor, Qt.Key.Key_B, CTRL)
    runs = text_block(window).text["fr"].paragraphs[0].runs
    assert runs == (TextRun("Le "), TextRun("SIS", bold=True), TextRun(" est renforcé"))
    assert window.actions["undo"].text() == "&Undo Bold"
    assert window.actions["bold"].isChecked()  # the menu follows the selection
    QTest.keyClick(editor, Qt.Key.Key_I, CTRL)
    runs = text_block(window).text["fr"].paragraphs[0].runs
    assert runs[1] == TextRun("SIS", bold=True, italic=True)
    assert window.actions["undo"].text() == "&Undo Italic"
    assert editor.textCursor().selectedText() == "SIS"  # the selection survives the command
    QTest.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert text_block(window).text["fr"].paragraphs[0].runs[1] == TextRun("SIS", bold=True)
    QTest.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert not text_block(window).text["fr"].formatted
    assert editor.toPlainText() == "Le SIS est renforcé"
    window.actions["redo"].trigger()
    assert text_block(window).text["fr"].paragraphs[0].runs[1] == TextRun("SIS", bold=True)
    # What the editor shows is what the note holds: the word is bold on screen too.
    cursor = editor.textCursor()
    cursor.setPosition(5)
    assert cursor.charFormat().fontWeight() >= 600


def test_ctrl_b_between_words_makes_the_typing_bold(window, qtbot):
    editor = new_text(window)
    type_text(editor, "Un ")
    QTest.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert window.actions["bold"].isChecked()
    type_text(editor, "mot")
    QTest.keyClick(editor, Qt.Key.Key_B, CTRL)
    type_text(editor, " fort")
    runs = text_block(window).text["fr"].paragraphs[0].runs
    assert runs == (TextRun("Un "), TextRun("mot", bold=True), TextRun(" fort"))


def test_the_list_buttons_make_numbered_and_bulleted_lists_and_undo_them(window, qtbot):
    editor = new_text(window)
    type_text(editor, "Le ministre rappelle :\nun\ndeux\ntrois")
    select_left(editor, len("un\ndeux\ntrois"))
    click(window, "numbers")
    text = text_block(window).text["fr"]
    assert [p.kind for p in text.paragraphs] == [ListKind.PLAIN] + [ListKind.NUMBERED] * 3
    assert window.actions["undo"].text() == "&Undo Numbered list"
    assert window.actions["numbers"].isChecked() and not window.actions["bullets"].isChecked()
    block = editor.document().findBlockByNumber(3)
    assert block.textList().itemText(block) == "3."  # the editor numbers as Word will
    assert editor.hasFocus()  # the toolbar leaves the keyboard in the text
    # The cursor (at the start of "un") down to the second item: bullets there, with the keys.
    QTest.keyClick(editor, Qt.Key.Key_Down)
    QTest.keyClick(editor, Qt.Key.Key_L, CTRL | SHIFT)
    kinds = [p.kind for p in text_block(window).text["fr"].paragraphs]
    assert kinds[1:] == [ListKind.NUMBERED, ListKind.BULLET, ListKind.NUMBERED]
    assert window.actions["undo"].text() == "&Undo Bulleted list"
    # The third item is a list of its own now, counting from 1 (as in Word and the preview).
    block = editor.document().findBlockByNumber(3)
    assert block.textList().itemText(block) == "1."
    window.editor.undo()
    window.editor.undo()
    assert not text_block(window).text["fr"].formatted
    assert editor.document().findBlockByNumber(3).textList() is None
    window.editor.redo()
    assert editor.document().findBlockByNumber(1).textList() is not None


def test_enter_continues_a_list_and_enter_on_an_empty_item_ends_it(window, qtbot):
    editor = new_text(window)
    QTest.keyClick(editor, Qt.Key.Key_F12)  # numbers
    type_text(editor, "un\ndeux\n")
    text = text_block(window).text["fr"]
    assert [(p.kind, p.text) for p in text.paragraphs] == [
        (ListKind.NUMBERED, "un"),
        (ListKind.NUMBERED, "deux"),
        (ListKind.NUMBERED, ""),
    ]
    QTest.keyClick(editor, Qt.Key.Key_Return)  # on the empty third item: the list ends
    type_text(editor, "Fin")
    text = text_block(window).text["fr"]
    assert [(p.kind, p.text) for p in text.paragraphs][2] == (ListKind.PLAIN, "Fin")


def test_tab_at_the_start_of_an_item_nests_it_and_shift_tab_brings_it_back(window, qtbot):
    editor = new_text(window)
    QTest.keyClick(editor, Qt.Key.Key_F12, SHIFT)  # bullets, as LibreOffice's Shift+F12
    type_text(editor, "un\ndeux")
    QTest.keyClick(editor, Qt.Key.Key_Home)
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert [p.level for p in text_block(window).text["fr"].paragraphs] == [0, 1]
    assert window.actions["undo"].text() == "&Undo Increase list level"
    assert editor.hasFocus()  # Tab in a list item does not leave the text
    block = editor.document().findBlockByNumber(1)
    assert block.textList().format().indent() == 2
    assert block.textList().format().style() == QTextListFormat.Style.ListCircle
    QTest.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert [p.level for p in text_block(window).text["fr"].paragraphs] == [0, 0]
    QTest.keyClick(editor, Qt.Key.Key_End)
    QTest.keyClick(editor, Qt.Key.Key_Tab)  # not at the start of the item: the next field
    assert not editor.hasFocus()


def test_the_format_commands_are_off_outside_a_free_text(window, qtbot):
    new_text(window)
    assert window.actions["bold"].isEnabled()
    window.actions["details"].trigger()  # the cursor in the note's subject
    subject = QApplication.focusWidget()
    assert not isinstance(subject, FormattedTextEdit)
    for name in ("bold", "italic", "bullets", "numbers", "deeper", "shallower"):
        assert not window.actions[name].isEnabled(), name
    QTest.keyClick(subject, Qt.Key.Key_B, CTRL)
    assert window.document.note.subject == {}


def test_formatting_is_saved_and_reopened_and_the_file_is_version_4(window, qtbot, tmp_path):
    editor = new_text(window)
    type_text(editor, "Point clé\npremier\nsecond")
    select_left(editor, len("premier\nsecond"))
    QTest.keyClick(editor, Qt.Key.Key_F12)
    QTest.keyClick(editor, Qt.Key.Key_Home, CTRL)
    select_left(editor, 0)
    for _ in range(len("Point")):
        QTest.keyClick(editor, Qt.Key.Key_Right, SHIFT)
    QTest.keyClick(editor, Qt.Key.Key_I, CTRL)
    path = tmp_path / "formatted.clausier"
    window.document.session.save(path)
    data = json.loads(path.read_bytes())
    assert data["version"] == 4
    (block,) = data["note"]["sections"][0]["blocks"]
    assert block["text"]["fr"] == [
        [{"text": "Point", "italic": True}, " clé"],
        {"list": "numbered", "text": "premier"},
        {"list": "numbered", "text": "second"},
    ]
    from ui.document import NoteDocument

    reopened = NoteDocument(window.document.session.open(path))
    window.set_document(reopened)
    widget = window.composer.block_widgets[text_block(window).id]
    shown = widget.editors.editors["fr"]
    assert shown.rich() == text_block(window).text["fr"]
    assert (
        shown.document()
        .findBlockByNumber(2)
        .textList()
        .itemText(shown.document().findBlockByNumber(2))
        == "2."
    )
    assert notefile.read(path) == window.document.note


def test_a_bilingual_block_formats_each_language_on_its_own(window, qtbot):
    window.editor.set_metadata("language", NoteLanguage.BILINGUAL)
    window.actions["insert_text"].trigger()
    block = text_block(window)
    widget = window.composer.block_widgets[block.id]
    dutch = widget.editors.editors["nl"]
    dutch.setFocus()
    type_text(dutch, "twee punten")
    QTest.keyClick(dutch, Qt.Key.Key_Home)
    for _ in range(4):
        QTest.keyClick(dutch, Qt.Key.Key_Right, SHIFT)
    click(window, "bold")
    assert text_block(window).text["nl"].paragraphs[0].runs[0] == TextRun("twee", bold=True)
    assert "fr" not in text_block(window).text
    assert window.actions["undo"].text() == "&Undo Bold"


def test_pasting_from_word_keeps_bold_italic_and_lists_only(window, qtbot):
    editor = new_text(window)
    type_text(editor, "Avant. ")
    mime = QMimeData()
    mime.setHtml(
        "<html><body><!--StartFragment--><p class=MsoNormal><span style='font-size:16pt;"
        "color:red;font-family:Arial'>Le <b>SIS</b> et <i>PNR</i></span></p>"
        "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span "
        "style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span>premier</p>"
        "<!--EndFragment--></body></html>"
    )
    mime.setText("Le SIS et PNR\npremier")
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(mime)  # the clipboard owns it now
    QTest.keyClick(editor, Qt.Key.Key_V, CTRL)
    # Emptied while the application lives: the clipboard deleting its data when the test
    # process ends crashes it (PySide6).
    clipboard.clear()
    text = text_block(window).text["fr"]
    assert [(p.kind, p.text) for p in text.paragraphs] == [
        (ListKind.PLAIN, "Avant. Le SIS et PNR"),
        (ListKind.NUMBERED, "premier"),
    ]
    runs = text.paragraphs[0].runs
    assert TextRun("SIS", bold=True) in runs and TextRun("PNR", italic=True) in runs
    assert editor.toPlainText() == "Avant. Le SIS et PNR\npremier"
    # The editor shows no font, size or colour of the source.
    cursor = editor.textCursor()
    cursor.setPosition(9)
    assert cursor.charFormat().foreground().color().name() != "#ff0000"
    assert cursor.charFormat().fontPointSize() in (0, editor.font().pointSizeF())
    window.editor.undo()  # the paste is an undo step of its own
    assert text_block(window).plain("fr") == "Avant. "


def test_backspace_at_the_start_of_a_middle_item_makes_it_prose_and_the_rest_a_new_list(
    window, qtbot
):
    editor = new_text(window)
    QTest.keyClick(editor, Qt.Key.Key_F12)
    type_text(editor, "un\ndeux\ntrois")
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(1).position())
    editor.setTextCursor(cursor)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    text = text_block(window).text["fr"]
    assert [(p.kind, p.text) for p in text.paragraphs] == [
        (ListKind.NUMBERED, "un"),
        (ListKind.PLAIN, "deux"),
        (ListKind.NUMBERED, "trois"),
    ]
    block = editor.document().findBlockByNumber(2)
    assert block.textList().itemText(block) == "1."  # as the export will number it


def test_alt_shift_arrows_change_the_level_of_the_items(window, qtbot):
    editor = new_text(window)
    QTest.keyClick(editor, Qt.Key.Key_L, CTRL | SHIFT)
    type_text(editor, "un\ndeux")
    QTest.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | SHIFT)
    assert [p.level for p in text_block(window).text["fr"].paragraphs] == [0, 1]
    assert window.actions["shallower"].isEnabled()
    QTest.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | SHIFT)
    assert [p.level for p in text_block(window).text["fr"].paragraphs] == [0, 0]
    assert not window.actions["shallower"].isEnabled()
