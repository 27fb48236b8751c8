"""The reading pane: an article's header and body, with its claims marked by status.

The body is inert text (``safetext.inert`` keeps offsets), cut into one ``Static`` per
paragraph so a jump can scroll to the paragraph that holds a sentence. Claims are styled
through component classes, so the colours come from the theme's ``$contested`` /
``$agreed`` / ``$single`` variables; each status also has a glyph so it survives NO_COLOR.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Static
from wiredesk.core.models import Article, Claim
from wiredesk.core.safetext import inert, one_line
from wiredesk.tui.display import STATUS_GLYPHS, outlet_name, published_label

VALUE_KINDS = frozenset({"count", "date", "time", "person"})
"""Mention kinds whose text is the checkable value and so stands out inside a claim."""


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


class ReadingPane(VerticalScroll):
    """Shows one article; ``focus_span`` highlights and scrolls to a sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("g", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="reader.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reading-pane--contested",
        "reading-pane--agreed",
        "reading-pane--single",
        "reading-pane--claim",
        "reading-pane--value",
        "reading-pane--focus",
    }

    DEFAULT_CSS = """
    ReadingPane > .reading-pane--claim { text-style: underline; }
    ReadingPane > .reading-pane--value { text-style: bold; }
    ReadingPane > .reading-pane--focus { text-style: reverse; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.claims: list[Claim] = []
        self.paragraphs: list[Paragraph] = []
        self.focused_span: tuple[int, int] | None = None
        self._body = ""
        self._para_widgets: list[Static] = []
        self._scroll_pending = False

    def compose(self):
        yield Static(Text("Opening…", style="dim"), id="article-header", markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _: self._render_body(), init=False)

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
        self.claims = sorted((c for c in claims if 0 <= c.start < c.end <= len(article.body)),
                             key=lambda c: c.start)
        self._body = inert(article.body)
        self.focused_span = focus
        self.query_one("#article-header", Static).update(self._header(article, copy_of))
        if not same:
            self.paragraphs = split_paragraphs(article.body, article.captions)
            for old in self._para_widgets:
                old.remove()
            self._para_widgets = [
                Static(Text(), classes="para caption" if p.caption else "para", markup=False)
                for p in self.paragraphs
            ]
            self.mount_all(self._para_widgets)
            self.scroll_home(animate=False)
        self._render_body()
        if focus is not None:
            self._scroll_pending = True
            self.call_after_refresh(self._scroll_to_focus)

    def focus_span(self, start: int, end: int) -> None:
        self.focused_span = (start, end)
        self._scroll_pending = True
        self._render_body()
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

    # -- rendering -----------------------------------------------------------------------

    def _header(self, article: Article, copy_of: str | None) -> Text:
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
        legend = " ".join(f"{g} {name}" for name, g in STATUS_GLYPHS.items())
        head.append(f"{legend}   n/N claims  c facts", style="dim")
        return head

    def _style(self, name: str) -> Style:
        try:
            return self.get_component_rich_style(f"reading-pane--{name}", partial=True)
        except Exception:
            return Style()

    def _render_body(self) -> None:
        if self.article is None:
            return
        styles = {n: self._style(n) for n in ("contested", "agreed", "single", "claim", "value", "focus")}
        widgets = self._para_widgets
        for paragraph, widget in zip(self.paragraphs, widgets, strict=False):
            widget.update(self._paragraph_text(paragraph, styles))

    def _paragraph_text(self, paragraph: Paragraph, styles: dict[str, Style]) -> Text:
        start, end = paragraph.start, paragraph.end
        text = Text()
        if paragraph.caption:
            text.append("▣ ", style="dim")
        pos = start
        for claim in self.claims:
            if claim.end <= start or claim.start >= end or claim.start < pos:
                continue
            text.append(self._body[pos:claim.start])
            if claim.status:
                text.append(STATUS_GLYPHS[claim.status], style=styles[claim.status] + Style(bold=True))
            style = styles[claim.status] if claim.status else styles["claim"]
            piece = Text(self._body[claim.start:min(claim.end, end)], style=style)
            for mention in claim.mentions:
                if mention.kind in VALUE_KINDS and claim.start <= mention.start < mention.end <= claim.end:
                    piece.stylize(styles["value"], mention.start - claim.start, mention.end - claim.start)
            text.append_text(piece)
            pos = min(claim.end, end)
        text.append(self._body[pos:end])
        if self.focused_span:
            f_start, f_end = self.focused_span
            lo, hi = max(f_start, start), min(f_end, end)
            if lo < hi:
                shift = 2 if paragraph.caption else 0
                # Glyphs inserted before claims shift the text; count those before each bound.
                glyphs_before = [c.start for c in self.claims if c.status and start <= c.start]
                a = lo - start + shift + sum(1 for g in glyphs_before if g <= lo)
                b = hi - start + shift + sum(1 for g in glyphs_before if g < hi)
                text.stylize(styles["focus"], a, b)
        return text

    def on_resize(self) -> None:
        if self._scroll_pending:
            self.call_after_refresh(self._scroll_to_focus)

    def on_show(self) -> None:
        if self._scroll_pending:
            self.call_after_refresh(self._scroll_to_focus)

    def _scroll_to_focus(self) -> None:
        """Bring the highlight into view; while the pane is hidden (narrow view) wait for it."""
        if self.focused_span is None:
            self._scroll_pending = False
            return
        if not self.display or self.scrollable_content_region.height <= 0:
            self._scroll_pending = True
            return
        self._scroll_pending = False
        start = self.focused_span[0]
        widgets = self._para_widgets
        for paragraph, widget in zip(self.paragraphs, widgets, strict=False):
            if paragraph.start <= start < paragraph.end + 2:
                width = max(widget.content_region.width, 1)
                line = (start - paragraph.start) // width
                region = widget.virtual_region
                target = Region(0, region.y + line, 1, 2)
                self.scroll_to_region(target, animate=False, center=True, immediate=True)
                return

    def focused_paragraph_visible(self) -> bool:
        """True when the paragraph holding the highlight is (at least partly) on screen."""
        if self.focused_span is None:
            return False
        start = self.focused_span[0]
        widgets = self._para_widgets
        for paragraph, widget in zip(self.paragraphs, widgets, strict=False):
            if paragraph.start <= start < paragraph.end + 2:
                top = widget.virtual_region.y
                bottom = top + widget.virtual_region.height
                return top < self.scroll_y + self.scrollable_content_region.height and bottom > self.scroll_y
        return False
