"""/sources, and the moderators' /source add and /source remove."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import discord
from discord import app_commands
from discord.ext import commands

from answers.dates import BadOption, typed_day
from answers.sources import (
    QUEUED,
    answer_sources,
    could_not_add,
    removable_source,
    source_added,
    source_removed,
    source_suggestions,
)
from cogs.base import choices, moderators_only, send_reply
from db import guild_scope
from extraction.intake import MAX_SOURCE_BYTES, SourceError
from replies import embeds
from sources.fetch import fetch_article

ATTACHMENT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
# After this long, a moderator whose source is still being read (or waits for the store behind
# an import) is told so, and gets the answer when it is done.
QUEUED_NOTICE_SECONDS = 3.0


@dataclass
class Submission:
    """A source as a moderator gave it: its content, where it came from, and its web address."""

    raw: bytes | str
    origin: str
    url: str | None = None


async def read_submission(file: discord.Attachment | None, url: str | None, text: str | None) -> Submission:
    """The raw source a moderator gave: exactly one of an attachment, a URL or pasted text."""
    given = [value for value in (file, url, text) if value]
    if len(given) != 1:
        raise SourceError("Give exactly one of: a file, a URL, or pasted text.")
    if file is not None:
        if not file.filename.lower().endswith(ATTACHMENT_SUFFIXES):
            raise SourceError("Attach a .txt, .md or .html file.")
        if file.size > MAX_SOURCE_BYTES:
            raise SourceError(f"That file is too large: sources up to {MAX_SOURCE_BYTES // 1_048_576} MB are accepted.")
        return Submission(await file.read(), origin=file.filename)
    if url is not None:
        page = await fetch_article(url)
        return Submission(page.body, origin=page.url, url=page.url)
    return Submission(text, origin="pasted text")


async def queued(interaction: discord.Interaction, work: asyncio.Future, notice_after: float = QUEUED_NOTICE_SECONDS):
    """``work``'s result; when it takes longer than ``notice_after`` seconds, the user is told it is queued."""
    try:
        return await asyncio.wait_for(asyncio.shield(work), notice_after)
    except TimeoutError:
        await interaction.edit_original_response(embed=embeds.notice_embed(QUEUED))
    return await work


class Sources(commands.Cog):
    """/sources and /source add|remove."""

    source = app_commands.Group(
        name="source",
        description="Add or remove this server's source material (moderators)",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="sources", description="The sources this server's answers come from")
    async def sources(self, interaction: discord.Interaction) -> None:
        await send_reply(interaction, answer_sources(self.bot.db, interaction.guild_id))

    @source.command(name="add", description="Add an article: a file, a URL or pasted text")
    @app_commands.describe(
        file="A .txt, .md or .html file",
        url="The address of an article",
        text="The article's text, pasted",
        title="The article's title",
        published="Its publication date, YYYY-MM-DD (anchors “Wednesday”, “last month”)",
    )
    @moderators_only()
    @app_commands.checks.cooldown(3, 60.0, key=lambda interaction: interaction.user.id)
    async def add(
        self,
        interaction: discord.Interaction,
        file: discord.Attachment | None = None,
        url: str | None = None,
        text: str | None = None,
        title: str | None = None,
        published: str | None = None,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            submission = await read_submission(file, url, text)
            work = self.bot.writer.add_source(
                submission.raw,
                scope=guild_scope(interaction.guild_id),
                origin=submission.origin,
                added_by=str(interaction.user.id),
                title=title,
                published=typed_day(published),
                url=submission.url,
            )
            result = await queued(interaction, asyncio.ensure_future(work))
        except (SourceError, BadOption) as error:
            await send_reply(interaction, could_not_add(error))
            return
        await send_reply(interaction, source_added(self.bot.db, interaction.guild_id, result))

    @source.command(name="remove", description="Remove a source this server added")
    @app_commands.describe(source="The source: pick one from the list")
    @moderators_only()
    async def remove(self, interaction: discord.Interaction, source: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        stored = removable_source(self.bot.db, interaction.guild_id, source)
        if stored is not None:
            work = self.bot.writer.remove_source(stored["id"], stored["scope"])
            stored = stored if await queued(interaction, asyncio.ensure_future(work)) else None
        await send_reply(interaction, source_removed(stored))

    @remove.autocomplete("source")
    async def source_autocomplete(self, interaction: discord.Interaction, current: str):
        return choices(source_suggestions(self.bot.db, interaction.guild_id, current))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Sources(bot))
