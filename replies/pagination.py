"""Sending a reply: its pages one at a time with buttons to turn them, a menu to open one of the
entries a page lists, and buttons linking to the web pages the reply draws on."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

import discord

from replies.limits import CHOICE_NAME, shorten

PAGE_TIMEOUT_SECONDS = 180
NOT_YOURS = "Only the person who asked can turn these pages."
# Discord's limits on components: a link button's label, link buttons in a row, a select's options.
LINK_LABEL = 80
MAX_LINKS = 5
MAX_OPTIONS = 25
PICK_ID = "rollcall:open"

MenuPages = Sequence[Sequence[tuple[str, str]]]  # per page: (name, value) of each entry
Pick = Callable[[discord.Interaction, str], Awaitable[None]]


class ReplyView(discord.ui.View):
    """The components of a reply: Previous / page counter / Next when it has several pages (only
    the asker may turn them), a menu of the entries of the page on show (anyone may open one: it
    answers them privately), and link buttons. On timeout every control is disabled (links stay).
    """

    def __init__(
        self,
        pages: Sequence[discord.Embed],
        *,
        owner_id: int,
        menu: MenuPages = (),
        placeholder: str = "Open one in full",
        on_pick: Pick | None = None,
        links: Sequence[tuple[str, str]] = (),
        timeout: float = PAGE_TIMEOUT_SECONDS,
    ) -> None:
        super().__init__(timeout=timeout)
        if not pages:
            raise ValueError("a paginated reply needs at least one page")
        self.pages = list(pages)
        self.owner_id = owner_id
        self.index = 0
        self.menu = [list(entries)[:MAX_OPTIONS] for entries in menu]
        self.on_pick = on_pick
        self.message: discord.InteractionMessage | discord.WebhookMessage | None = None
        if len(self.pages) == 1:
            for button in (self.previous, self.counter, self.next):
                self.remove_item(button)
        self.picker = discord.ui.Select(placeholder=shorten(placeholder, 150), custom_id=PICK_ID, row=1)
        self.picker.callback = self._pick
        for label, url in list(links)[:MAX_LINKS]:
            self.add_item(discord.ui.Button(label=shorten(label, LINK_LABEL), url=url, row=2))
        self._show_position()

    @property
    def current(self) -> discord.Embed:
        """The page on show."""
        return self.pages[self.index]

    def _show_position(self) -> None:
        """The counter, the buttons' states and the menu's entries for the page on show."""
        self.counter.label = f"{self.index + 1} / {len(self.pages)}"
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == len(self.pages) - 1
        entries = self.menu[self.index] if self.index < len(self.menu) else []
        self.picker.options = [
            discord.SelectOption(label=shorten(name, CHOICE_NAME), value=value) for name, value in entries
        ]
        if entries and self.picker not in self.children:
            self.add_item(self.picker)
        elif not entries and self.picker in self.children:
            self.remove_item(self.picker)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Anyone may open an entry; only the person who asked may turn the pages (others are told so)."""
        if interaction.user.id == self.owner_id or (interaction.data or {}).get("custom_id") == PICK_ID:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True)
        return False

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        """Show the page ``step`` away from this one."""
        self.index = min(max(self.index + step, 0), len(self.pages) - 1)
        self._show_position()
        await interaction.response.edit_message(embed=self.current, view=self)

    async def _pick(self, interaction: discord.Interaction) -> None:
        await self.on_pick(interaction, self.picker.values[0])

    @discord.ui.button(label="Previous", emoji="◀️", style=discord.ButtonStyle.secondary, row=0)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="1 / 1", style=discord.ButtonStyle.secondary, disabled=True, row=0)
    async def counter(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """A label only: it is always disabled."""

    @discord.ui.button(label="Next", emoji="▶️", style=discord.ButtonStyle.secondary, row=0)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, 1)

    async def on_timeout(self) -> None:
        """Disable the controls on the sent message (links still lead somewhere); a message already
        gone is left alone."""
        for item in self.children:
            if not (isinstance(item, discord.ui.Button) and item.url):
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
    menu: MenuPages = (),
    placeholder: str = "Open one in full",
    on_pick: Pick | None = None,
    links: Sequence[tuple[str, str]] = (),
) -> discord.InteractionMessage | discord.WebhookMessage:
    """Reply with ``pages`` (a lone embed, or pages to turn), ``file`` attached (the first page
    shows it), a menu of each page's entries opening one through ``on_pick``, and ``links``.

    Works whether or not the interaction was deferred; returns the message sent.
    """
    if not pages:
        raise ValueError("a reply needs at least one page")
    view = None
    if len(pages) > 1 or any(menu) or links:
        view = ReplyView(pages, owner_id=interaction.user.id, menu=menu, placeholder=placeholder,
                         on_pick=on_pick, links=links)
    extras: dict = {"view": view} if view else {}
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
