"""Several writers on one store wait their turn instead of failing: threads of one process,
processes running ``ingest`` at once, and migrations of a store that does not exist yet."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import db.store
from db import StoreBusy, applied_migrations, guild_scope, open_store, queries
from db.migrations import migrations
from db.store import write_transaction
from sources.ingest import ingest_submission

ROOT = Path(__file__).resolve().parent.parent
SERVERS = 4
SOURCES_PER_SERVER = 15


def article(number: int) -> str:
    """A short, distinct article: a vote and a quotation."""
    return (
        f"Council renews mission {number}\n\n"
        f"The Security Council on 3 March 2024 renewed mission number {number} by 13 votes to none, "
        f"with 2 abstentions.\n\n“Mission {number} saves lives,” said Ana Example{number}, the envoy."
    )


def test_concurrent_writers_from_four_servers_all_succeed(tmp_path):
    store = tmp_path / "store.db"
    open_store(store).close()

    def add_all(server: int) -> list[int]:
        return [
            ingest_submission(store, article(server * 100 + n), scope=guild_scope(server), origin="pasted").source_id
            for n in range(SOURCES_PER_SERVER)
        ]

    with ThreadPoolExecutor(SERVERS) as pool:
        added = list(pool.map(add_all, range(1, SERVERS + 1)))  # raises if any write failed
    assert sum(map(len, added)) == SERVERS * SOURCES_PER_SERVER
    db = open_store(store)
    for server in range(1, SERVERS + 1):
        own = [s for s in queries.list_sources(db, server) if s["scope"] == guild_scope(server)]
        assert len(own) == SOURCES_PER_SERVER


def test_a_writer_waits_past_the_busy_timeout_for_a_long_write(tmp_path, monkeypatch):
    monkeypatch.setattr(db.store, "BUSY_TIMEOUT_MS", 100)
    store = tmp_path / "store.db"
    open_store(store).close()
    long_write = sqlite3.connect(store, check_same_thread=False)
    long_write.execute("BEGIN IMMEDIATE")
    threading.Timer(1.0, long_write.rollback).start()  # ten busy timeouts later
    result = ingest_submission(store, article(1), scope=guild_scope(1), origin="pasted")
    assert result.created
    long_write.close()


def test_a_writer_gives_up_after_its_bound_and_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr(db.store, "BUSY_TIMEOUT_MS", 50)
    store = tmp_path / "store.db"
    holder = open_store(store)
    holder.conn.execute("BEGIN IMMEDIATE")
    waiter = open_store(store)
    with pytest.raises(StoreBusy, match="busy"), write_transaction(waiter, wait=0.3):
        pass
    holder.conn.rollback()


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    store = open_store(tmp_path / "store.db")
    with pytest.raises(RuntimeError), write_transaction(store):
        store["sources"].insert({"scope": "x", "content_sha256": "x", "text": "x", "added_at": "now"})
        raise RuntimeError("midway")
    assert store["sources"].count == 0
    assert not store.conn.in_transaction


def ingest_process(store: Path, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "bot.py", "--store", str(store), "ingest", str(folder)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=os.environ | {"COLUMNS": "200"},
    )


def test_two_ingest_processes_on_a_new_store_both_succeed_and_store_each_article_once(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    count = 40
    for number in range(count):
        (folder / f"article-{number:03}.txt").write_text(article(number), encoding="utf-8")
    store = tmp_path / "new" / "store.db"  # does not exist: both processes migrate it at once
    first, second = ingest_process(store, folder), ingest_process(store, folder)
    outputs = [process.communicate(timeout=300) for process in (first, second)]
    for process, (out, err) in zip((first, second), outputs):
        assert process.returncode == 0, err
        assert "0 failed" in out
    added = sum(int(out.split(" added")[0].split()[-1]) for out, _ in outputs)
    assert added == count  # each article stored by exactly one of them
    db = open_store(store)
    assert db["sources"].count == count
    applied = applied_migrations(db)
    assert len(applied) == len(set(applied)) and migrations.pending(db) == []  # migrated once
