"""/sources, and what moderators see when they add, review, drop facts from or remove a source."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import discord
from sqlite_utils import Database

from answers.options import stored_id
from answers.reply import Reply, Suggestion, refusal
from db import AddResult, guild_scope, queries
from db.names import name_key
from db.source_facts import source_facts
from replies import embeds, moderation
from replies.moderation import FactChoice
from replies.style import POSITION_COLOURS

QUEUED = "Your source is queued: the store is busy or the text is long. I'll reply here when it's in."
NOT_REMOVABLE = "That is not a source this server added. Pick one from the list; bundled sources cannot be removed."
GONE = "That source is no longer in this server's store."
_WORD = re.compile(r"\w+")


@dataclass
class SourceReview:
    """A source as a moderator reviews it: its stored row, the embed showing what went in, and the
    facts they may drop; not ``editable`` for a text the bundled sources hold."""

    source: dict
    embed: discord.Embed
    choices: list[FactChoice] = field(default_factory=list)
    editable: bool = True


def answer_sources(db: Database, guild_id: int | None) -> Reply:
    """The /sources answer: every source this server sees and what each contributed."""
    return Reply(embeds.sources_pages(queries.list_sources(db, guild_id)))


def could_not_add(reason: object) -> Reply:
    """Why a source was not added."""
    return refusal(f"I couldn't add that source: {reason}")


def source_added(db: Database, guild_id: int, result: AddResult) -> SourceReview:
    """What a moderator is told once a source is stored, or found already there: the review of it,
    unless the bundled sources hold that text."""
    stored = queries.get_source(db, result.source_id, guild_id)
    if stored["scope"] != guild_scope(guild_id):
        return SourceReview(stored, embeds.source_added_embed(result, stored), editable=False)
    if not result.created:
        note = f"This text is already stored as source #{stored['id']}; nothing new was added."
        return _review(db, stored, title="Already in the store", note=note)
    note = None
    if result.left_out:
        note = f"Left out: {embeds.plural(result.left_out, 'fact')} this server dropped from this text before."
    return _review(db, stored, title="Source added", note=note, colour=POSITION_COLOURS["yes"])


def source_review(db: Database, guild_id: int, source_id: int) -> SourceReview | None:
    """One of this server's sources as it now stands (after a drop, say); None once it is gone."""
    stored = own_source(db, guild_id, source_id)
    return None if stored is None else _review(db, stored, title="What went in")


def _review(db: Database, stored: dict, **heading) -> SourceReview:
    facts = source_facts(db, stored["id"])
    return SourceReview(stored, moderation.review_embed(stored, facts, **heading), moderation.fact_choices(facts))


def own_source(db: Database, guild_id: int, source_id: int | None) -> dict | None:
    """The source of this server with that id, or None (another server's, bundled, or gone)."""
    stored = queries.get_source(db, source_id, guild_id) if source_id else None
    return stored if stored and stored["scope"] == guild_scope(guild_id) else None


def removable_source(db: Database, guild_id: int, picked: str) -> dict | None:
    """The source of this server that ``picked`` names, or None (another server's, or bundled)."""
    return own_source(db, guild_id, stored_id(picked))


def removal_confirmation(db: Database, stored: dict) -> Reply:
    """The question asked before a source is removed, with what would go with it."""
    return Reply([moderation.removal_embed(stored, source_facts(db, stored["id"]))], ephemeral=True)


def removal_cancelled(stored: dict) -> Reply:
    """What a moderator is told when they call a removal off."""
    return Reply([moderation.removal_cancelled_embed(stored)], ephemeral=True)


def source_removed(stored: dict | None) -> Reply:
    """What a moderator is told after asking to remove a source (None: it was not theirs to remove)."""
    if stored is None:
        return refusal(NOT_REMOVABLE)
    return Reply([embeds.source_removed_embed(stored)], ephemeral=True)


def facts_dropped(labels: Sequence[str]) -> Reply:
    """What a moderator is told after dropping facts: which went (none: others dropped them first)."""
    return Reply([moderation.dropped_embed(labels)], ephemeral=True)


def source_suggestions(db: Database, guild_id: int, typed: str) -> list[Suggestion]:
    """This server's own sources, newest first, with a word starting each word typed, in any order:
    words of the title or file name ("mission council" finds "Council extends mission"), or the
    source's number."""
    typed_words = _WORD.findall(name_key(typed))
    own = [s for s in queries.list_sources(db, guild_id) if s["scope"] == guild_scope(guild_id)]
    return [
        Suggestion(f"#{s['id']} {s['title'] or s['origin'] or 'untitled'}", str(s["id"]))
        for s in own
        if _starts_words(typed_words, _WORD.findall(name_key(f"{s['id']} {s['title'] or ''} {s['origin'] or ''}")))
    ]


def _starts_words(typed_words: list[str], words: list[str]) -> bool:
    """Whether every typed word starts one of ``words``."""
    return all(any(word.startswith(typed) for word in words) for typed in typed_words)
