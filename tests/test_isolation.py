"""One server never changes what another server sees: shared votes and their links to official
records are decided by the shared sources alone, a speaker is named from what a server can see,
and search reveals nothing of another server's sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import add_source, guild_scope, open_store, queries, remove_source
from db.links import refresh_links
from extraction.documents import load_document
from extraction.extractor import extract
from replies import embeds

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "sources" / "unga-annexation-vote-2022.txt"
SERVER_A, SERVER_B = 1001, 2002
# An official record that shares nothing with the bundled vote but a symbol an article misapplies.
APRIL_RECORD = {
    "undl_id": 700001, "body": "UNGA", "date": "2022-04-07", "resolution": "A/RES/ES-11/3",
    "draft": "A/ES-11/L.4", "title": "Suspension of the rights of membership", "total_yes": 93,
    "total_no": 24, "total_abstentions": 58, "total_non_voting": 18, "total_ms": 193,
    "undl_link": "https://digitallibrary.un.org/record/700001", "dataset": "test.csv", "imported_at": "2026-01-01",
}
OCTOBER_RECORD = APRIL_RECORD | {
    "undl_id": 700002, "date": "2022-10-12", "resolution": "A/RES/ES-11/4", "draft": "A/ES-11/L.5",
    "title": "Territorial integrity of Ukraine", "total_yes": 143, "total_no": 5, "total_abstentions": 35,
    "total_non_voting": 10,
}
# Two lines a moderator might add: the October vote under the April vote's symbol.
MISLABELLED = (
    "Assembly vote\n\n"
    "The UN General Assembly on 12 October 2022 adopted resolution A/RES/ES-11/3 by 143 votes to 5, "
    "with 35 abstentions."
)
ANOTHER_TAKE = (
    "Assembly vote, again\n\n"
    "The UN General Assembly on 12 October 2022 adopted a resolution condemning the zorblax referendums "
    "by 143 votes to 5, with 35 abstentions. China voted against.\n\n"
    "“We will never accept this,” said Joe X. Biden, the US President."
)


def add_text(db, text: str, guild_id: int | None = None, published: str = "2022-10-12") -> int:
    document = load_document(text, published=published)
    scope = "global" if guild_id is None else guild_scope(guild_id)
    return add_source(db, document, extract(document), scope=scope).source_id


def add_record(db, record: dict, positions: dict[str, str]) -> None:
    """An official record, imported as ``import-un`` does: then every vote is relinked."""
    db["roll_calls"].insert(record)
    db["roll_call_positions"].insert_all(
        {"undl_id": record["undl_id"], "country": iso3, "country_name": iso3, "position": position}
        for iso3, position in positions.items()
    )
    refresh_links(db)


@pytest.fixture
def store():
    db = open_store(":memory:")
    add_text(db, BUNDLED.read_text(encoding="utf-8"))
    yield db
    db.close()


def assembly_vote(db, guild_id):
    (summary,) = queries.find_votes(db, guild_id, body="UNGA", date="2022-10-12")
    return queries.get_vote(db, summary["id"], guild_id)


def view_of(db, guild_id) -> dict:
    """Everything a server can ask about its votes, speakers and quotations."""
    votes = queries.find_votes(db, guild_id, limit=100)
    speakers = queries.find_speakers(db, "", guild_id, limit=100)
    return {
        "votes": votes,
        "details": [queries.get_vote(db, vote["id"], guild_id) for vote in votes],
        "china": queries.votes_for_country(db, "CHN", guild_id),
        "speakers": speakers,
        "quotes": [queries.quotes_by_speaker(db, s["id"], guild_id) for s in speakers],
        "searches": {word: queries.match_votes(db, word, guild_id) for word in ("zorblax", "ES-11/3", "UNGA", "2022")},
        "whosaid": queries.search_quotes(db, "never accept this", guild_id),
        "record": queries.reported_vote_of(db, OCTOBER_RECORD["undl_id"], guild_id),
    }


@pytest.mark.parametrize("records", [[APRIL_RECORD], [APRIL_RECORD, OCTOBER_RECORD]])
def test_what_one_server_adds_or_removes_never_changes_another_servers_view(store, records):
    for record in records:
        add_record(store, record, {"CHN": "no", "FRA": "yes"})
    queries_before = view_of(store, SERVER_B), view_of(store, None)
    added = [add_text(store, text, SERVER_A) for text in (MISLABELLED, ANOTHER_TAKE)]
    assert (view_of(store, SERVER_B), view_of(store, None)) == queries_before
    for source_id in added:
        remove_source(store, source_id, guild_scope(SERVER_A))
    assert (view_of(store, SERVER_B), view_of(store, None)) == queries_before
    assert view_of(store, SERVER_A) == queries_before[0]


def test_a_mislabelled_report_does_not_link_the_shared_vote_to_the_wrong_record(store):
    add_record(store, APRIL_RECORD, {"CHN": "no"})
    add_text(store, MISLABELLED, SERVER_A)

    for guild_id in (None, SERVER_B):
        shared = assembly_vote(store, guild_id)
        assert shared["roll_call"] is None and shared["official_positions"] == {}
    seen_by_a = assembly_vote(store, SERVER_A)
    assert len(seen_by_a["reports"]) == 2  # A's report joined the vote, as A sees it
    assert seen_by_a["roll_call"] is None  # the symbol is contradicted by date and tallies
    assert seen_by_a["resolution"] is None  # and not shown as the vote's symbol
    (conflict,) = seen_by_a["symbol_conflicts"]
    assert (conflict["symbol"], conflict["undl_id"], conflict["date"]) == ("A/RES/ES-11/3", 700001, "2022-04-07")
    shown = "\n".join(f"{field.name}\n{field.value}" for field in embeds.tally_embed(seen_by_a).fields)
    assert "A/RES/ES-11/3**: a source gives this symbol, but its official record is another vote" in shown
    assert "(7 April 2022, 93–24–58)" in shown
    assert "ES-11/3" not in embeds.tally_embed(assembly_vote(store, SERVER_B)).title


def test_a_server_sees_its_own_link_and_the_conflict_while_the_shared_link_stays(store):
    add_record(store, APRIL_RECORD, {"CHN": "no"})
    add_record(store, OCTOBER_RECORD, {"CHN": "abstain"})
    source_id = add_text(store, MISLABELLED, SERVER_A)
    assert assembly_vote(store, SERVER_B)["roll_call"]["undl_id"] == 700002  # by date and tallies
    seen_by_a = assembly_vote(store, SERVER_A)
    assert seen_by_a["roll_call"]["undl_id"] == 700002
    assert seen_by_a["resolution"] == "A/RES/ES-11/4"
    assert [c["undl_id"] for c in seen_by_a["symbol_conflicts"]] == [700001]
    assert store["guild_vote_links"].count == 1
    remove_source(store, source_id, guild_scope(SERVER_A))
    assert store["guild_vote_links"].count == 0  # the link is recomputed when the source goes


def test_a_symbol_confirmed_by_the_date_links_a_servers_view_only(store):
    add_record(store, OCTOBER_RECORD | {"total_yes": None, "total_no": None, "total_abstentions": None}, {})
    text = "Assembly\n\nOn 12 October 2022 the General Assembly adopted resolution A/RES/ES-11/4 by 143 votes to 5."
    add_text(store, text, SERVER_A)
    assert assembly_vote(store, SERVER_A)["roll_call"]["undl_id"] == 700002
    assert assembly_vote(store, SERVER_B)["roll_call"] is None  # the shared sources give no symbol


def test_a_server_names_a_shared_speaker_only_for_itself(store):
    add_text(store, ANOTHER_TAKE, SERVER_A)
    (biden_in_b,) = queries.find_speakers(store, "Biden", SERVER_B)
    (biden_in_a,) = queries.find_speakers(store, "Biden", SERVER_A)
    assert biden_in_a["id"] == biden_in_b["id"]  # one speaker
    assert biden_in_b["name"] == "Joe Biden" and biden_in_a["name"] == "Joe X. Biden"
    assert biden_in_a["quotes"] == biden_in_b["quotes"] + 1
    assert queries.find_speakers(store, "Joe X", SERVER_B) == []
    assert {q["speaker"] for q in queries.quotes_by_speaker(store, biden_in_b["id"], SERVER_B)} == {"Joe Biden"}
    (match,) = queries.search_quotes(store, "never accept this", SERVER_A)[:1]
    assert match["speaker"] == "Joe X. Biden"


def test_search_reveals_nothing_of_another_servers_sources(store):
    add_text(store, ANOTHER_TAKE, SERVER_A)
    assert [v["id"] for v in queries.match_votes(store, "zorblax", SERVER_A)]
    assert queries.match_votes(store, "zorblax", SERVER_B) == []
    assert not any("never accept" in match["text"] for match in queries.search_quotes(store, "never accept this", SERVER_B))


def test_a_servers_own_vote_and_speaker_stay_its_own_when_a_shared_source_reports_them_later(store):
    text = (
        "Council vote\n\nThe Security Council on 3 March 2023 adopted resolution S/RES/2999(2023) by 13 votes "
        "to none, with 2 abstentions.\n\n“It is a step,” said Amara Okonjo, Nigeria’s ambassador."
    )
    add_text(store, text, SERVER_A, published="2023-03-03")
    own_votes = [v["id"] for v in queries.find_votes(store, SERVER_A, body="UNSC", date="2023")]
    add_text(store, text + "\n\nMore to follow.", published="2023-03-03")  # a shared copy, slightly longer
    shared = queries.find_votes(store, SERVER_B, body="UNSC", date="2023")
    assert len(shared) == 1 and shared[0]["id"] not in own_votes  # the shared vote is the shared sources' own
    assert [s["name"] for s in queries.find_speakers(store, "Okonjo", SERVER_B)] == ["Amara Okonjo"]
