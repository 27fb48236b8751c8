"""Facts across a story. PLACEHOLDER until the engine lands."""

from __future__ import annotations

from typing import Any

from wiredesk.core.models import Article, Evidence, Fact, FactValue

ENGINE_VERSION = "facts-0"


def compare_story(story: str, articles: list[Article], analyses: dict[str, Any]) -> list[Fact]:
    return []


def fact_from_json(data: dict[str, Any]) -> Fact:
    values = [
        FactValue(v["value"], v["normalized"], v["articles"], [Evidence(**e) for e in v["evidence"]])
        for v in data["values"]
    ]
    return Fact(**{**data, "values": values})
