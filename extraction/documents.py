"""Turn raw source bytes (plain text or HTML) into a cleaned :class:`Document`.

Cleaning happens once, here: every offset the extractors produce refers to
``Document.text``, which the store keeps.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
import trafilatura
from charset_normalizer import from_bytes

from extraction.models import Document

MAX_SOURCE_BYTES = 10 * 1024 * 1024
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, unescape_html=False)
_HTML_SNIFF = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)
# UTF-8 punctuation (E2 80 xx) read as GBK: 鈥 plus a character that swallowed the next
# byte ("鈥渃" is “c), or plus U+FFFD where that byte was lost.
_GBK_MOJIBAKE_RUN = re.compile(r"(?P<before>.?)鈥(?P<after>[\u3000-\u9fff\ufffd]?)")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class SourceError(ValueError):
    """A source that cannot be read, with a message fit to show the user."""


def decode_bytes(raw: bytes) -> str:
    """Decode bytes as UTF-8 when they are, else by detection; refuse binary data."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raw = raw.decode("utf-16", errors="replace").encode("utf-8")
    if not raw.strip():
        raise SourceError("the file is empty")
    if b"\x00" in raw[:8192]:
        raise SourceError("the file looks binary, not text or HTML")
    for encoding in ("utf-8-sig", "cp1252"):  # cp1252: the usual legacy encoding of news copy
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    best = from_bytes(raw[:200_000]).best()
    if best is None:
        raise SourceError("the file's text encoding could not be recognised")
    return raw.decode(best.encoding, errors="replace")


def _repair_gbk_mojibake(text: str) -> str:
    """Undo UTF-8 punctuation decoded as GBK (鈥渃 -> “c), which ftfy does not cover."""
    if "鈥" not in text:
        return text

    def undo(match: re.Match[str]) -> str:
        after = match["after"]
        if after == "\ufffd":
            # The lost byte: a spaced dash (E2 80 93) or, after a word, a closing quote (E2 80 9D).
            tail = b"\x93" if match["before"].isspace() else b"\x9d"
        else:
            tail = after.encode("gbk", errors="ignore")
        return match["before"] + (b"\xe2\x80" + tail).decode("utf-8", errors="replace")

    return _GBK_MOJIBAKE_RUN.sub(undo, text)


def clean_text(text: str) -> str:
    """Repair mojibake and normalise: NFC, Unix line breaks, no control characters."""
    text = ftfy.fix_text(_repair_gbk_mojibake(text), _FTFY_CONFIG)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_CHARS.sub("", text)
    return unicodedata.normalize("NFC", text).strip()


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page rather than prose."""
    return bool(_HTML_SNIFF.search(text[:4096]))


def document_from_html(html: str, *, url: str | None = None) -> Document:
    """The article body and its title/date/url metadata, via trafilatura."""
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    body = result.text if result is not None else None
    if not body or not body.strip():
        raise SourceError("no article text could be found in this HTML page")
    # trafilatura separates paragraphs with single newlines; news text uses blank lines.
    text = clean_text(re.sub(r"\n+", "\n\n", body))
    return Document(
        text=text,
        title=result.title or None,
        published=result.date or None,
        url=result.url or url,
        media_type="text/html",
    )


def load_document(
    raw: bytes | str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> Document:
    """Read a source (bytes or str, text or HTML) into a cleaned Document.

    Explicit metadata wins over what an HTML page declares.
    """
    if isinstance(raw, bytes):
        if len(raw) > MAX_SOURCE_BYTES:
            raise SourceError(
                f"the file is {len(raw) / 1_048_576:.1f} MB; sources up to "
                f"{MAX_SOURCE_BYTES // 1_048_576} MB are accepted"
            )
        raw = decode_bytes(raw)
    elif len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(f"the text is over {MAX_SOURCE_BYTES // 1_048_576} MB")
    if looks_like_html(raw):
        document = document_from_html(raw, url=url)
    else:
        document = Document(text=clean_text(raw))
    if not document.text:
        raise SourceError("the source has no text")
    document.title = title or document.title
    document.published = published or document.published
    document.url = url or document.url
    return document
