"""Where used, near-duplicates, importing a declaration, exporting for the team, the team folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.collection import libraries
from app.library import clauses as library_mod
from app.library.clauses import TEAM, Clause, Kind, Library
from app.library.personal import ClauseDraft
from app.notes import file as notefile
from app.notes.note import LinkedClause, Note, Section
from app.system.settings import Settings, site_file
from ui.qt import QDialogButtonBox, Qt

PATROLS = {
    "fr": "Renforcer les patrouilles conjointes dans les gares transfrontalières de Zwijndrecht.",
}
PATROLS_2 = {
    "fr": "Renforcer sans tarder les patrouilles conjointes dans toutes les gares de Zwijndrecht.",
}
DECLARATION = """Les ministres de l?Intérieur se sont réunis aujourd?hui à Senningen, dans un esprit \
d?amitié.

Les deux Parties ont décidé :

1- en matière de sécurité des gares

- De renforcer les patrouilles conjointes dans les gares de Kleinbettingen.

- D?étudier la possibilité d?une formation commune des agents.

2- en matière de coopération judiciaire

- De désigner dans chaque parquet un point de contact unique pour les demandes d?entraide.
"""


def shot(widget, name: str) -> None:
    """Save a picture of ``widget`` when CLAUSIER_SHOTS names a folder (to look at it)."""
    folder = os.environ.get("CLAUSIER_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"shot_{name}.png"))


def add_clause(workspace, window, text=PATROLS) -> str:
    collection = workspace.services.collection
    change = workspace.change_library(
        window,
        lambda: collection.add_clause(
            ClauseDraft(text=dict(text), title={"fr": "Patrouilles conjointes"})
        ),
    )
    return change.clause_ids[0]


def write_site_settings(text: str) -> None:
    site_file().parent.mkdir(parents=True, exist_ok=True)
    site_file().write_text(text, encoding="utf-8")


def team_file(path: Path, *clauses: Clause) -> None:
    path.write_text(
        library_mod.dumps(Library(clauses={c.id: c for c in clauses})), encoding="utf-8"
    )


# --- where used ---------------------------------------------------------------------------


def test_where_used_lists_the_notes_flags_the_old_wording_and_enter_opens_one(
    window, workspace, services, dialogs, qtbot, tmp_path
):
    clause_id = add_clause(workspace, window)
    window.editor.insert_clause(clause_id)
    old = tmp_path / "mine" / "sommet-2018.clausier"
    old.parent.mkdir()
    dialogs.save_answer = old
    assert window.save()  # the first note is in the recent files, linked to revision 1
    collection = services.collection
    workspace.change_library(window, lambda: collection.edit_clause(clause_id, text=PATROLS_2))
    folder = tmp_path / "cabinet notes"
    (folder / "2018").mkdir(parents=True)
    new = folder / "2018" / "suivi.clausier"
    notefile.write(
        Note(
            subject={"fr": "Suivi des patrouilles"},
            sections=[Section({"fr": "Engagements"}, [LinkedClause(clause_id, 2)])],
        ),
        new,
    )
    (folder / "abime.clausier").write_text("{ not a note", encoding="utf-8")
    services.settings.set("note_folders", str(folder))
    workspace.apply_settings()
    window.set_document(workspace.fresh_document())  # the window now holds a new note

    assert window.library.select_clause(clause_id)
    window.actions["where_used"].trigger()
    dialog = window.where_used_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    rows = dialog.rows()
    assert sorted(r[0] for r in rows) == ["sommet-2018.clausier", "suivi.clausier"]
    by_name = {r[0]: r for r in rows}
    assert by_name["sommet-2018.clausier"][5] == str(old.parent.resolve())
    assert by_name["suivi.clausier"][1] == "Suivi des patrouilles"
    assert by_name["sommet-2018.clausier"][2] == "1 of 2"
    assert by_name["sommet-2018.clausier"][3] == "linked"
    assert "older" in by_name["sommet-2018.clausier"][4]
    assert "older" not in by_name["suivi.clausier"][4]
    assert dialog.flagged() == [old.resolve()]
    assert dialog.summary.text() == (f"2 notes use clause {clause_id}; 1 cites an older wording.")
    assert dialog.problem_list.isVisible()
    assert "abime.clausier" in dialog.problem_list.toPlainText()
    shot(dialog, "where_used")

    for row in range(dialog.notes.topLevelItemCount()):
        if dialog.notes.topLevelItem(row).text(0) == "sommet-2018.clausier":
            dialog.notes.setCurrentItem(dialog.notes.topLevelItem(row))
    dialog.notes.setFocus()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
    opened = workspace.window_for(old)
    assert opened is window and window.document.path.resolve() == old.resolve()
    assert dialogs.errors == []


def test_where_used_without_a_clause_says_to_choose_one(window, dialogs):
    window.run_flow("ui.flows.insight", "show_where_used", "")
    assert dialogs.informations == ["Select a clause in the library first."]
    assert getattr(window, "where_used_dialog", None) is None


def test_where_used_of_an_unused_clause_says_so_and_points_at_the_preferences(window, qtbot):
    window.run_flow("ui.flows.insight", "show_where_used", "vd2.1.1")
    dialog = window.where_used_dialog
    assert dialog.rows() == []
    assert dialog.summary.text() == "No note uses commitment 1.1."
    assert "Preferences" in dialog.looked_in.text()
    assert not dialog.problem_list.isVisible()
    dialog.reject()
    assert window.where_used_dialog is None


# --- near-duplicates ------------------------------------------------------------------


def test_the_two_terrorist_financing_commitments_are_near_duplicates_with_their_diff(window, qtbot):
    window.actions["near_duplicates"].trigger()
    dialog = window.duplicates_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert ("vd2.1.4", "vd2.1.5") in dialog.listed() or ("vd2.1.5", "vd2.1.4") in dialog.listed()
    assert dialog.select_pair("vd2.1.4", "vd2.1.5")
    pair = dialog.current_pair()
    assert pair.similarity >= 0.8
    html = dialog.diff.toHtml()
    assert "line-through" in html or "#e3f4e1" in html  # the words that differ are marked
    assert "financement" in dialog.diff.toPlainText()
    shot(dialog, "duplicates")
    dialog.go_second.click()
    assert window.library.selected_clause_id() == pair.second
    dialog.go_first.click()
    assert window.library.selected_clause_id() == pair.first


def test_the_duplicates_of_one_clause(window):
    window.run_flow("ui.flows.insight", "show_duplicates", "vd2.1.5")
    dialog = window.duplicates_dialog
    assert dialog.listed() and all("vd2.1.5" in pair for pair in dialog.listed())
    assert "vd2.1.5" in dialog.summary.text()


# --- importing a declaration ----------------------------------------------------------


@pytest.fixture
def declaration(tmp_path) -> Path:
    path = tmp_path / "Senningen 2020.txt"
    path.write_text(DECLARATION, encoding="utf-8")
    return path


def imported_files() -> list[Path]:
    folder = libraries.user_library_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_an_import_is_previewed_and_nothing_is_written_until_import(
    window, dialogs, declaration, qtbot
):
    dialogs.declaration_answer = declaration
    window.actions["import_declaration"].trigger()
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    listed = dialog.listed()
    assert [c[0] for c in listed] == [
        "senningen-2020.0.1",
        "senningen-2020.0.2",
        "senningen-2020.1.1",
        "senningen-2020.1.2",
        "senningen-2020.2.1",
    ]
    assert listed[2][1] == "1" and listed[0][1] == "Preamble"
    assert "Renforcer les patrouilles" in listed[2][2]
    assert "Repaired 6 apostrophes" in dialog.notices.toPlainText()
    assert "l’Intérieur" in listed[0][2]
    assert not dialog.warning.isVisible()
    assert imported_files() == []
    shot(dialog, "import")

    dialog.prefix.clear()
    qtbot.keyClicks(dialog.prefix, "sen")
    qtbot.keyClick(dialog.prefix, Qt.Key.Key_Return)  # Enter in a field previews again
    assert [c[0] for c in dialog.listed()][2] == "sen.1.1"
    assert imported_files() == [] and window.import_dialog is dialog

    dialog.import_button.click()
    assert dialogs.errors == []
    assert [p.name for p in imported_files()] == ["senningen-2020.json"]
    assert window.import_dialog is None
    assert "5 clauses imported" in window.statusBar().currentMessage()
    window.library.search.clear()
    qtbot.keyClicks(window.library.search, "Kleinbettingen")
    assert window.library.selected_clause_id() == "sen.1.1"


def test_cancel_writes_nothing_and_a_second_import_says_it_replaces(
    window, dialogs, declaration, services
):
    dialogs.declaration_answer = declaration
    window.run_flow("ui.flows.insight", "import_declaration")
    window.import_dialog.cancel_button.click()
    assert imported_files() == [] and window.import_dialog is None

    preview = services.collection.preview_import(declaration)
    window.workspace.change_library(window, lambda: services.collection.import_declaration(preview))
    window.run_flow("ui.flows.insight", "import_declaration")
    dialog = window.import_dialog
    assert dialog.warning.isVisible()
    assert "replaces an earlier import" in dialog.warning.text()


def test_a_file_that_is_not_a_declaration_gets_one_clear_message(window, dialogs, tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PDF")
    dialogs.declaration_answer = binary
    window.run_flow("ui.flows.insight", "import_declaration")
    assert len(dialogs.errors) == 1 and dialogs.errors[0].startswith("scan.txt cannot be imported")
    assert getattr(window, "import_dialog", None) is None
    dialogs.declaration_answer = tmp_path / "notes.pdf"
    window.run_flow("ui.flows.insight", "import_declaration")
    assert len(dialogs.errors) == 2 and ".txt and .docx" in dialogs.errors[1]


def test_a_field_changed_without_preview_again_is_previewed_before_the_import(
    window, dialogs, declaration, services
):
    dialogs.declaration_answer = declaration
    window.run_flow("ui.flows.insight", "import_declaration")
    dialog = window.import_dialog
    dialog.prefix.setText("lux")
    dialog.lang.setCurrentIndex(dialog.lang.findData("nl"))
    dialog.import_button.click()
    clause = services.collection.clause("lux.1.1")
    assert "renforcer les patrouilles" in clause.text_in("nl")  # imported as the Dutch text


def test_the_sources_title_date_place_and_parties_come_from_the_preview_fields(
    window, dialogs, declaration, services, qtbot
):
    from datetime import date

    dialogs.declaration_answer = declaration
    window.run_flow("ui.flows.insight", "import_declaration")
    dialog = window.import_dialog
    assert dialog.title.text() == "" and dialog.title_nl.text() == ""  # never the file name
    assert "Source:" not in dialog.file_label.text()
    dialog.title.setText("Déclaration de Senningen")  # QTest types no accented letters
    qtbot.keyClicks(dialog.title_nl, "Verklaring van Senningen")
    dialog.date.set_value(date(2020, 3, 3))
    qtbot.keyClicks(dialog.place, "Senningen")
    qtbot.keyClicks(dialog.parties, "Belgique, Luxembourg")
    qtbot.keyClick(dialog.parties, Qt.Key.Key_Return)  # previews again
    assert "Source: Déclaration de Senningen" in dialog.file_label.text()
    assert imported_files() == []
    shot(dialog, "import_details")
    dialog.import_button.click()
    source = services.collection.library.sources["senningen-2020"]
    assert source.title == {"fr": "Déclaration de Senningen", "nl": "Verklaring van Senningen"}
    assert (source.date, source.place, source.parties) == (
        date(2020, 3, 3),
        {"fr": "Senningen"},
        ("Belgique", "Luxembourg"),
    )


def test_the_sources_date_may_be_typed_in_words_in_the_import_dialog(
    window, dialogs, declaration, services, qtbot
):
    from datetime import date

    from PySide6.QtTest import QTest

    from tests.ui.conftest import type_text

    dialogs.declaration_answer = declaration
    window.run_flow("ui.flows.insight", "import_declaration")
    dialog = window.import_dialog
    dialog.title.setText("Senningen")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.mouseClick(dialog.date.edit, Qt.MouseButton.LeftButton)
    type_text(dialog.date.edit, "mardi 3 mars 2020")
    QTest.keyClick(dialog.date.edit, Qt.Key.Key_Tab)
    assert dialog.date.value() == date(2020, 3, 3) and dialog.date.problem == ""
    assert dialog.date.edit.text() == "03/03/2020"
    dialog.import_button.click()
    assert services.collection.library.sources["senningen-2020"].date == date(2020, 3, 3)


# --- exporting for the team folder, and the team library -----------------------------


@pytest.fixture
def share(tmp_path) -> Path:
    """A team folder named in the machine-wide settings, as IT sets it (before the window starts)."""
    folder = tmp_path / "share"
    folder.mkdir()
    write_site_settings(f"[settings]\nteam_library = {folder}\n\n[locked]\nkeys = team_library\n")
    return folder


def test_exported_clauses_are_a_library_file_the_team_folder_loads(
    share, window, workspace, services, dialogs
):
    assert services.settings.get("team_library") == str(share)
    assert window.library.select_clause("vd2.1.4")
    target = share / "financement.json"
    dialogs.library_path_answer = target
    window.actions["export_clauses"].trigger()
    assert dialogs.errors == []
    assert dialogs.library_paths_asked == [share / "vd2.1.4.json"]  # the team folder first
    assert target.exists()
    assert "1 clause exported" in window.statusBar().currentMessage()
    assert services.collection.clause("vd2.1.4").library == TEAM

    window.actions["team_library"].trigger()
    dialog = window.team_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert str(share) in dialog.folder_label.text()
    assert "IT department" in dialog.folder_label.text()
    assert "reachable" in dialog.state.text()
    assert [r[:2] + r[3:] for r in dialog.rows()] == [["financement.json", "1", "read"]]


def test_the_team_dialog_says_which_team_clauses_the_users_own_hide(
    share, window, workspace, services, dialogs
):
    from app.library.personal import ClauseDraft

    collection = services.collection
    mine = window.workspace.change_library(
        window, lambda: collection.add_clause(ClauseDraft(text={"fr": "Ma version."}))
    ).clause_ids[0]
    collection.export_set([mine], share / "equipe.json")
    workspace.refresh_library()
    assert collection.clause(mine).library == "personal"  # the user's own wins
    window.actions["team_library"].trigger()
    state = window.team_dialog.state.text()
    assert f"1 team clause is hidden by your own clause of the same id: {mine}." in state


def test_a_team_folder_with_an_unreadable_file_shows_it_while_the_rest_works(
    share, window, workspace, services
):
    sis = Clause("team.sis", Kind.STANDARD, {"fr": "SIS"}, {"fr": "La ligne SIS de Zeebrugge."})
    team_file(share / "sis.json", sis)
    (share / "abime.json").write_text("{", encoding="utf-8")
    workspace.refresh_library()
    window.run_flow("ui.flows.insight", "show_team_library")
    dialog = window.team_dialog
    rows = {r[0]: r for r in dialog.rows()}
    assert rows["sis.json"][1] == "1" and rows["sis.json"][3] == "read"
    assert "unreadable" in rows["abime.json"][3]
    assert dialog.problem_list.isVisible()
    assert "abime.json" in dialog.problem_list.toPlainText()
    assert services.collection.clause("team.sis").library == TEAM
    shot(dialog, "team")

    pnr = Clause("team.pnr", Kind.STANDARD, {"fr": "PNR"}, {"fr": "Le PNR ferroviaire."})
    team_file(share / "pnr.json", pnr)
    dialog.refresh_button.click()
    assert [r[0] for r in dialog.rows()] == ["abime.json", "pnr.json", "sis.json"]
    assert "2 library files read" in dialog.state.text()


def test_an_offline_team_folder_uses_the_last_copy(share, window, workspace, tmp_path):
    sis = Clause("team.sis", Kind.STANDARD, {"fr": "SIS"}, {"fr": "La ligne SIS de Zeebrugge."})
    team_file(share / "sis.json", sis)
    workspace.refresh_library()
    share.rename(tmp_path / "unplugged")
    window.run_flow("ui.flows.insight", "show_team_library")
    dialog = window.team_dialog
    dialog.refresh_button.click()
    assert "cannot be reached" in dialog.state.text()
    assert "last copies" in dialog.state.text()
    assert dialog.rows()[0][0] == "sis.json" and "last copy" in dialog.rows()[0][3]


def test_without_a_team_folder_the_dialog_says_how_it_sets_it(window):
    window.run_flow("ui.flows.insight", "show_team_library")
    dialog = window.team_dialog
    assert dialog.folder_label.text() == "No team library folder is set."
    assert "team_library" in dialog.state.text() and "clausier.ini" in dialog.state.text()
    assert not dialog.refresh_button.isEnabled()


def test_exporting_nothing_says_to_select_clauses(window, dialogs):
    window.run_flow("ui.flows.insight", "export_clauses", [])
    assert len(dialogs.errors) == 1 and "Select the clauses" in dialogs.errors[0]
    assert dialogs.library_paths_asked == []


def test_an_export_that_cannot_be_written_is_one_message(window, dialogs, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    dialogs.library_path_answer = blocker / "sub" / "set.json"
    window.run_flow("ui.flows.insight", "export_clauses", ["vd2.1.4", "vd2.1.5"])
    assert len(dialogs.errors) == 1 and "not exported" in dialogs.errors[0]


# --- the note folders preference ------------------------------------------------------


def test_the_note_folders_preference_round_trips_and_applies(
    window, workspace, services, dialogs, tmp_path, qtbot
):
    first, second = tmp_path / "notes", tmp_path / "archive 2018"
    window.actions["preferences"].trigger()
    prefs = window.preferences_dialog
    assert prefs.note_folders() == []
    assert not prefs.remove_folder.isEnabled()
    for folder in (first, second):
        dialogs.folder_answer = folder
        prefs.add_folder.click()
    assert prefs.note_folders() == [str(first), str(second)]
    with qtbot.waitSignal(prefs.appliedRequest):
        prefs.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert Settings.load().get("note_folders") == f"{first};{second}"
    assert services.collection.note_folders == [first, second]

    window.actions["preferences"].trigger()
    prefs = window.preferences_dialog
    assert prefs.note_folders() == [str(first), str(second)]
    prefs.fields["note_folders"].setCurrentRow(0)
    prefs.remove_folder.click()
    prefs.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert Settings.load().get("note_folders") == str(second)
    assert services.collection.note_folders == [second]
    shot(prefs, "preferences")
    prefs.reject()


def test_note_folders_locked_by_it_cannot_be_changed(qtbot):
    from ui.dialogs.preferences import PreferencesDialog

    write_site_settings("[settings]\nnote_folders = /srv/notes\n\n[locked]\nkeys = note_folders\n")
    prefs = PreferencesDialog(Settings.load())
    qtbot.addWidget(prefs)
    assert prefs.note_folders() == ["/srv/notes"]
    assert not prefs.add_folder.isEnabled() and not prefs.remove_folder.isEnabled()
    assert prefs.lock_notes["note_folders"].text() == "Locked"


# --- language -------------------------------------------------------------------------


def test_the_dialogs_follow_the_interface_language(window, services, share):
    for flow, args in (
        ("show_where_used", ("vd2.1.4",)),
        ("show_duplicates", ("",)),
        ("show_team_library", ()),
    ):
        window.run_flow("ui.flows.insight", flow, *args)
    services.language.apply("fr")
    services.language.apply("en")
    assert window.where_used_dialog.windowTitle() == "Where used"
    assert window.team_dialog.windowTitle() == "Team library"
    for name in ("where_used_dialog", "duplicates_dialog", "team_dialog"):
        getattr(window, name).reject()
        assert getattr(window, name) is None


@pytest.fixture
def hostile_share(share) -> Path:
    """The team folder with one good file and the bad ones IT has met, before the window starts."""
    sis = Clause("team.sis", Kind.STANDARD, {"fr": "SIS"}, {"fr": "La ligne SIS de Zeebrugge."})
    team_file(share / "sis.json", sis)
    (share / "deep.json").write_text("[" * 100_000)
    (share / "infinite.json").write_text(
        '{"format": "clausier-library", "version": 1, "clauses": [{"id": "x", "revision": 1e400}]}'
    )
    os.mkfifo(share / "pipe.json")  # the old window hung here at start
    (share / "zero.json").symlink_to("/dev/zero")  # and here read until memory ran out
    return share


def test_hostile_team_files_are_named_in_the_dialog_and_the_window_starts_and_works(
    hostile_share, window, workspace, services
):
    assert services.collection.clause("team.sis").library == TEAM
    window.run_flow("ui.flows.insight", "show_team_library")
    dialog = window.team_dialog
    rows = {r[0]: r for r in dialog.rows()}
    assert rows["sis.json"][3] == "read"
    for name in ("deep.json", "infinite.json", "pipe.json", "zero.json"):
        assert "unreadable" in rows[name][3]
    problems = dialog.problem_list.toPlainText().splitlines()
    assert len(problems) == 4
    assert any("pipe.json" in p and "named pipe" in p for p in problems)
    assert any("zero.json" in p and "device" in p for p in problems)
    assert "1 library file read" in dialog.state.text()
    dialog.refresh_button.click()  # looking again names them again, once each
    assert len(dialog.problem_list.toPlainText().splitlines()) == 4
