"""Vote counts stated in one piece of text.

"by a recorded vote of 99 in favour to 8 against", "The vote was 120 to 9", "141 votes yes,
5 no", "12 of the Council's 15 members voted in favour", "one (Chile) voted against",
"just 7, including Peru, voted no", "A, B and 20 other countries abstained", "passed 120-14",
"14 to none", "the support of 153 votes", "11 others abstained", "nine against, including A
and B". Each count comes back as a :class:`Tally`, with the span where the text names some of its countries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extraction.numbers import NUMBER, NUMBER_IN_WORDS, parse_number

COUNTS = ("yes", "no", "abstain", "absent")

_F = re.IGNORECASE
_N = NUMBER
_NOUN = (r"(?:(?:(?:out\s+)?of\s+(?:the\s+)?(?:[\w’'.]+\s+){0,3}?(?:\d+\s+)?)?"  # "12 of the Council's 15"
         r"(?:other\s+|UN\s+|U\.N\.\s+)?(?:countries|states|nations|members|member\s+states"
         r"|delegations|governments|votes|council\s+members|others)"
         r"(?:\s+of\s+the\s+[\w-]+(?:\s+[\w-]+)?"  # "members of the Security Council"
         r"|\s+(?:on|in)\s+the\s+(?:[\w-]+\s+){0,2}?(?:council|assembly|committee))?)")  # "on the 15-member council"
# A list of capitalised names: "the US, Israel and Austria", "Democratic Republic of the Congo".
_NAME = r"(?-i:[A-Z])[\w.'’-]*"
_NAME_LIST = rf"(?:the\s+)?{_NAME}(?:(?:\s*,\s*|\s+)(?:(?:and|the|of|as\s+well\s+as)\s+)*{_NAME})*"
# Names set off between a count and its verb: "one (Chile) voted", "just 7, including Peru, voted",
# "23 countries including A, B and C abstained", "five – among them A and B – voted", "two -- A and B --".
_DASH = r"(?:--|[–—])"
_SET_OFF = rf"(?:\s*(?:,|{_DASH})\s*|\s+)"
_NAMED = (rf"(?:\(\s*(?P<paren>[^()]{{1,200}})\)\s*"
          rf"|{_SET_OFF}(?:including|among\s+them|such\s+as)\s+(?P<including>{_NAME_LIST}){_SET_OFF}"
          rf"|\s*{_DASH}\s*(?P<dashed>{_NAME_LIST})\s*{_DASH}\s*)?")
# Names set off right after a count: "nine against, including A and B", "9 no – including A –", "two
# abstentions, from A and B".
_TRAILING_NAMED = re.compile(
    rf"(?:\s+(?:votes?\s+)?(?:in\s+favou?r|against))?\s*(?:[,(]|{_DASH})\s*(?:including|among\s+them|such\s+as|from)\s+"
    rf"(?P<names>{_NAME_LIST})", _F)
_ZERO_WORDS = ("none", "nil", "no")  # "by a vote of 14 to none", "with no abstentions"
# Figures in a row, yes first: "120-14", "120-14-45".
_FIGURES = r"(?P<yes>\d{1,3})\s*[-–—]\s*(?P<no>\d{1,3})(?:\s*[-–—]\s*(?P<abstain>\d{1,3}))?"
# What a verb acted on, up to a comma, in one clause ("U.N." does not end it).
_OBJECT = r"(?:\s+(?:[^\s.;:,]|\.(?=\S))+){1,20}"
_LINK = r"(?:\s*[-–—,]\s*|\s*)(?:(?:have|had|has|also|all|then)\s+)*"
_AFTER_VERB = r"(?:[\w’'-]+\s+){0,3}?[“\"‘']?"
_VERB = r"(?:voted|voting|votes?|were)\s+"
_LABELLED_END = r"(?=\s*(?:[\n;,.)]|$))"
_PATTERNS = [re.compile(pattern, _F) for pattern in (
    # "by a recorded vote of 99 in favour to 8 against", "The vote was 120 to 9"
    rf"\b(?:by|(?:vote|tally)\s+(?:[\w.-]+\s+){{0,5}}?(?:was|of|stood\s+at))\s+(?:an?\s+)?"
    rf"(?:recorded\s+)?(?:vote\s+of\s+)?(?P<yes>{_N})\s+(?:votes?\s+)?(?:in\s+favou?r\s+)?to\s+"
    rf"(?P<no>{_N}|none|nil)\b",
    # "voted 13-2", "by a vote of 143-5-35", "a 143-5-35 vote", "passed 120-14", "adopted it 12-0", "The
    # vote was 143-5", "passed a resolution 13-0"
    r"\b(?:vote[ds]?|voting|tally|by|of|passed|adopted|approved|carried|rejected|defeated|failed)\s+"
    rf"(?:of\s+|it\s+|was\s+|(?:an?|the|its)\s+(?:[\w-]+\s+){{0,3}}?[\w-]+\s+)?{_FIGURES}\b(?![-/])",
    rf"\b{_FIGURES}\s+(?:vote|tally)\b",
    # set off after what was voted on: "adopted a text on Monday urging talks, 120-14 with 45 abstentions"
    rf"\b(?:passed|adopted|approved|backed|endorsed|rejected|defeated){_OBJECT},\s+{_FIGURES}\b(?![-/])"
    r"(?=\s*,?\s*(?:with\b|[.;]|$))",
    # "adopted ... by 153 votes", "adopted on 3 May with 99 votes", "received 99 votes": not a
    # margin ("lost by 2 votes") nor a count against
    rf"(?<!failed\s)(?<!lost\s)(?<!won\s)(?<!short\s)(?<!margin\s)\b(?:by|with|received|won|got"
    rf"|garnered|secured)\s+(?P<yes>{_N})\s+votes\b(?!\s+(?:in\s+favou?r\s+)?(?:to|against|no)\b)",
    # "received the support of 153 votes", "with the backing of 99 member states", "backing from 141 countries"
    rf"\b(?:support|backing|votes)\s+(?:of|from)\s+(?P<yes>{_N})\s+{_NOUN}\b(?!\s+(?:to|against)\b)",
    rf"(?P<yes>{_N})(?:\s+{_NOUN})?\s*{_NAMED}(?:(?:in\s+favou?r\b)|(?:{_LINK}{_VERB}{_AFTER_VERB}"
    rf"(?:in\s+favou?r|for|yes)\b)|(?:(?:that|which|who)\s+(?:supported|backed)))",
    rf"(?P<yes>{_N})\s+{_NOUN}\s+(?:{_LINK})?(?:approved|supported|backed|endorsed)\s+(?:the|it)\b",
    rf"\b(?:supported|backed|approved)\s+by\s+(?P<yes>{_N})\s+{_NOUN}"
    rf"(?:,?\s+including\s+(?P<including>[^;]{{1,200}}))?",
    rf"(?P<no>{_N})(?:\s+{_NOUN})?\s*{_NAMED}(?:(?:against|opposed|no\s+votes)\b|(?:{_LINK}{_VERB}"
    rf"{_AFTER_VERB}(?:against|no)\b))",
    rf"(?:,|\band)\s+(?P<no>{_N})\s+(?:votes?\s+)?(?:no|nays?)\b(?!-)",  # "141 yes, 5 no"
    rf"(?P<abstain>{_N})(?:\s+{_NOUN})?\s*{_NAMED}(?:{_LINK})?(?:abstained|abstaining|abstentions?"
    r"|abstain)\b",
    r"\b(?P<abstain>no|none)\s+(?:(?:countries|states|members|delegations)\s+)?(?:abstentions|abstained)\b",
    rf"(?P<absent>{_N})\s+(?:{_NOUN}\s*)?(?:{_LINK})?(?:did\s+not|didn't)\s+(?:vote|take\s+part"
    rf"|participate)|(?P<absent2>{_N})\s+(?:{_NOUN}\s*)?(?:were\s+)?(?:absent|not\s+voting)\b",
    rf"(?P<yes>{_N})\s+for(?=\s*[,;)]|\s+(?:and|to|with)\b)",  # "(19 against, 17 for, 11 abstentions)"
    # labelled figures, each ending its line or clause: "Votes in favour: 20", "Abstentions: 20"
    rf"\bin\s+favou?r\s*:\s*(?P<yes>{_N}){_LABELLED_END}",
    rf"\bagainst\s*:\s*(?P<no>{_N}){_LABELLED_END}",
    rf"\b(?:abstentions?|abstaining|abstained)\s*:\s*(?P<abstain>{_N}){_LABELLED_END}",
)]
# "the other two – A and B – voted in favour": a group told before, not a count ("the other 13
# members voted in favour" is one)
_PART = re.compile(r"\bother\s+$", _F)
_OTHERS = re.compile(r"\band\s+$", _F)  # "Chile, Peru and 20 other countries": names add up
_JOINED = re.compile(
    rf"(?P<n>{_N})\s+(?:{_NOUN}\s+)?joined\s+(?P<joined>[^.;:]{{1,80}}?)\s+in\s+(?:voting\s+|votes?\s+)?"
    r"(?P<side>against|in\s+favou?r|for|no|yes|abstaining|abstention)", _F)
_REST = re.compile(rf"(?:(?P<n>{_N})\s+)?\b(?:the\s+)?(?:rest|remaining\s+(?:countries|states|members"
                   r"|nations)|all\s+others|others)\s+(?P<what>did\s+not\s+vote|didn't\s+vote|were\s+absent"
                   r"|abstained)", _F)
# Every count holds a figure or a number in words, but "no abstentions": a piece with none of
# them states no count.
_COUNT_HINT = re.compile(rf"\d|{NUMBER_IN_WORDS}|abst", _F)
# Said of a vote: "unanimously", "a unanimous vote", "the vote was unanimous" (not "a unanimous opinion",
# "were unanimous in their condemnation")
_UNANIMOUS = re.compile(r"\bunanimously\b|\bunanimous\s+(?:vote|votes|decision|approval|adoption|backing|support"
                        r"|consent|ballot)\b|\b(?:vote|decision|ballot)\s+was\s+unanimous\b"
                        r"|\bwithout\s+(?:a\s+)?(?:dissent|objection)\b", _F)


# The words naming each position, the first to match deciding: "abstained from voting for" abstains.
_SIDES = (
    ("abstain", re.compile(r"abstain|abstention")),
    ("absent", re.compile(r"absent|not vot|non-voting|n't vote")),
    ("no", re.compile(r"against|oppos|dissent|\bno\b")),
    ("yes", re.compile(r"favou?r|\bfor\b|\byes\b|support|backing")),
)


@dataclass(frozen=True)
class Tally:
    """One count: ``value`` votes cast as ``key``, read from ``text[start:end]``."""

    key: str
    value: int
    start: int
    end: int
    names_start: int | None = None  # where the text lists some of these countries
    names_end: int | None = None
    names_before: bool = False  # the list ends at names_end ("A, B and 20 others abstained")
    names_added: bool = False  # the named countries come on top of ``value`` ("4 joined Chile")


def side(words: str) -> str | None:
    """The position a cue names: "in favour" -> yes, "Abstaining" -> abstain, "opposing" -> no."""
    words = words.lower()
    return next((position for position, cue in _SIDES if cue.search(words)), None)


def find_tallies(text: str, start: int, end: int) -> list[Tally]:
    """Every count stated in ``text[start:end]``; the first pattern to give a key wins."""
    if not _COUNT_HINT.search(text, start, end):
        return []
    tallies: dict[str, Tally] = {}
    for pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            for name, value in match.groupdict().items():
                key = "absent" if name == "absent2" else name
                number = _count(value) if value and key in COUNTS else None
                if number is None or key in tallies or _names_part(text, start, match, name):
                    continue
                tallies[key] = _tally(text, start, match, name, key, number)
    for match in _JOINED.finditer(text, start, end):
        key, number = side(match.group("side")), parse_number(match.group("n"))
        if key and number is not None:
            tallies[key] = Tally(key, number, match.start(), match.end(), *match.span("joined"),
                                 names_added=True)
    return sorted(tallies.values(), key=lambda tally: tally.start)


def _names_part(text: str, start: int, match: re.Match, group: str) -> bool:
    """Whether the count names, between dashes, the rest of a group told before."""
    return bool(match.groupdict().get("dashed") and _PART.search(text, start, match.start(group)))


def _count(phrase: str) -> int | None:
    """The number a count phrase states; "none" is 0."""
    return 0 if phrase.lower() in _ZERO_WORDS else parse_number(phrase)


def _tally(text: str, start: int, match: re.Match, group: str, key: str, number: int) -> Tally:
    """The tally one pattern match states, with the countries it names."""
    named = next((group for group in ("paren", "including", "dashed") if match.groupdict().get(group)), None)
    if named:
        return Tally(key, number, match.start(), match.end(), *match.span(named))
    if trailing := _TRAILING_NAMED.match(text, match.end()):
        return Tally(key, number, match.start(), match.end(), *trailing.span("names"))
    followed_by_other = text[match.end(group):match.end(group) + 7].strip().lower() == "other"
    joint = _OTHERS.search(text, start, match.start())
    if followed_by_other and joint:
        return Tally(key, number, match.start(), match.end(), start, joint.start(),
                     names_before=True, names_added=True)
    return Tally(key, number, match.start(), match.end())


def find_rest(text: str, start: int, end: int) -> str | None:
    """"The rest did not vote" -> "absent", "all others abstained" -> "abstain", else None."""
    for rest in _REST.finditer(text, start, end):
        if rest.group("n") is None:  # "11 others abstained" is a count, not everyone else
            return "abstain" if "abstain" in rest.group("what").lower() else "absent"
    return None


def unanimity_claims(text: str, start: int, end: int) -> Iterator[re.Match]:
    """Where the piece says a vote was unanimous or without objection."""
    return _UNANIMOUS.finditer(text, start, end)
