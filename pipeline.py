"""Source files -> extraction -> store: the ingestion pipeline behind ``bot.py ingest``.

Reading and extraction run here; every write goes through :mod:`db.ingest`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from db import add_source, open_store
from extraction.documents import SourceError, load_document
from extraction.extractor import extract

SOURCE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
METADATA_SUFFIX = ".meta.toml"
BUNDLED_SOURCES = Path(__file__).resolve().parent / "data" / "sources"


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


def read_metadata(path: Path) -> dict[str, str]:
    """title / published / url from the ``<stem>.meta.toml`` beside a source, if any."""
    sidecar = path.with_name(path.stem + METADATA_SUFFIX)
    if not sidecar.is_file():
        return {}
    with sidecar.open("rb") as handle:
        raw = tomllib.load(handle)
    return {
        key: value.isoformat() if isinstance(value, date) else str(value)
        for key, value in raw.items()
        if key in {"title", "published", "url"}
    }


def ingest_file(
    db: Database,
    path: Path,
    *,
    scope: str = "global",
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
):
    """Read, extract and store one file; raises SourceError for unreadable sources."""
    metadata = read_metadata(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read the file ({error.strerror or error})") from error
    document = load_document(
        raw,
        title=title or metadata.get("title"),
        published=published or metadata.get("published"),
        url=url or metadata.get("url"),
    )
    return add_source(db, document, extract(document), scope=scope, origin=str(path))


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


def open_or_build_store(
    store_path: Path, sources: Path = BUNDLED_SOURCES, *, on_file: Callable[[Path], None] | None = None
) -> tuple[Database, IngestReport | None]:
    """Open the store; when it does not exist yet, fill it from the bundled ``sources`` first."""
    is_new = not Path(store_path).exists()
    db = open_store(store_path)
    if not is_new:
        return db, None
    return db, ingest_paths(db, find_source_files([sources]), on_file=on_file)
