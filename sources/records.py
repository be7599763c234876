"""Keeping the official records current: download the UN Digital Library's voting files when they
changed, and import them (``bot.py update-records``, and the running bot's refresh).

A download is conditional (the file's ETag and Last-Modified are kept beside it: an unchanged file
is not fetched again), capped in size and time, and atomic: it is written beside the old file and
replaces it only once whole, so an interrupted download leaves the old file, and the store, as they
were. The import is the idempotent, all-or-nothing import of ``import-un``.
"""

from __future__ import annotations

import http.client
import json
import os
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from config import Config
from db import open_store
from db.links import refresh_links
from db.roll_calls import ImportReport, import_roll_calls

CHUNK_BYTES = 1 << 20
VALIDATORS = ("ETag", "Last-Modified")
USER_AGENT = "Rollcall (a Discord bot on UN votes) python-urllib"
ProgressCallback = Callable[[int, int | None], None]


class DownloadError(OSError):
    """A voting file that could not be downloaded whole; nothing was replaced."""


@dataclass(frozen=True)
class RecordsSettings:
    """Where the official files come from, where they are kept, and the limits of a download."""

    urls: tuple[str, ...]
    folder: Path
    max_bytes: int = 1024 * 1024 * 1024
    timeout: float = 300.0

    @classmethod
    def of(cls, config: Config) -> RecordsSettings:
        """The settings the configuration gives."""
        return cls(config.record_urls, config.downloads_path, max_bytes=config.records_max_mb * 1024 * 1024)


@dataclass
class RecordsUpdate:
    """What one update did: files downloaded or found unchanged, and what their import changed."""

    downloaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    imports: list[ImportReport] = field(default_factory=list)
    linked: int = 0

    def summary(self) -> str:
        """One line for the log and the terminal."""
        if not self.downloaded:
            return f"official records unchanged ({len(self.unchanged)} files checked)"
        new = sum(report.new_records for report in self.imports)
        changed = sum(report.changed_records for report in self.imports)
        positions = sum(report.changed_positions for report in self.imports)
        return (f"official records updated from {', '.join(self.downloaded)}: {new} new records, "
                f"{changed} records with {positions} changed positions")


def update_records(
    store_path: Path, settings: RecordsSettings, *, on_progress: Callable[[str, int, int | None], None] | None = None
) -> RecordsUpdate:
    """Download each voting file that changed and import it into the store; raises DownloadError
    (nothing replaced) when a download fails. ``on_progress(name, done, total)`` follows the bytes."""
    update = RecordsUpdate()
    for url in settings.urls:
        name = url.rstrip("/").rsplit("/", 1)[-1]
        report = None if on_progress is None else (lambda done, total, name=name: on_progress(name, done, total))
        path = download(url, settings.folder, max_bytes=settings.max_bytes, timeout=settings.timeout,
                        on_progress=report)
        (update.downloaded if path else update.unchanged).append(name)
        if path:
            db = open_store(store_path)
            try:
                update.imports.append(import_roll_calls(db, path))
                update.linked = refresh_links(db)
            finally:
                db.close()
    return update


def download(
    url: str, folder: Path, *, max_bytes: int, timeout: float, on_progress: ProgressCallback | None = None
) -> Path | None:
    """The file at ``url`` saved in ``folder`` (under its own name) when it changed since the last
    download; None when the server says it did not (HTTP 304)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / url.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
    validators_path = target.with_name(target.name + ".validators.json")
    known = json.loads(validators_path.read_text(encoding="utf-8")) if validators_path.exists() and target.exists() else {}
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if known.get("ETag"):
        request.add_header("If-None-Match", known["ETag"])
    if known.get("Last-Modified"):
        request.add_header("If-Modified-Since", known["Last-Modified"])
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            validators = {name: response.headers[name] for name in VALIDATORS if response.headers[name]}
            temporary = _receive(response, folder, max_bytes=max_bytes, deadline=time.monotonic() + timeout,
                                 on_progress=on_progress)
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None
        raise DownloadError(f"{url}: HTTP status {error.code}") from error
    except (urllib.error.URLError, http.client.HTTPException, TimeoutError, ConnectionError) as error:
        raise DownloadError(f"{url}: {getattr(error, 'reason', error)}") from error
    os.replace(temporary, target)
    validators_path.write_text(json.dumps(validators), encoding="utf-8")
    return target


def _receive(response, folder: Path, *, max_bytes: int, deadline: float, on_progress: ProgressCallback | None) -> Path:
    """The response's body in a temporary file of ``folder``, whole or not at all."""
    declared = int(response.headers["Content-Length"]) if response.headers["Content-Length"] else None
    if declared is not None and declared > max_bytes:
        raise DownloadError(f"the file is {declared:,} bytes, over the {max_bytes:,} accepted")
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".download-", delete=False)
    try:
        with handle:
            received = 0
            while chunk := response.read(CHUNK_BYTES):
                received += len(chunk)
                if received > max_bytes:
                    raise DownloadError(f"the file is over the {max_bytes:,} bytes accepted")
                if time.monotonic() > deadline:
                    raise DownloadError("the download took too long")
                handle.write(chunk)
                if on_progress:
                    on_progress(received, declared)
        if declared is not None and received != declared:
            raise DownloadError(f"the download stopped after {received:,} of {declared:,} bytes")
    except BaseException:
        os.unlink(handle.name)
        raise
    return Path(handle.name)
