"""Lock files that stop two running instances from editing the same note.

The lock sits beside the note (``.name.clausier.lock``, like office suites do),
so it also works for notes on a share. It is written whole under a temporary
name and then linked into place, so nobody ever sees it empty. A lock whose
process is gone (same machine) is stale and taken over; so is one that cannot
be read and was last written more than :data:`UNREADABLE_STALE_AFTER` seconds
ago (a crash on a file system without hard links, or a damaged file); a lock
from another machine is trusted.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import time
from datetime import datetime
from pathlib import Path

from app.language.i18n import _
from app.system import process, safejson, saferead
from app.system.atomic import temp_path_for
from app.system.errors import ClausierError

#: An unreadable (empty, garbled) lock older than this many seconds is stale.
UNREADABLE_STALE_AFTER = 5.0
_MAX_LOCK_BYTES = 64 * 1024  # a lock holds a few fields

_NAME_MAX = 255


class NoteLocked(ClausierError):
    """Another running instance has the note open."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(
            _("{name} is open in another Clausier ({holder}); it opens read-only.").format(
                name=path.name, holder=holder
            )
        )
        self.holder = holder


def lock_path(note_path: Path) -> Path:
    """The lock file of ``note_path`` (a hashed name when the note's own name is too long)."""
    note_path = Path(note_path)
    name = f".{note_path.name}.lock"
    if len(os.fsencode(name)) > _NAME_MAX:
        digest = hashlib.sha256(os.fsencode(note_path.name)).hexdigest()[:16]
        name = f".~{digest}.clausier.lock"
    return note_path.with_name(name)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to fail
        return "?"


class NoteLock:
    """A held lock on one note file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def acquire(cls, note_path: Path) -> NoteLock | None:
        """Lock ``note_path``; raises NoteLocked if held elsewhere, None if the folder is read-only."""
        path = lock_path(note_path)
        info = {
            "pid": os.getpid(),
            "host": process.host(),
            "user": _user(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        data = json.dumps(info).encode("utf-8")
        for _attempt in range(3):
            try:
                created = _create(path, data)
            except OSError:
                return None  # a read-only folder: nobody can lock, editing stays possible
            if created:
                return cls(path)
            seen = _identity(path)
            holder = cls._holder(path)
            if holder is not None:
                raise NoteLocked(Path(note_path), holder)
            if seen is not None and _identity(path) == seen:  # not replaced meanwhile
                with contextlib.suppress(OSError):  # stale: its process is gone
                    path.unlink()
        return None

    @staticmethod
    def _holder(path: Path) -> str | None:
        """Who holds the lock at ``path``, or None when it is stale (or gone)."""
        try:
            raw = saferead.read_regular(path, _MAX_LOCK_BYTES)  # a pipe there never blocks
        except saferead.FileRefused as refused:
            if refused.missing:
                return None
            if refused.system:  # someone else's lock we may not read: still held
                return _("unknown")
            # a pipe, a device or a huge file is no lock Clausier wrote: garbage, as below
            return None if _age(path) > UNREADABLE_STALE_AFTER else _("unknown")
        try:
            info = safejson.loads(raw)
            pid, host = int(info["pid"]), str(info["host"])
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
            return None if _age(path) > UNREADABLE_STALE_AFTER else _("unknown")
        if host == process.host() and (pid == os.getpid() or not process.is_running(pid)):
            if pid == os.getpid():
                return _("this window")
            return None
        return _("{user} on {host}").format(user=info.get("user", "?"), host=host)

    def release(self) -> None:
        """Remove the lock file."""
        with contextlib.suppress(OSError):
            self.path.unlink()


def _create(path: Path, data: bytes) -> bool:
    """Create the lock ``path`` holding ``data``, whole; False when it exists already.

    The content goes to a temporary file first, which is then hard-linked as
    the lock: the link either fails (a lock exists) or makes a complete lock
    appear at once. Where hard links are not supported, the lock is created
    exclusively and written; an interrupted write leaves an unreadable lock,
    which turns stale after a few seconds.
    """
    temp = temp_path_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        try:
            os.link(temp, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links here (some shares): create it exclusively instead
            return _create_exclusively(path, data)
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _create_exclusively(path: Path, data: bytes) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    return True


def _identity(path: Path) -> tuple[int, int, int] | None:
    """What tells one lock file from the next one written at the same name."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def _age(path: Path) -> float:
    """Seconds since ``path`` was last written (0 when that cannot be told)."""
    try:
        return max(0.0, time.time() - path.stat().st_mtime)
    except OSError:
        return 0.0
