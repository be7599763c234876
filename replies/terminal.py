"""Discord embeds drawn in the terminal with rich, for the offline console."""

from __future__ import annotations

import re
from collections.abc import Sequence

import discord
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

# The Discord markdown the embed layer writes: escaped characters (a backslash before any
# character but a letter, a digit or a space, as Discord reads it), bold, italics and masked links.
ESCAPE = r"\\(?P<escaped>[^0-9A-Za-z\s])"
MARKDOWN = re.compile(
    ESCAPE + r"|\*\*(?P<bold>.+?)\*\*|\*(?P<italic>[^*\n]+?)\*|\[(?P<label>[^\]\n]+)\]\((?P<url>[^)\s]+)\)"
)
ESCAPED = re.compile(ESCAPE)
QUOTE_PREFIX = "> "
MAX_WIDTH = 100


def discord_text(markdown: str) -> Text:
    """Discord markdown as rich text: bold and italics styled, links with their address, quoted lines barred."""
    text = Text()
    for number, line in enumerate(markdown.split("\n")):
        if number:
            text.append("\n")
        if line.startswith(QUOTE_PREFIX):
            text.append("▌ ", style="dim")
            line = line[len(QUOTE_PREFIX):]
        _append_inline(text, line)
    return text


def _append_inline(text: Text, line: str) -> None:
    """One line of markdown appended to ``text``."""
    position = 0
    for match in MARKDOWN.finditer(line):
        text.append(line[position:match.start()])
        if match["escaped"] is not None:
            text.append(match["escaped"])
        elif match["bold"] is not None:
            text.append(unescaped(match["bold"]), style="bold")
        elif match["italic"] is not None:
            text.append(unescaped(match["italic"]), style="italic")
        else:
            text.append(unescaped(match["label"]), style=f"underline link {match['url']}")
            text.append(f" <{match['url']}>", style="dim")
        position = match.end()
    text.append(line[position:])


def unescaped(markdown: str) -> str:
    """``markdown`` with its escaped characters as Discord shows them: ``\\[`` is ``[``."""
    return ESCAPED.sub(r"\g<escaped>", markdown)


def heading(markdown: str) -> Text:
    """A title or a field name: Discord markdown in bold."""
    text = discord_text(markdown)
    text.stylize("bold")
    return text


def embed_panel(embed: discord.Embed) -> Panel:
    """An embed as a rich panel: the title on the border, in the embed's colour. Footer and author
    are plain text, as in Discord."""
    parts: list[Text] = []
    if embed.author.name:
        parts.append(Text(embed.author.name, style="dim"))
    if embed.description:
        parts.append(discord_text(embed.description))
    for field in embed.fields:
        parts.append(heading(f"\n{field.name}"))
        parts.append(discord_text(field.value))
    if embed.footer.text:
        parts.append(Text(f"\n{embed.footer.text}", style="dim"))
    colour = embed.colour or discord.Colour.default()
    return Panel(
        Group(*parts),
        title=heading(embed.title or ""),
        title_align="left",
        border_style=f"#{colour.value:06x}",
        width=MAX_WIDTH,
        expand=False,
    )


def print_embeds(embeds: Sequence[discord.Embed], console: Console | None = None) -> None:
    """Print every embed of a reply (every page of a paginated one), one panel each."""
    console = console or Console()
    for embed in embeds:
        console.print(embed_panel(embed))
