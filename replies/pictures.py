"""Pictures of votes and of agreement, as PNG bytes to attach to a reply.

* :func:`vote_picture`: a vote's whole tally. The General Assembly (and any other body whose
  members the sources name) as a world map, each country coloured by its position with the
  embeds' four colours (:data:`replies.style.POSITION_COLOURS`); the Security Council as its
  horseshoe table, one labelled seat per member.
* :func:`agreement_picture`: how often two countries voted alike, per year or decade.

Drawn with matplotlib on its Agg canvas (no display, no pyplot and its global state): the
best-kept plotting library for Python, with the DejaVu fonts bundled (nothing is fetched) and path
collections that draw the ~200 country shapes in one call. Everything is placed in pixels on the
figure itself: Axes, ticks and legends cost more to build and lay out than the whole map takes to
draw. Each picture has its own ``Figure``; only the projected shapes and their paths are shared,
read-only, built once per process, so pictures may be drawn in a worker thread
(``asyncio.to_thread``). Text is drawn with ``parse_math=False``: a ``$`` in a title stays a dollar.

What a vote picture shows: the official record's positions when one is linked, otherwise those
the sources agree on (a country they disagree on stays grey and is named below the legend);
countries nobody names are grey, and the picture says they are unknown. Countries too small to see
at this size (and the members the 1:110m shapes lack) are dots. A state that only changed its name
(Zaire, Upper Volta…) is drawn on its current shape; one that split or merged (USSR, Yugoslavia,
the GDR…) has no shape of its own, so it is not painted over its successors but listed below the
legend with its position. A picture needs at least one named position: a tally with no names gets
none (the embed says all there is). Any body other than the Security Council gets the map.
"""

from __future__ import annotations

import functools
import io
import textwrap
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import CircleCollection, LineCollection, PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.transforms import Affine2D, IdentityTransform
from PIL import Image

from reference.countries import country_name
from reference.vocabulary import PERMANENT_MEMBERS, POSITION_LABELS, POSITIONS, SECURITY_COUNCIL, body_name, record_source
from replies import geography
from replies.style import INFO_COLOUR, POSITION_COLOURS, country_in_sentence, display_date, sources_note

# Every length below is in pixels, measured from the figure's bottom left unless said otherwise.
DPI = 100
WIDTH = 1200
MARGIN = 10
COLOURS = {position: str(colour) for position, colour in POSITION_COLOURS.items()}
UNKNOWN = "unknown"  # the key of countries and seats whose position is not known
UNKNOWN_COLOUR = "#dde1e5"
BORDER_COLOUR = "#ffffff"
DOT_EDGE_COLOUR = "#3c4043"
TEXT_COLOUR = "#202124"
QUIET_COLOUR = "#5f6368"
GRID_COLOUR = "#e3e5e8"
BAR_COLOUR = str(INFO_COLOUR)

# The header (title and subtitle) and the footer's rows: the legend, up to three notes, the sources.
TITLE_SIZE, SUBTITLE_SIZE, LEGEND_SIZE, NOTE_SIZE, FOOTER_SIZE = 16, 12, 11, 10.5, 9  # points
TITLE_LINE = 24
TITLE_WRAP, TITLE_LINES = 84, 2  # characters, lines
NOTE_LENGTH = 170  # characters
NOTE_LINE = 17
SWATCH, SWATCH_GAP, LEGEND_GAP = 16, 7, 26
# zlib: run-length matching and the fastest level; the flat colours compress well all the same.
PNG_OPTIONS = {"compress_level": 1, "compress_type": zlib.Z_RLE}

# The map: header and footer heights, the legend's row; a country covering fewer square pixels
# than DOT_BELOW is drawn as a dot DOT_DIAMETER across.
MAP_HEADER, MAP_FOOTER = 100, 118
MAP_LEGEND_Y = MAP_FOOTER - 22
DOT_BELOW = 30.0
DOT_DIAMETER = 8
BORDER_WIDTH = 0.4

# The Security Council: seats before 1966 (the Charter's amended Article 23) and since; the
# legend's row; the horseshoe's centre, the radius the seats sit on and the one their names start at.
COUNCIL_SEATS_BEFORE_1966, COUNCIL_SEATS = 11, 15
COUNCIL_HEIGHT = 675
COUNCIL_LEGEND_Y = 110
COUNCIL_CENTRE = (WIDTH / 2, 300)
HORSESHOE_RADIUS, LABEL_RADIUS = 200, 248
SEAT_ARC = (210.0, -30.0)  # degrees: the horseshoe opens downwards
SEAT_DIAMETER = 48
SEAT_LABELS = {"yes": "Yes", "no": "No", "abstain": "Abst.", "absent": "Absent", UNKNOWN: "?"}
SEAT_NAME_WRAP = 16  # characters

# The agreement chart: its plot area (left, bottom, right, top) and how much of a slot a bar fills.
CHART_HEIGHT = 600
CHART_PLOT = (70, 100, WIDTH - 110, CHART_HEIGHT - 130)
BAR_FILL = 0.7
LABEL_INSIDE_FROM = 28  # a bar at least this tall carries its percentage inside


# ---------------------------------------------------------------- who voted how
@dataclass(frozen=True)
class Positions:
    """A vote's positions as a picture shows them: one per country code (``known``), the codes the
    sources disagree on, whether they are the official record's, the stated figures (``tally``),
    and the record's own names of its codes."""

    known: dict[str, str]
    disputed: tuple[str, ...]
    official: bool
    tally: Mapping[str, int | None]
    record_names: Mapping[str, str]

    def count(self, position: str) -> int:
        """How many countries are known to have taken ``position``."""
        return sum(1 for known in self.known.values() if known == position)

    def stated_total(self) -> int | None:
        """How many members voted in all, when every figure is stated."""
        figures = [self.tally.get(position) for position in POSITIONS]
        return None if None in figures else sum(figures)

    def name(self, code: str) -> str:
        """A country's short name; the record's own name for a code the reference does not know."""
        name = country_name(code)
        return self.record_names.get(code, name).title() if name == code else name


def vote_positions(vote: Mapping) -> Positions:
    """Who voted how on a :func:`db.queries.get_vote` (or ``roll_call_vote``) dict: the official
    record's positions when one is linked, else those the sources agree on."""
    record = vote.get("roll_call") or {}
    record_names = {row["country"]: row["country_name"] for row in record.get("positions", []) if row.get("country_name")}
    if vote.get("official_positions"):
        return Positions(dict(vote["official_positions"]), (), True, vote.get("official_tally") or vote, record_names)
    stated: dict[str, set[str]] = {}
    for row in vote.get("positions", []):
        stated.setdefault(row["country"], set()).add(row["position"])
    known = {code: next(iter(said)) for code, said in stated.items() if len(said) == 1}
    disputed = tuple(sorted(code for code, said in stated.items() if len(said) > 1))
    return Positions(known, disputed, False, vote, record_names)


def legend_labels(positions: Positions, members: int | None) -> list[tuple[str, str]]:
    """The legend's entries, ``(position or UNKNOWN, text)``: each position with its stated count
    (and how many the picture shows, when that differs), then what grey means. ``members`` is how
    many voted in all, when known."""
    shown = "listed" if positions.official else "named"
    entries = []
    for position in POSITIONS:
        stated, count = positions.tally.get(position), positions.count(position)
        label = POSITION_LABELS[position]
        if stated is None and count:
            entries.append((position, f"{label}: {count} {shown}"))
        elif stated is not None and stated == count:
            entries.append((position, f"{label} {stated}"))
        elif stated is not None:
            entries.append((position, f"{label} {stated} ({count or 'none'} {shown})"))
    if positions.official:
        entries.append((UNKNOWN, "No vote on record"))
    else:
        unnamed = members - len(positions.known) if members else 0
        entries.append((UNKNOWN, f"Not named {unnamed}" if unnamed > 0 else "Not named"))
    return entries


def note_lines(positions: Positions, drawn: set[str], members: int | None, noun: str) -> list[str]:
    """The lines below the legend: how much the sources leave unknown (of ``members`` ``noun``),
    where they differ, and the countries with a position but no place in the picture (``drawn``:
    the codes it shows)."""
    lines = []
    if not positions.official:
        of_whole = f" of the {members} {noun}" if members else ""
        lines.append(f"The sources name how {len(positions.known)}{of_whole} voted; the rest, in grey, are unknown.")
    if positions.disputed:
        lines.append("The sources differ on " + ", ".join(map(positions.name, positions.disputed)) + " (grey).")
    missing = sorted((code for code in positions.known if code not in drawn), key=positions.name)
    if missing:
        listed = ", ".join(f"{positions.name(code)} ({POSITION_LABELS[positions.known[code]].lower()})" for code in missing)
        lines.append("Not on the map: " + listed)
    return [textwrap.shorten(line, NOTE_LENGTH, placeholder=" …") for line in lines]


def credit_line(vote: Mapping, positions: Positions, prefix: str = "") -> str:
    """Where a vote picture's facts come from."""
    dataset = (vote.get("roll_call") or {}).get("dataset")
    record = f"the official record ({record_source(dataset)})" if positions.official else "the sources"
    return f"{prefix}Positions: {record}."


# ---------------------------------------------------------------- the pictures
def vote_picture(vote: Mapping) -> bytes | None:
    """A vote's tally as a PNG: the Security Council's seats, or a world map for the General
    Assembly and any other body; None when no country's position is known."""
    positions = vote_positions(vote)
    if not positions.known:
        return None
    if vote.get("body") == SECURITY_COUNCIL:
        return _council_picture(vote, positions)
    return _map_picture(vote, positions)


def agreement_picture(comparison: Mapping) -> bytes | None:
    """How often two countries voted alike, per period, as a bar chart PNG (a
    :func:`db.comparisons.compare_countries` dict); None for fewer than two periods, which the
    embed's one figure already says."""
    periods = agreement_periods(comparison)
    if len(periods) < 2:
        return None
    figure = _figure(CHART_HEIGHT)
    a, b = (country_in_sentence(comparison[key]) for key in ("country_a", "country_b"))
    since = f" since {display_date(comparison['since'])}" if comparison.get("since") else ""
    _header(figure, CHART_HEIGHT, f"How often {a} and {b} voted alike",
            f"Share of the recorded votes where both voted yes, no or abstained, per {comparison['period']}{since}")
    _share_scale(figure, comparison.get("share"))
    boxes = bar_boxes([share for _, share, _ in periods])
    _rectangles(figure, boxes, [BAR_COLOUR] * len(boxes))
    for (x, bottom, width, height), (period, share, votes) in zip(boxes, periods):
        inside = height >= LABEL_INSIDE_FROM
        _pixel_text(figure, x + width / 2, bottom + height + (-6 if inside else 5), f"{share:.0%}", fontsize=11,
                    va="top" if inside else "bottom", color="white" if inside else TEXT_COLOUR)
        _pixel_text(figure, x + width / 2, bottom - 8, f"{period}\n{votes:,} vote{'s' if votes != 1 else ''}",
                    va="top", fontsize=10, color=QUIET_COLOUR)
    _footer(figure, f"{sources_note(comparison.get('datasets', ()))}. Absences are left out.")
    return _png(figure)


def agreement_periods(comparison: Mapping) -> list[tuple[str, float, int]]:
    """The chart's bars: ``(period, share, votes both cast)``, oldest first, periods without a
    shared vote left out."""
    return [
        (period["period"], period["share"], period["both_voted"])
        for period in comparison.get("over_time", [])
        if period["share"] is not None
    ]


def _share_scale(figure: Figure, overall: float | None) -> None:
    """The chart's gridlines every 25%, labelled, and a dashed line at the ``overall`` share."""
    left, bottom, right, top = CHART_PLOT
    grid = {percent: bottom + percent / 100 * (top - bottom) for percent in range(0, 101, 25)}
    _lines(figure, [[(left, y), (right, y)] for y in grid.values()], GRID_COLOUR)
    for percent, y in grid.items():
        _pixel_text(figure, left - 8, y, f"{percent}%", ha="right", fontsize=10, color=QUIET_COLOUR)
    if overall is not None:
        y = bottom + overall * (top - bottom)
        _lines(figure, [[(left, y), (right, y)]], QUIET_COLOUR, linestyle="--")
        _pixel_text(figure, right + 8, y, f"overall\n{overall:.0%}", ha="left", fontsize=10, color=QUIET_COLOUR)


def bar_boxes(shares: Sequence[float]) -> list[tuple[float, float, float, float]]:
    """The bars ``(left, bottom, width, height)`` of ``shares``, side by side across the plot."""
    left, bottom, right, top = CHART_PLOT
    slot = (right - left) / len(shares)
    width = slot * BAR_FILL
    return [(left + index * slot + (slot - width) / 2, bottom, width, share * (top - bottom))
            for index, share in enumerate(shares)]


# ---------------------------------------------------------------- the map
@dataclass(frozen=True)
class MapLayout:
    """Where the world goes in a map picture: the figure's height, and the projected point drawn
    at the map's bottom left, ``scale`` pixels per projected unit."""

    height: int
    left: float
    bottom: float
    scale: float

    def transform(self) -> Affine2D:
        """Projected coordinates to the figure's pixels."""
        return Affine2D().translate(-self.left, -self.bottom).scale(self.scale).translate(MARGIN, MAP_FOOTER)

    def pixel(self, x: float, y: float) -> tuple[int, int]:
        """The PNG's column and row (from its top left) of a projected point."""
        column, row = self.transform().transform((x, y))
        return round(column), round(self.height - row)


@functools.cache
def map_layout() -> MapLayout:
    """The layout for the shipped shapes: the whole width, and as tall as the world's shape needs."""
    left, right, bottom, top = geography.world().extent
    scale = (WIDTH - 2 * MARGIN) / (right - left)
    return MapLayout(MAP_HEADER + round((top - bottom) * scale) + MAP_FOOTER, left, bottom, scale)


@functools.cache
def _country_paths() -> tuple[tuple[str, ...], tuple[Path, ...]]:
    """Every shape as one matplotlib path, with its country's code (built once per process)."""
    codes, paths = [], []
    for code, country in geography.world().countries.items():
        if country.rings:
            codes.append(code)
            paths.append(Path.make_compound_path(*(Path(ring, closed=True) for ring in country.rings)))
    return tuple(codes), tuple(paths)


def on_the_map(positions: Positions) -> dict[str, str]:
    """The positions of the countries the map has a place for, by the code of their shape."""
    countries = geography.world().countries
    shown = {geography.shape_code(code): position for code, position in positions.known.items()}
    return {code: position for code, position in shown.items() if code in countries}


def dotted(shown: Mapping[str, str]) -> list[str]:
    """The countries (of :func:`on_the_map`) drawn as dots: no shape, or one too small to see."""
    countries, layout = geography.world().countries, map_layout()
    return [code for code in shown if countries[code].area * layout.scale**2 < DOT_BELOW]


def _map_picture(vote: Mapping, positions: Positions) -> bytes:
    """The world, each country in its position's colour."""
    layout = map_layout()
    figure = _figure(layout.height)
    _header(figure, layout.height, _title(vote), _vote_line(vote))
    shown = on_the_map(positions)
    codes, paths = _country_paths()
    fill = [COLOURS.get(shown.get(code), UNKNOWN_COLOUR) for code in codes]
    figure.add_artist(PathCollection(paths, facecolors=fill, edgecolors=BORDER_COLOUR, linewidths=BORDER_WIDTH,
                                     transform=layout.transform()))
    if dots := dotted(shown):
        figure.add_artist(CircleCollection(
            [_circle_area(DOT_DIAMETER)] * len(dots), offsets=[geography.world().countries[code].point for code in dots],
            offset_transform=layout.transform(), facecolors=[COLOURS[shown[code]] for code in dots],
            edgecolors=DOT_EDGE_COLOUR, linewidths=0.5,
        ))
    members = positions.stated_total()
    drawn = {code for code in positions.known if geography.shape_code(code) in shown}
    _footer_rows(figure, legend_labels(positions, members), note_lines(positions, drawn, members, "countries"),
                 MAP_LEGEND_Y)
    _footer(figure, credit_line(vote, positions, "Map: Natural Earth. "))
    return _png(figure)


# ---------------------------------------------------------------- the Security Council
def council_seats(vote: Mapping, positions: Positions) -> list[tuple[str | None, str]]:
    """The Council's seats in the order drawn, ``(code or None, position or UNKNOWN)``: the named
    members by position (permanent members first, then by name), then the unnamed seats."""
    permanent = permanent_members(vote)
    named = sorted(positions.known, key=lambda code: (
        POSITIONS.index(positions.known[code]), code not in permanent, positions.name(code)))
    recorded = (vote.get("roll_call") or {}).get("positions")
    if recorded:
        seats = len(recorded)
    else:
        seats = COUNCIL_SEATS if (vote.get("date") or "9999") >= "1966" else COUNCIL_SEATS_BEFORE_1966
    seats = max(seats, len(named) + len(positions.disputed))
    return [(code, positions.known[code]) for code in named] + [(None, UNKNOWN)] * (seats - len(named))


def permanent_members(vote: Mapping) -> set[str]:
    """The permanent members: as the official record marks them, else the Charter's five."""
    record = vote.get("roll_call") or {}
    marked = {row["country"] for row in record.get("positions", []) if row.get("permanent_member")}
    return marked or set(PERMANENT_MEMBERS)


def seat_centres(count: int) -> list[tuple[float, float]]:
    """``count`` seats spread evenly along the horseshoe."""
    centre_x, centre_y = COUNCIL_CENTRE
    return [(centre_x + HORSESHOE_RADIUS * float(np.cos(angle)), centre_y + HORSESHOE_RADIUS * float(np.sin(angle)))
            for angle in np.radians(np.linspace(*SEAT_ARC, count))]


def _council_picture(vote: Mapping, positions: Positions) -> bytes:
    """The Council's horseshoe: one seat per member, in its position's colour, with its name."""
    figure = _figure(COUNCIL_HEIGHT)
    _header(figure, COUNCIL_HEIGHT, _title(vote), _vote_line(vote, outcome=False))
    seats = council_seats(vote, positions)
    centres = seat_centres(len(seats))
    vetoes = set(vote.get("vetoed_by") or ())
    figure.add_artist(CircleCollection(
        [_circle_area(SEAT_DIAMETER)] * len(seats), offsets=centres, offset_transform=IdentityTransform(),
        facecolors=[COLOURS.get(position, UNKNOWN_COLOUR) for _, position in seats],
        edgecolors=[TEXT_COLOUR if code in vetoes else "none" for code, _ in seats], linewidths=2.5,
    ))
    permanent = permanent_members(vote)
    for (x, y), (code, position) in zip(centres, seats):
        _pixel_text(figure, x, y, "Veto" if code in vetoes else SEAT_LABELS[position], fontsize=10,
                    fontweight="bold", color=QUIET_COLOUR if position == UNKNOWN else "white")
        if code:
            _seat_label(figure, x, y, positions.name(code), bold=code in permanent)
    centre_x, centre_y = COUNCIL_CENTRE
    _pixel_text(figure, centre_x, centre_y + 20, _outcome(vote), fontsize=15, fontweight="bold", color=TEXT_COLOUR)
    if permanent & set(positions.known):
        _pixel_text(figure, centre_x, centre_y - 20, "Bold: permanent member", fontsize=10, color=QUIET_COLOUR)
    drawn = {code for code, _ in seats if code}
    _footer_rows(figure, legend_labels(positions, len(seats)), note_lines(positions, drawn, len(seats), "members"),
                 COUNCIL_LEGEND_Y)
    _footer(figure, credit_line(vote, positions))
    return _png(figure)


def _seat_label(figure: Figure, x: float, y: float, name: str, *, bold: bool) -> None:
    """A seat's country name, outside the horseshoe beside its seat (``x, y``: its centre)."""
    centre_x, centre_y = COUNCIL_CENTRE
    across, up = (x - centre_x) / HORSESHOE_RADIUS, (y - centre_y) / HORSESHOE_RADIUS
    horizontal = "left" if across > 0.3 else "right" if across < -0.3 else "center"
    vertical = "bottom" if up > 0.6 else "top" if up < -0.3 else "center"
    _pixel_text(figure, centre_x + across * LABEL_RADIUS, centre_y + up * LABEL_RADIUS,
                textwrap.fill(name, SEAT_NAME_WRAP), ha=horizontal, va=vertical, fontsize=11, color=TEXT_COLOUR,
                fontweight="bold" if bold else "normal", linespacing=1.1)


# ---------------------------------------------------------------- shared pieces
def _figure(height: int) -> Figure:
    """A white figure ``WIDTH`` × ``height`` pixels on an Agg canvas."""
    figure = Figure(figsize=(WIDTH / DPI, height / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    return figure


def _title(vote: Mapping) -> str:
    """The vote's subject (else its symbol, else its body), at most two lines."""
    text = vote.get("subject") or vote.get("resolution") or f"A vote of the {body_name(vote.get('body'))}"
    lines = textwrap.wrap(" ".join(text.split()), TITLE_WRAP)
    if len(lines) > TITLE_LINES:
        rest = " ".join(lines[TITLE_LINES - 1:])
        lines = [*lines[:TITLE_LINES - 1], textwrap.shorten(rest, TITLE_WRAP, placeholder=" …")]
    return "\n".join(lines)


def _vote_line(vote: Mapping, *, outcome: bool = True) -> str:
    """``UN General Assembly · 7 April 2022 · A/RES/ES-11/3 · Adopted`` (the outcome when asked)."""
    parts = [body_name(vote.get("body")), display_date(vote.get("date")), vote.get("resolution"),
             outcome and _outcome(vote)]
    return " · ".join(part for part in parts if part)


def _outcome(vote: Mapping) -> str:
    """Adopted, not adopted, vetoed (and by whom), or empty when unknown."""
    if vote.get("vetoed_by"):
        return "Vetoed by " + ", ".join(map(country_name, vote["vetoed_by"]))
    return {True: "Adopted", False: "Not adopted"}.get(vote.get("adopted"), "")


def _header(figure: Figure, height: int, title: str, subtitle: str) -> None:
    """The title (bold, one or two lines) and a grey line under it, at the top left."""
    top = height - 12
    _pixel_text(figure, MARGIN, top, title, ha="left", va="top", fontsize=TITLE_SIZE, fontweight="bold",
                color=TEXT_COLOUR, linespacing=1.15)
    _pixel_text(figure, MARGIN, top - TITLE_LINE * (title.count("\n") + 1) - 8, subtitle, ha="left", va="top",
                fontsize=SUBTITLE_SIZE, color=QUIET_COLOUR)


def _footer_rows(figure: Figure, entries: Sequence[tuple[str, str]], notes: Sequence[str], legend_y: float) -> None:
    """The legend (:func:`legend_labels`) centred on the row at ``legend_y``, the notes below it."""
    renderer = figure.canvas.get_renderer()
    labels = [_pixel_text(figure, 0, legend_y, text, ha="left", fontsize=LEGEND_SIZE, color=TEXT_COLOUR)
              for _, text in entries]
    widths = [label.get_window_extent(renderer).width for label in labels]
    x = (WIDTH - sum(SWATCH + SWATCH_GAP + width for width in widths) - LEGEND_GAP * (len(widths) - 1)) / 2
    boxes = []
    for label, width in zip(labels, widths):
        boxes.append((x, legend_y - SWATCH / 2, SWATCH, SWATCH))
        label.set_x(x + SWATCH + SWATCH_GAP)
        x += SWATCH + SWATCH_GAP + width + LEGEND_GAP
    _rectangles(figure, boxes, [COLOURS.get(key, UNKNOWN_COLOUR) for key, _ in entries])
    for index, line in enumerate(notes):
        _pixel_text(figure, WIDTH / 2, legend_y - 26 - index * NOTE_LINE, line, va="top", fontsize=NOTE_SIZE,
                    color=TEXT_COLOUR)


def _footer(figure: Figure, text: str) -> None:
    """The small source line at the bottom right."""
    _pixel_text(figure, WIDTH - MARGIN, 6, text, ha="right", va="bottom", fontsize=FOOTER_SIZE, color=QUIET_COLOUR)


def _pixel_text(figure: Figure, x: float, y: float, text: str, **style):
    """Text at a point in pixels (centred on it unless ``style`` says otherwise); returns it."""
    return figure.text(x, y, text, transform=IdentityTransform(), parse_math=False,
                       **{"ha": "center", "va": "center", **style})


def _rectangles(figure: Figure, boxes: Sequence[tuple[float, float, float, float]], colours: Sequence[str]) -> None:
    """Filled rectangles ``(left, bottom, width, height)`` in pixels."""
    corners = [[(x, y), (x + w, y), (x + w, y + h), (x, y + h)] for x, y, w, h in boxes]
    figure.add_artist(PolyCollection(corners, facecolors=colours, edgecolors="none", transform=IdentityTransform()))


def _circle_area(diameter: float) -> float:
    """The size CircleCollection takes for a circle ``diameter`` pixels across: its area in points²."""
    return np.pi * (diameter / 2 * 72 / DPI) ** 2


def _lines(figure: Figure, segments: Sequence[Sequence[tuple[float, float]]], colour: str, **style) -> None:
    """Lines in pixels, beneath the shapes."""
    figure.add_artist(LineCollection(segments, colors=colour, linewidths=1, transform=IdentityTransform(), zorder=0,
                                     **style))


def _png(figure: Figure) -> bytes:
    """The figure as PNG bytes, exactly its pixel size, opaque."""
    canvas = figure.canvas
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="png", **PNG_OPTIONS)
    return buffer.getvalue()
