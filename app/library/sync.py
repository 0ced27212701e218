"""FR↔NL sync: whether each language version of a clause is in step with the other.

Each language version records (:class:`app.library.clauses.LanguageVersion`) the
revision at which its text last changed and the revision of the other
language's text it was translated from. Editing the French marks the Dutch out
of date (and the other way round) until a translator updates it
(:func:`next_versions` with ``translated``) or confirms it still holds
(``confirmed``); the translator sees the source language's diff since the last
translation (:func:`source_diff`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from app.language.codes import LANGS, Localized
from app.language.i18n import _
from app.library.clauses import Clause, LanguageVersion, Library

if TYPE_CHECKING:
    from app.library.worddiff import LanguageDiff


class SyncState(StrEnum):
    """Where one language version of a clause stands against the other."""

    IN_STEP = "in_step"  # matches the other language's current text
    OUT_OF_DATE = "out_of_date"  # the other language changed since it was translated
    MISSING = "missing"  # no text in this language
    ONLY = "only"  # the only language written: nothing to keep in step with

    @property
    def label(self) -> str:
        """The state in the interface language."""
        return {
            SyncState.IN_STEP: _("up to date"),
            SyncState.OUT_OF_DATE: _("out of date"),
            SyncState.MISSING: _("missing"),
            SyncState.ONLY: _("only language"),
        }[self]


def other(lang: str) -> str:
    """The other language of the pair (fr ↔ nl)."""
    return "nl" if lang == "fr" else "fr"


def state(clause: Clause, lang: str) -> SyncState:
    """The sync state of ``lang`` in ``clause``."""
    if not clause.has_text(lang):  # answered without reading a stored text
        return SyncState.MISSING
    source = other(lang)
    if not clause.has_text(source):
        return SyncState.ONLY
    if clause.version(source).changed > clause.version(lang).translated_from:
        return SyncState.OUT_OF_DATE
    return SyncState.IN_STEP


def states(clause: Clause) -> dict[str, SyncState]:
    """The sync state of every language of ``clause``."""
    return {lang: state(clause, lang) for lang in LANGS}


def out_of_date(library: Library) -> list[tuple[Clause, str]]:
    """Every (clause, language) whose translation is out of date, in library order."""
    return [
        (clause, lang)
        for clause in library.clauses.values()
        for lang in LANGS
        if state(clause, lang) is SyncState.OUT_OF_DATE
    ]


def source_diff(library: Library, clause: Clause, lang: str) -> LanguageDiff | None:
    """How the other language changed since ``lang`` was last translated from it.

    None when the revision it was translated from is no longer known.
    """
    from app.library.worddiff import LanguageDiff, diff_words

    source = other(lang)
    basis = library.at(clause.id, clause.version(lang).translated_from)
    if basis is None:
        return None
    return LanguageDiff(
        source,
        diff_words(basis.title.get(source, ""), clause.title.get(source, "")),
        diff_words(basis.text_in(source), clause.text_in(source)),
    )


def next_versions(
    old: Clause | None,
    text: Localized,
    revision: int,
    *,
    translated: str | None = None,
    confirmed: str | None = None,
) -> tuple[LanguageVersion, ...]:
    """The language versions of a new revision ``revision`` whose texts are ``text``.

    An author's edit of one language leaves the other out of date; editing both
    at once, or adding a language that was missing, keeps them in step;
    ``translated`` names a language updated as a translation of the other, and
    ``confirmed`` a language a translator confirmed without changing it.
    """
    if old is None:
        return tuple(LanguageVersion(lang, revision, revision) for lang in LANGS)
    before = {lang: old.version(lang) for lang in LANGS}
    edited = {lang for lang in LANGS if (old.text.get(lang) or "") != (text.get(lang) or "")}
    changed = {lang: revision if lang in edited else before[lang].changed for lang in LANGS}
    source = {lang: before[lang].translated_from for lang in LANGS}
    if translated is None and len(edited) == 1:
        (lang,) = edited
        if not old.text_in(lang).strip():
            translated = lang  # a language added to a clause is a translation of the other
    if translated is not None:
        source[translated] = changed[other(translated)]
        source[other(translated)] = revision
    elif confirmed is not None:
        source[confirmed] = changed[other(confirmed)]
    elif len(edited) == 2:
        source = {lang: revision for lang in LANGS}
    elif len(edited) == 1:
        (lang,) = edited
        source[lang] = changed[other(lang)]
    return tuple(LanguageVersion(lang, changed[lang], source[lang]) for lang in LANGS)
