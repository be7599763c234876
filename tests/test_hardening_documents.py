"""Reading sources: pages with no article are refused, short pasted text is kept, and UTF-16
without a byte order mark is read while binary data is still refused."""

import random

import pytest

from extraction.documents import SourceError, load_document

BRIEF = (
    "The General Assembly on 12 October 2022 adopted resolution A/RES/ES-11/4 by 143 votes to 5, "
    "with 35 abstentions."
)
REPORT = f"{BRIEF} “The vote speaks for itself,” an ambassador said."

SCRIPTS_AND_NAVIGATION = """<!DOCTYPE html><html><head><title>Example News</title>
<script>window.dataLayer = window.dataLayer || []; function track() { dataLayer.push(arguments); }</script>
</head><body><nav><a href="/">Home</a></nav><script>track("page")</script></body></html>"""
MENU_AND_FOOTER = """<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<footer>© 2024 Example News. All rights reserved.</footer></body></html>"""


@pytest.mark.parametrize("page", [SCRIPTS_AND_NAVIGATION, MENU_AND_FOOTER])
def test_a_page_without_an_article_is_refused(page):
    with pytest.raises(SourceError, match="no article text"):
        load_document(page.encode("utf-8"))


def test_a_page_whose_article_is_one_sentence_is_kept():
    page = f"<html><body><nav><a href='/'>Home</a></nav><article><p>{BRIEF}</p></article></body></html>"
    assert load_document(page.encode("utf-8")).text == BRIEF


@pytest.mark.parametrize("pasted", [BRIEF, REPORT, "Russia vetoed it."])
def test_short_pasted_text_is_kept(pasted):
    assert load_document(pasted).text == pasted
    assert load_document(pasted.encode("utf-8")).text == pasted


@pytest.mark.parametrize("pasted", ["143 – 5 – 35", "... !!! ???", "2022-10-12"])
def test_pasted_text_without_a_letter_is_refused(pasted):
    with pytest.raises(SourceError, match="no text"):
        load_document(pasted)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(encoding):
    text = f"{REPORT}\n\nSecond paragraph: Zoë said “no” [twice]."
    assert load_document(text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_html_without_a_byte_order_mark_is_read(encoding):
    page = f"<html><body><article><p>{BRIEF}</p></article></body></html>"
    assert load_document(page.encode(encoding)).text == BRIEF


BINARY = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00",
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 20 + b"a.txt" + bytes(range(256)),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 8 >>\nstream\n\x00\x01\x02\x03\x78\x9c\x00\x00\n",
    "random": random.Random(7).randbytes(6000) + b"\x00",
    "text with a NUL at an odd length": REPORT.encode("utf-16-le") + b"!",
    "UTF-16 holding control characters": "\x01\x02\x03\x04 binary in disguise \x05\x06".encode("utf-16-le"),
}


@pytest.mark.parametrize("raw", BINARY.values(), ids=BINARY.keys())
def test_binary_data_is_still_refused(raw):
    with pytest.raises(SourceError, match="binary"):
        load_document(raw)
