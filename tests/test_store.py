"""The store (db/): schema and migrations, idempotent atomic ingestion, vote and speaker
matching across sources, scopes, removal, full-text search and provenance.

Documents and extractions are made by hand here, so these tests do not depend on the extractor.
"""

from __future__ import annotations

import pytest

import db.ingest
from db import InvalidExtraction, add_source, applied_migrations, guild_scope, open_store, remove_source
from db import queries
from extraction.models import Document, Extraction, Quote, Vote

TABLES = ("sources", "votes", "vote_reports", "positions", "speakers", "quotes")


def span(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def quote(text: str, fragment: str, speaker: str | None, kind: str = "person", **extra) -> Quote:
    start, end = span(text, fragment)
    return Quote(text=fragment, start=start, end=end, speaker=speaker, speaker_kind=kind, **extra)


def vote(text: str, names: dict[str, str], positions: dict[str, str], **fields) -> Vote:
    """A vote read from the whole ``text``; ``names`` maps ISO3 to the words naming it."""
    return Vote(
        positions=positions,
        position_spans={iso3: span(text, words) for iso3, words in names.items()},
        start=0,
        end=len(text),
        **fields,
    )


GENERAL_ASSEMBLY = dict(body="UNGA", date="2022-10-12", members=193, adopted=True)

TEXT_A = (
    "The General Assembly adopted resolution A/RES/ES-11/4 on Wednesday by 143 votes to 5, "
    "with 35 abstentions. Russia and Belarus voted against. "
    '"This is a sham," said Linda Thomas-Greenfield, the US ambassador. '
    'Thomas-Greenfield added: "We will not stop."'
)
SENTENCE_A = '"This is a sham," said Linda Thomas-Greenfield, the US ambassador.'
TEXT_B = (
    "In New York, 143 countries backed the text, five opposed it and 35 abstained. "
    "Syria voted no while China abstained. "
    '"A dangerous escalation," Linda Thomas-Greenfield told reporters. '
    '"Nobody believes it," said Vassily Nebenzia.'
)
TEXT_C = (
    "Reports in October said 143 states voted yes, 5 no and 34 abstained. "
    '"Double standards," said Nebenzia.'
)


def extraction_a() -> Extraction:
    return Extraction(
        votes=[
            vote(
                TEXT_A,
                {"RUS": "Russia", "BLR": "Belarus"},
                {"RUS": "no", "BLR": "no"},
                resolution="A/RES/ES-11/4",
                date_text="Wednesday",
                yes=143,
                no=5,
                abstain=35,
                absent=10,
                absent_derived=True,
                **GENERAL_ASSEMBLY,
            )
        ],
        quotes=[
            quote(TEXT_A, "This is a sham,", "Linda Thomas-Greenfield", speaker_role="US ambassador",
                  speaker_country="USA", cue="said", context_start=span(TEXT_A, SENTENCE_A)[0],
                  context_end=span(TEXT_A, SENTENCE_A)[1]),
            quote(TEXT_A, "We will not stop.", "Linda Thomas-Greenfield", cue="added:"),
        ],
    )


def extraction_b() -> Extraction:
    return Extraction(
        votes=[
            vote(TEXT_B, {"SYR": "Syria", "CHN": "China"}, {"SYR": "no", "CHN": "abstain"},
                 yes=143, no=5, abstain=35, **GENERAL_ASSEMBLY)
        ],
        quotes=[
            quote(TEXT_B, "A dangerous escalation,", "linda  THOMAS-greenfield", cue="told reporters"),
            quote(TEXT_B, "Nobody believes it,", "Vassily Nebenzia", speaker_country="RUS", cue="said"),
        ],
    )


def extraction_c() -> Extraction:
    return Extraction(
        votes=[vote(TEXT_C, {}, {}, body="UNGA", date="2022-10", yes=143, no=5, abstain=34)],
        quotes=[quote(TEXT_C, "Double standards,", "Nebenzia", cue="said")],
    )


def counts(store) -> dict[str, int]:
    return {table: store[table].count for table in TABLES}


@pytest.fixture
def store():
    database = open_store(":memory:")
    yield database
    database.close()


def test_open_creates_folders_wal_foreign_keys_and_migrates_once(tmp_path):
    path = tmp_path / "nested" / "folder" / "rollcall.db"
    first = open_store(path)
    assert first.journal_mode == "wal"
    assert first.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert set(TABLES) <= set(first.table_names())
    assert {"vote_figures", "vote_disagreements"} <= set(first.view_names())
    migrated = applied_migrations(first)
    assert migrated
    add_source(first, Document(TEXT_A), extraction_a())
    first.close()

    again = open_store(path)
    assert applied_migrations(again) == migrated
    assert again["sources"].count == 1
    again.close()


def test_adding_the_same_text_twice_changes_nothing(store):
    first = add_source(store, Document(TEXT_A, title="A"), extraction_a())
    before = counts(store)
    second = add_source(store, Document(TEXT_A, title="A again"), extraction_a())
    assert first.created and not second.created
    assert second.source_id == first.source_id
    assert counts(store) == before
    assert (first.quotes, first.votes, first.new_votes, first.positions) == (2, 1, 1, 2)


def test_text_already_global_is_not_copied_into_a_guild(store):
    global_source = add_source(store, Document(TEXT_A), extraction_a())
    guild_copy = add_source(store, Document(TEXT_A), extraction_a(), scope=guild_scope(7))
    assert not guild_copy.created and guild_copy.source_id == global_source.source_id


def test_a_failure_midway_leaves_no_rows(store, monkeypatch):
    real_add_quote = db.ingest._add_quote
    calls = []

    def failing_add_quote(*args):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        real_add_quote(*args)

    monkeypatch.setattr(db.ingest, "_add_quote", failing_add_quote)
    with pytest.raises(RuntimeError, match="disk on fire"):
        add_source(store, Document(TEXT_A), extraction_a())
    assert len(calls) == 2  # the source, its vote and one quote had been written
    assert counts(store) == dict.fromkeys(TABLES, 0)
    assert store.execute("SELECT count(*) FROM quotes_fts").fetchone()[0] == 0

    monkeypatch.setattr(db.ingest, "_add_quote", real_add_quote)
    assert add_source(store, Document(TEXT_A), extraction_a()).created
    assert store["quotes"].count == 2


def test_a_span_that_does_not_index_the_text_is_refused(store):
    extraction = extraction_a()
    extraction.quotes[1].start += 1
    with pytest.raises(InvalidExtraction):
        add_source(store, Document(TEXT_A), extraction)
    extraction = extraction_a()
    extraction.votes[0].position_spans["RUS"] = (len(TEXT_A), len(TEXT_A) + 6)
    with pytest.raises(InvalidExtraction):
        add_source(store, Document(TEXT_A), extraction)
    assert counts(store) == dict.fromkeys(TABLES, 0)


def test_two_sources_reporting_one_vote_make_one_vote_with_both_reports(store):
    a = add_source(store, Document(TEXT_A, published="2022-10-12"), extraction_a())
    b = add_source(store, Document(TEXT_B, published="2022-10-13"), extraction_b())
    assert (a.new_votes, b.new_votes, b.matched_votes) == (1, 0, 1)
    assert store["votes"].count == 1

    (vote_id,) = [row["id"] for row in store["votes"].rows]
    found = queries.get_vote(store, vote_id, None)
    assert [report["source_id"] for report in found["reports"]] == [a.source_id, b.source_id]
    assert found["resolution"] == "A/RES/ES-11/4"  # only A states it
    assert (found["yes"], found["no"], found["abstain"], found["adopted"]) == (143, 5, 35, True)
    cited = {(p["country"], p["position"], p["source_id"]) for p in found["positions"]}
    assert cited == {
        ("RUS", "no", a.source_id),
        ("BLR", "no", a.source_id),
        ("SYR", "no", b.source_id),
        ("CHN", "abstain", b.source_id),
    }
    assert found["disagreements"] == []


def test_a_source_disagreeing_on_one_figure_joins_the_vote_and_the_disagreement_shows(store):
    a = add_source(store, Document(TEXT_A), extraction_a())
    b = add_source(store, Document(TEXT_B), extraction_b())
    c = add_source(store, Document(TEXT_C), extraction_c())
    assert c.matched_votes == 1 and store["votes"].count == 1

    (vote_id,) = [row["id"] for row in store["votes"].rows]
    found = queries.get_vote(store, vote_id, None)
    assert found["date"] == "2022-10-12"  # the day beats C's month
    assert found["abstain"] == 35  # what most sources say
    assert found["disagreements"] == [
        {
            "figure": "abstain",
            "values": [
                {"value": 34, "source_ids": [c.source_id]},
                {"value": 35, "source_ids": [a.source_id, b.source_id]},
            ],
        }
    ]
    view = list(store.query("SELECT figure, value, source_ids FROM vote_disagreements ORDER BY value"))
    assert view == [
        {"figure": "abstain", "value": 34, "source_ids": str(c.source_id)},
        {"figure": "abstain", "value": 35, "source_ids": f"{a.source_id},{b.source_id}"},
    ]


@pytest.mark.parametrize(
    "other",
    [
        dict(body="UNGA", date="2022-03-02", yes=143, no=5, abstain=35),  # another day
        dict(body="UNSC", date="2022-10-12", yes=143, no=5, abstain=35),  # another body
        dict(body="UNGA", date="2022-10-12", yes=10, no=80, abstain=35),  # two figures differ
        dict(body="UNGA", date="2022-10-12", yes=143, no=5, adopted=False),  # adopted differs
        dict(body="UNGA", date="2022-10-12", resolution="A/RES/ES-11/5"),  # another symbol
        dict(body="UNGA", date=None, yes=143),  # undated with a single figure in common
    ],
)
def test_a_different_vote_stays_separate(store, other):
    add_source(store, Document(TEXT_A), extraction_a())
    result = add_source(store, Document(TEXT_C), Extraction(votes=[Vote(**other)]))
    assert result.new_votes == 1 and store["votes"].count == 2


@pytest.mark.parametrize(
    "same",
    [
        dict(body="UNGA", date=None, yes=143, no=5),  # undated, two figures agree
        dict(body="UNGA", date="2022-10", abstain=35),  # a month holding the day
        dict(body="General Assembly", resolution="a/res/es-11/4"),  # the symbol decides
    ],
)
def test_the_same_vote_is_recognised(store, same):
    add_source(store, Document(TEXT_A), extraction_a())
    result = add_source(store, Document(TEXT_C), Extraction(votes=[Vote(**same)]))
    assert result.matched_votes == 1 and store["votes"].count == 1


def test_one_speaker_across_sources(store):
    add_source(store, Document(TEXT_A), extraction_a())
    add_source(store, Document(TEXT_B), extraction_b())
    add_source(store, Document(TEXT_C), extraction_c())
    speakers = {row["name"]: row for row in store["speakers"].rows}
    # Case and spacing do not matter; the bare "Nebenzia" of C is the one Nebenzia stored.
    assert set(speakers) == {"Linda Thomas-Greenfield", "Vassily Nebenzia"}
    nebenzia = speakers["Vassily Nebenzia"]
    assert nebenzia["country"] == "RUS"
    assert [q["text"] for q in queries.quotes_by_speaker(store, nebenzia["id"], None)] == [
        "Double standards,",  # the newest source first
        "Nobody believes it,",
    ]


def test_accents_do_not_split_a_speaker_and_a_surname_grows_into_the_full_name(store):
    first = 'First. "Alpha," said Lavrov.'
    second = 'Second. "Beta," said Sergueï Lavrov.'
    third = 'Third. "Gamma," said Serguei LAVROV.'
    for text in (first, second, third):
        fragment = text.split('"')[1]
        speaker = text.split("said ")[1].rstrip(".")
        add_source(store, Document(text), Extraction(quotes=[quote(text, fragment, speaker)]))
    assert [row["name"] for row in store["speakers"].rows] == ["Sergueï Lavrov"]


def test_an_ambiguous_surname_is_its_own_speaker(store):
    for index, name in enumerate(["Joe Biden", "Hunter Biden", "Biden"]):
        text = f'Story {index}. "Words," said {name}.'
        add_source(store, Document(text), Extraction(quotes=[quote(text, "Words,", name)]))
    assert sorted(row["name"] for row in store["speakers"].rows) == ["Biden", "Hunter Biden", "Joe Biden"]


def test_a_guild_sees_global_sources_and_its_own_only(store):
    guild_a, guild_b = 111, 222
    global_source = add_source(store, Document(TEXT_A), extraction_a())
    own = add_source(store, Document(TEXT_B), extraction_b(), scope=guild_scope(guild_a), added_by="mod#1")
    only_a_vote = add_source(
        store,
        Document("The Security Council vote failed."),
        Extraction(votes=[Vote(body="UNSC", date="2022-09-30", yes=10, no=1, abstain=4, vetoed_by=["RUS"])]),
        scope=guild_scope(guild_a),
    )

    def source_ids(guild_id):
        return {row["id"] for row in queries.list_sources(store, guild_id)}

    assert source_ids(guild_a) == {global_source.source_id, own.source_id, only_a_vote.source_id}
    assert source_ids(guild_b) == source_ids(None) == {global_source.source_id}

    escalation = queries.search_quotes(store, "dangerous escalation", guild_a)
    assert [q["source_id"] for q in escalation] == [own.source_id]
    assert queries.search_quotes(store, "dangerous escalation", guild_b) == []
    assert queries.search_quotes(store, "sham", guild_b)[0]["source_id"] == global_source.source_id

    (unsc,) = [row["id"] for row in store.query("SELECT id FROM votes WHERE body = 'UNSC'")]
    assert queries.get_vote(store, unsc, guild_a)["vetoed_by"] == ["RUS"]
    assert queries.get_vote(store, unsc, guild_b) is None
    assert queries.find_votes(store, guild_b, body="unsc") == []

    (shared,) = [row["id"] for row in store.query("SELECT id FROM votes WHERE body = 'UNGA'")]
    assert len(queries.get_vote(store, shared, guild_a)["reports"]) == 2
    assert {p["country"] for p in queries.get_vote(store, shared, guild_b)["positions"]} == {"RUS", "BLR"}
    assert queries.votes_for_country(store, "SYR", guild_b) == []
    assert [s["name"] for s in queries.find_speakers(store, "vass", guild_b)] == []
    assert [s["name"] for s in queries.find_speakers(store, "vass", guild_a)] == ["Vassily Nebenzia"]
    assert queries.get_source(store, own.source_id, guild_b) is None
    assert queries.get_source(store, own.source_id, guild_a)["text"] == TEXT_B


def test_remove_source_deletes_what_only_it_supported(store):
    a = add_source(store, Document(TEXT_A), extraction_a())
    guild = guild_scope(5)
    b = add_source(store, Document(TEXT_B), extraction_b(), scope=guild)

    assert not remove_source(store, b.source_id, "global")  # another scope's source
    assert not remove_source(store, 9999, guild)
    assert store["sources"].count == 2

    assert remove_source(store, b.source_id, guild)
    assert store["votes"].count == 1 and store["vote_reports"].count == 1
    assert {row["country"] for row in store["positions"].rows} == {"RUS", "BLR"}
    assert [row["name"] for row in store["speakers"].rows] == ["Linda Thomas-Greenfield"]
    assert queries.search_quotes(store, "escalation", 5) == []

    assert remove_source(store, a.source_id, "global")
    assert counts(store) == dict.fromkeys(TABLES, 0)
    assert queries.search_quotes(store, "sham", None) == []


def test_removing_a_source_recomputes_the_vote_and_speaker_it_shaped(store):
    c = add_source(store, Document(TEXT_C), extraction_c())
    a = add_source(store, Document(TEXT_A), extraction_a())
    vote_row = next(store["votes"].rows)
    assert (vote_row["date"], vote_row["resolution"]) == ("2022-10-12", "A/RES/ES-11/4")
    remove_source(store, a.source_id, "global")
    vote_row = next(store["votes"].rows)
    assert (vote_row["date"], vote_row["resolution"], vote_row["abstain"]) == ("2022-10", None, 34)
    assert c.source_id == next(store["sources"].rows)["id"]


@pytest.mark.parametrize(
    ("hostile", "found"),
    [
        ('" AND * NEAR(', []), ("@everyone", []), ("", []), ("   ", []), (')(("', []), ("-", []),
        ("text:sham", ["This is a sham,"]), ("^sham*", ["This is a sham,"]), ('sham" OR "x', ["This is a sham,"]),
        ("{text}: sham", ["This is a sham,"]), ("sham -war", ["This is a sham,"]),
        ("NOT OR AND", ["We will not stop."]),  # the word "not", not the operator
        ("NEAR(a b, 2)", ["This is a sham,"]),  # the word "a", weakly
    ],
)
def test_search_never_reads_user_text_as_query_syntax(store, hostile, found):
    add_source(store, Document(TEXT_A), extraction_a())
    assert [q["text"] for q in queries.search_quotes(store, hostile, None)] == found


def test_search_ranks_and_stems(store):
    add_source(store, Document(TEXT_A), extraction_a())
    add_source(store, Document(TEXT_B), extraction_b())
    results = queries.search_quotes(store, "what about shams?", None)
    assert results[0]["text"] == "This is a sham,"
    assert results[0]["speaker"] == "Linda Thomas-Greenfield"
    assert results[0]["speaker_role"] == "US ambassador"
    assert results[0]["context"] == SENTENCE_A
    assert all(q["context"] is None for q in results[1:])


def test_every_fact_cites_a_span_of_its_source_text(store):
    for text, extraction in [(TEXT_A, extraction_a()), (TEXT_B, extraction_b()), (TEXT_C, extraction_c())]:
        add_source(store, Document(text), extraction)
    texts = {row["id"]: row["text"] for row in store["sources"].rows}
    quotes = list(store["quotes"].rows)
    assert len(quotes) == 5
    for row in quotes:
        assert texts[row["source_id"]][row["span_start"] : row["span_end"]] == row["text"]
    positions = list(store["positions"].rows)
    assert len(positions) == 4
    for row in positions:
        named = texts[row["source_id"]][row["span_start"] : row["span_end"]]
        assert named in {"Russia", "Belarus", "Syria", "China"}
    for row in store["vote_reports"].rows:
        assert 0 <= row["span_start"] <= row["span_end"] <= len(texts[row["source_id"]])


def test_votes_for_a_country_newest_first_and_find_votes(store):
    text = "Two votes: Russia voted no in March and no again in October."
    older = vote(
        text, {"RUS": "Russia"}, {"RUS": "no"}, body="UNGA", date="2022-03-02", yes=141, no=5, abstain=35
    )
    add_source(store, Document(TEXT_A), extraction_a())
    add_source(store, Document(text), Extraction(votes=[older]))

    found = queries.votes_for_country(store, "rus", None)
    assert [v["date"] for v in found] == ["2022-10-12", "2022-03-02"]
    assert found[1]["country_positions"][0]["position"] == "no"

    assert [v["date"] for v in queries.find_votes(store, None, date="2022-10")] == ["2022-10-12"]
    assert [v["date"] for v in queries.find_votes(store, None, date="2022")] == ["2022-10-12", "2022-03-02"]
    assert [v["yes"] for v in queries.find_votes(store, None, resolution="A/RES/ES-11/4")] == [143]
    assert len(queries.find_votes(store, None, body="unga")) == 2
    assert queries.find_votes(store, None, date="2022%") == []  # not a wildcard


def test_find_speakers_by_prefix_of_any_name_word(store):
    add_source(store, Document(TEXT_A), extraction_a())
    add_source(store, Document(TEXT_B), extraction_b())
    assert [s["name"] for s in queries.find_speakers(store, "THOMAS", None)] == ["Linda Thomas-Greenfield"]
    assert [s["name"] for s in queries.find_speakers(store, "lin", None)] == ["Linda Thomas-Greenfield"]
    assert [s["quotes"] for s in queries.find_speakers(store, "", None)] == [3, 1]
    assert queries.find_speakers(store, "%", None) == []


def test_a_generic_document_speaker_is_not_merged_across_sources(store):
    for index, words in enumerate(["calls for restraint", "condemns the attack"]):
        text = f"Story {index}. The resolution “{words}” in its second paragraph."
        add_source(store, Document(text), Extraction(quotes=[quote(text, words, "the resolution", "document")]))
    assert store["speakers"].count == 0
    found = [q for w in ("restraint", "attack") for q in queries.search_quotes(store, w, None)]
    assert [(q["speaker"], q["speaker_kind"], q["speaker_id"]) for q in found] == [
        ("the resolution", "document", None),
        ("the resolution", "document", None),
    ]


def test_middle_initials_do_not_split_a_speaker_but_different_initials_do(store):
    names = ["Marta Q. Lindqvist", "Marta Lindqvist", "Omar R. T. Haddad", "Omar T. Haddad"]
    for index, name in enumerate(names):
        text = f'Story {index}. "Words," said {name}.'
        add_source(store, Document(text), Extraction(quotes=[quote(text, "Words,", name)]))
    assert sorted(row["name"] for row in store["speakers"].rows) == [
        "Marta Q. Lindqvist", "Omar R. T. Haddad", "Omar T. Haddad",
    ]


def test_migration_8_names_the_human_rights_council(tmp_path):
    path = tmp_path / "old.db"
    db = open_store(path)
    text = "The Human Rights Council adopted the text by 30 votes to 5."
    add_source(db, Document(text=text), Extraction(votes=[Vote(body="Human Rights Council", start=0, end=len(text))]))
    db.execute("UPDATE votes SET body = 'HRC'")
    db.execute("UPDATE vote_reports SET body = 'HRC'")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'name_the_human_rights_council'")
    db.conn.commit()
    db.close()
    db = open_store(path)
    assert db.execute("SELECT body FROM votes UNION ALL SELECT body FROM vote_reports").fetchall() == [
        ("Human Rights Council",), ("Human Rights Council",)]
    db.close()
