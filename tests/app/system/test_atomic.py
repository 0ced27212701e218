"""Atomic writes: complete new file or intact old file, never a half-written one."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from app.system import atomic
from app.system.atomic import write_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


posix_only = pytest.mark.skipif(
    sys.platform == "win32", reason="symbolic links, flock and SIGKILL as on POSIX"
)


def _age(path: Path, seconds: float) -> None:
    """Make ``path`` look last written ``seconds`` ago."""
    when = time.time() - seconds
    os.utime(path, (when, when), follow_symlinks=False)


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
    assert atomic.is_temp_name(Path(seen[0]).name)


# --- symbolic and hard links -----------------------------------------------------------


@posix_only
def test_a_symlink_is_written_through_to_its_target_and_stays_a_link(tmp_path: Path) -> None:
    real_folder = tmp_path / "share"
    real_folder.mkdir()
    real = real_folder / "note.clausier"
    real.write_bytes(b"old")
    link = tmp_path / "note.clausier"
    os.symlink(real, link)
    assert write_atomic(link, lambda stream: stream.write(b"new")) == []
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"
    assert _leftovers(tmp_path) == [] and _leftovers(real_folder) == []


@posix_only
def test_a_chain_of_relative_symlinks_reaches_the_real_file(tmp_path: Path) -> None:
    (tmp_path / "real.docx").write_bytes(b"old")
    os.symlink("real.docx", tmp_path / "middle.docx")
    os.symlink("middle.docx", tmp_path / "outer.docx")
    write_atomic(tmp_path / "outer.docx", lambda stream: stream.write(b"new"))
    assert (tmp_path / "real.docx").read_bytes() == b"new"
    assert (tmp_path / "outer.docx").is_symlink() and (tmp_path / "middle.docx").is_symlink()


@posix_only
def test_a_hard_link_is_not_broken_silently(tmp_path: Path) -> None:
    first = tmp_path / "note.clausier"
    first.write_bytes(b"old")
    os.link(first, tmp_path / "copy.clausier")
    warnings = write_atomic(first, lambda stream: stream.write(b"new"))
    assert first.read_bytes() == b"new"
    assert (tmp_path / "copy.clausier").read_bytes() == b"old"  # nothing lost
    assert len(warnings) == 1 and "hard link" in warnings[0] and "note.clausier" in warnings[0]


# --- read-only files ------------------------------------------------------------------


def test_a_read_only_file_is_refused_even_for_an_administrator(tmp_path: Path) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"signed version")
    target.chmod(0o444)
    with pytest.raises(atomic.ReadOnlyFile) as caught:
        write_atomic(target, lambda stream: stream.write(b"new"))
    assert isinstance(caught.value, PermissionError)
    assert atomic.failure_reason(caught.value) == "the file is read-only"
    assert target.read_bytes() == b"signed version"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert _leftovers(tmp_path) == []


@posix_only
def test_a_read_only_target_behind_a_symlink_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real.docx"
    real.write_bytes(b"signed")
    real.chmod(0o444)
    os.symlink(real, tmp_path / "link.docx")
    with pytest.raises(atomic.ReadOnlyFile):
        write_atomic(tmp_path / "link.docx", lambda stream: stream.write(b"new"))
    assert real.read_bytes() == b"signed"


def test_why_a_file_cannot_be_saved_over_is_known_before_saving(tmp_path: Path) -> None:
    target = tmp_path / "note.clausier"
    target.write_bytes(b"{}")
    assert atomic.read_only_reason(target) == ""
    assert atomic.read_only_reason(tmp_path / "absent.clausier") == ""
    target.chmod(0o444)  # even an administrator, whom the system lets write, is told
    assert atomic.is_read_only(target)
    assert atomic.read_only_reason(target) == "the file is read-only"


_NOBODY_CAN_RUN = (
    sys.platform != "win32"
    and hasattr(os, "geteuid")
    and os.geteuid() == 0
    and Path("/usr/bin/python3").exists()
    and subprocess.run(["id", "nobody"], capture_output=True).returncode == 0
)


@pytest.mark.skipif(not _NOBODY_CAN_RUN, reason="needs root, a user nobody and /usr/bin/python3")
def test_a_file_or_folder_another_user_cannot_write_is_read_only_for_that_user() -> None:
    from tests.app.realfaults import unprivileged_cannot_read_the_project

    if reason := unprivileged_cannot_read_the_project():
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="clausier-ro-", dir="/tmp"))
    try:
        folder.chmod(0o755)  # root's folder: nobody may read it, not write in it
        mine = folder / "mine.clausier"  # root's file, writable by its owner only
        mine.write_bytes(b"{}")
        mine.chmod(0o644)
        shared = folder / "shared.clausier"  # anyone may write the file, not its folder
        shared.write_bytes(b"{}")
        shared.chmod(0o666)
        script = (
            "import sys; sys.path.insert(0, sys.argv[1]); from app.system.atomic import read_only_reason;"
            "print(read_only_reason(sys.argv[2])); print(read_only_reason(sys.argv[3]))"
        )
        root = str(Path(__file__).resolve().parents[3])
        result = subprocess.run(
            ["/usr/bin/python3", "-c", script, root, str(mine), str(shared)],
            capture_output=True,
            text=True,
            user="nobody",
            env={"PATH": "/usr/bin:/bin", "LANGUAGE": "en"},
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == ["the file is read-only", "its folder is read-only"]
        assert atomic.read_only_reason(mine) == atomic.read_only_reason(shared) == ""  # as root
    finally:
        shutil.rmtree(folder)


# --- names ----------------------------------------------------------------------------


def test_temp_names_are_short_and_of_fixed_length(tmp_path: Path) -> None:
    names = {atomic.temp_path_for(tmp_path / ("x" * n)).name for n in (1, 100, 255)}
    assert {len(name) for name in names} == {14}
    assert all(atomic.is_temp_name(name) for name in names)


@pytest.mark.parametrize("length", [241, 250, 255])
def test_a_file_name_of_up_to_255_bytes_can_be_saved(tmp_path: Path, length: int) -> None:
    name = "é" * ((length - 9) // 2) + "n" * ((length - 9) % 2) + ".clausier"
    assert len(name.encode("utf-8")) == length
    write_atomic(tmp_path / name, lambda stream: stream.write(b"x"))
    write_atomic(tmp_path / name, lambda stream: stream.write(b"y"))
    assert (tmp_path / name).read_bytes() == b"y"


# --- stale temporary files ----------------------------------------------------------


@posix_only
def test_stale_temps_of_both_patterns_are_removed_and_nothing_else(tmp_path: Path) -> None:
    old_style = tmp_path / ".note.clausier.1a2b3c4d.tmp"
    new_style = tmp_path / ".~0badf00d.tmp"
    fresh = tmp_path / ".~12345678.tmp"
    foreign = tmp_path / "report.tmp"
    not_ours = tmp_path / ".~notours.tmp"
    for path in (old_style, new_style, fresh, foreign, not_ours):
        path.write_bytes(b"partial")
    linked = tmp_path / ".~abcdef01.tmp"
    os.symlink(foreign, linked)
    for path in (old_style, new_style, foreign, not_ours, linked):
        _age(path, 3600)
    assert atomic.remove_stale_temps(tmp_path) == 2
    assert not old_style.exists() and not new_style.exists()
    assert fresh.exists() and foreign.exists() and not_ours.exists() and linked.is_symlink()


@posix_only
def test_a_temp_held_by_a_running_save_is_kept_until_its_writer_dies(tmp_path: Path) -> None:
    target = tmp_path / "note.clausier"
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from app.system.atomic import write_atomic\n"
        "def write(stream):\n"
        "    stream.write(b'half')\n"
        "    stream.flush()\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(120)\n"
        "write_atomic(Path(sys.argv[1]), write)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "writing"
        (temp,) = [p for p in tmp_path.iterdir() if atomic.is_temp_name(p.name)]
        _age(temp, 3600)
        assert atomic.remove_stale_temps(tmp_path) == 0  # held: a save is under way
        assert temp.exists()
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
    assert temp.exists() and not target.exists()  # what kill -9 during a save leaves
    assert atomic.remove_stale_temps(tmp_path) == 1
    assert list(tmp_path.iterdir()) == []


def test_cleanup_of_a_missing_or_unreadable_folder_removes_nothing(tmp_path: Path) -> None:
    assert atomic.remove_stale_temps(tmp_path / "absent") == 0


# --- reasons --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the disk is read-only"),
        (errno.ENAMETOOLONG, "the file name is too long"),
    ],
)
def test_failure_reasons_are_in_the_users_words(number: int, reason: str) -> None:
    assert atomic.failure_reason(OSError(number, os.strerror(number))) == reason
