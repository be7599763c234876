"""The embed layer: what each answer shows, and that every embed stays inside Discord's limits."""

from __future__ import annotations

import json
import re

import discord
import pytest
from rich.console import Console

from db.ingest import AddResult
from reference.countries import countries
from replies import embeds, limits, record_embeds
from replies.limits import fit_embed, shorten
from replies.style import (
    ERROR_COLOUR,
    NOT_STATED_COLOUR,
    POSITION_COLOURS,
    country_label,
    display_date,
    flag,
)
from replies.terminal import discord_text, print_embeds

ARTICLE = "UN General Assembly condemns an attempted annexation"
SECOND_ARTICLE = "Security Council fails to pass a resolution"


# ---------------------------------------------------------------- shapes like db.queries returns
def make_report(source_id=1, title=ARTICLE, url=None, **figures):
    return {
        "source_id": source_id,
        "source_title": title,
        "source_url": url,
        "source_published": "2022-10-12",
        **figures,
    }


def make_vote(**overrides):
    vote = {
        "id": 1,
        "body": "UNGA",
        "date": "2022-10-12",
        "resolution": None,
        "subject": "resolution calling the move illegal",
        "yes": 143,
        "no": 5,
        "abstain": 35,
        "absent": 10,
        "adopted": True,
        "vetoed_by": [],
        "reports": [make_report()],
        "positions": [
            {"country": iso3, "position": position, "source_id": 1}
            for iso3, position in [("RUS", "no"), ("SYR", "no"), ("CHN", "abstain"), ("IND", "abstain")]
        ],
        "disagreements": [],
    }
    return vote | overrides


def make_quote(quote_id=1, text="It might be you.", **overrides):
    quote = {
        "id": quote_id,
        "text": text,
        "speaker": "Ada Example",
        "speaker_role": "ambassador to the UN",
        "speaker_country": "USA",
        "context": f"Before the vote, Ada Example said: “{text}”",
        "source_id": 1,
        "source_title": ARTICLE,
        "source_url": "https://news.example/un-vote",
        "source_published": "2022-10-12",
    }
    return quote | overrides


def make_source(source_id=1, **overrides):
    source = {
        "id": source_id,
        "scope": "global",
        "title": ARTICLE,
        "url": None,
        "published": "2022-10-12",
        "quotes": 21,
        "votes": 2,
    }
    return source | overrides


# ---------------------------------------------------------------- checks
def assert_within_limits(embed: discord.Embed) -> None:
    """Every Discord limit holds for ``embed``."""
    assert len(embed.title or "") <= limits.TITLE
    assert len(embed.description or "") <= limits.DESCRIPTION
    assert len(embed.fields) <= limits.FIELDS
    for field in embed.fields:
        assert 0 < len(field.name) <= limits.FIELD_NAME
        assert 0 < len(field.value) <= limits.FIELD_VALUE
    assert len(embed.footer.text or "") <= limits.FOOTER
    assert len(embed.author.name or "") <= limits.AUTHOR
    assert len(embed) <= limits.EMBED_TOTAL


def everything(embed: discord.Embed) -> str:
    """All the text of an embed, for looking things up in it."""
    return json.dumps(embed.to_dict(), ensure_ascii=False)


def huge_country_group() -> list[str]:
    """300 country codes: every current one, and made-up codes beyond (shown without a flag)."""
    codes = sorted(countries())
    return codes + [f"Q{number:02d}" for number in range(300 - len(codes))]


# ---------------------------------------------------------------- limits
def test_shorten_keeps_short_text_and_cuts_long_text_at_a_word_boundary():
    assert shorten("Russia cannot change borders", 100) == "Russia cannot change borders"
    cut = shorten("Russia cannot change borders by force", 20)
    assert cut == "Russia cannot…"
    assert len(cut) <= 20


def test_shorten_cuts_inside_a_word_that_has_no_boundary_nearby():
    cut = shorten("x" * 50, 10)
    assert cut == "x" * 9 + "…"
    assert shorten("anything", 0) == ""


def test_fit_embed_brings_every_part_inside_the_limits():
    embed = discord.Embed(title="t" * 300, description="word " * 200)
    embed.set_author(name="a" * 300)
    embed.set_footer(text="f" * 3000)
    for number in range(30):
        embed.add_field(name=f"{number}" * 300, value="v " * 800)
    fit_embed(embed)
    assert_within_limits(embed)
    assert embed.title.endswith("…") and embed.footer.text.endswith("…")
    assert embed.description == ("word " * 200).strip()
    assert [field.name[0] for field in embed.fields] == ["0"]  # the first fields are kept


def test_fit_embed_shortens_the_description_when_dropping_fields_is_not_enough():
    embed = discord.Embed(title="t" * 256, description="word " * 900)
    embed.set_footer(text="f " * 1000)
    fit_embed(embed)
    assert_within_limits(embed)
    assert len(embed) > limits.EMBED_TOTAL - 10
    assert embed.description.endswith("word…")


def test_fit_embed_leaves_an_embed_within_limits_untouched():
    embed = discord.Embed(title="Title", description="Text")
    embed.add_field(name="Name", value="Value")
    before = embed.to_dict()
    assert fit_embed(embed).to_dict() == before


# ---------------------------------------------------------------- style
def test_flags_come_from_iso2_and_former_states_have_none():
    assert flag("CHN") == "🇨🇳"
    assert flag("fra") == "🇫🇷"
    assert flag("SUN") == "" and flag(None) == ""  # a former state has no flag, not a white one
    assert country_label("SUN") == "USSR"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("2022-10-12", "12 October 2022"),
        ("2022-09", "September 2022"),
        ("2022", "2022"),
        ("2026-11-28T07:40:37+00:00", "28 November 2026"),
        (None, "date unknown"),
        ("2022-13", "2022-13"),
    ],
)
def test_dates_read_as_people_write_them(stored, shown):
    assert display_date(stored) == shown


def test_each_position_has_its_own_colour():
    assert len(set(POSITION_COLOURS.values())) == 4


# ---------------------------------------------------------------- /vote country vote
def test_country_vote_is_coloured_by_position_and_cites_its_source():
    embed = embeds.country_vote_embed(make_vote(), "CHN", [])
    assert embed.colour == POSITION_COLOURS["abstain"]
    assert "China abstained" in embed.title
    assert "🇨🇳" in embed.title
    text = everything(embed)
    for expected in ("UN General Assembly", "12 October 2022", "resolution calling the move illegal",
                     "Adopted", "Yes 143", "No 5", "Abstained 35", "Did not vote 10", ARTICLE):
        assert expected in text


def test_country_the_sources_are_silent_on_is_said_to_be_so_in_grey():
    embed = embeds.country_vote_embed(make_vote(), "FRA", [])
    assert "The sources do not say how France voted." in embed.description
    assert embed.colour == NOT_STATED_COLOUR


def test_country_vote_shows_what_its_speakers_said_without_the_closing_comma():
    quote = make_quote(text="Russia cannot wipe a sovereign state off the map,")
    embed = embeds.country_vote_embed(make_vote(), "USA", [quote])
    field = next(f for f in embed.fields if "speakers said" in f.name)
    assert "the United States' speakers said" in field.name
    assert "“Russia cannot wipe a sovereign state off the map”" in field.value
    assert "Ada Example" in field.value


def test_country_vote_shows_sources_that_disagree():
    vote = make_vote(
        reports=[make_report(1), make_report(2, SECOND_ARTICLE)],
        positions=[
            {"country": "IND", "position": "abstain", "source_id": 1},
            {"country": "IND", "position": "yes", "source_id": 2},
        ],
    )
    embed = embeds.country_vote_embed(vote, "IND", [])
    assert "The sources differ" in embed.description
    assert "Yes" in embed.description and "Abstained" in embed.description
    assert embed.colour == NOT_STATED_COLOUR


def test_country_vote_cites_only_the_sources_that_state_the_position():
    vote = make_vote(
        reports=[make_report(1), make_report(2, SECOND_ARTICLE, url="https://news.example/2")],
        positions=[{"country": "SYR", "position": "no", "source_id": 2}],
    )
    embed = embeds.country_vote_embed(vote, "SYR", [])
    sources = next(f for f in embed.fields if f.name == "Sources")
    assert f"[{SECOND_ARTICLE}](https://news.example/2)" in sources.value
    assert ARTICLE not in sources.value


def test_country_vote_with_many_long_quotes_stays_within_limits():
    quotes = [make_quote(number, "word " * 1200) for number in range(40)]
    embed = embeds.country_vote_embed(make_vote(subject="s " * 3000), "USA", quotes)
    assert_within_limits(embed)
    assert "more: see /quotes" in everything(embed)


# ---------------------------------------------------------------- /vote country list
def test_country_votes_paginate_in_the_order_given_with_positions():
    votes = [
        make_vote(id=number, date=f"20{20 - number:02d}-01-01", country_positions=[{"position": "yes"}])
        for number in range(12)
    ]
    pages = embeds.country_votes_pages("CHN", votes)
    assert len(pages) == 3
    assert pages[0].footer.text == "Page 1 of 3"
    assert "1 January 2020" in pages[0].description
    assert pages[0].description.index("2020") < pages[0].description.index("2019")
    assert "🟢 Yes" in pages[0].description
    for page in pages:
        assert_within_limits(page)


def test_country_without_votes_gets_one_page_saying_so():
    [page] = embeds.country_votes_pages("FRA", [])
    assert "The sources do not say how France voted" in page.description


# ---------------------------------------------------------------- /vote tally
def test_tally_names_countries_per_group_and_counts_the_unnamed():
    embed = embeds.tally_embed(make_vote())
    fields = {f.name: f.value for f in embed.fields}
    assert fields["🔴 No · 5 · 3 not named by the sources"] == "🇷🇺 Russia, 🇸🇾 Syria"
    assert fields["🟡 Abstained · 35 · 33 not named by the sources"] == "🇨🇳 China, 🇮🇳 India"
    assert fields["🟢 Yes · 143"] == "*The sources name none.*"  # said once, not twice
    assert "Adopted" in embed.description
    assert ARTICLE in fields["Sources"]


def test_tally_of_a_vetoed_vote_names_the_vetoing_country():
    vote = make_vote(yes=None, no=None, abstain=None, absent=None, adopted=False, vetoed_by=["RUS"],
                     positions=[{"country": "RUS", "position": "no", "source_id": 1}])
    embed = embeds.tally_embed(vote)
    assert "vetoed by 🇷🇺 Russia" in embed.description
    assert [f.name for f in embed.fields] == ["🔴 No · number not stated", "Sources"]


def test_tally_shows_where_sources_disagree():
    vote = make_vote(
        reports=[make_report(1), make_report(2, SECOND_ARTICLE)],
        disagreements=[
            {"figure": "yes", "values": [{"value": 141, "source_ids": [2]}, {"value": 143, "source_ids": [1]}]},
            {"figure": "position IND", "values": [{"value": "abstain", "source_ids": [1]},
                                                  {"value": "yes", "source_ids": [2]}]},
        ],
    )
    field = next(f for f in embeds.tally_embed(vote).fields if "differ" in f.name)
    assert f"**Yes**: 141 ({SECOND_ARTICLE}) · 143 ({ARTICLE})" in field.value
    assert f"🇮🇳 India**: 🟡 Abstained ({ARTICLE}) · 🟢 Yes ({SECOND_ARTICLE})" in field.value


def test_tally_with_300_countries_in_a_group_stays_within_limits():
    small_groups = make_vote()["positions"]
    named = {row["country"] for row in small_groups}
    huge = [{"country": c, "position": "yes", "source_id": 1} for c in huge_country_group() if c not in named]
    embed = embeds.tally_embed(make_vote(yes=300, positions=small_groups + huge))
    assert_within_limits(embed)
    fields = {f.name: f.value for f in embed.fields}
    assert fields["🔴 No · 5 · 3 not named by the sources"] == "🇷🇺 Russia, 🇸🇾 Syria"
    assert "Yes · 300" in next(iter(fields))
    assert any(value.endswith("more") for value in fields.values())
    assert "Sources" in fields


# ---------------------------------------------------------------- vote list
def test_vote_list_shows_each_vote_and_says_when_there_are_none():
    [page] = embeds.vote_list_pages([make_vote(), make_vote(id=2, body="UNSC", date="2022-09", subject=None)])
    assert "UN General Assembly · 12 October 2022" in page.description
    assert "UN Security Council · September 2022" in page.description
    [empty] = embeds.vote_list_pages([])
    assert "no votes" in empty.description


# ---------------------------------------------------------------- /whosaid
def test_whosaid_shows_speaker_quote_context_source_and_other_matches():
    best = make_quote(9, "Today Russia is invading Ukraine. It might be you.")
    others = [best, make_quote(5, "The people have had their say.", speaker="Bo Other", speaker_country="UKR")]
    embed = embeds.whosaid_embed(best, others, "it might be you")
    assert embed.title == "🇺🇸 Ada Example"
    assert "“Today Russia is invading Ukraine. It might be you.”" in embed.description
    assert "ambassador to the UN" in embed.description
    fields = {f.name: f.value for f in embed.fields}
    assert fields["In context"].startswith("> Before the vote")
    assert f"[{ARTICLE}](https://news.example/un-vote)" in fields["Source"]
    assert fields["Other matches"] == "“The people have had their say.” — Bo Other"
    assert "it might be you" in embed.footer.text


def test_whosaid_with_a_6000_character_quote_shortens_it_at_a_word_boundary():
    best = make_quote(text="long words " * 600)
    embed = embeds.whosaid_embed(best, [make_quote(n, "other " * 500) for n in range(2, 30)], "q " * 3000)
    assert_within_limits(embed)
    assert "words…”" in embed.description or "long…”" in embed.description


def test_no_reply_carries_a_live_mention():
    quote = make_quote(text="Hello @everyone and <@123456789012345678>", speaker="@here")
    replies = [
        embeds.whosaid_embed(quote, [quote], "@everyone"),
        embeds.no_match_embed("@everyone"),
        embeds.error_embed("@everyone failed"),
        *embeds.speaker_quotes_pages({"name": "@everyone", "country": None}, [quote]),
        *embeds.sources_pages([make_source(title="@here, read this")]),
        embeds.tally_embed(make_vote(subject="<@123456789012345678> resolution")),
        embeds.country_vote_embed(make_vote(), "USA", [quote]),
    ]
    for embed in replies:
        text = everything(embed)
        assert "@everyone" not in text and "@here" not in text and "<@1" not in text


def test_no_match_suggests_what_to_try():
    embed = embeds.no_match_embed("zzyzx")
    assert "“zzyzx”" in embed.description
    assert "/quotes" in embed.description and "/sources" in embed.description


# ---------------------------------------------------------------- /quotes
def test_speaker_quotes_paginate_with_role_and_source():
    quotes = [make_quote(n, f"Quotation number {n},") for n in range(12)]
    pages = embeds.speaker_quotes_pages({"name": "Ada Example", "country": "USA"}, quotes)
    assert len(pages) == 3
    assert pages[0].title == "🇺🇸 Ada Example"
    assert pages[0].description.startswith("ambassador to the UN, United States")
    assert "“Quotation number 0”" in pages[0].description
    assert "“Quotation number 11”" in pages[2].description
    assert ARTICLE in pages[1].description


def test_speaker_quotes_with_huge_quotations_stay_within_limits():
    quotes = [make_quote(n, "word " * 1200) for n in range(30)]
    for page in embeds.speaker_quotes_pages({"name": "Ada Example", "country": "USA"}, quotes):
        assert_within_limits(page)


# ---------------------------------------------------------------- /sources
def test_sources_show_contributions_scope_and_link():
    [page] = embeds.sources_pages([make_source(), make_source(2, scope="guild:1", url="https://x.example/a",
                                                              title="Local", quotes=1, votes=0)])
    assert "**#1** · *" + ARTICLE in page.description
    assert "21 quotations · 2 votes · bundled" in page.description
    assert "[Local](https://x.example/a)" in page.description
    assert "1 quotation · 0 votes · added in this server" in page.description


def test_100_sources_spread_over_pages_within_limits():
    sources = [make_source(n, title="t" * 400, url="https://example.org/" + "p" * 300) for n in range(100)]
    pages = embeds.sources_pages(sources)
    assert len(pages) == 20
    for page in pages:
        assert_within_limits(page)
    assert "#99" in pages[-1].description


def test_a_link_is_only_made_for_web_addresses():
    assert embeds.source_line("T", "javascript:alert(1)", None) == "*T* · date unknown"
    link = embeds.source_line("[T]", "https://e.org/a (b)", "2022")
    assert link == "[(T)](https://e.org/a%20%28b%29) · 2022"


# ---------------------------------------------------------------- moderators
def test_source_added_reports_what_was_found():
    result = AddResult(source_id=7, created=True, quotes=3, votes=1, new_votes=0, matched_votes=1, positions=4)
    embed = embeds.source_added_embed(result, make_source(7, scope="guild:1"))
    assert embed.title == "Source added"
    assert embed.fields[0].value == "3 quotations · 1 vote (0 new, 1 already known) · 4 country positions"
    assert embed.footer.text == "Source #7 · added in this server"


def test_source_already_stored_says_nothing_was_added():
    result = AddResult(source_id=1, created=False)
    embed = embeds.source_added_embed(result, make_source())
    assert embed.title == "Already in the store"
    assert "source #1" in embed.description


def test_removal_and_errors():
    assert ARTICLE in embeds.source_removed_embed(make_source()).description
    error = embeds.error_embed("That source is not in this server.")
    assert error.colour == ERROR_COLOUR
    assert error.description == "That source is not in this server."


# ---------------------------------------------------------------- terminal
def test_terminal_prints_every_page_with_title_fields_and_footer():
    console = Console(record=True, width=100, color_system=None)
    pages = embeds.country_votes_pages("CHN", [make_vote(id=n, country_positions=[{"position": "no"}])
                                              for n in range(7)])
    print_embeds([embeds.tally_embed(make_vote()), *pages], console)
    output = console.export_text()
    assert "UN General Assembly · 12 October 2022" in output
    assert "🔴 No · 5 · 3 not named by the sources" in output
    assert "Page 1 of 2" in output and "Page 2 of 2" in output


def test_terminal_renders_discord_markdown_as_styles():
    text = discord_text("**Bold** and *italic* and [a link](https://e.org)\n> quoted")
    assert text.plain == "Bold and italic and a link <https://e.org>\n▌ quoted"
    styles = {text.plain[span.start:span.end]: str(span.style) for span in text.spans}
    assert styles["Bold"] == "bold"
    assert styles["italic"] == "italic"


# ---------------------------------------------------------------- disguised links
DISGUISED = "[Official UN statement](https://evil.example)"
SOURCE_LINK = "https://news.example/2"
RECORD_LINK = "https://digitallibrary.un.org/record/1"
LIVE_LINK_END = re.compile(r"(?<!\\)\]\(\s*<?https://evil")  # an unescaped "](" before the address


def markdown_parts(embed: discord.Embed) -> list[str]:
    """The parts of an embed Discord reads as markdown: title, description, field names and values."""
    return [embed.title or "", embed.description or "", *(f"{f.name}\n{f.value}" for f in embed.fields)]


def link_targets(markdown: str) -> set[str]:
    """The addresses of the links the terminal (reading markdown as Discord does) draws."""
    styles = [str(span.style) for span in discord_text(markdown).spans]
    return {style.split("link ", 1)[1] for style in styles if "link " in style}


def hostile_replies() -> list[discord.Embed]:
    """Every builder, fed a disguised link wherever a source, a record or a user supplies text."""
    quote = make_quote(text=f"Read {DISGUISED} now", speaker=DISGUISED, speaker_role=DISGUISED,
                       context=f"He said {DISGUISED}", source_title=DISGUISED)
    reports = [make_report(1, DISGUISED), make_report(2, DISGUISED, url=SOURCE_LINK)]
    vote = make_vote(
        subject=DISGUISED, resolution=DISGUISED, body=DISGUISED, reports=reports,
        official_positions={DISGUISED: "yes", "RUS": "no"},
        disagreements=[
            {"figure": "yes", "values": [{"value": 141, "source_ids": [1]}, {"value": 143, "source_ids": [2]}]}
        ],
        country_positions=[{"position": "no", "source_id": 1}],
    )
    record = {"undl_id": 1, "resolution": DISGUISED, "title": DISGUISED, "date": "2022-10-12",
              "undl_link": RECORD_LINK, "total_yes": 1, "total_no": 2, "total_abstentions": 3}
    record_field = discord.Embed(description=record_embeds.roll_call_line(record, "🟢 Yes"))
    return [
        embeds.whosaid_embed(quote, [quote, make_quote(2, speaker=DISGUISED)], DISGUISED),
        embeds.no_match_embed(DISGUISED),
        embeds.error_embed(DISGUISED),
        *embeds.speaker_quotes_pages({"name": DISGUISED, "country": None}, [quote]),
        *embeds.sources_pages([make_source(title=DISGUISED), make_source(2, title=DISGUISED, url=SOURCE_LINK)]),
        embeds.tally_embed(vote, [quote]),
        embeds.country_vote_embed(vote, "RUS", [quote]),
        *embeds.vote_list_pages([vote]),
        *embeds.country_votes_pages("RUS", [vote]),
        embeds.source_removed_embed(make_source(title=DISGUISED, url=SOURCE_LINK)),
        record_field,
    ]


def test_no_outside_text_becomes_a_disguised_link():
    for embed in hostile_replies():
        for markdown in markdown_parts(embed):
            assert not LIVE_LINK_END.search(markdown), markdown
            assert link_targets(markdown) <= {SOURCE_LINK, RECORD_LINK, make_quote()["source_url"]}


def test_outside_text_is_shown_as_typed():
    quote = make_quote(text=f"Read {DISGUISED} now", speaker=DISGUISED)
    embed = embeds.whosaid_embed(quote, [quote], DISGUISED)
    assert embed.title == "🇺🇸 \\[Official UN statement\\](https://evil.example)"  # Discord shows [ for \[
    assert "“Read \\[Official UN statement\\](https://evil.example) now”" in embed.description
    assert embed.footer.text == f"You searched for: {DISGUISED}"  # a footer is plain text in Discord


def test_safe_is_idempotent_and_keeps_escaped_brackets_escaped():
    for text in [DISGUISED, "\\[a](https://e.example)", "\\\\[a](https://e.example)", "@everyone [x]", "a\\"]:
        once = embeds.safe(text)
        assert embeds.safe(once) == once
        assert not re.search(r"(?<!\\)[\[\]]", once.replace("\\\\", "")), once  # each bracket escaped
    refusal = embeds.error_embed(f"No vote matches “{embeds.safe(DISGUISED)}”.")  # as the cogs call it
    assert refusal.description == "No vote matches “\\[Official UN statement\\](https://evil.example)”."


def test_the_bots_own_links_still_work_with_the_title_inside():
    line = embeds.source_line(DISGUISED + " @everyone", SOURCE_LINK, "2022-10-12")
    assert link_targets(line) == {SOURCE_LINK}
    assert line.startswith(f"[(Official UN statement)(https://evil.example) @\u200beveryone]({SOURCE_LINK})")


def test_the_terminal_shows_brackets_without_backslashes():
    quote = make_quote(text="The people have had their say – [Russia’s] Attempted annexation is useless",
                       speaker=DISGUISED)
    console = Console(record=True, width=100, color_system=None)
    print_embeds([embeds.whosaid_embed(quote, [quote, make_quote(2, speaker="[Bo] Other")], "[x]"),
                  embeds.tally_embed(make_vote(), [quote])], console)
    output = console.export_text()
    assert "[Russia’s] Attempted annexation" in output
    assert f"— {DISGUISED}, ambassador" in output and "— [Bo] Other" in output
    assert "You searched for: [x]" in output
    assert "\\" not in output


def test_the_terminal_reads_escapes_as_discord_does():
    text = discord_text("\\[a\\](https://e.example) **\\[b\\]** \\*c\\* d\\e [f](https://f.example)")
    assert text.plain == "[a](https://e.example) [b] *c* d\\e f <https://f.example>"
    assert link_targets("\\[a\\](https://e.example) [f](https://f.example)") == {"https://f.example"}
