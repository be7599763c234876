"""What the Discord-side tests read from simulated messages."""

from __future__ import annotations

import discord


def text_of(embed: discord.Embed) -> str:
    """Everything an embed shows, as one string."""
    parts = [embed.title or "", embed.description or "", embed.footer.text or ""]
    parts += [f"{field.name}\n{field.value}" for field in embed.fields]
    return "\n".join(parts)


def components(message) -> list[dict]:
    """Every component of a message, rows flattened."""
    return [item for row in message.components for item in row.get("components", [])]
