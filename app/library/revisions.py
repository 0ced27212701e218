"""Revisions of a clause: what changed from one to the next, said in words a user reads.

Every change to a personal clause makes a new revision (a :class:`app.library.clauses.Clause`
with its number, author, time and ``changes``). A change is a short code:
``created``, ``kind``, ``tags``, ``remark``, ``title.fr``, ``text.nl``,
``status.fr``, ``translated.nl`` (the Dutch was updated as a translation),
``confirmed.nl`` (a translator confirmed the Dutch still matches) or
``restored.3`` (the content of revision 3 was restored).
"""

from __future__ import annotations

from datetime import datetime

from app.language.codes import LANGS
from app.language.i18n import _
from app.library.clauses import Clause

CREATED = "created"


def changes_between(old: Clause | None, new: Clause) -> tuple[str, ...]:
    """The change codes that turn ``old`` into ``new`` (``created`` when there is no old)."""
    if old is None:
        return (CREATED,)
    found: list[str] = []
    if old.kind != new.kind:
        found.append("kind")
    for lang in LANGS:
        if (old.title.get(lang) or "") != (new.title.get(lang) or ""):
            found.append(f"title.{lang}")
    for lang in LANGS:
        if (old.text.get(lang) or "") != (new.text.get(lang) or ""):
            found.append(f"text.{lang}")
    for lang in LANGS:
        if old.status_in(lang) != new.status_in(lang) and new.text_in(lang).strip():
            found.append(f"status.{lang}")
    if old.tags != new.tags:
        found.append("tags")
    if old.remark != new.remark:
        found.append("remark")
    return tuple(found)


def wording_changed(old: Clause, new: Clause, languages: tuple[str, ...] = LANGS) -> bool:
    """Whether the title or text differ in any of ``languages``."""
    return any(
        (old.title.get(lang) or "") != (new.title.get(lang) or "")
        or (old.text.get(lang) or "") != (new.text.get(lang) or "")
        for lang in languages
    )


def _language_name(lang: str) -> str:
    return {"fr": _("French"), "nl": _("Dutch")}.get(lang, lang)


def describe_change(code: str) -> str:
    """One change code as words ("Dutch text", "restored revision 3")."""
    name, _sep, arg = code.partition(".")
    if name == CREATED:
        return _("created")
    if name == "kind":
        return _("kind")
    if name == "tags":
        return _("tags")
    if name == "remark":
        return _("remark")
    if name == "restored":
        return _("restored revision {n}").format(n=arg)
    language = _language_name(arg)
    if name == "title":
        return _("{language} title").format(language=language)
    if name == "text":
        return _("{language} text").format(language=language)
    if name == "status":
        return _("{language} status").format(language=language)
    if name == "translated":
        return _("{language} translation updated").format(language=language)
    if name == "confirmed":
        return _("{language} translation confirmed").format(language=language)
    return code


def describe(changes: tuple[str, ...]) -> str:
    """What a revision changed, as one line ("French text, tags")."""
    if not changes:
        return _("no change")
    return ", ".join(describe_change(code) for code in changes)


def now() -> str:
    """The current local time as ISO 8601, to the second, with its offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")
