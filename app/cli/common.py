"""What every command of the command line shares: exit statuses, the one-line errors, the parser
class, option types, warnings and the internal-error log.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app.language.i18n import _
from app.system.errors import ClausierError, continuation

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


def _warn(message: str) -> None:
    print(_("clausier: warning: {message}").format(message=continuation(message)), file=sys.stderr)


def _database_error() -> type[Exception]:
    """SQLite's error for a damaged database (sqlite3 is imported only by commands that read it)."""
    import sqlite3

    return sqlite3.DatabaseError


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
