"""The argument parser of ``clausier``: its options and every command group's subcommands."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import _classification, _date, _language, _Parser, _period, _variable
from app.language.i18n import _

#: The subcommands each part of the parser adds (see :func:`build_parser`).
_GROUPS = {
    "note": ("note",),
    "export": ("export",),
    "library": ("library",),
    "quotes": ("check", "coverage"),
    "reconcile": ("reconcile",),
    "spelling": ("check-spelling",),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser for every subcommand, or only for ``command`` when it names one.

    A command line that names its subcommand first is parsed by a parser holding that
    one alone: the others' options are never built, nor the modules their help texts
    need imported. Anything else (no subcommand, an unknown one, an option first) gets
    the whole parser, whose usage and errors list every subcommand.
    """
    from app.cli import parserwords

    parserwords.install()
    wanted = {group for group, names in _GROUPS.items() if command in names} or set(_GROUPS)
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
    if "note" in wanted:
        _add_note(commands)
    if "export" in wanted:
        _add_export(commands)
    if "library" in wanted:
        from app.cli import library as librarycli

        librarycli.add_parser(commands, _Parser)
    if "quotes" in wanted:
        from app.cli import quotes as quotecli

        quotecli.add_parsers(commands, _Parser)
    if "reconcile" in wanted:
        from app.cli import reconcile as reconcilecli

        reconcilecli.add_parser(commands, _Parser)
    if "spelling" in wanted:
        from app.cli import spelling as spellcli

        spellcli.add_parser(commands, _Parser)
    return parser


def _add_note(commands: argparse._SubParsersAction) -> None:
    """``clausier note new``."""
    from app.language.classification import Classification
    from app.language.codes import NoteLanguage
    from app.notes import skeletons

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


def _add_export(commands: argparse._SubParsersAction) -> None:
    """``clausier export``."""
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


def _version() -> str:
    from app import __version__

    return __version__
