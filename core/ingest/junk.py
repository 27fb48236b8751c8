"""Recognize the non-article lines scrapers leave in text: chrome, prompts, teasers, footers.

Every rule is about the *shape* of web furniture, never about a particular story or site:
comment-form boilerplate, newsletter prompts, "See also"/"Read:" teasers, category and source
footers, share/print UI words, taglines ("... since 2009"), stray one-word slugs. Rules only
look at short paragraphs (a real article paragraph is long and ends in a full stop), so a
body sentence that happens to contain "sign up" or "read" is never dropped.

``junk_reason(paragraph)`` returns why a paragraph is junk, or None to keep it.
"""

from __future__ import annotations

import re

MAX_JUNK_CHARS = 220
"""Longer paragraphs are article text, whatever they contain."""

_UI_SET = frozenset(
    """clear|close|menu|search|share|tweet|print|email|e-mail|subscribe|login|log in|sign in|sign up|
    register|advertisement|advertising|ad|ads|sponsored|skip to content|skip to main content|home|next|
    previous|prev|back to top|top|more|comments|comment|reply|loading|cancel|ok|follow us|like|save|
    saved|copy link|copied|listen|play|pause|watch|video|gallery|photos|facebook|twitter|x|linkedin|
    whatsapp|reddit|pinterest|telegram|instagram|youtube|rss|toggle navigation|open menu|close menu|
    search for|go|submit|continue reading|show more|show less|expand|collapse|view comments|
    hide caption|toggle caption|enlarge this image|load more|read more|see more|more stories|
    related stories|related articles|related|most read|most popular|trending now|latest news|
    top stories|share this article|share this|share on facebook|share on twitter|share via email|
    print this page|email this|no comments|post a comment|leave a reply|leave a comment|add a comment|
    cancel reply|newer post|older post|home page|scroll to continue with content|
    story continues below advertisement|ad feedback|source link|image source|video source|
    photo gallery|listen to this article|image|photo|caption""".replace("\n", "").split("|")
)
_UI_SET = frozenset(w.strip() for w in _UI_SET)

_ANCHORED: tuple[tuple[str, str], ...] = (
    # comment forms and blog footers
    (r"no comments?\s*:?$|\d+\s+comments?:?$|comments? are closed\.?$", "comment form"),
    (r"(?:post|leave|add|write|submit) (?:a |your )?(?:comment|reply|response)\b", "comment form"),
    (r"save my name, email|notify me of (?:new|follow-up)|subscribe to:? post comments", "comment form"),
    (r"(?:newer|older) posts?\b|posted by\s+\S+\s+at\s+\d", "blog chrome"),
    # newsletter and sign-up prompts
    (r"thank you for (?:signing up|subscribing|registering)|thanks for (?:signing up|subscribing)"
     r"|start your (?:day|morning|week)\b|enter your e-?mail|get (?:the|our) \w+(?: \w+)? (?:newsletter|briefing)"
     r"|(?:sign up|subscribe)(?: now| today| here)?\s*(?:[:!.\-–—]|$)|by signing up\b",
     "newsletter prompt"),
    # teasers
    (r"(?:see also|also see|read also|also read|read more|more reading|you may also like|you might also like"
     r"|more (?:on|from) (?:this|the) (?:story|topic|section|author))\b", "teaser"),
    (r"(?:related(?: stories| articles| reading| coverage| content| links)?|recommended(?: stories| reading| for you)?"
     r"|most read|most popular|most viewed|don'?t miss|trending(?: now| stories)?|more stories)\s*(?:[:|–—-]|$)",
     "teaser"),
    (r"(?:read|watch|listen|explainer|opinion|analysis|live|video|photos|gallery)\s*[:|–—]\s*\S", "teaser"),
    # footers
    (r"(?:categories|category|tags?|filed under|topics?|posted in|sections?|keywords)\s*:", "category footer"),
    (r"source\s*:\s*\S+(?:\s+\S+){0,7}$|source link$|sources?\s*[:\-–—]?\s*$|via\s*:\s*\S"
     r"|originally published (?:at|on|by)\b",
     "source footer"),
    (r"©|\(c\)\s*(?:19|20)\d{2}|copyright\s*(?:©|\(c\))?\s*(?:19|20)\d{2}", "copyright footer"),
    (r"(?:share|share this|share on|share via|follow us on|follow)\s*(?:article|story|post|on)?\s*[:|]",
     "share chrome"),
    (r"(?:advertisement|sponsored content|paid content|promoted|sponsored)\s*(?:[:|–—-]|$)", "advertisement"),
    (r"(?:follow us|follow)(?: on [\w ,&]{1,40})?[.!]?$|(?:our standards|editorial standards|corrections policy"
     r"|ethics policy|terms of (?:use|service)|privacy policy|cookie (?:policy|settings))\b", "site chrome"),
    (r"(?:(?:updated|published|posted|last updated)\s+)?(?:\d{1,3}|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?"
     r"|days?|weeks?|months?)\s+ago\.?$|just now$", "relative timestamp"),
    (r"\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.?\s+read$|(?:reading time|read time)\s*:?\s*\d{1,3}\s*min", "reading time"),
    (r"this (?:article|story) (?:was|has been) (?:updated|corrected)\b.{0,40}$", "update note"),
    # credit lines ("With Reuters wire", "With files from AP")
    (r"with [\w.&' ]{1,40} (?:wires?|files|agencies|reporting)\.?$"
     r"|(?:additional reporting by|reporting by|with files from|with reporting (?:by|from))\s+[\w.&',; ]{1,60}\.?$",
     "wire credit"),
    # taglines ("Creating new perspectives since 2009", "Est. 1887")
    (r"(?:[a-z]+ing\b|your\b|the (?:voice|home|source) of\b|news you\b)[\w ,&'-]{0,60}"
     r"\b(?:since|est\.?|established|founded)(?: in)? (?:1[89]|20)\d{2}$"
     r"|(?:est\.?|established|founded)(?: in)? (?:1[89]|20)\d{2}$", "tagline"),
)
_START = re.compile(
    "|".join(f"(?P<r{i}>{pattern})" for i, (pattern, _) in enumerate(_ANCHORED)), re.IGNORECASE
)
_START_REASON = {f"r{i}": reason for i, (_, reason) in enumerate(_ANCHORED)}
# Unanchored rules are gated by a cheap substring test so most paragraphs skip the regex.
_ANYWHERE: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = tuple(
    (gate, re.compile(pattern, re.IGNORECASE), reason)
    for gate, pattern, reason in (
        (("email address", "required fields"),
         r"your email address will not be published|required fields are marked", "comment form"),
        (("newsletter",),
         r"\bnewsletters?\b.*\b(?:sign|subscrib|inbox|email|deliver)|\b(?:sign|subscrib)\w*\b.*\bnewsletters?\b",
         "newsletter prompt"),
        (("deliver", "inbox"), r"\bdelivers? the (?:latest|top|best|biggest)\b|\b(?:in|to) your inbox\b",
         "newsletter prompt"),
        (("rights reserved",), r"\ball rights reserved\b", "copyright footer"),
    )
)
_GATE = re.compile("|".join(re.escape(g) for gate, _, _ in _ANYWHERE for g in gate), re.IGNORECASE)
_FORM_REASONS = frozenset({"comment form", "copyright footer"})
_SLUG = re.compile(r"^[a-z][a-z0-9_\-]{2,40}$")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_HAS_SENTENCE = re.compile(r"[a-z][.!?][\"'”’)]?$")


def junk_reason(paragraph: str) -> str | None:
    """Why ``paragraph`` is site furniture rather than article text, or None."""
    if len(paragraph) > MAX_JUNK_CHARS:
        return None
    key = paragraph.strip().rstrip(":.!…").strip().lower()
    if key in _UI_SET:
        return "site chrome"
    if _SLUG.match(paragraph) and not _URL_LINE.match(paragraph):
        return "author slug / stray token"
    if paragraph in {"×", "✕", "▶", "•", "|", "-", "—", "*", "* * *", "***", "...", "…"}:
        return "site chrome"
    words = paragraph.count(" ") + 1
    m = _START.match(paragraph)
    if m and m.lastgroup:
        reason = _START_REASON[m.lastgroup]
        # a long sentence is prose, except for the form footers
        if words <= 30 or reason in _FORM_REASONS:
            return reason
    if not _GATE.search(paragraph):
        return None
    lower = paragraph.lower()
    for gate, pattern, reason in _ANYWHERE:
        if any(g in lower for g in gate) and pattern.search(paragraph) and (words <= 30 or reason in _FORM_REASONS):
            return reason
    return None
