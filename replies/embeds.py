"""Facts from the store (the plain dicts of :mod:`db.queries`) turned into Discord embeds.

Every builder is a pure function, cites its sources and returns embeds inside Discord's limits.
Text from sources and users passes through :func:`~replies.style.safe` (or, in a footer,
:func:`~replies.style.plain_safe`), so no reply carries a live mention or a disguised link.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import discord

from reference.countries import country_name, seat_codes
from reference.groups import Group
from reference.vocabulary import (
    POSITION_LABELS,
    POSITION_VERBS,
    POSITIONS,
    SECURITY_COUNCIL,
    body_name,
    record_source,
)
from replies import limits
from replies.limits import fit_embed, shorten
from replies.style import (
    ERROR_COLOUR,
    INFO_COLOUR,
    NOT_STATED_COLOUR,
    POSITION_COLOURS,
    POSITION_EMOJI,
    country_in_sentence,
    country_label,
    display_date,
    flag,
    plain_safe,
    possessive,
    safe,
)

if TYPE_CHECKING:
    from db.ingest import AddResult

ENTRIES_PER_PAGE = 5
QUOTES_PER_PAGE = 5
# Lengths of the shorter pieces: a subject in a list, a quotation in a list, a title in a citation...
SUBJECT_LIMIT = 300
LISTED_QUOTE_LIMIT = 700
COUNTRY_QUOTE_LIMIT = 300
CANDIDATE_QUOTE_LIMIT = 90
TITLE_IN_CITATION = 120
SOURCE_NAME_LIMIT = 60
QUERY_LIMIT = 200
MAX_COUNTRY_QUOTES = 5
MAX_CANDIDATES = 5
# Characters the country names of a whole tally may take, shared fairly between the groups.
TALLY_NAMES_BUDGET = 2800
# Room kept at the end of a list field for "and N more".
MORE_NOTE_ROOM = 20
ENTRY_SEPARATOR = "\n\n"
NAME_SEPARATOR = ", "
WEB_SCHEMES = ("http://", "https://")
UNNAMED_SPEAKER = "An unnamed speaker"
RECORD_CONFLICTS = "⚠️ The articles differ from the official record"
NONE_OFFICIALLY = "*None.*"
NONE_NAMED = "*The sources name none.*"


# ---------------------------------------------------------------- text pieces
def plural(count: int, noun: str) -> str:
    """``1 quotation``, ``2 quotations``."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def quoted(text: str, limit: int) -> str:
    """A quotation inside quotation marks, at most ``limit`` characters, without the comma that closed it."""
    words = safe(text).strip().rstrip(",;").strip()
    return f"“{shorten(words, limit - 2)}”"


def source_line(title: str | None, url: str | None, published: str | None) -> str:
    """A citation: the title (a link when the source has a web address) and its date.

    Inside a link's label the title's own brackets become parentheses, which no title can use to
    end the label early.
    """
    title = title or "Untitled source"
    if url and url.startswith(WEB_SCHEMES):
        label = shorten(safe(title.replace("[", "(").replace("]", ")")), TITLE_IN_CITATION)
        link = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        name = f"[{label}]({link})"
    else:
        name = f"*{shorten(safe(title), TITLE_IN_CITATION)}*"
    return f"{name} · {display_date(published)}"


def quote_source_line(quote: Mapping) -> str:
    """The citation of the source a quotation comes from."""
    return source_line(quote["source_title"], quote["source_url"], quote["source_published"])


def speaker_title(name: str | None, country: str | None) -> str:
    """A speaker as a title: flag (when their country is known) and name."""
    title = safe(name or UNNAMED_SPEAKER)
    return f"{flag(country)} {title}" if country else title


def speaker_line(quote: Mapping) -> str:
    """``— **Name**, role (flag Country)``: who said a quotation."""
    parts = [f"**{safe(quote.get('speaker') or UNNAMED_SPEAKER)}**"]
    if quote.get("speaker_role"):
        parts.append(safe(quote["speaker_role"]))
    line = "— " + ", ".join(parts)
    if quote.get("speaker_country"):
        line += f" ({country_label(quote['speaker_country'])})"
    return line


def tally_line(vote: Mapping) -> str | None:
    """``🟢 Yes 143 · 🔴 No 5 · …`` for the figures the sources state; None when they state none."""
    figures = [
        f"{POSITION_EMOJI[position]} {POSITION_LABELS[position]} {vote[position]:,}"
        for position in POSITIONS
        if vote.get(position) is not None
    ]
    return " · ".join(figures) or None


def outcome_line(vote: Mapping) -> str:
    """Adopted, not adopted, or vetoed and by whom."""
    if vote.get("vetoed_by"):
        return "⛔ Not adopted: vetoed by " + NAME_SEPARATOR.join(map(country_label, vote["vetoed_by"]))
    if vote.get("adopted") is None:
        return "Outcome not stated"
    return "✅ Adopted" if vote["adopted"] else "❌ Not adopted"


def vote_heading(vote: Mapping) -> str:
    """``UN General Assembly · 12 October 2022 · A/RES/…``."""
    parts = [safe(body_name(vote.get("body"))), display_date(vote.get("date"))]
    if vote.get("resolution"):
        parts.append(safe(vote["resolution"]))
    return " · ".join(parts)


def vote_summary(vote: Mapping) -> str:
    """A vote in a few lines: heading, subject, outcome and tally."""
    lines = [f"**{vote_heading(vote)}**"]
    if vote.get("subject"):
        lines.append(shorten(safe(vote["subject"]), SUBJECT_LIMIT))
    lines.append(" · ".join(filter(None, [outcome_line(vote), tally_line(vote)])))
    return "\n".join(lines)


def position_label(position: str) -> str:
    """A position with its colour: ``🟡 Abstained``."""
    return f"{POSITION_EMOJI.get(position, '❔')} {POSITION_LABELS.get(position, position)}"


# ---------------------------------------------------------------- packing within limits
def pack(entries: Iterable[str], limit: int, separator: str, max_entries: int | None = None) -> list[str]:
    """Entries joined into as few chunks of at most ``limit`` characters as will hold them."""
    chunks: list[str] = []
    current, count = "", 0
    for entry in entries:
        entry = shorten(entry, limit)
        if current and (len(current) + len(separator) + len(entry) > limit or count == max_entries):
            chunks.append(current)
            current, count = "", 0
        current = f"{current}{separator}{entry}" if current else entry
        count += 1
    if current:
        chunks.append(current)
    return chunks


def within_budget(labels: Sequence[str], budget: int, separator: str = NAME_SEPARATOR) -> list[str]:
    """As many of ``labels`` as fit in ``budget`` characters once joined, then ``and N more``."""
    shown: list[str] = []
    used = 0
    for label in labels:
        used += len(label) + (len(separator) if shown else 0)
        if used > budget:
            return [*shown, f"and {len(labels) - len(shown)} more"]
        shown.append(label)
    return shown


def add_packed_fields(embed: discord.Embed, name: str, entries: Sequence[str], separator: str) -> None:
    """Fields named ``name`` (then ``name (continued)``) holding ``entries``."""
    for index, chunk in enumerate(pack(entries, limits.FIELD_VALUE, separator)):
        embed.add_field(name=name if index == 0 else f"{name} (continued)", value=chunk, inline=False)


def add_list_field(embed: discord.Embed, name: str, lines: Sequence[str]) -> None:
    """One field listing ``lines``, one a line, ending ``and N more`` when they do not all fit."""
    if lines:
        room = limits.FIELD_VALUE - MORE_NOTE_ROOM
        shown = within_budget([shorten(line, room) for line in lines], room, "\n")
        embed.add_field(name=name, value="\n".join(shown), inline=False)


def pages(
    title: str, entries: Sequence[str], *, colour: discord.Colour, empty: str, header: str = "",
    per_page: int = ENTRIES_PER_PAGE,
) -> list[discord.Embed]:
    """Entries spread over embeds of ``per_page`` entries each (the last may hold fewer), ``header``
    atop each, numbered when several: entry ``i`` is always on page ``i // per_page``."""
    room = limits.DESCRIPTION - len(header) - len(ENTRY_SEPARATOR)
    fitting = [shorten(entry, room // per_page - len(ENTRY_SEPARATOR)) for entry in entries]
    chunks = pack(fitting, room, ENTRY_SEPARATOR, per_page) or [empty]
    embeds = []
    for number, chunk in enumerate(chunks, start=1):
        embed = discord.Embed(
            title=title, description=ENTRY_SEPARATOR.join(filter(None, [header, chunk])), colour=colour
        )
        if len(chunks) > 1:
            embed.set_footer(text=f"Page {number} of {len(chunks)}")
        embeds.append(fit_embed(embed))
    return embeds


# ---------------------------------------------------------------- votes
def vote_source_lines(vote: Mapping, source_ids: Iterable[int] | None = None) -> list[str]:
    """Citations of the vote's official record, if any, and its sources (only ``source_ids`` when
    given), each source once."""
    wanted = None if source_ids is None else set(source_ids)
    cited: dict[int, str] = {}
    for report in vote.get("reports", []):
        if (wanted is None or report["source_id"] in wanted) and report["source_id"] not in cited:
            cited[report["source_id"]] = source_line(
                report["source_title"], report["source_url"], report["source_published"]
            )
    record = vote.get("roll_call")
    return ([record_line(record)] if record else []) + list(cited.values())


def roll_call_symbol(roll_call: Mapping) -> str:
    """The record's resolution symbol, else its draft's; a record without either (Voeten's data
    has none) says so rather than show an internal number."""
    if symbol := roll_call.get("resolution") or roll_call.get("draft"):
        return symbol
    return f"{body_name(roll_call.get('body'))} vote (no resolution symbol in the data)"


def record_line(record: Mapping) -> str:
    """The citation of an official roll-call record: its symbol, who the data comes from, its date."""
    return source_line(f"Official record of {roll_call_symbol(record)}, {record_source(record.get('dataset'))}",
                       record.get("undl_link"), record.get("date"))


def official_position_rows(vote: Mapping) -> list[dict]:
    """The official record's positions in the shape of reported ones (no source)."""
    return [{"country": iso3, "position": position} for iso3, position in vote.get("official_positions", {}).items()]


def record_disagreement_line(item: Mapping) -> str:
    """Where the articles differ from the official record, e.g. ``**No**: 5 in the articles, 6 on record``."""
    figure = item["figure"]
    if figure.startswith("position "):
        label, show = country_label(figure.split(" ", 1)[1]), position_label
    else:
        label, show = POSITION_LABELS.get(figure, figure), str
    return f"**{label}**: {show(item['reported'])} in the articles, {show(item['official'])} on record"


def symbol_conflict_line(conflict: Mapping) -> str:
    """A symbol a source gives that names another vote's official record."""
    tally = "–".join(str(conflict[column]) for column in ("total_yes", "total_no", "total_abstentions")
                     if conflict.get(column) is not None)
    other = ", ".join(filter(None, [display_date(conflict["date"]), tally]))
    return (f"**{safe(conflict['symbol'])}**: a source gives this symbol, but its official record is "
            f"another vote ({other})")


def record_conflict_lines(vote: Mapping) -> list[str]:
    """Everything in which the articles differ from the official records: figures and positions,
    and symbols that name other votes."""
    return [record_disagreement_line(item) for item in vote.get("record_disagreements", [])] + [
        symbol_conflict_line(conflict) for conflict in vote.get("symbol_conflicts", [])
    ]


def country_vote_embed(
    vote: Mapping, iso3: str, country_quotes: Sequence[Mapping], member: bool | None = None
) -> discord.Embed:
    """How one country voted on one vote (a :func:`db.queries.get_vote` dict), with what its speakers
    said; ``member`` False when the country could not vote (not a member of the body then)."""
    positions = [p for p in vote["positions"] if p["country"] == iso3]
    stated = sorted({p["position"] for p in positions}, key=POSITIONS.index)
    official = official_position(vote, iso3)
    name = country_in_sentence(iso3)
    colour, title, finding = _country_finding(vote, name, official, stated, member)
    summary = ENTRY_SEPARATOR.join(filter(None, [finding, vote_summary(vote)]))
    embed = discord.Embed(title=f"{flag(iso3)} {title}", description=summary, colour=colour)
    supporting = {p["source_id"] for p in positions} if positions else None
    add_list_field(embed, "Sources" if positions or official else "Sources read", vote_source_lines(vote, supporting))
    if vote.get("symbol_conflicts"):
        add_list_field(embed, RECORD_CONFLICTS, [symbol_conflict_line(c) for c in vote["symbol_conflicts"]])
    add_quote_blocks(embed, f"What {possessive(name)} speakers said", country_quotes)
    return fit_embed(embed)


def _country_finding(
    vote: Mapping, name: str, official: str | None, stated: list[str], member: bool | None
) -> tuple[discord.Colour, str, str]:
    """The colour, title and first line of a country's answer on a vote: its official position
    (and any article saying otherwise), else the one position the articles state, else how they
    differ, else that it could not vote or that the sources do not say."""
    named = f"{name[0].upper()}{name[1:]}"
    if official:
        differing = [position for position in stated if position != official]
        finding = "The official record says so; the articles say: " + " · ".join(map(position_label, differing))
        return POSITION_COLOURS[official], f"{named} {POSITION_VERBS[official]}", finding if differing else ""
    if len(stated) == 1:
        return POSITION_COLOURS[stated[0]], f"{named} {POSITION_VERBS[stated[0]]}", ""
    if stated:
        return NOT_STATED_COLOUR, f"How {name} voted", "The sources differ: " + " · ".join(map(position_label, stated))
    if member is False:
        return NOT_STATED_COLOUR, f"{named} had no vote", f"{named} was not {membership(vote)}."
    return NOT_STATED_COLOUR, f"How {name} voted", f"The sources do not say how {name} voted."


def official_position(vote: Mapping, iso3: str) -> str | None:
    """A country's position in the vote's official record, under its own code or that of the
    membership it continues (Russia's vote of 1950 is the USSR's)."""
    official = vote.get("official_positions", {})
    return next((official[code] for code in seat_codes(iso3) if code in official), None)


def membership(vote: Mapping) -> str:
    """What a country had to be to vote: ``a member of the Security Council in 2016``."""
    year = f" in {vote['date'][:4]}" if vote.get("date") else " then"
    if vote.get("body") == SECURITY_COUNCIL:
        return f"a member of the Security Council{year}"
    return f"a UN member{year}"


def country_votes_pages(
    iso3: str, votes: Sequence[Mapping], total: int | None = None, period: str = ""
) -> list[discord.Embed]:
    """A country's votes (:func:`db.queries.votes_for_country`), newest first, a few per page; when
    ``total`` is more than shown, a header says so and how to reach the others. ``period`` says
    which votes were asked for ("since 2015")."""
    entries = []
    for vote in votes:
        stated = sorted({p["position"] for p in vote["country_positions"]}, key=POSITIONS.index)
        marker = " · ".join(map(position_label, stated))
        if len(stated) > 1:
            marker = f"The sources differ: {marker}"
        entries.append(f"{marker}\n{vote_summary(vote)}")
    name = country_in_sentence(iso3)
    header = ""
    if total and total > len(votes):
        header = (f"*The {len(votes):,} newest of {plural(total, 'vote')}{', ' + period if period else ''}: "
                  "choose a period with `since` and `until` to see the others.*")
    return pages(
        f"{flag(iso3)} How {name} voted" + (f" ({period})" if period else ""),
        entries,
        colour=INFO_COLOUR,
        header=header,
        empty=f"The sources do not say how {name} voted on any vote{' ' + period if period else ''}.",
    )


def vote_list_pages(votes: Sequence[Mapping]) -> list[discord.Embed]:
    """A list of votes (:func:`db.queries.find_votes` summaries), a few per page."""
    return pages(
        "Votes in the sources",
        [vote_summary(vote) for vote in votes],
        colour=INFO_COLOUR,
        empty="The sources this server sees report no votes yet. See /sources.",
    )


def tally_embed(vote: Mapping, said: Sequence[Mapping] = ()) -> discord.Embed:
    """The whole tally of a vote: each group's count, the countries named in it, how many go unnamed,
    and what the reporting articles' speakers said (``said``, quotation rows)."""
    description = [outcome_line(vote)]
    if vote.get("subject"):
        description.append(shorten(safe(vote["subject"]), SUBJECT_LIMIT))
    embed = discord.Embed(title=vote_heading(vote), description="\n".join(description), colour=INFO_COLOUR)
    official = official_position_rows(vote)
    named = _named_by_position(official or vote["positions"])
    tally = vote.get("official_tally") or vote
    budgets = fair_shares({p: _joined_length(names) for p, names in named.items()}, TALLY_NAMES_BUDGET)
    for position in POSITIONS:
        if tally.get(position) is None and not named[position]:
            continue
        add_packed_fields(
            embed, _group_heading(position, tally.get(position), len(named[position])),
            within_budget(named[position], budgets[position]) or [NONE_OFFICIALLY if official else NONE_NAMED],
            NAME_SEPARATOR,
        )
    if vote.get("disagreements"):
        names = _source_names(vote)
        lines = [disagreement_line(item, names) for item in vote["disagreements"]]
        add_list_field(embed, "⚠️ The sources differ", lines)
    if lines := record_conflict_lines(vote):
        add_list_field(embed, RECORD_CONFLICTS, lines)
    add_quote_blocks(embed, "Quoted in these sources", said)
    add_list_field(embed, "Sources", vote_source_lines(vote))
    return fit_embed(embed)


def add_quote_blocks(embed: discord.Embed, name: str, quotes: Sequence[Mapping]) -> None:
    """A few quotations with their speakers, and how many more /quotes has."""
    shown = quotes[:MAX_COUNTRY_QUOTES]
    blocks = [f"{quoted(q['text'], COUNTRY_QUOTE_LIMIT)}\n{speaker_line(q)}" for q in shown]
    if len(quotes) > len(shown):
        blocks.append(f"*and {len(quotes) - len(shown)} more: see /quotes*")
    add_packed_fields(embed, name, blocks, ENTRY_SEPARATOR)


def _named_by_position(positions: Iterable[Mapping]) -> dict[str, list[str]]:
    """The labels of the countries named in each group, alphabetical, each once."""
    codes: dict[str, set[str]] = {position: set() for position in POSITIONS}
    for row in positions:
        codes.setdefault(row["position"], set()).add(row["country"])
    return {position: _labels(isos) for position, isos in codes.items()}


def _joined_length(labels: Sequence[str]) -> int:
    """How long ``labels`` are once joined into a list."""
    return sum(map(len, labels)) + len(NAME_SEPARATOR) * max(len(labels) - 1, 0)


def fair_shares(needs: Mapping[str, int], budget: int) -> dict[str, int]:
    """``budget`` split so that small needs are met in full and large ones share the rest equally."""
    shares = {}
    remaining = budget
    ordered = sorted(needs, key=needs.get)
    for index, key in enumerate(ordered):
        shares[key] = min(needs[key], remaining // (len(ordered) - index))
        remaining -= shares[key]
    return shares


def _group_heading(position: str, count: int | None, named: int) -> str:
    """``🟢 Yes · 143 · 138 not named by the sources`` (just the count when none is named: the list
    below says so)."""
    if count is None:
        return f"{position_label(position)} · number not stated"
    heading = f"{position_label(position)} · {count:,}"
    if count > named > 0:
        heading += f" · {count - named:,} not named by the sources"
    return heading


def _source_names(vote: Mapping) -> dict[int, str]:
    """Short names of a vote's sources by id, for saying which source says what."""
    return {
        report["source_id"]: shorten(
            safe(report["source_title"] or f"source {report['source_id']}"), SOURCE_NAME_LIMIT
        )
        for report in vote.get("reports", [])
    }


def disagreement_line(item: Mapping, source_names: Mapping[int, str]) -> str:
    """A figure the sources differ on (:func:`db.queries.vote_disagreements`), each value with its sources."""
    figure = item["figure"]
    if figure.startswith("position "):
        label, show = country_label(figure.split(" ", 1)[1]), position_label
    elif figure == "adopted":
        label, show = "Outcome", lambda value: "adopted" if value else "not adopted"
    else:
        label, show = POSITION_LABELS.get(figure, figure), str
    values = " · ".join(
        f"{show(value['value'])} ({_cited(value['source_ids'], source_names)})" for value in item["values"]
    )
    return f"**{label}**: {values}"


def _cited(source_ids: Iterable[int], source_names: Mapping[int, str]) -> str:
    """The short names of these sources, comma-separated."""
    return ", ".join(source_names.get(source_id, f"source {source_id}") for source_id in source_ids)


# ---------------------------------------------------------------- quotations
def whosaid_embed(best: Mapping, candidates: Sequence[Mapping], query: str) -> discord.Embed:
    """Who said a quotation (a :func:`db.queries.search_quotes` row): context, source, other matches below."""
    title = speaker_title(best.get("speaker"), best.get("speaker_country"))
    embed = discord.Embed(title=title, colour=INFO_COLOUR)
    embed.add_field(name="Source", value=quote_source_line(best), inline=False)
    if best.get("context"):
        words = " ".join(safe(best["context"]).split())
        opening = "" if words[:1].isupper() or not words[:1].isalpha() else "…"  # begun mid-sentence
        context = "> " + shorten(opening + words, limits.FIELD_VALUE - 2)
        embed.add_field(name="In context", value=context, inline=False)
    others = [
        f"{quoted(c['text'], CANDIDATE_QUOTE_LIMIT)} — {safe(c.get('speaker') or UNNAMED_SPEAKER)}"
        for c in candidates
        if c["id"] != best["id"]
    ][:MAX_CANDIDATES]
    if others:
        add_list_field(embed, "Other matches", others)
    embed.set_footer(text=f"You searched for: {shorten(plain_safe(query), QUERY_LIMIT)}")
    attribution = f"\n\n{speaker_line(best)}"
    room = min(limits.DESCRIPTION, limits.EMBED_TOTAL - len(embed)) - len(attribution)
    embed.description = quoted(best["text"], room) + attribution
    return fit_embed(embed)


def no_match_embed(query: str) -> discord.Embed:
    """The answer when no quotation matches ``query``: what to try instead."""
    return fit_embed(
        discord.Embed(
            title="No quotation matches",
            description=(
                f"Nothing in the sources this server sees matches {quoted(query, QUERY_LIMIT)}.\n\n"
                "• Try fewer words, or other words you remember from the quotation.\n"
                "• Browse a speaker's quotations with /quotes.\n"
                "• See what has been read with /sources."
            ),
            colour=NOT_STATED_COLOUR,
        )
    )


def speaker_quotes_pages(speaker: Mapping, quotes: Sequence[Mapping]) -> list[discord.Embed]:
    """A speaker's quotations (:func:`db.queries.quotes_by_speaker`), a few per page.

    ``speaker`` is a :func:`db.queries.find_speakers` row (``name``, ``country``).
    """
    country = speaker.get("country")
    role = next((safe(q["speaker_role"]) for q in quotes if q.get("speaker_role")), "")
    entries = [f"{quoted(q['text'], LISTED_QUOTE_LIMIT)}\n{quote_source_line(q)}" for q in quotes]
    return pages(
        speaker_title(speaker["name"], country),
        entries,
        colour=INFO_COLOUR,
        empty=f"No quotations from {safe(speaker['name'])} in the sources this server sees.",
        header=", ".join(filter(None, [role, country and country_name(country)])),
        per_page=QUOTES_PER_PAGE,
    )


# ---------------------------------------------------------------- sources
def scope_label(scope: str) -> str:
    """Where a source is seen: bundled with the bot (every server) or added in this server."""
    return "bundled, seen in every server" if scope == "global" else "added in this server"


def sources_pages(sources: Sequence[Mapping]) -> list[discord.Embed]:
    """The sources a server sees (:func:`db.queries.list_sources`) with what each contributed."""
    entries = [
        f"**#{s['id']}** · {source_line(s['title'], s['url'], s['published'])}\n"
        f"{plural(s['quotes'], 'quotation')} · {plural(s['votes'], 'vote')} · {scope_label(s['scope'])}"
        for s in sources
    ]
    return pages(
        "Sources",
        entries,
        colour=INFO_COLOUR,
        empty="No sources yet. Moderators can add one with /source add.",
    )


def source_added_embed(result: AddResult, source: Mapping) -> discord.Embed:
    """What adding a source did: ``result`` is a :class:`db.ingest.AddResult`, ``source`` its stored row."""
    citation = source_line(source["title"], source["url"], source["published"])
    if not result.created:
        return fit_embed(
            discord.Embed(
                title="Already in the store",
                description=f"{citation}\nThis text is already stored as source #{result.source_id}; "
                "nothing new was added.",
                colour=INFO_COLOUR,
            )
        )
    found = [
        plural(result.quotes, "quotation"),
        f"{plural(result.votes, 'vote')} ({result.new_votes} new, {result.matched_votes} already known)",
        plural(result.positions, "country position"),
    ]
    embed = discord.Embed(title="Source added", description=citation, colour=POSITION_COLOURS["yes"])
    embed.add_field(name="Found", value=" · ".join(found), inline=False)
    embed.set_footer(text=f"Source #{result.source_id} · {scope_label(source['scope'])}")
    return fit_embed(embed)


def source_removed_embed(source: Mapping) -> discord.Embed:
    """The confirmation that a source and the facts only it supported are gone."""
    return fit_embed(
        discord.Embed(
            title="Source removed",
            description=f"{source_line(source['title'], source['url'], source['published'])}\n"
            "Its quotations and the votes only it reported no longer appear in this server's answers.",
            colour=INFO_COLOUR,
        )
    )


# ---------------------------------------------------------------- groups of countries
def group_vote_embed(
    group: Group, vote: Mapping, placed: Mapping[str, Sequence[str]], differing: Sequence[str], unplaced: Sequence[str]
) -> discord.Embed:
    """How a group's members split on a vote (a :func:`db.queries.get_vote` dict): the codes
    ``placed`` in each position (as the record or the sources give them), the members the sources
    differ on and those ``unplaced`` (not members of the body then, or of whom the sources say
    nothing), with the count of each."""
    unplaced_heading = f"Not {membership(vote)}" if vote.get("official_positions") else "The sources do not say"
    lists = [(position_label(position), position_label(position), placed.get(position, ())) for position in POSITIONS]
    lists += [("⚠️ The sources differ", "⚠️ The sources differ", differing),
              ("❔ Not placed", f"❔ {unplaced_heading}", unplaced)]
    lists = [(short, f"{heading} · {len(codes):,}", _labels(codes)) for short, heading, codes in lists if codes]
    summary = " · ".join([f"**{plural(sum(len(labels) for *_, labels in lists), 'member')}**",
                          *(f"{short} {len(labels):,}" for short, _, labels in lists)])
    if not lists:
        summary = f"The group had no members on {display_date(vote.get('date'))}."
    taken = [position for position in POSITIONS if placed.get(position)]
    colour = (POSITION_COLOURS[taken[0]] if len(taken) == 1 and not differing
              else INFO_COLOUR if taken else NOT_STATED_COLOUR)
    embed = discord.Embed(title=shorten(f"{group.emoji} How {group.members_phrase} voted".strip(), limits.TITLE),
                          description=ENTRY_SEPARATOR.join([summary, vote_summary(vote)]), colour=colour)
    budgets = fair_shares({heading: _joined_length(labels) for _, heading, labels in lists}, TALLY_NAMES_BUDGET)
    for _, heading, labels in lists:
        add_packed_fields(embed, heading, within_budget(labels, budgets[heading]), NAME_SEPARATOR)
    add_list_field(embed, "Sources", vote_source_lines(vote))
    embed.set_footer(text=plain_safe(group_source_note(group)))
    return fit_embed(embed)


def group_embed(group: Group) -> discord.Embed:
    """A group of countries: its members today, where the table comes from, and how to ask about it."""
    members = [member.iso3 for member in group.members_on(None)]
    embed = discord.Embed(
        title=shorten(f"{group.emoji} {group.name}".strip(), limits.TITLE),
        description=f"**{plural(len(members), 'member')}**. Pick a vote below, or ask "
                    f"`/vote country:{safe(group.key)} vote:…`, to see how they voted.",
        colour=INFO_COLOUR,
    )
    add_packed_fields(embed, "Members", _labels(members), NAME_SEPARATOR)
    embed.set_footer(text=plain_safe(group_source_note(group)))
    return fit_embed(embed)


def group_source_note(group: Group) -> str:
    """Where a group's membership comes from, and the day its table describes."""
    return f"Members: {group.source} (as of {display_date(group.as_of)})"


def _labels(codes: Iterable[str]) -> list[str]:
    """Countries as a list shows them, by name."""
    return [country_label(code) for code in sorted(codes, key=country_name)]


def did_you_mean(names: Sequence[str]) -> str:
    """``Did you mean China?``, ``Did you mean Niger or Nigeria?``, ``Did you mean A, B or C?``."""
    shown = [f"“{safe(name)}”" for name in names]
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
    return f"Did you mean {listed}?"


def error_embed(message: str) -> discord.Embed:
    """A short, polite failure message."""
    return fit_embed(
        discord.Embed(title="Sorry, that did not work", description=safe(message), colour=ERROR_COLOUR)
    )


def notice_embed(message: str) -> discord.Embed:
    """A short note on work under way."""
    return fit_embed(discord.Embed(description=safe(message), colour=INFO_COLOUR))


def help_embed(commands: Sequence[tuple[str, str, Sequence[str]]], origin: str) -> discord.Embed:
    """The commands, each with what it answers and examples, then where the answers come from."""
    embed = discord.Embed(title="Rollcall: what you can ask", colour=INFO_COLOUR,
                          description="Answers about UN votes and who said what, from this server's sources "
                                      "and the UN's official voting records.")
    for name, purpose, examples in commands:
        value = purpose + "".join(f"\n`{example}`" for example in examples)
        embed.add_field(name=f"/{name}", value=shorten(value, limits.FIELD_VALUE), inline=False)
    embed.add_field(name="Where the answers come from", value=shorten(origin, limits.FIELD_VALUE), inline=False)
    return fit_embed(embed)
