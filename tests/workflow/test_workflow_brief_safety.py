"""The brief cannot be broken by the text it quotes: hostile article text stays literal text
in the rendered Markdown (parsed with markdown-it, CommonMark plus GFM tables and
strike-through, as GitHub renders it), and CSV cells cannot become spreadsheet formulas."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import pytest
from markdown_it import MarkdownIt
from wf_helpers import article, fact
from wiredesk.core.models import Story
from wiredesk.core.workflow import brief
from wiredesk.core.workflow.verdicts import Verdict

HOSTILE = [
    "# Not a heading",
    "| cell | cell |",
    "`code` and ```fence```",
    "<script>alert(1)</script> <b>bold</b>",
    "[click](javascript:alert(1)) ![img](http://evil.example/x.png)",
    "*em* __strong__ ~~gone~~ $x^2$ @cite &amp; &lt;",
    "line one\n# second line\n\n> quote\n---",
    "\x1b]0;title\x07 escape",
]


def _data() -> brief.BriefData:
    arts = {
        "a1": article("a1", outlet="Out|let `A`", published="2024-01-01", url="https://a.example/story",
                      title="# Title <i>x</i>"),
        "a2": article("a2", outlet="[B](http://evil)", published_at="2024-01-01T10:00", published="2024-01-01",
                      url="javascript:alert(1)"),
        "a3": article("a3", outlet="C", url="https://c.example/x>y"),
    }
    facts = [
        fact("f1", HOSTILE[0], {HOSTILE[1]: [("a1", HOSTILE[2])], HOSTILE[3]: [("a2", HOSTILE[4])]}),
        fact("f2", HOSTILE[5], {HOSTILE[6]: [("a1", HOSTILE[7]), ("a2", HOSTILE[6])]}, status="agreed"),
        fact("f3", "single", {"=1+1": [("a3", "@SUM(A1) -2 +3 " + HOSTILE[3])]}, status="single"),
    ]
    verdicts = {"f1": Verdict("confirmed", HOSTILE[1], None, HOSTILE[4] + " " + HOSTILE[2], "t")}
    story = Story("s-test", HOSTILE[0], list(arts))
    return brief.BriefData(story, arts, facts, verdicts, {"a2": "doubtful"}, {})


def _walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def test_hostile_text_stays_text_in_markdown() -> None:
    text = brief.markdown(_data())
    tokens = list(_walk(MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)))
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_inline", "html_block", "code_block", "fence", "image", "s_open",
                        "table_open", "blockquote_open", "hr"}
    assert [t.content for t in tokens if t.type == "code_inline"] == ["s-test"]  # the brief's own
    links = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert links and set(links) == {"https://a.example/story"}  # javascript: and a URL with > stay text
    headings = ["".join(c.content for c in tokens[i + 1].children or [])
                for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Brief: # Not a heading", "Sources", "Agreed core", "Contested", "# Not a heading",
                        "Single-source claims", "Reprints", "Verdicts and notes"]
    rendered = "".join(t.content for t in tokens if t.type == "text")
    for piece in ("<script>alert(1)</script>", "[click](javascript:alert(1))", "`code`", "| cell | cell |",
                  "~~gone~~", "$x^2$", "@cite", "&amp;", "Out|let `A`"):
        assert piece in rendered, piece
    assert "\x1b" not in text and "\x07" not in text
    # Every line is the brief's own: article text never starts one.
    for line in text.splitlines():
        assert line == "" or line.startswith(("#", "- ", "  - ", "Story `", "value conflict", "None", "Nothing",
                                              "No "))


def test_every_contested_value_cites_sentence_time_and_url() -> None:
    text = brief.markdown(_data())
    contested = text.split("## Contested", 1)[1].split("## Single-source", 1)[0]
    cited = [ln for ln in contested.splitlines() if ln.startswith("- ")]
    assert len(cited) == 2
    assert "(2024-01-01)" in cited[0] and "<https://a.example/story>" in cited[0] and "\u201c" in cited[0]
    assert "(2024-01-01 10:00)" in cited[1] and "javascript:alert(1)" in cited[1] and "\\[doubtful\\]" in cited[1]


def test_csv_cells_cannot_become_formulas() -> None:
    rows = list(csv.reader(io.StringIO(brief.csv_text(_data()))))
    assert rows[0] == list(brief.CSV_COLUMNS)
    assert len(rows) == 1 + 2 + 2 + 1  # one row per (fact, value, outlet)
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    single = next(r for r in rows if r[1] == "f3")
    assert single[7] == "'=1+1" and single[11].startswith("'@SUM(A1)")
    confirmed = next(r for r in rows if r[1] == "f1")
    assert confirmed[15:17] == ["confirmed", HOSTILE[1]]


def _pandoc_nodes(node: object, out: list[dict]) -> list[dict]:
    if isinstance(node, dict):
        if "t" in node:
            out.append(node)
        for value in node.values():
            _pandoc_nodes(value, out)
    elif isinstance(node, list):
        for value in node:
            _pandoc_nodes(value, out)
    return out


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed (markdown-it covers GitHub)")
@pytest.mark.parametrize("reader", ["markdown", "commonmark_x", "gfm"])
def test_pandoc_reads_hostile_text_as_text(reader: str, tmp_path) -> None:
    source = tmp_path / "brief.md"
    source.write_text(brief.markdown(_data()), encoding="utf-8")
    done = subprocess.run(["pandoc", "-f", reader, "-t", "json", str(source)], capture_output=True, text=True,
                          check=True, timeout=60)
    nodes = _pandoc_nodes(json.loads(done.stdout)["blocks"], [])
    kinds = {n["t"] for n in nodes}
    assert not kinds & {"RawInline", "RawBlock", "Math", "Cite", "Strikeout", "Superscript", "Subscript", "Table",
                        "BlockQuote", "CodeBlock", "Image", "HorizontalRule", "Note"}
    assert [n["c"][1] for n in nodes if n["t"] == "Code"] == ["s-test"]
    assert sum(1 for n in nodes if n["t"] == "Header") == 8
    links = {n["c"][2][0] for n in nodes if n["t"] == "Link"}
    # gfm links bare URLs in text to themselves (as GitHub does); never a javascript: target.
    assert "https://a.example/story" in links and not any(u.startswith("javascript") for u in links)


def test_brief_sections_reprints_agreed_counts_and_open_facts() -> None:
    arts = {
        "w": article("w", outlet="Wire", published="2024-01-01", url="https://wire.example/a"),
        "r": article("r", outlet="Reprinter", published="2024-01-02", url="https://r.example/a", copy_of="w"),
        "o": article("o", outlet="Other", published="2024-01-01", url="https://o.example/a"),
    }
    facts = [
        fact("f1", "people hurt", {"12": [("w", "12 were hurt."), ("r", "12 were hurt."), ("o", "Twelve hurt.")]},
             status="agreed"),
        fact("f2", "people killed", {"3": [("w", "3 died.")], "4": [("o", "4 died.")]}),
    ]
    facts[0].sources = 2  # the reprint adds no independent source
    data = brief.BriefData(Story("s-x", "A story", list(arts)), arts, facts, {}, {}, {})
    text = brief.markdown(data)
    assert "- **people hurt**: 12 \u2014 2 independent outlets" in text
    assert "*Reprinter* (2024-01-02) is a copy of *Wire* and adds no independent source" in text
    assert "verdict: open (no verdict yet)" in text and "No verdicts recorded yet." in text
    assert "1 contested facts (0 with a verdict), 1 agreed, 0 single-source" in text
