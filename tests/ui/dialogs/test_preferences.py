"""Preferences: saved to the user's file, locked keys shown disabled, effects at once."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from app.system.settings import Settings, site_file, user_file
from ui.dialogs.preferences import PreferencesDialog
from ui.qt import QDialogButtonBox, Qt


def test_locked_settings_are_shown_disabled_with_a_note(qtbot, isolated_folders):
    site = site_file()
    site.parent.mkdir(parents=True, exist_ok=True)
    site.write_text("[settings]\ntemplate = /srv/house.docx\n\n[locked]\nkeys = template\n")
    dialog = PreferencesDialog(Settings.load())
    qtbot.addWidget(dialog)
    assert not dialog.fields["template"].isEnabled()
    assert not dialog.browse["template"].isEnabled()
    assert dialog.fields["template"].text() == "/srv/house.docx"
    assert dialog.lock_notes["template"].text() == "Locked"
    assert dialog.fields["author"].isEnabled()


def test_ok_saves_what_changed_in_the_users_file(qtbot):
    dialog = PreferencesDialog(Settings.load())
    qtbot.addWidget(dialog)
    dialog.fields["author"].setText("Marie Dupont")
    dialog.fields["autosave_seconds"].setValue(30)
    combo = dialog.fields["note_language"]
    combo.setCurrentIndex(combo.findData("fr+nl"))
    with qtbot.waitSignal(dialog.appliedRequest):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    saved = Settings.load()
    assert saved.get("author") == "Marie Dupont"
    assert saved.get("autosave_seconds") == 30
    assert saved.get("note_language") == "fr+nl"
    assert "interface_language" not in user_file().read_text()  # unchanged keys stay unset


def test_new_notes_take_the_preferences(workspace, dialogs):
    settings = workspace.services.settings
    settings.set("author", "Marie Dupont")
    settings.set("cabinet_fr", "Cabinet du Premier ministre")
    settings.set("note_language", "fr+nl")
    settings.set("classification", "restricted")
    dialogs.skeleton_answer = "bilateral"
    window = workspace.new_note(None)
    note = window.document.note
    assert note.author == "Marie Dupont"
    assert note.cabinet == {"fr": "Cabinet du Premier ministre"}
    assert note.language.value == "fr+nl"
    assert note.classification.value == "restricted"
    assert note.date is not None
    assert [s.title["fr"] for s in note.sections][:2] == ["Contexte", "Engagements concernés"]
    window.editor.insert_clause("vd2.1.1")  # the skeleton says where clauses go
    assert note.sections[1].blocks[0].clause_id == "vd2.1.1"


def test_the_autosave_interval_applies_at_once(window, workspace):
    settings = workspace.services.settings
    settings.set("autosave_seconds", 5)
    workspace.apply_settings()
    assert window.autosave_timer.isActive() and window.autosave_timer.interval() == 5000
    settings.set("autosave_seconds", 0)
    workspace.apply_settings()
    assert not window.autosave_timer.isActive()


def test_the_preferences_dialog_opens_from_the_window(window, qtbot):
    window.actions["preferences"].trigger()
    dialog = window.preferences_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


@pytest.mark.parametrize(
    ("interface", "site", "user", "expected"),
    [
        ("nl", "", "", "nl"),  # a Dutch interface writes Dutch notes
        ("en", "", "", "fr"),  # others the cabinet's French
        ("fr", "", "", "fr"),
        ("nl", "fr", "", "fr"),  # a machine-wide setting wins
        ("nl", "fr", "fr+nl", "fr+nl"),  # and the user's over it
    ],
)
def test_file_new_makes_a_note_in_the_interface_language_unless_a_setting_says(
    window, workspace, qtbot, interface, site, user, expected
):
    settings = workspace.services.settings
    if site:
        settings.site["note_language"] = site
    if user:
        settings.set("note_language", user)
    workspace.services.language.apply(interface)
    before = window.document
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # File › New
    fresh = workspace.windows[-1]  # the untouched note's window, or a new one
    assert fresh.document is not before
    assert fresh.document.note.language.value == expected
    assert fresh.composer.metadata.language.currentData() == expected


def test_the_preferences_offer_new_notes_in_the_interface_language_by_default(qtbot):
    dialog = PreferencesDialog(Settings.load())
    qtbot.addWidget(dialog)
    combo = dialog.fields["note_language"]
    assert (combo.currentData(), combo.currentText()) == ("", "Same as the interface")
