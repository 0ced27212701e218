"""Tests for the user's database: migrations, the integrity check and the recovery path."""

from __future__ import annotations

import sqlite3

import pytest

from app.library import database
from app.system.errors import ClausierError


def v1_database(path):
    """A database as version 1 left it, with an indexed clause."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    database._v1(db)
    db.execute("PRAGMA user_version = 1")
    db.execute("COMMIT")
    db.execute("INSERT INTO clause (id, origin, kind) VALUES ('vd2.1.4', 'all', 'commitment')")
    db.execute("INSERT INTO meta VALUES ('digest:all', 'abc'), ('other', 'kept')")
    db.close()


def test_a_version_1_database_is_migrated_and_its_index_rebuilt(tmp_path):
    path = tmp_path / "old.sqlite3"
    v1_database(path)
    db = database.connect(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(database.MIGRATIONS) == 3
        assert db.execute("SELECT COUNT(*) FROM clause").fetchone()[0] == 0
        assert database.get_meta(db, "digest:all") is None  # the next sync re-indexes
        assert database.get_meta(db, "other") == "kept"
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {
            "personal_clause",
            "clause_revision",
            "variable_def",
            "note_file",
            "note_use",
        } <= tables
    finally:
        db.close()


def test_a_version_2_database_gets_the_index_that_finds_ids_case_ignored(tmp_path):
    path = tmp_path / "v2.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for migration in database.MIGRATIONS[:2]:
        migration(db)
    db.execute("PRAGMA user_version = 2")
    db.execute("INSERT INTO clause (id, origin, kind) VALUES ('vd2.1.4', 'builtin', 'commitment')")
    db.close()
    db = database.connect(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 3
        plan = " ".join(
            str(row)
            for row in db.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM clause WHERE id = 'VD2.1.4' COLLATE NOCASE"
            )
        )
        assert "clause_by_nocase_id" in plan
        assert db.execute("SELECT COUNT(*) FROM clause").fetchone()[0] == 1  # nothing rebuilt
    finally:
        db.close()


def test_a_fresh_database_is_in_wal_mode_with_full_sync(tmp_path):
    db, recovery = database.open_checked(tmp_path / "new.sqlite3")
    try:
        assert recovery is None
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()


def test_a_file_that_is_not_a_database_is_kept_aside_and_replaced(tmp_path):
    path = tmp_path / "clausier.sqlite3"
    path.write_bytes(b"this is not a database at all, just some bytes" * 100)
    db, recovery = database.open_checked(path)
    try:
        assert recovery is not None
        assert recovery.damaged.exists() and recovery.damaged != path
        assert recovery.damaged.read_bytes().startswith(b"this is not a database")
        assert "kept as" in recovery.message and str(recovery.damaged) in recovery.message
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(database.MIGRATIONS)
    finally:
        db.close()


def test_a_damaged_page_is_found_by_the_check_at_start(tmp_path):
    path = tmp_path / "clausier.sqlite3"
    db = database.connect(path)
    db.execute("CREATE TABLE filler (x TEXT)")
    db.execute("CREATE INDEX filler_x ON filler (x)")
    db.executemany("INSERT INTO filler VALUES (?)", [(f"row {i} " * 20,) for i in range(2000)])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 7):  # scribble over some pages
        data[offset + 100 : offset + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))
    db, recovery = database.open_checked(path)
    db.close()
    assert recovery is not None and recovery.damaged.exists()
    assert len(list(tmp_path.glob("clausier.damaged-*.sqlite3"))) == 1


def test_a_database_that_cannot_be_opened_for_another_reason_is_left_alone(tmp_path):
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    with pytest.raises(ClausierError, match="cannot be opened"):
        database.open_checked(folder)
    assert folder.is_dir()


def test_connect_records_the_recovery_for_the_window(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "recoveries", [])
    path = tmp_path / "x.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    database.connect(path).close()
    assert len(database.recoveries) == 1


def test_a_transaction_rolls_back_on_error_and_nests_as_a_savepoint(tmp_path):
    db = database.connect(tmp_path / "t.sqlite3")
    try:
        with database.transaction(db):
            database.set_meta(db, "a", "1")
            with pytest.raises(RuntimeError), database.transaction(db):
                database.set_meta(db, "b", "2")
                raise RuntimeError
        assert database.get_meta(db, "a") == "1" and database.get_meta(db, "b") is None
        with pytest.raises(RuntimeError), database.transaction(db):
            database.set_meta(db, "c", "3")
            raise RuntimeError
        assert database.get_meta(db, "c") is None
    finally:
        db.close()


# --- a database that cannot be written (issue 9) --------------------------------------


def _with_meta(path, **values) -> None:
    db = database.connect(path)
    for key, value in values.items():
        database.set_meta(db, key, value)
    db.close()


def test_a_write_refused_by_the_file_is_one_clear_error_and_rolls_back(tmp_path):
    path = tmp_path / "t.sqlite3"
    _with_meta(path, kept="yes")
    reader = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        with pytest.raises(database.Unwritable) as caught, database.transaction(reader):
            database.set_meta(reader, "new", "no")
        assert str(caught.value) == (
            "The library database cannot be written: the library database is read-only. "
            "Nothing was changed."
        )
        assert not reader.in_transaction
    finally:
        reader.close()
    db = database.connect(path)
    assert database.get_meta(db, "kept") == "yes" and database.get_meta(db, "new") is None
    db.close()


def test_a_newer_database_is_unavailable_and_left_as_it_is(tmp_path):
    path = tmp_path / "t.sqlite3"
    _with_meta(path, kept="yes")
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(database.Unavailable) as caught:
        database.open_checked(path)
    assert caught.value.reason == "it was made by a newer version of Clausier"
    assert not caught.value.copyable
    memory, copied = database.open_fallback(path, copy=False)
    assert not copied and database.get_meta(memory, "kept") is None  # a fresh schema
    memory.close()
    assert path.read_bytes() == before


def test_the_fallback_is_a_copy_that_reads_like_the_file_and_never_writes_it(tmp_path):
    path = tmp_path / "t.sqlite3"
    _with_meta(path, kept="yes")
    before = path.read_bytes()
    memory, copied = database.open_fallback(path, copy=True)
    try:
        assert copied and database.get_meta(memory, "kept") == "yes"
        database.set_meta(memory, "scratch", "only in memory")
    finally:
        memory.close()
    assert path.read_bytes() == before
