"""Pictures of votes and of agreement (replies.pictures): each is decoded and its pixels read, so
that the tests check what a person would see: each country's colour inside its shape (or its dot),
each Council seat's colour and label, the legend's counts and colours, the bars' heights.

Official records come from a store in memory through db.queries / db.comparisons, so the pictures
get exactly the dicts the answers get; reported votes are dicts in db.queries.get_vote's shape. Only
the shipped data/geo is read (rebuilding it from ../shared is checked when that is here).
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from matplotlib.path import Path as ShapePath
from PIL import Image

from db import comparisons, open_store
from db.queries import roll_call_vote
from reference.countries import countries
from reference.vocabulary import POSITIONS
from replies import geography, pictures
from replies.pictures import (
    BAR_COLOUR,
    COLOURS,
    COUNCIL_HEIGHT,
    HORSESHOE_RADIUS,
    LABEL_RADIUS,
    TEXT_COLOUR,
    UNKNOWN,
    UNKNOWN_COLOUR,
    WIDTH,
    agreement_periods,
    agreement_picture,
    bar_boxes,
    council_seats,
    legend_labels,
    map_layout,
    note_lines,
    seat_centres,
    vote_picture,
    vote_positions,
)

MEMBERS = sorted(code for code, country in countries().items() if country.un_member)
# A General Assembly record: every member yes but these.
GA_EXCEPTIONS = {"RUS": "no", "BLR": "no", "CHN": "abstain", "IND": "abstain", "BRA": "absent",
                 "LUX": "abstain", "MCO": "no", "TUV": "absent"}
COUNCIL = ("CHN", "FRA", "GBR", "RUS", "USA", "ALB", "BRA", "GAB", "GHA", "IND", "IRL", "KEN", "MEX", "NOR", "ARE")
COUNCIL_EXCEPTIONS = {"RUS": "no", "CHN": "abstain", "IND": "abstain", "GAB": "absent"}
PERMANENT = {"CHN", "FRA", "GBR", "RUS", "USA"}
MAX_PNG_BYTES = 1_000_000
ROOT = Path(__file__).resolve().parent.parent
SHARED_GEO = ROOT.parent / "shared" / "data" / "geo"


# ---------------------------------------------------------------- helpers
def pixels(png: bytes) -> np.ndarray:
    """The PNG's pixels, rows from the top, RGB."""
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])


def colour_at(image: np.ndarray, column: float, row: float) -> np.ndarray:
    return image[round(row), round(column)]


def is_colour(pixel: np.ndarray, colour: str, tolerance: int = 6) -> bool:
    return bool(np.abs(pixel - rgb(colour)).max() <= tolerance)


def map_colour(image: np.ndarray, code: str) -> np.ndarray:
    """The colour at a country's inland point (its dot, for a dotted one)."""
    return colour_at(image, *map_layout().pixel(*geography.world().countries[code].point))


def record_store(records: list[tuple[dict, dict[str, str]]], permanent: set[str] = frozenset()):
    """A store in memory holding official records (a row, and positions by country)."""
    db = open_store(":memory:")
    db["roll_calls"].insert_all(
        {"resolution": None, "title": None, "undl_link": None, **record,
         "dataset": "test", "imported_at": "2025-01-01T00:00:00Z"}
        for record, _ in records
    )
    db["roll_call_positions"].insert_all(
        {"undl_id": record["undl_id"], "country": code, "country_name": code.lower(), "position": position,
         "permanent_member": int(code in permanent) if record["body"] == "UNSC" else None}
        for record, positions in records
        for code, position in positions.items()
    )
    return db


def tallied(undl_id: int, body: str, date: str, positions: Mapping[str, str], **fields) -> tuple[dict, dict]:
    """A record row with totals that match ``positions``."""
    totals = {column: sum(1 for p in positions.values() if p == position) for column, position in (
        ("total_yes", "yes"), ("total_no", "no"), ("total_abstentions", "abstain"), ("total_non_voting", "absent"))}
    return {"undl_id": undl_id, "body": body, "date": date, **totals, **fields}, dict(positions)


@pytest.fixture(scope="module")
def ga_vote() -> dict:
    positions = {code: GA_EXCEPTIONS.get(code, "yes") for code in MEMBERS}
    db = record_store([tallied(3967778, "UNGA", "2022-04-07", positions, resolution="A/RES/ES-11/3",
                               title="Suspension of the rights of membership of the Russian Federation")])
    return roll_call_vote(db, 3967778)


@pytest.fixture(scope="module")
def ga_png(ga_vote) -> bytes:
    return vote_picture(ga_vote)


def reported_vote(positions: list[tuple[str, str]], **figures) -> dict:
    """A vote only the sources report (the shape db.queries.get_vote gives), no official record."""
    return {
        "id": 1, "body": "UNGA", "date": "2022-10-12", "subject": "resolution calling Moscow’s move illegal",
        "resolution": None, "adopted": True, "vetoed_by": [], "reports": [], "disagreements": [],
        "yes": None, "no": None, "abstain": None, "absent": None, **figures,
        "positions": [{"country": code, "position": position, "source_id": source, "report_id": source}
                      for source, (code, position) in enumerate(positions, start=1)],
        "official_positions": {}, "official_tally": None, "roll_call": None,
        "record_disagreements": [], "symbol_conflicts": [],
    }


# The bundled article's General Assembly vote: nine countries named, every figure stated.
NAMED_NINE = [("BLR", "no"), ("NIC", "no"), ("PRK", "no"), ("RUS", "no"), ("SYR", "no"),
              ("CHN", "abstain"), ("IND", "abstain"), ("PAK", "abstain"), ("ZAF", "abstain")]


# ---------------------------------------------------------------- the shapes shipped
def test_the_projection_is_equal_earth():
    # The projection's published extent (unit sphere): x 2.7066 at the equator's ends, y 1.3174 at a pole.
    x, y = geography.equal_earth(np.array([180.0, 0.0, -90.0]), np.array([0.0, 90.0, 0.0]))
    assert x == pytest.approx([2.70663, 0, -1.35331], abs=1e-4)
    assert y == pytest.approx([0, 1.31736, 0], abs=1e-4)


def test_the_inland_points_lie_inside_their_shapes():
    world = geography.world()
    for code, country in world.countries.items():
        if country.rings:
            path = ShapePath.make_compound_path(*(ShapePath(ring, closed=True) for ring in country.rings))
            assert path.contains_point(country.point), code


def test_every_member_has_a_shape_or_a_point_and_the_data_stays_small():
    world = geography.world()
    assert set(MEMBERS) <= set(world.countries)
    assert "ATA" not in world.countries  # Antarctica is left out
    assert geography.SHAPES_PATH.stat().st_size < 300_000
    assert (geography.SHAPES_PATH.parent / "LICENSE").exists()
    assert (geography.SHAPES_PATH.parent / "SOURCE.md").exists()


@pytest.mark.skipif(not (SHARED_GEO / "countries-110m.json").exists(),
                    reason="../shared/data/geo is not here to rebuild from")
def test_the_shipped_shapes_are_what_the_build_script_makes(tmp_path):
    pytest.importorskip("pycountry", reason="the build script needs the reference extra")
    subprocess.run([sys.executable, "scripts/build_geo.py", "--out", str(tmp_path)], cwd=ROOT, check=True,
                   capture_output=True)
    name = geography.SHAPES_PATH.name
    assert (tmp_path / name).read_bytes() == geography.SHAPES_PATH.read_bytes()


# ---------------------------------------------------------------- the General Assembly map
def test_each_country_is_painted_in_its_position_colour(ga_png):
    image = pixels(ga_png)
    for code, position in {"FRA": "yes", "USA": "yes", "RUS": "no", "BLR": "no", "CHN": "abstain",
                           "IND": "abstain", "BRA": "absent", "AUS": "yes"}.items():
        assert is_colour(map_colour(image, code), COLOURS[position]), code
    assert is_colour(map_colour(image, "GRL"), UNKNOWN_COLOUR)  # not a member: no vote on record


def test_countries_too_small_to_see_are_dots_in_their_colour(ga_vote, ga_png):
    shown = pictures.on_the_map(vote_positions(ga_vote))
    dotted = set(pictures.dotted(shown))
    assert {"LUX", "MCO", "TUV", "SGP", "MLT"} <= dotted  # a tiny shape, and members with none
    assert not {"FRA", "RUS", "CHN"} & dotted
    image = pixels(ga_png)
    assert is_colour(map_colour(image, "LUX"), COLOURS["abstain"])
    assert is_colour(map_colour(image, "MCO"), COLOURS["no"])
    assert is_colour(map_colour(image, "TUV"), COLOURS["absent"])


def test_the_map_is_discord_sized_with_title_and_legend(ga_vote, ga_png):
    image = Image.open(io.BytesIO(ga_png))
    assert image.format == "PNG"
    assert image.size == (WIDTH, map_layout().height)
    assert 600 <= image.size[1] <= 800
    assert len(ga_png) < MAX_PNG_BYTES
    assert pictures._title(ga_vote).startswith("Suspension of the rights")
    assert pictures._vote_line(ga_vote) == "UN General Assembly · 7 April 2022 · A/RES/ES-11/3 · Adopted"


def test_the_legend_gives_the_official_counts(ga_vote):
    positions = vote_positions(ga_vote)
    yes = len(MEMBERS) - len(GA_EXCEPTIONS)
    assert legend_labels(positions, positions.stated_total()) == [
        ("yes", f"Yes {yes}"), ("no", "No 3"), ("abstain", "Abstained 3"), ("absent", "Did not vote 2"),
        (UNKNOWN, "No vote on record"),
    ]
    assert note_lines(positions, set(positions.known), positions.stated_total(), "countries") == []


def test_the_legend_row_shows_the_colours_in_order(ga_png):
    image = pixels(ga_png)
    row = image[map_layout().height - pictures.MAP_LEGEND_Y]
    runs = []  # the colours of the legend's swatches, left to right
    for key in [*POSITIONS, UNKNOWN]:
        colour = COLOURS.get(key, UNKNOWN_COLOUR)
        columns = np.flatnonzero(np.abs(row - rgb(colour)).max(axis=1) <= 2)
        assert len(columns) >= pictures.SWATCH - 2, key
        runs.append(columns.min())
    assert runs == sorted(runs)


def test_official_positions_win_over_the_articles(ga_vote):
    vote = {**ga_vote, "positions": [{"country": "FRA", "position": "no", "source_id": 1}]}
    image = pixels(vote_picture(vote))
    assert is_colour(map_colour(image, "FRA"), COLOURS["yes"])


def test_renamed_states_are_drawn_and_former_states_listed_not_painted():
    positions = {"SUN": "yes", "YUG": "no", "ZAR": "abstain", "UKR": "yes", "USA": "no"}
    db = record_store([tallied(77, "UNGA", "1975-11-10", positions, resolution="A/RES/3376(XXX)")])
    vote = roll_call_vote(db, 77)
    image = pixels(vote_picture(vote))
    assert is_colour(map_colour(image, "COD"), COLOURS["abstain"])  # Zaire is DR Congo, renamed
    assert is_colour(map_colour(image, "RUS"), UNKNOWN_COLOUR)  # the USSR is not Russia
    shown = vote_positions(vote)
    drawn = {code for code in shown.known if geography.shape_code(code) in pictures.on_the_map(shown)}
    assert note_lines(shown, drawn, shown.stated_total(), "countries") == [
        "Not on the map: USSR (yes), Yugoslavia (no)"
    ]


# ---------------------------------------------------------------- what the sources leave unknown
def test_a_partly_named_vote_shows_the_named_and_says_the_rest_is_unknown():
    vote = reported_vote(NAMED_NINE, yes=143, no=5, abstain=35, absent=10)
    png = vote_picture(vote)
    image = pixels(png)
    assert is_colour(map_colour(image, "RUS"), COLOURS["no"])
    assert is_colour(map_colour(image, "CHN"), COLOURS["abstain"])
    for unnamed in ("USA", "FRA", "BRA", "AUS"):
        assert is_colour(map_colour(image, unnamed), UNKNOWN_COLOUR), unnamed
    positions = vote_positions(vote)
    assert legend_labels(positions, positions.stated_total()) == [
        ("yes", "Yes 143 (none named)"), ("no", "No 5"), ("abstain", "Abstained 35 (4 named)"),
        ("absent", "Did not vote 10 (none named)"), (UNKNOWN, "Not named 184"),
    ]
    assert note_lines(positions, set(positions.known), positions.stated_total(), "countries") == [
        "The sources name how 9 of the 193 countries voted; the rest, in grey, are unknown."
    ]
    assert len(png) < MAX_PNG_BYTES


def test_a_country_the_sources_disagree_on_stays_grey_and_is_named():
    vote = reported_vote([("CHL", "yes"), ("CHL", "abstain"), ("RUS", "no")], no=5)
    positions = vote_positions(vote)
    assert positions.known == {"RUS": "no"} and positions.disputed == ("CHL",)
    image = pixels(vote_picture(vote))
    assert is_colour(map_colour(image, "CHL"), UNKNOWN_COLOUR)
    assert "The sources differ on Chile (grey)." in note_lines(positions, {"RUS"}, None, "countries")
    assert legend_labels(positions, None)[0] == ("no", "No 5 (1 named)")


def test_no_picture_without_a_named_position():
    assert vote_picture(reported_vote([], yes=143, no=5, abstain=35, absent=10)) is None


# ---------------------------------------------------------------- the Security Council
@pytest.fixture(scope="module")
def council_vote() -> dict:
    positions = {code: COUNCIL_EXCEPTIONS.get(code, "yes") for code in COUNCIL}
    db = record_store([tallied(3952683, "UNSC", "2021-12-22", positions, resolution="S/RES/2616(2021)",
                               title="Security Council resolution 2616 (2021)")], permanent=PERMANENT)
    return roll_call_vote(db, 3952683)


def test_the_council_is_fifteen_labelled_seats_in_their_colours(council_vote):
    seats = council_seats(council_vote, vote_positions(council_vote))
    assert len(seats) == 15 and {code for code, _ in seats} == set(COUNCIL)
    assert [position for _, position in seats] == ["yes"] * 11 + ["no", "abstain", "abstain", "absent"]
    assert [code for code, _ in seats][:4] == ["FRA", "GBR", "USA", "ALB"]  # permanent members first
    png = vote_picture(council_vote)
    image = pixels(png)
    assert image.shape[:2] == (COUNCIL_HEIGHT, WIDTH) and len(png) < MAX_PNG_BYTES
    for (x, y), (code, position) in zip(seat_centres(15), seats):
        # The seat's colour, below its centre (which carries "Yes", "No"…).
        assert is_colour(colour_at(image, x, COUNCIL_HEIGHT - y + 15), COLOURS[position]), code
        # Its name, outside the horseshoe: dark text near where the label starts.
        scale = LABEL_RADIUS / HORSESHOE_RADIUS
        label_x = WIDTH / 2 + (x - WIDTH / 2) * scale
        label_y = COUNCIL_HEIGHT - (pictures.COUNCIL_CENTRE[1] + (y - pictures.COUNCIL_CENTRE[1]) * scale)
        around = image[round(label_y) - 25:round(label_y) + 25, max(0, round(label_x) - 90):round(label_x) + 90]
        assert (np.abs(around - rgb(TEXT_COLOUR)).max(axis=2) <= 40).any(), code
    positions = vote_positions(council_vote)
    assert legend_labels(positions, 15)[:4] == [
        ("yes", "Yes 11"), ("no", "No 1"), ("abstain", "Abstained 2"), ("absent", "Did not vote 1"),
    ]


def test_a_council_veto_named_alone_leaves_fourteen_unknown_seats():
    vote = {**reported_vote([("RUS", "no")]), "body": "UNSC", "date": "2022-09", "subject": None,
            "adopted": False, "vetoed_by": ["RUS"]}
    positions = vote_positions(vote)
    seats = council_seats(vote, positions)
    assert seats == [("RUS", "no")] + [(None, UNKNOWN)] * 14
    image = pixels(vote_picture(vote))
    centres = seat_centres(15)
    x, y = centres[0]
    assert is_colour(colour_at(image, x, COUNCIL_HEIGHT - y + 15), COLOURS["no"])
    ring = x + pictures.SEAT_DIAMETER / 2
    assert is_colour(colour_at(image, ring, COUNCIL_HEIGHT - y), TEXT_COLOUR, tolerance=40)  # the veto's ring
    for x, y in centres[1:]:
        assert is_colour(colour_at(image, x, COUNCIL_HEIGHT - y + 15), UNKNOWN_COLOUR)
    assert legend_labels(positions, 15) == [("no", "No: 1 named"), (UNKNOWN, "Not named 14")]
    assert note_lines(positions, {"RUS"}, 15, "members") == [
        "The sources name how 1 of the 15 members voted; the rest, in grey, are unknown."
    ]
    assert pictures._outcome(vote) == "Vetoed by Russia"


# ---------------------------------------------------------------- /compare
@pytest.fixture(scope="module")
def comparison() -> dict:
    # France and Russia over four years: alike on 4 of 4 votes in 2019, 3 of 4 in 2020, 1 of 4 in
    # 2021, 2 of 4 in 2022 (and one vote Russia missed, left out).
    differing = {2019: 0, 2020: 1, 2021: 3, 2022: 2}
    records = []
    for year, differ in differing.items():
        for index in range(4):
            positions = {"FRA": "yes", "RUS": "no" if index < differ else "yes"}
            records.append(tallied(year * 10 + index, "UNGA", f"{year}-0{index + 1}-15", positions))
    records.append(tallied(99, "UNGA", "2022-09-01", {"FRA": "yes", "RUS": "absent"}))
    return comparisons.compare_countries(record_store(records), "FRA", "RUS")


def test_the_chart_plots_each_periods_share(comparison):
    assert agreement_periods(comparison) == [("2019", 1.0, 4), ("2020", 0.75, 4), ("2021", 0.25, 4), ("2022", 0.5, 4)]


def test_the_chart_bars_are_as_tall_as_the_shares(comparison):
    png = agreement_picture(comparison)
    image = pixels(png)
    height = pictures.CHART_HEIGHT
    assert image.shape[:2] == (height, WIDTH) and len(png) < MAX_PNG_BYTES
    for left, bottom, width, bar_height in bar_boxes([1.0, 0.75, 0.25, 0.5]):
        column = left + 4  # beside the percentage written at the top
        assert is_colour(colour_at(image, column, height - bottom - bar_height + 3), BAR_COLOUR)
        assert not is_colour(colour_at(image, column, height - bottom - bar_height - 3), BAR_COLOUR, tolerance=60)


def test_no_chart_for_fewer_than_two_periods(comparison):
    assert agreement_picture({**comparison, "over_time": comparison["over_time"][:1]}) is None
    never = comparisons.compare_countries(record_store([]), "FRA", "RUS")
    assert agreement_periods(never) == [] and agreement_picture(never) is None


# ---------------------------------------------------------------- off the event loop
def test_pictures_drawn_in_threads_at_once_are_the_same_as_one_at_a_time(ga_vote, council_vote, comparison):
    jobs = [(vote_picture, ga_vote), (vote_picture, council_vote), (agreement_picture, comparison)] * 2
    alone = [draw(facts) for draw, facts in jobs]
    with ThreadPoolExecutor(max_workers=3) as threads:
        together = list(threads.map(lambda job: job[0](job[1]), jobs))
    assert together == alone
