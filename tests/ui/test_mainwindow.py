"""Drive the real main window as an adviser does: search, insert, type, undo, save, reopen, export."""

from __future__ import annotations

import os
import zipfile

import docx
import pytest
from PySide6.QtTest import QTest

from app.language.codes import NoteLanguage
from app.notes import file as notefile
from app.notes.note import LinkedClause, TextBlock
from tests.ui.conftest import type_text
from ui.panels.blocks import TextBlockWidget
from ui.panels.clauseblocks import LinkedClauseWidget
from ui.qt import QApplication, Qt

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def linked_ids(window) -> list[str]:
    return [b.clause_id for _s, b in window.document.note.blocks() if isinstance(b, LinkedClause)]


def test_two_letters_and_enter_insert_the_best_match(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)  # Find in Library
    assert window.library.search.hasFocus()
    qtbot.keyClicks(window.library.search, "pn")
    best = window.library.selected_clause_id()
    assert best == "vd2.3.2"  # "PNR européen et PNR ferroviaire"
    QTest.keyClick(window.library.search, Qt.Key.Key_Return)
    assert linked_ids(window) == ["vd2.3.2"]
    widget = next(
        w for w in window.composer.block_widgets.values() if isinstance(w, LinkedClauseWidget)
    )
    assert "PNR" in widget.labels["fr"].text()
    assert window.actions["undo"].text() == "&Undo Insert clause vd2.3.2"
    assert window.isWindowModified()


def test_search_ignores_accents_and_arrows_choose_the_result(window, qtbot):
    qtbot.keyClicks(window.library.search, "securite")
    first = window.library.selected_clause_id()
    QTest.keyClick(window.library.search, Qt.Key.Key_Down)
    second = window.library.selected_clause_id()
    assert first and second and first != second
    QTest.keyClick(window.library.search, Qt.Key.Key_Return)
    assert linked_ids(window) == [second]
    assert window.library.search.hasFocus()  # ready for the next search


def test_ctrl_z_after_inserting_from_the_search_undoes_the_insertion(window, qtbot):
    search = window.library.search
    QTest.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)  # Find in Library
    qtbot.keyClicks(search, "pnr")
    QTest.keyClick(search, Qt.Key.Key_Return)
    assert linked_ids(window) == ["vd2.3.2"] and search.hasFocus()
    QTest.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert linked_ids(window) == []  # the insertion, not the query
    assert search.text() == "pnr"
    QTest.keyClick(
        search,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert linked_ids(window) == ["vd2.3.2"]
    qtbot.keyClicks(search, "schengen")  # a new query being typed: Ctrl+Z is the field's
    QTest.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == "pnr" and linked_ids(window) == ["vd2.3.2"]
    assert window.actions["undo"].text() == "&Undo Insert clause vd2.3.2"


def test_undo_and_redo_say_what_they_undo(window, qtbot):
    window.editor.insert_clause("vd2.1.4")
    window.editor.insert_clause("vd2.2.3")
    undo, redo = window.actions["undo"], window.actions["redo"]
    assert undo.text() == "&Undo Insert clause vd2.2.3"
    assert not redo.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert linked_ids(window) == ["vd2.1.4"]
    assert undo.text() == "&Undo Insert clause vd2.1.4"
    assert redo.text() == "&Redo Insert clause vd2.2.3"
    redo.trigger()
    assert linked_ids(window) == ["vd2.1.4", "vd2.2.3"]
    assert len(window.composer.block_widgets) == 2


def test_typing_accented_text_is_one_undo_step_and_undo_restores_the_editor(window, qtbot):
    window.actions["insert_text"].trigger()
    editor = QApplication.focusWidget()
    type_text(editor, "Le Conseil JAI a confirmé l’accord « PNR ».")
    block = next(b for _s, b in window.document.note.blocks() if isinstance(b, TextBlock))
    assert block.plain("fr") == "Le Conseil JAI a confirmé l’accord « PNR »."
    assert window.actions["undo"].text() == "&Undo Typing"
    QTest.keyClick(
        editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )  # in the editor: the note's undo
    assert block.text.get("fr") is None
    assert editor.toPlainText() == ""
    assert window.actions["undo"].text() == "&Undo Insert text"


def test_insertion_follows_the_current_block(window):
    window.editor.insert_clause("vd2.1.1")
    window.editor.insert_clause("vd2.1.2")
    first = window.document.note.sections[0].blocks[0]
    window.composer.focus_block(first.id)
    window.editor.insert_clause("vd2.1.3")
    assert linked_ids(window) == ["vd2.1.1", "vd2.1.3", "vd2.1.2"]


def test_used_clauses_are_marked_in_the_library(window):
    window.editor.insert_clause("vd2.1.4")
    row = window.library.model.index_of("vd2.1.4")
    assert row.data(Qt.ItemDataRole.FontRole).bold()
    assert "used in the note" in row.data(Qt.ItemDataRole.AccessibleTextRole)
    window.editor.undo()
    assert not window.library.model.index_of("vd2.1.4").data(Qt.ItemDataRole.FontRole).bold()


def test_save_reopen_and_recent_files(window, workspace, dialogs, tmp_path):
    window.editor.insert_clause("vd2.3.4")
    window.editor.set_localized("subject", "fr", "Suivi Val Duchesse II")
    dialogs.save_answer = tmp_path / "suivi.clausier"
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "suivi.clausier").exists()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("Suivi Val Duchesse II")
    window.close()
    assert workspace.windows == []

    reopened = workspace.open_path(tmp_path / "suivi.clausier")
    assert reopened is not None
    assert reopened.document.note.subject == {"fr": "Suivi Val Duchesse II"}
    assert linked_ids(reopened) == ["vd2.3.4"]
    assert workspace.services.state.recent_files() == [(tmp_path / "suivi.clausier").resolve()]
    assert not reopened.document.read_only


def test_opening_a_note_replaces_an_untouched_window_but_not_a_modified_one(
    window, workspace, tmp_path
):
    path = tmp_path / "a.clausier"
    notefile.write(window.document.note, path)
    assert workspace.open_path(path, window) is window
    other = tmp_path / "b.clausier"
    notefile.write(window.document.note, other)
    window.editor.insert_clause("vd2.1.1")
    second = workspace.open_path(other, window)
    assert second is not window and len(workspace.windows) == 2
    assert workspace.open_path(path, second) is window  # already open: brought to the front


def test_closing_with_unsaved_changes_asks(window, workspace, dialogs):
    from ui.dialogs.answers import Unsaved

    window.editor.insert_clause("vd2.1.1")
    dialogs.unsaved_answer = Unsaved.CANCEL
    assert not window.close()
    assert dialogs.asked_unsaved and window.isVisible()
    dialogs.unsaved_answer = Unsaved.DISCARD
    assert window.close()
    assert workspace.windows == []


def test_export_shows_warnings_first_then_writes_word_files(window, qtbot, tmp_path, revealed):
    window.editor.set_localized("subject", "fr", "Suivi Val Duchesse II")
    window.editor.insert_clause("vd2.3.2")
    window.editor.insert_text("", -1)
    window.editor.edit_text(window.composer.current_block_id(), "fr", "Le {minister} confirme.")
    window.actions["export"].trigger()
    dialog = window.export_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.folder.setText(str(tmp_path))
    dialog.languages[NoteLanguage.BILINGUAL].setChecked(True)
    warnings = dialog.warnings.plain_text()
    assert "{minister}" in warnings  # unfilled variable, before anything is written
    assert "no Dutch text" in warnings
    names = [p.name for p in dialog.target_names()]
    assert names[0].endswith("_Suivi-Val-Duchesse-II_FR.docx")
    assert names[1].endswith("_FR-NL.docx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert dialog.error == ""
    assert [r.path.name for r in dialog.results] == names
    assert [name.toolTip() for name in dialog.written.names] == [
        str(r.path) for r in dialog.results
    ]
    layout = dialog.layout()
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())  # nothing overlaps
    french = docx.Document(str(dialog.results[0].path))
    text = "\n".join(p.text for p in french.paragraphs)
    assert "Suivi Val Duchesse II" in text
    with zipfile.ZipFile(dialog.results[0].path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "PNR ferroviaire" in xml and 'w:val="fr-BE"' in xml
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert revealed == [tmp_path]


def test_text_blocks_show_one_editor_per_language_of_the_note(window):
    window.editor.insert_text("", -1)
    widget = next(
        w for w in window.composer.block_widgets.values() if isinstance(w, TextBlockWidget)
    )
    assert list(widget.editors.editors) == ["fr"]
    index = window.composer.metadata.language.findData("fr+nl")
    window.composer.metadata.language.setCurrentIndex(index)
    window.composer.metadata.language.activated.emit(index)
    widget = next(
        w for w in window.composer.block_widgets.values() if isinstance(w, TextBlockWidget)
    )
    assert list(widget.editors.editors) == ["fr", "nl"]
    assert window.actions["undo"].text() == "&Undo Change note language"


def test_the_recent_files_menu_lists_and_opens_notes(window, workspace, tmp_path):
    path = tmp_path / "recente.clausier"
    notefile.write(window.document.note, path)
    workspace.remember(path)
    window.fill_recent_menu()
    entries = [a for a in window.actions.recent_menu.actions() if a.text().startswith("&1")]
    assert entries and entries[0].text() == "&1 recente.clausier"
    entries[0].trigger()
    assert window.document.path == path


def test_a_damaged_note_is_refused_with_its_reason(window, workspace, dialogs, tmp_path):
    path = tmp_path / "abime.clausier"
    path.write_text("{not json", encoding="utf-8")
    assert workspace.open_path(path, window) is None
    assert dialogs.errors and "abime.clausier" in dialogs.errors[0]
    assert path.read_text(encoding="utf-8") == "{not json"  # never overwritten
    assert window.document.path is None


def test_new_from_a_skeleton_reuses_an_untouched_window(window, workspace, dialogs):
    dialogs.skeleton_answer = "followup"
    assert workspace.new_note(window) is window
    titles = [s.title["fr"] for s in window.document.note.sections]
    assert "Suivi des engagements" in titles
    dialogs.skeleton_answer = None  # cancelled
    assert workspace.new_note(window) is None


def test_a_long_subject_is_elided_in_the_window_title(window):
    window.editor.set_localized("subject", "fr", "Suivi de la déclaration conjointe " * 10)
    title = window.windowTitle().replace("[*]", "")
    subject = title.removesuffix(" — Clausier")
    assert len(subject) == 80 and subject.endswith("…")


HOSTILE_NOTES = {
    "deep": "[" * 100_000 + "]" * 100_000,
    "1e400": '{"format": "clausier-note", "version": 1, "note": {"sections": [{"blocks": '
    '[{"type": "linked", "clause": "vd2.1.4", "revision": 1e400}]}]}}',
    "digits": '{"format": "clausier-note", "version": 1, "note": {"sections": [{"blocks": '
    '[{"type": "linked", "clause": "vd2.1.4", "revision": ' + "9" * 5000 + "}]}]}}",
    "surrogate": '{"format": "clausier-note", "version": 1, "note": {"subject": "\\ud800"}}',
    "sections": '{"format": "clausier-note", "version": 1, "note": {"sections": ['
    + ", ".join(['{"blocks": []}'] * 200_000)
    + "]}}",
}


@pytest.mark.parametrize("kind", list(HOSTILE_NOTES))
def test_a_hostile_note_chosen_in_the_open_dialog_gives_one_line_and_the_window_goes_on(
    window, workspace, dialogs, tmp_path, kind
):
    path = tmp_path / f"{kind}.clausier"
    path.write_text(HOSTILE_NOTES[kind], encoding="utf-8")
    dialogs.open_answer = path
    window.actions["open"].trigger()  # RecursionError, OverflowError, ValueError escaped here
    (message,) = dialogs.errors
    assert message.startswith(f"{kind}.clausier: the note ") and "\n" not in message
    assert workspace.windows == [window] and window.document.path is None
    assert path.read_text(encoding="utf-8") == HOSTILE_NOTES[kind]


def test_a_named_pipe_chosen_as_a_note_is_refused_without_waiting(window, dialogs, tmp_path):
    os.mkfifo(tmp_path / "pipe.clausier")
    dialogs.open_answer = tmp_path / "pipe.clausier"
    window.actions["open"].trigger()
    assert dialogs.errors == ["Cannot read pipe.clausier: it is a named pipe, not a file"]


def test_a_word_file_chosen_with_ctrl_o_is_named_a_word_file_and_left_untouched(
    window, workspace, dialogs, tmp_path
):
    path = tmp_path / "rapport.docx"
    docx.Document().save(str(path))
    before = path.read_bytes()
    dialogs.open_answer = path
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.errors == ["rapport.docx is a Word file, not a Clausier note."]
    assert workspace.windows == [window] and window.document.path is None
    assert path.read_bytes() == before


# --- saving: never silent, never over a file the user did not mean (issue 9) ----------


def _save_with_ctrl_s(window) -> None:
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_a_read_only_note_says_so_as_it_opens_and_ctrl_s_asks_for_a_copy(
    window, workspace, dialogs, tmp_path, qtbot
):
    path = tmp_path / "signed.clausier"
    window.document.note.subject = {"fr": "Signée"}
    notefile.write(window.document.note, path)
    path.chmod(0o444)  # as root too: the mode is what says it (root may write anything)
    before = path.read_bytes()
    opened = workspace.open_path(path, window)
    assert opened.banner.isVisible()
    assert opened.banner.text() == (
        "Read-only: signed.clausier cannot be saved over (the file is read-only). "
        "Use Save As to keep your changes in a copy."
    )
    assert opened.windowTitle().replace("[*]", "") == "Signée — Clausier (read-only)"
    assert dialogs.informations == []  # a bar, as Word has, not a box to dismiss
    subject = opened.composer.metadata.localized["subject"].edits["fr"]
    qtbot.mouseClick(subject, Qt.MouseButton.LeftButton)
    QTest.keyClick(subject, Qt.Key.Key_End)
    type_text(subject, " et changée")  # it is edited as usual, and kept as a copy
    assert opened.document.note.subject["fr"] == "Signée et changée"
    _save_with_ctrl_s(opened)  # straight to Save As (cancelled here): nothing is tried on it
    assert dialogs.save_as_offers == []
    assert opened.isWindowModified() and path.read_bytes() == before
    dialogs.save_answer = tmp_path / "copy.clausier"
    qtbot.mouseClick(opened.banner.save_as, Qt.MouseButton.LeftButton)
    assert notefile.read(tmp_path / "copy.clausier").subject["fr"] == "Signée et changée"
    assert not opened.banner.isVisible()
    assert opened.windowTitle().replace("[*]", "") == "Signée et changée — Clausier"
    assert path.read_bytes() == before


def test_a_note_made_read_only_while_open_is_refused_with_save_as_offered_and_stays_unsaved(
    window, workspace, dialogs, tmp_path
):
    path = tmp_path / "signed.clausier"
    notefile.write(window.document.note, path)
    before = path.read_bytes()
    opened = workspace.open_path(path, window)
    path.chmod(0o444)
    opened.editor.set_localized("subject", "fr", "Changé")
    _save_with_ctrl_s(opened)
    (offer,) = dialogs.save_as_offers
    assert offer == (
        "The note was not saved: Cannot save signed.clausier: the file is read-only. "
        "The previous file is unchanged."
    )
    assert opened.isWindowModified() and opened.document.modified
    assert path.read_bytes() == before
    dialogs.save_as_answer = True
    dialogs.save_answer = tmp_path / "copy.clausier"
    _save_with_ctrl_s(opened)
    assert notefile.read(tmp_path / "copy.clausier").subject["fr"] == "Changé"
    assert not opened.isWindowModified() and opened.document.path == tmp_path / "copy.clausier"
    assert path.read_bytes() == before


def test_a_save_onto_a_full_disk_is_reported_and_the_note_stays_unsaved(window, dialogs):
    from tests.app import realfaults

    with realfaults.full_disk() as disk:
        dialogs.save_answer = disk / "n.clausier"
        window.editor.set_localized("subject", "fr", "Premier jet")
        _save_with_ctrl_s(window)
        assert not window.isWindowModified()
        before = (disk / "n.clausier").read_bytes()
        realfaults.fill(disk)
        window.editor.set_localized("subject", "fr", "Second jet " + "x" * 8000)
        _save_with_ctrl_s(window)
        (offer,) = dialogs.save_as_offers
        assert "n.clausier: the disk is full" in offer
        assert window.isWindowModified()
        assert (disk / "n.clausier").read_bytes() == before
        assert not [p for p in disk.iterdir() if p.name.endswith(".tmp")]


def test_text_with_a_lone_surrogate_from_an_editor_is_cleaned_and_saves(window, dialogs, tmp_path):
    window.editor.set_localized("subject", "fr", "caf\udce9")
    dialogs.save_answer = tmp_path / "n.clausier"
    _save_with_ctrl_s(window)
    assert dialogs.save_as_offers == [] and dialogs.errors == []
    assert not window.isWindowModified()
    assert notefile.read(tmp_path / "n.clausier").subject == {"fr": "caf\ufffd"}


def test_an_unexpected_save_failure_is_reported_not_silent(window, dialogs, tmp_path, monkeypatch):
    def broken(note) -> str:
        raise UnicodeEncodeError("utf-8", "caf\udce9", 3, 4, "surrogates not allowed")

    monkeypatch.setattr(notefile, "dumps", broken)
    window.editor.set_localized("subject", "fr", "Sujet")
    dialogs.save_answer = tmp_path / "n.clausier"
    _save_with_ctrl_s(window)
    (offer,) = dialogs.save_as_offers
    assert offer.startswith("The note was not saved: ") and "\n" not in offer
    assert window.isWindowModified() and not (tmp_path / "n.clausier").exists()


def test_saving_a_note_with_a_hard_link_tells_the_user(window, workspace, dialogs, tmp_path):
    path = tmp_path / "n.clausier"
    notefile.write(window.document.note, path)
    os.link(path, tmp_path / "other-name.clausier")
    opened = workspace.open_path(path, window)
    opened.editor.set_localized("subject", "fr", "Changé")
    _save_with_ctrl_s(opened)
    (told,) = dialogs.informations
    assert "hard link" in told and "n.clausier" in told
    assert notefile.read(tmp_path / "other-name.clausier").subject == {}


def _on_screen(window) -> bool:
    return window.screen().availableGeometry().contains(window.frameGeometry())


def test_a_new_window_fits_a_screen_smaller_than_its_usual_size(workspace, qtbot):
    area = QApplication.primaryScreen().availableGeometry()
    window = workspace.new_window()
    usual = window.fontMetrics().averageCharWidth() * 200
    assert usual > area.width()  # the offscreen screen is small, as 200% scaling makes it
    window.show()
    qtbot.waitUntil(lambda: _on_screen(window))
    assert window.width() >= window.minimumSizeHint().width()


def test_a_saved_geometry_larger_than_the_screen_is_brought_inside_it(services, workspace, qtbot):
    from ui.qt import QWidget

    big = QWidget()
    big.resize(3000, 2000)
    big.move(2500, 1500)  # where a second, larger monitor used to be
    services.state.set("geometry", bytes(big.saveGeometry().toHex()).decode("ascii"))
    window = workspace.new_window()
    window.show()
    qtbot.waitUntil(lambda: _on_screen(window))  # once its frame is known
    second = workspace.new_window()  # a second window goes beside the first, on screen too
    second.show()
    qtbot.waitUntil(lambda: _on_screen(second))


def test_panes_keep_a_usable_width_and_the_note_scrolls_sideways(window, qtbot):
    window.editor.set_metadata("language", NoteLanguage.BILINGUAL)
    window.resize(900, 600)  # a small window
    char = window.fontMetrics().averageCharWidth()
    window.splitter.setSizes([2000, 1, 2000])  # the user drags both handles onto the note
    composer = window.composer
    qtbot.waitUntil(lambda: composer.width() < composer.page.width())
    assert window.middle.width() >= 40 * char
    assert window.library.width() >= 30 * char and window.right.width() >= 30 * char
    bar = composer.horizontalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0  # the note is wider than its pane: it scrolls
    QTest.keyClick(bar, Qt.Key.Key_End)  # to the right side
    assert bar.value() == bar.maximum()
    dutch = composer.metadata.localized["subject"].edits["nl"]

    def dutch_seen() -> bool:
        right = dutch.mapTo(composer.viewport(), dutch.rect().topRight())
        return composer.viewport().rect().contains(right)

    qtbot.waitUntil(dutch_seen)  # the NL column can be seen, once the form is laid out


def test_the_check_list_never_takes_the_preview_s_room(window, qtbot):
    window.editor.set_metadata("language", NoteLanguage.BILINGUAL)
    for lang, subject, addressee in (
        ("fr", "Suivi", "Le Ministre"),
        ("nl", "Opvolging", "De Minister"),
    ):
        window.editor.set_localized("subject", lang, subject)
        window.editor.set_localized("addressee", lang, addressee)
    window.editor.set_metadata("author", "Jean Dupont")
    window.resize(900, 600)
    window.editor.insert_follow_up("", -1)
    block_id = window.composer.current_block_id()
    for row in range(12):
        window.editor.add_follow_up_row(block_id, "")
        window.editor.edit_follow_up(block_id, row, "state", "fr", "En cours")
    window.preview.render_now()
    preview = window.preview
    qtbot.waitUntil(lambda: preview.checks.isVisible() and preview.checks.count() == 12)
    QApplication.processEvents()  # the list lays its lines out a moment after it gets them
    assert preview.browser.height() >= 2 * preview.checks.height()
    assert preview.checks.verticalScrollBar().maximum() > 0  # the rest of the list scrolls
