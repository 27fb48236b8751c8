"""Whether anyone aboard survived: "killing all 40 people on board" against "some of the
passengers have been hospitalised".

After a crash the first reports split on this before they split on the toll: one outlet
writes that everyone aboard died, another relays that passengers were taken to hospital.
Each outlet's first statement either way is read; "none survived" and "some survived"
contest. Only statements about those aboard count for "none" ("all 40 people on board", "none
of the passengers", "no survivors"), so a story about a bus crash and a separate car in which
"all three were killed" does not set them against each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .observe import Sentence
from .phrased import first_in_each_article

_N = r"(?:\d[\d,]*|[a-z]+)"
_COUNT = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|many)"
"""A figure of survivors ("no passengers survived" is the other answer)."""
NONE_RE = re.compile(
    r"\bkill(?:ing|ed)\s+all\s+(?:the\s+)?(?:" + _N + r"\s+)?(?:people|passengers|persons|occupants|those)?\s*"
    r"(?:on\s+board|aboard)"
    r"|\ball\s+(?:the\s+)?" + _N + r"\s+(?:people|passengers|persons|occupants)\s+(?:on\s+board|aboard|on\s+the\s+"
    r"(?:plane|aircraft|flight|jet|helicopter|boat|ship|bus|train))\b[^.;]{0,80}?\b(?:killed|dead|died|perished)\b"
    r"|\b(?:everyone|everybody|all\s+those|all\s+people)\s+(?:on\s+board|aboard)\s+(?:\w+\s+){0,3}?"
    r"(?:killed|dead|died|perished)\b"
    r"|\bnone\s+of\s+the\s+(?:people|passengers|occupants|those)\b[^.;]{0,120}?\bsurvived\b"
    r"|\bno\s+(?:(?:known|reported)\s+)?survivors\b(?!\s+(?:yet\s+)?(?:have\s+been\s+)?(?:found|located))"
    r"|\bthere\s+were\s+no\s+survivors\b"
    r"|\bno\s*(?:one|body|passengers|people|occupants)\s+(?:on\s+board\s+|aboard\s+)?(?:\w+\s+){0,4}?survived\b",
    re.IGNORECASE,
)
"""Everyone aboard died."""

SOME_RE = re.compile(
    r"\b(?:some|several|a\s+few|" + _COUNT + r")\s+(?:of\s+the\s+)?(?:passengers|people\s+on\s+board|occupants)\s+"
    r"(?:have\s+been|had\s+been|were|are)\s+(?:\w+\s+)?(?:hospitali[sz]ed|rescued\s+alive|pulled\s+alive|"
    r"taken\s+to\s+(?:a\s+)?hospital)\b"
    r"|\b(?:" + _COUNT + r")\s+(?:people|passengers)\s+(?:have\s+)?survived\b"
    r"|\b(?:pulled|rescued)\s+(?:\w+\s+){0,3}alive\s+from\s+the\s+(?:wreck|wreckage|plane|aircraft)",
    re.IGNORECASE,
)
"""Someone aboard is alive."""

_UNSURE = re.compile(r"\b(?:if|whether|any)\b[^.;]{0,40}$|\bnot\s+$|n['’]t\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
""""we don't know if there are survivors": a question, not a statement."""


@dataclass
class Survival:
    """One outlet's statement; offsets relative to the sentence."""

    sent: Sentence
    start: int
    end: int
    survived: str
    written: str


def _statement(sent: Sentence) -> Survival | None:
    text = sent.text
    found = []
    for label, pattern in (("none survived", NONE_RE), ("some survived", SOME_RE)):
        m = pattern.search(text)
        if m is not None and not _UNSURE.search(text, max(0, m.start() - 50), m.start()):
            found.append(Survival(sent, m.start(), m.end(), label, m.group(0)))
    return min(found, key=lambda s: s.start) if found else None


def survival_slot(sentences: list[Sentence]) -> list[Survival]:
    """Each outlet's first statement on survivors, when both answers are given by
    independent outlets (empty otherwise: agreement here says nothing the toll does not)."""
    firsts = first_in_each_article(sentences, _statement)
    answers = {s.survived: {x.sent.root for x in firsts if x.survived == s.survived} for s in firsts}
    if len(answers) < 2 or len(set().union(*answers.values())) < 2:
        return []
    return firsts
