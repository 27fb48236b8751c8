"""Person names: transliteration variants group, different people never merge."""

from __future__ import annotations

import pytest
from wiredesk.core.facts.names import find_people, parse_name, phonetic_key, same_person


def _name(text: str):
    name = parse_name(text)
    assert name is not None
    return name


@pytest.mark.parametrize(
    ("a", "b"),
    [("Saadi", "Saedi"), ("Yehia", "Yahya"), ("Arkhan", "Arkan"), ("Qasim", "Kasem"),
     ("Mohammed", "Muhammad"), ("Abdullah", "Abdulla"), ("Alawi", "Alyawi"), ("Hussein", "Husain")],
)
def test_transliteration_variants_share_a_phonetic_key(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b)


@pytest.mark.parametrize(("a", "b"), [("Karim", "Kamal"), ("Tariq", "Talib"), ("Nouri", "Nasser")])
def test_different_names_have_different_keys(a: str, b: str) -> None:
    assert phonetic_key(a) != phonetic_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ali Hassan", "Ali Hussein"), ("Omar Rashid", "Omar Rashad"), ("Samir Nour", "Samir Nair")],
)
def test_same_skeleton_but_other_vowels_is_another_name(a: str, b: str) -> None:
    assert not same_person(_name(a), _name(b))[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ali al-Saadi", "Ali al-Saedi"), ("Yehia Rasul", "Yahya Rasool"), ("Mohammed Nouri", "Muhammad Nouri"),
     ("Arkhan Al-Alawi", "Arkan Al Alyawi"), ("Ali Husain", "Ali Hussein"), ("Ahmad Qasim", "Ahmed Kasem"),
     ("Aleksandr Volkov", "Alexander Volkov"), ("Dmitry Orlov", "Dmitri Orlov"), ("Oleh Zelensky", "Oleh Zelenskyy")],
)
def test_transliterations_are_one_person(a: str, b: str) -> None:
    assert same_person(_name(a), _name(b))[0]


def test_spelling_variants_are_one_person_with_reasons() -> None:
    ok, reasons = same_person(_name("Ahmad Qasim al-Fadhli"), _name("Ahmed Kasem al-Fadli"))
    assert ok
    assert any(r.startswith("al-Fadhli ~ al-Fadli: transliteration variant") for r in reasons)
    assert any("similarity" in r for r in reasons)


def test_kunya_in_quotes_matches_a_variant_kunya() -> None:
    full = _name("Faris Jamal ‘Abu Kamil’ al-Harbi")
    short = _name("Abu Qamil al-Harbi")
    assert any(u.nickname for u in full.units)
    assert same_person(full, short)[0]


def test_shared_surname_form_with_other_given_names_is_another_person() -> None:
    assert not same_person(_name("Tariq Jalil al-Fadili"), _name("Ahmad Qasim al-Fadhli"))[0]
    assert not same_person(_name("Faris Jamal ‘Abu Kamil’ al-Harbi"), _name("Nabil Sami al-Harbi"))[0]


def test_abd_and_abu_are_different_names() -> None:
    assert not same_person(_name("Abd al-Karim Nouri"), _name("Abu Karim Nouri"))[0]
    # ... while "Abdul" is "Abd al-" written as one word
    assert same_person(_name("Abd al-Karim Nouri"), _name("Abdul Karim Nouri"))[0]


def test_find_people_uses_cues_and_skips_organisations() -> None:
    text = ("The interior minister, Ahmed Kasem al-Fadli, met Central Command officials and "
            "spokeswoman Helena Varga on Tuesday.")
    found = [p.text for p in find_people(text)]
    assert "Ahmed Kasem al-Fadli" in found
    assert "Helena Varga" in found
    assert all("Command" not in f for f in found)
    for p in find_people(text):
        assert text[p.start:p.end] == p.text


@pytest.mark.parametrize(
    "text",
    ["The road stays closed, according to Samir Haddad of the roads office.",
     "Samir Haddad, who runs the roads office, said little.",
     "Samir Haddad, 54, runs the roads office."],
)
def test_more_person_cues(text: str) -> None:
    assert [p.text for p in find_people(text)] == ["Samir Haddad"]


def test_titles_are_not_part_of_the_name() -> None:
    text = "The spokesman, Maj. Gen. Samir Al Dulaimi, said the road was closed."
    (person,) = find_people(text)
    assert person.text == "Samir Al Dulaimi"
    assert [u.token for u in person.units] == ["Samir", "Dulaimi"]


def test_plain_capitalised_words_are_not_people() -> None:
    assert find_people("Rescue Teams Reached The Old Town After Midnight.") == []


def _with_person_mention(art_id: str, body: str, span: str, normalized: dict) -> tuple:
    from stories import SimpleAnalysis, split
    from wiredesk.core.models import Article, Mention

    claims = split(body)
    start = body.index(span)
    for claim in claims:
        if claim.start <= start < claim.end:
            claim.mentions.append(Mention("person", start, start + len(span), span, normalized))
    article = Article(
        id=art_id, path=f"{art_id}.txt", content_hash=art_id, body=body, raw=body, format="text",
        title=None, outlet=art_id, byline=None, published="2024-05-02", published_at=None, dateline=None,
        url=None, captions=[], removed=[], indexed_at="2024-01-01T00:00", story="s", copy_of=None,
    )
    return article, SimpleAnalysis(claims)


def test_extractor_people_need_some_sign_of_being_a_person() -> None:
    from wiredesk.core.facts import compare_story

    a, aa = _with_person_mention("x1", "Crowds chanted for Saraya Qudsiya outside the embassy.",
                                 "Saraya Qudsiya", {"name": "Saraya Qudsiya"})
    b, bb = _with_person_mention("x2", "Crowds chanted for Saraya Qudsiyya outside the embassy.",
                                 "Saraya Qudsiyya", {"name": "Saraya Qudsiyya"})
    facts = compare_story("s", [a, b], {"x1": aa, "x2": bb})
    assert not [f for f in facts if f.kind == "name" and not f.label.startswith("spelling of")]
    # not a person, but still one name spelt two ways by two outlets: a spelling fact
    assert [f.label for f in facts if f.kind == "name"] == ["spelling of Qudsiya"]
    c, cc = _with_person_mention("x3", "US Envoy Selim Darwani flew in on Monday.",
                                 "US Envoy Selim Darwani", {"name": "Selim Darwani", "title": "US Envoy"})
    facts = compare_story("s", [c], {"x3": cc})
    assert [v.value for f in facts if f.kind == "name" for v in f.values] == ["Selim Darwani"]
