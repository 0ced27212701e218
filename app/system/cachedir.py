"""The user's cache folder, named with nothing but :mod:`os` and :mod:`sys`.

What is kept there can always be made again (the top-level help, the facts of
Babel's calendars): a folder that cannot be written only costs time. Importing
this module imports nothing else, so ``ui.launch`` can name the folder before
anything is loaded.
"""

import os
import sys


def cache_folder() -> str | None:
    """Where kept texts go (None when no folder can be named).

    ``CLAUSIER_CACHE_DIR``, else ``cache`` in the data folder that ``CLAUSIER_DATA_DIR``
    names (tests and IT scripts point the data there), else the platform's user cache
    folder as platformdirs names it.
    """
    named = os.environ.get("CLAUSIER_CACHE_DIR")
    if named:
        return named
    data = os.environ.get("CLAUSIER_DATA_DIR")
    if data:
        return os.path.join(data, "cache")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return os.path.join(base, "Clausier", "Cache") if base else None
    home = os.path.expanduser("~")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "Clausier")
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.join(home, ".cache")
    return os.path.join(base, "Clausier")


def keep(path: str, text: str) -> None:
    """Write ``text`` at ``path`` whole or not at all (quietly nothing when it cannot be written)."""
    partial = f"{path}.{os.getpid()}.part"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(partial, path)
    except OSError:
        try:
            os.remove(partial)  # a disk full half-way: no piece is left behind
        except OSError:
            pass
