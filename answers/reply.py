"""What an answer is: embed pages to show, public or private, and the suggestions autocomplete offers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import discord

from replies import embeds


@dataclass(frozen=True)
class Picture:
    """A picture an answer shows under its first page: its file name, and how to draw it (PNG bytes,
    or None when there is nothing to draw). Drawn when sent, off the event loop."""

    name: str
    draw: Callable[[], bytes | None]


@dataclass(frozen=True)
class Suggestion:
    """One autocomplete entry: what the list shows, and the option value picking it gives."""

    name: str
    value: str


@dataclass(frozen=True)
class Link:
    """A button that opens a web page: an official record, a source article."""

    label: str
    url: str


@dataclass(frozen=True)
class Menu:
    """The entries a reply's pages list, so that one can be opened in full: for each page, its
    entries as suggestions (name, value), and the answer picking one gives."""

    placeholder: str
    pages: list[list[Suggestion]]
    open: Callable[[str], Reply]


@dataclass
class Reply:
    """One answer: one or more embed pages, public or only for the person who asked; perhaps a
    picture, links to the web pages it draws on, and a menu to open what it lists."""

    pages: list[discord.Embed]
    ephemeral: bool = False
    picture: Picture | None = None
    links: list[Link] = field(default_factory=list)
    menu: Menu | None = None


def refusal(message: str) -> Reply:
    """A polite answer only the asker sees."""
    return Reply([embeds.error_embed(message)], ephemeral=True)


def notice(message: str) -> Reply:
    """A short private note, such as work being under way."""
    return Reply([embeds.notice_embed(message)], ephemeral=True)
