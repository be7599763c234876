"""What an answer is: embed pages to show, public or private, and the suggestions autocomplete offers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import discord

from replies import embeds


@dataclass(frozen=True)
class Picture:
    """A picture an answer shows under its first page: its file name, and how to draw it (PNG bytes,
    or None when there is nothing to draw). Drawn when sent, off the event loop."""

    name: str
    draw: Callable[[], bytes | None]


@dataclass
class Reply:
    """One answer: one or more embed pages, public or only for the person who asked, and perhaps
    a picture."""

    pages: list[discord.Embed]
    ephemeral: bool = False
    picture: Picture | None = None


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
