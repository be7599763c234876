"""Source files on disk: finding them, reading them safely, and the metadata that sits beside them."""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from config import PROJECT_ROOT
from extraction.intake import MAX_SOURCE_BYTES, SourceError

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


def display_path(path: Path) -> str:
    """A file's path as stored in ``sources.origin``: relative to the project when inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(PROJECT_ROOT)) if resolved.is_relative_to(PROJECT_ROOT) else str(path)
