"""Parser tests need no database and no Django settings (they also run with -p no:django)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
VARIANTS = Path(__file__).resolve().parent / "variants"
SCHEMA = ROOT / "archive" / "ingest" / "contracts" / "parse-output.schema.json"


@pytest.fixture(scope="session")
def seed_facts() -> dict:
    return json.loads((ROOT / "tests" / "expected" / "seed_facts.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def seeds():
    from archive.ingest.pipeline import parse_path

    return {p.name: parse_path(p) for p in sorted(CORPUS.glob("*.txt"))}
