"""Grouping features extracted once, by the first grouping pass that needs them, and stored:
the same stories as extracting them from the text, stable across processes, and recomputed
whenever they cannot be trusted."""

from __future__ import annotations

import os
import subprocess
import sys
from array import array
from collections import Counter
from pathlib import Path

from wiredesk.core.grouping import group_articles
from wiredesk.core.grouping.features import (
    DATE,
    NAME,
    FeatureMaker,
    TermFeatures,
    Vocabulary,
    article_features,
    extract,
    published_date,
)
from wiredesk.core.grouping.text import (
    TokenCache,
    fold,
    sampled_shingles,
    shingle_words,
    shingles,
    term_counts,
)
from wiredesk.core.service import Wiredesk

from tests.core.test_grouping import QUAKE, VERDICT, art


def _reference_term_counts(folded: str) -> tuple[dict[str, int], set[str]]:
    """Term counts and names written the plain way: one regex pass per question, no memo."""
    import re

    from wiredesk.core.grouping.text import MONTHS, STOPWORDS, WEEKDAYS, WORD, normalize_token

    counts: dict[str, int] = {}
    lower: set[str] = set()
    capital: set[str] = set()
    for token in WORD.findall(folded):
        key = normalize_token(token)
        if len(key) < 3 or key in STOPWORDS or key in MONTHS or key in WEEKDAYS or key.isdigit():
            continue
        counts[key] = counts.get(key, 0) + 1
        (capital if token[0].isupper() else lower).add(key)
    mid = set()
    for m in re.finditer(r"(?<!\w)[A-Z]\w*(?:['’ʼ`]\w+)*", folded):
        i = m.start()
        if i < 2:
            continue
        a, b = folded[i - 2], folded[i - 1]
        if (b == " " and ((a.isascii() and (a.islower() or a.isdigit())) or a in ",;:)’”'\"")) \
                or (b == "-" and a.islower()) or (a == " " and b in "(“‘\"'"):
            mid.add(normalize_token(m.group()))
    return counts, (capital - lower) & mid


INVENTED = [
    "Strike hits Ostrava. The strike near Ostrava killed Kata'ib fighters, said Mr. O'Neill.",
    "Officials in the U.S. said (Marwick) and “Tessaly” were named; al-Fadhli met al-Fadli on Monday.",
    "Ṣadr and Sadr: Ölberg's mayor, Ölberg, 3 Feb 2024. Ölberg's council met yesterday.",
    "INVESTIGATORS said. Investigators found Breckton's ledger; breckton's rivals denied it, Breckton said.",
    "A\n\nB c Dd, Eee-Fff ggg-Hhh 12 Iii 'Jjj' “Kkk” ‘Lll’ (Mmm) x Nnn’s",
    "",
]


def test_term_counts_agree_with_a_plain_reference_on_invented_text() -> None:
    for text in INVENTED + [a.body for a in QUAKE + VERDICT]:
        folded = fold(text)
        counts, names = term_counts(folded, TokenCache())
        ref_counts, ref_names = _reference_term_counts(folded)
        assert counts == ref_counts, text
        assert list(counts) == list(ref_counts), text  # first-seen order: it decides term ids
        assert names == ref_names, text


def test_term_counts_with_a_shared_memo_give_the_same_as_without() -> None:
    memo = TokenCache()
    for text in INVENTED * 2:
        assert term_counts(fold(text), memo) == term_counts(fold(text)), text


def test_stored_features_group_exactly_like_extraction_from_text() -> None:
    articles = [*QUAKE, *VERDICT]
    from_text = group_articles(articles)
    maker = FeatureMaker()
    stored = {a.id: TermFeatures.decode(*maker(a).encode()) for a in articles}
    assert all(f is not None for f in stored.values())
    from_store = group_articles(articles, stored)  # type: ignore[arg-type]
    assert [(s.id, s.articles) for s in from_store.stories] == [(s.id, s.articles) for s in from_text.stories]
    assert from_store.copy_of == from_text.copy_of
    assert list(from_store.term_df()) == list(from_text.term_df())


def test_extract_from_stored_features_is_the_same_document() -> None:
    for a in [*QUAKE, *VERDICT]:
        v1, v2 = Vocabulary(), Vocabulary()
        d1 = extract(a, v1)
        d2 = extract(a, v2, article_features(a.title, a.body, published_date(a)))
        one = (d1.terms, d1.weights, sorted(d1.names), d1.sample)
        assert one == (d2.terms, d2.weights, sorted(d2.names), d2.sample)
        assert dict(v1.ids) == dict(v2.ids) and v1.df == v2.df and v1.date_ids == v2.date_ids


def test_features_hold_names_dates_and_title_boosts() -> None:
    a = art("t1", "Ostrava mayor resigns", "The mayor of Ostrava resigned on Monday, officials in Ostrava said.")
    f = article_features(a.title, a.body, published_date(a))
    kinds = dict(zip(f.terms, f.kinds, strict=True))
    weights = dict(zip(f.terms, f.weights, strict=True))
    assert kinds["~ostrv"] == NAME  # a name is kept as its spelling skeleton
    assert kinds["d:2025-03-10"] == DATE
    assert weights["mayor"] > weights["officials"]  # in the headline too


def test_decode_refuses_other_versions_and_damaged_rows() -> None:
    version, terms, kinds, weights, sample = article_features(None, QUAKE[0].body, None).encode()
    assert TermFeatures.decode(version + 1, terms, kinds, weights, sample) is None
    assert TermFeatures.decode(version, terms, kinds[:-1], weights, sample) is None
    assert TermFeatures.decode(version, terms, kinds, weights[:-2], sample) is None
    empty = article_features(None, "", None)
    assert TermFeatures.decode(*empty.encode()) == empty


def test_the_sample_is_a_fixed_share_of_the_shingles_and_same_in_every_process() -> None:
    words = shingle_words(QUAKE[0].body)
    sample = sampled_shingles(words)
    assert list(sample) == sorted(sample) and 0 < len(sample) < len(shingles(words))
    assert all(h % 8 == 0 for h in sample)
    code = ("from wiredesk.core.grouping.text import sampled_shingles, shingle_words;"
            "import sys; print(list(sampled_shingles(shingle_words(sys.stdin.read()))))")
    outs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", code], input=QUAKE[0].body, capture_output=True, text=True,
                              env=env, check=True)
        outs.add(done.stdout.strip())
    assert outs == {str(list(sample))}


def test_the_grouping_after_indexing_stores_features_and_regroup_uses_them(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for a in [*QUAKE, *VERDICT]:
        (folder / f"{a.id}.txt").write_text(f"{a.title}\n\n{a.body}\n", encoding="utf-8")
    wd = Wiredesk(tmp_path / "index.sqlite3")
    wd.index([folder])
    db = wd.index_db
    articles = db.articles(full=True, raw=False)
    lookup = db.stored_features()
    stored = {a.id: lookup(a) for a in articles}
    assert all(isinstance(f, TermFeatures) for f in stored.values())
    assert stored == {a.id: FeatureMaker()(a) for a in articles}
    expected = group_articles(articles)
    assert sorted(sorted(s.articles) for s in wd.stories()) == sorted(sorted(s.articles) for s in expected.stories)
    # a regroup reads every article's features: none is extracted from its text again
    extracted: list[str] = []
    again = group_articles(articles, db.stored_features(), lambda a, _f: extracted.append(a.id))
    assert extracted == [] and [s.articles for s in again.stories] == [s.articles for s in expected.stories]
    # a row stored for other content is not trusted: that article is extracted again
    db.conn.execute("UPDATE grouping_features SET content_hash = 'other'")
    assert db.stored_features()(articles[0]) is None
    assert sorted(sorted(s.articles) for s in wd.regroup()) == sorted(sorted(s.articles) for s in expected.stories)
    # removing an article removes its features
    gone = articles[0]
    Path(gone.path).unlink()
    wd.forget(gone.path)
    left = db.conn.execute("SELECT count(*) FROM grouping_features WHERE article_id = ?", (gone.id,)).fetchone()[0]
    assert left == 0


def test_the_kinds_counter_matches_the_terms() -> None:
    f = article_features("Ostrava", "Ostrava and Marwick met on Monday in Ostrava.", None)
    assert Counter(f.kinds)[DATE] == 1 and isinstance(f.weights, array) and f.weights.typecode == "f"


def test_placing_new_articles_stores_their_features(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    first, later = [*QUAKE, *VERDICT][:-1], [*QUAKE, *VERDICT][-1]
    for a in first:
        (folder / f"{a.id}.txt").write_text(f"{a.title}\n\n{a.body}\n", encoding="utf-8")
    wd = Wiredesk(tmp_path / "index.sqlite3")
    wd.index([folder])
    (folder / f"{later.id}.txt").write_text(f"{later.title}\n\n{later.body}\n", encoding="utf-8")
    placed: list[bool] = []
    original = wd.place
    wd.place = lambda ids: placed.append(original(ids)) or placed[-1]  # type: ignore[method-assign]
    report = wd.index([folder])
    assert placed == [True] and len(report.new_ids) == 1
    db = wd.index_db
    [new] = db.articles_by_id(report.new_ids)
    assert db.stored_features()(new) == FeatureMaker()(new)


def test_features_for_an_article_that_changed_meanwhile_are_not_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    a = QUAKE[0]
    (folder / "a.txt").write_text(f"{a.title}\n\n{a.body}\n", encoding="utf-8")
    wd = Wiredesk(tmp_path / "index.sqlite3")
    wd.index([folder])
    db = wd.index_db
    [stored] = db.articles(full=True, raw=False)
    db.conn.execute("DELETE FROM grouping_features")
    db.store_features([(stored.id, "other content", FeatureMaker()(stored)), ("gone", "x", FeatureMaker()(stored))])
    assert db.conn.execute("SELECT count(*) FROM grouping_features").fetchone()[0] == 0
    db.store_features([(stored.id, stored.content_hash, FeatureMaker()(stored))])
    assert db.stored_features()(stored) == FeatureMaker()(stored)
