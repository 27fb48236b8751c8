"""Property tests: the fact engine never crashes and every evidence slices its body exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stories import SimpleAnalysis, split
from wiredesk.core.facts import compare_story, fact_from_json
from wiredesk.core.models import Article, Claim

PIECES = [
    "at least 12", "more than 40", "43", "dozens of", "about 3,500", "Jan. 28", "January 27", "last month",
    "on Wednesday", "yesterday", "9:30 p.m.", "10 a.m. GMT", "11 a.m. in Paris", "people", "troops",
    "times", "were killed", "attacked", "Abu Karim al-Harbi", "Abd al-Karim Nouri", "spokesman",
    "Helena Varga said", "‘Abu Kamil’", "al-", "Al ", "’s", "\u00a0", "\u200b", "\t", "  ", ",", ".", "–",
    "ş", "Ünal", "東京", "🙂", "\n\n", "1,000,000", "0", "-5", "99999999999999999999",
]

words = st.lists(st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=6)), min_size=0, max_size=40)


def _article(i: int, body: str, published: str | None) -> Article:
    return Article(
        id=f"p{i}", path=f"p{i}.txt", content_hash=str(i), body=body, raw=body, format="text", title=None,
        outlet=None, byline=None, published=published, published_at=None, dateline=None, url=None,
        captions=[], removed=[], indexed_at="2024-01-01T00:00", story="s", copy_of="p0" if i == 2 else None,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bodies=st.lists(words.map(" ".join), min_size=1, max_size=3),
    published=st.sampled_from([None, "2024-02-08", "2019-07-01", "not a date"]),
    bad_claim=st.booleans(),
)
def test_engine_is_total_and_offsets_hold(bodies: list[str], published: str | None, bad_claim: bool) -> None:
    articles = [_article(i, body, published) for i, body in enumerate(bodies)]
    analyses = {a.id: SimpleAnalysis(split(a.body)) for a in articles}
    if bad_claim:  # offsets that do not fit the body are skipped, not trusted
        analyses["p0"].claims.append(Claim(5, 10_000, "out of range"))
    facts = compare_story("s", articles, analyses)
    bodies_by_id = {a.id: a.body for a in articles}
    for fact in facts:
        assert fact.status in ("contested", "agreed", "single")
        assert fact.sources >= 1
        if fact.status == "contested":
            assert fact.conflict in ("value", "bound", "precision", "spelling", "attribution")
        for value in fact.values:
            for ev in value.evidence:
                assert ev.article in bodies_by_id
                assert bodies_by_id[ev.article][ev.start:ev.end] == ev.sentence
        assert fact_from_json(fact.to_dict()) == fact
