"""Properties of parse_text on arbitrary input: a valid ParsedCopy of verbatim paragraphs, or ParseError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ParseError
from app.parsers.base import ParsedCopy
from app.parsers.text import parse_text
from app.parsers.text.decode import decode_copy
from tests.parsers.corpus import text_docs

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CORPUS_LINES = sorted({line for doc in text_docs() for line in doc.raw().decode("utf-8").splitlines()})


def _check(data: bytes) -> None:
    try:
        copy = parse_text(data)
    except ParseError as exc:
        assert exc.detail and exc.reason
        return
    assert isinstance(copy, ParsedCopy)
    assert copy.body and all(p.strip() for p in copy.body)
    text = decode_copy(data).text
    for paragraph in copy.body:
        assert paragraph in text


@SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_parse_or_are_refused(data: bytes) -> None:
    _check(data)


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text_parses_or_is_refused(text: str) -> None:
    _check(text.encode("utf-8"))


@SETTINGS
@given(
    st.lists(
        st.one_of(st.sampled_from(CORPUS_LINES), st.text(max_size=120), st.just("")),
        min_size=1,
        max_size=60,
    ),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_shuffled_corpus_lines_parse_into_verbatim_paragraphs_or_are_refused(lines: list[str], newline: str) -> None:
    _check(newline.join(lines).encode("utf-8"))


@SETTINGS
@given(st.sampled_from(text_docs()), st.integers(min_value=0), st.binary(min_size=1, max_size=8))
def test_corrupted_corpus_documents_parse_or_are_refused(doc: object, position: int, junk: bytes) -> None:
    raw = doc.raw()  # type: ignore[attr-defined]
    cut = position % (len(raw) + 1)
    _check(raw[:cut] + junk + raw[cut:])
