"""The world the vote maps draw: country shapes and inland points, projected once per process.

``data/geo/countries-110m.json.gz`` (Natural Earth's 1:110m countries, converted by
``scripts/build_geo.py``; see ``data/geo/SOURCE.md``) is read on first use and projected with the
Equal Earth projection (Šavrič, Patterson and Jenny, 2018): equal-area, so large countries look as
large as they are, and with straight parallels, so the map reads like the familiar world map.
Coordinates come out in the projection's units (the equator is about 5.4 wide); nothing here
knows about pixels or drawing.
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SHAPES_PATH = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries-110m.json.gz"
# Record codes of states that only changed their name (ISO 3166-3): the same country, drawn on its
# current shape. States that split or merged (USSR, Yugoslavia, Czechoslovakia, the GDR, South
# Yemen…) have no shape: their successors are other countries.
RENAMED = {"BUR": "MMR", "DHY": "BEN", "HVO": "BFA", "TMP": "TLS", "ZAR": "COD"}

# Equal Earth's constants (Šavrič et al., 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = np.sqrt(3) / 2


def equal_earth(longitude: np.ndarray, latitude: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Longitudes and latitudes (degrees) projected to Equal Earth ``x, y``."""
    lam, phi = np.radians(longitude), np.radians(latitude)
    theta = np.arcsin(M * np.sin(phi))
    theta2 = theta * theta
    theta6 = theta2 * theta2 * theta2
    x = 2 * np.sqrt(3) * lam * np.cos(theta) / (3 * (9 * A4 * theta6 * theta2 + 7 * A3 * theta6 + 3 * A2 * theta2 + A1))
    y = theta * (A4 * theta6 * theta2 + A3 * theta6 + A2 * theta2 + A1)
    return x, y


@dataclass(frozen=True)
class Country:
    """One country on the map: its rings (none for a member too small for the 1:110m shapes),
    a point well inside it, and its area, in projected units."""

    rings: tuple[np.ndarray, ...]
    point: tuple[float, float]
    area: float


@dataclass(frozen=True)
class World:
    """Every country by ISO3 code, and the extent of their shapes and points ``(left, right, bottom, top)``."""

    countries: dict[str, Country]
    extent: tuple[float, float, float, float]


@functools.cache
def world() -> World:
    """The shipped shapes, read and projected on first use."""
    with gzip.open(SHAPES_PATH, "rt", encoding="utf-8") as handle:
        document = json.load(handle)
    scale = document["scale"]
    countries = {}
    for iso3, stored in document["countries"].items():
        polygons = [[_projected(_decoded(ring, scale)) for ring in polygon] for polygon in stored.get("polygons", [])]
        x, y = equal_earth(*np.array(stored["point"], dtype=float))
        countries[iso3] = Country(
            rings=tuple(ring for polygon in polygons for ring in polygon),
            point=(float(x), float(y)),
            area=sum(_area(polygon[0]) - sum(map(_area, polygon[1:])) for polygon in polygons),
        )
    every_point = np.concatenate([np.array([country.point for country in countries.values()]),
                                  *(ring for country in countries.values() for ring in country.rings)])
    (left, bottom), (right, top) = every_point.min(axis=0), every_point.max(axis=0)
    return World(countries, (float(left), float(right), float(bottom), float(top)))


def shape_code(code: str) -> str:
    """The code a record's country is drawn under: its current code when it was only renamed."""
    return RENAMED.get(code, code)


def _decoded(deltas: list[int], scale: int) -> np.ndarray:
    """A stored ring (delta-encoded hundredths of a degree) as longitude, latitude rows."""
    return np.cumsum(np.array(deltas, dtype=float).reshape(-1, 2), axis=0) / scale


def _projected(points: np.ndarray) -> np.ndarray:
    """Longitude, latitude rows as projected ``x, y`` rows."""
    return np.column_stack(equal_earth(points[:, 0], points[:, 1]))


def _area(ring: np.ndarray) -> float:
    """The unsigned (shoelace) area of a ring."""
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2
