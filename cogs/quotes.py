"""/whosaid and /quotes: who said a quotation typed from memory, and a speaker's quotations."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands
from sqlite_utils import Database

from cogs.base import Reply, at_most, choice, refusal, send_reply, stored_id
from db import queries
from extraction.countries import country_name
from replies import embeds

# Fuzzy similarity (0–100) from which a quotation counts as the one the user meant.
GOOD_MATCH = 75
CANDIDATES = 6
MAX_SPEAKER_QUOTES = 200
MAX_QUERY = 6000


def answer_whosaid(db: Database, guild_id: int | None, quote: str) -> Reply:
    """The /whosaid answer: the best-matching quotation and its speaker, with the next best below."""
    fragment = " ".join((quote or "").split())
    if len(fragment) < 2:
        return refusal("Type a few words of the quotation, as you remember them.")
    matches = [m for m in queries.search_quotes(db, fragment[:MAX_QUERY], guild_id, CANDIDATES) if m["score"] >= GOOD_MATCH]
    if not matches:
        return Reply([embeds.no_match_embed(fragment)], ephemeral=True)
    return Reply([embeds.whosaid_embed(matches[0], matches[1:], fragment)])


def resolve_speaker(db: Database, guild_id: int | None, text: str) -> dict | None:
    """The speaker picked (their id) or typed (the start of any word of their name)."""
    text = (text or "").strip()
    if (speaker_id := stored_id(text)) and (speaker := queries.get_speaker(db, speaker_id, guild_id)):
        return speaker
    found = queries.find_speakers(db, text, guild_id, limit=1) if text else []
    return found[0] if found else None


def answer_quotes(db: Database, guild_id: int | None, speaker: str) -> Reply:
    """The /quotes answer: a speaker's quotations, paginated."""
    found = resolve_speaker(db, guild_id, speaker)
    if found is None:
        return refusal(
            f"No speaker in this server's sources matches “{embeds.safe(speaker)}”. Pick one from the list."
        )
    quotes = queries.quotes_by_speaker(db, found["id"], guild_id, MAX_SPEAKER_QUOTES)
    return Reply(embeds.speaker_quotes_pages(found, quotes))


def speaker_choice_name(speaker: dict) -> str:
    """``Linda Thomas-Greenfield (United States) · 3 quotations``."""
    country = f" ({country_name(speaker['country'])})" if speaker.get("country") else ""
    return f"{speaker['name']}{country} · {embeds.plural(speaker['quotes'], 'quotation')}"


class Quotes(commands.Cog):
    """/whosaid and /quotes."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="whosaid", description="Who said it? Type a quotation as you remember it")
    @app_commands.describe(quote="Some words of the quotation; typos and other punctuation are fine")
    @app_commands.checks.cooldown(5, 30.0, key=lambda interaction: interaction.user.id)
    async def whosaid(self, interaction: discord.Interaction, quote: str) -> None:
        await send_reply(interaction, answer_whosaid(self.bot.db, interaction.guild_id, quote))

    @app_commands.command(name="quotes", description="A speaker's quotations in the sources")
    @app_commands.describe(speaker="A speaker: pick one, or type part of their name")
    async def quotes(self, interaction: discord.Interaction, speaker: str) -> None:
        await send_reply(interaction, answer_quotes(self.bot.db, interaction.guild_id, speaker))

    @quotes.autocomplete("speaker")
    async def speaker_autocomplete(self, interaction: discord.Interaction, current: str):
        speakers = queries.find_speakers(self.bot.db, current, interaction.guild_id)
        return at_most([choice(speaker_choice_name(s), s["id"]) for s in speakers])


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Quotes(bot))
