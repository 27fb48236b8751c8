"""Human-readable fact labels and stable fact ids.

A label names the slot, not a value: the counted noun (or the event, for dates and times)
followed by the context words the outlets share, in the order the first outlet wrote them
("deaths: flood, valley, since, Tuesday"). It is built from the text, so it reads in the
story's own words.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from wiredesk.core.facts.align import Idf
from wiredesk.core.facts.lexicon import STOPWORDS, canon
from wiredesk.core.facts.observe import Obs

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")

_PLURAL_HEADS = {"attack": "attacks", "kill": "deaths", "injure": "injuries", "arrest": "arrests",
                 "vote": "votes"}


def shared_words(obs: list[Obs], idf: Idf, limit: int = 4) -> list[str]:
    """Context words most of the slot's sentences share, as written in the first sentence."""
    counts: Counter[str] = Counter()
    for o in obs:
        counts.update(o.context)
    need = 2 if len({o.article for o in obs}) > 1 else 1
    ranked = sorted((w for w, c in counts.items() if c >= need), key=lambda w: (-idf(w) * counts[w], w))
    keep = set(ranked[:limit])
    first = obs[0].sent.text
    out: list[str] = []
    for m in _WORD.finditer(first):
        word = m.group()
        key = canon(word)
        if key in keep and word.lower() not in STOPWORDS and word not in out:
            out.append(word)
            keep.discard(key)
    return out


def count_label(obs: list[Obs], idf: Idf) -> str:
    units = Counter((o.norm.get("unit") or "").lower() for o in obs)
    unit = units.most_common(1)[0][0]
    head = obs[0].head
    if unit == "times" or not unit:
        noun = _PLURAL_HEADS.get(head, head + "s")
    elif not unit[:1].isalpha():  # "$", "£": say the currency
        noun = head.upper()
    else:
        noun = unit
    words = shared_words(obs, idf)
    return f"{noun}: {', '.join(words)}" if words else noun


_EVENT_NOUNS = {"kill": "deaths", "injure": "injuries", "resign": "resignation", "quake": "earthquake",
                "evacuate": "evacuation", "arrest": "arrests", "rescue": "rescue"}
"""How a dated event's family reads in a label ("date of the resignation")."""


def when_label(kind: str, obs: list[Obs], idf: Idf) -> str:
    heads = Counter(o.head for o in obs if o.head != "event")
    event = heads.most_common(1)[0][0] if heads else "event"
    event = _EVENT_NOUNS.get(event, event)
    words = shared_words(obs, idf)
    base = f"{'date' if kind == 'date' else 'time'} of the {event}"
    return f"{base} ({', '.join(words)})" if words else base


def fact_id(story: str, label: str, kind: str, salt: str = "") -> str:
    """Stable across runs: a hash of the story, label and kind (plus a salt on collision)."""
    digest = hashlib.sha1(f"{story}\x1f{label}\x1f{kind}\x1f{salt}".encode()).hexdigest()
    return f"f{digest[:12]}"
