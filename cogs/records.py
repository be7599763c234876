"""/compare and /record, and keeping the official records current while the bot runs."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands, tasks

from answers.options import country_suggestions
from answers.records import answer_compare, answer_record
from cogs.base import BODY_CHOICES, SINCE_HELP, UNTIL_HELP, choices, send_reply

log = logging.getLogger("rollcall.records")
COUNTRY_HELP = "A country: its name, a short form (US, DPRK) or a demonym (Russian)"


class Records(commands.Cog):
    """/compare and /record; with ``records.refresh_hours`` set, the official records are updated
    in the background, in the store writer's process, every so many hours."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        if hours := self.bot.config.records_refresh_hours:
            self.refresh_records.change_interval(hours=hours)
            self.refresh_records.start()

    async def cog_unload(self) -> None:
        self.refresh_records.cancel()

    @tasks.loop(hours=24)
    async def refresh_records(self) -> None:
        """Download the official voting files that changed and import them; log what changed."""
        from sources.records import DownloadError, RecordsSettings

        try:
            update = await self.bot.writer.update_records(RecordsSettings.of(self.bot.config))
        except DownloadError as error:
            log.warning("the official records were not updated: %s", error)
        else:
            log.info("%s", update.summary())

    @refresh_records.before_loop
    async def wait_until_connected(self) -> None:
        await self.bot.wait_until_ready()

    @app_commands.command(name="compare", description="How often two countries voted alike at the UN")
    @app_commands.describe(country_a=COUNTRY_HELP, country_b=COUNTRY_HELP, since=SINCE_HELP)
    async def compare(
        self, interaction: discord.Interaction, country_a: str, country_b: str, since: str | None = None
    ) -> None:
        reply = answer_compare(self.bot.db, interaction.guild_id, country_a, country_b, since)
        await send_reply(interaction, reply)

    @app_commands.command(name="record", description="A country's UN voting record")
    @app_commands.describe(country=COUNTRY_HELP, since=SINCE_HELP, until=UNTIL_HELP, body="Only this body's votes")
    @app_commands.choices(body=BODY_CHOICES)
    async def record(
        self,
        interaction: discord.Interaction,
        country: str,
        since: str | None = None,
        until: str | None = None,
        body: app_commands.Choice[str] | None = None,
    ) -> None:
        reply = answer_record(self.bot.db, interaction.guild_id, country, since, until, body and body.value)
        await send_reply(interaction, reply)

    @compare.autocomplete("country_a")
    @compare.autocomplete("country_b")
    @record.autocomplete("country")
    async def country_autocomplete(self, interaction: discord.Interaction, current: str):
        return choices(country_suggestions(self.bot.db, interaction.guild_id, current))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Records(bot))
