"""Reading a file someone else put there: a regular file only, never blocking, never past a cap.

A team share, an imported declaration or a note sent by mail may be anything:
a named pipe that never answers, a link to ``/dev/zero`` that never ends, a
sparse file of a gigabyte. :func:`read_regular` looks at what the path is
before opening it, opens it without blocking, checks again what it opened
(the path may have changed in between), and reads at most ``limit`` bytes.
Each refusal is a :class:`FileRefused` whose ``reason`` is a translated phrase
the caller puts after the file's name in its own message.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from app.language.i18n import _

MEBIBYTE = 1024 * 1024
_CHUNK = 1024 * 1024
_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class FileRefused(Exception):
    """Why a file was not read; ``reason`` is a translated phrase such as "it is a folder".

    ``missing``: nothing is there; ``folder``: a folder is; ``system``: the system
    refused (permission, I/O error), so the file may be fine for someone else.
    """

    def __init__(
        self, reason: str, *, missing: bool = False, folder: bool = False, system: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing
        self.folder = folder
        self.system = system


def megabytes(size: int) -> str:
    """A byte count as whole mebibytes, the way the caps are documented ("64")."""
    return str(max(1, round(size / MEBIBYTE)))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("it is a named pipe, not a file")
    if stat.S_ISSOCK(mode):
        return _("it is a socket, not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("it is a device, not a file")
    return _("it is not a regular file")


def check_regular(info: os.stat_result, limit: int) -> None:
    """Refuse what ``info`` describes unless it is a regular file of at most ``limit`` bytes."""
    if stat.S_ISDIR(info.st_mode):
        raise FileRefused(_("it is a folder"), folder=True)
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(_kind(info.st_mode))
    if info.st_size > limit:
        raise FileRefused(too_large(limit))


def too_large(limit: int) -> str:
    """The reason given for a file over ``limit`` bytes."""
    return _("it is larger than {megabytes} MB").format(megabytes=megabytes(limit))


def _oserror(error: OSError) -> FileRefused:
    if isinstance(error, FileNotFoundError):
        return FileRefused(_("it does not exist"), missing=True)
    if isinstance(error, IsADirectoryError):
        return FileRefused(_("it is a folder"), folder=True)
    if error.errno == errno.ELOOP:
        return FileRefused(_("it is a link that leads nowhere"))
    from app.system import oserrors

    return FileRefused(oserrors.reason(error), system=True)


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes; else FileRefused.

    Links are followed to a regular file only: a link to a device or a pipe is
    refused before it is opened.
    """
    try:
        check_regular(os.stat(path), limit)  # a device is never even opened
        descriptor = os.open(path, _FLAGS)
    except OSError as error:
        raise _oserror(error) from None
    try:
        with os.fdopen(descriptor, "rb", buffering=0, closefd=True) as stream:
            opened = os.fstat(stream.fileno())
            check_regular(opened, limit)  # what was opened, not what was named
            return _read_capped(stream, limit, opened.st_size)
    except OSError as error:
        raise _oserror(error) from None


def _read_capped(stream, limit: int, expected: int) -> bytes:
    """At most ``limit`` bytes of ``stream``; a file that grew past the cap meanwhile is refused.

    The first read asks for the whole file, so a file read in one go is not copied again.
    """
    chunks: list[bytes] = []
    total = 0
    want = expected + 1
    while True:
        chunk = stream.read(min(want, limit + 1 - total))
        want = _CHUNK
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise FileRefused(too_large(limit))
