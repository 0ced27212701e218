"""Atomic file writing: the previous file stays intact unless the new one is complete.

A new file is written under a short temporary name beside its target
(``.~`` + 8 hex digits + ``.tmp``, always 14 bytes, so a 255-byte file name can
still be saved), flushed, then swapped in with :func:`os.replace`. Temporary
files that an interrupted write left behind are Clausier's own and are removed
by :func:`remove_stale_temps` once they are a few minutes old and no writer
holds them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from app.language.i18n import _, ngettext
from app.system import oserrors

try:  # POSIX: a writer holds its temporary file with flock so cleanup leaves it alone
    import fcntl
except ImportError:  # pragma: no cover - Windows, where an open file cannot be deleted anyway
    fcntl = None  # type: ignore[assignment]

#: A temporary file older than this (seconds), and not held, was left by an interrupted write.
STALE_AFTER = 300.0

_TEMP = re.compile(r"\.~[0-9a-f]{8}\.tmp")
#: The names earlier versions used (``.note.clausier.1a2b3c4d.tmp``), still cleaned up.
_OLD_TEMP = re.compile(r"\..+\.[0-9a-f]{8}\.tmp", re.DOTALL)


class ReadOnlyFile(PermissionError):
    """The file to replace is read-only: it is left exactly as it is."""


def temp_path_for(path: Path) -> Path:
    """A fresh, hidden, fixed-length temporary name next to ``path`` (same file system)."""
    return Path(path).with_name(f".~{os.urandom(4).hex()}.tmp")


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is one of Clausier's temporary file names (current or earlier pattern)."""
    return bool(_TEMP.fullmatch(name) or _OLD_TEMP.fullmatch(name))


def target_of(path: Path) -> Path:
    """Where writing ``path`` really lands: symbolic links are followed to their target."""
    path = Path(path)
    if not path.is_symlink() and not any(p.is_symlink() for p in path.parents):
        return path
    return Path(os.path.realpath(path))


def refuse_read_only(path: Path) -> None:
    """Raise :class:`ReadOnlyFile` when ``path`` exists and is read-only.

    The permission bits are checked as well as :func:`os.access`: an
    administrator passes ``os.access`` for every file, yet a file without any
    write bit (0444, or the Windows read-only attribute) was made read-only on
    purpose and is not replaced.
    """
    if is_read_only(path):
        raise ReadOnlyFile(errno.EACCES, _("the file is read-only"), str(path))


def is_read_only(path: Path) -> bool:
    """Whether ``path`` is a file that will not be written over (see :func:`refuse_read_only`)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # absent (or unreachable: the write itself will say why)
    return stat.S_ISREG(mode) and (mode & 0o222 == 0 or not os.access(path, os.W_OK))


def read_only_reason(path: Path) -> str:
    """Why saving over ``path`` will fail, in the user's words; "" when it should not."""
    path = target_of(Path(path))
    if is_read_only(path):
        return _("the file is read-only")
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        return _("its folder is read-only")
    return ""


def failure_reason(error: OSError) -> str:
    """Why a file could not be written, in the user's words (one short phrase)."""
    if isinstance(error, ReadOnlyFile):
        return _("the file is read-only")
    return oserrors.reason(error)


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> list[str]:
    """Write ``path`` through ``write(stream)`` into a temporary file, then swap it in.

    Returns warnings for the user (translated), empty when there is nothing to say.

    - A symbolic link is followed: the new content replaces the link's target,
      atomically, and the link stays a link.
    - A read-only file (see :func:`refuse_read_only`) is refused with
      :class:`ReadOnlyFile` and left untouched.
    - A file with several hard links is still replaced atomically, so this name
      gets the new content and the other names keep the previous one; a warning
      says so. Writing in place instead would keep the links, but a crash or a
      full disk half-way would leave a half-written file under every name, and
      that is the one thing this module exists to prevent; two intact versions
      lose nothing.

    The temporary file lives in the target's folder; it is flushed and fsynced
    before :func:`os.replace` puts it in place, and the folder is fsynced
    afterwards where the platform allows it. On any failure (including a
    failing ``write``) the temporary file is removed, the previous file is left
    untouched and the error propagates (an :class:`OSError` for file-system
    failures).
    """
    path = target_of(Path(path))
    refuse_read_only(path)
    mode, links = _mode_and_links(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = temp_path_for(path)
        try:
            fd = os.open(temp, flags, mode)
        except FileExistsError:  # pragma: no cover - 32 random bits collided
            continue
        break
    try:
        with os.fdopen(fd, "wb") as stream:
            _hold(stream.fileno())
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if mode != 0o666:
            with contextlib.suppress(OSError):
                os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(path.parent)
    if links > 1:
        others = links - 1
        return [
            ngettext(
                "{name} had {n} other name (a hard link); that name keeps the previous version.",
                "{name} had {n} other names (hard links); they keep the previous version.",
                others,
            ).format(name=path.name, n=others)
        ]
    return []


def remove_stale_temps(folder: Path, *, older_than: float = STALE_AFTER) -> int:
    """Remove Clausier's temporary files that interrupted writes left in ``folder``.

    Only regular files with one of Clausier's temporary names, last written
    more than ``older_than`` seconds ago and held by no writer, are removed;
    anything that goes wrong (a read-only folder, a file in use) leaves the
    file where it is. Returns how many files were removed.
    """
    now = time.time()
    removed = 0
    try:
        entries = os.scandir(folder)
    except OSError:
        return 0
    with entries:
        for entry in entries:
            if not is_temp_name(entry.name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < older_than:
                continue
            if _remove_unheld(Path(entry.path), info):
                removed += 1
    return removed


def _hold(fd: int) -> None:
    """Mark a temporary file as being written, so that cleanup in another process skips it."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _remove_unheld(path: Path, seen: os.stat_result) -> bool:
    """Delete ``path`` unless a writer holds it (or it changed since it was looked at)."""
    if fcntl is None:  # pragma: no cover - Windows refuses to delete a file in use
        try:
            os.unlink(path)
        except OSError:
            return False
        return True
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        now = os.fstat(fd)
        if (now.st_ino, now.st_dev) != (seen.st_ino, seen.st_dev):
            return False
        os.unlink(path)
        return True
    except OSError:  # held by a writer, or gone already
        return False
    finally:
        os.close(fd)


def _mode_and_links(path: Path) -> tuple[int, int]:
    """The permission bits for the new file (the old file's, or the umask's default) and its link count."""
    try:
        info = path.stat()
    except OSError:
        return 0o666, 1
    return info.st_mode & 0o777, info.st_nlink if stat.S_ISREG(info.st_mode) else 1


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where folders can be opened (not on Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
