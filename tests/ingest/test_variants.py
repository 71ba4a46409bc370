"""Variant documents of the common genres (tests/ingest/variants) against expected.json.

Each (document, field) pair is its own test, so the pass count is the per-field accuracy.
"""

from __future__ import annotations

import json

import pytest

from archive.ingest.pipeline import parse_path

from .conftest import VARIANTS

EXPECTED = json.loads((VARIANTS / "expected.json").read_text("utf-8"))
CASES = [(name, field) for name, facts in EXPECTED.items() if not name.startswith("_") for field in facts]
_cache: dict = {}


def _parsed(name):
    if name not in _cache:
        _cache[name] = parse_path(VARIANTS / name).to_contract()
    return _cache[name]


def _value(contract: dict, field: str):
    agreement = contract.get("agreement") or {}
    if field == "article_count":
        return len(agreement.get("articles", []))
    if field == "headings":
        return [a["heading"] for a in agreement.get("articles", [])]
    if field == "authority_names":
        return [a["name"] for a in agreement.get("authorities", [])]
    if field == "relations":
        return [[r["relation"], r["date"]] for r in contract["related"]]
    value = contract
    for part in field.split("."):
        if value is None:
            return None
        value = value.get(part)
    return value


@pytest.mark.parametrize(("name", "field"), CASES, ids=[f"{n}:{f}" for n, f in CASES])
def test_variant_field(name, field):
    assert _value(_parsed(name), field) == EXPECTED[name][field]


def test_every_variant_has_expectations():
    files = {p.name for p in VARIANTS.glob("*.txt")}
    assert files == {n for n in EXPECTED if not n.startswith("_")}


def test_in_sentence_article_references_are_not_headings():
    contract = _parsed("ru_decree_kz_uz.txt")
    numbers = [a["number"] for a in contract["agreement"]["articles"]]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7"]
    article4 = contract["agreement"]["articles"][3]["text"]
    assert "Статья 2 настоящего Соглашения применяется" in article4


def test_truncated_text_is_flagged():
    contract = _parsed("truncated_kk.txt")
    assert any("truncated" in w for w in contract["warnings"])
