"""Sources into the store: reading, extracting and storing files, batches and submissions.

Reading and extraction run here; every write goes through :mod:`db`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from config import BUNDLED_SOURCES
from db import GLOBAL_SCOPE, AddResult, add_source, open_store
from db.roll_calls import import_bundled_records
from extraction.documents import SourceError, load_document
from extraction.extractor import extract
from extraction.models import Document, Extraction
from sources.files import display_path, find_source_files, read_metadata, read_source_file
from sources.metadata import with_found_metadata


@dataclass
class IngestReport:
    """What a batch did: per-file outcomes and totals."""

    added: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    quotes: int = 0
    votes: int = 0


def read_source(
    raw: bytes | str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    file_name: str | None = None,
) -> tuple[Document, Extraction]:
    """Clean and extract one source (CPU work: run it off the event loop); raises SourceError.

    A title or date not given is taken from the text's headline or dateline, or from ``file_name``
    (:func:`sources.metadata.with_found_metadata`), before extraction: the date anchors "Wednesday".
    """
    document = with_found_metadata(load_document(raw, title=title, published=published, url=url), file_name)
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
        file_name=path.name,
    )
    return add_source(db, document, extraction, scope=scope, origin=display_path(path))


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
    store_path: Path,
    sources: Path = BUNDLED_SOURCES,
    *,
    records: Path | None = None,
    on_file: Callable[[Path], None] | None = None,
    on_records: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Create the store at ``store_path`` from the bundled ``sources`` and, given ``records`` (a
    folder of shipped official records, see :func:`db.roll_calls.import_bundled_records`), those
    records, the sources' votes linked to them; closes the store when done."""
    db = open_store(store_path)
    try:
        if records is not None:
            import_bundled_records(db, records, on_progress=on_records)
        return ingest_paths(db, find_source_files([sources]), on_file=on_file)
    finally:
        db.close()
