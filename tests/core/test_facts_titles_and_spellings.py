"""A person's post and a name's spelling as outlets write them: which forms differ.

Every sentence here is written for the test. Each title case gives two outlets' accounts of
one person and says whether an editor would flag the title (``contested``) or not (None);
the spelling cases are one word written two ways that no editor flags.
"""

from __future__ import annotations

import pytest
from test_facts_incidents import _articles
from wiredesk.core.facts import compare_story

_EVENT = "A fire swept through a market in Mirrel on Monday."


def _title_statuses(first: str, second: str) -> list[str]:
    facts = compare_story("s1", *_articles(f"{_EVENT}\n{first}", f"{_EVENT}\n{second}"))
    return [f.status for f in facts if f.kind == "title"]


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        # a department written after the post: "Minister of State for X" is a junior minister
        ("Civil Aviation Minister Ravi Tarvena said the runway would reopen.",
         "Minister of State for Civil Aviation Ravi Tarvena said the runway would reopen.", "contested"),
        ("Civil Protection Minister Ana Valmora said tents had been set up.",
         "Deputy Minister for Civil Protection Ana Valmora said tents had been set up.", "contested"),
        ("Foreign Minister Ana Valmora said the embassy was helping.",
         "Minister for Foreign Affairs Ana Valmora said the embassy was helping.", None),
        # vice and deputy are one rank
        ("Mirrel vice mayor Lin Corvana said inspections would follow.",
         "Mirrel deputy mayor Lin Corvana said inspections would follow.", None),
        ("Mayor Lin Corvana said inspections would follow.",
         "Mirrel deputy mayor Lin Corvana said inspections would follow.", "contested"),
        # ranks of Indian police and district offices
        ("City Police Commissioner Dev Orvello said the crowd had swelled.",
         "Mirrel's additional police commissioner, Dev Orvello, said the crowd had swelled.", "contested"),
        ("Chief District Officer Dev Orvello said three people survived.",
         "Dev Orvello, the assistant chief district officer of Mirrel, said three people survived.", "contested"),
    ],
)
def test_ranks_and_departments_of_a_post(first: str, second: str, status: str | None) -> None:
    assert _title_statuses(first, second) == ([status] if status else [])


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        # a sheriff is not the police chief, though both run a county's police
        ("Mirrel County Sheriff Raymond Tarvena told reporters the gunman had fled.",
         "Mirrel County police chief Raymond Tarvena told reporters the gunman had fled.", "contested"),
        # a town's civil defence coordinator is not its mayor
        ("Henrique Valmora, Mirrel's civil defence coordinator, said the mud was deep.",
         "Henrique Valmora, Mirrel's mayor, said the mud was deep.", "contested"),
        # a city manager is not the mayor
        ("Mirrel City Manager Dalia Orvello said the water rose fast.",
         "Mirrel Mayor Dalia Orvello said the water rose fast.", "contested"),
        # two departments' posts
        ("Environment Minister Mark Corvana said the fire was spreading.",
         "Fire chief Mark Corvana said the fire was spreading.", "contested"),
    ],
)
def test_different_posts_of_one_place(first: str, second: str, status: str | None) -> None:
    assert _title_statuses(first, second) == ([status] if status else [])


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        # the body named by initials before the post, against the police
        ("MSEMA spokesman Hassan Tarvena said 104 passengers were aboard.",
         "Police spokesman Hassan Tarvena said 104 passengers were aboard.", "contested"),
        ("Police spokesman Hassan Tarvena said 104 passengers were aboard.",
         "Spokesman Hassan Tarvena said 104 passengers were aboard.", None),
        # the police chief of a region against the head of a civil protection department
        ("Einar Valmora, head of Mirrel's civil protection department, said lava was flowing.",
         "Einar Valmora, police chief of the Tarvena region, said lava was flowing.", "contested"),
        ("Einar Valmora, head of the Mirrel regional police, said lava was flowing.",
         "Einar Valmora, police chief of the Tarvena region, said lava was flowing.", None),
    ],
)
def test_the_body_a_post_belongs_to(first: str, second: str, status: str | None) -> None:
    assert _title_statuses(first, second) == ([status] if status else [])


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        # a capitalised post after the name, its place first
        ("Todd Corvana, Mirrel Airport Fire Chief, said crews arrived within minutes.",
         "Todd Corvana, deputy fire chief at Mirrel Airport, said crews arrived within minutes.", "contested"),
        ("Todd Corvana, Mirrel Airport Fire Chief, said crews arrived within minutes.",
         "Todd Corvana, fire chief at Mirrel Airport, said crews arrived within minutes.", None),
        # a name the extractor may read as a place, with its post after it
        ("The roof fell at 12:44 a.m., according to Juan Manuel Orvello, director of the national "
         "Emergency Operations Center.",
         "Juan Manuel Orvello, the deputy director of the Emergency Operations Center, said the search went on.",
         "contested"),
        # a bare initial before the surname
        ("City Police Commissioner B Tarvena said the crowd had swelled.",
         "Deputy Police Commissioner B Tarvena said the crowd had swelled.", "contested"),
    ],
)
def test_written_forms_of_a_post(first: str, second: str, status: str | None) -> None:
    assert _title_statuses(first, second) == ([status] if status else [])


def test_a_verb_after_a_name_in_commas_is_no_post() -> None:
    """"against the Valmora Brigades, killing its deputy commander" names no person."""
    facts = compare_story("s1", *_articles(
        "An airstrike in Mirrel hit the Valmora Brigades, killing its deputy commander of operations.",
        "An airstrike in Mirrel hit the Valmora Brigades, killing its deputy commander of operations.",
    ))
    assert not [f for f in facts if f.kind in ("name", "title")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a letter Unicode gives no base letter, written out in English
        ("Committee chair Jørgen Tarvik read out the name in Mirrel.",
         "Committee chair Jorgen Tarvik read out the name in Mirrel."),
        ("Hotel owner Halit Yılmazcan was detained in Mirrel.", "Hotel owner Halit Yilmazcan was detained in Mirrel."),
        # British and American spellings of one word
        ("The Labour Party of Mirrel welcomed the prize.", "The Labor Party of Mirrel welcomed the prize."),
        ("Crowds gathered at the Mirrel Peace Centre on Friday.",
         "Crowds gathered at the Mirrel Peace Center on Friday."),
        # a street name and its translation
        ("The club stood on Avenida Independencia in Mirrel.", "The club stood on Independence Avenue in Mirrel."),
    ],
)
def test_one_word_written_two_ways_is_no_spelling_contest(first: str, second: str) -> None:
    facts = compare_story("s1", *_articles(f"{_EVENT}\n{first}", f"{_EVENT}\n{second}"))
    assert [f.label for f in facts if f.status == "contested"] == []


def test_a_name_spelt_with_our_may_still_be_two_spellings() -> None:
    from wiredesk.core.facts.spellings import variant

    assert variant("mansour", "mansor")
    assert not variant("harbour", "harbor")


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        # military ranks
        ("Major General V.T. Corvana, who leads the operation, said bridges were going up.",
         "Brigadier V.T. Corvana, who leads the operation, said bridges were going up.", "contested"),
        ("Captain Ravi Orvello, who commanded the flight, had long experience.",
         "The commander, Captain Ravi Orvello, had long experience.", None),
        # a post in two words: a deputy inspector general is no general
        ("Thirty people died, Deputy Inspector General Vaibhav Tarvena said.",
         "The figures were given by Vaibhav Tarvena, the inspector general of police for the festival.", "contested"),
        # a company's posts in lower case
        ("Valmora Air director of operations Marcel Orvello said the plane was sound.",
         "Valmora Air chief executive Marcel Orvello said the plane was sound.", "contested"),
        ("Valmora Air CEO Marcel Orvello said the plane was sound.",
         "Valmora Air chief executive Marcel Orvello said the plane was sound.", None),
        # a premier heads a government
        ("Prime Minister Fumio Tarvena said troops would be sent.",
         "Premier Fumio Tarvena said troops would be sent.", None),
    ],
)
def test_ranks_compound_posts_and_company_titles(first: str, second: str, status: str | None) -> None:
    assert _title_statuses(first, second) == ([status] if status else [])


def test_a_title_is_compared_across_two_spellings_of_one_name() -> None:
    facts = compare_story("s1", *_articles(
        f"{_EVENT}\nVilmantas Tarvenauskas, head of the National Crisis Centre, said the wreck was examined.",
        f"{_EVENT}\nVilmantas Tarvenauskis, deputy head of the National Crisis Centre, said the wreck was examined.",
    ))
    assert [f.status for f in facts if f.kind == "title"] == ["contested"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("A Britain-based charity sent help to Mirrel.", "A Briton-run charity sent help to Mirrel."),
        ("The Mirrel Defence Ministry sent troops.", "The Mirrel Defense Ministry sent troops."),
    ],
)
def test_demonyms_and_american_endings_are_no_spelling_contest(first: str, second: str) -> None:
    facts = compare_story("s1", *_articles(f"{_EVENT}\n{first}", f"{_EVENT}\n{second}"))
    assert [f.label for f in facts if f.status == "contested"] == []


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        # a rank a few lower-case words before its post, the title in commas
        ("Kevin Tarvena, executive director of the Mirrel Division of Emergency Management, said crews were out.",
         "Mirrel's deputy emergency management director, Kevin Tarvena, said crews were out.", "contested"),
        # a place written with the post is its body; an accented given name is a name
        ("Valmora Mayor Dalia Orvello said the water rose fast.",
         "Valmora City Manager Dalia Orvello said the water rose fast.", "contested"),
        ("Mirrel's interior minister, Ángel Víctor Corvana, said the missing came first.",
         "Mirrel's interior minister, Ángel Víctor Corvana, said the missing came first.", None),
        # "State Chief Secretary" is the chief secretary; "of State" alone makes a junior minister
        ("State Chief Secretary Pradeep Orvello said the lines were cleared.",
         "Chief Secretary Pradeep Orvello said the lines were cleared.", None),
        # the body of a post in a possessive before it
        ("Valmora's Communist Party secretary, Chen Tarvena, said the search had ended.",
         "Valmora vice-mayor Chen Tarvena said the search had ended.", "contested"),
        # the FBI's posts
        ("FBI special agent in charge Alethea Corvana said the man had acted alone.",
         "FBI Assistant Special Agent in Charge Alethea Corvana said the man had acted alone.", "contested"),
    ],
)
def test_places_departments_and_ranks_written_apart(first: str, second: str, status: str | None) -> None:
    assert _title_statuses(first, second) == ([status] if status else [])
