"""Slots that outlets word differently: the time of "the accident" and of "the collision",
a bracketed conversion to another country's clock, hedged clock times read as spans, and
a thing each outlet counts once. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from stories import observe_sentence
from test_facts_incidents import _articles
from wiredesk.core.facts import compare_story


def _times(*bodies: str) -> list[tuple[str, list[str]]]:
    facts = compare_story("s1", *_articles(*bodies))
    return [(f.status, sorted(v.value for v in f.values)) for f in facts if f.kind == "time" and f.sources >= 2]


def test_a_bracketed_reading_on_another_countrys_clock_is_that_instant() -> None:
    times = [o for o in observe_sentence(
        "The collision happened at about 7pm local time (2.30pm Irish time) on Friday.", date(2031, 3, 7))
        if o.kind == "time"]
    assert [o.norm["hh:mm"] for o in times] == ["19:00"]


def test_the_accident_and_the_collision_are_one_time_slot() -> None:
    assert _times(
        "Two trains collided near Mirrel junction on Friday.\nThe accident happened around 7.20 pm, police said.",
        "Two trains collided near Mirrel junction on Friday.\nThe collision took place at around 7 pm on Friday.",
    ) == [("contested", ["around 7.20 pm", "at around 7 pm"])]


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("shortly before 6 a.m.", "at around 5:30 a.m.", "agreed"),  # the half hour before six
        ("shortly after 10 p.m.", "about 10:20 p.m.", "agreed"),  # the half hour after ten
        ("shortly before 4 a.m.", "4:15 a.m.", "contested"),  # after four is not before it
        ("about 9 p.m.", "8:55 p.m.", "agreed"),  # a quarter of an hour either side
        ("around 7 p.m.", "7:20 p.m.", "contested"),
    ],
)
def test_hedged_clock_times_are_spans(first: str, second: str, status: str) -> None:
    times = _times(f"A bus overturned near Tarvena on Monday.\nThe crash happened {first}, police said.",
                   f"A bus overturned near Tarvena on Monday.\nThe crash happened {second}, police said.")
    assert [s for s, _ in times] == [status]


def test_a_thing_each_outlet_counts_once_is_one_slot() -> None:
    facts = compare_story("s1", *_articles(
        "Gunmen seized pupils from a school in Corvana.\nTwo teachers were also released, he added.",
        "Gunmen seized pupils from a school in Corvana.\nTwo teachers were released with the children.",
        "Gunmen seized pupils from a school in Corvana.\nThree teachers were released with the pupils on Sunday.",
    ))
    teachers = [f for f in facts if "teacher" in f.label]
    assert [(f.status, f.sources) for f in teachers] == [("contested", 3)]


def test_a_vague_word_never_stands_for_an_outlets_count() -> None:
    facts = compare_story("s1", *_articles(
        "The attack on the hospital network in Corvana disrupted care for thousands of patients.",
        "Some 210 patients arriving by ambulance were sent to other hospitals in Corvana.",
    ))
    assert not [f for f in facts if f.status == "contested"]


def _temperatures(*bodies: str) -> list[tuple[str, int]]:
    facts = compare_story("s1", *_articles(*bodies))
    return [(f.status, f.sources) for f in facts if f.label.startswith("temperature") and f.sources >= 2]


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("46.2C", "115.2 degrees Fahrenheit", "agreed"),
        ("40°C (104°F)", "104F", "agreed"),
        ("46.2C", "47C", "contested"),
        ("46.2 degrees Celsius", "118F", "contested"),
    ],
)
def test_temperatures_compare_across_scales(first: str, second: str, status: str) -> None:
    day = "in Mirrel on Wednesday, the highest ever recorded in the country, the weather service said."
    assert _temperatures(f"The temperature reached {first} {day}", f"The temperature reached {second} {day}") == [
        (status, 2)]


def test_nautical_miles_are_not_statute_miles() -> None:
    facts = compare_story("s1", *_articles(
        "The boat capsized about 20 nautical miles off the coast of Tarvena on Tuesday.",
        "The boat capsized roughly 37 km off the coast of Tarvena on Tuesday.",
    ))
    assert [(f.status, f.sources) for f in facts if f.sources >= 2 and f.kind == "count"] == [("agreed", 2)]


@pytest.mark.parametrize(
    ("sentence", "hhmm"),
    [
        ("The storm made landfall at 15:00 on Tuesday.", "15:00"),
        ("The fire broke out shortly after 07:45.", "07:45"),
        ("The plane vanished from radar 23:30 on Tuesday.", "23:30"),
    ],
)
def test_a_24_hour_clock_after_at_or_before_a_day_is_a_time(sentence: str, hhmm: str) -> None:
    assert [o.norm["hh:mm"] for o in observe_sentence(sentence, date(2031, 3, 12)) if o.kind == "time"] == [hhmm]


@pytest.mark.parametrize("sentence", ["The team won 3:1 at home.", "Shares closed at 14.50 on Friday.",
                                      "The map is drawn at 1:50,000."])
def test_scores_prices_and_scales_are_not_times(sentence: str) -> None:
    assert not [o for o in observe_sentence(sentence, date(2031, 3, 12)) if o.kind == "time"]


def test_the_number_of_a_thing_named_before_its_figure_is_read() -> None:
    counts = [(o.surface, o.head, o.pred) for o in observe_sentence(
        "The number of people evacuated has reached 3,000.", None) if o.kind == "count"]
    assert counts == [("3,000", "people", "evacuate")]
    counts = [(o.surface, o.head) for o in observe_sentence(
        "The number of confirmed cases rose to 1,428 on Monday.", None) if o.kind == "count"]
    assert counts == [("1,428", "case")]


def test_the_missing_falling_from_one_days_reports_to_the_next_is_an_update() -> None:
    from dataclasses import replace

    def missing(first: str, second: str) -> list[tuple[str, str | None]]:
        articles, analyses = _articles(
            "Eighteen people were still missing on Tuesday after a boat capsized off Tarvena.",
            "Fifteen people were still missing after a boat capsized off Tarvena on Tuesday.")
        articles = [replace(articles[0], published=first), replace(articles[1], published=second)]
        facts = compare_story("s1", articles, analyses)
        return [(f.status, f.conflict) for f in facts if "missing" in f.label]

    assert missing("2031-06-11", "2031-06-12") == [("contested", "update")]  # people were found
    assert missing("2031-06-12", "2031-06-11") == [("contested", "value")]  # more missing later: no update


@pytest.mark.parametrize(("one", "other"), [("inmates", "prisoners"), ("boats", "vessels"),
                                            ("pupils", "schoolchildren")])
def test_outlets_name_one_group_two_ways(one: str, other: str) -> None:
    heads = {o.head for text in (f"Police said 40 {one} were involved.", f"Police said 40 {other} were involved.")
             for o in observe_sentence(text, None) if o.kind == "count"}
    assert len(heads) == 1


def test_a_fixed_figure_that_differs_a_day_later_is_no_update() -> None:
    from dataclasses import replace

    articles, analyses = _articles(
        "Four crew members were aboard the plane that crashed near Tarvena, the airline said.",
        "Six crew members were aboard the plane that crashed near Tarvena, the airline said.")
    articles = [replace(articles[0], published="2031-06-11"), replace(articles[1], published="2031-06-12")]
    crew = [(f.status, f.conflict) for f in compare_story("s1", articles, analyses) if "crew" in f.label]
    assert crew == [("contested", "value")]


def test_an_age_or_a_duration_is_no_arrest_figure() -> None:
    from wiredesk.core.facts.leads import lead_key

    found = [o for o in observe_sentence(
        "The suspect, a 24-year-old man, was taken into custody after officers reached him within four minutes.",
        None) if o.kind == "count"]
    assert [lead_key(o) for o in found] == [None, None]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("at 11:45 in Valmora", "at 0945 GMT"),  # a city's clock and the universal one: one instant
        ("shortly before noon", "at 0945 GMT"),  # the universal clock is not the local one
        ("at 11:00", "at 1 p.m. Corvana time"),  # another country's clock, not in the zone table
    ],
)
def test_a_time_on_another_clock_does_not_contest_the_local_one(first: str, second: str) -> None:
    times = _times(f"The jury in Valmora named the winner on Monday.\nThe name was announced {first}.",
                   f"The jury in Valmora named the winner on Monday.\nThe name was announced {second}.")
    assert [s for s, _ in times if s == "contested"] == []


def test_two_readings_on_the_same_unknown_clock_still_compare() -> None:
    times = _times("A tremor shook Corvana on Monday.\nIt struck at 7:58 a.m. Mirrel time.",
                   "A tremor shook Corvana on Monday.\nIt struck at 8:58 a.m. Mirrel time.")
    assert [s for s, _ in times] == ["contested"]


def test_lengths_of_two_things_are_two_slots() -> None:
    # the ship's length in two outlets contests; the bridge's length is another slot
    facts = compare_story("s1", *_articles(
        "A cargo ship struck the Orvello Bridge in Corvana on Tuesday.\n"
        "The ship, which is 984 feet long, was travelling at 8 knots when it hit the pillar.\n"
        "The 1.6-mile bridge carried 30,000 vehicles a day.",
        "A cargo ship struck the Orvello Bridge in Corvana on Tuesday.\n"
        "The 948-foot ship lost power minutes before the crash.\n"
        "The 2.6-km bridge opened to traffic decades ago.",
    ))
    sizes = {f.label: (f.status, sorted(v.value for v in f.values)) for f in facts if f.label.startswith("size of")}
    assert sizes["size of the ship (FEET)"] == ("contested", ["948-foot", "984"])
    assert sizes["size of the bridge (KM / MILE)"][0] == "agreed"


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("The vessel struck the bridge at 1:28 a.m., officials said.", "crash"),
        ("A bus hit a wall at 7:10 p.m. on the ring road.", "crash"),
        ("The freighter slammed into the pier at 1:35 a.m.", "crash"),
        ("A missile struck the bridge at 1:28 a.m., officials said.", "attack"),
    ],
)
def test_a_vehicle_hitting_something_is_a_collision_not_an_attack(sentence: str, head: str) -> None:
    (time,) = [o for o in observe_sentence(sentence, date(2031, 3, 4)) if o.kind == "time"]
    assert time.head == head


def test_a_second_clock_in_brackets_is_the_same_instant() -> None:
    times = [o for o in observe_sentence("The vessel struck the bridge at 1:28 a.m. EDT (0528 GMT), police said.",
                                         date(2031, 3, 4)) if o.kind == "time"]
    assert [o.surface for o in times] == ["1:28 a.m. EDT"]


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("The overloaded vessel overturned early on Tuesday off the coast.", "sink"),
        ("The fishing boat capsized early on Wednesday.", "sink"),
        ("A bus overturned early on Tuesday near Mirrel.", "derail"),
    ],
)
def test_a_boat_overturning_is_a_sinking(sentence: str, head: str) -> None:
    (day,) = [o for o in observe_sentence(sentence, date(2031, 6, 15)) if o.kind == "date"]
    assert day.head == head


@pytest.mark.parametrize(
    ("sentence", "thing"),
    [
        ("The fissure that opened north of Mirrel on Monday has lengthened to about 4 km.", "fissure"),
        ("Lava spewed from a fissure stretching for almost 4 miles.", "fissure"),
        ("The crack is about 3.5 kilometres in length, the office said.", "fissure"),  # one thing, two words
        ("The vessel, which is 300 metres long, lost power.", "ship"),
    ],
)
def test_the_thing_a_length_measures(sentence: str, thing: str) -> None:
    (length,) = [o for o in observe_sentence(sentence, date(2031, 12, 19)) if o.kind == "count"]
    assert length.anchor == frozenset({thing})


def test_a_day_on_another_clock_does_not_date_the_event() -> None:
    found = observe_sentence("The eruption began at 22:17 GMT, which was 2:17am on Tuesday UAE time.",
                             date(2031, 12, 19))
    assert [o.kind for o in found if o.kind == "date"] == []
    assert [o.norm.get("zone") for o in found if o.kind == "time"] == ["GMT", "UAE time"]  # 22:17: near midnight


def test_a_volcano_that_burst_erupted() -> None:
    (day,) = [o for o in observe_sentence("A volcano burst near Mirrel on Sunday after weeks of tremors.",
                                          date(2031, 12, 19)) if o.kind == "date"]
    assert day.head == "eruption"


def test_a_day_on_another_clock_at_midday_is_still_the_day() -> None:
    found = observe_sentence("The boat overturned around noon Dhaka time on Monday near Mirrel.", date(2031, 10, 15))
    assert [o.norm.get("weekday") for o in found if o.kind == "date"] == [0]


def test_a_fires_storeys_floor_and_time() -> None:
    found = observe_sentence("The blaze broke out at 8:54 p.m. in the ground-floor warehouse of the seven-storey "
                             "building.", date(2031, 11, 12))
    assert [(o.kind, o.head, o.norm.get("n", o.norm.get("minutes"))) for o in found] == [
        ("time", "fire", 1254), ("count", "floor", 0), ("count", "storey", 7)]


def test_fires_and_blazes_are_one_timed_event() -> None:
    times = _times("A fire swept through a warehouse in Mirrel on Tuesday.\nThe blaze broke out at 8:54 p.m.",
                   "A fire swept through a warehouse in Mirrel on Tuesday.\nThe fire broke out at around 10.30pm.")
    assert [s for s, _ in times] == ["contested"]


def test_opening_fire_is_a_shooting() -> None:
    (day,) = [o for o in observe_sentence("Gunmen opened fire on Sunday at a market.", date(2031, 11, 12))
              if o.kind == "date"]
    assert day.head == "shooting"


def test_a_surname_spelt_with_a_letter_dropped_is_one_person() -> None:
    facts = compare_story("s1", *_articles(
        "A fire gutted a factory in Mirrel on Tuesday.\nPolice detained the owner, Abdul Karim Bhuiya, on Wednesday.",
        "A fire gutted a factory in Mirrel on Tuesday.\nThe owner, Abdul Karim Bhuiyan, is absconding, police said.",
    ))
    names = [(f.status, sorted(v.value for v in f.values)) for f in facts if f.kind == "name"]
    assert ("contested", ["Abdul Karim Bhuiya", "Abdul Karim Bhuiyan"]) in names


@pytest.mark.parametrize(
    ("sentence", "head", "pred"),
    [
        ("A blast at a coal pit slew eleven miners on Tuesday evening.", "miner", "kill"),
        ("A robust twister carved a trail across the county late Thursday, slaying no fewer than 9 people.",
         "people", "kill"),
        ("At least 40 people perished when the ferry sank.", "people", "kill"),
    ],
)
def test_less_common_words_for_killing(sentence: str, head: str, pred: str) -> None:
    counts = [o for o in observe_sentence(sentence, date(2031, 3, 13)) if o.kind == "count"]
    assert (counts[0].head, counts[0].pred) == (head, pred)


def test_a_name_with_accented_letters_is_compared() -> None:
    facts = compare_story("s1", *_articles(
        "A knife attack at a festival in Schwäbisch Gmünd left one dead on Saturday.",
        "A knife attack at a festival in Schwäbisch Gmünd left one dead on Saturday, police said.",
        "A knife attack at a festival in Schwabish Gmund left one dead on Saturday.",
    ))
    spellings = [sorted(v.value for v in f.values) for f in facts if f.kind == "name" and f.status == "contested"]
    assert ["Schwabish", "Schwäbisch"] in spellings


def test_others_hurt_after_a_death_are_the_injured() -> None:
    counts = [o for o in observe_sentence("One man was killed and five other people were injured in a knife attack.",
                                          date(2031, 7, 20)) if o.kind == "count"]
    assert [(o.surface, o.pred) for o in counts] == [("One", "kill"), ("five", "injure")]


@pytest.mark.parametrize(
    ("sentence", "n"),
    [
        ("One woman died when the roof of the market hall fell in.", 1),
        ("One person was injured, the county said.", 1),
        ("A second person has died after the stabbing in the square, police said on Monday.", 2),
        ("The third victim died in hospital overnight.", 3),
    ],
)
def test_one_person_harmed_and_a_death_told_by_its_rank_are_counts(sentence: str, n: int) -> None:
    (count,) = [o for o in observe_sentence(sentence, date(2031, 7, 20)) if o.kind == "count"]
    assert count.norm["n"] == n and count.norm["unit"] == "people"


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was killed in the fire at the depot.",
        "One person died at the scene and another later in hospital.",
        "One of the injured remains in a critical condition.",
        "One witness said the man was wounded in the leg.",
    ],
)
def test_one_that_is_not_the_toll_is_no_count(sentence: str) -> None:
    assert [o for o in observe_sentence(sentence, date(2031, 7, 20)) if o.kind == "count"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The fire was about 15 kilometers (9 miles) from the city's edge on Wednesday evening.",
        "The ship was 30 km off the coast when it lost power.",
    ],
)
def test_a_distance_is_not_the_size_of_the_subject(sentence: str) -> None:
    (length,) = [o for o in observe_sentence(sentence, date(2031, 8, 17)) if o.kind == "count"]
    assert length.anchor == frozenset()


def test_deputies_called_to_a_scene_are_not_a_statement() -> None:
    (time,) = [o for o in observe_sentence("Deputies were called to the dance studio at 10:22 p.m., where they found "
                                           "patrons running.", date(2031, 1, 22)) if o.kind == "time"]
    assert time.norm["minutes"] == 22 * 60 + 22


def test_a_storms_landfall_is_one_timed_event() -> None:
    times = _times("Hurricane Corva hit the coast near Mirrel on Wednesday.\n"
                   "Corva made landfall at 12:25 a.m. local time (0625 GMT) early Wednesday.",
                   "Hurricane Corva hit the coast near Mirrel on Wednesday.\n"
                   "The Category 5 tempest struck land at 1:25 a.m. local time on Wednesday.")
    assert [s for s, _ in times] == ["contested"]


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("The first 911 calls came in at 3:36 p.m., Fire Chief Ana Ruiz said.", "event"),  # the source closes it
        ("The shooting erupted at around 4:30 p.m. at the mall.", "shooting"),  # no volcano
        ("The eruption began at 22:17 local time, the office said.", "eruption"),
        ("The volcano erupted at 10:17 pm on Monday.", "eruption"),
    ],
)
def test_whose_time_a_clock_reading_is(sentence: str, head: str) -> None:
    (time,) = [o for o in observe_sentence(sentence, date(2031, 5, 7)) if o.kind == "time"]
    assert time.head == head


def test_an_emergency_number_is_not_a_count() -> None:
    assert [o for o in observe_sentence("The first 911 calls came in at 3:36 p.m.", date(2031, 5, 7))
            if o.kind == "count"] == []


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("Interior Minister", "Interior Undersecretary", "contested"),  # one department, two posts
        ("Interior Minister", "Professor", None),  # different kinds of title: one person may hold both
    ],
)
def test_two_posts_of_one_department_are_a_title_contest(first: str, second: str, status: str | None) -> None:
    facts = compare_story("s1", *_articles(
        f"Wildfires near Mirrel killed 40 people, {first} Carla Ruiz said on Saturday.",
        f"Wildfires near Mirrel destroyed 1,600 homes, {second} Carla Ruiz said on Saturday.",
    ))
    titles = [f.status for f in facts if f.kind == "title"]
    assert titles == ([status] if status else [])


def test_a_curfews_start_is_a_timed_fact() -> None:
    times = _times("Wildfires raged near Mirrel on Saturday.\nAuthorities imposed a curfew from 9 p.m. in the area.",
                   "Wildfires raged near Mirrel on Saturday.\nA curfew from 6 p.m. has been enforced, officials said.")
    assert [s for s, _ in times] == ["contested"]


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("Coast guard spokesman Ivo Marek said the boat refused help.",
         "Ivo Marek, the head of the Valmoran Coast Guard, said the boat refused help.", "contested"),
        ("Ivo Marek, spokesman for the Civil Aviation Authority, said the plane broke apart.",
         "Ivo Marek, director general of the Civil Aviation Authority, said the plane broke apart.", "contested"),
        ("Ivo Marek, spokesman for the Civil Aviation Authority, said the plane broke apart.",
         "Ivo Marek, head of the Mirrel Chess Club, said the plane broke apart.", None),  # two bodies
    ],
)
def test_a_post_after_the_name_is_a_title(first: str, second: str, status: str | None) -> None:
    facts = compare_story("s1", *_articles(f"A boat sank off Mirrel on Monday.\n{first}",
                                           f"A boat sank off Mirrel on Monday.\n{second}"))
    assert [f.status for f in facts if f.kind == "title"] == ([status] if status else [])


def test_a_tornados_touchdown_is_its_time() -> None:
    times = _times("A tornado tore through Mirrel county late Friday.\n"
                   "The twister touched down shortly after 11 p.m. near Mirrel.",
                   "A tornado tore through Mirrel county late Friday.\n"
                   "Forecasters tracked the storm as it touched down at 10:40 p.m. Friday.")
    assert [s for s, _ in times] == ["contested"]


def test_money_is_never_people() -> None:
    counts = [o for o in observe_sentence("The families of the dead will receive 10 million tenge, and the seriously "
                                          "injured 3 million tenge.", date(2031, 3, 14)) if o.kind == "count"]
    assert [(o.head, o.pred) for o in counts] == [("tenge", None), ("tenge", None)]


@pytest.mark.parametrize(
    ("sentence", "thing"),
    [
        ("The earth-fill dam, about 15 metres (49 feet) high, was built for a farm.", "dam"),
        ("The barrage, approximately 12-meter high, burst at around 10:30 pm.", "dam"),
    ],
)
def test_a_size_in_commas_after_the_thing(sentence: str, thing: str) -> None:
    (length,) = [o for o in observe_sentence(sentence, date(2031, 5, 1)) if o.kind == "count"]
    assert length.anchor == frozenset({thing})


def test_a_dam_that_gave_way_collapsed() -> None:
    (day,) = [o for o in observe_sentence("The dam gave way late on Wednesday after days of rain.", date(2031, 5, 1))
              if o.kind == "date"]
    assert day.head == "collapse"


def test_a_bare_figure_taken_to_hospital_is_the_injured() -> None:
    counts = [o for o in observe_sentence("Five people were killed and 47 were taken to hospital when a train "
                                          "derailed.", date(2031, 10, 17)) if o.kind == "count"]
    assert [(o.surface, o.pred) for o in counts] == [("Five", "kill"), ("47", "injure")]


def test_what_a_vehicle_holds_is_compared() -> None:
    facts = compare_story("s1", *_articles(
        "A cable car cabin fell at a ski resort near Mirrel on Sunday.\nThe eight-person cabin dropped 30 metres.",
        "A cable car cabin fell at a ski resort near Mirrel on Sunday.\nThe six-seat cabin fell 18 metres.",
    ))
    (seats,) = [f for f in facts if f.label == "seats in the vehicle"]
    assert (seats.status, sorted(v.value for v in seats.values)) == ("contested", ["eight-person", "six-seat"])


def test_feet_written_ft_are_a_length() -> None:
    (length,) = [o for o in observe_sentence("The cabin dropped close to 100 ft onto the slope.", date(2031, 2, 10))
                 if o.kind == "count"]
    assert (length.head, length.norm["metres"]) == ("length", 30.48)


def test_the_day_of_a_bracketed_universal_time_is_not_the_events() -> None:
    found = observe_sentence("The quake struck at 7:58 a.m. local time (2358 GMT Tuesday) off Mirrel on Wednesday.",
                             date(2031, 4, 3))
    assert [o.norm.get("weekday") for o in found if o.kind == "date"] == [2]


def test_rifles_are_not_all_the_weapons() -> None:
    counts = [o for o in observe_sentence("The gunman carried three weapons, two rifles and a handgun.",
                                          date(2031, 3, 27)) if o.kind == "count"]
    assert len({o.head for o in counts}) == 2


def test_the_one_injured_figure_of_each_outlet_is_one_slot_beside_its_toll() -> None:
    facts = compare_story("s1", *_articles(
        "One man was killed and five other people were injured in a stabbing at a town fair in Valmora on Friday.",
        "Two people died and seven were wounded after a man with a knife ran amok at the town fair in Valmora.",
        "Two people were killed and six hurt when an attacker went on a rampage at the town fair in Valmora on Friday.",
    ))
    injured = [f for f in facts if f.status == "contested" and "injured" in f.label]
    assert [sorted(v.value for v in f.values) for f in injured] == [["five", "seven", "six"]]


def test_accented_words_are_whole_words_and_fold_to_plain_letters() -> None:
    from wiredesk.core.facts.lexicon import content_words

    assert content_words("The fair in Schwäbisch Gmünd and Łódź") == ["fair", "schwabisch", "gmund", "lodz"]


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("The plant employs more than 1,000 workers, the company said.",
         "The plant employs around 1,150 workers, the company said.", "agreed"),
        ("The plant employs more than 1,000 workers, the company said.",
         "The plant employs around 1,600 workers, the company said.", "contested"),
    ],
)
def test_an_estimate_above_a_floor_meets_it_unless_far_above(first: str, second: str, status: str) -> None:
    facts = compare_story("s1", *_articles(first, second))
    assert [f.status for f in facts if "worker" in f.label] == [status]


@pytest.mark.parametrize(
    ("first", "second", "statuses"),
    [
        # a country's clock is an instant: 15:00 in Madrid in July is 13:00 GMT
        ("The final in Mirrel began at 15:00 Spanish time on Sunday, July 13.",
         "The final in Mirrel began at 2 p.m. local time (1300 GMT) on Sunday, July 13.", ["agreed"]),
        ("The final in Mirrel began at 16:00 Spanish time on Sunday, July 13.",
         "The final in Mirrel began at 2 p.m. local time (1300 GMT) on Sunday, July 13.", ["contested"]),
        # another country's clock is not the event's local one: it cannot be set against "11:00"
        ("The prize was announced in Mirrel at 1 p.m. UAE time on Friday, Oct. 10.",
         "The prize was announced in Mirrel at 11:00 on Friday, Oct. 10.", []),
    ],
)
def test_a_countrys_clock(first: str, second: str, statuses: list[str]) -> None:
    assert [s for s, _ in _times(first, second)] == statuses


def test_days_written_as_a_list_date_no_one_event() -> None:
    """"the bombings of two cities on Aug. 6 and Aug. 9" gives each its day."""
    dated = [o for o in observe_sentence(
        "The group speaks for survivors of the bombings of Mirrel and Valmora on Aug. 6 and Aug. 9, 1945.",
        date(2031, 10, 11)) if o.kind == "date"]
    assert dated == []
    (one,) = [o for o in observe_sentence("The quake struck on Monday, Feb. 6, killing thousands.",
                                          date(2031, 2, 7)) if o.kind == "date"]
    assert one.surface == "Monday, Feb. 6"


def test_this_year_gives_no_day_for_a_clock() -> None:
    """"at 1 p.m. ET ... the headline feature this year": the clock is read on the article's
    day (summer time), not on the year's first day."""
    (time,) = [o for o in observe_sentence(
        "The show kicked off at 1 p.m. ET from Mirrel, and the chip is the headline feature this year.",
        date(2031, 9, 9)) if o.kind == "time"]
    assert time.norm["utc"] == "17:00"


def test_several_prices_in_one_sentence_are_of_several_things() -> None:
    """"The X starts at $799, and the X Plus at $899": two products' prices, no price of one
    thing that another outlet's single figure could contest."""
    assert [o for o in observe_sentence("The Valmora Pro starts at $799, and the Valmora Max at $899.",
                                        date(2031, 9, 9)) if o.kind == "count"] == []
    (one,) = [o for o in observe_sentence("The government promised the families compensation of $4,700.",
                                          date(2031, 9, 9)) if o.kind == "count"]
    assert one.lo == 4700


def test_how_high_the_waves_reached() -> None:
    """"waves of up to 5 metres crashed into the coast" is the height reached, against another
    outlet's 1.2 metres; a warning that waves "of up to 5 metres could hit" is no height."""
    facts = compare_story("s1", *_articles(
        "A strong quake struck Mirrel on Monday.\nWaves of 1.2 metres reached the port of Mirrel, the agency said.",
        "A strong quake struck Mirrel on Monday.\nResidents fled as waves of up to 5 metres crashed into the coast.",
    ))
    (waves,) = [f for f in facts if f.label.startswith("height of the waves")]
    assert waves.status == "contested"
    (warned,) = [o for o in observe_sentence("The agency warned that waves of up to 5 metres could hit the coast.",
                                             date(2031, 1, 1)) if o.kind == "count"]
    assert warned.norm["op"] == "<="
