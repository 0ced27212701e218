"""Tests for autosave and crash recovery."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime

import pytest

from app.notes import recovery
from app.notes.note import Note, Section, TextBlock
from app.system.errors import NoteFileError


def a_note(text: str = "Brouillon non sauvé") -> Note:
    return Note(subject={"fr": "Sujet"}, sections=[Section({"fr": "A"}, [TextBlock({"fr": text})])])


def test_our_own_autosave_is_not_offered_back_to_us(tmp_path):
    recovery.write_autosave(a_note(), key="k1", original=tmp_path / "n.clausier")
    assert recovery.pending_recoveries() == []


def test_an_autosave_left_by_a_dead_process_is_offered_with_its_content(tmp_path):
    recovery.write_autosave(a_note("perdu ? non"), key="k2", original=tmp_path / "n.clausier")
    meta_path = recovery.recovery_dir() / "k2.json"
    meta = json.loads(meta_path.read_text())
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    meta["pid"] = int(dead.stdout)
    meta_path.write_text(json.dumps(meta))
    (found,) = recovery.pending_recoveries()
    assert found.key == "k2"
    assert found.original == tmp_path / "n.clausier"
    assert found.subject == "Sujet"
    assert recovery.load_recovery(found).sections[0].blocks[0].plain("fr") == "perdu ? non"


def test_an_autosave_of_a_live_instance_is_left_alone(tmp_path):
    recovery.write_autosave(a_note(), key="k3", original=None)
    meta_path = recovery.recovery_dir() / "k3.json"
    meta = json.loads(meta_path.read_text())
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        meta["pid"] = live.pid
        meta_path.write_text(json.dumps(meta))
        assert recovery.pending_recoveries() == []
    finally:
        live.kill()
        live.wait()
    assert [r.key for r in recovery.pending_recoveries()] == ["k3"]


def test_discarding_removes_the_copy():
    recovery.write_autosave(a_note(), key="k4", original=None)
    recovery.discard_autosave("k4")
    assert list(recovery.recovery_dir().iterdir()) == []


def test_a_damaged_recovery_entry_is_skipped(tmp_path):
    folder = recovery.recovery_dir()
    folder.mkdir(parents=True)
    (folder / "bad.json").write_text("{nope")
    assert recovery.pending_recoveries() == []


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 as on POSIX")
def test_temp_files_of_autosaves_killed_mid_write_are_removed_at_start(tmp_path):
    recovery.write_autosave(a_note(), key="k5", original=None)
    code = (
        "import time\n"
        "from app.notes import recovery\n"
        "from app.system.atomic import write_atomic\n"
        "def write(stream):\n"
        "    stream.write(b'{\"half\": ')\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(120)\n"
        "write_atomic(recovery.recovery_dir() / 'k6.clausier', write)\n"
    )
    writer = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "writing"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    folder = recovery.recovery_dir()
    (left,) = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    old = time.time() - 3600
    os.utime(left, (old, old))
    recovery.pending_recoveries()
    assert sorted(p.name for p in folder.iterdir()) == ["k5.clausier", "k5.json"]


@pytest.mark.parametrize(
    "make",
    [
        lambda path: path.write_text("[" * 100_000),
        lambda path: path.write_text('{"pid": 1e400, "saved_at": "2018-06-11T10:00:00"}'),
        lambda path: path.write_text('{"pid": ' + "9" * 5000 + "}"),
        lambda path: path.write_text("[1, 2]"),
        lambda path: os.mkfifo(path),
        lambda path: path.symlink_to("/dev/zero"),
    ],
    ids=["deep", "1e400", "5000-digits", "a-list", "pipe", "dev-zero"],
)
def test_a_hostile_recovery_description_is_skipped_without_blocking(make):
    folder = recovery.recovery_dir()
    folder.mkdir(parents=True)
    (folder / "bad.clausier").write_text("{}")
    make(folder / "bad.json")
    assert recovery.pending_recoveries() == []


def test_a_hostile_recovered_copy_is_a_clear_note_file_error(tmp_path):
    recovery.write_autosave(a_note(), key="k5", original=None)
    copy = recovery.recovery_dir() / "k5.clausier"
    copy.write_text("[" * 100_000)
    found = recovery.Recovery("k5", copy, None, datetime.now(), "Sujet")
    with pytest.raises(NoteFileError, match="nests more than 64 levels"):
        recovery.load_recovery(found)
