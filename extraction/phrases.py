"""Noun phrases around reporting verbs, read from tokens: pure functions of a text and positions.

``QuotedText`` is an analysed text as attribution reads it: its tokens, which of them lie inside
the quotations being attributed and which are reporting verbs. The functions here find, given
token positions, the noun phrase ending before a token (``np_left``) or starting at one
(``np_right``), a role in apposition, the runs of capitalised words and the name inside a run,
the role text before a name, a sentence's subject after its introduction, and read a noun phrase
as a ``Reference``: a pronoun, a name, a definite description or a plain noun phrase, which the
discourse (:mod:`extraction.discourse`) completes into a ``Speaker``. Nothing here changes
anything; a few per-sentence answers are remembered once computed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from extraction.countries import CountryMention, people_country
from extraction.lexicon import (
    ADVERBS_BEFORE_VERB,
    ARTICLES,
    BODY_NAME_ENDINGS,
    CAPITAL_CONNECTORS,
    CLAUSE_OPENERS,
    DASHES,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    FRONTED_CUES,
    FUNCTION_WORDS,
    GENDERED_WORDS,
    HEAD_PREPOSITIONS,
    HONORIFICS,
    IRREGULAR_PAST,
    LINKING_WORDS,
    NAME_PREPOSITIONS,
    NOUN_MARKERS,
    NOUN_PHRASE_OPENERS,
    NP_CONNECTORS,
    NP_DETERMINERS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    POSSESSIVE_ENDINGS,
    PRONOUNS,
    REPORTING_VERBS,
    TEMPORAL_WORDS,
    VERBS_AFTER_SUBJECT,
    VIEW_NOUNS,
    is_abbreviation,
    is_adverb_in_ly,
    is_title_word,
    names_people,
    without_possessive,
)
from extraction.quote_marks import QuotationSpan, is_headline
from extraction.text import AnalyzedText

MAX_NP_TOKENS = 14
MAX_PARENTHETICAL = 8  # tokens of a parenthesis inside a noun phrase, marks included
MAX_INTRODUCTION = 30  # tokens of an introductory phrase, up to its comma
MAX_DATELINE = 12  # tokens of a dateline, up to its dash
WORD = re.compile(r"[^\W\d_][\w’'´-]*")  # a word: letters first, then letters, digits, apostrophes, hyphens
_COUNT = re.compile(r"\d[\d,]*")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# Marks inside a noun phrase: "Sen.", "Jones' aide", "(R-Fla.)" (see ``_inner_token_left``).
_INNER_MARKS = frozenset({".", "’", "'", "(", ")"})


class Speaker(NamedTuple):
    """A resolved speaker mention: ``start``/``end`` is where the text names it."""

    name: str
    role: str | None
    country: str | None
    kind: str
    start: int
    end: int


class Reference(NamedTuple):
    """A noun phrase read as a speaker before the discourse completes it. ``form``:
    "pronoun" (``speaker`` is the pronoun itself), "name" (``speaker`` holds the name as written,
    with the role and country the phrase gives), "description" (a definite "the ambassador",
    ``head`` its noun: a person named before, else ``speaker``) or "plain" (``speaker`` as it is)."""

    form: str
    speaker: Speaker
    position: int  # the token where the phrase starts
    gender: str | None = None  # a name's "he"/"she", from its title ("Mrs.", "congressman")
    head: str | None = None


def plain(text: str) -> str:
    """Typographic apostrophes as ASCII, spaces collapsed."""
    return " ".join(text.replace("’", "'").replace("‘", "'").replace("´", "'").split())


def _quoted_mask(starts, quotations: list[QuotationSpan]) -> list[int | None]:
    """For each token inside a quotation (marks included), that quotation's opening offset."""
    mask: list[int | None] = [None] * len(starts)
    for quotation in quotations:
        first = bisect_left(starts, quotation.opening)
        last = bisect_left(starts, quotation.end + 1)
        mask[first:last] = [quotation.opening] * (last - first)
    return mask


class QuotedText:
    """An analysed text with quotations (and so sentences) as attribution reads it: tokens,
    the quotation each token lies in, the reporting verbs, sentence and name predicates."""

    def __init__(self, analyzed: AnalyzedText, quotations: list[QuotationSpan]):
        tokens = analyzed.tokens
        self.text = analyzed.text
        self.starts, self.words, self.lower = tokens.starts, tokens.words, tokens.lower
        self.bare, self.acronyms, self.capitalised = tokens.bare, tokens.acronyms, tokens.capitalised
        self.lowercase_words = tokens.lowercase_words
        self.sentences = analyzed.sentence_index
        self.sentence_of = analyzed.token_sentences
        self.countries = analyzed.countries
        self._country_starts = [m.start for m in self.countries]
        self._country_ends = [m.end for m in self.countries]
        self.country_token = analyzed.country_tokens
        self.quoted = _quoted_mask(self.starts, quotations)
        self._title_case: dict[int, bool] = {}  # sentence index -> headline-style capitals
        self._headlines: dict[int, bool] = {}  # sentence index -> a headline
        self.subject_spans: dict[int, tuple[int, int] | None] = {}  # sentence start token -> subject_span
        self._sentence_start_tokens: dict[int, int] = {}  # sentence index -> sentence_start_token
        self._next_unquoted_words: dict[int, int] = {}  # token index -> next_unquoted_word
        self.is_cue = bytearray(len(self.words))
        verb_forms = bytearray(map(REPORTING_VERBS.__contains__, self.lower))
        i = verb_forms.find(1)
        while i != -1:
            self.is_cue[i] = self._reads_as_cue(i)
            i = verb_forms.find(1, i + 1)
        self.name_runs = self._name_runs()
        self.name_run_ends = [end for _, end in self.name_runs]

    def token_at(self, offset: int) -> int:
        """The first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def end(self, i: int) -> int:
        """Where token ``i`` ends."""
        return self.starts[i] + len(self.words[i])

    def _reads_as_cue(self, i: int) -> bool:
        """Whether the reporting verb form at token ``i`` is a verb: "the report says" and
        "secretary of state" are nouns (a determiner or "of" before it), and so is a quoted word; a
        capitalised one is a verb opening its sentence ("Said Smith") or in the present tense in a
        headline ("Minister Says ...")."""
        return (
            (self.words[i].islower() or (self.lower[i] in FRONTED_CUES and self.opens_sentence(i))
             or self._headline_verb(i))
            and self.quoted[i] is None
            and not (i and (self.lower[i - 1] in NOUN_MARKERS or self.is_possessive(i - 1)))
            and not self._plural_noun_before_verb(i)
        )

    def _headline_verb(self, i: int) -> bool:
        """A capitalised reporting verb in the present tense after a capitalised word, in a
        headline: "Cuban Minister Says", "Speakers Denounce"."""
        return (
            i > 0
            and self.is_capitalised(i - 1)
            and not self.lower[i].endswith(("ed", "ing"))
            and self._headline(self.sentence_of[i])
        )

    def _headline(self, sentence: int) -> bool:
        """Whether a sentence is a headline (see ``extraction.quote_marks.is_headline``)."""
        if sentence not in self._headlines:
            self._headlines[sentence] = is_headline(self.text[slice(*self.sentences.spans[sentence])])
        return self._headlines[sentence]

    def _plural_noun_before_verb(self, i: int) -> bool:
        """A reporting verb in -s read as the plural noun it also is, a verb following it:
        "member states voted", "the reports were"."""
        if not self.lower[i].endswith("s") or self.lower[i] == "says" or i + 1 >= len(self.words):
            return False
        following = self.lower[i + 1]
        return following in VERBS_AFTER_SUBJECT or following in IRREGULAR_PAST or (
            self.words[i + 1].islower() and len(following) > 4 and following.endswith("ed")
        )

    def countries_within(self, begin: int, end: int) -> list[CountryMention]:
        """The country mentions inside ``text[begin:end]``, in order (mentions never overlap)."""
        return self.countries[bisect_left(self._country_starts, begin) : bisect_right(self._country_ends, end)]

    # --- sentences -----------------------------------------------------------------------
    def opens_sentence(self, i: int) -> bool:
        return self.starts[i] == self.sentences.spans[self.sentence_of[i]][0]

    def sentence_end_token(self, i: int) -> int:
        """One past the last token of the sentence holding token ``i``."""
        return self.token_at(self.sentences.spans[self.sentence_of[i]][1])

    def sentence_start_token(self, i: int) -> int:
        """First token of the sentence holding token ``i``, a sentence begun before a quotation
        being the sentence of every sentence inside that quotation."""
        sentence = self.sentence_of[i]
        chain = []  # sentences that begin inside a quotation opened in an earlier one
        while sentence not in self._sentence_start_tokens:
            first = self.token_at(self.sentences.spans[sentence][0])
            if first < len(self.starts) and self.quoted[first] is not None and self.quoted[first] < self.starts[first]:
                chain.append(sentence)
                sentence = self.sentences.index_at(self.quoted[first])
            else:
                self._sentence_start_tokens[sentence] = first
        for earlier in chain:
            self._sentence_start_tokens[earlier] = self._sentence_start_tokens[sentence]
        return self._sentence_start_tokens[sentence]

    def context(self, start: int, end: int) -> tuple[int, int]:
        """The sentences around ``text[start:end]``."""
        spans, index_at = self.sentences.spans, self.sentences.index_at
        return spans[index_at(start)][0], max(spans[index_at(max(start, end - 1))][1], end)

    def _title_case_sentence(self, sentence: int) -> bool:
        """Whether most longer words of a sentence are capitalised (a headline)."""
        if sentence not in self._title_case:
            start, end = self.sentences.spans[sentence]
            words = [w for w in WORD.findall(self.text, start, end) if len(w) > 3]
            self._title_case[sentence] = len(words) >= 6 and sum(w[0].isupper() for w in words) > 0.75 * len(words)
        return self._title_case[sentence]

    def next_unquoted_word(self, i: int) -> int:
        """The first token from ``i`` on that is a word outside quotations (remembered for every
        token passed over, so quotations in a row are passed over once)."""
        passed = []
        while i < len(self.words) and (self.quoted[i] is not None or not self.words[i][0].isalnum()):
            if i in self._next_unquoted_words:
                i = self._next_unquoted_words[i]
                break
            passed.append(i)
            i += 1
        self._next_unquoted_words.update(dict.fromkeys(passed, i))
        return i

    # --- words ---------------------------------------------------------------------------
    def is_capitalised(self, i: int) -> bool:
        return self.capitalised[i] == 1

    def next_capitalised(self, i: int, last: int) -> int:
        """The first capitalised token in ``i..last-1`` (the only ones that may be name words), else ``last``."""
        found = self.capitalised.find(1, i, last)
        return last if found == -1 else found

    def _name_runs(self) -> list[tuple[int, int]]:
        """Maximal runs of capitalised words in the text (initials included: "Donald J. Trump",
        "Sen. Cruz"), cut after a possessive."""
        found, i, last = [], self.next_capitalised(0, len(self.words)), len(self.words)
        while i < last:
            if self.name_word(i):
                j = i + 1
                while j < last and not self.is_possessive(j - 1):
                    if not (self.name_word(j) or self._initial_period(j)):
                        break
                    j += 1
                found.append((i, j))
                i = j
            else:
                i += 1
            i = self.next_capitalised(i, last)
        return found

    def _initial_period(self, j: int) -> bool:
        """The period of an abbreviation or initial inside a name ("J." in "Donald J. Trump")."""
        return self.words[j] == "." and is_abbreviation(self.lower[j - 1]) and j + 1 < len(self.words) and (
            self.name_word(j + 1))

    def is_acronym(self, i: int) -> bool:
        return self.words[i] in self.acronyms and not self.capital_surname(i)

    def capital_surname(self, i: int) -> bool:
        """A surname in capitals as UN statements write it: after a title ("Ms. SMITH", "Mr. ZHANG
        Jun"), or after a given name and before a country in brackets ("Ana ORTIZ (Chile)")."""
        word = self.words[i]
        if len(word) < 3 or not (word.isupper() and word.replace("-", "").isalpha()):
            return False
        if self.lower[i - 1] in HONORIFICS or (i > 1 and self.words[i - 1] == "." and self.lower[i - 2] in HONORIFICS):
            return True
        after = i + 2 < len(self.words) and self.words[i + 1] == "(" and self.country_token[i + 2]
        return after and i > 0 and self._given_name(i - 1)

    def _given_name(self, i: int) -> bool:
        """A capitalised word in lower case after its capital that is no function word ("Jun")."""
        word = self.words[i]
        return word[0].isupper() and word[1:].islower() and word.isalpha() and self.lower[i] not in FUNCTION_WORDS

    def temporal(self, i: int) -> bool:
        """A month or weekday at token ``i``, not a given name after a surname in capitals ("ZHANG Jun")."""
        return self.lower[i] in TEMPORAL_WORDS and not (i > 0 and self.capital_surname(i - 1))

    def is_possessive(self, i: int) -> bool:
        return self.words[i].endswith(POSSESSIVE_ENDINGS) or (
            i + 1 < len(self.words) and self.words[i + 1] in ("’", "'") and self.words[i].endswith("s")
        )

    def capitalised_by_choice(self, i: int) -> bool:
        """A capital that no position explains: not opening a sentence, a quotation or a clause
        after a colon, and not in a headline where every word is capitalised."""
        if i == 0 or self.opens_sentence(i):
            return False
        if not self.words[i - 1][0].isalnum() and self.words[i - 1] not in (",", "’", "'"):
            return False
        return not self._title_case_sentence(self.sentence_of[i])

    def name_word(self, i: int) -> bool:
        """A capitalised word that may be part of a proper name."""
        if not self.words[i][0].isupper() or self.quoted[i] is not None:
            return False
        bare = self.bare[self.words[i]]
        if self.temporal(i):
            return False
        if bare in FUNCTION_WORDS:  # "George Will", "CBS This Morning", "The Post" inside a sentence
            return bare not in PERSONAL_PRONOUNS and bare not in HONORIFICS and self.capitalised_by_choice(i)
        return not (bare in self.lowercase_words and self.opens_sentence(i))  # "Estimates of ..."

    def strippable(self, i: int) -> bool:
        """A capitalised token that belongs to a role, not to a name."""
        bare = self.bare[self.words[i]].rstrip(".")
        return (
            is_title_word(bare)
            or bare in PERSON_NOUNS
            or self.is_acronym(i)
            or self.is_possessive(i)
            or self.country_token[i]
        )


# --- names -----------------------------------------------------------------------------------
def runs(q: QuotedText, first: int, last: int) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words in tokens ``first..last-1`` (initials included): the
    text's runs (``QuotedText.name_runs``) cut to those tokens, never starting or ending with the
    period of an initial."""
    found, name_runs = [], q.name_runs
    k = bisect_right(q.name_run_ends, first)
    while k < len(name_runs) and name_runs[k][0] < last:
        start, end = max(name_runs[k][0], first), min(name_runs[k][1], last)
        start += q.words[start] == "."
        end -= q.words[end - 1] == "."
        if end > start:
            found.append((start, end))
        k += 1
    return found


def name_in_run(q: QuotedText, first: int, last: int, possessor: bool = False) -> tuple[int, int] | None:
    """The name inside a capitalised run: an organisation's whole name ("UN General Assembly"),
    else the name after its leading title, country and body words ("Security Council President
    Ana Ortiz" -> "Ana Ortiz"); with ``possessor``, a name ending in a possessive ("in Fenwick's
    words"); a country's name is no organisation's ("the Russian Federation")."""
    if _names_organisation(q, last - 1):
        return (first, last)
    first = _after_body_name(q, first, last)
    while first < last and (q.strippable(first) or q.words[first] == "."):
        if possessor and first == last - 1 and not q.is_acronym(first):
            break
        if q.is_possessive(first) and not q.is_acronym(first) and not q.country_token[first]:
            return None  # "Trump's spokeswoman": the possessor modifies another noun
        first += 1
    while last > first and (q.words[last - 1] == "." or is_title_word(q.lower[last - 1])):
        last -= 1
    return (first, last) if last > first else None


def _names_organisation(q: QuotedText, i: int) -> bool:
    """A capitalised run ending at token ``i`` names an organisation: it ends in a noun for one
    ("Foreign Ministry"), not in a country's name ("Russian Federation")."""
    return q.bare[q.words[i]] in ORGANISATION_NOUNS and not q.country_token[i]


def _after_body_name(q: QuotedText, first: int, last: int) -> int:
    """Where a run goes on past the last body name inside it ("Security Council Ana Ortiz")."""
    for k in range(last - 2, first - 1, -1):
        if q.bare[q.words[k]] in BODY_NAME_ENDINGS:
            return k + 1
    return first


def surface(q: QuotedText, first: int, last: int) -> str:
    """Tokens ``first..last-1`` as written, plain, without a final possessive; a surname in
    capitals in title case ("ZHANG Jun" -> "Zhang Jun")."""
    text = q.text[q.starts[first] : q.end(last - 1)]
    for k in range(first, last):
        if q.capital_surname(k):
            offset = q.starts[k] - q.starts[first]
            text = text[:offset] + q.words[k].title() + text[offset + len(q.words[k]) :]
    return plain(without_possessive(text))


def run_kind(q: QuotedText, first: int, last: int) -> str:
    """What a name names: "organisation", "country" (a people: "Palestinians") or "person"."""
    words = {q.bare[q.words[i]] for i in range(first, last)}
    if words & ORGANISATION_NOUNS or all(q.is_acronym(i) for i in range(first, last)):
        return "organisation"
    if last - first == 1 and people_country(q.words[first]):
        return "country"  # "Palestinians": a people, never "he" or "she"
    return "person"


def names_person(q: QuotedText, first: int, last: int) -> bool:
    """Whether a capitalised run holds a person's name."""
    span = name_in_run(q, first, last)
    return span is not None and run_kind(q, *span) == "person"


def role_text(q: QuotedText, first: int, last: int) -> str | None:
    """A role phrase without a leading article (kept before a possessor: "the DRC's envoy");
    an honorific alone ("Mr.") is no role."""
    while first < last and (q.lower[first] in ARTICLES or q.lower[first] in ("one", ",")):
        if q.lower[first] == "the" and any(q.is_possessive(k) for k in range(first + 1, last)):
            break
        first += 1
    if all(q.lower[k] in HONORIFICS or q.words[k] == "." for k in range(first, last)):
        return None
    return plain(q.text[q.starts[first] : q.end(last - 1)]) if last > first else None


def role_country(q: QuotedText, role: str | None, first: int, last: int) -> str | None:
    """The country named in a role's tokens (ISO3), if any."""
    if role is None or first >= last:
        return None
    inside = q.countries_within(q.starts[first], q.end(last - 1))
    return inside[0].iso3 if inside else None


def title_gender(q: QuotedText, first: int, head: int) -> str | None:
    """"he" or "she" from the words right before a name: "Mr.", "congresswoman", "Mrs."."""
    for k in range(max(first, head - 3), head):
        pronoun = GENDERED_WORDS.get(q.lower[k].removesuffix("."))
        if pronoun is not None:
            return pronoun
    return None


# --- noun phrases ----------------------------------------------------------------------------
def np_stop_word(q: QuotedText, i: int) -> bool:
    """A function word that cannot stand inside a speaker noun phrase (honorifics and
    capitalised function words inside names can)."""
    low = q.lower[i]
    return (
        low in FUNCTION_WORDS
        and low not in NP_CONNECTORS
        and low not in HONORIFICS
        and not q.is_acronym(i)
        and not (q.words[i][0].isupper() and q.name_word(i))
    )


def np_word(q: QuotedText, i: int, first: bool) -> bool:
    """A token that can stand in a short speaker noun phrase ("the Kremlin's spokesman")."""
    word, low = q.words[i], q.lower[i]
    if word in (".", "’", "'"):
        return not first
    if not word[0].isalnum() or q.temporal(i):
        return False
    if low in PRONOUNS or low in NP_DETERMINERS or low == "the":
        return first
    return low != "and" and not np_stop_word(q, i)


def appositive_word(q: QuotedText, i: int) -> bool:
    """A token allowed inside an apposition ("founder of the Media Research Center")."""
    return q.words[i][0].isalnum() and not q.temporal(i) and not q.is_cue[i]


def _parenthetical_end(q: QuotedText, i: int, ceiling: int) -> int | None:
    """One past the ")" closing a short parenthesis opened at ``i`` ("(R-Fla.)", "(D)")."""
    for j in range(i + 1, min(ceiling, i + MAX_PARENTHETICAL)):
        if q.words[j] == ")":
            return j + 1
        if q.words[j] == "(":
            break
    return None


def _parenthetical_start(q: QuotedText, i: int, floor: int) -> int | None:
    """The "(" opening a short parenthesis closed at ``i``."""
    for j in range(i - 1, max(floor - 1, i - MAX_PARENTHETICAL), -1):
        if q.words[j] == "(":
            return j
        if q.words[j] == ")":
            break
    return None


def _inner_token_left(q: QuotedText, i: int, floor: int) -> int | None:
    """Reading leftwards from token ``i``: the next token to read when ``i`` is inside the noun
    phrase without being a word of it (the period of "Sen.", the apostrophe of "Jones'", a short
    parenthesis such as "(R-Fla.)"), else None."""
    word = q.words[i]
    if word == "." and i > floor and is_abbreviation(q.lower[i - 1]):
        return i - 1
    if word in ("’", "'") and i > floor and q.lower[i - 1].endswith("s"):
        return i - 1
    if word == ")":
        opening = _parenthetical_start(q, i, floor)
        if opening is not None:
            return opening - 1  # "Sen. Marco Rubio (R-Fla.)"
    return None


def _ends_np_left(q: QuotedText, i: int) -> bool:
    """Reading leftwards, token ``i`` is outside the noun phrase (punctuation, a time word, a verb
    or a function word)."""
    if not q.words[i][0].isalnum() or q.temporal(i):
        return True
    return (np_stop_word(q, i) and q.lower[i] not in NP_DETERMINERS) or q.is_cue[i]


def np_left(q: QuotedText, end: int) -> tuple[int, int] | None:
    """The noun phrase ending right before token ``end`` (within its sentence)."""
    floor = q.sentence_start_token(end - 1) if end else 0
    if end - 1 < floor:
        return None
    if q.lower[end - 1] in PRONOUNS or q.lower[end - 1] in FIRST_PERSON:
        return (end - 1, end)
    start = _np_left_start(q, end, floor)
    if start - 2 >= floor and _located_at(q, start - 1) and _proper_complement(q, start, end):
        start = min(start, _np_left_start(q, start - 1, floor))  # "the Foreign Ministry in Beijing"
    while start < end and q.lower[start] in NP_CONNECTORS and q.lower[start] != "the":
        start += 1
    return (start, end) if start < end else None


def _np_left_start(q: QuotedText, end: int, floor: int) -> int:
    """Reading leftwards from token ``end - 1``: where the noun phrase starts (``end`` if none)."""
    i = end - 1
    while i >= floor and end - i <= MAX_NP_TOKENS and q.quoted[i] is None:
        inner = _inner_token_left(q, i, floor) if q.words[i] in _INNER_MARKS else None
        if inner is not None:
            i = inner
            continue
        if _ends_np_left(q, i):
            break
        if _opens_np(q, i, floor):
            return i
        i -= 1
    return i + 1


def _located_at(q: QuotedText, i: int) -> bool:
    """An "in" at token ``i`` that places an organisation or people in a named place: "the
    Foreign Ministry in Beijing", "officials in the United States"."""
    if q.lower[i] != "in" or i == 0 or i + 1 >= len(q.words) or not q.words[i - 1][0].isalpha():
        return False
    if not _capitalised_after(q, i + 1, q.sentence_end_token(i)):
        return False
    return _noun_kind(q, i - 1, q.bare[q.words[i - 1]]) in ("organisation", "person")


def _opens_np(q: QuotedText, i: int, floor: int) -> bool:
    """A determiner that opens the noun phrase ("another friend"), or a "the" that is not after a
    connector ("the head of the Kremlin" goes on leftwards)."""
    low = q.lower[i]
    return low in NP_DETERMINERS or (low == "the" and not (i > floor and q.lower[i - 1] in NP_CONNECTORS))


def _inner_token_right(q: QuotedText, i: int, start: int, ceiling: int) -> int | None:
    """Reading rightwards, like ``_inner_token_left``: the next token to read, else None."""
    word = q.words[i]
    if word == "." and i > start and is_abbreviation(q.lower[i - 1]) and i + 1 < ceiling:
        return i + 1
    if word in ("’", "'") and i > start and q.lower[i - 1].endswith("s"):
        return i + 1
    if word == "(" and i > start:
        return _parenthetical_end(q, i, ceiling)
    return None


def _ends_np_right(q: QuotedText, i: int, start: int, ceiling: int) -> bool:
    """Reading rightwards from ``start``, token ``i`` is outside the noun phrase."""
    word, low = q.words[i], q.lower[i]
    if not word[0].isalnum() or q.temporal(i) or q.is_cue[i]:
        return True
    if np_stop_word(q, i) and not (i == start and (low in NP_DETERMINERS or low == "the")):
        return not (i > start and _located_at(q, i))
    if low in CAPITAL_CONNECTORS and not _capitalised_after(q, i + 1, ceiling):
        return True
    return word.islower() and i > start and _starts_predicate_after(q, i)


def _starts_predicate_after(q: QuotedText, i: int) -> bool:
    """A lower-case token after the head of a noun phrase that starts its predicate: a verb or
    participle ("the resolution adopted on ..."), or after a name an adverb or a common
    irregular past ("Donald Trump quickly took to Twitter")."""
    low = q.lower[i]
    if low.endswith(("ed", "ing")) and q.lower[i - 1] not in NP_CONNECTORS and q.lower[i - 1] not in ("a", "an"):
        return True
    return q.is_capitalised(i - 1) and (
        low in ADVERBS_BEFORE_VERB or low in IRREGULAR_PAST or (is_adverb_in_ly(low) and len(low) > 4)
    )


def _capitalised_after(q: QuotedText, i: int, ceiling: int) -> bool:
    """A capitalised word at ``i``, or after "the" ("a person close to the Clintons")."""
    if i < ceiling and q.lower[i] == "the":
        i += 1
    return i < ceiling and q.is_capitalised(i)


def np_right(q: QuotedText, start: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``start`` ("said China's envoy Geng Shuang")."""
    ceiling = q.sentence_end_token(start)
    if start < ceiling and q.lower[start] in PRONOUNS:
        return (start, start + 1)
    i = start
    while i < ceiling and i - start < MAX_NP_TOKENS and q.quoted[i] is None:
        inner = _inner_token_right(q, i, start, ceiling) if q.words[i] in _INNER_MARKS else None
        if inner is not None:
            i = inner
            continue
        if _ends_np_right(q, i, start, ceiling):
            break
        i += 1
    while i > start and q.lower[i - 1] in NP_CONNECTORS:
        i -= 1
    return (start, i) if i > start else None


def apposition(q: QuotedText, start: int) -> tuple[int, int] | None:
    """A role in apposition starting at token ``start`` (", the US ambassador to the UN,")."""
    span = np_right(q, start)
    if span is None:
        return None
    if any(name_in_run(q, *run) for run in runs(q, *span)) and q.lower[start] not in ARTICLES:
        return None
    return span


def role_before(q: QuotedText, start: int, floor: int) -> tuple[int, int] | None:
    """A role opening its clause and set off by a comma before the subject at ``start``:
    ``Speaking first, US Ambassador to the UN, Ana Ortiz said``."""
    if start - 1 <= floor or q.words[start - 1] != ",":
        return None
    span = np_left(q, start - 1)
    if span is None or not (span[0] == floor or q.words[span[0] - 1] == ","):
        return None
    if any(names_person(q, *run) for run in runs(q, *span)):
        return None
    return span if any(names_people(q.bare[q.words[k]]) for k in range(*span)) else None


def appositive_spans(q: QuotedText, comma: int, floor: int,
                     nested: bool = False) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """The subject and its role before a cue that follows the comma at token ``comma``: ``X, the
    Y of Z, said`` or ``the Y of Z, X, said`` (the name and its role); ``X, who ..., said`` or
    ``X, wearing ..., said`` (the name before a relative or participle clause, no role). A role or
    clause after another apposition goes back to the person's name before it (``X, the Y of Z, a
    W, said``, ``X (Hungary), President of Z, opening the meeting, said``)."""
    commas = (j for j in range(comma - 1, max(floor, comma - MAX_INTRODUCTION), -1) if q.words[j] == ",")
    open_comma = next(commas, None)
    outer = np_left(q, open_comma) if open_comma is not None else None
    if outer is None:
        return None
    found = _subject_and_role(q, (open_comma + 1, comma), outer)
    if found is None or found[0] != outer or nested or outer[0] <= floor or q.words[outer[0] - 1] != ",":
        return found
    if _holds_person(q, outer):
        return found
    earlier = appositive_spans(q, open_comma, floor, nested=True)
    return earlier if earlier is not None and _holds_person(q, earlier[0]) else found


def _subject_and_role(q: QuotedText, inner: tuple[int, int],
                      outer: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """Of a noun phrase (``outer``) and the words set off by commas after it (``inner``), the
    subject and its role: a clause is no role, a person's name set off is the subject."""
    if opens_clause(q, inner[0]):
        return outer, None
    if inner[1] - inner[0] >= MAX_NP_TOKENS or any(q.quoted[j] is not None for j in range(*inner)):
        return None
    if q.lower[inner[0]] not in ARTICLES and _holds_person(q, inner):
        return inner, outer
    return outer, inner


def _holds_person(q: QuotedText, span: tuple[int, int]) -> bool:
    """Whether tokens ``span`` hold a person's name."""
    return any(names_person(q, *run) for run in runs(q, *span))


def view_possessor(q: QuotedText, start: int) -> Reference | None:
    """"in Bolton's view", "in Forbes' words" at token ``start``: the possessor of a view or of
    words, read as a speaker."""
    for noun in range(start + 2, min(len(q.words), start + 8)):
        if q.lower[noun] in VIEW_NOUNS:
            break
        if not np_word(q, noun - 1, first=noun - 1 == start + 1):
            return None
    else:
        return None
    last = noun - 1 if q.words[noun - 1] in ("’", "'") else noun
    if not q.is_possessive(last - 1):
        return None
    found = runs(q, start + 1, last)
    head = name_in_run(q, *found[-1], possessor=True) if found and found[-1][1] == last else None
    if head is not None:
        return name_reference(q, head, start + 1)
    return reference(q, start + 1, last)  # "in the newspaper's words"


def opens_clause(q: QuotedText, i: int) -> bool:
    """A relative pronoun, subordinator or participle (after adverbs) opening a clause in
    apposition: "who led the talks", "while being interviewed", "later alleging"."""
    while q.lower[i] in ADVERBS_BEFORE_VERB or is_adverb_in_ly(q.words[i]):
        i += 1
    low = q.lower[i]
    return low in CLAUSE_OPENERS or (q.words[i].islower() and low.endswith(("ing", "ed")))


# --- sentence subjects -----------------------------------------------------------------------
def subject_span(q: QuotedText, floor: int) -> tuple[int, int] | None:
    """The noun phrase opening a sentence at token ``floor``, after its introduction (see
    ``skip_introduction``); remembered for each sentence start."""
    if floor not in q.subject_spans:
        start = skip_introduction(q, floor)
        q.subject_spans[floor] = np_right(q, start) if start < len(q.words) else None
    return q.subject_spans[floor]


def skip_introduction(q: QuotedText, floor: int) -> int:
    """The first token after a sentence's dateline ("JACKSON, Miss. -"), linking words ("And
    then") and introductory phrases ("Earlier this week,", "Speaking at the rally,")."""
    ceiling = q.sentence_end_token(floor) if floor < len(q.words) else floor
    i = _skip_dateline(q, _skip_agency(q, floor, ceiling), ceiling)
    for _ in range(3):
        while i < ceiling and (q.lower[i] in LINKING_WORDS or q.words[i] == ","):
            i += 1
        if i >= ceiling or not _opens_introduction(q, i):
            break
        comma = next((j for j in range(i + 1, min(ceiling, i + MAX_INTRODUCTION)) if q.words[j] == ","), None)
        if comma is None:
            break
        i = comma + 1
    return i


def _skip_agency(q: QuotedText, floor: int, ceiling: int) -> int:
    """After a news agency in brackets opening a sentence, and its dash: "(CNN) —"."""
    if floor + 2 < ceiling and q.words[floor] == "(" and q.words[floor + 2] == ")" and q.is_capitalised(floor + 1):
        return floor + 3 + (floor + 3 < ceiling and q.words[floor + 3] in DASHES)
    return floor


def _skip_dateline(q: QuotedText, floor: int, ceiling: int) -> int:
    """After a dateline opening a sentence: an upper-case place, then optional region, date and
    agency, then a dash ("JACKSON, Miss. -", "NEW YORK (AP) —", "UNITED NATIONS, Oct 27 (Reuters) -");
    a place not in capitals needs the agency ("Geneva (AFP) -")."""
    if floor >= ceiling or not q.is_capitalised(floor):
        return floor
    agency = False
    for j in range(floor + 1, min(ceiling, floor + MAX_DATELINE)):
        if q.words[j] in DASHES:
            return j + 1 if agency or q.is_acronym(floor) else floor
        if not (q.words[j] in (",", ".", "(", ")") or q.is_capitalised(j) or q.words[j].isdigit()):
            break
        agency = agency or (q.words[j - 1] == "(" and q.is_acronym(j))
    return floor


def _opens_introduction(q: QuotedText, i: int) -> bool:
    """A word that opens an introductory phrase: a preposition or subordinator, a time word,
    an adverb in -ly, a participle ("Speaking", "Asked", "Written")."""
    low = q.lower[i]
    return (
        (low in FUNCTION_WORDS and low not in NOUN_PHRASE_OPENERS)
        or low in TEMPORAL_WORDS
        or (q.words[i][0].isupper() and (low.endswith(("ly", "ing", "ed")) or low in REPORTING_VERBS))
    )


# --- noun phrases read as speakers -----------------------------------------------------------
def reference(q: QuotedText, first: int, last: int, role_span: tuple[int, int] | None = None) -> Reference | None:
    """Tokens ``first..last-1`` read as a speaker: a pronoun, a name (its role from the words
    before it, else from ``role_span``), a country heading the phrase, or a noun for people, an
    organisation or a document; None for anything else ("I", "153 member states", "the weather")."""
    low = q.lower[first]
    if last - first == 1 and low in PRONOUNS:
        pronoun = Speaker(low, None, None, "unknown", q.starts[first], q.end(first))
        return Reference("pronoun", pronoun, first, gender=low)
    if (last - first == 1 and low in FIRST_PERSON) or _starts_with_count(q, first, last):
        return None
    place = next((k for k in range(first + 1, last - 1) if _located_at(q, k)), None)
    if place is not None and _proper_complement(q, place + 1, last):
        return _located_reference(q, first, place, last, role_span)
    noun = _head_noun(q, first, last)
    if noun is not None and _numbered_document(q, noun, last):
        return _noun_reference(q, first, last, noun)  # "Operative paragraph 4", "Resolution 2401 (2018)"
    head = _head_name(q, first, last)
    if head is not None:
        return name_reference(q, head, first, role_span)
    return _country_reference(q, first, last) or (_noun_reference(q, first, last, noun) if noun is not None else None)


def _located_reference(q: QuotedText, first: int, place: int, last: int,
                       role_span: tuple[int, int] | None) -> Reference | None:
    """An organisation or people placed by the "in" at token ``place`` ("the Foreign Ministry in
    Beijing", "officials in Moscow"): the whole phrase, its country the one the phrase before
    "in" names, else the country whose capital the place is."""
    found = reference(q, first, place, role_span)
    if found is None or found.form == "pronoun":
        return None
    capital = next((m.iso3 for m in q.countries_within(q.starts[place], q.end(last - 1)) if m.form == "capital"), None)
    start = found.speaker.start if found.form == "name" else q.starts[first]  # a name without its role
    name = plain(q.text[start : q.end(last - 1)])
    if name.startswith("The "):
        name = "t" + name[1:]
    country = found.speaker.country or capital
    speaker = found.speaker._replace(name=name, country=country, start=start, end=q.end(last - 1))
    return Reference("plain", speaker, first, gender=found.gender)


def _head_name(q: QuotedText, first: int, last: int) -> tuple[int, int] | None:
    """The name a noun phrase is about: the last one, or the one before "of", "for"... ("the head
    of the Kremlin, Ana Ortiz" is Ana Ortiz; "Ana Ortiz of the Kremlin" too)."""
    head = None
    for run_first, run_last in runs(q, first, last):
        name_span = name_in_run(q, run_first, run_last)
        if name_span is None or (run_first and q.words[run_first - 1] == "("):
            continue  # "(D-Ore.)" after a name is no name
        head = name_span
        if run_last < last and q.lower[run_last] in NAME_PREPOSITIONS:
            break
        if run_last == last - 1 and q.words[run_last].islower() and _noun_kind(q, run_last, q.lower[run_last]):
            return None  # "a former Pennsylvania governor", "the Clinton campaign": the name modifies a noun
    return head


def name_reference(q: QuotedText, head: tuple[int, int], first: int,
                   role_span: tuple[int, int] | None = None) -> Reference:
    """The name at tokens ``head`` in a phrase starting at ``first``: its role and country from
    the words before it, else from ``role_span``; a country in brackets after the name ("Ana
    Ortiz (Chile)") is the name's."""
    role = country = None
    if head[0] > first:
        role = role_text(q, first, head[0])
        country = role_country(q, role, first, head[0])
    if role is None and role_span is not None:
        role = role_text(q, *role_span)
        country = role_country(q, role, *role_span)
    kind = run_kind(q, *head)
    if country is None and kind == "person":
        country = _country_in_brackets(q, head[1])
    speaker = Speaker(surface(q, *head), role, country, kind, q.starts[head[0]], q.end(head[1] - 1))
    gender = title_gender(q, first, head[0]) if kind == "person" else None
    return Reference("name", speaker, first, gender=gender)


def _country_in_brackets(q: QuotedText, i: int) -> str | None:
    """The country (ISO3) named alone in brackets opening at token ``i``: "(Chile)"."""
    if i >= len(q.words) or q.words[i] != "(":
        return None
    close = _parenthetical_end(q, i, len(q.words))
    if close is None or close - i < 3 or not all(q.country_token[k] for k in range(i + 1, close - 1)):
        return None
    return q.countries_within(q.starts[i], q.starts[close - 1])[0].iso3


def _country_reference(q: QuotedText, first: int, last: int) -> Reference | None:
    """A short phrase headed by a country's name, capital or seat ("Chile", "Moscow"; "Chile's
    envoy" is a person)."""
    if last - first > 3 or not q.countries:
        return None
    inside = q.countries_within(q.starts[first], q.end(last - 1))
    if not (inside and inside[-1].form in ("name", "capital", "seat") and inside[-1].end > q.starts[last - 1]):
        return None
    mention = inside[-1]
    kind = "organisation" if mention.form == "seat" else "country"
    name = plain(role_text(q, first, last) or mention.surface)
    return Reference("plain", Speaker(name, None, mention.iso3, kind, q.starts[first], q.end(last - 1)), first)


def _head_noun(q: QuotedText, first: int, last: int) -> int | None:
    """The token of a noun phrase's head: its last word before "of" or "for" when a name or a
    number follows ("the representative of Cuba", "Article 3 of the draft"), else its last word;
    a number or year after it passed over ("paragraph 4", "resolution 2401 (2018)"); None when
    that is no word."""
    end = next((k for k in range(first + 1, last) if q.lower[k] in HEAD_PREPOSITIONS), last)
    head = _before_designators(q, first, end)
    if end < last and not (_numbered_document(q, head, end) or _proper_complement(q, end + 1, last)):
        head = _before_designators(q, first, last)
    return head if q.words[head][0].isalpha() else None


def _before_designators(q: QuotedText, first: int, end: int) -> int:
    """The last token before ``end`` that is no number or bracket (``first`` at the least)."""
    head = end - 1
    while head > first and _designator(q, head):
        head -= 1
    return head


def _proper_complement(q: QuotedText, start: int, last: int) -> bool:
    """Tokens ``start..last-1`` name something: capitalised words and the small words between
    them ("the United States", "Foreign Affairs of Nepal")."""
    return any(q.is_capitalised(k) for k in range(start, last)) and all(
        q.is_capitalised(k) or q.lower[k] in NP_CONNECTORS for k in range(start, last))


def _designator(q: QuotedText, i: int) -> bool:
    """A number, or a bracket around one, designating a document or a part of it ("4", "(2018)")."""
    if q.words[i] in ("(", ")"):
        return any(0 <= k < len(q.words) and q.words[k][0].isdigit() for k in (i - 1, i + 1))
    return q.words[i][0].isdigit()


def _numbered_document(q: QuotedText, head: int, end: int) -> bool:
    """A document or part of one designated by a number before token ``end``: "paragraph 4",
    "Article 51"."""
    return head + 1 < end and q.words[head + 1][0].isdigit() and q.bare[q.words[head]] in DOCUMENT_NOUNS


def _noun_reference(q: QuotedText, first: int, last: int, head: int) -> Reference | None:
    """A phrase headed (at token ``head``) by a noun for a document, an organisation or people
    ("the resolution", "the ministry", "one official", "the representative of Cuba"); a short
    definite one ("the ambassador") is a description."""
    head_word = q.bare[q.words[head]]
    if head_word in FUNCTION_WORDS or (last - first == 1 and q.is_capitalised(first) and is_title_word(head_word)):
        return None  # a title alone ("President said") names nobody
    kind = _noun_kind(q, head, head_word)
    if kind is None:
        return None
    name = plain(q.text[q.starts[first] : q.end(last - 1)])
    if q.lower[first] == "the":
        name = name[0].lower() + name[1:]
    country = role_country(q, name, first, last)
    speaker = Speaker(name, None, country, kind, q.starts[first], q.end(last - 1))
    if q.lower[first] == "the" and last - first <= 3:
        return Reference("description", speaker, first, head=head_word)
    return Reference("plain", speaker, first)


def _noun_kind(q: QuotedText, i: int, noun: str) -> str | None:
    """What the noun heading a phrase at token ``i`` names, if a speaker."""
    if q.is_acronym(i):
        return "organisation"
    if noun in DOCUMENT_NOUNS:
        return "document"
    if noun in ORGANISATION_NOUNS:
        return "organisation"
    return "person" if names_people(noun) else None


def _starts_with_count(q: QuotedText, first: int, last: int) -> bool:
    """A count of common nouns ("153 member", "the 10 members"), never a speaker; years and
    ages ("a 2013 study", "17-year-old Ana Ortiz") are no counts."""
    while first < last and q.lower[first] in DETERMINERS:
        first += 1
    if first == last or not _COUNT.fullmatch(q.words[first]) or _YEAR.fullmatch(q.words[first]):
        return False
    return all(q.words[k].islower() for k in range(first + 1, last))
