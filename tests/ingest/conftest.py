"""Parser tests need no database and no Django settings (they also run with -p no:django)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
VARIANTS = Path(__file__).resolve().parent / "variants"
SCHEMA = ROOT / "archive" / "ingest" / "contracts" / "parse-output.schema.json"


@pytest.fixture(scope="session")
def seed_facts() -> dict:
    return json.loads((ROOT / "tests" / "expected" / "seed_facts.json").read_text("utf-8"))


def parse_scope(fixture_name: str, config: pytest.Config) -> str:
    """Parse once per session, except under make mutate: mutmut credits a function to the tests
    that ran it, and a parse shared by the session would be credited to the first test alone (a
    mutant it reaches then judged by that one test). There, each test parses for itself."""
    return "function" if os.environ.get("MUTANT_UNDER_TEST") else "session"


@pytest.fixture(scope=parse_scope)
def seeds():
    from archive.ingest.pipeline import parse_path

    return {p.name: parse_path(p) for p in sorted(CORPUS.glob("*.txt"))}
