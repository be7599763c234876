"""The words extraction knows, as data: each list declared once, here.

Reporting verbs and their forms, pronouns, titles, nouns for people, organisations and documents,
determiners, linking words and the other small lists attribution reads noun phrases with; month
and weekday names (dates, vote subjects, attribution); abbreviations (sentence ends); the nouns of
a text put to a vote and the verbs that end a description of it (votes, country lists, vote
subjects). Lower case throughout: compare with a word's lower case.
"""

from __future__ import annotations

import calendar
import re


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


# --- reporting verbs -------------------------------------------------------------------------
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
FRONTED_CUES = frozenset("said says added wrote writes".split())  # "Said Smith, ..."
PARTICIPLE_ENDINGS = ("ed", "en", "said", "told", "put")  # "described", "written"
# Words that may follow a cue ending its short clause: "she said in a statement".
AFTER_CUE_WORDS = frozenset(
    """in on at during after before to of from with about by via yesterday today tonight earlier
    later then again recently last this when while as""".split()
)
# A comma or a closing quotation mark: what stands between a quotation and a cue after it.
CLOSING_PUNCTUATION = frozenset({",", "”", '"', "’", "'", "»"})
# Nouns of "in X's view", "in X's words".
VIEW_NOUNS = frozenset("view views words opinion estimation telling account".split())

# --- pronouns and people ---------------------------------------------------------------------
PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "group"}  # what each can mean
FIRST_PERSON = frozenset({"i", "we"})
PERSONAL_PRONOUNS = frozenset("i he she it they we you".split())
HONORIFICS = frozenset("mr mrs ms dr".split())  # function words for names, but inside noun phrases
GENDERED_WORDS = {
    **dict.fromkeys(
        "mr sir lord king prince father son brother husband man spokesman chairman congressman".split(), "he"),
    **dict.fromkeys(
        """mrs ms miss dame lady queen princess mother daughter sister wife woman spokeswoman chairwoman
        congresswoman""".split(), "she"),
}
# People named by what they are; agentive endings (``PERSON_NOUN_ENDING``) cover most others.
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
    scientist scientists strategist strategists pollster pollsters nun priest bishop counterpart
    counterparts""".split()
)
PERSON_NOUN_ENDING = re.compile(r"(?:er|or|ist|ian|man|woman|person)s?$")
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
    permanent special sir lord dame gen. senior under affairs""".split()
)

# --- organisations and documents -------------------------------------------------------------
ORGANISATION_NOUNS = frozenset(
    """government ministry department agency campaign committee council commission office
    administration company firm group party organization organisation association union
    coalition alliance court bureau service team board network newspaper paper channel website
    institute foundation center centre bank fund embassy consulate mission delegation army military police
    navy house senate congress parliament assembly cabinet kremlin pentagon secretariat
    corporation corp inc university college school club league federation movement authority""".split()
)
# Last words of a body's name ("Security Council", "United Nations") that a person's name may follow.
BODY_NAME_ENDINGS = ORGANISATION_NOUNS | {"nations"}
DOCUMENT_NOUNS = frozenset(
    """resolution report statement letter text draft declaration communique communiqué memo
    memorandum document charter treaty agreement bill law decree order ruling verdict judgment
    judgement opinion complaint lawsuit indictment filing motion petition release advisory
    constitution manifesto platform plan proposal study survey poll ad advertisement post tweet
    email e-mail book article editorial column note notice message video transcript paragraph
    amendment clause section provision preamble annex""".split()
)
# The nouns of a text put to a vote ("the draft was adopted"); see votes, country lists, vote subjects.
VOTED_TEXT_NOUNS = ("resolution", "draft", "text", "motion", "amendment", "measure")
# Verbs that end the description of a voted text: "a resolution on X was adopted".
PREDICATE_VERBS = ("was", "were", "is", "are", "has", "had", "have", "will", "would", "could", "failed",
                   "passed", "adopted", "received", "got", "won", "states", "says", "said")

# --- function words --------------------------------------------------------------------------
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
ARTICLES = frozenset({"a", "an", "the"})
DETERMINERS = frozenset(
    "the a an this that these those its his her their our my your every each any no another".split()
)
NOUN_MARKERS = DETERMINERS | {"of"}  # before a reporting verb form, it is a noun ("the report says")
# Function words that open a noun phrase, not an introductory phrase ("Some of them said").
NOUN_PHRASE_OPENERS = DETERMINERS | frozenset(
    """he she it they we i you who some many most several all both each every any other others
    another such one two three four five six seven eight nine ten no""".split()
)
# Words that open a noun phrase and stop it when reading leftwards ("another friend said").
NP_DETERMINERS = frozenset("a an one another this these those some each every both many several".split())
# Lowercase words that may stand inside a speaker noun phrase ("the US ambassador to the UN").
NP_CONNECTORS = frozenset({"of", "for", "to", "the", "at", "and", "on"})
# Words after which a name stops heading its noun phrase ("the head of the Kremlin").
NAME_PREPOSITIONS = frozenset({"of", "for", "at", "from", "with"})
# Words that end the head of a noun phrase ("the representative of Cuba", "the minister for trade").
HEAD_PREPOSITIONS = frozenset({"of", "for"})
# Words that go on a noun phrase only before a capitalised word ("a person close to the Clintons").
CAPITAL_CONNECTORS = frozenset({"and", "on", "to", "at"})
CLAUSE_OPENERS = frozenset("who whose whom which while when after before as though although since".split())
# Words that link a sentence to the one before and stand before its subject ("And then Smith said").
LINKING_WORDS = frozenset("and but or so yet then also still meanwhile however instead indeed now thus".split())
# Words that make a reporting verb share its sentence's subject ("... and said", "to say").
SHARED_SUBJECT_LINKS = frozenset({"and", "to"})

# --- verbs around a subject ------------------------------------------------------------------
ADVERBS_BEFORE_VERB = frozenset(
    """also later then has have had previously again once further repeatedly publicly recently
    reportedly never often once subsequently simply just even still already quickly
    flatly bluntly frankly today yesterday tonight""".split()
)
# Nouns in -ly, which no adverb is ("the assembly said", "a close ally").
NOUNS_IN_LY = frozenset("assembly family ally supply rally anomaly monopoly folly belly bully lily".split())
# Words before a day or month that make a time phrase between a subject and its verb ("on Thursday").
TIME_PREPOSITIONS = frozenset({"on", "in", "last", "this", "early", "late"})
IRREGULAR_PAST = frozenset(
    """took went made gave came got won lost left met ran sent spent kept held brought began became
    saw knew found felt heard led sat stood paid built bought sought fought struck""".split()
)
AUXILIARIES = frozenset(
    """do does did will would can could may might must should shall not never n't didn't doesn't
    don't won't wouldn't can't couldn't didn’t doesn’t don’t won’t wouldn’t can’t couldn’t""".split()
)
# Auxiliaries that show the word before them is a subject, not a verb ("member states have").
VERBS_AFTER_SUBJECT = frozenset("are were have had will would can could may might must should shall do did".split())

# --- votes named in quotation marks ----------------------------------------------------------
# Votes named in quotation marks after or before a form of "vote" (voted "no", a 'yes' vote).
VOTE_WORDS = frozenset("yes no nay aye yea abstain abstention against in favour favor".split())
VOTE_FORMS = frozenset("vote votes voted voting".split())

# --- time ------------------------------------------------------------------------------------
MONTH_NAMES = tuple(calendar.month_name[1:])  # "January" ... "December"
# Month names and abbreviations ("sept" too), in lower case -> month number.
MONTHS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
WEEKDAY_NAMES = tuple(calendar.day_name)  # "Monday" ... "Sunday"
WEEKDAYS = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}  # -> Monday is 0
TEMPORAL_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)

# --- punctuation and abbreviations -----------------------------------------------------------
DASHES = ("-", "–", "—", "--")
POSSESSIVE_ENDINGS = ("’s", "'s", "´s")  # an acute accent often stands for the apostrophe
ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen sens rep reps gov gen lt col maj capt sgt adm cmdr st jr sr prof rev
    inc corp co ltd no nos vs etc fig jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.n u.k e.u d.c a.m p.m i.e e.g ft mt pres gop""".split()
)
# Small words that stay lower case in a title ("Saturday Night Live", "Lord of the Flies").
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from vs".split())


def is_abbreviation(word: str) -> bool:
    """An abbreviation ("sen", "u.s") or an initial ("j"), in lower case, without its period."""
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def is_title_word(word: str) -> bool:
    """A title word, or a compound of title words ("secretary-general", "under-secretary")."""
    return word in TITLE_WORDS or ("-" in word and all(part in TITLE_WORDS for part in word.split("-")))


def without_possessive(word: str) -> str:
    """``word`` without a possessive ending ("Kremlin's" -> "Kremlin")."""
    if not word.endswith(POSSESSIVE_ENDINGS):
        return word
    for ending in POSSESSIVE_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def is_adverb_in_ly(word: str) -> bool:
    """A lower-case adverb in -ly ("strongly"), not a noun ("assembly")."""
    return word.endswith("ly") and word.islower() and word not in NOUNS_IN_LY


def names_people(noun: str) -> bool:
    """A noun for people: a listed one ("envoy", "aides"), an agentive one ("spokesman", "analyst"),
    or a compound title holding one ("secretary-general", "vice-president")."""
    if noun in PERSON_NOUNS or PERSON_NOUN_ENDING.search(noun) is not None:
        return True
    return "-" in noun and is_title_word(noun) and any(part in PERSON_NOUNS for part in noun.split("-"))
