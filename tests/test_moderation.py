"""What moderators see and do after adding a source: the review of what went in, dropping a vote,
a position or a quotation for good, removing a source (confirmed), the form for pasted text, the
moderation log; and the title and date a source gets from its headline, dateline or file name.

The bot runs on simcord through discord.py's real command tree, on a store with no bundled source.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import discord
import pytest
import simcord

from discord_helpers import text_of
from bot import Rollcall
from config import Config, load_config
from db import queries
from extraction.models import Document
from replies import limits
from sources.metadata import dateline_date, file_name_date, file_name_title, headline, with_found_metadata
from sources.worker import StoreWriter

RIVER_ARTICLE = (
    "Assembly backs shared rivers pact\n\n"
    "GENEVA, 3 March 2021 (Wire) — The UN General Assembly on Tuesday adopted a resolution on shared "
    "rivers by a vote of 120 in favour to 4 against, with 30 abstentions. Bolivia, Chile, Peru and "
    "Norway voted against the text, while India and Kenya abstained.\n\n"
    "“Water knows no borders,” said Maria Lindqvist, Sweden’s ambassador to the UN.\n\n"
    "“This text ignores the nations upstream of every river,” said Rahul Mehta, India’s deputy envoy."
)
MANY_QUOTES_ARTICLE = "Thirty voices on the harbour\n\n" + "\n\n".join(
    f"“Point number {n} stands firm,” said Ana Example{n}." for n in range(30)
)


@dataclass
class World:
    env: simcord.Env
    guild: simcord.GuildHandle
    channel: simcord.ChannelHandle
    log_channel: simcord.ChannelHandle
    member: simcord.MemberActor
    moderator: simcord.MemberActor


@pytest.fixture
def simcord_bot(tmp_path, store_worker):
    """The bot on a store of its own, with no bundled sources and no official records."""
    (tmp_path / "no-sources").mkdir()
    store_path = tmp_path / "store" / "rollcall.db"
    config = Config(store_path=store_path, sources_path=tmp_path / "no-sources", records_path=None)
    return Rollcall(config, writer=StoreWriter(store_path, store_worker))


def moderated_server(env: simcord.Env, name: str) -> tuple:
    """A server with a channel, a member, and a moderator (Manage Server)."""
    guild = env.create_guild(name)
    channel = guild.create_text_channel("general")
    member = guild.add_member(env.create_user(f"{name} delegate"))
    mods = guild.create_role("Mods", permissions=discord.Permissions(manage_guild=True))
    moderator = guild.add_member(env.create_user(f"{name} chair"), roles=[mods])
    return guild, channel, member, moderator


@pytest.fixture
async def world(simcord_env):
    """A synced bot in one server whose moderation log channel is configured."""
    await simcord_env.bot.sync_commands()
    guild, channel, member, moderator = moderated_server(simcord_env, "Model UN")
    log_channel = guild.create_text_channel("mod-log")
    simcord_env.bot.config = replace(simcord_env.bot.config, log_channel_id=log_channel.id)
    return World(simcord_env, guild, channel, log_channel, member, moderator)


def controls(message) -> list[dict]:
    """The buttons and select menus of a message (a reply, or a message read from a channel), as
    Discord gets them."""
    rows = [row if isinstance(row, dict) else row.to_dict() for row in message.components]
    return [component for row in rows for component in row["components"]]


def fact_options(message) -> list[dict]:
    """The options of a review's select menu of facts."""
    return next((c["options"] for c in controls(message) if c["type"] == 3), [])


def option_value(message, label_start: str) -> str:
    (value,) = [o["value"] for o in fact_options(message) if o["label"].startswith(label_start)]
    return value


async def drop(actor, review, *label_starts: str) -> simcord.InteractionResult:
    """Pick the facts whose labels start so in a review, and press Drop."""
    await actor.select(review, [option_value(review, start) for start in label_starts])
    return await actor.click(review, label=f"Drop {len(label_starts)} fact" + ("s" if len(label_starts) > 1 else ""))


async def add_river(moderator, channel, **options) -> simcord.InteractionResult:
    return await moderator.slash(channel, "source add", file=("river.txt", RIVER_ARTICLE.encode()), **options)


def own_sources(env, guild) -> list[dict]:
    return [s for s in queries.list_sources(env.bot.db, guild.id) if s["scope"] == f"guild:{guild.id}"]


def assembly_vote(env, guild) -> str:
    (vote,) = queries.find_votes(env.bot.db, guild.id, body="UNGA")
    return str(vote["id"])


async def said_by(actor, channel, fragment: str) -> str:
    """Who /whosaid names for a fragment ("" when it finds nobody)."""
    (embed,) = (await actor.slash(channel, "whosaid", quote=fragment)).response.embeds
    return embed.title or ""


# ---------------------------------------------------------------- the review after an add
async def test_the_review_shows_each_vote_and_the_speakers(world):
    added = await add_river(world.moderator, world.channel)
    review = added.response
    assert review.ephemeral
    (embed,) = review.embeds
    shown = text_of(embed)
    assert embed.title == "Source added"
    assert "Assembly backs shared rivers pact" in shown and "3 March 2021" in shown  # headline, dateline
    assert f"<@{world.moderator.id}>" in shown
    assert "2 quotations · 1 vote · 6 country positions" in shown
    (vote_field,) = [field for field in embed.fields if field.name.startswith("UN General Assembly")]
    assert "2 March 2021" in vote_field.name  # "on Tuesday", anchored by the dateline's date
    for words in ("Adopted", "Yes 120", "No 4", "Abstained 30", "Bolivia", "Chile", "Norway", "Peru", "India", "Kenya"):
        assert words in vote_field.value
    assert "🟡 Abstained: 🇮🇳 India, 🇰🇪 Kenya" in vote_field.value
    speakers = next(field.value for field in embed.fields if field.name == "Speakers")
    assert "Maria Lindqvist" in speakers and "Rahul Mehta" in speakers
    labels = [option["label"] for option in fact_options(review)]
    assert labels[0].startswith("🗳️ Vote: UN General Assembly")
    assert "🇮🇳 India abstained" in labels and "🇧🇴 Bolivia voted no" in labels
    assert any("Water knows no borders" in label for label in labels)
    assert {c.get("label") for c in controls(review)} >= {"Drop", "Remove the whole source"}


async def test_a_review_pages_through_more_facts_than_a_select_holds(world):
    added = await world.moderator.slash(world.channel, "source add", file=("harbour.txt", MANY_QUOTES_ARTICLE.encode()))
    review = added.response
    (menu,) = [c for c in controls(review) if c["type"] == 3]
    assert len(menu["options"]) == limits.SELECT_OPTIONS and "Facts 1–25 of 30" in menu["placeholder"]
    assert all(len(o["label"]) <= limits.OPTION_LABEL and len(o["description"]) <= limits.OPTION_DESCRIPTION
               for o in menu["options"])
    assert len(review.components) <= 5
    await world.moderator.click(review, label="Later facts")
    assert len(fact_options(review)) == 5
    await drop(world.moderator, review, "💬 “Point number 29")
    assert len(fact_options(review)) == 4  # still on the last page


# ---------------------------------------------------------------- dropping facts
async def test_dropping_a_vote_hides_it_in_this_server_only(world):
    env = world.env
    elsewhere, other_channel, other_member, other_moderator = moderated_server(env, "Elsewhere")
    review = (await add_river(world.moderator, world.channel)).response
    await add_river(other_moderator, other_channel)

    dropped = await drop(world.moderator, review, "🗳️ Vote:")
    assert "Dropped 1 fact" in text_of(dropped.followups[-1].embeds[0])
    assert queries.find_votes(env.bot.db, world.guild.id, body="UNGA") == []
    listed = await world.member.slash(world.channel, "vote")
    assert "General Assembly" not in text_of(listed.response.embeds[0])
    assert "0 votes" in text_of(review.embeds[0]) and not any(
        o["label"].startswith(("🗳️", "🇮🇳")) for o in fact_options(review))  # its positions went with it

    shown = await other_member.slash(other_channel, "vote", country="India", vote=assembly_vote(env, elsewhere))
    assert "India abstained" in text_of(shown.response.embeds[0])


async def test_dropping_a_position(world):
    env = world.env
    elsewhere, other_channel, other_member, other_moderator = moderated_server(env, "Elsewhere")
    review = (await add_river(world.moderator, world.channel)).response
    await add_river(other_moderator, other_channel)

    await drop(world.moderator, review, "🇮🇳 India abstained")
    here = await world.member.slash(world.channel, "vote", country="India", vote=assembly_vote(env, world.guild))
    assert "The sources do not say how India voted." in text_of(here.response.embeds[0])
    kenya = await world.member.slash(world.channel, "vote", country="Kenya", vote=assembly_vote(env, world.guild))
    assert "Kenya abstained" in text_of(kenya.response.embeds[0])
    there = await other_member.slash(other_channel, "vote", country="India", vote=assembly_vote(env, elsewhere))
    assert "India abstained" in text_of(there.response.embeds[0])


async def test_dropping_a_quotation(world):
    env = world.env
    elsewhere, other_channel, other_member, other_moderator = moderated_server(env, "Elsewhere")
    review = (await add_river(world.moderator, world.channel)).response
    await add_river(other_moderator, other_channel)
    assert "Maria Lindqvist" in await said_by(world.member, world.channel, "water knows no borders")

    await drop(world.moderator, review, "💬 “Water knows no borders")
    assert "Maria Lindqvist" not in await said_by(world.member, world.channel, "water knows no borders")
    quotes = await world.member.slash(world.channel, "quotes", speaker="Maria Lindqvist")
    assert quotes.ephemeral and "Water knows" not in text_of(quotes.response.embeds[0])
    tally = await world.member.slash(world.channel, "vote", vote=assembly_vote(env, world.guild))
    assert "Water knows" not in text_of(tally.response.embeds[0])
    assert "Rahul Mehta" in await said_by(world.member, world.channel, "ignores the nations upstream")

    assert "Maria Lindqvist" in await said_by(other_member, other_channel, "water knows no borders")
    theirs = await other_member.slash(other_channel, "quotes", speaker="Maria Lindqvist")
    assert "Water knows no borders" in text_of(theirs.response.embeds[0])


async def test_dropped_facts_stay_dropped_when_the_text_is_added_again(world):
    env = world.env
    review = (await add_river(world.moderator, world.channel)).response
    await drop(world.moderator, review, "🇮🇳 India abstained", "💬 “Water knows no borders")
    (source,) = own_sources(env, world.guild)
    asked = await world.moderator.slash(world.channel, "source remove", source=str(source["id"]))
    await world.moderator.click(asked.response, label="Remove")
    assert own_sources(env, world.guild) == []
    await env.advance_time(61)  # past the moderators' cooldown

    again = (await add_river(world.moderator, world.channel)).response
    shown = text_of(again.embeds[0])
    assert "Left out: 2 facts this server dropped from this text before." in shown
    assert "1 quotation · 1 vote · 5 country positions" in shown
    labels = [option["label"] for option in fact_options(again)]
    assert "🇮🇳 India abstained" not in labels and not any("Water knows" in label for label in labels)
    assert "Maria Lindqvist" not in await said_by(world.member, world.channel, "water knows no borders")
    india = await world.member.slash(world.channel, "vote", country="India", vote=assembly_vote(env, world.guild))
    assert "The sources do not say how India voted." in text_of(india.response.embeds[0])


async def test_removing_the_whole_source_from_its_review(world):
    env = world.env
    review = (await add_river(world.moderator, world.channel)).response
    asked = await world.moderator.click(review, label="Remove the whole source")
    assert asked.ephemeral and "Remove this source?" in text_of(asked.response.embeds[0])
    assert "2 quotations and 1 vote" in text_of(asked.response.embeds[0])
    await world.moderator.click(asked.response, label="Remove")
    assert "Source removed" in text_of(asked.response.embeds[0]) and controls(asked.response) == []
    assert own_sources(env, world.guild) == []
    assert all(control.get("disabled") for control in controls(review))  # the review is closed
    assert "Maria Lindqvist" not in await said_by(world.member, world.channel, "water knows no borders")


async def test_the_review_is_disabled_when_it_times_out(world):
    review = (await add_river(world.moderator, world.channel)).response
    assert not any(control.get("disabled") for control in controls(review) if control.get("label") != "Drop")
    await world.env.advance_time(601)
    assert all(control.get("disabled") for control in controls(review))


# ---------------------------------------------------------------- only moderators
async def test_members_cannot_use_the_moderators_controls(world):
    env = world.env
    await add_river(world.moderator, world.channel)
    logged = world.log_channel.last_message  # the log entry carries the review for other moderators
    value = option_value(logged, "🇮🇳 India abstained")
    picked = await world.member.select(logged, [value])
    assert picked.ephemeral and "Only this server's moderators" in text_of(picked.response.embeds[0])
    removing = await world.member.click(logged, label="Remove the whole source")
    assert removing.ephemeral and "Only this server's moderators" in text_of(removing.response.embeds[0])
    assert len(own_sources(env, world.guild)) == 1
    india = await world.member.slash(world.channel, "vote", country="India", vote=assembly_vote(env, world.guild))
    assert "India abstained" in text_of(india.response.embeds[0])

    await drop(world.moderator, logged, "🇮🇳 India abstained")  # a moderator may
    (logged,) = [message for message in world.log_channel.history() if message.id == logged.id]
    labels = [option["label"] for option in fact_options(logged)]
    assert "🇰🇪 Kenya abstained" in labels and "🇮🇳 India abstained" not in labels


# ---------------------------------------------------------------- /source remove
async def test_remove_asks_first_and_cancel_keeps_the_source(world):
    env = world.env
    await add_river(world.moderator, world.channel)
    (source,) = own_sources(env, world.guild)
    asked = await world.moderator.slash(world.channel, "source remove", source=str(source["id"]))
    assert asked.ephemeral and "Remove this source?" in text_of(asked.response.embeds[0])
    assert len(own_sources(env, world.guild)) == 1  # nothing removed before the answer
    await world.moderator.click(asked.response, label="Cancel")
    assert "Nothing was removed" in text_of(asked.response.embeds[0]) and controls(asked.response) == []
    assert len(own_sources(env, world.guild)) == 1

    asked = await world.moderator.slash(world.channel, "source remove", source=str(source["id"]))
    await world.moderator.click(asked.response, label="Remove")
    assert "Source removed" in text_of(asked.response.embeds[0])
    assert own_sources(env, world.guild) == []


async def test_source_autocomplete_matches_title_words_in_any_order(world):
    await add_river(world.moderator, world.channel)
    for typed in ("rivers", "pact shared", "ASSEMBLY back", "river.txt"):
        (choice,) = await world.moderator.autocomplete(world.channel, "source remove", "source", typed)
        assert "Assembly backs shared rivers pact" in choice["name"], typed
    assert await world.moderator.autocomplete(world.channel, "source remove", "source", "rivers harbour") == []


# ---------------------------------------------------------------- the form for pasted text
async def test_add_without_a_source_opens_a_form_that_keeps_line_breaks(world):
    env = world.env
    shown = await world.moderator.slash(world.channel, "source add", published="2021-03-03")
    assert shown.response is None
    fields = {label["component"]["custom_id"]: label["component"] for label in shown.modal["components"]}
    assert fields["text"]["style"] == discord.TextStyle.paragraph.value
    assert fields["text"]["max_length"] == limits.TEXT_INPUT and fields["published"]["value"] == "2021-03-03"
    submitted = await world.moderator.submit_modal(shown, {"text": RIVER_ARTICLE, "title": "", "published": "2021-03-03"})
    assert submitted.ephemeral and submitted.response.embeds[0].title == "Source added"
    (source,) = own_sources(env, world.guild)
    stored = queries.get_source(env.bot.db, source["id"], world.guild.id)
    assert stored["text"] == RIVER_ARTICLE  # paragraphs and all
    assert stored["title"] == "Assembly backs shared rivers pact" and stored["origin"] == "pasted text"


async def test_the_form_refuses_a_date_that_is_not_one(world):
    shown = await world.moderator.slash(world.channel, "source add")
    refused = await world.moderator.submit_modal(shown, {"text": RIVER_ARTICLE, "published": "March 3"})
    assert refused.ephemeral and "couldn't add that source" in text_of(refused.response.embeds[0])
    assert own_sources(world.env, world.guild) == []


# ---------------------------------------------------------------- the moderation log
async def test_adds_drops_and_removes_are_logged_in_the_log_channel(world):
    env = world.env
    review = (await add_river(world.moderator, world.channel)).response
    added = world.log_channel.last_message.embeds[0]
    assert added.title == "Source added" and f"<@{world.moderator.id}>" in added.description
    assert "Assembly backs shared rivers pact" in added.description

    await drop(world.moderator, review, "🇧🇴 Bolivia voted no")
    dropped = world.log_channel.last_message.embeds[0]
    assert dropped.title == "Facts dropped" and f"by {world.moderator.mention}" in dropped.description
    assert "Bolivia voted no" in text_of(dropped) and dropped.timestamp is not None

    (source,) = own_sources(env, world.guild)
    asked = await world.moderator.slash(world.channel, "source remove", source=str(source["id"]))
    await world.moderator.click(asked.response, label="Remove")
    removed = world.log_channel.last_message.embeds[0]
    assert removed.title == "Source removed" and f"by {world.moderator.mention}" in removed.description
    assert "Assembly backs shared rivers pact" in removed.description
    assert len(world.log_channel.history()) == 3

    elsewhere, other_channel, _, other_moderator = moderated_server(env, "Elsewhere")
    await add_river(other_moderator, other_channel)
    assert len(world.log_channel.history()) == 3  # another server's add is not shown in this one
    simcord.assert_no_errors(env)


# ---------------------------------------------------------------- title and date from the text
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Harbour talks collapse in Valdoria\n\nThe talks ended on Friday without a deal.", "Harbour talks collapse in Valdoria"),
        ("## Will the Council act on fisheries?\n\nDelegates met again.", "Will the Council act on fisheries?"),
        ("“Not one more dam”: envoys dig in\n\nThe envoys met.", "“Not one more dam”: envoys dig in"),
        ("The Council met on Friday and agreed nothing.\n\nMore talks follow.", None),  # a sentence
        ("Here is the article I promised:\n\nThe Council met.", None),  # a lead-in
        ("WORLD NEWS\n\nThe Council met.", None),  # a section label
        ("By Jorge Almeida\n\nThe Council met.", None),  # a byline
        ("14 June 2023\n\nThe Council met.", None),  # a date
        ("Harbour talks collapse\nThe talks ended on Friday.", None),  # no blank line after it
        ("Harbour talks collapse", None),  # nothing after it
        ("the talks collapse again\n\nThe Council met.", None),  # not capitalised
        ("Talks " * 25 + "\n\nThe Council met.", None),  # too long
    ],
)
def test_a_headline_is_a_short_first_line_set_apart(text, title):
    assert headline(text) == title


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Harbour deal\n\nLISBON, 14 June 2023 (Newswire) — Ministers agreed a harbour deal.", "2023-06-14"),
        ("PORT LOUIS, Mauritius, June 14, 2023 -- Ministers agreed.", "2023-06-14"),
        ("Rio de Janeiro, 2 February 2020 - Ministers agreed.", "2020-02-02"),
        ("Harbour deal\n\nBy Jorge Almeida\n\nPublished: Wednesday, 14 June 2023, 09:30 BST\n\nMinisters met.", "2023-06-14"),
        ("Harbour deal\n\n2023-06-14\n\nMinisters met.", "2023-06-14"),
        ("NAIROBI, June 14 (Newswire) - Ministers agreed.", None),  # no year: not guessed
        ("NAIROBI, June 2023 - Ministers agreed.", None),  # no day
        ("Harbour deal\n\nThe ministers who met in Lisbon on Wednesday, 14 June 2023 - a first - agreed.", None),
        ("Harbour deal\n\nMinisters agreed a harbour deal after talks that ran late into the night.\n\n"
         "LISBON, 14 June 2023 - quoted later in the text", None),  # below the body's first line
    ],
)
def test_a_dateline_gives_the_publication_date(text, published):
    assert dateline_date(text) == published


@pytest.mark.parametrize(
    ("file_name", "title", "published"),
    [
        ("un-vote-ukraine.txt", "un vote ukraine", None),
        ("2023-06-14_harbour_talks_collapse.md", "harbour talks collapse", "2023-06-14"),
        ("message.txt", None, None),  # Discord's name for a long paste
        ("article-3.txt", None, None),
        ("New Document (2).txt", None, None),
        ("IMG_2034.txt", None, None),
        ("harbour.txt", None, None),  # one word tells too little
        ("3fa85f64b2c9-harbour-talks.txt", None, None),  # an id
        ("harbour_talks_2023-02-30.txt", "harbour talks", None),  # not a real day
    ],
)
def test_a_file_name_gives_a_title_and_date(file_name, title, published):
    assert file_name_title(file_name) == title
    assert file_name_date(file_name) == published


def test_given_metadata_wins_and_the_file_name_comes_last():
    text = "Harbour talks collapse\n\nLISBON, 14 June 2023 (Newswire) — Ministers walked out."
    found = with_found_metadata(Document(text=text), "2020-01-01-old-harbour-story.txt")
    assert (found.title, found.published) == ("Harbour talks collapse", "2023-06-14")
    given = with_found_metadata(Document(text=text, title="Given", published="2023-06-15"), "x-y-z.txt")
    assert (given.title, given.published) == ("Given", "2023-06-15")
    plain = with_found_metadata(Document(text="Ministers walked out of the talks in Lisbon on Wednesday night."),
                                "2020-01-01-old-harbour-story.txt")
    assert (plain.title, plain.published) == ("old harbour story", "2020-01-01")
    page = with_found_metadata(Document(text="Skip to content\n\nMinisters walked out.", media_type="text/html"))
    assert page.title is None  # an HTML page's first paragraph may be navigation


async def test_title_and_date_from_a_file_name_through_the_command(world):
    env = world.env
    body = "Ministers walked out of the harbour talks in Lisbon late on Wednesday night."
    added = await world.moderator.slash(world.channel, "source add", file=("2023-06-14-lisbon-harbour-talks.txt", body.encode()))
    assert "lisbon harbour talks" in text_of(added.response.embeds[0])
    (source,) = own_sources(env, world.guild)
    assert (source["title"], source["published"]) == ("lisbon harbour talks", "2023-06-14")


def test_the_log_channel_is_read_from_the_config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[moderation]\nlog_channel_id = 123456789012345678\n", encoding="utf-8")
    assert load_config(path).log_channel_id == 123456789012345678
    path.write_text("[moderation]\nlog_channel_id = 0\n", encoding="utf-8")
    assert load_config(path).log_channel_id is None
