"""What the window remembers between runs: recent files, layout, preview language, last folders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.system import paths, safejson
from app.system.atomic import write_atomic

FILE_NAME = "window-state.json"  # app/notes/whereused.py reads its recent notes too
MAX_RECENT = 10


def state_file() -> Path:
    """The file holding the window's state, in the user data folder."""
    return paths.data_dir() / FILE_NAME


class WindowState:
    """A small JSON document of window preferences the user never edits by hand."""

    def __init__(self, data: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.data: dict[str, Any] = dict(data or {})
        self.path = path

    @classmethod
    def load(cls) -> WindowState:
        """Read the state file; a missing or damaged one gives an empty state."""
        path = state_file()
        try:
            data = safejson.loads(path.read_bytes())
        except (OSError, ValueError):  # safejson refuses hostile JSON with a ValueError
            data = {}
        return cls(data if isinstance(data, dict) else {}, path)

    def save(self) -> None:
        """Write the state file atomically (failures are not worth bothering the user)."""
        if self.path is None:
            return
        payload = json.dumps(self.data, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            paths.ensure(self.path.parent)
            write_atomic(self.path, lambda stream: stream.write(payload))
        except OSError:
            pass

    def get(self, key: str, default: Any = None) -> Any:
        """The value stored under ``key``."""
        return self.data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` (saved by :meth:`save`)."""
        self.data[key] = value

    # --- recent files -----------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """The notes opened or saved lately, newest first, that still exist."""
        found = [Path(p) for p in self.data.get("recent", []) if isinstance(p, str)]
        return [p for p in found if p.exists()]

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        text = str(Path(path).resolve())
        recent = [p for p in self.data.get("recent", []) if p != text]
        self.data["recent"] = [text, *recent][:MAX_RECENT]
        self.save()

    def clear_recent(self) -> None:
        """Forget the recent files."""
        self.data["recent"] = []
        self.save()
