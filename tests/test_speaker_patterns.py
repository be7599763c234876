"""Speakers in the shapes real reports of UN votes give them: one group of tests per pattern.

Every sentence here is written for the test (none is copied from a real report), so each test
holds the general pattern, not an instance.
"""

from __future__ import annotations

from extraction.quotes import extract_quotes


def quote(text: str, words: str):
    """The one quotation of ``text`` whose words are ``words``."""
    found = [q for q in extract_quotes(text) if q.text == words]
    assert len(found) == 1, [(q.text, q.speaker) for q in extract_quotes(text)]
    return found[0]


# --- UN press-release style: "the representative of X" --------------------------------------
def test_the_representative_of_a_country_is_the_speaker_with_that_country():
    found = quote("The representative of Peru said the plan was “a waste of scarce resources”.",
                  "a waste of scarce resources")
    assert (found.speaker, found.speaker_country, found.speaker_kind) == ("the representative of Peru", "PER", "person")


def test_the_representative_after_an_introductory_phrase():
    text = ("Speaking in explanation of vote, the representative of the United Kingdom said her delegation "
            "had “serious reservations about paragraph 9”.")
    found = quote(text, "serious reservations about paragraph 9")
    assert (found.speaker, found.speaker_country) == ("the representative of the United Kingdom", "GBR")


def test_titles_before_of_a_country():
    text = "Afterwards the Permanent Representative of Ghana told the Council the text was “fair and balanced”."
    found = quote(text, "fair and balanced")
    assert (found.speaker, found.speaker_country) == ("the Permanent Representative of Ghana", "GHA")


def test_a_minister_for_a_portfolio_of_a_country():
    text = "The Minister for Foreign Affairs of Nepal warned that the crisis was “far from over”."
    found = quote(text, "far from over")
    assert (found.speaker, found.speaker_country) == ("the Minister for Foreign Affairs of Nepal", "NPL")


COUNTRIES_NAMED_WITH_THE = [
    ("the Russian Federation", "RUS"),
    ("the Syrian Arab Republic", "SYR"),
    ("the Democratic Republic of the Congo", "COD"),
    ("the Republic of Korea", "KOR"),
    ("the Islamic Republic of Iran", "IRN"),
    ("the United Republic of Tanzania", "TZA"),
]


def test_the_representative_of_a_country_whose_name_ends_in_a_noun_for_a_body():
    for country, iso3 in COUNTRIES_NAMED_WITH_THE:
        for text in (f"The representative of {country} called the draft “deeply one-sided”.",
                     f"Speaking after the vote, the representative of {country} called it “deeply one-sided”.",
                     f"The draft was “deeply one-sided”, the representative of {country} said."):
            found = quote(text, "deeply one-sided")
            expected = (f"the representative of {country}", iso3, "person", None)
            assert (found.speaker, found.speaker_country, found.speaker_kind, found.speaker_role) == expected, text


def test_a_country_whose_name_ends_in_a_noun_for_a_body_is_a_country():
    found = quote("The Russian Federation argued that the amendment was “a diversion”.", "a diversion")
    assert (found.speaker, found.speaker_country, found.speaker_kind) == ("Russian Federation", "RUS", "country")


# --- an organisation or people in a place: "the Foreign Ministry in Beijing" ---------------------
def test_an_organisation_in_a_capital_is_the_organisation_of_that_country():
    for text in ("The Interior Ministry in Ankara described the ruling as “an affront”.",
                 "The ruling was “an affront”, the Interior Ministry in Ankara said.",
                 "The ruling was “an affront”, said the Interior Ministry in Ankara."):
        found = quote(text, "an affront")
        assert (found.speaker, found.speaker_country, found.speaker_kind) == (
            "Interior Ministry in Ankara", "TUR", "organisation"), text


def test_people_in_a_capital_are_the_speaker_not_the_capital():
    found = quote("Diplomats in Nairobi warned that the talks were “on life support”.", "on life support")
    assert (found.speaker, found.speaker_country, found.speaker_kind) == ("Diplomats in Nairobi", "KEN", "person")


def test_the_country_before_in_wins_over_the_capital():
    found = quote("The Spanish consulate in Lima said the visas were “suspended until further notice”.",
                  "suspended until further notice")
    assert (found.speaker, found.speaker_country) == ("the Spanish consulate in Lima", "ESP")


def test_a_name_in_a_capital_stays_the_place_when_no_noun_heads_it():
    found = quote("A report in Madrid said the visas were “suspended”.", "suspended")
    assert found.speaker != "A report in Madrid"


# --- UN statement style: a surname in capitals, the country in brackets ----------------------
def test_a_name_with_its_country_in_brackets_before_the_cue():
    found = quote("Tomas Lindqvist (Sweden) said the measure was “long overdue”.", "long overdue")
    assert (found.speaker, found.speaker_country, found.speaker_kind) == ("Tomas Lindqvist", "SWE", "person")


def test_a_surname_in_capitals_after_a_title_is_a_person_in_title_case():
    for text in ("Ms. HALVORSEN (Norway) said the measure was “long overdue”.",
                 "The measure was “long overdue”, said Ms. HALVORSEN (Norway)."):
        found = quote(text, "long overdue")
        assert (found.speaker, found.speaker_country, found.speaker_kind) == ("Halvorsen", "NOR", "person"), text


def test_a_surname_in_capitals_written_first_keeps_the_given_name_even_a_month():
    for given in ("Wei", "Jun", "May"):
        found = quote(f"Mr. LIU {given} (China) said the measure was “long overdue”.", "long overdue")
        assert (found.speaker, found.speaker_country, found.speaker_kind) == (f"Liu {given}", "CHN", "person")


def test_a_given_name_before_a_surname_in_capitals_and_a_country():
    found = quote("Lucia FERREIRA (Brazil) warned that the draft was “a step backwards”.", "a step backwards")
    assert (found.speaker, found.speaker_country, found.speaker_kind) == ("Lucia Ferreira", "BRA", "person")


def test_acronyms_stay_organisations():
    for name in ("NATO", "UNICEF", "ASEAN"):
        found = quote(f"{name} said the measure was “long overdue”.", "long overdue")
        assert (found.speaker, found.speaker_kind) == (name, "organisation")
    found = quote("Speaking for ASEAN, the representative of Viet Nam called it “long overdue”.", "long overdue")
    assert found.speaker == "the representative of Viet Nam"


# --- documents and their parts --------------------------------------------------------------
def test_a_numbered_paragraph_is_a_document_speaker():
    text = ("Preambular paragraph 6, urging all sides to “exercise maximum restraint”, was retained by a "
            "recorded vote of 98 in favour to 31 against.")
    found = quote(text, "exercise maximum restraint")
    assert (found.speaker, found.speaker_kind) == ("Preambular paragraph 6", "document")


def test_a_numbered_article_of_a_draft_is_a_document_speaker():
    found = quote("Article 3 of the draft calls on the parties to “release all detainees without delay”.",
                  "release all detainees without delay")
    assert (found.speaker, found.speaker_kind) == ("Article 3 of the draft", "document")


def test_a_resolution_with_its_number_and_year_is_a_document_speaker():
    found = quote("Resolution 2999 (2031) demands that the parties “allow unhindered access for aid convoys”.",
                  "allow unhindered access for aid convoys")
    assert (found.speaker, found.speaker_kind) == ("Resolution 2999 (2031)", "document")


# --- datelines are never speakers -----------------------------------------------------------
def test_a_dateline_with_an_agency_is_no_speaker():
    text = ("GENEVA (AP) — The Human Rights Council called the crackdown “a grave breach of the covenant” "
            "on Friday.")
    found = quote(text, "a grave breach of the covenant")
    assert found.speaker == "Human Rights Council"


def test_a_dateline_with_a_date_and_an_agency_is_no_speaker():
    text = "UNITED NATIONS, Feb 3 (Reuters) - The Security Council described the attack as “an outrage”."
    found = quote(text, "an outrage")
    assert found.speaker == "Security Council"


def test_a_dateline_before_a_quotation_without_a_cue_gives_no_speaker():
    found = quote("NEW YORK (AP) — “Nobody expected the vote to be this close.”",
                  "Nobody expected the vote to be this close.")
    assert found.speaker is None


# --- names ending in -ly are no adverbs -----------------------------------------------------
def test_a_capitalised_word_in_ly_before_a_cue_is_the_subject():
    found = quote("The Assembly declared the referendum “null and void” in a recorded vote.", "null and void")
    assert found.speaker == "Assembly"
    found = quote("Senator Ruth Kelly said the result was “a rebuke to the aggressor”.",
                  "a rebuke to the aggressor")
    assert found.speaker == "Ruth Kelly"


# --- "X (Country), Role, ..., stressed:" and appositions in a row ----------------------------
def test_a_name_with_its_country_in_brackets_and_a_role_before_a_clause():
    text = ("Lena Varga (Slovakia), President of the General Assembly, closing the debate, "
            "declared: “Our work is far from finished.”")
    found = quote(text, "Our work is far from finished.")
    assert (found.speaker, found.speaker_role, found.speaker_country) == (
        "Lena Varga", "President of the General Assembly", "SVK")


def test_a_name_before_two_appositions():
    text = ("Omar Haddad, the foreign minister of Jordan, a member of the contact group, said the talks were "
            "“at a delicate stage”.")
    found = quote(text, "at a delicate stage")
    assert (found.speaker, found.speaker_country) == ("Omar Haddad", "JOR")


def test_a_place_before_an_apposition_is_no_speaker():
    text = "In Nairobi, the minister, a veteran negotiator, said the deal was “within reach”."
    assert quote(text, "within reach").speaker == "the minister"


# --- full names kept: family name first -----------------------------------------------------
def test_a_surname_written_first_keeps_the_full_name():
    text = ("Li Wenbo, the deputy ambassador, spoke after the vote. Li said the sanctions were "
            "“a blunt and harmful instrument”.")
    assert quote(text, "a blunt and harmful instrument").speaker == "Li Wenbo"


def test_a_first_word_opening_two_names_is_left_as_it_is():
    text = ("Kim Soo-yeon and Kim Daehan spoke first. Kim said the plan was “a step in the right direction”.")
    assert quote(text, "a step in the right direction").speaker == "Kim"


# --- a speaker is never a common noun --------------------------------------------------------
def test_a_capitalised_word_only_opening_a_sentence_is_no_speaker():
    found = quote("History will record that the Council stood by “while the city burned”.", "while the city burned")
    assert found.speaker is None


def test_a_surname_opening_a_sentence_is_a_speaker_when_the_text_names_the_person():
    text = ("The envoy, Maria Duarte, arrived late. Duarte insisted that the vote had been “rushed and unfair”.")
    assert quote(text, "rushed and unfair").speaker == "Maria Duarte"


def test_a_title_alone_is_no_speaker():
    assert quote("President said the vote was “a shameful display”.", "a shameful display").speaker is None
    assert quote("The president said the vote was “a shameful display”.", "a shameful display").speaker == (
        "the president")


# --- headlines: single quotation marks and capitalised cues ----------------------------------
PRESS_RELEASE = (
    "GA/99999\n\n"
    "Delegates Hail Ocean Accord as ‘Lifeline for Island Nations’; Assembly Adopts Text\n\n"
    "Fijian Prime Minister Calls Holdouts’ Stance ‘Short-Sighted and Self-Defeating’\n\n"
    "The General Assembly today adopted the accord by a recorded vote of 150 in favour to 3 against. "
    "The representative of Fiji said it was “long overdue”.\n"
)


def test_a_headline_quotation_in_single_marks_is_found_with_its_speaker():
    found = quote(PRESS_RELEASE, "Short-Sighted and Self-Defeating")
    assert (found.speaker, found.speaker_country, found.cue) == ("Fijian Prime Minister", "FJI", "Calls")


def test_a_headline_verb_after_a_plural_subject():
    assert quote(PRESS_RELEASE, "Lifeline for Island Nations").speaker == "Delegates"


def test_single_marks_in_running_text_stay_nested_or_apostrophes():
    text = "She said: “The minister’s ‘red line’ is gone.” The vote’s outcome was clear."
    assert [q.text for q in extract_quotes(text)] == ["The minister’s ‘red line’ is gone."]


def test_an_unclosed_single_mark_in_a_headline_is_no_quotation():
    text = "Minister Says ‘Deal Within Reach For Everyone\n\nThe minister said the talks went “very well”."
    assert [q.text for q in extract_quotes(text)] == ["very well"]


def test_a_dateline_of_a_place_not_in_capitals_with_an_agency_is_no_speaker():
    found = quote("Geneva (AFP) - “We are deeply alarmed,” the agency's spokeswoman told reporters.",
                  "We are deeply alarmed,")
    assert found.speaker == "the agency's spokeswoman"
    found = quote("Geneva (AFP) - The council said the inquiry was “long overdue”.", "long overdue")
    assert found.speaker == "the council"


def test_the_representative_speaking_in_explanation_of_vote_in_apposition():
    text = ("The representative of Brazil, speaking in explanation of vote, said the amendment "
            "“would weaken the whole text”.")
    found = quote(text, "would weaken the whole text")
    assert (found.speaker, found.speaker_country) == ("the representative of Brazil", "BRA")


def test_a_country_s_representative_explaining_the_vote():
    text = "Explaining her vote, Norway’s representative said the resolution was “balanced and timely”."
    found = quote(text, "balanced and timely")
    assert (found.speaker, found.speaker_country) == ("Norway's representative", "NOR")


def test_a_surname_written_first_after_a_title_keeps_the_full_name():
    text = ("China’s Ambassador Zhou Ming spoke before the vote. Zhou said the draft was "
            "“unbalanced and premature”.")
    found = quote(text, "unbalanced and premature")
    assert (found.speaker, found.speaker_country) == ("Zhou Ming", "CHN")


def test_a_counterpart_is_a_role_not_a_name():
    text = "Her Russian counterpart replied that the charges were “absurd and baseless”."
    found = quote(text, "absurd and baseless")
    assert (found.speaker, found.speaker_country) == ("Russian counterpart", "RUS")


def test_the_speaker_before_a_relative_who():
    text = "Also speaking was the representative of Chile, who said the draft was “a necessary first step”."
    found = quote(text, "a necessary first step")
    assert (found.speaker, found.speaker_country) == ("the representative of Chile", "CHL")


def test_a_compound_title_names_a_person():
    text = "The Secretary-General, in his address, said the world “cannot afford another lost decade”."
    found = quote(text, "cannot afford another lost decade")
    assert (found.speaker, found.speaker_kind) == ("the Secretary-General", "person")


def test_a_name_modifying_a_noun_is_not_the_speaker():
    text = "Omar Haddad, a former Jordanian minister, spoke first. A former Ohio governor said it was “too little”."
    assert quote(text, "too little").speaker == "A former Ohio governor"


# --- between a subject and its verb: time phrases and nouns in -ly --------------------------
def test_a_time_phrase_between_the_subject_and_its_cue():
    text = "The Human Rights Council on Friday called the crackdown “brutal and unlawful”."
    assert quote(text, "brutal and unlawful").speaker == "Human Rights Council"
    text = "The General Assembly today described the referendum as “null and void”."
    assert quote(text, "null and void").speaker == "General Assembly"


def test_a_noun_in_ly_before_a_cue_is_the_subject():
    text = "NAIROBI, May 4 (AP) — The assembly demanded that the parties “lay down their arms”."
    assert quote(text, "lay down their arms").speaker == "the assembly"


def test_an_agency_in_brackets_opening_the_text_is_no_speaker():
    text = "(AFP) — “We are ready to talk,” the negotiator told the council."
    assert quote(text, "We are ready to talk,").speaker == "the negotiator"
    found = quote("(CNN) — Delegates from 40 nations rejected what they called “a sham vote”.", "a sham vote")
    assert found.speaker == "Delegates"


def test_a_first_surname_of_a_three_word_name_keeps_the_full_name():
    text = ("Foreign Minister Elena Marquez Soto addressed the Assembly. Marquez said the embargo was "
            "“a relic of another age”.")
    assert quote(text, "a relic of another age").speaker == "Elena Marquez Soto"
