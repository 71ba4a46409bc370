"""The chosen filters as removable chips: "Party: Kazakhstan ×", each linking to the current
address without that one value (the other parameters and the other values of a repeated
parameter are kept; the page number is dropped: the list changes)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.http import QueryDict

NOT_FILTERS = frozenset({"page", "ordering", "page_size", "format"})


@dataclass(frozen=True)
class Chip:
    name: str  # the parameter: "party"
    value: str  # its value as sent: "Kazakhstan", "KZ"
    label: str  # the filter's label: "Party"
    text: str  # the value as a reader reads it: "Kazakhstan", "Қазақстан"
    url: str  # "?…": the current query without this value
    valid: bool = True  # False: the value names nothing (shown so it can be removed)


def query_without_value(params: QueryDict, name: str, value: str) -> str:
    """The query string ``params`` without ``name=value`` (only that value of a repeated
    parameter) and without the page number."""
    rest = params.copy()
    rest.setlist(name, [v for v in params.getlist(name) if v != value])
    if not rest.getlist(name):
        rest.pop(name, None)
    rest.pop("page", None)
    return rest.urlencode()


def query_keeping(params: QueryDict, names: Iterable[str]) -> str:
    """The query string with only ``names`` (the "Clear all" link keeps the search words)."""
    kept = QueryDict(mutable=True)
    for name in names:
        values = [v for v in params.getlist(name) if v.strip()]
        if values:
            kept.setlist(name, values)
    return kept.urlencode()


def chips(
    params: QueryDict,
    labels: Mapping[str, str],
    describe: Callable[[str, str], str | None],
    skip: Iterable[str] = (),
) -> list[Chip]:
    """A chip per chosen value of every filter in ``labels`` (in their order), but ``skip``.

    ``describe(name, value)`` gives the value as a reader reads it, or None when it names
    nothing (the chip then shows the value as typed, so it can still be removed)."""
    skipped = set(skip) | NOT_FILTERS
    out: list[Chip] = []
    for name, label in labels.items():
        if name in skipped:
            continue
        seen: set[str] = set()
        for value in params.getlist(name):
            if not value.strip() or value in seen:
                continue
            seen.add(value)
            text = describe(name, value)
            out.append(
                Chip(
                    name=name,
                    value=value,
                    label=str(label),
                    text=text if text is not None else value[:80],
                    url="?" + query_without_value(params, name, value),
                    valid=text is not None,
                )
            )
    return out
