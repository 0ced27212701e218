"""``clausier export NOTE -o OUT.docx``, and ``clausier export A B C … -o FOLDER/``: many notes in one process.

The libraries are opened once and the notes exported one after the other into
the folder, each under its conventional name, with one progress line per note
on stderr ("[3/100] note.clausier → FOLDER/2018-06-11_…_FR.docx") and the path
of each file written on stdout. A note that cannot be exported is one line, and
the others go on; the exit status is 1 when any failed. An existing Word file
is kept unless ``--force`` is given, as for one note.

Two notes of one run that would get the same name (same subject, date and language)
never replace each other's: the second is written as ``…_Subject-2_FR.docx`` (the third
``-3``…) and a warning says so. The numbers follow the order of the notes, so the
same run writes the same names again; ``--force`` replaces those files as it does any
file that was there before the run, never one the run itself wrote.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import _database_error, _warn
from app.language.i18n import _
from app.system.errors import ClausierError, continuation

if TYPE_CHECKING:
    from app.docx.plan import PlanWarning

NOTE_SUFFIX = ".clausier"


def notes_to_export(arguments: list[Path]) -> tuple[list[Path], bool]:
    """The note files named (a folder stands for the notes in it, by name), and whether it is a batch.

    One argument that is not a folder is one note exported as before; anything
    else is a batch. Each note is listed once.
    """
    if len(arguments) == 1 and not arguments[0].is_dir():
        return arguments, False
    notes: list[Path] = []
    seen: set[Path] = set()
    for argument in arguments:
        found = (
            sorted(p for p in argument.iterdir() if p.suffix.lower() == NOTE_SUFFIX and p.is_file())
            if argument.is_dir()
            else [argument]
        )
        for note in found:
            key = note.resolve()
            if key not in seen:
                seen.add(key)
                notes.append(note)
    return notes, True


def _is_folder(output: str) -> bool:
    import os

    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def _warn_about(note: Path, message: str) -> None:
    print(
        _("clausier: warning: {note}: {message}").format(
            note=note.name, message=continuation(message)
        ),
        file=sys.stderr,
    )


def export_many(args: argparse.Namespace, notes: list[Path]) -> int:
    """Export ``notes`` into the folder ``args.output``; 0 when every one was written.

    The garbage collector, which waited through the start (``ui.launch.run``), runs between
    the notes: each note's export still holds it off until its file is written.
    """
    import gc

    from app.collection import actions

    gc.enable()

    if not _is_folder(args.output):
        raise ClausierError(
            _(
                "-o must name a folder when several notes are exported (end it with /): {path}"
            ).format(path=args.output)
        )
    if not notes:
        raise ClausierError(_("No note to export (.clausier files) was found."))
    loaded = actions.load_all()
    for problem in loaded.problems:
        print(
            _("clausier: warning: {message}").format(message=continuation(problem)),
            file=sys.stderr,
        )
    written: dict[Path, Path] = {}  # target → the note whose name it is in this run
    failed = 0
    total = len(notes)
    for number, note_path in enumerate(notes, 1):
        progress = f"[{number}/{total}]"
        try:
            path, warnings = _export_one(args, note_path, loaded, written)
        except ClausierError as error:
            failed += 1
            print(
                _("{progress} {note}: error: {message}").format(
                    progress=progress, note=note_path.name, message=continuation(str(error))
                ),
                file=sys.stderr,
            )
            continue
        except Exception as error:  # one note's bug never stops the others
            from app.cli.common import _log_internal_error

            failed += 1
            log = _log_internal_error(error)
            where = _(" (details in {path})").format(path=log) if log else ""
            print(
                _("{progress} {note}: internal error: {message}{where}").format(
                    progress=progress, note=note_path.name, message=error, where=where
                ),
                file=sys.stderr,
            )
            continue
        written[path.resolve()] = note_path
        print(
            _("{progress} {note} → {path}").format(
                progress=progress, note=note_path.name, path=path
            ),
            file=sys.stderr,
        )
        for warning in warnings:
            _warn_about(note_path, warning)
        print(path)
    if failed:
        print(
            _("{failed} of {total} notes were not exported.").format(failed=failed, total=total),
            file=sys.stderr,
        )
        return 1
    return 0


def _export_one(args, note_path: Path, loaded, written: dict[Path, Path]):
    """Export one note of the batch; (the file written, its warnings)."""
    import sqlite3

    from app.export import naming
    from app.export import word as export
    from app.notes import file as notefile

    note = notefile.read(note_path)
    language = args.lang or note.language
    target = export.target_path(note, args.output, language)
    notices: list[str] = []
    earlier = written.get(target.resolve())
    if earlier is not None:  # a name this run gave already: the next number free in it
        first, number = target, 2
        while True:
            name = naming.export_name(note.subject, note.date, language, number=number)
            target = first.with_name(name)
            if target.resolve() not in written:
                break
            number += 1
        notices.append(
            _(
                "{note} takes the name {name} (same subject and date); "
                "this note is written as {other}."
            ).format(name=first.name, note=earlier.name, other=target.name)
        )
    # The name is this note's in the run even if it fails below: the next note with the
    # same subject and date is numbered as it would be when this one succeeds.
    written[target.resolve()] = note_path
    if not args.force and export.replaces(target):
        raise ClausierError(
            _("{path} already exists; use --force to replace it.").format(path=target)
        )
    try:
        result = export_with(args, note, loaded, target)
    except sqlite3.DatabaseError:  # damage the quick check of the user's tables did not cover
        loaded.library = reopen_checked(loaded)
        result = export_with(args, note, loaded, target)
    return result.path, notices + [warning_line(w, note_path) for w in result.warnings]


def export_with(args: argparse.Namespace, note, loaded, output: Path | None = None):
    """Export ``note`` with the command line's options and the libraries ``loaded``
    (into ``output`` when given, else where ``-o`` says).

    The cyclic garbage collector waits until the file is written: an export makes
    some hundred thousand objects that live until its end, which it would scan
    about a hundred times (5 % of a big note's export); what they leave is
    collected once, when the collector runs again.
    """
    import gc

    from app.export import word as export

    collecting = gc.isenabled()
    gc.disable()
    try:
        return export.export_note(
            note,
            loaded.library,
            output or args.output,
            language=args.lang,
            template=args.template,
            replace=args.force,
        )
    finally:
        if collecting:
            gc.enable()


def reopen_checked(loaded):
    """The libraries opened again with the whole database checked (a damaged index is rebuilt)."""
    from app.collection import actions

    again = actions.load_all(full_check=True)
    for problem in again.problems:
        if problem not in loaded.problems:
            print(
                _("clausier: warning: {message}").format(message=continuation(problem)),
                file=sys.stderr,
            )
    loaded.problems = again.problems
    return again.library


def cmd_export(args: argparse.Namespace) -> int:
    """Export a note file as a Word document, or many notes into a folder."""
    notes, batch = notes_to_export(args.note)
    if batch:
        return export_many(args, notes)
    args.note = notes[0]
    from app.collection import actions
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
    loaded = actions.load_all()
    for problem in loaded.problems:
        _warn(problem)
    try:
        result = export_with(args, note, loaded)
    except _database_error():  # damage the check of the user's own tables did not cover
        loaded.library = reopen_checked(loaded)
        result = export_with(args, note, loaded)
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
