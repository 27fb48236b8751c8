"""Sentence splitting with exact offsets into the article body.

Why a hand-written splitter: no NLP models are available, and the facts engine needs
``body[start:end] == text`` for every sentence, so we never edit text — we only choose cut
points and trim whitespace by moving offsets.

Rules, in order:
- a line break always ends a sentence (paragraphs are separated by "\\n\\n"); a caption span
  boundary always ends one too;
- ``.``/``!``/``?``/``…`` (plus any closing quotes or brackets) followed by whitespace is a
  candidate cut; it is rejected when the next word starts lower case or with a digit, when
  the word before is a title or month abbreviation ("Dr.", "Maj. Gen.", "Jan. 28", "No. 5"),
  a single-letter initial ("J. Smith"), or an ambiguous abbreviation ("U.S.", "p.m.",
  "Inc.") not followed by a typical sentence opener ("The", "He", "But"...);
- a full stop glued to a capitalized word ("strike.Crowds") after a lower-case word of two
  or more letters is a cut (scraped captions often lose the space).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

# Abbreviations after which a sentence essentially never ends (titles, "No.", months
# before a day number are handled by the digit rule, but keep them here too).
_NEVER_FINAL = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "maj",
        "col",
        "lt",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "pvt",
        "adm",
        "cmdr",
        "cdr",
        "brig",
        "gov",
        "sen",
        "rep",
        "rev",
        "fr",
        "hon",
        "pres",
        "supt",
        "insp",
        "det",
        "st",
        "ste",
        "mt",
        "ft",
        "no",
        "nos",
        "vol",
        "pp",
        "fig",
        "approx",
        "vs",
        "v",
        "cf",
        "ca",
        "etc.",
        "e.g",
        "i.e",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
# Abbreviations that may end a sentence: cut only before a typical sentence opener.
_AMBIGUOUS = frozenset(
    [
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "bros",
        "plc",
        "llc",
        "d.c",
        "n.y",
        "u.s.a",
        "etc",
        "l.a",
        "sq",
    ]
)
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "so",
        "yet",
        "however",
        "meanwhile",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "for",
        "from",
        "with",
        "by",
        "to",
        "of",
        "officials",
        "police",
        "mr",
        "mrs",
        "ms",
        "dr",
        "some",
        "many",
        "most",
        "no",
        "not",
        "one",
        "two",
        "three",
        "according",
        "later",
        "earlier",
        "still",
        "then",
        "now",
        "thus",
        "also",
        "both",
        "each",
        "all",
        # prepositions and conjunctions a sentence opens with but a name never is
        # ("... at 9 p.m. During a briefing on Saturday, ...")
        "during",
        "since",
        "until",
        "despite",
        "although",
        "though",
        "because",
        "amid",
        "among",
        "following",
        "within",
        "without",
        "authorities",
        "residents",
        "witnesses",
        "rescuers",
        "firefighters",
    ]
)

_LINE = re.compile(r"[^\n]+")
_CUT = re.compile(
    r"(?=[.!?…])(?:(?:\.{3}|…|[.!?]+)[\"'”’»)\]]*(?=\s)"
    r"|(?<=[a-z]{2})\.(?=[A-Z][a-z]))"
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEXT = re.compile(r"\s*[\"'“‘«(\[]*(\S)")
_END_PUNCT = frozenset(".!?…\"'”’»)]:;")


@dataclass(slots=True)
class Sentence:
    """A sentence of the body; ``paragraph`` counts lines from 0 (for "same paragraph"
    checks); ``is_headline`` marks a sentence that is a whole line without final punctuation
    (headlines, bylines, captions, crumbs of page chrome)."""

    start: int
    end: int
    text: str
    is_caption: bool = False
    paragraph: int = 0
    is_headline: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "is_caption": self.is_caption,
            "paragraph": self.paragraph,
            "is_headline": self.is_headline,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Sentence:
        return cls(**data)


def _keep_cut(line: str, dot: int, after: int) -> bool:
    """Decide whether a candidate cut (punctuation starting at ``dot``, cut at ``after``)
    really ends a sentence."""
    nxt = _NEXT.match(line, after)
    if nxt is None:
        return True
    ch = nxt.group(1)
    if ch.islower() or ch.isdigit():
        return False
    if line[dot] != ".":
        return True
    if line.startswith("...", dot) or line[dot] == "…":
        return True
    wb = _WORD_BEFORE.search(line, max(0, dot - 20), dot)
    if wb is None:
        return True
    word = wb.group(1).lower().strip(".")
    if not word:
        return True
    if len(word) == 1 and word.isalpha():
        # an initial ("J. Smith"), unless a sentence plainly opens after it ("in Block B. The blast")
        m = re.match(r"[\w’']+", line[nxt.start(1) : nxt.start(1) + 30])
        return bool(m) and m.group().lower() in _OPENERS and m.group().lower() not in ("a", "i")
    if word in _NEVER_FINAL:
        return False
    if word in _AMBIGUOUS or (len(word) <= 4 and "." in word):
        m = re.match(r"[\w’']+", line[nxt.start(1) : nxt.start(1) + 30])
        return bool(m) and m.group().lower() in _OPENERS
    return True


_RUN = re.compile(r"[.!?…]+")
_TRAILING_STOPS = re.compile(r"[.!?]*\Z")


def _cuts_in_line(line: str) -> list[int]:
    """The cuts ``_CUT`` finds scanning left to right, in linear time.

    ``_CUT`` is tried once per run of sentence punctuation, not at each of its characters:
    a match must consume punctuation up to the end of the run (a closing quote or a space
    has to follow), so every match in a run ends at the same place, and the leftmost start
    that can get there is the start of the run's trailing ``[.!?]`` stretch (or its final
    ``…``). Trying every character made 100 KB of ``.`` or ``!?`` quadratic (minutes).
    """
    cuts = []
    last = 0
    for run in _RUN.finditer(line):
        rs, re_ = run.span()
        if rs < last:
            continue
        if line[re_ - 1] == "…":
            st = re_ - 1
        else:
            tail = _TRAILING_STOPS.search(line, rs, re_)
            st = tail.start() if tail is not None else rs
        m = _CUT.match(line, st)
        if m is None:
            continue
        last = m.end()
        if _keep_cut(line, st, last):
            cuts.append(last)
    return cuts


MAX_SENTENCE_CHARS = 1000
"""No sentence is longer: a longer stretch without a cut (100 KB of "10:00 a.m.", a 5 MB
line) is split at a space near this length, else hard. Real sentences stay far below it;
without the cap every mention of such a stretch carried the whole stretch as its evidence
(a 64 KB input made a 400 MB index)."""


def _bounded(line: str, cuts: list[int]) -> list[int]:
    """``cuts`` (sorted, from 0 to ``len(line)``) with extra cuts so no gap exceeds the cap."""
    if all(b - a <= MAX_SENTENCE_CHARS for a, b in itertools.pairwise(cuts)):
        return cuts
    out = [cuts[0]]
    for b in cuts[1:]:
        a = out[-1]
        while b - a > MAX_SENTENCE_CHARS:
            space = line.rfind(" ", a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
            a = space + 1 if space >= 0 else a + MAX_SENTENCE_CHARS
            out.append(a)
        out.append(b)
    return out


def split_sentences(body: str, captions: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """All sentences of ``body`` in order, trimmed, with caption and headline flags."""
    caps = sorted((max(0, s), min(len(body), e)) for s, e in (captions or []) if e > s)
    out: list[Sentence] = []
    for para, lm in enumerate(_LINE.finditer(body)):
        line = lm.group()
        base = lm.start()
        points = {0, len(line)}
        points.update(_cuts_in_line(line))
        for cs, ce in caps:
            if base < cs < lm.end():
                points.add(cs - base)
            if base < ce < lm.end():
                points.add(ce - base)
        stripped_line = line.rstrip()
        headline = bool(stripped_line) and stripped_line[-1] not in _END_PUNCT
        # a segment is the whole line when only whitespace lies before and after it
        text_start = len(line) - len(line.lstrip())
        text_end = len(stripped_line)
        ordered = _bounded(line, sorted(points))
        for a, b in itertools.pairwise(ordered):
            seg = line[a:b]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg) - len(seg.rstrip())
            s, e = base + a + lead, base + b - trail
            if e <= s:
                continue
            is_cap = bool(caps) and any((cs <= s and e <= ce) or (cs < e and s < ce) for cs, ce in caps)
            whole_line = headline and a <= text_start and b >= text_end
            out.append(Sentence(s, e, body[s:e], is_cap, para, whole_line))
    return out
