"""A place named after a compass point, written as a region by one outlet: "East Tarvena"
(the town) against "eastern Tarvena".

Towns such as "East Harlow" or "North Corvana" lose their name when an outlet lowercases the
first word: "eastern Harlow" reads as a part of Harlow, not the town. The outlets that write
the capitalised name are the reference; an outlet that writes only the region form for the
same name disagrees on what the place is, and an editor checks it. The capitalised name must
be used by two or more independent outlets, and more of them than the region form, so a
story that speaks of "southern Africa" as a region is not set against "South Africa".
"""

from __future__ import annotations

import re
from collections import defaultdict

from .observe import Sentence
from .spellings import Spelling

_CAPITAL = re.compile(r"\b(East|West|North|South)\s+([A-Z][a-z]{3,})\b")
_REGION = re.compile(r"\b(eastern|western|northern|southern)\s+([A-Z][a-z]{3,})\b")
_POINT = {"eastern": "East", "western": "West", "northern": "North", "southern": "South"}


def compass_groups(sentences: list[Sentence]) -> list[dict[str, list[Spelling]]]:
    """Groups in the shape ``spelling_groups`` returns (written form → its uses): the
    capitalised name first, the region form second."""
    named: dict[str, list[Spelling]] = defaultdict(list)
    region: dict[str, list[Spelling]] = defaultdict(list)
    for sent in sentences:
        for m in _CAPITAL.finditer(sent.text):
            named[f"{m.group(1)} {m.group(2)}"].append(Spelling(m.group(0), sent, m.start(), m.end()))
        for m in _REGION.finditer(sent.text):
            key = f"{_POINT[m.group(1)]} {m.group(2)}"
            region[key].append(Spelling(m.group(0), sent, m.start(), m.end()))
    out = []
    for key, uses in sorted(named.items()):
        writers = {u.sent.article for u in uses}
        others = [u for u in region.get(key, ()) if u.sent.article not in writers]
        named_roots = {u.sent.root for u in uses}
        other_roots = {u.sent.root for u in others} - named_roots
        if others and len(named_roots) >= 2 and len(named_roots) > len(other_roots) and other_roots:
            out.append({key: uses, others[0].word: others})
    return out
