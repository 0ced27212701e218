"""Autosave and crash recovery: copies of unsaved notes in the user data folder.

Each open note with unsaved changes is written to ``recovery/<key>.clausier``
beside a small ``<key>.json`` saying which process wrote it and which file it
belongs to. A copy whose process is no longer running was left by a crash and
is offered at the next start; a clean close discards it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.language.codes import pick
from app.notes import file as notefile
from app.notes.note import Note
from app.system import paths, process, safejson, saferead
from app.system.atomic import remove_stale_temps, write_atomic


@dataclass(frozen=True)
class Recovery:
    """An autosaved copy left behind by an instance that did not close."""

    key: str
    path: Path
    original: Path | None
    saved_at: datetime
    subject: str


_MAX_META_BYTES = 64 * 1024  # a copy's description: a few lines


def recovery_dir() -> Path:
    """The folder of autosaved copies."""
    return paths.data_dir() / "recovery"


def _meta_path(key: str) -> Path:
    return recovery_dir() / f"{key}.json"


def _note_path(key: str) -> Path:
    return recovery_dir() / f"{key}{notefile.SUFFIX}"


def write_autosave(note: Note, *, key: str, original: Path | None) -> None:
    """Store a copy of ``note`` (unsaved changes included) under ``key``."""
    folder = paths.ensure(recovery_dir())
    notefile.write(note, folder / f"{key}{notefile.SUFFIX}")
    meta = {
        "pid": os.getpid(),
        "host": process.host(),
        "original": str(original) if original else None,
        "saved_at": datetime.now().isoformat(timespec="seconds"),
        "subject": pick(note.subject, "fr") or pick(note.subject, "nl"),
    }
    data = json.dumps(meta, ensure_ascii=False).encode("utf-8")
    write_atomic(_meta_path(key), lambda stream: stream.write(data))


def discard_autosave(key: str) -> None:
    """Remove the copy stored under ``key`` (after a save or a clean close)."""
    for path in (_note_path(key), _meta_path(key)):
        path.unlink(missing_ok=True)


def pending_recoveries() -> list[Recovery]:
    """The copies left by instances that are no longer running, newest first.

    Called at start; it also removes the temporary files that autosaves
    interrupted by a crash left in the folder.
    """
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    remove_stale_temps(folder)
    found = []
    for meta_path in folder.glob("*.json"):
        key = meta_path.stem
        try:
            meta = safejson.loads(saferead.read_regular(meta_path, _MAX_META_BYTES))
            pid = int(meta.get("pid", 0))
            same_host = meta.get("host") == process.host()
            if same_host and pid != os.getpid() and process.is_running(pid):
                continue  # another live instance is working on it
            if same_host and pid == os.getpid():
                continue  # our own autosave
            note_path = _note_path(key)
            if not note_path.exists():
                continue
            found.append(
                Recovery(
                    key=key,
                    path=note_path,
                    original=Path(meta["original"]) if meta.get("original") else None,
                    saved_at=datetime.fromisoformat(meta["saved_at"]),
                    subject=str(meta.get("subject") or ""),
                )
            )
        except (saferead.FileRefused, OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def load_recovery(recovery: Recovery) -> Note:
    """The note stored in a recovered copy."""
    return notefile.read(recovery.path)
