"""A sentence the facts engine reads a value from is shown with its status even when the
claim reader found nothing in it ("within a 2-mile radius": a hyphenated size). Articles
written for this test."""

from __future__ import annotations

from pathlib import Path

from wiredesk.core.service import Wiredesk

A = """Harbor Post

March 3, 2031

A tanker truck overturned near the village of Orvello on Sunday, spilling fuel.

Residents within a 1-mile radius were told to leave their homes.
"""

B = """Valley Courier

March 3, 2031

A fuel tanker overturned near Orvello on Sunday and spilled its load across the road.

Residents within a 3-mile radius were told to leave their homes.
"""


def test_a_fact_sentence_the_claim_reader_passed_over_is_a_claim_with_its_status(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    wd = Wiredesk(tmp_path / "i.sqlite3")
    wd.index([folder])
    [story] = wd.stories()
    radius = [f for f in wd.facts(story.id) if any("mile" in v.value for v in f.values)]
    assert [f.status for f in radius] == ["contested"]
    for art in story.articles:
        body = wd.article(art).body
        marked = [c for c in wd.claims(art) if "radius" in c.text]
        assert [c.status for c in marked] == ["contested"]
        assert body[marked[0].start:marked[0].end] == marked[0].text
