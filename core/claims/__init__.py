"""Sentences, claims and normalized mentions: what each article asserts, tied to its text.

Entry points (the service and the facts engine use only these):

- ``analyze(article) -> Analysis`` — split ``article.body`` into sentences, find mentions,
  keep the sentences that carry checkable content as ``Claim`` objects.
- ``Analysis`` — ``.claims: list[Claim]``, ``.sentences: list[Sentence]``;
  ``to_json()`` / ``Analysis.from_json(d)`` round-trip exactly (the index caches it).
- ``ENGINE_VERSION`` — bumped whenever the output changes, so cached analyses are redone.
- ``name_key(text)`` — the matching key used in every name mention's ``"key"``.

Invariants (tests enforce them on arbitrary unicode):
``body[s.start:s.end] == s.text`` for every sentence and claim, and
``body[m.start:m.end] == m.text`` for every mention; a mention lies inside its claim.
Sentences never start or end with whitespace. Mentions in a claim are sorted by start.

Mention shapes (``Mention.normalized``) — a CONTRACT for ``core/facts``; keys may be added,
never removed or changed in meaning:

``count`` — a cardinal number or number word, with its bound and counted noun::

    {"op": "=" | ">=" | ">" | "<=" | "<" | "~" | "<~" | "vague",
     "n": int | float | None,      # None only for op "vague"
     "min": int | None,            # vague lower bound ("dozens" 24, "hundreds" 200,
     "max": int | None,            #   "scores of" 40, "several" 3..9), else None
     "unit": str | None,           # literal counted noun as written, lower case ("times",
                                   #   "personnel", "sites"), "%" for percent, currency code
                                   #   ("USD", "EUR", "GBP"...) for money
     "noun": str | None,           # crude lemma of the unit ("time", "site", "member")
     "context": str | None,        # nearest governing verb lemma before the number
                                   #   ("attack", "kill", "strike", "target"), else None
     "bound": str | None,          # the bound words as written ("at least", "more than")
     "class": "count" | "percent" | "money" | "age" | "measure"}

  ``Mention.text`` runs from the bound to the counted noun: "at least 40 times",
  "85 Iranian backed militia sites", "dozens of sites".

  ops: "at least"/"no fewer than"/"a minimum of" ">="; "more than"/"over"/"above"/
  "exceeding" ">"; "up to"/"at most"/"no more than"/"a maximum of" "<="; "fewer than"/
  "less than"/"under"/"below"/"just under" "<"; "about"/"around"/"roughly"/
  "approximately"/"some"/"an estimated"/"circa" "~"; "nearly"/"almost"/"close to"/
  "just shy of" "<~" (approximately, from below); a bare number "=". Bare number words
  with no counted noun ("the three killed") and a bare "one"/"a" are not emitted (too
  noisy; "at least one" is). Years, dates, clock times, ordinals, phone-number-like digit
  runs and numbers inside names ("B-52", "Covid-19") are NOT counts. "a 34-year-old" is
  class "age" (n=34, unit "years"); "$3.5 million" is class "money" (n=3500000, "USD").

``date`` — resolved against the article's publication date (``published_at`` or
``published``)::

    {"date": "YYYY-MM-DD" | None,  # day: that day; week: Monday of the week;
                                   #   month: first day of month; year: Jan 1.
                                   #   None when relative and the article has no date
     "precision": "day" | "week" | "month" | "year",
     "part": "morning" | "afternoon" | "evening" | "night" | None,
     "relative": bool,             # True when resolved from the publication date
     "anchor": "published" | None, # what a relative date was resolved against
     "bound": "since" | "until" | "before" | "after" | None,  # "since October" -> "since"
     "modifier": "early" | "late" | "mid" | None,
     "month": int | None,          # as written (1-12), even when the year is unknown
     "day": int | None,            # day of month as written
     "weekday": int | None}        # 0=Monday..6=Sunday for weekday mentions

  Rules: a bare weekday ("Wednesday", "on Wednesday", "late on Wednesday",
  "Wednesday evening") is the most recent such weekday on or before the publication date
  (the same day if published on that weekday). "last Friday" is the Friday of the
  previous calendar week (weeks start Monday), i.e. in a Thursday paper, 6 days before.
  "next Friday"/"this Friday" resolve forwards / within the week. "yesterday" = pub-1
  (part None), "last night" = pub-1 with part "night", "tonight" = pub with part
  "night", "today"/"this morning"/"earlier in the day"/"earlier today" = pub (part
  "morning" for "this morning"). "last week"/"last month"/"last year" and
  "this week/month/year" give week/month/year precision. "Jan. 28", "January 27",
  "28 January", "February 07, 2024", "the January 2020 drone strike" (month
  precision), "2021" alone is NOT a date (too ambiguous) unless "in 2021"/"since 2021"
  (year precision). Year inference for month-day without a year: the year that puts it
  closest before or on the publication date (a date up to 7 days after publication is
  taken as upcoming in the same year). "since (last) October": month precision, bound
  "since", year inferred the same way (strictly before the publication month for "last").

``time`` — a clock time::

    {"time": "HH:MM" (24 h), "approx": bool,   # "about/around/roughly/shortly after"
     "tz": "local" | "GMT" | "UTC" | "ET" | "EST" | ... | <place text> | None,
                                   # "11 a.m. in Paris" -> "Paris"; abbreviations upper case
     "utc_offset": float | None}   # hours, when the tz is a known abbreviation
                                   #   ("GMT"/"UTC" 0, "EST" -5, "CET" 1...), else None

``person`` / ``org`` / ``place`` — a capitalized name span (quoted nicknames, particles
such as al-/Al/Abu/bin/de/van inside the span, typographic quotes kept in ``text``)::

    {"name": str,                  # the name without honorifics/titles
     "key": str,                   # name_key(name): casefold, no diacritics, quotes unified
                                   #   and dropped, particles al/el/the dropped, hyphens and
                                   #   apostrophes -> space, whitespace collapsed
     "title": str | None,          # "Maj. Gen.", "Dr.", "President"...
     "role": str | None,           # appositive role ("spokesman", "chief executive")
     "nickname": str | None,       # quoted nickname inside the name ("Abu Bakr")
     "acronym": str | None,        # "Federal Reserve (FED)" -> "FED"; an acronym
                                   #   mention itself carries its own text here
     "expansion": str | None,      # for an acronym defined in the article: its long form
     "ref": str | None}            # the fullest same-kind name in the article this one
                                   #   abbreviates ("al-Smith" -> "John al-Smith"), else None

``quote`` — text between quote marks (closed, or running to a paragraph end)::

    {"text": str,                  # inside the marks
     "speaker": str | None,        # "X said"/"said X"/"X told"/"according to X"/
                                   #   "X's statement read"; None when not stated. A
                                   #   surname or pronoun is reported as the full name
                                   #   the article gave before ("Lopez" -> "Maria Lopez")
     "speaker_key": str | None,
     "closed": bool,
     "words": int}

``attribution`` — who the sentence says it comes from::

    {"source": str,                # "NASA", "officials", "two officials", "AP"
     "source_key": str,
     "verb": str,                  # as written, lower case: "said", "reports",
                                   #   "according to", "told", "confirmed"...
     "negated": bool,              # "did not say/name/confirm"
     "resolved": str,              # only for pronoun sources ("he said"): the last person
     "resolved_key": str}          #   named before, and its name_key

``hedge`` — ``{"word": str}`` lower case: "reportedly", "allegedly", "apparently",
"it is estimated", "is believed to", "claimed", "unconfirmed", "possibly"...

``Sentence`` (``Analysis.sentences``): ``{"start", "end", "text", "is_caption",
"paragraph", "is_headline"}`` (``is_headline``: a whole line with no final punctuation).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .version import ENGINE_VERSION

if TYPE_CHECKING:
    from .analysis import analyze
    from .names import name_key
    from .result import Analysis
    from .sentences import Sentence, split_sentences

__all__ = ["ENGINE_VERSION", "Analysis", "Sentence", "analyze", "name_key", "split_sentences"]

# The extractors compile many patterns at import; load them on first use so reading
# cached results (the reader's first paint) only needs ENGINE_VERSION.
_LAZY = {
    "Analysis": "result",
    "analyze": "analysis",
    "name_key": "names",
    "Sentence": "sentences",
    "split_sentences": "sentences",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"wiredesk.core.claims.{module}"), name)
