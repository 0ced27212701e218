"""Tests for where-used: the index of clause uses in the user's notes."""

from __future__ import annotations

import os

import pytest

from app.library import database
from app.notes import file as notefile
from app.notes.note import CopiedClause, FollowUpRow, FollowUpTable, LinkedClause, Note, Section
from app.notes.whereused import COPIED, FOLLOW_UP, LINKED, NoteIndex, uses_in


def note(subject: str, *blocks) -> Note:
    return Note(subject={"fr": subject}, sections=[Section({"fr": "S"}, list(blocks))])


@pytest.fixture
def index():
    db = database.connect()
    yield NoteIndex(db)
    db.close()


@pytest.fixture
def notes(tmp_path):
    folder = tmp_path / "notes"
    (folder / "2018").mkdir(parents=True)
    notefile.write(note("Sommet", LinkedClause("vd2.2.4", 1)), folder / "sommet.clausier")
    notefile.write(
        note("Suivi", LinkedClause("vd2.2.4", 3), CopiedClause("vd2.2.4", 2, text={"fr": "x"})),
        folder / "2018" / "suivi.clausier",
    )
    notefile.write(
        note("Tableau", FollowUpTable([FollowUpRow(clause_id="vd2.2.4")])),
        folder / "tableau.clausier",
    )
    notefile.write(note("Autre", LinkedClause("vd2.1.4", 1)), folder / "autre.clausier")
    return folder


def test_uses_in_a_note_are_linked_copied_or_follow_up():
    found = uses_in(
        note(
            "x",
            LinkedClause("a", 2, id="b1"),
            CopiedClause("b", 1, id="b2"),
            FollowUpTable([FollowUpRow(clause_id="c"), FollowUpRow()], id="b3"),
        )
    )
    assert found == [("b1", "a", 2, LINKED), ("b2", "b", 1, COPIED), ("b3", "c", 0, FOLLOW_UP)]


def test_the_notes_citing_an_old_wording_are_found(index, notes):
    report = index.refresh([notes])
    assert report.seen == 4 and report.read == 4 and report.problems == []
    usage = index.usage("vd2.2.4", newest=3)
    assert {u.subject for u in usage.uses} == {"Sommet", "Suivi", "Tableau"}
    assert len(usage.notes) == 3
    assert sorted((u.subject, u.revision, u.mode) for u in usage.older) == [
        ("Sommet", 1, LINKED),
        ("Suivi", 2, COPIED),
    ]
    assert len(usage.older_notes) == 2
    assert index.counts() == {"vd2.2.4": 3, "vd2.1.4": 1}


def test_a_refresh_reads_only_the_notes_that_changed(index, notes):
    index.refresh([notes])
    assert index.refresh([notes]).read == 0
    path = notes / "sommet.clausier"
    notefile.write(note("Sommet", LinkedClause("vd2.2.4", 3)), path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    report = index.refresh([notes])
    assert report.read == 1
    assert [u.subject for u in index.usage("vd2.2.4", 3).older] == ["Suivi"]


def test_notes_gone_or_outside_the_folders_leave_the_index(index, notes):
    index.refresh([notes])
    (notes / "autre.clausier").unlink()
    assert index.refresh([notes]).removed == 1
    assert index.usage("vd2.1.4", 1).uses == []
    assert index.refresh([]).removed == 3


def test_recent_files_outside_the_folders_are_indexed_too(index, notes, tmp_path):
    elsewhere = tmp_path / "desk" / "urgent.clausier"
    elsewhere.parent.mkdir()
    notefile.write(note("Urgent", LinkedClause("vd2.3.1", 1)), elsewhere)
    index.refresh([notes], [elsewhere])
    assert [u.path for u in index.usage("vd2.3.1", 1).uses] == [elsewhere.resolve()]


def test_a_damaged_note_is_reported_and_does_not_stop_the_refresh(index, notes):
    (notes / "bad.clausier").write_text("{ damaged", encoding="utf-8")
    report = index.refresh([notes])
    assert len(report.problems) == 1 and "bad.clausier" in report.problems[0]
    assert [p.name for p, _reason in index.problems()] == ["bad.clausier"]
    assert len(index.usage("vd2.2.4", 3).notes) == 3


def test_hidden_and_recovery_folders_are_skipped(index, notes):
    for name in (".trash", "recovery"):
        (notes / name).mkdir()
        notefile.write(note("Copie", LinkedClause("vd2.2.4", 1)), notes / name / "c.clausier")
    assert index.refresh([notes]).seen == 4


def test_a_saved_note_is_recorded_without_reading_it_back(index, notes):
    index.refresh([notes])
    path = notes / "sommet.clausier"
    saved = note("Sommet", LinkedClause("vd2.2.4", 3))
    notefile.write(saved, path)
    index.note_saved(path, saved)
    assert [u.revision for u in index.usage("vd2.2.4", 3).uses if u.subject == "Sommet"] == [3]
    assert index.refresh([notes]).read == 0


def test_a_hostile_window_state_gives_no_recent_notes_not_a_crash():
    from app.notes.whereused import WINDOW_STATE_FILE, recent_notes
    from app.system import paths

    paths.data_dir().mkdir(parents=True, exist_ok=True)
    (paths.data_dir() / WINDOW_STATE_FILE).write_text("[" * 100_000)
    assert recent_notes() == []
