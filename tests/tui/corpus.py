"""A small invented story (a flood, three outlets) with hand-made facts, and a hostile article.

The app is built against the service contract, so UI tests hand it a ``FixtureService``:
a real ``Wiredesk`` on a temporary index whose ``facts`` and ``claims`` come from this file
instead of the engine. That keeps the UI tests about UI behaviour (what moves where when a
key is pressed) and independent of the engine's evolving output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from wiredesk.core.models import Claim, Evidence, Fact, FactValue, Mention, ParsedArticle, Story
from wiredesk.core.service import Wiredesk

LEDGER = ParsedArticle(
    source="ledger.txt", raw="", format="text",
    title="River bursts banks in Elmbrook; at least 12 dead",
    outlet="Northern Ledger", byline="By Mara Quill", published="2031-03-04",
    published_at="2031-03-04T09:30", dateline="ELMBROOK", url="https://ledger.example/elmbrook-flood",
    body=(
        "Floodwaters swept through the river town of Elmbrook on Tuesday.\n\n"
        "At least 12 people died, officials said. Rescue boats searched the lower streets until dusk.\n\n"
        "The mayor, Ana Petrova, declared an emergency at 6 a.m. on Tuesday.\n\n"
        "Residents waded through knee-deep water to reach the school shelter."
    ),
)
COASTAL = ParsedArticle(
    source="coastal.txt", raw="", format="text",
    title="Nine killed as Elmbrook floods",
    outlet="Coastal Post", byline="By Ivo Renn", published="2031-03-04",
    published_at="2031-03-04T11:00", dateline="ELMBROOK", url="https://coastal.example/nine-killed",
    body=(
        "Officials said 9 people were killed when the river rose in Elmbrook.\n\n"
        "Mayor Ana Petrova declared an emergency early on Tuesday.\n\n"
        "Volunteers filled sandbags through the night."
    ),
)
WIRE = ParsedArticle(
    source="wire.txt", raw="", format="text",
    title="Elmbrook flood death toll rises",
    outlet="Wire Service", byline=None, published="2031-03-03",
    published_at=None, dateline=None, url=None,
    body=(
        "The death toll in Elmbrook rose to 14 on Tuesday evening, the regional office said.\n\n"
        "Elmbrook residents were told to avoid the river road."
    ),
)

# The index derives identity from the source text: give each fixture its own.
for _parsed in (LEDGER, COASTAL, WIRE):
    _parsed.raw = _parsed.body

HOSTILE_TITLE = "Pwned\x1b]0;HACKED-TITLE\x07 [bold]loud[/bold] \u202eevil"
HOSTILE = ParsedArticle(
    source="hostile.txt", raw="", format="text",
    title=HOSTILE_TITLE,
    outlet="[link=http://x]Evil\x1b[31m Outlet[/link]", byline="By \u200bZero\u200d Width",
    published="2031-03-02", published_at=None, dateline=None,
    url="http://evil.example/\x1b]8;;http://phish\x07x",
    body=(
        "Clear the screen\x1b[2J now. Ring\x07 the bell.\n\n"
        "A stray [link=http://x]y[/link] and [bold]not bold[/bold] stay literal.\n\n"
        "Reversed \u202egnirts\u202c and hidden\u200bzero width."
    ),
)


HOSTILE.raw = HOSTILE.body


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Crude sentence spans (the fixtures are written so this is exact)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\s][^\n]*?[.!?](?=\s|$)", body)]


def _evidence(article_id: str, body: str, sentence: str) -> Evidence:
    start = body.index(sentence)
    return Evidence(article_id, sentence, start, start + len(sentence))


@dataclass
class FixtureIds:
    ledger: str
    coastal: str
    wire: str
    hostile: str
    story: str = "s-flood"
    hostile_story: str = "s-hostile"


class FixtureService(Wiredesk):
    """A real service on a temporary index, with facts and claims from the fixtures."""

    fixture_facts: dict[str, list[Fact]]

    def facts(self, story: str) -> list[Fact]:
        return [Fact(**{**f.__dict__}) for f in self.fixture_facts.get(story, [])]

    def claims(self, ref: str) -> list[Claim]:
        article = self.article(ref)
        by_span: dict[tuple[int, int], Fact] = {}
        for fact in self.facts(article.story or ""):
            for value in fact.values:
                for ev in value.evidence:
                    if ev.article == article.id:
                        by_span[(ev.start, ev.end)] = fact
        spans = sorted(by_span)
        spans += [
            (s, e) for s, e in sentence_spans(article.body)
            if not any(s < e2 and s2 < e for s2, e2 in by_span)
        ]
        out = []
        for start, end in sorted(spans):
            text = article.body[start:end]
            mentions = [
                Mention("count", start + m.start(), start + m.end(), m.group())
                for m in re.finditer(r"\b\d+\b", text)
            ]
            fact = by_span.get((start, end))
            out.append(Claim(start, end, text, mentions, status=fact.status if fact else None,
                             facts=[fact.id] if fact else []))
        return out


def build_fixture_service(db_path: Path) -> tuple[FixtureService, FixtureIds]:
    service = FixtureService(db_path)
    db = service.index_db
    ids: dict[str, str] = {}
    for name, parsed in (("ledger", LEDGER), ("coastal", COASTAL), ("wire", WIRE), ("hostile", HOSTILE)):
        result = db.store_file(f"/fixtures/{parsed.source}", None, [parsed])
        ids[name] = result.ids[0]
    fx = FixtureIds(**ids)
    db.set_stories(
        [
            Story(fx.story, "Elmbrook flood", [fx.ledger, fx.coastal, fx.wire]),
            Story(fx.hostile_story, "Hostile \x1b[2J [bold]story[/bold]", [fx.hostile]),
        ],
        {fx.ledger: None, fx.coastal: None, fx.wire: fx.coastal, fx.hostile: None},
    )
    bodies = {fx.ledger: LEDGER.body, fx.coastal: COASTAL.body, fx.wire: WIRE.body}

    def ev(article: str, sentence: str) -> Evidence:
        return _evidence(article, bodies[article], sentence)

    service.fixture_facts = {
        fx.story: [
            Fact(
                id="f-toll", story=fx.story, label="people killed", kind="count", status="contested",
                conflict="value", sources=3, reasons=["'9' vs '14': value"],  # as the engine words it
                values=[
                    FactValue("at least 12", {"op": ">=", "n": 12}, [fx.ledger],
                              [ev(fx.ledger, "At least 12 people died, officials said.")]),
                    FactValue("9", {"op": "=", "n": 9}, [fx.coastal],
                              [ev(fx.coastal, "Officials said 9 people were killed when the river rose in Elmbrook.")]),
                    FactValue("14", {"op": "=", "n": 14}, [fx.wire],
                              [ev(fx.wire, "The death toll in Elmbrook rose to 14 on Tuesday evening, "
                                           "the regional office said.")]),
                ],
            ),
            Fact(
                id="f-mayor", story=fx.story, label="mayor [declared] emergency", kind="person", status="agreed",
                sources=2,
                values=[FactValue("Ana Petrova", {}, [fx.ledger, fx.coastal], [
                    ev(fx.ledger, "The mayor, Ana Petrova, declared an emergency at 6 a.m. on Tuesday."),
                    ev(fx.coastal, "Mayor Ana Petrova declared an emergency early on Tuesday."),
                ])],
            ),
            Fact(
                id="f-time", story=fx.story, label="emergency declared at", kind="time", status="single",
                sources=1,
                values=[FactValue("6 a.m.", {"time": "06:00"}, [fx.ledger], [
                    ev(fx.ledger, "The mayor, Ana Petrova, declared an emergency at 6 a.m. on Tuesday."),
                ])],
            ),
        ],
    }
    return service, fx


# -- a wire cluster: one text carried by five outlets ----------------------------------------

def _reprint(source: str, outlet: str, title: str, published_at: str, junk: str) -> ParsedArticle:
    """COASTAL's text under another outlet's headline, with that site's own junk line."""
    body = COASTAL.body + "\n\n" + junk
    return ParsedArticle(
        source=source, raw=body, format="text", title=title, outlet=outlet, byline=None,
        published=published_at[:10], published_at=published_at, dateline="ELMBROOK", url=None, body=body,
    )


REPRINTS = (
    _reprint("harbor.txt", "Harbor Times", "Elmbrook flood kills nine", "2031-03-04T12:00",
             "Read more regional news on our front page."),
    _reprint("valley.txt", "Valley Post", "River flood: nine dead in Elmbrook", "2031-03-04T13:00",
             "Sign up for the Valley Post morning briefing."),
    _reprint("brenmoor.txt", "Brenmoor Daily", "Nine killed in Elmbrook flooding", "2031-03-04T14:00",
             "Share this article with a friend."),
)
LEDGER_UPDATE = ParsedArticle(
    source="ledger-update.txt", raw="", format="text",
    title="Elmbrook shelters fill as river stays high",
    outlet="Northern Ledger", byline="By Mara Quill", published="2031-03-04",
    published_at="2031-03-04T10:15", dateline="ELMBROOK", url=None,
    body=(
        "The school shelter in Elmbrook was full by mid-morning on Wednesday, volunteers said.\n\n"
        "The river stayed above its banks through the night."
    ),
)
LEDGER_UPDATE.raw = LEDGER_UPDATE.body


@dataclass
class ClusterIds:
    """The wire cluster story's extra articles (``reprints`` newest first)."""

    reprints: list[str]
    ledger_update: str


def build_wire_cluster_service(db_path: Path) -> tuple[FixtureService, FixtureIds, ClusterIds]:
    """The fixture's flood story grown to seven articles from six outlets: Coastal Post's text
    carried by four more outlets (Wire Service and the three ``REPRINTS``), and two Northern
    Ledger articles of their own: two independent sources. Facts as in the fixture."""
    service, fx = build_fixture_service(db_path)
    db = service.index_db
    reprints = [db.store_file(f"/fixtures/{p.source}", None, [p]).ids[0] for p in REPRINTS]
    update = db.store_file(f"/fixtures/{LEDGER_UPDATE.source}", None, [LEDGER_UPDATE]).ids[0]
    members = [fx.ledger, fx.coastal, fx.wire, *reprints, update]
    copy_of: dict[str, str | None] = {a: None for a in members}
    copy_of.update({fx.wire: fx.coastal, **{r: fx.coastal for r in reprints}, fx.hostile: None})
    db.set_stories([Story(fx.story, "Elmbrook flood", members), Story(fx.hostile_story, "Hostile story", [fx.hostile])],
                   copy_of)
    return service, fx, ClusterIds(list(reversed(reprints)), update)
