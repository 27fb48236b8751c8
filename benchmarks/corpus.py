"""Build a synthetic corpus for the benchmarks from the bundled seeds' sentences.

Every story gets its own invented names (each capitalized word of the seeds is swapped for
an invented one, consistently within the story), numbers and dates, so the corpus holds
many distinct stories that share ordinary vocabulary but not their names — roughly what a
real news index looks like to the grouping code. A few articles are wire copies of a
story-mate under a new headline with site junk appended, so reprint detection has work.
Everything is derived from a seeded RNG: the same arguments give the same bytes.

    python benchmarks/corpus.py OUT_DIR [--n 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from wiredesk.resources import bundled_dir

TARGET_BYTES = 4000
"""Approximate size of one article, so 10,000 articles make about 40 MB."""
COPY_RATE = 0.03
"""Share of articles that are wire copies of an earlier story-mate."""
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kl", "l", "m", "n", "p", "pr",
           "r", "s", "sh", "st", "t", "tr", "v", "w", "y", "z"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ee"]
_CODAS = ["", "", "", "n", "r", "s", "l", "m", "k", "th", "nd", "rt"]
_JUNK = [
    "Subscribe to our newsletter for the latest headlines.",
    "Share this article: Facebook | X | WhatsApp | Email",
    "Read more: the week in pictures",
    "Comments are closed for this article.",
]
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]+[”\"’]?")
_CAPITALIZED = re.compile(r"(?<=[\w,;:)”’] )([A-Z][\w’'-]+)")
_NUMBER = re.compile(r"\b\d+(?:,\d{3})*\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_KEEP = frozenset(MONTHS + WEEKDAYS)


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article: file name, full text (headline, date line, body) and its story."""

    name: str
    title: str
    published: date
    body: str
    story: int
    copy_of: str | None = None

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.published:%B} {self.published.day}, {self.published.year}\n\n{self.body}\n"


def seed_sentences() -> list[str]:
    """Sentences of the installed seeds that are long enough to read like article prose."""
    out: list[str] = []
    for path in sorted(bundled_dir("seeds").glob("*.txt")):
        for m in _SENTENCE.finditer(path.read_text(encoding="utf-8")):
            sentence = " ".join(m.group().split())
            if len(sentence.split()) >= 8:
                out.append(sentence)
    return sorted(set(out))


def _invent_name(rng: random.Random) -> str:
    """A pronounceable invented name, varied enough that unrelated stories rarely share one."""
    parts = (rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.randint(2, 3)))
    return "".join(parts).capitalize()


_QUOTES = str.maketrans("", "", "“”\"‘’'")


def _headline(story: _Story, pool: list[str], rng: random.Random) -> str:
    """A headline-like line: the first 6 to 11 words of a story sentence, without quotes or
    a final full stop (a cut-off quotation is not a headline a parser would accept)."""
    words = story.rewrite(rng.choice(pool)).translate(_QUOTES).split()
    return " ".join(words[: rng.randint(6, 11)]).rstrip(" ,.;:")


class _Story:
    """A story's consistent substitutions: its names, its date, its numbers."""

    def __init__(self, number: int, rng: random.Random) -> None:
        self.number = number
        self.rng = rng
        self.names: dict[str, str] = {}
        self.day = date(2020, 1, 1) + timedelta(days=rng.randint(0, 1800))
        self.numbers: dict[str, str] = {}

    def rewrite(self, sentence: str) -> str:
        def name(m: re.Match[str]) -> str:
            word = m.group(1)
            if word in _KEEP:
                return word
            if word not in self.names:
                self.names[word] = _invent_name(self.rng)
            return self.names[word]

        def number(m: re.Match[str]) -> str:
            key = m.group()
            if key not in self.numbers:
                self.numbers[key] = str(self.rng.randint(2, 999))
            return self.numbers[key]

        sentence = _CAPITALIZED.sub(name, sentence)
        sentence = _NUMBER.sub(number, sentence)
        sentence = _MONTH.sub(lambda _m: f"{self.day:%B}", sentence)
        return _WEEKDAY.sub(lambda _m: WEEKDAYS[self.day.weekday()], sentence)


def generate(n: int, seed: int = 1) -> Iterator[SyntheticArticle]:
    """``n`` articles in stories of 1 to 20 articles (about 8 on average)."""
    rng = random.Random(seed)
    pool = seed_sentences()
    made = 0
    story_no = 0
    while made < n:
        story = _Story(story_no, random.Random(rng.random()))
        size = min(n - made, rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20]))
        members: list[SyntheticArticle] = []
        for k in range(size):
            name = f"{made:05d}_s{story_no:04d}.txt"
            published = story.day + timedelta(days=rng.randint(0, 2))
            if members and rng.random() < COPY_RATE:
                original = rng.choice(members)
                title = _headline(story, pool, rng)
                body = original.body + "\n\n" + "\n\n".join(rng.sample(_JUNK, 2))
                published = max(published, original.published)  # a copy never predates its source
                art = SyntheticArticle(name, title, published, body, story_no, original.name)
            else:
                title = _headline(story, pool, rng)
                art = SyntheticArticle(name, title, published, _body(story, pool, rng), story_no)
            members.append(art)
            made += 1
            yield art
            del k
        story_no += 1


_FILLERS = ["also", "reportedly", "then", "again", "meanwhile", "separately", "notably", "indeed"]


def _vary(sentence: str, rng: random.Random) -> str:
    """One outlet's wording of a shared sentence: a few words dropped or added, and now and
    then a number nudged (so a story's outlets disagree on some counts, as real ones do).
    Without this, story-mates would share long verbatim runs and look like reprints."""
    words = sentence.split(" ")
    for _ in range(len(words) // 8):
        k = rng.randrange(1, len(words))
        if words[k].islower() and rng.random() < 0.5:
            del words[k]
        else:
            words.insert(k, rng.choice(_FILLERS))
    if rng.random() < 0.15:
        for k, w in enumerate(words):
            if w.isdigit():
                words[k] = str(int(w) + rng.randint(1, 9))
                break
    return " ".join(words)


def one_story(n: int, seed: int = 1) -> list[SyntheticArticle]:
    """``n`` articles (no copies) that all cover one story, published over three days."""
    rng = random.Random(seed)
    pool = seed_sentences()
    story = _Story(0, random.Random(rng.random()))
    out = []
    for k in range(n):
        title = _headline(story, pool, rng)
        published = story.day + timedelta(days=rng.randint(0, 2))
        out.append(SyntheticArticle(f"{k:05d}_one.txt", title, published, _body(story, pool, rng), 0))
    return out


def _body(story: _Story, pool: list[str], rng: random.Random) -> str:
    paragraphs: list[str] = []
    size = 0
    order = rng.sample(pool, len(pool))
    i = 0
    while size < TARGET_BYTES:
        take = rng.randint(1, 3)
        para = " ".join(_vary(story.rewrite(s), rng) for s in order[i : i + take])
        i = (i + take) % len(order)
        paragraphs.append(para)
        size += len(para.encode()) + 2
    return "\n\n".join(paragraphs)


@dataclass(frozen=True)
class CorpusInfo:
    files: int
    bytes: int
    stories: int
    copies: int


def build_corpus(folder: Path, n: int = 10_000, seed: int = 1) -> CorpusInfo:
    """Write ``n`` articles as ``.txt`` files into ``folder`` (created if needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    stories: set[int] = set()
    copies = 0
    for art in generate(n, seed):
        data = art.text.encode("utf-8")
        (folder / art.name).write_bytes(data)
        total += len(data)
        stories.add(art.story)
        copies += art.copy_of is not None
    return CorpusInfo(n, total, len(stories), copies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the .txt files into")
    parser.add_argument("--n", type=int, default=10_000, help="number of articles (default 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="500 articles, for a smoke run")
    args = parser.parse_args(argv)
    n = 500 if args.quick else args.n
    start = time.perf_counter()
    info = build_corpus(args.out, n, args.seed)
    took = time.perf_counter() - start
    print(f"wrote {info.files} articles, {info.bytes / 1e6:.1f} MB, {info.stories} stories, "
          f"{info.copies} wire copies to {args.out} in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
