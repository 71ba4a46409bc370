"""Facts from several places, combined: each value with a confidence and its evidence.

A genre states the same fact in several places: the parties in the title ("between X and
Y"), the preamble ("X and Y, hereinafter referred to as the Parties"), the act's clause
that names the agreement and the signature block ("For the Government of X"); the date of
signature in the testimonium ("Done at … on …"), the act and a registry card. Each finder
adds what it read as a ``Candidate`` (value, how much that place is worth, the quoted
passage and its offsets in the normalised text); ``resolve`` picks the value the sources
support best:

* two or more places agree -> a confident value (independent sources combine as
  ``1 - Π(1 - w)``);
* places disagree -> the best-supported value, its confidence lowered by the support of
  the others, and a warning naming both readings;
* a single weak place -> the value, its (low) confidence and a warning.

Nothing here looks at text: it is bookkeeping, testable on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CONFIDENT", "Candidate", "Candidates", "Evidence", "Fact"]

#: At or above this, a value needs no reviewer's attention on its own account.
CONFIDENT = 0.7
_QUOTE = 300


@dataclass(frozen=True)
class Evidence:
    source: str  # where the genre states it: title, preamble, testimonium, signature, act, registry, …
    quote: str
    start: int  # offsets into the normalised text
    end: int
    value: Any = None

    def to_contract(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "value": _plain(self.value),
        }


@dataclass(frozen=True)
class Candidate:
    value: Any
    weight: float  # 0..1: how much this place is worth for this field
    evidence: Evidence


@dataclass
class Fact:
    value: Any
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    warning: str | None = None


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _describe(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "-".join(str(v) for v in value) or "none"
    return str(_plain(value))


class Candidates:
    """What every finder read, field by field."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self._by_field: dict[str, list[Candidate]] = {}

    def add(
        self, name: str, value: Any, weight: float, source: str, start: int, end: int, quote: str | None = None
    ) -> None:
        """Record that ``source`` (at ``start``..``end`` of the normalised text) says ``value``."""
        if value in (None, "", [], ()):
            return
        if quote is None:
            quote = self.text[start:end] if self.text else ""
        quote = " ".join(quote.split())
        if len(quote) > _QUOTE:
            quote = quote[: _QUOTE - 1] + "…"
        ev = Evidence(source=source, quote=quote, start=start, end=end, value=value)
        self._by_field.setdefault(name, []).append(Candidate(value, max(0.0, min(1.0, weight)), ev))

    def get(self, name: str) -> list[Candidate]:
        return list(self._by_field.get(name, []))

    def __contains__(self, name: str) -> bool:
        return bool(self._by_field.get(name))

    def resolve(self, name: str, key: Callable[[Any], Hashable] | None = None, label: str | None = None) -> Fact | None:
        """The best-supported value of ``name`` (``key`` says which values are the same)."""
        cands = self._by_field.get(name) or []
        if not cands:
            return None
        key = key or _default_key
        groups: dict[Hashable, list[Candidate]] = {}
        for c in cands:
            groups.setdefault(key(c.value), []).append(c)

        def support(group: list[Candidate]) -> float:
            # one place counts once (the same quote read twice is not two witnesses)
            best: dict[str, float] = {}
            for c in group:
                best[c.evidence.source] = max(best.get(c.evidence.source, 0.0), c.weight)
            miss = 1.0
            for w in best.values():
                miss *= 1.0 - w
            return 1.0 - miss

        ranked = sorted(groups.values(), key=lambda g: (support(g), max(c.weight for c in g)), reverse=True)
        best = ranked[0]
        score = support(best)
        # the value as the strongest witness gives it (its own spelling and order)
        value = max(best, key=lambda c: c.weight).value
        warning = None
        what = label or name.replace("_", " ")
        if len(ranked) > 1:
            other = ranked[1]
            rival = support(other)
            score = score * (1.0 - 0.5 * rival)
            warning = (
                f"sources disagree on the {what}: {_describe(value)} ({_sources(best)}) "
                f"vs {_describe(max(other, key=lambda c: c.weight).value)} ({_sources(other)})"
            )
        elif score < CONFIDENT:
            warning = f"the {what} ({_describe(value)}) rests on one weak source: the {_sources(best)}"
        evidence = [c.evidence for c in sorted(best, key=lambda c: -c.weight)]
        evidence += [c.evidence for g in ranked[1:] for c in g]
        return Fact(value=value, confidence=round(score, 2), evidence=evidence, warning=warning)


def _default_key(value: Any) -> Hashable:
    if isinstance(value, list):
        return tuple(sorted(value))
    if isinstance(value, str):
        return " ".join(value.lower().split())
    return value


def _sources(group: list[Candidate]) -> str:
    names: list[str] = []
    for c in sorted(group, key=lambda c: -c.weight):
        if c.evidence.source not in names:
            names.append(c.evidence.source)
    return ", ".join(names)
