"""Property tests over ingest → claims → facts on generated text.

Generated articles mix real-looking news sentences with the things that break offset
arithmetic and number parsing: non-ASCII letters, combining marks, emoji, odd whitespace
(NBSP, thin space, zero-width, tabs, CRLF, U+2028), typographic quotes, and numbers, dates
and times in odd places ("at least 1,200", "Feb. 8", "9:30 pm", "2024-02-08", "3.5%").

Invariants: nothing raises (other than ``IngestError`` for text that is not an article);
every sentence, claim, mention and evidence offset slices the body exactly; a mention lies
inside its claim; facts only join articles of one story; analyses round-trip through JSON.
``HYPOTHESIS_PROFILE=long`` runs many more examples.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from wiredesk.core import claims, facts
from wiredesk.core.ingest import IngestError, parse_bytes
from wiredesk.core.models import Article, ParsedArticle
from wiredesk.core.service import Wiredesk

WORDS = [
    "officials", "said", "the", "council", "reported", "at", "least", "more", "than", "nearly",
    "about", "people", "were", "killed", "injured", "on", "Wednesday", "last", "Friday", "in",
    "according", "to", "police", "told", "reporters", "reportedly", "strike", "flood", "vote",
    "Müller", "Ærø", "São", "Paulo", "Zoë", "Łódź", "İstanbul", "Ñandú", "東京", "القاهرة",
    "Dr.", "Gen.", "Mr.", "al-Rahim", "O'Neil", "McDonald", "U.S.", "e.g.", "No.", "🙂", "x\u0301",
]
NUMBERS = [
    "3", "12", "1,200", "3.5", "2024", "1999", "0", "007", "12%", "$4.5 million", "€30", "40-year-old",
    "two dozen", "hundreds", "dozens of", "between 3 and 5", "up to 40", "-7", "1/2", "3rd", "8th", "10,000,000",
    "½", "٣", "１２",
]
DATES = [
    "February 8, 2024", "Feb. 8", "8 February", "2024-02-08", "Thursday, February 8, 2024", "last Friday",
    "yesterday", "this morning", "in 2021", "since October", "January 2020", "Feb 30, 2024", "9:30 pm",
    "11 a.m. in Paris", "23:59 GMT", "about 10 p.m. local time", "Monday evening",
]
# Registered in conftest.py; "ci" by default, HYPOTHESIS_PROFILE=long for a long run.
ACTIVE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SPACES = [" ", " ", " ", "\u00a0", "\u2009", "\u200b", "\t", "  ", "\u3000", "\u202f"]
PUNCT = [".", ".", ".", "!", "?", "...", "…", ";", ",", " —", ":"]
QUOTES = [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("“", "")]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    tokens = draw(
        st.lists(
            st.one_of(
                st.sampled_from(WORDS), st.sampled_from(NUMBERS), st.sampled_from(DATES),
                st.text(min_size=1, max_size=6),
            ),
            min_size=1, max_size=14,
        )
    )
    out = tokens[0][:1].upper() + tokens[0][1:]
    for tok in tokens[1:]:
        out += draw(st.sampled_from(SPACES)) + tok
    if draw(st.booleans()):
        left, right = draw(st.sampled_from(QUOTES))
        out = f"{left}{out}{right} {draw(st.sampled_from(['he said', 'said Dr. Ana Ruiz', 'officials told AP']))}"
    return out + draw(st.sampled_from(PUNCT))


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    paragraphs = draw(
        st.lists(
            st.lists(sentences(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6,
        )
    )
    head = draw(st.sampled_from(["", "A headline about a flood\n\n", "Thursday, February 8, 2024\n\n"]))
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n", "\u2028"]))
    return head + sep.join(paragraphs) + draw(st.sampled_from(["", "\n", "\n\n\n", " "]))


def _article(parsed: ParsedArticle, article_id: str) -> Article:
    return Article(
        id=article_id, path=f"/gen/{article_id}.txt", content_hash=article_id, body=parsed.body, raw=parsed.raw,
        format=parsed.format, title=parsed.title, outlet=parsed.outlet, byline=parsed.byline,
        published=parsed.published, published_at=parsed.published_at, dateline=parsed.dateline, url=parsed.url,
        captions=list(parsed.captions), removed=list(parsed.removed),
        indexed_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), story="s1",
    )


def _parse(text: str, name: str) -> list[ParsedArticle]:
    try:
        return parse_bytes(text.encode("utf-8", "surrogatepass"), f"/gen/{name}.txt", name_hint=f"{name}.txt")
    except IngestError:
        return []


def check_analysis(article: Article, analysis: claims.Analysis) -> None:
    body = article.body
    for s in analysis.sentences:
        assert body[s.start:s.end] == s.text, (s, body)
        assert s.text == s.text.strip(), f"sentence with edge whitespace: {s.text!r}"
    for c in analysis.claims:
        assert 0 <= c.start <= c.end <= len(body)
        assert body[c.start:c.end] == c.text, (c, body)
        starts = [m.start for m in c.mentions]
        assert starts == sorted(starts), "mentions sorted by start"
        for m in c.mentions:
            assert body[m.start:m.end] == m.text, (m, body)
            assert c.start <= m.start <= m.end <= c.end, (m, c)
    for s, e in article.captions:
        assert 0 <= s <= e <= len(body)
    again = claims.Analysis.from_json(analysis.to_json())
    assert again.to_json() == analysis.to_json()


@settings(ACTIVE)
@given(text=article_texts())
def test_ingest_and_claims_keep_offsets_exact(text: str) -> None:
    for i, parsed in enumerate(_parse(text, "a")):
        assert isinstance(parsed.body, str)
        article = _article(parsed, f"a{i}")
        check_analysis(article, claims.analyze(article))


@settings(ACTIVE)
@given(text=st.text(max_size=400))
def test_arbitrary_unicode_never_crashes_ingest_or_claims(text: str) -> None:
    for i, parsed in enumerate(_parse(text, "u")):
        article = _article(parsed, f"u{i}")
        check_analysis(article, claims.analyze(article))


@settings(ACTIVE, max_examples=max(10, ACTIVE.max_examples // 2))
@given(texts=st.lists(article_texts(), min_size=2, max_size=4))
def test_facts_cite_exact_sentences_of_their_own_story(texts: list[str]) -> None:
    articles = []
    for n, text in enumerate(texts):
        articles += [_article(p, f"a{n}_{i}") for i, p in enumerate(_parse(text, f"a{n}"))]
    # Two stories' worth of articles: facts are computed per story and must stay inside it.
    story_a, story_b = articles[::2], articles[1::2]
    for story_id, members in (("s1", story_a), ("s2", story_b)):
        analyses = {a.id: claims.analyze(a) for a in members}
        by_id = {a.id: a for a in members}
        for fact in facts.compare_story(story_id, members, analyses):
            assert fact.story == story_id
            assert fact.status in ("contested", "agreed", "single")
            for value in fact.values:
                assert set(value.articles) <= set(by_id), (fact, list(by_id))
                for ev in value.evidence:
                    assert ev.article in by_id
                    assert by_id[ev.article].body[ev.start:ev.end] == ev.sentence, ev
            assert facts.fact_from_json(fact.to_dict()).to_dict() == fact.to_dict()


@settings(ACTIVE, max_examples=max(4, ACTIVE.max_examples // 8))
@given(texts=st.lists(article_texts(), min_size=2, max_size=5))
def test_through_the_service_facts_never_join_two_stories(texts: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for n, text in enumerate(texts):
            (root / f"art{n}.txt").write_text(text, encoding="utf-8", newline="")
        service = Wiredesk(root / "db" / "index.sqlite3")
        service.index([root])
        members = {s.id: set(s.articles) for s in service.stories()}
        for story, ids in members.items():
            for fact in service.facts(story):
                for value in fact.values:
                    assert set(value.articles) <= ids
                    for ev in value.evidence:
                        assert ev.article in ids
                        assert service.article(ev.article).body[ev.start:ev.end] == ev.sentence
        for article in service.articles():
            full = service.article(article.id)
            for claim in service.claims(article.id):
                assert full.body[claim.start:claim.end] == claim.text
        service.close()
