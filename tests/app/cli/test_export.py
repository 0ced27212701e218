"""Tests for exporting many notes in one process: ``clausier export A B C … -o FOLDER/``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli.command import main
from app.collection import actions
from app.notes import file as notefile
from app.notes.note import LinkedClause, Note, Section, TextBlock


def write_note(folder: Path, name: str, subject: str, day: int = 11) -> Path:
    note = Note(
        subject={"fr": subject},
        addressee={"fr": "Monsieur le Ministre"},
        date=date(2018, 6, day),
        sections=[
            Section({"fr": "Contexte"}, [TextBlock({"fr": f"Le texte de la note « {subject} »."})]),
            Section({"fr": "Engagements"}, [LinkedClause("vd2.1.4", 1)]),
        ],
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    notefile.write(note, path)
    return path


def run(capsys, *argv: str) -> tuple[int, list[str], list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.fixture
def notes(tmp_path) -> list[Path]:
    return [
        write_note(tmp_path / "notes", "a.clausier", "Réunion avec la France", 11),
        write_note(tmp_path / "notes", "b.clausier", "Conseil JAI", 12),
        write_note(tmp_path / "notes", "c.clausier", "Comité de suivi", 13),
    ]


def test_several_notes_are_exported_in_one_process_with_a_line_each(
    capsys, tmp_path, notes, monkeypatch
):
    loads = []
    original = actions.load_all
    monkeypatch.setattr(actions, "load_all", lambda **kw: loads.append(kw) or original(**kw))
    code, out, err = run(capsys, "export", *map(str, notes), "-o", f"{tmp_path / 'out'}/")
    assert code == 0
    written = sorted((tmp_path / "out").glob("*.docx"))
    assert [p.name for p in written] == [
        "2018-06-11_Reunion-avec-la-France_FR.docx",
        "2018-06-12_Conseil-JAI_FR.docx",
        "2018-06-13_Comite-de-suivi_FR.docx",
    ]
    progress = [line for line in err if line.startswith("[")]
    assert progress == [
        f"[1/3] a.clausier → {tmp_path / 'out' / written[0].name}",
        f"[2/3] b.clausier → {tmp_path / 'out' / written[1].name}",
        f"[3/3] c.clausier → {tmp_path / 'out' / written[2].name}",
    ]
    assert sorted(out) == [str(p) for p in written]
    assert len(loads) == 1  # the libraries are opened once for every note


def test_a_folder_stands_for_the_notes_in_it(capsys, tmp_path, notes):
    (tmp_path / "notes" / "readme.txt").write_text("not a note")
    code, out, err = run(capsys, "export", str(tmp_path / "notes"), "-o", str(tmp_path / "notes"))
    assert code == 0 and len(out) == 3
    assert [line.split(" ")[1] for line in err if line.startswith("[")] == [
        "a.clausier",
        "b.clausier",
        "c.clausier",
    ]


def test_a_note_that_fails_is_one_line_and_the_others_go_on(capsys, tmp_path, notes):
    notes[1].write_text("{ not a note", encoding="utf-8")
    code, out, err = run(capsys, "export", *map(str, notes), "-o", f"{tmp_path / 'out'}/")
    assert code == 1
    assert len(out) == 2 and len(list((tmp_path / "out").glob("*.docx"))) == 2
    failure = [line for line in err if line.startswith("[2/3]")]
    assert len(failure) == 1 and "b.clausier: error:" in failure[0] and "damaged" in failure[0]
    assert err[-1] == "1 of 3 notes were not exported."
    assert not any("Traceback" in line for line in err)


def test_an_existing_word_file_is_kept_unless_force_is_given(capsys, tmp_path, notes):
    out = tmp_path / "out"
    out.mkdir()
    kept = out / "2018-06-12_Conseil-JAI_FR.docx"
    kept.write_bytes(b"the assistant's own version")
    code, written, err = run(capsys, "export", *map(str, notes), "-o", f"{out}/")
    assert code == 1 and len(written) == 2 and kept.read_bytes() == b"the assistant's own version"
    assert any(line.startswith("[2/3] b.clausier: error:") and "--force" in line for line in err)
    code, written, _err = run(capsys, "export", *map(str, notes), "-o", f"{out}/", "--force")
    assert code == 0 and len(written) == 3 and kept.read_bytes().startswith(b"PK")


def test_two_notes_with_the_same_subject_and_date_are_both_written_the_second_numbered(
    capsys, tmp_path
):
    first = write_note(tmp_path / "notes", "first.clausier", "Même sujet")
    second = write_note(tmp_path / "other", "second.clausier", "Même sujet")
    third = write_note(tmp_path / "third", "third.clausier", "Même sujet")
    out = tmp_path / "out"
    code, written, err = run(capsys, "export", str(first), str(second), str(third), "-o", f"{out}/")
    assert code == 0
    names = ["2018-06-11_Meme-sujet_FR.docx", "2018-06-11_Meme-sujet-2_FR.docx"]
    names.append("2018-06-11_Meme-sujet-3_FR.docx")
    assert written == [str(out / name) for name in names]
    assert f"[2/3] second.clausier → {out / names[1]}" in err
    assert (
        "clausier: warning: second.clausier: first.clausier takes the name "
        "2018-06-11_Meme-sujet_FR.docx (same subject and date); this note is written as "
        "2018-06-11_Meme-sujet-2_FR.docx."
    ) in err
    assert any("third.clausier" in line and "Meme-sujet-3_FR.docx." in line for line in err)
    # The same run again: the same names, kept without --force, replaced with it.
    code, written, err = run(capsys, "export", str(first), str(second), "-o", f"{out}/")
    assert code == 1 and written == []
    assert any(
        line.startswith("[2/2] second.clausier: error:") and "Meme-sujet-2_FR.docx already" in line
        for line in err
    )
    code, written, err = run(capsys, "export", str(first), str(second), "-o", f"{out}/", "--force")
    assert code == 0 and written == [str(out / name) for name in names[:2]]


def test_the_same_note_named_twice_is_exported_once(capsys, tmp_path, notes):
    code, out, _err = run(capsys, "export", str(notes[0]), str(notes[0]), "-o", f"{tmp_path}/o/")
    assert code == 0 and len(out) == 1


def test_several_notes_need_a_folder(capsys, tmp_path, notes):
    code, out, err = run(capsys, "export", *map(str, notes), "-o", str(tmp_path / "one.docx"))
    assert code == 1 and out == [] and len(err) == 1 and "folder" in err[0]


def test_a_folder_without_notes_is_one_line(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _out, err = run(capsys, "export", str(tmp_path / "empty"), "-o", f"{tmp_path}/out/")
    assert code == 1 and len(err) == 1 and "clausier: error: no note to export" in err[0]


def test_export_help_says_how_several_notes_and_existing_files_go(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "several notes (and the notes in a folder) into a folder" in text
    assert "without --force, an existing file is kept" in text
    assert "the second as …-2_FR.docx" in text
