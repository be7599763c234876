"""Reading sources: encodings, mojibake, HTML, and refusing what is not text."""

import codecs

import pytest

from extraction.documents import MAX_SOURCE_BYTES, SourceError, clean_text, load_document

SENTENCE = "“Russia cannot change borders by force,” the minister’s spokesman said – twice."


def test_clean_utf8_text_is_unchanged():
    assert load_document(SENTENCE.encode("utf-8")).text == SENTENCE


def test_byte_order_marks_are_dropped():
    assert load_document(codecs.BOM_UTF8 + SENTENCE.encode("utf-8")).text == SENTENCE
    assert load_document(SENTENCE.encode("utf-16")).text == SENTENCE


def test_windows_1252_file_is_decoded():
    assert load_document(SENTENCE.encode("cp1252")).text == SENTENCE


def test_utf8_read_as_windows_1252_is_repaired():
    import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"

    mojibake = SENTENCE.encode("utf-8").decode("sloppy-windows-1252")
    assert "â€" in mojibake
    assert clean_text(mojibake) == SENTENCE


def test_utf8_read_as_gbk_is_repaired():
    mojibake = SENTENCE.encode("utf-8").decode("gbk", errors="replace")
    assert "鈥" in mojibake
    assert clean_text(mojibake) == SENTENCE


def test_curly_quotes_are_kept():
    assert "“" in clean_text(SENTENCE) and "’" in clean_text(SENTENCE)


def test_windows_line_endings_and_control_characters_are_normalised():
    assert clean_text("one\r\ntwo\x07\rthree") == "one\ntwo\nthree"


def test_ftfy_leaves_lines_of_plain_typography_alone():
    """The lines clean_text does not hand to ftfy are lines ftfy would leave as they are."""
    import random
    import re

    import ftfy

    from extraction.documents import PLAIN_TYPOGRAPHY

    alphabet = [c for c in map(chr, range(0x2100)) if re.fullmatch(f"[{PLAIN_TYPOGRAPHY}]", c)]
    config = ftfy.TextFixerConfig(uncurl_quotes=False, unescape_html=False)
    rng = random.Random(9)
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        assert ftfy.fix_text(line + "\n", config) == line + "\n"


def test_mojibake_is_repaired_on_its_own_line_among_plain_ones():
    import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"

    mojibake = SENTENCE.encode("utf-8").decode("sloppy-windows-1252")
    assert clean_text(f"{SENTENCE}\n\n{mojibake}\nplain\tline\n") == f"{SENTENCE}\n\n{SENTENCE}\nplain\tline"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_unreadable_sources_are_refused_clearly(raw, message):
    with pytest.raises(SourceError, match=message):
        load_document(raw)


def test_oversize_source_is_refused_before_decoding():
    with pytest.raises(SourceError, match="MB"):
        load_document(b"a" * (MAX_SOURCE_BYTES + 1))


HTML = """<!DOCTYPE html><html><head>
<title>Assembly backs resolution | Example News</title>
<meta property="og:title" content="Assembly backs resolution">
<meta property="article:published_time" content="2023-02-23T18:00:00Z">
<link rel="canonical" href="https://news.example.org/assembly">
</head><body><nav>Home | World | Politics</nav>
<article><h1>Assembly backs resolution</h1>
<p>The General Assembly adopted the text by 141 votes to 7, with 32 abstentions, diplomats said on Thursday.</p>
<p>“This is a clear signal,” said Maria Example, the foreign minister of Examplestan.</p>
</article><footer>Copyright Example News. Subscribe now.</footer></body></html>"""


def test_html_article_body_and_metadata():
    document = load_document(HTML.encode("utf-8"))
    assert document.media_type == "text/html"
    assert "141 votes to 7" in document.text
    assert "“This is a clear signal,” said Maria Example" in document.text
    assert "Subscribe now" not in document.text and "Home | World" not in document.text
    assert document.title == "Assembly backs resolution"
    assert document.published == "2023-02-23"
    assert document.url == "https://news.example.org/assembly"


def test_explicit_metadata_wins_over_the_page():
    document = load_document(HTML, title="Mine", published="2023-02-24", url="https://x.example")
    assert (document.title, document.published, document.url) == ("Mine", "2023-02-24", "https://x.example")


def test_html_without_an_article_is_refused():
    with pytest.raises(SourceError, match="no article text"):
        load_document(b"<html><head><title>x</title></head><body><div></div></body></html>")
