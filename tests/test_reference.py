"""The committed country table (reference/countries.json): current, and all the program needs; body names."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reference import countries
from reference.vocabulary import body_name

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "data/sources/unga-annexation-vote-2022.txt"
# What the table replaces at run time; the program must start and answer without any of them.
BUILD_ONLY_LIBRARIES = ("pandas", "country_converter", "countryinfo", "pycountry")


@pytest.mark.skipif(
    importlib.util.find_spec("country_converter") is None,
    reason="rebuilding the table needs the reference extra (pip install '.[reference]')",
)
def test_committed_table_is_current():
    from scripts.build_reference import country_table, serialize

    assert serialize(country_table()) == countries.TABLE_PATH.read_text(encoding="utf-8"), (
        "reference/countries.json is out of date: run python scripts/build_reference.py"
    )


def run_without_build_libraries(*arguments: str) -> subprocess.CompletedProcess:
    """``python bot.py ARGUMENTS`` from the repository root, with the build-only libraries unimportable."""
    blocked = ", ".join(f"{name}=None" for name in BUILD_ONLY_LIBRARIES)
    program = (
        f"import runpy, sys; sys.modules.update({blocked}); sys.argv = {['bot.py', *arguments]!r}; "
        "runpy.run_path('bot.py', run_name='__main__')"
    )
    return subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_bot_answers_without_build_libraries(tmp_path):
    result = run_without_build_libraries(
        "--store", str(tmp_path / "store.db"), "ask", "/vote country:China vote:General Assembly", "/record country:India"
    )
    assert result.returncode == 0, result.stderr
    assert "China abstained" in result.stdout and "India: UN voting record" in result.stdout


def test_extract_runs_without_build_libraries():
    result = run_without_build_libraries("extract", ARTICLE)
    assert result.returncode == 0, result.stderr
    [vote] = [vote for vote in json.loads(result.stdout)["votes"] if vote["body"] == "UNGA"]
    assert vote["positions"]["CHN"] == "abstain"


def test_a_name_or_flag_reads_the_table_only():
    countries.surface_index.cache_clear()
    assert (countries.country_name("CHN"), countries.alpha2("CHN")) == ("China", "CN")
    assert countries.surface_index.cache_info().currsize == 0


@pytest.mark.parametrize(
    ("iso3", "name", "code"),
    [("CHN", "China", "CN"), ("chn", "China", "CN"), ("SUN", "USSR", None), ("XKX", "Kosovo", None),
     ("Q01", "Q01", None), ("", "", None)],
)
def test_names_and_alpha2(iso3, name, code):
    assert countries.country_name(iso3) == name
    assert countries.alpha2(iso3) == code


def test_every_un_member_has_a_name_a_flag_and_a_capital():
    members = {iso3: country for iso3, country in countries.countries().items() if country.un_member}
    assert len(members) == 193
    assert all(country.name and country.alpha2 and country.capitals for country in members.values())


def test_bodies_are_named_in_full():
    assert body_name("UNGA") == "UN General Assembly"
    assert body_name("UNGA Fourth Committee") == "UN General Assembly, Fourth Committee"
    assert body_name("Human Rights Council") == "UN Human Rights Council"
    assert body_name("Senate Foreign Relations Committee") == "Senate Foreign Relations Committee"
    assert body_name(None) == "Unknown body"
