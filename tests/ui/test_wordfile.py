"""What the Word file says, done as a user does it: per-language texts, titles, lead-ins, gaps."""

from __future__ import annotations

from PySide6.QtTest import QTest

from app.language.codes import NoteLanguage
from app.notes.note import LinkedClause, Section
from tests.app.docx.docxparts import NS, part
from tests.ui.conftest import type_text
from tests.ui.panels.test_checklist import click_line
from tests.ui.panels.test_followup import new_table, press, typed
from ui.qt import QApplication, Qt

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
W_VAL = f"{{{NS['w']}}}val"
NL_MISSING = "[Nederlandse tekst ontbreekt]"


def bilingual(window) -> None:
    """The details every file asks for, in both languages (not what these tests look at)."""
    editor = window.editor
    editor.set_metadata("language", NoteLanguage.BILINGUAL)
    for lang, subject, addressee in (
        ("fr", "Suivi", "Monsieur le Premier ministre"),
        ("nl", "Opvolging", "De heer Eerste Minister"),
    ):
        editor.set_localized("subject", lang, subject)
        editor.set_localized("addressee", lang, addressee)


def export(window, qtbot, folder, *languages: NoteLanguage) -> dict[NoteLanguage, object]:
    """Ctrl+E, the folder typed in, exactly ``languages`` ticked, Export clicked; the files."""
    QTest.keyClick(window, Qt.Key.Key_E, CTRL)
    dialog = window.export_dialog
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(folder))
    for language, box in dialog.languages.items():
        if box.isChecked() != (language in languages):
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert dialog.error == ""
    return {language: r.path for language, r in zip(languages, dialog.results, strict=True)}


def paragraphs(path) -> list[tuple[str, str, set[str]]]:
    """(style id, text, the languages of its runs) of every body paragraph, in order."""
    found = []
    for paragraph in part(path, "word/document.xml").iterfind(".//w:body//w:p", NS):
        style = paragraph.find("w:pPr/w:pStyle", NS)
        text = "".join(paragraph.xpath(".//w:t/text()", namespaces=NS))
        langs = {e.get(W_VAL) for e in paragraph.iterfind("w:r/w:rPr/w:lang", NS)}
        found.append((style.get(W_VAL) if style is not None else "", text, langs))
    return found


def test_a_french_deadline_left_without_dutch_is_listed_and_marked_in_the_dutch_file(
    window, qtbot, tmp_path
):
    bilingual(window)
    table, widget = new_table(window)
    editor = widget.editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    # French and Dutch side by side: Tab goes from each French cell to its Dutch one.
    for text in ("PNR", "PNR", "En cours", "Lopend", "SPF Intérieur", "FOD Binnenlandse Zaken"):
        typed(text)
        press(Qt.Key.Key_Tab)
    typed("1er trimestre 2019")
    press(Qt.Key.Key_Tab)
    assert editor.columns[editor.table.currentColumn()] == ("deadline", "nl")
    assert editor.table.currentItem().text() == ""  # the French deadline is not shown as Dutch
    (row,) = table.rows
    assert (row.deadline, row.deadline_text) == ("", {"fr": "1er trimestre 2019"})

    window.preview.render_now()
    checks = window.preview.checks
    (line,) = [text for text in checks.lines() if "Deadline" in text]
    assert line.startswith("The follow-up table in “Engagements concernés”, row 1, Deadline")
    assert "no Dutch text" in line
    editor.table.setCurrentCell(0, 0)
    click_line(qtbot, checks, "Deadline")
    assert editor.table.hasFocus()
    assert editor.columns[editor.table.currentColumn()] == ("deadline", "nl")

    files = export(window, qtbot, tmp_path, NoteLanguage.NL)
    found = paragraphs(files[NoteLanguage.NL])
    assert not [t for _s, t, _l in found if "trimestre" in t]
    assert ("ClausierTableText", NL_MISSING, {"nl-BE"}) in found
    assert {lang for _s, _t, langs in found for lang in langs} == {"nl-BE"}


def test_a_section_without_a_dutch_title_keeps_its_heading_and_the_check_goes_to_it(
    window, qtbot, tmp_path
):
    bilingual(window)
    QTest.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)  # a new section, cursor in its title
    qtbot.waitUntil(lambda: bool(window.document.note.sections))
    (section,) = window.document.note.sections
    titles = window.composer.section_widgets[section.id].title_edits
    qtbot.waitUntil(titles["fr"].hasFocus)
    type_text(titles["fr"], "Contexte")
    QTest.keyClick(window, Qt.Key.Key_T, CTRL)  # a text block in it
    block = section.blocks[0]
    editors = window.composer.block_widgets[block.id].editors.editors
    type_text(editors["fr"], "Réunion.")
    type_text(editors["nl"], "Vergadering.")
    assert section.title == {"fr": "Contexte"}

    window.preview.render_now()
    checks = window.preview.checks
    assert "The title of “Contexte”: no Dutch text; it is marked as missing in the file." in (
        checks.lines()
    )
    click_line(qtbot, checks, "The title of “Contexte”")
    assert QApplication.focusWidget() is titles["nl"]

    files = export(window, qtbot, tmp_path, NoteLanguage.NL, NoteLanguage.BILINGUAL)
    body = [(s, t, langs) for s, t, langs in paragraphs(files[NoteLanguage.NL]) if t]
    heading = body.index(("Heading1", NL_MISSING, {"nl-BE"}))
    assert body[heading + 1][1] == "Vergadering."  # under its own heading
    both = [t for s, t, _l in paragraphs(files[NoteLanguage.BILINGUAL]) if s == "Heading1"]
    assert both == [f"Contexte / {NL_MISSING}"]


def test_an_inserted_commitment_has_its_number_and_title_in_the_preview_and_in_word(
    window, qtbot, tmp_path
):
    bilingual(window)
    panel = window.library
    QTest.keyClick(window, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(panel.search, "biom")
    qtbot.waitUntil(lambda: panel.selected_clause_id() == "vd2.1.2")
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    linked = [b for _s, b in window.document.note.blocks() if isinstance(b, LinkedClause)]
    assert [b.clause_id for b in linked] == ["vd2.1.2"]
    window.preview.render_now()
    page = window.preview.browser.toPlainText()
    assert "1.2 Harmonisation des critères biométriques (ADN)" in page
    assert "1.2 Harmonisering van de biometrische criteria (DNA)" in page
    assert "vd2.1.2 — " not in page  # the id names the box; the title is the lead-in's

    files = export(window, qtbot, tmp_path, NoteLanguage.FR, NoteLanguage.NL)
    for language, lead in (
        (NoteLanguage.FR, ("1.2 Harmonisation des critères biométriques (ADN)", {"fr-BE"})),
        (NoteLanguage.NL, ("1.2 Harmonisering van de biometrische criteria (DNA)", {"nl-BE"})),
    ):
        found = paragraphs(files[language])
        leads = [(t, langs) for s, t, langs in found if s == "ClausierClauseTitle"]
        assert leads == [lead]
        after = found[[t for _s, t, _l in found].index(lead[0]) + 1]
        # The commitment's text follows, quoted word for word from the declaration.
        assert after[0] == "ClausierQuotation"


def test_an_empty_note_is_not_called_complete_and_each_gap_goes_to_its_field(
    window, qtbot, dialogs
):
    QTest.keyClick(window, Qt.Key.Key_E, CTRL)
    dialog = window.export_dialog
    lines = dialog.warnings.lines()
    assert "Nothing to check: the files are complete." not in lines
    assert lines == [
        "The note has no subject.",
        "The note has no addressee.",
        "The note has no author or cabinet; its “From” line is left out of the file.",
        "The note has no text, clause or table: the file holds only its first page.",
    ]
    click_line(qtbot, dialog.warnings, "no addressee")
    assert window.export_dialog is None
    addressee = window.composer.metadata.localized["addressee"].edits["fr"]
    qtbot.waitUntil(addressee.hasFocus)

    dialogs.skeleton_answer = "bilateral"
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)  # a note from a skeleton: five empty sections
    sections: list[Section] = window.document.note.sections  # (in this untouched window)
    assert len(sections) == 5 and window.document.note.addressee
    QTest.keyClick(window, Qt.Key.Key_E, CTRL)
    lines = window.export_dialog.warnings.lines()
    assert lines[0] == "The note has no subject."
    assert lines[1:] == [
        "The note has no author or cabinet; its “From” line is left out of the file.",
        *(f"Empty section, left out of the file: “{s.title['fr']}”." for s in sections),
        "The note has no text, clause or table: the file holds only its first page.",
    ]
    click_line(qtbot, window.export_dialog.warnings, "“État des lieux”")
    state = window.composer.section_widgets[sections[2].id]
    qtbot.waitUntil(lambda: state.isAncestorOf(QApplication.focusWidget()))


def test_a_function_and_a_variable_typed_in_a_french_note_stay_out_of_the_dutch_file(
    window, qtbot, tmp_path
):
    editor = window.editor
    editor.set_localized("subject", "fr", "Suivi")
    editor.set_localized("subject", "nl", "Opvolging")
    editor.set_localized("addressee", "fr", "Monsieur le Premier ministre")
    editor.set_localized("addressee", "nl", "De heer Eerste Minister")
    QTest.keyClick(window, Qt.Key.Key_D, CTRL | SHIFT)  # the note's details
    function = window.composer.metadata.localized["author_function"].edits["fr"]
    function.setFocus()
    type_text(function, "conseillère")
    assert window.document.note.author_function == {"fr": "conseillère"}
    QTest.keyClick(window, Qt.Key.Key_T, CTRL)
    block_id = window.composer.current_block_id()
    type_text(QApplication.focusWidget(), "Avec {role}.")
    form = window.composer.variables
    qtbot.waitUntil(lambda: "role" in form.edits)
    type_text(form.edits["role"]["fr"], "le conseiller")
    assert window.document.note.variables == {"role": {"fr": "le conseiller"}}
    # Later the note becomes bilingual and the text gets its Dutch.
    editor.set_metadata("language", NoteLanguage.BILINGUAL)
    qtbot.waitUntil(lambda: "nl" in window.composer.block_widgets[block_id].editors.editors)
    type_text(window.composer.block_widgets[block_id].editors.editors["nl"], "Met {role}.")

    files = export(window, qtbot, tmp_path, NoteLanguage.FR, NoteLanguage.NL)
    french = " ".join(t for _s, t, _l in paragraphs(files[NoteLanguage.FR]))
    assert "conseillère" in french and "Avec le conseiller." in french
    found = paragraphs(files[NoteLanguage.NL])
    dutch = [t for _s, t, _l in found]
    assert not [t for t in dutch if "conseill" in t]
    assert NL_MISSING in dutch  # the function, on the “Van” line
    assert "Met {role}." in dutch  # unfilled in Dutch, and highlighted as such
    assert {lang for _s, _t, langs in found for lang in langs} == {"nl-BE"}
    QTest.keyClick(window, Qt.Key.Key_E, CTRL)
    lines = window.export_dialog.warnings.lines()  # FR and NL still ticked: NL's, named
    assert lines == [
        "The author’s function: no Dutch text; it is marked as missing in the file. (NL)",
        "The variable {role} has no Dutch value; it is marked in the file. (NL)",
    ]
