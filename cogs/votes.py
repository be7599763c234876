"""/vote."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from answers.options import country_suggestions
from answers.votes import answer_vote, vote_suggestions
from cogs.base import choices, send_reply


class Votes(commands.Cog):
    """/vote."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="vote", description="How a country voted on a UN vote, or a vote's whole tally")
    @app_commands.describe(
        country="A country: its name, a short form (US, DPRK) or a demonym (Russian)",
        vote="A vote: pick one, or type its body, date, symbol or words of its subject",
    )
    async def vote(
        self, interaction: discord.Interaction, country: str | None = None, vote: str | None = None
    ) -> None:
        await send_reply(interaction, answer_vote(self.bot.db, interaction.guild_id, country, vote))

    @vote.autocomplete("country")
    async def country_autocomplete(self, interaction: discord.Interaction, current: str):
        return choices(country_suggestions(self.bot.db, interaction.guild_id, current))

    @vote.autocomplete("vote")
    async def vote_autocomplete(self, interaction: discord.Interaction, current: str):
        return choices(vote_suggestions(self.bot.db, interaction.guild_id, current))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Votes(bot))
