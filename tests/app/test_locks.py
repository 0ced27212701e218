"""Tests for the lock files that stop two instances editing one note."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.locks import NoteLock, NoteLocked, lock_path


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
