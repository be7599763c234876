"""/help."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from answers.help import answer_help
from cogs.base import send_reply


class Help(commands.Cog):
    """/help."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What Rollcall answers, with examples, and where the answers come from")
    async def help(self, interaction: discord.Interaction) -> None:
        await send_reply(interaction, answer_help(self.bot.db, interaction.guild_id))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Help(bot))
