"""Keeping the official records current: ``update-records`` against a local web server (no test
reaches the internet) — a changed file is downloaded and imported, an unchanged one is not fetched
again, an interrupted or oversize download leaves the old file and the store as they were; and the
running bot's refresh does the same in its store writer's process."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import cli
from cogs.records import Records
from config import Config
from db import open_store
from sources.records import DownloadError, RecordsSettings, update_records
from sources.worker import StoreWriter
from test_roll_calls import GA_HEADER_2026, ga_vote, write_csv

LAST_MODIFIED = "Fri, 06 Feb 2026 10:00:00 GMT"


class VotingFiles:
    """A local web server of voting files, honouring If-None-Match; it counts the full downloads."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.truncate: set[str] = set()  # files whose download stops halfway
        self.downloads: list[str] = []
        files = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server hook's name
                name = self.path.lstrip("/")
                if name not in files.files:
                    self.send_error(404)
                    return
                body = files.files[name]
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                files.downloads.append(name)
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
                self.end_headers()
                self.wfile.write(body[: len(body) // 2] if name in files.truncate else body)

            def log_message(self, *args) -> None:
                """Quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{name}"

    def publish(self, name: str, rows: list[dict], tmp_path: Path) -> None:
        self.files[name] = write_csv(tmp_path / f"published-{name}", GA_HEADER_2026, rows).read_bytes()


@pytest.fixture
def web():
    files = VotingFiles()
    yield files
    files.server.shutdown()


@pytest.fixture
def settings(web, tmp_path):
    return RecordsSettings((web.url("ga_voting.csv"),), tmp_path / "downloads", max_bytes=1_000_000, timeout=20)


def positions(store_path: Path, undl_id: int) -> dict[str, str]:
    db = open_store(store_path)
    try:
        return dict(db.execute("SELECT country, position FROM roll_call_positions WHERE undl_id = ?", [undl_id]).fetchall())
    finally:
        db.close()


def test_a_changed_file_is_imported_and_an_unchanged_one_not_downloaded(web, settings, tmp_path):
    store = tmp_path / "store.db"
    web.publish("ga_voting.csv", ga_vote(601, {"FRA": "Y", "RUS": "N"}), tmp_path)
    first = update_records(store, settings)
    assert first.downloaded == ["ga_voting.csv"] and positions(store, 601) == {"FRA": "yes", "RUS": "no"}
    assert "1 new records" in first.summary()

    unchanged = update_records(store, settings)
    assert unchanged.downloaded == [] and unchanged.unchanged == ["ga_voting.csv"]
    assert web.downloads == ["ga_voting.csv"]  # asked again, not sent again
    assert "unchanged" in unchanged.summary()

    web.publish("ga_voting.csv", ga_vote(601, {"FRA": "Y", "RUS": "A"}) + ga_vote(602, {"FRA": "N"}), tmp_path)
    changed = update_records(store, settings)
    assert changed.downloaded == ["ga_voting.csv"] and positions(store, 601)["RUS"] == "abstain"
    assert "1 new records, 1 records with 1 changed positions" in changed.summary()


@pytest.mark.parametrize("failure", ["interrupted", "oversize"])
def test_a_failed_download_leaves_the_file_and_the_store_as_they_were(web, settings, tmp_path, failure):
    store = tmp_path / "store.db"
    web.publish("ga_voting.csv", ga_vote(701, {"FRA": "Y"}), tmp_path)
    update_records(store, settings)
    kept = (settings.folder / "ga_voting.csv").read_bytes()

    web.publish("ga_voting.csv", ga_vote(701, {"FRA": "N"}) + ga_vote(702, {f"M{n}": "Y" for n in range(50)}), tmp_path)
    if failure == "interrupted":
        web.truncate.add("ga_voting.csv")
    else:
        settings = RecordsSettings(settings.urls, settings.folder, max_bytes=len(kept) + 10, timeout=20)
    with pytest.raises(DownloadError):
        update_records(store, settings)
    assert (settings.folder / "ga_voting.csv").read_bytes() == kept
    assert [path.name for path in settings.folder.iterdir() if path.name.startswith(".download")] == []
    assert positions(store, 701) == {"FRA": "yes"} and positions(store, 702) == {}


def test_update_records_on_the_command_line(web, tmp_path, capsys):
    web.publish("ga_voting.csv", ga_vote(801, {"FRA": "Y", "CHN": "A"}), tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\npath = "store.db"\n\n[records]\nurls = ["{web.url("ga_voting.csv")}"]\n',
                      encoding="utf-8")
    assert cli.main(["--config", str(config), "update-records"]) == 0
    out = capsys.readouterr().out
    assert "ga_voting.csv (UNGA): 1 record, 2 positions" in out and "1 new records" in out
    assert (tmp_path / "downloads" / "ga_voting.csv").exists()
    assert cli.main(["--config", str(config), "update-records"]) == 0
    assert "unchanged" in capsys.readouterr().out
    web.files.clear()  # the server no longer has it: a failed update says so, and exits 1
    config.write_text(config.read_text(encoding="utf-8").replace("ga_voting.csv", "gone.csv"), encoding="utf-8")
    assert cli.main(["--config", str(config), "update-records"]) == 1
    assert "not updated" in capsys.readouterr().err


async def test_the_running_bot_refreshes_the_records_in_its_worker(web, tmp_path, store_worker, caplog):
    web.publish("ga_voting.csv", ga_vote(901, {"FRA": "Y"}), tmp_path)
    store = tmp_path / "store.db"
    open_store(store).close()

    class Bot:
        config = Config(store_path=store, record_urls=(web.url("ga_voting.csv"),), records_refresh_hours=6)
        writer = StoreWriter(store, store_worker)

    cog = Records(Bot())
    with caplog.at_level(logging.INFO, logger="rollcall.records"):
        await cog.refresh_records.coro(cog)
    assert positions(store, 901) == {"FRA": "yes"}
    assert "official records updated from ga_voting.csv: 1 new records" in caplog.text


@pytest.mark.parametrize("hours", [0, 6])
async def test_the_refresh_runs_every_so_many_hours_when_configured(hours):
    class Bot:
        config = Config(records_refresh_hours=hours)

        async def wait_until_ready(self) -> None:
            await asyncio.Event().wait()  # never connected, in this test

    cog = Records(Bot())
    await cog.cog_load()
    assert cog.refresh_records.is_running() == bool(hours)
    if hours:
        assert cog.refresh_records.hours == hours
    await cog.cog_unload()
