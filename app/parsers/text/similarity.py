"""How much two texts are about the same thing: shared content words, compared by a crude stem.

A headline and the lead of its story share names and key words in every language the service sees; a menu
item, a teaser for another story or a site's slogan shares none or one.
"""

from __future__ import annotations

import re

# Word characters, with the vowel signs of Indic scripts (combining marks that \w alone would split words at).
WORD = re.compile(r"[\w\u0900-\u0dff]+")
# Compare words by their first letters: a crude stem that serves every Latin-script language.
STEM = 5
_STOPWORDS_TEXT = """
    that this with from have will been were they their there what when which about after over into than then them
    also more most said says could would should only some such other your just like year years first last
    news here where while under very much even back still between before being both each does done
    dass sich nicht eine einen einem einer sind wird werden wurde auch nach beim über unter noch schon oder aber
    haben sein seine ihre ihren diese dieser dieses mehr
    para como este esta estos estas pero sobre tras desde entre porque donde cuando todo todos también según
    dans pour avec sans sont plus mais leur leurs cette comme après avant entre tout tous aussi selon
"""
# Words too common to show that two texts are about the same thing.
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def content_stems(text: str) -> set[str]:
    """The stems of the words that carry meaning: four letters or more (three in non-Latin scripts), no numbers."""
    return {
        w.casefold()[:STEM]
        for w in WORD.findall(text)
        if (len(w) >= 4 or (len(w) == 3 and not w.isascii())) and not w.isdigit() and w.casefold() not in STOPWORDS
    }


def shared_stems(text: str, other: str) -> int:
    return len(content_stems(text) & content_stems(other))
