"""Quotations tied to the vote they are about (extraction.linking), stored with their vote report
and shown under that vote only (db.queries.quotes_on_vote).

The extraction tests read whole texts written for them; the store tests build extractions by hand,
so they do not depend on how well votes are read.
"""

from __future__ import annotations

import pytest

from db import add_source, open_store, queries
from db.ingest import drop_facts
from extraction.extractor import extract
from extraction.linking import link_quotes_to_votes
from extraction.models import Document, Extraction, Quote, Vote
from extraction.text import AnalyzedText

ASSEMBLY_THEN_VETO = (
    "UNITED NATIONS — The General Assembly on Wednesday adopted a resolution condemning the blockade"
    " by a vote of 120 to 10, with 30 abstentions.\n\n"
    "“This is a good day for the Charter,” said Ana Ortiz, the foreign minister of Chile."
    " “Nobody can ignore it now.”\n\n"
    "Last month, Russia vetoed a similar draft in the Security Council.\n\n"
    "“The Council has failed again,” said Ben Okafor, Nigeria's ambassador.\n\n"
    "Separately, Ana Ortiz told reporters that “the harvest was excellent this year.”"
)


def linked(text: str, published: str = "2023-05-10") -> dict[str, tuple[str | None, str | None]]:
    """Each quotation's text -> (its speaker, the body of the vote it is linked to)."""
    extraction = extract(Document(text=text, published=published))
    bodies = [vote.body for vote in extraction.votes]
    return {q.text: (q.speaker, None if q.vote is None else bodies[q.vote]) for q in extraction.quotes}


def test_reactions_go_to_the_vote_they_follow_and_a_council_remark_to_the_council_vote():
    quotes = linked(ASSEMBLY_THEN_VETO)
    assert quotes["This is a good day for the Charter,"] == ("Ana Ortiz", "UNGA")
    assert quotes["Nobody can ignore it now."] == ("Ana Ortiz", "UNGA")
    assert quotes["The Council has failed again,"] == ("Ben Okafor", "UNSC")


def test_a_remark_about_something_else_is_linked_to_no_vote():
    assert linked(ASSEMBLY_THEN_VETO)["the harvest was excellent this year."] == ("Ana Ortiz", None)


def test_a_quotation_naming_a_body_that_took_no_vote_in_the_text_is_about_none():
    text = (
        "The General Assembly adopted the resolution by 150 votes to 4, with 20 abstentions.\n\n"
        "Earlier, Mei Tanaka, Japan's envoy, said the Security Council “must now act without delay.”"
    )
    quotes = linked(text)
    assert quotes["must now act without delay."] == ("Mei Tanaka", None)


def test_a_reaction_after_the_paragraphs_a_vote_is_reported_over_is_about_it():
    text = (
        "The General Assembly on Tuesday adopted the resolution with 150 votes in favour, 4 against and"
        " 20 abstentions.\n\n"
        "Chile and Peru voted against it, while Ghana abstained.\n\n"
        "“A welcome step,” said Omar Haddad, Jordan's ambassador.\n\n"
        "Elsewhere in the city, crowds gathered.\n\n"
        "“The bridges will reopen soon,” said Clara Jensen, the mayor."
    )
    quotes = linked(text)
    assert quotes["A welcome step,"] == ("Omar Haddad", "UNGA")
    assert quotes["The bridges will reopen soon,"] == ("Clara Jensen", None)


def test_in_one_unbroken_paragraph_a_quotation_needs_a_vote_word_or_a_body():
    text = (
        "The General Assembly adopted the resolution by 150 votes to 4, with 20 abstentions."
        " Tomas Berg, Sweden's envoy, said after the vote that it was “a clear signal.”"
        " In other news, Lara Voss said the weather “could not be better.”"
    )
    quotes = linked(text)
    assert quotes["a clear signal."] == ("Tomas Berg", "UNGA")
    assert quotes["could not be better."] == ("Lara Voss", None)


def test_a_speaker_continuing_keeps_the_vote_of_the_previous_quotation():
    text = (
        "The General Assembly adopted the resolution by 150 votes to 4, with 20 abstentions."
        " Tomas Berg, Sweden's envoy, said the vote was “a clear signal.” “We expected less,” he added."
        " Lara Voss, a historian, said elsewhere that “old maps mislead.”"
    )
    quotes = linked(text)
    assert quotes["We expected less,"] == ("Tomas Berg", "UNGA")
    assert quotes["old maps mislead."] == ("Lara Voss", None)


def hand_made(text: str, votes: list[Vote], quotes: list[Quote]) -> list[int | None]:
    link_quotes_to_votes(AnalyzedText(text), quotes, votes)
    return [quote.vote for quote in quotes]


def at(text: str, words: str, **fields) -> Quote:
    start = text.index(words)
    return Quote(text=words, start=start, end=start + len(words), **fields)


def test_a_symbol_named_beside_the_quotation_picks_its_vote():
    text = "Of the two texts, A/80/L.7 passed and A/80/L.9 failed. On A/80/L.9 she said: “a pity.”"
    votes = [Vote(body="UNGA", resolution="A/80/L.7"), Vote(body="UNGA", resolution="A/80/L.9")]
    quotation = at(text, "a pity.", context_start=text.index("On A/80"), context_end=len(text))
    assert hand_made(text, votes, [quotation]) == [1]


def test_the_speakers_country_named_in_one_vote_only_picks_it():
    text = "The Council voted twice. Later the ambassador of Peru, Rosa Diaz, spoke: “We stand by it.”"
    votes = [Vote(body="UNSC", positions={"FRA": "yes"}, start=0, end=10),
             Vote(body="UNSC", positions={"PER": "no"}, start=0, end=10)]
    quotation = at(text, "We stand by it.", speaker="Rosa Diaz", speaker_country="PER")
    assert hand_made(text, votes, [quotation]) == [1]


def test_a_quotation_inside_a_votes_report_belongs_to_the_innermost_one():
    text = "x" * 200
    votes = [Vote(body="UNGA", start=0, end=200), Vote(body="UNGA", start=80, end=120)]
    assert hand_made(text, votes, [Quote(text="x", start=100, end=101)]) == [1]
    assert hand_made(text, votes, [Quote(text="x", start=150, end=151)]) == [0]


def test_without_votes_nothing_is_linked():
    text = "“Fine,” she said."
    assert hand_made(text, [], [at(text, "Fine,")]) == [None]


# --- the store ---------------------------------------------------------------------------------
STORED = (
    "The Assembly adopted the text by 120 votes to 10. “A good day,” said Ana Ortiz."
    " The Council then vetoed its own draft. “A sad day,” said Ben Okafor."
    " “Lovely weather,” said Ana Ortiz."
)


@pytest.fixture
def store(tmp_path):
    db = open_store(tmp_path / "store.db")
    yield db
    db.close()


def stored_extraction() -> Extraction:
    votes = [Vote(body="UNGA", date="2030-01-02", yes=120, no=10, adopted=True, start=0, end=49),
             Vote(body="UNSC", date="2030-01-02", adopted=False, vetoed_by=["RUS"], start=80, end=118)]
    quotes = [at(STORED, "A good day,", speaker="Ana Ortiz", vote=0, rule="post-cue"),
              at(STORED, "A sad day,", speaker="Ben Okafor", vote=1, rule="post-cue"),
              at(STORED, "Lovely weather,", speaker="Ana Ortiz", rule="post-cue")]
    return Extraction(votes=votes, quotes=quotes)


def said_under(db, body: str, guild_id=None) -> list[str]:
    vote_id = db.execute("SELECT id FROM votes WHERE body = ?", [body]).fetchone()[0]
    return [row["text"] for row in queries.quotes_on_vote(db, vote_id, guild_id)]


def test_each_vote_shows_only_the_quotations_about_it(store):
    add_source(store, Document(text=STORED, title="Two votes"), stored_extraction())
    assert said_under(store, "UNGA") == ["A good day,"]
    assert said_under(store, "UNSC") == ["A sad day,"]


def test_the_rule_and_the_vote_report_are_stored_with_each_quotation(store):
    add_source(store, Document(text=STORED), stored_extraction())
    rows = store.execute(
        "SELECT q.text, q.rule, r.body FROM quotes q LEFT JOIN vote_reports r ON r.id = q.report_id ORDER BY q.id"
    ).fetchall()
    assert rows == [("A good day,", "post-cue", "UNGA"), ("A sad day,", "post-cue", "UNSC"),
                    ("Lovely weather,", "post-cue", None)]


def test_dropping_a_vote_unlinks_its_quotations_and_keeps_them(store):
    guild = 42
    result = add_source(store, Document(text=STORED), stored_extraction(), scope=f"guild:{guild}")
    report = store.execute("SELECT id FROM vote_reports WHERE body = 'UNSC'").fetchone()[0]
    assert drop_facts(store, result.source_id, f"guild:{guild}", [("vote", report)]) == [("vote", report)]
    assert store.execute("SELECT count(*) FROM quotes WHERE report_id IS NULL").fetchone()[0] == 2
    assert store.execute("SELECT count(*) FROM quotes").fetchone()[0] == 3
    assert said_under(store, "UNGA", guild) == ["A good day,"]


def test_the_migration_links_the_quotations_of_a_source_with_one_vote_report(tmp_path):
    path = tmp_path / "old.db"
    db = open_store(path)
    one = add_source(db, Document(text=STORED), Extraction(votes=stored_extraction().votes[:1],
                                                           quotes=stored_extraction().quotes))
    two = add_source(db, Document(text=STORED + " Again."), stored_extraction())
    # Back to version 6: no rule, no link.
    db.execute("UPDATE quotes SET report_id = NULL, rule = NULL")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'link_quotes_to_votes'")
    db.execute("DROP INDEX quotes_report_id")
    db.execute("ALTER TABLE quotes DROP COLUMN report_id")
    db.execute("ALTER TABLE quotes DROP COLUMN rule")
    db.conn.commit()
    db.close()
    db = open_store(path)
    linked_count = dict(db.execute(
        "SELECT source_id, count(report_id) FROM quotes GROUP BY source_id").fetchall())
    assert linked_count == {one.source_id: 3, two.source_id: 0}
    db.close()



def test_bodies_are_read_as_the_vote_extractor_reads_them():
    committee = (
        "The General Assembly's Second Committee today approved a draft on desert farming by a recorded vote of"
        " 150 in favour to 3 against, with 10 abstentions.\n\n"
        "Speaking afterwards, the representative of Peru said that, while “content with” the Committee's work,"
        " she had doubts."
    )
    assert linked(committee)["content with"] == ("the representative of Peru", "UNGA Second Committee")
    rights = (
        "The Human Rights Council on Friday adopted a resolution on water by 30 votes to 10, with 7 abstentions.\n\n"
        "Elsewhere, Jonas Lind, a Swedish diplomat, said the Security Council was “stuck for years.”"
    )
    assert linked(rights)["stuck for years."] == ("Jonas Lind", None)
