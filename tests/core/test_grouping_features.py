"""The signals grouping relies on: loosely resolved dates, names by capitalization, shingles,
and blocking that stays far from all-pairs on a corpus of many stories."""

from __future__ import annotations

import random
from datetime import date

from wiredesk.core.grouping import group_articles
from wiredesk.core.grouping.clusters import candidate_pairs, time_factor
from wiredesk.core.grouping.features import Vocabulary, extract
from wiredesk.core.grouping.reprints import containment
from wiredesk.core.grouping.text import (
    fold,
    name_skeleton,
    resolve_dates,
    shingle_words,
    shingles,
    term_counts,
)
from wiredesk.core.models import Article

THURSDAY = date(2025, 3, 13)


def test_one_day_written_three_ways_gets_one_key() -> None:
    for text in ("It happened on Wednesday.", "It happened on Mar. 12.", "It happened on 12 March 2025."):
        assert resolve_dates(fold(text), THURSDAY) == {"d:2025-03-12"}, text


def test_yesterday_and_today_resolve_against_publication() -> None:
    assert resolve_dates("The leaders met yesterday and meet again today", THURSDAY) == {
        "d:2025-03-12", "d:2025-03-13",
    }


def test_weekday_of_publication_means_that_day() -> None:
    assert resolve_dates("The vote took place on Thursday", THURSDAY) == {"d:2025-03-13"}


def test_dates_without_publication_date_stay_loose() -> None:
    assert resolve_dates("on Friday, and again on June 3", None) == {"w:friday", "d:06-03"}


def test_december_in_a_january_paper_is_last_year() -> None:
    assert resolve_dates("since December 28", date(2025, 1, 4)) == {"d:2024-12-28"}


def test_impossible_dates_are_ignored() -> None:
    assert resolve_dates("on February 30 and 45 March", THURSDAY) == set()


def test_names_are_terms_never_written_in_lower_case() -> None:
    counts, names = term_counts(fold("Strike hits Ostrava. The strike near Ostrava killed Kata'ib fighters."))
    assert "ostrava" in names and "kataib" in names
    assert "strike" in counts and "strike" not in names
    assert "the" not in counts


def test_a_word_that_only_opens_sentences_is_not_a_name() -> None:
    _, names = term_counts(fold("Investigators blamed the wiring. Rescuers met Governor Okoro near Tamale."))
    assert names == {"governor", "okoro", "tamale"}


def test_transliterated_names_share_a_skeleton() -> None:
    assert name_skeleton("fadhli") == name_skeleton("fadli")
    assert name_skeleton("qasim") == name_skeleton("kasem")
    assert name_skeleton("ahmad") == name_skeleton("ahmed")
    assert name_skeleton("brannigan") != name_skeleton("okafor")
    assert name_skeleton("abu") is None  # too short to tell names apart


def test_accents_and_initialisms_fold_to_one_form() -> None:
    counts, _ = term_counts(fold("Ṣadr met N.A.T.O. envoys; Sadr and NATO officials"))
    assert counts["sadr"] == 2
    assert counts["nato"] == 2


def test_quotes_are_left_out_of_shingles() -> None:
    words = shingle_words("He said “we will rebuild every single home” and left.")
    assert not any("rebuild" in w for w in words)
    assert any(w.startswith("left") for w in words)


def test_containment_is_one_when_a_text_lies_inside_another() -> None:
    base = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    a = shingles(shingle_words(base))
    b = shingles(shingle_words(base + " and then some unrelated trailing words about a newsletter"))
    assert containment(a, b) == 1.0
    assert containment(a, shingles(shingle_words("completely different words in this other text here"))) == 0


def test_time_factor_fades_with_the_gap() -> None:
    assert time_factor(THURSDAY, date(2025, 3, 15)) == 1.0
    assert time_factor(THURSDAY, None) == 1.0
    assert time_factor(THURSDAY, date(2025, 5, 13)) < 0.5


_CONSONANTS = "bdfgklmnprstv"
_VOWELS = "aeiou"
_GENERIC_TEXT = (
    "officials incident investigated details follow residents gathered scene police closed roads "
    "emergency services called shortly reports spokesperson declined comment number involved "
    "authorities promised inquiry wrong witnesses described chaotic crowds formed square opposition "
    "politicians demanded answers government markets reacted calmly afternoon trading analysts "
    "cautioned consequences weeks assess schools area precaution hospital injured damage buildings "
    "statement ministry agency council budget plan vote debate court ruling appeal company shares "
    "profit losses workers union strike talks deal border troops weather storm river bridge power"
)
_GENERIC = _GENERIC_TEXT.split()


def _many_stories(stories: int, per_story: int) -> list[Article]:
    """Stories that draw on one ordinary vocabulary and differ only in invented names."""
    rng = random.Random(3)
    out = []
    used: set[str] = set()
    for s in range(stories):
        names: list[str] = []
        while len(names) < 6:
            name = "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(4)).capitalize()
            if name not in used:
                used.add(name)
                names.append(name)
        for k in range(per_story):
            picked = rng.sample(names, 4)
            filler = " ".join(rng.choice(_GENERIC) for _ in range(60))
            body = (
                f"Officials named {picked[0]} and {picked[1]} on Monday. The {filler}. "
                f"Police said {picked[2]} confirmed the account given by {picked[3]}."
            )
            out.append(Article(
                id=f"a{s:03d}-{k}", path="", content_hash="", body=body, raw=body, format="text",
                title=None, outlet=None, byline=None,
                published=f"2025-{1 + s % 12:02d}-10", published_at=None, dateline=None, url=None,
                captions=[], removed=[], indexed_at="",
            ))
    return out


def test_blocking_scores_far_fewer_pairs_than_all_pairs() -> None:
    articles = _many_stories(80, 4)
    vocab = Vocabulary()
    docs = [extract(a, vocab) for a in articles]
    pairs, _near = candidate_pairs(docs, vocab)
    n = len(articles)
    assert len(pairs) < n * 10 < n * (n - 1) // 2
    stories = {frozenset(s.articles) for s in group_articles(articles).stories}
    expected = {frozenset(a.id for a in articles if a.id.startswith(f"a{s:03d}-")) for s in range(80)}
    assert stories == expected
