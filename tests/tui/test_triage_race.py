"""A library load that read the triage marks just before a mark was written must not put the
old mark back when it arrives after the change was shown (seen as the open article listed
unread again on a loaded machine: the start-up "mark read" and the paged library load raced)."""

from __future__ import annotations

from tui_support import settle
from wiredesk.core.store.triage import TriageState
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.messages import LibraryLoaded
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.triage_marks import RecentMarks
from wiredesk.tui.widgets import SourceList


def test_recent_marks_overlay_only_changes_shown_after_the_load_began() -> None:
    marks = RecentMarks()
    marks.shown("a", TriageState(read=True))
    since = marks.mark()  # a load begins here: it reads "a" as read
    marks.shown("b", TriageState(starred=True))  # shown while the load is in flight
    stale = {"a": TriageState(read=True), "b": TriageState()}
    assert marks.overlay(stale, since) == {"a": TriageState(read=True), "b": TriageState(starred=True)}
    # a later load that began after both changes read them itself: nothing is overlaid
    assert marks.overlay({"c": TriageState()}, marks.mark()) == {"c": TriageState()}


def test_a_load_older_than_one_already_arrived_still_gets_the_changes_it_missed() -> None:
    """Loads arrive out of order: the newer one, which read the mark, must not make the
    overlay forget it before the older one, which did not, arrives (a flake of the test
    below on a loaded machine: the open article's mark vanished)."""
    marks = RecentMarks()
    stale_since = marks.mark()  # an early load begins
    marks.shown("a", TriageState(read=True))
    assert marks.overlay({"a": TriageState(read=True)}, marks.mark()) == {"a": TriageState(read=True)}  # newer
    assert marks.overlay({}, stale_since) == {"a": TriageState(read=True)}  # the early one, arriving last


def test_the_changes_remembered_are_bounded() -> None:
    from wiredesk.tui import triage_marks

    marks = RecentMarks()
    for i in range(triage_marks.KEEP + 5):
        marks.shown(f"a{i}", TriageState(read=True))
    marks.overlay({}, 0)
    assert len(marks.overlay({}, 0)) == triage_marks.KEEP
    assert "a0" not in marks.overlay({}, 0)  # the oldest went first


async def test_a_stale_library_load_does_not_unmark_the_open_article(fixture, clock) -> None:
    service, _ids = fixture
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = next(s for s in app.screen_stack if isinstance(s, ReaderScreen))
        sources = screen.query_one(SourceList)
        opened = screen.open_article
        assert opened is not None and sources.triage[opened].read
        # what a load that began before the start-up mark was written had read
        screen.post_message(LibraryLoaded(service.stories(), {a.id: a for a in service.articles()}, {},
                                          screen._version or 0, marks_since=0))
        await settle(pilot)
        assert sources.triage[opened].read
