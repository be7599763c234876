"""Source files -> extraction -> store: the ingestion pipeline behind ``bot.py ingest``.

Reading and extraction run here; every write goes through :mod:`db.ingest`.
"""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from config import BUNDLED_SOURCES, PROJECT_ROOT
from db import GLOBAL_SCOPE, AddResult, add_source, open_store, remove_source
from extraction.documents import MAX_SOURCE_BYTES, SourceError, load_document
from extraction.extractor import extract
from extraction.models import Document, Extraction

SOURCE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
METADATA_SUFFIX = ".meta.toml"
READ_CHUNK_BYTES = 1 << 20
# What to tell a user about a path that cannot be opened, by errno.
PATH_PROBLEMS = {
    errno.ENOENT: "no such file or folder",
    errno.ELOOP: "a symbolic link that loops back on itself",
    errno.EACCES: "permission denied",
    errno.ENAMETOOLONG: "the name is too long",
}


@dataclass
class IngestReport:
    """What a batch did: per-file outcomes and totals."""

    added: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    quotes: int = 0
    votes: int = 0


def find_source_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and the source files inside folders named, in sorted order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
            )
        else:
            yield path


def path_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read, in words for the user; None when it can be looked at."""
    try:
        path.stat()
    except OSError as error:
        return PATH_PROBLEMS.get(error.errno, error.strerror or str(error))
    return None


def read_source_file(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, read in bounded chunks; raises
    SourceError for anything else (a folder, a FIFO, a device, a loop of links, a bigger file)
    without reading more than ``max_bytes + 1`` bytes or waiting on a pipe."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise SourceError(f"cannot read the file: {PATH_PROBLEMS.get(error.errno, error.strerror)}") from error
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise SourceError("not a regular file (a folder, a pipe or a device)")
    with os.fdopen(descriptor, "rb") as handle:
        body = bytearray()
        while chunk := handle.read(min(READ_CHUNK_BYTES, max_bytes + 1 - len(body))):
            body += chunk
            if len(body) > max_bytes:
                raise SourceError(f"the file is over {max_bytes // 1_048_576} MB, the most a source may be")
    return bytes(body)


def read_metadata(path: Path) -> dict[str, str]:
    """title / published / url from the ``<stem>.meta.toml`` beside a source, if any; raises
    SourceError when that file cannot be read or gives a date that is not one."""
    sidecar = path.with_name(path.stem + METADATA_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        raw = tomllib.loads(read_source_file(sidecar).decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SourceError(f"{sidecar.name} is not valid TOML ({error})") from error
    metadata = {
        key: value.isoformat() if isinstance(value, date) else str(value)
        for key, value in raw.items()
        if key in {"title", "published", "url"}
    }
    if "published" in metadata:
        try:
            date.fromisoformat(metadata["published"])
        except ValueError:
            raise SourceError(f"{sidecar.name}: published must be a date (YYYY-MM-DD)") from None
    return metadata


def read_source(
    raw: bytes | str, *, title: str | None = None, published: str | None = None, url: str | None = None
) -> tuple[Document, Extraction]:
    """Clean and extract one source (CPU work: run it off the event loop); raises SourceError."""
    document = load_document(raw, title=title, published=published, url=url)
    return document, extract(document)


def ingest_submission(
    store_path: Path, raw: bytes | str, *, scope: str, origin: str, added_by: str | None = None, **metadata: str | None
) -> AddResult:
    """Read, extract and store one submitted source on a connection of its own, so that a worker
    process can do all of it while the bot's event loop goes on; raises SourceError."""
    document, extraction = read_source(raw, **metadata)
    db = open_store(store_path)
    try:
        return add_source(db, document, extraction, scope=scope, origin=origin, added_by=added_by)
    finally:
        db.close()


def remove_submission(store_path: Path, source_id: int, scope: str) -> bool:
    """Remove a source of ``scope`` on a connection of its own (see :func:`db.remove_source`)."""
    db = open_store(store_path)
    try:
        return remove_source(db, source_id, scope)
    finally:
        db.close()


def ingest_file(
    db: Database,
    path: Path,
    *,
    scope: str = GLOBAL_SCOPE,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> AddResult:
    """Read, extract and store one file; raises SourceError for unreadable sources."""
    metadata = read_metadata(path)
    raw = read_source_file(path)
    document, extraction = read_source(
        raw,
        title=title or metadata.get("title"),
        published=published or metadata.get("published"),
        url=url or metadata.get("url"),
    )
    return add_source(db, document, extraction, scope=scope, origin=display_path(path))


def display_path(path: Path) -> str:
    """A file's path as stored in ``sources.origin``: relative to the project when inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(PROJECT_ROOT)) if resolved.is_relative_to(PROJECT_ROOT) else str(path)


def ingest_paths(
    db: Database,
    paths: Iterable[Path],
    *,
    on_file: Callable[[Path], None] | None = None,
    **metadata: str | None,
) -> IngestReport:
    """Ingest every source file under ``paths``; one bad file is reported and the batch goes on."""
    report = IngestReport()
    for path in paths:
        try:
            result = ingest_file(db, path, **metadata)
        except SourceError as error:
            report.failed.append((path, str(error)))
        except Exception as error:  # noqa: BLE001 - a bad file must not stop the batch
            report.failed.append((path, f"{type(error).__name__}: {error}"))
        else:
            if result.created:
                report.added.append(path)
                report.quotes += result.quotes
                report.votes += result.votes
            else:
                report.unchanged.append(path)
        if on_file is not None:
            on_file(path)
    return report


def build_store(
    store_path: Path, sources: Path = BUNDLED_SOURCES, *, on_file: Callable[[Path], None] | None = None
) -> IngestReport:
    """Create the store at ``store_path`` from the bundled ``sources``; closes it when done."""
    db = open_store(store_path)
    try:
        return ingest_paths(db, find_source_files([sources]), on_file=on_file)
    finally:
        db.close()


def open_or_build_store(
    store_path: Path, sources: Path = BUNDLED_SOURCES, *, on_file: Callable[[Path], None] | None = None
) -> tuple[Database, IngestReport | None]:
    """Open the store; when it does not exist yet, fill it from the bundled ``sources`` first."""
    report = None if Path(store_path).exists() else build_store(store_path, sources, on_file=on_file)
    return open_store(store_path), report
