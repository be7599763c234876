"""Lists of voting countries around a cue: "Chile, Peru and Fiji voted against", "against: A, B".

A list is read outward from a position: forward ("abstained, including A and B") or backward
("A and B were among the states which abstained"). Only country *names* vote: "Russia's
envoy" and "Moscow" do not. An unknown word inside a list ("A, Nowhere, B and C voted")
does not cut it short; it is matched fuzzily against country names and skipped when nothing
is close.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

from extraction.countries import CountryMention, fuzzy_country_code
from extraction.lexicon import VOTED_TEXT_NOUNS

_F = re.IGNORECASE
_FILLER = re.compile(
    rf"(?:[\s:–—,(“”\"‘’-]|\b(?:the|a|an|it|this|that|{'|'.join(VOTED_TEXT_NOUNS)}|"
    r"proposal|were|was|are|is|included|include|including|among|them|those|such|as|namely|"
    r"countries|states|nations|members|only|also|both)\b)*", _F)
_INTRODUCTION = re.compile(r"[:–—(,-]|\b(?:were|was|are|is|included?|including|namely|such"
                           r"|among)\b", _F)
# Words describing a listed country ("its ally", "the island nation of"), never a preposition or
# conjunction that starts another phrase ("in favour, with Israel opposed", "abstaining, hours after").
_NOT_DESCRIBING = (r"(?:with|without|after|before|by|from|to|as|than|while|when|despite|following|since|until"
                   r"|in|on|at|for|because|but|and|or|which|who|that|hours|days|weeks)\b")
_DESCRIPTOR = re.compile(
    rf"(?:(?:the|its|their|his|her)\s+)?(?:\S+['’]s\s+)?(?:(?!{_NOT_DESCRIBING})[a-z][\w-]*\s+){{0,4}}")
_FORWARD_JOINT = re.compile(
    r"(?:\s*\([^()]{0,40}\))?(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+|along\s+with\s+|plus\s+)?"
    r"|\s+(?:and|as\s+well\s+as|along\s+with|plus)\s+|\s*;\s*)")
# Between the last name and a cue after it: "A, which also", "A – ", "A were among the states that",
# "A were among those abstaining", "A was the only country to".
# A relative clause set off by commas ("Syria, which had wavered over the text, voted in favour") or a
# first verb phrase joined by "and" ("the United States broke with tradition and abstained") may
# come between them too.
_BACKWARD_GAP = re.compile(
    r"\s*(?:[,)–—]\s*)?(?:(?:which|who|that|also|both|all|had|have|has|then|itself|too|instead|again"
    r"|jointly|yesterday|today)\s+|on\s+[A-Z]\w+(?:\s+\d{1,2})?\s+|,\s*"
    r"|(?:was|were|is|are)\s+among\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?(?:which|that|who|to)\s+"
    r"|(?:was|were|is|are)\s+among\s+those\s+"
    r"|(?:was|were)\s+the\s+(?:only|lone|sole)\s+(?:[\w-]+\s+)?(?:to|that)\s+"
    r"|(?<=,\s)(?:which|who)\s+[^,;:()“”\"]{1,150}?,\s*"
    r"|(?:(?!and\b)[a-z][\w'’-]*\s+){1,4}and\s+)*", _F)
_BETWEEN_ITEMS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+along\s+with\s+)"
                            r"(?:the\s+)?", _F)
# "A, Nowhere, B", "A, Papua and the B": items that name no country as written
_UNKNOWN_ITEMS = re.compile(r"(?:\s*,\s*(?:and\s+)?[A-Z][\w'’-]{3,}){1,2}\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_UNKNOWN_WORD = re.compile(r"[A-Z][\w'’-]{3,}")
_POSSESSIVE = re.compile(r"['’]s?\b")


class CountryLists:
    """Reads country lists in one text, given its country mentions (in order, never overlapping)."""

    def __init__(self, text: str, mentions: list[CountryMention]) -> None:
        self.text = text
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        self._ends = [m.end for m in mentions]

    def starting_in_backwards(self, start: int, end: int) -> Iterator[CountryMention]:
        """The mentions that start in [start, end), the last first."""
        for index in range(bisect_left(self._starts, end) - 1, bisect_left(self._starts, start) - 1, -1):
            yield self.mentions[index]

    def voters(self, start: int, end: int) -> list[CountryMention]:
        """Country names in [start, end) that can cast a vote (not "Russia's ...")."""
        return list(self._voters(self._within(start, end)))

    def listed(self, start: int, end: int) -> list[CountryMention]:
        """The voters in [start, end) and the misspelt or shortened names listed between them
        ("A, Mentenegro, B", "A, Papua and the B")."""
        items: list[CountryMention] = []
        for mention in self._voters(self._within(start, end)):
            if items and _UNKNOWN_ITEMS.fullmatch(self.text, items[-1].end, mention.start):
                items += self._fuzzy(items[-1].end, mention.start)
            items.append(mention)
        return items

    def names(self, start: int, end: int) -> list[CountryMention]:
        """Country names in [start, end), possessive or not ("Chile's")."""
        return [self.mentions[index] for index in self._within(start, end) if self.mentions[index].form == "name"]

    def _within(self, start: int, end: int) -> range:
        """Indices of the mentions inside [start, end)."""
        return range(bisect_left(self._starts, start), bisect_right(self._ends, end))

    def _voters(self, indices: Iterable[int]) -> Iterator[CountryMention]:
        """The mentions at ``indices`` that are country names able to vote."""
        for index in indices:
            mention = self.mentions[index]
            if mention.form == "name" and not _POSSESSIVE.match(self.text, mention.end, mention.end + 2):
                yield mention

    def after(self, position: int, end: int, introduced: bool = False) -> list[CountryMention]:
        """The list starting at ``position``: "Syria, Nicaragua and Belarus".

        Unless ``introduced`` (a label, "vetoed by", a count's own names), the list must be set
        off by punctuation or "were"/"including": in "voted against Israel" Israel is the topic.
        """
        filler = _FILLER.match(self.text, position, end)
        cursor = filler.end() if filler else position
        if not introduced and not _INTRODUCTION.search(self.text, position, cursor):
            return []
        items: list[CountryMention] = []
        for mention in self._voters(self._within(cursor, end)):
            if mention.start < cursor:
                continue
            if not _DESCRIPTOR.fullmatch(self.text, cursor, mention.start):
                break
            items.append(mention)
            joint = _FORWARD_JOINT.match(self.text, mention.end, end)
            if not joint or not joint.group():
                break
            cursor = joint.end()
        return items

    def before(self, position: int, start: int) -> list[CountryMention]:
        """The list ending right before ``position``: "Russia and China voted"."""
        items: list[CountryMention] = []
        cursor = position
        for mention in self._voters(reversed(self._within(start, position))):
            if items and _UNKNOWN_ITEMS.fullmatch(self.text, mention.end, cursor):
                items += reversed(self._fuzzy(mention.end, cursor))
            elif not (_BETWEEN_ITEMS if items else _BACKWARD_GAP).fullmatch(self.text, mention.end, cursor):
                break
            items.append(mention)
            cursor = mention.start
        return items[::-1]

    def _fuzzy(self, start: int, end: int) -> list[CountryMention]:
        """Misspelt list items ("Eritre") in [start, end) that are close to a country name."""
        found = []
        for word in _UNKNOWN_WORD.finditer(self.text, start, end):
            if iso3 := fuzzy_country_code(word.group()):
                found.append(CountryMention(word.start(), word.end(), iso3, word.group(), "name"))
        return found
