"""People, organizations and places: spans, titles, roles, nicknames, acronyms, keys."""

from __future__ import annotations

from wiredesk.core.claims import name_key

from tests.core.claims_helpers import mentions, run


def names(body: str, **kw: object) -> dict[str, tuple[str, dict]]:
    return {m.text: (m.kind, m.normalized) for k in ("person", "org", "place") for m in mentions(run(body, **kw), k)}


def test_quoted_nickname_is_inside_one_person_mention() -> None:
    body = "Police named the suspect as Omar Khalid “The Fox” al-Rashid, a former guard."
    got = names(body)
    span = "Omar Khalid “The Fox” al-Rashid"
    assert span in got, got
    kind, norm = got[span]
    assert kind == "person"
    assert norm["nickname"] == "The Fox"
    assert norm["key"] == "omar khalid fox rashid"


def test_single_quoted_nickname_and_particles() -> None:
    got = names("Witnesses saw Yusuf ‘Abu Omar’ bin Salem near the port.")
    assert "Yusuf ‘Abu Omar’ bin Salem" in got


def test_titles_are_stripped_into_the_normalized_dict() -> None:
    got = names("Maj. Gen. Omar Haddad said the convoy was ambushed.")
    kind, norm = got["Maj. Gen. Omar Haddad"]
    assert kind == "person"
    assert (norm["name"], norm["title"]) == ("Omar Haddad", "Maj. Gen.")


def test_roles_from_appositives_and_preceding_role_words() -> None:
    got = names("Lena Ortiz, spokeswoman for the fire service, said crews were ready.")
    assert got["Lena Ortiz"][1]["role"] == "spokeswoman"
    got = names("The board heard from company spokesman Tom Reyes on Monday.")
    assert got["Tom Reyes"][1]["role"] == "spokesman"


def test_acronym_defined_in_text_links_both_ways() -> None:
    body = "The National Weather Service (NWS) issued a warning. Later the NWS said the river would crest on Friday."
    ms = mentions(run(body), "org")
    long = [m for m in ms if m.normalized["name"] == "National Weather Service"]
    short = [m for m in ms if m.text == "NWS"]
    assert long and long[0].normalized["acronym"] == "NWS"
    assert short and short[0].normalized["expansion"] == "National Weather Service"


def test_org_cues_are_generic() -> None:
    got = names(
        "Shares of Northwind Holdings fell after the Harbor Workers Union called a strike. The shares recovered later."
    )
    assert got["Northwind Holdings"][0] == "org"
    assert got["Harbor Workers Union"][0] == "org"


def test_org_by_following_noun_propagates_to_other_mentions() -> None:
    body = "The Red Lantern militia seized the bridge. Witnesses said Red Lantern fighters fired into the air."
    kinds = {m.kind for m in mentions(run(body), "org") if m.normalized["key"] == "red lantern"}
    persons = [m for m in mentions(run(body), "person") if m.normalized["key"] == "red lantern"]
    assert kinds == {"org"} and persons == []


def test_places_by_gazetteer_preposition_and_place_nouns() -> None:
    got = names("Floods hit the Riverside district of Lowmoor after heavy rain in Kenya.")
    assert got["Riverside"][0] == "place"
    assert got["Kenya"][0] == "place"
    assert got["Lowmoor"][0] == "place"


def test_dateline_is_a_place() -> None:
    body = "NAIROBI — Heavy rain flooded roads across the city on Monday."
    got = names(body, dateline="NAIROBI")
    assert got["NAIROBI"][0] == "place"


def test_sentence_initial_common_words_are_not_names() -> None:
    body = (
        "Rescuers worked through the night. The rescuers found two survivors. "
        "Turnout was high. Officials praised the turnout."
    )
    assert names(body) == {}


def test_surname_refers_back_to_full_name() -> None:
    body = "Judge Maria Lopez opened the trial. Lopez said the jury would sit on Monday."
    ms = [m for m in mentions(run(body), "person") if m.text == "Lopez"]
    assert ms and ms[0].normalized["ref"] == "Maria Lopez"


def test_adjectives_of_nationality_are_not_names() -> None:
    assert "Kenyan" not in names("Kenyan officials said the rain would ease.")


def test_name_key_unifies_variants() -> None:
    assert name_key("al-Hakim") == name_key("Al Hakim") == name_key("Al-Hakim") == "hakim"
    assert name_key("Kata’ib") == name_key("Kata'ib") == "kataib"
    assert name_key("José Müller") == "jose muller"
    assert name_key("Omar “The Fox” Rashid") == name_key('Omar "The Fox" Rashid')


def test_appositive_cues_make_organizations_and_places() -> None:
    body = (
        "Fighters from Black Ravens, a militia that controls the pass, withdrew. "
        "The attack was claimed by an armed group, Red Dawn, on Monday. "
        "Aid reached Velmora, a town near the border."
    )
    got = names(body)
    assert got["Black Ravens"][0] == "org"
    assert got["Red Dawn"][0] == "org"
    assert got["Velmora"][0] == "place"


def test_appositive_after_a_place_noun_is_not_a_place() -> None:
    body = "The strike killed its commander in the northern region, Omar Talib al-Hakim, officials said."
    got = names(body)
    assert got["Omar Talib al-Hakim"][0] == "person"


def test_a_title_after_the_offices_name_starts_the_person() -> None:
    got = names("The victims were named by Metro Harlow Police Chief Ana Ruiz on Monday.")
    kind, norm = got["Metro Harlow Police Chief Ana Ruiz"]
    assert (kind, norm["name"]) == ("person", "Ana Ruiz")


def test_a_titled_person_of_an_office_ends_before_of() -> None:
    got = names("Deputy Chief Ana Ruiz of the Metro Harlow Police said the gunman was 28.")
    kind, norm = got["Deputy Chief Ana Ruiz"]
    assert (kind, norm["name"], norm["title"]) == ("person", "Ana Ruiz", "Deputy Chief")
    assert names("Secretary of State Ana Ruiz spoke first.")["Secretary of State Ana Ruiz"][1]["name"] == "Ana Ruiz"
