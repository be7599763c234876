"""Property tests over the whole extraction: it never raises, every offset is honest, and a
quotation with a named speaker after or before it is attributed to that speaker."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.ingest import check_spans
from extraction.documents import SourceError, load_document
from extraction.extractor import extract
from extraction.models import Document

# Text made mostly of the characters extraction reacts to, so that marks, names,
# numbers and vote words meet in every combination.
NEWSY_PIECES = st.sampled_from(
    [
        "“", "”", "‘", "’", '"', "'", "«", "»", "\n\n", ", ", ". ", ": ", " – ", "(", ")", ";",
        " said ", " told reporters that ", " he added", " she said", " they said", " tweeting",
        "Russia", "Russian", "North Korea", "the Democratic Republic of Congo’s", "Kremlin",
        "General Assembly", "Security Council", "Human Rights Council", "voted", " in favour",
        " against", " abstained", " abstentions", " vetoed", " adopted", " did not vote",
        "Thirty-five", "143", "193-member", "15-member", "Wednesday", "last month", "yesterday",
        "A/RES/ES-11/4", "S/2022/720", "including", "the rest", "Joe Biden", "Biden", "It ",
    ]
)
NEWSY_TEXT = st.lists(st.one_of(NEWSY_PIECES, st.text(max_size=8)), max_size=60).map("".join)
DATES = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def assert_offsets_honest(document: Document) -> None:
    result = extract(document)
    check_spans(document, result)  # raises on any span that does not index the text
    for quote in result.quotes:
        assert document.text[quote.start : quote.end] == quote.text
    for vote in result.votes:
        for iso3, position in vote.positions.items():
            assert len(iso3) == 3 and position in {"yes", "no", "abstain", "absent"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400), published=DATES)
def test_arbitrary_text_never_raises(text, published):
    assert_offsets_honest(Document(text=text, published=published))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=NEWSY_TEXT, published=DATES)
def test_news_like_text_never_raises_and_offsets_index_the_text(text, published):
    assert_offsets_honest(Document(text=text, published=published))


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes_are_read_or_refused_clearly(raw):
    try:
        document = load_document(raw)
    except SourceError as error:
        assert str(error)
        return
    assert_offsets_honest(document)


FIRST_NAMES = st.sampled_from(["Ana", "Omar", "Ruth", "Tomas", "Ines", "Li", "Amina", "Piet"])
SURNAMES = st.sampled_from(["Ortiz", "Haddad", "Keller", "Berg", "Duarte", "Wei", "Otieno", "Vrolijk"])
QUOTED_WORDS = st.lists(
    st.sampled_from("we will not back down the plan is a step towards peace and every delegation must act now".split()),
    min_size=1, max_size=12,
).map(" ".join)
BEFORE = st.sampled_from(["", "The Assembly met on Monday. ", "Russia vetoed the draft.\n\n", "It was late. "])
# (sentence, quoted words as extracted, rule): the quotation and its speaker's name.
FORMS = st.sampled_from([
    ("“{words},” said {name}.", "{words},", "inverted"),
    ("“{words},” {name} said.", "{words},", "post-cue"),
    ("{name} said: “{words}.”", "{words}.", "pre-cue"),
    ("“{words},” according to {name}.", "{words},", "according-to"),
])


@settings(max_examples=200, deadline=None)
@given(first=FIRST_NAMES, surname=SURNAMES, words=QUOTED_WORDS, form=FORMS, before=BEFORE)
def test_a_named_speaker_beside_a_quotation_is_its_speaker(first, surname, words, form, before):
    name = f"{first} {surname}"
    sentence, quoted, rule = form
    document = Document(text=before + sentence.format(words=words, name=name))
    found = [(q.text, q.speaker, q.rule) for q in extract(document).quotes]
    assert found == [(quoted.format(words=words), name, rule)]


def test_text_without_quotations_or_votes_gives_an_empty_result():
    document = load_document(b"The weather in Geneva was mild on Tuesday, and the lake was calm.")
    result = extract(document)
    assert result.quotes == [] and result.votes == []


def test_unbalanced_marks_do_not_lose_the_rest_of_the_text():
    text = "“This never closes, said one delegate. Later, “the vote passed,” said Ana Ruiz."
    result = extract(Document(text=text))
    assert any(q.text == "the vote passed," or q.text == "the vote passed" for q in result.quotes)
