"""/vote: how a country voted on a vote, a country's votes, or the whole tally of a vote."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from sqlite_utils import Database

from answers.dates import BadOption, typed_period
from answers.options import MAX_SUGGESTIONS, resolve_country, stored_id, typed_body, unknown_country
from answers.quotes import without_repeats
from answers.reply import Link, Menu, Picture, Reply, Suggestion, refusal
from db import queries, records
from reference.groups import Group, group_named
from reference.vocabulary import POSITIONS, body_name
from replies import embeds
from replies.style import display_date

MAX_COUNTRY_VOTES = 100
RECORD_KEY = re.compile(r"r(\d+)")


def answer_vote(
    db: Database,
    guild_id: int | None,
    country: str | None = None,
    vote: str | None = None,
    since: str | None = None,
    until: str | None = None,
    body: str | None = None,
) -> Reply:
    """The /vote answer: a country on a vote, a country's votes (``since``/``until`` a date, of one
    ``body``), a vote's tally, or the votes known."""
    try:
        period = Period(typed_period(since), typed_period(until), typed_body(body))
    except BadOption as error:
        return refusal(str(error))
    if country and (group := group_named(country)):
        return answer_group(db, guild_id, group, vote)
    iso3 = resolve_country(db, country) if country else None
    if country and iso3 is None:
        return unknown_country(country)
    details = find_vote(db, guild_id, vote) if vote else None
    if vote and details is None:
        return unknown_vote(vote)
    if iso3 and not details:
        return _country_votes(db, guild_id, country, iso3, period)
    if details is None:
        votes = queries.find_votes(db, guild_id, limit=MAX_COUNTRY_VOTES)
        return Reply(embeds.vote_list_pages(votes), menu=vote_menu(votes, partial(answer_vote, db, guild_id, None)))
    return _one_vote(db, guild_id, details, iso3)


def _country_votes(db: Database, guild_id: int | None, country: str, iso3: str, period: Period) -> Reply:
    """A country's votes in a period, newest first, with a menu opening each; one vote in full."""
    votes = votes_of_country(db, guild_id, iso3, period)
    if len(votes) == 1:
        return _one_vote(db, guild_id, find_vote(db, guild_id, str(votes[0]["id"])), iso3)
    total = len(votes) if len(votes) < MAX_COUNTRY_VOTES else count_votes_of_country(db, guild_id, iso3, period)
    pages = embeds.country_votes_pages(iso3, votes, total=total, period=period.described())
    return Reply(pages, menu=vote_menu(votes, partial(answer_vote, db, guild_id, country)))


def _one_vote(db: Database, guild_id: int | None, details: dict, iso3: str | None) -> Reply:
    """One vote: how ``iso3`` voted on it, or (no country) its whole tally with its picture; the
    quotations about it, and links to its record and sources."""
    said = without_repeats(queries.quotes_on_vote(db, details["id"], guild_id, country=iso3)) if details["reports"] else []
    if iso3:
        embed = embeds.country_vote_embed(details, iso3, said, member=could_vote(db, details, iso3))
        return Reply([embed], links=vote_links(details))
    return Reply([embeds.tally_embed(details, said)], picture=Picture("vote.png", partial(draw_vote, details)),
                 links=vote_links(details))


def vote_menu(votes: list[dict], open_vote: Callable[[str], Reply]) -> Menu:
    """A menu of the votes a list shows, page by page, opening one in full."""
    per_page = embeds.ENTRIES_PER_PAGE
    return Menu("Open one of these votes in full", [
        [Suggestion(vote_suggestion_name(vote), str(vote["id"])) for vote in votes[start : start + per_page]]
        for start in range(0, len(votes), per_page)
    ], open_vote)


def vote_links(vote: dict) -> list[Link]:
    """Links to the vote's official record and to the sources that report it, on the web."""
    record = vote.get("roll_call") or {}
    links = [Link(f"Official record of {embeds.roll_call_symbol(record)}", record["undl_link"])] if web(
        record.get("undl_link")) else []
    reported = {report["source_url"]: report["source_title"] for report in vote["reports"] if web(report["source_url"])}
    return links + [Link(title or url, url) for url, title in reported.items()]


def web(url: str | None) -> bool:
    """Whether ``url`` is a web address a link button can open."""
    return bool(url) and url.startswith(("https://", "http://"))


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
    if reported := queries.match_votes(db, text, guild_id, limit=1):
        return queries.get_vote(db, reported[0]["id"], guild_id)
    matching = records.match_roll_calls(db, text, limit=1)
    return load_record(db, guild_id, matching[0]["undl_id"]) if matching else None


def load_record(db: Database, guild_id: int | None, undl_id: int) -> dict | None:
    """An official record as a vote; one that a visible source reports is shown as that reported
    vote, with the sources."""
    reported = queries.reported_vote_of(db, undl_id, guild_id)
    return queries.get_vote(db, reported, guild_id) if reported else queries.roll_call_vote(db, undl_id)


@dataclass(frozen=True)
class Period:
    """Which of a country's votes to list: dated ``since`` and ``until`` (date prefixes, both
    included), of one ``body``; None for no bound."""

    since: str | None = None
    until: str | None = None
    body: str | None = None

    def holds(self, vote: dict) -> bool:
        """Whether a vote summary falls in the period (an undated one only when it is unbounded)."""
        date = vote["date"] or ""
        return ((self.since is None or date >= self.since) and (self.until is None or date[: len(self.until)] <= self.until)
                and (self.body is None or vote["body"] == self.body))

    def described(self) -> str:
        """``of the Security Council, since 2015, until 2016`` (empty when unbounded)."""
        parts = [f"of the {body_name(self.body).removeprefix('UN ')}" if self.body else "",
                 f"since {display_date(self.since)}" if self.since else "",
                 f"until {display_date(self.until)}" if self.until else ""]
        return ", ".join(filter(None, parts))


def votes_of_country(db: Database, guild_id: int | None, iso3: str, period: Period = Period()) -> list[dict]:
    """The votes the sources report for a country and its official records in the period, newest
    first, each vote once, at most MAX_COUNTRY_VOTES."""
    reported = [vote for vote in queries.votes_for_country(db, iso3, guild_id) if period.holds(vote)]
    linked = {f"r{vote['roll_call_id']}" for vote in reported if vote.get("roll_call_id")}
    official = [r for r in records.roll_calls_for_country(db, iso3, MAX_COUNTRY_VOTES, since=period.since,
                                                          until=period.until, body=period.body)
                if r["id"] not in linked]
    return sorted(reported + official, key=lambda vote: vote["date"] or "", reverse=True)[:MAX_COUNTRY_VOTES]


def count_votes_of_country(db: Database, guild_id: int | None, iso3: str, period: Period) -> int:
    """How many votes :func:`votes_of_country` would list without its cap."""
    reported = [vote for vote in queries.votes_for_country(db, iso3, guild_id) if period.holds(vote)]
    unlinked = sum(not vote.get("roll_call_id") for vote in reported)
    return unlinked + records.count_country_records(db, iso3, since=period.since, until=period.until, body=period.body)


def vote_suggestions(db: Database, guild_id: int | None, typed: str) -> list[Suggestion]:
    """Votes for autocomplete, the best match first: reported votes, then official records (by
    symbol, words of the title, date, tally or body)."""
    reported = queries.match_votes(db, typed, guild_id)
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


def answer_group(db: Database, guild_id: int | None, group: Group, vote: str | None) -> Reply:
    """/vote for a group of countries (``EU``, ``P5``, ``African Group``): how its members on the
    day of a vote split (each member's position, the count of each, the members nobody places);
    without a vote, the group's members and a menu of the latest votes to open so."""
    if not vote:
        latest = vote_suggestions(db, guild_id, "")[:MAX_SUGGESTIONS]
        menu = Menu("See how its members voted on one of these", [latest], partial(answer_group, db, guild_id, group))
        return Reply([embeds.group_embed(group)], menu=menu)
    details = find_vote(db, guild_id, vote)
    if details is None:
        return unknown_vote(vote)
    placed: dict[str, list[str]] = {position: [] for position in POSITIONS}
    differing, unplaced = [], []
    for member in group.members_on(details["date"]):
        codes = member.codes()
        official = next((code for code in codes if code in details["official_positions"]), None)
        stated = {(p["country"], p["position"]) for p in details["positions"] if p["country"] in codes}
        if official:
            placed[details["official_positions"][official]].append(official)
        elif len({position for _, position in stated}) == 1:
            code, position = stated.pop()
            placed[position].append(code)
        else:
            (differing if stated else unplaced).append(member.iso3)
    return Reply([embeds.group_vote_embed(group, details, placed, differing, unplaced)], links=vote_links(details))


def unknown_vote(text: str) -> Reply:
    """The answer to a vote nobody reports or records."""
    return refusal(
        f"No vote in this server's sources or the official records matches “{embeds.safe(text)}”. "
        "Pick one from the list, or run /vote without options to see them all."
    )
