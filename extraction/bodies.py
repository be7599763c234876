"""The bodies a text names, and which of them acts in a piece of it.

A body is named ("the Security Council", "the Third Committee", "the U.N. Human Rights Council"),
abbreviated ("UNGA") or referred to ("the Council", "the Assembly", "the world body"): a reference
stands for the last body of its kind named before it, else for the Security Council or the General
Assembly. Other bodies keep their name ("the Senate Foreign Relations Committee"); only UN bodies'
votes are reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from extraction.scanning import finditer_where
from reference.vocabulary import GENERAL_ASSEMBLY, HUMAN_RIGHTS_COUNCIL, SECURITY_COUNCIL

ECONOMIC_AND_SOCIAL_COUNCIL = "ECOSOC"
UN_BODIES = frozenset({GENERAL_ASSEMBLY, SECURITY_COUNCIL, HUMAN_RIGHTS_COUNCIL, ECONOMIC_AND_SOCIAL_COUNCIL})
FIXED_MEMBERSHIP = {SECURITY_COUNCIL: 15, HUMAN_RIGHTS_COUNCIL: 47}
UNKNOWN_BODY = "UN"

_F = re.IGNORECASE
_UN_CONTEXT = re.compile(r"\bU\.?N\.?\b|\bUnited Nations\b")
# In the text's lower case, what every text that may report a UN vote holds: a council or assembly
# (referred to or named), the UN, a veto, a UN document or a Main Committee. Most texts hold none.
_UN_HINT_WORDS = ("council", "assembly", "world body", "veto", "united nations", "unga", "unsc", "unhrc", "ecosoc")
_UN_HINT = re.compile(r"u(?<!\wu)\.?n\b|/(?<=\b[aes]/)\d|resolution \d")  # literal first: a fast scan
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")

_ORDINAL = r"(First|Second|Third|Fourth|Fifth|Sixth)"
_BODY_NOUNS = r"(?:Council|Assembly|Board|Committee|Commission|Conference)"
_NAME_WORD = r"[A-Z][\w'’.&-]*"
# (pattern, body, finder): a finder of a pattern that ignores case reads the text in lower case
# (see extraction.scanning).
_BODY_PATTERNS: list[tuple[re.Pattern, str, re.Pattern]] = [
    (re.compile(r"\bHuman Rights Council\b|\bUNHRC\b|\brights council\b", _F), HUMAN_RIGHTS_COUNCIL,
     re.compile(r"h(?=uman rights council)|u(?=nhrc)|r(?=ights council)")),
    (re.compile(rf"\b{_ORDINAL} Committee\b"), "committee", re.compile(r"[FST](?=[a-z]+ Committee)")),
    (re.compile(r"\bSecurity Council\b|\bUNSC\b", _F), SECURITY_COUNCIL,
     re.compile(r"s(?=ecurity council)|u(?=nsc)")),
    (re.compile(r"\bGeneral Assembly\b|\bUNGA\b", _F), GENERAL_ASSEMBLY,
     re.compile(r"g(?=eneral assembly)|u(?=nga)")),
    (re.compile(r"\bEconomic and Social Council\b|\bECOSOC\b", _F), ECONOMIC_AND_SOCIAL_COUNCIL,
     re.compile(r"e(?=conomic and social council|cosoc)")),
    (re.compile(r"\b(?:the|this)\s+(?:\d+-\w+\s+)?(?P<ref>[Cc]ouncil|[Aa]ssembly|Committee)\b", _F),
     "reference", re.compile(r"t(?=h(?:e|is)\s+(?:\d+-\S+\s+)?(?:council|assembly|committee))")),
    (re.compile(rf"\b(?:{_NAME_WORD}\s+){{1,5}}{_BODY_NOUNS}\b"), "named",
     re.compile(rf"[A-Z](?<!\w.)(?=[\w'’.&-]*\s+(?:{_NAME_WORD}\s+){{0,4}}{_BODY_NOUNS})")),
    (re.compile(r"\b(?:the|this)\s+(?:\d+-\w+\s+)?world body\b"), "reference",
     re.compile(r"t(?<!\w.)(?=h(?:e|is)\s+(?:\d+-\w+\s+)?world body)")),
]
_COUNCILS = (SECURITY_COUNCIL, HUMAN_RIGHTS_COUNCIL, ECONOMIC_AND_SOCIAL_COUNCIL)
# Before a body its sentence is about: nothing, or "The", "At the", "In the U.N.", "The 15-member".
_LEADING = re.compile(r"(?:\A|[.!?:;\n])\s*(?:(?:The|A|An|At|In|By|the|U\.N\.|UN|United\s+Nations|\d+-\w+)\s+)*\Z")
LEADING_REACH = 60  # characters looked back for the start of a body's sentence


class BodyMention(NamedTuple):
    """``text[start:end]`` names ``body``; ``leading``: the sentence begins with it, it acts there."""

    start: int
    end: int
    body: str
    leading: bool = False


def is_un_body(body: str) -> bool:
    """Whether ``body`` is a UN organ whose votes are reported (a Main Committee too)."""
    return body in UN_BODIES or body.startswith(GENERAL_ASSEMBLY + " ")


def names_the_un(text: str) -> bool:
    return bool(_UN_CONTEXT.search(text))


def may_speak_of_the_un(folded: str) -> bool:
    """A fast first look at a text's lower case (``fold_case``): whether it may report a UN vote."""
    return bool(any(word in folded for word in _UN_HINT_WORDS) or _UN_HINT.search(folded)
                or _names_a_main_committee(folded))


def _names_a_main_committee(folded: str) -> bool:
    at = folded.find(" committee")
    while at != -1:
        if folded[max(0, at - 6):at].endswith(_ORDINALS):
            return True
        at = folded.find(" committee", at + 1)
    return False


def body_mentions(text: str, folded: str) -> list[BodyMention]:
    """Every body mention, in order; "the council" follows the last council named (``folded``: the
    text's ``fold_case``)."""
    found: list[tuple[int, int, str]] = []  # in order, never overlapping
    for pattern, body, finder in _BODY_PATTERNS:
        ends = [end for _, end, _ in found]
        finder_text = folded if pattern.flags & re.IGNORECASE else text
        new = [
            (match.start(), match.end(), _body_name(match, body))
            for match in finditer_where(pattern, text, finder, finder_text)
            if not _overlaps(found, ends, match.start(), match.end())
        ]
        found = sorted(found + new)
    return _resolved(text, found)


def _resolved(text: str, found: list[tuple[int, int, str]]) -> list[BodyMention]:
    """The mentions with each reference ("council", "assembly", "committee") resolved."""
    resolved = []
    last = {"council": SECURITY_COUNCIL, "assembly": GENERAL_ASSEMBLY, "committee": None}
    for start, end, name in found:
        if name in last:
            name = last[name]
        elif name in _COUNCILS or name.endswith("Council"):
            last["council"] = name
        elif name == GENERAL_ASSEMBLY or name.endswith("Assembly"):
            last["assembly"] = name
        elif name.endswith("Committee"):
            last["committee"] = name
        if name:
            leading = bool(_LEADING.search(text, max(0, start - LEADING_REACH), start))
            resolved.append(BodyMention(start, end, name, leading))
    return resolved


def _overlaps(spans: list[tuple[int, int, str]], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans``, which are in order and never overlap (so
    their ``ends`` ascend too)."""
    first_ending_after = bisect_right(ends, start)
    return first_ending_after < len(spans) and spans[first_ending_after][0] < end


def _body_name(match: re.Match, body: str) -> str:
    """The body one pattern match names; "council"/"assembly"/"committee" for a reference."""
    if body == "committee":
        return f"{GENERAL_ASSEMBLY} {match.group(1).title()} Committee"
    if body == "reference":
        return (match.groupdict().get("ref") or "assembly").lower()
    if body == "named":
        name = re.sub(r"^The\s+", "", match.group()).strip()
        return name.lower() if name in ("Council", "Assembly", "Committee") else name
    return body


class Bodies:
    """The body mentions of one text, found by offset."""

    def __init__(self, mentions: list[BodyMention]) -> None:
        self.mentions = mentions
        self._starts = [mention.start for mention in mentions]
        self._leading = [mention for mention in mentions if mention.leading]
        self._leading_starts = [mention.start for mention in self._leading]

    def between(self, start: int, end: int) -> list[BodyMention]:
        """The mentions that start in [start, end)."""
        return self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def nearest(self, offset: int) -> str:
        """The body a sentence before ``offset`` is about, else the body named last before it, else
        first after it, else ``UNKNOWN_BODY``."""
        if leading_before := bisect_left(self._leading_starts, offset):
            return self._leading[leading_before - 1].body
        first_after = bisect_left(self._starts, offset)
        if first_after:
            return self.mentions[first_after - 1].body
        return self.mentions[first_after].body if self.mentions else UNKNOWN_BODY


def acting_body(bodies: list[BodyMention], first_vote_word: int | None) -> str | None:
    """The body that acts in a piece: the one its sentence begins with ("The Assembly called on the
    Council to ..., adopting"), else the last one named before the first vote word, else the first
    one named ("The Assembly on Friday backed ... recommending the Council ...")."""
    if not bodies:
        return None
    if bodies[0].leading:
        return bodies[0].body
    before = [b for b in bodies if first_vote_word is not None and b.start < first_vote_word]
    return (before[-1] if before else bodies[0]).body
