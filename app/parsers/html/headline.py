"""The headline from the page's own signals: an <h1> that the page's title tags confirm.

A page's <h1> may be the site's logo, a section name or a dialog; its <title> and og:title carry the story's
headline, often with " | Site" appended. The headline is the <h1> text that one of those signals equals, or equals
with a site name joined by a separator; " | Site" is never cut from a title without that confirmation.
When no <h1> is confirmed, or several different ones are, the headline is unsure and the copy is held.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.parsers.html.meta import PageMeta
from app.parsers.html.textview import collapse

# How sites join headline and site name in <title>: "Headline | Site", "Headline - Site", "Site › Headline".
SEPARATORS = (" | ", " - ", " – ", " — ", " › ", " » ", " :: ", " · ", " : ")
# A site name (or "Section | Site") after a separator is short.
MAX_SUFFIX_WORDS = 10


@dataclass(frozen=True)
class HeadlineChoice:
    text: str | None
    doubt: str | None


def _confirms(signal: str, h1: str) -> bool:
    """`signal` is `h1`, or `h1` joined to a site name that is shorter than it ("Headline | Site")."""
    if signal == h1:
        return True
    for sep in SEPARATORS:
        if signal.startswith(h1 + sep):
            site = signal[len(h1) + len(sep) :]
            if 0 < len(site.split()) <= MAX_SUFFIX_WORDS and len(site) < len(h1):
                return True
        if signal.endswith(sep + h1):
            site = signal[: -len(h1) - len(sep)]
            if 0 < len(site.split()) <= MAX_SUFFIX_WORDS and len(site) < len(h1):
                return True
    return False


def choose_headline(meta: PageMeta) -> HeadlineChoice:
    h1_texts = list(dict.fromkeys(collapse(h.text_content()) for h in meta.h1s))
    signals = list(meta.titles.values())
    site = (meta.site_name or "").casefold()
    # The site's name in an <h1> (its logo) is never the headline, however the title tags read.
    confirmed = [h for h in h1_texts if h.casefold() != site and any(_confirms(s, h) for s in signals)]
    if len(confirmed) == 1:
        return HeadlineChoice(confirmed[0], None)
    if len(confirmed) > 1:
        return HeadlineChoice(
            confirmed[0], f"headline-unsure: several <h1> agree with the page title ({len(confirmed)})"
        )
    # No <h1> confirmed: a title signal is the best guess, never published unreviewed.
    fallback = meta.titles.get("og:title") or meta.titles.get("title") or (h1_texts[0] if h1_texts else None)
    if fallback is None:
        return HeadlineChoice(None, None)
    return HeadlineChoice(fallback, "headline-unsure: no <h1> agrees with og:title, twitter:title or <title>")
