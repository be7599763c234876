"""Opening the store and writing to it: a SQLite file in WAL mode, foreign keys on, schema
migrated to the latest; every write in a transaction that takes the write lock up front.

Several processes may share one store (the bot, its ingestion worker, ``ingest`` and ``import-un``
on the command line, one bot process per group of shards). WAL lets them all read at once;
writers queue: a write transaction starts with ``BEGIN IMMEDIATE``, so it waits for the lock
(SQLite's busy timeout, retried up to a bound) instead of failing when a deferred transaction
would have to upgrade to a write.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from db.migrations import migrations
from db.records import catalogue_title

MEMORY = ":memory:"
# How long one attempt to take the write lock waits inside SQLite, and how long a writer keeps
# trying in all before it gives up (an import of the full General Assembly file takes ~10 s).
BUSY_TIMEOUT_MS = 5_000
WRITE_WAIT_SECONDS = 600.0
RETRY_PAUSE_SECONDS = 0.05


class StoreBusy(RuntimeError):
    """Another writer held the store for longer than a writer waits."""


def open_store(path: str | Path, *, write_wait: float = WRITE_WAIT_SECONDS) -> Database:
    """Open (creating it and its folders if needed) the store at ``path``, or ``":memory:"``.

    Applies the migrations the store lacks under the write lock, so that processes opening a new
    store at the same time migrate it once.
    """
    if str(path) == MEMORY:
        db = Database(memory=True)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _retry_while_locked(db.enable_wal, write_wait)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.register_function(catalogue_title, deterministic=True)
    if migrations.pending(db):
        with write_transaction(db, wait=write_wait):
            migrations.apply(db)  # each migration a savepoint inside this transaction
    return db


@contextmanager
def write_transaction(db: Database, *, wait: float = WRITE_WAIT_SECONDS) -> Iterator[Database]:
    """A transaction holding the write lock from its first statement (``BEGIN IMMEDIATE``):
    committed when the block ends, rolled back if it raises. Waits up to ``wait`` seconds for
    another writer to finish; raises :class:`StoreBusy` after that. Nested, it is a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    _retry_while_locked(lambda: db.conn.execute("BEGIN IMMEDIATE"), wait)
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def _retry_while_locked(statement, wait: float) -> None:
    """Run ``statement`` until it is not refused for a lock held elsewhere, for at most ``wait`` s."""
    deadline = time.monotonic() + wait
    while True:
        try:
            statement()
            return
        except sqlite3.OperationalError as error:
            if not _is_lock_error(error):
                raise
            if time.monotonic() >= deadline:
                raise StoreBusy(f"the store stayed busy for {wait:.0f} s: {error}") from error
            time.sleep(RETRY_PAUSE_SECONDS)


def _is_lock_error(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def applied_migrations(db: Database) -> list[str]:
    """The names of the migrations applied to this store, oldest first."""
    return [migration.name for migration in migrations.applied(db)]
