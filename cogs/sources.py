"""/sources, and the moderators' /source add and /source remove, with the review of what went in,
the confirmation of a removal and the moderation log."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import discord
from discord import app_commands
from discord.ext import commands

from answers.dates import BadOption, typed_day
from answers.reply import refusal
from answers.sources import (
    GONE,
    QUEUED,
    SourceReview,
    answer_sources,
    could_not_add,
    facts_dropped,
    removable_source,
    removal_cancelled,
    removal_confirmation,
    source_added,
    source_removed,
    source_review,
    source_suggestions,
)
from cogs.base import choices, is_moderator, moderators_only, send_reply
from db import guild_scope
from extraction.intake import MAX_SOURCE_BYTES, SourceError
from replies import embeds
from replies.moderation import (
    PastedSourceForm,
    RemovalConfirmation,
    ReviewView,
    dropped_log_embed,
    removed_log_embed,
)
from sources.fetch import fetch_article

ATTACHMENT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
# After this long, a moderator whose source is still being read (or waits for the store behind
# an import) is told so, and gets the answer when it is done.
QUEUED_NOTICE_SECONDS = 3.0

log = logging.getLogger("rollcall")


@dataclass
class Submission:
    """A source as a moderator gave it: its content, where it came from, its web address and file name."""

    raw: bytes | str
    origin: str
    url: str | None = None
    file_name: str | None = None


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
        return Submission(await file.read(), origin=file.filename, file_name=file.filename)
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
    """/sources and /source add|remove, and the moderators' controls their answers carry."""

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

    @source.command(name="add", description="Add an article: a file, a URL or pasted text (none: a form to paste it)")
    @app_commands.describe(
        file="A .txt, .md or .html file",
        url="The address of an article",
        text="A short text, pasted (line breaks are lost: leave all three empty for a form that keeps them)",
        title="The article's title (by default its headline)",
        published="Its publication date, YYYY-MM-DD (by default its dateline's; anchors “Wednesday”, “last month”)",
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
        if not (file or url or text):
            await interaction.response.send_modal(PastedSourceForm(self.add_pasted, title=title, published=published))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.store(interaction, file=file, url=url, text=text, title=title, published=published)

    async def add_pasted(
        self, interaction: discord.Interaction, text: str, title: str | None, published: str | None
    ) -> None:
        """The pasted-text form, submitted."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.store(interaction, text=text, title=title, published=published)

    async def store(
        self,
        interaction: discord.Interaction,
        *,
        file: discord.Attachment | None = None,
        url: str | None = None,
        text: str | None = None,
        title: str | None,
        published: str | None,
    ) -> None:
        """Read a submission, store it in the writer's process, show the moderator what went in
        (with the controls to drop facts), and log it."""
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
                file_name=submission.file_name,
            )
            result = await queued(interaction, asyncio.ensure_future(work))
        except (SourceError, BadOption) as error:
            await send_reply(interaction, could_not_add(error))
            return
        review = source_added(self.bot.db, interaction.guild_id, result)
        if not review.editable:
            await interaction.followup.send(embed=review.embed, ephemeral=True)
            return
        view = self.review_view(interaction.guild_id, review)
        view.message = await interaction.followup.send(embed=review.embed, view=view, ephemeral=True, wait=True)
        if result.created:
            await self.post_to_log(interaction.guild_id, review.embed, self.review_view(interaction.guild_id, review))

    @source.command(name="remove", description="Remove a source this server added")
    @app_commands.describe(source="The source: pick one from the list")
    @moderators_only()
    async def remove(self, interaction: discord.Interaction, source: str) -> None:
        stored = removable_source(self.bot.db, interaction.guild_id, source)
        if stored is None:
            await send_reply(interaction, source_removed(None))
            return
        await self.confirm_removal(stored, interaction)

    @remove.autocomplete("source")
    async def source_autocomplete(self, interaction: discord.Interaction, current: str):
        return choices(source_suggestions(self.bot.db, interaction.guild_id, current))

    # ------------------------------------------------------------ the review and its controls
    def moderator_of(self, guild_id: int) -> Callable[[discord.Interaction], bool]:
        """Whether an interaction comes from a moderator of that server (checked at every click)."""
        return lambda interaction: interaction.guild_id == guild_id and is_moderator(
            interaction.user, self.bot.config.moderator_role_ids
        )

    def review_view(self, guild_id: int, review: SourceReview) -> ReviewView:
        """The controls of a source's review: drop the facts picked, or remove the whole source."""
        return ReviewView(
            review.choices,
            may_act=self.moderator_of(guild_id),
            on_drop=partial(self.drop, review.source),
            on_remove=partial(self.confirm_removal, review.source),
        )

    async def drop(self, source: dict, interaction: discord.Interaction, view: ReviewView) -> None:
        """Drop the facts picked in a review, show what is left, and log it."""
        await interaction.response.defer()
        picked = view.picked
        dropped = await self.bot.writer.drop_facts(
            source["id"], source["scope"], [choice.fact for choice in picked], str(interaction.user.id)
        )
        review = source_review(self.bot.db, interaction.guild_id, source["id"])
        if review is None:
            await view.close()
            await send_reply(interaction, refusal(GONE))
            return
        view.show(review.choices)
        await interaction.edit_original_response(embed=review.embed, view=view)
        labels = [choice.label for choice in picked if choice.fact in dropped]
        await send_reply(interaction, facts_dropped(labels))
        if labels:
            await self.post_to_log(interaction.guild_id, dropped_log_embed(source, labels, interaction.user))

    async def confirm_removal(
        self, stored: dict, interaction: discord.Interaction, review: ReviewView | None = None
    ) -> None:
        """Ask before removing a source (from /source remove, or from its ``review``)."""
        confirmation = RemovalConfirmation(
            may_act=self.moderator_of(interaction.guild_id),
            on_confirm=lambda clicked: self.remove_confirmed(stored, clicked, review),
            on_cancel=lambda clicked: clicked.response.edit_message(embed=removal_cancelled(stored).pages[0], view=None),
        )
        await interaction.response.send_message(
            embed=removal_confirmation(self.bot.db, stored).pages[0], view=confirmation, ephemeral=True
        )
        confirmation.message = await interaction.original_response()

    async def remove_confirmed(
        self, stored: dict, interaction: discord.Interaction, review: ReviewView | None
    ) -> None:
        """Remove a source once confirmed, say so, close its review, and log it."""
        await interaction.response.edit_message(view=None)
        removed = await queued(interaction, asyncio.ensure_future(self.bot.writer.remove_source(stored["id"], stored["scope"])))
        await interaction.edit_original_response(embed=source_removed(stored if removed else None).pages[0])
        if review is not None:
            await review.close()
        if removed:
            await self.post_to_log(interaction.guild_id, removed_log_embed(stored, interaction.user))

    # ------------------------------------------------------------ the moderation log
    async def post_to_log(self, guild_id: int, embed: discord.Embed, view: ReviewView | None = None) -> None:
        """Post an entry in the configured log channel, if that channel is in this server (no
        server's sources are shown in another's channel); a failure goes to the bot's log only."""
        channel_id = self.bot.config.log_channel_id
        channel = self.bot.get_channel(channel_id) if channel_id else None
        guild = getattr(channel, "guild", None)
        if guild is None or guild.id != guild_id:
            return
        try:
            message = await channel.send(embed=embed, view=view)
        except discord.HTTPException:
            log.warning("could not write to the moderation log channel %s", channel_id, exc_info=True)
            return
        if view is not None:
            view.message = message


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Sources(bot))
