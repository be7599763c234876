"""/help: what each command does, with examples, and where the answers come from."""

from __future__ import annotations

from sqlite_utils import Database

from answers.reply import Reply
from db import queries, records
from replies import embeds

# Each command: what it answers, and examples to try (written for the bundled material).
COMMAND_HELP = (
    ("vote", "How a country voted on a UN vote, a vote's whole tally (with a map), a country's votes, or the "
             "votes the sources report. Countries by name, short form or demonym; groups too (EU, P5, African Group).",
     ("/vote country:China vote:General Assembly", "/vote vote:veto", "/vote country:Brazil since:2015 body:Security Council")),
    ("whosaid", "Who said a quotation you remember roughly: typos and other punctuation are fine.",
     ("/whosaid quote:it might be you",)),
    ("quotes", "A speaker's quotations in the sources.", ("/quotes speaker:Nebenzia",)),
    ("compare", "How often two countries voted alike in the official records, over time (with a chart).",
     ("/compare country_a:France country_b:Russia since:2000",)),
    ("record", "A country's official voting record: counts, votes against the majority, close votes.",
     ("/record country:India since:2015",)),
    ("sources", "The articles and records this server's answers come from.", ("/sources",)),
    ("source add", "Moderators: add an article (a file, a web address, or pasted text) for this server.", ()),
    ("source remove", "Moderators: remove an article this server added, and everything only it said.", ()),
    ("help", "This list.", ()),
)


def answer_help(db: Database, guild_id: int | None) -> Reply:
    """The /help answer: each command with examples, and what the answers are drawn from."""
    sources = queries.list_sources(db, guild_id)
    recorded = records.count_records(db)
    origin = (f"The answers come from {embeds.plural(len(sources), 'source')} this server sees (news articles and UN "
              f"press releases: the votes, tallies and quotations read from them) and "
              f"{embeds.plural(recorded, 'official recorded vote')} of the UN General Assembly and Security Council "
              "(UN Digital Library; Voeten et al. for 2022–2024). Each answer cites where it comes from.")
    return Reply([embeds.help_embed(COMMAND_HELP, origin)], ephemeral=True)
