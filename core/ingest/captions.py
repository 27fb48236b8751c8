"""Tell photo captions from body text.

A caption is kept in the body (it often carries facts) but marked, because "People inspect
the vehicle..." is what a photo shows, not what the reporter asserts. The cues are the ones
picture desks use everywhere: a credit at the end — a bracketed or parenthesized credit
("[Name – Anadolu Agency]", "(Photo by X/AFP via Getty Images)"), a "Photo:"/"Photograph:"/
"Credit:" tag, or a bare agency name after the last sentence ("... in the capital. Reuters").
Only the last 160 characters are examined, so a 5 MB line costs nothing.
"""

from __future__ import annotations

import re

_AGENCIES = (
    r"Reuters|AP|AP Photo|Associated Press|AFP|Agence France-Presse|Getty Images|Getty|EPA|EPA-EFE|EFE|"
    r"Anadolu(?: Agency)?|Xinhua|ANSA|DPA|dpa|Bloomberg|Shutterstock|Alamy|PA|PA Images|PA Wire|"
    r"Sipa|Sipa USA|NurPhoto|Zuma(?: Press)?|ZUMA Wire|SOPA Images|LightRocket|Pool|TASS|Sputnik|"
    r"Kyodo|Yonhap|UPI|NYT|The New York Times|Redux|Abaca|IANS|PTI|ANI|Imago|Alamy Stock Photo|"
    r"Handout|Supplied|Courtesy"
)
_TAIL = re.compile(
    # bracketed credit at the end, with a credit cue inside
    r"(?:[.!?\"”]\s*[\[(](?:[^\[\]()]{0,80}(?:[–—/|]|\b(?:photo|photograph|image|picture|credit|via|courtesy)\b)"
    r"[^\[\]()]{0,80}|(?:" + _AGENCIES + r"))[\])]\s*\.?$)"
    # "Photo: X", "Photograph: X/Reuters", "Credit: X" tag near the end
    r"|(?:\b(?:photo|photograph|photos|image|picture|credit|illustration)s?\s*(?:by)?\s*:\s*[^.!?]{2,80}$)"
    r"|(?:\((?:photo|photograph|image|picture)s? (?:by|courtesy of|credit)\b[^()]{2,80}\)\s*\.?$)"
    # bare agency credit after the last sentence ("... in the capital. Reuters")
    r"|(?:[.!?\"”]\s*(?:(?:photo|image|picture)s?\s*[:/]?\s*)?(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}\s*[/|]\s*)?"
    r"(?:" + _AGENCIES + r")(?:\s*[/|]\s*[\w .'-]{2,40})?\s*$)",
    re.IGNORECASE,
)
MAX_CAPTION_CHARS = 600
_AGENCY_WORDS = frozenset(w.lower() for w in re.findall(r"[A-Za-z][\w-]*", _AGENCIES))
_PROSE_ENDINGS = frozenset(".?!\"'”’…;,")
_CUES = ("photo", "image", "credit", "picture", "illustration")


def is_caption(paragraph: str) -> bool:
    """Whether ``paragraph`` is a photo caption (ends with a picture credit)."""
    if len(paragraph) > MAX_CAPTION_CHARS or not paragraph:
        return False
    tail = paragraph[-160:]
    if tail[-1] in _PROSE_ENDINGS and "/" not in tail[-45:] and ":" not in tail[-60:]:
        return False  # ends like a sentence, with no "Photo: X/Agency." credit before the stop
    # cheap gate: most paragraphs end in a full stop after an ordinary word
    end = tail.rstrip(" .")
    last_words = {w.strip("[]()/|").lower() for w in end[-60:].replace("/", " ").split()[-4:]}
    lower = tail.lower()
    if not (end.endswith(("]", ")")) or last_words & _AGENCY_WORDS or any(c in lower for c in _CUES)):
        return False
    return bool(_TAIL.search(tail))
