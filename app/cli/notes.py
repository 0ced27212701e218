"""``clausier note new …``: a note file written from the command line's options."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from app.cli.common import _warn
from app.language.i18n import _
from app.system.errors import ClausierError

if TYPE_CHECKING:
    from app.library.clauses import Library
    from app.notes.note import Note


def _per_language(
    given: str | None,
    dutch: str | None,
    default: dict[str, str],
    langs: tuple[str, ...],
    option: str,
) -> dict[str, str]:
    """A per-language value from an option, its Dutch twin (``option``) and the default.

    The option is French, or Dutch in a note in Dutch only; an empty one removes
    that language's value. A language given nothing keeps the default (the
    skeleton's, the settings'), or stays missing so the export marks it, never a
    copy of the other language.
    """
    values = {lang: text for lang, text in default.items() if text}
    if given is not None:  # an empty value says "none in this language"
        values["nl" if langs == ("nl",) and dutch is None else "fr"] = given.strip()
    if dutch is not None:
        values["nl"] = dutch.strip()
    values = {lang: text for lang, text in values.items() if text}
    if given and dutch is None and langs == ("fr", "nl"):
        kept = default.get("nl", "")
        if kept:
            _warn(
                _("{option} not given: the Dutch side stays “{value}”.").format(
                    option=option, value=kept
                )
            )
        else:
            _warn(
                _("{option} not given: the Dutch side is missing and marked so in Word.").format(
                    option=option
                )
            )
    return values


def _settings_place() -> dict[str, str]:
    """Where new notes are written, per language, from the settings (Bruxelles / Brussel)."""
    from app.system.settings import Settings

    settings = Settings.load()
    return {
        lang: str(settings.get(f"place_{lang}") or "").strip()
        for lang in ("fr", "nl")
        if str(settings.get(f"place_{lang}") or "").strip()
    }


def _warn_unused_variables(note: Note, library: Library, given: list[str]) -> None:
    """One warning per ``--var`` that no text of the note uses, naming those it does use."""
    from app.notes.editing import NoteSession

    used = NoteSession(note).variable_names(library)
    listed = ", ".join("{" + name + "}" for name in used)
    for name in dict.fromkeys(given):
        if name in used:
            continue
        variable = "{" + name + "}"
        if used:
            message = _(
                "--var {name}: no text of the note uses {variable} (it uses {used}); "
                "the value is kept in the note."
            ).format(name=name, variable=variable, used=listed)
        else:
            message = _(
                "--var {name}: no text of the note uses {variable}, nor any other variable; "
                "the value is kept in the note."
            ).format(name=name, variable=variable)
        _warn(message)


def cmd_note_new(args: argparse.Namespace) -> int:
    """Create a note file from the command line's options."""
    from app.collection import actions
    from app.notes import file as notefile
    from app.notes import skeletons
    from app.notes.note import FollowUpRow, FollowUpTable, LinkedClause, Note, Section

    loaded = actions.load_all()
    for clause_id in args.clause:
        loaded.library.get(clause_id)  # unknown ids fail before anything is written
    if not args.output.suffix:
        args.output = args.output.with_name(args.output.name + notefile.SUFFIX)
    elif args.output.suffix.lower() != notefile.SUFFIX:
        raise ClausierError(
            _("A note file name must end in {suffix}: {path}").format(
                suffix=notefile.SUFFIX, path=args.output
            )
        )
    for clause_id in dict.fromkeys(c for c in args.clause if args.clause.count(c) > 1):
        _warn(_("{id} was given more than once; it is inserted once.").format(id=clause_id))
    args.clause = list(dict.fromkeys(args.clause))
    if args.output.exists() and not args.force:
        raise ClausierError(
            _("{path} already exists; use --force to replace it.").format(path=args.output)
        )
    langs = args.lang.languages
    clauses_section = 0
    if args.skeleton:
        note = skeletons.new_note(args.skeleton)
        clauses_section = skeletons.clauses_section(args.skeleton)
    else:
        note = Note(
            sections=[
                Section(title={"fr": "Engagements concernés", "nl": "Betrokken verbintenissen"})
            ]
        )
    note.language = args.lang
    if not any(note.place.values()):
        note.place = _settings_place()
    note.subject = _per_language(args.subject, args.subject_nl, note.subject, langs, "--subject-nl")
    note.addressee = _per_language(args.to, args.to_nl, note.addressee, langs, "--to-nl")
    note.cabinet = _per_language(args.cabinet, args.cabinet_nl, note.cabinet, langs, "--cabinet-nl")
    note.place = _per_language(args.place, args.place_nl, note.place, langs, "--place-nl")
    if args.author:
        note.author = args.author
    note.date = args.date or date.today()
    note.meeting_date = args.meeting_date
    note.reference = args.reference or ""
    note.classification = args.classification
    for name, value in args.var:
        note.variables[name] = value
    section = note.sections[clauses_section]
    table = next((b for b in section.blocks if isinstance(b, FollowUpTable)), None)
    for clause_id in args.clause:
        clause = loaded.library.get(clause_id)
        if table is not None:
            table.rows.append(FollowUpRow(clause_id=clause.id))
        else:
            section.blocks.append(LinkedClause(clause.id, clause.revision))
    for warning in notefile.write(note, args.output):
        _warn(warning)
    _warn_unused_variables(note, loaded.library, [name for name, _value in args.var])
    print(args.output)
    return 0
