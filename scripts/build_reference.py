"""Rebuild reference/countries.json, the country table Rollcall reads at run time, from pycountry,
country_converter and countryinfo (the project's ``reference`` extra: ``pip install '.[reference]'``).

    python scripts/build_reference.py

The table holds what those libraries say about each ISO3 code (names, alternative spellings,
capitals, demonyms, ISO alpha-2, UN membership, former names), so that the program never imports
them, nor the pandas that country_converter needs. The same library versions give the same bytes;
tests/test_reference.py checks that the committed table is current.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reference.countries import TABLE_PATH  # noqa: E402

LIBRARIES = ("country_converter", "countryinfo", "pycountry")
LIST_FIELDS = ("capitals", "demonyms", "former_names", "names", "spellings")
compact_json = functools.partial(json.dumps, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
Rows = dict[str, dict]  # ISO3 -> field -> a set of strings, or alpha2 / un_member


def country_table() -> dict:
    """``{"built_from": {library: version}, "countries": {ISO3: row}}``, from the installed libraries."""
    rows: Rows = defaultdict(lambda: {field: set() for field in LIST_FIELDS})
    # The name shown: the first candidate wins, so country_converter's short names (read first) win.
    display_names: dict[str, str] = {}
    for read in (_read_country_converter, _read_countryinfo, _read_pycountry):
        read(rows, display_names)
    countries = {iso3: _finished(row, display_names.get(iso3)) for iso3, row in sorted(rows.items())}
    return {"built_from": {library: version(library) for library in LIBRARIES}, "countries": countries}


def _read_country_converter(rows: Rows, display_names: dict[str, str]) -> None:
    """Short and official names, UN membership."""
    import country_converter

    for entry in country_converter.CountryConverter().data.itertuples():
        iso3 = str(entry.ISO3)
        rows[iso3]["names"].update(name for name in (entry.name_short, entry.name_official) if isinstance(name, str))
        if str(entry.UNmember) not in ("<NA>", "nan"):
            rows[iso3]["un_member"] = True
        if isinstance(entry.name_short, str) and "," not in entry.name_short:
            display_names.setdefault(iso3, entry.name_short)


def _read_countryinfo(rows: Rows, display_names: dict[str, str]) -> None:
    """Names, alternative spellings (not codes), capitals, demonyms."""
    from countryinfo import CountryInfo

    for info in CountryInfo.all().values():
        iso = info.get("ISO") or {}
        if not (iso3 := iso.get("alpha3")):
            continue
        row = rows[iso3]
        row["names"].add(info["name"])
        display_names.setdefault(iso3, info["name"])
        own_codes = {iso.get("alpha2"), iso3}
        row["spellings"].update(s for s in info.get("altSpellings") or [] if s not in own_codes)
        if isinstance(capital := info.get("capital"), str):
            row["capitals"].add(capital)
        if isinstance(demonyms := info.get("demonym"), str):
            row["demonyms"].update(d.strip() for d in re.split(r"[,/]", demonyms))


def _read_pycountry(rows: Rows, display_names: dict[str, str]) -> None:
    """ISO 3166-1 alpha-2 codes and names; ISO 3166-3 former states."""
    import pycountry

    for country in pycountry.countries:
        row = rows[country.alpha_3]
        row["alpha2"] = country.alpha_2
        row["names"].update(getattr(country, attribute, None) for attribute in ("name", "official_name", "common_name"))
    for country in pycountry.historic_countries:
        rows[country.alpha_3]["former_names"].add(country.name)
    for country in (*pycountry.countries, *pycountry.historic_countries):
        name = getattr(country, "common_name", None) or country.name
        display_names.setdefault(country.alpha_3, name.split(",")[0])


def _finished(row: dict, display_name: str | None) -> dict:
    """A row as the table stores it: sets as sorted lists, empty fields left out."""
    row = {**row, "name": display_name}
    for field in LIST_FIELDS:
        row[field] = sorted(value for value in row[field] if value)
    return {key: value for key, value in sorted(row.items()) if value}


def serialize(table: dict) -> str:
    """The table as committed: JSON with one country a line, keys sorted, so that a rebuild reads
    as a small diff."""
    lines = [f"{compact_json(iso3)}:{compact_json(row)}" for iso3, row in sorted(table["countries"].items())]
    return (f'{{"built_from":{compact_json(table["built_from"])},\n"countries":{{\n'
            + ",\n".join(lines) + "\n}}\n")


def main() -> None:
    text = serialize(country_table())
    TABLE_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE_PATH.relative_to(ROOT)} ({len(text.encode()) // 1024} kB)")


if __name__ == "__main__":
    main()
