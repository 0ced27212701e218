"""The command line: ``clausier`` opens the window; subcommands work headless.

Every error is one line on stderr and a non-zero exit status; unexpected
failures are logged with their traceback in the log folder, never shown raw.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

# Only what opening the window needs is imported here: the window starts
# faster, and the headless commands import the rest when they run.
from app.language import i18n
from app.language.i18n import _
from app.system.errors import ClausierError, continuation

if TYPE_CHECKING:
    from app.docx.plan import PlanWarning
    from app.library.clauses import Library
    from app.notes.note import Note

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70


class UsageError(ClausierError):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and a usage exit status."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(_("{prog}: {message}").format(prog=self.prog, message=message))

    def _check_value(self, action: argparse.Action, value: object) -> None:
        """Refuse a value that is not one of the choices, naming them in the user's words."""
        choices = action.choices
        if choices is None or value in choices:
            return
        listed = ", ".join(map(str, choices))
        if isinstance(action, argparse._SubParsersAction):  # argparse has no public name for it
            raise UsageError(
                _("{prog}: unknown command “{command}”; commands: {commands}").format(
                    prog=self.prog, command=value, commands=listed
                )
            )
        raise argparse.ArgumentError(
            action, _("“{value}” is not one of: {choices}").format(value=value, choices=listed)
        )


def _no_date() -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(_("no date given; write it as 2018-06-11 or 11/06/2018."))


def _date(text: str) -> date:
    from app.language.dates import parse_date

    if not text.strip():
        raise _no_date()
    try:
        return parse_date(text)
    except ValueError as error:  # says why, and the forms to use
        raise argparse.ArgumentTypeError(str(error)) from None


def _period(text: str):
    from app.language.dates import parse_period

    if not text.strip():
        raise _no_date()
    try:
        return parse_period(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _language(text: str):
    from app.language.codes import parse_note_language

    try:
        return parse_note_language(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a language (use fr, nl or fr+nl)").format(value=text)
        ) from None


def _classification(text: str):
    from app.language.classification import Classification, parse_classification

    try:
        return parse_classification(text)
    except ValueError:
        choices = ", ".join(c.value for c in Classification)
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a classification (use one of: {choices})").format(
                value=text, choices=choices
            )
        ) from None


def _variable(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a variable (use name=value)").format(value=text)
        )
    return name.strip(), value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    from app.cli import parserwords
    from app.language.classification import Classification
    from app.language.codes import NoteLanguage
    from app.notes import skeletons

    parserwords.install()
    parser = _Parser(
        prog="clausier",
        usage=_("%(prog)s [NOTE.clausier] | %(prog)s COMMAND …"),
        description=_(
            "Draft briefing notes from a library of commitments. With no arguments, or "
            "with a .clausier note file, clausier opens the window (with that note); "
            "the commands below work without a window."
        ),
        epilog=_("“clausier COMMAND --help” describes each command."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version="%(prog)s " + _version(),
        help=_("show the version number and exit"),
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, prog="clausier")

    note = commands.add_parser("note", help=_("create notes"))
    note_commands = note.add_subparsers(dest="note_command", parser_class=_Parser)
    new = note_commands.add_parser(
        "new",
        help=_("create a note file"),
        description=_(
            "Create a note file from the options: its subject, date and language, the "
            "details of its first page and the clauses to link. The window opens it; "
            "“clausier export” makes its Word file."
        ),
    )
    new.add_argument(
        "--subject", required=True, help=_("the subject (in Dutch for a note in Dutch only)")
    )
    new.add_argument("--subject-nl", help=_("the subject in Dutch"))
    new.add_argument(
        "--date", type=_date, help=_("the note's date: 2018-06-11, 11/06/2018 or “11 juin 2018”")
    )
    new.add_argument(
        "--meeting-date",
        type=_period,
        metavar="DATE[/DATE]",
        help=_(
            "the meeting's date, or its first and last days: 2018-04-25/2018-04-26, "
            "“25–26 avril 2018”"
        ),
    )
    new.add_argument(
        "--lang",
        type=_language,
        default=NoteLanguage.FR,
        help=_("the note’s language: fr, nl or fr+nl (default: fr)"),
    )
    new.add_argument(
        "--clause", action="append", default=[], metavar="ID", help=_("a clause to link")
    )
    new.add_argument("--to", help=_("the addressee (in Dutch for a note in Dutch only)"))
    new.add_argument("--to-nl", help=_("the addressee in Dutch"))
    new.add_argument("--from", dest="author", help=_("the author"))
    new.add_argument("--cabinet", help=_("the cabinet (in Dutch for a note in Dutch only)"))
    new.add_argument("--cabinet-nl", help=_("the cabinet in Dutch"))
    new.add_argument(
        "--place",
        help=_("where the note is written (default: the settings' place_fr, Bruxelles)"),
    )
    new.add_argument("--place-nl", help=_("where the note is written, in Dutch (default: Brussel)"))
    new.add_argument("--reference", help=_("the reference"))
    new.add_argument(
        "--classification",
        type=_classification,
        default=Classification.NONE,
        help=_("the classification: {choices} (default: none)").format(
            choices=", ".join(c.value for c in Classification)
        ),
    )
    new.add_argument(
        "--skeleton",
        help=_("start from a skeleton: {names}").format(names=", ".join(skeletons.names())),
    )
    new.add_argument(
        "--var",
        type=_variable,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=_("fill a variable"),
    )
    new.add_argument("-o", "--output", required=True, type=Path, help=_("the note file"))
    new.add_argument(
        "--force",
        action="store_true",
        help=_("replace the note file if it exists (without --force, an existing file is kept)"),
    )

    export = commands.add_parser(
        "export",
        help=_("export notes as Word files"),
        description=_(
            "Export a note as a Word file, or several notes (and the notes in a folder) into "
            "a folder in one go, each under its conventional name, with a line per note on "
            "stderr; a note that fails is named and the others go on (exit status 1)."
        ),
        epilog=_(
            "Two notes of one run that would get the same name (same subject and date) are "
            "both written: the second as …-2_FR.docx, the third as …-3_FR.docx; --force "
            "replaces files that were there before the run, never one the run wrote."
        ),
    )
    export.add_argument(
        "note", type=Path, nargs="+", help=_("the .clausier notes, or folders of notes")
    )
    export.add_argument(
        "--lang",
        type=_language,
        help=_("the language of the Word file: fr, nl or fr+nl (default: the note’s own)"),
    )
    export.add_argument("--template", type=Path, help=_("a .docx house template"))
    export.add_argument(
        "-o",
        "--output",
        required=True,
        help=_("a .docx file or a folder (ending with /); a folder for several notes"),
    )
    export.add_argument(
        "--force",
        action="store_true",
        help=_(
            "replace the Word file if it exists, in a folder too (without --force, an "
            "existing file is kept)"
        ),
    )

    from app.cli import library as librarycli

    librarycli.add_parser(commands, _Parser)
    from app.cli import quotes as quotecli

    quotecli.add_parsers(commands, _Parser)
    from app.cli import reconcile as reconcilecli

    reconcilecli.add_parser(commands, _Parser)
    from app.cli import spelling as spellcli

    spellcli.add_parser(commands, _Parser)
    return parser


def _version() -> str:
    from app import __version__

    return __version__


# --- commands ----------------------------------------------------------------


def _warn(message: str) -> None:
    print(_("clausier: warning: {message}").format(message=continuation(message)), file=sys.stderr)


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
    from app.collection import libraries
    from app.notes import file as notefile
    from app.notes import skeletons
    from app.notes.note import FollowUpRow, FollowUpTable, LinkedClause, Note, Section

    loaded = libraries.load_all()
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


def cmd_export(args: argparse.Namespace) -> int:
    """Export a note file as a Word document, or many notes into a folder (app.cli.batchexport)."""
    from app.cli import batchexport

    notes, batch = batchexport.notes_to_export(args.note)
    if batch:
        return batchexport.export_many(args, notes)
    args.note = notes[0]
    from app.collection import libraries
    from app.export import word as export
    from app.notes import file as notefile

    note = notefile.read(args.note)
    # An existing file is refused first, in one line, before the libraries are read
    # (whose problems are warnings); export_note refuses it too (see app.export.word).
    target = export.target_path(note, args.output, args.lang or note.language)
    if not args.force and export.replaces(target):
        raise ClausierError(
            _("{path} already exists; use --force to replace it.").format(path=target)
        )
    loaded = libraries.load_all()
    for problem in loaded.problems:
        _warn(problem)
    try:
        result = batchexport.export_with(args, note, loaded)
    except _database_error():  # damage the check of the user's own tables did not cover
        loaded.library = batchexport.reopen_checked(loaded)
        result = batchexport.export_with(args, note, loaded)
    for warning in result.warnings:
        _warn(warning_line(warning, args.note))
    print(result.path)
    return 0


def warning_line(warning: PlanWarning, note: Path) -> str:
    """An export's warning as the command line says it: a quotation that no longer matches
    names the command that shows its differences (the window points at its red line)."""
    from app.export.quotes import DIFFERS

    if warning.code == DIFFERS:
        return _("{message} “clausier check {note}” shows the differences.").format(
            message=warning.message, note=note
        )
    return warning.message


def _database_error() -> type[Exception]:
    """SQLite's error for a damaged database (sqlite3 is imported only by commands that read it)."""
    import sqlite3

    return sqlite3.DatabaseError


def _clause_json(clause) -> dict:
    from app.cli.library import clause_json

    return clause_json(clause)


def cmd_library(args: argparse.Namespace) -> int:
    """Run a ``clausier library`` subcommand (list, search, show, import, add, edit...)."""
    from app.cli import library as librarycli

    return librarycli.run(args)


def cmd_library_import(args: argparse.Namespace) -> int:
    """Import a declaration into the user's library (never into the built-in one)."""
    return cmd_library(args)


# --- entry point ---------------------------------------------------------------


def _log_internal_error(error: BaseException) -> Path | None:
    import traceback
    from datetime import datetime

    from app.system import paths

    try:
        folder = paths.ensure(paths.log_dir())
        path = folder / "clausier-errors.log"
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(error)))
        return path
    except OSError:
        return None


def _value_options(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string, in every subcommand, that takes a value (``--subject``, ``-o``)."""
    found: set[str] = set()
    pending = [parser]
    while pending:
        current = pending.pop()
        for action in current._actions:  # argparse keeps no public list of its actions
            if isinstance(action, argparse._SubParsersAction):
                pending.extend(action.choices.values())
            elif action.option_strings and action.nargs != 0:
                found.update(action.option_strings)
    return found


def _refuse_undecodable(argv: list[str], parser: argparse.ArgumentParser) -> None:
    """Refuse, naming it, an argument that was not UTF-8 text (Python keeps such bytes as lone surrogates)."""
    from app.language.surrogates import has_surrogates

    for index, arg in enumerate(argv):
        if not has_surrogates(arg):
            continue
        option, value = "", arg
        if arg.startswith("--") and "=" in arg:
            option, _sep, value = arg.partition("=")
        elif index > 0 and argv[index - 1] in _value_options(parser):
            option = argv[index - 1]
        try:
            shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a lone surrogate that stands for no byte (Windows)
            shown = value.encode("utf-8", "backslashreplace").decode("ascii")
        if option:
            message = _("the value of {option} is not valid text (not UTF-8): {value}").format(
                option=option, value=shown
            )
        else:
            message = _("argument {n} is not valid text (not UTF-8): {value}").format(
                n=index + 1, value=shown
            )
        raise UsageError(_("{prog}: {message}").format(prog="clausier", message=message))


def run(argv: list[str]) -> int:
    """Run the command line with ``argv``; returns the exit status."""
    if not argv or (len(argv) == 1 and argv[0].endswith(".clausier")):
        from ui.main import main as window_main

        return window_main(argv)
    parser = build_parser()
    _refuse_undecodable(argv, parser)
    args = parser.parse_args(argv)
    if args.command == "note" and args.note_command == "new":
        return cmd_note_new(args)
    if args.command == "export":
        return cmd_export(args)
    if args.command in ("check", "coverage"):
        from app.cli import quotes as quotecli

        return quotecli.run(args)
    if args.command == "reconcile":
        from app.cli import reconcile as reconcilecli

        return reconcilecli.run(args)
    if args.command == "check-spelling":
        from app.cli import spelling as spellcli

        return spellcli.run(args)
    if args.command == "library" and args.library_command:
        return cmd_library(args)
    parser.print_usage(sys.stderr)
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    """The ``clausier`` console command."""
    argv = sys.argv[1:] if argv is None else argv
    i18n.set_language(None)
    try:
        return run(argv)
    except UsageError as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    except ClausierError as error:
        message = continuation(str(error))
        print(_("clausier: error: {message}").format(message=message), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as error:  # the last line of defence: never a traceback
        log = _log_internal_error(error)
        where = _(" (details in {path})").format(path=log) if log else ""
        print(
            _("clausier: internal error: {message}{where}").format(message=error, where=where),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
