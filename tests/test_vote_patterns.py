"""The wordings of real UN vote reports, one pattern per test, in sentences written for the tests.

Each pattern was met in real reports (news articles and UN meetings coverage); the sentences here
are new, so that a rule fixing only one report would fail them.
"""

import pytest

from extraction.votes import extract_votes


def only_vote(text, published=None):
    votes = extract_votes(text, published)
    assert len(votes) == 1, votes
    return votes[0]


# ------------------------------------------------------------------ named positions
@pytest.mark.parametrize("text, positions", [
    ("The General Assembly adopted the text by 130 votes to 4. Chile and the Netherlands voted against.",
     {"CHL": "no", "NLD": "no"}),
    ("The General Assembly adopted the text by 130 votes to 4. Peru, which had lobbied hard for changes to "
     "the preamble, voted in favour rather than abstaining.", {"PER": "yes"}),
    ("The Security Council adopted the text with 14 votes in favour after France dropped its objections "
     "and abstained.", {"FRA": "abstain"}),
    ("The General Assembly adopted the resolution by 99 votes. Ghana, Kenya and the Gambia opposed the "
     "measure.", {"GHA": "no", "KEN": "no", "GMB": "no"}),
    ("The General Assembly adopted the resolution by 99 votes. Norway and Chile opposed the text, as did "
     "Kenya, Ghana and the Gambia.", {"NOR": "no", "CHL": "no", "KEN": "no", "GHA": "no", "GMB": "no"}),
    ("The General Assembly vote was 140 in favour, with Fiji and Tonga opposed and Samoa abstaining.",
     {"FJI": "no", "TON": "no", "WSM": "abstain"}),
    ("The General Assembly backed the text 140-6. Fiji, Samoa and the Bahamas joined Tonga in opposing "
     "the resolution.", {"FJI": "no", "WSM": "no", "BHS": "no", "TON": "no"}),
    ("The General Assembly backed the text 150-1, and Tonga cast the lone dissenting vote.", {"TON": "no"}),
    ("The Human Rights Council rejected the motion 16-20. Nepal, Ghana and Peru all rejected the motion.",
     {"NPL": "no", "GHA": "no", "PER": "no"}),
    ("The General Assembly passed the text 120-3 with 40 abstentions, 100 countries voting yes, Fiji "
     "voting no.", {"FJI": "no"}),
    ("Among Andean countries, Peru, Chile, Bolivia, and the Gambia voted “yes” in the General Assembly, while "
     "Ecuador and Colombia abstained.",
     {"PER": "yes", "CHL": "yes", "BOL": "yes", "GMB": "yes", "ECU": "abstain", "COL": "abstain"}),
])
def test_countries_named_before_their_verb(text, positions):
    assert only_vote(text).positions == positions


@pytest.mark.parametrize("owner", ["The abstention by Brazil", "Brazil's abstention", "The U.K. abstention",
                                   "The Brazilian decision to abstain"])
def test_a_country_owns_its_abstention(owner):
    text = f"The Security Council adopted the text with 14 votes. {owner} surprised diplomats."
    vote = only_vote(text)
    assert vote.positions == {"GBR" if "U.K." in owner else "BRA": "abstain"}


def test_a_country_that_rejects_a_text_alone_is_not_placed():
    text = ("The Human Rights Council adopted a resolution on Eritrea by 20 votes to 12. Eritrea has "
            "rejected the resolution.")
    assert only_vote(text).positions == {}


def test_a_list_after_in_favour_stops_at_with():
    text = ("The General Assembly adopted the text with 150 votes in favour, with Fiji opposed, hours after "
            "India abstained in a committee.")
    assert only_vote(text).positions.get("FJI") == "no"


def test_an_abstention_tally_followed_by_a_clause_names_nobody():
    text = ("The General Assembly called for a truce in a 140-9 vote on Tuesday, with 30 nations abstaining, "
            "hours after US officials warned of a veto.")
    assert only_vote(text, "2024-03-08").positions == {}


# ------------------------------------------------------------------ vetoes
def test_a_veto_issued_by_a_member_is_a_council_vote_apart_from_the_assembly_vote():
    text = ("The General Assembly acted after the veto issued by France in the Security Council. The new "
            "resolution was approved by 120 votes in favour, 20 abstentions and five against.")
    council, assembly = extract_votes(text)
    assert (council.body, council.vetoed_by, council.adopted) == ("UNSC", ["FRA"], False)
    assert (assembly.body, assembly.yes, assembly.no, assembly.abstain) == ("UNGA", 120, 5, 20)
    assert assembly.positions == {}


# ------------------------------------------------------------------ bodies
def test_the_body_a_sentence_begins_with_acts_though_it_names_another():
    text = ("The General Assembly this morning urged the Security Council to report more often, by adopting a "
            "resolution by a vote of 100 in favour to 3 against (France, Chile and Peru), with 20 abstentions.")
    vote = only_vote(text, "2031-05-02")
    assert (vote.body, vote.date, vote.yes, vote.no, vote.abstain) == ("UNGA", "2031-05-02", 100, 3, 20)
    assert (vote.vetoed_by, vote.adopted) == ([], True)
    assert vote.positions == {"FRA": "no", "CHL": "no", "PER": "no"}


def test_a_headline_that_begins_with_the_council():
    text = ("Security Council Asks General Assembly to Meet on Drought, Adopting Resolution 2990 (2031) by 12 "
            "Votes in Favour, 2 Against, 1 Abstention")
    vote = only_vote(text)
    assert (vote.body, vote.yes, vote.no, vote.abstain, vote.resolution) == ("UNSC", 12, 2, 1, "S/RES/2990 (2031)")


@pytest.mark.parametrize("name", ["Human Rights Council", "U.N. Human Rights Council", "UN rights council",
                                  "UNHRC"])
def test_the_human_rights_council_by_its_name(name):
    vote = only_vote(f"The {name} adopted the text by 22 votes to 11, with 14 abstentions.")
    assert (vote.body, vote.members, vote.absent) == ("Human Rights Council", 47, 0)
