"""The personal library: the user's own clauses, with every revision, in the local database.

Each change (add, edit, translate, confirm a translation, restore) writes a new
revision in ``clause_revision`` (the clause as library JSON, with its author,
time and what changed) and moves ``personal_clause.head``; retiring and
deleting change the clause's state, never its revisions, so a note linked to a
deleted clause still shows the wording it links. The search index is kept in
step in the same transaction. A copy of the whole personal library is written
to a JSON file beside the database (:meth:`PersonalLibrary.save_backup`), from
which a damaged database is refilled.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import sqlite3
from collections.abc import Container
from dataclasses import dataclass, field, replace

from app.language.codes import LANGS, Localized
from app.language.i18n import _
from app.library import database
from app.library import sync as sync_mod
from app.library.clauses import (
    PERSONAL,
    Clause,
    Kind,
    Library,
    Origin,
    Status,
    clause_from_json,
    clause_to_json,
)
from app.library.personalbackup import PersonalBackup
from app.library.revisions import CREATED, changes_between, now
from app.library.search import LibraryIndex
from app.system.errors import LibraryError

_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}", re.ASCII)
_VARIABLE = re.compile(r"[a-z][a-z0-9_]*", re.ASCII)
VARIABLE_TYPES = ("text", "date", "person")


class State:
    """The life of a personal clause: active, retired (kept, not offered) or deleted."""

    ACTIVE = "active"
    RETIRED = "retired"
    DELETED = "deleted"


@dataclass(frozen=True)
class ClauseDraft:
    """What a user gives for a new clause: texts, title, kind, tags."""

    text: Localized
    title: Localized = field(default_factory=dict)
    kind: Kind = Kind.STANDARD
    tags: tuple[str, ...] = ()
    status: dict[str, Status] = field(default_factory=dict)
    id: str = ""  # chosen by the user, or made up
    origin: Origin | None = None
    remark: str = ""


def default_author() -> str:
    """The user's login name, for revisions when no author is set."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name (some sandboxes): an anonymous author
        return ""


def title_from(text: str, limit: int = 70) -> str:
    """A short title drawn from the first sentence of ``text``."""
    first = " ".join(text.strip().split("\n")[0].split())
    first = re.split(r"(?<=[.;:!?])\s", first, maxsplit=1)[0].rstrip(" .;:")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def _clean_localized(value: Localized) -> Localized:
    return {lang: text.strip() for lang, text in value.items() if lang in LANGS and text.strip()}


def _clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))


class PersonalLibrary(PersonalBackup):
    """The user's own clauses in the database: read, add, edit, retire, delete, restore."""

    def __init__(
        self, db: sqlite3.Connection, *, index: LibraryIndex | None = None, author: str = ""
    ) -> None:
        if index is not None and index.db is not db:
            raise ValueError("the index must live in the same database")
        self.db = db
        self.index = index
        self.author = author or default_author()
        #: Why the personal library cannot be changed in this session ("" when it can).
        self.read_only = ""

    # --- reading --------------------------------------------------------------

    @property
    def generation(self) -> int:
        """A number that grows with every change (the search index's digest uses it)."""
        return int(database.get_meta(self.db, "personal_generation") or 0)

    @property
    def digest(self) -> str:
        """The digest under which the search index records the personal library."""
        return f"personal-{self.generation}"

    def _clause(self, data: str, state: str) -> Clause:
        clause = clause_from_json(json.loads(data), library=PERSONAL)
        return replace(clause, retired=True) if state == State.RETIRED else clause

    def library(self) -> Library:
        """Every personal clause (newest revisions), earlier revisions and deleted ones archived."""
        clauses: dict[str, Clause] = {}
        archive: dict[str, dict[int, Clause]] = {}
        heads: dict[str, int] = {}
        for clause_id, head, state, data in self.db.execute(
            "SELECT p.id, p.head, p.state, r.data FROM personal_clause p "
            "JOIN clause_revision r ON r.clause_id = p.id AND r.revision = p.head "
            "ORDER BY p.position"
        ):
            heads[clause_id] = head
            if state == State.DELETED:
                archive.setdefault(clause_id, {})[head] = self._clause(data, state)
            else:
                clauses[clause_id] = self._clause(data, state)
        for clause_id, revision, data in self.db.execute(
            "SELECT r.clause_id, r.revision, r.data FROM clause_revision r "
            "JOIN personal_clause p ON p.id = r.clause_id WHERE r.revision < p.head"
        ):
            archive.setdefault(clause_id, {})[revision] = self._clause(data, State.ACTIVE)
        variables = {
            name: (kind, description)
            for name, kind, description in self.db.execute(
                "SELECT name, type, description FROM variable_def ORDER BY name"
            )
        }
        return Library(clauses=clauses, digest=self.digest, archive=archive, variables=variables)

    def _row(self, clause_id: str) -> tuple[int, str]:
        row = self.db.execute(
            "SELECT head, state FROM personal_clause WHERE id = ?", (clause_id,)
        ).fetchone()
        if row is None:
            raise LibraryError(
                _("“{id}” is not a clause of your personal library.").format(id=clause_id)
            )
        return row[0], row[1]

    def get(self, clause_id: str, *, deleted: bool = False) -> Clause:
        """The newest revision of a personal clause (a deleted one only when asked)."""
        head, state = self._row(clause_id)
        if state == State.DELETED and not deleted:
            raise LibraryError(_("The clause {id} was deleted.").format(id=clause_id))
        return self._clause(self._data(clause_id, head), state)

    def state(self, clause_id: str) -> str:
        """Active, retired or deleted."""
        return self._row(clause_id)[1]

    def _data(self, clause_id: str, revision: int) -> str:
        row = self.db.execute(
            "SELECT data FROM clause_revision WHERE clause_id = ? AND revision = ?",
            (clause_id, revision),
        ).fetchone()
        if row is None:
            raise LibraryError(
                _("The clause {id} has no revision {n}.").format(id=clause_id, n=revision)
            )
        return row[0]

    def revision(self, clause_id: str, revision: int) -> Clause:
        """One revision of a personal clause."""
        self._row(clause_id)
        return self._clause(self._data(clause_id, revision), State.ACTIVE)

    def history(self, clause_id: str) -> list[Clause]:
        """Every revision of a personal clause, newest first."""
        self._row(clause_id)
        return [
            self._clause(data, State.ACTIVE)
            for (data,) in self.db.execute(
                "SELECT data FROM clause_revision WHERE clause_id = ? ORDER BY revision DESC",
                (clause_id,),
            )
        ]

    def deleted(self) -> list[Clause]:
        """The deleted clauses (newest revisions), most recently deleted first."""
        return [
            self._clause(data, State.DELETED)
            for (data,) in self.db.execute(
                "SELECT r.data FROM personal_clause p JOIN clause_revision r "
                "ON r.clause_id = p.id AND r.revision = p.head WHERE p.state = 'deleted' "
                "ORDER BY p.state_time DESC"
            )
        ]

    def __contains__(self, clause_id: object) -> bool:
        return bool(
            self.db.execute("SELECT 1 FROM personal_clause WHERE id = ?", (clause_id,)).fetchone()
        )

    # --- writing --------------------------------------------------------------

    def _writing(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One write transaction, refused up front when this session cannot change the library."""
        if self.read_only:
            raise database.Unwritable(self.read_only)
        return database.transaction(self.db)

    def _bump(self) -> str:
        generation = self.generation + 1
        database.set_meta(self.db, "personal_generation", str(generation))
        return f"personal-{generation}"

    def _index(self, clause: Clause, digest: str) -> None:
        if self.index is not None:
            self.index.put(clause, origin=PERSONAL, digest=digest)

    def _new_id(self) -> str:
        prefix = database.get_meta(self.db, "personal_prefix")
        if prefix is None:
            prefix = "p" + secrets.token_hex(3)
            database.set_meta(self.db, "personal_prefix", prefix)
        number = int(database.get_meta(self.db, "personal_next") or 1)
        while f"{prefix}.{number}" in self:
            number += 1
        database.set_meta(self.db, "personal_next", str(number + 1))
        return f"{prefix}.{number}"

    def add(self, draft: ClauseDraft, *, taken: Container[str] = frozenset()) -> Clause:
        """Add a new clause from ``draft`` (revision 1); ``taken`` are ids used elsewhere."""
        text = _clean_localized(draft.text)
        if not text:
            raise LibraryError(_("A clause needs a text in French or in Dutch."))
        title = _clean_localized(draft.title) or {
            lang: title_from(value) for lang, value in text.items()
        }
        with self._writing():
            clause_id = draft.id.strip()
            if clause_id:
                if not _ID.fullmatch(clause_id):
                    raise LibraryError(
                        _(
                            "“{id}” cannot be a clause id: use lower-case letters, digits, "
                            "dots and hyphens."
                        ).format(id=clause_id)
                    )
                if clause_id in self or clause_id in taken:
                    raise LibraryError(
                        _("A clause with the id {id} exists already.").format(id=clause_id)
                    )
            else:
                clause_id = self._new_id()
                while clause_id in taken:
                    clause_id = self._new_id()
            status = {lang: draft.status.get(lang, Status.OFFICIAL) for lang in text}
            clause = Clause(
                id=clause_id,
                kind=Kind(draft.kind),
                title=title,
                text=text,
                status=status,
                tags=_clean_tags(draft.tags),
                origin=draft.origin,
                revision=1,
                remark=draft.remark,
                versions=sync_mod.next_versions(None, text, 1),
                author=self.author,
                modified=now(),
                changes=(CREATED,),
                library=PERSONAL,
            )
            position = self.db.execute(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM personal_clause"
            ).fetchone()[0]
            self.db.execute(
                "INSERT INTO personal_clause (id, head, position) VALUES (?, 1, ?)",
                (clause_id, position),
            )
            self._insert_revision(clause)
            self._index(clause, self._bump())
        return clause

    def _insert_revision(self, clause: Clause) -> None:
        self.db.execute(
            "INSERT INTO clause_revision (clause_id, revision, data) VALUES (?, ?, ?)",
            (clause.id, clause.revision, json.dumps(clause_to_json(clause), ensure_ascii=False)),
        )

    def _commit_revision(
        self,
        old: Clause,
        new: Clause,
        *,
        extra: tuple[str, ...] = (),
        translated: str | None = None,
        confirmed: str | None = None,
        aligned: bool = False,
    ) -> Clause:
        """Store ``new`` as the next revision after ``old`` if anything changed."""
        changes = changes_between(old, new) + extra
        versions = sync_mod.next_versions(
            old, new.text, old.revision + 1, translated=translated, confirmed=confirmed
        )
        if aligned:
            versions = tuple(replace(v, translated_from=old.revision + 1) for v in versions)
        if not changes and versions == tuple(old.version(lang) for lang in LANGS):
            return old
        revision = replace(
            new,
            revision=old.revision + 1,
            versions=versions,
            author=self.author,
            modified=now(),
            changes=changes,
            retired=False,
        )
        with self._writing():
            _head, state = self._row(old.id)
            if state == State.DELETED:
                raise LibraryError(_("The clause {id} was deleted.").format(id=old.id))
            self._insert_revision(revision)
            self.db.execute(
                "UPDATE personal_clause SET head = ? WHERE id = ?", (revision.revision, old.id)
            )
            result = replace(revision, retired=state == State.RETIRED)
            self._index(result, self._bump())
        return result

    def edit(
        self,
        clause_id: str,
        *,
        title: Localized | None = None,
        text: Localized | None = None,
        kind: Kind | str | None = None,
        tags: tuple[str, ...] | list[str] | None = None,
        status: dict[str, Status] | None = None,
        remark: str | None = None,
    ) -> Clause:
        """Change a clause; only what is given changes (a language given as "" is removed).

        Returns the new revision (or the same one when nothing changed).
        """
        old = self.get(clause_id)
        new_text = dict(old.text)
        new_title = dict(old.title)
        new_status = dict(old.status)
        for lang, value in (text or {}).items():
            if lang not in LANGS:
                continue
            if value.strip():
                new_text[lang] = value.strip()
                if lang not in old.text or not old.text_in(lang).strip():
                    new_status.setdefault(lang, Status.OFFICIAL)
                    new_title.setdefault(lang, title_from(value))
            else:
                new_text.pop(lang, None)
        for lang, value in (title or {}).items():
            if lang in LANGS:
                if value.strip():
                    new_title[lang] = value.strip()
                else:
                    new_title.pop(lang, None)
        if not any(v.strip() for v in new_text.values()):
            raise LibraryError(_("A clause needs a text in French or in Dutch."))
        for lang, value in (status or {}).items():
            if lang in LANGS:
                new_status[lang] = Status(value)
        new = replace(
            old,
            title=new_title,
            text=new_text,
            status=new_status,
            kind=Kind(kind) if kind is not None else old.kind,
            tags=_clean_tags(tags) if tags is not None else old.tags,
            remark=remark if remark is not None else old.remark,
        )
        return self._commit_revision(old, new)

    def translate(
        self, clause_id: str, lang: str, text: str, *, title: str | None = None
    ) -> Clause:
        """Update ``lang`` as a translation of the other language's current text."""
        old = self.get(clause_id)
        if not text.strip():
            raise LibraryError(_("A translation cannot be empty."))
        new_title = dict(old.title)
        if title is not None and title.strip():
            new_title[lang] = title.strip()
        elif not new_title.get(lang):
            new_title[lang] = title_from(text)
        new_status = dict(old.status)
        new_status.setdefault(lang, Status.OFFICIAL)
        new = replace(
            old,
            text={**old.text, lang: text.strip()},
            title=new_title,
            status=new_status,
        )
        return self._commit_revision(old, new, extra=(f"translated.{lang}",), translated=lang)

    def confirm(self, clause_id: str, lang: str) -> Clause:
        """Record that ``lang`` still matches the other language (a translator checked it)."""
        old = self.get(clause_id)
        if sync_mod.state(old, lang) is not sync_mod.SyncState.OUT_OF_DATE:
            return old
        return self._commit_revision(old, old, extra=(f"confirmed.{lang}",), confirmed=lang)

    def restore(self, clause_id: str, revision: int) -> Clause:
        """Make the content of an earlier ``revision`` the newest revision."""
        old = self.get(clause_id)
        earlier = self.revision(clause_id, revision)
        if revision == old.revision:
            return old
        new = replace(
            old,
            kind=earlier.kind,
            title=dict(earlier.title),
            text=dict(earlier.text),
            status=dict(earlier.status),
            tags=earlier.tags,
            remark=earlier.remark,
            origin=earlier.origin,
        )
        in_step = all(
            sync_mod.state(earlier, lang) is not sync_mod.SyncState.OUT_OF_DATE for lang in LANGS
        )
        # Wording that was in step in both languages when it was written still is.
        return self._commit_revision(old, new, extra=(f"restored.{revision}",), aligned=in_step)

    def _set_state(self, clause_id: str, state: str) -> None:
        with self._writing():
            self.db.execute(
                "UPDATE personal_clause SET state = ?, state_time = ?, state_author = ? "
                "WHERE id = ?",
                (state, now(), self.author, clause_id),
            )
            digest = self._bump()
            if self.index is not None:
                if state == State.DELETED:
                    self.index.remove(clause_id, origin=PERSONAL, digest=digest)
                else:
                    self.index.put(self.get(clause_id), origin=PERSONAL, digest=digest)

    def retire(self, clause_id: str) -> Clause:
        """Retire a clause: kept, still shown to notes that use it, no longer offered."""
        if self.get(clause_id).retired:
            return self.get(clause_id)
        self._set_state(clause_id, State.RETIRED)
        return self.get(clause_id)

    def unretire(self, clause_id: str) -> Clause:
        """Bring a retired clause back into use."""
        if not self.get(clause_id).retired:
            return self.get(clause_id)
        self._set_state(clause_id, State.ACTIVE)
        return self.get(clause_id)

    def delete(self, clause_id: str) -> Clause:
        """Delete a clause from the library; its revisions stay for notes that link them."""
        clause = self.get(clause_id)
        self._set_state(clause_id, State.DELETED)
        return clause

    def undelete(self, clause_id: str) -> Clause:
        """Bring a deleted clause back."""
        if self.state(clause_id) != State.DELETED:
            return self.get(clause_id)
        self._set_state(clause_id, State.ACTIVE)
        return self.get(clause_id)

    def define_variable(self, name: str, kind: str, description: str) -> None:
        """Describe a variable of the user's clauses: its type (text, date, person) and meaning."""
        if not _VARIABLE.fullmatch(name):
            raise LibraryError(_("“{name}” cannot be a variable name.").format(name=name))
        if kind not in VARIABLE_TYPES:
            raise LibraryError(
                _("A variable is of type text, date or person, not “{kind}”.").format(kind=kind)
            )
        with self._writing():
            self.db.execute(
                "INSERT OR REPLACE INTO variable_def (name, type, description) VALUES (?, ?, ?)",
                (name, kind, description.strip()),
            )
            self._bump()

    # --- backup ---------------------------------------------------------------
