"""The reader on the bundled seeds, with the real engine: UI behaviour, not engine numbers."""

from __future__ import annotations

from pathlib import Path

from screen_text import screen_text
from tui_support import settle, wait_until
from wiredesk.core.safetext import one_line
from wiredesk.core.service import Wiredesk
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.display import outlet_name
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.widgets import FactsPanel, ReadingPane, SourceList
from wiredesk.tui.widgets.facts_panel import picks


def captured_notes(app: WiredeskApp) -> list[str]:
    """The messages of every notification the app shows, in order (the app still shows them)."""
    notes: list[str] = []
    real = app.notify

    def catch(message: str, **kwargs) -> None:
        notes.append(message)
        real(message, **kwargs)

    app.notify = catch  # type: ignore[method-assign]
    return notes


def reader(app: WiredeskApp) -> ReaderScreen:
    return next(s for s in app.screen_stack if isinstance(s, ReaderScreen))


async def test_indexes_paths_first_then_opens_the_story(tmp_path: Path, seeds_dir: Path, clock) -> None:
    service = Wiredesk(tmp_path / "fresh" / "index.sqlite3")
    app = WiredeskApp(service, [str(seeds_dir)], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, rounds=8)
        sources = reader(app).query_one(SourceList)
        assert len(sources.articles) == len(list(seeds_dir.glob("*.txt")))
        pane = reader(app).query_one(ReadingPane)
        assert pane.article is not None and pane.article.story == reader(app).story
        assert pane.article.id == sources.open_article


async def test_every_contested_value_jumps_to_its_outlets_sentence(seeds_service: Wiredesk, clock) -> None:
    app = WiredeskApp(seeds_service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        panel = reader(app).query_one(FactsPanel)
        contested = [f for f in panel.visible_facts if f.status == "contested"]
        assert contested, "the seeds story should show at least one contested fact"
        pane = reader(app).query_one(ReadingPane)
        for fact in contested:
            await pilot.press("3")
            await pilot.pause()
            panel.highlighted = [f.id for f in panel.visible_facts].index(fact.id)
            options = picks(fact)
            assert len({p.evidence.article for p in options}) >= 2
            await pilot.press("enter")
            await settle(pilot)
            for i in range(len(options)):
                if i:
                    await pilot.press("right_square_bracket")
                    await settle(pilot)
                pick = panel.selected_pick()
                assert pick is not None
                assert pane.article is not None and pane.article.id == pick.evidence.article
                assert pane.focused_text == pick.evidence.sentence
                assert pane.focused_paragraph_visible()
                body = pane.article.body
                assert body[pick.evidence.start:pick.evidence.end] == pick.evidence.sentence


async def test_facts_panel_shows_each_outlets_value(seeds_service: Wiredesk, clock) -> None:
    app = WiredeskApp(seeds_service, [], clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        panel = reader(app).query_one(FactsPanel)
        fact = next(f for f in panel.visible_facts if f.status == "contested")
        lines = str(panel.get_option(fact.id).prompt).split("\n")
        rows = [line for line in lines if line[:3] in (" ▶ ", "   ") and line[3:4] not in ("", " ")]
        assert len(rows) == len(picks(fact))
        value_columns = set()
        for pick, line in zip(picks(fact), rows, strict=True):
            outlet = reader(app).query_one(SourceList).articles[pick.evidence.article]
            assert line[3:].startswith(outlet_name(outlet, None)[:8])
            column = line.index("  ", 3)
            column += len(line[column:]) - len(line[column:].lstrip())
            assert line[column:].startswith(one_line(pick.wording, 60).split()[0])
            value_columns.add(column)
        assert len(value_columns) == 1  # values line up in one column
        assert fact.label[:10] in screen_text(app)


async def test_bad_path_is_a_notification_not_a_crash(tmp_path: Path, clock) -> None:
    service = Wiredesk(tmp_path / "bad" / "index.sqlite3")
    app = WiredeskApp(service, [str(tmp_path / "does-not-exist")], clock=clock)
    notes = captured_notes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any("does-not-exist" in n for n in notes)
        assert "No articles yet" in screen_text(app)
    assert app.return_code in (0, None)


async def test_a_failing_service_call_is_one_notification(tmp_path: Path, seeds_service: Wiredesk, clock,
                                                          monkeypatch) -> None:
    def broken(story: str) -> list:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(seeds_service, "facts", broken)
    app = WiredeskApp(seeds_service, [], clock=clock)
    notes = captured_notes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any("engine exploded" in n for n in notes)
        await pilot.press("j")
        assert app.is_running


async def test_opens_the_story_of_the_paths_given(seeds_service: Wiredesk, tmp_path: Path, clock) -> None:
    folder = tmp_path / "flood"
    folder.mkdir()
    (folder / "flood.txt").write_text(
        "River floods farming valley\n\n"
        "Heavy rain pushed the river over its banks on Monday, flooding farms across the valley, "
        "the regional water board said in a statement on Tuesday.\n\n"
        "At least 40 homes were evacuated and two bridges were closed, officials said.\n",
        encoding="utf-8",
    )
    app = WiredeskApp(seeds_service, [str(folder)], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, rounds=8)
        wanted = seeds_service.ids_under([str(folder)])
        assert len(wanted) == 1
        pane = reader(app).query_one(ReadingPane)
        assert pane.article is not None and pane.article.id in wanted


async def test_picks_up_articles_another_process_indexes(seeds_service: Wiredesk, tmp_path: Path, clock) -> None:
    app = WiredeskApp(seeds_service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sources = reader(app).query_one(SourceList)
        before = len(sources.articles)
        other = Wiredesk(seeds_service.db_path)  # as if another process: its own connection
        extra = tmp_path / "extra.txt"
        extra.write_text("Storm closes harbour\n\nA storm closed the harbour on Friday, the port "
                         "authority said, and 12 ferries stayed in dock.\n", encoding="utf-8")
        other.index([str(extra)])
        # No key pressed: the reader's own poll of the index notices the other writer.
        await wait_until(pilot, lambda: len(sources.articles) > before, "the reader to list the new article")
        assert len(sources.articles) == before + 1
