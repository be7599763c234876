"""Answers to users' questions, shared by the Discord cogs and the terminal console.

Each answer is a plain function ``(db, guild_id, options...) -> Reply``: it reads the typed options
(:mod:`answers.options`), asks the store (:mod:`db`) and builds the reply (:mod:`replies`).
:data:`COMMANDS` declares the read-only commands once, with their options, for the console.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from answers.help import answer_help
from answers.quotes import answer_quotes, answer_whosaid
from answers.records import answer_compare, answer_record
from answers.reply import Reply
from answers.sources import answer_sources
from answers.votes import answer_vote


@dataclass(frozen=True)
class Command:
    """A slash command as the console offers it: its answer, its options, which are required."""

    answer: Callable[..., Reply]
    options: tuple[str, ...] = ()
    required: tuple[str, ...] = ()


COMMANDS: dict[str, Command] = {
    "vote": Command(answer_vote, ("country", "vote", "since", "until", "body")),
    "whosaid": Command(answer_whosaid, ("quote",), required=("quote",)),
    "quotes": Command(answer_quotes, ("speaker",), required=("speaker",)),
    "sources": Command(answer_sources),
    "compare": Command(answer_compare, ("country_a", "country_b", "since"), required=("country_a", "country_b")),
    "record": Command(answer_record, ("country", "since", "until", "body"), required=("country",)),
    "help": Command(answer_help),
}
