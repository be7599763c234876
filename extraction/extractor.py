"""One entry point for all extractors: one analysed text per document, read by each."""

from extraction.linking import link_quotes_to_votes
from extraction.models import Document, Extraction
from extraction.quotes import quotes_in
from extraction.text import AnalyzedText
from extraction.votes import votes_in


def extract(document: Document) -> Extraction:
    """All quotations and votes of one document."""
    text = AnalyzedText(document.text)
    votes = votes_in(text, document.published)  # first: the tokens only quotations need come last
    quotes = quotes_in(text)
    link_quotes_to_votes(text, quotes, votes)
    return Extraction(quotes=quotes, votes=votes)
