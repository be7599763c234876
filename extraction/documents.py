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

from extraction.intake import MAX_SOURCE_BYTES, SourceError
from extraction.models import Document
from extraction.sentences import sentence_spans

_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, unescape_html=False, explain=False)
# Characters of a line ftfy leaves as it is: printable ASCII, tabs, and the common typography of
# news copy (curly quotes, dashes, ellipsis, no-break space). No ftfy fixer changes them, and its
# mojibake test (ftfy.badness) needs some other non-ASCII character to flag a line.
PLAIN_TYPOGRAPHY = "\t\x20-\x7e\u00a0\u2013\u2014\u2015\u2018\u2019\u201c\u201d\u2026"
_BEYOND_PLAIN_TYPOGRAPHY = re.compile(f"[^\n{PLAIN_TYPOGRAPHY}]")
_HTML_SNIFF = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)
# UTF-8 punctuation (E2 80 xx) read as GBK: 鈥 plus a character that swallowed the next
# byte ("鈥渃" is “c), or plus U+FFFD where that byte was lost.
_GBK_MOJIBAKE_RUN = re.compile(r"(?P<before>.?)鈥(?P<after>[\u3000-\u9fff\ufffd]?)")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Bytes read to tell binary data from text, and UTF-16 text without a byte order mark from both.
_SNIFF_BYTES = 8192
# Printable ASCII, tabs and line breaks: the low byte of most UTF-16 code units of Latin-script text.
_ASCII_TEXT_BYTES = frozenset(b"\t\n\r" + bytes(range(0x20, 0x7F)))
_UTF16_MIN_ASCII_SHARE = 0.5
# An HTML page counts as an article when the text trafilatura finds in it holds at least one full
# sentence (ending in . ! or ?) of this many words. A page with no article leaves only labels:
# navigation ("Home"), buttons, bylines, copyright lines ("All rights reserved.") of one to six
# words, never a sentence; the shortest news brief says who did what, when, in well over eight.
# Plain text is a moderator's own paste and is taken as it is, however short.
MIN_ARTICLE_SENTENCE_WORDS = 8
_SENTENCE_CLOSE = re.compile(r"[.!?][”’\"')\]]*$")
_WORD = re.compile(r"\S*[^\W_]\S*")  # a token with a letter or a digit: "143", "A/RES/ES-11/4"


def decode_bytes(raw: bytes) -> str:
    """Decode bytes as UTF-8 when they are, else by detection; refuse binary data."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raw = raw.decode("utf-16", errors="replace").encode("utf-8")
    if not raw.strip():
        raise SourceError("the file is empty")
    if b"\x00" in raw[:_SNIFF_BYTES]:
        text = _utf16_without_bom(raw)
        if text is None:
            raise SourceError("the file looks binary, not text or HTML")
        return text
    for encoding in ("utf-8-sig", "cp1252"):  # cp1252: the usual legacy encoding of news copy
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    best = from_bytes(raw[:200_000]).best()
    if best is None:
        raise SourceError("the file's text encoding could not be recognised")
    return raw.decode(best.encoding, errors="replace")


def _utf16_without_bom(raw: bytes) -> str | None:
    """``raw`` decoded as UTF-16 without a byte order mark, or None when it is not such text.

    Mostly-ASCII text in UTF-16 pairs each character's ASCII byte with a NUL byte: the byte order
    is the one in which at least half the sampled code units read as ASCII text, and decoding in
    it must be clean (no unpaired surrogate, no control character but tabs and line breaks).
    Binary data (images, archives, PDFs, random bytes) fails one test or the other.
    """
    sample = raw[:_SNIFF_BYTES]
    units = len(sample) // 2
    ascii_units = {
        encoding: sum(high == 0 and low in _ASCII_TEXT_BYTES for low, high in zip(lows, highs))
        for encoding, lows, highs in (
            ("utf-16-le", sample[0::2], sample[1::2]),
            ("utf-16-be", sample[1::2], sample[0::2]),
        )
    }
    encoding = max(ascii_units, key=ascii_units.get)
    if not units or ascii_units[encoding] < units * _UTF16_MIN_ASCII_SHARE:
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL_CHARS.search(text) else text


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


def _fix_with_ftfy(text: str) -> str:
    """``ftfy.fix_text(text)``, handing ftfy only the lines it could change: it fixes each line, with
    its line break, on its own, and leaves a line of plain typography as it is."""
    *lines, last = text.split("\n")
    segments = [line + "\n" for line in lines] + [last]
    return "".join(
        ftfy.fix_text(segment, _FTFY_CONFIG) if _BEYOND_PLAIN_TYPOGRAPHY.search(segment) else segment
        for segment in segments
    )


def clean_text(text: str) -> str:
    """Repair mojibake and normalise: NFC, Unix line breaks, no control characters."""
    text = _fix_with_ftfy(_repair_gbk_mojibake(text))
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
    # trafilatura separates paragraphs with single newlines; news text uses blank lines.
    text = clean_text(re.sub(r"\n+", "\n\n", result.text or "")) if result is not None else ""
    if not has_prose(text):
        raise SourceError(
            "no article text could be found in this HTML page "
            f"(not one sentence of {MIN_ARTICLE_SENTENCE_WORDS} words or more)"
        )
    return Document(
        text=text,
        title=result.title or None,
        published=result.date or None,
        url=result.url or url,
        media_type="text/html",
    )


def has_prose(text: str) -> bool:
    """Whether ``text`` holds a full sentence of at least ``MIN_ARTICLE_SENTENCE_WORDS`` words."""
    sentences = (text[start:end] for start, end in sentence_spans(text))
    return any(
        _SENTENCE_CLOSE.search(sentence) and len(_WORD.findall(sentence)) >= MIN_ARTICLE_SENTENCE_WORDS
        for sentence in sentences
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
    if not any(map(str.isalpha, document.text)):
        raise SourceError("the source has no text: not a single letter")
    document.title = title or document.title
    document.published = published or document.published
    document.url = url or document.url
    return document
