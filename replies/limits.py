"""Discord's size limits, and the means to keep every embed inside them."""

from __future__ import annotations

import discord

TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
AUTOCOMPLETE_CHOICES = 25
CHOICE_NAME = 100
CHOICE_VALUE = 100
SELECT_OPTIONS = 25
OPTION_LABEL = 100
OPTION_DESCRIPTION = 100
TEXT_INPUT = 4000

ELLIPSIS = "…"
# How far back from the cut a word boundary may be looked for, as a share of the limit.
WORD_BOUNDARY_REACH = 0.5


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, ending with "…"."""
    text = text.strip()
    if len(text) <= limit:
        return text
    if limit < 1:
        return ""
    cut = text[: limit - 1]
    boundary = cut.rfind(" ")
    if boundary >= limit * WORD_BOUNDARY_REACH:
        cut = cut[:boundary]
    return cut.rstrip(" ,;:–—-") + ELLIPSIS


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """``embed`` brought inside Discord's limits (in place): each part shortened, the whole trimmed.

    Past 6000 characters fields are dropped from the end (builders put the least needed last),
    then the description is shortened.
    """
    if embed.title:
        embed.title = shorten(embed.title, TITLE)
    if embed.description:
        embed.description = shorten(embed.description, DESCRIPTION)
    if embed.author.name:
        author = embed.author
        embed.set_author(name=shorten(author.name, AUTHOR), url=author.url, icon_url=author.icon_url)
    if embed.footer.text:
        embed.set_footer(text=shorten(embed.footer.text, FOOTER), icon_url=embed.footer.icon_url)
    fields = embed.fields[:FIELDS]
    embed.clear_fields()
    for field in fields:
        embed.add_field(
            name=shorten(field.name, FIELD_NAME), value=shorten(field.value, FIELD_VALUE), inline=field.inline
        )
    while len(embed) > EMBED_TOTAL and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    excess = len(embed) - EMBED_TOTAL
    if excess > 0:
        embed.description = shorten(embed.description, len(embed.description) - excess) or None
    return embed
