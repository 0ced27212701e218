"""Tests for the ``clausier library`` commands that curate the personal library."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from app.cli.command import main
from app.collection import libraries
from app.library import clauses as library_mod
from app.notes import file as notefile
from app.notes.note import LinkedClause, Note, Section
from tests.app import realfaults

ROOT = Path(__file__).resolve().parents[3]
FR = "La ligne standard sur le SIS : le système est renforcé à Zeebrugge."
NL = "De standaardlijn over het SIS: het systeem wordt versterkt in Zeebrugge."


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys, *extra: str) -> str:
    code, out, err = run(capsys, "library", "add", "--fr", FR, "--nl", NL, "--tag", "sis", *extra)
    assert code == 0, err
    return out.split(":")[0]


def test_add_edit_history_diff_and_restore(capsys):
    clause_id = add(capsys)
    code, out, _err = run(
        capsys, "library", "edit", clause_id, "--fr", FR.replace("renforcé", "nettement renforcé")
    )
    assert code == 0 and "revision 2" in out
    code, out, _err = run(capsys, "library", "history", clause_id, "--json")
    assert [r["changes"] for r in json.loads(out)] == [["text.fr"], ["created"]]
    code, out, _err = run(capsys, "library", "diff", clause_id, "1")
    assert "{+nettement +}" in out and "[NL]" not in out
    code, out, _err = run(capsys, "library", "restore", clause_id, "1")
    assert "revision 3" in out
    code, out, _err = run(capsys, "library", "show", clause_id, "--json")
    assert json.loads(out)["text"]["fr"] == FR


def test_an_edited_french_text_shows_the_dutch_out_of_date_until_translated(capsys):
    clause_id = add(capsys)
    run(capsys, "library", "edit", clause_id, "--fr", "Nouveau texte à Zeebrugge.")
    code, out, _err = run(capsys, "library", "translations")
    assert out.split("\t")[:2] == [clause_id, "nl"]
    code, out, _err = run(capsys, "library", "show", clause_id)
    assert "out of date" in out
    run(capsys, "library", "translate", clause_id, "nl", "Nieuwe tekst in Zeebrugge.")
    assert run(capsys, "library", "translations")[1] == ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vd2.0.1", ["vd2.0.1"]),
        ("VD2.1.4", ["vd2.1.4"]),
        ("vd2.1", [f"vd2.1.{n}" for n in range(1, 8)]),
        ("vd2.1.", [f"vd2.1.{n}" for n in range(1, 8)]),
    ],
)
def test_library_search_finds_a_clause_id_or_its_beginning(capsys, query, expected):
    code, out, err = run(capsys, "library", "search", query)
    assert (code, err) == (0, "")
    assert [line.split("\t")[0] for line in out.splitlines()] == expected


def test_a_personal_clause_is_found_by_its_id_first(capsys):
    clause_id = add(capsys)
    code, out, _err = run(capsys, "library", "search", clause_id.upper())
    assert code == 0 and out.splitlines()[0].split("\t")[0] == clause_id


def test_tag_retire_delete_and_search(capsys):
    clause_id = add(capsys)
    run(capsys, "library", "tag", clause_id, "--add", "schengen", "--remove", "sis")
    code, out, _err = run(capsys, "library", "show", clause_id, "--json")
    assert json.loads(out)["tags"] == ["schengen"]
    run(capsys, "library", "retire", clause_id)
    assert run(capsys, "library", "search", "zeebrugge")[1] == ""
    assert clause_id in run(capsys, "library", "search", "zeebrugge", "--retired")[1]
    run(capsys, "library", "delete", clause_id)
    assert clause_id not in run(capsys, "library", "list")[1]
    run(capsys, "library", "undelete", clause_id)
    assert clause_id in run(capsys, "library", "list")[1]


def test_the_builtin_library_cannot_be_edited_but_can_be_copied(capsys):
    code, _out, err = run(capsys, "library", "edit", "vd2.1.4", "--fr", "x")
    assert code == 1 and "copy it to your personal library" in err
    code, out, _err = run(capsys, "library", "copy", "vd2.1.4")
    assert code == 0 and "revision 1" in out


def test_where_used_lists_notes_and_those_citing_an_old_wording(capsys, tmp_path):
    clause_id = add(capsys)
    folder = tmp_path / "notes"
    folder.mkdir()
    for number in range(7):
        note = Note(
            subject={"fr": f"Note {number}"}, sections=[Section({}, [LinkedClause(clause_id, 1)])]
        )
        notefile.write(note, folder / f"n{number}.clausier")
    run(capsys, "library", "edit", clause_id, "--fr", "Nouvelle formulation à Zeebrugge.")
    code, out, err = run(capsys, "library", "where-used", clause_id, "--folder", str(folder))
    assert code == 0 and len(out.strip().splitlines()) == 7
    assert "7 notes cite an older wording" in err
    code, out, _err = run(
        capsys, "library", "where-used", clause_id, "--folder", str(folder), "--json"
    )
    assert all(row["older"] and row["mode"] == "linked" for row in json.loads(out))


def test_where_used_looks_in_the_windows_recent_notes_and_says_where_it_looked(capsys, tmp_path):
    from app.system import paths

    clause_id = add(capsys)
    note_path = tmp_path / "elsewhere" / "recent.clausier"
    note_path.parent.mkdir()
    notefile.write(
        Note(subject={"fr": "Récente"}, sections=[Section({}, [LinkedClause(clause_id, 1)])]),
        note_path,
    )
    code, out, err = run(capsys, "library", "where-used", clause_id)
    assert code == 0 and out == ""
    assert "Looked in 0 recent notes and in: no note folder" in err
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    (paths.data_dir() / "window-state.json").write_text(
        json.dumps({"recent": [str(note_path)]}), encoding="utf-8"
    )
    code, out, _err = run(capsys, "library", "where-used", clause_id)
    assert code == 0 and str(note_path) in out


def test_duplicates_shows_the_declaration_pair_with_its_differences(capsys):
    code, out, _err = run(capsys, "library", "duplicates")
    assert code == 0 and "vd2.1.4 ≈ vd2.1.5" in out and "{+" in out
    code, out, _err = run(capsys, "library", "duplicates", "vd2.1.5", "--json")
    assert json.loads(out)[0]["first"] == "vd2.1.4"


def test_a_variable_is_described_and_shown(capsys):
    clause_id = add(capsys, "--title-fr", "SIS pour {sommet}")
    code, out, _err = run(capsys, "library", "variable", "sommet", "text", "Le sommet préparé")
    assert code == 0 and "1 clause uses it" in out
    code, out, _err = run(capsys, "library", "show", clause_id)
    assert "Variable {sommet} (text): Le sommet préparé" in out


def test_export_set_writes_a_library_file(capsys, tmp_path):
    clause_id = add(capsys)
    target = tmp_path / "share" / "sis.json"
    code, out, _err = run(capsys, "library", "export-set", clause_id, "vd2.1.4", "-o", str(target))
    assert code == 0 and "2 clauses written" in out
    assert list(library_mod.load_file(target).clauses) == [clause_id, "vd2.1.4"]


def test_import_dry_run_previews_and_writes_nothing(capsys):
    source = ROOT / "tests" / "app" / "data" / "other_declaration.txt"
    builtin_before = [p.read_bytes() for p in library_mod.builtin_library_files()]
    code, out, err = run(capsys, "library", "import", str(source), "--prefix", "lux", "--dry-run")
    assert code == 0 and out.startswith("lux.") and "nothing was written" in err
    assert not libraries.user_library_dir().exists()
    code, out, err = run(capsys, "library", "import", str(source), "--prefix", "lux")
    assert code == 0 and "imported into" in out
    assert [p.read_bytes() for p in library_mod.builtin_library_files()] == builtin_before


def test_import_takes_the_sources_details_from_options_never_from_the_file_name(capsys):
    from datetime import date

    source = ROOT / "tests" / "app" / "data" / "other_declaration.txt"
    code, _out, err = run(capsys, "library", "import", str(source), "--prefix", "lux")
    assert code == 0 and "warning: no title given (--title, --title-nl)" in err
    stored = library_mod.load_file(libraries.imported_path("other-declaration"))
    assert stored.sources["lux"].title == {} and stored.sources["lux"].date is None

    code, _out, err = run(
        capsys,
        "library",
        "import",
        str(source),
        "--prefix",
        "lux",
        "--title",
        "Déclaration de Senningen",
        "--title-nl",
        "Verklaring van Senningen",
        "--date",
        "03/03/2020",
        "--place",
        "Senningen",
        "--parties",
        "Belgique, Luxembourg",
    )
    assert code == 0 and "No title given" not in err
    stored = library_mod.load_file(libraries.imported_path("other-declaration"))
    found = stored.sources["lux"]
    assert found.title == {"fr": "Déclaration de Senningen", "nl": "Verklaring van Senningen"}
    assert (found.date, found.place, found.parties) == (
        date(2020, 3, 3),
        {"fr": "Senningen"},
        ("Belgique", "Luxembourg"),
    )


def test_import_remarks_on_the_clauses_it_repaired(capsys):
    source = ROOT / "tests" / "app" / "data" / "other_declaration.txt"
    assert run(capsys, "library", "import", str(source), "--prefix", "lux")[0] == 0
    stored = library_mod.load_file(libraries.imported_path("other-declaration"))
    remarked = {c.id: c.remark for c in stored.clauses.values() if c.remark}
    assert "lux.1.2" in remarked and "»" in remarked["lux.1.2"]  # the stray guillemet
    assert "./." in remarked["lux.2.3"]


def test_import_with_a_date_that_is_not_one_is_one_clear_line(capsys):
    source = ROOT / "tests" / "app" / "data" / "other_declaration.txt"
    code, _out, err = run(capsys, "library", "import", str(source), "--date", "31/02/2020")
    assert code == 2 and err.count("\n") == 1 and "31/02/2020" in err
    assert not libraries.user_library_dir().exists()


def test_team_without_a_folder_says_so(capsys):
    code, _out, err = run(capsys, "library", "team")
    assert code == 0 and "No team library folder" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["library", "history", "nope"], "nope"),
        (["library", "restore", "vd2.1.4", "9"], "built-in"),
        (["library", "add", "--fr", "  "], "needs a text"),
        (["library", "export-set", "nope", "-o", "x.json"], "nope"),
    ],
)
def test_library_errors_are_one_line(capsys, tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, *argv)
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1


# --- a database that cannot be written (issue 9, item 10) ---------------------------


def _listed(home: Path, *, unprivileged: bool = False) -> str:
    result = realfaults.clausier(home, "library", "list", unprivileged=unprivileged)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_library_add_on_a_full_disk_says_so_in_one_line_and_keeps_the_library():
    with realfaults.full_disk() as home:
        first = realfaults.clausier(home, "library", "add", "--fr", FR)
        assert first.returncode == 0, first.stderr
        clause_id = first.stdout.split(":")[0]
        filler = realfaults.fill(home)
        second = realfaults.clausier(home, "library", "add", "--fr", "Une autre ligne.")
        assert second.returncode == 1
        line = realfaults.one_clear_line(second.stderr)
        assert "the disk is full" in line and "Nothing was changed" in line
        listed = _listed(home)  # reading still works on the full disk
        assert clause_id in listed and "Une autre ligne" not in listed
        filler.unlink()
        assert clause_id in _listed(home) and "Une autre ligne" not in _listed(home)


def test_a_disk_that_fills_during_library_add_rolls_back_cleanly():
    with realfaults.full_disk() as home:
        first = realfaults.clausier(home, "library", "add", "--fr", FR)
        assert first.returncode == 0, first.stderr
        big = home / "big.txt"
        big.write_text("mot " * 60000, encoding="utf-8")
        filler = realfaults.fill(home, leave=80 * 1024)  # room to open, not to write
        result = realfaults.clausier(home, "library", "add", "--fr-file", str(big))
        assert result.returncode == 1
        line = realfaults.one_clear_line(result.stderr)
        assert "the disk is full" in line and "cannot rollback" not in line
        filler.unlink()
        listed = _listed(home)
        assert first.stdout.split(":")[0] in listed and "mot mot" not in listed


def test_a_read_only_database_refuses_changes_in_one_line_and_still_reads():
    with realfaults.unprivileged_home() as home:
        added = realfaults.clausier(home, "library", "add", "--fr", FR, unprivileged=True)
        assert added.returncode == 0, added.stderr
        clause_id = added.stdout.split(":")[0]
        database = home / "data" / "clausier.sqlite3"
        before = database.read_bytes()
        database.chmod(0o444)
        result = realfaults.clausier(
            home, "library", "add", "--fr", "Une autre ligne.", unprivileged=True
        )
        assert result.returncode == 1
        assert "the library database is read-only" in realfaults.one_clear_line(result.stderr)
        listed = _listed(home, unprivileged=True)
        assert clause_id in listed
        assert database.read_bytes() == before


def test_a_database_from_a_newer_version_blocks_changes_not_reading(tmp_path):
    home = tmp_path
    added = realfaults.clausier(home, "library", "add", "--fr", FR)
    assert added.returncode == 0, added.stderr
    clause_id = added.stdout.split(":")[0]
    database = home / "data" / "clausier.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    before = database.read_bytes()
    result = realfaults.clausier(home, "library", "add", "--fr", "Une autre ligne.")
    assert result.returncode == 1
    assert "newer version of Clausier" in realfaults.one_clear_line(result.stderr)
    listed = realfaults.clausier(home, "library", "list")
    assert listed.returncode == 0
    assert clause_id in listed.stdout  # the personal library, from its copy
    assert "newer version" in listed.stderr and "Traceback" not in listed.stderr
    assert database.read_bytes() == before


@pytest.mark.parametrize("kind", ["sparse-gigabyte", "pipe", "dev-zero"])
def test_the_real_import_refuses_a_file_that_is_not_a_declaration_at_once(tmp_path, kind):
    source = tmp_path / "declaration.txt"
    if kind == "sparse-gigabyte":
        source.touch()
        os.truncate(source, 1024**3)  # the old import read all of it before refusing
    elif kind == "pipe":
        os.mkfifo(source)  # the old import waited for a writer for ever
    else:
        source.symlink_to("/dev/zero")
    result = realfaults.clausier(tmp_path, "library", "import", source, "--prefix", "big")
    assert result.returncode == 1
    line = realfaults.one_clear_line(result.stderr)
    assert line.startswith("clausier: error: cannot read declaration.txt: it ")
    assert not libraries.imported_path("big").exists()
