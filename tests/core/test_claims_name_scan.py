"""The capital-led name scan (``_name_matches``) must find exactly what the full pattern
finds, including names led by a lower-case particle ("al-Amin") at or inside a name."""

from __future__ import annotations

import random

import pytest
from wiredesk.core.claims import names


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.mark.parametrize(
    "text",
    [
        "al-Amin said on Monday.",
        "Harakat Hezbollah al-Nujaba, a militia, and then al-Saedi, a senior aide.",
        "bin’Laden and d'Arc met O'Brien; van-Gogh too.",
        "ad--Foo bar, Mr. al-Sudani, pro-Iranian al-Nujaba, ash-Sham",
        "Bob-al-Sudani al-Amin al-Amin Bob al-X o'Neil-Smith",
        "no names here at all",
    ],
)
def test_same_matches_as_full_pattern(text: str) -> None:
    assert _spans(names._name_matches(text)) == _spans(names._NAME.finditer(text))


def test_same_matches_on_random_text() -> None:
    rng = random.Random(7)
    alphabet = [*"aeubidlovmnhsA BCDXYZ-'’.\n ,Éß", "al", "el", "bin", "Mr.", "O'", "van ", "of the "]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))
        assert _spans(names._name_matches(text)) == _spans(names._NAME.finditer(text)), text


def test_according_scan_equals_full_pattern() -> None:
    from wiredesk.core.claims import quotes

    rng = random.Random(3)
    alphabet = [*"aAcCoOrRdD tT,.\n", "according to", "ACCORDING TO", "Accordingly", " to ", "according to NASA"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 25)))
        assert _spans(quotes._according_matches(text)) == _spans(quotes._ACCORDING.finditer(text)), text
    assert len(quotes._according_matches("x, according to the UN, and According to NASA.")) == 2


def test_particle_led_runs_stay_linear() -> None:
    import time

    for chunk in ["al-X ", "al-X, ", "Omar al-X, ", "d'X "]:
        text = chunk * 20000
        t0 = time.process_time()
        got = names._name_matches(text)
        assert time.process_time() - t0 < 5, chunk
        assert _spans(got) == _spans(names._NAME.finditer(text)), chunk


def test_quote_scan_equals_full_pattern() -> None:
    from wiredesk.core.claims import quotes

    rng = random.Random(4)
    alphabet = [*"ab A“”\"«»‘’ \n,.", "word ", "x“y", "‘one two three four five six’", "“quote” ", "don’t"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30)))
        assert _spans(quotes._quote_matches(text)) == _spans(quotes._QUOTE.finditer(text)), text
