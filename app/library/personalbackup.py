"""The personal library's backup: every clause with every revision in one JSON file, and back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from app.language.i18n import _
from app.library import database
from app.library.clauses import (
    PERSONAL,
    clause_from_json,
)
from app.library.revisions import now
from app.system import paths, safejson
from app.system.atomic import write_atomic
from app.system.errors import LibraryError

BACKUP_FORMAT = "clausier-personal-backup"
BACKUP_VERSION = 1
BACKUP_NAME = "personal-library.json"


def backup_path() -> Path:
    """The copy of the personal library kept beside the database."""
    return paths.data_dir() / BACKUP_NAME


class PersonalBackup:
    """Saving the personal library to its backup file and restoring it from one."""

    def backup_data(self) -> dict[str, Any]:
        """The whole personal library (every revision, states, variables) as JSON data."""
        clauses = []
        for clause_id, state, state_time, state_author, position in self.db.execute(
            "SELECT id, state, state_time, state_author, position FROM personal_clause "
            "ORDER BY position"
        ).fetchall():
            revisions = [
                json.loads(data)
                for (data,) in self.db.execute(
                    "SELECT data FROM clause_revision WHERE clause_id = ? ORDER BY revision",
                    (clause_id,),
                )
            ]
            clauses.append(
                {
                    "id": clause_id,
                    "state": state,
                    "state_time": state_time,
                    "state_author": state_author,
                    "position": position,
                    "revisions": revisions,
                }
            )
        return {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "saved": now(),
            "prefix": database.get_meta(self.db, "personal_prefix"),
            "next": database.get_meta(self.db, "personal_next"),
            "clauses": clauses,
            "variables": [
                {"name": n, "type": t, "description": d}
                for n, t, d in self.db.execute("SELECT name, type, description FROM variable_def")
            ],
        }

    def save_backup(self, path: Path | None = None) -> Path:
        """Write the copy of the personal library (atomically) and return its path."""
        target = path or backup_path()
        payload = json.dumps(self.backup_data(), ensure_ascii=False).encode("utf-8")
        paths.ensure(target.parent)
        write_atomic(target, lambda stream: stream.write(payload))
        return target

    def restore_backup(self, path: Path | None = None) -> int:
        """Refill an empty personal library from its copy; returns the clauses restored."""
        source = path or backup_path()
        if self.db.execute("SELECT 1 FROM personal_clause LIMIT 1").fetchone():
            raise LibraryError(_("The personal library is not empty; nothing was restored."))
        try:
            data = safejson.loads(source.read_bytes())  # bounded nesting and numbers
            if data.get("format") != BACKUP_FORMAT or data.get("version", 0) > BACKUP_VERSION:
                raise ValueError("not a personal library copy")
            with database.transaction(self.db):
                for key in ("prefix", "next"):
                    if data.get(key):
                        database.set_meta(self.db, f"personal_{key}", str(data[key]))
                for item in data["clauses"]:
                    revisions = [clause_from_json(r, library=PERSONAL) for r in item["revisions"]]
                    self.db.execute(
                        "INSERT INTO personal_clause (id, head, state, state_time, state_author, "
                        "position) VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            item["id"],
                            max(r.revision for r in revisions),
                            item["state"],
                            item.get("state_time", ""),
                            item.get("state_author", ""),
                            int(item["position"]),
                        ),
                    )
                    for revision in revisions:
                        self._insert_revision(revision)
                for variable in data.get("variables", ()):
                    self.db.execute(
                        "INSERT OR REPLACE INTO variable_def (name, type, description) "
                        "VALUES (?, ?, ?)",
                        (variable["name"], variable["type"], variable.get("description", "")),
                    )
                self._bump()
        except (OSError, ValueError, KeyError, TypeError, sqlite3.DatabaseError) as error:
            raise LibraryError(
                _("The copy of the personal library {path} cannot be read: {reason}").format(
                    path=source, reason=error
                )
            ) from None
        return len(data["clauses"])
