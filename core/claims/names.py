"""People, organizations and places: capitalized name spans, classified by generic cues.

Why rules and not a model: none is available, and the facts engine only needs spans, a
matching ``key`` and the kind. Cues used (all generic): organization head words ("Forces",
"Command", "Ministry", "Inc"...), a following lower-case org noun ("the X militia"), place
prepositions ("in", "near", "from"), place nouns ("the X neighborhood/province"), a small
gazetteer of countries, titles and honorifics before a name, and "X said"-style verbs.
Sentence-initial words are only names when the article never writes them in lower case.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..models import Mention
from .lexicon import MONTHS, WEEKDAYS


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Upper-case letters across Latin, Greek and Cyrillic blocks (re has no \p{Lu}).
_UPPER = "".join(sorted({c for c in map(chr, range(0x41, 0x530)) if c.isupper()}))
_UP = "[" + re.escape(_UPPER) + "]"
_PARTICLE_PREFIX = r"(?:al|el|ad|ad-|as|ash|at|az|an|ar|ul|bin|ibn|d|l|o|de|di|da|du|van|von|mc|mac)"
_TOKEN = (
    rf"{_UP}\.(?:{_UP}\.)+"  # U.S., U.N.
    r"|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Maj|Col|Lt|Capt|Sgt|Adm|Brig|Cmdr|Gov|Sen|Rep|Rev|Fr|Jr|Sr)\.(?=\s)"
    rf"|(?:{_PARTICLE_PREFIX}[-’'])?{_UP}(?:[\w’'\-]*\w)?(?:\.(?={_UP}))?"  # Word, al-Word, O'Brien
    rf"|{_UP}\."  # an initial
)
_PARTICLE = r"(?:al|el|bin|ibn|bint|de|del|della|der|den|van|von|le|la|du|da|dos|das|di|y|of(?:[^\S\n]+the)?|for)"
_NICK = r"(?:[“\"‘'][^“”\"‘’\n]{1,40}[”\"’'])"
_SP = r"[^\S\n]+"  # spaces within a line: a name never runs across a paragraph break
_NAME = re.compile(
    rf"(?=[{re.escape(_UPPER)}aeubidlovm])(?<![\w’'\-])(?:{_TOKEN})"
    rf"(?:(?:{_SP}(?:{_PARTICLE}{_SP})*|{_SP}{_NICK}{_SP}(?:{_PARTICLE}{_SP})*|[-‑](?={_UP}))(?:{_TOKEN}))*"
)
# The same pattern for names that start with a capital. Most texts have no name led by a
# lower-case particle ("al-Amin" at a word start), and without the ten lower-case letters in
# its first test the scan is a third cheaper; see ``_name_matches``.
_NAME_UPPER = re.compile(_NAME.pattern.replace("aeubidlovm])", "])", 1))
_PARTICLE_GLUE = re.compile(rf"[-’']{_UP}")
_ACRONYM_DEF = re.compile(r"\s*\((" + _UP + r"[\w&.\-]{1,9})\)")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")

TITLES = _w(
    """Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Gen Gen. General
    Maj Maj. Major Col Col. Colonel Lt Lt. Lieutenant Capt Capt. Captain Sgt Sgt. Sergeant Adm Adm.
    Admiral Brig Brig. Brigadier Cmdr Cmdr. Commander Gov Gov. Governor Sen Sen. Senator Rep Rep.
    Representative President Vice Prime Minister Secretary Chancellor King Queen Prince Princess
    Pope Judge Justice Sheikh Imam Rev Rev. Father Bishop Cardinal Mayor Chairman Ambassador
    Deputy Foreign Defence Defense Interior Finance Health State Chief Justice Attorney Officer
    Inspector Detective Constable Superintendent Marshal Field Staff Sgt Corporal Private Speaker
    Premier Emir Crown Ayatollah Rabbi Dean Coach Senior Junior"""
)
_TITLE_ONLY = _w("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir Dame")

ORG_HEADS = _w(
    """Forces Force Command Council Ministry Party Agency Army Navy Corporation Corp Corp. Inc Inc.
    Ltd Ltd. LLC PLC plc Group Bank University College School Court Committee Commission
    Department Dept Office Police Union Association Organization Organisation Institute Center
    Centre Company Co Co. Airlines Airways Times News Post Network Front Movement Brigade Brigades
    Militia Resistance Coalition Guard Guards Service Services Authority Board Senate Congress
    Parliament Assembly Federation League Fund Foundation Program Programme Mobilization Hospital
    House Administration Bureau Directorate Society Alliance Trust Holdings Partners Capital
    Media Press Television TV Radio Broadcasting Agency Commission Cabinet Corps Regiment
    Battalion Division Unit Units Club Church Mosque Synod Tribunal Assembly Legislature
    Government Reuters Institution Foundation Laboratories Labs Technologies Systems Motors
    Energy Oil Petroleum Pharmaceuticals Enterprises Industries Exchange Observatory Survey"""
)
ORG_NOUNS_AFTER = _w(
    """militia group party agency company firm movement organization organisation network
    outlet newspaper channel broadcaster ministry council court union coalition alliance
    faction army brigade force forces team club bank fund charity
    group's militia's"""
)
PLACE_NOUNS_AFTER = _w(
    """neighborhood neighbourhood province city district region state county village town
    governorate area border capital suburb street road river valley island islands airport
    base camp square mountains mountain desert coast municipality prefecture oblast"""
)
PLACE_HEADS = _w(
    """Strip Valley Island Islands Coast Mountains River Province County Street Square Bay Sea
    Ocean Gulf Peninsula Heights Hills Lake City District Region Airport Bridge Canal Desert"""
)
PLACE_PREPS = _w("in near from at to across outside inside into toward towards around within throughout")
COUNTRIES = _w(
    """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain
    Bangladesh Belarus Belgium Bolivia Bosnia Brazil Bulgaria Cambodia Cameroon Canada Chad Chile
    China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt Eritrea Estonia Ethiopia
    Finland France Georgia Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India
    Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kosovo Kuwait
    Kyrgyzstan Laos Latvia Lebanon Libya Lithuania Luxembourg Madagascar Malaysia Mali
    Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands
    Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines
    Poland Portugal Qatar Romania Russia Rwanda Senegal Serbia Singapore Slovakia Slovenia
    Somalia Spain Sudan Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Tunisia
    Turkey Türkiye Turkmenistan Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Yemen Zambia
    Zimbabwe Gaza Europe Africa Asia America Antarctica London Paris Berlin Moscow Beijing Tokyo
    Washington Delhi Cairo Madrid Rome Kyiv Kiev Ankara Tehran Riyadh Damascus Beirut Amman
    Jerusalem Istanbul Nairobi Lagos Seoul Bangkok Jakarta Manila Sydney Toronto Ottawa Brussels
    Vienna Geneva Athens Lisbon Warsaw Prague Budapest Dublin Stockholm Oslo Helsinki Copenhagen
    Islamabad Kabul Karachi Mumbai Dhaka Hanoi"""
) | _w("US U.S. USA U.S.A. UK U.K. UAE EU")
_MULTI_PLACES = (
    "United States",
    "United Kingdom",
    "United Arab Emirates",
    "Saudi Arabia",
    "South Africa",
    "South Korea",
    "North Korea",
    "New Zealand",
    "Sri Lanka",
    "Middle East",
    "West Bank",
    "Hong Kong",
    "New York",
    "Los Angeles",
    "Tel Aviv",
    "Costa Rica",
    "El Salvador",
    "Ivory Coast",
    "South Sudan",
    "Latin America",
    "North America",
    "South America",
    "Czech Republic",
    "Dominican Republic",
)
PERSON_VERBS = _w(
    "said says told added explained insisted noted argued wrote tweeted stated "
    "recalled warned asked replied admitted acknowledged confirmed denied"
)
ROLE_WORDS = _w(
    """spokesman spokeswoman spokesperson commander leader director minister president chief
    head official analyst professor chairman chairwoman chair ceo founder secretary ambassador
    governor mayor judge lawyer attorney prosecutor senator lawmaker general colonel officer
    adviser advisor researcher economist scientist expert correspondent reporter editor
    deputy manager executive candidate member resident witness survivor activist owner
    founder coach captain inspector police doctor surgeon teacher student"""
)
STOP_START = (
    _w(
        """The A An In On At After Before When While If As For From With By To Of But And Or So Yet
    This That These Those There Here It Its He She They We I You His Her Their Our My Your
    However Meanwhile Although Though Because Since Until During Despite Under Over According
    Following Earlier Later Last Next Some Many Most All Both Each Every No Not One Two Three
    Such Other Another Why What Who Where How Which Then Now Also Still Even Just Only Once
    Read More See Also Photo Image Video Source Click Share Follow Subscribe Advertisement"""
    )
    | frozenset(m.capitalize() for m in MONTHS)
    | frozenset(d.capitalize() for d in WEEKDAYS)
)
_ALL_WEEK_MONTH = frozenset(m.capitalize() for m in MONTHS if len(m) > 3) | frozenset(d.capitalize() for d in WEEKDAYS)
_SPLIT_WORDS = re.compile(r"[^\W\d_]+")
_ARTICLES = _w("al el the le la l d")

_QUOTE_CHARS = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'", "´": "'", "‑": "-", "–": "-"}
)


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """A matching key: casefold, no diacritics, no quotes/apostrophes, particles al/el/the
    dropped, hyphens to spaces. "al-Hakim" and "Al Hakim" share "hakim". Cached: the same
    names recur all through an article and across a story."""
    t = text.translate(_QUOTE_CHARS)
    if not t.isascii():
        t = unicodedata.normalize("NFKD", t)
        t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.casefold()
    t = t.replace("'", "").replace('"', " ").replace("-", " ").replace(".", " ")
    parts = [p for p in t.split() if p not in _ARTICLES]
    return " ".join(parts)


@dataclass
class NameContext:
    """Per-article knowledge: words the article writes in lower case (so a capitalized
    sentence-initial occurrence is just a word), and acronym definitions."""

    lower_words: frozenset[str]
    acronyms: dict[str, str]
    cap_words: frozenset[str] = frozenset()
    """Capitalized words (plain letters) of the body, for key-word prefilters."""


_ACRONYM_PAREN = re.compile(r"\((" + _UP + r"[A-Z&.\-]{1,9})\)")
_ALPHA_RUN = re.compile(r"[A-Za-z]+")


def build_context(body: str) -> NameContext:
    # one pass over the words, then split the (few) distinct ones by case
    uniq = set(_ALPHA_RUN.findall(body))
    lower = frozenset(filter(str.islower, uniq))
    # for a run of ASCII letters, istitle() is "capital first, the rest lower case"
    caps = frozenset(filter(str.istitle, uniq))
    acronyms: dict[str, str] = {}
    for m in _ACRONYM_PAREN.finditer(body):
        short = m.group(1)
        if not short.isupper():
            continue
        window_start = max(0, m.start() - 100)
        long = None
        for nm in _NAME.finditer(body, window_start, m.start()):
            if not body[nm.end() : m.start()].strip():
                long = nm.group()
        if long:
            words = long.split()
            while len(words) > 1 and words[0] in STOP_START:
                words.pop(0)
            acronyms.setdefault(short, _strip_title(" ".join(words))[0])
    return NameContext(lower, acronyms, caps)


def _strip_title(span: str) -> tuple[str, str | None]:
    """Split leading titles off a name: "Maj. Gen. Omar Al Hakim" -> (name, "Maj. Gen.")."""
    tokens = span.split()
    i = 0
    for j in range(len(tokens) - 1):
        # the last title before the name: "Iranian General X", "Secretary of State X", and
        # after the office's name "Metro Harlow Police Chief Ana Ruiz" (a given name and a
        # surname, maybe a middle one, after it)
        if tokens[j] in TITLES and (j == 0 or tokens[j - 1] in TITLES or tokens[j - 1] in ("of", "for") or j <= 2
                                    or (2 <= len(tokens) - j - 1 <= 3
                                        and not any(t in TITLES or t in ORG_HEADS for t in tokens[j + 1:]))):
            i = j + 1
    while 0 < i < len(tokens) - 1 and tokens[i] in ("of", "for"):
        i += 2
    if i == 0 or i >= len(tokens):
        return span, None
    return " ".join(tokens[i:]), " ".join(tokens[:i])


def _classify(
    name: str,
    tokens: list[str],
    before: str,
    after: str,
    ctx: NameContext,
    frame: tuple[str, str, str] | None = None,
) -> tuple[str | None, bool]:
    """(kind, strong): strong kinds come from explicit cues; weak ones are defaults.
    ``frame`` is (next word, previous word, the one before), lower case, when the caller
    has already split them out."""
    last = tokens[-1].rstrip(".")
    if frame is None:
        nxt = after.split(None, 1)[0].lower().strip(",.;:)") if after.strip() else ""
        prev_words = before.split()
        prev = prev_words[-1].lower() if prev_words else ""
        prev2 = prev_words[-2].lower() if len(prev_words) > 1 else ""
    else:
        nxt, prev, prev2 = frame
    if name in ctx.acronyms:
        return "org", True
    if tokens[-1] in ORG_HEADS or last in ORG_HEADS or nxt in ORG_NOUNS_AFTER:
        return "org", True
    if prev == "of" and prev2 in PLACE_NOUNS_AFTER:
        return "place", True  # "the Riverside district of Lowmoor"
    if name in COUNTRIES or name in _MULTI_PLACES or nxt in PLACE_NOUNS_AFTER or tokens[-1] in PLACE_HEADS:
        return "place", True
    if "," in after[:3] or "," in before[-3:]:
        # appositives: "X, a militia that...", "an armed group, X,", "the capital, X"
        app = _APPOSITIVE_AFTER.match(after)
        noun = app.group(1).lower() if app else None
        if noun in ORG_NOUNS_AFTER:
            return "org", True
        if noun in PLACE_NOUNS_AFTER:
            return "place", True
        app = _APPOSITIVE_BEFORE.search(before)
        if app and app.group(1).lower() in _GROUP_NOUNS:
            return "org", True  # "an armed group, X," (not "the region, X": often a person)
    if tokens[-1].isupper() and 2 <= len(tokens[-1]) <= 5:
        return "org", True
    if len(tokens) >= 2 and not ctx.lower_words.isdisjoint(map(str.lower, tokens)):
        # "Islamic State", "Morning Report": ordinary words capitalized -> not a person
        return ("place" if prev in PLACE_PREPS else "org"), False
    if "of" in tokens or "for" in tokens:
        return "org", True
    if len(tokens) >= 2:
        if prev in PLACE_PREPS and prev2 not in ("said", "told"):
            return "place", False
        return "person", False
    if prev in PLACE_PREPS:
        return "place", False
    if len(tokens) == 1 and name.isupper() and len(name) > 5 and name not in ctx.acronyms:
        return "place", False  # a dateline in capitals: "NAIROBI —"
    return "person", False  # weak; dropped later unless the article confirms it


_NICK_RE = re.compile(_NICK)
_APPOSITIVE_AFTER = re.compile(
    r"\s*,\s+(?:a|an|the)\s+(?:[\w’'\-]+\s+){0,3}?([a-z]+)\b(?=\s+(?:that|which|of|in|based|linked|backed|with|from)\b|[,.;])"
)
_GROUP_NOUNS = _w("militia group party movement faction organization organisation company firm")
_APPOSITIVE_BEFORE = re.compile(r"\b([a-z]+),\s*$")
_SKIP = object()
_NEXT_CUES: frozenset[str] = frozenset()  # filled below, once the word lists exist
_POSSESSIVE_ENDS = ("’s", "'s", "’", "'")
_MAX_NAME_TOKENS = 10
_PENDING = object()
_ROLE_WORDS_SET = set(ROLE_WORDS)
_HAS_DIGIT = re.compile(r"\d")
_WORDS_RE = re.compile(r"[\w’'\-]+")
_NEXT_LOWER = re.compile(r"\s+([a-z][\w’'-]*)")
_FUNCTION_NEXT = _w(
    """and or on in at with to for from as is was has had have will would who which that after
    before by of over into are were its his her their itself also did does could can may might
    should pledged announced posted reported claimed accused blamed vowed called took made
    warned but than last this since"""
)
_ADJECTIVE = re.compile(r"(?:ian|an|ean|ese|ish|ic|i|ist|-[a-z]+)$")
_FIRST_TOKEN = re.compile(r"\S+")
_LEAD_GLUE = re.compile(r"\s+(?:(?:of|for|the|and|on|upon)\s+)*")
_PARTICLE_RE = re.compile(_PARTICLE)
_OPENERS_CHARS = frozenset(" \t\"“‘'(—–-«")
_POSS_INNER = re.compile(r"(?:’s|'s)(?=\s)")


def _name_matches(text: str) -> list[re.Match[str]]:
    """``list(_NAME.finditer(text))``, mostly from the cheaper capital-led pattern.

    A match can also start with a lower-case particle ("al-Amin"), which needs a particle
    right before a ``[-’']`` + capital: only those few positions are candidates. While every
    candidate lies strictly inside a capital-led match ("Harakat al-Nujaba"), a
    left-to-right scan never starts there and the capital-led matches are the answer; from
    the first one where a match does start, the scan is redone step by step, taking at each
    step the leftmost of the next capital-led and the next particle-led start (the match
    found from a given start is the same for both patterns). Every candidate is tried at
    most once and the capital-led search only moves forward, so this stays linear."""
    found = list(_NAME_UPPER.finditer(text))
    cands = sorted(
        {
            p
            for g in _PARTICLE_GLUE.finditer(text)
            for p in range(max(0, g.start() - 3), g.start())
            if text[p] in _PARTICLE_FIRST
        }
    )
    if not cands:
        return found
    starts = [m.start() for m in found]
    m = None
    ci = 0
    for ci, p in enumerate(cands):  # noqa: B007 - ci is where the step-by-step scan resumes
        i = bisect.bisect_left(starts, p) - 1
        if i >= 0 and found[i].end() > p:
            continue  # inside a capital-led match: a scan never starts there
        m = _NAME.match(text, p)
        if m is not None:
            break
    if m is None:
        return found
    out = found[: i + 1]  # the capital-led matches before p all end by p
    out.append(m)
    pos = m.end()
    ci += 1
    up = _NAME_UPPER.search(text, pos)
    while True:
        if up is not None and up.start() < pos:
            up = _NAME_UPPER.search(text, pos)
        while ci < len(cands) and cands[ci] < pos:
            ci += 1
        m = None
        while ci < len(cands) and (up is None or cands[ci] < up.start()):
            m = _NAME.match(text, cands[ci])
            ci += 1
            if m is not None:
                break
        if m is None:
            if up is None:
                return out
            m = up
        out.append(m)
        pos = m.end()


_PARTICLE_FIRST = frozenset("aeubidlovm")


def _pieces(text: str, cuts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Name-regex matches split at inner possessives ("Iran’s Revolutionary Guard") and at
    sentence starts ``cuts`` (sorted offsets into ``text``)."""
    spans = []
    ci, nc = 0, len(cuts)
    for m in _name_matches(text):
        s, e = m.span()
        g = m.group()
        if "s " in g and ("’" in g or "'" in g):
            for pm in _POSS_INNER.finditer(text, s, e):
                spans.append((s, pm.start()))
                s = pm.end()
                while s < e and text[s].isspace():
                    s += 1
        while ci < nc and cuts[ci] <= s:
            ci += 1
        while ci < nc and cuts[ci] < e:
            c = cuts[ci]
            piece = text[s:c].rstrip()
            if piece:
                spans.append((s, s + len(piece)))
            s = c
            ci += 1
        if s < e:
            spans.append((s, e))
    return spans


def find_names(
    text: str,
    base: int,
    ctx: NameContext,
    starts: Sequence[int] = (),
    pending: list[tuple[int, int, str]] | None = None,
) -> list[Mention]:
    """Name mentions in ``text`` (a sentence or paragraph) at body offset ``base``; ``starts``
    holds the sorted body offsets where sentences begin (``base`` always counts as one).
    With ``pending``, lone capitalized words with no cue go there as ``(start, end, text)``
    instead of becoming weak mentions (see ``analysis._fix_names``)."""
    out: list[Mention] = []
    memo: dict[tuple, object] = {}
    lo, hi = bisect.bisect_right(starts, base), bisect.bisect_left(starts, base + len(text))
    cuts = [st - base for st in starts[lo:hi]]
    cut_set = frozenset(cuts)
    lower_words = ctx.lower_words
    for s, e in _pieces(text, cuts):
        span = text[s:e]
        if span in STOP_START:
            continue  # fast path: a lone "The", "But", "However"
        # trim trailing particles / possessives / dangling quote-nicknames
        span_trim = span
        simple = span.isalpha()  # one plain word: nothing to trim at its end
        if not simple and span.count(" ") > 3 * _MAX_NAME_TOKENS:
            continue  # a long run of capitalized words (a headline in capitals, junk): no name
        while not simple:
            if span_trim.endswith(_POSSESSIVE_ENDS):
                span_trim = span_trim[: -2 if span_trim.endswith(("’s", "'s")) else -1]
                continue
            parts = span_trim.rsplit(None, 1)
            if len(parts) == 2 and (
                parts[1].lower() in ("of", "for", "the", "and", "on", "upon") or _PARTICLE_RE.fullmatch(parts[1])
            ):
                span_trim = parts[0]
                continue
            break
        e = s + len(span_trim)
        # drop leading stop words ("The", "In") and sentence-initial common words
        while True:
            if simple:
                tok = span
            else:
                first = _FIRST_TOKEN.match(text, s, e)
                if not first:
                    break
                tok = first.group()
            if tok in STOP_START or (tok.rstrip(".") in TITLES and e - s == len(tok)):
                drop = True
            elif (tok.endswith("ing") or tok.lower() in lower_words) and not tok.isupper() and tok not in TITLES:
                # a common word is dropped only at a sentence start (the rarer test runs last)
                j = s
                while j > 0 and j not in cut_set and text[j - 1] in _OPENERS_CHARS:
                    j -= 1
                drop = j == 0 or j in cut_set
            else:
                drop = False
            if drop:
                if simple:
                    s = e
                    break
                ns = s + len(tok)
                rest = _LEAD_GLUE.match(text, ns, e)
                s = rest.end() if rest else ns
                if s >= e:
                    break
                continue
            break
        if s >= e:
            continue
        if simple:
            # one plain word that survived the loop above: unchanged, not in STOP_START (so
            # not a capitalized month or weekday) and without digits
            if span.lower() in MONTHS:
                continue
            name, title, tokens = span, None, [span]
        else:
            span = text[s:e]
            if span in _ALL_WEEK_MONTH or span.rstrip(".").lower() in MONTHS:
                continue
            if span.isalpha():
                name, title, tokens = span, None, [span]
            else:
                name, title = _strip_title(span)
                cut = span.find(" of ", len(title)) if title and " of " in name else -1
                if cut > 0:  # "Deputy Chief Ana Ruiz of the Harlow Police": the person is Ana Ruiz
                    e = s + cut
                    span, name = text[s:e], name.split(" of ", 1)[0]
                tokens = name.split()
            if not tokens or len(tokens) > _MAX_NAME_TOKENS or (len(tokens) == 1 and _HAS_DIGIT.search(name)):
                continue  # a run of capitalized words longer than any name is a headline or junk
        before = text[max(0, s - 40) : s]
        after = text[e : e + 40]
        single = len(tokens) == 1 and not title
        if single:
            # The same word in the same frame recurs all through an article: remember the verdict.
            # Only what the verdict depends on goes in the key: the previous word when it is
            # a place preposition ("in", "of" + a place noun), the next word, commas nearby.
            bw = before.rsplit(None, 2)[-2:]  # the last two words, without splitting the rest
            aw = after.split(None, 1)
            prev = bw[-1].lower() if bw else ""
            frame = (
                aw[0].lower().strip(",.;:)") if aw else "",
                prev,
                bw[-2].lower() if len(bw) > 1 else "",
            )
            if prev == "of":
                prev = "of " + (bw[0].lower() if len(bw) > 1 and bw[0].lower() in PLACE_NOUNS_AFTER else "")
            elif prev not in PLACE_PREPS:
                prev = ""
            raw = aw[0] if aw else ""
            low = frame[0]
            nxt_cls = low if low in _NEXT_CUES else ("l" if raw[:1].islower() else "u" if raw else "")
            memo_key = (name, prev, nxt_cls, after[:1])
            if "," in after[:3] or "," in before[-3:]:
                memo_key = (None, memo_key)  # appositives: decide afresh, store under a key never read
            hit = memo.get(memo_key) if memo_key[0] is not None else None
            if hit is not None:
                if hit is _SKIP:
                    continue
                if hit is _PENDING:
                    if pending is not None:
                        pending.append((base + s, base + e, name))
                    continue
                kind, norm_tpl = hit
                norm = dict(norm_tpl)
                if after.lstrip(" ")[:1] == "," or frame[1] in _ROLE_WORDS_SET or frame[2] in _ROLE_WORDS_SET:
                    norm["role"] = _role(before, after) if kind == "person" else None
                out.append(Mention(kind, base + s, base + e, name, norm))
                continue
        if single:
            tok = tokens[0]
            # _NEXT_LOWER's word, read off the split when it is all letters
            if raw and after[0].isspace() and "a" <= raw[0] <= "z":
                nxt = raw if raw.isalpha() else _NEXT_LOWER.match(after).group(1)  # type: ignore[union-attr]
            else:
                nxt = None
            content_next = nxt is not None and nxt not in PERSON_VERBS and nxt not in _FUNCTION_NEXT
            if tok in ctx.acronyms or tok.isupper():
                pass
            elif content_next and (tok in COUNTRIES or nxt in PLACE_NOUNS_AFTER or nxt in ORG_NOUNS_AFTER):
                if tok not in COUNTRIES and _ADJECTIVE.search(tok):
                    memo[memo_key] = _SKIP
                    continue  # "Iraqi capital", "Kenyan police", "Iran-backed militia"
            elif content_next:
                memo[memo_key] = _SKIP
                continue  # "Iraqi officials", "American forces": an adjective, not a name
            if len(tok) <= 1:
                memo[memo_key] = _SKIP
                continue
        if title:
            kind, strong = ("org" if tokens[-1] in ORG_HEADS else "person"), True
        else:
            kind, strong = _classify(name, tokens, before, after, ctx, frame if single else None)
        if kind is None:
            if single:
                memo[memo_key] = _SKIP
            continue
        nick = _NICK_RE.search(name) if len(tokens) > 2 else None
        role = _role(before, after) if kind == "person" else None
        if nick or role:
            strong = True
        unknown = (
            not strong
            and len(tokens) == 1
            and kind == "person"
            and (
                (bool(raw) and raw.lower() not in PERSON_VERBS)
                if single
                else (bool(after.lstrip()[:1]) and after.split()[0].lower() not in PERSON_VERBS)
            )
        )
        if unknown and pending is not None and "(" not in text[e : e + 3]:
            # a lone capitalized word with no cue: kept aside, made a mention only if the
            # article confirms it (a longer name ends with it, or a strong cue elsewhere)
            pending.append((base + s, base + e, name))
            if single:
                memo[memo_key] = _PENDING
            continue
        norm: dict = {
            "name": name,
            "key": name_key(name),
            "title": title,
            "role": None,
            "nickname": None,
            "acronym": None,
            "expansion": None,
            "ref": None,
            "_weak": not strong,
            "_unknown": unknown,
        }
        if nick:
            norm["nickname"] = nick.group()[1:-1]
        acr = _ACRONYM_DEF.match(text, e) if "(" in text[e : e + 3] else None
        if acr and acr.group(1).isupper():
            norm["acronym"] = acr.group(1)
        if name in ctx.acronyms:
            norm["acronym"] = name
            norm["expansion"] = ctx.acronyms[name]
        elif name.isupper() and len(tokens) == 1:
            norm["acronym"] = name
        norm["role"] = role
        if single and not role and not acr:
            memo[memo_key] = (kind, norm)
        out.append(Mention(kind, base + s, base + e, text[s:e], norm))
    return out


_ROLE_AFTER = re.compile(
    r"\s*,\s+(?:(?:a|an|the|its|their|his|her)\s+)?((?:[\w’'\-]+\s+){0,4}?)"
    r"([a-z][\w\-]*)(?=[\s,.;]|$)"
)


def _role(before: str, after: str) -> str | None:
    """A role word in an appositive after the name ("X, spokesman for...") or just before
    it ("spokesman X")."""
    if not after.lstrip(" ").startswith(","):
        for w in before[-40:].lower().rsplit(None, 3)[-3:]:
            if w.strip(",.;:") in _ROLE_WORDS_SET:
                break
        else:
            return None
    m = _ROLE_AFTER.match(after)
    if m:
        words = (m.group(1) + m.group(2)).split()
        for w in words:
            lw = w.lower().strip(",.")
            if lw in ROLE_WORDS:
                return lw
    prev = _WORDS_RE.findall(before)[-3:]
    for w in reversed(prev):
        if w.lower() in ROLE_WORDS:
            return w.lower()
        if w[0].isupper():
            break
    return None


_NEXT_CUES = ORG_NOUNS_AFTER | PLACE_NOUNS_AFTER | PERSON_VERBS | _FUNCTION_NEXT
