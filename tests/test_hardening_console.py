"""Square brackets from file names, CSV values and console lines are printed as they are, never
read as rich markup (which raised MarkupError after the data was committed)."""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

import pytest
from rich.console import Console

import cli
import console
from config import Config
from db import open_store
from db.roll_calls import ImportReport
from sources.ingest import IngestReport

HOSTILE_NAMES = ["report [draft].txt", "[bold]loud[red].txt", "back\\[slash].txt"]
ARTICLE = (
    "The Security Council on Monday extended the peacekeeping mission by a vote of 13 in favour, "
    "with two abstentions.\n“This mandate saves lives,” said Amara Okafor, Nigeria’s ambassador to the UN.\n"
)


@pytest.fixture
def terminal(monkeypatch) -> io.StringIO:
    """The consoles of console.py (as cli.py uses them too), writing to one buffer as a terminal would."""
    output = io.StringIO()
    fake = Console(file=output, force_terminal=True, width=200, color_system=None)
    for module in (console, cli):
        monkeypatch.setattr(module, "stdout", fake)
        monkeypatch.setattr(module, "stderr", fake)
    return output


def test_the_ingest_report_prints_hostile_file_names_and_reasons(terminal):
    report = IngestReport(
        added=[Path("report [draft].txt")],
        failed=[(Path("[bold]x[/oops].txt"), "the file looks binary [/]"), (Path("[/].txt"), "[red]no[/red]")],
    )
    cli.print_ingest_report(report)

    output = terminal.getvalue()
    assert "[bold]x[/oops].txt: the file looks binary [/]" in output
    assert "[/].txt: [red]no[/red]" in output
    assert "1 added" in output and "2 failed" in output


@pytest.mark.parametrize("name", [*HOSTILE_NAMES, "[link=evil.example]x.txt"])
def test_the_progress_bar_shows_hostile_file_names(terminal, name):
    with cli.progress("Ingesting") as update:
        update(total=2)
        update(advance=1, description=Path(name).name)  # drawn when the bar stops
    assert name in terminal.getvalue()


def test_ingest_of_hostile_file_names_reports_every_file(tmp_path, capsys):
    for name in HOSTILE_NAMES:
        (tmp_path / name).write_text(f"{name}\n\n{ARTICLE}", encoding="utf-8")  # each source differs
    (tmp_path / "[bold]broken[draft].txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    cli.main(["--store", str(tmp_path / "store.db"), "ingest", str(tmp_path)])

    output = capsys.readouterr()
    assert "[bold]broken[draft].txt: the file looks binary" in output.err
    assert "3 added" in output.out and "1 failed" in output.out
    assert open_store(tmp_path / "store.db")["sources"].count == len(HOSTILE_NAMES)


@pytest.mark.parametrize("line", ["/[/x]", "/quotes[bold] speaker:x", "/vote[/] country:x"])
def test_a_refused_console_line_is_printed_as_typed(terminal, line):
    console.print_answer(open_store(":memory:"), line)
    assert f"unknown command “{line.split()[0]}”" in terminal.getvalue()


def test_an_answer_quoting_the_line_is_printed_as_typed(terminal):
    console.print_answer(open_store(":memory:"), "/vote vote:[/x] [bold]")
    assert "“[/x] [bold]”" in terminal.getvalue()


def test_the_import_report_prints_hostile_names_and_values(terminal):
    report = ImportReport(file=Path("votes [draft][bold].csv"), body="UNGA", records=1, positions=2,
                          skipped=[(3, "ms_vote '[/]' is not Y, N, A, X or NV"), (4, "date '[b]' not understood")],
                          skipped_rows=2)
    cli.print_import_report(report)

    output = terminal.getvalue()
    assert "votes [draft][bold].csv (UNGA): 1 record, 2 positions" in output
    assert "line 3: ms_vote '[/]' is not Y" in output and "line 4: date '[b]' not understood" in output


def test_import_un_of_a_hostile_file_prints_its_summary_and_goes_on(tmp_path, capsys):
    header = ("undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,"
              "agenda_title,subjects,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link")
    hostile = tmp_path / "ga [draft].csv"
    with hostile.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header.split(","))
        writer.writerow([1, "FRA", "France", "Y", "2022-10-12", *[""] * 8, 1, 0, 0, 0, 2, ""])
        writer.writerow([1, "RUS", "Russia", "[/]", "2022-10-12", *[""] * 8, 1, 0, 0, 0, 2, ""])
    not_undl = tmp_path / "[bold]other[draft].csv"
    not_undl.write_text("country,vote\n[/],Y\n", encoding="utf-8")
    later = tmp_path / "later.csv"
    later.write_bytes(hostile.read_bytes())

    status = cli.command_import_un(
        argparse.Namespace(paths=[hostile, not_undl, later]), Config(store_path=tmp_path / "store.db")
    )

    output = capsys.readouterr()
    assert status == 1
    assert "ga [draft].csv (UNGA): 1 record, 1 position" in output.out
    assert "line 3: ms_vote '[/]' is not Y" in output.out
    assert "[bold]other[draft].csv: not UN Digital Library voting data" in output.err
    assert "later.csv (UNGA)" in output.out
