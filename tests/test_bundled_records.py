"""The official records Rollcall ships (data/records): a new store holds them, and the answers use
them out of the box — records without symbols say so, and a country that could not vote is said
not to have been a member."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from answers.records import answer_compare, answer_record
from answers.votes import answer_vote
from config import BUNDLED_RECORDS, BUNDLED_SOURCES
from db import open_store
from db.roll_calls import import_bundled_records
from reference.vocabulary import PERMANENT_MEMBERS
from sources.ingest import build_store

ROOT = Path(__file__).resolve().parent.parent
SHARED_VOTES = ROOT.parent / "shared" / "data" / "un-votes"


def shown(reply) -> str:
    """Everything a reply's first page shows."""
    (page, *_) = reply.pages
    return "\n".join([page.title or "", page.description or "", page.footer.text or "",
                      *(f"{field.name}\n{field.value}" for field in page.fields)])


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("bundled") / "rollcall.db"
    build_store(path, BUNDLED_SOURCES, records=BUNDLED_RECORDS)
    db = open_store(path)
    yield db
    db.close()


def test_a_new_store_holds_the_shipped_records(store):
    counts = dict(store.execute("SELECT body, count(*) FROM roll_calls GROUP BY body").fetchall())
    assert counts["UNGA"] > 5000 and counts["UNSC"] > 2500
    span = store.execute("SELECT min(date), max(date) FROM roll_calls").fetchone()
    assert span[0] < "1947" and span[1] >= "2024"
    (record,) = store.query("SELECT * FROM roll_calls WHERE resolution = 'A/RES/68/262'")
    assert (record["total_yes"], record["total_no"], record["total_abstentions"]) == (100, 11, 58)
    positions = dict(store.execute(
        "SELECT country, position FROM roll_call_positions WHERE undl_id = ?", [record["undl_id"]]).fetchall())
    assert sum(p == "yes" for p in positions.values()) == 100 and positions["RUS"] == "no"
    permanent = {row[0] for row in store.execute(
        "SELECT DISTINCT country FROM roll_call_positions p JOIN roll_calls r USING (undl_id)"
        " WHERE r.body = 'UNSC' AND p.permanent_member")}
    assert permanent <= PERMANENT_MEMBERS and {"CHN", "FRA", "GBR", "USA"} <= permanent


def test_loading_the_shipped_records_again_changes_nothing(store):
    before = store.execute("SELECT count(*), sum(undl_id) FROM roll_call_positions").fetchone()
    import_bundled_records(store, BUNDLED_RECORDS)
    assert store.execute("SELECT count(*), sum(undl_id) FROM roll_call_positions").fetchone() == before


def test_compare_record_and_vote_answer_from_the_shipped_records(store):
    compared = shown(answer_compare(store, None, "France", "Russia"))
    assert "Voted alike" in compared and "No official roll-call records" not in compared
    record = shown(answer_record(store, None, "Brazil"))
    assert "recorded votes" in record and "1946" in record
    india = shown(answer_vote(store, None, "India", "A/RES/68/262"))
    assert "India abstained" in india and "27 March 2014" in india


def test_votes_without_a_symbol_say_so_and_name_their_source(store):
    compared = shown(answer_compare(store, None, "France", "Russia", "2023"))
    assert "no resolution symbol in the data" in compared and "record 9000" not in compared
    assert "Voeten" in compared  # the General Assembly's votes of 2022-2024 come from Voeten's data


def test_a_country_that_could_not_vote_is_said_not_to_have_been_a_member(store):
    council = shown(answer_vote(store, None, "India", "S/RES/2323(2016)"))
    assert "India was not a member of the Security Council in 2016." in council
    (early,) = store.execute(
        "SELECT undl_id FROM roll_calls WHERE body = 'UNGA' AND date LIKE '1948%' ORDER BY undl_id LIMIT 1"
    ).fetchone()
    assembly = shown(answer_vote(store, None, "Japan", f"r{early}"))
    assert "Japan was not a UN member in 1948." in assembly


def test_an_official_tally_with_an_empty_group_says_none(store):
    tally = shown(answer_vote(store, None, None, "S/RES/2323(2016)"))
    assert "No · 0\n*None.*" in tally and "The sources name none" not in tally


@pytest.mark.skipif(not (SHARED_VOTES / "undl-derived_UN_DATA_GA-SC_1946-2021_wide.csv.gz").exists(),
                    reason="../shared/data/un-votes is not here to rebuild from")
def test_the_shipped_records_are_what_the_build_script_makes(tmp_path):
    pytest.importorskip("country_converter", reason="the build script needs the reference extra")
    subprocess.run([sys.executable, "scripts/build_records.py", "--out", str(tmp_path)], cwd=ROOT, check=True,
                   capture_output=True)
    for name in ("members.csv", "votes.csv.gz"):
        rebuilt, shipped = (tmp_path / name).read_bytes(), (BUNDLED_RECORDS / name).read_bytes()
        if name.endswith(".gz"):
            rebuilt, shipped = gzip.decompress(rebuilt), gzip.decompress(shipped)
        assert rebuilt == shipped, name


def test_compare_and_a_tally_come_with_pictures_the_console_saves(store, tmp_path, capsys):
    from console import print_answer

    reply = answer_compare(store, None, "France", "Russia")
    assert reply.picture.name == "agreement.png" and reply.picture.draw().startswith(b"\x89PNG")
    print_answer(store, "/vote vote:A/RES/68/262", tmp_path)
    (saved,) = tmp_path.glob("vote-*.png")
    assert saved.read_bytes().startswith(b"\x89PNG") and f"Picture: {saved}" in capsys.readouterr().out


def test_russia_continues_the_ussrs_membership_and_record(store):
    (early,) = store.execute(
        "SELECT r.undl_id FROM roll_calls r JOIN roll_call_positions p USING (undl_id)"
        " WHERE r.body = 'UNGA' AND r.date LIKE '1950%' AND p.country = 'SUN' LIMIT 1").fetchone()
    answer = shown(answer_vote(store, None, "Russia", f"r{early}"))
    assert "not a UN member" not in answer
    assert any(verdict in answer for verdict in ("Russia voted", "Russia abstained", "Russia did not vote"))
    assert "1940s" in shown(answer_compare(store, None, "France", "Russia"))
    assert "25 January 1946" in shown(answer_record(store, None, "Russia"))
