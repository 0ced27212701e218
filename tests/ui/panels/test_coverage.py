"""The coverage pane: the note's commitments per part, and the follow-up table it adds."""

from __future__ import annotations

from PySide6.QtTest import QTest

from app.notes.note import FollowUpTable
from ui.qt import Qt


def tab_click(window, widget) -> None:
    bar = window.side.tabBar()
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.side.indexOf(widget)).center()
    )


def items(tree) -> list[str]:
    found = []
    pending = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while pending:
        item = pending.pop(0)
        found.append(item.text(0))
        pending[:0] = [item.child(i) for i in range(item.childCount())]
    return found


def test_the_pane_counts_per_part_and_adds_a_follow_up_table_in_one_undoable_step(window, qtbot):
    for clause_id in ("vd2.1.1", "vd2.1.4", "vd2.3.2", "vd2.0.3"):
        window.editor.insert_clause(clause_id)
    pane = window.coverage
    tab_click(window, pane)
    assert window.side.currentWidget() is pane
    shown = items(pane.tree)
    assert shown[0].endswith(": 3 of 21")
    assert "Part 1: 2 of 7 — En matière de lutte contre le terrorisme" in shown
    assert "Part 2: 0 of 7 — En matière de lutte contre la radicalisation violente" in shown
    assert "Part 3: 1 of 7 — Au niveau européen" in shown
    assert any(text.startswith("✓ 1.4 ") for text in shown)
    assert any(text.startswith("○ 1.5 ") for text in shown)
    assert pane.summary.text() == "The note cites 3 of the declaration’s 21 commitments."

    QTest.mouseClick(pane.add_table, Qt.MouseButton.LeftButton)
    tables = [b for _s, b in window.document.note.blocks() if isinstance(b, FollowUpTable)]
    (table,) = tables
    assert [row.clause_id for row in table.rows] == ["vd2.1.1", "vd2.1.4", "vd2.3.2"]
    assert window.actions["undo"].text() == "&Undo Insert follow-up table of cited commitments"
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [b for _s, b in window.document.note.blocks() if isinstance(b, FollowUpTable)]


def test_enter_on_a_commitment_goes_to_its_block_or_shows_it_in_the_declaration(window, qtbot):
    window.editor.insert_clause("vd2.2.5")
    block_id = window.composer.current_block_id()
    window.composer.set_current_section(window.document.note.sections[0].id)
    tab_click(window, window.coverage)
    tree = window.coverage.tree
    cited = tree.findItems("✓ 2.5", Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive)[0]
    tree.setCurrentItem(cited)
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert window.composer.current_block == block_id
    other = tree.findItems("○ 2.6", Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive)[0]
    tree.setCurrentItem(other)
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert window.side.currentWidget() is window.source_view
    from app.library import clauses as library_mod

    assert window.source_view.highlighted == library_mod.builtin().get("vd2.2.6").anchor.span("fr")


def test_the_pane_follows_the_note_as_it_changes(window, qtbot):
    tab_click(window, window.coverage)
    assert items(window.coverage.tree)[0].endswith(": 0 of 21")
    assert not window.coverage.add_table.isEnabled()
    window.editor.insert_clause("vd2.3.7")
    assert items(window.coverage.tree)[0].endswith(": 1 of 21")
    assert window.coverage.add_table.isEnabled()
