"""A flood of near-copies of one article, indexed with the seeds, does not split the story.

Sites republish a wire story by the dozen, each with a word changed and its own footer.
Counted as independent texts, the copies made the story's words look common: 40 copies
split the seeds' story in four, 600 gave no story and found no reprint. The copies must
join the seeds' one story, all but one of the family marked as reprints of the one left
(the earliest), and the other outlets' articles stay independent reports.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from wiredesk.core.outlets import OutletAliases
from wiredesk.core.service import Wiredesk


def seeds() -> list[Path]:
    from wiredesk.resources import bundled_dir

    return sorted(Path(bundled_dir("seeds")).glob("*.txt"))


def near_copy(text: str, k: int, rnd: random.Random) -> str:
    """``text`` with two words replaced and a site footer added, as a republishing site does."""
    lines = text.splitlines()
    for _ in range(2):
        i = rnd.randrange(3, len(lines))  # the body, below headline, outlet and byline lines
        words = lines[i].split()
        if len(words) > 3:
            words[rnd.randrange(len(words))] = f"word{k}"
            lines[i] = " ".join(words)
    lines.append(f"Share this story on Site{k} News and follow us for more.")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("copies", [8, 40, 600])
def test_reprint_flood_joins_the_seeds_story(tmp_path: Path, copies: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in seeds():
        shutil.copy(seed, folder / seed.name)
    flooded = seeds()[1]
    rnd = random.Random(copies)
    text = flooded.read_text(encoding="utf-8")
    for k in range(copies):
        (folder / f"copy_{k:04d}.txt").write_text(near_copy(text, k, rnd), encoding="utf-8")
    service = Wiredesk(tmp_path / "index.sqlite3", outlet_aliases=OutletAliases())
    report = service.index([folder])
    assert not report.errors
    stories = service.stories()
    assert [len(s.articles) for s in stories] == [len(seeds()) + copies]
    articles = service.articles()
    family = [a for a in articles if Path(a.path).name.startswith("copy_") or Path(a.path).name == flooded.name]
    others = [a for a in articles if a not in family]
    originals = [a for a in family if a.copy_of is None]
    assert len(originals) == 1, "exactly one of the family is the original"
    assert {a.copy_of for a in family if a.copy_of} == {originals[0].id}
    assert len(others) == len(seeds()) - 1 and all(a.copy_of is None for a in others)
