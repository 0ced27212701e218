"""The note's details in the window: per-language fields, the place, undo."""

from __future__ import annotations

from PySide6.QtTest import QTest

from tests.ui.conftest import type_text
from ui.qt import QApplication, Qt


def bilingual(window, qtbot) -> None:
    """Make the note bilingual, as choosing "French and Dutch" in its language list does."""
    combo = window.composer.metadata.language
    index = combo.findData("fr+nl")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    fields = window.composer.metadata.localized.values()
    qtbot.waitUntil(
        lambda: all(e.isVisible() and e.width() > 0 for f in fields for e in f.edits.values())
    )


def click(edit) -> None:
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is edit


def test_a_new_note_is_written_in_brussels_in_each_language(window, qtbot):
    assert window.document.note.place == {"fr": "Bruxelles", "nl": "Brussel"}
    bilingual(window, qtbot)
    place = window.composer.metadata.localized["place"]
    assert {lang: edit.text() for lang, edit in place.edits.items()} == {
        "fr": "Bruxelles",
        "nl": "Brussel",
    }
    window.preview.render_now()
    text = window.preview.browser.toPlainText()
    assert "Bruxelles, le " in text and "Brussel, " in text


def test_the_place_is_typed_per_language_and_undone_in_one_step(window, qtbot):
    bilingual(window, qtbot)
    dutch = window.composer.metadata.localized["place"].edits["nl"]
    click(dutch)
    dutch.selectAll()
    type_text(dutch, "Luik")
    assert window.document.note.place == {"fr": "Bruxelles", "nl": "Luik"}
    assert window.actions["undo"].text() == "&Undo Edit place"
    window.preview.render_now()
    assert "Luik, " in window.preview.browser.toPlainText()
    window.editor.undo()
    assert window.document.note.place == {"fr": "Bruxelles", "nl": "Brussel"}
    assert dutch.text() == "Brussel"


def test_the_french_addressee_is_never_copied_into_the_dutch_side(window, qtbot):
    bilingual(window, qtbot)
    fields = window.composer.metadata.localized["addressee"].edits
    click(fields["fr"])
    type_text(fields["fr"], "Monsieur le Premier ministre")
    assert window.document.note.addressee == {"fr": "Monsieur le Premier ministre"}
    assert fields["nl"].text() == ""
    window.preview.render_now()
    assert "[Nederlandse tekst ontbreekt]" in window.preview.browser.toPlainText()
    click(fields["nl"])
    type_text(fields["nl"], "De heer Eerste Minister")
    assert window.document.note.addressee == {
        "fr": "Monsieur le Premier ministre",
        "nl": "De heer Eerste Minister",
    }
