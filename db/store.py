"""Opening the store: a SQLite file in WAL mode, foreign keys on, schema migrated to the latest."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from db.migrations import migrations

MEMORY = ":memory:"


def open_store(path: str | Path) -> Database:
    """Open (creating it and its folders if needed) the store at ``path``, or ``":memory:"``.

    Applies, in order and each in one transaction, the migrations the store lacks.
    """
    if str(path) == MEMORY:
        db = Database(memory=True)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    migrations.apply(db)
    return db


def applied_migrations(db: Database) -> list[str]:
    """The names of the migrations applied to this store, oldest first."""
    return [migration.name for migration in migrations.applied(db)]
