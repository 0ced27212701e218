"""Real faults for tests: the real ``clausier`` in a subprocess, an unprivileged user, a full disk.

Everything here runs as root in the project's containers, and root ignores
permission bits; a read-only file is only read-only for an ordinary user, so
such tests run the command as ``nobody`` (through ``runuser``). A full disk
is a small tmpfs mounted for the test. Where either cannot be had, the test is
skipped with the reason.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import site
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNPRIVILEGED = "nobody"


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@functools.cache
def _python_for_unprivileged() -> str | None:
    """An interpreter of this Python version that the unprivileged user may run (None if none)."""
    if not _is_root():
        return sys.executable
    if shutil.which("runuser") is None:
        return None
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (
        sys.executable,
        f"/usr/bin/python{version}",
        f"/usr/local/bin/python{version}",
    ):
        probe = subprocess.run(
            [
                "runuser",
                "-u",
                UNPRIVILEGED,
                "--",
                candidate,
                "-c",
                "import sys; print(sys.version)",
            ],
            capture_output=True,
            text=True,
        )
        if probe.returncode == 0 and probe.stdout.startswith(version + "."):
            return candidate
    return None


@functools.cache
def unprivileged_cannot_read_the_project() -> str:
    """Why the unprivileged user cannot import the project and its packages ("" when it can).

    A checkout (or its .venv) inside a folder only root may enter, such as one that
    ``mktemp -d`` made, is out of that user's reach.
    """
    python = _python_for_unprivileged()
    if python is None or not _is_root():
        return ""
    probe = subprocess.run(
        ["runuser", "-u", UNPRIVILEGED, "--", python, "-c", "import app.cli.command, lxml"],
        capture_output=True,
        text=True,
        env=_environment(Path("/tmp")),
        cwd="/",
    )
    if probe.returncode == 0:
        return ""
    return f"the user {UNPRIVILEGED} cannot read the checkout at {ROOT} (a private parent folder?)"


def _environment(home: Path) -> dict[str, str]:
    folders = {
        "CLAUSIER_DATA_DIR": home / "data",
        "CLAUSIER_CONFIG_DIR": home / "config",
        "CLAUSIER_SITE_CONFIG_DIR": home / "site",
        "CLAUSIER_LOG_DIR": home / "log",
    }
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANGUAGE": "en",
        "LC_ALL": "C.UTF-8",
        "PYTHONPATH": os.pathsep.join([str(ROOT), *site.getsitepackages()]),
        "PYTHONDONTWRITEBYTECODE": "1",
        "QT_QPA_PLATFORM": "offscreen",
        **{key: str(value) for key, value in folders.items()},
    }


def clausier(
    home: Path, *argv: str | bytes | os.PathLike, unprivileged: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run ``clausier argv…`` in a subprocess with its folders under ``home``.

    With ``unprivileged``, it runs as an ordinary user (``nobody`` when the
    tests run as root), so permission bits hold; the test is skipped when
    that is not possible here.
    """
    python = sys.executable
    prefix: list[str] = []
    if unprivileged and _is_root():
        python = _python_for_unprivileged() or ""
        if not python:
            pytest.skip(f"no Python that the user {UNPRIVILEGED} may run (runuser missing?)")
        if reason := unprivileged_cannot_read_the_project():
            pytest.skip(reason)
        prefix = ["runuser", "-u", UNPRIVILEGED, "--"]
    command = [*prefix, python, "-m", "app.cli.command", *[os.fsdecode(a) for a in argv]]
    return subprocess.run(
        [os.fsencode(part) for part in command],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        env=_environment(home),
        cwd=home,
    )


def hand_over(*paths: Path) -> None:
    """Give ``paths`` to the unprivileged user (when the tests run as root)."""
    if not _is_root():
        return
    import pwd

    user = pwd.getpwnam(UNPRIVILEGED)
    for path in paths:
        os.chown(path, user.pw_uid, user.pw_gid, follow_symlinks=False)


@contextlib.contextmanager
def unprivileged_home() -> Iterator[Path]:
    """A folder outside root's private temporary folder, owned by the unprivileged user."""
    home = Path(tempfile.mkdtemp(prefix="clausier-user-", dir="/tmp"))
    try:
        home.chmod(0o755)
        hand_over(home)
        yield home
    finally:
        shutil.rmtree(home, ignore_errors=True)


@contextlib.contextmanager
def full_disk(size: str = "1m") -> Iterator[Path]:
    """A freshly mounted small tmpfs, unmounted afterwards (skips where mounting is refused)."""
    if not _is_root() or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs (a real full disk) needs root")
    folder = Path(tempfile.mkdtemp(prefix="clausier-fulldisk-", dir="/tmp"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"mounting a tmpfs is not permitted here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)
        folder.rmdir()


def fill(folder: Path, *, leave: int = 0) -> Path:
    """Fill the disk holding ``folder`` until at most ``leave`` bytes are free; returns the filler."""
    filler = folder / "filler"
    with filler.open("wb") as stream:
        with contextlib.suppress(OSError):
            while shutil.disk_usage(folder).free > leave:
                stream.write(b"\0" * min(65536, max(4096, shutil.disk_usage(folder).free - leave)))
                stream.flush()
    return filler


def one_clear_line(stderr: str) -> str:
    """The single line a failed command printed, checked to hold no traceback."""
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert "Exception ignored" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]
