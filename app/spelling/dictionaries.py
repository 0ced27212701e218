"""The Hunspell dictionaries shipped with Clausier: where they are, what they are, how they load.

The dictionaries live in ``resources/dictionaries`` (in the bundle as in a checkout);
no system dictionary is ever looked for, so the program checks the same words on
every machine. The binding is the ``hunspell`` module of the ``chunspell`` package
(see docs/spelling.md for why), imported only when a dictionary is first loaded.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.language.i18n import _
from app.system import paths
from app.system.errors import ClausierError


class Hunspell(Protocol):
    """What Clausier asks of a loaded dictionary."""

    def spell(self, word: str) -> bool: ...

    def suggest(self, word: str) -> tuple[str, ...]: ...

    def add(self, word: str) -> None: ...


@dataclass(frozen=True)
class ShippedDictionary:
    """One dictionary in the program's resources: its files, its origin and its licence."""

    lang: str  # the note language it checks: "fr" or "nl"
    tag: str  # the language it is checked as: fr-BE, nl-BE
    stem: str  # the files are ``stem.aff`` and ``stem.dic``
    name: str  # what it is, as the About box names it
    version: str
    licence: str  # SPDX expression
    licence_files: tuple[str, ...]


DICTIONARIES: dict[str, ShippedDictionary] = {
    "fr": ShippedDictionary(
        "fr",
        "fr-BE",
        "fr",
        "Dicollecte (Grammalecte) French dictionary “Classique”",
        "7.0",
        "MPL-2.0",
        ("MPL-2.0.txt", "COPYING-fr.txt"),
    ),
    "nl": ShippedDictionary(
        "nl",
        "nl-BE",
        "nl",
        "OpenTaal Dutch word list",
        "2.20.19",
        "BSD-3-Clause OR CC-BY-3.0",
        ("COPYING-nl.txt",),
    ),
}


def folder() -> Path:
    """The folder holding the shipped ``.aff`` and ``.dic`` files."""
    return paths.resources_dir() / "dictionaries"


def files(lang: str) -> tuple[Path, Path]:
    """The ``.aff`` and ``.dic`` files of the dictionary for ``lang``."""
    stem = DICTIONARIES[lang].stem
    return folder() / f"{stem}.aff", folder() / f"{stem}.dic"


def credits() -> list[str]:
    """One line per shipped dictionary naming it, its version and its licence (the About box)."""
    return [
        _("{name} {version} ({tag}), licence {licence}").format(
            name=d.name, version=d.version, tag=d.tag, licence=d.licence
        )
        for d in DICTIONARIES.values()
    ]


_loaded: dict[str, Hunspell] = {}
_loading = threading.Lock()


def load(lang: str) -> Hunspell:
    """The shipped dictionary for ``lang``, loaded once a process (a few hundred milliseconds).

    Raises ClausierError when it cannot be loaded. The dictionary itself is never
    changed (the user's words are kept beside it), so every speller may share it.
    """
    with _loading:
        found = _loaded.get(lang)
        if found is None:
            found = _loaded[lang] = _load(lang)
        return found


def _load(lang: str) -> Hunspell:
    if lang not in DICTIONARIES:
        raise ClausierError(
            _("No spelling dictionary for the language “{lang}”.").format(lang=lang)
        )
    aff, dic = files(lang)
    if not (aff.is_file() and dic.is_file()):
        raise ClausierError(
            _("The spelling dictionary {path} is missing; reinstall Clausier.").format(path=dic)
        )
    try:
        import hunspell  # the chunspell binding, with Hunspell itself inside its wheel
    except ImportError as error:
        raise ClausierError(
            _("Spelling cannot be checked: the Hunspell module is missing ({reason}).").format(
                reason=error
            )
        ) from None
    try:
        return hunspell.Hunspell(DICTIONARIES[lang].stem, hunspell_data_dir=str(folder()))
    except Exception as error:  # noqa: BLE001 - the binding's own errors, said in one line
        raise ClausierError(
            _("The spelling dictionary {path} cannot be read: {reason}").format(
                path=dic, reason=error
            )
        ) from None
