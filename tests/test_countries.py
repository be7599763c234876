"""Country mentions (extraction.countries) and lookups (reference.countries)."""

import csv
import json
from pathlib import Path

import pytest

from extraction.countries import find_countries, fuzzy_country_code
from reference.countries import country_code, country_name

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = Path(__file__).resolve().parent / "fixtures" / "unga-annexation-vote-2022.gold.json"
ARTICLE = Path(__file__).resolve().parents[1] / "data/sources/unga-annexation-vote-2022.txt"


def codes(text: str) -> list[tuple[str, str]]:
    return [(mention.surface, mention.iso3) for mention in find_countries(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Democratic Republic of Congo’s envoy", [("Democratic Republic of Congo", "COD")]),
        ("Republic of the Congo and Congo", [("Republic of the Congo", "COG"), ("Congo", "COG")]),
        ("South Africa, unlike Africa", [("South Africa", "ZAF")]),
        ("North Korea and South Korea", [("North Korea", "PRK"), ("South Korea", "KOR")]),
        ("the Russian Federation", [("Russian Federation", "RUS")]),
        ("Democratic People's Republic of Korea", [("Democratic People's Republic of Korea", "PRK")]),
        ("Türkiye, formerly Turkey", [("Türkiye", "TUR"), ("Turkey", "TUR")]),
        ("the United Kingdom of Great Britain and Northern Ireland",
         [("United Kingdom of Great Britain and Northern Ireland", "GBR")]),
        ("Guinea-Bissau and Papua New Guinea", [("Guinea-Bissau", "GNB"), ("Papua New Guinea", "PNG")]),
        ("Côte d’Ivoire and Cote d'Ivoire", [("Côte d’Ivoire", "CIV"), ("Cote d'Ivoire", "CIV")]),
        ("Bolivia (Plurinational State of)", [("Bolivia", "BOL")]),
    ],
)
def test_names_longest_match_first(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "iso3", "form"),
    [
        ("Russia’s veto", "RUS", "name"),
        ("Russia's veto", "RUS", "name"),
        ("the Ukrainian President said", "UKR", "demonym"),
        ("Chinese diplomats", "CHN", "demonym"),
        ("calling Moscow’s move illegal", "RUS", "capital"),
        ("Washington would never recognize", "USA", "capital"),
        ("officials in Beijing", "CHN", "capital"),
        ("a Kremlin aide", "RUS", "seat"),
        ("the White House said", "USA", "seat"),
        ("Downing Street said", "GBR", "seat"),
        ("US-led talks", "USA", "name"),
        ("U.S. officials", "USA", "name"),
        ("the UK and", "GBR", "name"),
        ("Britain said", "GBR", "name"),
    ],
)
def test_forms(text, iso3, form):
    mentions = find_countries(text)
    assert [(m.iso3, m.form) for m in mentions] == [(iso3, form)]


@pytest.mark.parametrize(
    "text",
    ["tell us and them", "a USB stick", "The Washington Post reported", "Latin America",
     "Northern Ireland", "New Mexico", "the South China Sea", "Korea", "Congolese troops"],
)
def test_no_false_or_ambiguous_mention(text):
    assert find_countries(text) == []


def test_offsets_index_the_text():
    text = ARTICLE.read_text(encoding="utf-8")
    mentions = find_countries(text)
    assert mentions == sorted(mentions)
    assert all(text[m.start:m.end] == m.surface for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_article_countries_match_gold():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    found = {m.iso3 for m in find_countries(ARTICLE.read_text(encoding="utf-8"))}
    assert found == set(gold["countries_mentioned"])


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Russia's", "RUS"), ("the Russian Federation", "RUS"), ("RUS", "RUS"), ("US", "USA"),
        ("Moscow", "RUS"), ("Kremlin", "RUS"), ("korea, republic of", "KOR"),
        ("Bolivia, Plurinational State of", "BOL"), ("Viet Nam", "VNM"), ("Ivory Coast", "CIV"),
        ("Swaziland", "SWZ"), ("Soviet Union", "SUN"), ("Ukrainian", "UKR"),
    ],
)
def test_country_code(name, iso3):
    assert country_code(name) == iso3


@pytest.mark.parametrize("name", ["us", "Congolese", "Atlantis", "", "Korea"])
def test_country_code_unknown_or_ambiguous(name):
    assert country_code(name) is None


@pytest.mark.parametrize(
    ("iso3", "name"),
    [("RUS", "Russia"), ("USA", "United States"), ("PRK", "North Korea"), ("GBR", "United Kingdom"),
     ("IRN", "Iran"), ("SYR", "Syria")],
)
def test_country_name(iso3, name):
    assert country_name(iso3) == name
    assert country_code(country_name(iso3)) == iso3


def test_every_un_member_roll_call_name_resolves():
    path = SHARED / "data/un-votes/undl-layout_A-RES-ES-11-3.csv"
    if not path.exists():
        pytest.skip("shared UN voting record not available")
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 193
    wrong = [(r["ms_name"], r["ms_code"], country_code(r["ms_name"])) for r in rows
             if country_code(r["ms_name"]) != r["ms_code"]]
    assert wrong == []


@pytest.mark.parametrize("word, expected", [("Argentin", "ARG"), ("Egypte", "EGY"), ("Narnia", None),
                                            ("Council", None), ("Chad", "TCD"), ("Ab", None)])
def test_fuzzy_country_code_forgives_small_misspellings_only(word, expected):
    assert fuzzy_country_code(word) == expected


@pytest.mark.parametrize("word, iso3", [("Papua", "PNG"), ("Trinidad", "TTO"), ("Eritre", "ERI"), ("Great", None),
                                        ("Federated", None), ("Nowhere", None)])
def test_a_misspelt_or_shortened_country_name(word, iso3):
    assert fuzzy_country_code(word) == iso3
