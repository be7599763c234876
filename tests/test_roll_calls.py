"""Importing the UN Digital Library's voting data (db/roll_calls.py), the ``import-un`` command
(cli.py) and the converter of the shared wide matrices (scripts/un_layout.py).

Small files in the official layouts are written here; the shared data is used when present.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pytest

import db.roll_calls
from config import Config
from db import open_store
from db.roll_calls import NotUndlFile, import_roll_calls, parse_date
from cli import command_import_un
from scripts.un_layout import convert_undl_wide, convert_voeten

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "un-votes"

GA_HEADER_2026 = (
    "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,"
    "agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link"
).split(",")
GA_HEADER_2025 = [column for column in GA_HEADER_2026 if column != "vote_note"]
SC_HEADER = (
    "undl_id,ms_code,ms_name,permanent_member,ms_vote,date,resolution,draft,meeting,description,agenda,"
    "subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,modality,undl_link"
).split(",")

TOTALS_BY_POSITION = {"yes": "total_yes", "no": "total_no", "abstain": "total_abstentions",
                      "absent": "total_non_voting"}


def shared_file(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"shared data {path} is absent")
    return path


def ga_vote(undl_id: int, votes: dict[str, str], **record: object) -> list[dict[str, object]]:
    """The rows of one GA record: ``votes`` maps ms_code to ms_vote; totals follow the votes."""
    counted = [vote.strip().upper() for vote in votes.values()]
    fields = {
        "undl_id": undl_id, "date": "2022-10-12", "session": "ES-11",
        "resolution": f"A/RES/ES-11/{undl_id % 100}", "title": f"Resolution number {undl_id}",
        "total_yes": counted.count("Y"), "total_no": counted.count("N"),
        "total_abstentions": counted.count("A"),
        "total_non_voting": counted.count("X") + counted.count("NV"), "total_ms": len(votes),
        "undl_link": f"https://digitallibrary.un.org/record/{undl_id}",
        **record,
    }
    return [{**fields, "ms_code": code, "ms_name": f"Member {code}", "ms_vote": vote}
            for code, vote in votes.items()]


def write_csv(path: Path, header: list[str], rows: list[dict[str, object]], *, bom: bool = True) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([row.get(column, "") for column in header] for row in rows)
    return path


@pytest.fixture
def store():
    return open_store(":memory:")


def positions(store, undl_id: int) -> dict[str, str]:
    return {row["country"]: row["position"]
            for row in store.query("SELECT country, position FROM roll_call_positions WHERE undl_id = ?", [undl_id])}


def roll_call(store, undl_id: int) -> dict:
    return next(store.query("SELECT * FROM roll_calls WHERE undl_id = ?", [undl_id]))


def snapshot(store) -> tuple[list, list, list]:
    return (
        list(store.query("SELECT * FROM roll_calls ORDER BY undl_id")),
        list(store.query("SELECT * FROM roll_call_positions ORDER BY undl_id, country")),
        list(store.query("SELECT rowid, * FROM roll_calls_fts ORDER BY rowid")),
    )


def test_the_official_record_of_es_11_3(store):
    report = import_roll_calls(store, shared_file("undl-layout_A-RES-ES-11-3.csv"))

    assert (report.body, report.records, report.positions, report.skipped) == ("UNGA", 1, 193, [])
    counts = dict(store.execute(
        "SELECT position, count(*) FROM roll_call_positions GROUP BY position").fetchall())
    assert counts == {"yes": 93, "no": 24, "abstain": 58, "absent": 18}
    record = roll_call(store, 3967778)
    assert record["resolution"] == "A/RES/ES-11/3" and record["date"] == "2022-04-07"
    assert [record[TOTALS_BY_POSITION[p]] for p in ("yes", "no", "abstain", "absent")] == [93, 24, 58, 18]
    assert record["total_ms"] == 193 and record["dataset"] == "undl-layout_A-RES-ES-11-3.csv"
    members = positions(store, 3967778)
    assert (members["RUS"], members["UKR"], members["BLR"]) == ("no", "yes", "no")
    hits = store.execute(
        "SELECT rowid FROM roll_calls_fts WHERE roll_calls_fts MATCH '\"human\" \"rights\" \"council\"'").fetchall()
    assert hits == [(3967778,)]


@pytest.mark.parametrize("bom", [True, False])
def test_the_2026_header_with_or_without_byte_order_mark(store, tmp_path, bom):
    rows = ga_vote(101, {"FRA": "Y", "RUS": "N", "CHN": "A", "VEN": "X"}, vote_note="Recorded vote")
    report = import_roll_calls(store, write_csv(tmp_path / "ga.csv", GA_HEADER_2026, rows, bom=bom))

    assert (report.records, report.positions, report.skipped) == (1, 4, [])
    assert positions(store, 101) == {"FRA": "yes", "RUS": "no", "CHN": "abstain", "VEN": "absent"}
    assert roll_call(store, 101)["vote_note"] == "Recorded vote"


def test_the_2025_header_and_nv_in_any_case(store, tmp_path):
    rows = ga_vote(102, {"FRA": "y", "RUS": " N ", "CHN": "NV", "VEN": "nv", "CUB": "a"})
    report = import_roll_calls(store, write_csv(tmp_path / "ga2025.csv", GA_HEADER_2025, rows))

    assert (report.body, report.positions, report.skipped) == ("UNGA", 5, [])
    assert positions(store, 102) == {"FRA": "yes", "RUS": "no", "CHN": "absent", "VEN": "absent", "CUB": "abstain"}
    record = roll_call(store, 102)
    assert record["vote_note"] is None and record["total_non_voting"] == 2


def test_a_security_council_file(store, tmp_path):
    record = {"undl_id": 3970001, "date": "2022-03-24", "resolution": "S/RES/2626(2022)",
              "description": "Resolution on Afghanistan", "agenda": "The situation in Afghanistan",
              "modality": "Voting", "total_yes": 14, "total_no": 0, "total_abstentions": 1,
              "total_non_voting": 0, "total_ms": 15}
    members = [("USA", "True", "Y"), ("RUS", "True", "A"), ("ALB", "False", "Y"), ("IND", "false", "Y")]
    rows = [{**record, "ms_code": code, "ms_name": code, "permanent_member": permanent, "ms_vote": vote}
            for code, permanent, vote in members]
    report = import_roll_calls(store, write_csv(tmp_path / "sc.csv", SC_HEADER, rows))

    assert (report.body, report.records, report.positions) == ("UNSC", 1, 4)
    stored = roll_call(store, 3970001)
    assert (stored["body"], stored["title"], stored["agenda"], stored["modality"]) == (
        "UNSC", "Resolution on Afghanistan", "The situation in Afghanistan", "Voting")
    permanent = dict(store.execute(
        "SELECT country, permanent_member FROM roll_call_positions WHERE undl_id = 3970001").fetchall())
    assert permanent == {"USA": 1, "RUS": 1, "ALB": 0, "IND": 0}
    assert positions(store, 3970001)["RUS"] == "abstain"


def test_importing_a_file_again_changes_nothing(store, tmp_path):
    path = write_csv(tmp_path / "ga.csv", GA_HEADER_2026,
                     ga_vote(201, {"FRA": "Y", "RUS": "N"}) + ga_vote(202, {"FRA": "A", "RUS": "Y", "USA": "N"}))
    first = import_roll_calls(store, path)
    before = snapshot(store)
    second = import_roll_calls(store, path)

    assert (second.records, second.positions) == (first.records, first.positions) == (2, 5)
    strip_time = lambda rows: [{k: v for k, v in row.items() if k != "imported_at"} for row in rows]  # noqa: E731
    after = snapshot(store)
    assert strip_time(after[0]) == strip_time(before[0]) and after[1:] == before[1:]


def test_a_newer_version_updates_without_duplicating(store, tmp_path):
    old = ga_vote(301, {"FRA": "Y", "RUS": "N", "CUB": "A"}) + ga_vote(302, {"FRA": "Y", "RUS": "Y"})
    import_roll_calls(store, write_csv(tmp_path / "v1.csv", GA_HEADER_2026, old))
    # Version 2: Cuba's vote is corrected, and so is the total of abstentions; Russia is no longer
    # listed; record 302 is not in this file.
    new = ga_vote(301, {"FRA": "Y", "CUB": "N"}, total_abstentions=7)
    report = import_roll_calls(store, write_csv(tmp_path / "v2.csv", GA_HEADER_2026, new))

    assert (report.records, report.positions) == (1, 2)
    assert positions(store, 301) == {"FRA": "yes", "CUB": "no"}
    record = roll_call(store, 301)
    assert (record["total_abstentions"], record["total_no"], record["dataset"]) == (7, 1, "v2.csv")
    assert positions(store, 302) == {"FRA": "yes", "RUS": "yes"}
    assert store["roll_calls"].count == 2 and store["roll_call_positions"].count == 4
    assert store.execute("SELECT count(*) FROM roll_calls_fts").fetchone()[0] == 2


@pytest.mark.parametrize("failure", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_an_interrupted_import_leaves_the_store_as_it_was(store, tmp_path, monkeypatch, failure):
    import_roll_calls(store, write_csv(tmp_path / "v1.csv", GA_HEADER_2026, ga_vote(401, {"FRA": "Y", "RUS": "N"})))
    before = snapshot(store)
    members = {f"M{n:02d}": "Y" for n in range(30)}
    newer = ga_vote(401, {"FRA": "N"}) + [row for n in range(402, 406) for row in ga_vote(n, members)]
    path = write_csv(tmp_path / "v2.csv", GA_HEADER_2026, newer)

    monkeypatch.setattr(db.roll_calls, "BATCH_ROWS", 10)
    batches = []
    write = db.roll_calls.Batch.write

    def fail_after_first_batch(self, database, report):
        if batches:
            raise failure
        batches.append(len(self.positions))
        write(self, database, report)

    monkeypatch.setattr(db.roll_calls.Batch, "write", fail_after_first_batch)
    with pytest.raises(type(failure)):
        import_roll_calls(store, path)

    assert batches == [31]  # whole records: 401, then 402 (30 members) brought the batch past 10
    assert snapshot(store) == before
    assert not store.conn.in_transaction


def test_unreadable_rows_are_reported_with_their_lines(store, tmp_path):
    good = ga_vote(501, {"FRA": "Y", "RUS": "N"})
    multiline_title = ga_vote(502, {"CUB": "Y"}, title="A title\nover two lines")
    bad = [  # the header is line 1, the good rows lines 2 and 3, the two-line title lines 4 and 5
        {**good[0], "undl_id": ""},
        {**good[0], "ms_code": " "},
        {**good[0], "ms_code": "USA", "ms_vote": "Maybe"},
        {**ga_vote(503, {"USA": "Y"})[0], "total_yes": "many"},
        {**ga_vote(504, {"USA": "Y"})[0], "date": "the 40th of May"},
        {**ga_vote(505, {"USA": "Y"})[0], "undl_id": "A/RES/1"},
    ]
    path = write_csv(tmp_path / "bad.csv", GA_HEADER_2026, good + multiline_title + bad)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("506,USA,USA,Y\n")  # too few fields

    report = import_roll_calls(store, path)

    assert [line for line, _ in report.skipped] == [6, 7, 8, 9, 10, 11, 12]
    reasons = [reason for _, reason in report.skipped]
    for expected, reason in zip(["undl_id", "ms_code", "ms_vote 'Maybe'", "total_yes 'many'",
                                 "date 'the 40th of May'", "'A/RES/1' is not a whole number", "4 fields"], reasons):
        assert expected in reason
    assert (report.records, report.positions, report.skipped_rows) == (2, 3, 7)
    assert roll_call(store, 502)["title"] == "A title\nover two lines"


@pytest.mark.parametrize("written", ["2022-04-07", "2022-04-07T00:00:00", "2022-04-07 00:00:00+00:00",
                                     "20220407", "07/04/2022", "7 April 2022", "April 7, 2022"])
def test_dates_are_normalised(written):
    assert parse_date(written) == "2022-04-07"


def test_a_date_in_another_form_is_stored_normalised(store, tmp_path):
    rows = ga_vote(601, {"FRA": "Y"}, date="12 October 2022")
    import_roll_calls(store, write_csv(tmp_path / "ga.csv", GA_HEADER_2026, rows))
    assert roll_call(store, 601)["date"] == "2022-10-12"


def test_a_file_that_is_not_undl_voting_data_is_refused(store, tmp_path):
    import_roll_calls(store, write_csv(tmp_path / "ga.csv", GA_HEADER_2026, ga_vote(701, {"FRA": "Y"})))
    before = snapshot(store)
    other = tmp_path / "other.csv"
    other.write_text("country,vote\nFrance,Y\n", encoding="utf-8")

    with pytest.raises(NotUndlFile, match="undl_id"):
        import_roll_calls(store, other)
    with pytest.raises(NotUndlFile, match="UTF-8"):
        other.write_bytes("undl_id,ms_code\n".encode("utf-16"))
        import_roll_calls(store, other)
    assert snapshot(store) == before


def test_a_wide_matrix_is_refused(store):
    with pytest.raises(NotUndlFile):
        import_roll_calls(store, shared_file("voeten-derived_ungaVoting_003_year2022.csv"))


def test_progress_is_reported_in_bytes(store, tmp_path, monkeypatch):
    monkeypatch.setattr(db.roll_calls, "BATCH_ROWS", 5)
    members = {f"M{n:02d}": "Y" for n in range(5)}
    path = write_csv(tmp_path / "ga.csv", GA_HEADER_2026, [row for n in range(801, 806) for row in ga_vote(n, members)])
    seen = []
    import_roll_calls(store, path, on_progress=lambda done, total: seen.append((done, total)))

    size = path.stat().st_size
    assert len(seen) == 5 and seen[-1] == (size, size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def tally_mismatches(store) -> list[int]:
    """Records whose positions do not add up to their official totals."""
    return [row[0] for row in store.execute("""
        SELECT r.undl_id FROM roll_calls r JOIN roll_call_positions p USING (undl_id)
         GROUP BY r.undl_id
        HAVING sum(p.position = 'yes') != r.total_yes OR sum(p.position = 'no') != r.total_no
            OR sum(p.position = 'abstain') != r.total_abstentions
            OR sum(p.position = 'absent') != r.total_non_voting""")]


def test_the_converted_wide_undl_matrix_imports(store, tmp_path):
    source = shared_file("undl-derived_UN_DATA_GA-SC_1946-2021_wide.csv.gz")
    ga, sc = tmp_path / "ga.csv", tmp_path / "sc.csv"
    conversion = convert_undl_wide(source, ga, sc, limit=60)

    assert conversion.votes["ga"] and conversion.votes["sc"]
    reports = {report.body: report for report in (import_roll_calls(store, ga), import_roll_calls(store, sc))}
    assert reports["UNGA"].records == conversion.votes["ga"] and reports["UNGA"].positions == conversion.rows["ga"]
    assert reports["UNSC"].records == conversion.votes["sc"] and reports["UNSC"].positions == conversion.rows["sc"]
    assert not reports["UNGA"].skipped and not reports["UNSC"].skipped
    # The mislabelled count columns were put right: every record adds up, except those the
    # converter had to drop a member's vote from (a former state it has no code for).
    assert {str(undl_id) for undl_id in tally_mismatches(store)} == conversion.incomplete
    permanent = {row[0] for row in store.execute(
        "SELECT DISTINCT country FROM roll_call_positions WHERE permanent_member = 1")}
    assert permanent == {"CHN", "FRA", "GBR", "RUS", "USA"}


def test_the_converted_voeten_matrix_with_the_2025_header(store, tmp_path):
    output = tmp_path / "ga2025.csv"
    conversion = convert_voeten(shared_file("voeten-derived_ungaVoting_003_year2022.csv"), output, old_header=True)
    with output.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
        assert header == GA_HEADER_2025 and any(row[3] == "NV" for row in csv.reader(handle))

    report = import_roll_calls(store, output)
    assert (report.records, report.positions) == (conversion.votes["ga"], conversion.rows["ga"])
    assert report.records == 81
    cuba_embargo = 90_000_000 + 9373
    members = positions(store, cuba_embargo)
    assert (members["USA"], members["ISR"], members["BRA"], members["UKR"]) == ("no", "no", "abstain", "abstain")
    record = roll_call(store, cuba_embargo)
    assert (record["total_yes"], record["total_no"], record["total_abstentions"]) == (185, 2, 2)
    assert tally_mismatches(store) == []


def test_the_import_un_command(tmp_path, capsys):
    good = write_csv(tmp_path / "ga.csv", GA_HEADER_2026,
                     ga_vote(901, {"FRA": "Y", "RUS": "N"}) + [{**ga_vote(901, {"USA": "?"})[0]}])
    other = tmp_path / "other.csv"
    other.write_text("country,vote\nFrance,Y\n", encoding="utf-8")
    config = Config(store_path=tmp_path / "store.db")

    status = command_import_un(argparse.Namespace(paths=[good, other]), config)

    output = capsys.readouterr()
    assert status == 1
    assert "ga.csv (UNGA): 1 record, 2 positions" in output.out and "line 4: ms_vote '?'" in output.out
    assert "other.csv" in output.err and "not UN Digital Library voting data" in output.err
    assert open_store(config.store_path)["roll_call_positions"].count == 2


def test_a_number_too_large_for_sqlite_is_a_skipped_row(store, tmp_path):
    largest = 2**63 - 1  # SQLite's integers are 64-bit
    rows = [
        *ga_vote(1001, {"FRA": "Y", "RUS": "N"}),
        {**ga_vote(1002, {"USA": "Y"})[0], "undl_id": "9" * 30},
        {**ga_vote(1003, {"USA": "Y"})[0], "total_yes": "1" + "0" * 29},
        {**ga_vote(1004, {"USA": "Y"})[0], "undl_id": largest + 1},
        {**ga_vote(1005, {"USA": "Y"})[0], "undl_id": largest},
    ]
    report = import_roll_calls(store, write_csv(tmp_path / "huge.csv", GA_HEADER_2026, rows))

    assert [line for line, _ in report.skipped] == [4, 5, 6]
    assert "undl_id '" + "9" * 30 + "' is too large" in report.skipped[0][1]
    assert "total_yes '1" in report.skipped[1][1] and "too large" in report.skipped[1][1]
    assert f"undl_id '{largest + 1}' is too large" in report.skipped[2][1]
    assert (report.records, report.positions, report.skipped_rows) == (2, 3, 3)
    assert positions(store, largest) == {"USA": "yes"}


def test_a_repeated_row_counts_its_position_once(store, tmp_path, monkeypatch):
    monkeypatch.setattr(db.roll_calls, "BATCH_ROWS", 2)  # the repeats land in later batches
    france, russia, china = ga_vote(1101, {"FRA": "Y", "RUS": "N", "CHN": "A"})
    rows = [france, russia, china, *ga_vote(1102, {"FRA": "N"}), france, {**russia, "ms_vote": "A"}]
    path = write_csv(tmp_path / "repeated.csv", GA_HEADER_2026, rows)

    for _ in range(2):  # and again: the same counts
        report = import_roll_calls(store, path)
        assert (report.records, report.positions, report.duplicate_rows) == (2, 4, 2)
    assert positions(store, 1101) == {"FRA": "yes", "RUS": "abstain", "CHN": "abstain"}  # the later row wins


def test_the_import_un_command_counts_repeated_rows_once(tmp_path, capsys):
    rows = ga_vote(1201, {"FRA": "Y", "RUS": "N"})
    path = write_csv(tmp_path / "ga.csv", GA_HEADER_2026, [*rows, *rows, rows[0]])

    command_import_un(argparse.Namespace(paths=[path]), Config(store_path=tmp_path / "store.db"))

    output = capsys.readouterr().out
    assert "ga.csv (UNGA): 1 record, 2 positions" in output and "3 duplicate rows" in output


def test_an_import_reports_what_it_changed(store, tmp_path):
    first = import_roll_calls(store, write_csv(tmp_path / "v1.csv", GA_HEADER_2026,
                                               ga_vote(501, {"FRA": "Y", "RUS": "N", "CHN": "A"})))
    assert (first.new_records, first.changed_records, first.changed_positions) == (1, 0, 0)
    newer = ga_vote(501, {"FRA": "Y", "RUS": "A", "IND": "Y"}) + ga_vote(502, {"FRA": "Y"})
    second = import_roll_calls(store, write_csv(tmp_path / "v2.csv", GA_HEADER_2026, newer))
    # 501: Russia changed, China gone, India added; 502 is new
    assert (second.new_records, second.changed_records, second.changed_positions) == (1, 1, 3)
    again = import_roll_calls(store, tmp_path / "v2.csv")
    assert (again.new_records, again.changed_records, again.changed_positions) == (0, 0, 0)
