"""The libraries a user works with: built-in, imported declarations, team and personal.

Imported declarations are library files in the user data folder
(``libraries/*.json``); the built-in library is never changed by an import.
The team and personal libraries, and the actions on them, are in
:mod:`app.collection.actions`; :func:`load_all` gives their merged clauses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.language.i18n import _
from app.library import clauses as library_mod
from app.library.clauses import Library
from app.library.search import LibraryIndex
from app.system import paths
from app.system.atomic import write_atomic
from app.system.errors import LibraryError


@dataclass
class LoadedLibraries:
    """Every clause available, plus the problems met while loading user files."""

    library: Library
    problems: list[str] = field(default_factory=list)


def user_library_dir() -> Path:
    """The folder of library files the user imported."""
    return paths.data_dir() / "libraries"


def load_all(*, full_check: bool = False) -> LoadedLibraries:
    """Every clause: built-in, imported, team and personal; an unreadable file is reported.

    The personal library comes from the database (its tables checked at open; a
    damaged one is set aside and its recovery reported in ``problems``). The
    clauses of a library read from the index are read when asked for, so this
    costs what the caller reads; the search index is checked with the rest only
    with ``full_check`` (a command that met damage while reading asks again so).
    """
    from app.collection.actions import Collection

    collection = Collection.open(sync_index=False, full_check=full_check)
    # The database stays open as long as the library: large libraries read their
    # texts from the index when asked (app.library.indexstore).
    return LoadedLibraries(collection.library, list(collection.problems))


def open_index(library: Library) -> LibraryIndex:
    """The search index, brought up to date with ``library`` if its content changed.

    A library from :func:`load_all` is indexed part by part (built-in, imported,
    team, personal), so a change in one re-indexes only that one.
    """
    index = LibraryIndex()
    if library.parts:
        index.sync_parts(library)
    else:
        index.sync(library, origin="all")
    return index


def imported_path(name: str) -> Path:
    """The file an import named ``name`` is stored in."""
    return user_library_dir() / f"{name}.json"


def check_imported(imported: Library) -> None:
    """Refuse an import whose clause ids would replace built-in clauses."""
    builtin_ids = set(library_mod.builtin().clauses)
    clash = sorted(builtin_ids & set(imported.clauses))
    if clash:
        raise LibraryError(
            _("The import would replace built-in clauses ({ids}); choose another prefix.").format(
                ids=", ".join(clash[:5])
            )
        )


def save_imported(imported: Library, name: str) -> Path:
    """Store an imported library as ``name``.json in the user's library folder."""
    check_imported(imported)
    paths.ensure(user_library_dir())
    target = imported_path(name)
    write_atomic(target, lambda stream: stream.write(library_mod.dumps(imported).encode("utf-8")))
    return target
