"""``Analysis``: what the claims engine read in one article, as the index caches it.

Kept apart from the extractors so that reading a cached analysis back (every article the
reader opens) does not import them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Claim, Mention
from .sentences import Sentence
from .version import ENGINE_VERSION


@dataclass
class Analysis:
    """The engine's reading of one article. ``claims`` are the sentences with checkable
    content; ``sentences`` are all sentences (for highlighting and context)."""

    claims: list[Claim]
    sentences: list[Sentence] = field(default_factory=list)
    version: str = ENGINE_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "claims": [c.to_dict() for c in self.claims],
            "sentences": [s.to_json() for s in self.sentences],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        claims = []
        for c in data.get("claims", []):
            claims.append(
                Claim(
                    start=c["start"],
                    end=c["end"],
                    text=c["text"],
                    mentions=[Mention(**m) for m in c.get("mentions", [])],
                    is_caption=c.get("is_caption", False),
                    status=c.get("status"),
                    facts=list(c.get("facts", [])),
                )
            )
        sentences = [Sentence.from_json(s) for s in data.get("sentences", [])]
        return cls(claims, sentences, data.get("version", ENGINE_VERSION))
