"""Reporting verbs and the speakers they name: noun phrases resolved through the discourse.

``SpeakerReader.speaker`` reads a noun phrase (:func:`extraction.phrases.reference`), resolves it
through the discourse and records what it taught (``Discourse.observe``). ``cue_subject`` finds
the subject of a reporting verb, in order of preference, with the rule that found it:
- "passive-agent": the agent of a passive (``as described by X``, ``was called "..." by X``);
- "shared-subject": a coordinated verb, an infinitive or a participle (``and said``, ``to say``,
  ``..., adding``) shares its sentence's subject: the speaker of the sentence's first reporting
  verb, else the noun phrase opening the sentence;
- "apposition": a name and its role set off by commas (``X, the Y of Z, said``, ``the Y of Z, X,
  said``, ``X, who ..., said``);
- None: the noun phrase right before the verb (with a role set off before it: ``Speaking first,
  US Ambassador to the UN, Ana Ortiz said``);
- "inverted": the noun phrase after a verb opening its clause (``"...," said China's envoy Geng
  Shuang``, ``Said X: "..."``), with a role in apposition;
- "shared-subject" again when nothing else resolves.
``according_to`` reads ``according to X`` and ``in X's view``.
"""

from __future__ import annotations

from extraction.discourse import Discourse
from extraction.lexicon import (
    ADVERBS_BEFORE_VERB,
    AUXILIARIES,
    CLOSING_PUNCTUATION,
    PARTICIPLE_ENDINGS,
    SHARED_SUBJECT_LINKS,
    TEMPORAL_WORDS,
    TIME_PREPOSITIONS,
    is_adverb_in_ly,
)
from extraction.phrases import (
    QuotedText,
    Reference,
    Speaker,
    apposition,
    appositive_spans,
    np_left,
    np_right,
    reference,
    role_before,
    subject_span,
    view_possessor,
)

# Tokens between a quotation and its cue, or a sentence's start and its first cue, at most: real
# sentences are far shorter, a text without sentence ends is not read as one endless sentence.
MAX_CUE_DISTANCE = 400


def _skip_adverbs_left(q: QuotedText, i: int) -> int:
    """Back over adverbs, auxiliaries and a time phrase before a verb ("also", "did not", "has
    repeatedly", "on Thursday"; a capitalised word in -ly is a name: "Kelly", "the Assembly")."""
    while i > 0:
        if q.lower[i - 1] in ADVERBS_BEFORE_VERB or q.words[i - 1] in AUXILIARIES or is_adverb_in_ly(q.words[i - 1]):
            i -= 1
        elif (time := _time_phrase_start(q, i)) < i:
            i = time
        else:
            break
    return i


def _time_phrase_start(q: QuotedText, end: int) -> int:
    """Where a time phrase ending before token ``end`` starts ("on Thursday", "on March 3"), else ``end``."""
    i = end
    while i > 0 and end - i < 4 and (q.lower[i - 1] in TEMPORAL_WORDS or q.words[i - 1].isdigit()):
        i -= 1
    return i - 1 if end - i and i > 0 and q.lower[i - 1] in TIME_PREPOSITIONS else end


def _passive_agent_start(q: QuotedText, verb: int) -> int | None:
    """Where the agent of a passive cue starts: after "by" in ``as described by X``."""
    if not q.lower[verb].endswith(PARTICIPLE_ENDINGS):
        return None
    j = verb + 1
    while j < len(q.words) and (q.quoted[j] is not None or q.words[j] == "," or q.lower[j] == "as"):
        j += 1
    if j + 1 < len(q.words) and q.lower[j] == "by" and q.quoted[j] is None:
        return j + 1
    return None


class SpeakerReader:
    """Reads speakers from the noun phrases of a text, through its discourse."""

    def __init__(self, q: QuotedText, discourse: Discourse):
        self.q = q
        self.discourse = discourse
        self._references: dict[tuple[int, int, tuple[int, int] | None], Reference | None] = {}

    def resolved(self, found: Reference | None) -> Speaker | None:
        """The speaker ``found`` means; what it taught is observed."""
        if found is None:
            return None
        speaker = self.discourse.resolve(found)
        if speaker is not None:
            self.discourse.observe(found, speaker)
        return speaker

    def _reference(self, first: int, last: int, role_span: tuple[int, int] | None = None) -> Reference | None:
        """``extraction.phrases.reference`` of tokens ``first..last-1``, read once."""
        key = (first, last, role_span)
        if key not in self._references:
            self._references[key] = reference(self.q, first, last, role_span)
        return self._references[key]

    def speaker(self, first: int, last: int, role_span: tuple[int, int] | None = None) -> Speaker | None:
        """Tokens ``first..last-1`` read as a speaker (see ``extraction.phrases.reference``)."""
        return self.resolved(self._reference(first, last, role_span))

    def subject(self, first: int, last: int) -> Speaker | None:
        """Tokens ``first..last-1``, a sentence's subject, read as a speaker; a single capitalised
        word the text never uses as a name elsewhere is a common noun ("History will judge ...")."""
        found = self._reference(first, last)
        if found is not None and found.form == "name" and self.discourse.names.names_nobody(found.speaker):
            return None
        return self.resolved(found)

    def cue_subject(self, verb: int) -> tuple[Speaker | None, str | None]:
        """The subject of the reporting verb at token ``verb`` and the rule that found it (see the
        module docstring). Reads the speakers of the reporting verbs before it."""
        q = self.q
        agent_start = _passive_agent_start(q, verb)
        agent = self.inverted_subject(agent_start) if agent_start is not None else None
        if agent is not None:
            return agent, "passive-agent"
        floor = q.sentence_start_token(verb)
        before = _skip_adverbs_left(q, verb)
        previous = q.lower[before - 1] if before > floor else None
        if previous in SHARED_SUBJECT_LINKS or q.lower[verb].endswith("ing"):
            return self.sentence_subject(verb, floor), "shared-subject"  # "..., adding", "took to Twitter to say"
        found = self._subject_before(before, floor) if previous is not None else None
        if found is not None:
            return found
        after = verb + 1
        opens_clause = before == floor or q.words[before - 1] in CLOSING_PUNCTUATION
        if after < len(q.words) and q.quoted[after] is None and opens_clause:
            return self.inverted_subject(after), "inverted"  # "..., said China's envoy Geng Shuang"
        return self.sentence_subject(verb, floor), "shared-subject"

    def _subject_before(self, before: int, floor: int) -> tuple[Speaker, str | None] | None:
        """The subject ending at token ``before`` (a verb's, after its adverbs): a name and role
        in apposition, else the noun phrase there, with a role set off before it; before a
        relative "who" set off by a comma, the noun phrase it stands for ("the delegate of Chile,
        who said")."""
        q = self.q
        if q.lower[before - 1] == "who" and before - 2 > floor and q.words[before - 2] == ",":
            before -= 2
        if q.words[before - 1] == ",":
            appositive = appositive_spans(q, before - 1, floor)
            speaker = self.speaker(*appositive[0], role_span=appositive[1]) if appositive else None
            if speaker is not None:
                return speaker, "apposition"
        span = np_left(q, before)
        speaker = self.speaker(*span, role_span=role_before(q, span[0], floor)) if span else None
        return (speaker, None) if speaker is not None else None

    def inverted_subject(self, start: int) -> Speaker | None:
        """The noun phrase at token ``start``, with its role in apposition."""
        span = np_right(self.q, start)
        if span is None:
            return None
        role_span = None
        if span[1] + 1 < len(self.q.words) and self.q.words[span[1]] == ",":
            role_span = apposition(self.q, span[1] + 1)
        return self.speaker(*span, role_span=role_span)

    def sentence_subject(self, verb: int, floor: int) -> Speaker | None:
        """The subject of the sentence holding ``verb``: its first cue's, or its opening phrase."""
        q = self.q
        for i in range(floor, min(verb, floor + MAX_CUE_DISTANCE)):
            if q.is_cue[i] and not q.lower[i].endswith("ing"):
                speaker = self.discourse.cue_speaker(i)
                if speaker is not None:
                    return speaker
        span = subject_span(q, floor)
        if span is None or span[1] > verb:
            return None
        return self.subject(*span)

    def according_to(self, start: int) -> Speaker | None:
        """A source phrase at token ``start``: "according to X", "in X's view" / "in X's words"."""
        q = self.q
        if start + 2 < len(q.words) and q.lower[start] == "according" and q.lower[start + 1] == "to":
            return self.inverted_subject(start + 2)
        if q.lower[start] == "in":
            return self.resolved(view_possessor(q, start))
        return None
