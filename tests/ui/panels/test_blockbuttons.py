"""A block's move and delete buttons, clicked as a hurried user does: a double click acts once."""

from __future__ import annotations

from PySide6.QtTest import QTest

from ui.qt import QApplication, Qt


def blocks(window) -> list:
    return [b for _s, b in window.document.note.blocks()]


def double_click_on_screen(window, widget) -> None:
    """Double-click where ``widget`` is, through the window: each click reaches whatever
    is under the mouse at that moment, as on a real screen."""
    handle = window.windowHandle()
    point = widget.mapTo(window, widget.rect().center())
    QTest.mouseMove(handle, point)
    QApplication.processEvents()
    QTest.mouseDClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QApplication.processEvents()


def test_double_clicking_a_block_s_delete_button_deletes_that_block_only(window, qtbot):
    for _ in range(3):
        window.editor.insert_text("", -1)
    first, second, third = (b.id for b in blocks(window))
    widget = window.composer.block_widgets[first]
    handle = window.windowHandle()
    QTest.mouseMove(handle, widget.mapTo(window, widget.rect().center()))
    qtbot.waitUntil(lambda: widget.delete is not None and widget.delete.isVisible())

    double_click_on_screen(window, widget.delete)

    assert [b.id for b in blocks(window)] == [second, third]
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [b.id for b in blocks(window)] == [first, second, third]
