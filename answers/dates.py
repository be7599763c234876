"""Dates as users type them, read in one place for the slash commands and the command line."""

from __future__ import annotations

import re
from datetime import date

DATE_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class BadOption(ValueError):
    """An option that cannot be read; its message says how to write it."""


def typed_day(text: str | None) -> str | None:
    """A day typed as YYYY-MM-DD, as ISO; None when empty; BadOption otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise BadOption(f"“{text}” is not a date in the form YYYY-MM-DD (for example 2022-10-12).") from None


def typed_period(text: str | None) -> str | None:
    """A year, month or day typed as YYYY, YYYY-MM or YYYY-MM-DD (a date prefix); None when empty;
    BadOption otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    match = DATE_PREFIX.fullmatch(text)
    try:
        if not match:
            raise ValueError
        year, month, day = (int(part) if part else 1 for part in match.groups())
        date(year, month, day)
    except ValueError:
        raise BadOption(
            f"“{text}” is not a date: write a year (2015), a month (2015-09) or a day (2015-09-25)."
        ) from None
    return text
