"""File › Bring Back Changes from Word…: the review dialog driven as a user drives it."""

from __future__ import annotations

import pytest

from app.library.personal import ClauseDraft
from app.notes import file as notefile
from app.notes.note import CopiedClause, LinkedClause
from tests.app.roundtrip.wordedit import WordXml, export, sample_note
from ui.flows import reconcile as reconcileflows
from ui.qt import QApplication, Qt


@pytest.fixture
def opened_note(workspace, tmp_path):
    """The sample note saved, opened in a window, and exported as Word."""
    path = tmp_path / "val-duchesse.clausier"
    notefile.write(sample_note(), path)
    window = workspace.open_path(path)
    window.show()
    docx = export(window.document.note, tmp_path / "val-duchesse.docx")
    return window, docx


def test_the_file_menu_offers_bring_back(window):
    texts = [a.text() for a in window.actions.menus["file"].actions()]
    assert "&Bring Back Changes from Word…" in texts


def test_accept_one_change_reject_another_then_undo(opened_note, qtbot):
    window, docx = opened_note
    word = WordXml(docx)
    word.replace_word("rappelle", "a rappelé")
    word.replace_word("conclusion", "synthèse")
    word.save()
    session = window.document.session
    dialog = reconcileflows.bring_back(window, docx)
    assert dialog is not None and dialog.list.count() == 2
    assert "Nothing changes in the note until you accept." in dialog.summary.text()
    assert not session.modified
    dialog.list.setCurrentRow(0)
    assert "a rappelé" in dialog.detail.toPlainText()
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert "a rappelé les engagements" in session.block("t1").plain("fr")
    assert dialog.list.currentRow() == 1  # on to the next pending change
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    assert session.block("t2").plain("fr") == "Un paragraphe de conclusion."
    assert dialog.list.item(0).text().startswith("✓")
    assert dialog.list.item(1).text().startswith("✗")
    assert window.actions["undo"].text() == "&Undo Bring back change from Word"
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert "a rappelé" not in session.block("t1").plain("fr")
    assert dialog.list.item(0).text().startswith("•")
    assert not session.modified


def test_accept_all_then_the_window_undoes_each_acceptance(opened_note, qtbot):
    window, docx = opened_note
    word = WordXml(docx)
    word.replace_word("renforcement", "durcissement")
    word.delete_control("clausier:vd2.1.3@1:fr")
    word.save()
    session = window.document.session
    dialog = reconcileflows.bring_back(window, docx)
    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    assert isinstance(session.block("c1"), CopiedClause)
    assert [b.id for b in session.note.sections[1].blocks] == ["c1", "c2"]
    dialog.close()
    window.actions["undo"].trigger()
    assert [b.id for b in session.note.sections[1].blocks] == ["c1", "c2", "c3"]
    window.actions["undo"].trigger()
    assert isinstance(session.block("c1"), LinkedClause)


def test_an_edit_of_my_own_clause_can_become_a_new_revision(opened_note, services, qtbot):
    window, _docx = opened_note
    change = window.workspace.change_library(
        window,
        lambda: services.collection.add_clause(
            ClauseDraft(text={"fr": "Les deux pays renforcent le SIS."}, title={"fr": "SIS"})
        ),
    )
    clause_id = change.clause_ids[0]
    window.editor.insert_clause(clause_id)
    block_id = window.composer.current_block_id()
    docx = export(
        window.document.note, window.document.path.with_suffix(".docx"), library=services.library
    )
    word = WordXml(docx)
    word.replace_word("renforcent", "consolident")
    word.save()
    dialog = reconcileflows.bring_back(window, docx)
    row = next(i for i in range(dialog.list.count()) if clause_id in dialog.list.item(i).text())
    dialog.list.setCurrentRow(row)
    assert dialog.as_copy.isChecked() and dialog.as_revision.isEnabled()
    assert not dialog.as_revision.isHidden()
    dialog.as_revision.setChecked(True)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    clause = services.library.newest(clause_id)
    assert clause.revision == 2 and clause.text_in("fr") == "Les deux pays consolident le SIS."
    assert services.collection.history(clause_id)[0].remark == "edited in Word"
    block = window.document.session.block(block_id)
    assert isinstance(block, LinkedClause) and block.revision == 2


def test_a_pdf_is_one_error_and_nothing_opens(opened_note, dialogs, tmp_path):
    window, _docx = opened_note
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert reconcileflows.bring_back(window, pdf) is None
    assert dialogs.errors == [
        "note.pdf is a PDF, not a Word document: only the .docx file can be brought back."
    ]


def test_an_untouched_export_has_nothing_to_bring_back(opened_note, dialogs):
    window, docx = opened_note
    assert reconcileflows.bring_back(window, docx) is None
    assert dialogs.informations == [
        "val-duchesse.docx says what the note says: there is no change to bring back."
    ]
    QApplication.processEvents()


def test_a_comment_is_shown_beside_its_block_then_kept_under_it_and_removed(opened_note, qtbot):
    from tests.app.roundtrip.wordedit import AUTHOR

    window, docx = opened_note
    word = WordXml(docx)
    word.comment("Un paragraphe de conclusion.", "Vérifier avec la Sûreté.")
    word.save()
    dialog = reconcileflows.bring_back(window, docx)
    assert dialog.list.count() == 1
    dialog.list.setCurrentRow(0)
    assert dialog.list.item(0).text().split("\n")[1].strip() == "text 2 in “Contexte”"
    shown = dialog.detail.toPlainText()
    assert "Un paragraphe de conclusion." in shown and "Vérifier avec la Sûreté." in shown
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    dialog.close()
    session = window.document.session
    assert [c.text for c in session.block("t2").comments] == ["Vérifier avec la Sûreté."]
    widget = window.composer.block_widgets["t2"]
    area = widget.comments_area
    assert area is not None and area.isVisibleTo(widget)
    [(label, remove)] = area.rows
    assert label.text() == f"{AUTHOR}, 05/01/2026 10:12 — Vérifier avec la Sûreté."
    assert window.composer.block_widgets["t1"].comments_area is None  # no comment, no area
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert session.block("t2").comments == []
    assert not area.isVisibleTo(widget)
    assert window.actions["undo"].text() == "&Undo Remove comment"
    window.actions["undo"].trigger()
    assert [c.text for c in session.block("t2").comments] == ["Vérifier avec la Sûreté."]
    assert area.isVisibleTo(widget) and len(area.rows) == 1
