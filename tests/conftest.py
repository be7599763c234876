"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

from sources.worker import worker_process


@pytest.fixture(scope="session")
def store_worker():
    """One store-writer worker process for every test bot: starting one costs seconds."""
    executor = worker_process()
    yield executor
    executor.shutdown()
