"""/compare and /record: questions the official roll-call records answer, for any member state.

Official records belong to no server: every server sees the same ones, so the answers take
``guild_id`` only to match the other answers' signature.
"""

from __future__ import annotations

from functools import partial

from sqlite_utils import Database

from answers.dates import BadOption, typed_period
from answers.options import resolve_country, typed_body, unknown_country
from answers.reply import Picture, Reply, refusal
from db import comparisons, records
from replies.record_embeds import compare_embed, record_embed

NO_RECORDS = "This bot holds no official voting records yet, so it cannot answer this from them."


def answer_compare(
    db: Database, guild_id: int | None, country_a: str, country_b: str, since: str | None = None
) -> Reply:
    """The /compare answer: how often two countries voted alike, over time, and where they differed."""
    if not records.has_roll_calls(db):
        return refusal(NO_RECORDS)
    codes = [resolve_country(db, text) for text in (country_a, country_b)]
    for text, code in zip((country_a, country_b), codes):
        if code is None:
            return unknown_country(text)
    if codes[0] == codes[1]:
        return refusal("Pick two different countries to compare.")
    try:
        start = typed_period(since)
    except BadOption as error:
        return refusal(str(error))
    comparison = comparisons.compare_countries(db, *codes, since=start)
    return Reply([compare_embed(comparison)], picture=Picture("agreement.png", partial(draw_agreement, comparison)))


def draw_agreement(comparison: dict) -> bytes | None:
    """The comparison's chart over time; its library loads only when one is drawn."""
    from replies.pictures import agreement_picture

    return agreement_picture(comparison)


def answer_record(
    db: Database, guild_id: int | None, country: str, since: str | None = None, until: str | None = None,
    body: str | None = None,
) -> Reply:
    """The /record answer: a country's votes by position, against the majority, and notable ones,
    in a period (``since``, ``until``) and of one body, when given."""
    if not records.has_roll_calls(db):
        return refusal(NO_RECORDS)
    iso3 = resolve_country(db, country)
    if iso3 is None:
        return unknown_country(country)
    try:
        start, end, recorded_by = typed_period(since), typed_period(until), typed_body(body)
    except BadOption as error:
        return refusal(str(error))
    return Reply([record_embed(comparisons.country_record(db, iso3, since=start, until=end, body=recorded_by))])
