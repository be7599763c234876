"""The schema, as an ordered set of sqlite-utils migrations.

:func:`db.store.open_store` applies the ones a store lacks, in the order they are defined here,
each in its own transaction together with its row in ``_sqlite_migrations``. Never edit a
released migration: append a new function. ``db/SCHEMA.md`` says what every column means.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("rollcall")

# A stemming, accent-insensitive tokenizer: "sanction" finds "sanctions", "Turkiye" finds "Türkiye".
QUOTE_TOKENIZER = "porter unicode61 remove_diacritics 2"

VOTE_FIGURES_VIEW = """
SELECT vote_id, id AS report_id, source_id, 'yes' AS figure, yes AS value
  FROM vote_reports WHERE yes IS NOT NULL
UNION ALL
SELECT vote_id, id, source_id, 'no', no FROM vote_reports WHERE no IS NOT NULL
UNION ALL
SELECT vote_id, id, source_id, 'abstain', abstain FROM vote_reports WHERE abstain IS NOT NULL
UNION ALL
SELECT vote_id, id, source_id, 'absent', absent FROM vote_reports WHERE absent IS NOT NULL
UNION ALL
SELECT vote_id, id, source_id, 'adopted', adopted FROM vote_reports WHERE adopted IS NOT NULL
UNION ALL
SELECT vote_id, report_id, source_id, 'position ' || country, position FROM positions
"""

VOTE_DISAGREEMENTS_VIEW = """
SELECT vote_id, figure, value, group_concat(source_id, ',') AS source_ids
  FROM vote_figures
 WHERE (vote_id, figure) IN (
         SELECT vote_id, figure FROM vote_figures
          GROUP BY vote_id, figure HAVING count(DISTINCT value) > 1)
 GROUP BY vote_id, figure, value
"""


@migrations()
def create_initial_schema(db: Database) -> None:
    """Version 1: sources, votes and their reports, positions, speakers, quotes with FTS5."""
    db["sources"].create(
        {
            "id": int,
            "scope": str,
            "content_sha256": str,
            "title": str,
            "url": str,
            "published": str,
            "media_type": str,
            "origin": str,
            "text": str,
            "added_at": str,
            "added_by": str,
        },
        pk="id",
        not_null=["scope", "content_sha256", "text", "added_at"],
    )
    db["sources"].create_index(["scope", "content_sha256"], unique=True)

    db["votes"].create(
        {
            "id": int,
            "body": str,
            "date": str,
            "resolution": str,
            "subject": str,
            "yes": int,
            "no": int,
            "abstain": int,
            "absent": int,
            "adopted": int,
            "vetoed_by": str,
        },
        pk="id",
        not_null=["body"],
        defaults={"vetoed_by": "[]"},
    )
    db["votes"].create_index(["body", "date"])
    db["votes"].create_index(["date"])

    db["vote_reports"].create(
        {
            "id": int,
            "vote_id": int,
            "source_id": int,
            "body": str,
            "date": str,
            "date_text": str,
            "resolution": str,
            "subject": str,
            "yes": int,
            "no": int,
            "abstain": int,
            "absent": int,
            "absent_derived": int,
            "members": int,
            "adopted": int,
            "vetoed_by": str,
            "span_start": int,
            "span_end": int,
        },
        pk="id",
        foreign_keys=[("vote_id", "votes", "id"), ("source_id", "sources", "id")],
        not_null=["vote_id", "source_id", "body", "absent_derived", "span_start", "span_end"],
        defaults={"absent_derived": 0, "vetoed_by": "[]"},
    )
    db["vote_reports"].create_index(["vote_id"])
    db["vote_reports"].create_index(["source_id"])
    db["vote_reports"].create_index(["resolution"])

    db["positions"].create(
        {
            "id": int,
            "vote_id": int,
            "report_id": int,
            "source_id": int,
            "country": str,
            "position": str,
            "span_start": int,
            "span_end": int,
        },
        pk="id",
        foreign_keys=[
            ("vote_id", "votes", "id"),
            ("report_id", "vote_reports", "id"),
            ("source_id", "sources", "id"),
        ],
        not_null=["vote_id", "report_id", "source_id", "country", "position"],
    )
    db["positions"].create_index(["country", "vote_id"])
    db["positions"].create_index(["vote_id"])
    db["positions"].create_index(["report_id"])
    db["positions"].create_index(["source_id"])

    db["speakers"].create(
        {"id": int, "name": str, "name_key": str, "kind": str, "country": str},
        pk="id",
        not_null=["name", "name_key", "kind"],
    )
    db["speakers"].create_index(["name_key"], unique=True)

    db["quotes"].create(
        {
            "id": int,
            "source_id": int,
            "speaker_id": int,
            "text": str,
            "span_start": int,
            "span_end": int,
            "context_start": int,
            "context_end": int,
            "speaker_name": str,
            "speaker_role": str,
            "speaker_country": str,
            "speaker_kind": str,
            "speaker_start": int,
            "speaker_end": int,
            "cue": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id"), ("speaker_id", "speakers", "id")],
        not_null=["source_id", "text", "span_start", "span_end", "speaker_kind"],
    )
    db["quotes"].create_index(["source_id"])
    db["quotes"].create_index(["speaker_id"])
    db["quotes"].enable_fts(["text"], create_triggers=True, tokenize=QUOTE_TOKENIZER)

    db.create_view("vote_figures", VOTE_FIGURES_VIEW)
    db.create_view("vote_disagreements", VOTE_DISAGREEMENTS_VIEW)


QUOTE_TRIGRAM_TRIGGERS = """
CREATE TRIGGER quotes_trigram_ai AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_trigram (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_trigram_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_trigram (quotes_trigram, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_trigram_au AFTER UPDATE ON quotes BEGIN
  INSERT INTO quotes_trigram (quotes_trigram, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO quotes_trigram (rowid, text) VALUES (new.id, new.text);
END;
"""


@migrations()
def add_country_names_and_quote_trigrams(db: Database) -> None:
    """Version 2: country names for autocomplete; a trigram index for quotations typed from memory."""
    from db.names import name_key
    from reference.countries import country_aliases, country_name

    db["country_names"].create(
        {"iso3": str, "name": str, "name_key": str, "form": str},
        pk=("name_key", "iso3"),
        not_null=["iso3", "name", "name_key", "form"],
    )
    rows = {(name_key(surface), iso3): {"iso3": iso3, "name": surface, "form": form}
            for surface, iso3, form in country_aliases()}
    for iso3 in {iso3 for _, iso3 in rows}:
        rows.setdefault((name_key(iso3), iso3), {"iso3": iso3, "name": iso3, "form": "code"})
        rows[(name_key(country_name(iso3)), iso3)] = {"iso3": iso3, "name": country_name(iso3), "form": "name"}
    db["country_names"].insert_all(
        ({"name_key": key, **row} for (key, _), row in rows.items()), replace=True
    )
    db["country_names"].create_index(["iso3"])

    # Trigrams match partial words and survive typos; the words index above ranks whole words.
    db.execute(
        "CREATE VIRTUAL TABLE quotes_trigram USING fts5("
        "text, content='quotes', content_rowid='id', tokenize='trigram')"
    )
    db.executescript(QUOTE_TRIGRAM_TRIGGERS)
    db.execute("INSERT INTO quotes_trigram (rowid, text) SELECT id, text FROM quotes")


ROLL_CALL_TABLES = """
CREATE TABLE roll_calls (
    undl_id INTEGER PRIMARY KEY,      -- the UN Digital Library record id of the vote
    body TEXT NOT NULL,               -- UNGA or UNSC
    date TEXT,                        -- YYYY-MM-DD
    session TEXT,
    resolution TEXT,                  -- A/RES/ES-11/4, S/RES/2623(2022)
    draft TEXT,
    committee_report TEXT,
    meeting TEXT,
    title TEXT,                       -- GA "title", SC "description"
    agenda TEXT,                      -- GA "agenda_title", SC "agenda"
    subjects TEXT,
    vote_note TEXT,
    modality TEXT,
    total_yes INTEGER,
    total_no INTEGER,
    total_abstentions INTEGER,
    total_non_voting INTEGER,
    total_ms INTEGER,
    undl_link TEXT,
    dataset TEXT NOT NULL,            -- the file it was last imported from
    imported_at TEXT NOT NULL
);
CREATE INDEX roll_calls_date ON roll_calls (date);
CREATE INDEX roll_calls_body_date ON roll_calls (body, date);
CREATE INDEX roll_calls_resolution ON roll_calls (resolution);
CREATE TABLE roll_call_positions (
    undl_id INTEGER NOT NULL REFERENCES roll_calls (undl_id),
    country TEXT NOT NULL,            -- ms_code: ISO 3166-1 alpha-3, or the record's code for a former state
    country_name TEXT,                -- ms_name: the member's name at the time of the vote
    position TEXT NOT NULL,           -- yes, no, abstain, absent (ms_vote Y, N, A, X or NV)
    permanent_member INTEGER,         -- Security Council records only
    PRIMARY KEY (undl_id, country)
) WITHOUT ROWID;
CREATE INDEX roll_call_positions_country ON roll_call_positions (country, undl_id, position);
"""


@migrations()
def add_roll_calls(db: Database) -> None:
    """Version 3: official roll-call records (UN Digital Library voting data) and their link to
    the votes articles report."""
    db.executescript(ROLL_CALL_TABLES)
    db["roll_calls"].enable_fts(["resolution", "title"], create_triggers=True, tokenize=QUOTE_TOKENIZER)
    db["votes"].add_column("roll_call_id", int, fk="roll_calls", fk_col="undl_id")
    db["votes"].create_index(["roll_call_id"])


SPEAKER_SCOPES = """
CREATE TABLE speaker_scopes (
    speaker_id INTEGER NOT NULL REFERENCES speakers (id),
    scope TEXT NOT NULL,
    quotes INTEGER NOT NULL,          -- how many of the speaker's quotations sources of this scope hold
    PRIMARY KEY (speaker_id, scope)
) WITHOUT ROWID;
CREATE INDEX speaker_scopes_scope ON speaker_scopes (scope, quotes);
CREATE TRIGGER speaker_scopes_ai AFTER INSERT ON quotes WHEN new.speaker_id IS NOT NULL BEGIN
  INSERT INTO speaker_scopes (speaker_id, scope, quotes)
  VALUES (new.speaker_id, (SELECT scope FROM sources WHERE id = new.source_id), 1)
  ON CONFLICT (speaker_id, scope) DO UPDATE SET quotes = quotes + 1;
END;
CREATE TRIGGER speaker_scopes_ad AFTER DELETE ON quotes WHEN old.speaker_id IS NOT NULL BEGIN
  UPDATE speaker_scopes SET quotes = quotes - 1
   WHERE speaker_id = old.speaker_id AND scope = (SELECT scope FROM sources WHERE id = old.source_id);
  DELETE FROM speaker_scopes WHERE speaker_id = old.speaker_id AND quotes <= 0;
END;
INSERT INTO speaker_scopes (speaker_id, scope, quotes)
SELECT q.speaker_id, s.scope, count(*) FROM quotes q JOIN sources s ON s.id = q.source_id
 WHERE q.speaker_id IS NOT NULL GROUP BY q.speaker_id, s.scope;
"""


@migrations()
def add_speaker_scopes(db: Database) -> None:
    """Version 4: how many quotations each speaker has in each scope, kept by triggers, so that
    speaker autocomplete ranks by visible quotations without counting them."""
    db.executescript(SPEAKER_SCOPES)


SCOPED_VOTES_AND_SPEAKERS = """
CREATE TABLE guild_vote_links (
    vote_id INTEGER NOT NULL REFERENCES votes (id),
    scope TEXT NOT NULL,              -- guild:<id>: a server whose own reports are part of this shared vote
    roll_call_id INTEGER REFERENCES roll_calls (undl_id),  -- the record as that server sees the vote; NULL: none
    PRIMARY KEY (vote_id, scope)
) WITHOUT ROWID;
CREATE INDEX guild_vote_links_roll_call ON guild_vote_links (roll_call_id);
DROP TRIGGER speaker_scopes_ai;
DROP TRIGGER speaker_scopes_ad;
DROP INDEX idx_speakers_name_key;
CREATE UNIQUE INDEX speakers_scope_name_key ON speakers (scope, name_key);
CREATE INDEX roll_calls_resolution_key ON roll_calls (replace(upper(resolution), ' ', ''));
CREATE INDEX roll_calls_draft_key ON roll_calls (replace(upper(draft), ' ', ''));
"""
# The scope of the sources a vote's or speaker's facts came from: global when any is global,
# else the scope of the first.
OWNING_SCOPE = """
coalesce((SELECT 'global' FROM {facts} f JOIN sources s ON s.id = f.source_id
           WHERE f.{key} = {table}.id AND s.scope = 'global' LIMIT 1),
         (SELECT s.scope FROM {facts} f JOIN sources s ON s.id = f.source_id
           WHERE f.{key} = {table}.id ORDER BY f.id LIMIT 1),
         'global')
"""


@migrations()
def scope_votes_and_speakers(db: Database) -> None:
    """Version 5: a vote or speaker belongs to the scope whose sources started it, and only that
    scope's facts shape its shared columns; a server's view of a shared vote may link to a record
    of its own (``guild_vote_links``); ``speaker_scopes`` keeps how each scope names a speaker."""
    from db.ingest import refresh_speakers
    from db.links import refresh_links

    db["votes"].add_column("scope", str, not_null_default="global")
    db["speakers"].add_column("scope", str, not_null_default="global")
    db.execute("UPDATE votes SET scope = " + OWNING_SCOPE.format(facts="vote_reports", key="vote_id", table="votes"))
    db.execute("UPDATE speakers SET scope = " + OWNING_SCOPE.format(facts="quotes", key="speaker_id", table="speakers"))
    db.executescript(SCOPED_VOTES_AND_SPEAKERS)
    for column, kind in (("name", str), ("name_key", str), ("name_words", int), ("kind", str), ("country", str)):
        db["speaker_scopes"].add_column(column, kind)
    refresh_speakers(db, [row[0] for row in db.execute("SELECT id FROM speakers").fetchall()])
    refresh_links(db)


DROPPED_FACTS = """
CREATE TABLE dropped_facts (
    scope TEXT NOT NULL,              -- the server whose moderators dropped it (guild:<id>)
    content_sha256 TEXT NOT NULL,     -- the source text it was read from (sources.content_sha256)
    kind TEXT NOT NULL,               -- vote, position or quote
    span_start INTEGER NOT NULL,      -- a quotation's span; a vote's, or a position's vote's, report span
    span_end INTEGER NOT NULL,
    body TEXT NOT NULL DEFAULT '',    -- vote and position: the body the report names; '' for a quotation
    country TEXT NOT NULL DEFAULT '', -- position: the country (ISO3); '' otherwise
    dropped_by TEXT,                  -- the moderator's Discord id
    dropped_at TEXT NOT NULL,         -- UTC timestamp, ISO 8601
    PRIMARY KEY (scope, content_sha256, kind, span_start, span_end, body, country)
) WITHOUT ROWID;
"""


@migrations()
def add_dropped_facts(db: Database) -> None:
    """Version 6: the facts a server's moderators dropped, keyed by the source text and the
    fact's kind and span, so that they stay dropped when the same text is added again."""
    db.executescript(DROPPED_FACTS)


@migrations()
def link_quotes_to_votes(db: Database) -> None:
    """Version 7: each quotation's attribution rule, and the report of the vote it is about
    (``report_id``). A source with one vote report links every quotation to it; the quotations of
    sources with several are left unlinked until the source is added again."""
    db.executescript(
        """
        ALTER TABLE quotes ADD COLUMN rule TEXT;
        ALTER TABLE quotes ADD COLUMN report_id INTEGER REFERENCES vote_reports (id);
        CREATE INDEX quotes_report_id ON quotes (report_id);
        UPDATE quotes SET report_id = (SELECT min(r.id) FROM vote_reports r WHERE r.source_id = quotes.source_id)
         WHERE source_id IN (SELECT source_id FROM vote_reports GROUP BY source_id HAVING count(*) = 1);
        """
    )


@migrations()
def name_the_human_rights_council(db: Database) -> None:
    """Version 8: the Human Rights Council is stored by its name, as Main Committees are, not as
    ``HRC``, so that its votes from sources read before and after match."""
    for table in ("votes", "vote_reports", "dropped_facts"):
        db.execute(f"UPDATE {table} SET body = 'Human Rights Council' WHERE body = 'HRC'")
