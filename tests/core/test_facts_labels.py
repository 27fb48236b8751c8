"""What a desk editor reads: slot labels as short phrases in the outlets' own words, and each
outlet's own wording of a value next to its sentence."""

from __future__ import annotations

from stories import SimpleAnalysis, load, split
from wiredesk.core.facts import compare_story, fact_from_json
from wiredesk.core.facts.phrases import prep_phrases, since_frame
from wiredesk.core.models import Article, Fact


def _article(art_id: str, body: str, published: str = "2023-05-10") -> Article:
    return Article(
        id=art_id, path=f"{art_id}.txt", content_hash=art_id, body=body, raw=body, format="text",
        title=None, outlet=art_id, byline=None, published=published, published_at=None, dateline=None,
        url=None, captions=[], removed=[], indexed_at="2024-01-01T00:00", story="s", copy_of=None,
    )


def _story(*bodies: str) -> list[Fact]:
    arts = [_article(f"a{i}", b) for i, b in enumerate(bodies)]
    return compare_story("s", arts, {a.id: SimpleAnalysis(split(a.body)) for a in arts})


def _by_status(facts: list[Fact], status: str, kind: str) -> list[Fact]:
    return [f for f in facts if f.status == status and f.kind == kind]


def test_count_label_reads_as_a_phrase() -> None:
    facts = _story(
        "Rebels have attacked river patrols on the Selva delta at least 40 times since last March.",
        "River patrols on the Selva delta were attacked more than 55 times since March, the navy said.",
    )
    [fact] = _by_status(facts, "contested", "count")
    assert fact.label in ("attacks on the Selva delta since March", "attacks on the Selva delta since last March")


def test_people_killed_label_names_the_predicate_and_place() -> None:
    articles, analyses = load("agreement_flood.txt")
    found = compare_story("s1", articles, analyses)
    deaths = next(f for f in found if any(v.value == "At least 12" for v in f.values))
    assert deaths.label.startswith("people killed")
    assert "Brenmoor" in deaths.label  # the place every outlet names


def test_date_label_names_the_event_and_where() -> None:
    articles, analyses = load("date_fire.txt")
    [fact] = [f for f in compare_story("s1", articles, analyses) if f.status == "contested"]
    assert fact.label.startswith("date of the fire")
    assert "warehouse" in fact.label


def test_money_label_says_what_is_measured() -> None:
    articles, analyses = load("agreement_earnings.txt")
    revenue = next(f for f in compare_story("s1", articles, analyses)
                   if any(v.value == "$3.5 billion" for v in f.values))
    assert revenue.label.startswith("revenue") and revenue.label.endswith("(USD)")


def test_prep_phrases_stop_at_verbs_and_skip_idioms() -> None:
    text = "The strike in the capital killed three men in charge of logistics on a busy shopping street."
    phrases = [p.text for p in prep_phrases(text, 0, len(text), 0)]
    assert "in the capital" in phrases
    assert "on a busy shopping street" in phrases
    assert not any(p.startswith("in charge") for p in phrases)
    assert since_frame("attacked 40 times since last October, officials said") == "since last October"
    assert since_frame("since he took office") is None


def test_each_outlet_keeps_its_own_wording() -> None:
    facts = _story(
        "More than 160 homes were destroyed by the fire in the Arlo valley, officials said.",
        "Over 160 homes were destroyed by the fire in the Arlo valley, the mayor said.",
        "At least 190 homes were destroyed by the fire in the Arlo valley, residents said.",
    )
    [fact] = _by_status(facts, "contested", "count")
    row = next(v for v in fact.values if v.normalized.get("n") == 160)
    written = {ev.article: ev.value for ev in row.evidence}
    assert written == {"a0": "More than 160", "a1": "Over 160"}
    for value in fact.values:
        for ev in value.evidence:
            assert ev.value and ev.value in ev.sentence
    assert fact_from_json(fact.to_dict()) == fact
    old = fact.to_dict()  # a cache written before the field existed still loads
    for v in old["values"]:
        for ev in v["evidence"]:
            del ev["value"]
    assert fact_from_json(old).values[0].evidence[0].value is None


def test_name_evidence_keeps_the_outlets_spelling() -> None:
    articles, analyses = load("spelling_minister.txt")
    [fact] = [f for f in compare_story("s1", articles, analyses) if f.status == "contested"]
    for value in fact.values:
        for ev in value.evidence:
            assert ev.value in ev.sentence
    assert {ev.value for v in fact.values for ev in v.evidence} >= {"Ahmad Qasim al-Fadhli", "Ahmed Kasem al-Fadli"}


def test_relative_dates_show_the_day_they_mean() -> None:
    facts = _story(
        "The bridge over the Orla river collapsed on Tuesday, killing two drivers.",
        "The bridge over the Orla river collapsed on May 9, killing two drivers.",
    )
    [fact] = [f for f in facts if f.kind == "date"]
    assert fact.status == "agreed"
    shown = sorted(v.value for v in fact.values)
    assert shown == ["May 9", "Tuesday (2023-05-09)"] or shown == ["Tuesday (2023-05-09)"]
    assert {ev.value for v in fact.values for ev in v.evidence} == {"Tuesday", "May 9"}
    assert fact.label.startswith("date of the") and fact.label.endswith("over the Orla river")


def test_labels_skip_adverbs_and_anaphora() -> None:
    text = "Militants attacked the base 40 times in that span and again in the latest raid near Kesh."
    phrases = [p.text for p in prep_phrases(text, 0, len(text), 0)]
    assert phrases == ["near Kesh"]


def test_percent_and_money_labels_say_what_is_measured() -> None:
    facts = _story(
        "Turnout in the runoff reached 61% of registered voters, the commission said on Sunday.",
        "Turnout in the runoff was 58% of registered voters, the commission said on Sunday.",
        "The former mayor was convicted of taking $2.4m in bribes from builders.",
    )
    turnout = next(f for f in facts if f.status == "contested")
    assert turnout.label == "turnout in the runoff (% of registered voters)"
    bribes = next(f for f in facts if any(v.value == "$2.4m" for v in f.values))
    assert bribes.values[0].normalized["n"] == 2_400_000  # "$2.4m" is millions, not $2
    assert bribes.label.startswith("bribes") and bribes.label.endswith("(USD)")
