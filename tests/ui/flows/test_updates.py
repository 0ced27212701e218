"""Linked clauses kept in step in the window: the newer-wording line, the review dialog, the choices."""

from __future__ import annotations

import json

import pytest
from PySide6.QtTest import QTest

from app.library.personal import ClauseDraft
from app.notes.note import CopiedClause, LinkedClause
from ui.panels.clauseblocks import CopiedClauseWidget, LinkedClauseWidget
from ui.qt import QApplication, Qt

OLD = "Les deux pays renforcent le SIS."
NEW = "Les deux pays renforcent nettement le SIS avant juin."


def linked_block(window, services, text: str = OLD) -> tuple[str, str]:
    """A personal clause linked in the window's note: (clause id, block id)."""
    change = window.workspace.change_library(
        window,
        lambda: services.collection.add_clause(
            ClauseDraft(text={"fr": text}, title={"fr": "Renfort du SIS"})
        ),
    )
    clause_id = change.clause_ids[0]
    window.editor.insert_clause(clause_id)
    block_id = window.composer.current_block_id()
    assert isinstance(window.document.session.block(block_id), LinkedClause)
    return clause_id, block_id


def edit_in_library(window, services, clause_id: str, text: str = NEW) -> None:
    window.workspace.change_library(
        window, lambda: services.collection.edit_clause(clause_id, text={"fr": text})
    )


def block_widget(window, block_id: str):
    return window.composer.block_widgets[block_id]


@pytest.fixture
def outdated(window, services):
    """A note linking revision 1 of a clause whose library wording is now revision 2."""
    clause_id, block_id = linked_block(window, services)
    edit_in_library(window, services, clause_id)
    return clause_id, block_id


def test_a_linked_block_says_a_newer_wording_exists_and_keeps_showing_its_own(
    window, services, outdated
):
    _clause_id, block_id = outdated
    widget = block_widget(window, block_id)
    assert isinstance(widget, LinkedClauseWidget)
    assert widget.update_line.isVisible() and widget.update_line.review.isVisible()
    assert widget.update_line.label.text() == "Newer wording available (revision 2)"
    assert widget.labels["fr"].text() == OLD  # nothing updates silently
    assert window.document.session.block(block_id).revision == 1
    assert widget.update_line.review.accessibleName()
    assert widget.update_line.review in widget.focus_targets()
    message = window.statusBar().currentMessage()
    assert message.startswith("1 linked clause has a newer wording — Note › Review Clause Updates")
    assert "Ctrl+Shift+U" in message


def test_review_button_opens_the_dialog_with_the_word_diff(window, services, outdated):
    _clause_id, block_id = outdated
    widget = block_widget(window, block_id)
    with_signal = []
    window.composer.reviewUpdateRequest.connect(with_signal.append)
    widget.update_line.review.click()
    assert with_signal == [block_id]
    dialog = window.updates_dialog
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.current().block_id == block_id
    assert "revision 1" in dialog.revisions.text() and "revision 2" in dialog.revisions.text()
    html = dialog.diff.toHtml()
    assert "nettement" in html and "avant juin" in html
    added = [p.text for d in dialog.diff.diffs.values() for p in d.text if p.op.name == "INSERT"]
    assert any("nettement" in text for text in added)
    assert dialog.update_button.text() == "&Update to Revision 2"
    assert dialog.list.accessibleName() and dialog.diff.accessibleName()


def test_update_takes_the_new_wording_and_undo_brings_the_old_back(window, services, outdated):
    _clause_id, block_id = outdated
    window.run_flow("ui.flows.updates", "review_updates", block_id)
    dialog = window.updates_dialog
    dialog.update_button.click()
    block = window.document.session.block(block_id)
    assert isinstance(block, LinkedClause) and block.revision == 2
    widget = block_widget(window, block_id)
    assert widget.labels["fr"].text() == NEW
    assert widget.update_line.isHidden()
    assert window.actions["undo"].text() == f"&Undo Update clause {block.clause_id} to revision 2"
    assert not dialog.empty.isHidden() and dialog.splitter.isHidden()  # nothing left to review
    window.editor.undo()
    assert window.document.session.block(block_id).revision == 1
    assert block_widget(window, block_id).labels["fr"].text() == OLD
    assert dialog.current().block_id == block_id  # the dialog follows the note


def test_keeping_the_old_wording_is_quiet_saved_reopened_and_still_warned_at_export(
    window, services, workspace, dialogs, outdated, tmp_path
):
    clause_id, block_id = outdated
    window.run_flow("ui.flows.updates", "review_updates", block_id)
    dialog = window.updates_dialog
    QTest.keyClick(dialog.keep_button, Qt.Key.Key_Space)  # keyboard only
    widget = block_widget(window, block_id)
    assert widget.update_line.review.isHidden()
    assert widget.update_line.label.text() == "Kept revision 1 (the library has revision 2)"
    assert window.actions["undo"].text() == f"&Undo Keep revision 1 of clause {clause_id}"
    assert dialog.current().kept and not dialog.keep_button.isEnabled()
    path = tmp_path / "gardé.clausier"
    dialogs.save_answer = path
    assert window.save_as()
    saved = json.loads(path.read_text("utf-8"))
    (block,) = [b for s in saved["note"]["sections"] for b in s["blocks"] if b["id"] == block_id]
    assert block["kept"] == 2 and block["revision"] == 1
    window.close()
    QApplication.processEvents()
    reopened = workspace.open_path(path)
    assert reopened is not None and reopened.document.session.kept == {block_id: 2}
    widget = block_widget(reopened, block_id)
    assert widget.update_line.label.text().startswith("Kept revision 1")
    assert widget.update_line.review.isHidden()
    assert reopened.statusBar().currentMessage() == ""  # a kept wording is not announced
    reopened.actions["export"].trigger()
    warnings = reopened.export_dialog.warnings.plain_text()
    assert f"Clause {clause_id} is linked at revision 1; the library has revision 2" in warnings


def test_edit_locally_copies_the_linked_wording_into_the_note(window, services, outdated):
    _clause_id, block_id = outdated
    window.run_flow("ui.flows.updates", "review_updates", block_id)
    window.updates_dialog.local_button.click()
    block = window.document.session.block(block_id)
    assert isinstance(block, CopiedClause)
    assert (block.revision, block.plain("fr")) == (1, OLD)
    assert isinstance(block_widget(window, block_id), CopiedClauseWidget)
    assert window.actions["undo"].text() == "&Undo Copy clause into the note"
    window.editor.undo()
    assert isinstance(window.document.session.block(block_id), LinkedClause)


def test_the_shortcut_reviews_the_current_block_and_a_note_in_step_says_so(window, services, qtbot):
    QTest.keyClick(
        window,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.updates_dialog
    assert dialog.isVisible() and dialog.splitter.isHidden()
    assert "nothing to review" in dialog.empty.text()
    dialog.close()
    clause_id, block_id = linked_block(window, services)
    edit_in_library(window, services, clause_id)
    window.composer.focus_block(block_id)
    QTest.keyClick(
        window,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert dialog.isVisible() and dialog.current().block_id == block_id
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.list
    QTest.keyClick(dialog.list, Qt.Key.Key_Tab)  # the list, then the choices
    assert dialog.focusWidget() is dialog.update_button
    QTest.keyClick(dialog.update_button, Qt.Key.Key_Space)
    assert window.document.session.block(block_id).revision == 2


def test_retired_and_deleted_clauses_say_so(window, services):
    clause_id, block_id = linked_block(window, services)
    window.workspace.change_library(window, lambda: services.collection.retire_clause(clause_id))
    widget = block_widget(window, block_id)
    line = widget.update_line
    assert "retired" in line.label.text().lower()
    window.run_flow("ui.flows.updates", "review_updates", block_id)
    dialog = window.updates_dialog
    assert dialog.current() is None  # retiring alone makes no newer revision to review
    window.workspace.change_library(window, lambda: services.collection.delete_clause(clause_id))
    assert "deleted" in block_widget(window, block_id).update_line.label.text().lower()
    assert block_widget(window, block_id).labels["fr"].text() == OLD


def test_only_details_changed_is_flagged(window, services):
    clause_id, block_id = linked_block(window, services)
    window.workspace.change_library(
        window, lambda: services.collection.tag_clause(clause_id, add=["sis"])
    )
    widget = block_widget(window, block_id)
    assert "same wording" in widget.update_line.label.text()
    window.run_flow("ui.flows.updates", "review_updates", block_id)
    dialog = window.updates_dialog
    assert "Only its details changed" in dialog.flags.text()


def test_the_dialog_retranslates(window, services, outdated):
    _clause_id, block_id = outdated
    window.run_flow("ui.flows.updates", "review_updates", block_id)
    dialog = window.updates_dialog
    dialog.retranslate()
    assert dialog.windowTitle() == "Review Clause Updates"
    assert dialog.current().block_id == block_id


def test_a_note_with_a_bad_kept_value_is_refused_with_a_clear_message(
    window, workspace, dialogs, tmp_path
):
    path = tmp_path / "abîmée.clausier"
    block = {"type": "linked", "id": "b", "clause": "vd2.1.4", "revision": 1, "kept": "deux"}
    note = {"format": "clausier-note", "version": 1, "note": {"sections": [{"blocks": [block]}]}}
    path.write_text(json.dumps(note), "utf-8")
    assert workspace.open_path(path, window) is None
    (message,) = dialogs.errors
    assert "abîmée.clausier" in message and "“kept” must be a revision number" in message
    assert "Traceback" not in message
