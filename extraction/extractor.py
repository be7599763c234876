"""One entry point for all extractors."""

from extraction.analysis import TextAnalysis
from extraction.models import Document, Extraction
from extraction.quotes import extract_quotes
from extraction.votes import extract_votes


def extract(document: Document) -> Extraction:
    """All quotations and votes of one document."""
    analysis = TextAnalysis.of(document.text)
    return Extraction(
        quotes=extract_quotes(document.text, analysis),
        votes=extract_votes(document.text, document.published, analysis),
    )
