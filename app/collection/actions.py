"""Every clause a user works with, and each library action as one small named operation.

A :class:`Collection` holds the built-in library, the declarations the user
imported, the team library and the personal library, merged in that order
(later ones win on equal ids) into :attr:`Collection.library`, with the search
index and the where-used index. The window keeps one; the command line opens
one per command. Each method that changes something is one user action ("Edit
clause", "Retire clause"...) and returns a :class:`LibraryChange` saying which
clauses to refresh; the others read.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from app.collection import libraries
from app.language.codes import LANGS, Localized
from app.language.i18n import _
from app.library import clauses as library_mod
from app.library import database, personal, personalbackup, team
from app.library.clauses import (
    BUILTIN,
    IMPORT,
    PERSONAL,
    TEAM,
    Clause,
    Kind,
    Library,
    Status,
)
from app.library.personal import ClauseDraft, PersonalLibrary
from app.library.search import Hit, LibraryIndex
from app.notes.note import Block, CopiedClause, Note, TextBlock
from app.system import oserrors
from app.system.errors import LibraryError
from app.text.numbering import marked_text

if TYPE_CHECKING:  # what only some actions need is imported when they run
    from app.library.duplicates import NearDuplicate
    from app.library.importer import SourceDetails
    from app.library.sync import SyncState
    from app.library.variabledefs import ClauseVariable
    from app.library.worddiff import LanguageDiff
    from app.notes.updates import PendingUpdate
    from app.notes.whereused import NoteIndex, ScanReport, Usage


class Action(StrEnum):
    """What a library action did."""

    ADDED = "added"
    EDITED = "edited"
    TRANSLATED = "translated"
    CONFIRMED = "confirmed"
    RESTORED = "restored"
    RETIRED = "retired"
    UNRETIRED = "unretired"
    DELETED = "deleted"
    UNDELETED = "undeleted"
    VARIABLE = "variable"  # a variable definition changed
    RELOADED = "reloaded"  # a library changed outside (team folder, another process, import)


@dataclass(frozen=True)
class LibraryChange:
    """What a library action changed, so the window refreshes only that."""

    action: Action
    clause_ids: tuple[str, ...] = ()
    revision: int = 0  # the clause's new newest revision (0 when not one clause's)
    origins: tuple[str, ...] = ()  # for RELOADED: the libraries that changed


@dataclass
class ImportPreview:
    """What an import would add, shown before anything is written."""

    path: Path
    name: str
    library: Library
    notices: list[str]
    replaces: bool  # an earlier import of the same name would be replaced
    shadowed: list[str] = field(default_factory=list)  # ids a team or personal clause hides

    @property
    def clauses(self) -> list[Clause]:
        """The clauses found, in order."""
        return list(self.library.clauses.values())


def settings_author(settings) -> str:
    """The author recorded on revisions: the settings' author, else the login name."""
    try:
        return (settings.get("author") or "").strip() if settings else ""
    except KeyError:
        return ""


class Collection:
    """The user's libraries, merged, with the search and where-used indexes."""

    def __init__(
        self,
        db: sqlite3.Connection,
        *,
        team_folder: Path | str | None = None,
        author: str = "",
        recovery: database.Recovery | None = None,
        note_folders: Iterable[Path] = (),
    ) -> None:
        self.db = db
        self.index = LibraryIndex(db)
        self.personal = PersonalLibrary(db, index=self.index, author=author)
        self.team = team.TeamLibrary(team_folder, index=self.index)
        self._notes: NoteIndex | None = None
        self.note_folders = [Path(f) for f in note_folders]
        self.recovery = recovery
        #: Why nothing can be changed in this session ("" when the database is writable).
        self.read_only = ""
        self.problems: list[str] = []
        self.library = Library()
        self._generation = -1
        self._duplicates: tuple[str, list[NearDuplicate]] | None = None

    @classmethod
    def open(
        cls,
        *,
        settings=None,
        path: Path | None = None,
        author: str | None = None,
        sync_index: bool = True,
        full_check: bool = True,
    ) -> Collection:
        """Open the database (checking it), load every library and bring the index in step.

        ``settings`` (an :class:`app.system.settings.Settings`) names the team folder,
        the note folders and the author; without it they are read from disk.
        Without ``full_check`` only the user's own tables are checked, not the
        search index (a command that reads a few clauses; see app.library.database).
        """
        if settings is None:
            from app.system.settings import Settings

            settings = Settings.load()

        def made(db: sqlite3.Connection, recovery: database.Recovery | None) -> Collection:
            return cls(
                db,
                team_folder=settings.get("team_library") or None,
                author=author if author is not None else settings_author(settings),
                recovery=recovery,
                note_folders=_note_folders(settings),
            )

        try:
            tables = None if full_check else database.OWN_TABLES
            collection = made(*database.open_checked(path, tables=tables))
        except database.Unavailable as unavailable:  # read-only work stays possible
            fallback, copied = database.open_fallback(unavailable.path, copy=unavailable.copyable)
            collection = made(fallback, None)
            collection._read_only(unavailable.reason, copied=copied)
            collection._start(sync_index=sync_index)
            return collection
        try:
            collection._start(sync_index=sync_index)
        except database.Unwritable as unwritable:  # e.g. the index could not be brought in step
            collection.close()
            fallback, copied = database.open_fallback(path or database.default_path(), copy=True)
            collection = made(fallback, None)
            collection._read_only(unwritable.reason, copied=copied)
            collection._start(sync_index=sync_index)
        return collection

    def _read_only(self, reason: str, *, copied: bool) -> None:
        """Work from an in-memory database: everything reads, nothing changes.

        A full copy of the file reads exactly as the file, so only the refusal
        of a change says why; a personal library taken from its backup copy (a
        newer version's database, one that cannot be read at all) may lag
        behind, and the user is told so at once.
        """
        self.read_only = reason
        self.personal.read_only = reason
        if not copied:
            self.problems.append(
                _(
                    "The library database cannot be used: {reason}. Your personal library is "
                    "shown from its last copy and cannot be changed."
                ).format(reason=reason)
            )

    def _start(self, *, sync_index: bool) -> None:
        restored = self._restore_personal()
        if self.recovery is not None:
            self.problems.append(self.recovery.message)
        elif restored and not self.read_only:
            self.problems.append(
                _("Your personal library ({n} clauses) was restored from its copy.").format(
                    n=restored
                )
            )
        self.reload()
        if sync_index:
            self.index.sync_parts(self.library)
        if not personalbackup.backup_path().exists() and self.library.parts.get(PERSONAL):
            self._save_backup()

    def _restore_personal(self) -> int:
        empty = not self.db.execute("SELECT 1 FROM personal_clause LIMIT 1").fetchone()
        if not (empty and personalbackup.backup_path().exists()):
            return 0
        try:
            return self.personal.restore_backup()
        except LibraryError as error:
            self.problems.append(str(error))
            return 0

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    # --- loading ----------------------------------------------------------------

    def reload(self) -> None:
        """Read every library again; files unchanged since they were indexed are not parsed."""
        problems: list[str] = []
        combined = Library()
        combined.merge(library_mod.builtin(), origin=BUILTIN)
        folder = libraries.user_library_dir()
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                part = self._library_file(path, f"{IMPORT}:{path.name}", IMPORT)
            except LibraryError as error:
                problems.append(str(error))
                continue
            combined.merge(part, origin=f"{IMPORT}:{path.name}")
        refresh = self.team.refresh()
        problems.extend(refresh.problems)
        for name, part in self.team.libraries.items():
            combined.merge(part, origin=team.origin(name))
        combined.merge(self.personal.library(), origin=PERSONAL)
        self.library = combined
        self._generation = self.personal.generation
        self.problems = [p for p in self.problems if p not in problems] + problems

    def _library_file(self, path: Path, origin: str, kind: str) -> Library:
        """A library file's clauses: from the index when it holds this very content."""
        raw = library_mod.read_file(path)  # a regular file, capped; else a LibraryError
        if self.index.digest(origin) == hashlib.sha256(raw).hexdigest():
            indexed = self.index.load(origin, library=kind)
            if indexed is not None:
                return indexed
        parsed = library_mod.loads(raw, name=path.name, library=kind)
        self.index.sync(parsed, origin=origin)
        return self.index.load(origin, library=kind) or parsed

    def refresh(self) -> LibraryChange | None:
        """Look for changes made outside this window (team folder, another window or command).

        The window calls it when it gets the focus or on a timer; None when
        nothing changed.
        """
        before = {name: part.digest for name, part in self.library.parts.items()}
        team_refresh = self.team.refresh()
        if not team_refresh.changed and self.personal.generation == self._generation:
            return None
        self.reload()
        self.index.sync_parts(self.library)
        after = {name: part.digest for name, part in self.library.parts.items()}
        changed = [n for n in {**before, **after} if before.get(n) != after.get(n)]
        origins = tuple(dict.fromkeys(n.split(":")[0] for n in changed))
        return LibraryChange(Action.RELOADED, origins=origins)

    # --- reading ------------------------------------------------------------------

    def clause(self, clause_id: str) -> Clause:
        """The newest revision of a clause in the library."""
        return self.library.get(clause_id)

    def search(self, text: str, **filters) -> list[Hit]:
        """Search the library (see :meth:`app.library.search.LibraryIndex.search`)."""
        return self.index.search(text, **filters)

    def history(self, clause_id: str) -> list[Clause]:
        """Every known revision of a clause, newest first (author, time, changes on each)."""
        found = self.library.history(clause_id)
        if not found:
            raise LibraryError(_("No clause has the id “{id}”.").format(id=clause_id))
        return found

    def diff(
        self,
        clause_id: str,
        old: int,
        new: int | None = None,
        languages: tuple[str, ...] = LANGS,
    ) -> dict[str, LanguageDiff]:
        """The word-level differences per language from revision ``old`` to ``new`` (newest)."""
        from app.library.worddiff import diff_clauses

        first = self.library.at(clause_id, old)
        second = self.library.newest(clause_id) if new is None else self.library.at(clause_id, new)
        if first is None or second is None:
            raise LibraryError(
                _("Revision {n} of clause {id} is no longer known.").format(
                    n=old if first is None else new, id=clause_id
                )
            )
        return diff_clauses(first, second, languages)

    def sync_states(self, clause_id: str) -> dict[str, SyncState]:
        """The FR↔NL sync state of each language of a clause."""
        from app.library import sync

        return sync.states(self.clause(clause_id))

    def source_diff(self, clause_id: str, lang: str) -> LanguageDiff | None:
        """What changed in the other language since ``lang`` was last translated."""
        from app.library import sync

        return sync.source_diff(self.library, self.clause(clause_id), lang)

    def translations_out_of_date(self) -> list[tuple[Clause, str]]:
        """Every (clause, language) a translator should look at."""
        from app.library import sync

        return sync.out_of_date(self.library)

    def variables_of(self, clause_id: str) -> list[ClauseVariable]:
        """The variables a clause holds, with type and description."""
        from app.library import variabledefs

        return variabledefs.of_clause(self.library, self.clause(clause_id))

    def near_duplicates(self, clause_id: str | None = None) -> list[NearDuplicate]:
        """Near-duplicate pairs in the library (those of one clause, with ``clause_id``)."""
        from app.library import duplicates
        from app.library.layers import is_plain

        if clause_id is not None and not is_plain(self.library.clauses):
            # A library read from the index (a big team library) is not read whole for one clause.
            return duplicates.of_clause_indexed(self.library, self.index, clause_id)
        if self._duplicates is None or self._duplicates[0] != self.library.digest:
            self._duplicates = (self.library.digest, duplicates.find(self.library))
        found = self._duplicates[1]
        if clause_id is None:
            return list(found)
        return [d for d in found if clause_id in (d.first, d.second)]

    def pending_updates(
        self, note: Note, kept: dict[str, int] | None = None
    ) -> list[PendingUpdate]:
        """The linked clauses of ``note`` that have a newer revision, with the diff."""
        from app.notes import updates

        return updates.pending(note, self.library, kept)

    def where_used(self, clause_id: str) -> Usage:
        """The notes using a clause, and which of them cite an older wording."""
        newest = self.library.newest(clause_id)
        return self.notes.usage(clause_id, newest.revision if newest else 0)

    # --- the note index -------------------------------------------------------

    @property
    def notes(self) -> NoteIndex:
        """Where the user's notes use which clause (loaded when first asked: an export does not)."""
        if self._notes is None:
            from app.notes.whereused import NoteIndex

            self._notes = NoteIndex(self.db)
        return self._notes

    def refresh_note_index(
        self, recent: Iterable[Path] = (), folders: Iterable[Path] | None = None
    ) -> ScanReport:
        """Index the notes of the recent files and the note folders (changed ones only)."""
        chosen = self.note_folders if folders is None else [Path(f) for f in folders]
        return self.notes.refresh(chosen, recent)

    def note_saved(self, path: Path, note: Note) -> None:
        """Tell the where-used index a note was just saved."""
        self.notes.note_saved(path, note)

    # --- personal library actions ---------------------------------------------

    def _own(self, clause_id: str) -> Clause:
        clause = self.library.find(clause_id)
        if clause is not None and clause.library == PERSONAL:
            return clause
        if clause_id in self.personal:
            return self.personal.get(clause_id, deleted=True)
        if clause is None:
            raise LibraryError(_("No clause has the id “{id}”.").format(id=clause_id))
        raise LibraryError(
            _(
                "Clause {id} belongs to the {library} library and cannot be changed; copy it "
                "to your personal library first."
            ).format(id=clause_id, library=library_name(clause.library))
        )

    def _changed(self, action: Action, clause_id: str) -> LibraryChange:
        """Bring the merged library in step with the personal clause ``clause_id``."""
        mine = self.library.parts.setdefault(PERSONAL, Library())
        history = self.personal.history(clause_id)
        state = self.personal.state(clause_id)
        newest = replace(history[0], retired=state == personal.State.RETIRED)
        older = {c.revision: c for c in history[1:]}
        for lib in (mine, self.library):
            lib.archive.setdefault(clause_id, {}).update(older)
            if state == personal.State.DELETED:
                lib.archive[clause_id][newest.revision] = newest
                lib.clauses.pop(clause_id, None)
            else:
                lib.clauses[clause_id] = newest
        mine.digest = self.personal.digest
        if state == personal.State.DELETED:
            # The same id in another library (a curator's own clause) shows again.
            for name, part in reversed(self.library.parts.items()):
                if name != PERSONAL and clause_id in part.clauses:
                    self.library.clauses[clause_id] = part.clauses[clause_id]
                    break
        self.library.digest = hashlib.sha256(
            "".join(p.digest for p in self.library.parts.values()).encode()
        ).hexdigest()
        self._generation = self.personal.generation
        self._save_backup()
        return LibraryChange(action, (clause_id,), newest.revision)

    def _save_backup(self) -> None:
        if self.read_only:
            return
        try:
            self.personal.save_backup()
        except OSError as error:
            self.problems.append(
                _("The copy of your personal library cannot be written: {reason}").format(
                    reason=oserrors.reason(error)
                )
            )

    def add_clause(self, draft: ClauseDraft) -> LibraryChange:
        """Add a clause to the personal library."""
        clause = self.personal.add(draft, taken=self.library.clauses)
        return self._changed(Action.ADDED, clause.id)

    def save_block(
        self,
        block: Block,
        *,
        title: Localized | None = None,
        kind: Kind | str = Kind.STANDARD,
        tags: tuple[str, ...] = (),
        text: Localized | None = None,
    ) -> LibraryChange:
        """Save a note's text or copied block (or a selection of it, ``text``) as a new clause."""
        if text is None:
            if not isinstance(block, TextBlock | CopiedClause):
                raise LibraryError(_("Only text can be saved as a clause."))
            # A library clause is plain text: the wording and its lists, not bold or italic.
            text = {lang: marked_text(value) for lang, value in block.text.items()}
        if title is None and isinstance(block, CopiedClause):
            title = dict(block.title)
        draft = ClauseDraft(text=dict(text), title=dict(title or {}), kind=Kind(kind), tags=tags)
        return self.add_clause(draft)

    def copy_to_personal(self, clause_id: str) -> LibraryChange:
        """Copy a built-in, imported or team clause into the personal library, to change it."""
        source = self.clause(clause_id)
        draft = ClauseDraft(
            text=dict(source.text),
            title=dict(source.title),
            kind=source.kind,
            tags=source.tags,
            status={lang: source.status_in(lang) for lang in source.text},
            origin=source.origin,
            remark=_("Copied from {id}, revision {n}.").format(id=source.id, n=source.revision),
        )
        return self.add_clause(draft)

    def edit_clause(
        self,
        clause_id: str,
        *,
        title: Localized | None = None,
        text: Localized | None = None,
        kind: Kind | str | None = None,
        tags: Iterable[str] | None = None,
        status: dict[str, Status] | None = None,
        remark: str | None = None,
    ) -> LibraryChange:
        """Change a personal clause (only what is given); a new revision when anything changed."""
        self._own(clause_id)
        self.personal.edit(
            clause_id,
            title=title,
            text=text,
            kind=kind,
            tags=tuple(tags) if tags is not None else None,
            status=status,
            remark=remark,
        )
        return self._changed(Action.EDITED, clause_id)

    def tag_clause(
        self, clause_id: str, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> LibraryChange:
        """Add and remove tags of a personal clause."""
        clause = self._own(clause_id)
        dropped = {t.strip() for t in remove}
        tags = [t for t in clause.tags if t not in dropped] + [t for t in add if t not in dropped]
        return self.edit_clause(clause_id, tags=tags)

    def translate_clause(
        self, clause_id: str, lang: str, text: str, *, title: str | None = None
    ) -> LibraryChange:
        """Update ``lang`` as a translation of the other language (both are then in step)."""
        self._own(clause_id)
        self.personal.translate(clause_id, lang, text, title=title)
        return self._changed(Action.TRANSLATED, clause_id)

    def confirm_translation(self, clause_id: str, lang: str) -> LibraryChange:
        """Record that ``lang`` still matches the other language after it changed."""
        self._own(clause_id)
        self.personal.confirm(clause_id, lang)
        return self._changed(Action.CONFIRMED, clause_id)

    def restore_revision(self, clause_id: str, revision: int) -> LibraryChange:
        """Make an earlier revision's content the newest revision."""
        self._own(clause_id)
        self.personal.restore(clause_id, revision)
        return self._changed(Action.RESTORED, clause_id)

    def retire_clause(self, clause_id: str) -> LibraryChange:
        """Retire a clause: notes keep it, search no longer offers it."""
        self._own(clause_id)
        self.personal.retire(clause_id)
        return self._changed(Action.RETIRED, clause_id)

    def unretire_clause(self, clause_id: str) -> LibraryChange:
        """Bring a retired clause back into use."""
        self._own(clause_id)
        self.personal.unretire(clause_id)
        return self._changed(Action.UNRETIRED, clause_id)

    def delete_clause(self, clause_id: str) -> LibraryChange:
        """Delete a clause (notes linking it keep their wording; it can be undeleted)."""
        self._own(clause_id)
        self.personal.delete(clause_id)
        return self._changed(Action.DELETED, clause_id)

    def undelete_clause(self, clause_id: str) -> LibraryChange:
        """Bring back a deleted clause."""
        self._own(clause_id)
        self.personal.undelete(clause_id)
        return self._changed(Action.UNDELETED, clause_id)

    def deleted_clauses(self) -> list[Clause]:
        """The personal clauses deleted so far, most recent first (to undelete)."""
        return self.personal.deleted()

    def define_variable(self, name: str, kind: str, description: str) -> LibraryChange:
        """Describe a variable (type text, date or person, and what it stands for)."""
        self.personal.define_variable(name, kind, description)
        self.library.variables[name] = (kind, description.strip())
        self.library.parts.setdefault(PERSONAL, Library()).variables[name] = (
            kind,
            description.strip(),
        )
        self._save_backup()
        used = tuple(c.id for c in self.library.clauses.values() if name in c.variables)
        return LibraryChange(Action.VARIABLE, used)

    # --- curators and imports ---------------------------------------------------

    def export_set(self, clause_ids: Iterable[str], path: Path) -> Path:
        """Write clauses (with their revisions) as a library file, e.g. for the team folder."""
        return team.export_set(self.library, clause_ids, path)

    def preview_import(
        self,
        path: Path,
        *,
        prefix: str | None = None,
        lang: str = "fr",
        details: SourceDetails | None = None,
    ) -> ImportPreview:
        """Import a declaration (.txt, .docx) without saving it: what would be added.

        The file's name gives only the ids and the stored file's name; the source's title,
        date, place and parties are ``details``.
        """
        from app.export import naming
        from app.library import importer

        path = Path(path)
        name = naming.slug(path.stem).lower() or "import"
        prefix = prefix or name
        result = importer.import_file(
            path, source_id=prefix, id_prefix=prefix, lang=lang, details=details
        )
        imported = Library(
            sources={result.source.id: result.source},
            clauses={c.id: replace(c, library=IMPORT) for c in result.clauses},
        )
        libraries.check_imported(imported)
        shadowed = [
            clause_id
            for clause_id in imported.clauses
            if (found := self.library.find(clause_id)) and found.library in (TEAM, PERSONAL)
        ]
        return ImportPreview(
            path,
            name,
            imported,
            [str(n) for n in result.notices],
            libraries.imported_path(name).exists(),
            shadowed,
        )

    def import_declaration(self, preview: ImportPreview) -> LibraryChange:
        """Save a previewed import in the user's library folder (never the built-in library)."""
        libraries.save_imported(preview.library, preview.name)
        self.reload()
        self.index.sync_parts(self.library)
        return LibraryChange(Action.RELOADED, tuple(preview.library.clauses), origins=(IMPORT,))


def library_name(name: str) -> str:
    """A library as messages name it, in the interface language: "built-in", "team"..."""
    return {
        BUILTIN: _("built-in"),
        IMPORT: _("imported"),
        TEAM: _("team"),
        PERSONAL: _("personal"),
    }.get(name, name)


def _note_folders(settings) -> list[Path]:
    """The note folders named in the settings (a ``note_folders`` key, ; or newline separated)."""
    try:
        raw = settings.get("note_folders") or ""
    except KeyError:  # the setting is not declared in this version
        return []
    return [Path(p.strip()) for p in raw.replace("\n", ";").split(";") if p.strip()]


@dataclass
class LoadedLibraries:
    """Every clause available, plus the problems met while loading user files."""

    library: Library
    problems: list[str] = field(default_factory=list)


def load_all(*, full_check: bool = False) -> LoadedLibraries:
    """Every clause: built-in, imported, team and personal; an unreadable file is reported.

    The personal library comes from the database (its tables checked at open; a
    damaged one is set aside and its recovery reported in ``problems``). The
    clauses of a library read from the index are read when asked for, so this
    costs what the caller reads; the search index is checked with the rest only
    with ``full_check`` (a command that met damage while reading asks again so).
    """
    collection = Collection.open(sync_index=False, full_check=full_check)
    # The database stays open as long as the library: large libraries read their
    # texts from the index when asked (app.library.indexstore).
    return LoadedLibraries(collection.library, list(collection.problems))
