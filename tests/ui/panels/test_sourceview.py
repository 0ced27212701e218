"""The declaration in the window: Show in Declaration and Insert as Quotation, by keys and clicks."""

from __future__ import annotations

from PySide6.QtTest import QTest

from app.library import clauses as library_mod
from app.notes import quotation
from app.notes.note import CopiedClause, LinkedClause
from tests.ui.conftest import type_text
from ui.panels.clauseblocks import CopiedClauseWidget, LinkedClauseWidget
from ui.panels.clausepreview import SHOW_IN_DECLARATION
from ui.panels.sourceview import LabelMap
from ui.qt import QApplication, QContextMenuEvent, QPoint, Qt, QTextCursor, QTimer

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def span_of(clause_id: str, lang: str = "fr") -> tuple[int, int]:
    return library_mod.builtin().get(clause_id).anchor.span(lang)


def shows(view, offset: int) -> bool:
    """Whether the text at ``offset`` of the source is inside the visible part of the view."""
    cursor = view._cursor(offset, offset)
    return view.text.viewport().rect().contains(view.text.cursorRect(cursor).center())


def blocks_of(window, kind) -> list:
    return [b for _s, b in window.document.note.blocks() if isinstance(b, kind)]


def click_text(view, offset: int) -> None:
    """Click in the declaration just before the character at ``offset``."""
    cursor = view._cursor(offset, offset)
    view.text.ensureCursorVisible()
    rect = view.text.cursorRect(cursor)
    QTest.mouseClick(
        view.text.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(rect.center().x() + 1, rect.center().y()),
    )


def open_context_menu(widget) -> None:
    """Ask ``widget`` for its context menu as the Menu key does (offscreen Qt makes none)."""
    centre = widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, centre, widget.mapToGlobal(centre))
    QApplication.sendEvent(widget, event)


def choose_in_menu(qtbot, key: Qt.Key) -> None:
    """Once a context menu pops up, press ``key`` in it (its item's accelerator)."""

    def press() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, press)
            return
        QTest.keyClick(menu, key)

    QTimer.singleShot(0, press)


def test_show_in_declaration_from_the_library_scrolls_to_the_clause_and_highlights_it(
    window, qtbot
):
    library = window.library
    assert library.select_clause("vd2.3.6")
    library.tree.setFocus()
    QTest.keyClick(library.tree, Qt.Key.Key_D, CTRL_ALT)
    view = window.source_view
    assert window.side.currentWidget() is view and view.isVisible()
    assert view.highlighted == span_of("vd2.3.6")
    (selection,) = view.text.extraSelections()
    assert selection.cursor.selectedText().replace("\u2029", "\n") == (
        library_mod.builtin().get("vd2.3.6").text_in("fr")
    )
    assert shows(view, span_of("vd2.3.6")[0])
    assert "3.6" in view.where.text() or "vd2.3.6" in view.where.text()


def test_the_clause_card_link_shows_the_clause_in_the_declaration(window, qtbot):
    window.library.select_clause("vd2.1.3")
    card = window.library.preview
    document = card.document()
    block = document.begin()
    position = -1
    while block.isValid() and position < 0:
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == SHOW_IN_DECLARATION:
                position = fragment.position() + 1
                break
            fragments += 1
        block = block.next()
    assert position > 0, "the card has its Show in Declaration link"
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    rect = card.cursorRect(cursor)
    QTest.mouseClick(card.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.side.currentWidget() is window.source_view
    assert window.source_view.highlighted == span_of("vd2.1.3")


def test_show_in_declaration_on_a_block_s_menu_goes_to_its_place_in_dutch_too(window, qtbot):
    window.editor.insert_clause("vd2.2.2")  # across a page break of the original
    (block,) = blocks_of(window, LinkedClause)
    widget = window.composer.block_widgets[block.id]
    assert isinstance(widget, LinkedClauseWidget) and widget.quote_mark.from_source
    view = window.source_view
    QTest.mouseClick(view.language_buttons["nl"], Qt.MouseButton.LeftButton)
    assert view.lang == "nl"
    choose_in_menu(qtbot, Qt.Key.Key_O)  # "Sh&ow in Declaration"
    open_context_menu(widget)
    qtbot.waitUntil(lambda: view.highlighted is not None)
    assert window.side.currentWidget() is view
    assert (view.lang, view.highlighted) == ("nl", span_of("vd2.2.2", "nl"))
    assert shows(view, span_of("vd2.2.2", "nl")[0])


def test_selecting_words_of_a_commitment_and_clicking_inserts_them_as_a_quotation(window, qtbot):
    window.show_clause_in_declaration("vd2.1.4")
    view = window.source_view
    start = span_of("vd2.1.4")[0] + len("Soulignant ")
    click_text(view, start)
    assert view.selection() == (start, start)
    assert not view.quote_button.isEnabled()
    for _ in range(len("la nécessité d’agir")):
        QTest.keyClick(view.text, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (start, start + len("la nécessité d’agir"))
    assert view.quote_button.isEnabled()
    QTest.mouseClick(view.quote_button, Qt.MouseButton.LeftButton)

    (quoted,) = blocks_of(window, CopiedClause)
    assert quoted.clause_id == "vd2.1.4" and quoted.excerpt == {"fr": (11, 30)}
    assert quotation.block_text(quoted, None, "fr") == "la nécessité d’agir"
    widget = window.composer.block_widgets[quoted.id]
    assert isinstance(widget, CopiedClauseWidget)
    assert widget.tag.text() == "quotation"
    assert widget.quote_mark.tone == "verbatim"
    assert "word for word" in widget.quote_mark.label.text()
    window.preview.render_now()
    (frame,) = [i for i in window.preview.plan.body if getattr(i, "quotation", False)]
    assert frame.paragraphs[0].text == "[…] la nécessité d’agir […]"
    assert frame.citation.text.endswith("point 1, 4e tiret\u00a0»")
    assert window.actions["undo"].text() == "&Undo Insert quotation from vd2.1.4"
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert blocks_of(window, CopiedClause) == []


def test_a_selection_outside_one_clause_is_not_quoted_and_the_user_is_told(window, qtbot):
    window.show_side(window.source_view)
    view = window.source_view
    first, second = span_of("vd2.1.1"), span_of("vd2.1.2")
    view.select(first[1] - 10, second[0] + 10)
    assert not view.quote_button.isEnabled()
    QTest.keyClick(view.text, Qt.Key.Key_Q, CTRL_SHIFT)
    assert blocks_of(window, CopiedClause) == []
    assert "within one clause" in window.statusBar().currentMessage() + view.where.text()


def test_an_edited_quotation_is_marked_and_can_be_presented_as_a_paraphrase(window, qtbot):
    window.show_clause_in_declaration("vd2.1.2")
    view = window.source_view
    view.select(*span_of("vd2.1.2"))
    QTest.keyClick(view.text, Qt.Key.Key_Q, CTRL_SHIFT)  # Insert › Quotation from the Declaration
    (quoted,) = blocks_of(window, CopiedClause)
    assert quoted.excerpt == {
        "fr": (0, 249),
        "nl": (0, len(library_mod.builtin().get("vd2.1.2").text_in("nl"))),
    }
    widget = window.composer.block_widgets[quoted.id]
    mark = widget.quote_mark
    assert mark.tone == "verbatim" and not mark.toggle.isVisible()

    editor = widget.editors.editors["fr"]
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, " Et vite")
    assert mark.tone == "differs"
    assert "no longer matches" in mark.label.text()
    assert "Et vite" in mark.label.toolTip()
    assert [
        q.clause_id for q in quotation.mismatches(window.document.note, window.services.library)
    ] == ["vd2.1.2"]
    window.preview.render_now()
    assert any(
        "no longer matches the declaration" in w.message for w in window.preview.plan.warnings
    )

    assert mark.toggle.isVisible()
    QTest.mouseClick(mark.toggle, Qt.MouseButton.LeftButton)  # Present as Paraphrase
    assert quoted.paraphrase and mark.tone == "paraphrase"
    assert quotation.mismatches(window.document.note, window.services.library) == []
    assert window.actions["undo"].text() == "&Undo Present vd2.1.2 as a paraphrase"
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not quoted.paraphrase and mark.tone == "differs"


def test_offsets_of_the_text_and_positions_of_the_labelled_document_agree():
    labels = LabelMap([(10, 4), (30, 5)])
    assert [labels.to_document(t) for t in (0, 9, 10, 29, 30, 40)] == [0, 9, 14, 33, 39, 49]
    assert [labels.to_text(p) for p in (0, 9, 10, 12, 14, 33, 34, 39, 49)] == [
        0,
        9,
        10,
        10,
        10,
        29,
        30,
        30,
        40,
    ]


def test_a_quotation_presented_as_a_paraphrase_is_tagged_paraphrase_not_quotation(window, qtbot):
    window.show_clause_in_declaration("vd2.1.2")
    view = window.source_view
    view.select(*span_of("vd2.1.2"))
    QTest.keyClick(view.text, Qt.Key.Key_Q, CTRL_SHIFT)  # Insert › Quotation from the Declaration
    (quoted,) = blocks_of(window, CopiedClause)
    widget = window.composer.block_widgets[quoted.id]
    assert widget.tag.text() == "quotation"

    choose_in_menu(qtbot, Qt.Key.Key_P)  # the block's menu: Present as &Paraphrase
    open_context_menu(widget)
    assert quoted.paraphrase and widget.quote_mark.tone == "paraphrase"
    assert widget.tag.text() == "paraphrase"
    assert "quot" not in widget.tag.toolTip().lower()
    assert widget.accessibleName() == "Paraphrase of clause vd2.1.2"

    assert window.actions["undo"].text() == "&Undo Present vd2.1.2 as a paraphrase"
    window.activateWindow()  # offscreen Qt leaves the closed menu the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not quoted.paraphrase and widget.tag.text() == "quotation"


def test_switching_the_declaration_between_fr_and_nl_keeps_the_reader_at_the_same_clause(
    window, qtbot
):
    window.show_side(window.source_view)
    view = window.source_view
    bar = view.text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)  # the reader scrolled to the middle, to part 2 or so
    clause_id, y = view._reading_place()
    assert bar.value() > 0

    QTest.mouseClick(view.language_buttons["nl"], Qt.MouseButton.LeftButton)
    assert view.lang == "nl" and bar.value() > 0
    assert view._reading_place()[0] == clause_id
    nl_start = view.text.cursorRect(view._cursor(*(span_of(clause_id, "nl")[0],) * 2)).top()
    assert abs(nl_start - y) <= 2

    QTest.mouseClick(view.language_buttons["fr"], Qt.MouseButton.LeftButton)
    assert view.lang == "fr" and view._reading_place()[0] == clause_id
