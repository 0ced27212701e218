"""``clausier check-spelling NOTE [--json]``."""

from __future__ import annotations

import json

from app.cli.command import main
from app.language.codes import NoteLanguage
from app.notes.editing import NoteSession
from app.notes.note import Note, Section, TextBlock
from app.spelling.note import ignore_all


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def saved(tmp_path, *, ignore: str = "") -> str:
    note = Note(
        subject={"fr": "Suivi"},
        language=NoteLanguage.BILINGUAL,
        sections=[
            Section(
                {"fr": "Contexte"},
                [TextBlock({"fr": "Le terorisme.", "nl": "Het terorisme en de samenwerking."})],
            )
        ],
    )
    session = NoteSession(note)
    if ignore:
        ignore_all(session, ignore, "nl")
    return str(session.save(tmp_path / "suivi.clausier"))


def test_check_spelling_lists_each_unknown_word_where_it_is_and_fails(capsys, tmp_path):
    code, out, err = run(capsys, "check-spelling", saved(tmp_path))
    assert code == 1, err
    lines = out.splitlines()
    assert lines[0] == "suivi.clausier: section 1, block 1 (FR): terorisme → terrorisme"
    assert lines[1] == "  …Le [terorisme].…"
    assert lines[2].startswith("suivi.clausier: section 1, block 1 (NL): terorisme")
    assert lines[-1] == "2 unknown words."


def test_check_spelling_as_json_and_the_note_s_ignored_words(capsys, tmp_path):
    code, out, _err = run(capsys, "check-spelling", saved(tmp_path, ignore="terorisme"), "--json")
    assert code == 1
    found = json.loads(out)
    assert [(f["word"], f["lang"], f["kind"], f["section"], f["block"]) for f in found] == [
        ("terorisme", "fr", "text", 1, 1)
    ]
    assert found[0]["suggestions"][0] == "terrorisme"
    assert (found[0]["start"], found[0]["end"]) == (3, 12)


def test_a_clean_note_passes(capsys, tmp_path):
    session = NoteSession(
        Note(sections=[Section({"fr": "Contexte"}, [TextBlock({"fr": "Bien."})])])
    )
    path = session.save(tmp_path / "ok.clausier")
    code, out, _err = run(capsys, "check-spelling", str(path), "--no-suggestions")
    assert (code, out) == (0, "No unknown words.\n")


def test_a_missing_note_is_one_line_on_stderr(capsys, tmp_path):
    code, out, err = run(capsys, "check-spelling", str(tmp_path / "absent.clausier"))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
