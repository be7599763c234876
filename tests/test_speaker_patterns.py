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
