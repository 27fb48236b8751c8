"""The reader's widgets, one per module."""

from wiredesk.tui.widgets.facts_panel import FactsPanel
from wiredesk.tui.widgets.key_bar import KeyBar
from wiredesk.tui.widgets.reading_pane import ReadingPane
from wiredesk.tui.widgets.source_list import SourceList
from wiredesk.tui.widgets.story_bar import StoryBar

__all__ = ["FactsPanel", "KeyBar", "ReadingPane", "SourceList", "StoryBar"]
