"""The reader's widgets, one per module."""

from .facts_panel import FactsPanel
from .key_bar import KeyBar
from .reading_pane import ReadingPane
from .source_list import SourceList
from .story_bar import StoryBar

__all__ = ["FactsPanel", "KeyBar", "ReadingPane", "SourceList", "StoryBar"]
