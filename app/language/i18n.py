"""Translation of the core's user-visible strings through gettext catalogs.

Message ids are English. Catalogs live in ``resources/locale/<lang>/LC_MESSAGES``
as ``clausier.po`` (source) and ``clausier.mo`` (compiled by ``pybabel compile``);
when the compiled file is missing the source catalog is read with Babel, so a
checkout works before the build step too.
"""

from __future__ import annotations

import gettext
import locale
import os
from pathlib import Path

from app.system import paths

DOMAIN = "clausier"
LANGUAGES = ("fr", "nl", "en")

_current: gettext.NullTranslations = gettext.NullTranslations()
_current_code = "en"


def locale_dir() -> Path:
    """The folder that holds the gettext catalogs."""
    return paths.resources_dir() / "locale"


def system_language() -> str:
    """The interface language the system locale asks for: fr, nl or en."""
    candidates = [os.environ.get(k, "") for k in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")]
    try:
        candidates.append(locale.getlocale()[0] or "")
    except ValueError:
        pass
    for value in candidates:
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
    return "en"


def _plural_function(expression: str):
    """The plural rule of a catalog (``n > 1`` in French, ``n != 1`` in Dutch) as a function."""
    try:
        return gettext.c2py(expression)
    except ValueError:
        return lambda n: 0 if n == 1 else 1


class _PoTranslations(gettext.NullTranslations):
    """Translations read from a .po file with Babel, for checkouts not yet compiled."""

    def __init__(self, po_path: Path) -> None:
        super().__init__()
        from babel.messages.pofile import read_po

        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        self._messages: dict[str, str] = {}
        self._plurals: dict[tuple[str, int], str] = {}
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            if isinstance(message.id, tuple):
                for index, text in enumerate(message.string):
                    if text:
                        self._plurals[(message.id[0], index)] = text
            elif message.string:
                self._messages[message.id] = message.string
        self._plural = _plural_function(catalog.plural_expr)

    def gettext(self, message: str) -> str:
        return self._messages.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        index = int(self._plural(n))
        default = msgid1 if n == 1 else msgid2
        return self._plurals.get((msgid1, index), default)


def load(code: str) -> gettext.NullTranslations:
    """The translations for interface language ``code`` (identity for English)."""
    if code == "en" or code not in LANGUAGES:
        return gettext.NullTranslations()
    mo = locale_dir() / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    po = mo.with_suffix(".po")
    try:
        mo_time = mo.stat().st_mtime
    except OSError:
        mo_time = None
    try:
        po_time = po.stat().st_mtime
    except OSError:
        po_time = None
    # A compiled catalog older than its source is stale (a checkout not rebuilt yet).
    if mo_time is not None and (po_time is None or mo_time >= po_time):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po_time is not None:
        return _PoTranslations(po)
    return gettext.NullTranslations()


def set_language(code: str | None) -> str:
    """Switch the core's strings to ``code`` (None: the system's); returns the code used."""
    global _current, _current_code
    chosen = code if code in LANGUAGES else system_language()
    _current = load(chosen)
    _current_code = chosen
    return chosen


def current_language() -> str:
    """The interface language now in force."""
    return _current_code


def _(message: str) -> str:
    """Translate ``message`` into the current interface language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count into the current interface language."""
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message
