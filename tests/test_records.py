"""/compare and /record over the official roll-call records: the queries (db.comparisons), their
embeds (replies.record_embeds) and the commands through the real bot on a simulated Discord."""

from __future__ import annotations

import random

import pytest

from discord_helpers import text_of
from bot import Rollcall
from config import Config
from db import comparisons, open_store, records
from reference.countries import countries
from replies import limits
from replies.record_embeds import compare_embed, record_embed
from replies.style import NOT_STATED_COLOUR

# ---------------------------------------------------------------- a small world
# Five members; each General Assembly vote follows one of six patterns (positions in COUNTRIES
# order, Y yes, N no, A abstain, X absent) with official totals for all members.
COUNTRIES = ("USA", "CHN", "RUS", "FRA", "IND")
PATTERNS = (
    ("YYYYY", (150, 5, 20)),  # majority yes
    ("YNNYA", (55, 95, 30)),  # majority no
    ("NYYNY", (100, 40, 40)),  # majority yes
    ("YAAYY", (120, 10, 50)),  # majority yes
    ("YXYYN", (70, 70, 40)),  # a tie: majority no, and close
    ("AYNYY", (95, 85, 10)),  # majority yes, close
)
TITLES = (
    "Necessity of ending the economic, commercial and financial embargo imposed against Cuba",
    "Situation of human rights in the Syrian Arab Republic",
    "Nuclear disarmament",
    "The right of the Palestinian people to self-determination",
    "Promotion of a democratic and equitable international order",
)
CODES = {"Y": "yes", "N": "no", "A": "abstain", "X": "absent"}
GA_VOTES = 30  # three a year, 2015-2024
UKRAINE_VOTE = 21  # the first of 2022, an emergency session's resolution
CATALOGUE = " : resolution / adopted by the General Assembly"


def link(undl_id: int) -> str:
    return f"https://digitallibrary.un.org/record/{undl_id}"


def ga_vote(index: int) -> tuple[dict, str]:
    """The index-th General Assembly record of the small world, and its positions pattern."""
    year = 2015 + index // 3
    pattern, (yes, no, abstain) = PATTERNS[index % len(PATTERNS)]
    undl_id = 1000 + 7 * index
    record = {
        "undl_id": undl_id, "body": "UNGA", "date": f"{year}-{(3, 6, 11)[index % 3]:02d}-15",
        "session": str(year - 1945), "resolution": f"A/RES/{year - 1945}/{index + 1}",
        "title": TITLES[index % len(TITLES)] + CATALOGUE,
        "total_yes": yes, "total_no": no, "total_abstentions": abstain, "total_non_voting": 193 - yes - no - abstain,
        "total_ms": 193, "undl_link": link(undl_id),
    }
    if index == UKRAINE_VOTE:
        record.update(resolution="A/RES/ES-11/4", session="ES-11",
                      title="Territorial integrity of Ukraine : defending the principles of the Charter" + CATALOGUE)
    return record, pattern


# Two Security Council records in 2014, before any General Assembly vote of the world.
SC_VOTES = (
    ({"undl_id": 500, "body": "UNSC", "date": "2014-03-15", "resolution": "S/RES/2166(2014)",
      "title": "Ukraine aircraft incident", "total_yes": 15, "total_no": 0, "total_abstentions": 0,
      "total_non_voting": 0, "total_ms": 15, "undl_link": link(500)}, "YYYYY"),
    ({"undl_id": 501, "body": "UNSC", "date": "2014-07-01", "resolution": "S/RES/2170(2014)",
      "title": "Threats to international peace and security caused by terrorist acts", "total_yes": 13,
      "total_no": 0, "total_abstentions": 2, "total_non_voting": 0, "total_ms": 15, "undl_link": link(501)}, "YAAYY"),
)


def insert_records(db, records: list[tuple[dict, dict[str, str]]]) -> None:
    """Official records (a row and its positions by country) written as the importer would."""
    db["roll_calls"].insert_all(
        {**record, "dataset": "test", "imported_at": "2025-01-01T00:00:00Z"} for record, _ in records
    )
    db["roll_call_positions"].insert_all(
        {"undl_id": record["undl_id"], "country": country, "country_name": country, "position": position}
        for record, positions in records
        for country, position in positions.items()
    )


def small_world_records() -> list[tuple[dict, dict[str, str]]]:
    votes = [ga_vote(index) for index in range(GA_VOTES)] + list(SC_VOTES)
    return [(record, {c: CODES[p] for c, p in zip(COUNTRIES, pattern)}) for record, pattern in votes]


@pytest.fixture
def db():
    store = open_store(":memory:")
    insert_records(store, small_world_records())
    return store


def huge_world_records(rng: random.Random, members: int = 193, votes: int = 500):
    """``votes`` records from 1946 to 2024 with ``members`` random positions each and long titles."""
    codes = sorted(countries())[:members]
    records = []
    for index in range(votes):
        positions = {code: rng.choice(("yes", "yes", "no", "abstain", "absent")) for code in codes}
        tally = [sum(p == wanted for p in positions.values()) for wanted in ("yes", "no", "abstain")]
        record = {
            "undl_id": 10_000 + index, "body": "UNGA", "date": f"{1946 + index * 78 // votes}-0{1 + index % 9}-01",
            "resolution": f"A/RES/{index}/{'X' * 60}", "title": "Question of a very long title " * 30,
            "total_yes": tally[0], "total_no": tally[1], "total_abstentions": tally[2],
            "undl_link": link(10_000 + index) + "?" + "q" * 200,
        }
        records.append((record, positions))
    return records


@pytest.fixture(scope="module")
def huge_world():
    store = open_store(":memory:")
    records = huge_world_records(random.Random(4))
    insert_records(store, records)
    return store, records


def assert_within_discord_limits(embed) -> None:
    assert len(embed) <= limits.EMBED_TOTAL and len(embed.fields) <= limits.FIELDS
    assert len(embed.title or "") <= limits.TITLE and len(embed.description or "") <= limits.DESCRIPTION
    assert all(len(f.name) <= limits.FIELD_NAME and len(f.value) <= limits.FIELD_VALUE for f in embed.fields)


# ---------------------------------------------------------------- comparing two countries
def test_agreement_counts_votes_where_both_voted_and_leaves_absences_out(db):
    # Per six patterns the US and China both vote five times (China is absent once) and agree once;
    # in the Security Council they agree on the first record only.
    us_china = comparisons.compare_countries(db, "USA", "CHN")
    assert (us_china["both_voted"], us_china["same"]) == (25 + 2, 5 + 1)
    assert us_china["share"] == pytest.approx(6 / 27)
    # The US and France differ only where the US abstains (the sixth pattern).
    us_france = comparisons.compare_countries(db, "FRA", "USA")
    assert (us_france["both_voted"], us_france["same"]) == (30 + 2, 25 + 2)


def test_since_keeps_the_votes_of_that_date_and_later(db):
    # 2020-2024: fifteen votes, patterns 3,4,5,0,1,2,3,4,5,0,1,2,3,4,5; China is absent in the three 4s.
    since_2020 = comparisons.compare_countries(db, "USA", "CHN", since="2020")
    assert (since_2020["both_voted"], since_2020["same"]) == (12, 2)
    # From 15 June 2024: the last two votes of the world (patterns 4 and 5).
    latest = comparisons.compare_countries(db, "USA", "CHN", since="2024-06-15")
    assert (latest["both_voted"], latest["same"]) == (1, 0)
    assert comparisons.compare_countries(db, "USA", "CHN", since="2030")["share"] is None


def test_agreement_over_time_and_the_latest_disagreements(db):
    comparison = comparisons.compare_countries(db, "USA", "FRA")
    assert comparison["period"] == "year"
    by_year = {period["period"]: (period["both_voted"], period["same"]) for period in comparison["over_time"]}
    assert by_year["2014"] == (2, 2) and by_year["2015"] == (3, 3) and by_year["2016"] == (3, 2)
    assert sum(both for both, _ in by_year.values()) == comparison["both_voted"]
    disagreements = comparisons.compare_countries(db, "USA", "CHN")["disagreements"]
    # The newest vote (pattern 5) first; pattern 4 is skipped because China was absent.
    assert [(d["resolution"], d["position_a"], d["position_b"]) for d in disagreements[:2]] == [
        ("A/RES/79/30", "abstain", "yes"), ("A/RES/79/28", "yes", "abstain"),
    ]
    assert len(disagreements) == comparisons.RECENT_DISAGREEMENTS


def test_agreement_per_decade_matches_a_count_in_python(huge_world):
    db, records = huge_world
    comparison = comparisons.compare_countries(db, "FRA", "DEU")
    voted = [(p["FRA"], p["DEU"]) for _, p in records if "absent" not in (p["FRA"], p["DEU"])]
    assert comparison["both_voted"] == len(voted)
    assert comparison["same"] == sum(a == b for a, b in voted)
    assert comparison["period"] == "decade"
    assert [period["period"] for period in comparison["over_time"]][:2] == ["1940s", "1950s"]
    assert sum(period["both_voted"] for period in comparison["over_time"]) == len(voted)


# ---------------------------------------------------------------- one country's record
def test_record_counts_positions_and_votes_against_the_majority(db):
    us = comparisons.country_record(db, "USA")
    assert (us["recorded"], us["yes"], us["no"], us["abstain"], us["absent"]) == (32, 22, 5, 5, 0)
    # Against: yes where most voted no (pattern 1, and the tie of pattern 4), no where most voted yes (pattern 2).
    assert us["against_majority"] == 15 and us["against_share"] == pytest.approx(15 / 27)
    assert (us["first_date"], us["last_date"]) == ("2014-03-15", "2024-11-15")


def test_abstaining_is_never_against_the_majority(db):
    china = comparisons.country_record(db, "CHN")
    # China: Y N Y A X Y per pattern; its no of pattern 1 is with the majority, so only abstentions
    # and votes with the majority remain.
    assert china["against_majority"] == 0 and china["abstain"] == 5 + 1
    assert china["recent_against"] == []


def test_latest_notable_votes(db):
    us = comparisons.country_record(db, "USA", since="2023")
    assert [vote["resolution"] for vote in us["recent_against"]] == ["A/RES/79/29", "A/RES/78/27", "A/RES/78/26"]
    assert {(vote["position"], vote["majority"]) for vote in us["recent_against"]} == {
        ("yes", "no"), ("no", "yes")
    }
    # Close votes (patterns 4 and 5) the US did not vote against: pattern 5, where it abstained.
    assert [(vote["resolution"], vote["position"]) for vote in us["recent_close"]] == [("A/RES/79/30", "abstain")]


def test_a_country_without_records(db):
    record = comparisons.country_record(db, "BRA")
    assert record["recorded"] == 0 and record["against_share"] is None and record["recent_against"] == []


def test_queries_read_the_indexes_and_scan_no_table(db):
    statements = []
    with db.tracer(lambda sql, params: statements.append((sql, params))):
        comparisons.compare_countries(db, "USA", "CHN", since="2020")
        comparisons.country_record(db, "USA")
        records.match_roll_calls(db, "A/RES/77")
        records.match_roll_calls(db, "territorial integ")
    plans = [row[3] for sql, params in statements for row in db.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert any("roll_call_positions_country" in step for step in plans)
    assert not [step for step in plans if step.startswith("SCAN") and "INDEX" not in step], plans


# ---------------------------------------------------------------- finding a record
def test_get_roll_call_has_every_position(db):
    record = records.get_roll_call(db, 1000 + 7 * UKRAINE_VOTE)
    assert record["resolution"] == "A/RES/ES-11/4"
    assert {p["country"]: p["position"] for p in record["positions"]} == dict(zip(COUNTRIES, ("yes", "abstain", "abstain", "yes", "yes")))
    assert records.get_roll_call(db, 1) is None


def symbols(matches: list[dict]) -> list[str]:
    return [match["resolution"] for match in matches]


def test_autocomplete_by_symbol_prefix(db):
    assert symbols(records.match_roll_calls(db, "a/res/77")) == ["A/RES/77/23", "A/RES/77/24"]
    assert symbols(records.match_roll_calls(db, "ES-11")) == ["A/RES/ES-11/4"]
    assert symbols(records.match_roll_calls(db, "S/RES/21")) == ["S/RES/2166(2014)", "S/RES/2170(2014)"]
    assert len(records.match_roll_calls(db, "A/RES/")) == 25


def test_autocomplete_by_words_of_the_title(db):
    for typed in ("territorial integ", "territoria", "Territorial integrit", "ukraine: defending"):
        assert symbols(records.match_roll_calls(db, typed)) == ["A/RES/ES-11/4"], typed
    cuba = records.match_roll_calls(db, "Cuba embargo")
    assert len(cuba) == 6 and all("Cuba" in match["title"] for match in cuba)
    assert [m["undl_id"] for m in cuba] == sorted((m["undl_id"] for m in cuba), reverse=True)
    newest = records.match_roll_calls(db, "", limit=3)
    assert [m["date"] for m in newest] == ["2024-11-15", "2024-06-15", "2024-03-15"]


@pytest.mark.parametrize(
    "hostile", ['" OR * NEAR(', '"', "*", "NEAR(a b)", "title:cuba", "a AND", "-", "^", "x" * 6000, "(", "%_", "\x00"]
)
def test_autocomplete_reads_user_text_as_words_only(db, hostile):
    assert len(records.match_roll_calls(db, hostile)) <= 25


def test_fts_operators_are_plain_words(db):
    # "and" is in the Cuba titles ("commercial and financial"), "NOT" and "OR" are in no title.
    assert len(records.match_roll_calls(db, 'cuba" AND (embargo*')) == 6
    assert records.match_roll_calls(db, "cuba NOT embargo") == []
    assert records.match_roll_calls(db, "cuba OR nuclear") == []


# ---------------------------------------------------------------- embeds
def test_compare_embed_shows_both_countries_agreement_and_disagreements(db):
    embed = compare_embed(comparisons.compare_countries(db, "USA", "CHN"))
    shown = text_of(embed)
    assert "🇺🇸 United States" in embed.title and "🇨🇳 China" in embed.title
    assert "22%" in shown and "6 of the 27" in shown
    assert "Voted alike, per year" in shown and "`2014`" in shown
    assert "[A/RES/79/30](https://digitallibrary.un.org/record/1203)" in shown
    assert "🇺🇸 🟡 Abstained · 🇨🇳 🟢 Yes" in shown and "15 November 2024" in shown
    assert "resolution / adopted" not in shown  # the catalogue's words are left out of titles
    assert "UN Digital Library voting data" in embed.footer.text


def test_compare_embed_when_two_countries_never_both_voted(db):
    embed = compare_embed(comparisons.compare_countries(db, "USA", "BRA", since="2020"))
    assert embed.colour == NOT_STATED_COLOUR
    assert "no vote since 2020 on which both United States and Brazil voted" in embed.description


def test_record_embed(db):
    embed = record_embed(comparisons.country_record(db, "USA"))
    shown = text_of(embed)
    assert "🟢 Yes 22 · 🔴 No 5 · 🟡 Abstained 5 · ⚪ Did not vote 0" in shown
    assert "15 of its 27 yes and no votes (56%)" in shown
    assert "🔴 No (majority: 🟢 Yes)" in shown and "🟢 Yes (majority: 🔴 No)" in shown
    assert "[A/RES/79/29](https://digitallibrary.un.org/record/1196)" in shown and "tally 70–70–40" in shown
    assert "UN Digital Library voting data" in embed.footer.text


def test_embeds_stay_inside_discords_limits_on_a_huge_world(huge_world):
    db, _ = huge_world
    for embed in (
        compare_embed(comparisons.compare_countries(db, "FRA", "DEU")),
        record_embed(comparisons.country_record(db, "FRA")),
        record_embed(comparisons.country_record(db, "FRA", since="2000")),
    ):
        assert_within_discord_limits(embed)
        assert "UN Digital Library" in embed.footer.text and embed.fields


# ---------------------------------------------------------------- the commands on a simulated Discord
@pytest.fixture
def simcord_bot(tmp_path):
    store_path = tmp_path / "rollcall.db"
    insert_records(open_store(store_path), small_world_records())
    return Rollcall(Config(store_path=store_path))


@pytest.fixture
async def world(simcord_env):
    bot = simcord_env.bot
    if "cogs.records" not in bot.extensions:
        await bot.load_extension("cogs.records")
    await bot.sync_commands()
    guild = simcord_env.create_guild("Model UN")
    channel = guild.create_text_channel("general")
    member = guild.add_member(simcord_env.create_user("delegate"))
    return simcord_env, channel, member


async def test_compare_command(world):
    env, channel, member = world
    result = await member.slash(channel, "compare", country_a="American", country_b="PRC", since="2020")
    (embed,) = result.response.embeds
    assert not result.ephemeral
    assert "United States" in embed.title and "China" in embed.title
    assert "2 of the 12" in embed.description and "since 2020" in embed.description


async def test_record_command(world):
    env, channel, member = world
    result = await member.slash(channel, "record", country="russian")
    shown = text_of(result.response.embeds[0])
    assert "Russia" in result.response.embeds[0].title and "🟢 Yes 16" in shown


@pytest.mark.parametrize(
    ("command", "options", "message"),
    [
        ("compare", {"country_a": "Atlantis", "country_b": "France"}, "I don't know a country called “Atlantis”"),
        ("compare", {"country_a": "France", "country_b": "french"}, "two different countries"),
        ("compare", {"country_a": "France", "country_b": "China", "since": "last year"}, "is not a date"),
        ("record", {"country": "France", "since": "2021-02-30"}, "is not a date"),
        ("record", {"country": "@everyone" + "x" * 5000}, "I don't know a country called"),
    ],
)
async def test_bad_options_are_refused_politely_and_privately(world, command, options, message):
    env, channel, member = world
    result = await member.slash(channel, command, **options)
    assert result.ephemeral and message in text_of(result.response.embeds[0])
    assert not result.response.message.mention_everyone


async def test_no_records_loaded(world):
    env, channel, member = world
    env.bot.db.execute("DELETE FROM roll_call_positions")
    env.bot.db.execute("DELETE FROM roll_calls")
    for command, options in (("compare", {"country_a": "France", "country_b": "China"}), ("record", {"country": "Peru"})):
        result = await member.slash(channel, command, **options)
        shown = text_of(result.response.embeds[0])
        assert result.ephemeral and "holds no official voting records" in shown and "python bot.py" not in shown


@pytest.mark.parametrize(("command", "option"), [("compare", "country_a"), ("compare", "country_b"), ("record", "country")])
async def test_country_autocomplete_within_discords_limits(world, command, option):
    env, channel, member = world
    assert "PRK" in [c["value"] for c in await member.autocomplete(channel, command, option, "north korea")]
    for typed in ("a", "", "x" * 300, '" OR *'):
        choices = await member.autocomplete(channel, command, option, typed)
        assert len(choices) <= limits.AUTOCOMPLETE_CHOICES
        assert all(len(c["name"]) <= limits.CHOICE_NAME and len(c["value"]) <= limits.CHOICE_VALUE for c in choices)


def test_record_choices_for_vote_within_discords_limits(huge_world):
    from answers.votes import vote_suggestions
    from cogs.base import choices as discord_choices

    db, _ = huge_world
    choices = discord_choices(vote_suggestions(db, None, "A/RES/1"))
    assert len(choices) == limits.AUTOCOMPLETE_CHOICES
    assert all(len(c.name) <= limits.CHOICE_NAME and len(c.value) <= limits.CHOICE_VALUE for c in choices)
    assert all("A/RES/1" in c.name for c in choices)
