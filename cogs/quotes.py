"""/whosaid and /quotes."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from answers.quotes import answer_quotes, answer_whosaid, speaker_suggestions
from cogs.base import choices, send_reply


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
        return choices(speaker_suggestions(self.bot.db, interaction.guild_id, current))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Quotes(bot))
