"""Reading the store for the bot: small indexed queries returning plain dicts.

Every function takes the caller's Discord ``guild_id`` (or None outside a server) and sees
only global sources plus that server's own; a vote or speaker is visible when at least one
visible source supports it, and is described from the visible sources alone.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Mapping

from rapidfuzz import fuzz, utils
from sqlite_utils import Database

from db.agreement import OFFICIAL_TOTALS
from db.links import contradicted_records
from db.names import like_escape, name_key, resolution_key
from db.records import get_roll_call, roll_call_summary
from db.reports import decode_report, merge_reports
from db.scopes import guild_scope, scope_params, visible_scopes
from db.vote_terms import Body, Date, Reading, Tally, Veto, VoteText, folded, parse_terms, ranked, stem
from reference.countries import UN_OBSERVER_STATES, country_name, un_member
from reference.vocabulary import BODY_NAMES
from reference.vocabulary import POSITIONS as TALLY_FIGURES

# The most words of a user's search that reach the word index, the most characters of it that
# are matched at all, and how many candidates each index offers for fuzzy re-ranking.
MAX_SEARCH_WORDS = 32
MAX_FRAGMENT = 300
SEARCH_CANDIDATES = 100
# How many of the newest visible votes that may match a description are ranked.
VOTE_CANDIDATES = 200
# A mistyped speaker's name is compared with the names that have a word beginning with the
# SPELLING_PREFIX letters a typed word begins with.
SPELLING_PREFIX = 2
# Words of at least this length are looked up inside quotations (trigram index), at most this many;
# for a lone common word, at most RARE_WORD_MATCHES of its quotations are scored.
MIN_TRIGRAM_WORD = 3
MAX_TRIGRAM_WORDS = 6
RARE_WORD_MATCHES = 400

# How a speaker is shown to a caller: as the caller's visible sources name it (the fullest form
# of the global and the caller's own scope; the global one on a tie), never as another server's do.
SPEAKER_SCOPES_SEEN = "FROM speaker_scopes x WHERE x.speaker_id = {speaker} AND x.scope IN (:global, :own)"
VISIBLE_SPEAKER_NAME = (
    "(SELECT x.name " + SPEAKER_SCOPES_SEEN + " ORDER BY x.name_words DESC, x.scope = 'global' DESC LIMIT 1)"
)

QUOTE_SELECT = f"""
SELECT q.id, q.text, q.speaker_id,
       coalesce({VISIBLE_SPEAKER_NAME.format(speaker="q.speaker_id")}, q.speaker_name) AS speaker,
       q.speaker_name, q.speaker_role, q.speaker_country, q.speaker_kind, q.cue, q.span_start, q.span_end,
       q.context_start, q.context_end,
       CASE WHEN q.context_start IS NOT NULL
            THEN substr(s.text, q.context_start + 1, q.context_end - q.context_start) END AS context,
       q.source_id, s.title AS source_title, s.url AS source_url, s.published AS source_published
  FROM quotes q
  JOIN sources s ON s.id = q.source_id
"""

# In the queries below, ``+s.scope`` keeps SQLite from driving a join by the scope index (two
# values for thousands of sources) when a vote, quotation or speaker id is far more selective.
REPORT_SELECT = """
SELECT r.*, s.title AS source_title, s.url AS source_url, s.published AS source_published
  FROM vote_reports r JOIN sources s ON s.id = r.source_id
"""


def list_sources(db: Database, guild_id: int | str | None) -> list[dict]:
    """The sources the caller sees, newest first, with how many quotes and votes each gave."""
    return list(
        db.query(
            """
            SELECT s.id, s.scope, s.title, s.url, s.published, s.media_type, s.origin,
                   s.added_at, s.added_by,
                   (SELECT count(*) FROM quotes q WHERE q.source_id = s.id) AS quotes,
                   (SELECT count(*) FROM vote_reports r WHERE r.source_id = s.id) AS votes
              FROM sources s
             WHERE s.scope IN (?, ?)
             ORDER BY s.published DESC, s.id DESC
            """,
            visible_scopes(guild_id),
        )
    )


def get_source(db: Database, source_id: int, guild_id: int | str | None) -> dict | None:
    """One visible source with its full cleaned text (every span indexes it)."""
    rows = db.query(
        "SELECT * FROM sources WHERE id = ? AND scope IN (?, ?)", [source_id, *visible_scopes(guild_id)]
    )
    return next(rows, None)


def get_vote(db: Database, vote_id: int, guild_id: int | str | None) -> dict | None:
    """A vote as the visible sources report it: summary, each source's report, positions, disagreements."""
    reports = _visible_reports(db, [vote_id], guild_id)
    if not reports:
        return None
    (body,) = db.execute("SELECT body FROM votes WHERE id = ?", [vote_id]).fetchone()
    positions = list(
        db.query(
            """
            SELECT p.country, p.position, p.source_id, p.report_id, p.span_start, p.span_end
              FROM positions p JOIN sources s ON s.id = p.source_id
             WHERE p.vote_id = ? AND +s.scope IN (?, ?)
             ORDER BY p.country, p.source_id
            """,
            [vote_id, *visible_scopes(guild_id)],
        )
    )
    vote = {
        "id": vote_id,
        "body": body,
        **merge_reports(reports),
        "reports": reports,
        "positions": positions,
        "disagreements": vote_disagreements(db, vote_id, guild_id),
    }
    return _with_official_record(db, vote, vote_links(db, [vote_id], guild_id)[vote_id])


def vote_links(db: Database, vote_ids: list[int], guild_id: int | str | None) -> dict[int, int | None]:
    """The official record each vote is linked to as the caller sees it: the server's own view of
    a shared vote its sources reported too, else the vote's own link."""
    links = dict(db.execute("SELECT id, roll_call_id FROM votes WHERE id IN (SELECT value FROM json_each(?))",
                            [json.dumps(vote_ids)]).fetchall())
    if guild_id is not None:
        links |= dict(db.execute(
            "SELECT vote_id, roll_call_id FROM guild_vote_links"
            " WHERE scope = ? AND vote_id IN (SELECT value FROM json_each(?))",
            [guild_scope(guild_id), json.dumps(vote_ids)],
        ).fetchall())
    return links


def reported_vote_of(db: Database, undl_id: int, guild_id: int | str | None) -> int | None:
    """The id of a vote the caller's sources report that is linked to this official record."""
    candidates = db.execute(
        "SELECT id FROM votes WHERE roll_call_id = :record"
        " UNION SELECT vote_id FROM guild_vote_links WHERE roll_call_id = :record AND scope = :own ORDER BY 1",
        {"record": undl_id, "own": visible_scopes(guild_id)[1]},
    ).fetchall()
    vote_ids = [row[0] for row in candidates]
    links = vote_links(db, vote_ids, guild_id)
    return next((vote_id for vote_id in vote_ids
                 if links[vote_id] == undl_id and _visible_reports(db, [vote_id], guild_id)), None)


def roll_call_vote(db: Database, undl_id: int) -> dict | None:
    """An official record no source reports, in the shape of :func:`get_vote` (no reports)."""
    vote = _with_official_record(db, {"reports": [], "positions": [], "disagreements": []}, undl_id)
    return None if vote["roll_call"] is None else vote | roll_call_summary(vote["roll_call"])






def _with_official_record(db: Database, vote: dict, undl_id: int | None) -> dict:
    """``vote`` with its official record (``roll_call``), its totals (``official_tally``), every
    member's official position (``official_positions``, ISO3 -> position) and where the reports
    differ from the record (``record_disagreements``), and the records a source's symbol names
    that the vote's date and tallies show to be other votes (``symbol_conflicts``): such a symbol
    is not shown as the vote's."""
    record = None if undl_id is None else get_roll_call(db, undl_id)
    vote["roll_call"] = record
    _set_symbol_conflicts(db, vote, record, undl_id)
    vote["official_tally"] = record and {figure: record[column] for figure, column in OFFICIAL_TOTALS.items()}
    vote["official_positions"] = {row["country"]: row["position"] for row in record["positions"]} if record else {}
    vote["record_disagreements"] = _record_disagreements(vote, record) if record else []
    return vote


def _set_symbol_conflicts(db: Database, vote: dict, record: dict | None, undl_id: int | None) -> None:
    """The records a source's symbol names that the vote's date and tallies show to be other votes
    (``symbol_conflicts``); the vote's shown symbol becomes its record's, else a trusted one."""
    symbols = [report["resolution"] for report in vote["reports"] if report["resolution"]]
    vote["symbol_conflicts"] = [
        conflict for conflict in contradicted_records(db, vote, symbols) if conflict["undl_id"] != undl_id
    ]
    contradicted = {conflict["symbol"] for conflict in vote["symbol_conflicts"]}
    if vote.get("resolution") in contradicted:
        trusted = [symbol for symbol in symbols if symbol not in contradicted]
        vote["resolution"] = record and (record["resolution"] or record["draft"]) or next(iter(trusted), None)


def _record_disagreements(vote: dict, record: dict) -> list[dict]:
    """Where the reports of a vote differ from its official record: totals, then positions."""
    disagreements = []
    for figure, column in OFFICIAL_TOTALS.items():
        reported = {r[figure] for r in vote["reports"]
                    if r[figure] is not None and not (figure == "absent" and r["absent_derived"])}
        disagreements += [{"figure": figure, "reported": value, "official": record[column]}
                          for value in sorted(reported - {record[column]})]
    official = vote["official_positions"]
    differing = {
        (position["country"], position["position"], official[position["country"]])
        for position in vote["positions"]
        if official.get(position["country"], position["position"]) != position["position"]
    }
    return disagreements + [
        {"figure": f"position {country}", "reported": reported, "official": official_position}
        for country, reported, official_position in sorted(differing)
    ]


def vote_disagreements(db: Database, vote_id: int, guild_id: int | str | None) -> list[dict]:
    """Figures (tallies, adopted, each country's position) on which visible sources differ.

    Each item: ``{"figure": "yes", "values": [{"value": 143, "source_ids": [1]}, ...]}``.
    """
    rows = db.execute(
        """
        SELECT f.figure, f.value, f.source_id
          FROM vote_figures f JOIN sources s ON s.id = f.source_id
         WHERE f.vote_id = ? AND +s.scope IN (?, ?)
         ORDER BY f.figure, f.value, f.source_id
        """,
        [vote_id, *visible_scopes(guild_id)],
    ).fetchall()
    by_figure: dict[str, dict] = {}
    for figure, value, source_id in rows:
        by_figure.setdefault(figure, {}).setdefault(value, []).append(source_id)
    return [
        {"figure": figure, "values": [{"value": v, "source_ids": ids} for v, ids in values.items()]}
        for figure, values in by_figure.items()
        if len(values) > 1
    ]


def votes_for_country(db: Database, iso3: str, guild_id: int | str | None, limit: int | None = None) -> list[dict]:
    """Votes where the caller's sources name a position for ``iso3``, newest first (the ``limit``
    newest when given).

    Each summary carries ``country_positions``: that country's position as each source gives it.
    """
    rows = db.query(
        """
        SELECT p.vote_id, p.position, p.source_id, p.span_start, p.span_end
          FROM positions p JOIN sources s ON s.id = p.source_id
         WHERE p.country = ? AND +s.scope IN (?, ?)
         ORDER BY p.vote_id, p.source_id
        """,
        [iso3.upper(), *visible_scopes(guild_id)],
    )
    positions_by_vote: dict[int, list[dict]] = {}
    for row in rows:
        positions_by_vote.setdefault(row.pop("vote_id"), []).append(row)
    summaries = _vote_summaries(db, list(positions_by_vote), guild_id)[:limit]
    for summary in summaries:
        summary["country_positions"] = positions_by_vote[summary["id"]]
    return summaries


def find_votes(
    db: Database,
    guild_id: int | str | None,
    *,
    body: str | None = None,
    date: str | None = None,
    resolution: str | None = None,
    limit: int = 25,
) -> list[dict]:
    """Visible votes by body (case-insensitive), date (``YYYY``, ``YYYY-MM`` or a day) and symbol.

    A report dated only by month matches a day in that month. Newest first.
    """
    rows = db.execute(
        """
        SELECT DISTINCT r.vote_id
          FROM vote_reports r JOIN sources s ON s.id = r.source_id
         WHERE s.scope IN (:global, :own)
           AND (:body IS NULL OR r.body = :body COLLATE NOCASE)
           AND (:date IS NULL OR r.date LIKE :date_prefix || '%' ESCAPE '\\' OR :date LIKE r.date || '%')
           AND (:resolution IS NULL OR r.resolution = :resolution)
        """,
        {**scope_params(guild_id), "body": body, "date": date, "date_prefix": date and like_escape(date),
         "resolution": resolution_key(resolution)},
    ).fetchall()
    return _vote_summaries(db, [row[0] for row in rows], guild_id)[:limit]


def search_quotes(db: Database, user_text: str, guild_id: int | str | None, limit: int = 10) -> list[dict]:
    """Visible quotations best matching a fragment typed from memory, best first, with a ``score``.

    Candidates come from the trigram index, where a word matches anywhere inside a quotation (see
    :func:`_candidates`), or for a fragment of short words only from the stemmed word index; they
    are re-ranked by fuzzy similarity to the fragment (rapidfuzz, 0–100). User text only reaches
    FTS5 as quoted strings: AND, OR, NOT, NEAR, ``*`` are plain characters.
    """
    scopes = visible_scopes(guild_id)
    query = utils.default_process(user_text[:MAX_FRAGMENT])
    scored = sorted(
        ((-_similarity(query, utils.default_process(text)), quote_id) for quote_id, text in _candidates(db, user_text, scopes)),
    )[:limit]
    rows = {
        row["id"]: row
        for row in db.query(QUOTE_SELECT + " WHERE q.id IN (SELECT value FROM json_each(:ids))",
                            {**scope_params(guild_id), "ids": json.dumps([quote_id for _, quote_id in scored])})
    }
    return [rows[quote_id] | {"score": round(-negative, 1)} for negative, quote_id in scored]


def _candidates(db: Database, user_text: str, scopes: tuple[str, str]) -> list[tuple[int, str]]:
    """(id, text) of the visible quotations worth scoring, found cheaply.

    With the fragment's words of three letters or more: the quotations holding all of them;
    failing that (a misspelt word matches nothing), all of those that match something; failing
    that, the quotations holding the rarest of them (a few hundred at most). A fragment of shorter
    words only falls back to a ranked search of the word index.
    """
    words = sorted(
        {w.lower() for w in re.findall(r"\w+", user_text[:MAX_FRAGMENT]) if len(w) >= MIN_TRIGRAM_WORD},
        key=len, reverse=True,
    )[:MAX_TRIGRAM_WORDS]
    phrases = [f'"{word}"' for word in words]
    if phrases and (found := _trigram_matches(db, " AND ".join(phrases), scopes)):
        return found
    counts = {phrase: _match_count(db, phrase, scopes) for phrase in phrases}
    present = sorted((p for p in phrases if counts[p]), key=counts.get)
    if len(present) > 1 and len(present) < len(phrases) and (found := _trigram_matches(db, " AND ".join(present), scopes)):
        return found
    if present:  # the rarest word that matches: all its quotations, or its first few hundred
        return _trigram_matches(db, present[0], scopes, RARE_WORD_MATCHES)
    short_words = [f'"{word}"' for word in re.findall(r"\w+", user_text)[:MAX_SEARCH_WORDS]]
    return _ranked_matches(db, " OR ".join(short_words), scopes) if short_words else []


def _trigram_matches(db: Database, match: str, scopes: tuple[str, str], limit: int = SEARCH_CANDIDATES) -> list[tuple[int, str]]:
    """(id, text) of up to ``limit`` visible quotations matching a trigram-index query, unranked."""
    return db.execute(
        "SELECT q.id, q.text FROM quotes_trigram t JOIN quotes q ON q.id = t.rowid"
        " JOIN sources s ON s.id = q.source_id WHERE quotes_trigram MATCH ? AND +s.scope IN (?, ?) LIMIT ?",
        [match, *scopes, limit],
    ).fetchall()


def _ranked_matches(db: Database, match: str, scopes: tuple[str, str]) -> list[tuple[int, str]]:
    """(id, text) of the best visible matches of a word-index query by bm25 (it reads every match)."""
    return db.execute(
        "SELECT q.id, q.text FROM quotes_fts t JOIN quotes q ON q.id = t.rowid JOIN sources s ON s.id = q.source_id"
        " WHERE quotes_fts MATCH ? AND +s.scope IN (?, ?) ORDER BY bm25(quotes_fts) LIMIT ?",
        [match, *scopes, SEARCH_CANDIDATES],
    ).fetchall()


def _match_count(db: Database, phrase: str, scopes: tuple[str, str]) -> int:
    """How many visible quotations hold a word, counted no further than RARE_WORD_MATCHES."""
    return db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM quotes_trigram t JOIN quotes q ON q.id = t.rowid"
        " JOIN sources s ON s.id = q.source_id WHERE quotes_trigram MATCH ? AND +s.scope IN (?, ?) LIMIT ?)",
        [phrase, *scopes, RARE_WORD_MATCHES],
    ).fetchone()[0]


def _similarity(fragment: str, quote: str) -> float:
    """How well a fragment matches a quotation, 0–100: the best-aligned part of a longer quote,
    or the whole of a quote shorter than the fragment (so "fake" does not match a long fragment)."""
    if len(quote) >= len(fragment):
        return fuzz.partial_ratio(fragment, quote)
    return fuzz.ratio(fragment, quote)


def quotes_by_speaker(
    db: Database, speaker_id: int, guild_id: int | str | None, limit: int = 25
) -> list[dict]:
    """A speaker's visible quotations, newest source first, in text order within a source."""
    return list(
        db.query(
            QUOTE_SELECT
            + """
             WHERE q.speaker_id = :speaker AND +s.scope IN (:global, :own)
             ORDER BY s.published DESC, s.id DESC, q.span_start
             LIMIT :limit
            """,
            {**scope_params(guild_id), "speaker": speaker_id, "limit": limit},
        )
    )


# A speaker as the caller sees it, from the speaker ids in ``ids``.
SPEAKER_SELECT = f"""
SELECT ids.id, ids.quotes,
       {VISIBLE_SPEAKER_NAME.format(speaker="ids.id")} AS name,
       coalesce((SELECT x.kind {SPEAKER_SCOPES_SEEN.format(speaker="ids.id")} AND x.kind != 'unknown'
                  ORDER BY x.scope = 'global' DESC LIMIT 1), 'unknown') AS kind,
       (SELECT x.country {SPEAKER_SCOPES_SEEN.format(speaker="ids.id")} AND x.country IS NOT NULL
         ORDER BY x.scope = 'global' DESC LIMIT 1) AS country
  FROM ({{ids}}) ids
"""
# The speakers with visible quotations and how many: one row per speaker, with a name to sort by.
VISIBLE_SPEAKERS = """
SELECT ss.speaker_id AS id, sum(ss.quotes) AS quotes, min(ss.name) AS any_name
  FROM speaker_scopes ss WHERE ss.scope IN (:global, :own)
"""


def get_speaker(db: Database, speaker_id: int, guild_id: int | str | None) -> dict | None:
    """One speaker with visible quotations (``id``, ``name``, ``kind``, ``country``, ``quotes``)."""
    ids = VISIBLE_SPEAKERS + " AND ss.speaker_id = :id GROUP BY ss.speaker_id"
    return next(db.query(SPEAKER_SELECT.format(ids=ids), {**scope_params(guild_id), "id": speaker_id}), None)


def find_speakers(db: Database, prefix: str, guild_id: int | str | None, limit: int = 25) -> list[dict]:
    """Speakers with visible quotations whose name as the caller's sources give it, or a word of
    it, starts with ``prefix``.

    Accents and case are ignored; the most quoted (in the visible sources) come first.
    """
    ids = VISIBLE_SPEAKERS + r"""
         GROUP BY ss.speaker_id
        HAVING max(ss.name_key LIKE :key || '%' ESCAPE '\' OR ss.name_key LIKE '% ' || :key || '%' ESCAPE '\')
         ORDER BY quotes DESC, any_name
         LIMIT :limit
        """
    return list(
        db.query(
            SPEAKER_SELECT.format(ids=ids) + " ORDER BY ids.quotes DESC, name",
            {**scope_params(guild_id), "key": like_escape(name_key(prefix)), "limit": limit},
        )
    )


def similar_speakers(
    db: Database, text: str, guild_id: int | str | None, min_similarity: float, limit: int = 25
) -> list[dict]:
    """Speakers with visible quotations whose name, as the caller's sources give it, is spelt like
    ``text`` (another transliteration, a typo: "Zelensky" for "Zelenskiy"), the likeliest first
    (then the most quoted), each with its ``similarity`` (0–100, at least ``min_similarity``).

    Only the names with a word beginning as a typed word does (its first SPELLING_PREFIX letters)
    are compared.
    """
    typed = name_key(text[:MAX_FRAGMENT])
    params = scope_params(guild_id)
    starts = [_param(params, like_escape(start))
              for start in sorted({word[:SPELLING_PREFIX] for word in typed.split() if len(word) > SPELLING_PREFIX})]
    if not starts:
        return []
    beginning = " OR ".join(
        rf"ss.name_key LIKE {start} || '%' ESCAPE '\' OR ss.name_key LIKE '% ' || {start} || '%' ESCAPE '\'"
        for start in starts
    )
    similarity: dict[int, float] = {}
    quotes: Counter[int] = Counter()
    for speaker_id, key, count in db.execute(
        "SELECT ss.speaker_id, ss.name_key, ss.quotes FROM speaker_scopes ss"
        f" WHERE ss.scope IN (:global, :own) AND ({beginning})",
        params,
    ):
        quotes[speaker_id] += count
        if (score := _name_similarity(typed, key)) >= max(min_similarity, similarity.get(speaker_id, 0)):
            similarity[speaker_id] = score
    best = sorted(similarity, key=lambda speaker_id: (-similarity[speaker_id], -quotes[speaker_id]))[:limit]
    ids = VISIBLE_SPEAKERS + " AND ss.speaker_id IN (SELECT value FROM json_each(:ids)) GROUP BY ss.speaker_id"
    speakers = db.query(SPEAKER_SELECT.format(ids=ids), {**params, "ids": json.dumps(best)})
    ordered = sorted(speakers, key=lambda speaker: (-similarity[speaker["id"]], -speaker["quotes"], speaker["name"]))
    return [speaker | {"similarity": round(similarity[speaker["id"]], 1)} for speaker in ordered]


def _name_similarity(typed: str, name: str) -> float:
    """How alike a typed name and a speaker's are (0–100): the whole names, in any word order, or
    the typed word and one word of the name (a surname)."""
    whole = fuzz.token_sort_ratio(typed, name, processor=utils.default_process)
    return max(whole, *(fuzz.ratio(typed, word) for word in utils.default_process(name).split()))


def _visible_reports(db: Database, vote_ids: list[int], guild_id: int | str | None) -> list[dict]:
    """The visible reports of these votes, decoded, in the order they were stored."""
    rows = db.query(
        REPORT_SELECT
        + " WHERE r.vote_id IN (SELECT value FROM json_each(?)) AND +s.scope IN (?, ?) ORDER BY r.id",
        [json.dumps(vote_ids), *visible_scopes(guild_id)],
    )
    return [decode_report(row) for row in rows]


def _vote_summaries(db: Database, vote_ids: list[int], guild_id: int | str | None) -> list[dict]:
    """Each visible vote merged from its visible reports, newest first (undated last)."""
    summaries = _summaries(db, _reports_by_vote(db, vote_ids, guild_id), guild_id)
    summaries.sort(key=lambda vote: (vote["date"] or "", vote["id"]), reverse=True)
    return summaries


def _reports_by_vote(db: Database, vote_ids: list[int], guild_id: int | str | None) -> dict[int, list[dict]]:
    """The visible reports of these votes, by vote (votes no visible report gives left out)."""
    reports_by_vote: dict[int, list[dict]] = {}
    for report in _visible_reports(db, vote_ids, guild_id):
        reports_by_vote.setdefault(report["vote_id"], []).append(report)
    return reports_by_vote


def _summaries(db: Database, reports_by_vote: Mapping[int, list[dict]], guild_id: int | str | None) -> list[dict]:
    """Each vote merged from its visible reports, in the order given."""
    bodies = dict(db.execute(
        "SELECT id, body FROM votes WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(list(reports_by_vote))]
    ).fetchall())
    links = vote_links(db, list(reports_by_vote), guild_id)
    return [
        {
            "id": vote_id,
            "body": bodies[vote_id],
            "roll_call_id": links[vote_id],
            **merge_reports(reports),
            "source_ids": sorted({report["source_id"] for report in reports}),
        }
        for vote_id, reports in reports_by_vote.items()
    ]


def match_countries(db: Database, text: str, limit: int = 25) -> list[str]:
    """ISO3 codes of countries with a name, alias, demonym, capital, seat or code that starts with
    ``text`` or has a word that does ("north k", "DPRK", "russian"), best first: a name typed
    whole; then names and codes before demonyms, capitals and seats; within each, UN members, then
    former members (those the official records list) and observer states, then the rest; then the
    common name before another, a start before a later word; then by name."""
    key = name_key(text)
    rows = db.execute(
        r"""
        SELECT iso3, name_key, form FROM country_names
         WHERE name_key LIKE :key || '%' ESCAPE '\' OR name_key LIKE '% ' || :key || '%' ESCAPE '\'
        """,
        {"key": like_escape(key)},
    ).fetchall()
    membership = _membership_ranks(db, {iso3 for iso3, _, _ in rows})
    ranks: dict[str, tuple] = {}
    for iso3, name, form in rows:
        rank = (name != key, form not in ("name", "code"), membership[iso3], name != _common_name_key(iso3),
                not name.startswith(key))
        ranks[iso3] = min(rank, ranks.get(iso3, rank))
    return sorted(ranks, key=lambda iso3: (ranks[iso3], country_name(iso3)))[:limit]


def _membership_ranks(db: Database, codes: set[str]) -> dict[str, int]:
    """For each code: 0 for a UN member state; 1 for a former member (one the official records
    list) or an observer state; 2 for any other."""
    members = {code for code in codes if un_member(code)}
    others = json.dumps(sorted(codes - members - UN_OBSERVER_STATES))
    recorded = {row[0] for row in db.execute(
        "SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM roll_call_positions WHERE country = value)",
        [others],
    )}
    former_or_observer = recorded | UN_OBSERVER_STATES
    return {code: 0 if code in members else 1 if code in former_or_observer else 2 for code in codes}


@functools.cache
def _common_name_key(iso3: str) -> str:
    """The matching key of the name a country is shown by."""
    return name_key(country_name(iso3))


def countries_with_positions(db: Database, guild_id: int | str | None, limit: int = 25) -> list[str]:
    """ISO3 codes of the countries whose votes the caller's sources name, most named first."""
    rows = db.execute(
        """
        SELECT p.country FROM positions p JOIN sources s ON s.id = p.source_id
         WHERE s.scope IN (?, ?)
         GROUP BY p.country ORDER BY count(*) DESC, p.country LIMIT ?
        """,
        [*visible_scopes(guild_id), limit],
    ).fetchall()
    return [row[0] for row in rows]


def match_votes(db: Database, text: str, guild_id: int | str | None, limit: int = 25) -> list[dict]:
    """Visible votes matching what is typed, the best match first, then the newest
    (:mod:`db.vote_terms`: words of the body, symbol or subject, or of the reporting sources'
    titles; a date or part of one; a tally; a veto; the body). Nothing typed: the newest.

    Only the caller's visible reports are searched, so that no server learns what another's
    sources say; the VOTE_CANDIDATES newest votes that may match are ranked.
    """
    terms = parse_terms(text[:MAX_FRAGMENT])
    params = {**scope_params(guild_id), "candidates": VOTE_CANDIDATES if terms else limit}
    # A visible report at all, then one fitting a reading of each term.
    conditions = ["1", *(" OR ".join(_reading_condition(reading, params) for reading in term.readings)
                         for term in terms)]
    rows = db.execute(
        "SELECT v.id FROM votes v WHERE "
        + " AND ".join(
            "EXISTS (SELECT 1 FROM vote_reports r JOIN sources s ON s.id = r.source_id"
            f" WHERE r.vote_id = v.id AND +s.scope IN (:global, :own) AND ({condition}))"
            for condition in conditions
        )
        + " ORDER BY v.date DESC, v.id DESC LIMIT :candidates",
        params,
    ).fetchall()
    reports_by_vote = _reports_by_vote(db, [row[0] for row in rows], guild_id)
    best = ranked(((vote_id, _reported_text(vote_id, reports)) for vote_id, reports in reports_by_vote.items()), terms)
    return _summaries(db, {vote_id: reports_by_vote[vote_id] for vote_id in best[:limit]}, guild_id)


def _reading_condition(reading: Reading, params: dict) -> str:
    """SQL for a visible report ``r`` (of source ``s``) that may fit one reading of a term; the
    words are looked for as parts of words, and :func:`db.vote_terms.ranked` decides."""
    if isinstance(reading, Body):
        return f"r.body = {_param(params, reading.code)}"
    if isinstance(reading, Tally):
        return f"{_param(params, reading.count)} IN (r.yes, r.no, r.abstain, r.absent)"
    if isinstance(reading, Veto):
        return "coalesce(r.vetoed_by, '[]') != '[]'"
    if isinstance(reading, Date):
        parts = [f"substr(r.date, {start}, {length}) = {_param(params, value)}"
                 for start, length, value in ((1, 4, reading.year), (6, 2, reading.month)) if value]
        if reading.day:
            parts.append(f"(substr(r.date, 9, 2) = {_param(params, reading.day)} OR length(r.date) = 7)")
        return " AND ".join(parts)
    return " AND ".join(_word_condition(token, params) for token in reading.tokens)


def _word_condition(token: str, params: dict) -> str:
    """SQL for a report ``r`` (of source ``s``) with a word beginning with the token's stem."""
    root = stem(token)
    part = _param(params, "%" + like_escape(root) + "%")
    named = _param(params, json.dumps([code for code in BODY_NAMES if root in folded(BODY_NAMES[code])]))
    return (f"(r.subject LIKE {part} ESCAPE '\\' OR r.resolution LIKE {part} ESCAPE '\\'"
            f" OR s.title LIKE {part} ESCAPE '\\' OR r.body LIKE {part} ESCAPE '\\'"
            f" OR r.body IN (SELECT value FROM json_each({named})))")


def _param(params: dict, value: object) -> str:
    """A new named parameter holding ``value``, as SQL names it."""
    name = f"p{len(params)}"
    params[name] = value
    return f":{name}"


def _reported_text(vote_id: int, reports: list[dict]) -> VoteText:
    """What a vote can be found by in its visible reports."""
    return VoteText(
        newest=(max(report["date"] or "" for report in reports), vote_id),
        bodies={report["body"] for report in reports},
        dates=[report["date"] for report in reports if report["date"]],
        tallies={report[figure] for report in reports for figure in TALLY_FIGURES if report[figure] is not None},
        vetoed=any(report["vetoed_by"] for report in reports),
        own_texts=[text for report in reports for text in (report["resolution"], report["subject"])],
        cited_texts=[report["source_title"] for report in reports],
    )


def quotes_on_vote(
    db: Database, vote_id: int, guild_id: int | str | None, country: str | None = None, limit: int = 10
) -> list[dict]:
    """Visible quotations about a vote (linked to one of its reports), optionally by one country's
    speakers."""
    return list(
        db.query(
            QUOTE_SELECT
            + """
             WHERE q.report_id IN (SELECT id FROM vote_reports WHERE vote_id = :vote)
               AND +s.scope IN (:global, :own)
               AND (:country IS NULL OR q.speaker_country = :country)
             ORDER BY q.source_id, q.span_start
             LIMIT :limit
            """,
            {**scope_params(guild_id), "vote": vote_id, "country": country, "limit": limit},
        )
    )
