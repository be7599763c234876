"""What a vote was about, as a clean noun phrase: "resolution demanding a ceasefire in Aden".

Read from one piece of text: a document noun ("resolution", "draft", "text"...) and the words
describing it, the purpose after "voted to", else what the body did ("The Council extended the
mandate of ..."). The description stops where the sentence moves on (a verb, "by 120 votes",
"on Monday", "in the Security Council", "for a period of", "as", "amid"...).
When no phrase of at least two clean words is found the subject is None: nothing is better
than a fragment.
"""

from __future__ import annotations

import re

from extraction.lexicon import MONTH_NAMES, PREDICATE_VERBS, VOTED_TEXT_NOUNS
from extraction.numbers import NUMBER

_MONTH = "|".join(MONTH_NAMES)
_VOTED_TEXT = "|".join(VOTED_TEXT_NOUNS)
_PREDICATE_VERB = "|".join(PREDICATE_VERBS)

MAX_WORDS = 24  # a longer description is cut back to before its last prepositional phrase
_WORD = r"[\w’'“”\"‘-]+"
# The next word of a description; a comma only inside a coordinated list of single words that
# ends in "and"/"or": "an immediate, unconditional and permanent ceasefire".
_NEXT = rf"(?:\s+{_WORD}|,\s+[a-z][\w-]*(?=(?:,\s+[a-z][\w-]*)*,?\s+(?:and|or)\s))"
_SUBJECT = re.compile(
    rf"\b(?:(?P<article>an?|the)\s+)?(?P<head>(?(article)(?:[\w-]+\s+){{0,2}}?|)(?:{_VOTED_TEXT}))\b"
    rf"(?P<rest>\s+[a-z“\"‘]{_WORD}{_NEXT}{{0,{MAX_WORDS}}})?"
    rf"|\bvoted\s+(?:\w+ly\s+)?to\s+(?P<purpose>[a-z]{_WORD}{_NEXT}{{1,{MAX_WORDS}}})")
# What a body did, when no document is named: "The Council on Friday extended the mandate of ...".
_ACTION = re.compile(
    rf"\b(?i:council|assembly|committee)(?:\s+(?:on\s+\w+|today|this\s+\w+|\w+ly))*\s+"
    r"(?P<action>(?!(?:adopted|passed|approved|voted|rejected|vetoed|failed)\b)[a-z]+ed\s+"
    rf"(?:the|an?)\s+{_WORD}{_NEXT}{{1,{MAX_WORDS}}})")
# Where a description ends: the sentence's verb, the tally, the date, the body, a new clause.
_TAIL = re.compile(
    rf"\s+(?:(?:by|with)\s+(?:an?\s+)?(?:recorded\s+)?(?:vote|{NUMBER})|\d{{1,3}}\s*[-–]\s*\d{{1,3}}"
    r"|without\s+(?:a\s+)?vote|by\s+consensus"
    rf"|on\s+(?:\d|[A-Z]\w+day|[A-Z][a-z]+\.?\s+\d)|in\s+(?:{_MONTH}|(?:19|20)\d\d)"
    r"|(?:last|this)\s+\w+|today|yesterday|for\s+a\s+(?:further\s+)?period|by\s+\w+ing"
    r"|and\s+(?:requested|decided|called|urged|asked|invited|encouraged)"
    r"|(?:in|at|by|before|of)\s+the\s+[^,]*?(?:Council|Assembly|Committee|council|assembly)"
    r"|as|while|after|amid|following|despite|because|but|in\s+an?"
    rf"|(?<!\bthat\s)(?<!\bwhich\s)(?:{_PREDICATE_VERB}))\b.*$", re.DOTALL)
# A description that is really the sentence going on: "draft was vetoed", "text vetoed by X".
_PREDICATE = re.compile(rf"\s+(?:(?:{_PREDICATE_VERB})\b|\w+ly\s+\w+ed\b"
                        r"|(?:vetoed|rejected|approved|blocked|backed|supported|endorsed)\s+by\b)")
# "a similar resolution" speaks of another vote without saying what it was about.
_REFERENCE_ONLY = re.compile(r"(?:similar|previous|earlier|prior|same|separate|another|such|other)\s+\w+$",
                             re.IGNORECASE)
_PREPOSITION = re.compile(r"\s+(?:of|on|in|for|to|at|with|by|from|about|against)\s")
_NEXT_WORD = re.compile(_NEXT)
_TRAILING_ADVERBS = re.compile(r"(?:\s+[a-z]+ly)+\s*$")  # "resolution unanimously (on Monday)"
_QUOTE_MARKS = re.compile(r"[“”\"]|‘(?=\w)|(?<=\w)’(?!\w)")


def vote_subject(piece: str) -> str | None:
    """The clearest subject phrase in ``piece``, or None."""
    fallback = None
    for match in _SUBJECT.finditer(piece):
        phrase, complete = _phrase(match)
        if phrase is None:
            continue
        words = len(phrase.split())
        if complete and words >= 3:
            return phrase
        if words >= 2:
            fallback = fallback or phrase
    if action := _ACTION.search(piece):
        return _described(action, action.group("action"))
    return fallback


def _phrase(match: re.Match) -> tuple[str | None, bool]:
    """(phrase, whether it describes the document) for one match."""
    if match.group("purpose"):
        return _described(match, match.group("purpose")), True
    head, rest = match.group("head"), match.group("rest") or ""
    if not (match.group("article") or rest):
        return None, False
    if _PREDICATE.match(rest):
        rest = ""
    if not _TAIL.sub("", rest).strip():
        return (None, False) if _REFERENCE_ONLY.fullmatch(head) else (_clean(head), False)
    return _described(match, head + rest), True


def _described(match: re.Match, raw: str) -> str:
    """``raw`` as a clean phrase; cut back before its last prepositional phrase when the word limit,
    not a natural boundary, ended it ("... on the situation of human" -> "... on the situation")."""
    if not _TAIL.search(raw) and _NEXT_WORD.match(match.string, match.end()):
        prepositions = list(_PREPOSITION.finditer(raw))
        raw = raw[:prepositions[-1].start()] if prepositions else raw
    return _clean(raw)


def _clean(phrase: str) -> str:
    """The phrase without quotation marks, trailing tally/date words and adverbs or dangling punctuation."""
    phrase = _TRAILING_ADVERBS.sub("", _TAIL.sub("", phrase))
    return " ".join(_QUOTE_MARKS.sub("", phrase).split()).strip(" ,–—-")
