"""Votes read from news text and UN releases (extraction.votes)."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.votes import extract_votes

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLE = Path(__file__).resolve().parents[1] / "data/sources/unga-annexation-vote-2022.txt"


def only(votes, **criteria):
    """The single vote matching every criterion."""
    matching = [v for v in votes if all(getattr(v, k) == value for k, value in criteria.items())]
    assert len(matching) == 1, (criteria, votes)
    return matching[0]


def assert_offsets(text, votes):
    for vote in votes:
        assert 0 <= vote.start <= vote.end <= len(text)
        for iso3, (start, end) in vote.position_spans.items():
            assert 0 <= start < end <= len(text)
            assert iso3 in vote.positions


# ------------------------------------------------------------------ the bundled article
@pytest.fixture(scope="module")
def gold():
    path = SHARED / "gold/unga-annexation-vote-2022.json"
    if not path.exists():
        pytest.skip("shared gold file not available")
    return json.loads(path.read_text(encoding="utf-8"))


def test_bundled_article_matches_gold(gold):
    text = ARTICLE.read_text(encoding="utf-8")
    votes = extract_votes(text, "2022-10-12")
    assert len(votes) == len(gold["votes"])
    assembly_gold = next(v for v in gold["votes"] if v["body"] == "UNGA")
    assembly = only(votes, body="UNGA")
    for key in ("date", "yes", "no", "abstain", "absent", "absent_derived", "members", "adopted",
                "vetoed_by", "positions"):
        assert getattr(assembly, key) == assembly_gold[key], key
    council = only(votes, body="UNSC")
    council_gold = next(v for v in gold["votes"] if v["body"] == "UNSC")
    assert council.adopted is False
    assert council.vetoed_by == council_gold["vetoed_by"]
    assert council.positions == council_gold["positions"]
    assert council.members == council_gold["members"]
    assert council.date == "2022-09"  # "last month", from the publication date
    assert_offsets(text, votes)
    for iso3, (start, end) in assembly.position_spans.items():
        assert iso3 in {"RUS", "SYR", "NIC", "PRK", "BLR", "CHN", "IND", "ZAF", "PAK"}
        assert text[start:end] in {"Russia", "Syria", "Nicaragua", "North Korea", "Belarus", "China",
                                   "India", "South Africa", "Pakistan"}


def test_bundled_article_without_published_date_invents_no_date():
    votes = extract_votes(ARTICLE.read_text(encoding="utf-8"))
    assert [v.date for v in votes] == [None, None]
    assert {v.body for v in votes} == {"UNGA", "UNSC"}
    assert only(votes, body="UNGA").yes == 143


# ------------------------------------------------------------------ other styles
PRESS_RELEASE = (
    "The General Assembly today adopted resolution A/RES/77/1 on the situation in Myanmar by a "
    "recorded vote of 99 in favour to 8 against, with 60 abstentions (In favour: Albania, Andorra, "
    "Argentina; Against: Belarus, China, Russian Federation; Abstaining: India, Pakistan, "
    "South Africa)."
)


def test_press_release_with_labelled_lists_and_symbol():
    (vote,) = extract_votes(PRESS_RELEASE, "2022-11-15")
    assert (vote.body, vote.date, vote.resolution) == ("UNGA", "2022-11-15", "A/RES/77/1")
    assert (vote.yes, vote.no, vote.abstain, vote.adopted) == (99, 8, 60, True)
    assert vote.positions == {
        "ALB": "yes", "AND": "yes", "ARG": "yes", "BLR": "no", "CHN": "no", "RUS": "no",
        "IND": "abstain", "PAK": "abstain", "ZAF": "abstain",
    }
    assert vote.subject == "resolution on the situation in Myanmar"


def test_press_release_names_after_each_count():
    text = ("The draft resolution (A/77/L.5) was adopted by a recorded vote of 141 in favour to 5 "
            "against (Belarus, Democratic People's Republic of Korea, Eritrea, Russian Federation, "
            "Syria), with 35 abstentions.")
    (vote,) = extract_votes(text)
    assert (vote.resolution, vote.yes, vote.no, vote.abstain) == ("A/77/L.5", 141, 5, 35)
    assert vote.positions == {iso3: "no" for iso3 in ("BLR", "PRK", "ERI", "RUS", "SYR")}


def test_security_council_veto_by_two_members():
    text = ("UNITED NATIONS, May 26 (Reuters) - China and Russia on Thursday vetoed a U.S.-led push "
            "to impose more United Nations sanctions on North Korea over its renewed ballistic missile "
            "launches. The remaining 13 members of the Security Council voted in favour of the draft "
            "resolution, S/2022/431.")
    (vote,) = extract_votes(text, "2022-05-27")
    assert (vote.body, vote.date, vote.resolution) == ("UNSC", "2022-05-26", "S/2022/431")
    assert sorted(vote.vetoed_by) == ["CHN", "RUS"]
    assert vote.positions == {"CHN": "no", "RUS": "no"}
    assert "PRK" not in vote.positions  # the subject of the sanctions did not vote
    assert (vote.yes, vote.no, vote.abstain, vote.members, vote.adopted) == (13, 2, 0, 15, False)


def test_demonym_veto_and_threats():
    text = ("A Russian veto blocked the draft in the 15-nation Security Council on Friday, while China "
            "and India abstained. Eleven members voted in favour.")
    (vote,) = extract_votes(text, "2022-02-26")
    assert vote.vetoed_by == ["RUS"]
    assert vote.positions == {"RUS": "no", "CHN": "abstain", "IND": "abstain"}
    assert (vote.yes, vote.date, vote.adopted) == (11, "2022-02-25", False)
    assert extract_votes("Russia threatened to veto any resolution on the matter, diplomats said.") == []


def test_human_rights_council_vote():
    text = ("GENEVA - The U.N. Human Rights Council on Friday voted to set up an investigation into "
            "alleged abuses in Iran. The resolution was adopted by 25 votes in favour, six against and "
            "16 abstentions. China and Pakistan voted against, while India abstained.")
    (vote,) = extract_votes(text, "2022-11-25")
    assert (vote.body, vote.date, vote.members) == ("Human Rights Council", "2022-11-25", 47)
    assert (vote.yes, vote.no, vote.abstain, vote.absent, vote.absent_derived) == (25, 6, 16, 0, True)
    assert vote.positions == {"CHN": "no", "PAK": "no", "IND": "abstain"}
    assert vote.subject.startswith("set up an investigation")
    assert "IRN" not in vote.positions


def test_amendment_rejected_before_the_main_vote():
    text = ("Before the vote, the assembly rejected an amendment proposed by Russia by 15 votes to 95, "
            "with 40 abstentions. The General Assembly then adopted the resolution on 7 April 2022 by "
            "93 votes in favour to 24 against, with 58 abstentions.")
    amendment, resolution = extract_votes(text)
    assert (amendment.yes, amendment.no, amendment.abstain, amendment.adopted) == (15, 95, 40, False)
    assert "amendment" in amendment.subject and amendment.positions == {}
    assert (resolution.yes, resolution.no, resolution.abstain) == (93, 24, 58)
    assert (resolution.adopted, resolution.date, resolution.body) == (True, "2022-04-07", "UNGA")


def test_numbers_in_words_and_last_years_tally():
    text = ("In the General Assembly, one hundred and forty-one countries voted in favour of the "
            "resolution demanding a withdrawal, five voted against and thirty-five abstained. Last "
            "year, a similar resolution passed by 100 votes to 11, with 58 abstentions.")
    current, earlier = extract_votes(text, "2023-03-02")
    assert (current.yes, current.no, current.abstain, current.adopted) == (141, 5, 35, True)
    assert current.subject == "resolution demanding a withdrawal"
    assert (earlier.yes, earlier.no, earlier.abstain, earlier.date) == (100, 11, 58, None)
    assert earlier.date_text == "Last year"


def test_joined_list_and_the_rest_in_another_wording():
    text = ("The 193-member General Assembly voted 120 in favour on Monday. Only two nations joined "
            "Israel in voting against: the United States and Nauru. Fifty-one countries abstained, "
            "including Germany and Japan. The rest did not vote.")
    (vote,) = extract_votes(text, "2021-12-07")
    assert (vote.yes, vote.no, vote.abstain, vote.members) == (120, 3, 51, 193)
    assert (vote.absent, vote.absent_derived, vote.date) == (19, True, "2021-12-06")
    assert vote.positions == {"ISR": "no", "USA": "no", "NRU": "no", "DEU": "abstain",
                              "JPN": "abstain"}


def test_unanimous_council_resolution_number():
    (vote,) = extract_votes("The Security Council unanimously adopted resolution 2231 (2015) "
                            "endorsing the nuclear deal.")
    assert (vote.body, vote.resolution, vote.yes, vote.no, vote.abstain) == (
        "UNSC", "S/RES/2231 (2015)", 15, 0, 0)


@pytest.mark.parametrize(
    "text",
    ["", "The foreign ministers met in Geneva on Tuesday to discuss trade. Officials said voters "
         "would be consulted in March.",
     "Time passed and the company adopted a new strategy.",
     "Biden said the vote sent a clear message to Moscow."],
)
def test_no_vote(text):
    assert extract_votes(text, "2022-05-01") == []


# ------------------------------------------------------------------ robustness
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=12)))
def test_never_raises_and_offsets_index_the_text(text, published):
    assert_offsets(text, extract_votes(text, published))


VOTE_WORDS = st.sampled_from(
    ["Russia", "China", "voted", "against", "in favour", "abstained", "vetoed", "13", "Thirty-five",
     "countries", "Security Council", "General Assembly", "(In favour:", "Against:", ";", ")", ",",
     ".", " and ", "the rest did not vote", "on Wednesday", "last month", "amendment", "193-member",
     "A/RES/ES-11/4", "’s", "joined", "including", "adopted", "rejected", "unanimously"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(VOTE_WORDS, max_size=40).map(" ".join), st.sampled_from([None, "2022-10-12"]))
def test_vote_like_noise_never_raises(text, published):
    votes = extract_votes(text, published)
    assert_offsets(text, votes)
    for vote in votes:
        for key in ("yes", "no", "abstain", "absent"):
            assert getattr(vote, key) is None or getattr(vote, key) >= 0


def test_what_was_voted_on_is_not_a_voter():
    text = ("The General Assembly voted 143-9 in favour of Palestine, with 25 abstentions. The United "
            "States and Israel voted against.")
    (vote,) = extract_votes(text)
    assert (vote.yes, vote.no, vote.abstain) == (143, 9, 25)
    assert vote.positions == {"USA": "no", "ISR": "no"}


def test_votes_outside_the_un_are_ignored():
    text = ("In 1998 in the Senate's 80-19 vote for admitting Poland, Hungary, and the Czech Republic "
            "to NATO both parties split 4 to 1 in favor.")
    assert extract_votes(text) == []


# ------------------------------------------------------------------ wordings seen in real reports
def test_by_n_votes_and_a_back_reference_with_its_own_tally_are_two_votes():
    text = ("The General Assembly adopted a resolution urging talks on shared rivers by 131 votes. "
            "A resolution urging talks was adopted by the Assembly on 4 June with 98 votes.")
    current, earlier = extract_votes(text, "2024-11-20")
    assert (current.yes, current.date, current.adopted) == (131, None, True)
    assert (earlier.yes, earlier.date, earlier.body) == (98, "2024-06-04", "UNGA")


def test_the_vote_was_n_to_m_with_abstentions():
    (vote,) = extract_votes("The vote in the General Assembly was 120 to 9 with 30 abstentions.")
    assert (vote.yes, vote.no, vote.abstain, vote.adopted) == (120, 9, 30, True)


def test_votes_yes_no_list():
    (vote,) = extract_votes("The General Assembly resolution passed with 118 votes yes, 7 no, and 42 "
                            "abstentions.")
    assert (vote.yes, vote.no, vote.abstain) == (118, 7, 42)


def test_members_approved_and_including_names_between_count_and_verb():
    text = ("The General Assembly on Monday voted to condemn the blockade: 140 U.N. members approved "
            "the resolution, 30 abstained and just 6, including Hungary, voted “no.”")
    (vote,) = extract_votes(text, "2024-03-06")
    assert (vote.yes, vote.no, vote.abstain, vote.date) == (140, 6, 30, "2024-03-04")
    assert vote.positions == {"HUN": "no"}
    assert vote.subject == "condemn the blockade"


def test_council_counts_with_names_in_parentheses_and_a_permanent_members_no_is_a_veto():
    text = ("Ten of the Council’s 15 members voted in favour of the Maltese draft, one (France) voted "
            "against, and four (China, Gabon, Ghana and Mozambique) abstained.")
    (vote,) = extract_votes(text)
    assert (vote.body, vote.yes, vote.no, vote.abstain) == ("UNSC", 10, 1, 4)
    assert vote.positions == {"FRA": "no", "CHN": "abstain", "GAB": "abstain", "GHA": "abstain",
                              "MOZ": "abstain"}
    assert (vote.vetoed_by, vote.adopted) == (["FRA"], False)


def test_how_voting_works_is_not_a_tally():
    text = ("Nine of the Security Council’s members voted in favour, one (Russia) voted against. A "
            "negative vote from any one of the five permanent members stops any measure put to it.")
    (vote,) = extract_votes(text)
    assert (vote.yes, vote.no, vote.abstain, vote.vetoed_by) == (9, 1, None, ["RUS"])
    assert vote.subject is None
    assert extract_votes("Only the permanent members of the Security Council have the power to veto "
                         "any draft.") == []


def test_named_countries_plus_n_others_and_including_lists():
    text = ("The General Assembly resolution was backed by 101 states including Chile, Kenya and "
            "Norway, while only 8 nations, including Hungary and Poland, voted against it. Brazil, "
            "Mexico and 31 other countries abstained.")
    (vote,) = extract_votes(text)
    assert (vote.yes, vote.no, vote.abstain) == (101, 8, 33)
    assert vote.positions == {"CHL": "yes", "KEN": "yes", "NOR": "yes", "HUN": "no", "POL": "no",
                              "BRA": "abstain", "MEX": "abstain"}


def test_list_positions_among_quoted_no_and_dashes():
    text = ("The General Assembly adopted the text by 99 votes to 3. Brazil and Mexico were among the "
            "nations that abstained. The states that voted \"No\" were Hungary, Fiji and Tonga. The "
            "other two – Kenya and Ghana – voted in favour of the text.")
    (vote,) = extract_votes(text)
    assert vote.positions == {"BRA": "abstain", "MEX": "abstain", "HUN": "no", "FJI": "no",
                              "TON": "no", "KEN": "yes", "GHA": "yes"}


def test_unknown_word_in_a_list_does_not_cut_it():
    text = ("The General Assembly adopted the text by 99 votes to 4. Cuba, Narnia, Argentin, Nicaragua "
            "and Iran voted against.")
    (vote,) = extract_votes(text)
    assert vote.positions == {"CUB": "no", "ARG": "no", "NIC": "no", "IRN": "no"}


def test_abstaining_from_voting_for_an_earlier_resolution():
    text = ("The General Assembly on Tuesday adopted the resolution by 150 votes to 8. Canada, which "
            "abstained from voting for the Assembly’s ceasefire resolution in March, backed it this "
            "time.")
    current, earlier = extract_votes(text, "2024-06-13")
    assert (current.date, current.yes) == ("2024-06-11", 150)
    assert (earlier.date, earlier.body, earlier.positions) == ("2024-03", "UNGA", {"CAN": "abstain"})
    assert earlier.subject is None  # "resolution in March" says when, not what


def test_general_assembly_vote_and_a_council_veto_days_before_stay_apart():
    text = ("The General Assembly on Wednesday demanded a truce in the Sahel.\n\n"
            "The resolution for “an immediate truce” was backed by 120 member states, with 12 against "
            "and 40 abstentions.\n\n"
            "After France vetoed a resolution in the Security Council on Monday, an emergency session "
            "of the 193-member General Assembly was called to vote on a text making the same demand.\n\n"
            "At the Security Council on Monday, a similar resolution drafted by Ghana was scrapped "
            "after it was vetoed by France.")
    assembly, council = extract_votes(text, "2024-05-16")
    assert (assembly.body, assembly.date, assembly.yes, assembly.no, assembly.abstain) == (
        "UNGA", "2024-05-15", 120, 12, 40)
    assert (assembly.members, assembly.absent) == (193, None)  # "the rest" is not stated
    assert assembly.subject == "resolution for an immediate truce"
    assert (council.body, council.date, council.vetoed_by, council.adopted) == (
        "UNSC", "2024-05-13", ["FRA"], False)


def test_context_after_a_headline_tally_gives_body_and_date():
    text = ("Text Passes by 99 Votes in Favour to 4 against, with 60 Abstentions\n\n"
            "The General Assembly today voted overwhelmingly to call for an end to the siege.")
    (vote,) = extract_votes(text, "2015-07-01")
    assert (vote.body, vote.date, vote.yes, vote.no, vote.abstain) == ("UNGA", "2015-07-01", 99, 4, 60)
    assert vote.subject == "call for an end to the siege"


def test_subjects_are_clean_noun_phrases_or_none():
    text = ("The General Assembly on Friday adopted a resolution demanding an “immediate truce” in the "
            "Sahel in a show of unity, by 130 votes to 9.")
    (vote,) = extract_votes(text, "2024-02-10")
    assert vote.subject == "resolution demanding an immediate truce in the Sahel"
    (veto,) = extract_votes("Russia vetoes U.N. Security Council draft as India abstains")
    assert veto.subject is None and veto.vetoed_by == ["RUS"]


def test_a_record_of_many_resolutions_is_not_a_vote():
    text = ("The Security Council on Monday condemned the missile test. \"The Council has passed seven "
            "resolutions on this,\" said a scholar.")
    assert extract_votes(text, "2021-04-07") == []


def test_context_far_before_a_vote_does_not_date_it():
    text = ("The Security Council on Monday condemned the missile test. Diplomats met for hours. "
            "Several envoys spoke. No statement followed. A draft later won 13 votes in favour, with "
            "two abstentions.")
    (vote,) = extract_votes(text, "2021-04-07")
    assert (vote.yes, vote.abstain, vote.date) == (13, 2, None)


# ------------------------------------------------------------------ wordings met on held-out articles
def test_including_lists_with_commas_inside_a_count():
    text = ("The General Assembly adopted the text on Monday. Seven countries, including the "
            "Netherlands, Chile and Fiji, voted against the resolution, and 27 states including Peru, "
            "Ghana, Nepal and Sri Lanka abstained from the vote.")
    (vote,) = extract_votes(text, "2024-03-06")
    assert (vote.no, vote.abstain) == (7, 27)
    assert vote.positions == {"NLD": "no", "CHL": "no", "FJI": "no", "PER": "abstain",
                              "GHA": "abstain", "NPL": "abstain", "LKA": "abstain"}
    text = ("The General Assembly adopted the text. Five countries – among them Chile and Peru – voted "
            "against.")
    (vote,) = extract_votes(text)
    assert (vote.no, vote.positions) == (5, {"CHL": "no", "PER": "no"})


def test_support_of_n_votes_from_a_total_membership():
    (vote,) = extract_votes("The General Assembly resolution received the support of 131 votes from a "
                            "total of 193 members.")
    assert (vote.yes, vote.members, vote.no, vote.absent) == (131, 193, None, None)


def test_n_others_abstained_is_a_count_not_the_rest():
    text = ("The Human Rights Council adopted the text with 30 votes, Cuba voted against, while 16 "
            "others abstained.")
    (vote,) = extract_votes(text)
    assert (vote.yes, vote.abstain, vote.absent) == (30, 16, None)
    assert vote.positions == {"CUB": "no"}
    (council,) = extract_votes("In the Security Council, Chad and Togo abstained and the other 13 "
                               "voted in favour.")
    assert (council.yes, council.abstain) == (13, 2)


@pytest.mark.parametrize("text", [
    "The draft (A/80/L.9) is now expected to be adopted by the 193-member General Assembly on Friday.",
    "The measure is likely to be approved by the Security Council on Friday.",
])
def test_future_and_hypothetical_votes_are_not_votes(text):
    assert extract_votes(text, "2024-03-06") == []


def test_a_vote_still_to_come_does_not_merge_into_a_past_one():
    text = ("Chile vetoed a Security Council draft on Monday. The text is now expected to be adopted "
            "by the 193-member General Assembly on Thursday.")
    (veto,) = extract_votes(text, "2024-03-06")
    assert (veto.body, veto.date, veto.vetoed_by, veto.members) == ("UNSC", "2024-03-04", ["CHL"], 15)


def test_a_position_only_quoted_never_starts_a_vote():
    text = ("Envoys met in New York on Monday. “I am not surprised that France voted against it in the "
            "Security Council,” the envoy said.")
    assert extract_votes(text, "2024-03-06") == []
    text = ("The General Assembly adopted the text by 120 votes to 9 on Monday. “I am not surprised "
            "that France voted against it in the Security Council,” the envoy said.")
    (vote,) = extract_votes(text, "2024-03-06")  # the quote names another body: it adds nothing
    assert (vote.body, vote.positions, vote.vetoed_by) == ("UNGA", {}, [])


def test_a_quoted_position_can_add_to_the_vote_already_told():
    text = ("The General Assembly adopted the text by 120 votes to 9. “Frankly, Peru voted against it "
            "for reasons of its own,” the envoy said.")
    (vote,) = extract_votes(text)
    assert vote.positions == {"PER": "no"}


def test_subject_keeps_a_coordinated_adjective_list_and_stops_at_the_clause():
    text = ("The General Assembly adopted a resolution demanding a full, lasting and verifiable truce in "
            "the Sahel, by 140 votes to 7.")
    (vote,) = extract_votes(text)
    assert vote.subject == "resolution demanding a full, lasting and verifiable truce in the Sahel"
    text = ("The General Assembly adopted a resolution on the Sahel, which many states, including "
            "Ghana, had opposed, by 140 votes to 7.")
    assert extract_votes(text)[0].subject == "resolution on the Sahel"


@pytest.mark.parametrize("text, counts", [
    ("The Security Council backed the text in an 11-0 vote with four abstentions.", (11, 0, 4)),
    ("The General Assembly resolution passed 131-12 with 38 abstentions.", (131, 12, 38)),
    ("The Security Council adopted resolution 2801 (2025) by a vote of 12 to none, with three "
     "abstentions (Guyana, Malta and Ecuador).", (12, 0, 3)),
    ("The Security Council adopted the text 14-1 with no abstentions.", (14, 1, 0)),
])
def test_abbreviated_figures_and_none(text, counts):
    (vote,) = extract_votes(text)
    assert (vote.yes, vote.no, vote.abstain, vote.adopted) == (*counts, True)


def test_human_rights_council_and_main_committee_wordings():
    (council,) = extract_votes("The 47-member Human Rights Council adopted the resolution by 24 votes "
                               "to 8 with 15 abstentions.")
    assert (council.body, council.members, council.yes, council.no, council.abstain, council.absent,
            council.adopted) == ("Human Rights Council", 47, 24, 8, 15, 0, True)
    (committee,) = extract_votes("The Second Committee approved the draft by a recorded vote of 91 in "
                                 "favour to 33 against, with 52 abstentions.")
    assert (committee.body, committee.yes, committee.no, committee.abstain, committee.adopted) == (
        "UNGA Second Committee", 91, 33, 52, True)


@pytest.mark.parametrize("text", [
    "The Assembly adopted the text with 121 votes in favour and seven against, including Chile and "
    "Norway. Thirty countries abstained.",
    "The Assembly adopted the text with 121 votes in favour and seven against – including the "
    "Netherlands and Chile – while 30 countries abstained.",
])
def test_including_list_right_after_a_count(text):
    (vote,) = extract_votes(text)
    assert (vote.yes, vote.no, vote.abstain) == (121, 7, 30)
    named = {iso3 for iso3, position in vote.positions.items() if position == "no"}
    assert named == ({"CHL", "NOR"} if "Norway" in text else {"NLD", "CHL"})


@pytest.mark.parametrize("owner, iso3", [("the UK delegation", "GBR"),
                                         ("the Chinese delegation", "CHN")])
def test_a_delegation_veto_last_month_is_a_separate_council_vote(owner, iso3):
    text = ("The General Assembly backed the bid on Tuesday by 120 votes to 11. Membership needs the "
            f"Security Council, but {owner} vetoed such a resolution last month.")
    assembly, council = extract_votes(text, "2023-06-15")
    assert (assembly.body, assembly.date, assembly.yes) == ("UNGA", "2023-06-13", 120)
    assert (council.body, council.date, council.vetoed_by, council.adopted) == (
        "UNSC", "2023-05", [iso3], False)


def test_date_and_body_stated_a_sentence_before_the_tally():
    text = ("The General Assembly on Monday strongly backed a plan to protect coral reefs, urging the "
            "Security Council to act.\n\n"
            "Observers called it a landmark.\n\n"
            "The assembly adopted the resolution with 130 votes in favour and 6 against, while 20 "
            "states abstained.")
    (vote,) = extract_votes(text, "2021-03-10")
    assert (vote.body, vote.date, vote.yes, vote.no, vote.abstain) == ("UNGA", "2021-03-08", 130, 6, 20)


def test_session_date_this_morning_and_a_subject_from_the_action():
    text = ("The Human Rights Council this morning adopted four resolutions and extended two mandates.\n\n"
            "The Council extended the mandate of the Independent Expert on the situation of human rights "
            "in Mali for a period of one year, with a vote of 25 in favour, 9 against and 13 abstentions, "
            "and requested a report.\n\n"
            "On Haiti, the Council adopted by a vote of 30 in favour, 10 against and 7 abstentions, a "
            "resolution in which it decided to renew the mandate of the Independent Expert on the "
            "situation of human rights in Haiti for a further period of one year.")
    mali, haiti = extract_votes(text, "2019-03-22")
    assert (mali.body, mali.date, mali.yes, mali.no, mali.abstain) == ("Human Rights Council", "2019-03-22", 25, 9, 13)
    assert mali.subject == ("extended the mandate of the Independent Expert on the situation of human "
                            "rights in Mali")
    assert (haiti.date, haiti.yes) == ("2019-03-22", 30)
    assert haiti.subject == ("resolution in which it decided to renew the mandate of the Independent "
                             "Expert on the situation of human rights in Haiti")


def test_a_subject_longer_than_the_limit_ends_before_its_last_prepositional_phrase():
    text = ("The General Assembly adopted by 100 votes to 5 a resolution on the protection of the "
            "rights of fishing communities living along the coasts of small islands in the Pacific "
            "against the effects of the rising level of the sea in coming decades.")
    (vote,) = extract_votes(text)
    assert vote.subject == ("resolution on the protection of the rights of fishing communities living "
                            "along the coasts of small islands in the Pacific against the effects")
