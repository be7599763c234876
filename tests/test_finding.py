"""Finding things as members type them (issue 11), through discord.py's real command tree on a
simulated Discord: votes by the words people use (subject and title words, months and printed
dates, tallies, vetoes, bodies), countries ranked the way people mean them and typos forgiven,
speakers under another spelling, and groups of countries (the P5, the EU, the UN regional groups)
answered as their members' split."""

from __future__ import annotations

import pytest

from discord_helpers import text_of
from bot import Rollcall
from config import Config
from reference.countries import country_code
from reference.groups import groups
from sources.ingest import build_store
from sources.worker import StoreWriter

MODERATOR_ROLE_ID = 4242
ASSEMBLY_VOTE = "UN General Assembly · 12 October 2022"  # the bundled article's two votes
COUNCIL_VOTE = "UN Security Council · September 2022"
# Synthetic articles, global in a store of their own: a vote naming some EU members' positions,
# and two speakers spelt alike.
HIGH_SEAS_ARTICLE = (
    "Assembly backs high seas resolution\n\n"
    "The UN General Assembly on Tuesday adopted a resolution on the protection of the high seas by 141 "
    "votes to 5, with 12 abstentions. France, Germany, Ireland and Spain voted in favour of the resolution. "
    "Hungary and Poland abstained.\n\n"
    "“This is a historic day for the ocean,” said Anna Kovalenko, the Ukrainian delegate. "
    "“We worked for years on this text,” said Anna Kovalenco, a Moldovan diplomat."
)
# What one server's moderators add: a vote and a speaker no other server may find, however typed.
OWN_ARTICLE = (
    "Minister speaks\n\n"
    "The Security Council on Monday extended the peacekeeping mission in Examplia by a vote of 13 in favour.\n\n"
    "“We will keep asking for support,” said Dmytro Kuleba, Ukraine’s foreign minister, on Monday."
)


@pytest.fixture
def simcord_bot(request, recorded_store, tmp_path, store_worker):
    """The bot on the store with the official records; with the parameter "articles", on a new
    store of the synthetic articles only."""
    store_path = recorded_store
    if getattr(request, "param", None) == "articles":
        (tmp_path / "sources").mkdir()
        (tmp_path / "sources" / "high-seas.txt").write_text(HIGH_SEAS_ARTICLE, encoding="utf-8")
        (tmp_path / "sources" / "high-seas.meta.toml").write_text("published = 2023-03-16\n", encoding="utf-8")
        store_path = tmp_path / "articles.db"
        build_store(store_path, tmp_path / "sources")
    config = Config(store_path=store_path, moderator_role_ids=(MODERATOR_ROLE_ID,))
    return Rollcall(config, writer=StoreWriter(store_path, store_worker))


async def answer(member, channel, command: str, **options) -> tuple[str, bool]:
    """What a command shows (its first page) and whether only the asker sees it."""
    result = await member.slash(channel, command, **options)
    return text_of(result.response.embeds[0]), result.ephemeral


async def offered(member, channel, command: str, option: str, typed: str) -> list[str]:
    """The names autocomplete offers for what is typed."""
    return [choice["name"] for choice in await member.autocomplete(channel, command, option, typed)]


# ---------------------------------------------------------------- votes by the words people type
@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        ("veto", COUNCIL_VOTE),
        ("vetoed", COUNCIL_VOTE),
        ("September", COUNCIL_VOTE),
        ("annexation", ASSEMBLY_VOTE),  # a word of the reporting article's title
        ("October", ASSEMBLY_VOTE),
        ("143", ASSEMBLY_VOTE),  # a tally
        ("12 October 2022", ASSEMBLY_VOTE),  # the date as the bot prints it
        ("October 12, 2022", ASSEMBLY_VOTE),
        ("143–5–35", ASSEMBLY_VOTE),  # the tally as autocomplete prints it
    ],
)
async def test_a_vote_is_found_by_the_words_people_type(world, typed, heading):
    env, guild, channel, member, moderator = world
    shown, private = await answer(member, channel, "vote", vote=typed)
    assert not private and shown.startswith(heading), shown[:200]


async def test_a_country_on_a_vote_named_by_its_printed_date(world):
    env, guild, channel, member, moderator = world
    shown, _ = await answer(member, channel, "vote", country="China", vote="12 October 2022")
    assert "China abstained" in shown


async def test_vote_autocomplete_offers_the_words_people_type(world):
    env, guild, channel, member, moderator = world
    annex = await offered(member, channel, "vote", "vote", "annex")
    assert annex[0].startswith(ASSEMBLY_VOTE) and annex[1].startswith(COUNCIL_VOTE)  # the server's votes first
    records = annex[2:]
    assert any("annexation of Kuwait" in name for name in records)
    kuwait, annex_ii = (next(i for i, name in enumerate(records) if words in name) for words in ("Kuwait", "1946"))
    assert kuwait < annex_ii  # the newer first among equal matches
    october = await offered(member, channel, "vote", "vote", "Oct")
    assert october[0].startswith(ASSEMBLY_VOTE) and len(october) > 1
    assert all(" October " in name for name in october)  # the official records of October too
    assert (await offered(member, channel, "vote", "vote", "veto"))[0].startswith(COUNCIL_VOTE)


async def test_records_rank_the_likeliest_first_and_the_newest_among_equals(world):
    env, guild, channel, member, moderator = world
    gaza = await offered(member, channel, "vote", "vote", "gaza")
    years = [int(name.split(" · ")[1][-4:]) for name in gaza]
    assert years == sorted(years, reverse=True) and len(gaza) > 5
    assembly_2003 = await offered(member, channel, "vote", "vote", "General Assembly 2003")
    assert assembly_2003 and all(name.startswith("UN General Assembly") and "2003" in name for name in assembly_2003)


# ---------------------------------------------------------------- countries
async def test_a_country_typed_in_part_is_the_member_state_it_most_likely_is(world):
    env, guild, channel, member, moderator = world
    shown, _ = await answer(member, channel, "vote", country="South")
    assert "South Africa" in shown.splitlines()[0] and "Kiribati" not in shown


async def test_country_autocomplete_ranks_member_states_and_common_names_first(world):
    env, guild, channel, member, moderator = world
    south = await offered(member, channel, "vote", "country", "south")
    assert south[:3] == ["South Africa", "South Korea", "South Sudan"]
    assert south.index("Kiribati") > 3  # its capital is South Tarawa: an alias, ranked last
    us = await offered(member, channel, "vote", "country", "us")
    assert us[:2] == ["United States", "USSR"]  # a former member before a territory
    assert us.index("USSR") < us.index("US Miscellaneous Pacific Islands")
    ru = await offered(member, channel, "vote", "country", "ru")
    assert ru.index("Russia") < ru.index("Romania")


async def test_a_mistyped_country_is_answered_or_questioned(world):
    env, guild, channel, member, moderator = world
    shown, private = await answer(member, channel, "vote", country="Chna")  # one country clearly meant
    assert not private and "China" in shown.splitlines()[0]
    assert (await offered(member, channel, "vote", "country", "Chna"))[0] == "China"
    shown, private = await answer(member, channel, "vote", country="Nigera")  # two alike: ask
    assert private and "Did you mean “Nigeria” or “Niger”?" in shown


# ---------------------------------------------------------------- speakers
@pytest.mark.parametrize("typed", ["Zelensky", "Zelenskyy", "zelenskii"])
async def test_a_speaker_is_found_under_another_spelling(world, typed):
    env, guild, channel, member, moderator = world
    shown, private = await answer(member, channel, "quotes", speaker=typed)
    assert not private and "Volodymyr Zelenskiy" in shown.splitlines()[0]
    assert (await offered(member, channel, "quotes", "speaker", typed))[0].startswith("Volodymyr Zelenskiy")


@pytest.mark.parametrize("simcord_bot", ["articles"], indirect=True)
async def test_speakers_spelt_alike_are_offered_and_asked_about(world):
    env, guild, channel, member, moderator = world
    both = await offered(member, channel, "quotes", "speaker", "Kovalenqo")
    assert {name.split(" (")[0] for name in both} == {"Anna Kovalenko", "Anna Kovalenco"}
    shown, private = await answer(member, channel, "quotes", speaker="Kovalenqo")
    assert private and "Did you mean" in shown and "Anna Kovalenko" in shown and "Anna Kovalenco" in shown


@pytest.mark.parametrize("simcord_bot", ["articles"], indirect=True)
async def test_no_server_finds_another_servers_vote_or_speaker_however_typed(world):
    env, guild, channel, member, moderator = world
    added, _ = await answer(moderator, channel, "source add", text=OWN_ARTICLE, title="Zorblax mission renewed")
    assert "Source added" in added
    shown, _ = await answer(member, channel, "quotes", speaker="Kuleeba")
    assert "Dmytro Kuleba" in shown.splitlines()[0]
    shown, _ = await answer(member, channel, "vote", vote="zorblax")  # a word of its source's title
    assert shown.startswith("UN Security Council")
    elsewhere = env.create_guild("Elsewhere")
    lobby = elsewhere.create_text_channel("lobby")
    stranger = elsewhere.add_member(env.create_user("stranger"))
    shown, private = await answer(stranger, lobby, "quotes", speaker="Kuleeba")
    assert private and "Kuleba" not in shown
    assert await offered(stranger, lobby, "quotes", "speaker", "Kuleeba") == []
    shown, private = await answer(stranger, lobby, "vote", vote="zorblax")
    assert private and "No vote" in shown
    assert await offered(stranger, lobby, "vote", "vote", "zorbl") == []


# ---------------------------------------------------------------- groups of countries
def test_the_group_tables_are_consistent():
    table = groups()
    assert {len(table[key].members_on(None)) for key in ("P5", "EU")} == {5, 27}
    regional_groups = ("African Group", "Asia-Pacific Group", "Eastern European Group", "GRULAC", "WEOG")
    regional = [member.iso3 for key in regional_groups for member in table[key].members_on(None)]
    assert len(regional) == len(set(regional)) == 193  # each member state in one group (the US with WEOG)
    assert not [name for group in table.values() for name in group.aliases if country_code(name)]  # no country's name


async def test_group_autocomplete_offers_groups_for_vote_only(world):
    env, guild, channel, member, moderator = world
    for typed, group in (("EU", "🇪🇺 European Union"), ("European Union", "🇪🇺 European Union"),
                         ("P5", "Permanent members of the Security Council")):
        assert (await offered(member, channel, "vote", "country", typed))[0].startswith(group), typed
    african = await offered(member, channel, "vote", "country", "african")
    assert any(name.startswith("African Group · group of 54 countries") for name in african)
    assert not any("group of" in name for name in await offered(member, channel, "record", "country", "EU"))
    shown, private = await answer(member, channel, "record", country="EU")
    assert private and "is a group of countries" in shown


@pytest.mark.parametrize("simcord_bot", ["articles"], indirect=True)
async def test_the_eu_on_a_reported_vote_splits_as_its_sources_say(world):
    env, guild, channel, member, moderator = world
    shown, _ = await answer(member, channel, "vote", country="EU", vote="high seas")
    assert shown.startswith("🇪🇺 How the EU's members voted")
    assert "**27 members** · 🟢 Yes 4 · 🟡 Abstained 2 · ❔ Not placed 21" in shown
    assert "🟢 Yes · 4\n🇫🇷 France, 🇩🇪 Germany, 🇮🇪 Ireland, 🇪🇸 Spain" in shown
    assert "🟡 Abstained · 2\n🇭🇺 Hungary, 🇵🇱 Poland" in shown
    assert "❔ The sources do not say · 21" in shown and "Assembly backs high seas resolution" in shown


async def test_the_permanent_members_on_the_vetoed_council_vote(world):
    env, guild, channel, member, moderator = world
    shown, _ = await answer(member, channel, "vote", country="P5", vote="veto")
    assert "**5 members** · 🔴 No 1 · ❔ Not placed 4" in shown and "🔴 No · 1\n🇷🇺 Russia" in shown
    assert "Charter of the United Nations, Article 23" in shown


async def test_a_regional_group_on_a_vote_with_an_official_record(world):
    env, guild, channel, member, moderator = world
    shown, _ = await answer(member, channel, "vote", country="African Group", vote="A/RES/68/262")
    assert shown.startswith("How the African Group's members voted")
    assert "**54 members** · 🟢 Yes 19 · 🔴 No 2 · 🟡 Abstained 27 · ⚪ Did not vote 6" in shown
    assert "🔴 No · 2\n🇸🇩 Sudan, 🇿🇼 Zimbabwe" in shown and "Official record of A/RES/68/262" in shown


async def test_groups_on_historical_votes_count_their_members_then(world):
    env, guild, channel, member, moderator = world
    eu_2016, _ = await answer(member, channel, "vote", country="European Union", vote="A/RES/71/5")
    assert "**28 members** · 🟢 Yes 28" in eu_2016 and "United Kingdom" in eu_2016  # before the UK left
    p5_1950, _ = await answer(member, channel, "vote", country="P5", vote="S/RES/82(1950)")
    assert "⚪ Did not vote · 1\nUSSR" in p5_1950  # Russia's seat, then the USSR's
    eu_1950, _ = await answer(member, channel, "vote", country="EU", vote="S/RES/82(1950)")
    assert "The group had no members on 25 June 1950." in eu_1950
    eastern_1980, _ = await answer(member, channel, "vote", country="Eastern European Group", vote="A/RES/35/136")
    assert "Czechoslovakia" in eastern_1980 and "German Democratic Republic" in eastern_1980
    assert "❔ Not a UN member in 1980" in eastern_1980 and "Slovakia" in eastern_1980


async def test_a_group_without_a_vote_shows_its_members_and_the_latest_votes(world):
    env, guild, channel, member, moderator = world
    result = await member.slash(channel, "vote", country="EU")
    shown = text_of(result.response.embeds[0])
    assert shown.startswith("🇪🇺 European Union") and "27 members" in shown
    assert "France" in shown and "United Kingdom" not in shown
