"""Who said a quotation: an ordered table of strategies over the text's reporting verbs and subjects.

A text is read in three passes, so that what a quotation's attribution reads is known first:
1. every sentence's subject is made salient for later pronouns (a sentence's subject comes after
   its dateline, linking words and introductory phrases: "Speaking at the rally, X ...");
2. every reporting verb gets its subject, in text order (:mod:`extraction.cues`);
3. every quotation, in text order, gets the first speaker one of ``STRATEGIES`` finds.
A quotation that names a vote (``voted "no"``, ``a 'yes' vote``) is mentioned, not said: it gets
no speaker. Each strategy gives the speaker, the cue and the rule that found it:

- "post-cue": a reporting verb right after the closing mark, its subject the noun phrase before
  it: ``"...," he said``, ``"...," Smith said.``; after a quotation ending a sentence the cue ends
  its own short clause ("Smith said.", "she said in a statement");
- "pre-cue": the last reporting verb earlier in the quotation's sentence whose subject resolves:
  ``X said: "..."``, ``X told reporters that "..."``, ``X lamented the West's "..."``;
- "later-cue": a reporting verb further on in the sentence: ``"..." for the victory, X said``;
- for a cue at any of these places, the rule of its subject when not the noun phrase before it
  (see :mod:`extraction.cues`): "inverted" (``"...," said X, the Y of Z``, ``Said X, "..."``),
  "apposition" (``X, the Y, said``), "passive-agent" (``as described by X``), "shared-subject"
  (``..., adding that "..."``);
- "according-to": ``"...," according to X``, ``in X's view``, after or before the quotation;
- "continuation": a quotation without a cue continues the previous quotation's speaker (same
  sentence, or the previous one when it opens its sentence);
- "previous-sentence": a quotation opening its sentence takes the previous sentence's speaker
  (its first reporting verb's), else its subject when a person;
- "sentence-subject": a quotation inside its sentence takes that sentence's subject, when it
  comes before the quotation (``Rubio bemoaned a climate in which people "literally hate"``).
The cue is the reporting verb as written ("said", "according"), "continued" for a continuation,
"subject" for the two subject rules. Pronouns and names resolve through the discourse
(:mod:`extraction.discourse`); role and country come from the words before the name or from an
apposition, else from the entity's other mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from extraction.cues import MAX_CUE_DISTANCE, SpeakerReader
from extraction.discourse import Discourse, NameBook
from extraction.lexicon import AFTER_CUE_WORDS, CLOSING_PUNCTUATION, VOTE_FORMS, VOTE_WORDS
from extraction.models import Quote
from extraction.phrases import MAX_NP_TOKENS, WORD, QuotedText, Speaker, appositive_word, np_word, subject_span
from extraction.quote_marks import QuotationSpan
from extraction.text import AnalyzedText

_NON_SPACE = re.compile(r"\S")
SUBJECT_CUE = "subject"  # the cue of a quotation attributed to a sentence's subject, no verb seen
CONTINUED_CUE = "continued"
RULES = ("post-cue", "pre-cue", "later-cue", "inverted", "apposition", "passive-agent", "shared-subject",
         "according-to", "continuation", "previous-sentence", "sentence-subject")


class Attribution(NamedTuple):
    """A quotation's speaker, its cue and the rule that found it (one of ``RULES``)."""

    speaker: Speaker
    cue: str
    rule: str
    cue_token: int | None = None  # the reporting verb's token: the speaker is salient there


class Quotation(NamedTuple):
    """A quotation to attribute: its opening mark, its words, and where its closing mark stands
    (``close``: after the words, past spaces and commas)."""

    opening: int
    start: int
    end: int
    close: int


Strategy = Callable[[SpeakerReader, Quotation], Attribution | None]


# --- cues around the quotation ---------------------------------------------------------------
def _reporting_verb(reader: SpeakerReader, verb: int, rule: str) -> Attribution | None:
    """The attribution the reporting verb at token ``verb`` gives, if its subject resolved (``rule``
    when that subject is the noun phrase before the verb)."""
    speaker, subject_rule = reader.discourse.cue(verb)
    return Attribution(speaker, reader.q.words[verb], subject_rule or rule, verb) if speaker is not None else None


def _cue_at(reader: SpeakerReader, j: int, rule: str) -> Attribution | None:
    """The attribution a cue at token ``j`` gives, if its speaker resolved: "according to X" or a
    reporting verb."""
    according = reader.according_to(j)
    if according is not None:
        return Attribution(according, reader.q.words[j], "according-to", j)
    return _reporting_verb(reader, j, rule) if reader.q.is_cue[j] else None


def post_cue(reader: SpeakerReader, quotation: Quotation) -> Attribution | None:
    """A cue right after the closing mark: ``"...," he said`` / ``said X`` / ``according to X``,
    ``"...," X, the Y of Z, said``."""
    q = reader.q
    i = q.token_at(quotation.close)
    while i < len(q.words) and q.words[i] in CLOSING_PUNCTUATION:
        i += 1
    if i >= len(q.words) or q.quoted[i] is not None or q.text.count("\n", quotation.close, q.starts[i]):
        return None
    according = reader.according_to(i)
    if according is not None:
        return Attribution(according, q.words[i], "according-to", i)
    verb = _verb_after_noun_phrase(q, i)
    if verb is None or q.lower[verb - 1] == "to":
        return None  # '"...," to support him': an infinitive, not a cue
    if q.text[quotation.end - 1 : quotation.end] == "." and not _ends_short_clause(q, verb + 1):
        return None
    return _reporting_verb(reader, verb, "post-cue")


def _verb_after_noun_phrase(q: QuotedText, i: int) -> int | None:
    """The reporting verb (not in -ing) after a short noun phrase from token ``i`` on, which may
    hold an apposition set off by commas; None when something else comes first."""
    commas = 0
    for j in range(i, min(len(q.words), i + 2 * MAX_NP_TOKENS)):
        if q.quoted[j] is not None:
            return None
        if q.is_cue[j] and not q.lower[j].endswith("ing"):
            return j
        if q.words[j] == "," and j > i and commas < 2:
            commas += 1
            continue
        if not np_word(q, j, first=j == i) and not (commas == 1 and appositive_word(q, j)):
            return None
        if commas == 0 and j - i >= MAX_NP_TOKENS // 2:
            return None
    return None


def _ends_short_clause(q: QuotedText, i: int) -> bool:
    """After a cue verb: the sentence ends, or goes on with a place, time or manner phrase."""
    if i >= len(q.words):
        return True
    return q.words[i] in (".", ",", ";", "!", "?") or q.lower[i] in AFTER_CUE_WORDS


def pre_cue(reader: SpeakerReader, quotation: Quotation) -> Attribution | None:
    """The last cue before the opening mark in the same sentence whose speaker resolves (a verb
    read wrongly, as in ``"more radical" protest groups``, is passed over)."""
    q = reader.q
    first = q.token_at(quotation.opening)
    floor = q.sentence_start_token(first) if first < len(q.words) else 0
    for j in range(first - 1, max(floor, first - MAX_CUE_DISTANCE) - 1, -1):
        if q.quoted[j] is None and (found := _cue_at(reader, j, "pre-cue")) is not None:
            return found
    return None


def later_cue(reader: SpeakerReader, quotation: Quotation) -> Attribution | None:
    """A cue further on in the quotation's sentence: ``"..." for the victory, Smith said``, ``the
    race "is a dead heat," as Cruz said``."""
    q = reader.q
    last = q.token_at(quotation.end) - 1
    if last < 0:
        return None
    sentence = q.sentence_of[last]
    after_close = q.token_at(quotation.close)
    for j in range(after_close, min(len(q.words), after_close + MAX_CUE_DISTANCE)):
        if q.sentence_of[j] != sentence:
            break
        if q.quoted[j] is None and (found := _cue_at(reader, j, "later-cue")) is not None:
            return found
    return None


# --- quotations without a cue ----------------------------------------------------------------
def _sentence_of(q: QuotedText, quotation: Quotation) -> tuple[int, bool]:
    """The index of the sentence holding the opening mark, and whether the quotation opens it."""
    sentence = q.sentences.index_at(quotation.opening)
    return sentence, not _NON_SPACE.search(q.text, q.sentences.spans[sentence][0], quotation.opening)


def continuation(reader: SpeakerReader, quotation: Quotation) -> Attribution | None:
    """The previous quotation's speaker, for a quotation in the same sentence or opening the next."""
    previous = reader.discourse.previous_quotation
    if previous is None or previous.speaker is None:
        return None
    sentence, opens_sentence = _sentence_of(reader.q, quotation)
    if previous.sentence == sentence or (opens_sentence and previous.sentence == sentence - 1):
        return Attribution(previous.speaker, CONTINUED_CUE, "continuation")
    return None


def previous_sentence(reader: SpeakerReader, quotation: Quotation) -> Attribution | None:
    """For a quotation opening its sentence: the previous sentence's speaker, else its subject
    when that is a person."""
    q = reader.q
    sentence, opens_sentence = _sentence_of(q, quotation)
    if not opens_sentence or sentence == 0:
        return None
    start, end = q.sentences.spans[sentence - 1]
    first, last = q.token_at(start), q.token_at(end)
    for i in range(first, last):
        if q.is_cue[i] and (speaker := reader.discourse.cue_speaker(i)) is not None:
            return Attribution(speaker, SUBJECT_CUE, "previous-sentence")
    span = subject_span(q, first) if first < last else None
    speaker = reader.subject(*span) if span is not None else None
    if speaker is None or speaker.kind != "person":
        return None
    return Attribution(speaker, SUBJECT_CUE, "previous-sentence")


def sentence_subject(reader: SpeakerReader, quotation: Quotation) -> Attribution | None:
    """For a quotation inside its sentence: the sentence's subject, when it comes before the
    quotation: ``Rubio bemoaned a climate in which people "literally hate each other"``."""
    q = reader.q
    if _sentence_of(q, quotation)[1]:
        return None
    first = q.token_at(quotation.opening)
    floor = q.sentence_start_token(first) if first < len(q.words) else 0
    span = subject_span(q, floor)
    if span is None or span[1] > first:
        return None
    speaker = reader.subject(*span)
    return Attribution(speaker, SUBJECT_CUE, "sentence-subject") if speaker is not None else None


# In order of preference: the first that finds a speaker attributes the quotation.
STRATEGIES: tuple[Strategy, ...] = (post_cue, pre_cue, later_cue, continuation, previous_sentence, sentence_subject)


class Attributor:
    """Attributes the quotations of an analysed text (see the module docstring)."""

    def __init__(self, analyzed: AnalyzedText, quotations: list[QuotationSpan]):
        self.quotations = quotations
        q = QuotedText(analyzed, quotations)
        self.q = q
        self.discourse = Discourse(NameBook(q), q.sentence_of)
        self.reader = SpeakerReader(q, self.discourse)
        self._observe_sentence_subjects()
        self._observe_cues()

    def _observe_sentence_subjects(self) -> None:
        """Make every sentence's subject salient for later pronouns."""
        q = self.q
        for sentence_start, _ in q.sentences.spans:
            first = q.token_at(sentence_start)
            if first >= len(q.words) or q.quoted[first] is not None:
                continue
            span = subject_span(q, first)
            speaker = self.reader.subject(*span) if span is not None else None
            if speaker is not None:
                self.discourse.observe_speaker(span[0], speaker)

    def _observe_cues(self) -> None:
        """The subject of every reporting verb, in text order."""
        verb = self.q.is_cue.find(1)
        while verb != -1:
            self.discourse.observe_cue(verb, *self.reader.cue_subject(verb))
            verb = self.q.is_cue.find(1, verb + 1)

    def quotes(self) -> list[Quote]:
        """Every quotation with its speaker, in text order."""
        text, results = self.q.text, []
        for span in self.quotations:
            close = span.end
            while close < len(text) and text[close] in ", \t":
                close += 1
            attribution = self._attribute(Quotation(span.opening, span.start, span.end, close))
            speaker = attribution.speaker if attribution else None
            self.discourse.observe_quotation(self.q.sentences.index_at(max(span.start, span.end - 1)), speaker)
            results.append(_quote(text, span, self.q.context(span.opening, span.end), attribution))
        return results

    def _attribute(self, quotation: Quotation) -> Attribution | None:
        if self._is_quoted_vote(quotation):
            return None
        for strategy in STRATEGIES:
            found = strategy(self.reader, quotation)
            if found is not None:
                if found.cue_token is not None:
                    self.discourse.observe_speaker(found.cue_token, found.speaker)
                return found
        return None

    def _is_quoted_vote(self, quotation: Quotation) -> bool:
        """A vote named in quotation marks, mentioned rather than said: ``voted "no"``,
        ``a 'yes' vote``."""
        q = self.q
        words = WORD.findall(q.text[quotation.opening + 1 : quotation.end].lower())
        if not words or len(words) > 2 or not set(words) <= VOTE_WORDS:
            return False
        first = q.token_at(quotation.opening)
        after = q.next_unquoted_word(q.token_at(quotation.end))
        before_vote_form = first > 0 and q.lower[first - 1] in VOTE_FORMS
        return before_vote_form or (after < len(q.words) and q.lower[after] in VOTE_FORMS)


def _quote(text: str, span: QuotationSpan, context: tuple[int, int], attribution: Attribution | None) -> Quote:
    quote = Quote(text=text[span.start : span.end], start=span.start, end=span.end,
                  context_start=context[0], context_end=context[1])
    if attribution is not None:
        speaker = attribution.speaker
        quote.speaker, quote.speaker_role, quote.speaker_country = speaker.name, speaker.role, speaker.country
        quote.speaker_kind, quote.speaker_start, quote.speaker_end = speaker.kind, speaker.start, speaker.end
        quote.cue, quote.rule = attribution.cue, attribution.rule
    return quote
