"""Sending a reply of several embeds, one page at a time, with buttons to turn the pages."""

from __future__ import annotations

from collections.abc import Sequence

import discord

PAGE_TIMEOUT_SECONDS = 180
NOT_YOURS = "Only the person who asked can turn these pages."


class Paginator(discord.ui.View):
    """Previous / page counter / Next buttons over ``pages``; only ``owner_id`` may turn them.

    On timeout the buttons are disabled and :attr:`message` (set by :func:`send_paginated`) is edited.
    """

    def __init__(
        self, pages: Sequence[discord.Embed], *, owner_id: int, timeout: float = PAGE_TIMEOUT_SECONDS
    ) -> None:
        super().__init__(timeout=timeout)
        if not pages:
            raise ValueError("a paginated reply needs at least one page")
        self.pages = list(pages)
        self.owner_id = owner_id
        self.index = 0
        self.message: discord.InteractionMessage | discord.WebhookMessage | None = None
        self._show_position()

    @property
    def current(self) -> discord.Embed:
        """The page on show."""
        return self.pages[self.index]

    def _show_position(self) -> None:
        """The counter and the buttons' states for the page on show."""
        self.counter.label = f"{self.index + 1} / {len(self.pages)}"
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Let only the person who asked turn the pages; tell anyone else so, privately."""
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True)
        return False

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        """Show the page ``step`` away from this one."""
        self.index = min(max(self.index + step, 0), len(self.pages) - 1)
        self._show_position()
        await interaction.response.edit_message(embed=self.current, view=self)

    @discord.ui.button(label="Previous", emoji="◀️", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="1 / 1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """A label only: it is always disabled."""

    @discord.ui.button(label="Next", emoji="▶️", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, 1)

    async def on_timeout(self) -> None:
        """Disable the buttons on the sent message; a message already gone is left alone."""
        for item in self.children:
            item.disabled = True
        if self.message is None:
            return
        try:
            await self.message.edit(view=self)
        except discord.HTTPException:
            pass


async def send_paginated(
    interaction: discord.Interaction,
    pages: Sequence[discord.Embed],
    *,
    ephemeral: bool = False,
    file: discord.File | None = None,
) -> discord.InteractionMessage | discord.WebhookMessage:
    """Reply with ``pages``: a lone embed as it is, several with a :class:`Paginator`; ``file``
    attached (the first page shows it).

    Works whether or not the interaction was deferred; returns the message sent.
    """
    if not pages:
        raise ValueError("a reply needs at least one page")
    view = Paginator(pages, owner_id=interaction.user.id) if len(pages) > 1 else None
    extras = {"view": view} if view else {}
    if file is not None:
        extras["file"] = file
    no_pings = discord.AllowedMentions.none()
    if interaction.response.is_done():
        message = await interaction.followup.send(
            embed=pages[0], ephemeral=ephemeral, allowed_mentions=no_pings, wait=True, **extras
        )
    else:
        await interaction.response.send_message(
            embed=pages[0], ephemeral=ephemeral, allowed_mentions=no_pings, **extras
        )
        message = await interaction.original_response()
    if view:
        view.message = message
    return message
