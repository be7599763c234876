"""The store: a SQLite file (sqlite-utils) of sources and the facts extracted from them.

The only package that writes SQL. Open with :func:`open_store`, write with :func:`add_source`
and :func:`remove_source`, read with :mod:`db.queries`. ``db/SCHEMA.md`` documents the tables.
"""

from db.ingest import AddResult, InvalidExtraction, add_source, remove_source
from db.scopes import GLOBAL_SCOPE, guild_scope
from db.store import StoreBusy, applied_migrations, open_store

__all__ = [
    "GLOBAL_SCOPE",
    "AddResult",
    "InvalidExtraction",
    "StoreBusy",
    "add_source",
    "applied_migrations",
    "guild_scope",
    "open_store",
    "remove_source",
]
