"""Tests for the command line: headless note creation, export and library commands."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from app.cli.command import main
from app.language import i18n
from app.notes import file as notefile
from app.notes.note import FollowUpTable, LinkedClause
from tests.app import realfaults

ROOT = Path(__file__).resolve().parents[3]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_note(capsys, tmp_path, *extra: str) -> Path:
    path = tmp_path / "suivi.clausier"
    code, _out, err = run(
        capsys,
        "note",
        "new",
        "--subject",
        "Suivi Val Duchesse II",
        "--date",
        "2018-06-11",
        "--lang",
        "fr",
        "--clause",
        "vd2.1.4",
        "--clause",
        "vd2.3.2",
        "--to",
        "Monsieur le Premier ministre",
        "--from",
        "Marie Dupont",
        "--classification",
        "restricted",
        "-o",
        str(path),
        *extra,
    )
    assert code == 0, err
    return path


def test_note_new_writes_a_note_linking_the_clauses(capsys, tmp_path):
    path = new_note(capsys, tmp_path, "--skeleton", "bilateral")
    note = notefile.read(path)
    assert note.subject == {"fr": "Suivi Val Duchesse II"}
    assert note.classification.value == "restricted"
    commitments = note.sections[1].blocks
    assert [(b.clause_id, b.revision) for b in commitments] == [("vd2.1.4", 1), ("vd2.3.2", 1)]
    assert all(isinstance(b, LinkedClause) for b in commitments)


def test_the_follow_up_skeleton_puts_clauses_in_its_table(capsys, tmp_path):
    path = new_note(capsys, tmp_path, "--skeleton", "followup")
    table = notefile.read(path).sections[1].blocks[0]
    assert isinstance(table, FollowUpTable)
    assert [r.clause_id for r in table.rows] == ["vd2.1.4", "vd2.3.2"]


def test_export_to_a_folder_uses_the_naming_convention(capsys, tmp_path):
    note = new_note(capsys, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    code, stdout, err = run(capsys, "export", str(note), "--lang", "fr+nl", "-o", str(out))
    assert code == 0, err
    target = out / "2018-06-11_Suivi-Val-Duchesse-II_FR-NL.docx"
    assert stdout.strip() == str(target)
    document = docx.Document(str(target))  # Word's own reader opens it
    body = "".join(document.element.body.itertext())  # content controls included
    assert "Soulignant la nécessité" in body and "Wijzend op de noodzaak" in body


def test_export_warns_about_unfilled_variables_on_stderr(capsys, tmp_path):
    note_path = new_note(capsys, tmp_path)
    note = notefile.read(note_path)
    note.sections[0].blocks.append(
        __import__("app.notes.note", fromlist=["TextBlock"]).TextBlock({"fr": "Pour {minister}."})
    )
    notefile.write(note, note_path)
    code, _out, err = run(capsys, "export", str(note_path), "-o", str(tmp_path / "n.docx"))
    assert code == 0
    assert "warning" in err and "{minister}" in err


def test_library_list_json_has_every_clause_with_both_languages(capsys):
    code, out, _err = run(capsys, "library", "list", "--json")
    assert code == 0
    clauses = json.loads(out)
    assert len(clauses) == 29
    commitment = next(c for c in clauses if c["id"] == "vd2.1.4")
    assert commitment["kind"] == "commitment" and commitment["part"] == 1
    assert commitment["title"]["fr"] and commitment["title"]["nl"]
    assert commitment["text"]["fr"].startswith("Soulignant")
    assert commitment["status"] == {"fr": "official", "nl": "unofficial"}


def test_library_search_ignores_accents(capsys):
    code, out, _err = run(capsys, "library", "search", "preuve", "numerique", "--json")
    assert code == 0
    ids = [c["id"] for c in json.loads(out)]
    assert "vd2.3.4" in ids


def test_library_show_prints_both_languages(capsys):
    code, out, _err = run(capsys, "library", "show", "vd2.1.5")
    assert code == 0
    assert "[FR, official]" in out and "[NL, unofficial translation]" in out
    assert "vd2.1.4" in out  # its near-duplicate


@pytest.mark.parametrize(
    ("language", "head", "status", "tags", "listed"),
    [
        (
            "fr",
            "vd2.1.5 (engagement, révision 1, bibliothèque intégrée)",
            "[NL, traduction non officielle] ",
            "",
            "vd2.0.1\tcontexte\tRéunion des Premiers ministres du 11 juin 2018",
        ),
        (
            "nl",
            "vd2.1.5 (verbintenis, revisie 1, bibliotheek “ingebouwd”)",
            "[FR, officieel] ",
            "",
            "vd2.0.1\tcontext\tBijeenkomst van de Eerste Ministers van 11 juni 2018",
        ),
        (
            "en",
            "vd2.1.5 (commitment, revision 1, built-in library)",
            "[NL, unofficial translation] ",
            "Tags (as the library stores them): financement, biens culturels",
            "vd2.0.1\tcontext\tRéunion des Premiers ministres du 11 juin 2018",
        ),
    ],
)
def test_library_show_and_list_speak_the_interface_language_json_keeps_the_values(
    capsys, monkeypatch, language, head, status, tags, listed
):
    monkeypatch.setenv("LANGUAGE", language)
    code, out, _err = run(capsys, "library", "show", "vd2.1.5")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == head
    assert any(line.startswith(status) for line in lines)
    (tag_line,) = [line for line in lines if line.endswith("financement, biens culturels")]
    # The label in the catalog's words once translated (until then, the English one).
    label = i18n._("Tags (as the library stores them): {tags}").format(tags="")
    assert tag_line.startswith(label) and (language != "en" or tag_line.startswith(tags))
    assert "commitment" not in out or language == "en"
    code, out, _err = run(capsys, "library", "list")
    assert out.splitlines()[0] == listed
    code, out, _err = run(capsys, "library", "show", "vd2.1.5", "--json")
    data = json.loads(out)
    assert (data["kind"], data["library"]) == ("commitment", "builtin")
    assert data["status"] == {"fr": "official", "nl": "unofficial"}


def test_library_import_adds_clauses_to_the_user_library_only(capsys):
    source = ROOT / "tests" / "app" / "data" / "other_declaration.txt"
    code, out, err = run(capsys, "library", "import", str(source), "--prefix", "lux")
    assert code == 0, err
    code, out, _err = run(capsys, "library", "list", "--json")
    ids = {c["id"] for c in json.loads(out)}
    assert any(i.startswith("lux.") for i in ids) and "vd2.1.4" in ids


@pytest.mark.parametrize(
    ("argv", "message", "status"),
    [
        (["export", "missing.clausier", "-o", "x.docx"], "does not exist", 1),
        (["note", "new", "--subject", "S", "--clause", "vd9.9", "-o", "n.clausier"], "vd9.9", 1),
        (
            ["note", "new", "--subject", "S", "--date", "11 juin", "-o", "n.clausier"],
            "“11 juin” has no year",
            2,
        ),
        (
            ["note", "new", "--subject", "S", "--date", "demain", "-o", "n.clausier"],
            "not a date",
            2,
        ),
        (
            ["note", "new", "--subject", "S", "--lang", "de", "-o", "n.clausier"],
            "not a language",
            2,
        ),
        (
            ["note", "new", "--subject", "S", "--classification", "ultra", "-o", "n.clausier"],
            "not a classification",
            2,
        ),
        (["library", "show", "nope"], "nope", 1),
        (["export"], "required", 2),
        (["frobnicate"], "unknown command “frobnicate”", 2),
    ],
)
def test_errors_are_one_line_on_stderr_with_a_non_zero_status(
    capsys, tmp_path, monkeypatch, argv, message, status
):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == status
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_an_existing_note_is_not_replaced_without_force(capsys, tmp_path):
    path = new_note(capsys, tmp_path)
    before = path.read_bytes()
    code, _out, err = run(capsys, "note", "new", "--subject", "Autre", "-o", str(path))
    assert code == 1 and "--force" in err
    assert path.read_bytes() == before


def test_a_damaged_note_is_refused_and_not_modified(capsys, tmp_path):
    path = tmp_path / "bad.clausier"
    path.write_bytes(b'{"format": "clausier-note", "version": 1, "note": {"sections": 5')
    code, _out, err = run(capsys, "export", str(path), "-o", str(tmp_path / "x.docx"))
    assert code == 1 and "damaged" in err
    assert path.read_bytes() == b'{"format": "clausier-note", "version": 1, "note": {"sections": 5'
    assert not (tmp_path / "x.docx").exists()


def test_a_failed_export_leaves_the_previous_file_intact(capsys, tmp_path, monkeypatch):
    note = new_note(capsys, tmp_path)
    target = tmp_path / "n.docx"
    target.write_bytes(b"previous")

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    code, _out, err = run(capsys, "export", str(note), "-o", str(target), "--force")
    assert code == 1 and "the disk is full" in err
    assert target.read_bytes() == b"previous"


def test_the_headless_commands_import_neither_qt_nor_python_docx(tmp_path):
    code = (
        "import sys; import app.cli.command; app.cli.command.main(['library', 'list']);"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'docx'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_installed_command_reports_errors_without_a_traceback(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli.command",
            "export",
            str(tmp_path / "x.clausier"),
            "-o",
            "y.docx",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("clausier: error:")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["suivi.clausier", "notes.txt", "report.pdf"])
def test_export_never_writes_over_a_file_that_is_not_a_word_file(capsys, tmp_path, name):
    note = new_note(capsys, tmp_path)
    target = tmp_path / name
    if not target.exists():
        target.write_text("precious")
    before = target.read_bytes()
    code, _out, err = run(capsys, "export", str(note), "-o", str(target))
    assert code == 1 and ".docx" in err
    assert target.read_bytes() == before


def test_export_to_a_new_folder_ending_with_a_slash_creates_it(capsys, tmp_path):
    note = new_note(capsys, tmp_path)
    for lang in ("fr", "nl"):
        code, _out, err = run(capsys, "export", str(note), "--lang", lang, "-o", f"{tmp_path}/new/")
        assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == [
        "2018-06-11_Suivi-Val-Duchesse-II_FR.docx",
        "2018-06-11_Suivi-Val-Duchesse-II_NL.docx",
    ]


def test_file_names_without_extension_get_the_right_one(capsys, tmp_path):
    code, _out, _err = run(
        capsys,
        "note",
        "new",
        "--subject",
        "S",
        "--clause",
        "vd2.1.4",
        "--clause",
        "vd2.1.4",
        "-o",
        str(tmp_path / "plain"),
    )
    assert code == 0 and "more than once" in _err
    note = tmp_path / "plain.clausier"
    assert len(notefile.read(note).sections[0].blocks) == 1
    code, out, _err = run(capsys, "export", str(note), "-o", str(tmp_path / "word"))
    assert code == 0 and out.strip().endswith("word.docx")


def test_help_says_that_no_arguments_or_a_note_open_the_window(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "clausier [NOTE.clausier]" in out
    assert "With no arguments, or with a .clausier note file, clausier opens the window" in (
        " ".join(out.split())
    )


# --- a team folder with hostile files --------------------------------------------------


def _hostile_team_folder(tmp_path: Path) -> Path:
    """A team folder named in the user's settings, holding one good file and bad ones."""
    from app.library import clauses as library_mod
    from app.library.clauses import Clause, Kind, Library
    from app.system.settings import user_file

    share = tmp_path / "share"
    share.mkdir()
    good = Clause("team.sis", Kind.STANDARD, {"fr": "SIS"}, {"fr": "La ligne SIS."})
    (share / "good.json").write_text(library_mod.dumps(Library(clauses={good.id: good})))
    lib = '{"format": "clausier-library", "version": 1, "clauses": [{"id": "x", "revision": '
    (share / "deep.json").write_text("[" * 100_000)
    (share / "infinite.json").write_text(lib + "1e400}]}")
    (share / "digits.json").write_text(lib + "9" * 5000 + "}]}")
    (share / "surrogate.json").write_text(lib + '1, "text": {"fr": "\\ud800"}}]}')
    os.mkfifo(share / "pipe.json")
    (share / "zero.json").symlink_to("/dev/zero")
    user_file().parent.mkdir(parents=True, exist_ok=True)
    user_file().write_text(f"[settings]\nteam_library = {share}\n", encoding="utf-8")
    return share


BAD_TEAM_FILES = ("deep", "infinite", "digits", "surrogate", "pipe", "zero")


def _clausier(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    command = Path(sys.executable).with_name("clausier")
    return subprocess.run(
        [str(command), *argv], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_the_real_command_exports_with_a_hostile_team_folder_naming_each_bad_file_once(
    capsys, tmp_path
):
    note = new_note(capsys, tmp_path)
    _hostile_team_folder(tmp_path)
    result = _clausier("export", str(note), "-o", str(tmp_path / "out.docx"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.docx").exists()
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    lines = result.stderr.splitlines()
    for name in BAD_TEAM_FILES:
        assert len([line for line in lines if f"{name}.json" in line]) == 1, result.stderr
    assert all(line.startswith("clausier: warning: ") for line in lines)


@pytest.mark.parametrize("command", [["list"], ["search", "SIS"], ["team"]])
def test_the_real_library_commands_work_with_a_hostile_team_folder(tmp_path, command):
    _hostile_team_folder(tmp_path)
    result = _clausier("library", *command, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "team.sis" in result.stdout or "good.json" in result.stdout
    lines = result.stderr.splitlines()
    for name in BAD_TEAM_FILES:
        assert len([line for line in lines if f"{name}.json" in line]) == 1, result.stderr
    if command == ["team"]:
        assert "pipe.json\t0\t\tunreadable" in result.stdout


# --- nothing written where the user did not mean it (issue 9) -----------------------


def test_an_argument_that_is_not_utf8_is_one_usage_error_naming_it(tmp_path):
    result = realfaults.clausier(
        tmp_path, "note", "new", "--subject", b"caf\xe9", "-o", str(tmp_path / "n.clausier")
    )
    assert result.returncode == 2
    line = realfaults.one_clear_line(result.stderr)
    assert line == "clausier: the value of --subject is not valid text (not UTF-8): caf\\xe9"
    assert not (tmp_path / "n.clausier").exists()
    result = realfaults.clausier(tmp_path, "library", "search", b"\xe9t\xe9")
    assert result.returncode == 2
    assert "argument 3" in realfaults.one_clear_line(result.stderr)


def test_a_read_only_note_is_not_replaced_even_with_force():
    with realfaults.unprivileged_home() as home:
        note = home / "n.clausier"
        made = realfaults.clausier(
            home, "note", "new", "--subject", "A", "-o", note, unprivileged=True
        )
        assert made.returncode == 0, made.stderr
        note.chmod(0o444)
        before = note.read_bytes()
        result = realfaults.clausier(
            home, "note", "new", "--subject", "B", "-o", note, "--force", unprivileged=True
        )
        assert result.returncode == 1
        line = realfaults.one_clear_line(result.stderr)
        assert "n.clausier: the file is read-only" in line
        assert note.read_bytes() == before


def test_a_read_only_word_file_is_not_overwritten_by_an_export():
    with realfaults.unprivileged_home() as home:
        note = home / "n.clausier"
        made = realfaults.clausier(
            home, "note", "new", "--subject", "A", "-o", note, unprivileged=True
        )
        assert made.returncode == 0, made.stderr
        target = home / "signed.docx"
        target.write_bytes(b"the signed version")
        realfaults.hand_over(target)
        target.chmod(0o444)
        result = realfaults.clausier(
            home, "export", note, "-o", target, "--force", unprivileged=True
        )
        assert result.returncode == 1
        assert "signed.docx is read-only" in realfaults.one_clear_line(result.stderr)
        assert target.read_bytes() == b"the signed version"
        assert sorted(p.name for p in home.iterdir() if p.suffix == ".docx") == ["signed.docx"]


def test_exporting_through_a_symlink_updates_its_target_and_keeps_the_link(capsys, tmp_path):
    note = new_note(capsys, tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "final.docx"
    real.write_bytes(b"old")
    link = tmp_path / "final.docx"
    os.symlink(real, link)
    code, _out, err = run(capsys, "export", str(note), "-o", str(link), "--force")
    assert code == 0, err
    assert link.is_symlink()
    assert docx.Document(str(real)).paragraphs  # the real file is the new export


def test_an_export_onto_a_full_disk_is_one_line_and_keeps_the_previous_file():
    with realfaults.full_disk() as disk:
        note = disk / "n.clausier"
        made = realfaults.clausier(disk, "note", "new", "--subject", "Suivi", "-o", note)
        assert made.returncode == 0, made.stderr
        target = disk / "n.docx"
        target.write_bytes(b"previous export")
        realfaults.fill(disk)
        result = realfaults.clausier(disk, "export", note, "-o", target, "--force")
        assert result.returncode == 1
        line = realfaults.one_clear_line(result.stderr)
        assert line.endswith("n.docx: the disk is full")
        assert target.read_bytes() == b"previous export"
        assert not [p for p in disk.iterdir() if p.name.endswith(".tmp")]


def test_a_database_from_a_newer_version_does_not_block_an_export(tmp_path):
    added = realfaults.clausier(tmp_path, "library", "add", "--fr", "Ma ligne à moi.")
    assert added.returncode == 0, added.stderr
    clause_id = added.stdout.split(":")[0]
    note = tmp_path / "n.clausier"
    made = realfaults.clausier(
        tmp_path, "note", "new", "--subject", "S", "--clause", clause_id, "-o", note
    )
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(tmp_path / "data" / "clausier.sqlite3") as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    result = realfaults.clausier(tmp_path, "export", note, "-o", tmp_path / "n.docx")
    assert result.returncode == 0, result.stderr
    assert "newer version" in result.stderr and "Traceback" not in result.stderr
    body = docx.Document(str(tmp_path / "n.docx")).element.body
    text = "".join(t.text or "" for t in body.iter(docx.oxml.ns.qn("w:t")))
    assert "Ma ligne à moi." in text  # the personal clause, from the library's copy


def _template_without_body(path: Path) -> None:
    import zipfile

    from app.docx.template import builtin_template

    with zipfile.ZipFile(builtin_template()) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
            dst.writestr(info.filename, data)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_template_without_body, "its main part has no body"),
        (lambda path: os.mkfifo(path), "it is a named pipe"),
        (lambda path: path.write_bytes(b"PK\x03\x04" + bytes(100)), "not a valid .docx file"),
    ],
    ids=["no-body", "pipe", "truncated"],
)
def test_export_with_a_broken_template_is_one_line_and_exit_1(capsys, tmp_path, make, words):
    note = new_note(capsys, tmp_path)
    template = tmp_path / "house.dotx"
    make(template)
    code, _out, err = run(
        capsys, "export", str(note), "--template", str(template), "-o", str(tmp_path / "o.docx")
    )
    assert code == 1
    assert err.startswith("clausier: error: the Word template ") and words in err
    assert err.count("\n") == 1 and not (tmp_path / "o.docx").exists()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ("usage\u00a0:", "arguments positionnels\u00a0:", "afficher cette aide et quitter")),
        ("nl", ("gebruik:", "positionele argumenten:", "deze hulp tonen en afsluiten")),
    ],
)
def test_help_and_argparse_words_follow_the_interface_language(capsys, monkeypatch, lang, words):
    monkeypatch.setenv("LANGUAGE", lang)
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for word in words:
        assert word in out


def test_a_missing_argument_names_the_subcommand_not_the_usage_line(capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "nl")
    code, _out, err = run(capsys, "export")
    assert code == 2
    assert err.startswith("clausier export: de volgende argumenten zijn verplicht:")
    assert len(err.strip().splitlines()) == 1


# --- the same rules for every command (issue 10: 15) ----------------------------------


def test_export_keeps_an_existing_word_file_unless_force_is_given(capsys, tmp_path):
    note = new_note(capsys, tmp_path)
    target = tmp_path / "n.docx"
    target.write_bytes(b"edited in Word after the last export")
    code, out, err = run(capsys, "export", str(note), "-o", str(target))
    assert (code, out) == (1, "")
    assert err == f"clausier: error: {target} already exists; use --force to replace it.\n"
    assert target.read_bytes() == b"edited in Word after the last export"
    code, out, err = run(capsys, "export", str(note), "-o", str(target), "--force")
    assert code == 0, err
    assert out == f"{target}\n"
    assert "Suivi Val Duchesse II" in "".join(docx.Document(str(target)).element.body.itertext())


def test_export_to_a_folder_keeps_the_file_of_the_same_name_unless_force(capsys, tmp_path):
    note = new_note(capsys, tmp_path)
    folder = f"{tmp_path}/out/"
    target = tmp_path / "out" / "2018-06-11_Suivi-Val-Duchesse-II_FR.docx"
    assert run(capsys, "export", str(note), "-o", folder)[0] == 0
    first = target.read_bytes()
    code, _out, err = run(capsys, "export", str(note), "-o", folder)
    assert code == 1
    assert err == f"clausier: error: {target} already exists; use --force to replace it.\n"
    assert target.read_bytes() == first
    # Another language is another file: it is written beside the first.
    code, out, err = run(capsys, "export", str(note), "--lang", "nl", "-o", folder)
    assert code == 0, err
    assert out.strip().endswith("_NL.docx") and target.read_bytes() == first
    code, out, err = run(capsys, "export", str(note), "-o", folder, "--force")
    assert (code, out) == (0, f"{target}\n"), err


def test_the_installed_command_keeps_an_exported_file_and_says_so_in_one_line(capsys, tmp_path):
    note = new_note(capsys, tmp_path)
    made = _clausier("export", str(note), "-o", "n.docx", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    before = (tmp_path / "n.docx").read_bytes()
    again = _clausier("export", str(note), "-o", "n.docx", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr == "clausier: error: n.docx already exists; use --force to replace it.\n"
    assert (tmp_path / "n.docx").read_bytes() == before
    forced = _clausier("export", str(note), "-o", "n.docx", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout == "n.docx\n"


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (["note", "new"], "--force replace the note file if it exists"),
        (["export"], "--force replace the Word file if it exists, in a folder too"),
    ],
)
def test_help_of_note_new_and_export_says_an_existing_file_is_kept_without_force(
    capsys, command, words
):
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert f"{words} (without --force, an existing file is kept)" in out


def test_a_variable_no_text_of_the_note_uses_is_kept_with_a_warning(capsys, tmp_path):
    path = tmp_path / "n.clausier"
    code, out, err = run(
        capsys, "note", "new", "--subject", "S", "--var", "foo=bar", "-o", str(path)
    )
    assert (code, out) == (0, f"{path}\n")
    assert err == (
        "clausier: warning: --var foo: no text of the note uses {foo}, nor any other "
        "variable; the value is kept in the note.\n"
    )
    assert notefile.read(path).variables == {"foo": "bar"}


def test_the_warning_for_an_unused_variable_names_those_the_note_uses(capsys, tmp_path):
    code, out, err = run(
        capsys, "library", "add", "--fr", "Le {minister} rencontre son {counterpart}."
    )
    assert code == 0, err
    clause_id = out.split(":")[0]
    path = tmp_path / "n.clausier"
    code, _out, err = run(
        capsys, "note", "new", "--subject", "S", "--clause", clause_id,
        "--var", "minister=Jan Jambon", "--var", "ministre=Jan Jambon", "-o", str(path),
    )  # fmt: skip
    assert code == 0
    assert err == (
        "clausier: warning: --var ministre: no text of the note uses {ministre} (it uses "
        "{minister}, {counterpart}); the value is kept in the note.\n"
    )


def test_a_word_file_given_as_a_note_is_named_as_such_and_left_untouched(capsys, tmp_path):
    note = new_note(capsys, tmp_path)
    word = tmp_path / "n.docx"
    assert run(capsys, "export", str(note), "-o", str(word))[0] == 0
    before = word.read_bytes()
    code, out, err = run(capsys, "export", str(word), "-o", str(tmp_path / "again.docx"))
    assert (code, out) == (1, "")
    assert err == "clausier: error: n.docx is a Word file, not a Clausier note.\n"
    assert word.read_bytes() == before and not (tmp_path / "again.docx").exists()


# --- help and one-line messages (QA 18) ---------------------------------------------


def test_note_new_help_describes_the_command_and_lists_the_classifications(capsys):
    with pytest.raises(SystemExit):
        main(["note", "new", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "Create a note file from the options: its subject, date and language" in text
    assert (
        "--classification CLASSIFICATION the classification: none, restricted, confidential, "
        "secret, top_secret (default: none)"
    ) in text
    assert "--lang LANG the note’s language: fr, nl or fr+nl (default: fr)" in text
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert (
        "--lang LANG the language of the Word file: fr, nl or fr+nl (default: the note’s own)"
        in text
    )


def test_an_unknown_command_is_one_line_naming_the_commands(capsys):
    code, out, err = run(capsys, "bogus")
    assert (code, out) == (2, "")
    assert err == (
        "clausier: unknown command “bogus”; commands: note, export, library, check, coverage, "
        "reconcile, check-spelling\n"
    )
    code, _out, err = run(capsys, "library", "bogus")
    assert code == 2 and err.startswith(
        "clausier library: unknown command “bogus”; commands: list, "
    )
    code, _out, err = run(capsys, "library", "add", "--kind", "bogus")
    assert err == (
        "clausier library add: argument --kind: “bogus” is not one of: commitment, context, "
        "standard, talking_point\n"
    )


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("11/6/18", "“11/6/18” has a two-digit year; write the year in full: 11/06/2018."),
        ("11/06", "“11/06” has no year; write it as 11 juin 2018 or 11/06/2018."),
        ("11 juin", "“11 juin” has no year; write it as 11 juin 2018 or 11/06/2018."),
        ("", "no date given; write it as 2018-06-11 or 11/06/2018."),
        ("  ", "no date given; write it as 2018-06-11 or 11/06/2018."),
    ],
)
def test_a_date_that_cannot_be_read_is_one_line_saying_what_to_write(
    capsys, tmp_path, given, message
):
    code, _out, err = run(
        capsys, "note", "new", "--subject", "S", "--date", given, "-o", str(tmp_path / "n")
    )
    assert code == 2
    assert err == f"clausier note new: argument --date: {message}\n"
    assert not (tmp_path / "n.clausier").exists()


def test_an_empty_note_file_is_said_to_be_empty(capsys, tmp_path):
    empty = tmp_path / "empty.clausier"
    empty.write_bytes(b"\xef\xbb\xbf \n")
    code, _out, err = run(capsys, "export", str(empty), "-o", str(tmp_path / "n.docx"))
    assert (code, err) == (1, "clausier: error: empty.clausier is empty: it holds no note.\n")


def test_a_damaged_note_reads_as_one_sentence_after_its_name(capsys, tmp_path):
    damaged = tmp_path / "future.clausier"
    damaged.write_text('{"format": "clausier-note", ', encoding="utf-8")
    code, _out, err = run(capsys, "export", str(damaged), "-o", str(tmp_path / "n.docx"))
    assert code == 1
    assert err.startswith("clausier: error: future.clausier: the note is damaged")


NO_PROC = not Path("/proc/self").is_dir()


@pytest.mark.skipif(NO_PROC, reason="writing into /proc fails with ENOENT on Linux only")
def test_a_system_error_is_said_in_the_user_s_words(capsys, tmp_path):
    note = new_note(capsys, tmp_path)
    target = Path("/proc/x.docx")
    code, _out, err = run(capsys, "export", str(note), "-o", str(target))
    assert code == 1
    assert "No such file or directory" not in err
    assert err == f"clausier: error: cannot write {target}: no such file or folder\n"


@pytest.mark.skipif(NO_PROC, reason="writing into /proc fails with ENOENT on Linux only")
def test_a_system_error_in_french_is_one_french_line(tmp_path):
    """As the adviser saw it: the whole line in French, the reason too (its catalog's words)."""
    env = {**os.environ, "LANGUAGE": "fr", "CLAUSIER_DATA_DIR": str(tmp_path / "data")}
    note = tmp_path / "n.clausier"
    created = subprocess.run(
        [sys.executable, "-m", "app.cli.command", "note", "new", "--subject", "S", "-o", str(note)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    target = Path("/proc/x.docx")
    result = subprocess.run(
        [sys.executable, "-m", "app.cli.command", "export", str(note), "-o", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    i18n.set_language("fr")
    reason = i18n._("no such file or folder")
    i18n.set_language("en")
    assert result.returncode == 1
    assert result.stderr.endswith(f"impossible d’écrire {target}\u00a0: {reason}\n")
    assert result.stderr.startswith("clausier\u00a0: erreur\u00a0: ")
    assert len(result.stderr.splitlines()) == 1 and "No such file" not in result.stderr


def test_a_named_subcommand_is_parsed_by_a_parser_holding_it_alone(capsys):
    from app.cli.parser import build_parser

    def commands(parser) -> set[str]:
        return set(parser._subparsers._group_actions[0].choices)  # argparse keeps no public list

    every = commands(build_parser())
    assert every >= {"note", "export", "library", "check", "coverage", "reconcile"}
    assert commands(build_parser("export")) == {"export"}
    assert commands(build_parser("coverage")) == {"check", "coverage"}
    assert commands(build_parser("exprot")) == commands(build_parser("--lang")) == every
    code, _out, err = run(capsys, "exprot", "note.clausier")  # a typo lists every subcommand
    assert code == 2 and "unknown command “exprot”" in err and "reconcile, check-spelling" in err
    alone = build_parser("export")._subparsers._group_actions[0].choices["export"]
    among = build_parser()._subparsers._group_actions[0].choices["export"]
    assert alone.format_help() == among.format_help()
    assert "usage: clausier export" in alone.format_help()


def test_the_collector_held_off_by_the_launcher_runs_again_once_the_command_is_known(
    capsys, tmp_path
):
    import gc

    note = new_note(capsys, tmp_path)
    try:
        gc.disable()  # as ui.launch.run leaves it for a headless command
        assert run(capsys, "library", "list")[0] == 0
        assert gc.isenabled()  # any command but an export
        gc.disable()
        assert run(capsys, "export", str(note), "-o", str(tmp_path / "one.docx"))[0] == 0
        assert not gc.isenabled()  # one note: the process ends when its file is written
        code, _out, err = run(capsys, "export", str(note), str(note), "-o", f"{tmp_path / 'b'}/")
        assert code == 0, err
        assert gc.isenabled()  # a batch collects between its notes
    finally:
        gc.enable()
