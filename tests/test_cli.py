"""The command line as a user runs it: extract, ingest, overview."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import discord
import pytest

import bot
import cli
from config import Config
from db import open_store
from db.queries import find_votes, list_sources

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "sources" / "unga-annexation-vote-2022.txt"

ARTICLE = """Council extends mission

The Security Council on Monday extended the peacekeeping mission by a vote of 13 in favour, with two abstentions.
“This mandate saves lives,” said Amara Okafor, Nigeria’s ambassador to the UN.
"""


def run_cli(*args: str, store: Path) -> int:
    return cli.main(["--store", str(store), *args])


def test_extract_prints_only_the_json_contract():
    completed = subprocess.run(
        [sys.executable, "bot.py", "extract", str(BUNDLED), "--published", "2022-10-12"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    result = json.loads(completed.stdout)  # stdout is one JSON object and nothing else
    assert set(result) == {"votes", "quotes"}
    text = BUNDLED.read_text(encoding="utf-8")
    for quote in result["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert {"speaker", "speaker_role", "speaker_country", "speaker_kind"} <= set(quote)
    assembly = next(vote for vote in result["votes"] if vote["body"] == "UNGA")
    assert (assembly["yes"], assembly["no"], assembly["abstain"]) == (143, 5, 35)
    assert assembly["date"] == "2022-10-12"


def test_extract_takes_the_publication_date_from_the_metadata_beside_the_source(capsys):
    assert cli.main(["extract", str(BUNDLED)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert any(vote["date"] == "2022-10-12" for vote in result["votes"])


def test_extract_of_a_copy_without_metadata_has_no_dates(tmp_path, capsys):
    copy = tmp_path / "article.txt"
    copy.write_bytes(BUNDLED.read_bytes())
    assert cli.main(["extract", str(copy)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["votes"] and all(vote["date"] is None for vote in result["votes"])


def test_extract_reports_an_unreadable_file(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert cli.main(["extract", str(empty)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "empty" in captured.err


def test_ingest_folder_goes_on_past_a_bad_file_and_is_idempotent(tmp_path, capsys):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a-council.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b-broken.html").write_bytes(b"\x00\x01\x02 not text")
    (folder / "c-assembly.txt").write_bytes(BUNDLED.read_bytes())
    store = tmp_path / "store.db"

    assert run_cli("ingest", str(folder), "--published", "2022-10-12", store=store) == 1  # one failed
    out = capsys.readouterr()
    assert "2 added" in out.out and "1 failed" in out.out
    assert "b-broken.html" in out.err and "binary" in out.err

    db = open_store(store)
    assert len(list_sources(db, None)) == 2
    votes_before = find_votes(db, None)
    quotes_before = db["quotes"].count

    assert run_cli("ingest", str(folder), store=store) == 1
    assert "0 added" in capsys.readouterr().out
    assert len(list_sources(db, None)) == 2
    assert find_votes(db, None) == votes_before
    assert db["quotes"].count == quotes_before


def test_ingest_of_missing_path_says_so(tmp_path, capsys):
    assert run_cli("ingest", str(tmp_path / "nope.txt"), store=tmp_path / "s.db") == 1
    assert "no such file" in capsys.readouterr().err


def test_ingest_applies_metadata_options(tmp_path):
    article = tmp_path / "council.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store.db"
    assert run_cli(
        "ingest", str(article), "--title", "Council extends mission", "--published", "2024-03-05",
        "--url", "https://example.org/council", store=store,
    ) == 0
    (source,) = list_sources(open_store(store), None)
    assert (source["title"], source["published"], source["url"]) == (
        "Council extends mission", "2024-03-05", "https://example.org/council",
    )


def test_bad_published_date_is_refused_by_the_parser(tmp_path, capsys):
    with pytest.raises(SystemExit):
        cli.main(["extract", str(BUNDLED), "--published", "12/10/2022"])
    assert "YYYY-MM-DD" in capsys.readouterr().err


def without_records(tmp_path: Path) -> list[str]:
    """A config whose new stores get the bundled sources but not the official records (quicker)."""
    config = tmp_path / "config.toml"
    config.write_text('[store]\nrecords = ""\n', encoding="utf-8")
    return ["--config", str(config)]


def test_ask_builds_a_missing_store_and_answers_like_the_bot(tmp_path, capsys):
    store = tmp_path / "new" / "rollcall.db"
    lines = ["/vote country:China vote:General Assembly", "/whosaid quote:it might be you", "/record country:Brazil"]
    assert run_cli("ask", *lines, store=store) == 0
    out = capsys.readouterr().out
    assert store.exists()
    assert "China abstained" in out and "12 October 2022" in out
    assert "Linda Thomas-Greenfield" in out
    assert "Brazil: UN voting record" in out and "25 January 1946" in out  # the shipped official records
    # a second run opens the store as it is
    assert run_cli("ask", "/sources", store=store) == 0
    out = capsys.readouterr()
    assert "added" not in out.out and "21 quotations" in out.out


def test_ask_explains_a_line_it_cannot_read(tmp_path, capsys):
    assert run_cli(*without_records(tmp_path), "ask", "/frobnicate now", "/vote China", store=tmp_path / "s.db") == 0
    err = capsys.readouterr().err
    assert "unknown command “/frobnicate”" in err and "name:value" in err


def test_ask_prompt_answers_until_quit(tmp_path, monkeypatch, capsys):
    lines = iter(["/vote vote:Security Council", "quit"])
    monkeypatch.setattr("console.stdout.input", lambda prompt: next(lines))
    assert run_cli(*without_records(tmp_path), "ask", store=tmp_path / "s.db") == 0
    out = capsys.readouterr().out
    assert "Rollcall answers from 1 source (21 quotations, 2 votes)" in out and "/whosaid quote:" in out
    assert "vetoed by" in out


def test_run_and_sync_need_a_token(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert run_cli("run", store=tmp_path / "s.db") == 2
    assert run_cli("sync", "--guild", "123", store=tmp_path / "s.db") == 2
    assert capsys.readouterr().err.count("set DISCORD_TOKEN") == 2


def test_ingest_names_the_real_problem_with_a_path(tmp_path, capsys):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert run_cli("ingest", str(loop), store=tmp_path / "s.db") == 1
    err = capsys.readouterr().err
    assert "loops back on itself" in err and "no such file" not in err


@pytest.mark.parametrize("kind", ["fifo", "device", "oversize", "folder"])
def test_only_regular_files_within_the_cap_are_read_and_nothing_waits(tmp_path, kind, capsys):
    path = tmp_path / "source.txt"
    if kind == "fifo":
        os.mkfifo(path)  # no writer: reading it whole would wait forever
    elif kind == "device":
        path = Path("/dev/zero")  # endless
    elif kind == "oversize":
        with path.open("wb") as handle:
            handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    else:
        path.mkdir()
    assert cli.main(["extract", str(path)]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_a_malformed_sidecar_is_a_clear_error_not_a_traceback(tmp_path, capsys):
    article = tmp_path / "council.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "council.meta.toml").write_text('title = "unterminated\n', encoding="utf-8")
    assert cli.main(["extract", str(article)]) == 1
    err = capsys.readouterr().err
    assert "council.meta.toml is not valid TOML" in err and "Traceback" not in err
    assert run_cli("ingest", str(article), store=tmp_path / "s.db") == 1
    assert "council.meta.toml" in capsys.readouterr().err
    (tmp_path / "council.meta.toml").write_text('published = "last Tuesday"\n', encoding="utf-8")
    assert cli.main(["extract", str(article)]) == 1
    assert "published must be a date" in capsys.readouterr().err


def test_discord_token_bearing_loggers_stay_at_info_at_debug_level(monkeypatch):
    monkeypatch.setenv("DISCORD_TOKEN", "not-a-real-token")
    before = {name: logging.getLogger(name).level for name in cli.TOKEN_BEARING_LOGGERS}
    try:
        assert cli.discord_token(Config(log_level="DEBUG"), "run")
        assert logging.getLogger("discord").getEffectiveLevel() == logging.DEBUG
        for name in (*cli.TOKEN_BEARING_LOGGERS, "discord.webhook.async_"):
            assert logging.getLogger(name).getEffectiveLevel() == logging.INFO
    finally:
        for name, level in before.items():
            logging.getLogger(name).setLevel(level)
        logging.getLogger("discord").setLevel(logging.NOTSET)


def test_sharding_follows_the_config(tmp_path):
    plain = bot.create_bot(Config(store_path=tmp_path / "s.db"))
    sharded = bot.create_bot(Config(store_path=tmp_path / "s.db", shard_count=4, shard_ids=(2, 3)))
    assert not isinstance(plain, discord.AutoShardedClient)
    assert isinstance(sharded, discord.AutoShardedClient)
    assert (sharded.shard_count, sharded.shard_ids) == (4, [2, 3])


def test_run_refuses_shard_ids_without_a_shard_count(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DISCORD_TOKEN", "not-a-real-token")
    assert run_cli("run", "--shards", "0,1", store=tmp_path / "s.db") == 2
    assert "shard_count" in capsys.readouterr().err
