"""The reading pane: an article's header and body, with its claims marked by status.

The body is inert text (``safetext.inert`` keeps offsets) rendered as one ``Text`` in one
``Static`` (mounting a widget per paragraph made opening an article slow); a jump finds the
line of a sentence by wrapping the text before it at the pane's width. Claims are styled
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
        "reading-pane--caption",
    }

    DEFAULT_CSS = """
    ReadingPane > .reading-pane--claim { text-style: underline; }
    ReadingPane > .reading-pane--value { text-style: bold; }
    ReadingPane > .reading-pane--focus { text-style: reverse; }
    ReadingPane > .reading-pane--caption { text-style: italic; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.claims: list[Claim] = []
        self.paragraphs: list[Paragraph] = []
        self.focused_span: tuple[int, int] | None = None
        self._body = ""
        self._starts: list[int] = []
        self._text = Text()
        self._scroll_pending = False

    def compose(self):
        yield Static(Text("Opening…", style="dim"), id="article-header", markup=False)
        yield Static(Text(), id="jump-note", markup=False)
        yield Static(Text(), id="article-body", markup=False)

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
        self.paragraphs = split_paragraphs(article.body, article.captions)
        self.query_one("#article-header", Static).update(self._header(article, copy_of))
        if not same:
            self.scroll_home(animate=False, immediate=True)
        if focus is None:
            self.set_note(None)
        self._render_body()
        if focus is not None:
            self._scroll_pending = True
            self.call_after_refresh(self._scroll_to_focus)

    def set_note(self, note: Text | None) -> None:
        """A line above the body saying which fact and outlet a jump landed on (or none)."""
        widget = self.query_one("#jump-note", Static)
        widget.display = note is not None
        widget.update(note or Text())

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
        styles = {n: self._style(n) for n in
                  ("contested", "agreed", "single", "claim", "value", "focus", "caption")}
        body = Text()
        self._starts = []
        for i, paragraph in enumerate(self.paragraphs):
            if i:
                body.append("\n\n")
            self._starts.append(len(body))
            body.append_text(self._paragraph_text(paragraph, styles))
        # Moving the highlight changes styles only: same text, same size, no re-layout.
        same_text = body.plain == self._text.plain
        self._text = body
        self.query_one("#article-body", Static).update(body, layout=not same_text)

    def _paragraph_text(self, paragraph: Paragraph, styles: dict[str, Style]) -> Text:
        start, end = paragraph.start, paragraph.end
        text = Text()
        if paragraph.caption:
            text.append("▣ ", style=styles["caption"])
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
        if paragraph.caption:
            text.stylize(styles["caption"])
        if self.focused_span:
            f_start, f_end = self.focused_span
            lo, hi = max(f_start, start), min(f_end, end)
            if lo < hi:
                a = self._shift(paragraph, lo, inclusive=True)
                b = self._shift(paragraph, hi, inclusive=False)
                text.stylize(styles["focus"], a, b)
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
        """The wrapped line (0-based, within the body widget) where the highlight starts."""
        if self.focused_span is None or not self._starts:
            return None
        start = self.focused_span[0]
        for paragraph, offset in zip(self.paragraphs, self._starts, strict=False):
            if paragraph.start <= start < paragraph.end + 2:
                at = offset + self._shift(paragraph, min(start, paragraph.end), inclusive=True)
                break
        else:
            return None
        body = self.query_one("#article-body", Static)
        width = max(body.content_region.width, 1)
        prefix = self._text[:at]
        prefix.append("x")  # the line the highlight starts on, even right after a break
        return len(prefix.wrap(self.app.console, width)) - 1

    def on_resize(self) -> None:
        if self._scroll_pending or self.focused_span is not None:
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
        line = self._focus_line()
        if line is None:
            return
        body = self.query_one("#article-body", Static)
        target = Region(0, body.virtual_region.y + line, 1, 2)
        self.scroll_to_region(target, animate=False, center=True, immediate=True)

    def focused_paragraph_visible(self) -> bool:
        """True when the first line of the highlight is on screen."""
        line = self._focus_line()
        if line is None:
            return False
        y = self.query_one("#article-body", Static).virtual_region.y + line
        return self.scroll_y <= y < self.scroll_y + self.scrollable_content_region.height
