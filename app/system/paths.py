"""Where Clausier finds its resources and keeps the user's files, per platform.

Folders come from platformdirs; each can be overridden by an environment
variable (tests and IT scripts use them) or by :func:`override`.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Clausier"

_ROOT = Path(__file__).resolve().parents[2]  # app/system/paths.py: the folder above app/
_overrides: dict[str, Path] = {}

_ENV = {
    "data": "CLAUSIER_DATA_DIR",
    "config": "CLAUSIER_CONFIG_DIR",
    "site_config": "CLAUSIER_SITE_CONFIG_DIR",
    "log": "CLAUSIER_LOG_DIR",
}


def resources_dir() -> Path:
    """The folder of built-in resources (library, sources, translations)."""
    return _ROOT / "resources"


def templates_dir() -> Path:
    """The folder of the built-in Word template and note skeletons."""
    return _ROOT / "templates"


def override(**folders: Path | None) -> None:
    """Point folders (data, config, site_config, log) elsewhere; None restores the default."""
    for key, value in folders.items():
        if key not in _ENV:
            raise KeyError(key)
        if value is None:
            _overrides.pop(key, None)
        else:
            _overrides[key] = Path(value)


def _folder(key: str, kind: str) -> Path:
    if key in _overrides:
        return _overrides[key]
    env = os.environ.get(_ENV[key])
    if env:
        return Path(env)
    import platformdirs  # only when a folder is not overridden

    return Path(getattr(platformdirs, kind)(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The user's data folder: personal database, autosaves, recovery."""
    return _folder("data", "user_data_dir")


def config_dir() -> Path:
    """The user's settings folder."""
    return _folder("config", "user_config_dir")


def site_config_dir() -> Path:
    """The machine-wide settings folder that IT manages.

    Where the platform lists several (XDG_CONFIG_DIRS on Linux), the first one
    holding ``clausier.ini`` wins; with none, the last (most generic) one.
    """
    if "site_config" in _overrides or os.environ.get(_ENV["site_config"]):
        return _folder("site_config", "site_config_dir")
    import platformdirs

    listed = platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=True)
    folders = [Path(f) for f in listed.split(os.pathsep) if f]
    for folder in folders:
        if (folder / "clausier.ini").exists():
            return folder
    return folders[-1]


def log_dir() -> Path:
    """The folder where unexpected errors are logged with their traceback."""
    return _folder("log", "user_log_dir")


def ensure(folder: Path) -> Path:
    """Create ``folder`` (and parents) if needed and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    return folder
