"""/sources, and what moderators are told when they add or remove a source."""

from __future__ import annotations

from sqlite_utils import Database

from answers.options import stored_id
from answers.reply import Reply, Suggestion, refusal
from db import AddResult, guild_scope, queries
from replies import embeds

QUEUED = "Your source is queued: the store is busy or the text is long. I'll reply here when it's in."
NOT_REMOVABLE = "That is not a source this server added. Pick one from the list; bundled sources cannot be removed."


def answer_sources(db: Database, guild_id: int | None) -> Reply:
    """The /sources answer: every source this server sees and what each contributed."""
    return Reply(embeds.sources_pages(queries.list_sources(db, guild_id)))


def could_not_add(reason: object) -> Reply:
    """Why a source was not added."""
    return refusal(f"I couldn't add that source: {reason}")


def source_added(db: Database, guild_id: int, result: AddResult) -> Reply:
    """What a moderator is told once a source is stored (or found already there)."""
    stored = queries.get_source(db, result.source_id, guild_id)
    return Reply([embeds.source_added_embed(result, stored)], ephemeral=True)


def removable_source(db: Database, guild_id: int, picked: str) -> dict | None:
    """The source of this server that ``picked`` names, or None (another server's, or bundled)."""
    source_id = stored_id(picked)
    stored = queries.get_source(db, source_id, guild_id) if source_id else None
    return stored if stored and stored["scope"] == guild_scope(guild_id) else None


def source_removed(stored: dict | None) -> Reply:
    """What a moderator is told after asking to remove a source (None: it was not theirs to remove)."""
    if stored is None:
        return refusal(NOT_REMOVABLE)
    return Reply([embeds.source_removed_embed(stored)], ephemeral=True)


def source_suggestions(db: Database, guild_id: int, typed: str) -> list[Suggestion]:
    """This server's own sources whose title (or number) holds what was typed."""
    typed = typed.casefold()
    own = [s for s in queries.list_sources(db, guild_id) if s["scope"] == guild_scope(guild_id)]
    return [
        Suggestion(f"#{s['id']} {s['title'] or s['origin'] or 'untitled'}", str(s["id"]))
        for s in own
        if typed in (s["title"] or "").casefold() or typed in str(s["id"])
    ]
