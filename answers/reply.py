"""What an answer is: embed pages to show, public or private, and the suggestions autocomplete offers."""

from __future__ import annotations

from dataclasses import dataclass

import discord

from replies import embeds


@dataclass
class Reply:
    """One answer: one or more embed pages, public or only for the person who asked."""

    pages: list[discord.Embed]
    ephemeral: bool = False


@dataclass(frozen=True)
class Suggestion:
    """One autocomplete entry: what the list shows, and the option value picking it gives."""

    name: str
    value: str


def refusal(message: str) -> Reply:
    """A polite answer only the asker sees."""
    return Reply([embeds.error_embed(message)], ephemeral=True)


def notice(message: str) -> Reply:
    """A short private note, such as work being under way."""
    return Reply([embeds.notice_embed(message)], ephemeral=True)
