"""The OWASP XSS filter-evasion vectors (tests/fixtures/xss), and copy that quotes them as text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

XSS = Path(__file__).parent / "fixtures" / "xss"


def _records() -> list[str]:
    return (XSS / "owasp_filter_evasion.txt").read_text(encoding="utf-8").rstrip("\n").split("\n%%\n")


def _lines(name: str) -> list[str]:
    return (XSS / name).read_text(encoding="utf-8").rstrip("\n").split("\n")


def owasp_vectors() -> list[str]:
    """Every vector as one line of text: a paragraph of text copy is one line, so multi-line vectors are
    joined with spaces; each event handler as an attribute; each spelling of `<` opening a tag."""
    joined = [" ".join(record.split("\n")) for record in _records()]
    handlers = [f"<b {name}=alert(1)>bold</b>" for name in _lines("owasp_event_handlers.txt")]
    escapes = [f"{spelling}script>alert(1){spelling}/script>" for spelling in _lines("owasp_lt_escapes.txt")]
    return joined + handlers + escapes


def sentence_quoting(vector: str) -> str:
    return f"Researchers showed the panel the string {vector} and said old filters let it through."


HEADLINE = "Researchers list the strings that slip past web filters"


def story_quoting(vectors: list[str], headline: str = HEADLINE) -> bytes:
    """PTI wire text whose paragraphs each quote one vector inside a sentence."""
    lead = (
        "NEW DELHI, Dec 7 (PTI) Security researchers on Sunday published the strings that slip past web "
        "filters, and asked publishers to print them as text."
    )
    paragraphs = [lead, *(sentence_quoting(v) for v in vectors)]
    return ("\n\n".join([headline, *paragraphs, "PTI AB CD"]) + "\n").encode("utf-8")


class _Elements(HTMLParser):
    """Every element and attribute an HTML parser finds, and the text it would show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.elements.append(("!--", []))

    def handle_decl(self, decl: str) -> None:
        self.elements.append(("!decl", []))

    def handle_pi(self, data: str) -> None:
        self.elements.append(("?pi", []))


def parse_html(markup: str) -> tuple[list[tuple[str, list[tuple[str, str | None]]]], str]:
    parser = _Elements()
    parser.feed(markup)
    parser.close()
    return parser.elements, "".join(parser.text)
