"""Tests for the lock files that stop two instances editing one note."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from app.notes.locks import UNREADABLE_STALE_AFTER, NoteLock, NoteLocked, lock_path
from app.system import atomic


def test_a_second_instance_is_refused_while_the_first_runs(tmp_path):
    note = tmp_path / "n.clausier"
    note.write_text("{}")
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock_path(note).write_text(
            json.dumps(
                {"pid": holder.pid, "host": __import__("socket").gethostname(), "user": "marie"}
            )
        )
        with pytest.raises(NoteLocked, match="marie") as caught:
            NoteLock.acquire(note)
        assert "read-only" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_left_by_a_crashed_instance_is_taken_over(tmp_path):
    note = tmp_path / "n.clausier"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    lock_path(note).write_text(
        json.dumps({"pid": int(dead.stdout), "host": __import__("socket").gethostname()})
    )
    lock = NoteLock.acquire(note)
    assert lock is not None
    lock.release()
    assert not lock_path(note).exists()


def test_a_lock_from_another_machine_is_trusted(tmp_path):
    note = tmp_path / "n.clausier"
    lock_path(note).write_text(json.dumps({"pid": 1, "host": "other-pc", "user": "jan"}))
    with pytest.raises(NoteLocked, match="jan on other-pc"):
        NoteLock.acquire(note)


def test_the_same_note_cannot_be_locked_twice_by_one_process(tmp_path):
    note = tmp_path / "n.clausier"
    first = NoteLock.acquire(note)
    try:
        with pytest.raises(NoteLocked):
            NoteLock.acquire(note)
    finally:
        first.release()


def _age(path, seconds: float) -> None:
    when = time.time() - seconds
    os.utime(path, (when, when))


def test_an_empty_lock_from_a_crash_is_stale_after_a_few_seconds(tmp_path):
    note = tmp_path / "n.clausier"
    subprocess.run(["sh", "-c", ": > .n.clausier.lock"], cwd=tmp_path, check=True)
    assert lock_path(note).read_bytes() == b""
    _age(lock_path(note), UNREADABLE_STALE_AFTER + 1)
    lock = NoteLock.acquire(note)
    assert lock is not None
    assert json.loads(lock_path(note).read_text())["pid"] == os.getpid()
    lock.release()


@pytest.mark.parametrize(
    "content", [b"", b'{"pid": 12', b"\xff\xfe garbage", b"[]", b'{"pid": 1e400}']
)
def test_an_unreadable_lock_being_written_right_now_is_respected(tmp_path, content):
    note = tmp_path / "n.clausier"
    lock_path(note).write_bytes(content)
    with pytest.raises(NoteLocked, match="unknown"):
        NoteLock.acquire(note)
    assert lock_path(note).read_bytes() == content
    _age(lock_path(note), UNREADABLE_STALE_AFTER + 1)
    NoteLock.acquire(note).release()


def test_a_note_with_a_255_byte_name_can_be_locked(tmp_path):
    note = tmp_path / ("n" * 246 + ".clausier")
    assert len(note.name) == 255
    lock = NoteLock.acquire(note)
    assert lock is not None and lock.path.exists() and len(lock.path.name) <= 255
    with pytest.raises(NoteLocked):
        NoteLock.acquire(note)
    lock.release()
    assert list(tmp_path.iterdir()) == []


LOOP = """
import sys
from pathlib import Path
from app.notes.locks import NoteLock, NoteLocked
note = Path(sys.argv[1])
print("ready", flush=True)
while True:
    try:
        lock = NoteLock.acquire(note)
    except NoteLocked:
        continue
    if lock is not None:
        lock.release()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 as on POSIX")
def test_200_kill_9_in_a_take_and_release_loop_never_leave_a_lock_that_blocks(tmp_path):
    note = tmp_path / "n.clausier"
    chance = random.Random(9)
    for _kill in range(200):
        looper = subprocess.Popen(
            [sys.executable, "-c", LOOP, str(note)], stdout=subprocess.PIPE, text=True
        )
        assert looper.stdout.readline().strip() == "ready"
        time.sleep(chance.uniform(0, 0.004))  # land anywhere in the loop, not a timed check
        looper.send_signal(signal.SIGKILL)
        looper.wait()
        looper.stdout.close()
        if lock_path(note).exists():
            assert lock_path(note).read_bytes(), "a lock was left empty"
        lock = NoteLock.acquire(note)  # never NoteLocked: the looper is dead
        assert lock is not None
        lock.release()
    atomic.remove_stale_temps(tmp_path, older_than=0)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "make",
    [
        lambda path: os.mkfifo(path),
        lambda path: path.symlink_to("/dev/zero"),
        lambda path: path.write_bytes(b"[" * 100_000),
        lambda path: path.write_bytes(b'{"pid": ' + b"9" * 5000 + b', "host": "h"}'),
    ],
    ids=["pipe", "dev-zero", "deep", "5000-digits"],
)
def test_a_hostile_lock_file_never_blocks_and_is_taken_over_once_a_few_seconds_old(tmp_path, make):
    note = tmp_path / "n.clausier"
    make(lock_path(note))
    os.utime(lock_path(note), times=(time.time() - 10,) * 2, follow_symlinks=False)
    lock = NoteLock.acquire(note)  # the old reader waited on the pipe for ever
    assert lock is not None
    assert json.loads(lock_path(note).read_text())["pid"] == os.getpid()
    lock.release()


def test_a_fresh_pipe_as_a_lock_is_respected_without_waiting(tmp_path):
    note = tmp_path / "n.clausier"
    os.mkfifo(lock_path(note))
    with pytest.raises(NoteLocked, match="unknown"):
        NoteLock.acquire(note)
