"""/whosaid and /quotes: who said a quotation typed from memory, and a speaker's quotations."""

from __future__ import annotations

from sqlite_utils import Database

from answers.options import MAX_GUESSES, TYPO_SIMILARITY, clear_guess, stored_id
from answers.reply import Reply, Suggestion, refusal
from db import queries
from reference.countries import country_name
from replies import embeds

# Fuzzy similarity (0–100) from which a quotation counts as the one the user meant.
GOOD_MATCH = 75
CANDIDATES = 6
MAX_SPEAKER_QUOTES = 200
MAX_QUERY = 6000


def answer_whosaid(db: Database, guild_id: int | None, quote: str) -> Reply:
    """The /whosaid answer: the best-matching quotation and its speaker, with the next best below."""
    fragment = " ".join((quote or "").split())
    if len(fragment) < 2:
        return refusal("Type a few words of the quotation, as you remember them.")
    matches = [m for m in queries.search_quotes(db, fragment[:MAX_QUERY], guild_id, CANDIDATES) if m["score"] >= GOOD_MATCH]
    if not matches:
        return Reply([embeds.no_match_embed(fragment)], ephemeral=True)
    return Reply([embeds.whosaid_embed(matches[0], matches[1:], fragment)])


def answer_quotes(db: Database, guild_id: int | None, speaker: str) -> Reply:
    """The /quotes answer: a speaker's quotations, paginated."""
    found = resolve_speaker(db, guild_id, speaker)
    if found is None:
        guesses = queries.similar_speakers(db, speaker or "", guild_id, TYPO_SIMILARITY, limit=MAX_GUESSES)
        hint = embeds.did_you_mean([guess["name"] for guess in guesses]) if guesses else "Pick one from the list."
        return refusal(f"No speaker in this server's sources matches “{embeds.safe(speaker)}”. {hint}")
    quotes = without_repeats(queries.quotes_by_speaker(db, found["id"], guild_id, MAX_SPEAKER_QUOTES))
    return Reply(embeds.speaker_quotes_pages(found, quotes))


def resolve_speaker(db: Database, guild_id: int | None, text: str) -> dict | None:
    """The speaker picked (their id) or typed: the start of any word of their name, or their name
    spelt another way when one speaker clearly is meant ("Zelensky" for "Zelenskiy")."""
    text = (text or "").strip()
    if (speaker_id := stored_id(text)) and (speaker := queries.get_speaker(db, speaker_id, guild_id)):
        return speaker
    if not text:
        return None
    if found := queries.find_speakers(db, text, guild_id, limit=1):
        return found[0]
    guesses = queries.similar_speakers(db, text, guild_id, TYPO_SIMILARITY, limit=2)
    return clear_guess([(guess, guess["similarity"]) for guess in guesses])


def speaker_suggestions(db: Database, guild_id: int | None, typed: str) -> list[Suggestion]:
    """Speakers for autocomplete, by the start of a word of their name, or, when none begins so,
    spelt alike: ``Linda Thomas-Greenfield (United States) · 3 quotations``."""
    speakers = queries.find_speakers(db, typed, guild_id)
    if not speakers and typed.strip():
        speakers = queries.similar_speakers(db, typed, guild_id, TYPO_SIMILARITY)
    return [
        Suggestion(f"{speaker['name']}{_country_suffix(speaker)} · {embeds.plural(speaker['quotes'], 'quotation')}",
                   str(speaker["id"]))
        for speaker in speakers
    ]


def _country_suffix(speaker: dict) -> str:
    return f" ({country_name(speaker['country'])})" if speaker.get("country") else ""


def without_repeats(quotes: list[dict]) -> list[dict]:
    """The quotations without those that a longer one of the same source and speaker contains
    ("clear message" beside "…the world has sent a clear message in response…")."""
    def words(quote: dict) -> str:
        return " ".join(quote["text"].casefold().strip(" ,.;:").split())

    return [
        quote for quote in quotes
        if not any(other is not quote and other["source_id"] == quote["source_id"]
                   and other["speaker"] == quote["speaker"] and len(words(other)) > len(words(quote))
                   and words(quote) in words(other) for other in quotes)
    ]
