"""The libraries a user works with: built-in, imported declarations, team and personal.

Imported declarations are library files in the user data folder
(``libraries/*.json``); the built-in library is never changed by an import.
The team and personal libraries, and the actions on them, are in
:mod:`app.collection.actions`, whose :func:`~app.collection.actions.load_all` gives
their merged clauses.
"""

from __future__ import annotations

from pathlib import Path

from app.language.i18n import _
from app.library import clauses as library_mod
from app.library.clauses import Library
from app.library.search import LibraryIndex
from app.system import paths
from app.system.atomic import write_atomic
from app.system.errors import LibraryError


def user_library_dir() -> Path:
    """The folder of library files the user imported."""
    return paths.data_dir() / "libraries"


def open_index(library: Library) -> LibraryIndex:
    """The search index, brought up to date with ``library`` if its content changed.

    A library from :func:`app.collection.actions.load_all` is indexed part by part (built-in, imported,
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
