"""Rollcall's entry point: the Discord bot; ``python bot.py COMMAND`` runs the command line
(:mod:`cli`: ask, extract, ingest, import-un, sync, run)."""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands
from sqlite_utils import Database

from config import Config

if TYPE_CHECKING:
    from sources.worker import StoreWriter

EXTENSIONS = ("cogs.votes", "cogs.quotes", "cogs.sources", "cogs.records", "cogs.help")
log = logging.getLogger("rollcall")


def user_message(error: app_commands.AppCommandError) -> str | None:
    """What to tell the user about an expected failure; None for a bug."""
    from cogs.base import NotModerator

    if isinstance(error, NotModerator):
        return str(error)
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"You're going a little fast: try again in {error.retry_after:.0f} seconds."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server, not in direct messages."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use this command here."
    return None


class RollcallTree(app_commands.CommandTree):
    """The command tree with Rollcall's one error handler: a short ephemeral apology to the
    user, the full error in the log."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        from replies.embeds import error_embed

        message = user_message(error)
        if message is None:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("/%s failed", command, exc_info=error)
            message = "Sorry, something went wrong while answering. The error has been logged."
        embed = error_embed(message)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(embed=embed, ephemeral=True)
            else:
                await interaction.response.send_message(embed=embed, ephemeral=True)
        except discord.HTTPException:
            log.exception("could not tell the user about an error")


class RollcallBot:
    """What the bot is, sharded or not: opens the store (building it from the bundled sources if
    missing), loads one cog per command family, and writes through one worker process
    (:class:`sources.worker.StoreWriter`). Commands are synced only on request (``bot.py sync``)."""

    def __init__(self, config: Config, *, writer: StoreWriter | None = None, **options) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=RollcallTree,
            help_command=None,
            **options,
        )
        from sources.worker import StoreWriter

        self.config = config
        self.db: Database | None = None
        self.writer = writer or StoreWriter(config.store_path)

    async def setup_hook(self) -> None:
        from db import open_store

        if not self.config.store_path.exists():
            from sources.ingest import build_store

            await asyncio.to_thread(
                build_store, self.config.store_path, self.config.sources_path, records=self.config.records_path
            )
        self.db = open_store(self.config.store_path)
        for extension in EXTENSIONS:
            await self.load_extension(extension)

    async def close(self) -> None:
        self.writer.close()
        await super().close()

    async def sync_commands(self, guild_id: int | None = None) -> list[app_commands.AppCommand]:
        """Register the commands with Discord: to one guild (instant), or globally."""
        if guild_id is None:
            return await self.tree.sync()
        guild = discord.Object(id=guild_id)
        self.tree.copy_global_to(guild=guild)
        return await self.tree.sync(guild=guild)


class Rollcall(RollcallBot, commands.Bot):
    """Rollcall in one connection to Discord (up to 2,500 servers)."""


class ShardedRollcall(RollcallBot, commands.AutoShardedBot):
    """Rollcall over several shards, this process running ``shard_ids`` of ``shard_count``."""


def create_bot(config: Config) -> RollcallBot:
    """The bot the configuration asks for: sharded when ``discord.shard_count`` is set."""
    if config.shard_count is None:
        return Rollcall(config)
    return ShardedRollcall(config, shard_count=config.shard_count,
                           shard_ids=list(config.shard_ids) if config.shard_ids else None)


if __name__ == "__main__":
    from cli import main

    sys.exit(main())
