"""Reported votes linked to their official roll-call records, and what /vote then shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import add_source, open_store, queries
from db.links import refresh_links
from extraction.documents import load_document
from extraction.extractor import extract
from replies import embeds

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "sources" / "unga-annexation-vote-2022.txt"
ASSEMBLY_RECORD = {
    "undl_id": 500001, "body": "UNGA", "date": "2022-10-12", "resolution": "A/RES/ES-11/4",
    "draft": "A/ES-11/L.5", "title": "Territorial integrity of Ukraine", "total_yes": 143, "total_no": 5,
    "total_abstentions": 35, "total_non_voting": 10, "total_ms": 193,
    "undl_link": "https://digitallibrary.un.org/record/500001", "dataset": "test.csv", "imported_at": "2026-01-01",
}
# A few members' official positions; India's differs from the article on purpose.
OFFICIAL = {"RUS": "no", "SYR": "no", "CHN": "abstain", "IND": "yes", "FRA": "yes", "UKR": "yes", "VEN": "absent"}


def add_record(db, record: dict, positions: dict[str, str]) -> None:
    db["roll_calls"].insert(record)
    db["roll_call_positions"].insert_all(
        {"undl_id": record["undl_id"], "country": iso3, "country_name": iso3, "position": position}
        for iso3, position in positions.items()
    )


def add_text(db, text: str, published: str = "2022-10-12") -> None:
    document = load_document(text, published=published, title="UN General Assembly condemns annexation")
    add_source(db, document, extract(document))


@pytest.fixture
def store():
    return open_store(":memory:")


def assembly_vote(db) -> dict:
    (summary,) = queries.find_votes(db, None, body="UNGA")
    return queries.get_vote(db, summary["id"], None)


def test_an_article_links_to_its_record_by_body_date_and_tally(store):
    add_record(store, ASSEMBLY_RECORD, OFFICIAL)
    add_text(store, BUNDLED.read_text(encoding="utf-8"))
    vote = assembly_vote(store)
    assert vote["roll_call"]["resolution"] == "A/RES/ES-11/4"
    assert vote["official_positions"]["FRA"] == "yes"
    assert vote["record_disagreements"] == [{"figure": "position IND", "reported": "abstain", "official": "yes"}]


def test_records_imported_after_the_article_link_too(store):
    add_text(store, BUNDLED.read_text(encoding="utf-8"))
    assert assembly_vote(store)["roll_call"] is None
    add_record(store, ASSEMBLY_RECORD, OFFICIAL)
    assert refresh_links(store) == 1
    assert assembly_vote(store)["roll_call"]["undl_id"] == 500001


def test_a_symbol_links_even_when_the_tally_is_missing(store):
    add_record(store, ASSEMBLY_RECORD | {"undl_id": 500002, "date": "2022-04-07", "resolution": "A/RES/ES-11/3"}, {})
    add_text(store, "The General Assembly on Thursday adopted resolution A/RES/ES-11/3 after a heated debate.",
             published="2022-04-09")
    (summary,) = queries.find_votes(store, None, body="UNGA")
    assert queries.get_vote(store, summary["id"], None)["roll_call"]["undl_id"] == 500002


@pytest.mark.parametrize(
    ("change", "linked"),
    [
        ({}, True),
        ({"date": "2022-10-13"}, True),  # a day apart: time zones, late meetings
        ({"date": "2022-10-14"}, False),
        ({"total_no": 6}, True),  # one figure off: linked, and the difference shows
        ({"total_no": 6, "total_abstentions": 36}, False),
        ({"body": "UNSC"}, False),
    ],
)
def test_which_records_link(store, change, linked):
    add_record(store, ASSEMBLY_RECORD | change, OFFICIAL)
    add_text(store, BUNDLED.read_text(encoding="utf-8"))
    assert (assembly_vote(store)["roll_call"] is not None) == linked


def test_two_equally_good_records_link_neither(store):
    add_record(store, ASSEMBLY_RECORD, OFFICIAL)
    add_record(store, ASSEMBLY_RECORD | {"undl_id": 500003, "resolution": "A/RES/ES-11/9"}, {})
    add_text(store, BUNDLED.read_text(encoding="utf-8"))
    assert assembly_vote(store)["roll_call"] is None


def test_the_tally_shows_official_positions_and_where_the_articles_differ(store):
    add_record(store, ASSEMBLY_RECORD | {"total_no": 6}, OFFICIAL)
    add_text(store, BUNDLED.read_text(encoding="utf-8"))
    embed = embeds.tally_embed(assembly_vote(store))
    shown = "\n".join(f"{field.name}\n{field.value}" for field in embed.fields)
    assert "France" in shown and "Venezuela" in shown  # named only by the official record
    assert "No · 6" in shown  # the official total
    assert "5 in the articles, 6 on record" in shown
    assert "India**: 🟡 Abstained in the articles, 🟢 Yes on record" in shown
    assert "Official record of A/RES/ES-11/4" in shown


def test_a_country_only_the_record_places(store):
    add_record(store, ASSEMBLY_RECORD, OFFICIAL)
    add_text(store, BUNDLED.read_text(encoding="utf-8"))
    vote = assembly_vote(store)
    assert embeds.country_vote_embed(vote, "FRA", []).title.endswith("France voted yes")
    india = embeds.country_vote_embed(vote, "IND", [])
    assert india.title.endswith("India voted yes") and "the articles say" in india.description


def test_a_record_no_article_reports(store):
    add_record(store, ASSEMBLY_RECORD, OFFICIAL)
    vote = queries.roll_call_vote(store, 500001)
    assert (vote["yes"], vote["no"], vote["abstain"], vote["absent"]) == (143, 5, 35, 10)
    assert vote["resolution"] == "A/RES/ES-11/4" and vote["reports"] == []
    assert queries.roll_call_vote(store, 1) is None


def test_vote_answers_reach_official_records(store):
    from answers.votes import answer_vote, vote_suggestions

    add_record(store, ASSEMBLY_RECORD, OFFICIAL)
    add_record(store, ASSEMBLY_RECORD | {"undl_id": 500004, "date": "2022-04-07", "resolution": "A/RES/ES-11/3",
                                         "title": "Suspension of the rights of membership", "total_yes": 93,
                                         "total_no": 24, "total_abstentions": 58, "total_non_voting": 18},
               {"FRA": "yes", "VEN": "absent"})
    add_text(store, BUNDLED.read_text(encoding="utf-8"))

    # a country only the records place: its votes, newest first, each once
    (page,) = answer_vote(store, None, "Venezuela").pages
    assert page.description.index("12 October 2022") < page.description.index("7 April 2022")
    # a record picked from the list that an article reports is shown with the article
    (embed,) = answer_vote(store, None, "France", "r500001").pages
    assert embed.title.endswith("France voted yes")
    assert "UN General Assembly condemns" in embed.fields[0].value
    # a record no article reports
    (embed,) = answer_vote(store, None, None, "r500004").pages
    assert "A/RES/ES-11/3" in embed.title and "93" in "".join(field.name for field in embed.fields)
    # autocomplete by symbol and by words of the title
    assert "r500004" in [c.value for c in vote_suggestions(store, None, "A/RES/ES-11/3")]
    assert "r500004" in [c.value for c in vote_suggestions(store, None, "suspension of")]
