"""The moderators' controls: the review of what a source gave the store (an embed, and a view to
drop facts or remove the source), the confirmation of a removal, the form for pasted text, and the
entries of the moderation log.

The views know nothing of the store: whoever makes one says who may use it (``may_act``) and what
its buttons do. Every view is refused, privately, to anyone ``may_act`` turns down, and is disabled
when it times out.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import discord

from reference.countries import country_name
from reference.vocabulary import POSITION_VERBS, POSITIONS, body_name
from replies import limits
from replies.embeds import (
    MORE_NOTE_ROOM,
    NAME_SEPARATOR,
    SUBJECT_LIMIT,
    UNNAMED_SPEAKER,
    add_list_field,
    error_embed,
    fair_shares,
    outcome_line,
    plural,
    position_label,
    scope_label,
    source_line,
    speaker_line,
    tally_line,
    vote_heading,
    within_budget,
)
from replies.limits import fit_embed, shorten
from replies.style import INFO_COLOUR, POSITION_COLOURS, country_label, display_date, flag, safe

# Under the 15 minutes for which an interaction's reply can still be edited (to disable it).
VIEW_TIMEOUT_SECONDS = 600
MAX_VOTE_FIELDS = 5
VOTE_FIELD_LIMIT = 700
NOT_A_MODERATOR = "Only this server's moderators can change its sources."

ReviewHandler = Callable[[discord.Interaction, "ReviewView"], Awaitable[None]]
InteractionHandler = Callable[[discord.Interaction], Awaitable[None]]


# ---------------------------------------------------------------- the review
@dataclass(frozen=True)
class FactChoice:
    """One extracted fact a moderator may drop, as the review's select menu offers it."""

    kind: str  # vote, position or quote
    row_id: int
    label: str
    description: str

    @property
    def fact(self) -> tuple[str, int]:
        """The fact as the store writer takes it: (kind, row id)."""
        return self.kind, self.row_id

    @property
    def value(self) -> str:
        return f"{self.kind}:{self.row_id}"


def fact_choices(facts: Mapping) -> list[FactChoice]:
    """Every fact of :func:`db.source_facts.source_facts` a moderator may drop, in text order: each
    vote followed by the positions it names, then the quotations."""
    choices = []
    for vote in facts["votes"]:
        heading = f"{body_name(vote['body'])} · {display_date(vote['date'])}"
        choices.append(_choice("vote", vote["id"], f"🗳️ Vote: {heading}",
                               tally_line(vote) or outcome_line(vote)))
        choices += [
            _choice("position", position["id"],
                    f"{flag(position['country'])} {country_name(position['country'])} {POSITION_VERBS[position['position']]}",
                    f"in the vote: {heading}")
            for position in sorted(vote["positions"], key=lambda position: POSITIONS.index(position["position"]))
        ]
    choices += [
        _choice("quote", quote["id"], f"💬 “{' '.join(quote['text'].split()).rstrip(',;')}”",
                f"— {quote['speaker_name'] or UNNAMED_SPEAKER}")
        for quote in facts["quotes"]
    ]
    return choices


def _choice(kind: str, row_id: int, label: str, description: str) -> FactChoice:
    return FactChoice(kind, row_id, shorten(label, limits.OPTION_LABEL), shorten(description, limits.OPTION_DESCRIPTION))


def review_embed(
    source: Mapping, facts: Mapping, *, title: str, note: str | None = None, colour: discord.Colour = INFO_COLOUR
) -> discord.Embed:
    """What went in from a source: its citation, who added it and when, then each vote (body, date,
    outcome, tally, named positions) and the speakers quoted, as this source gives them."""
    positions = sum(len(vote["positions"]) for vote in facts["votes"])
    found = " · ".join([plural(len(facts["quotes"]), "quotation"), plural(len(facts["votes"]), "vote"),
                        plural(positions, "country position")])
    lines = [source_line(source["title"], source["url"], source["published"]), note, added_line(source),
             f"**Found:** {found}"]
    embed = discord.Embed(title=title, description="\n".join(filter(None, lines)), colour=colour)
    for vote in facts["votes"][:MAX_VOTE_FIELDS]:
        embed.add_field(name=vote_heading(vote), value=shorten(_vote_lines(vote), VOTE_FIELD_LIMIT), inline=False)
    if len(facts["votes"]) > MAX_VOTE_FIELDS:
        embed.add_field(name="More votes", value=f"and {len(facts['votes']) - MAX_VOTE_FIELDS} more: see the list below",
                        inline=False)
    add_list_field(embed, "Speakers", _speaker_lines(facts["quotes"]))
    embed.set_footer(text=f"Source #{source['id']} · {scope_label(source['scope'])} · "
                          "pick facts below to drop them from this server's answers")
    return fit_embed(embed)


def added_line(source: Mapping) -> str:
    """``Added <when> by @moderator``: when a source was added, and by whom when it says."""
    line = f"Added {discord.utils.format_dt(datetime.fromisoformat(source['added_at']), 'f')}"
    added_by = source["added_by"]
    if added_by:
        line += f" by <@{added_by}>" if added_by.isdecimal() else f" by {safe(added_by)}"
    return line


def _vote_lines(vote: Mapping) -> str:
    """A vote's outcome and tally, its subject, and the countries it names by position, the names
    sharing fairly what room the field has left."""
    lines = [" · ".join(filter(None, [outcome_line(vote), tally_line(vote)]))]
    if vote.get("subject"):
        lines.append(shorten(safe(vote["subject"]), SUBJECT_LIMIT))
    named = {position: [country_label(p["country"]) for p in vote["positions"] if p["position"] == position]
             for position in POSITIONS}
    headings = {position: f"{position_label(position)}: " for position, names in named.items() if names}
    room = VOTE_FIELD_LIMIT - len("\n".join(lines)) - sum(len(h) + 1 + MORE_NOTE_ROOM for h in headings.values())
    shares = fair_shares({position: len(NAME_SEPARATOR.join(named[position])) for position in headings}, room)
    lines += [heading + NAME_SEPARATOR.join(within_budget(named[position], shares[position]))
              for position, heading in headings.items()]
    return "\n".join(lines)


def _speaker_lines(quotes: Sequence[Mapping]) -> list[str]:
    """Each speaker the source quotes, as it names them, with how many quotations."""
    by_speaker: dict[str | None, list[Mapping]] = {}
    for quote in quotes:
        by_speaker.setdefault(quote["speaker_name"], []).append(quote)
    return [f"{speaker_line({**said[0], 'speaker': name})} · {plural(len(said), 'quotation')}"
            for name, said in by_speaker.items()]


class ModeratorsView(discord.ui.View):
    """A view only members ``may_act`` accepts can use; disabled on :attr:`message` when it times out."""

    def __init__(self, *, may_act: Callable[[discord.Interaction], bool], timeout: float = VIEW_TIMEOUT_SECONDS) -> None:
        super().__init__(timeout=timeout)
        self.may_act = may_act
        self.message: discord.Message | discord.InteractionMessage | discord.WebhookMessage | None = None

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Let moderators through; tell anyone else, privately, that they may not."""
        if self.may_act(interaction):
            return True
        await interaction.response.send_message(embed=error_embed(NOT_A_MODERATOR), ephemeral=True)
        return False

    async def close(self) -> None:
        """Disable every control, stop listening, and show it on the message (if it is still there)."""
        self.stop()
        for item in self.children:
            item.disabled = True
        if self.message is not None:
            try:
                await self.message.edit(view=self)
            except discord.HTTPException:
                pass

    async def on_timeout(self) -> None:
        await self.close()

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item) -> None:
        await interaction.client.tree.on_error(interaction, error)  # the bot's one error handler


class ReviewView(ModeratorsView):
    """A select menu of a source's facts (25 a page, turned with ◀ ▶), a button to drop those picked,
    and one to remove the whole source; ``on_drop`` and ``on_remove`` do the work."""

    def __init__(
        self,
        choices: Sequence[FactChoice],
        *,
        may_act: Callable[[discord.Interaction], bool],
        on_drop: ReviewHandler,
        on_remove: ReviewHandler,
        timeout: float = VIEW_TIMEOUT_SECONDS,
    ) -> None:
        super().__init__(may_act=may_act, timeout=timeout)
        self.facts = discord.ui.Select(min_values=1, row=0)
        self.earlier = discord.ui.Button(label="Earlier facts", emoji="◀️", row=1)
        self.drop = discord.ui.Button(label="Drop", style=discord.ButtonStyle.danger, row=1)
        self.later = discord.ui.Button(label="Later facts", emoji="▶️", row=1)
        self.remove = discord.ui.Button(label="Remove the whole source", style=discord.ButtonStyle.danger, row=2)
        self.facts.callback = self._pick
        self.earlier.callback = lambda interaction: self._turn(interaction, -1)
        self.later.callback = lambda interaction: self._turn(interaction, 1)
        self.drop.callback = lambda interaction: on_drop(interaction, self)
        self.remove.callback = lambda interaction: on_remove(interaction, self)
        self.page = 0
        self.show(choices)

    @property
    def pages(self) -> int:
        return -(-len(self.choices) // limits.SELECT_OPTIONS)

    def show(self, choices: Sequence[FactChoice], page: int | None = None) -> None:
        """Lay the view out for ``choices`` (what is left after a drop), on ``page`` (by default the
        one on show, or the last there is), with nothing picked."""
        self.choices = list(choices)
        self.page = min(self.page if page is None else page, max(self.pages - 1, 0))
        self.picked: list[FactChoice] = []
        self.clear_items()
        if self.choices:
            first = self.page * limits.SELECT_OPTIONS
            shown = self.choices[first : first + limits.SELECT_OPTIONS]
            self.facts.options = [discord.SelectOption(label=c.label, value=c.value, description=c.description)
                                  for c in shown]
            self.facts.max_values = len(shown)
            self.facts.placeholder = (f"Facts {first + 1}–{first + len(shown)} of {len(self.choices)}: "
                                      if self.pages > 1 else "") + "pick the facts to drop"
            self.add_item(self.facts)
            if self.pages > 1:
                self.add_item(self.earlier)
            self.add_item(self.drop)
            if self.pages > 1:
                self.add_item(self.later)
        self.add_item(self.remove)
        self._show_state()

    def _show_state(self) -> None:
        """Buttons enabled as they can act; the picked options kept selected."""
        self.earlier.disabled = self.page == 0
        self.later.disabled = self.page >= self.pages - 1
        self.drop.disabled = not self.picked
        self.drop.label = f"Drop {plural(len(self.picked), 'fact')}" if self.picked else "Drop"
        for option in self.facts.options:
            option.default = any(option.value == choice.value for choice in self.picked)

    async def _pick(self, interaction: discord.Interaction) -> None:
        values = set(self.facts.values)
        self.picked = [choice for choice in self.choices if choice.value in values]
        self._show_state()
        await interaction.response.edit_message(view=self)

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        self.show(self.choices, page=self.page + step)
        await interaction.response.edit_message(view=self)


def dropped_embed(labels: Sequence[str]) -> discord.Embed:
    """Which facts a moderator dropped, and what that means; none: they were gone already."""
    if not labels:
        return fit_embed(discord.Embed(description="Those facts were already gone: nothing was dropped.",
                                       colour=INFO_COLOUR))
    embed = discord.Embed(
        title=f"Dropped {plural(len(labels), 'fact')}",
        description="They no longer appear in this server's answers, and stay dropped if this text is added again.",
        colour=INFO_COLOUR,
    )
    add_list_field(embed, "Dropped", [safe(label) for label in labels])
    return fit_embed(embed)


# ---------------------------------------------------------------- removal
def removal_embed(source: Mapping, facts: Mapping) -> discord.Embed:
    """The question before a source is removed, with what would go with it."""
    return fit_embed(discord.Embed(
        title="Remove this source?",
        description=f"{source_line(source['title'], source['url'], source['published'])}\n"
        f"Its {plural(len(facts['quotes']), 'quotation')} and {plural(len(facts['votes']), 'vote')} "
        "will no longer appear in this server's answers. Facts dropped from it stay dropped if it is added again.",
        colour=POSITION_COLOURS["no"],
    ))


def removal_cancelled_embed(source: Mapping) -> discord.Embed:
    """Word that a removal was called off."""
    return fit_embed(discord.Embed(
        title="Nothing was removed",
        description=f"{source_line(source['title'], source['url'], source['published'])}\n"
        "It stays in this server's answers.",
        colour=INFO_COLOUR,
    ))


class RemovalConfirmation(ModeratorsView):
    """Remove / Cancel buttons before a source is removed; either ends the view."""

    def __init__(
        self,
        *,
        may_act: Callable[[discord.Interaction], bool],
        on_confirm: InteractionHandler,
        on_cancel: InteractionHandler,
        timeout: float = VIEW_TIMEOUT_SECONDS,
    ) -> None:
        super().__init__(may_act=may_act, timeout=timeout)
        self.on_confirm = on_confirm
        self.on_cancel = on_cancel

    @discord.ui.button(label="Remove", style=discord.ButtonStyle.danger)
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.stop()
        await self.on_confirm(interaction)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.stop()
        await self.on_cancel(interaction)


# ---------------------------------------------------------------- pasted text
class PastedSourceForm(discord.ui.Modal):
    """A form for an article's text (a paragraph field keeps its line breaks, which a slash
    command's option loses), its title and its publication date; ``submitted`` receives them."""

    def __init__(
        self,
        submitted: Callable[[discord.Interaction, str, str | None, str | None], Awaitable[None]],
        *,
        title: str | None = None,
        published: str | None = None,
    ) -> None:
        super().__init__(title="Add a source: paste its text", timeout=VIEW_TIMEOUT_SECONDS)
        self.submitted = submitted
        self.title_input = discord.ui.TextInput(custom_id="title", required=False, max_length=limits.TITLE,
                                                default=title)
        self.published_input = discord.ui.TextInput(custom_id="published", required=False, max_length=10,
                                                    placeholder="YYYY-MM-DD", default=published)
        self.text_input = discord.ui.TextInput(custom_id="text", style=discord.TextStyle.paragraph,
                                               max_length=limits.TEXT_INPUT)
        self.add_item(discord.ui.Label(text="Title", component=self.title_input,
                                       description="Leave empty to take the headline on its first line"))
        self.add_item(discord.ui.Label(text="Published", component=self.published_input,
                                       description="Leave empty to take the dateline's date"))
        self.add_item(discord.ui.Label(text="The article's text", component=self.text_input,
                                       description="Headline first. Longer than 4,000 characters? Attach it as a file"))

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await self.submitted(interaction, self.text_input.value,
                             self.title_input.value.strip() or None, self.published_input.value.strip() or None)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        await interaction.client.tree.on_error(interaction, error)  # the bot's one error handler


# ---------------------------------------------------------------- the moderation log
def removed_log_embed(source: Mapping, by: discord.abc.User) -> discord.Embed:
    """A log entry: who removed which source, and when."""
    return _log_embed("Source removed", source, by)


def dropped_log_embed(source: Mapping, labels: Sequence[str], by: discord.abc.User) -> discord.Embed:
    """A log entry: who dropped which facts from which source, and when."""
    embed = _log_embed("Facts dropped", source, by)
    add_list_field(embed, "Dropped", [safe(label) for label in labels])
    return fit_embed(embed)


def _log_embed(title: str, source: Mapping, by: discord.abc.User) -> discord.Embed:
    now = discord.utils.utcnow()
    embed = discord.Embed(
        title=title,
        description=f"{source_line(source['title'], source['url'], source['published'])}\n"
        f"by {by.mention} · {discord.utils.format_dt(now, 'f')}",
        colour=INFO_COLOUR,
        timestamp=now,
    )
    embed.set_footer(text=f"Source #{source['id']}")
    return fit_embed(embed)

