"""The team library: a read-only folder of library files that IT names in the settings.

The folder is a network share or a synced SharePoint/OneDrive folder; the
organisation's file service distributes it, not a server of ours. Each file is
read again only when its modification time or size changes; a copy of every
file read is kept in the user data folder, so the library works offline from
the last copy seen. A file that cannot be read is reported and its last copy
used, while the other files work. Only regular files are read, without
blocking and up to :data:`app.library.clauses.MAX_LIBRARY_BYTES` (a pipe, a link to a
device or a huge file is named and skipped). A curator publishes a set of
clauses with :func:`export_set`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.language.i18n import _
from app.library import clauses as library_mod
from app.library.clauses import MAX_LIBRARY_BYTES, TEAM, Library, LibraryFileError
from app.library.search import LibraryIndex
from app.system import oserrors, paths, safejson, saferead
from app.system.atomic import write_atomic
from app.system.errors import LibraryError

MANIFEST = "manifest.json"


def origin(name: str) -> str:
    """The search index origin of the team library file ``name``."""
    return f"{TEAM}:{name}"


def cache_dir() -> Path:
    """Where the last copies of the team library's files are kept."""
    return paths.data_dir() / "team-cache"


@dataclass(frozen=True)
class TeamFile:
    """One file of the team library as last seen."""

    name: str
    clauses: int
    seen: str  # when it was last read from the folder (ISO time)
    from_copy: bool  # True when the folder's file could not be read now
    problem: str = ""


@dataclass
class TeamRefresh:
    """What a look at the team folder found."""

    changed: bool
    files: list[TeamFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    offline: bool = False


def _now() -> str:
    from datetime import datetime

    return datetime.now().astimezone().isoformat(timespec="seconds")


class TeamLibrary:
    """The team folder's clauses, refreshed when its files change, cached for offline use."""

    def __init__(
        self,
        folder: Path | str | None,
        cache: Path | None = None,
        index: LibraryIndex | None = None,
    ) -> None:
        self.folder = Path(folder) if folder else None
        self.cache = cache or cache_dir()
        self.index = index  # with an index, unchanged files are read back from it, not parsed
        self.library = Library()
        self.libraries: dict[str, Library] = {}  # file name → its clauses
        self.files: list[TeamFile] = []
        self.problems: list[str] = []
        self.offline = False
        self._loaded: dict[str, tuple[int, int, Library]] = {}  # name → (mtime_ns, size, lib)

    # --- the cache ---------------------------------------------------------------

    def _manifest(self) -> dict[str, dict]:
        try:
            data = safejson.loads(saferead.read_regular(self.cache / MANIFEST, MAX_LIBRARY_BYTES))
        except (saferead.FileRefused, safejson.JSONRefused):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(v, dict)}

    def _save_manifest(self, manifest: dict[str, dict]) -> None:
        payload = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        paths.ensure(self.cache)
        write_atomic(self.cache / MANIFEST, lambda stream: stream.write(payload))

    def _copy_path(self, name: str) -> Path:
        return self.cache / "files" / name

    def _read_copy(self, name: str, sha256: str = "") -> Library | None:
        indexed = self._from_index(name, sha256)
        if indexed is not None:
            return indexed
        try:
            raw = library_mod.read_file(self._copy_path(name))
            library = library_mod.loads(raw, name=name, library=TEAM)
        except LibraryError:
            return None
        return self._indexed(name, library)

    def _from_index(self, name: str, sha256: str) -> Library | None:
        """The file's clauses as the index holds them, if it indexed this very content."""
        if self.index is None or not sha256 or self.index.digest(origin(name)) != sha256:
            return None
        return self.index.load(origin(name), library=TEAM)

    def _indexed(self, name: str, library: Library) -> Library:
        """Index a file just read, and keep the index's lighter copy of its clauses."""
        if self.index is None:
            return library
        self.index.sync(library, origin=origin(name))
        return self.index.load(origin(name), library=TEAM) or library

    # --- refreshing ----------------------------------------------------------

    def _listing(self) -> dict[str, os.stat_result | None] | None:
        """The folder's library files and what each is (None: it cannot even be looked at).

        None for the whole listing when the folder cannot be reached. Entries that
        are not regular files are listed too, so that they are named, not read.
        """
        if self.folder is None:
            return {}
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return None
        found: dict[str, os.stat_result | None] = {}
        for entry in entries:
            if entry.name.lower().endswith(".json") and not entry.name.startswith("."):
                try:
                    found[entry.name] = entry.stat()  # the link's target: what a read would get
                except OSError:
                    found[entry.name] = None  # a link that leads nowhere
        return found

    def refresh(self) -> TeamRefresh:
        """Look at the folder again; re-read only the files whose time or size changed."""
        manifest = self._manifest()
        before = json.dumps(manifest, sort_keys=True)
        listing = self._listing()
        problems: list[str] = []
        libraries: dict[str, Library] = {}
        files: list[TeamFile] = []
        self.offline = listing is None
        if listing is None:
            problems.append(
                _(
                    "The team library folder {folder} cannot be reached; the copies last seen "
                    "are used."
                ).format(folder=self.folder)
            )
            for name in sorted(manifest):
                copy = self._read_copy(name, manifest[name].get("sha256", ""))
                if copy is not None:
                    libraries[name] = copy
                    files.append(TeamFile(name, len(copy), manifest[name].get("seen", ""), True))
        else:
            for name in sorted(listing):
                stat = listing[name]
                library, entry, problem = self._file(name, stat, manifest.get(name))
                if entry is not None:
                    manifest[name] = entry
                if library is not None:
                    libraries[name] = library
                if problem:
                    problems.append(problem)
                seen = manifest.get(name, {}).get("seen", "")
                from_copy = bool(problem) and library is not None
                count = len(library) if library is not None else 0  # an index counts once
                files.append(TeamFile(name, count, seen, from_copy, problem))
            for name in [n for n in manifest if n not in listing]:
                del manifest[name]  # withdrawn by the curator
                self._loaded.pop(name, None)
            if self.folder is not None and json.dumps(manifest, sort_keys=True) != before:
                self._save_manifest(manifest)
        combined = Library()
        owners: dict[str, str] = {}
        for name, library in libraries.items():
            # One file cannot clash with itself; its ids are listed only when others exist.
            for clause_id in library.clauses if len(libraries) > 1 else ():
                if clause_id in owners:
                    problems.append(
                        _("Clause {id} is in both {first} and {second}; {second} is used.").format(
                            id=clause_id, first=owners[clause_id], second=name
                        )
                    )
                owners[clause_id] = name
            combined.merge(library)
        changed = combined.digest != self.library.digest
        self.library, self.files, self.problems = combined, files, problems
        self.libraries = libraries
        return TeamRefresh(changed, files, problems, self.offline)

    def _file(
        self, name: str, stat: os.stat_result | None, entry: dict | None
    ) -> tuple[Library | None, dict | None, str]:
        """One file: (its library, its new manifest entry, a problem)."""
        try:
            if stat is None:
                raise saferead.FileRefused(_("it is a link that leads nowhere"))
            saferead.check_regular(stat, MAX_LIBRARY_BYTES)
        except saferead.FileRefused as refused:
            return self._unreadable(name, entry, refused.reason)
        key = (stat.st_mtime_ns, stat.st_size)
        loaded = self._loaded.get(name)
        if loaded is not None and loaded[:2] == key:
            return loaded[2], None, ""
        if entry and (entry.get("mtime_ns"), entry.get("size")) == key:
            copy = self._read_copy(name, entry.get("sha256", ""))
            if copy is not None:
                self._loaded[name] = (*key, copy)
                return copy, None, ""
        try:
            raw = library_mod.read_file(self.folder / name)  # type: ignore[operator]
            library = library_mod.loads(raw, name=name, library=TEAM)
        except LibraryError as error:
            reason = error.reason if isinstance(error, LibraryFileError) else str(error)
            return self._unreadable(name, entry, reason)
        target = self._copy_path(name)
        paths.ensure(target.parent)
        write_atomic(target, lambda stream: stream.write(raw))
        library = self._indexed(name, library)
        self._loaded[name] = (*key, library)
        new_entry = {
            "mtime_ns": stat.st_mtime_ns,
            "size": stat.st_size,
            "sha256": hashlib.sha256(raw).hexdigest(),
            "seen": _now(),
        }
        return library, new_entry, ""

    def _unreadable(
        self, name: str, entry: dict | None, reason: str
    ) -> tuple[Library | None, dict | None, str]:
        """A file that cannot be read now: its last copy if one was kept, and the one-line problem."""
        copy = self._read_copy(name, entry.get("sha256", "")) if entry else None
        if copy is not None:
            problem = _(
                "The team library file {name} cannot be read ({reason}); its copy of {seen} "
                "is used."
            ).format(name=name, reason=reason, seen=entry.get("seen", "?"))
        else:
            problem = _("The team library file {name} cannot be read: {reason}").format(
                name=name, reason=reason
            )
        return copy, None, problem


def export_set(library: Library, clause_ids: Iterable[str], path: Path) -> Path:
    """Write the clauses ``clause_ids`` (with their revisions and sources) as a library file."""
    ids = list(dict.fromkeys(clause_ids))
    if not ids:
        raise LibraryError(_("Choose at least one clause to export."))
    chosen = Library()
    for clause_id in ids:
        clause = library.get(clause_id)
        chosen.clauses[clause_id] = clause
        older = {c.revision: c for c in library.history(clause_id) if c.revision < clause.revision}
        if older:
            chosen.archive[clause_id] = older
        if clause.origin and clause.origin.source in library.sources:
            chosen.sources[clause.origin.source] = library.sources[clause.origin.source]
        for name in clause.variables:
            if name in library.variables:
                chosen.variables[name] = library.variables[name]
    text = library_mod.dumps(chosen).encode("utf-8")
    path = Path(path)
    try:
        if path.parent != Path(""):
            paths.ensure(path.parent)
        write_atomic(path, lambda stream: stream.write(text))
    except OSError as error:
        raise LibraryError(
            _("Cannot write {name}: {reason}").format(name=path.name, reason=oserrors.reason(error))
        ) from None
    return path
