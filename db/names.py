"""Keys for matching what sources and users write: names, resolution symbols, LIKE patterns."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def name_key(name: str) -> str:
    """A name reduced for matching: accents stripped, casefolded, whitespace collapsed.

    Typographic apostrophes become straight ones, so "O’Brien" and "O'Brien" agree.
    """
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def fullest_name(names: Iterable[str]) -> str:
    """The form of a name with most words (the first of those on a tie): "Vassily Nebenzia"."""
    return max(names, key=lambda name: len(name.split()))


def resolution_key(symbol: str | None) -> str | None:
    """A UN document symbol reduced for comparison: upper case, no spaces."""
    if not symbol:
        return None
    return re.sub(r"\s+", "", symbol).upper()


def like_escape(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (for ``ESCAPE '\\'``)."""
    return re.sub(r"([\\%_])", r"\\\1", text)
