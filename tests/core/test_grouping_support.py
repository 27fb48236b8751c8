"""Weak links merge two stories only with the support of many of their pairs; a lone
article joins the one story it is best linked to (``grouping.support``)."""

from __future__ import annotations

from wiredesk.core.grouping.clusters import UnionFind
from wiredesk.core.grouping.support import join_weak


def _stories(n: int, strong: list[tuple[int, int]], weak: list[tuple[int, int]],
             copies: frozenset[int] = frozenset()) -> list[list[int]]:
    uf = UnionFind(n)
    for a, b in strong:
        uf.union(a, b)
    join_weak(uf, weak, n, copies)
    return sorted(sorted(g) for g in uf.groups(range(n)))


FIVE_AND_FIVE = [(0, 1), (1, 2), (2, 3), (3, 4), (5, 6), (6, 7), (7, 8), (8, 9)]


def test_two_stories_with_a_few_weak_pairs_stay_apart() -> None:
    # two prizes of one academy in one week: 3 of the 25 pairs between them clear the loose rule
    assert _stories(10, FIVE_AND_FIVE, [(0, 5), (2, 7), (3, 5)]) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]


def test_two_halves_of_one_story_linked_by_most_pairs_merge() -> None:
    strong = [(0, 1), (2, 3)]
    weak = [(0, 2), (0, 3), (1, 2)]  # 3 of 4 pairs
    assert _stories(4, strong, weak) == [[0, 1, 2, 3]]


def test_a_lone_article_joins_one_story_and_never_bridges_two() -> None:
    # 10 links to 5 of the first story (best per member), 1 to the second
    assert _stories(11, FIVE_AND_FIVE, [(10, 0), (10, 1), (10, 5)]) == [[0, 1, 2, 3, 4, 10], [5, 6, 7, 8, 9]]


def test_a_copy_does_not_dilute_its_familys_support() -> None:
    # 0 and its copy 1 against the story 2-3-4: the copy was never scored, so the family is
    # one article linked to the story (counted as two, 1 link of 6 pairs would not merge)
    strong = [(0, 1), (2, 3), (3, 4)]
    weak = [(0, 2)]
    assert _stories(5, strong, weak) == [[0, 1], [2, 3, 4]]
    assert _stories(5, strong, weak, copies=frozenset({1})) == [[0, 1, 2, 3, 4]]


def test_the_order_of_the_weak_links_does_not_matter() -> None:
    weak = [(10, 0), (10, 5), (10, 6), (0, 5), (2, 7)]
    assert _stories(11, FIVE_AND_FIVE, weak) == _stories(11, FIVE_AND_FIVE, list(reversed(weak)))


def test_a_lone_article_takes_along_the_lone_article_linked_to_it() -> None:
    strong = [(0, 1), (1, 2)]
    assert _stories(5, strong, [(3, 0), (3, 4)]) == [[0, 1, 2, 3, 4]]
    # two lone articles that each joined a different story are not put together
    five = FIVE_AND_FIVE
    assert _stories(12, five, [(10, 0), (11, 5), (10, 11)]) == [[0, 1, 2, 3, 4, 10], [5, 6, 7, 8, 9, 11]]
