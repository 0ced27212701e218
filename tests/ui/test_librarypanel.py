"""The library panel: tree by source and part, search as you type, filters, status at a glance."""

from __future__ import annotations

import pytest

from app.search import Hit
from ui.librarypanel import CLAUSE_ROLE, LibraryPanel, localized, part_label
from ui.qt import QModelIndex, Qt


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
