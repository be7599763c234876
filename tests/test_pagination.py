"""Paginated replies through discord.py's real machinery, on a simulated Discord (simcord)."""

from __future__ import annotations

import discord
import pytest
import simcord
from discord.ext import commands

from reference.countries import countries
from replies import embeds
from replies.pagination import NOT_YOURS, PAGE_TIMEOUT_SECONDS, send_paginated


def numbered_pages(count: int) -> list[discord.Embed]:
    return [discord.Embed(title=f"Page {number}") for number in range(1, count + 1)]


def biggest_replies() -> dict[str, list[discord.Embed]]:
    """The largest answers the builders can make, by name."""
    quote = {
        "id": 1, "text": "long words " * 600, "speaker": "Ada Example", "speaker_role": "r " * 200,
        "speaker_country": "USA", "context": "c " * 3000, "source_id": 1, "source_title": "t " * 300,
        "source_url": "https://example.org/" + "p" * 500, "source_published": "2022-10-12",
    }
    codes = sorted(countries()) + [f"Q{n:02d}" for n in range(51)]
    report = {"source_id": 1, "source_title": "t " * 300, "source_url": None, "source_published": "2022"}
    vote = {
        "id": 1, "body": "b " * 200, "date": "2022-10-12", "resolution": "r " * 100, "subject": "s " * 3000,
        "yes": 300, "no": 300, "abstain": 300, "absent": 300, "adopted": False, "vetoed_by": codes[:20],
        "reports": [report | {"source_id": n} for n in range(50)],
        "positions": [{"country": c, "position": p, "source_id": 1} for c in codes for p in ("yes", "no")],
        "disagreements": [
            {"figure": f"position {c}", "values": [{"value": "yes", "source_ids": list(range(50))},
                                                   {"value": "no", "source_ids": [1]}]}
            for c in codes
        ],
    }
    sources = [{"id": n, "scope": "global", "title": "t " * 300, "url": None, "published": None,
                "quotes": n, "votes": n} for n in range(100)]
    return {
        "whosaid": [embeds.whosaid_embed(quote, [quote | {"id": n} for n in range(40)], "q " * 3000)],
        "tally": [embeds.tally_embed(vote)],
        "country": [embeds.country_vote_embed(vote, "USA", [quote] * 40)],
        "sources": embeds.sources_pages(sources),
        "quotes": embeds.speaker_quotes_pages({"name": "n " * 300, "country": "USA"}, [quote] * 40),
    }


def make_bot() -> commands.Bot:
    """A tiny bot whose commands answer with paginated replies."""
    bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())

    @bot.tree.command(name="pages", description="A reply of several pages")
    async def pages(interaction: discord.Interaction, count: int = 3, deferred: bool = False,
                    ephemeral: bool = False) -> None:
        if deferred:
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
        await send_paginated(interaction, numbered_pages(count), ephemeral=ephemeral)

    @bot.tree.command(name="biggest", description="The largest replies the embed layer builds")
    async def biggest(interaction: discord.Interaction, kind: str) -> None:
        await send_paginated(interaction, biggest_replies()[kind])

    return bot


@pytest.fixture
def simcord_bot():
    return make_bot()


@pytest.fixture
async def world(simcord_env):
    """A synced bot, a channel, the member who asks and another member."""
    await simcord_env.bot.tree.sync()
    guild = simcord_env.create_guild()
    channel = guild.create_text_channel("general")
    asker = guild.add_member(simcord_env.create_user("asker"))
    other = guild.add_member(simcord_env.create_user("other"))
    return simcord_env, channel, asker, other


def button(message, label_start: str) -> dict:
    """The button of ``message`` whose label starts with ``label_start``."""
    return next(
        component
        for row in message.components
        for component in row["components"]
        if component.get("label", "").startswith(label_start)
    )


async def test_invoker_turns_pages_forward_and_back(world):
    env, channel, asker, other = world
    reply = (await asker.slash(channel, "pages", count=3)).response
    assert reply.embeds[0].title == "Page 1"
    assert button(reply, "1 /")["label"] == "1 / 3"
    assert button(reply, "Previous")["disabled"]

    await asker.click(reply, label="Next")
    await asker.click(reply, label="Next")
    reply = channel.last_message
    assert reply.embeds[0].title == "Page 3"
    assert reply.components[0].children[2].disabled  # Next, on the last page

    await asker.click(reply, label="Previous")
    assert channel.last_message.embeds[0].title == "Page 2"


async def test_someone_else_is_politely_refused(world):
    env, channel, asker, other = world
    reply = (await asker.slash(channel, "pages", count=2)).response

    refused = await other.click(reply, label="Next")

    assert refused.ephemeral
    assert refused.response.content == NOT_YOURS
    assert channel.last_message.embeds[0].title == "Page 1"


async def test_buttons_are_disabled_when_the_view_times_out(world):
    env, channel, asker, other = world
    reply = (await asker.slash(channel, "pages", count=2)).response

    await env.advance_time(PAGE_TIMEOUT_SECONDS + 1)

    message = channel.last_message
    assert all(item.disabled for row in message.components for item in row.children)
    assert message.embeds[0].title == "Page 1"
    with pytest.raises(simcord.SetupError):
        await asker.click(reply, label="Next")


async def test_a_single_page_is_sent_without_buttons(world):
    env, channel, asker, other = world
    reply = (await asker.slash(channel, "pages", count=1)).response
    assert reply.embeds[0].title == "Page 1"
    assert reply.components == []


async def test_a_deferred_ephemeral_reply_pages_and_times_out(world):
    env, channel, asker, other = world
    result = await asker.slash(channel, "pages", count=2, deferred=True, ephemeral=True)
    callbacks = [request.json for request in env.http_requests if request.path.endswith("/callback")]
    assert callbacks[-1]["type"] == discord.InteractionResponseType.deferred_channel_message.value
    assert result.response.ephemeral  # the first followup replaces the "thinking…" message

    await asker.click(result.response, label="Next")
    assert result.response.embeds[0].title == "Page 2"

    await env.advance_time(PAGE_TIMEOUT_SECONDS + 1)
    assert all(item["disabled"] for row in result.response.components for item in row["components"])


@pytest.mark.parametrize("kind", ["whosaid", "tally", "country", "sources", "quotes"])
async def test_the_biggest_replies_are_accepted_by_discord(world, kind):
    env, channel, asker, other = world
    reply = (await asker.slash(channel, "biggest", kind=kind)).response
    assert reply.embeds, kind
    pages = len(biggest_replies()[kind])
    for _ in range(pages - 1):
        await asker.click(reply, label="Next")
    assert not env.errors
