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


# ------------------------------------------------------------------ tallies in every wording
@pytest.mark.parametrize("text, counts", [
    ("The Human Rights Council turned the motion down (21 against, 15 for, 11 abstentions).", (15, 21, 11)),
    ("Twelve countries on the 15-member council voted in favour of the draft, and three abstained.",
     (12, None, 3)),
    ("In the General Assembly, 130 nations voted for the text, 12 -- including Fiji -- against. Nine "
     "abstained.", (130, 12, 9)),
    ("The Human Rights Council adopted the text.\n\nVotes in favour: 24\n\nVotes against: 09\n\n"
     "Abstentions: 14", (24, 9, 14)),
    ("The General Assembly passed the text 101-3 with four abstentions.", (101, 3, 4)),
    ("The Human Rights Council endorsed a text on Friday condemning attacks on reporters, 31-6 with 10 "
     "abstentions.", (31, 6, 10)),
    ("The General Assembly approved the plan for coastal states on Monday, 98-12.", (98, 12, None)),
    ("The Security Council text failed — by a vote of 3 against to 4 in favour, with 8 abstentions — to "
     "obtain the required number of votes.", (4, 3, 8)),
])
def test_tallies_in_every_wording(text, counts):
    vote = only_vote(text)
    assert (vote.yes, vote.no, vote.abstain) == counts


def test_names_between_dashes_are_the_counted_countries():
    text = ("The General Assembly text was backed by 160 countries, with three -- Fiji, Tonga and Samoa -- "
            "voting against.")
    vote = only_vote(text)
    assert (vote.yes, vote.no) == (160, 3)
    assert vote.positions == {"FJI": "no", "TON": "no", "WSM": "no"}


# ------------------------------------------------------------------ outcomes
@pytest.mark.parametrize("text", [
    "The Security Council text failed to obtain the required number of votes, with 5 in favour.",
    "Security Council Announces Failure to Adopt Text on Fisheries by 3 Against, 4 in Favour, 8 Abstentions",
    "The Security Council rejected the draft by 4 votes to 3.",
])
def test_failed_votes(text):
    assert only_vote(text).adopted is False


def test_a_country_rejecting_a_text_is_not_its_outcome():
    text = ("The Human Rights Council adopted a resolution on Eritrea with 20 votes in favour. Eritrea has "
            "categorically rejected the resolution.")
    vote = only_vote(text)
    assert (vote.yes, vote.adopted) == (20, True)


@pytest.mark.parametrize("text", [
    "The Second Committee approved the draft on desert locusts without a vote.",
    "The General Assembly adopted by consensus a resolution on coral reefs.",
    "The Sixth Committee this morning acted on the draft on piracy without a vote.",
])
def test_decisions_without_a_recorded_vote(text):
    vote = only_vote(text, "2031-05-02")
    assert vote.adopted is True
    assert (vote.yes, vote.no, vote.abstain, vote.absent) == (None, None, None, None)


def test_an_adoption_without_a_vote_is_never_merged_with_a_tally():
    text = ("The General Assembly adopted a resolution on coral reefs by a recorded vote of 150 in favour to 2 "
            "against. In other action, the Assembly also adopted, without a vote, a draft on fisheries.")
    recorded, consensus = extract_votes(text)
    assert (recorded.yes, recorded.no, recorded.adopted) == (150, 2, True)
    assert (consensus.body, consensus.yes, consensus.adopted) == ("UNGA", None, True)


@pytest.mark.parametrize("text", [
    "A U.N. expert panel in May adopted a report recommending that the General Assembly act.",
    "Security Council resolutions are now adopted by written procedure, the General Assembly said.",
])
def test_adopting_a_report_or_how_texts_are_adopted_is_no_vote(text):
    assert extract_votes(text, "2031-05-02") == []


def test_a_permanent_members_no_on_an_adopted_procedural_text_is_no_veto():
    text = ("The Security Council adopted the procedural text by 12 votes in favour to 1 against (France), "
            "with 2 abstentions.")
    vote = only_vote(text)
    assert (vote.adopted, vote.vetoed_by, vote.positions) == (True, [], {"FRA": "no"})


def test_unanimous_said_of_an_opinion_is_no_unanimous_vote():
    text = ("The General Assembly noted the unanimous opinion of the Court and adopted the text by 100 "
            "votes to 20.")
    vote = only_vote(text)
    assert (vote.yes, vote.no, vote.abstain) == (100, 20, None)


# ------------------------------------------------------------------ several votes in one text
def test_separate_votes_on_paragraphs_and_another_text_adopted_at_the_meeting():
    text = ("The General Assembly this afternoon adopted a resolution on desert locusts by a recorded vote of "
            "120 in favour to 10 against, with 20 abstentions. It also adopted a resolution on fisheries. "
            "Before acting on the text, the Assembly took separate votes on operative paragraphs 2 and 5. "
            "Operative paragraph 2 was adopted by a vote of 110 in favour to 12 against, with 25 abstentions.")
    locusts, fisheries, paragraph = extract_votes(text, "2031-05-02")
    assert (locusts.yes, locusts.date) == (120, "2031-05-02")
    assert (fisheries.body, fisheries.date, fisheries.adopted, fisheries.yes) == ("UNGA", "2031-05-02", True, None)
    assert (paragraph.yes, paragraph.no, paragraph.abstain, paragraph.date) == (110, 12, 25, "2031-05-02")


def test_a_few_other_texts_adopted_together_are_each_a_vote():
    text = ("The General Assembly this morning adopted a resolution on oceans by a recorded vote of 140 in "
            "favour to 3 against. Adopting two other texts on fisheries without a vote, the Assembly urged "
            "restraint.")
    oceans, *others = extract_votes(text, "2031-05-02")
    assert oceans.yes == 140
    assert [(v.body, v.date, v.adopted, v.yes) for v in others] == [("UNGA", "2031-05-02", True, None)] * 2


def test_a_record_of_many_texts_is_not_itemised():
    text = ("The General Assembly today adopted 40 resolutions and 3 decisions on disarmament, including a text "
            "on landmines, which was adopted by a recorded vote of 150 in favour to 4 against, with 9 "
            "abstentions.")
    vote = only_vote(text, "2031-05-02")
    assert (vote.yes, vote.no, vote.abstain, vote.adopted) == (150, 4, 9, True)


# ------------------------------------------------------------------ dates
def test_a_date_in_another_clause_does_not_date_the_vote():
    text = ("China vetoed a Security Council draft that would have set up an inquiry into the floods of "
            "March 2029. Eleven members on the 15-member council voted in favour on May 3.")
    vote = only_vote(text, "2031-05-04")
    assert (vote.vetoed_by, vote.yes, vote.date) == (["CHN"], 11, "2031-05-03")


def test_the_same_vote_dated_by_a_caption_and_by_its_weekday_is_one_vote():
    text = ("A screen shows the results of the General Assembly vote, New York, March 6, 2031.\n\n"
            "The General Assembly voted 140-9 for a ceasefire on Thursday, with 30 countries abstaining.")
    vote = only_vote(text)  # 2031-03-06 was a Thursday
    assert (vote.date, vote.yes, vote.no, vote.abstain) == ("2031-03-06", 140, 9, 30)


def test_a_meeting_still_to_come_does_not_date_the_vote():
    text = ("The Third Committee adopted the text by 120 votes to 40 on Tuesday. The draft now goes to the "
            "plenary of the General Assembly, to be convened in December.")
    vote = only_vote(text, "2031-11-06")
    assert (vote.body, vote.date) == ("UNGA Third Committee", "2031-11-04")


# ------------------------------------------------------------------ official lists
def test_official_lists_one_country_a_line_below_their_labels():
    text = ("The Human Rights Council has adopted the resolution on Narnia.\n\n"
            "Voted in favour:\n\n  1. Chile\n  2. Peru\n  3. Republic Korea\n\n"
            "Voted against:\n\n  1. Fiji\n  2. Mentenegro\n\n"
            "Abstentions:\n\n  1. Ghana\n\nShare this page")
    vote = only_vote(text)
    assert vote.positions == {"CHL": "yes", "PER": "yes", "KOR": "yes", "FJI": "no", "MNE": "no",
                              "GHA": "abstain"}
    assert (vote.yes, vote.no, vote.abstain) == (3, 2, 1)


def test_official_lists_after_labels_in_one_sentence():
    text = ("The General Assembly adopted the text by a recorded vote of 3 in favour to 2 against, with 1 "
            "abstention (In favour: Chile, Peru, Kenya. Against: Fiji, Tonga. Abstaining: Ghana).")
    vote = only_vote(text)
    assert vote.positions == {"CHL": "yes", "PER": "yes", "KEN": "yes", "FJI": "no", "TON": "no",
                              "GHA": "abstain"}


# ------------------------------------------------------------------ more bodies
def test_a_main_committee_of_the_assembly_and_the_un_committee_after_it():
    text = ("At the Fourth Committee at the U.N. General Assembly, 120 countries voted for the draft on "
            "Tuesday. A text on mines was also adopted Tuesday by the U.N. committee, with 150 votes.")
    first, second = extract_votes(text, "2031-11-06")
    assert (first.body, first.yes, first.date) == ("UNGA Fourth Committee", 120, "2031-11-04")
    assert (second.body, second.yes, second.date) == ("UNGA Fourth Committee", 150, "2031-11-04")


@pytest.mark.parametrize("symbol, body", [
    ("GA/SHC/4999", "UNGA Third Committee"), ("GA/EF/3999", "UNGA Second Committee"), ("GA/12999", "UNGA"),
    ("SC/15999", "UNSC"),
])
def test_the_body_of_a_press_release_by_its_symbol(symbol, body):
    text = f"Press Release\n{symbol}\n\nThe draft on fisheries was approved by a recorded vote of 150 to 2."
    assert only_vote(text).body == body


# ------------------------------------------------------------------ votes named by their topic
def test_a_headline_and_a_lede_listing_topics_name_one_vote_each():
    text = ("Second Committee Approves 9 Drafts after Close Votes on Desert Locusts, Ocean Acidity, Debt Relief\n\n"
            "The Second Committee approved nine draft resolutions today, covering issues including "
            "water in Africa, the rights of fishers and landlocked countries.\n\n"
            "It approved the text on water in Africa by a recorded vote of 120 in favour to 3 against.")
    votes = extract_votes(text, "2031-11-06")
    assert [v.subject for v in votes] == ["Desert Locusts", "Ocean Acidity", "Debt Relief", "water in Africa",
                                          "rights of fishers", "landlocked countries"]
    assert {(v.body, v.adopted, v.date) for v in votes} == {("UNGA Second Committee", True, "2031-11-06")}
    assert [(v.yes, v.no) for v in votes if v.yes] == [(120, 3)]  # told in full, it is the topic's vote


def test_a_heading_told_twice_names_its_topics_once_and_acts_on_says_no_outcome():
    heading = "Assembly Also Acts on Fisheries, Coral Reefs, Oceans\n"
    text = heading + heading + "The General Assembly this morning adopted, without a vote, a draft on fisheries."
    votes = extract_votes(text, "2031-11-06")
    assert [(v.subject, v.adopted, v.yes) for v in votes] == [
        ("draft on fisheries", True, None), ("Coral Reefs", None, None), ("Oceans", None, None)]
    assert {(v.body, v.date) for v in votes} == {("UNGA", "2031-11-06")}


@pytest.mark.parametrize("text", [
    "The Security Council on Monday condemned the test. \"It has passed seven resolutions on this,\" an expert said.",
    "The General Assembly will hold votes on fisheries, oceans and coral reefs next week.",
    "The General Assembly took separate votes on operative paragraphs 2 and 5 of the text on oceans, which was "
    "adopted by 120 votes to 4.",
])
def test_what_is_no_list_of_topics(text):
    assert len(extract_votes(text, "2031-11-06")) <= 1


def test_a_vote_taken_before_its_outcome_is_told():
    text = ("The General Assembly this morning adopted a text on oceans by a recorded vote of 150 in favour to 3 "
            "against. Prior to acting on it, the Assembly took a separate recorded vote on operative paragraph 4. "
            "By one text on fisheries, submitted by the island States, the Assembly urged restraint.")
    oceans, paragraph, fisheries = extract_votes(text, "2031-11-06")
    assert (oceans.yes, paragraph.yes, fisheries.yes) == (150, None, None)
    assert [(v.body, v.date, v.adopted) for v in (paragraph, fisheries)] == [("UNGA", "2031-11-06", None)] * 2


def test_a_paragraph_voted_apart_is_completed_by_its_tally():
    text = ("The General Assembly took a separate recorded vote on operative paragraph 4. Paragraph 4 was "
            "retained by 120 votes to 30.")
    vote = only_vote(text)
    assert (vote.yes, vote.no) == (120, 30)


# ------------------------------------------------------------------ more wordings met in news reports
@pytest.mark.parametrize("text, counts, positions", [
    ("The General Assembly backed the text on Monday. The vote was 131-6 with 40 abstentions. Fiji and Tonga "
     "were among those abstaining.", (131, 6, 40), {"FJI": "abstain", "TON": "abstain"}),
    ("The Security Council on Friday passed a resolution 12-0 with three abstentions, from Chile, Peru and "
     "Kenya, to extend the mission.", (12, 0, 3), {"CHL": "abstain", "PER": "abstain", "KEN": "abstain"}),
    ("The Human Rights Council text passed with 30 votes in favour, 5 against and 12 abstentions. Cuba and "
     "Eritrea were among those voting against.", (30, 5, 12), {"CUB": "no", "ERI": "no"}),
])
def test_news_wordings(text, counts, positions):
    vote = only_vote(text, "2031-03-05")
    assert ((vote.yes, vote.no, vote.abstain), vote.positions) == (counts, positions)


def test_a_candidates_votes_in_an_election_are_no_tally():
    text = "The General Assembly elected five members of the Security Council. Chile received 180 votes."
    assert extract_votes(text) == []


@pytest.mark.parametrize("text", [
    "The Security Council members were unanimous in their condemnation of the attack.",
    "The General Assembly president rejected rumours that a Security Council resolution was planned.",
    "In the Security Council, he made a plea before the vote for Member States to reject it.",
])
def test_what_only_sounds_like_an_outcome(text):
    assert extract_votes(text) == []


def test_delegations_explaining_their_votes():
    text = ("The General Assembly this afternoon adopted a resolution on oceans by a recorded vote of 150 in favour "
            "to 5 against, with 12 abstentions. Speaking in explanation of vote, the representative of Chile said "
            "his delegation had voted in favour of the text. The representative of Fiji said her country had "
            "voted against it. Kenya's delegate said his delegation abstained.")
    vote = only_vote(text, "2031-03-07")
    assert vote.positions == {"CHL": "yes", "FJI": "no", "KEN": "abstain"}


def test_a_term_that_ends_on_a_date_does_not_date_the_vote():
    text = ("The Security Council this morning extended the mission until 30 June, unanimously adopting resolution "
            "2990 (2031).")
    assert only_vote(text, "2031-03-07").date == "2031-03-07"


@pytest.mark.parametrize("text, positions", [
    ("Fiji was the only country to vote against the General Assembly resolution, which passed 150-1.", {"FJI": "no"}),
    ("Chile cast the only vote against the text in the Security Council, which was approved 14-1.", {"CHL": "no"}),
])
def test_the_only_country_against(text, positions):
    vote = only_vote(text)
    assert (vote.no, vote.positions) == (1, positions)


@pytest.mark.parametrize("text, adopted", [
    ("The General Assembly voted 100-50 to reject the proposal on Monday.", False),
    ("The General Assembly voted 143-5 to reject the annexation of the islands.", True),
    ("The Security Council rejected it by 4 votes to 9.", False),
    ("The measure, which needed nine votes to pass, received seven in favour, two against and six abstentions in "
     "the Security Council.", False),
])
def test_what_a_rejection_is_said_of(text, adopted):
    assert only_vote(text, "2031-03-07").adopted is adopted


@pytest.mark.parametrize("sentence", ["It was the second straight year for Peru to vote against the text.",
                                      "Peru voted against the text for the second consecutive year."])
def test_a_position_taken_for_the_second_year_is_also_last_years_vote(sentence):
    text = f"The Third Committee on Tuesday approved the draft by 150 votes to 4. {sentence}"
    current, last_year = extract_votes(text, "2031-11-06")
    assert (current.yes, current.date, current.positions) == (150, "2031-11-04", {"PER": "no"})
    assert (last_year.body, last_year.date, last_year.yes, last_year.positions) == (
        "UNGA Third Committee", None, None, {"PER": "no"})


def test_a_resolution_mentioned_in_passing_with_its_adoption_is_a_vote_of_its_own():
    text = ("In 1991 France vetoed a Security Council draft, leading members to invoke General Assembly resolution "
            "412 B (IV), adopted in 1949.")
    veto, passing = extract_votes(text)
    assert (veto.body, veto.vetoed_by, veto.date_text) == ("UNSC", ["FRA"], "In 1991")
    assert (passing.body, passing.resolution, passing.adopted, passing.date_text) == (
        "UNGA", "412 B (IV)", True, "in 1949")


def test_countries_after_with_and_before_their_side():
    text = ("The text was approved by 160 votes, with only Fiji and Tonga against and 10 abstentions in the General "
            "Assembly.")
    vote = only_vote(text)
    assert (vote.yes, vote.abstain, vote.positions) == (160, 10, {"FJI": "no", "TON": "no"})
    text = "The General Assembly adopted a resolution against the war with Chile and Peru in favour of talks."
    assert only_vote(text).positions == {}


def test_a_unanimous_council_vote_told_in_figures():
    text = "The Security Council adopted the resolution unanimously on Monday. The 15-0 vote came after days of talks."
    vote = only_vote(text, "2031-03-07")
    assert (vote.yes, vote.no, vote.abstain, vote.absent, vote.date) == (15, 0, 0, 0, "2031-03-03")


def test_a_draft_approved_without_a_vote_after_a_recorded_one():
    text = ("By a recorded vote of 145 in favour to 6 against, the Fourth Committee approved a draft on refugees. It "
            "then approved, without a vote, a draft on atomic radiation.")
    refugees, radiation = extract_votes(text)
    assert (refugees.yes, radiation.yes, radiation.adopted) == (145, None, True)
    assert radiation.body == "UNGA Fourth Committee"


@pytest.mark.parametrize("name, body", [
    ("Disarmament and International Security Committee", "UNGA First Committee"),
    ("Economic and Financial Committee", "UNGA Second Committee"),
    ("Special Political and Decolonization Committee", "UNGA Fourth Committee"),
    ("Legal Committee", "UNGA Sixth Committee"),
    ("UN General Assembly's budget committee", "UNGA Fifth Committee"),
    ("General Assembly's human rights committee", "UNGA Third Committee"),
    ("Second Committee (Economic and Financial)", "UNGA Second Committee"),
])
def test_main_committees_by_their_names(name, body):
    vote = only_vote(f"The {name} approved the draft on debt 80-30 with 60 abstentions.")
    assert (vote.body, vote.yes, vote.no, vote.abstain, vote.subject) == (body, 80, 30, 60, "draft on debt")


def test_backing_from_n_countries_and_a_record_of_vetoes():
    vote = only_vote("At the General Assembly, Peru won backing from 141 countries, while 5 voted against.")
    assert (vote.yes, vote.no, vote.adopted) == (141, 5, True)
    assert extract_votes("France has vetoed more than 10 Security Council resolutions on the region.") == []


@pytest.mark.parametrize("text", [
    "The General Assembly adopted the text 120-3. Three countries voted against. They were Chile, Peru and Fiji.",
    "The General Assembly adopted the text by 120 votes to 3. The countries that voted against were Chile, Peru,\n"
    "and Fiji.",
    "In the General Assembly, 120 countries voted in favour of the text. Opposing it were Chile, Peru and Fiji.",
    "The General Assembly approved the text with 120 votes. The no votes came from Chile, Peru and Fiji.",
    "The General Assembly approved the text with 120 votes. Opponents included Chile, Peru and Fiji.",
])
def test_countries_against_across_a_sentence_or_line_break_and_other_cues(text):
    assert only_vote(text).positions == {"CHL": "no", "PER": "no", "FJI": "no"}


def test_a_list_left_open_is_not_taken_from_another_sentence():
    text = "The General Assembly adopted the text 120-3. Three countries voted against. France regretted the vote."
    assert only_vote(text).positions == {}


def test_shortened_and_misspelt_names_in_an_official_list():
    text = ("The General Assembly adopted the text by 150 votes to 4. Against: Chile, Papua, Mentenegro and the "
            "United States.")
    assert only_vote(text).positions == {"CHL": "no", "PNG": "no", "MNE": "no", "USA": "no"}


@pytest.mark.parametrize("text", [
    "The Security Council discussed issues including Syria, Yemen and Libya.",
    "The General Assembly has over the years adopted resolutions on Haiti, Mali and Fiji.",
])
def test_topics_of_debate_or_of_past_years_are_no_votes(text):
    assert extract_votes(text) == []


def test_a_vote_told_in_the_past_perfect_is_not_dated_by_the_meeting():
    text = ("The Security Council today adopted a resolution on Haiti by 13 votes to none, with 2 abstentions. The "
            "Council had adopted a resolution on Mali without a vote.")
    haiti, mali = extract_votes(text, "2031-03-07")
    assert (haiti.date, mali.date, mali.adopted, mali.yes) == ("2031-03-07", None, True, None)


# ------------------------------------------------------------------ an earlier vote compared with in passing
def test_positions_after_a_passing_comparison_belong_to_the_main_vote():
    text = ("The General Assembly on Thursday endorsed a call for a moratorium on deep-sea mining, 131-9 with 30 "
            "abstentions. The vote was down from 140 nations that backed a similar text a year ago.\n\n"
            "Peru, Chile and Fiji joined Norway in voting against.")
    votes = extract_votes(text, "2031-05-02")
    assert [(v.yes, v.no, v.abstain) for v in votes] == [(131, 9, 30), (140, None, None)]
    assert votes[0].positions == {"PER": "no", "CHL": "no", "FJI": "no", "NOR": "no"}
    assert votes[1].positions == {} and votes[1].members is None


def test_a_piece_that_says_it_tells_of_the_past_joins_the_earlier_vote():
    text = ("The General Assembly on Thursday endorsed a call for a moratorium on deep-sea mining, 131-9 with 30 "
            "abstentions. That was more than the 120 that backed a similar text a year ago. Peru voted against "
            "it last year.")
    votes = extract_votes(text, "2031-05-02")
    assert [v.positions for v in votes] == [{}, {"PER": "no"}]


# ------------------------------------------------------------------ a failed draft beside an adopted text
def test_a_negative_vote_by_a_permanent_member_on_a_failed_draft_and_a_later_unanimous_text():
    text = ("The Security Council this afternoon failed to adopt a draft on maritime security in the Gulf of "
            "Guinea, owing to a negative vote cast by China, a permanent member.\n\n"
            "The text obtained 13 votes in favour to 1 against (China), with 1 abstention (Brazil).\n\n"
            "Later in the meeting, the Council unanimously adopted resolution 2901 (2031), extending the "
            "mission in Haiti.")
    failed, adopted = extract_votes(text, "2031-05-02")
    assert (failed.adopted, failed.vetoed_by, failed.yes, failed.no, failed.abstain) == (False, ["CHN"], 13, 1, 1)
    assert failed.positions == {"CHN": "no", "BRA": "abstain"}
    assert (adopted.adopted, adopted.resolution, adopted.vetoed_by, adopted.positions) == (
        True, "S/RES/2901 (2031)", [], {})
    assert (adopted.yes, adopted.no, adopted.abstain) == (15, 0, 0)


def test_a_unanimous_adoption_is_never_merged_with_a_tally_that_has_a_no():
    text = ("The Security Council adopted a text on Libya by 14 votes to 1.\n\n"
            "The Council unanimously adopted resolution 2902 (2031) on Yemen.")
    assert [(v.yes, v.no) for v in extract_votes(text)] == [(14, 1), (15, 0)]


@pytest.mark.parametrize("text", [
    "The Security Council has so far failed to adopt any text on the fighting in the Sahel.",
    "The Security Council has again failed to adopt a text on the fighting in the Sahel, diplomats say.",
])
def test_a_record_of_failing_to_adopt_is_no_vote(text):
    assert extract_votes(text) == []


# ------------------------------------------------------------------ each draft of a Main Committee its own vote
def test_each_draft_a_main_committee_acts_on_is_its_own_vote():
    text = ("The General Assembly's Second Committee (Economic and Financial) this morning approved five drafts, "
            "three of them by recorded vote.\n\n"
            "The draft on the report of the Preparatory Committee for Fisheries was approved by a recorded vote of "
            "120 in favour to 3 against, with 40 abstentions.\n\n"
            "By a recorded vote of 150 in favour to 1 against (Fiji), with 12 abstentions, the Committee approved "
            "the draft on desert locusts.\n\n"
            "The Committee then approved without a vote the draft on mountain tourism.")
    votes = extract_votes(text, "2031-05-02")
    assert [(v.body, v.yes, v.no, v.abstain, v.adopted) for v in votes] == [
        ("UNGA Second Committee", 120, 3, 40, True), ("UNGA Second Committee", 150, 1, 12, True),
        ("UNGA Second Committee", None, None, None, True)]
    assert votes[1].positions == {"FJI": "no"}


def test_a_unanimity_only_expected_is_no_vote_of_its_own():
    text = ("While many had expected the 193-member General Assembly would pass the resolution unanimously by consensus, "
            "the delegation of Hungary called for a vote.\nThe measure was approved with 150 countries voting "
            "“yes,” Hungary voting “no,” and 20 countries abstaining.")
    vote = only_vote(text, "2031-04-02")
    assert (vote.yes, vote.abstain, vote.positions) == (150, 20, {"HUN": "no"})
