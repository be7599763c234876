"""/vote: how a country voted on a vote, a country's votes, or the whole tally of a vote."""

from __future__ import annotations

import re
from functools import partial

from sqlite_utils import Database

from answers.options import MAX_SUGGESTIONS, resolve_country, stored_id, unknown_country
from answers.reply import Picture, Reply, Suggestion, refusal
from db import queries, records
from reference.vocabulary import BODY_NAMES, body_name
from replies import embeds
from replies.style import display_date

MAX_COUNTRY_VOTES = 100
RECORD_KEY = re.compile(r"r(\d+)")


def answer_vote(db: Database, guild_id: int | None, country: str | None = None, vote: str | None = None) -> Reply:
    """The /vote answer: a country on a vote, a country's votes, a vote's tally, or the votes known."""
    iso3 = resolve_country(db, country) if country else None
    if country and iso3 is None:
        return unknown_country(country)
    details = find_vote(db, guild_id, vote) if vote else None
    if vote and details is None:
        return refusal(
            f"No vote in this server's sources or the official records matches “{embeds.safe(vote)}”. "
            "Pick one from the list, or run /vote without options to see them all."
        )
    if iso3 and not details:
        votes = votes_of_country(db, guild_id, iso3)
        if len(votes) != 1:
            return Reply(embeds.country_votes_pages(iso3, votes))
        details = find_vote(db, guild_id, str(votes[0]["id"]))  # one vote: answer it in full
    if details is None:
        return Reply(embeds.vote_list_pages(queries.find_votes(db, guild_id, limit=MAX_COUNTRY_VOTES)))
    said = queries.quotes_on_vote(db, details["id"], guild_id, country=iso3) if details["reports"] else []
    if iso3:
        return Reply([embeds.country_vote_embed(details, iso3, said, member=could_vote(db, details, iso3))])
    return Reply([embeds.tally_embed(details, said)], picture=Picture("vote.png", partial(draw_vote, details)))


def draw_vote(vote: dict) -> bytes | None:
    """The vote's picture (a map, or the Council's seats); its library loads only when one is drawn."""
    from replies.pictures import vote_picture

    return vote_picture(vote)


def could_vote(db: Database, vote: dict, iso3: str) -> bool | None:
    """Whether the country could vote on this vote: not when its official record leaves the country
    out, else as the records show its membership then (None: they cannot tell)."""
    if vote["official_positions"]:
        return embeds.official_position(vote, iso3) is not None
    if any(position["country"] == iso3 for position in vote["positions"]):
        return True
    return records.was_member(db, iso3, vote["body"], vote["date"])


def find_vote(db: Database, guild_id: int | None, text: str) -> dict | None:
    """The vote picked or described: a reported vote's id ("12"), an official record's key
    ("r3990400"), or typed words matching reported votes first, then records."""
    text = (text or "").strip()
    record = RECORD_KEY.fullmatch(text)
    if record and (undl_id := stored_id(record[1])) and (found := load_record(db, guild_id, undl_id)):
        return found
    if (vote_id := stored_id(text)) and (found := queries.get_vote(db, vote_id, guild_id)):
        return found
    if not text:
        return None
    if reported := queries.match_votes(db, text, guild_id, limit=1, body_names=BODY_NAMES):
        return queries.get_vote(db, reported[0]["id"], guild_id)
    matching = records.match_roll_calls(db, text, limit=1)
    return load_record(db, guild_id, matching[0]["undl_id"]) if matching else None


def load_record(db: Database, guild_id: int | None, undl_id: int) -> dict | None:
    """An official record as a vote; one that a visible source reports is shown as that reported
    vote, with the sources."""
    reported = queries.reported_vote_of(db, undl_id, guild_id)
    return queries.get_vote(db, reported, guild_id) if reported else queries.roll_call_vote(db, undl_id)


def votes_of_country(db: Database, guild_id: int | None, iso3: str) -> list[dict]:
    """The votes the sources report for a country and its official records, newest first,
    each vote once."""
    reported = queries.votes_for_country(db, iso3, guild_id, MAX_COUNTRY_VOTES)
    linked = {f"r{vote['roll_call_id']}" for vote in reported if vote.get("roll_call_id")}
    official = [r for r in records.roll_calls_for_country(db, iso3, MAX_COUNTRY_VOTES) if r["id"] not in linked]
    return sorted(reported + official, key=lambda vote: vote["date"] or "", reverse=True)[:MAX_COUNTRY_VOTES]


def vote_suggestions(db: Database, guild_id: int | None, typed: str) -> list[Suggestion]:
    """Votes for autocomplete: reported votes first, then official records by symbol or title."""
    reported = queries.match_votes(db, typed, guild_id, body_names=BODY_NAMES)
    linked = {vote["roll_call_id"] for vote in reported if vote.get("roll_call_id")}
    suggestions = [Suggestion(vote_suggestion_name(vote), str(vote["id"])) for vote in reported]
    for record in records.match_roll_calls(db, typed, limit=MAX_SUGGESTIONS):
        if record["undl_id"] not in linked:
            summary = records.roll_call_summary(record)
            suggestions.append(Suggestion(vote_suggestion_name(summary), summary["id"]))
    return suggestions


def vote_suggestion_name(vote: dict) -> str:
    """``UNGA · 12 October 2022 · 143–5–35 · resolution calling …`` for the autocomplete list."""
    tally = "–".join(str(vote[f]) for f in ("yes", "no", "abstain") if vote.get(f) is not None)
    parts = [body_name(vote["body"]), display_date(vote["date"]), vote.get("resolution"), tally, vote.get("subject")]
    return " · ".join(part for part in parts if part)
