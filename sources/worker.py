"""The bot's store writer: one worker process that reads, extracts and stores the sources
moderators add, removes the ones they remove, and drops the facts they drop.

Extraction is pure Python: in a thread it would hold the GIL against the bot's event loop, and a
1 ms answer would wait seconds. In a process of its own it costs the loop nothing: the loop only
awaits the result. One worker also means the bot's writes queue up one at a time; writers in
other processes (``ingest``, ``import-un``, other shards) queue on the store's write lock.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from db import AddResult, open_store, remove_source
from db.ingest import drop_facts

if TYPE_CHECKING:
    from sources.records import RecordsSettings, RecordsUpdate

log = logging.getLogger("rollcall.worker")


def _add_source(store_path: Path, raw: bytes | str, options: dict) -> AddResult:
    """In the worker: :func:`sources.ingest.ingest_submission`, imported there only, so that the
    bot's own process never loads the extraction code."""
    from sources.ingest import ingest_submission

    return ingest_submission(store_path, raw, **options)


def _write(store_path: Path, write: Callable, *args):
    """In the worker: ``write(db, *args)`` on a connection of its own to the store."""
    db = open_store(store_path)
    try:
        return write(db, *args)
    finally:
        db.close()


def _update_records(store_path: Path, settings: RecordsSettings) -> RecordsUpdate:
    """In the worker: :func:`sources.records.update_records`."""
    from sources.records import update_records

    return update_records(store_path, settings)


def worker_process() -> ProcessPoolExecutor:
    """One worker process, started with ``spawn`` (a fork of the running bot would copy its event
    loop and threads) when the first job arrives."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


class StoreWriter:
    """Adds and removes sources of one store, and drops their facts, in a worker process.

    Given an ``executor``, it uses that one and leaves it running on :meth:`close`; otherwise it
    starts its own (:func:`worker_process`), and replaces it if it dies.
    """

    def __init__(self, store_path: Path, executor: Executor | None = None) -> None:
        self.store_path = Path(store_path)
        self._shared = executor
        self._own: ProcessPoolExecutor | None = None

    async def add_source(self, raw: bytes | str, **options: str | None) -> AddResult:
        """Read, extract and store one source in the worker (see :func:`sources.ingest.ingest_submission`);
        raises :class:`extraction.documents.SourceError` for a source that cannot be read."""
        return await self._run(partial(_add_source, self.store_path, raw, options))

    async def remove_source(self, source_id: int, scope: str) -> bool:
        """Remove a source of ``scope`` and what only it supported; False if it is not there."""
        return await self._run(partial(_write, self.store_path, remove_source, source_id, scope))

    async def drop_facts(
        self, source_id: int, scope: str, facts: list[tuple[str, int]], dropped_by: str | None = None
    ) -> list[tuple[str, int]]:
        """Drop facts of a source of ``scope`` for good in that scope; the facts dropped (see
        :func:`db.ingest.drop_facts`)."""
        return await self._run(partial(_write, self.store_path, drop_facts, source_id, scope, facts, dropped_by))

    async def update_records(self, settings: RecordsSettings) -> RecordsUpdate:
        """Download the official voting files that changed and import them (see
        :func:`sources.records.update_records`)."""
        return await self._run(partial(_update_records, self.store_path, settings))

    async def _run(self, job: partial):
        executor = self._shared or self._own or self._start()
        try:
            return await asyncio.get_running_loop().run_in_executor(executor, job)
        except BrokenProcessPool:
            log.error("the store writer's worker process died; a new one starts with the next job")
            if executor is self._own:
                self._own = None
            raise

    def _start(self) -> ProcessPoolExecutor:
        self._own = worker_process()
        return self._own

    def close(self) -> None:
        """Stop a worker of its own once its current job is done; queued jobs are dropped."""
        if self._own is not None:
            self._own.shutdown(wait=False, cancel_futures=True)
            self._own = None
