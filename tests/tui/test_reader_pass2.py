"""Pilot tests for the reader's second pass (issue 10): the dispute card, disputed values
marked alone, the gutter mark, layouts by width, the status line, feedback for every key,
help, empty states, the theme kept in config, and repaints limited to what changed."""

from __future__ import annotations

import pytest
from screen_text import screen_text
from test_seeds import captured_notes
from textual.color import Color
from tui_support import settle
from wiredesk.core import paths
from wiredesk.core.service import Wiredesk
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.contrast import contrast
from wiredesk.tui.screens.help import HelpScreen
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.widgets import FactsPanel, ReadingPane, SourceList
from wiredesk.tui.widgets.dispute_card import conflict_words
from wiredesk.tui.widgets.facts_panel import picks
from wiredesk.tui.widgets.reading_pane import FOCUS_MARK, value_spans
from wiredesk.tui.widgets.status_line import StatusLine
from wiredesk.tui.widgets.story_bar import StoryBar

WIDE = (120, 40)


def reader(app: WiredeskApp) -> ReaderScreen:
    return next(s for s in app.screen_stack if isinstance(s, ReaderScreen))


def shown_panes(app: WiredeskApp) -> list[str]:
    return [p.id for p in reader(app).query(".pane") if p.display and p.region.area > 0]




async def walk_to_bound_fact(pilot, app: WiredeskApp):
    """Open the facts, put the cursor on the seeds' bound conflict and jump to its first outlet."""
    panel = reader(app).query_one(FactsPanel)
    await pilot.press("3")
    await settle(pilot, 2)
    fact = next(f for f in panel.visible_facts if f.conflict == "bound")
    panel.highlighted = [f.id for f in panel.visible_facts].index(fact.id)
    await pilot.press("enter")
    await settle(pilot)
    return fact


@pytest.mark.parametrize("size", [(80, 24), WIDE])
async def test_the_dispute_card_stays_pinned_while_the_article_scrolls(seeds_service: Wiredesk, clock,
                                                                        size) -> None:
    app = WiredeskApp(seeds_service, [], clock=clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        fact = await walk_to_bound_fact(pilot, app)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        card = pane.card_text
        assert fact.label in card and "(2/" in card
        assert "a bound:" in card and "cannot both be the full count" in card
        assert card.count("\n") >= 2  # outlets listed under the reason
        first_line = card.split("\n")[0][:30]
        assert first_line in screen_text(app)
        pane.focus()
        before = pane.scroll_y
        await pilot.press(*["k" if pane.scroll_y >= pane.max_scroll_y else "j"] * 6)
        await pilot.pause()
        assert pane.scroll_y != before  # the article moved...
        assert first_line in screen_text(app)  # ...the card did not


def test_conflict_kinds_are_worded_including_update(seeds_service: Wiredesk) -> None:
    facts = [f for s in seeds_service.stories() for f in seeds_service.facts(s.id)]
    fact = next(f for f in facts if f.status == "contested")
    articles = {a.id: a for a in seeds_service.articles()}
    words = {}
    for kind in ("value", "bound", "precision", "spelling", "attribution", "update"):
        fact.conflict = kind  # type: ignore[assignment]
        words[kind] = conflict_words(fact, picks(fact), articles)
    assert words["update"].startswith("an update:") and "publication times" in words["update"]
    assert words["bound"].startswith("a bound:")
    assert len(set(words.values())) == 6  # each kind has its own words


async def test_only_the_disputed_mention_is_marked(seeds_service: Wiredesk, clock) -> None:
    app = WiredeskApp(seeds_service, [], clock=clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        article = pane.article
        spans = value_spans(article, reader(app).facts)
        disputed = [(s, e) for s, e, d in spans if d]
        assert disputed
        # A contested sentence holding several values gets only the fact's mention marked.
        contested = [c for c in pane.claims if c.status == "contested"]
        marked_alone = False
        for claim in contested:
            values = [m for m in claim.mentions if m.kind in ("count", "date", "time")]
            inside = [(s, e) for s, e in disputed if claim.start <= s < claim.end]
            if len(values) > len(inside) >= 1:
                marked_alone = True
        assert marked_alone
        # And it is painted in the disputed style in the pane's text.
        style = pane.colours.disputed
        block_texts = [b.text for b in pane._blocks]
        painted = {t.plain[s.start:s.end] for t in block_texts for s in t.spans if s.style == style}
        assert {article.body[s:e] for s, e in disputed} & painted


async def test_the_focused_sentence_has_a_gutter_mark(fixture, clock) -> None:
    app = WiredeskApp(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot, 2)
        pane = reader(app).query_one(ReadingPane)
        rows = [line for line in screen_text(app).split("\n") if FOCUS_MARK in line]
        assert rows, "no gutter mark"
        start = pane.focused_text.split()[0]
        assert any(start in row for row in rows)


@pytest.mark.parametrize(("width", "panes"), [(99, ["sources"]), (100, ["sources", "reader"]),
                                              (149, ["sources", "reader"]), (150, ["sources", "reader", "facts"])])
async def test_panes_by_width(fixture, clock, width: int, panes: list[str]) -> None:
    app = WiredeskApp(fixture[0], [], clock=clock)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        assert shown_panes(app) == panes


async def test_two_panes_put_the_facts_beside_the_article(fixture, clock) -> None:
    app = WiredeskApp(fixture[0], [], clock=clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot, 2)
        assert shown_panes(app) == ["reader", "facts"]
        await pilot.press("1")
        await settle(pilot, 2)
        assert shown_panes(app) == ["sources", "reader"]


async def test_status_line_says_where_you_are(fixture, clock) -> None:
    app = WiredeskApp(fixture[0], [], clock=clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        status = reader(app).query_one(StatusLine)
        await pilot.press("2", "n", "n")
        await settle(pilot, 2)
        text = str(status.render())
        pane = reader(app).query_one(ReadingPane)
        assert f"claim 2/{len(pane.claims)}" in text
        assert "article 1/" in text and "facts: all" in text and "sort: time" in text
        await pilot.press("f", "S")
        await settle(pilot, 2)
        text = str(status.render())
        assert "facts: contested" in text and "sort: contested" in text


async def test_story_counts_survive_a_no_op_reindex(seeds_service: Wiredesk, seeds_dir, clock) -> None:
    app = WiredeskApp(seeds_service, [str(seeds_dir)], clock=clock)  # already indexed: a no-op
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 6)
        bar = reader(app).query_one(StoryBar)
        assert "articles ·" in bar.counts and "contested" in bar.counts
        assert bar.counts in screen_text(app)


@pytest.mark.parametrize(("key", "expect"), [
    ("r", "Marked"), ("s", "Starred"), ("x", "Dismissed"), ("S", "sorted by"), ("R", "Reloaded"),
])
async def test_every_action_answers(fixture, clock, key: str, expect: str) -> None:
    app = WiredeskApp(fixture[0], [], clock=clock)
    notes = captured_notes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", key)
        await settle(pilot)
        assert any(expect in n for n in notes), notes


async def test_y_copies_the_claim_under_the_cursor_and_warns_about_tmux(fixture, clock, monkeypatch) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = WiredeskApp(fixture[0], [], clock=clock)
    notes = captured_notes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "n", "n")
        await settle(pilot, 2)
        pane = reader(app).query_one(ReadingPane)
        claim = pane.focused_claim
        assert claim is not None
        await pilot.press("y")
        await pilot.pause()
        assert claim.text in app.clipboard
        assert pane.article.outlet in app.clipboard
        assert any("set-clipboard" in n for n in notes)


async def test_help_has_a_legend_context_groups_and_each_key_once(fixture, clock) -> None:
    app = WiredeskApp(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text.plain
        for glyph in ("▶", "•", "★", "✗", "new", "▣", "⧉", "◆", "✓", "○"):
            assert f"  {glyph}" in text
        assert "question_mark" not in text and "escape" not in text and "right_square_bracket" not in text
        for block in text.split("\n\n"):
            keys = [line[2:16].strip() for line in block.split("\n")[1:] if "  · " in line]
            assert len(keys) == len(set(keys)), f"a key listed twice in {block[:30]!r}"
        box = app.screen.query_one("#help-box")
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert box.scroll_y == 2


async def test_an_empty_index_says_what_to_do(tmp_path, clock) -> None:
    app = WiredeskApp(Wiredesk(tmp_path / "empty" / "index.sqlite3"), [], clock=clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Opening…" not in text
        assert "wiredesk index PATH" in text


async def test_t_repaints_the_article_and_is_kept_in_config(fixture, clock) -> None:
    app = WiredeskApp(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "n")
        await settle(pilot, 2)
        pane = reader(app).query_one(ReadingPane)
        before = pane.render_line(3)
        await pilot.press("t")
        await settle(pilot, 2)
        chosen = app.theme
        assert chosen != "wiredesk-dark"
        after = pane.render_line(3)
        bg = {s.style.bgcolor for s in after if s.style and s.style.bgcolor}
        assert bg and bg != {s.style.bgcolor for s in before if s.style and s.style.bgcolor}
        for seg in after:
            if seg.text.strip() and seg.style and seg.style.color and seg.style.bgcolor:
                assert contrast(Color.from_rich_color(seg.style.color), Color.from_rich_color(seg.style.bgcolor)) >= 4.5
    assert f'theme = "{chosen}"' in paths.config_file().read_text(encoding="utf-8")
    again = WiredeskApp(fixture[0], [], clock=clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == chosen


async def test_light_theme_captions_are_readable(fixture, clock) -> None:
    app = WiredeskApp(fixture[0], [], clock=clock)
    app.theme = "wiredesk-light"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        caption = pane.colours.caption
        assert contrast(Color.from_rich_color(caption.color), Color.from_rich_color(caption.bgcolor)) >= 4.5


async def test_cursor_moves_repaint_lines_not_panes(seeds_service: Wiredesk, clock) -> None:
    """n repaints the rows of two sentences; j in the list repaints two options' rows."""
    from textual.geometry import Region

    app = WiredeskApp(seeds_service, [], clock=clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        sources = reader(app).query_one(SourceList)
        await pilot.press("2", "n")
        await settle(pilot, 2)
        await pilot.press("n", "1", "j")  # focus moves restyle the panes' borders: settle those first
        await settle(pilot, 2)
        await pilot.press("2")
        await settle(pilot, 2)
        regions: list[Region | None] = []
        for widget in (pane, sources):
            real = widget.refresh

            def spy(*args, _real=real, **kwargs):
                regions.append(args[0] if args else None)
                return _real(*args, **kwargs)

            widget.refresh = spy  # type: ignore[method-assign]
        await pilot.press("n")
        await pilot.pause()
        assert regions and None not in regions
        assert all(r.height == 1 for r in regions)
        assert len(regions) <= 12
        await pilot.press("1")
        await settle(pilot, 2)
        regions.clear()
        await pilot.press("j")
        await pilot.pause()
        assert regions and None not in regions
        assert sum(r.height for r in regions) <= 2 * 4  # two options of at most four rows
