"""Properties of every structured parser on arbitrary input: a valid ParsedCopy, or ParseError /
UnsupportedFormat, never any other exception. Inputs are arbitrary bytes, documents built from the
format's own elements and members with arbitrary text, and corpus documents with bytes spliced in."""

from __future__ import annotations

import json
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ParseError, UnsupportedFormat
from app.parsers.anpa1312 import parse_anpa1312
from app.parsers.base import ParsedCopy
from app.parsers.iptc7901 import parse_iptc7901
from app.parsers.newsml_g2 import parse_newsml_g2
from app.parsers.ninjs import parse_ninjs
from app.parsers.nitf import parse_nitf
from app.parsers.sniff import parse_copy
from tests.corpus import gold
from tests.parsers.structured.corpus import PARSERS, raw, structured_ids

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
Parser = Callable[[bytes], ParsedCopy]


def _check(parse: Parser, data: bytes) -> None:
    try:
        copy = parse(data)
    except (ParseError, UnsupportedFormat) as exc:
        assert exc.detail
        return
    assert isinstance(copy, ParsedCopy)
    assert all(p.strip() for p in copy.body)
    if copy.pubstatus == "usable":  # only a kill or hold may carry no text
        assert copy.headline and copy.body


# Text that stresses markup: entities, angle brackets, quotes, dateline and sign-off shapes, other scripts.
WORDS = st.sampled_from(
    [
        "LONDON (AP) —",
        "Seoul, Dec 1 (IANS)",
        "(Reuters) -",
        "bur-gkg/sbk",
        "(ANI)",
        "___",
        "By Jane Doe",
        "&amp;",
        "&#8217;",
        "&lt;b&gt;",
        "<",
        ">",
        '"',
        "'",
        "नई दिल्ली",
        "\u00a0",
        "\r\n",
        "\n\n",
        "=",
        "^",
        "\t",
    ]
)
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=30)), max_size=12).map(" ".join)
XML_TEXT = TEXT.map(lambda t: escape("".join(c for c in t if c.isprintable() or c in "\n\t")))


def _element(name: str, body: str, **attrs: str) -> str:
    attributes = "".join(f" {k.replace('_', '-')}={quoteattr(v)}" for k, v in attrs.items())
    return f"<{name}{attributes}>{body}</{name}>"


NITF_DOCS = st.builds(
    lambda ns, status, norm, title, hl1, byline, paras, tagline: (
        '<?xml version="1.0" encoding="UTF-8"?>'
        + f"<nitf{ns}><head>{_element('title', title)}"
        + f'<docdata management-status="{status}"><date.issue norm="{escape(norm)}"/></docdata></head>'
        + f"<body><body.head><hedline>{_element('hl1', hl1)}</hedline>{_element('byline', byline)}</body.head>"
        + "<body.content>"
        + "".join(_element("p", p) for p in paras)
        + "</body.content>"
        + f"<body.end>{_element('tagline', tagline)}</body.end></body></nitf>"
    ).encode("utf-8"),
    st.sampled_from(["", ' xmlns="http://iptc.org/std/NITF/2006-10-18/"']),
    st.sampled_from(["usable", "canceled", "withheld", "embargoed", ""]),
    st.one_of(
        st.sampled_from(["20241125T163000+0000", "2024-11-25T16:30:00", "20241125", "junk"]), st.text(max_size=20)
    ),
    XML_TEXT,
    XML_TEXT,
    XML_TEXT,
    st.lists(XML_TEXT, max_size=6),
    XML_TEXT,
)

G2_DOCS = st.builds(
    lambda status, created, headline, by, paras: (
        '<?xml version="1.0" encoding="UTF-8"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" '
        'guid="urn:x" version="2"><itemMeta><itemClass qcode="ninat:text"/>'
        f'<versionCreated>{escape(created)}</versionCreated><pubStatus qcode="{status}"/></itemMeta>'
        f"<contentMeta>{_element('headline', headline)}{_element('by', by)}</contentMeta>"
        '<contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        + "".join(_element("p", p) for p in paras)
        + "</body></html></inlineXML></contentSet></newsItem>"
    ).encode("utf-8"),
    st.sampled_from(["stat:usable", "stat:canceled", "stat:withheld", "x"]),
    st.one_of(st.sampled_from(["2024-09-18T13:22:40.000Z", "2024-09-18", "x"]), st.text(max_size=20)),
    XML_TEXT,
    XML_TEXT,
    st.lists(XML_TEXT, max_size=6),
)

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
NINJS_DOCS = st.builds(
    lambda uri, members: json.dumps({"uri": uri, **members}).encode("utf-8"),
    st.one_of(TEXT, JSON_VALUES),
    st.fixed_dictionaries(
        {},
        optional={
            "headlines": st.one_of(
                st.lists(st.fixed_dictionaries({"role": st.just("main"), "value": TEXT})), JSON_VALUES
            ),
            "headline": st.one_of(TEXT, JSON_VALUES),
            "bodies": st.lists(
                st.fixed_dictionaries(
                    {
                        "contenttype": st.sampled_from(["text/html", "text/plain", "x"]),
                        "value": st.one_of(TEXT, TEXT.map(lambda t: f"<p>{t}</p>")),
                    }
                ),
                max_size=2,
            ),
            "body_html": TEXT.map(lambda t: f"<p>{t}</p><p>{t}</p>"),
            "body_text": TEXT,
            "pubstatus": st.sampled_from(["usable", "canceled", "withheld"]),
            "firstcreated": st.one_of(st.sampled_from(["2025-01-10T09:02:00Z", "2025-01-10T09:02:00"]), TEXT),
            "versionCreated": st.one_of(st.sampled_from(["2025-01-10T10:02:00+05:30"]), TEXT),
            "by": JSON_VALUES,
            "version": JSON_VALUES,
            "descriptions": JSON_VALUES,
        },
    ),
)

LINES = st.lists(
    st.one_of(TEXT, TEXT.map(lambda t: "   " + t), TEXT.map(lambda t: "\t" + t), TEXT.map(lambda t: "^" + t + "<")),
    max_size=10,
)
IPTC7901_DOCS = st.builds(
    lambda header, keyword, lines, trailer: (
        f"\x01{header}\r\n{keyword}\r\n\x02" + "\r\n".join(lines) + f"\r\n\x03\r\n{trailer}\r\n\x04"
    ).encode("utf-8"),
    st.one_of(st.just("afp0347 4 i 196 AFP"), TEXT),
    TEXT,
    LINES,
    st.one_of(st.sampled_from(["051214 GMT Jul 24", "051214 GMT Jul", "991299 GMT Foo 24"]), TEXT),
)
ANPA_DOCS = st.builds(
    lambda header, lines, trailer: (
        f"\x16\x16\x01a0742\x1fapw\r\n{header}\r\n\x02" + "\r\n".join(lines) + f"\r\n\x03{trailer}\r\n\x04"
    ).encode("latin-1", "replace"),
    st.one_of(st.just("r i\x13\x11 BC-G20-Summit 2ndLd-Writethru  11-19 0204"), TEXT),
    LINES,
    st.one_of(st.sampled_from(["AP-WF-11-19-24 2214GMT", "AP-WF-13-45-24 9999GMT"]), TEXT),
)


@SETTINGS
@given(st.sampled_from(sorted(PARSERS)), st.binary(max_size=3000))
def test_arbitrary_bytes_parse_or_are_refused_by_every_parser(fmt: str, data: bytes) -> None:
    _check(PARSERS[fmt], data)


@SETTINGS
@given(NITF_DOCS)
def test_nitf_built_from_its_elements_parses_or_is_refused(data: bytes) -> None:
    _check(parse_nitf, data)


@SETTINGS
@given(G2_DOCS)
def test_newsml_g2_built_from_its_elements_parses_or_is_refused(data: bytes) -> None:
    _check(parse_newsml_g2, data)


@SETTINGS
@given(NINJS_DOCS)
def test_ninjs_built_from_its_members_parses_or_is_refused(data: bytes) -> None:
    _check(parse_ninjs, data)


@SETTINGS
@given(JSON_VALUES.map(lambda v: json.dumps(v).encode("utf-8")))
def test_arbitrary_json_parses_or_is_refused(data: bytes) -> None:
    _check(parse_ninjs, data)
    _check(lambda d: parse_copy(d, "application/json"), data)


@SETTINGS
@given(IPTC7901_DOCS)
def test_iptc7901_built_from_its_framing_parses_or_is_refused(data: bytes) -> None:
    _check(parse_iptc7901, data)


@SETTINGS
@given(ANPA_DOCS)
def test_anpa1312_built_from_its_framing_parses_or_is_refused(data: bytes) -> None:
    _check(parse_anpa1312, data)


@SETTINGS
@given(st.sampled_from(structured_ids()), st.integers(min_value=0), st.binary(min_size=1, max_size=8))
def test_corrupted_corpus_documents_parse_or_are_refused(doc_id: str, position: int, junk: bytes) -> None:
    data = raw(doc_id)
    cut = position % (len(data) + 1)
    spliced = data[:cut] + junk + data[cut:]
    _check(PARSERS[gold(doc_id)["format"]], spliced)
    _check(lambda d: parse_copy(d, None), spliced)
