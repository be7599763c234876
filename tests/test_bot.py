"""The bot as users meet it: slash commands through discord.py's real command tree, on a
simulated Discord (simcord), answering from a store built from the bundled source."""

from __future__ import annotations

import asyncio
import re
import sqlite3
import sys
import threading

import discord
import pytest
import simcord
from aiohttp import web
from discord import app_commands

from discord_helpers import text_of
from bot import Rollcall, ShardedRollcall
from cogs.base import NotModerator
from cogs.sources import queued
from config import Config
from db import queries
from sources.ingest import build_store
from replies.style import NOT_STATED_COLOUR, POSITION_COLOURS
from sources.fetch import FetchedPage
from sources.worker import StoreWriter

COUNCIL_ARTICLE = (
    "Council extends mission\n\n"
    "The Security Council on Monday extended the peacekeeping mission in Examplia by a vote of "
    "13 in favour, with Brazil and Ghana abstaining.\n\n"
    "“This mandate saves lives,” said Amara Okafor, Nigeria’s ambassador to the UN."
)
MODERATOR_ROLE_ID = 4242


@pytest.fixture
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "rollcall.db"
    build_store(path)
    return path


@pytest.fixture
def simcord_bot(request, store_path, tmp_path, store_worker):
    """The bot on a store built from the bundled source; with the parameter "first start", on a
    path where no store exists yet, so that the bot builds it."""
    if getattr(request, "param", None) == "first start":
        store_path = tmp_path / "first-start" / "rollcall.db"
    config = Config(store_path=store_path, moderator_role_ids=(MODERATOR_ROLE_ID,))
    return Rollcall(config, writer=StoreWriter(store_path, store_worker))


def assembly_vote_id(env) -> str:
    (vote,) = queries.find_votes(env.bot.db, None, body="UNGA")
    return str(vote["id"])


# ---------------------------------------------------------------- /vote
@pytest.mark.parametrize(
    ("country", "position", "words"),
    [("China", "abstain", "China abstained"), ("Syria", "no", "Syria voted no")],
)
async def test_vote_says_how_a_country_voted(world, country, position, words):
    env, guild, channel, member, moderator = world
    result = await member.slash(channel, "vote", country=country, vote=assembly_vote_id(env))
    (embed,) = result.response.embeds
    assert words.lower() in text_of(embed).lower()
    assert embed.colour == POSITION_COLOURS[position]
    shown = text_of(embed)
    assert "12 October 2022" in shown and "143" in shown
    assert "UN General Assembly condemns" in shown  # the source that says so
    assert not result.ephemeral


async def test_vote_for_a_country_the_sources_do_not_place(world):
    env, guild, channel, member, moderator = world
    result = await member.slash(channel, "vote", country="France", vote=assembly_vote_id(env))
    assert "The sources do not say how France voted." in text_of(result.response.embeds[0])
    assert result.response.embeds[0].colour == NOT_STATED_COLOUR


async def test_vote_without_a_vote_lists_the_countrys_votes(world):
    env, guild, channel, member, moderator = world
    shown = text_of((await member.slash(channel, "vote", country="russian")).response.embeds[0])
    assert "UN General Assembly" in shown and "UN Security Council" in shown


async def test_whole_tally_of_a_vote(world):
    env, guild, channel, member, moderator = world
    shown = text_of((await member.slash(channel, "vote", vote=assembly_vote_id(env))).response.embeds[0])
    for words in ("143", "Belarus", "Nicaragua", "North Korea", "Syria", "India", "Pakistan", "Adopted"):
        assert words in shown
    assert "31 not named" in shown  # 35 abstained, four named
    assert "Quoted in these sources" in shown and "Joe Biden" in shown
    assert re.search(r"see </quotes:\d+>", shown)  # a link to the command


async def test_a_veto_is_shown(world):
    env, guild, channel, member, moderator = world
    (council,) = queries.find_votes(env.bot.db, None, body="UNSC")
    shown = text_of((await member.slash(channel, "vote", vote=str(council["id"]))).response.embeds[0])
    assert "vetoed by" in shown and "Russia" in shown


async def test_unknown_country_is_answered_politely_and_privately(world):
    env, guild, channel, member, moderator = world
    result = await member.slash(channel, "vote", country="Atlantis")
    assert result.ephemeral
    assert "I don't know a country called “Atlantis”" in text_of(result.response.embeds[0])


async def test_country_autocomplete_matches_names_aliases_and_demonyms(world):
    env, guild, channel, member, moderator = world
    for typed, code in (("north korea", "PRK"), ("DPRK", "PRK"), ("russian", "RUS"), ("Türk", "TUR")):
        choices = await member.autocomplete(channel, "vote", "country", typed)
        assert code in [c["value"] for c in choices], typed
    everything = await member.autocomplete(channel, "vote", "country", "a")
    assert 0 < len(everything) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in everything)


async def test_vote_autocomplete(world):
    env, guild, channel, member, moderator = world
    choices = await member.autocomplete(channel, "vote", "vote", "")
    assert len(choices) == 2 and all(len(c["name"]) <= 100 for c in choices)
    assert [c["name"] for c in await member.autocomplete(channel, "vote", "vote", "Council")][0].startswith(
        "UN Security Council"
    )


# ---------------------------------------------------------------- /whosaid and /quotes
@pytest.mark.parametrize(
    ("fragment", "speaker"),
    [
        ("it might be you", "Linda Thomas-Greenfield"),
        ("It mite be YOU!!", "Linda Thomas-Greenfield"),
        ("double standard", "Georges Nzongola-Ntalaja"),
        ("wipe a sovreign state of the map", "Joe Biden"),
    ],
)
async def test_whosaid_finds_a_quotation_typed_from_memory(world, fragment, speaker):
    env, guild, channel, member, moderator = world
    (embed,) = (await member.slash(channel, "whosaid", quote=fragment)).response.embeds
    assert speaker in embed.title
    assert "UN General Assembly condemns" in text_of(embed)


@pytest.mark.parametrize(
    "hostile",
    ['" AND * NEAR(a b) OR quote:', "@everyone @here <@123>", "x" * 6000, "   ", "zzqx plugh"],
)
async def test_whosaid_survives_hostile_input_without_pinging_anyone(world, hostile):
    env, guild, channel, member, moderator = world
    result = await member.slash(channel, "whosaid", quote=hostile)
    assert result.response is not None
    (embed,) = result.response.embeds
    assert "@everyone" not in text_of(embed).replace("@\u200beveryone", "")
    assert result.response.message.mentions == [] and not result.response.message.mention_everyone


async def test_whosaid_has_a_per_user_cooldown(world):
    env, guild, channel, member, moderator = world
    for _ in range(5):
        await member.slash(channel, "whosaid", quote="double standard")
    slowed = await member.slash(channel, "whosaid", quote="double standard")
    assert slowed.ephemeral and "try again in" in text_of(slowed.response.embeds[0])
    simcord.assert_error(env, app_commands.CommandOnCooldown)
    await env.advance_time(31)
    assert not (await member.slash(channel, "whosaid", quote="double standard")).ephemeral


async def test_quotes_by_speaker_with_autocomplete(world):
    env, guild, channel, member, moderator = world
    choices = await member.autocomplete(channel, "quotes", "speaker", "nebe")
    assert choices[0]["name"].startswith("Vassily Nebenzia")
    shown = text_of((await member.slash(channel, "quotes", speaker=choices[0]["value"])).response.embeds[0])
    assert "politicized and openly provocative" in shown


# ---------------------------------------------------------------- sources and moderators
async def test_sources_lists_the_bundled_article(world):
    env, guild, channel, member, moderator = world
    shown = text_of((await member.slash(channel, "sources")).response.embeds[0])
    assert "UN General Assembly condemns" in shown and "21 quotations" in shown


async def test_a_moderator_adds_a_source_seen_in_that_server_only(world):
    env, guild, channel, member, moderator = world
    added = await moderator.slash(
        channel, "source add", file=("council.txt", COUNCIL_ARTICLE.encode()), published="2024-03-04"
    )
    assert added.ephemeral and "Source added" in text_of(added.response.embeds[0])
    found = await member.slash(channel, "whosaid", quote="this mandate saves lives")
    assert "Amara Okafor" in found.response.embeds[0].title

    other_guild = env.create_guild("Elsewhere")
    other_channel = other_guild.create_text_channel("general")
    stranger = other_guild.add_member(env.create_user("stranger"))
    elsewhere = await stranger.slash(other_channel, "whosaid", quote="this mandate saves lives")
    assert "Amara Okafor" not in text_of(elsewhere.response.embeds[0])
    assert "Council extends mission" not in text_of((await stranger.slash(other_channel, "sources")).response.embeds[0])


async def test_pasted_text_and_bad_submissions(world):
    env, guild, channel, member, moderator = world
    pasted = await moderator.slash(channel, "source add", text=COUNCIL_ARTICLE, title="Council extends mission")
    assert "Source added" in text_of(pasted.response.embeds[0])
    again = await moderator.slash(channel, "source add", text=COUNCIL_ARTICLE)
    assert "Already in the store" in text_of(again.response.embeds[0])
    for options in ({"text": "x", "url": "https://example.org"}, {"file": ("photo.png", b"\x89PNG")},
                    {"text": COUNCIL_ARTICLE + " more", "published": "March 4"}):
        refused = await moderator.slash(channel, "source add", **options)
        assert refused.ephemeral and "couldn't add that source" in text_of(refused.response.embeds[0])
        await env.advance_time(61)  # past the moderators' cooldown


async def test_a_member_without_manage_server_is_refused_even_when_an_admin_opens_the_command(world):
    env, guild, channel, member, moderator = world
    with pytest.raises((simcord.BackendError, simcord.SetupError)):
        await member.slash(channel, "source add", text=COUNCIL_ARTICLE)  # hidden by default permissions
    (group,) = [c for c in await env.bot.tree.fetch_commands() if c.name == "source"]
    guild.set_command_permissions(group, {member: True})
    refused = await member.slash(channel, "source add", text=COUNCIL_ARTICLE)
    assert refused.ephemeral
    assert "Only this server's moderators" in text_of(refused.response.embeds[0])
    simcord.assert_error(env, NotModerator)
    assert all(s["scope"] == "global" for s in queries.list_sources(env.bot.db, guild.id))


async def test_a_configured_moderator_role_may_add_sources(world):
    env, guild, channel, member, moderator = world
    role = guild.create_role("Chairs")
    role_holder = guild.add_member(env.create_user("co-chair"), roles=[role])
    (group,) = [c for c in await env.bot.tree.fetch_commands() if c.name == "source"]
    guild.set_command_permissions(group, {role: True})
    # the role's id is not the configured one: refused; the bot's config names the role: allowed
    refused = await role_holder.slash(channel, "source add", text=COUNCIL_ARTICLE)
    assert "Only this server's moderators" in text_of(refused.response.embeds[0])
    simcord.assert_error(env, NotModerator)
    env.bot.config = Config(store_path=env.bot.config.store_path, moderator_role_ids=(role.id,))
    allowed = await role_holder.slash(channel, "source add", text=COUNCIL_ARTICLE)
    assert "Source added" in text_of(allowed.response.embeds[0])


async def test_remove_only_this_servers_sources(world):
    env, guild, channel, member, moderator = world
    await moderator.slash(channel, "source add", text=COUNCIL_ARTICLE, title="Council extends mission")
    choices = await moderator.autocomplete(channel, "source remove", "source", "council")
    assert len(choices) == 1 and "Council extends mission" in choices[0]["name"]
    bundled = next(s for s in queries.list_sources(env.bot.db, guild.id) if s["scope"] == "global")
    refused = await moderator.slash(channel, "source remove", source=str(bundled["id"]))
    assert "not a source this server added" in text_of(refused.response.embeds[0])
    asked = await moderator.slash(channel, "source remove", source=choices[0]["value"])
    await moderator.click(asked.response, label="Remove")  # the confirmation (tests/test_moderation.py)
    assert "Source removed" in text_of(asked.response.embeds[0])
    gone = await member.slash(channel, "whosaid", quote="this mandate saves lives")
    assert "Amara Okafor" not in text_of(gone.response.embeds[0])


# ---------------------------------------------------------------- pagination and errors
async def test_long_answers_paginate_and_only_the_asker_turns_pages(world):
    env, guild, channel, member, moderator = world
    for number in range(12):
        text = f"Story {number}\n\n“Words number {number} were spoken,” said Ana Example{number}."
        await moderator.slash(channel, "source add", text=text, title=f"Story {number}")
        await env.advance_time(61)
    reply = (await member.slash(channel, "sources")).response
    assert "Page 1 of" in reply.embeds[0].footer.text
    refused = await moderator.click(reply, label="Next")
    assert refused.ephemeral
    await member.click(reply, label="Next")
    assert "Page 2 of" in channel.last_message.embeds[0].footer.text


async def test_an_unexpected_error_gives_a_polite_private_answer(world, monkeypatch, caplog):
    env, guild, channel, member, moderator = world

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(queries, "list_sources", broken)
    result = await member.slash(channel, "sources")
    assert result.ephemeral and "something went wrong" in text_of(result.response.embeds[0])
    assert "disk on fire" in caplog.text
    simcord.assert_error(env, RuntimeError, contains="disk on fire")


async def test_a_moderator_adds_a_source_by_url(world, monkeypatch):
    env, guild, channel, member, moderator = world
    page = f"<html><head><title>Council extends mission</title></head><body><article><p>{COUNCIL_ARTICLE}</p></article></body></html>"
    fetched = []

    async def fake_fetch(url):
        fetched.append(url)
        return FetchedPage("https://news.example.org/council", page.encode(), "text/html")

    monkeypatch.setattr(sys.modules["cogs.sources"], "fetch_article", fake_fetch)
    added = await moderator.slash(channel, "source add", url="https://editor:secret@news.example.org/council")
    assert fetched == ["https://editor:secret@news.example.org/council"]
    shown = text_of(added.response.embeds[0])
    assert "Source added" in shown and "news.example.org/council" in shown and "secret" not in shown
    (stored,) = [s for s in queries.list_sources(env.bot.db, guild.id) if s["scope"] != "global"]
    assert stored["url"] == stored["origin"] == "https://news.example.org/council"  # as fetched, no credentials


@pytest.mark.parametrize("simcord_bot", ["first start"], indirect=True)
async def test_first_start_builds_the_store_and_guild_sync_works(simcord_env):
    bot = simcord_env.bot
    assert bot.config.store_path.exists()
    guild = simcord_env.create_guild("Dev server")
    synced = await bot.sync_commands(guild.id)
    assert {command.name for command in synced} == {"vote", "whosaid", "quotes", "sources", "source", "compare", "record", "help"}
    channel = guild.create_text_channel("general")
    member = guild.add_member(simcord_env.create_user("dev"))
    shown = text_of((await member.slash(channel, "sources")).response.embeds[0])
    assert "21 quotations" in shown


async def test_a_source_waits_for_a_store_another_writer_holds(world):
    env, guild, channel, member, moderator = world
    blocker = sqlite3.connect(env.bot.config.store_path, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")  # another writer (an import, a big source) holds the store
    threading.Timer(1.5, blocker.rollback).start()
    added = await moderator.slash(channel, "source add", text=COUNCIL_ARTICLE, title="Council extends mission")
    blocker.close()
    assert added.ephemeral and "Source added" in text_of(added.response.embeds[0])


async def test_a_moderator_is_told_when_a_source_is_queued():
    class Interaction:
        def __init__(self) -> None:
            self.edits: list[discord.Embed] = []

        async def edit_original_response(self, *, embed):
            self.edits.append(embed)

    async def slow_work():
        await asyncio.sleep(0.3)
        return "stored"

    quick = Interaction()
    assert await queued(quick, asyncio.ensure_future(asyncio.sleep(0, "stored"))) == "stored"
    assert quick.edits == []
    slow = Interaction()
    assert await queued(slow, asyncio.ensure_future(slow_work()), notice_after=0.05) == "stored"
    (notice,) = slow.edits
    assert "queued" in notice.description


async def test_ids_beyond_64_bits_are_unknown_not_errors(world):
    env, guild, channel, member, moderator = world
    huge = "9" * 30
    vote = await member.slash(channel, "vote", vote=f"r{huge}")
    assert vote.ephemeral and "No vote" in text_of(vote.response.embeds[0])
    quotes = await member.slash(channel, "quotes", speaker=huge)
    assert quotes.ephemeral and "No speaker" in text_of(quotes.response.embeds[0])
    removed = await moderator.slash(channel, "source remove", source=huge)
    assert removed.ephemeral and "not a source this server added" in text_of(removed.response.embeds[0])
    simcord.assert_no_errors(env)


async def test_a_sharded_bot_answers_in_the_shards_it_runs_from_the_same_store(store_path, store_worker):
    config = Config(store_path=store_path, shard_count=3, shard_ids=(0, 2))
    bot = ShardedRollcall(config, writer=StoreWriter(store_path, store_worker), shard_count=3, shard_ids=[0, 2])
    async with simcord.run(bot) as env:
        await bot.sync_commands()
        for shard_id in (0, 2):
            guild = env.create_guild(f"Server on shard {shard_id}", shard_id=shard_id)
            channel = guild.create_text_channel("general")
            member = guild.add_member(env.create_user(f"delegate{shard_id}"))
            reply = await member.slash(channel, "vote", country="China", vote=assembly_vote_id(env))
            assert "China abstained" in text_of(reply.response.embeds[0])
            assert bot.get_guild(guild.id).shard_id == shard_id


async def test_add_by_url_refuses_the_hosts_own_network_and_says_nothing_more(world):
    env, guild, channel, member, moderator = world
    requests = []

    async def record(request):
        requests.append(request.path)
        return web.Response(text="<html><body><p>Internal admin page.</p></body></html>", content_type="text/html")

    app = web.Application()
    app.router.add_get("/{tail:.*}", record)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        for url in (f"http://127.0.0.1:{port}/admin", f"http://[::ffff:127.0.0.1]:{port}/", "http://169.254.169.254/latest"):
            refused = await moderator.slash(channel, "source add", url=url)
            assert refused.ephemeral
            assert "no article could be fetched from that address" in text_of(refused.response.embeds[0])
            await env.advance_time(61)  # past the moderators' cooldown
    finally:
        await runner.cleanup()
    assert requests == []


async def test_a_source_is_read_and_stored_outside_the_bots_process(world, monkeypatch):
    env, guild, channel, member, moderator = world

    def not_here(*args, **kwargs):
        raise AssertionError("extraction ran in the bot's own process, holding its event loop")

    monkeypatch.setattr("sources.ingest.extract", not_here, raising=False)
    monkeypatch.setattr("extraction.extractor.extract", not_here)
    added = await moderator.slash(channel, "source add", text=COUNCIL_ARTICLE, title="Council extends mission")
    assert "Source added" in text_of(added.response.embeds[0])


async def test_a_whole_tally_comes_with_its_picture(world):
    env, guild, channel, member, moderator = world
    (vote,) = queries.find_votes(env.bot.db, None, body="UNGA")
    result = await member.slash(channel, "vote", vote=str(vote["id"]))
    (embed,) = result.response.embeds
    (picture,) = result.response.attachments
    assert picture.filename == "vote.png" and embed.image.url == "attachment://vote.png"
    png = await picture.read()
    assert png.startswith(b"\x89PNG") and len(png) < 1_000_000
    callbacks = [entry.json for entry in env.http_requests if entry.path.endswith("/callback")]
    assert callbacks[-1]["type"] == 5  # drawn after the interaction was deferred


async def test_a_country_on_a_vote_has_no_picture(world):
    env, guild, channel, member, moderator = world
    result = await member.slash(channel, "vote", country="China", vote=assembly_vote_id(env))
    assert result.response.attachments == [] and result.response.embeds[0].image.url is None
