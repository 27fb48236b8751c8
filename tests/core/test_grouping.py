"""Story grouping and reprint detection on small corpora written for these tests.

Three invented events (an earthquake, a court verdict, a company merger), each covered by
three outlets in their own words, plus a flood in the earthquake's region (same place,
different event), a wire copy and a few edge cases. Nothing here comes from the seeds'
event; the seeds are only used to check that five real outlets form one story.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from wiredesk.core.grouping import group_articles, shared_passages
from wiredesk.core.models import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def art(aid: str, title: str | None, body: str, published: str | None = "2025-03-14") -> Article:
    return Article(
        id=aid, path=f"/tmp/{aid}.txt", content_hash=aid, body=body, raw=body, format="text",
        title=title, outlet=None, byline=None, published=published, published_at=None, dateline=None,
        url=None, captions=[], removed=[], indexed_at="2025-03-14T00:00:00Z",
    )


QUAKE = [
    art("q1", "Magnitude 6.4 earthquake jolts Valdoria province, dozens dead", """\
A powerful earthquake of magnitude 6.4 struck the mountainous Valdoria province early on Thursday, \
killing at least 42 people and flattening hundreds of mud-brick homes, the national disaster agency said.

The quake hit at 4:12 a.m. local time near the town of Ostrava Nueva, at a depth of 10 kilometres, \
according to the Geological Survey. Rescuers in Ostrava Nueva were digging through rubble by hand.

Governor Lucia Brannigan declared three days of mourning and asked for army helicopters to reach \
cut-off villages in the Tarrazu valley."""),
    art("q2", "Deadly tremor in Valdoria: rescuers search rubble", """\
Rescue teams worked through the night after a strong tremor shook Valdoria on March 13, leaving \
more than 40 dead, officials told reporters.

The epicentre lay close to Ostrava Nueva, a farming town where most houses are built of adobe. \
Seismologists measured the shock at 6.3 and warned of aftershocks along the Tarrazu fault.

Provincial governor Brannigan said hospitals in the capital were overwhelmed and appealed for blood \
donations."""),
    art("q3", "Quake toll climbs to 45 in Valdoria", """\
The death toll from Thursday's earthquake in Valdoria rose to 45, the disaster agency announced, as \
aftershocks rattled survivors sleeping in tents outside Ostrava Nueva.

Lucia Brannigan, the province's governor, visited the Tarrazu valley, where entire hamlets were \
reduced to rubble. Aid convoys were held up by landslides blocking the only mountain road."""),
]
VERDICT = [
    art("v1", "Jury convicts former Helmark finance chief of fraud", """\
A federal jury in Port Calloway on Thursday found Desmond Okafor-Reyes, the former finance chief \
of Helmark Logistics, guilty on seven counts of securities fraud.

Prosecutors said Okafor-Reyes inflated revenue by $310 million over four years to prop up the \
company's share price. Judge Miriam Castellanos set sentencing for June.

His lawyer, Paul Whitcombe, said the defence would appeal the verdict."""),
    art("v2", "Ex-Helmark CFO found guilty after three-week trial", """\
Desmond Okafor-Reyes, who ran the books at Helmark Logistics until 2022, was convicted of fraud by a \
jury that deliberated for two days, court records show.

The panel agreed with prosecutors that he hid losses and booked fictitious sales worth about \
$300 million. Castellanos, the presiding judge, ordered him held until sentencing.

Whitcombe told reporters outside the Port Calloway courthouse that his client was innocent."""),
    art("v3", "Okafor-Reyes guilty: what the Helmark verdict means for investors", """\
Shareholders of Helmark Logistics welcomed Thursday's guilty verdict against its former chief \
financial officer, Desmond Okafor-Reyes, but warned that the damage to the firm was lasting.

The conviction on seven fraud counts could expose Okafor-Reyes to decades in prison. Helmark shares \
rose 4 percent in Port Calloway trading after the jury's decision was read by Judge Castellanos."""),
]
MERGER = [
    art("m1", "Norrvik and Baltamar agree $8.2 billion shipping merger", """\
Norrvik Shipping and Baltamar Lines said on Thursday they would combine in an all-share deal \
valuing the enlarged group at $8.2 billion, creating the region's largest container carrier.

Norrvik chief executive Ingrid Sollberg will lead the combined company, which will keep its \
headquarters in Kessholm. Baltamar shareholders will own 45 percent.

The deal still needs approval from competition regulators."""),
    art("m2", "Baltamar shareholders to get 45% of merged carrier", """\
Container lines Baltamar and Norrvik unveiled plans to merge, a tie-up that analysts said would \
squeeze rival freight operators on northern routes.

Under the terms, Baltamar investors receive 45 percent of the new company. Sollberg, currently \
running Norrvik, becomes chief executive, and the group stays in Kessholm.

Antitrust authorities are expected to scrutinize the transaction for months."""),
    art("m3", "Shipping giants Norrvik, Baltamar to combine", """\
Kessholm-based Norrvik Shipping will absorb Baltamar Lines in an $8 billion merger announced \
Thursday, Ingrid Sollberg told a press conference.

The new carrier would operate more than 300 vessels. Unions at Baltamar warned of job cuts at its \
repair yards."""),
]
FLOOD = [
    art("f1", "Floods sweep Valdoria lowlands after week of rain", """\
Flash floods swept through the lowland districts of Valdoria on Thursday after a week of torrential \
rain, drowning cattle and washing away bridges along the Rio Candela.

Farmers near San Isidro de Candela said the river rose two metres in an hour. The weather office \
warned of more storms over the weekend."""),
]
BUDGET = [
    art("b1", "Valdoria governor unveils leaner provincial budget", """\
Governor Lucia Brannigan presented a leaner provincial budget to the Valdoria assembly on Thursday, \
cutting spending on road building by 12 percent while raising teachers' salaries.

Opposition deputies led by Tomas Achterberg said the plan relied on optimistic tax forecasts and \
would leave the pension fund short. A vote is expected before the end of the month."""),
]
EVENTS = {"quake": QUAKE, "verdict": VERDICT, "merger": MERGER}


def membership(articles: list[Article]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in group_articles(articles).stories}


def test_three_events_three_outlets_form_three_stories() -> None:
    articles = QUAKE + VERDICT + MERGER
    assert membership(articles) == {frozenset(a.id for a in event) for event in EVENTS.values()}


def test_same_region_different_event_stays_apart() -> None:
    stories = membership(QUAKE + VERDICT + MERGER + FLOOD)
    assert frozenset({"f1"}) in stories
    assert frozenset({"q1", "q2", "q3"}) in stories


def test_same_governor_in_another_story_on_the_same_day_stays_apart() -> None:
    stories = membership(QUAKE + BUDGET)
    assert stories == {frozenset({"q1", "q2", "q3"}), frozenset({"b1"})}


def test_spelling_variants_of_the_names_still_make_one_story() -> None:
    a = art("t1", None, "Interior minister Ahmad Qasim al-Fadhli resigned on Tuesday after weeks of "
            "protests in Tarvasi, state television reported.")
    b = art("t2", None, "The interior minister, Ahmed Kasem al-Fadli, stepped down on Tuesday after the "
            "Tarvassi protests, his office said.")
    assert membership([a, b, *MERGER]) == {frozenset({"t1", "t2"}), frozenset({"m1", "m2", "m3"})}


BRIEFS = [  # one event in three wire briefs: one shared name, the rest is what happened
    art("w1", "Gas leak blamed", "Investigators said on Friday that a gas leak caused the blast at the "
        "Tormund bakery that injured six customers.\n\nThe owners have hired a lawyer and closed the "
        "shop until the spring.", published="2025-03-15"),
    art("w2", "Explosion inquiry", "The blast at the Tormund bakery, which injured six customers, started "
        "near an oven, investigators said.\n\nRead more: weekend traffic and weather updates",
        published="2025-03-15"),
    art("w3", "Customers hurt", "Six customers were hurt in the Tormund bakery blast, the fire brigade "
        "said on Saturday.", published="2025-03-15"),
]
PRIZE = art(  # the same bakery, the same day, another event
    "x1", "Prize for local baker", "The Tormund bakery won the regional baking prize on Friday for a rye "
    "loaf its customers queue for, the jury's chairwoman announced at the town hall.", published="2025-03-15",
)


def test_short_briefs_of_one_event_form_one_story() -> None:
    """Each brief scores low against the others (a few words of its own dilute the few it
    shares), yet they share the bakery's name and what happened there."""
    assert membership(BRIEFS + MERGER) == {frozenset({"w1", "w2", "w3"}), frozenset({"m1", "m2", "m3"})}


def test_a_brief_sharing_only_a_name_and_a_day_stays_apart() -> None:
    assert membership([*BRIEFS, PRIZE]) == {frozenset({"w1", "w2", "w3"}), frozenset({"x1"})}


def test_grouping_does_not_depend_on_input_order() -> None:
    articles = QUAKE + VERDICT + MERGER + FLOOD
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)
    first, second = group_articles(articles), group_articles(shuffled)
    assert [(s.id, s.label, s.articles) for s in first.stories] == [
        (s.id, s.label, s.articles) for s in second.stories
    ]
    assert first.copy_of == second.copy_of


def test_story_ids_are_stable_and_follow_membership() -> None:
    before = {s.id: set(s.articles) for s in group_articles(QUAKE + VERDICT).stories}
    again = {s.id: set(s.articles) for s in group_articles(VERDICT + QUAKE).stories}
    assert before == again
    assert len(before) == 2
    assert all(sid.startswith("s-") for sid in before)
    # Adding a new event does not rename the existing stories.
    after = {s.id: set(s.articles) for s in group_articles(QUAKE + VERDICT + MERGER).stories}
    assert all(after[sid] == members for sid, members in before.items())


def test_label_is_one_of_the_members_headlines() -> None:
    (story,) = group_articles(MERGER).stories
    assert story.label in {a.title for a in MERGER}


def test_untitled_story_is_labelled_by_prose_not_by_site_junk() -> None:
    body = "Share this article\n\n" + QUAKE[2].body
    (story,) = group_articles([art("u1", None, body)]).stories
    assert story.label.startswith("The death toll from Thursday")


WIRE = VERDICT[0]
COPY = art(
    "z9-copy",
    "Finance boss guilty in Helmark case",  # a different headline
    WIRE.body + "\n\nSubscribe to our newsletter for the latest business news.\n\n"
    "Share this article: Facebook | X | WhatsApp\n\nRelated: Markets close higher on Thursday",
    published="2025-03-15",
)


def test_wire_copy_with_new_headline_and_junk_is_a_reprint() -> None:
    grouping = group_articles([*VERDICT, COPY, *QUAKE])
    assert grouping.copy_of["z9-copy"] == "v1"
    assert all(grouping.copy_of[a.id] is None for a in VERDICT + QUAKE)
    story = next(s for s in grouping.stories if "v1" in s.articles)
    assert set(story.articles) == {"v1", "v2", "v3", "z9-copy"}


def test_original_is_the_earlier_article_and_ties_go_to_the_smaller_id() -> None:
    early = art("b-late-id", "Earlier", WIRE.body, published="2025-03-13")
    late = art("a-early-id", "Later", WIRE.body, published="2025-03-14")
    assert group_articles([late, early]).copy_of == {"a-early-id": "b-late-id", "b-late-id": None}
    same_day = [art("k2", "One", WIRE.body), art("k1", "Two", WIRE.body)]
    assert group_articles(same_day).copy_of == {"k1": None, "k2": "k1"}


def test_near_identical_articles_share_a_story_even_when_weeks_apart_and_undated() -> None:
    a = art("n1", "A headline", QUAKE[1].body, published="2025-01-02")
    b = art("n2", "Something else entirely", QUAKE[1].body.replace("night", "evening"), published="2025-06-30")
    c = art("n3", None, QUAKE[1].body, published=None)
    (story,) = group_articles([a, b, c]).stories
    assert set(story.articles) == {"n1", "n2", "n3"}


def test_outlets_quoting_the_same_statement_are_not_reprints() -> None:
    statement = (
        "“We will rebuild every school and every clinic in the province, and we will not rest "
        "until every family has a roof over its head before winter comes,” the governor said."
    )
    a = art("p1", "Governor vows to rebuild", QUAKE[0].body + "\n\n" + statement)
    b = art("p2", "Rebuilding pledge", QUAKE[2].body + "\n\n" + statement)
    grouping = group_articles([a, b])
    assert grouping.copy_of == {"p1": None, "p2": None}
    assert len(grouping.stories) == 1


def test_seeds_are_one_story_without_reprints() -> None:
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        articles.append(art(path.stem, lines[0], "\n\n".join(lines[1:]), published="2024-02-08"))
    assert len(articles) == 5
    grouping = group_articles(articles)
    assert [sorted(s.articles) for s in grouping.stories] == [sorted(a.id for a in articles)]
    assert all(v is None for v in grouping.copy_of.values())


def test_seeds_stay_one_story_beside_other_events() -> None:
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        articles.append(art(path.stem, lines[0], "\n\n".join(lines[1:]), published="2024-02-08"))
    stories = membership(articles + QUAKE + VERDICT + MERGER + FLOOD)
    assert frozenset(a.id for a in articles) in stories
    assert len(stories) == 5


def test_empty_input() -> None:
    grouping = group_articles([])
    assert grouping.stories == []
    assert grouping.copy_of == {}


def test_single_article_is_its_own_story() -> None:
    grouping = group_articles([QUAKE[0]])
    assert [s.articles for s in grouping.stories] == [["q1"]]
    assert grouping.stories[0].label == QUAKE[0].title
    assert grouping.copy_of == {"q1": None}


@pytest.mark.parametrize("body", ["", "   ", "Short."])
def test_degenerate_bodies_do_not_crash(body: str) -> None:
    grouping = group_articles([art("e1", None, body), art("e2", None, body)])
    assert sorted(a for s in grouping.stories for a in s.articles) == ["e1", "e2"]
    assert all(s.label for s in grouping.stories)


def test_shared_passages_point_at_the_reused_text() -> None:
    reused = "the court heard that revenue had been inflated for four straight years by booking sales"
    a = f"Opening words of one outlet. {reused.capitalize()}. More text follows here."
    b = f"Another outlet starts differently, noting that {reused}, and then goes on."
    (passage,) = shared_passages(a, b)
    assert a[passage.a_start : passage.a_end].lower() == reused
    assert b[passage.b_start : passage.b_end] == reused
    assert shared_passages(a, "nothing in common at all with the first text, none") == []


ANGLES = [
    art("w1", "Wildfire toll rises as Governor Ana Ruiz tours Orvello", """\
The number of people killed by the wildfire that swept through Orvello rose to 31 on Friday, \
Governor Ana Ruiz said after touring the burned harbour district with Mayor Ivo Marrak.

Ruiz said the state would pay for temporary housing in Tarvena and Corvana for families whose homes \
burned, and asked federal agencies for emergency funds. Marrak said the death toll would likely \
climb as teams searched the ruins street by street.

Senator Kai Dorn, harbourmaster Otto Brenn and bishop Lena Voss joined Ruiz at a vigil in \
Halvik Square. Officials in Mirrel County opened two shelters, and the Kestrel Bay ferry carried evacuees out of \
the harbour overnight.

Insurers estimated claims would exceed last summer's storm losses. Bankers warned that mortgage \
relief could strain regional lenders, while economists expected tourism bookings to collapse \
through autumn. Schools postponed examinations and libraries lent laptops to displaced pupils.

Churches collected blankets, bakeries donated bread, and a philharmonic orchestra scheduled a \
benefit concert. Veterinarians treated singed livestock; zookeepers relocated flamingos.

Auditors questioned procurement delays, legislators demanded hearings, and pensioners queued \
at pharmacies for replacement prescriptions. Florists, jewellers and cobblers shuttered storefronts."""),
    art("w2", "Crews hold the ridge above Orvello", """\
Crews from Tarvena and Corvana worked until dawn to hold a containment line on the ridge above \
Orvello, where exhausted hotshots said gusts had pushed flames across twice.

Helicopter pilots dropped retardant along the canyon while bulldozer operators carved breaks \
through scrub oak and chaparral. Meteorologists forecast humidity rising by Sunday, and smoke \
jumpers rotated in twelve-hour shifts.

Engineers inspected a transmission tower, linemen restored a substation, and dispatchers rerouted \
tankers around a collapsed culvert. Paramedics treated heat exhaustion among hose teams.

Surveyors mapped hotspots with thermal drones, sawyers felled charred pines, and a cartographer \
updated perimeter sketches for incoming strike teams. Cooks served lentil stew, mechanics \
patched radiators and chaplains prayed with weary recruits. Ivo Marrak thanked the volunteers; Ana Ruiz \
was expected on the ridge before nightfall."""),
]


def test_two_angles_on_one_event_sharing_its_people_and_places_are_one_story() -> None:
    """One outlet leads on the toll and the governor, another on the firefighters: their
    words differ, but six of their rare names are the same."""
    assert membership(ANGLES) == {frozenset({"w1", "w2"})}
    assert membership(ANGLES + QUAKE + BUDGET) >= {frozenset({"w1", "w2"}), frozenset({"q1", "q2", "q3"})}


def test_a_report_quoting_its_own_officials_joins_the_story_as_a_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from stories import load
    from wiredesk.core.grouping import loners

    articles, _ = load("loner_prison.txt")
    whole = frozenset(a.id for a in articles)
    assert membership(articles) == {whole}
    monkeypatch.setattr(loners, "LONER_THRESHOLD", 2.0)  # the pair rule alone leaves one report out
    assert membership(articles) != {whole}
