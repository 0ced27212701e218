"""Names of the core's values in the interface language (kinds, statuses, levels, languages)."""

from __future__ import annotations

from app.language.classification import Classification
from app.language.codes import NoteLanguage
from app.language.i18n import N_, _
from app.library.clauses import Kind, Status

_KINDS = {
    Kind.COMMITMENT: N_("Commitment"),
    Kind.CONTEXT: N_("Context"),
    Kind.STANDARD: N_("Standard paragraph"),
    Kind.TALKING_POINT: N_("Talking point"),
}

_STATUSES = {
    Status.OFFICIAL: N_("official"),
    Status.UNOFFICIAL: N_("unofficial translation"),
    Status.MISSING: N_("missing"),
}

_CLASSIFICATIONS = {
    Classification.NONE: N_("Not classified"),
    Classification.RESTRICTED: N_("Restricted"),
    Classification.CONFIDENTIAL: N_("Confidential"),
    Classification.SECRET: N_("Secret"),
    Classification.TOP_SECRET: N_("Top secret"),
}

_NOTE_LANGUAGES = {
    NoteLanguage.FR: N_("French"),
    NoteLanguage.NL: N_("Dutch"),
    NoteLanguage.BILINGUAL: N_("French and Dutch"),
}


def kind_name(kind: Kind) -> str:
    """What a clause is for, e.g. "Commitment"."""
    return _(_KINDS[kind])


def status_name(status: Status) -> str:
    """A translation status, e.g. "unofficial translation"."""
    return _(_STATUSES[status])


def classification_name(level: Classification) -> str:
    """A classification level as the interface names it."""
    return _(_CLASSIFICATIONS[level])


def note_language_name(language: NoteLanguage) -> str:
    """A note language, e.g. "French and Dutch"."""
    return _(_NOTE_LANGUAGES[language])


def language_code(lang: str) -> str:
    """The short tag of a document language shown beside fields: "FR" or "NL"."""
    return lang.upper()


def variable_type_name(kind) -> str:
    """A variable's type (an app.library.variables.VariableType) in the interface language."""
    return {"text": _("text"), "date": _("date"), "person": _("person")}.get(str(kind), str(kind))


def language_name(lang: str) -> str:
    """A document language's name in the interface language: "French" or "Dutch"."""
    return note_language_name(NoteLanguage(lang))


def status_summary(lang: str, status: Status) -> str:
    """A one-line status for accessible texts and tooltips: "NL: unofficial translation"."""
    return _("{language}: {status}").format(
        language=language_code(lang), status=status_name(status)
    )
