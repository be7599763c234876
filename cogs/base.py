"""What every cog shares: sending a reply, autocomplete choices, the moderator check."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Iterable

import discord
from discord import app_commands

from answers.reply import Reply, Suggestion
from reference.vocabulary import RECORDED_BODIES, body_name
from replies.limits import AUTOCOMPLETE_CHOICES, CHOICE_NAME, CHOICE_VALUE, shorten
from replies.pagination import send_paginated

SINCE_HELP = "Only votes from this date on: YYYY, YYYY-MM or YYYY-MM-DD"
UNTIL_HELP = "Only votes up to this date: YYYY, YYYY-MM or YYYY-MM-DD"
BODY_CHOICES = [app_commands.Choice(name=body_name(code), value=code) for code in RECORDED_BODIES]
# A command named in a reply's text: "see /quotes".
COMMAND_NAMED = re.compile(r"(?<![\w<`])/(?P<name>[a-z]+)\b")


async def send_reply(interaction: discord.Interaction, reply: Reply) -> None:
    """Send a reply (paginated when it has several pages), after a deferral or not. A picture is
    drawn in a worker thread after the interaction is deferred, and shown in the first page; a
    menu opens one of the listed entries, answered privately to whoever picks it; commands the
    reply names become links to them."""
    picture = None
    if reply.picture is not None:
        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=reply.ephemeral, thinking=True)
        if png := await asyncio.to_thread(reply.picture.draw):
            picture = discord.File(io.BytesIO(png), filename=reply.picture.name)
            reply.pages[0].set_image(url=f"attachment://{reply.picture.name}")
    for page in reply.pages:
        await mention_commands(interaction.client, page)
    menu = reply.menu

    async def open_entry(picked: discord.Interaction, value: str) -> None:
        opened = menu.open(value)
        opened.ephemeral = True
        await send_reply(picked, opened)

    await send_paginated(
        interaction, reply.pages, ephemeral=reply.ephemeral, file=picture,
        menu=[[(s.name, s.value) for s in page] for page in menu.pages] if menu else (),
        placeholder=menu.placeholder if menu else "", on_pick=open_entry if menu else None,
        links=[(link.label, link.url) for link in reply.links],
    )


async def mention_commands(client: discord.Client, embed: discord.Embed) -> None:
    """Turn the commands an embed names (``see /quotes``) into links to them, once the bot knows
    their ids; unchanged otherwise."""
    mentions = await command_mentions(client)
    if not mentions:
        return
    def linked(text: str | None) -> str | None:
        return COMMAND_NAMED.sub(lambda m: mentions.get(m["name"], m[0]), text) if text else text

    embed.description = linked(embed.description)
    for index, field in enumerate(embed.fields):
        embed.set_field_at(index, name=field.name, value=linked(field.value), inline=field.inline)


async def command_mentions(client: discord.Client) -> dict[str, str]:
    """``{"quotes": "</quotes:123…>"}`` for the bot's global commands, fetched once."""
    if (known := getattr(client, "command_mentions", None)) is None:
        try:
            known = {command.name: command.mention for command in await client.tree.fetch_commands()}
        except discord.HTTPException:
            known = {}
        client.command_mentions = known
    return known


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
