"""/vote."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from answers.options import country_suggestions
from answers.votes import answer_vote, vote_suggestions
from cogs.base import BODY_CHOICES, SINCE_HELP, UNTIL_HELP, choices, send_reply


class Votes(commands.Cog):
    """/vote."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="vote", description="How a country voted on a UN vote, or a vote's whole tally")
    @app_commands.describe(
        country="A country: its name, a short form (US, DPRK) or a demonym (Russian); or a group (EU, P5)",
        vote="A vote: pick one, or type its body, date, symbol or words of its subject",
        since=SINCE_HELP,
        until=UNTIL_HELP,
        body="Only this body's votes (a country's votes)",
    )
    @app_commands.choices(body=BODY_CHOICES)
    async def vote(
        self,
        interaction: discord.Interaction,
        country: str | None = None,
        vote: str | None = None,
        since: str | None = None,
        until: str | None = None,
        body: app_commands.Choice[str] | None = None,
    ) -> None:
        reply = answer_vote(self.bot.db, interaction.guild_id, country, vote, since, until, body and body.value)
        await send_reply(interaction, reply)

    @vote.autocomplete("country")
    async def country_autocomplete(self, interaction: discord.Interaction, current: str):
        return choices(country_suggestions(self.bot.db, interaction.guild_id, current, groups=True))

    @vote.autocomplete("vote")
    async def vote_autocomplete(self, interaction: discord.Interaction, current: str):
        return choices(vote_suggestions(self.bot.db, interaction.guild_id, current))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Votes(bot))
