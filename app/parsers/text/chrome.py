"""Site chrome: the named rules that tell a page's menus, prompts, captions and disclaimers from story text.

Each rule is a general shape (wording or structure), never a string from one page. A new site usually
needs nothing; an odd one needs a pattern added to one of the tables below and a line in test_chrome.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words a sentence ends with; a story paragraph always ends with one of these.
SENTENCE_END = tuple(".!?\"'”’)।…:;")

# "Also Read: <title>" and its cousins: a link to another story dropped between paragraphs.
ALSO_READ = re.compile(
    r"^(?:also\s+read|read\s+also|read\s+more|more\s+read|must\s+read|also\s+see|see\s+also|also\s+watch|"
    r"watch\s+also|recommended|suggested|ये\s+भी\s+पढ़ें|यह\s+भी\s+पढ़ें|इसे\s+भी\s+पढ़ें|और\s+पढ़ें|"
    r"ये\s+भी\s+देखें|यह\s+भी\s+देखें|"
    # Spanish, French and German link labels: "Lea también:", "A lire aussi :", "Lesen Sie auch:".
    r"lea|lea\s+(?:más|también|además)|lee\s+(?:más|también)|leer\s+más|seguir\s+leyendo|ver\s+también|"
    r"(?:à|a)\s+lire\s+(?:aussi|également)|lire\s+aussi|voir\s+aussi|"
    r"lesen\s+sie\s+auch|siehe\s+auch|mehr\s+zum\s+thema|weiterlesen)"
    r"(?:\s+on)?\s*(?:[:ः|\-–—»>]|$)"
    # Shorter link labels only with a colon or pipe after them: "READ: ...", "Related News | ...". ("WATCH: ..." is
    # left out: video stories carry it in their headline.)
    r"|^(?:read|related(?:\s+(?:news|stories|story|articles?|posts?))?|also\s+check|check\s+out|don'?t\s+miss|"
    r"click\s+here)\s*[:|]\s*\S",
    re.IGNORECASE,
)
# Ad slots left as text.
ADVERTISEMENT = re.compile(
    r"^(?:advertisement|advertisment|advertisements|advt\.?|ad|sponsored|"
    r"story continues below(?: this ad| advertisement)?|"
    r"continue reading below|विज्ञापन|scroll to continue with content)$",
    re.IGNORECASE,
)
# A heading that opens a list of other stories; the rest of its block is that list.
LIST_HEADING = re.compile(
    r"^(?:(?:related|trending|popular|latest|top|more|recommended|must|editor'?s|also|similar|other|next|"
    r"अगला|ताज़ा|ट्रेंडिंग|संबंधित)[\w\s'’&-]{0,25}|you may (?:also )?like|read more|also read|must watch|"
    r"हाइलाइट्स|(?:story |key |news )?highlights|key (?:points|takeaways)|in short|summary|at a glance|"
    r"in (?:this|the) (?:story|article))\s*:?$",
    re.IGNORECASE,
)
# Lines after which nothing is story: the site's own end of article.
END_MARKER = re.compile(
    r"^(?:-{2,}\s*ends?\s*-{2,}|\(?ends?\)?\.?|—\s*30\s*—|-30-|#{3,}|nnnn|खबरें और भी हैं\W*|"
    r"(?:tags?|topics?|related topics|keywords|"
    r"filed under|read more on|share this|like this|leave a (?:reply|comment)|comments?|post a comment|"
    r"location|published by|first published|also on)\b.{0,200}|copyright\b.*|©.*|.*\ball rights reserved\b.*)$",
    re.IGNORECASE,
)
# The site's note that the copy came from a feed unedited ("Disclaimer: This post has been auto-published ...").
_DISCLAIMER_LABEL = re.compile(r"^\(?\s*(?:disclaimer\b|अस्वीकरण)", re.IGNORECASE)
_DISCLAIMER_AUTO = re.compile(r"auto-?\s?(?:published|generated)|ऑटो-?पब्लिश|ऑटो-?जनरेट|\bunedited\b", re.IGNORECASE)
_DISCLAIMER_FEED = re.compile(r"\b(?:feed|wire|syndicat\w*|agency|agencies)\b|एजेंसी|फीड", re.IGNORECASE)
_DISCLAIMER_SELF = re.compile(
    r"\bthis (?:story|article|report|post|copy|news|content|text)\b|\bstaff\b|\bthe text\b|यह खबर|इसमें|"
    r"\bthe (?:story|article|report|content|copy) above\b|\bthe above (?:story|article|report|content|copy)\b",
    re.IGNORECASE,
)
_DISCLAIMER_EDIT = re.compile(
    r"\b(?:not\s+(?:been\s+)?edited|has not edited|have not edited|without (?:any )?modifications?|"
    r"no responsibility|not responsible|reworked|only the headline|except for the headline|not modified|"
    r"has not been (?:reviewed|modified|changed)|without (?:any )?edit(?:s|ing)?|as received|"
    r"(?:does|do) not vouch|no editorial (?:role|responsibility|intervention))\b|बदलाव नहीं|संपादित नहीं|संपादन नहीं",
    re.IGNORECASE,
)
# Prompts to act on the page: share, follow, subscribe, log in, listen, read time, app downloads.
PROMPT = re.compile(
    r"^(?:share(?:\s+(?:this|now|via|on|article|story|this article|this story))?|follow(?:\s+us)?|"
    r"subscribe|sign\s*(?:in|up)|"
    r"log\s*in|login|hello,?\s*log\s*in|listen(?:\s+to)?|read time|reading time|print|email|copy link|"
    r"save|bookmark|comment|whatsapp|facebook|twitter|telegram|linkedin|reddit|click to share|open in app|"
    r"download (?:the )?app|watch live|live tv|e-?paper|get (?:the )?app|read later|font size|text size|"
    r"(?:add|set) .{0,30} as (?:a )?(?:preferred|trusted) source)\b",
    re.IGNORECASE,
)
# Promotion of the site itself, in sentences that read like prose.
PROMOTION = re.compile(
    r"\b(?:download (?:our|the)\b.{0,40}\bapp|"
    r"^get (?:current|all the latest|breaking) (?:updates|news)\b|^catch (?:all )?the latest\b|"
    r"subscrib(?:e|ing) to our|like us on facebook|follow us on|"
    r"^stay (?:informed|updated)|^get (?:the )?latest\b.{0,60}\bnews|^get the news updates|track latest news|"
    r"^click here (?:for|to)\b|^for (?:more|the latest|all the latest)\b.{0,60}\b(?:follow|download|click|visit|"
    r"subscribe|like us)|"
    r"discover the latest|breaking news and live news|don'?t miss the most important|sign up for our|"
    r"support (?:our|independent) journalism|readers like you|"
    r"join\b.{0,40}\b(?:whatsapp|telegram|youtube|google news)\s+(?:channel|group|community)|"
    r"stay connected with us|click here to (?:join|follow|subscribe|download)|"
    r"(?:follow|find) .{0,40}\bon google news|get daily updates from)\b",
    re.IGNORECASE,
)
# The site's note that it added agency material: "(With inputs from PTI)", "— With agency inputs".
WITH_INPUTS = re.compile(
    r"^[(\[]?\s*(?:[—–-]\s*)?with\s+(?:(?:additional|agency|wire|pti|ians|ani|uni)\s+)?inputs?"
    r"(?:\s+from\s+[^()\[\]]{1,60})?\s*[.)\]]*$",
    re.IGNORECASE,
)
# Photo captions and credits: "(Photo: IANS)", "| Photo Credit: PTI", "(File photo)", "| Image: AP".
CAPTION = re.compile(
    r"(?:[(\[|.]\s*|^)(?:photo(?:\s*credit)?|image|picture|pic|file\s+photo|file\s+image|representative\s+image|"
    r"representational\s+image|representational\s+photo|ani\s+photo|pti\s+photo|ians\s+photo|फोटो|तस्वीर|"
    # "(File)", "(Representational)", ". Image for representation only", "(Image used for representation)"
    r"file|representational|representative|symbolic|(?:(?:image|photo|picture)\s+(?:used\s+)?)?for\s+representation"
    r"(?:al)?(?:\s+(?:purposes?|only))?)"
    r"(?:\s*(?:credit|courtesy))?\s*(?::[^()\[\]|]{0,60})?\s*[)\]]?\s*$",
    re.IGNORECASE,
)
# Editor's notes above or between paragraphs: "(Updates to close)", "(Eds: ...)", "(Adds details ...)".
EDITOR_NOTE = re.compile(
    r"^\((?:eds?:|editors?:|note to editors|adds\b|updates?\b|recasts?\b|corrects?\b|changes\b|refiles?\b|"
    r"rewrites?\b|writes through|inserts?\b|removes?\b|fixes\b|repeats?\b|re-?tops?\b|moves\b|new throughout|"
    r"combines\b|clarifies\b|amends\b|releads?\b|adds\s)[^)]*\)$",
    re.IGNORECASE,
)
# A line of short items joined by separators: a menu or a tag strip.
_SEPARATORS = re.compile(r"\s*[|•·]\s*")
BREADCRUMB_SEPARATORS = re.compile(r"\s+[/›»>]\s+|\s*[›»]\s*")
BULLET = re.compile(r"^[•▪●◦‣∙*]\s*")


def words(line: str) -> list[str]:
    return line.split()


@lru_cache(maxsize=4096)
def is_disclaimer(line: str) -> bool:
    """The site saying the text is the agency's, unedited: by its label, or by talking about itself and a feed."""
    if _DISCLAIMER_LABEL.match(line):
        return True
    edited = bool(_DISCLAIMER_EDIT.search(line))
    automatic = bool(_DISCLAIMER_AUTO.search(line))
    if _DISCLAIMER_SELF.search(line) and (edited or automatic):
        return True
    return bool(_DISCLAIMER_FEED.search(line) and automatic)


def is_menu(line: str) -> bool:
    """Short items separated by pipes or bullets ("Home | News | Business"), none of them a sentence."""
    parts = [p for p in _SEPARATORS.split(line) if p]
    return len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts) and not line.rstrip().endswith((".", "?", "!"))


def breadcrumb(line: str, headline: str | None = None) -> list[str] | None:
    """The crumbs of a breadcrumb line ("Home / News / Sports"), or None if the line is not one."""
    parts = [p.strip() for p in BREADCRUMB_SEPARATORS.split(line) if p.strip()]
    if len(parts) < 2:
        return None
    heads = [p for p in parts if headline is None or p != headline]
    if all(len(p.split()) <= 4 for p in heads) and not any(p.endswith((".", "?", "!")) for p in heads):
        return parts
    return None


# A credit label closing a caption: "Credit: iStock Photo", "- फोटो : अमर उजाला", "(Image: ANI)", "| Pic: X".
CAPTION_CREDIT = re.compile(
    r"(?:^|[.(|\-–—]\s*)(?:photo|image|picture|pic|video|credit|courtesy|फोटो|तस्वीर|चित्र)s?"
    r"(?:\s*(?:credit|courtesy|source))?\s*:\s*[^()|:.]{1,60}\)?$",
    re.IGNORECASE,
)
# A caption that says what it is first: "File image of ...", "Representative image", "Representational photo".
CAPTION_LEAD = re.compile(
    r"^(?:file|representative|representational|symbolic|archive)\s+(?:photo|image|pic|picture)s?\b", re.IGNORECASE
)
# A credit word after the caption text: "... New Delhi. Tribune file photo", "... (फाइल फोटो)".
CAPTION_TAIL = re.compile(r"(?:\bfile\s+(?:photo|image|pic|picture)|फाइल\s+फोटो)s?\s*\)?$", re.IGNORECASE)


# A credit glued with a slash after the caption: "... at the site. Pic/PTI", "(Photo/AFP)", "| Image/Reuters".
CAPTION_SLASH_CREDIT = re.compile(
    r"(?:^|[.(|]\s*)(?:photo|pic|picture|image|file)s?\s*/\s*[A-Za-z][\w .&'’-]{0,40}\)?$", re.IGNORECASE
)


# An agency's own picture credit closing a caption: "... 2023. REUTERS/Francis Mascarenhas", "(AP Photo/Name)",
# "(Photo by NAME / AFP)", "AFP PHOTO / NAME".
AGENCY_PICTURE_CREDIT = re.compile(
    r"(?:\bREUTERS/[A-Z][\w .'’-]{1,60}(?:/File Photo)?|"
    r"\((?:AP|AFP|PTI|ANI|IANS|UNI|Reuters) Photo(?:\s*/\s*[^()]{1,60})?\)|"
    r"\((?:photo|picture|image)s? by [^()]{1,60}/\s*(?:AFP|AP|Reuters|Getty Images|PTI|ANI|IANS|UNI|Pool)\s*\)|"
    r"\bAFP PHOTO\s*/\s*[^()]{1,60})$",
    re.IGNORECASE,
)
# A pointer to a video or post the text does not hold: "Watch the video below:", "See the visuals here".
MEDIA_PROMPT = re.compile(
    r"^(?:watch|see|view|check out|listen to|here is|here's)\s+(?:the\s+|this\s+|his\s+|her\s+)?"
    r"(?:video|clip|visuals?|pictures?|photos?|tweet|post|reel)s?(?:\s+(?:here|below|above))?\s*[:|.\-]?$",
    re.IGNORECASE,
)


# A caption credited only with an agency or picture service in brackets: "... in New Delhi. (Reuters)". The same shape
# closes ANI copy as its sign-off, so a line like this is only a caption where more story follows it.
CAPTION_AGENCY_PAREN = re.compile(r"[.!?]\s*\((?:Reuters|AFP|AP|Getty Images|Bloomberg|EPA|Pool|PTI|IANS)\)$")


# A picture credit on a line of its own under the caption: the photographer, then the agency or picture service
# ("Jane Roe, AP", "John Doe/dpa", "Foto: Jane Roe/dpa", "Photo: Jane Roe / Reuters").
PICTURE_CREDIT_LINE = re.compile(
    r"^(?:(?:foto|photo|bild|image|imagen|picture)s?\s*:\s*)?"
    r"[A-ZÀ-Þ][\w.'’\-]*(?:\s+[A-ZÀ-Þ][\w.'’\-]*){0,3}\s*[,/]\s*"
    r"(?:AP|AFP|Reuters|REUTERS|dpa|EFE|EPA|Getty Images|USA TODAY|USA TODAY Sports|The Associated Press|ANP|"
    r"picture alliance|Keystone|Xinhua|Yonhap|IANS|PTI|ANI)(?:\s*/\s*[\w .\-]{1,30})?$"
)


# Credits and marks a picture's caption carries, in the forms agencies and sites print them: "(REUTERS/Name)",
# "Foto: Name/dpa", "© AFP / NAME", "(Photo Name. AFP)", "vía AP", "Name (left) and ...", "... Timothy Weeks AP".
PICTURE_CREDIT = re.compile(
    r"\(\s*(?:[A-Z][\w&.\- ]{1,30})/[^()]{2,60}\)\s*$|"
    r"\b(?:foto|photo|fotos|photos|bild|image|imagen|crédito|credit|cortesía|courtesy)\s*:\s*\S|"
    r"\((?:photo|foto|picture|image)\b[^()]{1,80}\)\s*$|"
    r"/\s*(?:dpa|afp|ap|reuters|epa|efe|getty images|picture alliance)\b|"
    r"©\s*\S|\bvía (?:AP|AFP|Reuters|EFE)\b|\bvia (?:AP|AFP|Reuters|Getty)\b|"
    r"\((?:left|right|center|centre|L|R|C|top|bottom)\)|"
    r"(?<![.!?])\s(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|dpa|EFE|AP Photo)$",
    re.IGNORECASE,
)


def has_picture_credit(line: str) -> bool:
    """A caption's credit or mark, or an agency name glued to the end of a line that is no sentence."""
    match = PICTURE_CREDIT.search(line)
    return match is not None and len(line.split()) <= 80


def is_caption(line: str) -> bool:
    if len(line) >= 400:
        return False
    if CAPTION.search(line) or CAPTION_CREDIT.search(line) or CAPTION_TAIL.search(line):
        return True
    if AGENCY_PICTURE_CREDIT.search(line) and len(line.split()) <= 60:
        return True
    if CAPTION_SLASH_CREDIT.search(line) and len(line.split()) <= 30:
        return True
    return bool(CAPTION_LEAD.match(line)) and len(line.split()) <= 25


# A page's interface links: skip links, navigation, account and listing controls ("Skip to main content",
# "View all", "What's on ..."), in the languages the service sees.
INTERFACE = re.compile(
    r"^(?:skip to\b|jump to\b|go to\b|back to\b|menu\b|search\b|log ?in\b|sign ?(?:in|up)\b|"
    r"newsletter\b|cookie|privacy\b|terms of (?:use|service)\b|contact us\b|about us\b|advertise with\b|"
    r"what['’]s on\b|view all\b|see all\b|show all\b|load more\b|ver más\b|mehr zum thema\b|"
    r"(?:zum|zur) (?:inhalt|hauptinhalt|navigation)\b|ir al contenido\b|aller au contenu\b|"
    r"anmelden\b|suche\b|buscar\b|rechercher\b|s['’]abonner\b|suscr[ií]b|zeige nur\b)",
    re.IGNORECASE,
)


def is_interface(line: str) -> bool:
    return bool(INTERFACE.match(line)) and len(line.split()) <= 8


# A list's item: a title (no sentence end) of at most this many words.
MAX_LIST_ITEM_WORDS = 25


def listed_lines(texts: list[str]) -> set[int]:
    """Positions of the items of link lists: the title lines that follow a list heading ("Related", "More On:",
    "Most Popular Today"), each in its own block or not, up to the next sentence."""
    listed: set[int] = set()
    in_list = False
    for index, text in enumerate(texts):
        if LIST_HEADING.match(text) and not is_prose(text):
            in_list = True
            continue
        if in_list and not is_prose(text) and len(text.split()) <= MAX_LIST_ITEM_WORDS:
            listed.add(index)
            continue
        in_list = False
    return listed


def is_prompt(line: str) -> bool:
    return bool(PROMPT.match(line)) and len(line.split()) <= 12


def is_prose(line: str) -> bool:
    """Story text ends like a sentence; menus, titles and headings do not."""
    return line.endswith(SENTENCE_END) and len(line.split()) >= 3


# AFP's crosshead between paragraphs, set off by dashes: "- 'Not the end' -", "— Talks stall —". Part of the copy.
AGENCY_CROSSHEAD = re.compile(r"^[-–—]\s+(?P<head>[^\s\-–—].{0,80}?[^\s\-–—])\s+[-–—]$")


def is_agency_crosshead(line: str) -> bool:
    """A dash-framed crosshead of a few words; "- Advertisement -" and other framed chrome are not one."""
    match = AGENCY_CROSSHEAD.match(line)
    if match is None:
        return False
    head = match.group("head")
    return (
        len(head.split()) <= 10
        and not head.endswith((".", "!", "?"))
        and not is_inline_chrome(head)
        and not is_prompt(head)
        and not is_page_end(head)
        and not LIST_HEADING.match(head)
    )


# The agency's or site's note on a correction: "This story has been corrected to show ...", "Editor's note: ...".
CORRECTION_NOTE = re.compile(
    r"^\(?(?:this (?:story|article|report|version) (?:has been|was|is) (?:corrected|updated|amended|changed|refiled|"
    r"first published|originally published)\b|"
    r"editor'?s'? note\s*:|correction\s*:)",
    re.IGNORECASE,
)
# A writer's contact note: "(Jane Roe can be contacted at jane.r@example.in)", "The writer can be reached at ...".
CONTACT_NOTE = re.compile(
    r"^\(?[^()]{2,80}\bcan be (?:contacted|reached|mailed|emailed)\s+(?:at|on)\s+(?:\S+@\S+?|\+?\d[\d \-]{6,}\d)\)?\.?$"
)
# The site asking for letters or feedback: "We welcome your comments at letters@...", "Write to us at ...".
FEEDBACK = re.compile(
    r"^(?:we welcome your (?:comments|feedback|views|letters)|write to us at|"
    r"send (?:us )?your (?:feedback|comments|views)|"
    r"(?:for )?(?:comments|feedback|queries),? (?:write|mail|email) (?:to|us))\b",
    re.IGNORECASE,
)


# A pull quote: a short line wholly inside quote marks, with no words outside them.
PULL_QUOTE = re.compile(r"^[\"“‘']\s*(?P<quote>[^\"“”]{10,200}?)[.,!?]?\s*[\"”’']$")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def is_pull_quote(line: str, others: list[str]) -> bool:
    """A quote the site lifted from the story and printed again on its own: its words are in another line."""
    match = PULL_QUOTE.match(line)
    if match is None or len(line.split()) > 30:
        return False
    quote = match.group("quote").translate(_QUOTES).strip().casefold()
    return any(quote in other.translate(_QUOTES).casefold() for other in others if other != line)


# A link set inside brackets: "(Also Read: ...)", "[Read more: ...]".
BRACKETED = re.compile(r"^[(\[]\s*(?P<inner>.+?)\s*[)\]]$")


# A line that sends the reader to an address: "For a graphic on the index, click https://example.com/x".
LINK_LINE = re.compile(r"^.{0,120}\b(?:click|see|visit|tap|go to|read)\b.{0,40}\s(?:https?://|www\.)\S+$", re.I)
# Ad slot labels, alone or run together with separators: "Advertisement · Scroll to continue".
_AD_PARTS = re.compile(
    r"^(?:advertisement|advertisment|ad|sponsored|scroll to continue(?: with content)?|continue reading below)$",
    re.IGNORECASE,
)


def is_ad_slot(line: str) -> bool:
    parts = [p for p in _SEPARATORS.split(line) if p.strip()]
    return len(parts) >= 2 and all(_AD_PARTS.match(p.strip()) for p in parts)


# The site's cookie or consent notice, in the languages the service sees.
COOKIE_NOTICE = re.compile(
    r"\bcookies?\b.{0,200}\b(?:website|web site|site|sitio|webseite|website|navigation|navegación|browsing|"
    r"consent|zustimm\w*|akzept\w*|accept\w*|aceptar|utilizamos|verwenden|utilisons)\b|"
    r"\b(?:we use|wir verwenden|utilizamos|nous utilisons|este sitio (?:web )?utiliza)\b.{0,40}\bcookies?\b",
    re.IGNORECASE,
)


def is_tag_list(line: str) -> bool:
    """A strip of tags or sections joined by commas ("Labor , Video , Business News , ..."): four or more short
    items and no sentence end."""
    parts = [p.strip() for p in line.split(",") if p.strip()]
    return len(parts) >= 4 and all(len(p.split()) <= 4 for p in parts) and not line.rstrip().endswith((".", "!", "?"))


def is_inline_chrome(line: str) -> bool:
    """Chrome that sits between story paragraphs and is skipped (the story goes on after it)."""
    unbulleted = BULLET.sub("", line)
    if unbulleted != line and is_inline_chrome(unbulleted):
        return True  # "• Also Read: ..."
    return (
        is_ad_slot(line)
        or bool(COOKIE_NOTICE.search(line))
        or bool(LINK_LINE.match(line))
        or bool(ALSO_READ.match(line) or ADVERTISEMENT.match(line) or EDITOR_NOTE.match(line))
        or bool(BRACKETED.match(line) and ALSO_READ.match(BRACKETED.sub(r"\g<inner>", line)))
        or bool(CORRECTION_NOTE.match(line) or FEEDBACK.match(line) or MEDIA_PROMPT.match(line))
        or bool(CONTACT_NOTE.match(line))
        or is_caption(line)
        or bool(PROMOTION.search(line))  # a short plug; a long one ends the story (is_page_end)
    )


# The site's note about the writer or desk below the story: "About the author", "X Newsdesk is the editorial team
# of ...", "X Web Desk is a team of ...".
AUTHOR_BIO = re.compile(
    r"^(?:about (?:the )?(?:author|writer)s?\b|[A-Z][\w.'’ -]{0,40}?\b(?:desk|news\s?desk|digital team|web team|"
    r"editorial team|news team|bureau)\s+(?:is|are|comprises|consists)\s+(?:the|a|an|our)\b)",
    re.IGNORECASE,
)
# A wire agency's own footer pointing to its coverage: "Follow AP's coverage of ... at https://...".
AGENCY_FOOTER = re.compile(
    r"^(?:follow|find more of|see more of|read more of|more of)\s+(?:the\s+)?(?:AP|AFP|Reuters)['’]s\s+"
    r"(?:[\w\-]+\s+){0,3}coverage\b",
    re.IGNORECASE,
)


# A social post the site embedded: its link line ("pic.twitter.com/...", a bare x.com / instagram URL) or its
# attribution line ("— Name (@handle) January 16, 2025"). The block that holds one is the embed, never story.
EMBED_MARKER = re.compile(
    r"(?:^|\s)pic\.twitter\.com/\w+$|"
    r"^https?://(?:www\.)?(?:t\.co|twitter\.com|x\.com|instagram\.com|facebook\.com|youtu\.be|youtube\.com)/\S*$|"
    r"^[—–-]{1,2}\s*[^()\n]{1,80}\(@\w{1,30}\)\s*(?:[A-Za-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]+,? \d{4})?$|"
    # Instagram / Facebook / Threads embeds: "View this post on Instagram", "A post shared by Name (@handle)".
    r"^view (?:this|the) (?:post|reel|video|photo) on (?:instagram|facebook|threads|x|twitter)$|"
    r"^an? (?:post|reel|video|photo) shared by .{1,80}\(@[\w.]{1,30}\)$",
    re.IGNORECASE,
)
# An item of a list inside the story: "- Up to Rs 4 lakh: nil", "2. Whether notices were served", "• Three new lines".
LIST_ITEM = re.compile(r"^(?:[-–•*▪]|\(?\d{1,2}[.)]|\(?[a-h][.)])\s+\S")
# An author box below the story: the writer's name alone, then a sentence about them opening with that name.
BIO_VERB = re.compile(r"^\s+(?:is|was|has|had|writes|covers|works|reports|joined|leads|heads)\b")


def is_author_bio(name: str, following: str) -> bool:
    """`name` (a line of two to four capitalised words) followed by `following`, a sentence about that person."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not name.endswith(SENTENCE_END)
        and following.startswith(name)
        and bool(BIO_VERB.match(following[len(name) :]))
        and is_prose(following)
    )


# The site's source credit under a story it compiled or carried: "SOURCE: News agencies", "Fuente: EFE".
SOURCE_CREDIT = re.compile(r"^(?:source|sources|fuente|fuentes|quelle)\s*:\s*[^\s].{0,60}$", re.IGNORECASE)


def is_page_end(line: str) -> bool:
    """Chrome after which nothing more is story: disclaimers, end markers, tag strips, site promotion."""
    promotion = bool(PROMOTION.search(line)) and len(line.split()) >= 8  # a short "Follow us on X" is a prompt
    return (
        is_disclaimer(line)
        or bool(END_MARKER.match(line))
        or promotion
        or bool(AUTHOR_BIO.match(line))
        or bool(WITH_INPUTS.match(line))
        or bool(AGENCY_FOOTER.match(line))
        or bool(SOURCE_CREDIT.match(line))
    )
