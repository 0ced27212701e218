"""``clausier reconcile``: the changes listed, as text and JSON, and written with --apply."""

from __future__ import annotations

import json

from app.cli.command import main
from app.notes import file as notefile
from tests.app.roundtrip.wordedit import WordXml, export, sample_note


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def edited(tmp_path):
    note = sample_note()
    note_path = tmp_path / "note.clausier"
    notefile.write(note, note_path)
    word = WordXml(export(note, tmp_path / "note.docx"))
    word.replace_word("renforcement", "durcissement")
    word.delete_control("clausier:vd2.1.3@1:fr")
    word.save()
    return note_path, word.path


def test_reconcile_lists_the_changes_and_writes_nothing(capsys, tmp_path):
    note_path, word_path = edited(tmp_path)
    before = note_path.read_bytes()
    code, out, err = run(capsys, "reconcile", str(note_path), str(word_path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "  1  Text edited: clause vd2.1.1 in “Engagements” (French)"
    assert lines[1].startswith("       De poursuivre le [-renforcement-]{+durcissement+} des")
    assert lines[2] == "  2  Block deleted: clause vd2.1.3 in “Engagements” (French)"
    assert "2 changes, 3 blocks unchanged." in lines
    assert note_path.read_bytes() == before


def test_reconcile_as_json(capsys, tmp_path):
    note_path, word_path = edited(tmp_path)
    code, out, _err = run(capsys, "reconcile", str(note_path), str(word_path), "--json")
    data = json.loads(out)
    assert code == 0 and data["languages"] == ["fr"] and data["marked"] is True
    assert [(c["id"], c["kind"], c["block"]) for c in data["changes"]] == [
        ("1", "edited", "c1"),
        ("2", "deleted", "c3"),
    ]
    assert "[-renforcement-]{+durcissement+}" in data["changes"][0]["diff_text"]
    assert data["applied"] == []


def test_apply_writes_the_chosen_changes_and_keeps_a_backup(capsys, tmp_path, isolated_folders):
    note_path, word_path = edited(tmp_path)
    before = note_path.read_bytes()
    code, out, _err = run(capsys, "reconcile", str(note_path), str(word_path), "--apply", "2")
    assert code == 0
    assert "1 change was written into note.clausier." in out
    note = notefile.read(note_path)
    assert [b.id for b in note.sections[1].blocks] == ["c1", "c2"]
    [backup] = (isolated_folders["data"] / "backups").iterdir()
    assert backup.read_bytes() == before and backup.suffix == ".clausier"
    assert f"The previous note is kept as {backup}." in out


def test_apply_of_an_unknown_change_is_an_error_and_writes_nothing(capsys, tmp_path):
    note_path, word_path = edited(tmp_path)
    before = note_path.read_bytes()
    code, _out, err = run(capsys, "reconcile", str(note_path), str(word_path), "--apply", "9")
    assert code != 0
    assert err.startswith("clausier: error: no change has the number 9")
    assert note_path.read_bytes() == before


def test_a_pdf_is_one_line_on_stderr(capsys, tmp_path):
    note_path, _word = edited(tmp_path)
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(b"%PDF-1.4 nothing")
    code, out, err = run(capsys, "reconcile", str(note_path), str(pdf))
    assert code != 0 and out == ""
    assert err == (
        "clausier: error: note.pdf is a PDF, not a Word document: only the .docx file can be "
        "brought back.\n"
    )


def test_as_revision_saves_my_clause_edited_in_word_as_its_new_revision(capsys, tmp_path):
    from app.collection.actions import Collection
    from app.library.personal import ClauseDraft
    from app.notes.note import LinkedClause

    collection = Collection.open(sync_index=False)
    change = collection.add_clause(
        ClauseDraft(text={"fr": "Les deux pays renforcent le SIS."}, title={"fr": "SIS"})
    )
    clause_id = change.clause_ids[0]
    note = sample_note()
    note.sections[1].blocks.append(LinkedClause(clause_id, 1, id="mine"))
    note_path = tmp_path / "note.clausier"
    notefile.write(note, note_path)
    word = WordXml(export(note, tmp_path / "note.docx", library=collection.library))
    word.replace_word("renforcent", "consolident")
    word.replace_word("renforcement", "durcissement")  # a built-in clause: it becomes a copy
    word.save()
    code, out, err = run(
        capsys, "reconcile", str(note_path), str(word.path), "--apply", "all", "--as-revision"
    )
    assert (code, err) == (0, "")
    assert f"Clause {clause_id} was saved as its revision 2 (“edited in Word”)." in out
    assert "2 changes were written into note.clausier." in out
    saved = notefile.read(note_path)
    mine = saved.sections[1].blocks[-1]
    assert isinstance(mine, LinkedClause) and (mine.clause_id, mine.revision) == (clause_id, 2)
    assert type(saved.sections[1].blocks[0]).__name__ == "CopiedClause"
    reopened = Collection.open(sync_index=False)
    assert reopened.library.newest(clause_id).text_in("fr") == "Les deux pays consolident le SIS."
    assert reopened.history(clause_id)[0].remark == "edited in Word"


def test_as_revision_without_apply_is_an_error(capsys, tmp_path):
    note_path, word_path = edited(tmp_path)
    code, out, err = run(capsys, "reconcile", str(note_path), str(word_path), "--as-revision")
    assert code != 0 and out == ""
    assert err == "clausier: error: --as-revision says how to apply changes: give --apply too.\n"
