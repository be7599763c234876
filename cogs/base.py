"""What every cog shares: sending a reply, autocomplete choices, the moderator check."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterable

import discord
from discord import app_commands

from answers.reply import Reply, Suggestion
from replies.limits import AUTOCOMPLETE_CHOICES, CHOICE_NAME, CHOICE_VALUE, shorten
from replies.pagination import send_paginated


async def send_reply(interaction: discord.Interaction, reply: Reply) -> None:
    """Send a reply (paginated when it has several pages), after a deferral or not. A picture is
    drawn in a worker thread after the interaction is deferred, and shown in the first page."""
    picture = None
    if reply.picture is not None:
        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=reply.ephemeral, thinking=True)
        if png := await asyncio.to_thread(reply.picture.draw):
            picture = discord.File(io.BytesIO(png), filename=reply.picture.name)
            reply.pages[0].set_image(url=f"attachment://{reply.picture.name}")
    await send_paginated(interaction, reply.pages, ephemeral=reply.ephemeral, file=picture)


def choices(suggestions: Iterable[Suggestion]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices inside Discord's limits: at most 25, names and values at most 100
    characters."""
    return [
        app_commands.Choice(name=shorten(s.name, CHOICE_NAME), value=s.value[:CHOICE_VALUE])
        for s in list(suggestions)[:AUTOCOMPLETE_CHOICES]
    ]


class NotModerator(app_commands.CheckFailure):
    """The member may not manage this server's sources."""


def is_moderator(member: discord.abc.User, moderator_role_ids: tuple[int, ...]) -> bool:
    """Manage Server permission, or one of the configured moderator roles."""
    if not isinstance(member, discord.Member):
        return False
    if member.guild_permissions.manage_guild:
        return True
    return any(role.id in moderator_role_ids for role in member.roles)


def moderators_only():
    """An app-command check: the real gate behind ``default_permissions(manage_guild=True)``,
    which server admins can override."""

    async def predicate(interaction: discord.Interaction) -> bool:
        if not is_moderator(interaction.user, interaction.client.config.moderator_role_ids):
            raise NotModerator("Only this server's moderators can add or remove sources.")
        return True

    return app_commands.check(predicate)
