"""Wire clusters and independent sources (core/reprint_clusters.py) on invented stories:
a reprint joins its original's cluster and adds no source; two articles by one outlet are
one source; the count agrees with the facts engine's ``Fact.sources``."""

from __future__ import annotations

from pathlib import Path

from stories import load, write_files
from wiredesk.core.facts import compare_story
from wiredesk.core.models import Article
from wiredesk.core.outlets import OutletAliases
from wiredesk.core.reprint_clusters import clusters, heads, independent_sources, outlets
from wiredesk.core.service import Wiredesk
from wiredesk.core.store.summaries import summarize


def _article(art_id: str, outlet: str | None, copy_of: str | None = None, story: str = "s1") -> Article:
    return Article(
        id=art_id, path=f"{art_id}.txt", content_hash=art_id, body="", raw="", format="text", title=None,
        outlet=outlet, byline=None, published="2031-01-01", published_at=None, dateline=None, url=None,
        captions=[], removed=[], indexed_at="2031-01-01T00:00", story=story, copy_of=copy_of,
    )


def test_five_outlets_carrying_one_text_are_one_source_with_four_reprints() -> None:
    wire = _article("ap", "AP")
    copies = [_article(f"r{i}", name, "ap") for i, name in enumerate(["Harbor Times", "Valley Post",
                                                                       "Bay Courier", "Elm Gazette"])]
    listed = [copies[0], copies[1], wire, copies[2], copies[3]]  # newest first: a reprint leads
    [cluster] = clusters(listed)
    assert cluster.original is wire
    assert [a.id for a in cluster.reprints] == ["r0", "r1", "r2", "r3"]  # in the order given
    assert independent_sources(listed) == 1
    assert outlets(listed) == 5


def test_clusters_sit_where_their_first_member_is_listed() -> None:
    own = _article("own", "Northern Ledger")
    wire = _article("w", "Coastal Post")
    copy = _article("c", "Valley Post", "w")
    order = [copy, own, wire]
    assert [(c.original.id, [r.id for r in c.reprints]) for c in clusters(order)] == [("w", ["c"]), ("own", [])]


def test_two_articles_by_one_outlet_are_one_source_and_folding_is_by_name() -> None:
    a = _article("a", "Northern Ledger")
    b = _article("b", "northern  LEDGER")
    c = _article("c", "Coastal Post")
    assert independent_sources([a, b, c]) == 2
    # no outlet at all: each such article is its own source (a file name never names one)
    assert independent_sources([_article("x", None), _article("y", None)]) == 2
    # the caller's naming (aliases) decides which names are one outlet
    aliases = OutletAliases({"Coastal Post": "Northern Ledger"})
    assert independent_sources([a, c], lambda art: aliases.resolve(art.outlet)) == 1


def test_a_reprint_of_an_article_outside_the_list_or_story_heads_its_own_cluster() -> None:
    copy = _article("c", "Valley Post", "elsewhere")
    other_story = _article("w", "Coastal Post", story="s2")
    copy2 = _article("c2", "Bay Courier", "w")
    assert heads([copy, other_story, copy2]) == {"c": "c", "w": "w", "c2": "c2"}
    assert independent_sources([copy, copy2]) == 2


def test_chains_of_reprints_lead_to_the_first_text_and_cycles_stop() -> None:
    first = _article("a", "AP")
    second = _article("b", "Harbor Times", "a")
    third = _article("c", "Valley Post", "b")
    assert heads([third, second, first]) == {"a": "a", "b": "a", "c": "a"}
    loop = [_article("x", "X", "y"), _article("y", "Y", "x")]
    assert set(heads(loop).values()) <= {"x", "y"}  # terminates


def test_counts_agree_with_the_facts_engine_on_the_invented_stories() -> None:
    """``agreement_flood`` (flood-c reprints flood-a) and ``agreement_earnings`` (biz-c reprints
    biz-a): the facts every article gives count as many sources as the story has."""
    for name, value in (("agreement_flood.txt", "At least 12"), ("agreement_earnings.txt", "$3.5 billion")):
        articles, analyses = load(name)
        assert any(a.copy_of for a in articles)
        fact = next(f for f in compare_story("s1", articles, analyses) if any(v.value == value for v in f.values))
        assert fact.sources == independent_sources(articles) == outlets(articles) - 1, name


def test_story_header_counts_independent_sources(tmp_path: Path) -> None:
    """``agreement_flood`` indexed from files: flood-c reprints flood-a, so four articles by
    four outlets are three independent sources."""
    write_files("agreement_flood.txt", tmp_path / "in")
    desk = Wiredesk(tmp_path / "i.sqlite3", outlet_aliases=OutletAliases())
    desk.index([tmp_path / "in"])
    [story] = desk.stories()
    members = {a.id: a for a in desk.articles(story=story.id)}
    assert sum(1 for a in members.values() if a.copy_of) == 1, "the reprint is recognised"
    summary = summarize(story, members, lambda a: a.outlet or a.id)
    assert (summary.articles, summary.outlets, summary.independent) == (4, 4, 3)
