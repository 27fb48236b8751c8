"""Sentences, claims and mentions. PLACEHOLDER until the engine lands."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wiredesk.core.models import Article, Claim

ENGINE_VERSION = "claims-0"


@dataclass
class Analysis:
    claims: list[Claim]

    def to_json(self) -> dict[str, Any]:
        return {"claims": [c.to_dict() for c in self.claims]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        return cls([Claim(c["start"], c["end"], c["text"]) for c in data["claims"]])


def analyze(article: Article) -> Analysis:
    out = []
    for m in re.finditer(r"[^\n.]+[.]?", article.body):
        if m.group().strip():
            out.append(Claim(m.start(), m.end(), m.group()))
    return Analysis(out)
