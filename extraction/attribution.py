"""Who said a quotation: reporting-verb cues, speaker noun phrases, apposition, pronouns.

The attribution of one quotation, in order of preference (a cue whose subject does not resolve
is passed over):
1. a cue right after the closing mark: ``"...," he said``, ``"..." said X, the Y of Z``,
   ``"...," according to X``, ``"...," in X's view``;
2. a reporting verb earlier in the quotation's sentence: ``X said: "..."``, ``X told reporters
   that "..."``, ``X lamented the West's "..."``, ``X, tweeting: "..."``, ``Said X, "..."``,
   ``The resolution states that ... are "..."``, ``as described by X``; its subject is the noun
   phrase before it, a name in apposition (``X, the Y, said``, ``X, who ..., said``), the agent
   of a passive, or for a coordinated verb, an infinitive or a participle (``..., adding that
   "..."``) the subject of the sentence's first cue or of the sentence itself;
3. a reporting verb later in the sentence: ``"..." for the victory, X said``;
4. a quotation without a cue continues the previous quotation's speaker (same sentence, or the
   previous one when it opens its sentence); one opening a sentence takes the previous sentence's
   subject, one inside a sentence that sentence's subject (``X bemoaned the "..."``).
A sentence's subject comes after its dateline, linking words and introductory phrases
("Speaking at the rally, X ..."). Pronouns resolve to the most recent salient entity: he/she to
a person who spoke or was a sentence subject and is not known to be of the other gender (from
"Mr."/"Mrs.", "spokeswoman", or an earlier he/she), it to a document or organisation, they to an
organisation or group. A name is completed to its fullest form in the text ("Biden" -> "Joe
Biden"); role and country come from the words before the name or from an apposition, else from
the entity's other mentions.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from itertools import accumulate, chain
from operator import itemgetter
from typing import NamedTuple

from extraction.countries import CountryMention, people_country
from extraction.models import Quote
from extraction.sentences import ABBREVIATIONS, SentenceIndex


def _verb_forms(lemmas: str, irregular: str) -> frozenset[str]:
    """Inflected forms (-s, -ed, -ing) of regular reporting verbs, plus the irregular forms."""
    forms = set(irregular.split())
    for lemma in lemmas.split():
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.add(lemma)
        forms.add(lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s"))
        if lemma.endswith("y") and lemma[-2] not in "aeiou":
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
            forms.discard(lemma + "s")
        else:
            forms.add(stem + "ed")
        forms.add(stem + "ing")
    return frozenset(forms)


REPORTING_VERBS = _verb_forms(
    """add state declare insist argue ask explain note warn claim announce acknowledge admit reply
    respond continue conclude suggest recall complain predict promise vow pledge lament reiterate
    repeat urge demand call describe deny confirm assert contend maintain observe remark comment
    joke quip boast concede stress emphasize emphasise underline charge counter retort shout yell
    testify allege blast slam criticize criticise accuse praise hail dismiss denounce condemn
    brand label dub term proclaim report caution advise recommend propose exclaim wonder muse
    reflect recount clarify elaborate reason agree object protest affirm reaffirm deplore welcome
    decide express support mock tout question scoff tweet post chide fume gush marvel scold
    rail thunder plead beg mention sigh whisper laugh tease concur acknowledge reveal pray opine""",
    """say says said saying tell tells told telling write writes wrote writing written
    think thinks thought thinking speak speaks spoke speaking read reads reading cry cries
    cried crying put puts putting""",
)
PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "group"}
GENDERED_WORDS = {
    **dict.fromkeys(
        "mr sir lord king prince father son brother husband man spokesman chairman congressman".split(), "he"),
    **dict.fromkeys(
        """mrs ms miss dame lady queen princess mother daughter sister wife woman spokeswoman chairwoman
        congresswoman""".split(), "she"),
}
DOCUMENT_NOUNS = frozenset(
    """resolution report statement letter text draft declaration communique communiqué memo
    memorandum document charter treaty agreement bill law decree order ruling verdict judgment
    judgement opinion complaint lawsuit indictment filing motion petition release advisory
    constitution manifesto platform plan proposal study survey poll ad advertisement post tweet
    email e-mail book article editorial column note notice message video transcript""".split()
)
ORGANISATION_NOUNS = frozenset(
    """government ministry department agency campaign committee council commission office
    administration company firm group party organization organisation association union
    coalition alliance court bureau service team board network newspaper paper channel website
    institute foundation center centre bank fund embassy mission delegation army military police
    navy house senate congress parliament assembly cabinet kremlin pentagon secretariat
    corporation corp inc university college school club league federation movement""".split()
)
# Last words of a body's name ("Security Council", "United Nations") that a person's name may follow.
BODY_NAME_ENDINGS = ORGANISATION_NOUNS | {"nations"}
# People named by what they are; agentive endings (-er, -or, -ist, -ian, -man) cover most others.
PERSON_NOUNS = frozenset(
    """official officials aide aides envoy diplomat diplomats source sources expert experts critic
    critics candidate nominee chief head executive member members resident residents witness
    delegate delegates activist activists people person man woman men women host anchor
    attorney judge prosecutor spokesman spokeswoman spokesperson spokesmen spokeswomen president
    secretary chairman chairwoman minister ambassador senator congressman congresswoman mayor
    governor ally allies friend friends parent parents student students father mother son
    daughter wife husband brother sister veteran veterans analyst analysts economist economists
    consultant consultants assistant assistants agent agents representative representatives
    deputy deputies official's staff staffer staffers colleague colleagues pundit pundits
    scientist scientists strategist strategists pollster pollsters nun priest bishop""".split()
)
_PERSON_NOUN = re.compile(r"(?:er|or|ist|ian|man|woman|person)s?$")
# Capitalised words that are titles or parts of titles, not names ("US President Joe Biden").
TITLE_WORDS = frozenset(
    """president vice secretary minister prime foreign ambassador senator sen sens rep reps
    representative representatives gov governor mayor chancellor king queen prince princess pope
    judge justice chief general gen adm admiral col colonel lt sgt dr mr mrs ms miss professor
    prof rev reverend deputy director chairman chairwoman chair speaker leader majority minority
    attorney spokesman spokeswoman spokesperson commissioner sheriff captain commander envoy
    premier emir sheikh crown state interior defense defence treasury homeland security justice
    former acting first lady democratic republican democrat independent gop candidate nominee
    presidential congressman congresswoman councilman councilwoman assemblyman lawmaker
    economy finance trade health education labor labour energy agriculture transportation
    permanent special sir lord dame gen. senior under""".split()
)
# Capitalised words that begin sentences but name nobody.
FUNCTION_WORDS = frozenset(
    """a an the this that these those he she it they we i you his her its their our my your him
    them us me who whom whose which what when where why how while as at by for from in into of
    on onto to with without within after before during since until about above below under
    over between among against through and or but nor so yet if then than because although
    though unless whether also only just even still meanwhile however moreover furthermore
    instead indeed there here now today yesterday tomorrow tonight earlier later last next
    some many most several all both each every any other others another such no not one two
    three four five six seven eight nine ten is are was were be been being has have had do does
    did will would can could should may might must shall according said says told asked added
    mr mrs ms dr yes oh well like despite amid among much""".split()
)
TEMPORAL_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec""".split()
)
DETERMINERS = frozenset("the a an this that these those its his her their our my your every each any no another".split())
NOUN_MARKERS = DETERMINERS | {"of"}
# Function words that open a noun phrase, not an introductory phrase ("Some of them said").
NOUN_PHRASE_OPENERS = DETERMINERS | frozenset(
    """he she it they we i you who some many most several all both each every any other others
    another such one two three four five six seven eight nine ten no""".split()
)
# Words that open a noun phrase and stop it when reading leftwards ("another friend said").
NP_DETERMINERS = frozenset("a an one another this these those some each every both many several".split())
FRONTED_CUES = frozenset("said says added wrote writes".split())  # "Said Smith, ..."
VIEW_NOUNS = frozenset("view views words opinion estimation telling account".split())
CLAUSE_OPENERS = frozenset("who whose whom which while when after before as though although since".split())
PERSONAL_PRONOUNS = frozenset("i he she it they we you".split())
HONORIFICS = frozenset("mr mrs ms dr".split())  # function words for names, but inside noun phrases
MAX_PARENTHETICAL = 8  # tokens of a parenthesis inside a noun phrase, marks included
# Lowercase words that may stand inside a speaker noun phrase ("the US ambassador to the UN").
NP_CONNECTORS = frozenset({"of", "for", "to", "the", "at", "and", "on"})
ADVERBS_BEFORE_VERB = frozenset(
    """also later then has have had previously again once further repeatedly publicly recently
    reportedly never often once subsequently simply just even still already quickly
    flatly bluntly frankly""".split()
)
IRREGULAR_PAST = frozenset(
    """took went made gave came got won lost left met ran sent spent kept held brought began became
    saw knew found felt heard led sat stood paid built bought sought fought struck""".split()
)
PARTICIPLE_ENDINGS = ("ed", "en", "said", "told", "put")  # "described", "written"
AUXILIARIES = frozenset(
    """do does did will would can could may might must should shall not never n't didn't doesn't
    don't won't wouldn't can't couldn't didn’t doesn’t don’t won’t wouldn’t can’t couldn’t""".split()
)
_AFTER_CUE_WORDS = frozenset(
    """in on at during after before to of from with about by via yesterday today tonight earlier
    later then again recently last this when while as""".split()
)
# Auxiliaries that show the word before them is a subject, not a verb ("member states have").
VERBS_AFTER_SUBJECT = frozenset("are were have had will would can could may might must should shall do did".split())
# Votes named in quotation marks after or before a form of "vote" (voted "no", a 'yes' vote).
VOTE_WORDS = frozenset("yes no nay aye yea abstain abstention against in favour favor".split())
VOTE_FORMS = frozenset("vote votes voted voting".split())
# Words that link a sentence to the one before and stand before its subject ("And then Smith said").
LINKING_WORDS = frozenset("and but or so yet then also still meanwhile however instead indeed now thus".split())
MAX_INTRODUCTION = 30  # tokens of an introductory phrase, up to its comma
DASHES = ("-", "–", "—", "--")
_WORD = re.compile(r"[^\W\d_][\w’'´-]*")
_TOKEN = re.compile(r"\w+(?:[’'´\-.&]\w+)*|[^\w\s]")  # never holds whitespace
_SPACE_AND_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})")  # between two tokens there is only whitespace
_WHITESPACE = re.compile(r"\s")
TOKENIZE_CHUNK = 1 << 18  # characters tokenized at once (cut at whitespace)
_COUNT = re.compile(r"\d[\d,]*")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_POSSESSIVE_ENDINGS = ("’s", "'s", "´s")  # an acute accent often stands for the apostrophe
MAX_NP_TOKENS = 14
MAX_PRONOUN_DISTANCE = 8  # sentences between a pronoun and the entity it can mean
# Tokens between a quotation and its cue, or a sentence's start and its first cue, at most: real
# sentences are far shorter, a text without sentence ends is not read as one endless sentence.
MAX_CUE_DISTANCE = 400
_NON_SPACE = re.compile(r"\S")
SUBJECT_CUE = "subject"  # the cue of a quotation attributed to its sentence's subject, no verb seen


class Speaker(NamedTuple):
    """A resolved speaker mention."""

    name: str
    role: str | None
    country: str | None
    kind: str
    start: int
    end: int


def _plain(text: str) -> str:
    """Typographic apostrophes as ASCII, spaces collapsed."""
    return " ".join(text.replace("’", "'").replace("‘", "'").replace("´", "'").split())


def _is_title_word(word: str) -> bool:
    """A title word, or a compound of title words ("secretary-general", "under-secretary")."""
    return word in TITLE_WORDS or ("-" in word and all(part in TITLE_WORDS for part in word.split("-")))


def _without_possessive(word: str) -> str:
    """``word`` without a possessive ending ("Kremlin's" -> "Kremlin")."""
    if not word.endswith(_POSSESSIVE_ENDINGS):
        return word
    for ending in _POSSESSIVE_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


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


def _indices_of_ones(flags: bytearray) -> Iterator[int]:
    """The indices where ``flags`` holds 1, in order."""
    i = flags.find(1)
    while i != -1:
        yield i
        i = flags.find(1, i + 1)


class Attributor:
    """Attributes the quotations of one text (given as ``(opening, start, end)`` spans), given
    its sentences and its country mentions."""

    def __init__(self, text: str, spans: list[tuple[int, int, int]], sentences: SentenceIndex,
                 countries: list[CountryMention]):
        self.text = text
        self.spans = spans
        self._tokenize()
        self._title_case: dict[int, bool] = {}  # sentence index -> headline-style capitals
        self._sentence_start_tokens: dict[int, int] = {}  # sentence index -> _sentence_start_token
        self._next_unquoted_words: dict[int, int] = {}  # token index -> _next_unquoted_word
        self.sentences = sentences
        self.sentence_of = self.sentences.indices_at(self.starts)
        self.quoted = self._quoted_mask()
        self.countries = countries
        self._country_starts = [m.start for m in self.countries]
        self._country_ends = [m.end for m in self.countries]
        self.country_token = self._country_mask()
        self.full_names: dict[str, str] = {}
        self.gender: dict[str, str] = {}  # person -> "he" or "she", from titles and pronouns
        self.entities: dict[str, Speaker] = {}  # canonical name -> fullest mention (role/country)
        self.title_roles: dict[str, tuple[str, str | None]] = {}  # person -> (role, country) from a title
        self.salient = _Salience(self.sentence_of)
        self._collect_names()
        self._cue_cache: dict[int, Speaker | None] = {}
        self.is_cue = bytearray(len(self.words))
        for i in _indices_of_ones(bytearray(map(REPORTING_VERBS.__contains__, self.lower))):
            self.is_cue[i] = self._reads_as_cue(i)
        self._note_sentence_subjects()
        for index in _indices_of_ones(self.is_cue):
            self._cue_speaker(index)

    # --- token helpers -------------------------------------------------------------------
    def _tokenize(self) -> None:
        """Token offsets (a compact array), words and their lower case (one string per distinct
        word), and which words are capitalised; a chunk of text at a time."""
        self.starts = array("i")  # C ints: 4 bytes an offset; a token ends at _end(i)
        self.words: list[str] = []
        vocabulary: dict[str, str] = {}
        chunk_start = 0
        while chunk_start < len(self.text):
            cut = _WHITESPACE.search(self.text, chunk_start + TOKENIZE_CHUNK)
            chunk_end = cut.start() if cut else len(self.text)
            spaced_words = _SPACE_AND_TOKEN.findall(self.text, chunk_start, chunk_end)
            # [chunk_start, start of word 0, its end, start of word 1, ...]
            bounds = array("i", accumulate(map(len, chain.from_iterable(spaced_words)), initial=chunk_start))
            self.starts.extend(bounds[1::2])
            words = list(map(itemgetter(1), spaced_words))
            self.words.extend(map(vocabulary.setdefault, words, words))
            chunk_start = chunk_end
        lower = {word: word.lower() for word in vocabulary}
        self.lower = list(map(lower.__getitem__, self.words))
        self.lowercase_words = {word for word in vocabulary if word.islower()}
        capitalised = {word for word in vocabulary if word[0].isupper()}
        self.capitalised = bytearray(map(capitalised.__contains__, self.words))

    def _end(self, i: int) -> int:
        """Where token ``i`` ends."""
        return self.starts[i] + len(self.words[i])

    def _reads_as_cue(self, i: int) -> bool:
        """Whether the reporting verb form at token ``i`` is a verb: "the report says" and
        "secretary of state" are nouns (a determiner or "of" before it), and so is a quoted word."""
        return (
            (self.words[i].islower() or (self.lower[i] in FRONTED_CUES and self._opens_sentence(i)))
            and self.quoted[i] is None
            and not (i and (self.lower[i - 1] in NOUN_MARKERS or self._is_possessive(i - 1)))
            and not self._plural_noun_before_verb(i)
        )

    def _quoted_mask(self) -> list[int | None]:
        """For each token inside a quotation (marks included), that quotation's opening offset."""
        mask: list[int | None] = [None] * len(self.starts)
        for opening, _, end in self.spans:
            first = bisect_left(self.starts, opening)
            last = bisect_left(self.starts, end + 1)
            mask[first:last] = [opening] * (last - first)
        return mask

    def _country_mask(self) -> bytearray:
        """1 for each token inside a country mention."""
        mask = bytearray(len(self.starts))
        for mention in self.countries:
            first = bisect_left(self.starts, mention.start)
            last = bisect_left(self.starts, mention.end)
            mask[first:last] = b"\1" * (last - first)
        return mask

    def _countries_within(self, begin: int, end: int) -> list[CountryMention]:
        """The country mentions inside ``text[begin:end]``, in order (mentions never overlap)."""
        return self.countries[bisect_left(self._country_starts, begin) : bisect_right(self._country_ends, end)]

    def _plural_noun_before_verb(self, i: int) -> bool:
        """A reporting verb in -s read as the plural noun it also is, a verb following it:
        "member states voted", "the reports were"."""
        if not self.lower[i].endswith("s") or self.lower[i] == "says" or i + 1 >= len(self.words):
            return False
        following = self.lower[i + 1]
        return following in VERBS_AFTER_SUBJECT or following in IRREGULAR_PAST or (
            self.words[i + 1].islower() and len(following) > 4 and following.endswith("ed")
        )

    def _token_at(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    def _capitalised_by_choice(self, i: int) -> bool:
        """A capital that no position explains: not opening a sentence, a quotation or a clause
        after a colon, and not in a headline where every word is capitalised."""
        if i == 0 or self._opens_sentence(i):
            return False
        if not self.words[i - 1][0].isalnum() and self.words[i - 1] not in (",", "’", "'"):
            return False
        return not self._title_case_sentence(self.sentence_of[i])

    def _title_case_sentence(self, sentence: int) -> bool:
        """Whether most longer words of a sentence are capitalised (a headline)."""
        if sentence not in self._title_case:
            start, end = self.sentences.spans[sentence]
            words = [w for w in _WORD.findall(self.text, start, end) if len(w) > 3]
            self._title_case[sentence] = len(words) >= 6 and sum(w[0].isupper() for w in words) > 0.75 * len(words)
        return self._title_case[sentence]

    def _opens_sentence(self, i: int) -> bool:
        return self.sentences.spans and self.starts[i] == self.sentences.spans[self.sentence_of[i]][0]

    def _is_capitalised(self, i: int) -> bool:
        return self.capitalised[i] == 1

    def _is_acronym(self, i: int) -> bool:
        word = self.words[i].replace(".", "")
        return len(word) > 1 and word.isupper()

    def _is_possessive(self, i: int) -> bool:
        return self.words[i].endswith(_POSSESSIVE_ENDINGS) or (
            i + 1 < len(self.words) and self.words[i + 1] in ("’", "'") and self.words[i].endswith("s")
        )

    def _strippable(self, i: int) -> bool:
        """A capitalised token that belongs to a role, not to a name."""
        bare = _without_possessive(self.lower[i]).rstrip(".")
        return (
            _is_title_word(bare)
            or bare in PERSON_NOUNS
            or self._is_acronym(i)
            or self._is_possessive(i)
            or self.country_token[i]
        )

    def _name_word(self, i: int) -> bool:
        """A capitalised word that may be part of a proper name."""
        if not self.words[i][0].isupper() or self.quoted[i] is not None:
            return False
        bare = _without_possessive(self.lower[i])
        if bare in TEMPORAL_WORDS:
            return False
        if bare in FUNCTION_WORDS:  # "George Will", "CBS This Morning", "The Post" inside a sentence
            return bare not in PERSONAL_PRONOUNS and bare not in HONORIFICS and self._capitalised_by_choice(i)
        return not (bare in self.lowercase_words and self._opens_sentence(i))  # "Estimates of ..."

    def _abbreviation(self, i: int) -> bool:
        """"Sen", "U.S", "J" before a period that does not end a sentence."""
        word = self.lower[i]
        return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())

    def _sentence_end_token(self, i: int) -> int:
        """One past the last token of the sentence holding token ``i``."""
        if not self.sentences.spans:
            return len(self.words)
        return self._token_at(self.sentences.spans[self.sentence_of[i]][1])

    def _sentence_start_token(self, i: int) -> int:
        """First token of the sentence holding token ``i``, a sentence begun before a quotation
        being the sentence of every sentence inside that quotation."""
        if not self.sentences.spans:
            return 0
        sentence = self.sentence_of[i]
        chain = []  # sentences that begin inside a quotation opened in an earlier one
        while sentence not in self._sentence_start_tokens:
            first = self._token_at(self.sentences.spans[sentence][0])
            if first < len(self.starts) and self.quoted[first] is not None and self.quoted[first] < self.starts[first]:
                chain.append(sentence)
                sentence = self.sentences.index_at(self.quoted[first])
            else:
                self._sentence_start_tokens[sentence] = first
        for earlier in chain:
            self._sentence_start_tokens[earlier] = self._sentence_start_tokens[sentence]
        return self._sentence_start_tokens[sentence]

    # --- names ---------------------------------------------------------------------------
    def _runs(self, first: int, last: int) -> list[tuple[int, int]]:
        """Maximal runs of capitalised words in tokens ``first..last-1`` (initials included)."""
        runs, i = [], self._next_capitalised(first, last)
        while i < last:
            if self._name_word(i):
                j = i + 1
                while j < last and not self._is_possessive(j - 1):
                    if self._name_word(j):
                        j += 1
                    elif self.words[j] == "." and self._abbreviation(j - 1) and j + 1 < last and self._name_word(j + 1):
                        j += 1  # "Donald J. Trump", "Sen. Cruz"
                    else:
                        break
                runs.append((i, j))
                i = j
            else:
                i += 1
            i = self._next_capitalised(i, last)
        return runs

    def _next_capitalised(self, i: int, last: int) -> int:
        """The first capitalised token in ``i..last-1`` (the only ones that may be name words), else ``last``."""
        found = self.capitalised.find(1, i, last)
        return last if found == -1 else found

    def _name_in_run(self, first: int, last: int, possessor: bool = False) -> tuple[int, int] | None:
        """The name inside a capitalised run: an organisation's whole name ("UN General Assembly"),
        else the name after its leading title, country and body words ("Security Council President
        Ana Ortiz" -> "Ana Ortiz"); with ``possessor``, a name ending in a possessive ("in Fenwick's
        words")."""
        if _without_possessive(self.lower[last - 1]) in ORGANISATION_NOUNS:
            return (first, last)
        first = self._after_body_name(first, last)
        while first < last and (self._strippable(first) or self.words[first] == "."):
            if possessor and first == last - 1 and not self._is_acronym(first):
                break
            if self._is_possessive(first) and not self._is_acronym(first) and not self.country_token[first]:
                return None  # "Trump's spokeswoman": the possessor modifies another noun
            first += 1
        while last > first and (self.words[last - 1] == "." or _is_title_word(self.lower[last - 1])):
            last -= 1
        return (first, last) if last > first else None

    def _after_body_name(self, first: int, last: int) -> int:
        """Where a run goes on past the last body name inside it ("Security Council Ana Ortiz")."""
        for k in range(last - 2, first - 1, -1):
            if _without_possessive(self.lower[k]) in BODY_NAME_ENDINGS:
                return k + 1
        return first

    def _surface(self, first: int, last: int) -> str:
        text = self.text[self.starts[first] : self._end(last - 1)]
        return _plain(_without_possessive(text))

    def _run_kind(self, first: int, last: int) -> str:
        words = {_without_possessive(self.lower[i]) for i in range(first, last)}
        if words & ORGANISATION_NOUNS or all(self._is_acronym(i) for i in range(first, last)):
            return "organisation"
        if last - first == 1 and people_country(self.words[first]):
            return "country"  # "Palestinians": a people, never "he" or "she"
        return "person"

    def _collect_names(self) -> None:
        """Full names of persons (surname -> fullest form), and the first title given to each
        ("Foreign Minister Ana Ortiz")."""
        titled = []
        for first, last in self._runs(0, len(self.words)):
            span = self._name_in_run(first, last)
            if span is None or self._run_kind(*span) != "person":
                continue
            name = self._surface(*span)
            parts = name.split()
            if len(parts) >= 2:
                for key in (parts[-1], name):
                    if len(name) > len(self.full_names.get(key, "")):
                        self.full_names[key] = name
            if any(_is_title_word(self.lower[k].rstrip(".")) for k in range(first, span[0])):
                titled.append((name, first, span[0]))
        for name, first, last in titled:
            role = self._role_text(first, last)
            if role is not None:
                self.title_roles.setdefault(self._canonical(name), (role, self._role_country(role, first, last)))

    def _known_role(self, name: str) -> tuple[str | None, str | None]:
        """Role and country given to a person elsewhere in the text: as a speaker, else in a title."""
        known = self.entities.get(name)
        if known is not None and known.role is not None:
            return known.role, known.country
        return self.title_roles.get(name, (None, None))

    def _canonical(self, name: str) -> str:
        parts = name.split()
        return self.full_names.get(name) or (self.full_names.get(parts[-1], name) if parts else name)

    # --- noun phrases --------------------------------------------------------------------
    def _np_left(self, end: int) -> tuple[int, int] | None:
        """The noun phrase ending right before token ``end`` (within its sentence)."""
        floor = self._sentence_start_token(end - 1) if end else 0
        i = end - 1
        if i < floor:
            return None
        if self.lower[i] in PRONOUNS or self.lower[i] in ("i", "we"):
            return (i, end)
        while i >= floor and end - i <= MAX_NP_TOKENS and self.quoted[i] is None:
            word, low = self.words[i], self.lower[i]
            if word == "." and i > floor and self._abbreviation(i - 1):
                i -= 1
                continue
            if word in ("’", "'") and i > floor and self.lower[i - 1].endswith("s"):
                i -= 1
                continue
            if word == ")" and self._parenthetical_start(i, floor) is not None:
                i = self._parenthetical_start(i, floor) - 1  # "Sen. Marco Rubio (R-Fla.)"
                continue
            if not word[0].isalnum() or low in TEMPORAL_WORDS:
                break
            if self._ends_np_left(i):
                break
            i -= 1
            if low in NP_DETERMINERS or (low == "the" and not (i >= floor and self.lower[i] in NP_CONNECTORS)):
                break
        start = i + 1
        while start < end and self.lower[start] in NP_CONNECTORS - {"the"}:
            start += 1
        return (start, end) if start < end else None

    def _np_stop_word(self, i: int) -> bool:
        """A function word that cannot stand inside a speaker noun phrase (honorifics and
        capitalised function words inside names can)."""
        low = self.lower[i]
        return (
            low in FUNCTION_WORDS
            and low not in NP_CONNECTORS
            and low not in HONORIFICS
            and not self._is_acronym(i)
            and not (self.words[i][0].isupper() and self._name_word(i))
        )

    def _ends_np_left(self, i: int) -> bool:
        """Reading leftwards, token ``i`` is outside the noun phrase (a verb or function word)."""
        return (self._np_stop_word(i) and self.lower[i] not in NP_DETERMINERS) or self.is_cue[i]

    def _starts_predicate(self, i: int) -> bool:
        """An adverb or a common irregular past-tense verb: the predicate after a subject."""
        low = self.lower[i]
        return low in ADVERBS_BEFORE_VERB or low in IRREGULAR_PAST or (low.endswith("ly") and len(low) > 4)

    def _capitalised_after(self, i: int, ceiling: int) -> bool:
        """A capitalised word at ``i``, or after "the" ("a person close to the Clintons")."""
        if i < ceiling and self.lower[i] == "the":
            i += 1
        return i < ceiling and self._is_capitalised(i)

    def _parenthetical_end(self, i: int, ceiling: int) -> int | None:
        """One past the ")" closing a short parenthesis opened at ``i`` ("(R-Fla.)", "(D)")."""
        for j in range(i + 1, min(ceiling, i + MAX_PARENTHETICAL)):
            if self.words[j] == ")":
                return j + 1
            if self.words[j] == "(":
                break
        return None

    def _parenthetical_start(self, i: int, floor: int) -> int | None:
        """The "(" opening a short parenthesis closed at ``i``."""
        for j in range(i - 1, max(floor - 1, i - MAX_PARENTHETICAL), -1):
            if self.words[j] == "(":
                return j
            if self.words[j] == ")":
                break
        return None

    def _np_right(self, start: int) -> tuple[int, int] | None:
        """The noun phrase starting at token ``start`` ("said China's envoy Geng Shuang")."""
        ceiling = self._sentence_end_token(start)
        if start < ceiling and self.lower[start] in PRONOUNS:
            return (start, start + 1)
        i = start
        while i < ceiling and i - start < MAX_NP_TOKENS and self.quoted[i] is None:
            word, low = self.words[i], self.lower[i]
            if word == "." and i > start and self._abbreviation(i - 1) and i + 1 < ceiling:
                i += 1
                continue
            if word in ("’", "'") and i > start and self.lower[i - 1].endswith("s"):
                i += 1
                continue
            if word == "(" and i > start and self._parenthetical_end(i, ceiling) is not None:
                i = self._parenthetical_end(i, ceiling)
                continue
            if not word[0].isalnum() or low in TEMPORAL_WORDS or self.is_cue[i]:
                break
            if self._np_stop_word(i) and not (i == start and (low in NP_DETERMINERS or low == "the")):
                break
            if word.islower() and low.endswith(("ed", "ing")) and i > start and self.lower[i - 1] not in NP_CONNECTORS | {"a", "an"}:
                break  # "the resolution adopted on ...": a verb or participle after the head
            if word.islower() and i > start and self._is_capitalised(i - 1) and self._starts_predicate(i):
                break  # "Donald Trump quickly took to Twitter"
            if low in ("and", "on", "to", "at") and not self._capitalised_after(i + 1, ceiling):
                break
            i += 1
        while i > start and self.lower[i - 1] in NP_CONNECTORS:
            i -= 1
        return (start, i) if i > start else None

    def _apposition(self, start: int) -> tuple[int, int] | None:
        """A role in apposition starting at token ``start`` (", the US ambassador to the UN,")."""
        span = self._np_right(start)
        if span is None:
            return None
        if any(self._name_in_run(*run) for run in self._runs(*span)) and self.lower[start] not in ("the", "a", "an"):
            return None
        return span

    def _role_text(self, first: int, last: int) -> str | None:
        """A role phrase without a leading article (kept before a possessor: "the DRC's envoy");
        an honorific alone ("Mr.") is no role."""
        while first < last and self.lower[first] in ("a", "an", "the", "one", ","):
            if self.lower[first] == "the" and any(self._is_possessive(k) for k in range(first + 1, last)):
                break
            first += 1
        if all(self.lower[k] in HONORIFICS or self.words[k] == "." for k in range(first, last)):
            return None
        return _plain(self.text[self.starts[first] : self._end(last - 1)]) if last > first else None

    def _role_country(self, role: str | None, first: int = 0, last: int = 0) -> str | None:
        if role is None or first >= last:
            return None
        inside = self._countries_within(self.starts[first], self._end(last - 1))
        return inside[0].iso3 if inside else None

    def _speaker_from_np(self, first: int, last: int, role_span: tuple[int, int] | None = None) -> Speaker | None:
        """Read a noun phrase as a speaker: pronoun, role + name, name of ORG, country, nominal."""
        low = self.lower[first]
        if last - first == 1 and low in PRONOUNS:
            return self._resolve_pronoun(first)
        if (last - first == 1 and low in ("i", "we")) or self._starts_with_count(first, last):
            return None
        runs = self._runs(first, last)
        head = None
        for run_first, run_last in runs:
            name_span = self._name_in_run(run_first, run_last)
            if name_span is None or (run_first and self.words[run_first - 1] == "("):
                continue  # "(D-Ore.)" after a name is no name
            head = name_span
            if run_last < last and self.lower[run_last] in ("of", "for", "at", "from", "with"):
                break
        if head is not None:
            return self._named_speaker(head, first, last, role_span)
        if last - first <= 3 and self.countries:
            inside = self._countries_within(self.starts[first], self._end(last - 1))
            if inside and inside[-1].form in ("name", "capital", "seat") and inside[-1].end > self.starts[last - 1]:
                mention = inside[-1]  # the country heads the phrase ("Chile's envoy" is a person)
                kind = "organisation" if mention.form == "seat" else "country"
                return Speaker(_plain(self._role_text(first, last) or mention.surface), None, mention.iso3, kind, self.starts[first], self._end(last - 1))
        head_word = _without_possessive(self.lower[last - 1])
        if not self.words[last - 1][0].isalpha() or head_word in FUNCTION_WORDS:
            return None
        if self._is_acronym(last - 1):
            kind = "organisation"
        elif head_word in DOCUMENT_NOUNS:
            kind = "document"
        elif head_word in ORGANISATION_NOUNS:
            kind = "organisation"
        elif _PERSON_NOUN.search(head_word) or head_word in PERSON_NOUNS:
            kind = "person"
        else:
            return None
        definite = self._definite_reference(first, last, head_word)
        if definite is not None:
            return definite
        role_first = first
        while role_first < last and self.lower[role_first] in ("a", "an", "the") and not (
            self.lower[role_first] == "the" and kind == "document"
        ):
            role_first += 1
        name = _plain(self.text[self.starts[first] : self._end(last - 1)])
        if self.lower[first] == "the":
            name = name[0].lower() + name[1:]
        country = self._role_country(name, first, last)
        return Speaker(name, None, country, kind, self.starts[first], self._end(last - 1))

    def _starts_with_count(self, first: int, last: int) -> bool:
        """A count of common nouns ("153 member", "the 10 members"), never a speaker; years and
        ages ("a 2013 study", "17-year-old Ana Ortiz") are no counts."""
        while first < last and self.lower[first] in DETERMINERS:
            first += 1
        if first == last or not _COUNT.fullmatch(self.words[first]) or _YEAR.fullmatch(self.words[first]):
            return False
        return all(self.words[k].islower() for k in range(first + 1, last))

    def _definite_reference(self, first: int, last: int, head_word: str) -> Speaker | None:
        """"the ambassador" -> the latest named person whose role has that word."""
        if self.lower[first] != "the" or last - first > 3:
            return None
        speaker = self.salient.person_with_role_word(head_word)
        return speaker._replace(start=self.starts[first], end=self._end(last - 1)) if speaker else None

    def _named_speaker(self, head: tuple[int, int], first: int, last: int, role_span) -> Speaker:
        name = self._surface(*head)
        kind = self._run_kind(*head)
        canonical = self._canonical(name) if kind == "person" else name
        role = country = None
        if head[0] > first:
            role = self._role_text(first, head[0])
            country = self._role_country(role, first, head[0])
        if role is None and role_span is not None:
            role = self._role_text(*role_span)
            country = self._role_country(role, *role_span)
        known = self.entities.get(canonical)
        if role is None:
            role, country = self._known_role(canonical)
        speaker = Speaker(canonical, role, country, kind, self.starts[head[0]], self._end(head[1] - 1))
        if kind == "person":
            self._note_gender(canonical, first, head[0])
        if known is None or (known.role is None and role is not None):
            self.entities[canonical] = speaker
        return speaker

    # --- pronouns and salience -----------------------------------------------------------
    def _resolve_pronoun(self, i: int) -> Speaker | None:
        """The latest salient entity a pronoun can mean; he/she skip persons of the other gender,
        and bind the person they resolve to ("she" once, female afterwards)."""
        pronoun = self.lower[i]
        wanted = PRONOUNS[pronoun]
        for speaker in self.salient.before(i):
            fits = (
                speaker.kind == "person" and self.gender.get(speaker.name, pronoun) == pronoun if wanted == "person"
                else speaker.kind in ("document", "organisation", "country") if wanted == "thing"
                else speaker.kind in ("organisation", "country") or speaker.name.endswith("s")
            )
            if fits:
                if wanted == "person":
                    self.gender.setdefault(speaker.name, pronoun)
                if speaker.role is None:
                    role, country = self._known_role(speaker.name)
                    speaker = speaker._replace(role=role, country=country or speaker.country)
                return speaker._replace(start=self.starts[i], end=self._end(i))
        return None

    def _note_gender(self, name: str, first: int, head: int) -> None:
        """A person's gender from the words before the name: "Mrs.", "congresswoman", "Mr."."""
        for k in range(max(first, head - 3), head):
            pronoun = GENDERED_WORDS.get(self.lower[k].removesuffix("."))
            if pronoun is not None:
                self.gender.setdefault(name, pronoun)

    def _remember(self, position: int, speaker: Speaker | None) -> None:
        if speaker is not None:
            self.salient.add(position, speaker)

    # --- cues ----------------------------------------------------------------------------
    def _skip_adverbs_left(self, i: int) -> int:
        """Back over adverbs and auxiliaries before a verb ("also", "did not", "has repeatedly")."""
        while i > 0 and (
            self.lower[i - 1] in ADVERBS_BEFORE_VERB
            or self.words[i - 1] in AUXILIARIES
            or self.lower[i - 1].endswith("ly")
        ):
            i -= 1
        return i

    def _cue_speaker(self, verb: int) -> Speaker | None:
        """The subject of the reporting verb at token ``verb`` (cached)."""
        if verb in self._cue_cache:
            return self._cue_cache[verb]
        self._cue_cache[verb] = None
        speaker = self._find_cue_speaker(verb)
        self._cue_cache[verb] = speaker
        self._remember(verb, speaker)
        return speaker

    def _find_cue_speaker(self, verb: int) -> Speaker | None:
        agent = self._passive_agent(verb)
        if agent is not None:
            return agent
        floor = self._sentence_start_token(verb)
        before = self._skip_adverbs_left(verb)
        previous = self.lower[before - 1] if before > floor else None
        if previous in ("and", "to") or self.lower[verb].endswith("ing"):
            return self._sentence_subject(verb, floor)  # "..., adding", "took to Twitter to say"
        if previous == ",":
            appositive = self._appositive_subject(before - 1, floor)
            if appositive is not None:
                return appositive
        if previous is not None:
            span = self._np_left(before)
            if span is not None:
                speaker = self._speaker_from_np(*span, role_span=self._role_before(span[0], floor))
                if speaker is not None:
                    return speaker
        after = verb + 1
        if after < len(self.words) and self.quoted[after] is None and (
            before == floor or self.words[before - 1] in (",", "”", '"', "’", "'", "»")
        ):
            return self._inverted_subject(after)  # "..., said China's envoy Geng Shuang"
        return self._sentence_subject(verb, floor)

    def _passive_agent(self, verb: int) -> Speaker | None:
        """The agent of a passive cue: ``as described by X``, ``was called "..." by X``."""
        if not self.lower[verb].endswith(PARTICIPLE_ENDINGS):
            return None
        j = verb + 1
        while j < len(self.words) and (self.quoted[j] is not None or self.words[j] == "," or self.lower[j] == "as"):
            j += 1
        if j + 1 < len(self.words) and self.lower[j] == "by" and self.quoted[j] is None:
            return self._inverted_subject(j + 1)
        return None

    def _inverted_subject(self, start: int) -> Speaker | None:
        span = self._np_right(start)
        if span is None:
            return None
        role_span = None
        if span[1] + 1 < len(self.words) and self.words[span[1]] == ",":
            role_span = self._apposition(span[1] + 1)
        return self._speaker_from_np(*span, role_span=role_span)

    def _appositive_subject(self, comma: int, floor: int) -> Speaker | None:
        """``X, the Y of Z, said`` or ``the Y of Z, X, said``: the name and its role; ``X, who ...,
        said`` or ``X, wearing ..., said``: the name before a relative or participle clause."""
        commas = (j for j in range(comma - 1, max(floor, comma - MAX_INTRODUCTION), -1) if self.words[j] == ",")
        open_comma = next(commas, None)
        if open_comma is None:
            return None
        inner = (open_comma + 1, comma)
        outer = self._np_left(open_comma)
        if outer is None:
            return None
        if self._opens_clause(inner[0]):
            return self._speaker_from_np(*outer)
        if comma - open_comma > MAX_NP_TOKENS or any(self.quoted[j] is not None for j in range(*inner)):
            return None
        inner_runs = [r for r in self._runs(*inner) if self._name_in_run(*r)]
        if inner_runs and self.lower[inner[0]] not in ("the", "a", "an"):
            return self._speaker_from_np(*inner, role_span=outer)
        return self._speaker_from_np(*outer, role_span=inner)

    def _role_before(self, start: int, floor: int) -> tuple[int, int] | None:
        """A role opening its clause and set off by a comma before the subject at ``start``:
        ``Speaking first, US Ambassador to the UN, Ana Ortiz said``."""
        if start - 1 <= floor or self.words[start - 1] != ",":
            return None
        span = self._np_left(start - 1)
        if span is None or not (span[0] == floor or self.words[span[0] - 1] == ","):
            return None
        if any(self._names_person(*run) for run in self._runs(*span)):
            return None
        nouns = (_without_possessive(self.lower[k]) for k in range(*span))
        return span if any(n in PERSON_NOUNS or _PERSON_NOUN.search(n) for n in nouns) else None

    def _names_person(self, first: int, last: int) -> bool:
        """Whether a capitalised run holds a person's name."""
        span = self._name_in_run(first, last)
        return span is not None and self._run_kind(*span) == "person"

    def _opens_clause(self, i: int) -> bool:
        """A relative pronoun, subordinator or participle (after adverbs) opening a clause in
        apposition: "who led the talks", "while being interviewed", "later alleging"."""
        while self.lower[i] in ADVERBS_BEFORE_VERB or (self.words[i].islower() and self.lower[i].endswith("ly")):
            i += 1
        low = self.lower[i]
        return low in CLAUSE_OPENERS or (self.words[i].islower() and low.endswith(("ing", "ed")))

    def _sentence_subject(self, verb: int, floor: int) -> Speaker | None:
        """The subject of the sentence holding ``verb``: its first cue's, or its opening phrase."""
        for i in range(floor, min(verb, floor + MAX_CUE_DISTANCE)):
            if self.is_cue[i] and not self.lower[i].endswith("ing"):
                if i in self._cue_cache and self._cue_cache[i] is not None:
                    return self._cue_cache[i]
                if i not in self._cue_cache:
                    return self._cue_speaker(i)
        span = self._subject_span(floor)
        if span is None or span[1] > verb:
            return None
        return self._speaker_from_np(*span)

    def _subject_span(self, floor: int) -> tuple[int, int] | None:
        """The noun phrase opening a sentence, after its introduction (see ``_skip_introduction``)."""
        start = self._skip_introduction(floor)
        return self._np_right(start) if start < len(self.words) else None

    def _skip_introduction(self, floor: int) -> int:
        """The first token after a sentence's dateline ("JACKSON, Miss. -"), linking words ("And
        then") and introductory phrases ("Earlier this week,", "Speaking at the rally,")."""
        ceiling = self._sentence_end_token(floor) if floor < len(self.words) else floor
        i = self._skip_dateline(floor, ceiling)
        for _ in range(3):
            while i < ceiling and (self.lower[i] in LINKING_WORDS or self.words[i] == ","):
                i += 1
            if i >= ceiling or not self._opens_introduction(i):
                break
            comma = next((j for j in range(i + 1, min(ceiling, i + MAX_INTRODUCTION)) if self.words[j] == ","), None)
            if comma is None:
                break
            i = comma + 1
        return i

    def _skip_dateline(self, floor: int, ceiling: int) -> int:
        """After a dateline opening a sentence: upper-case place, optional region, then a dash."""
        if floor >= ceiling or not self._is_acronym(floor):
            return floor
        for j in range(floor + 1, min(ceiling, floor + 6)):
            if self.words[j] in DASHES:
                return j + 1
            if not (self.words[j] in (",", ".") or self._is_capitalised(j)):
                break
        return floor

    def _opens_introduction(self, i: int) -> bool:
        """A word that opens an introductory phrase: a preposition or subordinator, a time word,
        an adverb in -ly, a participle ("Speaking", "Asked", "Written")."""
        low = self.lower[i]
        return (
            (low in FUNCTION_WORDS and low not in NOUN_PHRASE_OPENERS)
            or low in TEMPORAL_WORDS
            or (self.words[i][0].isupper() and (low.endswith(("ly", "ing", "ed")) or low in REPORTING_VERBS))
        )

    def _note_sentence_subjects(self) -> None:
        """Make every sentence's subject salient for later pronouns (and register its role)."""
        for sentence_start, _ in self.sentences.spans:
            first = self._token_at(sentence_start)
            if first >= len(self.words) or self.quoted[first] is not None:
                continue
            span = self._subject_span(first)
            if span is not None:
                self._remember(span[0], self._speaker_from_np(*span))

    def _according_to(self, start: int) -> Speaker | None:
        """A source phrase at token ``start``: "according to X", "in X's view" / "in X's words"."""
        if start + 2 < len(self.words) and self.lower[start] == "according" and self.lower[start + 1] == "to":
            return self._inverted_subject(start + 2)
        if self.lower[start] == "in":
            return self._in_possessor_view(start)
        return None

    def _in_possessor_view(self, start: int) -> Speaker | None:
        """"in Bolton's view", "in Forbes' words": the possessor of a view or of words."""
        for noun in range(start + 2, min(len(self.words), start + 8)):
            if self.lower[noun] in VIEW_NOUNS:
                break
            if not self._np_word(noun - 1, first=noun - 1 == start + 1):
                return None
        else:
            return None
        last = noun - 1 if self.words[noun - 1] in ("’", "'") else noun
        if not self._is_possessive(last - 1):
            return None
        runs = self._runs(start + 1, last)
        head = self._name_in_run(*runs[-1], possessor=True) if runs and runs[-1][1] == last else None
        if head is not None:
            return self._named_speaker(head, start + 1, head[0], None)
        return self._speaker_from_np(start + 1, last)  # "in the newspaper's words"

    # --- quotations ----------------------------------------------------------------------
    def _post_cue(self, close: int, quote_end: int) -> tuple[Speaker | None, int] | None:
        """A cue right after the closing mark: ``"...," he said`` / ``said X`` / ``according to X``,
        ``"...," X, the Y of Z, said``. After a quotation ending a sentence (".") the cue must
        end its own short sentence ("Smith said.", "she said in a statement")."""
        i = self._token_at(close)
        while i < len(self.words) and self.words[i] in ("”", '"', "’", "'", ",", "»"):
            i += 1
        if i >= len(self.words) or self.quoted[i] is not None:
            return None
        if self.text.count("\n", close, self.starts[i]):
            return None
        according = self._according_to(i)
        if according is not None:
            return according, i
        ends_sentence = self.text[quote_end - 1 : quote_end] == "."
        commas = 0
        for j in range(i, min(len(self.words), i + 2 * MAX_NP_TOKENS)):
            low = self.lower[j]
            if self.quoted[j] is not None:
                return None
            if self.is_cue[j] and not low.endswith("ing"):
                if self.lower[j - 1] == "to":
                    return None  # '"...," to support him': an infinitive, not a cue
                if ends_sentence and not self._ends_short_clause(j + 1):
                    return None
                return self._cue_speaker(j), j
            if self.words[j] == "," and j > i and commas < 2:
                commas += 1
                continue
            if not self._np_word(j, first=j == i) and not (commas == 1 and self._appositive_word(j)):
                return None
            if commas == 0 and j - i >= MAX_NP_TOKENS // 2:
                return None
        return None

    def _appositive_word(self, i: int) -> bool:
        """A token allowed inside an apposition ("founder of the Media Research Center")."""
        return self.words[i][0].isalnum() and self.lower[i] not in TEMPORAL_WORDS and not self.is_cue[i]

    def _ends_short_clause(self, i: int) -> bool:
        """After a cue verb: the sentence ends, or goes on with a place, time or manner phrase."""
        if i >= len(self.words):
            return True
        return self.words[i] in (".", ",", ";", "!", "?") or self.lower[i] in _AFTER_CUE_WORDS

    def _np_word(self, i: int, first: bool) -> bool:
        """A token that can stand in a short speaker noun phrase ("the Kremlin's spokesman")."""
        word, low = self.words[i], self.lower[i]
        if word in (".", "’", "'"):
            return not first
        if not word[0].isalnum() or low in TEMPORAL_WORDS:
            return False
        if low in PRONOUNS or low in NP_DETERMINERS or low == "the":
            return first
        return low != "and" and not self._np_stop_word(i)

    def _pre_cue(self, opening: int) -> tuple[Speaker, int] | None:
        """The last reporting verb before the opening mark in the same sentence whose subject
        resolves (a verb read wrongly, as in ``"more radical" protest groups``, is passed over)."""
        first = self._token_at(opening)
        floor = self._sentence_start_token(first) if first < len(self.words) else 0
        for j in range(first - 1, max(floor, first - MAX_CUE_DISTANCE) - 1, -1):
            if self.quoted[j] is not None:
                continue
            found = self._cue_at(j)
            if found is not None:
                return found
        return None

    def _later_cue(self, close: int, quote_end: int) -> tuple[Speaker, int] | None:
        """A reporting verb further on in the quotation's sentence: ``"..." for the victory,
        Smith said``, ``the race "is a dead heat," as Cruz said``."""
        last = self._token_at(quote_end) - 1
        if last < 0:
            return None
        sentence = self.sentence_of[last]
        after_close = self._token_at(close)
        for j in range(after_close, min(len(self.words), after_close + MAX_CUE_DISTANCE)):
            if self.sentence_of[j] != sentence:
                break
            if self.quoted[j] is None:
                found = self._cue_at(j)
                if found is not None:
                    return found
        return None

    def _cue_at(self, j: int) -> tuple[Speaker, int] | None:
        """The resolved speaker of a cue (reporting verb or "according to X") at token ``j``."""
        speaker = self._according_to(j) or (self._cue_speaker(j) if self.is_cue[j] else None)
        return (speaker, j) if speaker is not None else None

    def _context(self, start: int, end: int) -> tuple[int, int]:
        first = self.sentences.spans[self.sentences.index_at(start)] if self.sentences.spans else (start, end)
        last = self.sentences.spans[self.sentences.index_at(max(start, end - 1))] if self.sentences.spans else (start, end)
        return first[0], max(last[1], end)

    def quotes(self) -> list[Quote]:
        results: list[Quote] = []
        previous: tuple[int, Speaker | None] | None = None  # (sentence index, speaker)
        for opening, start, end in self.spans:
            speaker, cue = self._attribute(opening, end, previous)
            previous = (self.sentences.index_at(max(start, end - 1)), speaker)
            context_start, context_end = self._context(opening, end)
            quote = Quote(text=self.text[start:end], start=start, end=end, cue=cue,
                          context_start=context_start, context_end=context_end)
            if speaker is not None:
                quote.speaker = speaker.name
                quote.speaker_role = speaker.role
                quote.speaker_country = speaker.country
                quote.speaker_kind = speaker.kind
                quote.speaker_start, quote.speaker_end = speaker.start, speaker.end
            results.append(quote)
        return results

    def _attribute(self, opening: int, end: int, previous) -> tuple[Speaker | None, str | None]:
        """Speaker and cue word of one quotation: none for a quoted vote; a cue after it, before
        it, later in its sentence; else the previous quotation's speaker or a sentence's subject."""
        if self._is_quoted_vote(opening, end):
            return None, None
        close = end
        while close < len(self.text) and self.text[close] in ", \t":
            close += 1
        for find in (lambda: self._post_cue(close, end), lambda: self._pre_cue(opening),
                     lambda: self._later_cue(close, end)):
            found = find()
            if found is not None and found[0] is not None:
                self._remember(found[1], found[0])
                return found[0], self.words[found[1]]
        if not self.sentences.spans:
            return None, None
        sentence = self.sentences.index_at(opening)
        opens_sentence = not _NON_SPACE.search(self.text, self.sentences.spans[sentence][0], opening)
        if previous is not None and previous[1] is not None and (
            previous[0] == sentence or (opens_sentence and previous[0] == sentence - 1)
        ):
            return previous[1], "continued"
        if opens_sentence:
            speaker = self._previous_sentence_subject(sentence)
        else:
            speaker = self._subject_before(opening)
        return speaker, (SUBJECT_CUE if speaker else None)

    def _is_quoted_vote(self, opening: int, end: int) -> bool:
        """A vote named in quotation marks, mentioned rather than said: ``voted "no"``,
        ``a 'yes' vote``."""
        words = _WORD.findall(self.text[opening + 1 : end].lower())
        if not words or len(words) > 2 or not set(words) <= VOTE_WORDS:
            return False
        first = self._token_at(opening)
        after = self._next_unquoted_word(self._token_at(end))
        return (first > 0 and self.lower[first - 1] in VOTE_FORMS) or (
            after < len(self.words) and self.lower[after] in VOTE_FORMS
        )

    def _next_unquoted_word(self, i: int) -> int:
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

    def _subject_before(self, opening: int) -> Speaker | None:
        """The subject of a sentence that holds a quotation without a cue, when it comes before
        the quotation: ``Rubio bemoaned a climate in which people "literally hate each other"``."""
        first = self._token_at(opening)
        floor = self._sentence_start_token(first) if first < len(self.words) else 0
        span = self._subject_span(floor)
        if span is None or span[1] > first:
            return None
        return self._speaker_from_np(*span)

    def _previous_sentence_subject(self, sentence: int) -> Speaker | None:
        """For a quotation opening its sentence: the previous sentence's speaker or subject."""
        if sentence == 0 or not self.sentences.spans:
            return None
        start, end = self.sentences.spans[sentence - 1]
        first, last = self._token_at(start), self._token_at(end)
        for i in range(first, last):
            if self.is_cue[i] and self._cue_cache.get(i):
                return self._cue_cache[i]
        span = self._subject_span(first) if first < last else None
        if span is None:
            return None
        speaker = self._speaker_from_np(*span)
        return speaker if speaker is not None and speaker.kind == "person" else None
