"""Settings: machine-wide ones that IT manages, overridden by the user's, except locked keys.

Both are INI files named ``clausier.ini``: the machine-wide one in the
platformdirs site config folder (read-only for users), the user's in the
user config folder. The machine-wide file may lock keys::

    [settings]
    template = \\\\server\\share\\house.docx
    autosave_seconds = 120

    [locked]
    keys = template, team_library

Every key, its type and default are declared once, in :data:`SETTINGS`.
"""

from __future__ import annotations

import configparser
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.language.classification import Classification
from app.language.codes import NoteLanguage
from app.language.i18n import N_, _
from app.system import paths
from app.system.atomic import write_atomic
from app.system.errors import ClausierError

FILE_NAME = "clausier.ini"
SECTION = "settings"


@dataclass(frozen=True)
class Setting:
    """One setting: its key, type, default and a translatable description."""

    key: str
    kind: type
    default: Any
    description: str
    choices: tuple[str, ...] = ()


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "interface_language",
        str,
        "",
        N_("Interface language (fr, nl, en; empty follows the system)"),
        ("", "fr", "nl", "en"),
    ),
    Setting(
        "note_language",
        str,
        "",
        N_(
            "Default language of new notes (fr, nl, fr+nl; empty follows the interface: "
            "Dutch for a Dutch interface, else French)"
        ),
        ("",) + tuple(v.value for v in NoteLanguage),
    ),
    Setting("author", str, "", N_("Author of new notes")),
    Setting("cabinet_fr", str, "", N_("Cabinet, in French")),
    Setting("cabinet_nl", str, "", N_("Cabinet, in Dutch")),
    Setting("place_fr", str, "Bruxelles", N_("Where new notes are written, in French")),
    Setting("place_nl", str, "Brussel", N_("Where new notes are written, in Dutch")),
    Setting(
        "classification",
        str,
        "none",
        N_("Default classification of new notes"),
        tuple(c.value for c in Classification),
    ),
    Setting("autosave_seconds", int, 60, N_("Autosave interval in seconds (0 turns it off)")),
    Setting("spell_check", bool, True, N_("Check spelling as you type (true or false)")),
    Setting("template", str, "", N_("Word template (.docx); empty uses the built-in one")),
    Setting("team_library", str, "", N_("Folder of the team library")),
    Setting("export_folder", str, "", N_("Default export folder")),
    Setting(
        "note_folders",
        str,
        "",
        N_("Folders of notes that Where Used looks in besides the recent files (; between them)"),
    ),
)

_BY_KEY = {s.key: s for s in SETTINGS}


#: What separates the folders of a list setting (``note_folders``); a newline works too.
FOLDER_SEPARATOR = ";"


def new_note_language(settings: Settings, interface_language: str) -> NoteLanguage:
    """The language of a new note: the setting when one is configured (machine-wide or the
    user's), else the interface's: Dutch for a Dutch interface, French (the cabinet's) otherwise."""
    configured = settings.get("note_language")
    if configured:
        return NoteLanguage(configured)
    return NoteLanguage.NL if interface_language == "nl" else NoteLanguage.FR


def split_folders(value: str) -> list[Path]:
    """The folders of a list setting such as ``note_folders``, each once, in order."""
    parts = (p.strip() for p in str(value or "").replace("\n", FOLDER_SEPARATOR).split(";"))
    return [Path(p) for p in dict.fromkeys(p for p in parts if p)]


def join_folders(folders: list[Path] | list[str]) -> str:
    """Folders as the value of a list setting (the reverse of :func:`split_folders`)."""
    return FOLDER_SEPARATOR.join(dict.fromkeys(str(f).strip() for f in folders if str(f).strip()))


def site_file() -> Path:
    """The machine-wide settings file."""
    return paths.site_config_dir() / FILE_NAME


def user_file() -> Path:
    """The user's settings file."""
    return paths.config_dir() / FILE_NAME


#: How a yes/no setting may be written in the file.
_BOOLEANS = {"true": True, "yes": True, "on": True, "1": True}
_BOOLEANS.update({"false": False, "no": False, "off": False, "0": False})


def _convert(setting: Setting, raw: str) -> Any:
    if setting.kind is bool:
        value = _BOOLEANS.get(raw.strip().lower())
        if value is None:
            raise ValueError(raw)
        return value
    if setting.kind is int:
        value = int(raw.strip())
        if value < 0:
            raise ValueError(raw)
        return value
    value = raw.strip()
    if setting.choices and value not in setting.choices:
        raise ValueError(raw)
    return value


class Settings:
    """Effective settings: defaults < machine-wide < user, except locked keys."""

    def __init__(
        self,
        site: dict[str, Any] | None = None,
        user: dict[str, Any] | None = None,
        locked: set[str] | None = None,
        problems: list[str] | None = None,
    ) -> None:
        self.site = dict(site or {})
        self.user = dict(user or {})
        self.locked = set(locked or ())
        self.problems = list(problems or [])

    @classmethod
    def load(cls) -> Settings:
        """Read both files; a bad file or value is reported in ``problems`` and ignored."""
        problems: list[str] = []
        site, site_locked = _read(site_file(), problems, allow_lock=True)
        user, _ignored = _read(user_file(), problems, allow_lock=False)
        return cls(site, user, site_locked, problems)

    def get(self, key: str) -> Any:
        """The effective value of ``key``."""
        setting = _BY_KEY[key]
        if key in self.locked and key in self.site:
            return self.site[key]
        if key in self.user:
            return self.user[key]
        return self.site.get(key, setting.default)

    def is_locked(self, key: str) -> bool:
        """Whether IT locked ``key`` in the machine-wide settings."""
        return key in self.locked

    def set(self, key: str, value: Any) -> None:
        """Set the user's value of ``key`` (not saved until :meth:`save`)."""
        setting = _BY_KEY[key]
        if self.is_locked(key):
            raise ClausierError(
                _("The setting “{key}” is locked by your IT department.").format(key=key)
            )
        self.user[key] = _convert(setting, str(value))

    def save(self) -> Path:
        """Write the user's settings atomically."""
        parser = configparser.ConfigParser(interpolation=None)
        parser[SECTION] = {k: str(v) for k, v in sorted(self.user.items())}
        buffer = io.StringIO()
        parser.write(buffer)
        target = user_file()
        paths.ensure(target.parent)
        write_atomic(target, lambda stream: stream.write(buffer.getvalue().encode("utf-8")))
        return target


def _read(path: Path, problems: list[str], *, allow_lock: bool) -> tuple[dict[str, Any], set[str]]:
    if not path.exists():
        return {}, set()
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(path.read_text(encoding="utf-8-sig"), source=str(path))
    except (OSError, UnicodeDecodeError, configparser.Error) as error:
        problems.append(
            _("The settings file {path} cannot be read and is ignored: {reason}").format(
                path=path, reason=str(error).splitlines()[0]
            )
        )
        return {}, set()
    values: dict[str, Any] = {}
    if parser.has_section(SECTION):
        for key, raw in parser.items(SECTION):
            setting = _BY_KEY.get(key)
            if setting is None:
                problems.append(
                    _("{path}: unknown setting “{key}” is ignored.").format(path=path, key=key)
                )
                continue
            try:
                values[key] = _convert(setting, raw)
            except ValueError:
                problems.append(
                    _("{path}: “{value}” is not valid for {key}; the default is used.").format(
                        path=path, value=raw, key=key
                    )
                )
    locked: set[str] = set()
    if allow_lock and parser.has_section("locked"):
        raw = parser.get("locked", "keys", fallback="")
        locked = {k.strip() for k in raw.replace("\n", ",").split(",") if k.strip() in _BY_KEY}
    return values, locked
