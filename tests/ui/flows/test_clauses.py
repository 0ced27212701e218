"""The personal library flows: save a block as a clause, edit, history, translation, retire, delete."""

from __future__ import annotations

from PySide6.QtTest import QTest

from app.library.clauses import PERSONAL
from app.library.sync import SyncState
from tests.ui.conftest import type_text
from ui.panels.library import CLAUSE_ROLE
from ui.qt import QApplication, Qt, QTextCursor

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def panel_ids(window) -> list[str]:
    """The clause ids the library panel lists (a search shows a flat list)."""
    model = window.library.model
    found, pending = [], [model.index(r, 0) for r in range(model.rowCount())]
    while pending:
        index = pending.pop(0)
        if index.data(CLAUSE_ROLE):
            found.append(index.data(CLAUSE_ROLE))
        pending.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    return found


def search(window, qtbot, text: str) -> list[str]:
    window.library.search.clear()
    qtbot.keyClicks(window.library.search, text)
    return panel_ids(window)


def typed_text_block(window, text: str) -> str:
    """A new text block of the note with ``text`` typed into its French editor."""
    window.editor.insert_text("", -1)
    block_id = window.composer.current_block_id()
    editor = window.composer.block_widgets[block_id].editors.editors["fr"]
    editor.setFocus()
    type_text(editor, text)
    return block_id


def new_personal_clause(window, qtbot, fr: str, nl: str = "") -> str:
    """A clause written with Library ▸ New Clause (both languages when ``nl`` is given)."""
    window.actions["new_clause"].trigger()
    dialog = window.clause_dialog
    dialog.texts["fr"].setPlainText(fr)
    dialog.texts["nl"].setPlainText(nl)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert window.clause_dialog is None
    return window.library.selected_clause_id()


def test_a_typed_text_block_is_saved_as_a_clause_found_by_search(window, qtbot, services):
    typed_text_block(window, "Coopération transfrontalière entre polices")
    QTest.keyClick(window, Qt.Key.Key_K, CTRL_SHIFT)
    dialog = window.clause_dialog
    assert dialog.isVisible()
    assert dialog.texts["fr"].toPlainText() == "Coopération transfrontalière entre polices"
    assert dialog.kind.currentData() == "standard"
    dialog.titles["fr"].setText("Coopération policière")
    type_text(dialog.tags, "police, frontières")
    QTest.keyClick(dialog.tags, Qt.Key.Key_Return)  # the default button saves

    assert window.clause_dialog is None
    clause_id = window.library.selected_clause_id()
    clause = services.collection.clause(clause_id)
    assert clause.library == PERSONAL
    assert clause.text == {"fr": "Coopération transfrontalière entre polices"}
    assert clause.title == {"fr": "Coopération policière"}
    assert clause.tags == ("police", "frontières")
    assert clause_id in search(window, qtbot, "cooperation transfrontaliere polices")  # no accents
    assert clause_id in window.library.preview.toPlainText()


def test_only_the_selected_text_of_a_block_is_offered(window):
    block_id = typed_text_block(window, "Premier alinéa. Second alinéa.")
    editor = window.composer.block_widgets[block_id].editors.editors["fr"]
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len("Premier alinéa."), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    window.actions["save_as_clause"].trigger()
    assert window.clause_dialog.texts["fr"].toPlainText() == "Premier alinéa."
    window.clause_dialog.reject()


def test_a_linked_clause_or_no_block_is_refused_with_a_message(window, dialogs):
    window.actions["save_as_clause"].trigger()  # no block yet
    window.editor.insert_clause("vd2.1.1")
    window.actions["save_as_clause"].trigger()
    assert len(dialogs.informations) == 2
    assert "vd2.1.1" in dialogs.informations[1]
    assert getattr(window, "clause_dialog", None) is None


def test_nothing_selected_in_the_library_is_said_not_raised(window, dialogs):
    from ui.flows import clauses as clauseflows

    for flow in (
        clauseflows.edit_clause,
        clauseflows.show_history,
        clauseflows.show_translation,
        clauseflows.retire_clause,
        clauseflows.delete_clause,
        clauseflows.copy_to_personal,
    ):
        flow(window, "")
    assert dialogs.informations == ["Select a clause in the library first."] * 6


def test_edit_history_and_restore(window, qtbot, services):
    collection = services.collection
    clause_id = new_personal_clause(window, qtbot, "Les deux pays échangent leurs analyses.")
    window.actions["edit_clause"].trigger()
    dialog = window.clause_dialog
    assert dialog.texts["fr"].toPlainText() == "Les deux pays échangent leurs analyses."
    dialog.texts["fr"].setPlainText("Les deux pays échangent chaque mois leurs analyses.")
    dialog.remark.setText("fréquence précisée")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert collection.clause(clause_id).revision == 2

    QTest.keyClick(window, Qt.Key.Key_H, CTRL_SHIFT)
    history = window.history_dialog
    rows = [history.list.topLevelItem(r) for r in range(history.list.topLevelItemCount())]
    assert [r.text(0) for r in rows] == ["2", "1"]
    assert "French text" in rows[0].text(3) and "fréquence précisée" in rows[0].text(3)
    assert rows[0].text(1)  # date and time
    history.list.setCurrentItem(rows[1])  # revision 1 against the newest
    assert "chaque mois" in history.view.toPlainText()
    assert history.view.diffs["fr"].changed
    assert history.restore.isEnabled()
    qtbot.mouseClick(history.restore, Qt.MouseButton.LeftButton)

    clause = collection.clause(clause_id)
    assert clause.revision == 3
    assert clause.text["fr"] == "Les deux pays échangent leurs analyses."
    assert [r.revision for r in collection.history(clause_id)] == [3, 2, 1]
    assert history.list.topLevelItem(0).text(0) == "3"
    assert "restored revision 1" in history.list.topLevelItem(0).text(3)
    history.compare.setCurrentIndex(1)  # the newest against the one before it
    assert "chaque mois" in history.view.toPlainText()
    QTest.keyClick(history, Qt.Key.Key_Escape)
    assert window.history_dialog is None


def test_changing_the_french_puts_the_dutch_out_of_date_until_translated(window, qtbot, services):
    collection = services.collection
    clause_id = new_personal_clause(
        window, qtbot, "Les ministres se réunissent.", "De ministers komen samen."
    )
    window.actions["edit_clause"].trigger()
    dialog = window.clause_dialog
    dialog.texts["fr"].setPlainText("Les ministres se réunissent deux fois par an.")
    dialog.accept()
    assert collection.sync_states(clause_id)["nl"] is SyncState.OUT_OF_DATE

    window.actions["translations_due"].trigger()
    due = window.translations_due_dialog
    assert due.selected() == (clause_id, "nl")
    qtbot.mouseClick(due.open_button, Qt.MouseButton.LeftButton)
    translation = window.translation_dialog
    assert translation.target() == "nl"
    assert "out of date" in translation.state_labels["nl"].accessibleName()
    assert "deux fois par an" in translation.view.toPlainText()  # the French diff
    assert translation.view.diffs["fr"].changed
    assert translation.text.toPlainText() == "De ministers komen samen."
    assert translation.confirm_button.isEnabled()
    translation.text.setPlainText("De ministers komen twee keer per jaar samen.")
    qtbot.mouseClick(translation.update_button, Qt.MouseButton.LeftButton)

    assert collection.sync_states(clause_id) == {"fr": SyncState.IN_STEP, "nl": SyncState.IN_STEP}
    assert collection.clause(clause_id).text["nl"] == "De ministers komen twee keer per jaar samen."
    assert "up to date" in translation.state_labels["nl"].accessibleName()
    assert not translation.confirm_button.isEnabled()
    message = window.statusBar().currentMessage()
    assert message == f"The NL translation of {clause_id} is saved and in step."
    assert due.list.topLevelItemCount() == 0 and not due.open_button.isEnabled()


def test_still_correct_confirms_the_translation(window, qtbot, services):
    collection = services.collection
    clause_id = new_personal_clause(window, qtbot, "Texte initial.", "Oorspronkelijke tekst.")
    collection_change = window.workspace.change_library
    collection_change(
        window, lambda: collection.edit_clause(clause_id, text={"fr": "Texte initial !"})
    )
    window.actions["clause_translation"].trigger()
    translation = window.translation_dialog
    qtbot.mouseClick(translation.confirm_button, Qt.MouseButton.LeftButton)
    assert collection.sync_states(clause_id)["nl"] is SyncState.IN_STEP
    assert collection.clause(clause_id).text["nl"] == "Oorspronkelijke tekst."
    assert "confirmed as still correct" in window.statusBar().currentMessage()


def test_retired_clauses_leave_search_and_come_back_from_the_dialog(
    window, qtbot, services, dialogs
):
    clause_id = new_personal_clause(window, qtbot, "Échange de magistrats de liaison renforcé.")
    assert search(window, qtbot, "magistrats liaison renforce")[0] == clause_id
    window.actions["retire_clause"].trigger()
    assert services.collection.library.find(clause_id).retired
    assert clause_id not in search(window, qtbot, "magistrats liaison renforce")

    window.actions["deleted_clauses"].trigger()
    deleted = window.deleted_dialog
    assert deleted.selected() == (clause_id, "retired")
    assert "Retired" in deleted.list.topLevelItem(0).text(2)
    assert deleted.bring_back.isEnabled() and not deleted.undelete.isEnabled()
    qtbot.mouseClick(deleted.bring_back, Qt.MouseButton.LeftButton)
    assert not services.collection.library.find(clause_id).retired
    assert deleted.list.topLevelItemCount() == 0
    assert window.library.selected_clause_id() == clause_id
    assert clause_id in search(window, qtbot, "magistrats liaison renforce")


def test_deleted_clauses_are_undeleted(window, qtbot, services, dialogs):
    collection = services.collection
    clause_id = new_personal_clause(window, qtbot, "Une clause à supprimer.")
    dialogs.confirm_answer = False
    window.actions["delete_clause"].trigger()
    assert collection.library.find(clause_id) is not None
    dialogs.confirm_answer = True
    window.actions["delete_clause"].trigger()
    assert collection.library.find(clause_id) is None
    assert clause_id not in panel_ids(window)

    window.actions["deleted_clauses"].trigger()
    deleted = window.deleted_dialog
    assert deleted.selected() == (clause_id, "deleted")
    assert "Une clause à supprimer." in deleted.preview.toPlainText()
    qtbot.mouseClick(deleted.undelete, Qt.MouseButton.LeftButton)
    assert collection.library.find(clause_id) is not None
    assert window.library.selected_clause_id() == clause_id


def test_editing_a_built_in_clause_offers_to_copy_it_first(window, qtbot, services, dialogs):
    collection = services.collection
    search(window, qtbot, "explos")
    assert window.library.selected_clause_id() == "vd2.3.7"
    dialogs.confirm_answer = False
    window.actions["edit_clause"].trigger()
    assert getattr(window, "clause_dialog", None) is None
    assert collection.clause("vd2.3.7").library != PERSONAL

    dialogs.confirm_answer = True
    window.actions["edit_clause"].trigger()
    dialog = window.clause_dialog
    copy_id = dialog.clause_id
    assert copy_id != "vd2.3.7"
    copy = collection.clause(copy_id)
    assert copy.library == PERSONAL
    assert "vd2.3.7" in copy.remark
    assert window.library.selected_clause_id() == copy_id
    assert dialog.texts["fr"].toPlainText() == collection.clause("vd2.3.7").text["fr"]
    dialog.texts["fr"].setPlainText(dialog.texts["fr"].toPlainText() + " Mise à jour.")
    dialog.accept()
    assert collection.clause(copy_id).revision == 2
    assert not collection.clause("vd2.3.7").text["fr"].endswith(" Mise à jour.")


def test_built_in_clauses_cannot_be_retired_or_restored(window, qtbot, dialogs):
    search(window, qtbot, "explos")
    assert not window.actions["retire_clause"].isEnabled()  # only one's own clauses
    assert not window.actions["delete_clause"].isEnabled()
    assert window.actions["copy_to_personal"].isEnabled()
    run_flow = __import__("ui.flows.clauses", fromlist=["retire_clause"]).retire_clause
    run_flow(window, window.library.selected_clause_id())  # e.g. reached another way
    assert "personal library" in dialogs.informations[-1]
    window.actions["clause_history"].trigger()
    history = window.history_dialog
    assert not history.restore.isEnabled()
    assert "copy it there" in history.heading.text()


def test_the_dialogs_follow_the_interface_language(window, qtbot, services):
    new_personal_clause(window, qtbot, "Texte.", "Tekst.")
    window.actions["clause_history"].trigger()
    services.language.apply("fr")
    QApplication.processEvents()
    assert window.history_dialog.restore.accessibleName()
    services.language.apply("en")
    assert window.history_dialog.restore.text() == "&Restore as Newest"


def test_every_dialog_names_its_controls_and_works_from_the_keyboard(window, qtbot, services):
    from tests.ui.test_accessibility import unnamed_controls

    clause_id = new_personal_clause(window, qtbot, "Texte.", "Tekst.")
    collection = services.collection
    window.workspace.change_library(
        window, lambda: collection.edit_clause(clause_id, text={"fr": "Texte modifié."})
    )
    window.actions["edit_clause"].trigger()
    dialog = window.clause_dialog
    assert unnamed_controls(dialog) == []
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.titles["fr"].setFocus()
    for expected in (dialog.texts["fr"], dialog.titles["nl"], dialog.texts["nl"], dialog.kind):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.clause_dialog is None
    assert services.collection.clause(clause_id).revision == 2  # cancelled: no new revision

    for action, name in (
        ("clause_history", "history_dialog"),
        ("clause_translation", "translation_dialog"),
        ("translations_due", "translations_due_dialog"),
        ("deleted_clauses", "deleted_dialog"),
    ):
        window.actions[action].trigger()
        opened = getattr(window, name)
        opened.activateWindow()
        qtbot.waitUntil(opened.isActiveWindow)
        assert unnamed_controls(opened) == [], name
        assert opened.focusWidget() is not None
        QTest.keyClick(opened.focusWidget(), Qt.Key.Key_Escape)
        assert getattr(window, name) is None
