"""Starting the application: the window paints with the built-in library, then opens the rest."""

from __future__ import annotations

import pytest

from app.collection import actions, libraries
from app.library.personal import ClauseDraft
from ui.panels.library import CLAUSE_ROLE
from ui.panels.memorysearch import MemorySearch, folded
from ui.qt import QApplication


def test_the_first_window_shows_the_builtin_library_then_the_personal_one(qapp, qtbot):
    from app.collection.actions import Collection

    prepared = Collection.open()
    (mine,) = prepared.add_clause(
        ClauseDraft(text={"fr": "Notre ligne sur le PNR ferroviaire."})
    ).clause_ids
    prepared.close()

    from ui.main import build_services, start

    services = build_services()
    assert services.collection is None
    workspace = start(services, [])
    window = workspace.windows[0]
    qtbot.waitExposed(window)
    assert window.library.count.text() == "29 clauses"  # painted before the database opened
    qtbot.waitUntil(lambda: services.collection is not None and window.ready)
    qtbot.waitUntil(lambda: window.library.count.text() == "30 clauses")
    window.library.search.setText("ferroviaire")
    found = [
        window.library.model.index(r, 0).data(CLAUSE_ROLE)
        for r in range(window.library.model.rowCount())
    ]
    assert mine in found
    window.close()
    workspace.stop()
    services.collection.close()
    QApplication.processEvents()


@pytest.mark.parametrize(
    "query",
    ["", "explos", "coopération policière", "MINEURS rev", "zzz", "oeuvre", "ŒUVR", "d’oeuvrer"],
)
def test_the_search_in_memory_finds_what_the_index_finds(query):
    loaded = actions.load_all()
    index = libraries.open_index(loaded.library)
    try:
        expected = {h.clause_id for h in index.search(query)}
        if not query:
            ordered = [h.clause_id for h in index.search(query)]
            assert [h.clause_id for h in MemorySearch(loaded.library).search(query)] == ordered
        assert {h.clause_id for h in MemorySearch(loaded.library).search(query)} == expected
    finally:
        index.close()


@pytest.mark.parametrize("query", ["vd2.0.1", "VD2.1.4", "vd2.1", "vd2.1.", "vd2", "vd"])
def test_the_search_in_memory_finds_ids_in_the_order_the_index_does(query):
    loaded = actions.load_all()
    index = libraries.open_index(loaded.library)
    try:
        expected = [h.clause_id for h in index.search(query)]
        assert [h.clause_id for h in MemorySearch(loaded.library).search(query)] == expected
    finally:
        index.close()


def test_folding_ignores_accents_and_case():
    assert folded("Coopération ÉLARGIE") == "cooperation elargie"
