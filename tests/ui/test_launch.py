"""Tests for the ``clausier`` command's first step: --help and --version answered without the rest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import launch as entry

ROOT = Path(__file__).resolve().parents[2]

#: Runs the console script's entry point, then lists some modules it imported, on stderr.
SCRIPT = (
    "import sys; sys.argv = ['clausier', *sys.argv[1:]]; from ui.launch import main; code = main();"
    "names = ('docx', 'PySide6', 'shiboken6', 'sqlite3', '_sqlite3', 'argparse', 'gettext', 're');"
    "print(sorted({m.split('.')[0] for m in sys.modules} & set(names)), file=sys.stderr);"
    "sys.exit(code)"
)


def clausier(tmp_path: Path, *argv: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CLAUSIER_CACHE_DIR": str(tmp_path / "cache"),
        "LANGUAGE": "",
        "LC_ALL": "",
        "LANG": "C.UTF-8",
        "COLUMNS": "100",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *argv],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=60,
    )


def imported(result: subprocess.CompletedProcess) -> set[str]:
    return set(eval(result.stderr.strip().splitlines()[-1]))  # noqa: S307 - our own list


def test_help_imports_neither_python_docx_nor_qt_nor_sqlite_and_the_next_one_not_even_argparse(
    tmp_path,
):
    first = clausier(tmp_path, "--help")
    again = clausier(tmp_path, "--help")
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    assert "usage: clausier [NOTE.clausier]" in first.stdout and first.stdout == again.stdout
    assert not imported(first) & {"docx", "PySide6", "shiboken6", "sqlite3", "_sqlite3"}
    assert imported(first) >= {"argparse"}  # the first one is made by argparse, then kept
    assert imported(again) == set()


def test_the_kept_help_is_what_the_command_line_prints(tmp_path):
    clausier(tmp_path, "--help")
    kept = clausier(tmp_path, "-h")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "", "LC_ALL": "", "LANG": "C.UTF-8"}
    direct = subprocess.run(
        [sys.executable, "-m", "app.cli.command", "--help"],
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "100"},
        timeout=60,
    )
    assert direct.returncode == 0 and kept.stdout == direct.stdout


@pytest.mark.parametrize(
    ("first", "second"),
    [({"LANG": "fr_BE.UTF-8"}, {"LANG": "nl_BE.UTF-8"}), ({"COLUMNS": "60"}, {"COLUMNS": "140"})],
)
def test_the_help_is_made_again_for_another_language_or_width(tmp_path, first, second):
    one, other = clausier(tmp_path, "--help", **first), clausier(tmp_path, "--help", **second)
    assert one.returncode == other.returncode == 0
    assert one.stdout != other.stdout
    assert clausier(tmp_path, "--help", **first).stdout == one.stdout
    assert len(list((tmp_path / "cache").glob("help-*.txt"))) == 2


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr_BE.UTF-8", "usage\u00a0: clausier"),
        ("nl_BE.UTF-8", "gebruik: clausier"),
        ("C.UTF-8", "usage:"),
    ],
)
def test_the_kept_help_follows_the_interface_language(tmp_path, lang, words):
    clausier(tmp_path, "--help", LANG=lang)
    kept = clausier(tmp_path, "--help", LANG=lang)
    assert kept.stdout.startswith(words) and imported(kept) == set()


def test_a_kept_text_of_another_key_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAUSIER_CACHE_DIR", str(tmp_path))
    entry.keep_help("a key", "the help of a key\n")
    assert entry.cached_help("a key") == "the help of a key\n"
    assert entry.cached_help("another key") is None


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    result = clausier(tmp_path, "--help", CLAUSIER_CACHE_DIR=str(blocked / "cache"))
    assert result.returncode == 0 and "usage: clausier" in result.stdout


def test_version_is_the_command_lines_without_argparse(tmp_path):
    from app import __version__

    result = clausier(tmp_path, "--version")
    assert result.returncode == 0 and result.stdout == f"clausier {__version__}\n"
    assert "argparse" not in imported(result)


def test_every_other_command_goes_to_the_command_line(tmp_path):
    result = clausier(tmp_path, "export", str(tmp_path / "missing.clausier"), "-o", "out.docx")
    assert result.returncode == 1 and result.stderr.startswith("clausier: error:")


def entry_point(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess:
    """The console script as pip writes it for pyproject's ``ui.launch:run``, in user folders of ``tmp_path``."""
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "LANGUAGE": "",
        "LC_ALL": "",
        "LANG": "C.UTF-8",
        **{
            f"CLAUSIER_{name.upper()}_DIR": str(tmp_path / name)
            for name in ("data", "config", "log")
        },
        "CLAUSIER_SITE_CONFIG_DIR": str(tmp_path / "site"),
    }
    return subprocess.run(
        [sys.executable, "-c", "import sys; from ui.launch import run; sys.exit(run())", *argv],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=120,
    )


def test_a_headless_command_ends_at_once_with_its_output_and_files_complete(tmp_path):
    note = tmp_path / "note.clausier"
    made = entry_point(tmp_path, "note", "new", "--subject", "Val Duchesse", "-o", str(note))
    assert made.returncode == 0, made.stderr
    result = entry_point(tmp_path, "export", str(note), "-o", f"{tmp_path / 'out'}/")
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())  # the line printed just before the process ended
    assert written.parent == tmp_path / "out" and written.suffix == ".docx"
    import zipfile

    with zipfile.ZipFile(written) as package:  # the whole file, closed before the end
        assert package.testzip() is None and "word/document.xml" in package.namelist()
    database = tmp_path / "data" / "clausier.sqlite3"
    assert database.is_file()  # closed before the end: SQLite folded its log back into it
    assert not database.with_name(database.name + "-wal").exists()


def test_a_headless_command_that_fails_ends_with_its_status_and_message(tmp_path):
    missing = entry_point(tmp_path, "export", str(tmp_path / "missing.clausier"), "-o", "o.docx")
    assert missing.returncode == 1 and missing.stderr.startswith("clausier: error:")
    usage = entry_point(tmp_path, "export")
    assert usage.returncode == 2 and "arguments are required" in usage.stderr
    helped = entry_point(tmp_path, "export", "--help")  # argparse's own exit
    assert helped.returncode == 0 and "usage: clausier export" in helped.stdout
