"""Every index write is one transaction: an exception half-way leaves the index as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from wiredesk.core.models import ParsedArticle, Story
from wiredesk.core.service import Wiredesk
from wiredesk.core.store import Index


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (FTS via a search-visible query), for before/after equality."""
    conn = sqlite3.connect(db)
    try:
        tables = ("files", "articles", "stories", "analyses", "story_facts", "meta")
        out = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
        out["fts"] = sorted(conn.execute("SELECT rowid, title, body FROM articles_fts").fetchall(), key=repr)
        return out
    finally:
        conn.close()


class Boom(RuntimeError):
    pass


def _parsed(source: str, n: int) -> list[ParsedArticle]:
    return [
        ParsedArticle(source=f"{source}#{i}", raw=f"raw {source} {i}", body=f"Body {i} of {source}.", title=f"T{i}")
        for i in range(n)
    ]


def test_store_file_rolls_back_when_the_third_article_fails(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Index(db_path) as idx:
        idx.store_file("/feeds/a.xml", None, _parsed("/feeds/a.xml", 2))
    before = dump(db_path)
    calls = {"n": 0}
    original = Index._write_article

    def flaky(self: Index, *args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise Boom("disk said no")
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Index, "_write_article", flaky)
    with Index(db_path) as idx, pytest.raises(Boom):
        idx.store_file("/feeds/b.xml", None, _parsed("/feeds/b.xml", 5))
    assert calls["n"] == 3  # two articles really were written inside the transaction
    assert dump(db_path) == before


def test_service_index_rolls_back_a_changed_file_when_recording_it_fails(
    db_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = Wiredesk(db_path)
    service.index([corpus])
    target = sorted(corpus.iterdir())[3]
    target.write_text(target.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    service.close()
    before = dump(db_path)

    def fail(*_a: object, **_k: object) -> None:
        raise Boom("crash while recording the file state")

    monkeypatch.setattr(Index, "_record_file", fail)
    with pytest.raises(Boom):
        Wiredesk(db_path).index([corpus])
    assert dump(db_path) == before
    monkeypatch.undo()
    report = Wiredesk(db_path).index([corpus])
    assert report.updated == 1 and not report.errors


def test_set_stories_is_all_or_nothing(db_path: Path, corpus: Path) -> None:
    service = Wiredesk(db_path)
    service.index([corpus])
    before = dump(db_path)
    ids = [a.id for a in service.articles()]

    def stories() -> Iterator[Story]:
        yield Story("new1", "first", ids[:3])
        raise Boom("grouping crashed after the first story")

    with pytest.raises(Boom):
        service.index_db.set_stories(stories(), {})
    assert dump(db_path) == before


def test_stale_grouping_is_not_written(db_path: Path, corpus: Path) -> None:
    """A grouping computed before another writer changed the articles must not land."""
    service = Wiredesk(db_path)
    service.index([corpus])
    idx = service.index_db
    generation = idx.generation()
    idx.store_file("/elsewhere/x.txt", None, _parsed("/elsewhere/x.txt", 1))
    assert idx.needs_regroup()
    assert idx.set_stories([Story("old", "old", [])], {}, generation=generation) is False
    assert "old" not in {s.id for s in idx.stories()}
    service.regroup()
    assert not idx.needs_regroup()


def test_cache_write_is_all_or_nothing(db_path: Path, corpus: Path) -> None:
    service = Wiredesk(db_path)
    service.index([corpus])
    articles = service.articles()

    def items() -> Iterator[tuple[str, str, object]]:
        yield (articles[0].id, articles[0].content_hash, {"claims": []})
        raise Boom("engine crashed")

    with pytest.raises(Boom):
        service.index_db.cache_analyses("engine-x", items())
    assert service.index_db.cached_analysis(articles[0].id, "engine-x", articles[0].content_hash) is None


def test_data_version_moves_on_every_visible_change(db_path: Path, corpus: Path, tmp_path: Path) -> None:
    service = Wiredesk(db_path)
    v0 = service.data_version()
    service.index([corpus])
    v1 = service.data_version()
    assert v1 > v0
    service.index([corpus])  # unchanged: nothing to refresh
    assert service.data_version() == v1
    extra = tmp_path / "extra.txt"
    extra.write_text("A headline\n\nSomething else happened on Monday, officials said.\n", encoding="utf-8")
    other = Wiredesk(db_path)  # another connection sees the same number
    other.index([extra])
    assert service.data_version() == other.data_version() > v1


def test_disk_full_mid_index_is_one_clear_error_and_nothing_half_written(
    db_path: Path, corpus: Path, tmp_path: Path
) -> None:
    from wiredesk.core.store import WriteFailed

    service = Wiredesk(db_path)
    service.index([corpus])
    before = dump(db_path)
    big = tmp_path / "big"
    big.mkdir()
    (big / "long.txt").write_text("A long article\n\n" + "Officials said many things. " * 20000, encoding="utf-8")
    idx = service.index_db
    (pages,) = idx.conn.execute("PRAGMA page_count").fetchone()
    idx.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the "disk" is now full
    try:
        service.index([big])
    except WriteFailed as exc:
        message = str(exc)
    else:  # pragma: no cover - the write must not fit
        raise AssertionError("expected the write to fail")
    assert "could not save changes" in message and "full" in message and "\n" not in message
    assert not idx.conn.in_transaction
    assert dump(db_path) == before
