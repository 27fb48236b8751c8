"""Pilot tests: a wire text and its reprints are one cluster in the source list.

The story (``corpus.build_wire_cluster_service``): Coastal Post's text carried by four more
outlets, and two Northern Ledger articles of their own — seven articles, six outlets, two
independent sources. Asserted on the list's rows (option ids), the cursor, the open article
and the text on screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import build_wire_cluster_service
from screen_text import screen_text
from tui_support import settle
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.widgets import FactsPanel, ReadingPane, SourceList, StoryBar

SIZE = (80, 40)


@pytest.fixture
def cluster(tmp_path: Path):
    return build_wire_cluster_service(tmp_path / "cl" / "index.sqlite3")


def _app(cluster, clock) -> WiredeskApp:
    return WiredeskApp(cluster[0], [], clock=clock)


def _sources(app: WiredeskApp) -> SourceList:
    return next(s for s in app.screen_stack if isinstance(s, ReaderScreen)).query_one(SourceList)


def _rows(sources: SourceList) -> list[str]:
    """The article rows listed, by id, in order."""
    ids = [sources.get_option_at_index(i).id or "" for i in range(sources.option_count)]
    return [i[2:] for i in ids if i.startswith("a:")]


async def test_a_wire_text_lists_as_one_row_with_its_reprints_folded(cluster, clock) -> None:
    _service, fx, cl = cluster
    app = _app(cluster, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sources = _sources(app)
        # newest first: the cluster leads (its latest reprint is the latest activity)
        assert _rows(sources) == [fx.coastal, cl.ledger_update, fx.ledger]
        text = screen_text(app)
        assert "+4 reprints" in text and "▸ +4 reprints" in text  # glyph and words, not colour
        assert "6 outlets · 2 independent sources" in text
        assert "Harbor Times" not in text
        bar = next(s for s in app.screen_stack if isinstance(s, ReaderScreen)).query_one(StoryBar)
        assert bar.counts.endswith("7 new · 2 independent")  # the story bar says it too (last: 80 columns cut it)


async def test_space_opens_and_folds_the_cluster(cluster, clock) -> None:
    _service, fx, cl = cluster
    app = _app(cluster, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sources = _sources(app)
        assert sources.highlighted_article == fx.coastal
        await pilot.press("space")
        await pilot.pause()
        assert _rows(sources) == [fx.coastal, *cl.reprints, fx.wire, cl.ledger_update, fx.ledger]
        text = screen_text(app)
        assert "▾ 4 reprints" in text
        assert text.count("⧉ reprint") == 4
        assert "├" in text and "└" in text  # the tree under the original
        lines = text.splitlines()
        brenmoor = next(line for line in lines if "Brenmoor Daily" in line)
        coastal = next(line for line in lines if "Coastal Post" in line and "reprint" not in line)
        assert brenmoor.index("Brenmoor") > coastal.index("Coastal")  # indented under it
        assert sources.highlighted_article == fx.coastal
        await pilot.press("space")
        await pilot.pause()
        assert _rows(sources) == [fx.coastal, cl.ledger_update, fx.ledger]
        assert sources.highlighted_article == fx.coastal


async def test_navigation_skips_a_folded_cluster_and_enters_an_open_one(cluster, clock) -> None:
    _service, fx, cl = cluster
    app = _app(cluster, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sources = _sources(app)
        await pilot.press("j")
        assert sources.highlighted_article == cl.ledger_update  # over the folded reprints
        await pilot.press("k", "right")
        await pilot.pause()
        assert sources.highlighted_article == fx.coastal  # → opens, the cursor stays
        await pilot.press("j")
        assert sources.highlighted_article == cl.reprints[0]  # into the cluster
        await pilot.press("j", "j", "j")
        assert sources.highlighted_article == fx.wire  # the last reprint
        await pilot.press("j")
        assert sources.highlighted_article == cl.ledger_update
        await pilot.press("k", "k", "left")
        await pilot.pause()
        assert sources.highlighted_article == fx.coastal  # ← from a reprint: back to the original, folded
        assert _rows(sources) == [fx.coastal, cl.ledger_update, fx.ledger]
        await pilot.press("right", "right")
        await pilot.pause()
        assert sources.highlighted_article == cl.reprints[0]  # → on an open cluster: its first reprint
        await pilot.press("j", "left")  # ← on a reprint folds from anywhere in the cluster
        await pilot.pause()
        assert sources.highlighted_article == fx.coastal
        await pilot.press("j", "space", "left", "right")  # keys on a row without reprints do nothing
        await pilot.pause()
        assert sources.highlighted_article == cl.ledger_update
        assert _rows(sources) == [fx.coastal, cl.ledger_update, fx.ledger]


async def test_opening_a_reprint_shows_it_under_its_original(cluster, clock) -> None:
    _service, _fx, cl = cluster
    app = _app(cluster, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sources = _sources(app)
        await pilot.press("space", "j", "j", "enter")
        await settle(pilot)
        screen = next(s for s in app.screen_stack if isinstance(s, ReaderScreen))
        pane = screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == cl.reprints[1]
        assert sources.open_article == cl.reprints[1]
        assert "article 3/7 (Valley Post)" in screen_text(app)  # the status line counts rows as listed
        await pilot.press("1")
        await settle(pilot)
        row = next(line for line in screen_text(app).splitlines() if "├" in line and "Valley Post" in line)
        assert "▶" in row  # the open mark on the reprint's own row


async def test_a_fact_jump_to_a_folded_reprint_opens_its_cluster(cluster, clock) -> None:
    """The toll fact's third value is Wire Service's sentence: walking to it unfolds the
    cluster so the cursor can sit on the reprint's row."""
    _service, fx, _cl = cluster
    app = _app(cluster, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sources = _sources(app)
        assert fx.coastal not in sources.open_clusters
        screen = next(s for s in app.screen_stack if isinstance(s, ReaderScreen))
        await pilot.press("c")
        await settle(pilot)
        panel = screen.query_one(FactsPanel)
        for _ in range(3):
            if screen.open_article == fx.wire:
                break
            await pilot.press("right_square_bracket")
            await settle(pilot)
        assert screen.open_article == fx.wire, panel.facts
        assert fx.coastal in sources.open_clusters
        assert sources.highlighted_article == fx.wire


async def test_new_only_keeps_a_new_reprint_whose_original_is_not_new(cluster, clock) -> None:
    """With ``w`` only new articles are listed: a new reprint of a seen original stands on
    its own row, still saying whose copy it is."""
    service, fx, cl = cluster
    story = next(s for s in service.stories() if s.id == fx.story)
    service.triage_db.record_visit(story.id, set(story.articles) - {cl.reprints[0]}, set())
    app = _app(cluster, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sources = _sources(app)
        await pilot.press("w")
        await settle(pilot)
        assert _rows(sources) == [cl.reprints[0]]
        assert "⧉ copy of Coastal Post" in screen_text(app)


@pytest.mark.parametrize("mode", ["truecolor", "no_color", "sixteen"])
@pytest.mark.parametrize("theme", ["wiredesk-dark", "wiredesk-light", "wiredesk-high-contrast"])
async def test_an_open_cluster_is_readable_in_every_theme(cluster, clock, monkeypatch, theme: str, mode: str) -> None:
    """The tree, the reprint rows and the cursor on one of them reach WCAG 4.5:1 (as the seeds'
    screens do in ``test_contrast``)."""
    import textual.constants
    from contrast_audit import failing, painted_pairs

    if mode == "no_color":
        monkeypatch.setenv("NO_COLOR", "1")
    if mode == "sixteen":
        monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")
    app = _app(cluster, clock)
    app.theme = theme
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space", "j")
        await settle(pilot, 2)
        assert "├" in screen_text(app)
        pairs = painted_pairs(app, sixteen=mode == "sixteen")
        assert len(pairs) > 20
        assert failing(pairs) == []
