"""Lock files that stop two running instances from editing the same note.

The lock sits beside the note (``.name.clausier.lock``, like office suites do),
so it also works for notes on a share. A lock whose process is gone (same
machine) is stale and taken over; on another machine it is trusted.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
from datetime import datetime
from pathlib import Path

from app import process
from app.errors import ClausierError
from app.i18n import _


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
    """The lock file of ``note_path``."""
    note_path = Path(note_path)
    return note_path.with_name(f".{note_path.name}.lock")


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
        for _attempt in range(2):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = cls._holder(path)
                if holder is None:  # stale: its process is gone
                    with contextlib.suppress(OSError):
                        path.unlink()
                    continue
                raise NoteLocked(Path(note_path), holder) from None
            except OSError:
                return None  # a read-only folder: nobody can lock, editing stays possible
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(info, handle)
            return cls(path)
        return None

    @staticmethod
    def _holder(path: Path) -> str | None:
        """Who holds the lock at ``path``, or None when it is stale."""
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
            pid, host = int(info["pid"]), str(info["host"])
        except (OSError, ValueError, KeyError, TypeError):
            return _("unknown")
        if host == process.host() and (pid == os.getpid() or not process.is_running(pid)):
            if pid == os.getpid():
                return _("this window")
            return None
        return _("{user} on {host}").format(user=info.get("user", "?"), host=host)

    def release(self) -> None:
        """Remove the lock file."""
        with contextlib.suppress(OSError):
            self.path.unlink()
