"""What a text has said so far about who is who: the only state attribution keeps.

``NameBook`` holds what the whole text says of names, read once: the fullest form of each
person's name ("Biden" -> "Joe Biden") and the first title given to each ("Foreign Minister Ana
Ortiz"). ``Discourse`` holds what attribution has read so far: the entities (the fullest mention
of each name, with its role and country), the gender of persons (from "Mr."/"Mrs.", "spokeswoman"
or an earlier he/she), the salient speakers pronouns can mean, the speaker of each reporting verb
and the previous quotation's speaker.

Reading and writing are separate calls: ``resolve(reference)`` completes a noun phrase read by
:mod:`extraction.phrases` into a speaker and changes nothing; the ``observe_*`` calls record what
was read. A pronoun resolves to the latest salient entity it can mean, within a few sentences:
he/she to a person not known to be of the other gender, it to a document, organisation or country,
they to an organisation, a country or a plural. A name resolves to its fullest form, with the role
and country its phrase gives, else those given to it elsewhere in the text.
"""

from __future__ import annotations

from array import array
from bisect import insort
from collections.abc import Iterator
from operator import itemgetter
from typing import NamedTuple

from extraction.lexicon import PRONOUNS, is_title_word
from extraction.phrases import (
    QuotedText,
    Reference,
    Speaker,
    name_in_run,
    role_country,
    role_text,
    run_kind,
    surface,
)

MAX_PRONOUN_DISTANCE = 8  # sentences between a pronoun and the entity it can mean


class NameBook:
    """Full names of persons (surname -> fullest form; another word of a short name -> the one
    name it is part of, for a family name written first or a first surname: "Wang" -> "Wang Lei",
    "Rodriguez" -> "Bruno Rodriguez Parrilla"), the first title given to each ("Foreign Minister Ana
    Ortiz") and the words that name persons (in a full name, or capitalised inside a sentence),
    read from every capitalised run of a text."""

    def __init__(self, q: QuotedText):
        self.full_names: dict[str, str] = {}
        self.inner_words: dict[str, str | None] = {}  # a word but the last -> full name (None: of several)
        self.name_words: set[str] = set()
        self.title_roles: dict[str, tuple[str, str | None]] = {}  # person -> (role, country)
        titled = []
        for first, last in q.name_runs:
            span = name_in_run(q, first, last)
            if span is None or run_kind(q, *span) != "person":
                continue
            name = surface(q, *span)
            if " " in name:
                self._add_full_name(name)
            elif span[0] > first or not q.opens_sentence(first):
                self.name_words.add(name)
            if any(is_title_word(q.lower[k].rstrip(".")) for k in range(first, span[0])):
                titled.append((name, first, span[0]))
        for name, first, last in titled:
            role = role_text(q, first, last)
            if role is not None:
                self.title_roles.setdefault(self.canonical(name), (role, role_country(q, role, first, last)))

    def _add_full_name(self, name: str) -> None:
        """A person's name of several words; a word of a short one but its last may be the surname
        ("Wang Lei", "Bruno Rodriguez Parrilla")."""
        parts = name.split()
        self.name_words.update(parts)
        for key in (parts[-1], name):
            if len(name) > len(self.full_names.get(key, "")):
                self.full_names[key] = name
        for word in parts[:-1] if len(parts) <= 3 else ():
            known = self.inner_words.get(word, name)
            self.inner_words[word] = name if known and known.split()[-1] == parts[-1] else None

    def canonical(self, name: str) -> str:
        """The fullest form of a person's name in the text."""
        parts = name.split()
        if not parts:
            return name
        found = self.full_names.get(name) or self.full_names.get(parts[-1])
        if found is None and len(parts) == 1 and self.inner_words.get(name):
            found = self.full_names[self.inner_words[name].split()[-1]]
        return found or name

    def names_nobody(self, name: Speaker) -> bool:
        """A person's name of a single word, without a role, that the text never uses as a name:
        only ever opening a sentence ("History will judge ..."), never inside a full name."""
        word = name.name
        return (name.kind == "person" and name.role is None and " " not in word and word not in self.name_words
                and word not in self.full_names and word not in self.inner_words)


class _Salience:
    """Speakers made salient, by token index: the latest before a pronoun, within a few sentences,
    and the latest person whose role holds a given word ("the ambassador")."""

    def __init__(self, sentence_of: array):
        self._sentence_of = sentence_of
        self._by_sentence: dict[int, list[tuple[int, Speaker]]] = {}  # in token order, ties as added
        self._latest_with_role_word: dict[str, tuple[int, Speaker]] = {}

    def add(self, position: int, speaker: Speaker) -> None:
        """Make ``speaker`` salient at token ``position``."""
        insort(self._by_sentence.setdefault(self._sentence_of[position], []), (position, speaker), key=itemgetter(0))
        if speaker.kind == "person" and speaker.role:
            for word in speaker.role.lower().split():
                latest = self._latest_with_role_word.get(word)
                if latest is None or position >= latest[0]:
                    self._latest_with_role_word[word] = (position, speaker)

    def before(self, i: int) -> Iterator[Speaker]:
        """Speakers made salient before token ``i`` and at most MAX_PRONOUN_DISTANCE sentences
        earlier, the latest first."""
        sentence = self._sentence_of[i]
        for earlier in range(sentence, max(-1, sentence - MAX_PRONOUN_DISTANCE - 1), -1):
            for position, speaker in reversed(self._by_sentence.get(earlier, ())):
                if position < i:
                    yield speaker

    def person_with_role_word(self, word: str) -> Speaker | None:
        """The latest person whose role holds ``word``."""
        latest = self._latest_with_role_word.get(word)
        return latest[1] if latest else None


class CueSpeaker(NamedTuple):
    """The subject of a reporting verb, and the rule that found it (None: the noun phrase before
    the verb; see :mod:`extraction.attribution`)."""

    speaker: Speaker | None
    rule: str | None


class PreviousQuotation(NamedTuple):
    sentence: int  # the sentence where it ends
    speaker: Speaker | None


class Discourse:
    """Entities, genders, salience, the speakers of reporting verbs and the previous quotation."""

    def __init__(self, names: NameBook, sentence_of: array):
        self.names = names
        self._entities: dict[str, Speaker] = {}  # canonical name -> fullest mention (role/country)
        self._gender: dict[str, str] = {}  # person -> "he" or "she"
        self._salience = _Salience(sentence_of)
        self._cues: dict[int, CueSpeaker] = {}  # token of a reporting verb -> its subject
        self.previous_quotation: PreviousQuotation | None = None

    # --- reading -------------------------------------------------------------------------
    def resolve(self, reference: Reference) -> Speaker | None:
        """The speaker a noun phrase means, given what the text said before."""
        if reference.form == "pronoun":
            return self._antecedent(reference)
        if reference.form == "name":
            return self._entity(reference.speaker)
        if reference.form == "description":
            named = self._salience.person_with_role_word(reference.head)
            if named is not None:
                return named._replace(start=reference.speaker.start, end=reference.speaker.end)
        return reference.speaker

    def cue(self, verb: int) -> CueSpeaker:
        """The subject of the reporting verb at token ``verb`` (observed by ``observe_cue``)."""
        return self._cues[verb]

    def cue_speaker(self, verb: int) -> Speaker | None:
        """The speaker of the reporting verb at token ``verb``, if observed and found."""
        found = self._cues.get(verb)
        return found.speaker if found else None

    def _known_role(self, name: str) -> tuple[str | None, str | None]:
        """Role and country given to a person elsewhere in the text: as a speaker, else in a title."""
        known = self._entities.get(name)
        if known is not None and known.role is not None:
            return known.role, known.country
        return self.names.title_roles.get(name, (None, None))

    def _entity(self, mention: Speaker) -> Speaker:
        """A name as its entity: the fullest form of a person's name, the role and country the
        mention gives, else those known ("Ana Ortiz (Chile)" keeps its country)."""
        name = self.names.canonical(mention.name) if mention.kind == "person" else mention.name
        role, country = mention.role, mention.country
        if role is None:
            role, known_country = self._known_role(name)
            country = country or known_country
        return Speaker(name, role, country, mention.kind, mention.start, mention.end)

    def _antecedent(self, pronoun: Reference) -> Speaker | None:
        """The latest salient entity a pronoun can mean (at the pronoun's place)."""
        word = pronoun.speaker.name
        for speaker in self._salience.before(pronoun.position):
            if self._fits(speaker, word):
                if speaker.role is None:
                    role, country = self._known_role(speaker.name)
                    speaker = speaker._replace(role=role, country=country or speaker.country)
                return speaker._replace(start=pronoun.speaker.start, end=pronoun.speaker.end)
        return None

    def _fits(self, speaker: Speaker, pronoun: str) -> bool:
        """Whether ``pronoun`` can mean ``speaker`` (see the module docstring)."""
        wanted = PRONOUNS[pronoun]
        if wanted == "person":
            return speaker.kind == "person" and self._gender.get(speaker.name, pronoun) == pronoun
        if wanted == "thing":
            return speaker.kind in ("document", "organisation", "country")
        return speaker.kind in ("organisation", "country") or speaker.name.endswith("s")

    # --- writing -------------------------------------------------------------------------
    def observe(self, reference: Reference, speaker: Speaker) -> None:
        """Record what resolving ``reference`` to ``speaker`` taught: a he/she binds the person
        it meant to that gender; a name records its entity (its first mention, or the first that
        gives a role) and the gender its title gives."""
        if reference.form == "pronoun":
            if PRONOUNS[reference.speaker.name] == "person":
                self._gender.setdefault(speaker.name, reference.speaker.name)
        elif reference.form == "name":
            if reference.gender is not None:
                self._gender.setdefault(speaker.name, reference.gender)
            known = self._entities.get(speaker.name)
            if known is None or (known.role is None and speaker.role is not None):
                self._entities[speaker.name] = speaker

    def observe_speaker(self, position: int, speaker: Speaker) -> None:
        """A speaker named or spoken of at token ``position``: salient for later pronouns."""
        self._salience.add(position, speaker)

    def observe_cue(self, verb: int, speaker: Speaker | None, rule: str | None) -> None:
        """The subject of the reporting verb at token ``verb`` (salient there when found)."""
        self._cues[verb] = CueSpeaker(speaker, rule)
        if speaker is not None:
            self._salience.add(verb, speaker)

    def observe_quotation(self, sentence: int, speaker: Speaker | None) -> None:
        """The speaker (or None) of the quotation just attributed, ending in sentence ``sentence``."""
        self.previous_quotation = PreviousQuotation(sentence, speaker)
