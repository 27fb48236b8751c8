"""Pilot tests: every binding of the reader at 80×24, asserted on app state and the screen."""

from __future__ import annotations

import pytest
from corpus import COASTAL, LEDGER
from screen_text import screen_text
from textual.command import CommandList
from tui_support import settle, wait_until
from wiredesk.tui.app import WiredeskApp, all_binding_ids, binding_groups
from wiredesk.tui.screens.confirm import ConfirmScreen
from wiredesk.tui.screens.help import HelpScreen
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.screens.search import SearchScreen
from wiredesk.tui.widgets import FactsPanel, ReadingPane, SourceList
from wiredesk.tui.widgets.facts_panel import picks

SMALL = (80, 24)


def make_app(fixture, clock) -> WiredeskApp:
    service, _ = fixture
    return WiredeskApp(service, [], clock=clock)


def reader(app: WiredeskApp) -> ReaderScreen:
    screen = next(s for s in app.screen_stack if isinstance(s, ReaderScreen))
    return screen


def visible_panes(app: WiredeskApp) -> list[str]:
    return [p.id for p in reader(app).query(".pane") if p.display and p.region.area > 0]


async def test_startup_opens_first_story_and_article(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        assert pane.article is not None
        assert pane.article.story == fixture[1].story
        text = screen_text(app)
        assert "Elmbrook flood" in text
        assert "Coastal Post" in text
        assert visible_panes(app) == ["sources"]


async def test_jk_arrows_and_g_G_move_in_the_source_list(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        sources = reader(app).query_one(SourceList)
        first = sources.highlighted
        await pilot.press("j")
        assert sources.highlighted == first + 1
        await pilot.press("k")
        assert sources.highlighted == first
        await pilot.press("down")
        assert sources.highlighted == first + 1
        await pilot.press("up")
        assert sources.highlighted == first
        await pilot.press("G")  # the last row: the other story's header, folded
        assert sources.highlighted_option.id == f"s:{fixture[1].hostile_story}"
        assert fixture[1].hostile not in [o.id for o in sources.options]
        await pilot.press("g")  # the first row: the open story's header
        assert sources.highlighted == 0
        assert sources.highlighted_option.id == f"s:{fixture[1].story}"


async def test_enter_on_a_story_header_opens_that_story(fixture, clock) -> None:
    _service, fx = fixture
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("G", "enter")
        await settle(pilot)
        screen = reader(app)
        assert screen.story == fx.hostile_story
        pane = screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == fx.hostile
        assert "No facts yet" in str(screen.query_one(FactsPanel).get_option_at_index(0).prompt)


async def test_enter_opens_the_highlighted_article_in_the_reader_view(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == fixture[1].ledger
        assert visible_panes(app) == ["reader"]
        assert LEDGER.title in screen_text(app)


async def test_reader_scrolls_with_jk_and_g_G(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=(80, 12)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        assert pane.max_scroll_y > 0
        await pilot.press("j")
        await pilot.pause()
        assert pane.scroll_y > 0
        await pilot.press("k")
        await pilot.pause()
        assert pane.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert pane.scroll_y == 0


async def test_tab_shift_tab_and_number_keys_switch_views_at_80x24(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(3):
            seen.append(visible_panes(app))
            await pilot.press("tab")
            await pilot.pause()
        assert seen == [["sources"], ["reader"], ["facts"]]
        assert visible_panes(app) == ["sources"]
        await pilot.press("shift+tab")
        await pilot.pause()
        assert visible_panes(app) == ["facts"]
        assert app.focused is reader(app).query_one(FactsPanel)
        for key, name in (("1", "sources"), ("2", "reader"), ("3", "facts")):
            await pilot.press(key)
            await pilot.pause()
            assert visible_panes(app) == [name]


async def test_wide_terminal_shows_all_three_panes(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert visible_panes(app) == ["sources", "reader", "facts"]
        await pilot.press("tab")
        await pilot.pause()
        assert visible_panes(app) == ["sources", "reader", "facts"]
        assert app.focused is reader(app).query_one(ReadingPane)


async def test_c_toggles_the_facts_panel(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert visible_panes(app) == ["facts"]
        assert "people killed" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert visible_panes(app) == ["reader"]


async def test_n_and_N_step_through_claims(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        await pilot.press("n")
        await pilot.pause()
        first = pane.focused_span
        assert first is not None and pane.focused_text == pane.claims[0].text
        assert visible_panes(app) == ["reader"]
        await pilot.press("n")
        await pilot.pause()
        assert pane.focused_text == pane.claims[1].text
        await pilot.press("N")
        await pilot.pause()
        assert pane.focused_span == first


async def test_enter_on_a_contested_value_and_brackets_visit_every_outlets_sentence(fixture, clock) -> None:
    """The core jump: each outlet's value lands on that outlet's sentence, in view."""
    _service, _fx = fixture
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        panel = reader(app).query_one(FactsPanel)
        fact = panel.highlighted_fact
        assert fact is not None and fact.status == "contested"
        pane = reader(app).query_one(ReadingPane)
        options = picks(fact)
        assert len({p.evidence.article for p in options}) >= 2
        await pilot.press("enter")
        await settle(pilot)
        visited = []
        for i, pick in enumerate(options):
            if i:
                await pilot.press("right_square_bracket")
                await settle(pilot)
            assert pane.article is not None and pane.article.id == pick.evidence.article
            assert pane.focused_text == pick.evidence.sentence
            assert pane.focused_paragraph_visible()
            assert visible_panes(app) == ["reader"]
            assert f"says {pick.value.value}  ({i + 1}/{len(options)})" in screen_text(app)
            visited.append(pick.evidence.article)
        assert len(set(visited)) == len(options)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert pane.focused_text == options[-2].evidence.sentence
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert pane.focused_text == options[0].evidence.sentence


async def test_jump_scrolls_a_sentence_far_down_into_view(fixture, clock, tmp_path) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=(80, 10)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        panel = reader(app).query_one(FactsPanel)
        panel.highlighted = [f.id for f in panel.visible_facts].index("f-time")
        await pilot.press("enter")
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        assert pane.focused_text and "6 a.m." in pane.focused_text
        assert pane.scroll_y > 0
        assert pane.focused_paragraph_visible()


async def test_f_cycles_the_facts_filter(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        panel = reader(app).query_one(FactsPanel)
        seen = []
        for _ in range(4):
            await pilot.press("f")
            await pilot.pause()
            seen.append(panel.filter)
            assert all(panel.filter == "all" or f.status == panel.filter for f in panel.visible_facts)
        assert seen == ["contested", "agreed", "single", "all"]
        await pilot.press("f", "3")
        await pilot.pause()
        assert "agreed" not in screen_text(app).split("Facts")[-1]


async def test_S_toggles_sort_by_contested(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        sources = reader(app).query_one(SourceList)
        assert sources.sort_mode == "time"
        await pilot.press("S")
        await pilot.pause()
        assert sources.sort_mode == "contested"
        story = sources.stories[0]
        counts = [sources.counts[a.id][1] for a in sources.ordered(story)]
        assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize(("key", "flag"), [("r", "read"), ("s", "starred"), ("x", "dismissed")])
async def test_triage_keys_toggle_and_persist_across_restarts(fixture, clock, key, flag) -> None:
    service, fx = fixture
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("j")  # the Ledger row, not yet opened
        target = reader(app).query_one(SourceList).highlighted_article
        assert target == fx.ledger
        before = getattr(service.triage().get(target) or type(service.triage_db.get(target))(), flag)
        await pilot.press(key)
        await settle(pilot)
        assert getattr(service.triage_db.get(target), flag) is (not before)
    again = WiredeskApp(service, [], clock=clock)
    async with again.run_test(size=SMALL) as pilot:
        await settle(pilot)
        sources = reader(again).query_one(SourceList)
        assert getattr(sources.triage[target], flag) is (not before)
        marks = {"starred": "★", "dismissed": "✗"}
        if flag in marks:
            assert marks[flag] in screen_text(again)


async def test_shift_x_dismisses_and_restores_the_whole_story(fixture, clock) -> None:
    service, fx = fixture
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        [story] = [s for s in service.stories() if fx.ledger in s.articles]
        members = set(story.articles)
        assert len(members) == 3
        others = {a for s in service.stories() for a in s.articles} - members
        await pilot.press("X")
        await settle(pilot)
        assert all(service.triage_db.get(a).dismissed for a in members)
        sources = reader(app).query_one(SourceList)
        assert all(sources.triage[a].dismissed for a in members)
        assert screen_text(app).count("✗") >= 2  # the rows on screen are marked
        assert not any(service.triage_db.get(a).dismissed for a in others)  # other stories untouched
        await pilot.press("X")
        await settle(pilot)
        assert not any(service.triage_db.get(a).dismissed for a in members)


async def test_o_shows_the_url_and_asks_before_opening(fixture, clock, monkeypatch) -> None:
    app = make_app(fixture, clock)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert COASTAL.url in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert opened == []
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("o", "y")
        await pilot.pause()
        assert opened == [COASTAL.url]


async def test_y_copies_the_selected_value_with_its_source(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("c", "right_square_bracket")
        await settle(pilot)
        pick = reader(app).query_one(FactsPanel).selected_pick()
        assert pick is not None
        await pilot.press("y")
        await pilot.pause()
        assert pick.value.value in app.clipboard
        assert "Coastal Post" in app.clipboard
        assert pick.evidence.sentence in app.clipboard


async def test_t_cycles_the_shipped_themes(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert app.theme == "wiredesk-dark"
        seen = {app.theme}
        for _ in range(len(app.wiredesk_themes)):
            await pilot.press("t")
            await pilot.pause()
            seen.add(app.theme)
        assert {"wiredesk-dark", "wiredesk-light", "wiredesk-high-contrast"} <= seen
        assert app.theme == "wiredesk-dark"


async def test_question_mark_lists_every_binding(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.text)
        for binding_id in all_binding_ids():
            assert binding_id in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_slash_searches_and_opens_the_hit_at_the_match(fixture, clock) -> None:
    _service, fx = fixture
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("1", "G", "enter")  # open another article first
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"sandbags")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == fx.coastal
        assert pane.focused_text is not None and pane.focused_text.lower() == "sandbags"


async def test_q_quits_with_exit_code_zero(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_R_reloads_the_library(fixture, clock) -> None:
    service, _fx = fixture
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        service.index_db.set_stories([], {})
        await pilot.press("R")
        await settle(pilot)
        assert reader(app).query_one(SourceList).stories == []
        assert "No articles yet" in screen_text(app)


async def test_command_palette_offers_every_reader_action(fixture, clock) -> None:
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for title, bindings in binding_groups():
            if title in ("App", "Reader"):
                for binding in bindings:
                    assert (binding.tooltip or binding.description) in titles
        pane = reader(app).query_one(ReadingPane)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Next claim in")
        commands = app.screen.query_one(CommandList)

        def offered() -> bool:  # the palette gathers hits in a worker and shows them in batches
            index = commands.highlighted
            return index is not None and commands.get_option_at_index(index).hit.text == "Next claim in the article"

        await wait_until(pilot, offered, "the palette to offer 'Next claim in the article'")
        await pilot.press("enter")
        await settle(pilot)
        assert pane.focused_text == pane.claims[0].text


async def test_jump_within_the_open_article_from_the_hidden_facts_view(fixture, clock) -> None:
    """At a tiny size the reader is hidden while the facts view shows; the jump must still scroll."""
    _service, fx = fixture
    app = make_app(fixture, clock)
    async with app.run_test(size=(80, 9)) as pilot:
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == fx.coastal
        await pilot.press("c", "G", "right_square_bracket")
        await settle(pilot)
        pick = reader(app).query_one(FactsPanel).selected_pick()
        assert pick is not None and pick.evidence.article == fx.coastal
        assert visible_panes(app) == ["reader"]
        assert pane.focused_text == pick.evidence.sentence
        assert pane.scroll_y > 0
        assert pane.focused_paragraph_visible()


async def test_enter_on_the_open_storys_header_folds_and_unfolds_it(fixture, clock) -> None:
    _service, fx = fixture
    app = make_app(fixture, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        sources = reader(app).query_one(SourceList)
        await pilot.press("g", "enter")
        await pilot.pause()
        assert fx.story not in sources.expanded
        assert sources.option_count == 2  # two folded stories
        await pilot.press("enter")
        await pilot.pause()
        assert fx.story in sources.expanded
        assert sources.option_count == 2 + 2  # the Wire Service reprint sits folded under Coastal Post
