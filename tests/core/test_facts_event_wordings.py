"""Wordings of early coverage that set false contests or hid real ones: photo captions,
conversions to another clock, remembrance after an event, history in a comparison, and the
offices and spellings a story's bodies share. Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from stories import observe_sentence
from test_facts_incidents import _articles
from wiredesk.core.facts import compare_story
from wiredesk.core.facts.observe import Sentence, content_tokens, observe

DAY = date(2031, 3, 29)


def _kinds(sentence: str, kind: str) -> list:
    return [o for o in observe_sentence(sentence, DAY) if o.kind == kind]


def test_a_caption_gives_no_day_or_hour_of_the_event() -> None:
    text = "Rescuers at the site of the crash on Monday at 9 a.m. (Photo / Agency)"
    sent = Sentence("a", "a", 0, len(text), text, DAY, 0, tokens=content_tokens(text), caption=True)
    assert [o.kind for o in observe([sent]) if o.kind in ("date", "time")] == []
    assert [o.kind for o in _kinds(text, "date")] == ["date"]  # the same words in the body do


@pytest.mark.parametrize(
    "sentence",
    [
        "All nine people on board were killed when the helicopter came down in fog.",
        "All 72 people aboard the plane died.",
        "All 67 people aboard the two aircraft are presumed dead.",
    ],
)
def test_everyone_aboard_killed_is_the_toll(sentence: str) -> None:
    assert [o.pred for o in _kinds(sentence, "count") if o.head == "people"] == ["kill"]


def test_people_on_board_alone_are_who_was_aboard() -> None:
    assert [o.pred for o in _kinds("The bus had 52 people on board when it left the depot.", "count")] == ["aboard"]


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("Contact with the helicopter was lost at around 1.30pm as it flew through fog.", "disappear"),
        ("The airport reopened shortly before 11 a.m. Thursday.", "reopen"),
        ("The stampede took place at about 6:10 a.m. near the temple gate.", "crush"),
    ],
)
def test_the_event_a_clock_time_dates(sentence: str, head: str) -> None:
    assert [o.head for o in _kinds(sentence, "time")] == [head]


def test_a_day_in_a_bracketed_conversion_is_the_other_clocks() -> None:
    sentence = "The jet came down at 9:03 a.m. local time (7:03 p.m. ET Saturday), the ministry said."
    assert _kinds(sentence, "date") == []


def test_a_day_of_mourning_does_not_date_the_attack() -> None:
    assert _kinds("The country observed a day of mourning on Sunday for the victims of the attack.", "date") == []


def test_a_caption_stamp_after_a_province_dates_the_picture() -> None:
    assert _kinds("Villagers search the site of the landslide in Orvello, Mirrel province, May 26, 2031.",
                  "date") == []


def test_round_before_a_clock_time_is_a_hedge() -> None:
    (time,) = _kinds("He drove into the crowd at round 7 pm on Friday night.", "time")
    assert time.approx


def test_people_buried_under_rubble_are_trapped_and_the_buried_dead_are_not() -> None:
    (buried,) = _kinds("Rescuers raced to reach dozens of workers buried under the collapsed tower.", "count")
    assert buried.pred == "trap"
    (funeral,) = _kinds("The 12 victims were buried in the town cemetery on Sunday.", "count")
    assert funeral.pred != "trap"


def test_a_toll_of_an_earlier_year_never_contests_the_storys() -> None:
    facts = compare_story("s1", *_articles(
        "A passenger jet and a helicopter collided over the river near Valmora on Wednesday. "
        "All 67 people aboard the two aircraft were killed.",
        "A passenger jet and a helicopter collided over the river near Valmora on Wednesday, killing 67 people. "
        "The last fatal crash of a major airline was in 2009, when a flight went down near Mirrel, killing 50 people.",
    ))
    assert [f for f in facts if f.status == "contested" and "killed" in f.label] == []


def test_a_local_time_with_its_gmt_reading_settles_the_other_outlets_local_times() -> None:
    facts = compare_story("s1", *_articles(
        "The earthquake struck at 12:50 p.m. local time (0350 GMT) near Orvello, the survey said.",
        "The earthquake struck at 12:50pm local time near Orvello, the survey said.",
        "The earthquake struck at 10.50am Bangkok time near Orvello, the survey said.",
    ))
    times = [f for f in facts if f.kind == "time"]
    assert [f.status for f in times] == ["agreed"]


def test_an_office_word_is_no_spelling_of_a_name() -> None:
    facts = compare_story("s1", *_articles(
        "Prime Minister Ana Ruiz declared an emergency in Valmora after the tower fell.",
        "The Ministry of Foreign Affairs said a rescue team had flown to Valmora after the tower fell.",
    ))
    assert [f for f in facts if f.kind == "name" and f.status == "contested"] == []


def test_chief_and_head_of_one_body_are_one_post() -> None:
    facts = compare_story("s1", *_articles(
        '"It is hard to identify the victims," Lee Tarven, chief of the Valmora fire station, told reporters.',
        '"It is hard to identify the victims," Lee Tarven, head of the Valmora fire station, told a briefing.',
    ))
    assert [f for f in facts if f.status == "contested" and f.label.startswith("title")] == []


@pytest.mark.parametrize(
    ("floor", "figure", "status"),
    [
        ("killing at least 51 people", "killing 59 people", "contested"),  # a counted floor, then a higher count
        ("killing more than 40 people", "killing 43 people", "agreed"),  # a round floor the figure meets
        ("killing more than a dozen people", "killing 15 people", "agreed"),
    ],
)
def test_a_floor_that_is_a_count_contests_a_higher_count(floor: str, figure: str, status: str) -> None:
    facts = compare_story("s1", *_articles(
        f"A fire tore through a nightclub in Valmora early on Sunday, {floor}, officials said.",
        f"A fire tore through a nightclub in Valmora early on Sunday, {figure}, officials said.",
    ))
    assert [f.status for f in facts if "killed" in f.label] == [status]


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 500 people were inside the venue when the fire started, the minister said.",
        "Officials said about 1,000 people, mostly teenagers, had packed into the club to see the band.",
        "Around 500 people were in the concert hall, officials said.",
    ],
)
def test_how_many_were_inside_a_venue(sentence: str) -> None:
    assert [o.pred for o in _kinds(sentence, "count")] == ["present"]


def test_a_town_of_so_many_people_is_no_crowd_inside() -> None:
    assert [o.pred for o in _kinds("Valmora, a town of around 25,000 people in a valley, woke to grief.",
                                   "count")] != ["present"]


@pytest.mark.parametrize(
    ("first", "second", "contested"),
    [
        ("Acting President Ana Ruiz", "Acting prime minister Ana Ruiz", True),
        ("Valmora County Judge Ana Ruiz", "Valmora County commissioner Ana Ruiz", True),
        ("President Ana Ruiz", "Acting President Ana Ruiz", True),
        ("Prime Minister Ana Ruiz", "Prime Minister Ana Ruiz", False),
    ],
)
def test_two_posts_one_person_cannot_hold_at_once(first: str, second: str, contested: bool) -> None:
    facts = compare_story("s1", *_articles(
        f"{first} ordered every resource to be sent to the crash site near Mirrel on Sunday.",
        f"{second} travelled to the crash site near Mirrel on Sunday and declared a week of mourning.",
    ))
    assert bool([f for f in facts if f.status == "contested" and f.label.startswith("title")]) is contested


@pytest.mark.parametrize(
    ("sentence", "kind", "head"),
    [
        ("The 7.4 quake, measured by the geological survey, struck at 8:58 a.m. local time.", "time", "quake"),
        ("A gunman opened fire inside a ballroom dance studio in a largely residential suburb east of the "
         "capital late Saturday as families celebrated the new year.", "date", "shooting"),
    ],
)
def test_the_event_named_far_before_its_day_or_hour(sentence: str, kind: str, head: str) -> None:
    assert [o.head for o in _kinds(sentence, kind)] == [head]


@pytest.mark.parametrize(
    "sentence",
    [
        "The leaders died after their helicopter smashed into a foggy mountainside in the north of the "
        "country, state television reported on Monday.",
        "Twenty girls from the camp remained missing on Saturday as rescue crews searched the river banks.",
        "Fifty people have died after the fire broke out at the club, according to figures released by the "
        "health ministry on Sunday afternoon.",
    ],
)
def test_a_day_of_the_telling_is_not_the_events(sentence: str) -> None:
    assert _kinds(sentence, "date") == []


def test_a_subset_in_commas_does_not_take_the_totals_verb() -> None:
    counts = _kinds("At least 43 people, including 15 children, have died in the floods.", "count")
    assert [(o.norm["n"], o.pred) for o in counts] == [(43, "kill"), (15, "kill")]


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("Seven carriages came off the rails at about 4:40 a.m., the prosecutor's office said.", "derail"),
        ("Seven of the train's 15 coaches left the track at 4:37 a.m. local time near the station.", "derail"),
        ("Residents said the dam broke at 8:54 p.m., shortly after a loud crack was heard.", "collapse"),
    ],
)
def test_phrasings_of_a_derailment_and_a_dam_breaking(sentence: str, head: str) -> None:
    assert [o.head for o in _kinds(sentence, "time")] == [head]


def test_a_gmt_clock_reading_is_no_earlier_year() -> None:
    facts = compare_story("s1", *_articles(
        "The Valmora dam gave way at about 9 p.m. (1800 GMT) on Tuesday, the interior minister said.",
        "The Valmora dam burst at around 10:30 pm on Tuesday after days of heavy rain.",
    ))
    assert [f.status for f in facts if f.kind == "time"] == ["contested"]


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("at around 5:30 a.m.", "at about 5:15 a.m.", "contested"),  # a half hour is read to ten minutes
        ("at around 5:30 a.m.", "at 5:36 a.m.", "agreed"),
        ("at around 5 a.m.", "at 5:12 a.m.", "agreed"),  # a whole hour keeps a quarter either side
    ],
)
def test_how_far_a_hedged_half_hour_reaches(first: str, second: str, status: str) -> None:
    facts = compare_story("s1", *_articles(
        f"The bus plunged into a ravine near Valmora {first} on Tuesday, police said.",
        f"The bus plunged into a ravine near Valmora {second} on Tuesday, police said.",
    ))
    assert [f.status for f in facts if f.kind == "time"] == [status]


def test_unfolding_over_hours_is_a_span_not_a_floor() -> None:
    (hours,) = [o for o in _kinds("The novel unfolds over 24 hours as six astronauts circle the planet.", "count")
                if o.head == "hour"]
    assert hours.norm["op"] == "="
    (workers,) = _kinds("The plant has over 200 workers.", "count")
    assert workers.norm["op"] == ">"


def test_the_length_of_a_rocket_is_its_own() -> None:
    facts = compare_story("s1", *_articles(
        "The 121-metre (397-foot) rocket lifted off from the Valmora launch site at 7:25 a.m.",
        "Minutes later the 232-foot booster came back to the Valmora launch site and was caught by the tower.",
    ))
    assert [f for f in facts if f.status == "contested"] == []


def test_people_on_the_ground_are_apart_from_the_toll_aboard() -> None:
    (ground,) = _kinds("At least 24 people on the ground were killed, officials said.", "count")
    assert ground.head == "people:ground" and ground.pred == "kill"
    (aboard,) = _kinds("The jet hit a smaller plane on the runway, killing five people aboard it.", "count")
    assert aboard.pred == "kill"


def test_a_former_officeholder_named_with_the_place_between() -> None:
    facts = compare_story("s1", *_articles(
        "Former Valmora chief minister Ana Ruiz was among the passengers, the state government said.",
        "Among those on board was Ana Ruiz, a former chief minister of Valmora state, officials said.",
        "Former chief minister Ana Ruiz, who was travelling to see her daughter, was among the passengers.",
    ))
    assert [f for f in facts if f.status == "contested" and f.label.startswith("title")] == []


def test_a_record_of_an_earlier_year_is_history() -> None:
    facts = compare_story("s1", *_articles(
        "In Valmora the river peaked at 5.35 metres on Sunday afternoon, surpassing the 4.76 metres of the great "
        "flood of 1941.",
        "In Valmora the river peaked at a record 5.33 metres on Sunday afternoon, city officials said.",
    ))
    levels = [sorted(v.value for v in f.values) for f in facts if f.status == "contested"]
    assert levels == [["5.33", "5.35"]]  # read to the centimetre, and 4.76 is 1941's


def test_a_length_built_in_an_earlier_year_is_not_history() -> None:
    from wiredesk.core.facts.leads import told_of_an_earlier_year

    (length,) = _kinds("The 1.6-mile bridge, which opened in 1977, collapsed into the river.", "count")
    assert not told_of_an_earlier_year(length)


def test_the_headline_figure_and_its_hedged_restatement_are_one_value() -> None:
    facts = compare_story("s1", *_articles(
        "Valmora floods: 83 dead as river bursts its banks\nAt least 83 people have died in the floods in Valmora, "
        "officials said on Monday.",
        "The death toll from the floods in Valmora rose to 75 on Sunday, the civil defence agency said.",
    ))
    (toll,) = [f for f in facts if f.status == "contested" and "killed" in f.label]
    evidence = [e.sentence for v in toll.values for e in v.evidence]
    assert any(s.startswith("At least 83") for s in evidence) and any("83 dead" in s for s in evidence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Fire units battled the blaze, which was brought under control at 11:50 p.m., the fire service said.",
        "Firefighters were able to bring it under control only at around 12:30 am on Friday.",
        "The fire was put out at 3 a.m.",
    ],
)
def test_a_fire_brought_under_control_is_its_own_timed_event(sentence: str) -> None:
    assert [o.head for o in _kinds(sentence, "time")] == ["contain"]


def test_around_a_five_minute_reading_does_not_reach_the_next_one() -> None:
    facts = compare_story("s1", *_articles(
        "The fire broke out around 9:50 p.m. in a coffee shop on Bailey Lane in Valmora, the fire service said.",
        "The fire broke out at 9:45 p.m. in a coffee shop on Bailey Lane in Valmora, the fire service said.",
    ))
    assert [f.status for f in facts if f.kind == "time"] == ["contested"]


@pytest.mark.parametrize(
    ("first", "second", "contested"),
    [
        ("Chief Cabinet Secretary Ana Ruiz", "Deputy Chief Cabinet Secretary Ana Ruiz", True),
        ("Revenue Minister Ana Ruiz", "Forest Minister Ana Ruiz", True),
        ("Interior Cabinet Secretary Ana Ruiz", "Interior Minister Ana Ruiz", False),
    ],
)
def test_offices_named_by_their_department(first: str, second: str, contested: bool) -> None:
    facts = compare_story("s1", *_articles(
        f"{first} said the government would do everything to find the cause of the crash near Mirrel.",
        f"{second} told a briefing that a liaison office had been set up after the crash near Mirrel.",
    ))
    assert bool([f for f in facts if f.status == "contested" and f.label.startswith("title")]) is contested


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("on Sunday night", "on Monday morning", "contested"),  # the night ends before the morning begins
        ("late on Sunday", "in the early hours of Monday", "agreed"),
    ],
)
def test_a_night_and_the_next_morning(first: str, second: str, status: str) -> None:
    facts = compare_story("s1", *_articles(
        f"The first landslide struck the village of Orvello {first} after torrential rain, officials said.",
        f"The first landslide struck the village of Orvello {second} after torrential rain, officials said.",
    ))
    assert [f.status for f in facts if f.kind == "date"] == [status]


def test_terrorists_and_gunmen_are_one_count_of_attackers() -> None:
    facts = compare_story("s1", *_articles(
        "Three gunmen emerged from the forest around the Orvello meadow and fired at tourists, police said.",
        "Four to five terrorists emerged from the forest around the Orvello meadow and fired at tourists.",
    ))
    assert [f.status for f in facts if "attacker" in f.label] == ["contested"]


def test_the_one_missing_figure_an_outlet_gives_is_its_figure_outside_the_lede_too() -> None:
    lede = ("Landslides buried hill villages in Valmora before dawn on Tuesday. Rescuers dug through mud. "
            "Roads were cut. Rain kept falling. ")
    facts = compare_story("s1", *_articles(
        lede + "The minister said 98 people were still missing by late evening, based on lists from families.",
        "More than 180 people are still missing, according to state officials in Valmora.",
    ))
    assert [f.status for f in facts if "missing" in f.label] == ["contested"]


@pytest.mark.parametrize(
    ("floor", "figure", "status"),
    [
        ("more than 163,000 hectares", "167,000 hectares", "contested"),  # counted to the thousand
        ("more than 160,000 hectares", "167,000 hectares", "agreed"),  # a round floor
    ],
)
def test_a_floor_counted_to_the_thousand_contests_a_higher_area(floor: str, figure: str, status: str) -> None:
    facts = compare_story("s1", *_articles(
        f"The fire near Valmora has burned {floor}, officials said on Friday.",
        f"The fire near Valmora has burned {figure}, officials said on Friday.",
    ))
    assert [f.status for f in facts if f.kind == "count"] == [status]


def test_sailors_are_the_crew() -> None:
    facts = compare_story("s1", *_articles(
        "All 22 crew members aboard the Valmora were accounted for, the ship's manager said.",
        "The Valmora was carrying a team of 21 sailors, none of whom was hurt, the ship's manager said.",
    ))
    assert [f.status for f in facts if "crew" in f.label] == ["contested"]


@pytest.mark.parametrize("sentence", ["The prime minister imposed a curfew from 6pm to 6am.",
                                      "The 6 p.m. to 6 a.m. curfew remains in force."])
def test_the_end_of_a_span_of_hours_is_not_another_time(sentence: str) -> None:
    assert [o.norm["minutes"] for o in _kinds(sentence, "time")] == [18 * 60]


def test_the_number_of_confirmed_dead_is_the_toll() -> None:
    (toll,) = [o for o in _kinds("Rescuers searched on, as the number of confirmed dead rose to 48.", "count")]
    assert (toll.norm["n"], toll.pred) == (48, "kill")


@pytest.mark.parametrize(("floor", "figure", "status"),
                         [("at least 45", 48, "contested"), ("at least 75", 78, "agreed")])
def test_a_floor_ending_in_five_is_a_count_unless_a_quarter(floor: str, figure: int, status: str) -> None:
    facts = compare_story("s1", *_articles(
        f"{floor.capitalize()} migrants drowned off the coast of Valmora on Tuesday, the agency said.",
        f"The death toll of migrants who drowned off the coast of Valmora on Tuesday rose to {figure}, the agency "
        "said.",
    ))
    assert [f.status for f in facts if "killed" in f.label] == [status]


def test_how_high_the_flames_rose_is_one_measure() -> None:
    facts = compare_story("s1", *_articles(
        "Video showed a column of fire about 30 metres (100 feet) high rising above the rooftops of Valmora.",
        "Witnesses in Valmora said the flames shot some 60 metres into the air after the pipeline ruptured.",
    ))
    assert [f.status for f in facts if f.kind == "count"] == ["contested"]


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("The bridge, some 100 km (62 miles) from the capital, fell into the river at about 9:30 a.m.", "collapse"),
        ("The bus plunged into the river at 3 a.m. after a landslide hit the road.", "crash"),
    ],
)
def test_a_structure_falling_and_a_vehicle_plunging(sentence: str, head: str) -> None:
    assert [o.head for o in _kinds(sentence, "time")] == [head]


def test_pupils_not_accounted_for_are_missing() -> None:
    (count,) = _kinds("Seventy pupils had not been accounted for by Friday morning, the ministry said.", "count")
    assert count.pred == "missing"


def test_an_outlet_leading_with_the_children_killed_gives_the_toll() -> None:
    facts = compare_story("s1", *_articles(
        "A fire tore through a school dormitory in Valmora overnight, killing 17 pupils, police said on Friday.",
        "At least 18 children were killed when fire swept through a school dormitory in Valmora, police said.",
    ))
    assert [f.status for f in facts if "killed" in f.label] == ["contested"]


def test_children_among_a_toll_stay_apart() -> None:
    facts = compare_story("s1", *_articles(
        "A fire tore through a market in Valmora overnight, killing 40 people, including 15 children.",
        "At least 40 people were killed when fire swept through a market in Valmora, police said.",
    ))
    assert [f for f in facts if f.status == "contested"] == []


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("about 5 km", "six kilometres", "value"),  # a whole unit apart in a small figure
        ("about 8 knots", "nine knots", "value"),
        ("about 300 metres", "310 metres", None),  # a larger figure keeps the hedge's slack
    ],
)
def test_a_hedge_does_not_bridge_a_whole_unit_of_a_small_figure(first: str, second: str, conflict: str | None) -> None:
    from wiredesk.core.facts.compare import conflict as compare

    (a,) = _kinds(f"The ship was travelling at {first} when it struck.", "count")
    (b,) = _kinds(f"The ship was travelling at {second} when it struck.", "count")
    assert compare(a, b) == conflict


@pytest.mark.parametrize(
    ("sentence", "n"),
    [
        ("Nine of the wounded were in serious condition, the emergency service said.", 9),
        ("Fourteen people were killed and 25 injured, 10 of them seriously, police said.", 10),
        ("Two of the injured are in critical condition.", 2),
    ],
)
def test_the_seriously_hurt_are_a_figure_of_their_own(sentence: str, n: int) -> None:
    serious = [o for o in _kinds(sentence, "count") if o.pred == "serious"]
    assert [o.norm["n"] for o in serious] == [n]
    assert all(o.pred != "serious" for o in _kinds(sentence, "count") if o.norm["n"] != n)


def test_two_outlets_seriously_hurt_figures_contest() -> None:
    facts = compare_story("s1", *_articles(
        "A student opened fire at the university in Valmora on Thursday. Nine of the wounded were in serious "
        "condition, the emergency service said.",
        "Fourteen people were killed and 25 injured, 10 of them seriously, when a student opened fire at the "
        "university in Valmora on Thursday, police said.",
    ))
    assert [f.status for f in facts if "seriously" in f.label] == ["contested"]


def test_how_high_an_aircraft_got_is_its_altitude() -> None:
    facts = compare_story("s1", *_articles(
        "The aircraft climbed to only about 625 feet (190 metres) before it began to descend near Valmora.",
        "The aircraft reached a height of barely 825 feet before it lost lift and came down near Valmora.",
    ))
    assert [(f.status, f.label) for f in facts if f.kind == "count"] == [("contested", "altitude (FEET)")]


def test_the_passengers_injured_and_the_people_injured_are_one_figure() -> None:
    facts = compare_story("s1", *_articles(
        "The airline said 14 passengers were injured, none of them seriously, after the jet caught fire at Valmora.",
        "The fire department said 17 people were injured after the jet caught fire on the runway at Valmora.",
    ))
    assert [f.status for f in facts if "injured" in f.label] == ["contested"]


@pytest.mark.parametrize(("sentence", "n"), [("The migrants were made to jump around one kilometre offshore.", 1),
                                             ("The village lies 1 mile from the dam.", 1)])
def test_a_single_unit_of_length_is_a_measure(sentence: str, n: int) -> None:
    (length,) = _kinds(sentence, "count")
    assert length.head == "length" and length.norm["n"] == n


def test_how_far_a_vehicle_went_is_one_measure() -> None:
    facts = compare_story("s1", *_articles(
        "Police said the car entered the Valmora market at 7 p.m. and drove about 400 metres through the crowd.",
        "It travelled about 250 metres through the market, hitting people between the stalls.",
    ))
    assert [(f.status, f.label) for f in facts if f.kind == "count"] == [("contested", "distance travelled (METRE)")]


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # those still in a state, with no verb, or still being searched for
        ("Rescuers found the bodies of 11 hikers, with 12 others still missing, officials said.",
         [(11, "body", "recover"), (12, "people", "missing")]),
        ("The toll rose to 13, while 10 others are still being searched for near the summit.",
         [(13, "people", "kill"), (10, "people", "missing")]),
        # a toll named by what it counts, with a long place before its figure
        ("The number of hikers killed in the eruption of Mount Valmora in North Tarvena has risen to 13.",
         [(13, "hiker", "kill")]),
        # a vague figure is no count, and no crash
        ("Two bodies were found, with dozens more missing.", [(2, "body", "recover")]),
    ],
)
def test_counts_of_those_still_missing_and_tolls_named_first(sentence: str, figures: list) -> None:
    assert [(o.lo, o.head, o.pred) for o in _kinds(sentence, "count")] == figures


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("Valmora erupted at 2:54 p.m. local time on Sunday.", "eruption"),
        ("Valmora, which towers over two districts, erupted at 14.54 WIB on Sunday.", "eruption"),
        ("Fighting erupted at 3 p.m. on Sunday.", "event"),
        ("Violence, which began overnight, erupted at 3 p.m. on Sunday.", "event"),
    ],
)
def test_a_named_volcano_erupts(sentence: str, head: str) -> None:
    (time,) = _kinds(sentence, "time")
    assert time.head == head


def test_indonesian_western_time_is_a_zone() -> None:
    (time,) = _kinds("Valmora erupted at 14.54 WIB on Sunday.", "time")
    assert time.norm["zone"] == "WIB"
    assert time.norm.get("utc") == "07:54"  # UTC+7


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Security forces freed the train, killing all 33 militants involved.", [(33, "attacker", "kill")]),
        ("He said 354 hostages had been rescued, 37 of them with injuries, and that all 33 attackers had "
         "been killed.", [(354, "hostage", "rescue"), (33, "attacker", "kill")]),
        ("He said a total of 346 hostages had been safely recovered since Tuesday.", [(346, "hostage", "rescue")]),
        ("Rescuers recovered 12 bodies from the river.", [(12, "body", "recover")]),
        ("The army said 21 passengers had been martyred by the hijackers.", [(21, "passenger", "kill")]),
    ],
)
def test_a_siege_counts(sentence: str, figures: list) -> None:
    assert [(o.lo, o.head, o.pred) for o in _kinds(sentence, "count")] == figures


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("The express was ambushed at about 11:30 a.m. on Tuesday.", "attack"),
        ("The train had left Valmora for Mirrel at 9am.", "depart"),
        ("The storm left Mirrel at 9am.", "storm"),  # a storm leaving is no journey
    ],
)
def test_whose_time_a_journey_gives(sentence: str, head: str) -> None:
    (time,) = _kinds(sentence, "time")
    assert time.head == head


def test_hostages_killed_line_up_with_passengers_killed() -> None:
    facts = compare_story("s1", *_articles(
        "Gunmen seized a train near Mirrel on Tuesday. The army said 21 passengers were killed.",
        "Gunmen seized a train near Mirrel on Tuesday. The army said on Friday that 26 hostages were killed.",
    ))
    assert [(f.status, sorted(v.value for v in f.values)) for f in facts if f.kind == "count"
            and f.status == "contested"] == [("contested", ["21", "26"])]


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        # the clause after "when" says what happened at that time
        ("The jet was landing at around 2:15 p.m. local time when it struck the runway hard.", "crash"),
        ("The plane was cruising at 11 a.m. when it exploded.", "explosion"),
        # "it" striking says nothing of what "it" is: no attack
        ("It struck at around 1.30pm local time, shooting ash high above the crater.", "event"),
        ("The quake struck at 4:17 a.m.", "quake"),
    ],
)
def test_what_a_time_dates_when_a_clause_follows(sentence: str, head: str) -> None:
    (time,) = _kinds(sentence, "time")
    assert time.head == head


def test_a_year_in_a_relative_clause_is_not_the_events() -> None:
    """", where the team was to parade its first trophy since 2008" dates the trophy, not the crush."""
    facts = compare_story("s1", *_articles(
        "A crush outside the Mirrel stadium killed 11 fans on Wednesday.\n"
        "The crush happened at around 3:30 p.m. as thousands of fans pushed towards the gates.",
        "Eleven fans died in a crush outside a stadium in Mirrel.\n"
        "The crush took place shortly after 5pm on Wednesday outside the stadium, where the team was due "
        "to parade its first trophy since the league began in 2008.",
    ))
    assert [f.status for f in facts if f.kind == "time"] == ["contested"]


def test_how_far_a_river_rose_is_one_figure_per_outlet() -> None:
    """"rose 26 feet in 45 minutes" and "climbing some 22 feet": by how much, apart from the
    level a river "rose to"."""
    facts = compare_story("s1", *_articles(
        "Flash floods swept Mirrel on Friday.\nThe Valmora rose 26 feet in 45 minutes near Mirrel, officials said.",
        "Flash floods swept Mirrel on Friday.\nThe gauge showed the Valmora climbing some 22 feet in roughly an hour.",
    ))
    (rise,) = [f for f in facts if f.label.startswith("rise of the water")]
    assert rise.status == "contested"


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("The attacker killed three people and wounded at least four others seriously.",
         [(3, "people", "kill", "="), (4, "people", "serious", ">=")]),
        ("Of the eight people who were injured, four were seriously hurt, police said.",
         [(8, "people", "injure", "="), (4, "people", "serious", "=")]),
        ("Five people were critically injured.", [(5, "people", "serious", "=")]),
        ("Five people were injured.", [(5, "people", "injure", "=")]),
    ],
)
def test_the_seriously_hurt_said_with_an_adverb(sentence: str, figures: list) -> None:
    assert [(o.lo, o.head, o.pred, o.norm["op"]) for o in _kinds(sentence, "count")] == figures


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("A second man was detained on Saturday, police said, bringing the number of people in custody to 2.",
         (2, "people", "arrest")),
        ("The blaze spread overnight, taking the number of houses destroyed to 400.", (400, "home", "destroy")),
    ],
)
def test_a_figure_after_bringing_the_number_of(sentence: str, figure: tuple) -> None:
    assert [(o.lo, o.head, o.pred) for o in _kinds(sentence, "count")] == [figure]


@pytest.mark.parametrize(
    ("sentence", "attackers"),
    [
        ("The attacker, identified by police as 28-year-old Ana Tarvena of Mirrel, was a former student.", True),
        ("The assailant, aged 34, was later named as Ravi Orvello.", True),
        ("A 28-year-old gunman opened fire in Mirrel.", True),
        ("The gunman killed a 9-year-old girl in Mirrel.", False),  # the victim's age
    ],
)
def test_the_attackers_age(sentence: str, attackers: bool) -> None:
    from wiredesk.core.facts.leads import attackers_age

    (age,) = _kinds(sentence, "count")
    assert attackers_age(sentence, age.start, age.end) is attackers


def test_two_outlets_ages_of_the_attacker_are_one_fact() -> None:
    facts = compare_story("s1", *_articles(
        "A gunman killed six people at a school in Mirrel on Monday.\n"
        "The attacker, identified by police as 28-year-old Ana Tarvena, was a former pupil.",
        "A gunman killed six people at a school in Mirrel on Monday.\n"
        "An armed assailant aged 27 years opened fire inside the school.",
    ))
    (age,) = [f for f in facts if f.label == "age of the attacker"]
    assert age.status == "contested"
