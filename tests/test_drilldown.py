"""Lists that lead somewhere, /help and the wording of answers, as members meet them on a simulated
Discord: a menu opens one of the listed votes in full, a vote links to its official record and its
articles, a country's thousands of recorded votes are reachable by period and body, page buttons
are disabled when they time out, and "see /quotes" is a link to the command."""

from __future__ import annotations

import re

import discord
import pytest

from discord_helpers import components, text_of
from bot import Rollcall
from config import Config
from console import parse_command
from db import queries
from sources.worker import StoreWriter

ARTICLE_URL = "https://news.example.org/assembly-vote"


@pytest.fixture
def simcord_bot(recorded_store, store_worker):
    return Rollcall(Config(store_path=recorded_store), writer=StoreWriter(recorded_store, store_worker))


async def test_a_countrys_votes_open_one_in_full_from_the_menu(world):
    env, _, channel, member, other = world  # other: the moderator, another member
    listing = await member.slash(channel, "vote", country="India", body="UNSC", since="2021")
    assert "How India voted" in listing.response.embeds[0].title
    (menu,) = [item for item in components(listing.response) if item["type"] == discord.ComponentType.select.value]
    first = menu["options"][0]
    opened = await other.select(listing.response, [first["value"]])  # anyone may open one, privately
    assert opened.ephemeral
    shown = text_of(opened.response.embeds[0])
    assert "India" in shown and "UN Security Council" in shown and "2021" in shown


async def test_a_vote_links_to_its_official_record(world):
    env, _, channel, member, other = world  # other: the moderator, another member
    answer = await member.slash(channel, "vote", country="India", vote="A/RES/68/262")
    links = [item for item in components(answer.response) if item.get("url")]
    assert [link["label"] for link in links] == ["Official record of A/RES/68/262"]
    assert links[0]["url"].startswith("https://digitallibrary.un.org/record/")


async def test_a_countrys_thousands_of_votes_are_reachable_by_period(world):
    env, _, channel, member, other = world  # other: the moderator, another member
    everything = text_of((await member.slash(channel, "vote", country="Brazil")).response.embeds[0])
    assert re.search(r"The 100 newest of [\d,]{5,} votes", everything)
    early = (await member.slash(channel, "vote", country="Brazil", until="1950")).response.embeds
    assert "until 1950" in early[0].title and "1950" in text_of(early[0])
    assert "2024" not in text_of(early[0])
    refused = await member.slash(channel, "vote", country="Brazil", since="last year")
    assert refused.ephemeral and "is not a date" in text_of(refused.response.embeds[0])


async def test_record_takes_a_period_and_a_body(world):
    env, _, channel, member, other = world  # other: the moderator, another member
    shown = text_of((await member.slash(channel, "record", country="Brazil", since="2010", until="2011",
                                        body="UNSC")).response.embeds[0])
    assert "in the Security Council" in shown and "2010" in shown and "2011" in shown and "2012" not in shown


async def test_page_buttons_that_time_out_are_disabled(world):
    env, _, channel, member, other = world  # other: the moderator, another member
    listing = await member.slash(channel, "vote", country="France")
    await env.advance_time(181)
    message = channel.last_message
    controls = [item for item in components(listing.response) if not item.get("url")]
    assert controls and all(item.get("disabled") for item in controls)
    assert message is not None


async def test_see_quotes_is_a_link_to_the_command(world):
    env, _, channel, member, other = world  # other: the moderator, another member
    (vote,) = queries.find_votes(env.bot.db, None, body="UNGA", date="2022-10-12")
    shown = text_of((await member.slash(channel, "vote", vote=str(vote["id"]))).response.embeds[0])
    (command,) = [c for c in await env.bot.tree.fetch_commands() if c.name == "quotes"]
    assert f"see {command.mention}" in shown


async def test_help_says_what_each_command_does_and_where_answers_come_from(world):
    env, _, channel, member, other = world  # other: the moderator, another member
    answer = await member.slash(channel, "help")
    shown = text_of(answer.response.embeds[0])
    assert answer.ephemeral
    for command in ("/vote", "/whosaid", "/quotes", "/compare", "/record", "/sources", "/source add", "/help"):
        assert command in shown
    assert "`/whosaid quote:it might be you`" in shown and "8,026 official recorded votes" in shown


def test_the_console_reads_commands_and_options_in_any_case():
    assert parse_command("/VOTE Country:North Korea VOTE:UNGA") == ("vote", {"country": "North Korea", "vote": "UNGA"})
    assert parse_command("help") == ("help", {})
