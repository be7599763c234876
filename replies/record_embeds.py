"""Embeds for the official roll-call records: two countries compared (/compare) and a country's
voting record (/record), from the plain dicts of :mod:`db.comparisons`.

Each cites where its records come from and links the records it lists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import discord

from reference.countries import country_name
from reference.vocabulary import body_name
from replies.embeds import add_list_field, plural, position_label, roll_call_symbol, source_line, tally_line
from replies.limits import fit_embed, shorten
from replies.style import INFO_COLOUR, NOT_STATED_COLOUR, country_label, display_date, flag, safe, sources_note

ROLL_CALL_TITLE_LIMIT = 100
BAR_CELLS = 10
FULL_CELL, EMPTY_CELL = "█", "░"


# ---------------------------------------------------------------- pieces


def roll_call_tally(roll_call: Mapping) -> str | None:
    """``143–5–35``: the official yes, no and abstention totals; None when they are unknown."""
    totals = [roll_call.get(key) for key in ("total_yes", "total_no", "total_abstentions")]
    return "–".join(map(str, totals)) if None not in totals else None


def roll_call_title(roll_call: Mapping, limit: int = ROLL_CALL_TITLE_LIMIT) -> str:
    """The record's title (the store gives it without the catalogue's closing words), else its
    subjects, shortened to ``limit``."""
    return shorten(safe(roll_call.get("title") or roll_call.get("subjects") or ""), limit)


def roll_call_line(roll_call: Mapping, positions: str) -> str:
    """A record in a list: its linked symbol and date, ``positions``, the tally, then its title."""
    cited = source_line(roll_call_symbol(roll_call), roll_call.get("undl_link"), roll_call.get("date"))
    heading = " — ".join(filter(None, [cited, positions, _labelled_tally(roll_call)]))
    return "\n".join(filter(None, [heading, roll_call_title(roll_call)]))


def _labelled_tally(roll_call: Mapping) -> str | None:
    """``tally 143–5–35``, or None."""
    tally = roll_call_tally(roll_call)
    return f"tally {tally}" if tally else None


def share_bar(share: float) -> str:
    """``███████░░░``: a share drawn in ten cells."""
    full = round(share * BAR_CELLS)
    return FULL_CELL * full + EMPTY_CELL * (BAR_CELLS - full)


def period_text(record: Mapping) -> str:
    """`` of the Security Council since 2015 until 2016`` for the bounds a /record was asked for."""
    of_body = f" of the {body_name(record['body']).removeprefix('UN ')}" if record.get("body") else ""
    until = f" until {display_date(record['until'])}" if record.get("until") else ""
    return f"{of_body}{since_text(record['since'])}{until}"


def since_text(since: str | None) -> str:
    """`` since 1 March 2020`` for a ``since`` filter, nothing without one."""
    return f" since {display_date(since)}" if since else ""


def _percent(share: float) -> str:
    """``62%``."""
    return f"{share:.0%}"


# ---------------------------------------------------------------- /compare
def compare_embed(comparison: Mapping) -> discord.Embed:
    """How two countries voted alike (a :func:`db.comparisons.compare_countries` dict)."""
    a, b = comparison["country_a"], comparison["country_b"]
    embed = discord.Embed(title=f"{country_label(a)} and {country_label(b)}", colour=INFO_COLOUR)
    embed.set_footer(text=f"{sources_note(comparison['datasets'])} · abstentions count as a vote, absences are left out")
    if not comparison["both_voted"]:
        embed.colour = NOT_STATED_COLOUR
        embed.description = (
            f"The official records hold no vote{since_text(comparison['since'])} "
            f"on which both {country_name(a)} and {country_name(b)} voted."
        )
        return fit_embed(embed)
    embed.description = (
        f"**Voted alike {_percent(comparison['share'])} of the time**{since_text(comparison['since'])}: "
        f"the same way on {comparison['same']:,} of the {comparison['both_voted']:,} recorded votes "
        "where both voted yes, no or abstained."
    )
    periods = [
        f"`{p['period']}` {share_bar(p['share'])} {_percent(p['share'])} of {p['both_voted']:,}"
        for p in comparison["over_time"]
    ]
    if len(periods) > 1:
        add_list_field(embed, f"Voted alike, per {comparison['period']}", periods)
    add_list_field(embed, "Most recent disagreements", [
        roll_call_line(vote, f"{flag(a)} {position_label(vote['position_a'])} · "
                             f"{flag(b)} {position_label(vote['position_b'])}")
        for vote in comparison["disagreements"]
    ])
    return fit_embed(embed)


# ---------------------------------------------------------------- /record
def record_embed(record: Mapping) -> discord.Embed:
    """A country's official voting record (a :func:`db.comparisons.country_record` dict)."""
    iso3 = record["country"]
    embed = discord.Embed(title=f"{country_label(iso3)}: UN voting record", colour=INFO_COLOUR)
    embed.set_footer(text=sources_note(record["datasets"]))
    if not record["recorded"]:
        embed.colour = NOT_STATED_COLOUR
        embed.description = (
            f"The official records hold no vote{period_text(record)} by {country_name(iso3)}."
        )
        return fit_embed(embed)
    first, last = display_date(record["first_date"]), display_date(record["last_date"])
    span = f"on {first}" if first == last else f"{first} to {last}"
    of_body = f" in the {body_name(record['body']).removeprefix('UN ')}" if record.get("body") else ""
    embed.description = f"**{plural(record['recorded'], 'recorded vote')}**{of_body}, {span}\n{tally_line(record)}"
    if record["against_share"] is not None:
        embed.add_field(name="Against the majority", value=(
            f"{record['against_majority']:,} of its {record['yes'] + record['no']:,} yes and no votes "
            f"({_percent(record['against_share'])}) went against the majority: "
            "no where more members voted yes than no, yes where they did not."
        ), inline=False)
    add_list_field(embed, "Latest votes against the majority", _majority_lines(record["recent_against"]))
    add_list_field(embed, "Latest close votes", _majority_lines(record["recent_close"]))
    return fit_embed(embed)


def _majority_lines(votes: Sequence[Mapping]) -> list[str]:
    """Records listed with the country's position and the majority's."""
    lines = []
    for vote in votes:
        majority = position_label(vote["majority"])
        lines.append(roll_call_line(vote, f"{position_label(vote['position'])} (majority: {majority})"))
    return lines
