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
# (referred to or named), the UN, a veto, a UN document, a UN press release's symbol or a Main
# Committee. Most texts hold none.
_UN_HINT_WORDS = ("council", "assembly", "world body", "veto", "united nations", "unga", "unsc", "unhrc", "ecosoc",
                  "ga/", "sc/")
_UN_HINT = re.compile(r"u(?<!\wu)\.?n\b|/(?<=\b[aes]/)\d|resolution \d")  # literal first: a fast scan
# How the name of a Main Committee ends, in lower case: "first", "and financial", "legal", "budget"...
_MAIN_COMMITTEE_ENDINGS = ("first", "second", "third", "fourth", "fifth", "sixth", "security", "financial",
                           "cultural", "decolonization", "budgetary", "legal", "budget", "human rights")
_LONGEST_ENDING = max(map(len, _MAIN_COMMITTEE_ENDINGS))

_ORDINAL = r"(First|Second|Third|Fourth|Fifth|Sixth)"
_BODY_NOUNS = r"(?:Council|Assembly|Board|Committee|Commission|Conference)"
_NAME_WORD = r"[A-Z][\w'’.&-]*"
_SPACE = r"[^\S\n]+"  # a name never runs over a line's end
# The Main Committees by their names, and as news calls them ("the Assembly's budget committee").
_MAIN_COMMITTEE_NAMES = {
    r"Disarmament\s+and\s+International\s+Security": "First", r"Economic\s+and\s+Financial": "Second",
    r"Social,?\s+Humanitarian\s+and\s+Cultural": "Third", r"Special\s+Political\s+and\s+Decolonization": "Fourth",
    r"Administrative\s+and\s+Budgetary": "Fifth", r"Legal": "Sixth",
}
_MAIN_COMMITTEE_SHORT_NAMES = {
    "disarmament": "First", "economic": "Second", r"human\s+rights": "Third", "social": "Third", "budget": "Fifth",
    "legal": "Sixth",
}
# (pattern, body, finder): a finder of a pattern that ignores case reads the text in lower case
# (see extraction.scanning).
_BODY_PATTERNS: list[tuple[re.Pattern, str, re.Pattern]] = [
    (re.compile(r"\bHuman Rights Council\b|\bUNHRC\b|\brights council\b", _F), HUMAN_RIGHTS_COUNCIL,
     re.compile(r"h(?=uman rights council)|u(?=nhrc)|r(?=ights council)")),
    (re.compile(rf"\b{_ORDINAL} Committee\b"), "committee", re.compile(r"[FST](?=[a-z]+ Committee)")),
    (re.compile(rf"\b(?:{'|'.join(_MAIN_COMMITTEE_NAMES)})\s+Committee\b|\bAssembly['’]s\s+(?P<short>"
                rf"{'|'.join(_MAIN_COMMITTEE_SHORT_NAMES)})\s+committee\b", _F), "main committee",
     re.compile(r"[dsal](?=isarmament and|ocial,? humanitarian|pecial political|dministrative and|egal committee"
                r"|ssembly['’]s )|e(?=conomic and financial)")),
    (re.compile(r"\bSecurity Council\b|\bUNSC\b", _F), SECURITY_COUNCIL,
     re.compile(r"s(?=ecurity council)|u(?=nsc)")),
    (re.compile(r"\bGeneral Assembly\b|\bUNGA\b", _F), GENERAL_ASSEMBLY,
     re.compile(r"g(?=eneral assembly)|u(?=nga)")),
    (re.compile(r"\bEconomic and Social Council\b|\bECOSOC\b", _F), ECONOMIC_AND_SOCIAL_COUNCIL,
     re.compile(r"e(?=conomic and social council|cosoc)")),
    (re.compile(r"\b(?:the|this)\s+(?:\d+-\w+\s+)?(?:U\.?N\.?\s+)?(?P<ref>council|assembly|committee)\b", _F),
     "reference", re.compile(r"t(?=h(?:e|is)\s+(?:\d+-\S+\s+)?(?:u\.?n\.?\s+)?(?:council|assembly|committee))")),
    (re.compile(rf"\b(?:{_NAME_WORD}{_SPACE}){{1,5}}{_BODY_NOUNS}\b"), "named",
     re.compile(rf"[A-Z](?<!\w.)(?=[\w'’.&-]*{_SPACE}(?:{_NAME_WORD}{_SPACE}){{0,4}}{_BODY_NOUNS})")),
    (re.compile(r"\b(?:the|this)\s+(?:\d+-\w+\s+)?world body\b"), "reference",
     re.compile(r"t(?<!\w.)(?=h(?:e|is)\s+(?:\d+-\w+\s+)?world body)")),
]
_COUNCILS = (SECURITY_COUNCIL, HUMAN_RIGHTS_COUNCIL, ECONOMIC_AND_SOCIAL_COUNCIL)
# "the First Committee at the U.N. General Assembly": the Assembly only says whose committee it is
_COMMITTEE_OF_THE_ASSEMBLY = re.compile(r"\s+(?:at|of)\s+the\s+(?:U\.?N\.?\s+|United\s+Nations\s+)?")
# A UN press release's symbol, at its head: "GA/12570" (the Assembly), "GA/SHC/4221" (its Third
# Committee), "SC/13221" (the Security Council). The Main Committees' series, in their order.
_PRESS_RELEASE = re.compile(r"\b(?P<series>GA|SC)/(?:(?P<committee>DIS|EF|SHC|SPD|AB|L)/)?\d{3,5}\b")
_COMMITTEE_SERIES = {"DIS": "First", "EF": "Second", "SHC": "Third", "SPD": "Fourth", "AB": "Fifth", "L": "Sixth"}
_POSSESSIVE = re.compile(r"['’]s\s+")
# Named in the topic of a text acted on: "the draft on the report of the Special Committee"
_IN_A_TOPIC = re.compile(r"\b(?:draft|text|resolution|decision)s?\s+(?:resolution\s+)?(?:on|entitled|concerning"
                         r"|regarding)\b[^.;:,()\n]*\Z", _F)
TOPIC_REACH = 80  # characters looked back for the start of a topic
HEAD = 600  # characters of a text that hold its heading
# Before a body its sentence is about: nothing, or "The", "At the", "In the U.N.", "The 15-member", "The
# General Assembly's".
_LEADING = re.compile(r"(?:\A|[.!?:;\n])\s*(?:(?:The|A|An|At|In|By|the|U\.N\.|UN|United\s+Nations|\d+-\w+"
                      r"|(?:General\s+)?Assembly['’]s)\s+)*\Z")
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
    """"the Third Committee", "the Legal Committee", "the Assembly's budget committee"."""
    at = folded.find(" committee")
    while at != -1:
        if folded[max(0, at - _LONGEST_ENDING):at].endswith(_MAIN_COMMITTEE_ENDINGS):
            return True
        at = folded.find(" committee", at + 1)
    return False


def body_mentions(text: str, folded: str, default: str | None = None) -> list[BodyMention]:
    """Every body mention, in order; "the council" follows the last council named (``folded``: the
    text's ``fold_case``; ``default``: the body a press release covers, which "the Committee" names
    when no committee is)."""
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
    committee = default if default and default.endswith("Committee") else None
    return _resolved(text, found, committee)


def _resolved(text: str, found: list[tuple[int, int, str]], committee: str | None) -> list[BodyMention]:
    """The mentions with each reference ("council", "assembly", "committee") resolved: to the last
    body of its kind named before, else the Council, the Assembly, or ``committee``."""
    resolved: list[BodyMention] = []
    last = {"council": SECURITY_COUNCIL, "assembly": GENERAL_ASSEMBLY, "committee": committee}
    for index, (start, end, name) in enumerate(found):
        if name not in last and _IN_A_TOPIC.search(text, max(0, start - TOPIC_REACH), start):
            continue  # "the draft on the work of the Special Committee": no body acting
        name = last.get(name, name)
        if not name or _qualifies_a_committee(text, resolved, start, name) or _owns_a_committee(text, found, index):
            continue
        last[_kind(name) or "other"] = name
        leading = bool(_LEADING.search(text, max(0, start - LEADING_REACH), start))
        resolved.append(BodyMention(start, end, name, leading))
    return resolved


def _owns_a_committee(text: str, found: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the Assembly named at ``found[index]`` only owns the committee named right after it ("the
    General Assembly's Fourth Committee")."""
    end, name = found[index][1:]
    if name != GENERAL_ASSEMBLY or index + 1 == len(found):
        return False
    following_start, _, following = found[index + 1]
    return following.startswith(GENERAL_ASSEMBLY + " ") and bool(_POSSESSIVE.fullmatch(text, end, following_start))


def _kind(name: str) -> str | None:
    """What a reference to this body says: "council", "assembly" or "committee"."""
    if name in _COUNCILS or name.endswith("Council"):
        return "council"
    if name == GENERAL_ASSEMBLY or name.endswith("Assembly"):
        return "assembly"
    return "committee" if name.endswith("Committee") else None


def _qualifies_a_committee(text: str, resolved: list[BodyMention], start: int, name: str) -> bool:
    """Whether the Assembly named at ``start`` only says whose is the committee named before it."""
    return bool(name == GENERAL_ASSEMBLY and resolved and resolved[-1].body.startswith(GENERAL_ASSEMBLY + " ")
                and _COMMITTEE_OF_THE_ASSEMBLY.fullmatch(text, resolved[-1].end, start))


def press_release_body(text: str) -> str | None:
    """The body whose meeting a UN press release covers, by the symbol at its head, else None."""
    symbol = _PRESS_RELEASE.search(text, 0, HEAD)
    if symbol is None:
        return None
    if symbol.group("series") == "SC":
        return SECURITY_COUNCIL
    committee = symbol.group("committee")
    return f"{GENERAL_ASSEMBLY} {_COMMITTEE_SERIES[committee]} Committee" if committee else GENERAL_ASSEMBLY


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
    if body == "main committee":
        return f"{GENERAL_ASSEMBLY} {_main_committee(match)} Committee"
    if body == "named":
        name = re.sub(r"^The\s+", "", match.group()).strip()
        return name.lower() if name in ("Council", "Assembly", "Committee") else name
    return body


def _main_committee(match: re.Match) -> str:
    """The ordinal of the Main Committee a name or a short name stands for ("Legal" -> "Sixth")."""
    names = _MAIN_COMMITTEE_SHORT_NAMES if match.group("short") else _MAIN_COMMITTEE_NAMES
    said = match.group("short") or match.group()
    return next(ordinal for name, ordinal in names.items() if re.match(name, said, _F))


class Bodies:
    """The body mentions of one text, found by offset."""

    def __init__(self, mentions: list[BodyMention], default: str | None = None) -> None:
        self.mentions = mentions
        self.default = default or UNKNOWN_BODY
        self._starts = [mention.start for mention in mentions]
        self._leading = [mention for mention in mentions if mention.leading]
        self._leading_starts = [mention.start for mention in self._leading]

    def between(self, start: int, end: int) -> list[BodyMention]:
        """The mentions that start in [start, end)."""
        return self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def nearest(self, offset: int) -> str:
        """The body a sentence before ``offset`` is about, else the body named last before it, else
        first after it, else the text's default (a press release's body, else ``UNKNOWN_BODY``)."""
        if leading_before := bisect_left(self._leading_starts, offset):
            return self._leading[leading_before - 1].body
        first_after = bisect_left(self._starts, offset)
        if first_after:
            return self.mentions[first_after - 1].body
        return self.mentions[first_after].body if self.mentions else self.default


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
