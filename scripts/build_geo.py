"""Convert Natural Earth's country shapes (``world-atlas`` TopoJSON, ../shared/data/geo/) into the
compact file the vote maps read at run time, ``data/geo/countries-110m.json.gz``.

    .venv-test/bin/python scripts/build_geo.py [--source ../shared/data/geo] [--out data/geo]

What it keeps (see data/geo/SOURCE.md):

* every 1:110m shape but Antarctica, keyed by ISO3 (from the ISO numeric id, with pycountry), its
  coordinates rounded to 0.01° and delta-encoded; Somaliland and Northern Cyprus, which carry no
  id, go with the member states the UN counts them in (Somalia, Cyprus), Kosovo keeps its own key;
* for each country a point well inside its largest polygon (where a map samples or dots it);
* a point for each UN member too small for the 1:110m shapes, from its 1:50m shape (Tuvalu, in
  neither file, from the coordinates of Funafuti).

The output is deterministic (sorted keys, gzip without a timestamp), so a rebuild from the same
sources gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np
import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reference.countries import countries  # noqa: E402

SCALE = 100  # stored coordinates are hundredths of a degree
DROPPED = {"ATA"}  # Antarctica: no member state, a third of the map's height
UNNUMBERED = {"Somaliland": "SOM", "N. Cyprus": "CYP", "Kosovo": "XKX"}
# Members in neither resolution: (longitude, latitude) of a capital.
EXTRA_POINTS = {"TUV": (179.19, -8.52)}  # Funafuti
GRID_STEPS = 24  # candidate points per side when looking for a polygon's most inland point
REFINEMENTS = 3


# ---------------------------------------------------------------- TopoJSON
def decoded_arcs(topology: dict) -> list[np.ndarray]:
    """The topology's arcs as (longitude, latitude) arrays: quantised deltas summed and scaled."""
    scale = np.array(topology["transform"]["scale"])
    translate = np.array(topology["transform"]["translate"])
    return [np.cumsum(np.array(arc, dtype=float), axis=0) * scale + translate for arc in topology["arcs"]]


def ring(arcs: list[np.ndarray], indexes: list[int]) -> np.ndarray:
    """A closed ring from arc indexes (``~i``: arc ``i`` reversed), each arc's first point shared
    with the previous one's last."""
    pieces = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        pieces.append(points if not pieces else points[1:])
    return np.concatenate(pieces)


def polygons(geometry: dict, arcs: list[np.ndarray]) -> list[list[np.ndarray]]:
    """A geometry's polygons, each its rings (exterior first, then holes), cut at the antimeridian."""
    nested = {"Polygon": [geometry["arcs"]], "MultiPolygon": geometry["arcs"]}.get(geometry["type"], [])
    return [
        piece
        for polygon in nested
        for piece in cut_at_antimeridian([ring(arcs, indexes) for indexes in polygon])
    ]


def cut_at_antimeridian(polygon: list[np.ndarray]) -> list[list[np.ndarray]]:
    """A polygon whose exterior crosses longitude ±180° (world-atlas keeps such rings whole, with
    a 360° jump: Russia's Chukotka, Fiji) as the pieces on either side, each within ±180°.

    Its longitudes are made continuous, then the ring is clipped to each 360°-wide window that it
    reaches and shifted back. (No crossing polygon in the sources has holes.)
    """
    exterior = polygon[0]
    if np.abs(np.diff(exterior[:, 0])).max() <= 180:
        return [polygon]
    longitudes = exterior[:, 0].copy()
    longitudes[1:] -= 360 * np.cumsum(np.round(np.diff(longitudes) / 360))
    continuous = np.column_stack([longitudes, exterior[:, 1]])
    pieces = []
    for shift in (-360, 0, 360):
        piece = clipped(clipped(continuous + (shift, 0), -180, keep_above=True), 180, keep_above=False)
        if len(piece) >= 3:
            pieces.append([piece])
    return pieces


def clipped(points: np.ndarray, longitude: float, *, keep_above: bool) -> np.ndarray:
    """The part of a closed ring east (``keep_above``) or west of a meridian (Sutherland–Hodgman)."""
    kept = []
    for current, following in zip(points, np.roll(points, -1, axis=0)):
        current_in = (current[0] >= longitude) if keep_above else (current[0] <= longitude)
        following_in = (following[0] >= longitude) if keep_above else (following[0] <= longitude)
        if current_in:
            kept.append(current)
        if current_in != following_in:
            fraction = (longitude - current[0]) / (following[0] - current[0])
            kept.append(current + fraction * (following - current))
    return np.array(kept).reshape(-1, 2)


def country_polygons(path: Path) -> dict[str, list[list[np.ndarray]]]:
    """ISO3 -> polygons of one TopoJSON file (shapes of one code merged)."""
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = decoded_arcs(topology)
    shapes: dict[str, list[list[np.ndarray]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = iso3_of(geometry)
        if iso3 and iso3 not in DROPPED:
            shapes.setdefault(iso3, []).extend(polygons(geometry, arcs))
    return shapes


def iso3_of(geometry: dict) -> str | None:
    """The ISO3 code of a shape: from its ISO numeric id, else by its name (shapes with no id)."""
    if geometry.get("id"):
        return pycountry.countries.get(numeric=geometry["id"]).alpha_3
    return UNNUMBERED.get(geometry["properties"]["name"])


# ---------------------------------------------------------------- an inland point
def planar_area(points: np.ndarray) -> float:
    """The unsigned shoelace area of a ring, in square degrees."""
    x, y = points[:, 0], points[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


def inside(candidates: np.ndarray, rings: list[np.ndarray]) -> np.ndarray:
    """Which candidate points lie inside the polygon (even-odd rule over all its rings)."""
    crossings = np.zeros(len(candidates), dtype=int)
    px, py = candidates[:, :1], candidates[:, 1:]
    for points in rings:
        (x1, y1), (x2, y2) = points.T, np.roll(points, -1, axis=0).T
        spans = (y1 > py) != (y2 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            crossing_x = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
        crossings += np.sum(spans & (px < crossing_x), axis=1)
    return crossings % 2 == 1


def edge_distance(candidates: np.ndarray, rings: list[np.ndarray]) -> np.ndarray:
    """Each candidate's distance to the polygon's nearest edge."""
    starts = np.concatenate(rings)
    ends = np.concatenate([np.roll(points, -1, axis=0) for points in rings])
    edges = ends - starts
    lengths = np.maximum(np.sum(edges**2, axis=1), 1e-12)
    offsets = candidates[:, None, :] - starts[None, :, :]
    along = np.clip(np.sum(offsets * edges, axis=2) / lengths, 0, 1)
    nearest = starts[None, :, :] + along[..., None] * edges[None, :, :]
    return np.min(np.linalg.norm(candidates[:, None, :] - nearest, axis=2), axis=1)


def inland_point(polygon: list[np.ndarray]) -> tuple[float, float]:
    """A point of the polygon far from its edges (a grid search, refined around the best point).

    Longitudes are shrunk by the cosine of the polygon's latitude first, so that "far" is
    measured roughly as on the ground and on the map.
    """
    stretch = np.array([np.cos(np.radians(np.mean(polygon[0][:, 1]))), 1.0])
    rings = [points * stretch for points in polygon]
    low, high = rings[0].min(axis=0), rings[0].max(axis=0)
    best, best_distance = (low + high) / 2, -1.0
    for _ in range(REFINEMENTS):
        axes = [np.linspace(low[i], high[i], GRID_STEPS) for i in range(2)]
        candidates = np.stack(np.meshgrid(*axes), axis=-1).reshape(-1, 2)
        candidates = candidates[inside(candidates, rings)]
        if len(candidates):
            distances = edge_distance(candidates, rings)
            if distances.max() > best_distance:
                best, best_distance = candidates[distances.argmax()], float(distances.max())
        cell = (high - low) / (GRID_STEPS - 1)
        low, high = best - 2 * cell, best + 2 * cell
    return tuple(float(value) for value in best / stretch)


def largest(polygon_list: list[list[np.ndarray]]) -> list[np.ndarray]:
    """The polygon with the largest exterior ring."""
    return max(polygon_list, key=lambda polygon: planar_area(polygon[0]))


# ---------------------------------------------------------------- the compact form
def quantised(points: np.ndarray) -> list[int] | None:
    """A ring as ``[x0, y0, dx1, dy1, …]`` in hundredths of a degree, repeated points dropped,
    its closing point left implicit; None when fewer than three points are left."""
    grid = np.round(points * SCALE).astype(int)
    keep = np.ones(len(grid), dtype=bool)
    keep[1:] = np.any(grid[1:] != grid[:-1], axis=1)
    grid = grid[keep]
    if len(grid) > 1 and np.array_equal(grid[0], grid[-1]):
        grid = grid[:-1]
    if len(grid) < 3:
        return None
    deltas = np.vstack([grid[:1], np.diff(grid, axis=0)])
    return deltas.ravel().tolist()


def compact_polygons(polygon_list: list[list[np.ndarray]]) -> list[list[list[int]]]:
    """Polygons in the stored form, rings too small to survive rounding left out."""
    stored = []
    for polygon in polygon_list:
        rings = [quantised(points) for points in polygon]
        if rings[0] is not None:
            stored.append([stored_ring for stored_ring in rings if stored_ring is not None])
    return stored


def rounded(point: tuple[float, float]) -> list[float]:
    """A point to 0.01°."""
    return [round(value, 2) for value in point]


def build(source: Path) -> dict:
    """The stored document: shapes and inland points of the 1:110m countries, points of the members
    too small for it."""
    shapes = country_polygons(source / "countries-110m.json")
    detailed = country_polygons(source / "countries-50m.json")
    members = {iso3 for iso3, country in countries().items() if country.un_member}
    stored: dict[str, dict] = {
        iso3: {"polygons": compact_polygons(polygon_list), "point": rounded(inland_point(largest(polygon_list)))}
        for iso3, polygon_list in shapes.items()
    }
    for iso3 in sorted(members - set(shapes)):
        point = inland_point(largest(detailed[iso3])) if iso3 in detailed else EXTRA_POINTS[iso3]
        stored[iso3] = {"point": rounded(point)}
    return {
        "about": "Natural Earth 4.1.0 admin-0 countries via world-atlas 2.0.2; see SOURCE.md",
        "scale": SCALE,
        "countries": dict(sorted(stored.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "data" / "geo")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "geo")
    args = parser.parse_args()
    text = json.dumps(build(args.source), separators=(",", ":"), sort_keys=True).encode()
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "countries-110m.json.gz"
    target.write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
    print(f"{target}: {target.stat().st_size:,} bytes ({len(text):,} uncompressed)")


if __name__ == "__main__":
    main()
