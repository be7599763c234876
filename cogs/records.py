"""/compare and /record."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from answers.options import country_suggestions
from answers.records import answer_compare, answer_record
from cogs.base import choices, send_reply

SINCE_HELP = "Only votes from this date on: YYYY, YYYY-MM or YYYY-MM-DD"
COUNTRY_HELP = "A country: its name, a short form (US, DPRK) or a demonym (Russian)"


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
        return choices(country_suggestions(self.bot.db, interaction.guild_id, current))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Records(bot))
