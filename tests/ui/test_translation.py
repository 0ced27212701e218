"""Switching the interface language takes effect at once, in every widget, without restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.language import i18n
from ui.qt import QApplication, QCoreApplication, Qt

CATALOG = {
    "&File": "&Fichier",
    "&Undo": "&Annuler",
    "&Undo {action}": "&Annuler {action}",
    "&Undo Insert clause {id}": "&Annuler l’insertion de la clause {id}",
    "Insert clause {id}": "Insérer la clause {id}",
    "Search the library (Ctrl+Shift+F)": "Chercher dans la bibliothèque (Ctrl+Maj+F)",
    "&Subject:": "&Objet :",
    "Add section": "Ajouter une section",
    "Preview": "Aperçu",
}


def write_po(folder: Path, lang: str, messages: dict[str, str]) -> None:
    """A small gettext catalog, as Babel's extract/update/compile would leave it."""
    target = folder / lang / "LC_MESSAGES"
    target.mkdir(parents=True)
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for source, translated in messages.items():
        lines += [f'msgid "{source}"', f'msgstr "{translated}"', ""]
    (target / "clausier.po").write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def french_catalog(tmp_path, monkeypatch):
    """A French catalog in place of the shipped ones, so the test does not depend on their progress."""
    folder = tmp_path / "locale"
    write_po(folder, "fr", CATALOG)
    monkeypatch.setattr(i18n, "locale_dir", lambda: folder)
    return folder


def test_switching_to_french_retranslates_the_open_window(window, workspace, french_catalog):
    window.editor.insert_clause("vd2.1.4")
    settings = workspace.services.settings
    settings.set("interface_language", "fr")
    workspace.apply_settings()
    assert window.actions.menus["file"].title() == "&Fichier"
    assert window.actions["undo"].text().startswith("&Annuler ")
    window.editor.insert_clause("vd2.2.3")  # the core words new commands in the new language
    assert window.actions["undo"].text() == "&Annuler l’insertion de la clause vd2.2.3"
    assert window.library.search.placeholderText() == "Chercher dans la bibliothèque (Ctrl+Maj+F)"
    assert window.composer.metadata.labels["subject"].text() == "&Objet :"
    assert window.composer.add_section.text() == "Ajouter une section"
    assert window.preview.title.text() == "Aperçu"

    settings.set("interface_language", "en")
    workspace.apply_settings()
    assert window.actions.menus["file"].title() == "&File"
    assert window.actions["undo"].text().startswith("&Undo ")


def test_qt_standard_dialogs_follow_the_language(workspace, french_catalog):
    language = workspace.services.language
    language.apply("fr")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    language.apply("nl")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    language.apply("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_first_start_follows_the_system_language(monkeypatch, qapp):
    from ui.translation import InterfaceLanguage

    monkeypatch.setenv("LANGUAGE", "nl_BE:nl")
    assert InterfaceLanguage().apply(None) == "nl"
    monkeypatch.setenv("LANGUAGE", "fr_BE")
    assert InterfaceLanguage().apply("") == "fr"
    InterfaceLanguage().apply("en")


def test_a_dutch_interface_shows_clause_titles_in_dutch_in_a_bilingual_note(window, workspace):
    from ui.panels.clauseblocks import LinkedClauseWidget

    window.editor.set_metadata("language", "fr+nl")
    window.editor.insert_clause("vd2.3.7")
    widget = next(
        w for w in window.composer.block_widgets.values() if isinstance(w, LinkedClauseWidget)
    )
    assert "Précurseurs" in widget.heading.text()
    workspace.services.language.apply("nl")
    assert "Precursoren" in widget.heading.text()
    assert window.library.model.index(0, 0).data() is not None
    workspace.services.language.apply("en")
    assert "Précurseurs" in widget.heading.text()


def _accelerators(texts: list[str]) -> list[str]:
    """The accelerator letter of each text ("&Save" → "s"), "" when it has none."""
    found = []
    for text in texts:
        letters = [text[i + 1].lower() for i in range(len(text) - 1) if text[i] == "&"]
        letters = [c for c in letters if c != "&"]
        found.append(letters[0] if len(letters) == 1 else "")
    return found


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_every_menu_item_has_its_own_accelerator_in_each_language(window, workspace, lang):
    workspace.services.language.apply(lang)
    try:
        menus = window.actions.menus
        groups = {"menu bar": [m.title() for m in menus.values()]}
        for name, menu in menus.items():
            groups[name] = [a.text() for a in menu.actions() if not a.isSeparator()]
        for name, texts in groups.items():
            letters = _accelerators(texts)
            missing = [t for t, c in zip(texts, letters, strict=True) if not c]
            assert not missing, f"{lang} {name}: no single accelerator in {missing}"
            clashes = {c for c in letters if letters.count(c) > 1}
            assert not clashes, (
                f"{lang} {name}: {[t for t in texts if _accelerators([t])[0] in clashes]}"
            )
    finally:
        workspace.services.language.apply("en")


#: Qt's file dialog words that Qt's own French and Dutch catalogs lack (see ui.translation.QT_GAPS).
QT_GAP_WORDS = {
    "fr": {"&Look in:": "&Voir dans :", "Files of &type:": "Fichiers de &type :"},
    "nl": {"&Look in:": "&Zoeken in:", "Files of &type:": "Bestanden van &type:"},
}


@pytest.fixture
def gap_catalogs(tmp_path, monkeypatch):
    """French and Dutch catalogs holding the file dialog's missing words (and "Folder")."""
    folder = tmp_path / "locale"
    write_po(folder, "fr", {**QT_GAP_WORDS["fr"], "Folder": "Dossier"})
    write_po(folder, "nl", {**QT_GAP_WORDS["nl"], "Folder": "Map"})
    monkeypatch.setattr(i18n, "locale_dir", lambda: folder)
    return folder


def test_qt_s_own_catalogs_are_loaded_for_french_and_dutch_only(workspace):
    language = workspace.services.language
    language.apply("fr")
    assert [Path(p).name for p in language.qt_catalogs] == ["qtbase_fr.qm"]
    language.apply("nl")
    assert [Path(p).name for p in language.qt_catalogs] == ["qtbase_nl.qm"]
    language.apply("en")
    assert language.qt_catalogs == []


@pytest.mark.parametrize(
    ("lang", "cancel", "copy", "paste", "undo"),
    [
        ("fr", "Annuler", "Cop&ier", "Co&ller", "&Annuler"),
        ("nl", "Annuleren", "&Kopiëren", "P&lakken", "&Ongedaan maken"),
        ("en", "Cancel", "&Copy", "&Paste", "&Undo"),
    ],
)
def test_qt_s_standard_buttons_and_context_menus_follow_the_language(
    window, workspace, lang, cancel, copy, paste, undo
):
    from ui.qt import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, window)  # made in English
    workspace.services.language.apply(lang)
    QApplication.processEvents()  # Qt's own widgets hear of the new language in a posted event
    try:
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
        menu = window.library.search.createStandardContextMenu()  # what a right click shows
        texts = [action.text().split("\t")[0] for action in menu.actions()]
        assert {copy, paste, undo} <= set(texts)
    finally:
        workspace.services.language.apply("en")


def _file_dialog_texts(dialog) -> dict[str, str]:
    from ui.qt import QLabel

    return {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}


@pytest.mark.parametrize(
    ("lang", "look_in", "file_name", "types", "folder"),
    [
        ("fr", "&Voir dans :", "&Nom de fichier\u00a0:", "Fichiers de &type :", "Dossier"),
        ("nl", "&Zoeken in:", "Bestands&naam:", "Bestanden van &type:", "Map"),
    ],
)
def test_the_qt_file_dialog_speaks_the_interface_language_even_where_qt_s_catalog_is_silent(
    window, workspace, gap_catalogs, tmp_path, qtbot, lang, look_in, file_name, types, folder
):
    from ui.qt import QFileDialog, QTreeView

    (tmp_path / "dialog" / "notes").mkdir(parents=True)
    dialog = QFileDialog(window, "", str(tmp_path / "dialog"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as under Xvfb
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    assert _file_dialog_texts(dialog)["lookInLabel"] == "&Look in:"
    workspace.services.language.apply(lang)  # while it is open
    QApplication.processEvents()  # Qt's own widgets hear of the new language in a posted event
    try:
        texts = _file_dialog_texts(dialog)
        assert texts["lookInLabel"] == look_in
        assert texts["fileNameLabel"] == file_name
        assert texts["fileTypeLabel"] == types
        view = dialog.findChild(QTreeView, "treeView")
        model = view.model()
        qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 1)
        assert model.index(0, 2, view.rootIndex()).data() == folder  # the Type column
    finally:
        dialog.close()
        workspace.services.language.apply("en")


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "Enregistré automatiquement à "), ("nl", "Automatisch opgeslagen om ")],
)
def test_the_autosave_status_changes_language_at_once(window, workspace, lang, words):
    from PySide6.QtTest import QTest

    from tests.ui.conftest import type_text

    subject = window.composer.metadata.localized["subject"].edits["fr"]
    QTest.mouseClick(subject, Qt.MouseButton.LeftButton)
    type_text(subject, "Réunion")
    window.autosave_timer.timeout.emit()  # the autosave timer's tick
    english = window.autosaved.text()
    assert english.startswith("Autosaved at ")
    time = english.removeprefix("Autosaved at ")
    workspace.services.language.apply(lang)
    try:
        assert window.autosaved.text() == words + time  # the same autosave, now in French
    finally:
        workspace.services.language.apply("en")
    assert window.autosaved.text() == english
