"""Scopes: which sources, and so which facts, a caller sees.

A source's scope is ``global`` (bundled, seen everywhere) or ``guild:<id>`` (added by a server,
seen there only). Queries take two scopes so that they can use a fixed ``scope IN (?, ?)``.
"""

from __future__ import annotations

GLOBAL_SCOPE = "global"


def guild_scope(guild_id: int | str) -> str:
    """The scope of sources a Discord server's moderators add: ``guild:<id>``."""
    return f"guild:{guild_id}"


def scopes_seen_from(scope: str) -> tuple[str, str]:
    """The scopes whose facts a scope sees: the global one, and itself.

    Always two values so queries can use a fixed ``scope IN (?, ?)``.
    """
    return (GLOBAL_SCOPE, scope)


def visible_scopes(guild_id: int | str | None) -> tuple[str, str]:
    """The scopes a caller sees: always the global one, plus its own server's if any."""
    return scopes_seen_from(GLOBAL_SCOPE if guild_id is None else guild_scope(guild_id))


def scope_params(guild_id: int | str | None) -> dict[str, str]:
    """The caller's visible scopes as the named parameters ``:global`` and ``:own``."""
    return dict(zip(("global", "own"), visible_scopes(guild_id)))
