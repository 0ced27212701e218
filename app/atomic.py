"""Atomic file writing: the previous file stays intact unless the new one is complete."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def temp_path_for(path: Path) -> Path:
    """A fresh, hidden temporary name next to ``path`` (same folder, so same file system)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write ``path`` through ``write(stream)`` into a temporary file, then swap it in.

    The temporary file lives in the target folder; it is flushed and fsynced before
    :func:`os.replace` puts it in place, and the folder is fsynced afterwards where the
    platform allows it. On any failure (including a failing ``write``) the temporary
    file is removed, the previous file at ``path`` is left untouched and the error
    propagates (an :class:`OSError` for file-system failures).
    """
    path = Path(path)
    mode = _mode_for(path)
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


def _mode_for(path: Path) -> int:
    """The permission bits for the new file: the old file's, or the umask's default."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666


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
