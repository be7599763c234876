"""/vote: how a country voted on a resolution, a country's votes, or the whole tally of a vote."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands
from sqlite_utils import Database

from cogs.base import Reply, at_most, choice, country_choices, resolve_country, send_reply
from db import queries
from replies import embeds
from replies.style import BODY_NAMES, body_name, display_date

MAX_COUNTRY_VOTES = 200


def resolve_vote(db: Database, guild_id: int | None, text: str) -> int | None:
    """The id of the vote picked (its id) or described (body, date, symbol or subject words)."""
    text = (text or "").strip()
    if text.isdigit() and queries.get_vote(db, int(text), guild_id):
        return int(text)
    matches = queries.match_votes(db, text, guild_id, limit=1, body_names=BODY_NAMES) if text else []
    return matches[0]["id"] if matches else None


def vote_choice_name(vote: dict) -> str:
    """``UNGA · 12 October 2022 · 143–5–35 · resolution calling …`` for the autocomplete list."""
    tally = "–".join(str(vote[f]) for f in ("yes", "no", "abstain") if vote.get(f) is not None)
    parts = [body_name(vote["body"]), display_date(vote["date"]), vote.get("resolution"), tally, vote.get("subject")]
    return " · ".join(part for part in parts if part)


def answer_vote(db: Database, guild_id: int | None, country: str | None = None, vote: str | None = None) -> Reply:
    """The /vote answer: a country on a vote, a country's votes, a vote's tally, or the votes known."""
    iso3 = resolve_country(db, country) if country else None
    if country and iso3 is None:
        return Reply([embeds.error_embed(
            f"I don't know a country called “{embeds.safe(country)}”. Try its English name, "
            "a short form like “US” or a demonym like “Russian”, or pick one from the list."
        )], ephemeral=True)
    vote_id = resolve_vote(db, guild_id, vote) if vote else None
    if vote and vote_id is None:
        return Reply([embeds.error_embed(
            f"No vote in this server's sources matches “{embeds.safe(vote)}”. "
            "Pick one from the list, or run /vote without options to see them all."
        )], ephemeral=True)
    if iso3 and vote_id:
        details = queries.get_vote(db, vote_id, guild_id)
        said = queries.quotes_on_vote(db, vote_id, guild_id, country=iso3)
        return Reply([embeds.country_vote_embed(details, iso3, said)])
    if iso3:
        votes = queries.votes_for_country(db, iso3, guild_id, MAX_COUNTRY_VOTES)
        if len(votes) == 1:  # one vote: answer it in full
            return answer_vote(db, guild_id, iso3, str(votes[0]["id"]))
        return Reply(embeds.country_votes_pages(iso3, votes))
    if vote_id:
        return Reply([embeds.tally_embed(queries.get_vote(db, vote_id, guild_id))])
    return Reply(embeds.vote_list_pages(queries.find_votes(db, guild_id, limit=MAX_COUNTRY_VOTES)))


class Votes(commands.Cog):
    """/vote."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="vote", description="How a country voted on a UN vote, or a vote's whole tally")
    @app_commands.describe(
        country="A country: its name, a short form (US, DPRK) or a demonym (Russian)",
        vote="A vote: pick one, or type its body, date, symbol or words of its subject",
    )
    async def vote(
        self, interaction: discord.Interaction, country: str | None = None, vote: str | None = None
    ) -> None:
        await send_reply(interaction, answer_vote(self.bot.db, interaction.guild_id, country, vote))

    @vote.autocomplete("country")
    async def country_autocomplete(self, interaction: discord.Interaction, current: str):
        return country_choices(self.bot.db, interaction.guild_id, current)

    @vote.autocomplete("vote")
    async def vote_autocomplete(self, interaction: discord.Interaction, current: str):
        votes = queries.match_votes(self.bot.db, current, interaction.guild_id, body_names=BODY_NAMES)
        return at_most([choice(vote_choice_name(v), v["id"]) for v in votes])


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Votes(bot))
