"""Values → status and conflict kind, on two-outlet mini stories written inline."""

from __future__ import annotations

from datetime import date

import pytest
from stories import SimpleAnalysis, observe_sentence, split
from wiredesk.core.facts import compare_story
from wiredesk.core.facts.quantities import find_counts
from wiredesk.core.facts.when import find_dates, find_times
from wiredesk.core.models import Article, Fact


def _article(art_id: str, body: str, published: str, copy_of: str | None = None,
             outlet: str | None = None) -> Article:
    return Article(
        id=art_id, path=f"{art_id}.txt", content_hash=art_id, body=body, raw=body, format="text",
        title=None, outlet=outlet or art_id, byline=None, published=published, published_at=None, dateline=None,
        url=None, captions=[], removed=[], indexed_at="2024-01-01T00:00", story="s", copy_of=copy_of,
    )


def _story(*bodies: str, published: str = "2024-03-08", copies: dict[int, int] | None = None) -> list[Fact]:
    copies = copies or {}
    articles = [
        _article(f"a{i}", body, published, f"a{copies[i]}" if i in copies else None)
        for i, body in enumerate(bodies)
    ]
    return compare_story("s", articles, {a.id: SimpleAnalysis(split(a.body)) for a in articles})


def _only(facts: list[Fact], kind: str) -> Fact:
    found = [f for f in facts if f.kind == kind and f.sources >= 2]
    assert len(found) == 1, [(f.label, f.status, [v.value for v in f.values]) for f in facts]
    return found[0]


@pytest.mark.parametrize(
    ("first", "second", "status", "conflict"),
    [
        ("more than 40 people were rescued from the flooded mine", "43 people were rescued from the flooded mine",
         "agreed", None),
        ("The jets hit 60 sites across the border region overnight",
         "The jets hit more than 60 sites across the border region overnight", "contested", "precision"),
        ("The jets hit dozens of sites across the border region overnight",
         "The jets hit 60 sites across the border region overnight", "contested", "precision"),
        ("At least 212 people were killed by the earthquake in the hill towns",
         "At least 230 people were killed by the earthquake in the hill towns", "contested", "bound"),
        ("Three miners were killed in the tunnel collapse at the Dolna pit",
         "Four miners were killed in the tunnel collapse at the Dolna pit", "contested", "value"),
        ("Quarterly revenue rose to $3.5 billion, the retailer said on Tuesday",
         "Quarterly revenue rose to $3.47 billion, the retailer said on Tuesday", "agreed", None),
        ("Turnout in the referendum reached 61% of registered voters",
         "Turnout in the referendum reached 61.4% of registered voters", "agreed", None),
        ("Turnout in the referendum reached 61% of registered voters",
         "Turnout in the referendum reached 58% of registered voters", "contested", "value"),
        ("About 3,500 troops are stationed at the northern garrison",
         "Some 3,400 troops are stationed at the northern garrison", "agreed", None),
        ("About 16,000 residents live in the flood zone below the dam",
         "17,000 residents live in the flood zone below the dam", "contested", "value"),
        ("About 200 residents live in the flood zone below the dam",
         "210 residents live in the flood zone below the dam", "agreed", None),
    ],
)
def test_count_statuses(first: str, second: str, status: str, conflict: str | None) -> None:
    fact = _only(_story(first + ".", second + "."), "count")
    assert (fact.status, fact.conflict) == (status, conflict)


def test_magnitudes_and_ages_are_compared() -> None:
    quake = _only(_story("A magnitude 6.8 earthquake struck the coastal province of Varesk on Monday.",
                         "A 7.1-magnitude earthquake struck the coastal province of Varesk on Monday."), "count")
    assert (quake.status, quake.conflict) == ("contested", "value")
    assert {v.normalized["n"] for v in quake.values} == {6.8, 7.1}
    suspect = _only(_story("Police arrested a 34-year-old man from Dolna over the warehouse fire.",
                           "Police arrested a 34-year-old man from Dolna, officials said, over the fire."), "count")
    assert suspect.status == "agreed"


def test_far_apart_counts_in_unrelated_sentences_do_not_contest() -> None:
    facts = _story(
        "A drone strike in the eastern desert killed six fighters from the rebel alliance.",
        "Bombers fired at supply depots in the north last week, reportedly killing 40 people.",
    )
    assert [f for f in facts if f.status == "contested"] == []


def test_percentages_of_different_things_do_not_contest() -> None:
    facts = _story("Inflation rose to 3.2% in March, the statistics agency said on Friday.",
                   "Unemployment stood at 3.4% in March, the statistics agency said on Friday.")
    assert [f for f in facts if f.status == "contested"] == []


def test_dead_and_people_killed_are_one_count() -> None:
    facts = _story("The ferry capsized off Varesk on Monday, leaving 43 dead, the coastguard said.",
                   "At least 40 people were killed when the ferry capsized off Varesk on Monday.")
    toll = _only(facts, "count")
    assert toll.status == "agreed"
    assert {v.value for v in toll.values} == {"43", "At least 40"}


def test_killed_and_injured_counts_are_different_facts() -> None:
    facts = _story("The blast at the Varesk refinery killed 20 workers on Monday.",
                   "The blast at the Varesk refinery injured 30 workers on Monday.")
    assert [f for f in facts if f.status == "contested"] == []
    workers = [f for f in facts if f.kind == "count"]
    assert len(workers) == 2 and all(f.status == "single" for f in workers)


def test_same_instant_in_two_zones_agrees_in_winter_but_not_in_summer() -> None:
    winter = _story("The talks opened at 10 a.m. GMT on Thursday.", "The talks opened at 11 a.m. in Paris on Thursday.",
                    published="2024-01-12")
    assert _only(winter, "time").status == "agreed"
    summer = _story("The talks opened at 10 a.m. GMT on Thursday.", "The talks opened at 11 a.m. in Paris on Thursday.",
                    published="2024-07-12")
    fact = _only(summer, "time")
    assert (fact.status, fact.conflict) == ("contested", "value")


def test_yesterday_and_weekday_resolve_to_the_same_day() -> None:
    # 2024-03-08 is a Friday
    facts = _story("The bridge collapsed yesterday, killing two drivers.",
                   "The bridge collapsed on Thursday, killing two drivers.")
    fact = _only(facts, "date")
    assert fact.status == "agreed"
    assert [v.normalized["date"] for v in fact.values] == ["2024-03-07"]


def _undated_second(first: str, second: str) -> list:
    articles = [_article("d1", first, "2024-03-08"), _article("d2", second, "2024-03-08")]
    articles[1].published = None
    return compare_story("s", articles, {a.id: SimpleAnalysis(split(a.body)) for a in articles})


def test_relative_dates_in_an_undated_article_do_not_contest() -> None:
    """"Yesterday" in an article without a date was placed against the story's date: a guess."""
    facts = _undated_second("The bridge collapsed on Wednesday, killing two drivers.",
                            "The bridge collapsed yesterday, killing two drivers.")
    assert [f for f in facts if f.status == "contested"] == []


def test_weekdays_named_differently_contest_even_in_an_undated_article() -> None:
    """Whatever day the undated article came out, "Thursday" is not "Wednesday"."""
    facts = _undated_second("The bridge collapsed on Wednesday, killing two drivers.",
                            "The bridge collapsed on Thursday, killing two drivers.")
    fact = _only(facts, "date")
    assert (fact.status, fact.conflict) == ("contested", "value")
    same = _undated_second("The bridge collapsed on March 6, killing two drivers.",
                           "The bridge collapsed on Wednesday, killing two drivers.")  # a Wednesday
    assert [f for f in same if f.status == "contested"] == []


def test_a_day_inside_a_quote_does_not_contest() -> None:
    """"Tonight" as a minister said it may be the night before the paper came out."""
    facts = _story('"The bridge collapsed tonight," the minister said of the crash that killed two drivers.',
                   "The bridge collapsed on Wednesday, killing two drivers.")
    assert [f for f in facts if f.kind == "date" and f.status == "contested"] == []


def test_different_days_contest() -> None:
    facts = _story("The bridge collapsed on Wednesday, killing two drivers.",
                   "The bridge collapsed on Thursday, killing two drivers.")
    fact = _only(facts, "date")
    assert (fact.status, fact.conflict) == ("contested", "value")


def test_a_reprint_does_not_contest_its_original() -> None:
    facts = _story("Three miners were killed in the tunnel collapse at the Dolna pit.",
                   "Four miners were killed in the tunnel collapse at the Dolna pit.", copies={1: 0})
    assert [f for f in facts if f.status == "contested"] == []
    assert all(f.sources == 1 for f in facts)


def test_two_pieces_by_one_outlet_are_one_source() -> None:
    articles = [
        _article("m1", "Three miners were killed in the tunnel collapse at the Dolna pit.", "2024-03-08",
                 outlet="Valley Courier"),
        _article("m2", "Four miners were killed in the tunnel collapse at the Dolna pit.", "2024-03-08",
                 outlet="valley  courier"),
    ]
    facts = compare_story("s", articles, {a.id: SimpleAnalysis(split(a.body)) for a in articles})
    assert [f for f in facts if f.status == "contested"] == []
    assert all(f.sources == 1 for f in facts)


def test_count_reading_keeps_bound_and_counted_noun() -> None:
    (c,) = find_counts("militias have attacked bases with rockets at least 40 times since March")
    assert (c.op, c.n, c.unit, c.noun) == (">=", 40.0, "times", "attack")
    (c,) = find_counts("the numerous raids – reportedly amounting to over 70 – on border posts")[1:]
    assert (c.op, c.n, c.noun) == (">", 70.0, "attack")
    (c,) = find_counts("roughly 3,500 American military personnel")
    assert (c.op, c.n, c.noun) == ("~", 3500.0, "troops")
    assert find_counts("in 2019 the B-1 bombers left at 9:30") == []


def test_dates_resolve_against_publication() -> None:
    thursday = date(2024, 2, 8)
    got = {d.surface: (d.lo.isoformat(), d.hi.isoformat()) for d in find_dates(
        "on Wednesday evening, last Friday, the Jan. 28 attack, last month, yesterday", thursday)}
    assert got["Wednesday evening"] == ("2024-02-07", "2024-02-07")  # the part of the day is read with it
    assert got["last Friday"] == ("2024-02-02", "2024-02-02")
    assert got["Jan. 28"] == ("2024-01-28", "2024-01-28")
    assert got["last month"] == ("2024-01-01", "2024-01-31")
    assert got["yesterday"] == ("2024-02-07", "2024-02-07")
    (same_day,) = find_dates("on Thursday", thursday)
    assert same_day.lo == thursday
    (ahead,) = find_dates("the vote will be held on Saturday", thursday)
    assert ahead.lo == date(2024, 2, 10)


def test_times_convert_stated_zones_to_utc() -> None:
    (t,) = find_times("at 11 a.m. in Paris", date(2024, 1, 10))
    assert (t.minutes, t.utc_minutes) == (660, 600)
    (t,) = find_times("at 21:30 GMT", date(2024, 1, 10))
    assert t.utc_minutes == 21 * 60 + 30
    (t,) = find_times("at around 9:30 pm local time", date(2024, 1, 10))
    assert (t.minutes, t.approx, t.zone, t.utc_minutes) == (1290, True, "local", None)


def test_going_missing_and_losing_contact_date_one_disappearance() -> None:
    facts = _story("The research vessel went missing on Monday off the Mirrel coast, with nine crew aboard.",
                   "The research vessel lost contact with its base on Tuesday off the Mirrel coast, with nine crew.")
    fact = _only(facts, "date")
    assert (fact.status, fact.label) == ("contested", "date of the disappearance")


def test_a_photo_caption_stamp_is_not_the_event_day() -> None:
    facts = _story("Crews search the rubble after the storm hit Orvello, Tarvena, March 6, 2024.",
                   "The storm hit Orvello on March 5, flattening the harbour.")
    assert [f for f in facts if f.kind == "date" and f.status == "contested"] == []


def test_days_of_an_evacuation_do_not_contest() -> None:
    """Orders widen over days: each outlet's day dates its own step."""
    facts = _story("Residents of Orvello were told to evacuate late Wednesday as the fire spread.",
                   "Residents of Orvello were told to evacuate on Thursday as the fire spread.")
    assert [f for f in facts if f.kind == "date" and f.status == "contested"] == []


def test_parts_of_one_day_contest_when_their_hours_cannot_meet() -> None:
    facts = _story("The ferry sank off Mirrel on Thursday morning, killing two crew.",
                   "The ferry sank off Mirrel on Thursday afternoon, killing two crew.")
    fact = _only(facts, "date")
    assert (fact.status, sorted(v.value.split(" (")[0] for v in fact.values)) == (
        "contested", ["Thursday afternoon", "Thursday morning"])


def test_late_at_night_and_the_next_day_can_be_one_moment() -> None:
    """Just after midnight, one paper writes late Wednesday night, another Thursday."""
    facts = _story("The ferry sank off Mirrel late Wednesday night, killing two crew.",
                   "The ferry sank off Mirrel on Thursday, killing two crew.")
    assert [f for f in facts if f.kind == "date" and f.status == "contested"] == []
    evening = _story("The ferry sank off Mirrel on Thursday evening, killing two crew.",
                     "The ferry sank off Mirrel on Thursday night, killing two crew.")
    assert [f for f in evening if f.kind == "date" and f.status == "contested"] == []


def test_who_a_vehicle_carried_is_not_the_toll() -> None:
    """"A plane carrying 40 people crashed, killing ..." counts those aboard: it neither
    contests nor confirms the death toll beside it."""
    facts = _story("A small plane carrying 40 people crashed near Orvello, killing at least 31 of them.",
                   "The plane with 40 people on board went down near Orvello; the death toll stands at 31.",
                   "Officials said 31 people were killed when the plane crashed near Orvello.")
    tolls = [f for f in facts if f.kind == "count" and "killed" in f.label]
    assert tolls and all({v.value for v in f.values} <= {"at least 31", "31"} for f in tolls), \
        [(f.label, [v.value for v in f.values]) for f in tolls]
    aboard = [f for f in facts if f.kind == "count" and "aboard" in f.label]
    assert [f.status for f in aboard] == ["agreed"], [(f.label, f.status) for f in facts]


def test_bodies_found_and_the_bodies_of_people_recovered_are_one_slot() -> None:
    facts = _story("Eight bodies were found at the crash site near Orvello, the ministry said.",
                   "The bodies of the ten people on the plane were recovered from the crash site near Orvello.",
                   "Rescuers pulled eight bodies from the wreckage at the crash site near Orvello.")
    slot = [f for f in facts if f.kind == "count" and "recovered" in f.label]
    assert len(slot) == 1, [(f.label, [v.value for v in f.values]) for f in facts]
    assert (slot[0].status, {v.value.lower() for v in slot[0].values}) == ("contested", {"eight", "ten"})


@pytest.mark.parametrize(
    ("text", "minutes", "utc"),
    [
        ("The blast came at 0730 GMT on Monday.", 450, 450),
        ("The blast came at about 19:00 (13:30 GMT) on Monday.", 1140, 810),
        ("The blast came at 7pm local (1400 GMT).", 1140, 840),
        ("The quake struck at 23:11 local time on Friday (22:11 GMT).", 1391, 1331),
        ("The blast came at 10:30 local time.", 630, None),
        ("The fire broke out at noon.", 720, None),
        ("The train derailed just before midnight.", 0, None),
    ],
)
def test_clock_times_with_zones_and_their_conversions_are_one_reading(text: str, minutes: int,
                                                                      utc: int | None) -> None:
    (t,) = find_times(text, date(2024, 1, 10))
    assert (t.minutes, t.utc_minutes) == (minutes, utc)


def test_scores_and_decimals_are_not_clock_times() -> None:
    assert find_times("The hosts won 3:1 after a 2.45 km run at 10.30 in the table.", date(2024, 1, 10)) == []


def test_a_local_time_and_the_same_instant_in_gmt_agree() -> None:
    facts = _story("The quake struck the Orvello valley at 23:11 local time (22:11 GMT), officials said.",
                   "The quake struck the Orvello valley at 2211 GMT, the survey said.")
    times = [f for f in facts if f.kind == "time" and f.sources >= 2]
    assert [f.status for f in times] == ["agreed"], [(f.label, [v.value for v in f.values]) for f in facts]


def test_a_quake_that_struck_dates_the_quake_not_an_attack() -> None:
    facts = _story("The quake struck the Orvello valley in the early hours of Tuesday.",
                   "A strong earthquake hit the Orvello valley on Tuesday morning.")
    dates = [f for f in facts if f.kind == "date" and f.sources >= 2]
    assert [(f.label.split(" in ")[0], f.status) for f in dates] == [("date of the quake", "agreed")], \
        [(f.label, f.status, [v.value for v in f.values]) for f in dates]


def test_a_dateline_dates_the_copy_not_the_event() -> None:
    facts = _story("TARVENA, March 9 (Wire) – A strong earthquake hit the Orvello valley late on Thursday.",
                   "A strong earthquake hit the Orvello valley late on Thursday, killing dozens.")
    assert [f for f in facts if f.kind == "date" and f.status == "contested"] == []


def test_areas_compare_across_units_and_never_as_distances() -> None:
    same = _story("The wildfire near Orvello has burned 2,170 acres since Tuesday, officials said.",
                  "The wildfire near Orvello has burned about 878 hectares since Tuesday.")
    (area,) = [f for f in same if f.kind == "count" and f.sources >= 2]
    assert (area.status, area.label) == ("agreed", "area near Orvello (ACRE / HECTARE)")
    apart = _story("The wildfire near Orvello has burned 2,170 acres since Tuesday, officials said.",
                   "The wildfire near Orvello has burned about 1,500 hectares since Tuesday.",
                   "Orvello lies 40 km from Mirrel; the wildfire has burned 15 square kilometres.")
    (area,) = [f for f in apart if f.kind == "count" and f.sources >= 2]
    assert area.status == "contested" and area.label.startswith("area ")
    assert [v.value for v in area.values] == ["2,170 acres", "about 1,500 hectares", "15 sq kilometres"]


def test_a_capitalised_title_run_is_not_part_of_the_name_and_its_office_counts() -> None:
    facts = _story("Police chief Marta Dovrenko said the gunman had fled the Orvello mall.",
                   "Fire Chief Marta Dovrenko said the gunman fled the Orvello mall.",
                   "Deputy police chief Marta Dovrenko told reporters the gunman fled the Orvello mall.")
    (name,) = [f for f in facts if f.kind == "name"]
    assert (name.status, name.sources) == ("agreed", 3)
    (title,) = [f for f in facts if f.kind == "title"]
    assert title.status == "contested"
    assert {v.value: v.articles for v in title.values} == {
        "police chief": ["a0"], "fire chief": ["a1"], "deputy police chief": ["a2"]}


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [("Interior Minister", "Defence Minister", "contested"), ("Railways Minister", "Railway Minister", "agreed"),
     ("Defense Minister", "Minister", "agreed")],
)
def test_titles_naming_different_offices_contest(first: str, second: str, status: str) -> None:
    facts = _story(f"{first} Kavel Ostrada said twelve people died in the Orvello floods.",
                   f"{second} Kavel Ostrada said twelve people died in the Orvello floods.")
    contested = [f for f in facts if f.kind == "title" and f.status == "contested"]
    assert len(contested) == (1 if status == "contested" else 0), [(f.label, f.status) for f in facts]


@pytest.mark.parametrize(
    ("sentence", "head"),
    [("The plane crashed on Sunday.", "crash"), ("The ferry sank late on Saturday.", "sink"),
     ("The dam burst on Sunday night.", "collapse"), ("The building collapsed on Tuesday.", "collapse"),
     ("A car bomb exploded on Friday.", "explosion"), ("The volcano erupted on Monday.", "eruption"),
     ("A passenger ferry capsized on Sunday evening, killing 41 people.", "sink")],
)
def test_accident_verbs_date_their_event(sentence: str, head: str) -> None:
    assert [o.head for o in observe_sentence(sentence, date(2024, 3, 8)) if o.kind == "date"] == [head]


def test_a_ferry_that_capsized_and_one_that_sank_are_one_accident() -> None:
    facts = _story("The ferry capsized in the Orvello strait on Sunday with dozens of passengers aboard.",
                   "The ferry sank in the Orvello strait on Saturday with dozens of passengers aboard.")
    (when,) = [f for f in facts if f.kind == "date" and f.sources >= 2]
    assert when.status == "contested", [(f.label, f.status) for f in facts]


@pytest.mark.parametrize(
    "sentence",
    ["The wildfire near Orvello was 80 percent contained as of Thursday, the county said.",
     "A firefighter rests near the burned homes of Orvello, 9 August 2031 Copyright AP Photo"],
)
def test_a_state_as_of_a_day_and_a_credited_photo_do_not_date_the_event(sentence: str) -> None:
    assert [o.surface for o in observe_sentence(sentence, date(2031, 8, 10)) if o.kind == "date"] == []


def test_speeds_compare_across_units() -> None:
    same = _story("Hurricane Tarva made landfall near Orvello with sustained winds of 150 mph, the centre said.",
                  "Hurricane Tarva hit the coast near Orvello with sustained winds of 240 km/h, forecasters said.")
    (speed,) = [f for f in same if f.kind == "count" and f.sources >= 2]
    assert (speed.status, speed.label) == ("agreed", "speed near Orvello (KM/H / MPH)")
    apart = _story("Hurricane Tarva made landfall near Orvello with sustained winds of 150 mph, the centre said.",
                   "Hurricane Tarva hit the coast near Orvello with sustained winds of about 120 mph.")
    (speed,) = [f for f in apart if f.kind == "count" and f.sources >= 2]
    assert speed.status == "contested"


def test_a_trains_size_is_not_the_cars_derailed() -> None:
    facts = _story("About 50 cars derailed near Orvello late on Friday, the railroad said.",
                   "The train was bound for Tarvena with 140 cars when about 50 cars derailed near Orvello.",
                   "Some 50 cars derailed near Orvello, officials said.")
    derailed = [f for f in facts if f.kind == "count" and "derailed" in f.label]
    assert [f.status for f in derailed] == ["agreed"], [(f.label, [v.value for v in f.values]) for f in facts]


def test_a_size_slot_is_named_by_the_thing_measured() -> None:
    facts = _story("The 21-foot submersible lost contact with its ship off Mirrel.",
                   "The 22-foot-long submersible lost contact with its ship off Mirrel.")
    (size,) = [f for f in facts if f.kind == "count" and f.sources >= 2]
    assert (size.status, size.label) == ("contested", "size of the submersible (FEET)")


@pytest.mark.parametrize(
    ("text", "part"),
    [("The dam burst on the night of June 5.", "night"), ("It happened on the morning of 8 June.", "morning"),
     ("The quake struck in the small hours of Sunday.", "early"), ("A small Sunday market opened.", None)],
)
def test_a_part_of_the_day_named_before_its_date(text: str, part: str | None) -> None:
    (d,) = find_dates(text, date(2024, 6, 10))
    assert d.part == part


def test_a_span_of_days_agrees_with_either_day_and_contests_others() -> None:
    (d,) = find_dates("Storms lashed the coast on June 5-6.", date(2024, 6, 10))
    assert (d.lo, d.hi) == (date(2024, 6, 5), date(2024, 6, 6))
    either = _story("Storms flattened the Orvello harbour on June 5-6, officials said.",
                    "Storms flattened the Orvello harbour on June 6, officials said.")
    assert [f for f in either if f.kind == "date" and f.status == "contested"] == []
    other = _story("Storms flattened the Orvello harbour on June 5-6, officials said.",
                   "Storms flattened the Orvello harbour on June 7, officials said.")
    assert [f.status for f in other if f.kind == "date" and f.sources >= 2] == ["contested"]


def test_a_suspects_age_is_labelled_by_the_suspect_not_the_words_after_it() -> None:
    facts = _story(
        "The suspect, a 31-year-old man from Corvana, was taken into custody at the depot.",
        "Police said the 29-year-old suspect was arrested at the depot in Corvana.",
    )
    ages = [f for f in facts if f.status == "contested" and any("year-old" in v.value for v in f.values)]
    assert [f.label for f in ages] == ["age of the suspect"]


def test_victims_shot_dead_do_not_make_the_arrested_suspect_dead() -> None:
    facts = _story(
        "Three people were shot dead at a depot in Corvana, and the suspect was detained, police said.",
        "A gunman killed three people at a depot in Corvana before he was arrested, police said.",
    )
    status = [f for f in facts if f.kind == "status"]
    assert status and all(f.status != "contested" for f in status), [(f.label, f.values) for f in status]
