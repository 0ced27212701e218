"""The command line's dispatch: each subcommand to its group's module, every error one line.

Every error is one line on stderr and a non-zero exit status; unexpected
failures are logged with their traceback in the log folder, never shown raw.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

# Only what opening the window needs is imported here: the window starts
# faster, and the headless commands import the rest when they run.
from app.cli.common import EXIT_ERROR, EXIT_INTERNAL, EXIT_USAGE, UsageError, _log_internal_error
from app.language import i18n
from app.language.i18n import _
from app.system.errors import ClausierError, continuation

if TYPE_CHECKING:
    from collections.abc import Callable


def cmd_library(args: argparse.Namespace) -> int:
    """Run a ``clausier library`` subcommand (list, search, show, import, add, edit...)."""
    from app.cli import library as librarycli

    return librarycli.run(args)


# --- entry point ---------------------------------------------------------------


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


def run(argv: list[str], window: Callable[[list[str]], int] | None = None) -> int:
    """Run the command line with ``argv``, or ``window`` when given; returns the exit status.

    The core never opens the window itself: :mod:`ui.launch`, above both, hands it in
    when ``argv`` asks for it.
    """
    if window is not None:
        return window(argv)
    from app.cli.parser import build_parser

    parser = build_parser(argv[0] if argv and not argv[0].startswith("-") else None)
    _refuse_undecodable(argv, parser)
    args = parser.parse_args(argv)
    if args.command != "export":  # an export collects once its file is written (app.cli.export)
        import gc

        gc.enable()
    if args.command == "note" and args.note_command == "new":
        from app.cli.notes import cmd_note_new

        return cmd_note_new(args)
    if args.command == "export":
        from app.cli.export import cmd_export

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


def main(argv: list[str] | None = None, window: Callable[[list[str]], int] | None = None) -> int:
    """The ``clausier`` command line (``window``: what to run instead, errors handled alike)."""
    argv = sys.argv[1:] if argv is None else argv
    i18n.set_language(None)
    try:
        return run(argv, window)
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
