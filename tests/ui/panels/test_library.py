"""The library panel: tree by source and part, search as you type, filters, status at a glance."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from app.library.search import Hit
from app.notes.note import LinkedClause
from ui.panels.library import CLAUSE_ROLE, LibraryPanel, localized, part_label
from ui.panels.searchhighlight import MARKER
from ui.qt import QColor, QModelIndex, Qt

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def top_level_texts(panel: LibraryPanel) -> list[str]:
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


def test_without_a_query_clauses_are_grouped_by_source_and_part(services, qtbot):
    panel = LibraryPanel(services.library, services.index)
    qtbot.addWidget(panel)
    (source,) = top_level_texts(panel)
    assert "Val Duchesse II" in source
    source_index = panel.model.index(0, 0)
    parts = [
        panel.model.index(r, 0, source_index).data()
        for r in range(panel.model.rowCount(source_index))
    ]
    assert parts[0] == "Préambule"
    assert parts[1] == "1. En matière de lutte contre le terrorisme"
    assert panel.count.text() == "29 clauses"


def test_a_query_lists_matches_best_first_and_selects_the_first(services, qtbot):
    panel = LibraryPanel(services.library, services.index)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.search, "explos")
    ids = [panel.model.index(r, 0).data(CLAUSE_ROLE) for r in range(panel.model.rowCount())]
    assert ids[0] == "vd2.3.7"
    assert panel.selected_clause_id() == "vd2.3.7"
    assert "Précurseurs" in panel.preview.toPlainText()
    assert "NL — unofficial translation" in panel.preview.toPlainText()


def test_filters_narrow_the_list(services, qtbot):
    panel = LibraryPanel(services.library, services.index)
    qtbot.addWidget(panel)
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("context"))
    assert panel.count.text() == "8 clauses"
    panel.kind_filter.setCurrentIndex(0)
    panel.part_filter.setCurrentIndex(panel.part_filter.findData(3))
    assert panel.count.text() == "7 clauses"


def test_statuses_are_visible_and_spoken(services, qtbot):
    panel = LibraryPanel(services.library, services.index)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.search, "PNR")
    row = panel.model.index(0, 0)
    assert row.siblingAtColumn(2).data(Qt.ItemDataRole.AccessibleTextRole) == "FR: official"
    assert (
        row.siblingAtColumn(3).data(Qt.ItemDataRole.AccessibleTextRole)
        == "NL: unofficial translation"
    )
    assert not row.siblingAtColumn(2).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_enter_and_double_click_ask_to_insert(services, qtbot):
    panel = LibraryPanel(services.library, services.index)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.search, "mineurs")
    with qtbot.waitSignal(panel.insertClauseRequest) as caught:
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert caught.args == ["vd2.2.7"]
    with qtbot.waitSignal(panel.insertClauseRequest) as caught:
        panel.tree.doubleClicked.emit(panel.tree.currentIndex())
    assert caught.args == ["vd2.2.7"]


def test_the_panel_takes_any_index_that_can_search(services, qtbot):
    class FakeIndex:
        def search(self, text, **filters):
            return [Hit("vd2.1.4", 0.0), Hit("unknown", 0.0)]

    panel = LibraryPanel(services.library, FakeIndex())
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.search, "x")
    assert panel.model.rowCount(QModelIndex()) == 1
    mime = panel.model.mimeData([panel.model.index(0, 0)])
    assert bytes(mime.data("application/x-clausier-clauses").data()) == b"vd2.1.4"


def test_titles_follow_the_notes_language(services, qtbot):
    panel = LibraryPanel(services.library, services.index)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.search, "explos")
    assert panel.model.index(0, 1).data().startswith("Précurseurs")
    panel.set_display_language("nl")
    assert panel.model.index(0, 1).data().startswith("Precursoren")


def test_at_the_default_window_size_titles_are_wider_than_ids(window, qtbot):
    window.resize(window.fontMetrics().averageCharWidth() * 200, 700)
    panel = window.library
    header = panel.tree.header()
    qtbot.waitUntil(lambda: header.sectionSize(1) > header.sectionSize(0))
    assert header.sectionSize(2) < header.sectionSize(1) // 2


@pytest.mark.parametrize(
    ("number", "title", "label"),
    [
        (0, {}, "Preamble"),
        (0, {"nl": "Inleiding"}, "Inleiding"),
        (
            2,
            {"fr": "En matière de coopération judiciaire"},
            "2. En matière de coopération judiciaire",
        ),
        (3, {}, "3"),
    ],
)
def test_parts_fall_back_to_the_other_language_then_to_their_number(number, title, label):
    assert part_label(number, title, "nl") == label


def test_a_source_known_in_french_only_shows_its_french_title_in_dutch():
    assert localized({"fr": "Déclaration conjointe"}, "nl") == "Déclaration conjointe"
    assert localized({"fr": "Déclaration", "nl": "Verklaring"}, "nl") == "Verklaring"


def test_a_personal_clause_says_where_it_comes_from_and_a_late_translation_shows(window):
    from app.library.personal import ClauseDraft

    collection = window.services.collection
    change = window.workspace.change_library(
        window,
        lambda: collection.add_clause(
            ClauseDraft(
                text={"fr": "Le point SIS habituel.", "nl": "Het gebruikelijke SIS-punt."},
                title={"fr": "Ligne SIS", "nl": "SIS-lijn"},
            )
        ),
    )
    clause_id = change.clause_ids[0]
    panel = window.library
    panel.search.setText("SIS")
    row = panel.model.index_of(clause_id)
    assert row.isValid()
    tooltip = row.siblingAtColumn(1).data(Qt.ItemDataRole.ToolTipRole)
    assert "personal library, revision 1" in tooltip
    nl = row.siblingAtColumn(3)
    assert "out of date" not in nl.data(Qt.ItemDataRole.AccessibleTextRole)

    window.workspace.change_library(
        window,
        lambda: collection.edit_clause(clause_id, text={"fr": "Le point SIS revu."}),
    )
    nl = panel.model.index_of(clause_id).siblingAtColumn(3)
    spoken = nl.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("NL: ") and ", out of date: the FR text changed" in spoken
    assert not nl.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert panel.selected_clause_id() == clause_id  # the selection survives the refresh


def test_rows_are_made_for_what_is_found_not_for_the_whole_library(services, qtbot):
    panel = LibraryPanel(services.library, services.index)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.search, "terror")
    found = panel.model.clause_ids()
    assert found and len(found) == panel.model.rowCount()
    assert set(found) <= set(services.library.clauses)
    assert panel.count.text() == f"{len(found)} matching clauses"


def test_the_clause_card_says_when_a_translation_is_late(window):
    from app.library.personal import ClauseDraft

    collection = window.services.collection
    clause_id = window.workspace.change_library(
        window,
        lambda: collection.add_clause(
            ClauseDraft(text={"fr": "Texte initial.", "nl": "Oorspronkelijke tekst."})
        ),
    ).clause_ids[0]
    window.workspace.change_library(
        window, lambda: collection.edit_clause(clause_id, text={"nl": "Herziene tekst."})
    )
    window.library.search.setText("Herziene")
    card = window.library.preview.toPlainText()
    assert "Your personal library, revision 2" in card
    assert "FR — " in card and "out of date: the NL text changed since it was translated" in card


def test_the_card_and_the_note_describe_the_variables_a_clause_holds(window):
    from app.library.personal import ClauseDraft

    collection = window.services.collection
    clause_id = window.workspace.change_library(
        window,
        lambda: collection.add_clause(
            ClauseDraft(text={"fr": "Le {minister} recevra son {homologue} le {meeting_date}."})
        ),
    ).clause_ids[0]
    window.library.search.setText("recevra")
    card = window.library.preview.toPlainText()
    assert "{minister} — The minister the note is for (person)" in card
    assert "{homologue} — not described in the library (text)" in card

    window.workspace.change_library(
        window, lambda: collection.define_variable("homologue", "person", "Le ministre homologue")
    )
    window.library.search.setText("recevr")
    assert "{homologue} — Le ministre homologue (person)" in window.library.preview.toPlainText()

    window.editor.insert_clause(clause_id)
    window.composer._refresh_variables()
    label = window.composer.variables.form.labelForField(
        window.composer.variables.edits["homologue"]["fr"].parentWidget()
    )
    assert label.toolTip() == "Le ministre homologue (person)"
    edit = window.composer.variables.edits["homologue"]["fr"]
    assert edit.placeholderText() == "Le ministre homologue"


def test_own_clauses_are_grouped_under_their_library_and_only_they_can_be_retired(window):
    from app.library.personal import ClauseDraft

    collection = window.services.collection
    clause_id = window.workspace.change_library(
        window, lambda: collection.add_clause(ClauseDraft(text={"fr": "Ma ligne à moi."}))
    ).clause_ids[0]
    panel = window.library
    panel.search.clear()
    headings = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert "Your own clauses" in headings
    assert panel.select_clause(clause_id)
    assert window.actions["retire_clause"].isEnabled()
    assert not window.actions["copy_to_personal"].isEnabled()
    assert panel.select_clause("vd2.1.1")
    assert not window.actions["retire_clause"].isEnabled()
    assert window.actions["copy_to_personal"].isEnabled()


def shown_ids(panel: LibraryPanel) -> list[str]:
    """The Id column of the rows the panel lists, top to bottom."""
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


def test_typing_the_beginning_of_an_id_lists_those_clauses_and_enter_inserts_the_exact_one(
    window, qtbot
):
    panel = window.library
    QTest.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)  # Find in Library
    qtbot.keyClicks(panel.search, "vd2.1")
    assert shown_ids(panel) == [f"vd2.1.{n}" for n in range(1, 8)]
    assert panel.count.text() == "7 matching clauses"
    qtbot.keyClicks(panel.search, ".")  # "vd2.1." on its way to a full id
    assert shown_ids(panel) == [f"vd2.1.{n}" for n in range(1, 8)]
    panel.search.selectAll()
    qtbot.keyClicks(panel.search, "VD2.1.4")
    assert shown_ids(panel) == ["vd2.1.4"]
    assert panel.selected_clause_id() == "vd2.1.4"
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    linked = [b.clause_id for _s, b in window.document.note.blocks() if isinstance(b, LinkedClause)]
    assert linked == ["vd2.1.4"]


def test_ids_are_found_before_the_index_is_open(services, qtbot):
    from ui.panels.memorysearch import MemorySearch

    panel = LibraryPanel(services.library, MemorySearch(services.library))
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.search, "vd2.0.1")
    assert shown_ids(panel) == ["vd2.0.1"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "vd2.1")
    assert shown_ids(panel) == [f"vd2.1.{n}" for n in range(1, 8)]


def _fits(combo) -> bool:
    """Whether ``combo`` shows its first choice whole ("Toutes les sources", not "Toutes les sou")."""
    from ui.panels.library import LibraryPanel

    return combo.width() >= LibraryPanel._filter_width(combo)


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_filters_are_never_cut_at_the_default_window_size(workspace, qtbot, lang):
    workspace.services.language.apply(lang)
    window = workspace.new_window()  # the size the window opens at
    window.show()
    qtbot.waitExposed(window)
    panel = window.library
    combos = (panel.source_filter, panel.part_filter, panel.kind_filter)
    qtbot.waitUntil(lambda: all(c.width() > 74 for c in combos))  # laid out
    assert all(_fits(c) for c in combos), [(c.currentText(), c.width()) for c in combos]


def test_a_wide_library_pane_puts_the_filters_on_one_row(window, qtbot):
    window.services.language.apply("fr")
    panel = window.library
    combos = (panel.source_filter, panel.part_filter, panel.kind_filter)
    window.splitter.setSizes([700, 350, 350])
    qtbot.waitUntil(lambda: panel.source_filter.y() == panel.kind_filter.y())
    assert all(_fits(c) for c in combos)
    window.splitter.setSizes([330, 720, 350])  # narrow: the source above the other two
    qtbot.waitUntil(lambda: panel.source_filter.y() < panel.kind_filter.y())
    assert panel.part_filter.y() == panel.kind_filter.y()
    assert all(_fits(c) for c in combos)


def test_the_id_column_is_as_wide_as_the_ids_where_they_stand(window, qtbot):
    panel = window.library
    tree, header = panel.tree, panel.tree.header()
    in_tree = header.sectionSize(0)
    widest = max(
        tree.visualRect(panel.model.index_of(cid)).right()
        for cid in ("vd2.0.1", "vd2.3.12", "vd2.1.7")
        if panel.model.index_of(cid).isValid()
    )
    assert in_tree >= widest - tree.header().sectionPosition(0)
    panel.search.setFocus()
    QTest.keyClicks(panel.search, "terro")
    narrow = header.sectionSize(0)
    assert narrow == in_tree - tree.indentation() * 3  # a ranked list is not indented
    assert narrow < tree.fontMetrics().horizontalAdvance("vd2.1.5") * 2


def test_a_clause_card_names_the_preamble_once(window, qtbot):
    window.library.select_clause("vd2.0.2")
    card = window.library.preview.toPlainText()
    assert "preamble, 2nd paragraph" in card
    assert "preamble · preamble" not in card and card.count("preamble") == 1
    window.library.select_clause("vd2.1.3")
    card = window.library.preview.toPlainText()
    assert "part 1" not in card and "point 1, 3rd dash" in card


def test_search_hits_are_marked_in_the_result_titles(window, qtbot):
    from tests.ui.conftest import type_text

    panel = window.library
    panel.search.setFocus()
    type_text(panel.search, "financement terro")
    rows = [panel.model.index(r, 1) for r in range(panel.model.rowCount())]
    assert rows and panel.tree.itemDelegateForColumn(1) is panel.matches
    assert panel.matches.query == "financement terro"
    image = panel.tree.viewport().grab().toImage()
    marker = QColor(MARKER)
    rect = panel.tree.visualRect(rows[0])
    marked = sum(
        image.pixelColor(x, rect.center().y()) == marker for x in range(rect.left(), rect.right())
    )
    assert marked > 10  # "Financement" of vd2.1.4's title, in the marker's colour
    QTest.keyClick(panel.search, Qt.Key.Key_Escape)
