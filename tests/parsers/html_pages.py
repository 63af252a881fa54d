"""Small invented news pages for the HTML reader's tests: one page shape per call, every sentence made up."""

from __future__ import annotations

from pathlib import Path

from app.parsers.base import ParsedCopy
from app.parsers.sniff import parse_copy

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"

HEADLINE = "River ferry service resumes after winter repairs"
LEAD = (
    "PORTO, Portugal (Reuters) - The river ferry between the two old quarters of the city resumed service on "
    "Monday after three months of repairs to its landing stages."
)
SECOND = (
    "The operator said the boats would run every twenty minutes during the day and every hour in the evening, "
    "as they did before the works began."
)
THIRD = (
    "Residents who cross the river to work said the bridge had been crowded all winter and that they were glad "
    "to have the boats back."
)
PARAGRAPHS = (LEAD, SECOND, THIRD)


def paragraphs_html(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def page(
    *,
    body: str | None = None,
    h1: str | None = HEADLINE,
    title: str | None = f"{HEADLINE} | Example River Times",
    og_title: str | None = None,
    head: str = "",
    before_body: str = "",
    after_body: str = "",
    after_article: str = "",
    lang: str = "en",
) -> bytes:
    """A page: <head> with its title signals, an article with headline, optional header lines and the body."""
    metas = [f"<title>{title}</title>" if title else ""]
    if og_title:
        metas.append(f'<meta property="og:title" content="{og_title}">')
    article_body = body if body is not None else paragraphs_html(*PARAGRAPHS)
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{"".join(metas)}{head}</head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article>{f'<h1>{h1}</h1>' if h1 else ''}{before_body}"
        f'<div class="story-body">{article_body}{after_body}</div></article>{after_article}'
        "<footer><p>Example River Times</p></footer></body></html>"
    )
    return html.encode("utf-8")


def read(data: bytes, content_type: str = "text/html") -> ParsedCopy:
    return parse_copy(data, content_type)
