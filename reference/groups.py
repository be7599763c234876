"""Groups of countries a member may ask about as one: the Security Council's permanent members,
the European Union and the UN regional groups, read from ``groups.json`` (its sources: SOURCE.md).

A member belongs to a group from ``since`` to ``until`` (both days included; none: always). The
codes a member stands under in the official records are its own, those of the membership it
continues (Russia: the USSR's) and its former codes (``also``: Benin was Dahomey).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from reference.countries import ascii_fold, seat_codes, surface_key

TABLE_PATH = Path(__file__).with_name("groups.json")


@dataclass(frozen=True)
class Member:
    """A country's membership of a group."""

    iso3: str
    also: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    def codes(self) -> tuple[str, ...]:
        """The codes the member's votes stand under in the official records."""
        return (*seat_codes(self.iso3), *self.also)

    def belongs_on(self, day: str | None) -> bool:
        """Whether it was a member on ``day`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None: today)."""
        if day is None:
            return self.until is None
        return (self.since is None or day >= self.since[: len(day)]) and (
            self.until is None or day <= self.until[: len(day)])


@dataclass(frozen=True)
class Group:
    """A group: the name it is shown by, what it is called in a sentence about its members, the
    names it may be asked by, its members and where the table comes from (and the day it describes)."""

    key: str
    name: str
    members_phrase: str
    aliases: tuple[str, ...]
    source: str
    as_of: str
    members: tuple[Member, ...]
    emoji: str = ""

    def members_on(self, day: str | None) -> list[Member]:
        """Its members on ``day`` (None: today)."""
        return [member for member in self.members if member.belongs_on(day)]

    def codes(self) -> list[str]:
        """Every code its members, present and past, stand under in the official records."""
        return list(dict.fromkeys(code for member in self.members for code in member.codes()))


def group_key(name: str) -> str:
    """A group's name reduced for matching: case, accents, hyphens, spaces and full stops ignored."""
    return " ".join(ascii_fold(surface_key(name.replace(".", ""))).casefold().split())


@functools.cache
def groups() -> dict[str, Group]:
    """The table, by key, read on first use."""
    with TABLE_PATH.open(encoding="utf-8") as handle:
        rows = json.load(handle)["groups"]
    return {
        row["key"]: Group(**{
            **row,
            "aliases": tuple(row["aliases"]),
            "members": tuple(Member(**{**member, "also": tuple(member.get("also", ()))}) for member in row["members"]),
        })
        for row in rows
    }


@functools.cache
def _names() -> dict[str, Group]:
    """Every group by the key of each of its names (its key, name and aliases), in table order."""
    return {group_key(name): group for group in groups().values() for name in (group.key, group.name, *group.aliases)}


def group_named(text: str | None) -> Group | None:
    """The group a name (its key, name or an alias) stands for: "EU", "p5", "African Group"."""
    return _names().get(group_key(text or ""))


def groups_matching(text: str) -> list[Group]:
    """Groups with a name that starts with ``text`` or has a word that does, in table order."""
    typed = group_key(text)
    if not typed:
        return []
    return list(dict.fromkeys(group for name, group in _names().items() if f" {typed}" in f" {name}"))
