"""/compare and /record: questions the official roll-call records answer, for any member state.

Official records belong to no server: every server sees the same ones, so the answers take
``guild_id`` only to match the other commands' signature.
"""

from __future__ import annotations

from datetime import date

import discord
from discord import app_commands
from discord.ext import commands
from sqlite_utils import Database

from cogs.base import Reply, country_choices, refusal, resolve_country, send_reply, unknown_country
from db import comparisons
from replies.record_embeds import (
    compare_embed,
    record_embed,
)
from replies.style import DATE

NO_RECORDS = (
    "No official roll-call records are loaded yet: a moderator can run `python bot.py import-un FILE`."
)
SINCE_HELP = "Only votes from this date on: YYYY, YYYY-MM or YYYY-MM-DD"
COUNTRY_HELP = "A country: its name, a short form (US, DPRK) or a demonym (Russian)"


class BadDate(ValueError):
    """A ``since`` option that is not a date."""


def parse_since(text: str | None) -> str | None:
    """The ``since`` option as a date prefix (``2020``, ``2020-03``, ``2020-03-01``); None when empty."""
    text = (text or "").strip()
    if not text:
        return None
    match = DATE.fullmatch(text)
    try:
        if not match:
            raise ValueError
        year, month, day = (int(part) if part else 1 for part in match.groups())
        date(year, month, day)
    except ValueError:
        raise BadDate(
            f"“{text}” is not a date: write a year (2015), a month (2015-09) or a day (2015-09-25)."
        ) from None
    return text


def answer_compare(
    db: Database, guild_id: int | None, country_a: str, country_b: str, since: str | None = None
) -> Reply:
    """The /compare answer: how often two countries voted alike, over time, and where they differed."""
    if not comparisons.has_roll_calls(db):
        return refusal(NO_RECORDS)
    codes = [resolve_country(db, text) for text in (country_a, country_b)]
    for text, code in zip((country_a, country_b), codes):
        if code is None:
            return unknown_country(text)
    if codes[0] == codes[1]:
        return refusal("Pick two different countries to compare.")
    try:
        start = parse_since(since)
    except BadDate as error:
        return refusal(str(error))
    return Reply([compare_embed(comparisons.compare_countries(db, *codes, since=start))])


def answer_record(db: Database, guild_id: int | None, country: str, since: str | None = None) -> Reply:
    """The /record answer: a country's votes by position, against the majority, and notable ones."""
    if not comparisons.has_roll_calls(db):
        return refusal(NO_RECORDS)
    iso3 = resolve_country(db, country)
    if iso3 is None:
        return unknown_country(country)
    try:
        start = parse_since(since)
    except BadDate as error:
        return refusal(str(error))
    return Reply([record_embed(comparisons.country_record(db, iso3, since=start))])


class Records(commands.Cog):
    """/compare and /record."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="compare", description="How often two countries voted alike at the UN")
    @app_commands.describe(country_a=COUNTRY_HELP, country_b=COUNTRY_HELP, since=SINCE_HELP)
    async def compare(
        self, interaction: discord.Interaction, country_a: str, country_b: str, since: str | None = None
    ) -> None:
        reply = answer_compare(self.bot.db, interaction.guild_id, country_a, country_b, since)
        await send_reply(interaction, reply)

    @app_commands.command(name="record", description="A country's UN voting record")
    @app_commands.describe(country=COUNTRY_HELP, since=SINCE_HELP)
    async def record(self, interaction: discord.Interaction, country: str, since: str | None = None) -> None:
        await send_reply(interaction, answer_record(self.bot.db, interaction.guild_id, country, since))

    @compare.autocomplete("country_a")
    @compare.autocomplete("country_b")
    @record.autocomplete("country")
    async def country_autocomplete(self, interaction: discord.Interaction, current: str):
        return country_choices(self.bot.db, interaction.guild_id, current)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Records(bot))
