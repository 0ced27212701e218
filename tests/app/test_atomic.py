"""Atomic writes: complete new file or intact old file, never a half-written one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app import atomic
from app.atomic import write_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_new_file(tmp_path: Path) -> None:
    target = tmp_path / "note.docx"
    write_atomic(target, lambda stream: stream.write(b"hello"))
    assert target.read_bytes() == b"hello"
    assert _leftovers(tmp_path) == []


def test_replaces_existing_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, lambda stream: stream.write(b"new"))
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_failing_writer_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"precious")

    def write(stream) -> None:
        stream.write(b"half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_atomic(target, write)
    assert target.read_bytes() == b"precious"
    assert _leftovers(tmp_path) == []


def test_failing_replace_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"precious")

    def refuse(src, dst) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(target, lambda stream: stream.write(b"new"))
    assert target.read_bytes() == b"precious"
    assert _leftovers(tmp_path) == []


def test_missing_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_atomic(tmp_path / "absent" / "note.docx", lambda stream: stream.write(b"x"))


def test_temp_file_lives_in_target_folder(tmp_path: Path, monkeypatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src, dst) -> None:
        seen.append(str(src))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", spy)
    write_atomic(tmp_path / "a.bin", lambda stream: stream.write(b"x"))
    assert Path(seen[0]).parent == tmp_path
    assert Path(seen[0]).name.startswith(".a.bin.")
