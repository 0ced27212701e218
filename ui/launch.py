"""The ``clausier`` command: the window or the command line, chosen above both.

``clausier`` alone, or with one ``.clausier`` file, opens the window (:mod:`ui.main`);
anything else is the command line (:mod:`app.cli.command`), which never imports ui/.
``--help`` and ``--version`` are answered at once.

Python itself starts in about 15 ms on a slow machine; importing argparse (with
re, enum and gettext) costs as much again, and building Clausier's parser more.
The top-level help stays the same until the program, its catalogs, the
language or the terminal's width change, so the first ``clausier --help`` keeps
the text argparse made in the user's cache folder (``CLAUSIER_CACHE_DIR``, else
the platform's, as platformdirs names it) and the next ones print it from
there, importing nothing but :mod:`os`, :mod:`sys`, :mod:`zlib` and
:mod:`app.system.cachedir`. Every other
command goes to :func:`app.cli.command.main` (with the window to open when it is
asked for). Nothing else may be imported at the top of this module.
"""

import os
import sys

from app.system.cachedir import cache_folder, keep

_HERE = os.path.dirname(os.path.abspath(__file__))
_ROOT = os.path.dirname(_HERE)
_CORE = os.path.join(_ROOT, "app")  # the help is made by the core's command line
#: The environment that decides the interface language (see app.language.i18n.system_language).
_LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _columns() -> int:
    """The terminal's width as argparse reads it (COLUMNS, else the terminal, else 80)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def _program() -> str:
    """What the help was made from: the program's files and catalogs, by time and size."""
    if getattr(sys, "frozen", False):  # a bundle: its executable stands for the whole
        found = [sys.executable]
    else:
        found = _sources(_CORE)
    locale = os.path.join(_ROOT, "resources", "locale")
    try:
        for language in os.scandir(locale):
            folder = os.path.join(language.path, "LC_MESSAGES")
            found += [os.path.join(folder, name) for name in ("clausier.mo", "clausier.po")]
    except OSError:
        pass
    newest = total = count = 0
    for path in found:
        try:
            stat = os.stat(path)
        except OSError:
            continue
        newest, total, count = max(newest, stat.st_mtime_ns), total + stat.st_size, count + 1
    return f"{newest}:{total}:{count}"


def _sources(folder: str) -> list[str]:
    """The .py files of ``folder`` and of its packages."""
    found = []
    for entry in os.scandir(folder):
        if entry.name.endswith(".py"):
            found.append(entry.path)
        elif entry.is_dir() and entry.name != "__pycache__":
            found += _sources(entry.path)
    return found


def help_key() -> str:
    """Everything the top-level help text depends on, in one line."""
    try:
        import _locale

        ctype = _locale.setlocale(_locale.LC_CTYPE)
    except Exception:  # noqa: BLE001 - no locale support: the environment decides alone
        ctype = ""
    language = "|".join(os.environ.get(name, "") for name in _LANGUAGE_VARIABLES)
    return f"help 1|{sys.version}|{_program()}|{language}|{ctype}|{_columns()}"


def _cache_file(key: str) -> str | None:
    import zlib

    folder = cache_folder()
    if folder is None:
        return None
    return os.path.join(folder, f"help-{zlib.crc32(key.encode('utf-8', 'replace')):08x}.txt")


def cached_help(key: str) -> str | None:
    """The help text kept for ``key``, if any."""
    path = _cache_file(key)
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            first, _newline, text = handle.read().partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return text if first == key else None


def keep_help(key: str, text: str) -> None:
    """Keep ``text`` for ``key`` (quietly nothing when the cache folder cannot be written)."""
    path = _cache_file(key)
    if path is not None:
        keep(path, f"{key}\n{text}")


def _help() -> int:
    """Print the top-level help: kept, else made by argparse (and kept)."""
    key = help_key()
    text = cached_help(key)
    if text is None:
        from app.cli.parser import build_parser
        from app.language import i18n

        i18n.set_language(None)
        text = build_parser().format_help()
        keep_help(key, text)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        return 1
    return 0


def opens_window(argv: list[str]) -> bool:
    """Whether ``argv`` asks for the window: nothing, or one note file."""
    return not argv or (len(argv) == 1 and argv[0].endswith(".clausier"))


def main() -> int:
    """The ``clausier`` console command."""
    argv = sys.argv[1:]
    if argv in (["--help"], ["-h"]):
        return _help()
    if argv == ["--version"]:
        from app import __version__

        print(f"clausier {__version__}")
        return 0
    from app.cli.command import main as command_line

    if opens_window(argv):
        return command_line(argv, window=_window)
    return command_line(argv)


def run() -> None:
    """The console script and the bundle's entry point: :func:`main`, then the process ends.

    A command that ran headless leaves at once when its output is flushed, without
    Python freeing its objects one by one first (an export of the big note makes some
    hundred thousand, and freeing them cost about 25 ms, a tenth of the export): its
    files are written and closed by then; the databases are closed here (SQLite folds
    its write-ahead log back into the file) and the logs flushed. The window ends as
    Python and Qt end it.
    """
    if opens_window(sys.argv[1:]):
        sys.exit(main())
    # The modules a command imports make tens of thousands of objects that live to its end,
    # which the garbage collector scanned some forty times on the way (10 ms of an export);
    # it waits until the command is known (see app.cli.command.run).
    import gc

    gc.disable()
    status = main()
    database = sys.modules.get("app.library.database")
    if database is not None:
        database.close_all()
    try:
        sys.stdout.flush()
    except (OSError, ValueError):  # a pipe closed by the reader: what was printed is lost
        status = status or 1
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    logging = sys.modules.get("logging")
    if logging is not None:
        logging.shutdown()
    os._exit(status)


def _window(argv: list[str]) -> int:
    """Run the window (its modules, and Qt, are imported only now)."""
    from ui.main import main as window_main

    return window_main(argv)


if __name__ == "__main__":
    run()
