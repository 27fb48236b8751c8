"""Quotes with their speakers, attribution ("officials said", "according to X") and hedges.

Why these matter for facts: the same value "according to two officials" and "NASA said"
is not the same evidence, and a hedged number ("reportedly over 45") is weaker than a
flat one. Shapes are documented in ``wiredesk.core.claims``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Mention
from .lexicon import lower_words
from .names import _strip_title

_OPEN_CLOSE = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’"}
# A quote: typographic double (may run unclosed to the paragraph end), straight double,
# guillemets, or a single-quoted passage of at least four words (single quotes are also
# nicknames and scare quotes: 'Abu Bakr').
_QUOTE = re.compile(
    r"(?=[“\"«‘])(?:“[^“”\n]*(?:”|(?=\n)|$)"
    r"|(?<![\w])\"[^\"\n]+(?:\"|(?=\n)|$)"
    r"|«[^«»\n]*(?:»|(?=\n)|$)"
    r"|(?<![\w])‘(?=[^’\n]*?\s\S+\s\S+\s)[^’\n]{12,}?’(?![\w]))"
)
SAY_VERBS = (
    r"said|says|told|added|stated|wrote|tweeted|posted|announced|explained|insisted|noted|argued"
    r"|warned|claimed|confirmed|reported|reports|report|acknowledged|admitted|denied|declared"
    r"|estimated|estimates|alleged|alleges|believes|believed|stressed|asserted|maintained"
    r"|recalled|replied|responded|continued|concluded|cautioned|revealed|disclosed"
)
_SPEAKER = r"(?P<spk>(?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)"
_AFTER_QUOTE = re.compile(
    rf"^[\s,]*(?:(?:{_SPEAKER})\s+(?:has\s+|had\s+|have\s+)?(?:{SAY_VERBS})\b"
    rf"|(?P<spk3>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){{1,3}}),\s+(?:the|a|an)\s+[^,;:“”\"()\n]{{3,80}},\s+"
    rf"(?:has\s+|had\s+)?(?:{SAY_VERBS})\b"
    rf"|(?:{SAY_VERBS})\s+(?P<spk2>(?:[a-z][\w’'\-]*\s+){{0,3}}[A-Z][^,;:“”\"()\n]{{0,60}}))"
)
"""Who is named right after a quotation: '..., Mayor Ana Ruiz said', '..., said Ana Ruiz, the
mayor', '..., said provincial governor Ana Ruiz', '..., Ana Ruiz, the head of the agency,
said'."""
# The say-verb right before an opening quote; the speaker is read from the words before it.
# (A single regex with the speaker in front and "$" at the end backtracks badly.)
_VERB_BEFORE_QUOTE = re.compile(
    rf"(?=[stawpeincrdbmh])\b(?:has\s+|had\s+|have\s+)?(?:{SAY_VERBS})"
    r"(?:\s+(?:reporters|journalists|that|in\s+a\s+statement|on\s+\w+)){0,2}[\s,:]*$"
)
_WORDS_BEFORE = re.compile(r"(?:[\w’'.\-]+\s+){0,5}[\w’'.\-]+\s*$")
_STATEMENT_READ = re.compile(
    r"^[\s,]*(?P<spk>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,4})(?:’s|'s)\s+(?:statement|post|message|tweet)"
    r"\s+(?:read|said|says)"
)
_ACCORDING = re.compile(r"(?=[aA])\baccording\s+to\s+(?P<src>[^,.;:“”\"()]{2,80})", re.IGNORECASE)
_ATTR_VERBS = frozenset(SAY_VERBS.split("|")) | {"identified", "named", "identify", "name"}
_VERB_RX = {v: re.compile(re.escape(v) + r"(?!\w)") for v in _ATTR_VERBS}
_NEG_BEFORE = re.compile(r"(?:\b(?:did|does|do|has|have|had)\s+not|\b(?:didn’t|doesn’t|don’t|hasn’t))\s+$")
_INVERTED = re.compile(r"(?P<verb>said|says|told|added|reported|wrote)\s+(?P<src>[A-Z][^,.;:“”\"()]{1,60})")
# Hedge phrases keyed by the word that must be present for them to match: a paragraph is
# scanned only for the phrases whose key word it contains (most contain none).
_HEDGE_PHRASES: dict[str, tuple[tuple[str | None, str], ...]] = {
    # key word -> (what must come right before it, the phrase from the key word on)
    "reportedly": ((None, "reportedly"),),
    "allegedly": ((None, "allegedly"),),
    "apparently": ((None, "apparently"),),
    "apparent": ((None, "apparent"),),
    "purportedly": ((None, "purportedly"),),
    "supposedly": ((None, "supposedly"),),
    "possibly": ((None, "possibly"),),
    "probably": ((None, "probably"),),
    "likely": ((None, "likely"),),
    "unconfirmed": ((None, "unconfirmed"),),
    "unverified": ((None, "unverified"),),
    "estimated": ((r"it\s+is\s+", "estimated"), (None, "estimated")),
    "believed": ((r"it\s+is\s+", "believed"), (r"(?:is|are)\s+", r"believed\s+to")),
    "thought": ((r"(?:is|are)\s+", r"thought\s+to"),),
    "said": ((r"(?:is|are)\s+", r"said\s+to"),),
    "claimed": ((None, "claimed"),),
    "claims": ((None, "claims"),),
    "suspected": ((None, "suspected"),),
    "presumed": ((None, "presumed"),),
    "seems": ((None, r"seems\s+to"),),
    "appeared": ((None, r"appeared\s+to"),),
    "appears": ((None, r"appears\s+to"),),
    "have": ((r"(?:may|could)\s+", "have"),),
}
_HEDGE_KEYS = frozenset(_HEDGE_PHRASES)


def _first_letter_either_case(core: str) -> str:
    return f"[{core[0].upper()}{core[0]}]{core[1:]}"


# Static regexes led by the key word itself (a literal-led scan is fast); what must come
# before it is checked on the few hits only.
_HEDGE_RX = {
    k: [
        (
            re.compile(pre + r"$", re.IGNORECASE) if pre else None,
            re.compile(_first_letter_either_case(core) + r"(?!\w)"),
        )
        for pre, core in v
    ]
    for k, v in _HEDGE_PHRASES.items()
}
# The same cores led by a literal (lower-case, then capitalized) first letter: ``re`` scans
# for a literal prefix far faster than for a two-letter class, and the article's word sets
# say which of the two forms it writes at all.
_HEDGE_RX_CASED = {
    k: tuple(
        [(pre, re.compile(first + core.pattern[4:])) for pre, core in v]
        for first in (k[0], k[0].upper())
    )
    for k, v in _HEDGE_RX.items()
}
_SRC_STOP = re.compile(
    r"\s(?:in|on|at|who|which|that|with|from|about|after|before|during|for|to|the\s+(?:strike|attack))\b.*$"
)
_SRC_BEFORE_WORDS = re.compile(r"[\w’'.\-]+")
_SRC_STOPWORDS = frozenset(
    [
        "that",
        "which",
        "who",
        "and",
        "but",
        "as",
        "it",
        "is",
        "was",
        "were",
        "the",
        "when",
        "while",
        "if",
        "after",
        "before",
        "because",
        "so",
        "then",
        "also",
        "has",
        "have",
        "had",
        "not",
        "did",
        "does",
        "do",
    ]
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you"])


_QUOTE_OPEN = re.compile(r"[“\"«‘]")


def _quote_matches(para: str) -> list[re.Match[str]]:
    """``_QUOTE.finditer(para)``, tried only at opening marks (``_QUOTE`` opens with a
    lookahead, so ``re`` would try it at every character)."""
    out: list[re.Match[str]] = []
    last = single_from = 0
    for h in _QUOTE_OPEN.finditer(para):
        st = h.start()
        if st < last or (st < single_from and para[st] == "‘"):
            continue
        m = _QUOTE.match(para, st)
        if m is not None:
            out.append(m)
            last = m.end()
        elif para[st] == "‘" and not (st and _WORD_CHAR.match(para, st - 1)):
            # A ‘ quote fails for a reason every later ‘ before the next ’ or newline shares
            # (no closing ’ far enough, a word glued after it, or no three words before it:
            # the pattern's scans only shrink). Trying each of them again scanned to the end
            # of the line each time: quadratic on a run of ‘ (187 ms per KB).
            stop = _SINGLE_STOP.search(para, st + 1)
            single_from = stop.start() if stop is not None else len(para)
    return out


_WORD_CHAR = re.compile(r"\w")
_SINGLE_STOP = re.compile("[’\n]")


def find_quotes(para: str, base: int) -> list[tuple[int, int, bool]]:
    """Quote spans ``(start, end, closed)`` in body offsets, over a whole paragraph (quotes
    cross sentence boundaries)."""
    out = []
    for m in _quote_matches(para):
        q = m.group()
        if len(q) < 3:
            continue
        closed = q[-1] in '”"»’' and len(q) > 1
        out.append((base + m.start(), base + m.end(), closed))
    return out


_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "van", "von", "da", "di", "le", "la"})
_NOT_SPEAKER_END = frozenset({"and", "but", "or", "that", "which", "there", "then", "also"})
_LEAD_DET = frozenset({"the", "a", "an", "two", "three", "several", "some"})


def _speaker(spk: str) -> str:
    """The speaker part of "defence lawyer Anna Berg" (the trailing capitalized run), or the
    last words of a common-noun speaker ("the minister", "two officials")."""
    words = _clean_source(spk).split()
    if not words or words[-1].lower() in _NOT_SPEAKER_END:
        return ""
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() or (run and w.lower() in _NAME_PARTICLES):
            run.append(w)
        else:
            break
    run.reverse()
    if run and not (len(run) == 1 and run[0].lower() in _LEAD_DET):
        return " ".join(run)
    tail = words[-2:]
    if len(tail) == 2 and tail[0].lower() not in _LEAD_DET and not tail[0][:1].isupper():
        tail = tail[1:]
    return " ".join(tail)


_SENT_END = re.compile(
    r"(?<![A-Z])(?<!\b(?:Mr|Dr|Ms|St|Jr|Sr))(?<!\b(?:Mrs|Gen|Maj|Col|Sgt|Gov|Sen|Rep|Adm))"
    r"(?<!\bLt)(?<!\bProf)\.(?:\s|$)"
)


def _inverted_speaker(spk: str) -> str:
    """ "said Dr. Selin Aksoy, head of..." -> "Selin Aksoy" (title dropped, cut at the comma
    or at the sentence end)."""
    spk = _SENT_END.split(spk, 1)[0]
    spk = _clean_source(spk).split(",")[0].strip()
    return _strip_title(spk)[0]


def _clean_source(src: str) -> str:
    src = src.strip(" ,")
    by = re.search(r"\bby\s+(.+)$", src)
    if by:
        src = by.group(1)
    src = _SRC_STOP.sub("", src)
    return src.strip(" ,")


def quote_speaker(
    body: str, qs: int, qe: int, para_end: int, para_start: int, resolve: Callable[[str, int], str | None]
) -> str | None:
    """Who said the quote at ``body[qs:qe]``: look right after it, then right before it."""
    after = body[qe : min(para_end, qe + 160)]
    m = _STATEMENT_READ.match(after)
    if m:
        return resolve(m.group("spk"), qe)
    m = _AFTER_QUOTE.match(after)
    if m:
        if m.group("spk"):
            return resolve(_speaker(m.group("spk")), qe)
        if m.group("spk3"):
            return resolve(m.group("spk3"), qe)
        return resolve(_inverted_speaker(_speaker(m.group("spk2").split(",")[0]) or m.group("spk2")), qe)
    before = body[max(para_start, qs - 160) : qs]
    tail = before[-90:]
    m = _VERB_BEFORE_QUOTE.search(tail)
    if m:
        w = _WORDS_BEFORE.search(tail, 0, m.start())
        if w:
            return resolve(_speaker(w.group()), qs)
    m = _ACCORDING.search(body[qe : min(para_end, qe + 120)])
    if m and m.start() < 4:
        return resolve(_clean_source(m.group("src")), qe)
    return None


_ACCORDING_HINT = re.compile(r"[cC][cC][oO][rR][dD]")


def _according_matches(text: str) -> list[re.Match[str]]:
    """``_ACCORDING.finditer(text)``, tried only just before each "ccord" (any case).

    ``_ACCORDING`` opens with a lookahead, so ``re`` tries it at every character; a
    class-led scan skips to the few candidates in C. No character other than these
    letters matches them case-insensitively, so no match is missed."""
    out: list[re.Match[str]] = []
    last = 0
    for h in _ACCORDING_HINT.finditer(text):
        st = h.start() - 1
        if st < last:
            continue
        m = _ACCORDING.match(text, st)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def find_attributions(
    text: str, base: int, key: Callable[[str], str], words: frozenset[str] | None = None
) -> list[Mention]:
    """Attribution mentions in ``text`` at body offset ``base`` (``words``: see find_hedges)."""
    out: list[Mention] = []
    for m in _according_matches(text):
        src = _clean_source(m.group("src"))
        if not src:
            continue
        end = m.start("src") + len(m.group("src").rstrip())
        end = m.start("src") + m.group("src").find(src) + len(src) if src in m.group("src") else end
        out.append(
            Mention(
                "attribution",
                base + m.start(),
                base + end,
                text[m.start() : end],
                {"source": src, "source_key": key(src), "verb": "according to", "negated": False},
            )
        )
    present = (words if words is not None else lower_words(text)) & _ATTR_VERBS
    if not present:
        return out
    hits = sorted((m for v in present for m in _VERB_RX[v].finditer(text)), key=lambda m: m.start())
    for m in hits:
        vs = m.start()
        if vs and (text[vs - 1].isalnum() or text[vs - 1] == "_"):
            continue
        verb = m.group()
        neg = _NEG_BEFORE.search(text, max(0, vs - 14), vs)
        # source before the verb: the last few words, cut at a stop word or punctuation
        window = text[max(0, vs - 80) : vs]
        clause = _CLAUSE_SPLIT.split(window)[-1]
        words = _SRC_BEFORE_WORDS.findall(clause)
        if neg:
            words = words[:-2] if len(words) >= 2 else []
        picked: list[str] = []
        for w in reversed(words[-5:]):
            if w.lower() in _SRC_STOPWORDS and not (picked == [] and w.lower() in _PRONOUNS):
                if w.lower() == "the" and picked:
                    picked.append(w)
                break
            picked.append(w)
        src = " ".join(reversed(picked)).strip()
        start = None
        if src and (src[0].isupper() or src.split()[-1].lower() in _SOURCE_NOUNS or src.lower() in _PRONOUNS):
            start = window.rfind(src)
            start = vs - len(window) + start if start >= 0 else None
        if start is None:
            inv = _INVERTED.match(text, vs)
            if inv and verb in ("said", "says", "told", "added", "reported", "wrote"):
                src = _clean_source(inv.group("src"))
                src = src.split(",")[0].strip()
                if src and src.split()[0].lower() not in ("that", "the", "it", "in", "on"):
                    e = inv.start("src") + len(src)
                    out.append(
                        Mention(
                            "attribution",
                            base + vs,
                            base + e,
                            text[vs:e],
                            {"source": src, "source_key": key(src), "verb": verb, "negated": False},
                        )
                    )
            continue
        if (
            verb
            in ("identified", "named", "identify", "name", "estimated", "claimed", "believed", "believes", "alleged")
            and not src[0].isupper()
        ):
            continue
        if src.lower() in ("it", "which", "this", "that") or src.split()[0].lower() in (
            "in",
            "on",
            "at",
            "from",
            "with",
            "by",
            "for",
            "after",
            "before",
        ):
            continue
        end = m.end()
        out.append(
            Mention(
                "attribution",
                base + start,
                base + end,
                text[start:end],
                {"source": src, "source_key": key(src), "verb": verb, "negated": bool(neg)},
            )
        )
    return out


_CLAUSE_SPLIT = re.compile(r"[,;:“”\"()—–\n]|[.!?]\s")
_SOURCE_NOUNS = frozenset(
    [
        "officials",
        "official",
        "sources",
        "source",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "police",
        "authorities",
        "ministry",
        "military",
        "government",
        "statement",
        "witnesses",
        "residents",
        "officers",
        "media",
        "outlet",
        "outlets",
        "agency",
        "reports",
        "report",
        "analysts",
        "experts",
        "army",
        "army's",
        "group",
        "militia",
        "company",
        "firm",
        "court",
        "prosecutors",
        "investigators",
        "doctors",
        "medics",
    ]
)


def find_hedges(
    text: str, base: int, words: frozenset[str] | None = None, caps: frozenset[str] | None = None
) -> list[Mention]:
    """Hedge words in ``text`` at body offset ``base``; ``words`` is the set of lower-case
    words of ``text`` (computed if not given) used to skip absent phrases."""
    if words is None:
        present = lower_words(text) & _HEDGE_KEYS
        scans = [rx for k in present for rx in _HEDGE_RX[k]]
    else:
        # ``words`` holds only words written in lower case: capitalized ones are looked up
        # apart, and each form is scanned for only when the text writes it
        capitalized = caps if caps is not None else text
        scans = [rx for k in words & _HEDGE_KEYS for rx in _HEDGE_RX_CASED[k][0]]
        scans += [rx for k in _HEDGE_KEYS if k.capitalize() in capitalized for rx in _HEDGE_RX_CASED[k][1]]
    if not scans:
        return []
    found: list[tuple[int, int]] = []
    for pre, core in scans:
        for m in core.finditer(text):
            st = m.start()
            if st and (text[st - 1].isalnum() or text[st - 1] == "_"):
                continue
            if pre is not None:
                p = pre.search(text, max(0, st - 12), st)
                if p is None or (p.start() and text[p.start() - 1].isalnum()):
                    continue
                st = p.start()
            found.append((st, m.end()))
    out = []
    last = -1
    for st, en in sorted(set(found), key=lambda x: (x[0], -x[1])):
        if st < last:
            continue
        last = en
        out.append(Mention("hedge", base + st, base + en, text[st:en], {"word": " ".join(text[st:en].lower().split())}))
    return out
