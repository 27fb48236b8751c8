"""The reading pane: an article's header and body, with its claims marked by status.

A line-API ``ScrollView``: the body is wrapped once into lines that know which span of
their paragraph they hold, and each line is painted on demand. Moving the highlight
(``n``, ``]``) repaints only the lines of the old and the new sentence, which is what keeps
a key press cheap over SSH. The focused sentence carries a gutter mark (``▌``) as well as
its colour; each claim carries its status glyph; the dispute card (``set_note``) is pinned
above the text and does not scroll with it. Colours are computed against the pane's real
background (``contrast.reader_colours``), so every pair reaches 4.5:1 in any theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.models import Article, Claim, Fact
from ...core.safetext import inert, one_line
from ..contrast import ReaderColours, reader_colours
from ..display import STATUS_GLYPHS, outlet_name, published_label
from ..wrapping import wrap_spans
from .line_cursor import compact

GUTTER = 2
"""Columns left of the text: ``▌`` marks the lines of the focused sentence."""
FOCUS_MARK = "▌"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's span of the body and whether it is a photo caption."""

    start: int
    end: int
    caption: bool


def split_paragraphs(body: str, captions: list[tuple[int, int]]) -> list[Paragraph]:
    """Blank-line separated paragraphs with their body offsets."""
    out: list[Paragraph] = []
    pos = 0
    for chunk in body.split("\n\n"):
        start, end = pos, pos + len(chunk)
        pos = end + 2
        if not chunk.strip():
            continue
        caption = any(s < end and start < e for s, e in captions)
        out.append(Paragraph(start, end, caption))
    return out


@dataclass
class _Line:
    """One wrapped line: ``block`` is a paragraph index (or -1 for the header / a blank),
    ``start``/``end`` its span of that block's displayed text."""

    block: int
    start: int
    end: int
    indent: int = 0
    text: Text | None = None
    """Header lines carry their text (they are never restyled); body lines read their block's."""


@dataclass
class _Block:
    """A paragraph's styled text and the indexes of its wrapped lines: moving the highlight
    restyles the text and repaints only the lines whose span it touches."""

    text: Text
    lines: list[int] = field(default_factory=list)


def value_spans(article: Article, facts: list[Fact]) -> list[tuple[int, int, bool]]:
    """Body spans of the values the story's facts read from ``article``: ``(start, end,
    disputed)``. Only the mention a fact uses is marked, not every number in the sentence:
    the span the engine read it from, so the pane marks exactly what the facts panel shows."""
    body = article.body
    out: dict[tuple[int, int], bool] = {}
    for fact in facts:
        for value in fact.values:
            for ev in value.evidence:
                if ev.article != article.id or not (0 <= ev.start < ev.end <= len(body)):
                    continue
                if ev.value_start is not None and ev.value_end is not None \
                        and ev.start <= ev.value_start < ev.value_end <= ev.end:
                    key = (ev.value_start, ev.value_end)
                    out[key] = out.get(key, False) or fact.status == "contested"
                    continue
                for wording in (ev.value, value.value):  # a value that is not one phrase
                    if not wording:
                        continue
                    at = body.find(wording, ev.start, ev.end)
                    if at < 0:
                        at = body.lower().find(wording.lower(), ev.start, ev.end)
                    if at >= 0:
                        key = (at, at + len(wording))
                        out[key] = out.get(key, False) or fact.status == "contested"
                        break
    return sorted((s, e, d) for (s, e), d in out.items())


class ReadingPane(ScrollView, can_focus=True):
    """Shows one article; ``focus_span`` highlights and scrolls to a sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("g", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="reader.bottom"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.claims: list[Claim] = []
        self.facts: list[Fact] = []
        self.paragraphs: list[Paragraph] = []
        self.focused_span: tuple[int, int] | None = None
        self.copy_of: str | None = None
        self.placeholder = "Opening…"
        self._body = ""
        self._values: list[tuple[int, int, bool]] = []
        self._note: Text | None = None
        self._lines: list[_Line] = []
        self._blocks: list[_Block] = []
        self._card: list[Strip] = []
        self._colours: ReaderColours | None = None
        self._width = 0
        self._scroll_pending = False
        self._laid_out_at = Size(0, 0)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _: self.restyle(), init=False)

    # -- public API ----------------------------------------------------------------------

    @property
    def focused_text(self) -> str | None:
        """The text of the highlighted span (what a jump landed on)."""
        if self.focused_span is None or self.article is None:
            return None
        start, end = self.focused_span
        return self.article.body[start:end]

    def show(self, article: Article, claims: list[Claim], focus: tuple[int, int] | None = None,
             *, copy_of: str | None = None) -> None:
        """Display ``article``; with ``focus`` highlight that span and scroll to it.

        ``copy_of`` names the original's outlet when this article is a reprint.
        """
        same = self.article is not None and self.article.id == article.id
        self.article = article
        self.copy_of = copy_of
        self.claims = sorted((c for c in claims if 0 <= c.start < c.end <= len(article.body)),
                             key=lambda c: c.start)
        self._body = inert(article.body)
        self._values = value_spans(article, self.facts)
        self.focused_span = focus
        self.paragraphs = split_paragraphs(article.body, article.captions)
        if focus is None:
            self._note = None
        self._layout()
        if not same:
            self.scroll_to(y=0, animate=False, immediate=True)
        if focus is not None:
            self._scroll_pending = True
            if self.display and self._visible_rows() > 0:
                self._scroll_to_focus()  # now, so the article is painted once, already in place
            else:
                self.call_after_refresh(self._scroll_to_focus)
        self.refresh()

    def show_placeholder(self, message: str) -> None:
        """What the pane says while no article is open (e.g. an empty index: what to do)."""
        self.placeholder = message
        if self.article is None:
            self._layout()
            self.refresh()

    def set_facts(self, facts: list[Fact]) -> None:
        """The open story's facts: which values in the text are disputed (marked on their own)."""
        self.facts = facts
        if self.article is not None:
            values = value_spans(self.article, facts)
            if values != self._values:
                self._values = values
                self._layout()
                self.refresh()

    def set_note(self, note: Text | None, *, repaint: bool = True) -> None:
        """The dispute card pinned above the article (``None`` takes it away).

        ``repaint=False`` when another article is about to be shown: it paints the card with
        it, in one frame instead of two."""
        before = (self._card_h, len(self._card))
        self._note = note
        self._build_card()
        if not repaint:
            return
        if (self._card_h, len(self._card)) != before:
            self._update_virtual_size()
            self.refresh()
        else:
            self.refresh(Region(0, 0, self.size.width, self._card_h))

    @property
    def card_text(self) -> str:
        """The dispute card's plain text ("" when none is shown)."""
        return self._note.plain if self._note is not None else ""

    def focus_span(self, start: int, end: int) -> None:
        old = self._focus_blocks()
        before = {i: self._focus_display_span(i) for i in old}
        self.focused_span = (start, end)
        self._restyle_blocks(old | self._focus_blocks(), before)
        self._scroll_pending = True
        self.call_after_refresh(self._scroll_to_focus)

    def step_claim(self, step: int) -> Claim | None:
        """Move the highlight to the next (``1``) or previous (``-1``) claim; None at the end."""
        if not self.claims:
            return None
        here = self.focused_span[0] if self.focused_span else -1
        if step > 0:
            after = [c for c in self.claims if c.start > here]
            target = after[0] if after else None
        else:
            before = [c for c in self.claims if c.start < here] if here >= 0 else []
            target = before[-1] if before else None
        if target is not None:
            self.focus_span(target.start, target.end)
        return target

    @property
    def focused_claim(self) -> Claim | None:
        """The claim under the highlight, if the highlight is on one."""
        if self.focused_span is None:
            return None
        start = self.focused_span[0]
        return next((c for c in self.claims if c.start <= start < c.end), None)

    def restyle(self) -> None:
        """Recompute colours (the theme changed) and repaint everything, once the new theme's
        CSS has reached this pane (its background is what the colours are computed against)."""
        self.call_after_refresh(self._restyle_now)

    def _restyle_now(self) -> None:
        self._colours = None
        self._layout()
        self.refresh()

    # -- colours -------------------------------------------------------------------------

    @property
    def _card_h(self) -> int:
        """Rows the card takes: all of it, but never more than half the pane."""
        if not self._card:
            return 0
        return min(len(self._card), max(1, self.scrollable_content_region.height // 2))

    @property
    def colours(self) -> ReaderColours:
        if self._colours is None:
            base = self.rich_style
            bg = self.background_colors[1]
            fg = Color.from_rich_color(base.color) if base.color else Color.parse("#e4e4e4")
            system = self.app.console.color_system
            few = system is None or system in ("standard", "windows")
            self._colours = reader_colours(self.app.get_css_variables(), bg, fg, few_colours=few)
        return self._colours

    # -- layout --------------------------------------------------------------------------

    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - GUTTER, 10)

    def _layout(self) -> None:
        """Wrap the header and every paragraph into lines at the current width."""
        width = self._text_width()
        self._width = width
        self._blocks, self._lines = [], []
        if self.article is None:
            text = Text(self.placeholder, style=self.colours.muted)
            self._add_block(text, width, -1)
        else:
            self._add_block(self._header(self.article, self.copy_of), width, -1)
            self._lines.append(_Line(-1, 0, 0))
            for i, paragraph in enumerate(self.paragraphs):
                if i:
                    self._lines.append(_Line(-1, 0, 0))
                self._add_block(self._paragraph_text(paragraph, i), width, i, hanging=2 if paragraph.caption else 0)
        self._build_card()
        self._update_virtual_size()

    def _add_block(self, text: Text, width: int, block: int, hanging: int = 0) -> None:
        if block < 0:  # header or placeholder: painted as is, never restyled
            for s, e in wrap_spans(text.plain, width, 0):
                self._lines.append(_Line(-1, s, e, 0, text[s:e]))
            return
        index = len(self._blocks)
        self._blocks.append(_Block(text))
        for s, e in wrap_spans(text.plain, width, hanging):
            self._blocks[index].lines.append(len(self._lines))
            self._lines.append(_Line(index, s, e, hanging if s and text.plain[s - 1] != "\n" else 0))

    def _update_virtual_size(self) -> None:
        """A new article changes the scrollable height, not this pane's size: setting
        ``virtual_size`` (a layout reactive) re-laid out the whole screen and repainted every
        pane's scrollbar. The pane's scrollbar is always shown (app.tcss), so updating the
        value and this pane's scrollbar is enough."""
        size = Size(self.scrollable_content_region.width, self._card_h + len(self._lines))
        if size == self.virtual_size:
            return
        if not (self.display and self.size.area) or self.size != self._laid_out_at:
            self._laid_out_at = self.size
            self.virtual_size = size  # first show or a resize: the full layout is wanted
            return
        try:
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)  # Textual 8.2: sizes this pane's scrollbars
        except AttributeError:
            self.virtual_size = size

    def _build_card(self) -> None:
        self._card = []
        if self._note is None:
            return
        width = max(self.scrollable_content_region.width, 10)
        c = self.colours
        for part in self._note.split("\n", allow_blank=True):
            for s, e in wrap_spans(part.plain, width - 2, 2):
                line = Text(" " * (2 if s else 0)) + part[s:e]
                self._card.append(self._strip(line, c.card, width))
        rule = Text("─" * width, style=c.muted)
        self._card.append(self._strip(rule, c.base, width))

    def _strip(self, text: Text, base: Style, width: int) -> Strip:
        segments = [Segment(s.text, base + s.style if s.style else base)
                    for s in text.render(self.app.console) if s.text != "\n"]
        return compact(Strip(segments).adjust_cell_length(width, base))

    # -- rendering -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y < self._card_h:
            return self._card[y]
        index = self.scroll_offset.y + y - self._card_h
        c = self.colours
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, c.base)
        line = self._lines[index]
        if line.text is not None:
            content = line.text
            focused = False
        elif line.block >= 0:
            block = self._blocks[line.block]
            content = block.text[line.start:line.end]
            focused = self._line_focused(line)
        else:
            content, focused = Text(), False
        out = Text()
        out.append(FOCUS_MARK if focused else " ", style=c.gutter if focused else c.base)
        out.append(" " * (GUTTER - 1 + line.indent))
        out.append_text(content)
        return self._strip(out, c.base, width)

    def _line_focused(self, line: _Line) -> bool:
        span = self._focus_display_span(line.block)
        return span is not None and span[0] < line.end and line.start < span[1]

    def _focus_display_span(self, block: int) -> tuple[int, int] | None:
        if self.focused_span is None or not 0 <= block < len(self.paragraphs):
            return None
        paragraph = self.paragraphs[block]
        lo, hi = max(self.focused_span[0], paragraph.start), min(self.focused_span[1], paragraph.end)
        if lo >= hi:
            return None
        return self._shift(paragraph, lo, inclusive=True), self._shift(paragraph, hi, inclusive=False)

    def _focus_blocks(self) -> set[int]:
        if self.focused_span is None:
            return set()
        start, end = self.focused_span
        return {i for i, p in enumerate(self.paragraphs) if p.start < end and start < p.end}

    def _restyle_blocks(self, blocks: set[int], before: dict[int, tuple[int, int] | None]) -> None:
        """New styles for some paragraphs (same text, same wrapping): repaint only the lines
        the old or the new highlight covers (``before``: each block's old highlight span)."""
        scroll_y, card = self.scroll_offset.y, self._card_h
        width = self.size.width
        for i in blocks:
            if not 0 <= i < len(self._blocks):
                continue
            self._blocks[i].text = self._paragraph_text(self.paragraphs[i], i)
            spans = [s for s in (before.get(i), self._focus_display_span(i)) if s is not None]
            for index in self._blocks[i].lines:
                line = self._lines[index]
                if not any(a < max(line.end, line.start + 1) and line.start < b for a, b in spans):
                    continue
                row = index - scroll_y + card
                if card <= row < self.size.height:
                    self.refresh(Region(0, row, width, 1))

    def _header(self, article: Article, copy_of: str | None) -> Text:
        c = self.colours
        head = Text()
        head.append(one_line(article.title) or "(untitled)", style="bold")
        head.append("\n")
        head.append(outlet_name(article, None), style="bold")
        for part in (article.byline, published_label(article), article.dateline):
            if part and part != "—":
                head.append("  ·  ")
                head.append(one_line(part))
        if article.copy_of:
            head.append(f"  ·  ⧉ copy of {copy_of or one_line(article.copy_of, 12)}", style="italic")
        head.append("\n")
        legend = Text(style=c.muted)
        legend.append(f"{FOCUS_MARK} cursor  ")
        legend.append(" ".join(f"{g} {name}" for name, g in STATUS_GLYPHS.items()))
        legend.append("  ")
        legend.append("value", style=c.disputed)
        legend.append(" disputed   n/N claims  c facts")
        head.append_text(legend)
        return head

    def _paragraph_text(self, paragraph: Paragraph, index: int) -> Text:
        c = self.colours
        start, end = paragraph.start, paragraph.end
        text = Text()
        if paragraph.caption:
            text.append("▣ ", style=c.caption)
        pos = start
        for claim in self.claims:
            if claim.end <= start or claim.start >= end or claim.start < pos:
                continue
            text.append(self._body[pos:claim.start], style=c.caption if paragraph.caption else c.base)
            style = getattr(c, claim.status) if claim.status else c.base
            if claim.status:
                text.append(STATUS_GLYPHS[claim.status], style=style + Style(bold=True))
            text.append(self._body[claim.start:min(claim.end, end)], style=style)
            pos = min(claim.end, end)
        text.append(self._body[pos:end], style=c.caption if paragraph.caption else c.base)
        span = self._focus_display_span(index) if self.focused_span else None
        if span is not None:
            text.stylize(c.focus, *span)
        for v_start, v_end, disputed in self._values:
            lo, hi = max(v_start, start), min(v_end, end)
            if lo < hi:
                a = self._shift(paragraph, lo, inclusive=True)
                b = self._shift(paragraph, hi, inclusive=False)
                text.stylize(c.disputed if disputed else c.value, a, b)
        return text

    def _shift(self, paragraph: Paragraph, pos: int, *, inclusive: bool) -> int:
        """Where body offset ``pos`` lands in the paragraph's displayed text.

        Displayed text has a caption mark and a status glyph before each claim; count those.
        """
        glyphs = sum(
            1 for c in self.claims
            if c.status and paragraph.start <= c.start < paragraph.end
            and (c.start <= pos if inclusive else c.start < pos)
        )
        return pos - paragraph.start + (2 if paragraph.caption else 0) + glyphs

    def _focus_line(self) -> int | None:
        """The content line (0-based, header included) where the highlight starts."""
        if self.focused_span is None:
            return None
        for i in sorted(self._focus_blocks()):
            span = self._focus_display_span(i)
            if span is None:
                continue
            for index in self._blocks[i].lines:
                line = self._lines[index]
                if span[0] < line.end or index == self._blocks[i].lines[-1]:
                    return index
        return None

    def on_resize(self) -> None:
        self._update_virtual_size()
        if self.scrollable_content_region.width - GUTTER != self._width:
            self._layout()
            self.refresh()
        if self._scroll_pending or self.focused_span is not None:
            self.call_after_refresh(self._scroll_to_focus)

    def on_show(self) -> None:
        if self._scroll_pending:
            self.call_after_refresh(self._scroll_to_focus)

    def _visible_rows(self) -> int:
        return self.scrollable_content_region.height - self._card_h

    def _scroll_to_focus(self) -> None:
        """Bring the highlight into view; while the pane is hidden (narrow view) wait for it."""
        if self.focused_span is None:
            self._scroll_pending = False
            return
        if not self.display or self._visible_rows() <= 0:
            self._scroll_pending = True
            return
        if self.scrollable_content_region.width - GUTTER != self._width:
            self._layout()
            self.refresh()
        self._scroll_pending = False
        line = self._focus_line()
        if line is None or self.focused_paragraph_visible():
            return
        # Near the top, not centred: the claims after it are then on screen, and the next
        # few n presses repaint two lines instead of scrolling the pane.
        context = min(2, self._visible_rows() // 3)
        self.scroll_to(y=max(line - context, 0), animate=False, immediate=True)

    def focused_paragraph_visible(self) -> bool:
        """True when the first line of the highlight is on screen (below the card)."""
        line = self._focus_line()
        if line is None:
            return False
        top = self.scroll_offset.y
        return top <= line < top + self._visible_rows()
