"""What every cog shares: the reply type, sending it, the moderator check, resolving typed options.

A command's *answer* is a plain function ``(db, guild_id, options...) -> Reply`` so that the
Discord command and the offline console (``bot.py ask``) run the same code.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord
from discord import app_commands
from sqlite_utils import Database

from db import queries
from extraction.countries import country_code, country_name
from replies import embeds
from replies.limits import AUTOCOMPLETE_CHOICES, CHOICE_NAME, CHOICE_VALUE, shorten
from replies.pagination import send_paginated

MAX_STORED_ID = 2**63 - 1  # SQLite's largest integer


@dataclass
class Reply:
    """One answer: one or more embed pages, public or only for the person who asked."""

    pages: list[discord.Embed]
    ephemeral: bool = False


def refusal(message: str) -> Reply:
    """A polite answer only the asker sees."""
    return Reply([embeds.error_embed(message)], ephemeral=True)


def unknown_country(text: str) -> Reply:
    """The answer to a country name nobody knows."""
    return refusal(
        f"I don't know a country called “{embeds.safe(text)}”. Try its English name, "
        "a short form like “US” or a demonym like “Russian”, or pick one from the list."
    )


async def send_reply(interaction: discord.Interaction, reply: Reply) -> None:
    """Send a reply (paginated when it has several pages), after a deferral or not."""
    await send_paginated(interaction, reply.pages, ephemeral=reply.ephemeral)


def stored_id(text: str | None) -> int | None:
    """The row id a picked option stands for ("42"), or None for anything that cannot be one:
    not all digits, or beyond SQLite's 64-bit integers."""
    text = (text or "").strip()
    if not text.isdecimal() or not text.isascii():
        return None
    value = int(text)
    return value if value <= MAX_STORED_ID else None


def choice(name: str, value: str | int) -> app_commands.Choice[str]:
    """An autocomplete choice inside Discord's limits (name and value at most 100 characters)."""
    return app_commands.Choice(name=shorten(name, CHOICE_NAME), value=str(value)[:CHOICE_VALUE])


def at_most(choices: list[app_commands.Choice[str]]) -> list[app_commands.Choice[str]]:
    """The first choices Discord accepts (25)."""
    return choices[:AUTOCOMPLETE_CHOICES]


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


def resolve_country(db: Database, text: str) -> str | None:
    """ISO3 for what the user typed or picked: a code, a name, an alias or a demonym."""
    text = (text or "").strip()
    if not text:
        return None
    code = country_code(text)
    if code:
        return code
    matches = queries.match_countries(db, text, limit=1)
    return matches[0] if matches else None


def country_choices(db: Database, guild_id: int | None, typed: str) -> list[app_commands.Choice[str]]:
    """Autocomplete for a country: names, aliases and demonyms; empty input lists the countries
    the sources name most."""
    codes = (
        queries.match_countries(db, typed, limit=AUTOCOMPLETE_CHOICES)
        if typed.strip()
        else queries.countries_with_positions(db, guild_id, limit=AUTOCOMPLETE_CHOICES)
    )
    return at_most([choice(country_name(code), code) for code in codes])
