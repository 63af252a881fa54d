"""Is a piece of page text story or chrome? General shapes of web pages, judged from the element and the words.

From the element: text inside a figure caption, an aside or navigation, or a box whose class names it a caption,
credit, related list, share bar, tag list, promotion, comment area and the like; text that is all one link.
From the words: "Also read"-style lead-ins in the languages of the wire, rules, counters, share prompts, copyright
and ISSN lines, e-mail addresses, bare dates. Credits (a sign-off, "contributed to this report", "(END)") are
recognised separately: they close the story and say who filed it.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from app.parsers.html.textview import collapse

# Elements whose text is never the story's.
# (Not <form>: ASP.NET pages wrap the whole page in one.)
CHROME_TAGS = frozenset({"figcaption", "figure", "aside", "nav", "footer", "menu", "dialog", "label"})
# Class and id words that name a box of chrome (compared word by word after splitting on - and _).
CHROME_WORDS = frozenset(
    [
        "caption",
        "captions",
        "figcaption",
        "credit",
        "credits",
        "copyright",
        "related",
        "relacionadas",
        "relacionados",
        "recommended",
        "recommendations",
        "recommend",
        "share",
        "sharing",
        "social",
        "promo",
        "promotion",
        "newsletter",
        "subscribe",
        "subscription",
        "signup",
        "byline",
        "author",
        "authors",
        "correction",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "sponsor",
        "sponsored",
        "teaser",
        "teasers",
        "comment",
        "comments",
        "disclaimer",
        "breadcrumb",
        "breadcrumbs",
        "toolbar",
        "toolbox",
        "infobox",
        "factbox",
        "imagedescription",
        "photo",
        "photos",
        "gallery",
        "video",
        "embed",
        "readmore",
        "tags",
        "tag",
        "keywords",
        "topics",
        "timestamp",
        "issn",
        "widget",
        "sidebar",
        "outbrain",
        "taboola",
        "nav",
        "menu",
        "trending",
        "popular",
        "mostread",
        "newsticker",
        "ticker",
        "datum",
        "fecha",
        "date",
        "dateline",
        "pubdate",
    ]
)
_CLASS_SPLIT = re.compile(r"[\s_\-]+")

_RULE = re.compile(r"^[\W_]+$")
ALSO_READ = re.compile(
    r"^(?:also\s+read|read\s+(?:more|also)|see\s+also|related(?:\s+(?:stories|articles|news))?|more|"
    r"lea|lea\s+(?:también|más|además)|leer\s+más|seguir\s+leyendo|ver\s+también|mira\s+también|"
    r"te\s+puede\s+interesar|a\s+lire\s+aussi|à\s+lire\s+aussi|lire\s+aussi|voir\s+aussi|sur\s+le\s+même\s+sujet|"
    r"lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|auch\s+interessant|weiterlesen|leggi\s+anche|"
    r"leia\s+também|also\s+on\s+\S+)\b\s*(?:[:.»›>|-]|$)",
    re.IGNORECASE,
)
ALSO_ON = re.compile(r"^also\s+on\s+[\w.-]+\.[a-z]{2,}\b", re.IGNORECASE)
SHARE_PROMPT = re.compile(
    r"\bshare\s+(?:it|this)\b|\b(?:like|enjoy(?:ed)?)\s+this\s+(?:story|article)\b|\bfollow\s+us\b|"
    r"\bsign\s+up\b|\bsubscribe\b",
    re.IGNORECASE,
)
COUNTER = re.compile(
    r"^\d[\d.,]*\s+(?:comments?|commentaires?|kommentare?|comentarios?|views?|shares?|images|photos|fotos)$|"
    r"\(\s*\d+\s*(?:images?|photos?|fotos?)?\s*\)$|^(?:view|show|afficher|ver)\s+all\b",
    re.IGNORECASE,
)
ADVERTISEMENT = re.compile(
    r"^\W*(?:advertisement|advertising|ad|sponsored(?:\s+content)?|anzeige|werbung|publicidad|publicité|"
    r"pubblicità|story\s+continues\s+below(?:\s+advertisement)?|continue\s+reading\s+below)\W*$",
    re.IGNORECASE,
)
# A picture's credit printed on its own line: "(AP Photo/Jane Roe)", "Foto: dpa", "Photo: Reuters", "© AFP".
PICTURE_CREDIT = re.compile(
    r"^\(?\s*(?:[A-Z]{2,6}\s+)?(?:photo|foto|image|imagen|bild|picture|pic|file\s+photo|photograph)s?\b"
    r"|^\(?\s*(?:getty\s+images|shutterstock|istock)\b",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|^ISSN\b", re.IGNORECASE)
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
CORRECTION = re.compile(
    r"^(?:correction|clarification|editor['’]s\s+note|this\s+(?:story|article)\s+(?:has\s+been|was)\s+"
    r"(?:updated|corrected))\b",
    re.IGNORECASE,
)
# "By Jane Roe", "Von: det/dpa", "Por EFE": names after the label, never "By the numbers".
_NAME = r"(?:[A-ZÀ-Ý][\w.'’\-/]*|[a-z]{1,4}/[a-z]{2,5})"
BYLINE_LINE = re.compile(
    rf"^(?:[Bb]y|[Vv]on|[Pp]or|[Pp]ar)\s*:?\s+{_NAME}(?:(?:\s+|\s*,\s*|\s+(?:and|und|y|et)\s+){_NAME}){{0,8}}$"
)
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|février|"
    r"mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
)
DATE_LINE = re.compile(
    rf"^\W*(?:\w+,?\s+)?(?:\d{{1,2}}[./]?\s*(?:{_MONTHS})\w*\.?|(?:{_MONTHS})\w*\.?\s+\d{{1,2}}|\d{{1,2}}[./]\d{{1,2}}[./])"
    r"[,.]?\s*\d{2,4}\b[^.!?]{0,40}$|^\d{1,2}:\d{2}\b.{0,30}$|^\d{4}-\d{2}-\d{2}\b.{0,30}$",
    re.IGNORECASE,
)
# Credits that close a story.
END_MARKER = re.compile(r"^\(?(?:END|FIN|ENDE|ENDS)\)?\.?$")
WIRES_CREDIT = re.compile(
    r"^(?:with\s+(?:\w+\s+)?wires|wires|source\s*:.{1,60}|fuente\s*:.{1,60}|quelle\s*:.{1,60}|"
    r"\(?\s*con\s+informaci[óo]n\s+de\b.{1,80}|\(?\s*mit\s+material\s+von\b.{1,80}|"
    r"\(\s*avec\s+[^()]{1,40}\)|avec\s+(?:l['’])?(?:AFP|agences?)\.?)$",
    re.IGNORECASE,
)
# "The Associated Press contributed to this report.", "… contributed reporting." (never "… to the report.")
CONTRIBUTED = re.compile(
    r"\bcontributed(?:\s+reporting)?\s+(?:to|for)\s+this\s+(?:report|story|article)\.?$|\bcontributed\s+reporting\.?$",
    re.IGNORECASE,
)
PAREN_CREDIT = re.compile(r"^\((?P<inner>[^()]{1,60})\)$")


def class_words(element: HtmlElement) -> set[str]:
    words = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return {w for w in _CLASS_SPLIT.split(words) if w}


def chrome_box(element: HtmlElement, container: HtmlElement | None) -> str | None:
    """The chrome box holding `element` below the story container, if any (e.g. 'figcaption', 'class related')."""
    node: HtmlElement | None = element
    while node is not None and node is not container:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in CHROME_TAGS:
            return f"<{tag}>"
        hit = class_words(node) & CHROME_WORDS
        if hit:
            return f"box '{sorted(hit)[0]}'"
        node = node.getparent()
    return None


PICTURE_BOX_WORDS = frozenset({"caption", "photo", "image", "imagedescription", "gallery", "figure"})
# A picture's box is close around its credit; wrappers further up are the page's layout.
PICTURE_BOX_LEVELS = 5


def in_picture(element: HtmlElement) -> bool:
    """Inside a picture or its caption: a credit there names the photo agency."""
    node: HtmlElement | None = element
    for _ in range(PICTURE_BOX_LEVELS):
        if node is None:
            break
        if node.tag in ("figure", "figcaption", "picture") or class_words(node) & PICTURE_BOX_WORDS:
            return True
        node = node.getparent()
    return False


def is_link_only(text: str, element: HtmlElement) -> bool:
    """The whole text is the text of one link: a related title, a tag, a menu item."""
    if element.tag == "a":
        return True
    for link in element.iter("a"):
        if collapse(link.text_content()) == text:
            return True
    parent = element.getparent()
    return parent is not None and parent.tag == "a"


def text_chrome(text: str) -> str | None:
    """The chrome shape `text` has, if any (never a credit: see credit_shape)."""
    words = text.split()
    if _RULE.match(text):
        return "rule"
    if ADVERTISEMENT.match(text):
        return "advertisement"
    if PICTURE_CREDIT.match(text) and len(words) <= 12:
        return "picture-credit"
    if ALSO_READ.match(text) or ALSO_ON.match(text):
        return "also-read"
    if len(words) <= 14 and SHARE_PROMPT.search(text) and not text.endswith("."):
        return "prompt"
    if COUNTER.search(text):
        return "counter"
    if COPYRIGHT.match(text):
        return "copyright"
    if EMAIL.match(text):
        return "email"
    if CORRECTION.match(text):
        return "correction-note"
    if len(words) <= 10 and BYLINE_LINE.match(text) and not text.endswith("."):
        return "byline"
    if len(words) <= 8 and DATE_LINE.match(text):
        return "date"
    if len(words) <= 3 and text.endswith(":"):
        return "lead-in"
    return None


def credit_shape(text: str) -> str | None:
    """A credit or sign-off that closes the story: '(END)', 'With Post wires', 'SOURCE: …', '(KNA, DR)', a
    'contributed to this report' note, an e-mail sign-off."""
    if END_MARKER.match(text):
        return "end-marker"
    if WIRES_CREDIT.match(text):
        return "wires-credit"
    if CONTRIBUTED.search(text) and len(text.split()) <= 40:
        return "contributed"
    if PAREN_CREDIT.match(text) and len(text.split()) <= 8:
        return "paren-credit"
    if EMAIL.match(text):
        return "email"
    return None


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_CLOCK = re.compile(r"\b\d{1,2}[:h.]\d{2}\b")
MAX_TIME_LINE_TOKENS = 16


def is_time_line(text: str) -> bool:
    """A short line printing a date with a clock time ("martes 26 de abril de 2022 - 9:10 p.m.", "AFP 30 avril
    2015 à 07:19 (Mis à jour : …)"): the page's time line, judged only above the story, never inside it."""
    return len(text.split()) <= MAX_TIME_LINE_TOKENS and bool(_YEAR.search(text)) and bool(_CLOCK.search(text))


def is_prose(text: str) -> bool:
    """Reads like a sentence of a story: enough words and closing punctuation."""
    return len(text.split()) >= 8 and text.rstrip("”\"’'»)").endswith((".", "!", "?", "…", ":"))


def is_heading(element: HtmlElement) -> bool:
    return isinstance(element.tag, str) and element.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
