"""Why a file operation failed, in the user's words: the system's error numbers as short phrases.

Python gives the C library's English words ("No such file or directory") whatever the
interface language; every message that says why a file could not be read, written or
created takes its reason from :func:`reason`, so "Impossible d’écrire /proc/x.docx :
aucun fichier ou dossier de ce nom" reads as the rest of the line. An error number not
listed keeps the system's own words.
"""

from __future__ import annotations

import errno

from app.language.i18n import N_, _

#: The error numbers a user meets, and what they mean to them (the disk quota as a full disk).
_PHRASES: dict[int, str] = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.ENOSPC: N_("the disk is full"),
    getattr(errno, "EDQUOT", errno.ENOSPC): N_("the disk is full"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
}


def reason(error: OSError | BaseException) -> str:
    """The reason ``error`` gives, as a short phrase in the interface language."""
    phrase = _PHRASES.get(getattr(error, "errno", None) or -1)
    if phrase is not None:
        return _(phrase)
    return str(getattr(error, "strerror", None) or error)
