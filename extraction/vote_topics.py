"""Votes named by what they were about: in a list of topics (a heading's "Votes on A, B, C",
"Assembly Also Acts on A, B, C", a lede's "approved 16 drafts, tackling issues including A, B and
C"), or told before their outcome ("the Assembly took a separate recorded vote on paragraph 5", "By
one text on disarmament, the Assembly ...").

Each topic is a text the body acted on, one vote each: adopted when the list's piece says texts were
adopted or approved, else not said. A later piece that tells one of them in full (its tally, how it
was adopted) completes that vote rather than telling another: it names every word of the topic.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
# What introduces a list of topics, each the subject of a text acted on.
# "issues including" lists the topics of texts only where the piece says texts were adopted.
_TOPICS = re.compile(
    r"\b(?:(?:acts?|acted|acting|took\s+action)\s+on"
    r"|(?:votes|texts|drafts|resolutions|decisions)\s+on"
    r"|(?P<issues>issues|topics|questions|matters|subjects)\s+(?:including|such\s+as))"
    r"\s+(?P<list>[^.;:()\n]+)", _F)
_TEXTS_ADOPTED = re.compile(r"\b(?:adopt|approv|pass)\w*\s+(?:\w+\s+){0,3}?(?:texts|drafts|resolutions|decisions)\b",
                            _F)
# A record of a body's work over time, not votes of the meeting told: "has passed resolutions on A, B"
_RECORD = re.compile(r"\b(?:has|have)\s+(?:\w+\s+){0,4}?(?:passed|adopted|approved|voted|acted)\b", _F)
_LIST_END = re.compile(r"[\s.,;:!?]*")  # the list ends its piece: a heading's or a sentence's last words
_QUOTE = re.compile(r"[\"“”‘’]")
# A vote told without its outcome: "took a recorded vote on", and a press release's "By one text on".
_TOOK_A_VOTE = re.compile(r"\b(?:took|held)\s+an?\s+(?:separate\s+)?(?:recorded\s+)?vote\s+on\b", _F)
_BY_A_TEXT = re.compile(r"By\s+(?:one|a|another)\s+(?:text|resolution|draft|decision)\s+(?:on|concerning|entitled)\b")
_ITEM_JOINT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_LEADING_WORD = re.compile(r"^(?:the|on|of|about|concerning)\s+", _F)  # "texts on A and on B"
MAX_TOPIC_WORDS = 6  # a longer item is a clause, not a topic
_ADOPTION = re.compile(r"\b(?:adopt|approv|pass)(?:s|es|ed|ing|e)?\b", _F)
_WORD = re.compile(r"[A-Za-z]{3,}")
_NOT_A_TOPIC_WORD = frozenset({"the", "and", "for", "with", "from", "into", "its", "their", "all", "other", "this",
                               "that", "these", "those", "them"})
STEM = 6  # letters a topic word is compared by: "humanitarian" and "humanitarians" agree


def topics_in(text: str, start: int, end: int) -> list[str]:
    """The topics a list ending ``text[start:end]`` names (two or more), else []."""
    found = _TOPICS.search(text, start, end)
    if found is None or not _LIST_END.fullmatch(text, found.end(), end) or _RECORD.search(text, start, end):
        return []
    if found.group("issues") and not _TEXTS_ADOPTED.search(text, start, end):
        return []  # "The Council discussed issues including A and B"
    items = [_LEADING_WORD.sub("", item.strip()) for item in _ITEM_JOINT.split(found.group("list"))]
    if len(items) < 2 or not all(_is_topic(item) for item in items):
        return []
    return items


def _is_topic(item: str) -> bool:
    """A short phrase of words, not a pronoun, a number or someone's quoted words."""
    return len(item.split()) <= MAX_TOPIC_WORDS and bool(topic_words(item)) and not _QUOTE.search(item)


def tells_a_vote_taken(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` tells that a vote was taken on a text, outcome aside."""
    return bool(_TOOK_A_VOTE.search(text, start, end) or _BY_A_TEXT.match(text, start, end))


def adopts(text: str, start: int, end: int) -> bool | None:
    """True when the piece says texts were adopted or approved, else None (not said)."""
    return True if _ADOPTION.search(text, start, end) else None


def topic_words(text: str) -> frozenset[str]:
    """The words a topic is recognised by, cut to their stems."""
    return frozenset(word.lower()[:STEM] for word in _WORD.findall(text) if word.lower() not in _NOT_A_TOPIC_WORD)
