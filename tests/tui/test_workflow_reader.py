"""The desk workflow in the reader (pilot): the triage queue walks every open contested fact
outlet by outlet, a verdict recorded in the dialog shows in the facts panel and closes the
fact, and the timeline, trust and export keys do what they say."""

from __future__ import annotations

from pathlib import Path

from screen_text import screen_text
from test_seeds import captured_notes, reader
from tui_support import settle
from wiredesk.core.service import Wiredesk
from wiredesk.core.workflow.brief import briefs_dir
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.screens.timeline import TimelineScreen
from wiredesk.tui.screens.verdict import VerdictScreen
from wiredesk.tui.widgets import FactsPanel, ReadingPane
from wiredesk.tui.widgets.facts_panel import picks
from wiredesk.tui.widgets.status_line import StatusLine


def _contested(app: WiredeskApp):
    return [f for f in reader(app).query_one(FactsPanel).facts if f.status == "contested"]


async def test_queue_walks_every_open_fact_and_outlet_then_wraps(seeds_service: Wiredesk, clock) -> None:
    app = WiredeskApp(seeds_service, [], clock=clock)
    notes = captured_notes(app)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        contested = _contested(app)
        assert len(contested) >= 2
        assert f"{len(contested)} open" in reader(app).query_one(StatusLine).where_text()
        expected = [(f.id, i) for f in contested for i in range(len(picks(f)))]
        panel = reader(app).query_one(FactsPanel)
        pane = reader(app).query_one(ReadingPane)
        seen = []
        for _ in expected:
            await pilot.press("u")
            await settle(pilot, rounds=2)
            fact = panel.highlighted_fact
            assert fact is not None
            seen.append((fact.id, panel.selection[fact.id]))
            pick = panel.selected_pick()
            assert pick is not None and pane.article is not None and pane.article.id == pick.evidence.article
        assert seen == expected  # every outlet of every open fact, in panel order, once
        await pilot.press("u")
        await settle(pilot, rounds=2)
        assert (panel.highlighted_fact.id, panel.selection[panel.highlighted_fact.id]) == expected[0]
        assert "Back to the first open fact" in notes


async def test_verdict_dialog_records_and_the_queue_skips_the_fact(seeds_service: Wiredesk, clock) -> None:
    app = WiredeskApp(seeds_service, [], clock=clock)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        contested = _contested(app)
        first = contested[0]
        await pilot.press("u")
        await settle(pilot, rounds=2)
        await pilot.press("v")
        await settle(pilot, rounds=2)
        assert isinstance(app.screen, VerdictScreen)
        await pilot.press(*"called the ministry")
        await pilot.press("enter")  # note done: to the choices
        await pilot.press("down", "enter")  # the second value is the confirmed one
        await settle(pilot, rounds=4)
        assert not isinstance(app.screen, VerdictScreen)
        stored = seeds_service.verdicts(first.story)[first.id]
        assert (stored.status, stored.value, stored.note) == ("confirmed", first.values[1].value,
                                                             "called the ministry")
        assert f"✓ confirmed: {first.values[1].value}" in screen_text(app)
        panel = reader(app).query_one(FactsPanel)
        assert "— called the ministry" in " ".join(panel.get_option(first.id).prompt.plain.split())
        assert f"{len(contested) - 1} open" in reader(app).query_one(StatusLine).where_text()
        assert str(panel.border_title).endswith(f"· {len(contested) - 1} open")  # seen at 80×24 too
        # Walking the fact shows the verdict on the dispute card too.
        panel.focus()
        panel.highlighted = panel.get_option_index(first.id)
        await pilot.press("enter")
        await settle(pilot, rounds=4)
        assert f"✓ verdict: confirmed: {first.values[1].value} — called the ministry" in screen_text(app)
        # The queue now starts at the next open fact.
        await pilot.press("u")
        await settle(pilot, rounds=2)
        assert panel.highlighted_fact is not None and panel.highlighted_fact.id == contested[1].id
        # Esc leaves a verdict untouched; "no verdict" reopens the fact.
        panel.highlighted = panel.get_option_index(first.id)
        await pilot.press("v")
        await settle(pilot, rounds=2)
        await pilot.press("escape")
        await settle(pilot, rounds=2)
        assert seeds_service.verdicts(first.story)[first.id].note == "called the ministry"
        await pilot.press("v")
        await settle(pilot, rounds=2)
        await pilot.press("enter", "end", "enter")
        await settle(pilot, rounds=4)
        assert first.id not in seeds_service.verdicts(first.story)
        assert f"{len(contested)} open" in reader(app).query_one(StatusLine).where_text()


async def test_timeline_trust_and_export_keys(seeds_service: Wiredesk, clock, tmp_path: Path) -> None:
    app = WiredeskApp(seeds_service, [], clock=clock)
    notes = captured_notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        story = reader(app).story
        await pilot.press("T")
        await settle(pilot, rounds=3)
        assert isinstance(app.screen, TimelineScreen)
        text = screen_text(app)
        assert "Timeline" in text and "The Guardian" in text and "differs (order unknown)" in text
        await pilot.press("escape")
        await settle(pilot, rounds=2)
        assert not isinstance(app.screen, TimelineScreen)
        article = reader(app).open_article
        await pilot.press("A")
        await settle(pilot, rounds=4)
        assert seeds_service.trust(story) == {article: "trusted"}
        await pilot.press("A")
        await settle(pilot, rounds=4)
        assert seeds_service.trust(story) == {article: "doubtful"}
        await pilot.press("E")
        await settle(pilot, rounds=4)
        written = briefs_dir() / f"{story}.md"
        assert written.exists() and written.read_text(encoding="utf-8").startswith("# Brief: ")
        assert "is marked doubtful" in written.read_text(encoding="utf-8")
        assert str(written) in notes
