"""The four seed documents parse to the hand-checked facts in tests/expected/seed_facts.json."""

from __future__ import annotations

import datetime as dt

import pytest

SEEDS = [
    "000_8eaca48331cec965.txt",
    "001_814850e4c9e980b5.txt",
    "002_700c28a48b73b99d.txt",
    "003_966cfad3000587e1.txt",
]
FIELDS = [
    "title",
    "kind",
    "parties",
    "parties_as_written",
    "party_level",
    "signed_date",
    "signed_place",
    "entry_into_force_date",
    "authentic_languages",
    "prevailing_language",
]


def _iso(value):
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("name", SEEDS)
def test_language_and_kinds(name, seeds, seed_facts):
    result, facts = seeds[name], seed_facts[name]
    assert result.error is None
    assert result.language == facts["language"]
    assert result.document_kinds == facts["document_kinds"]


@pytest.mark.parametrize("name", SEEDS)
def test_act(name, seeds, seed_facts):
    act, expected = seeds[name].act, seed_facts[name]["act"]
    if expected is None:
        assert act is None
        return
    got = {"type": act.type, "action": act.action, "country": act.country, "number": act.number, "date": _iso(act.date)}
    assert got == expected


@pytest.mark.parametrize("name", SEEDS)
@pytest.mark.parametrize("field", FIELDS)
def test_agreement_field(name, field, seeds, seed_facts):
    expected = seed_facts[name]["agreement"]
    if field not in expected:
        pytest.skip("not stated for this seed")
    assert _iso(getattr(seeds[name].agreement, field)) == expected[field]


@pytest.mark.parametrize("name", SEEDS)
def test_term(name, seeds, seed_facts):
    expected = seed_facts[name]["agreement"].get("term")
    term = seeds[name].agreement.term
    assert (term.to_contract() if term else None) == expected


@pytest.mark.parametrize("name", SEEDS)
def test_articles_and_headings(name, seeds, seed_facts):
    expected = seed_facts[name]["agreement"]
    articles = seeds[name].agreement.articles
    assert len(articles) == expected["article_count"]
    assert [a.number for a in articles] == [str(i) for i in range(1, len(articles) + 1)]
    headings = expected.get("headings")
    if headings == "all null":
        assert all(a.heading is None for a in articles)
    elif headings is not None:
        assert [a.heading for a in articles] == headings
    assert all(a.text.strip() for a in articles)


@pytest.mark.parametrize("name", SEEDS)
def test_authorities(name, seeds, seed_facts):
    expected = seed_facts[name]["agreement"].get("authorities")
    if expected is None:
        pytest.skip("not stated")
    got = [{"country": a.country, "name": a.name} for a in seeds[name].agreement.authorities]
    assert got == expected


@pytest.mark.parametrize("name", SEEDS)
def test_topics(name, seeds, seed_facts):
    wanted = seed_facts[name]["agreement"].get("topics_include", [])
    try:
        import archive.search.thesaurus  # noqa: F401
    except ImportError:
        pytest.skip("the topic thesaurus is not installed")
    assert set(wanted) <= set(seeds[name].agreement.topics)


@pytest.mark.parametrize("name", SEEDS)
def test_related(name, seeds, seed_facts):
    expected = seed_facts[name]["related"]
    related = seeds[name].related
    assert len(related) == len(expected)
    for rel, exp in zip(related, expected, strict=True):
        assert rel.relation == exp["relation"]
        assert _iso(rel.date) == exp["date"]
        assert rel.kind == exp["kind"]
        assert rel.parties == exp["parties"]
        assert exp["title_contains"] in rel.title
        if "place" in exp:
            assert rel.place == exp["place"]
        if "article_number" in exp:
            assert rel.article_number == exp["article_number"]


@pytest.mark.parametrize("name", SEEDS)
def test_normalised_text(name, seeds, seed_facts):
    facts = seed_facts[name]
    text = seeds[name].normalised_text
    for piece in facts.get("text_contains", []):
        assert piece in text
    for piece in facts.get("text_not_contains", []):
        assert piece not in text


def test_note_cites_the_armenian_decision_only_as_a_warning(seeds, seed_facts):
    result = seeds["000_8eaca48331cec965.txt"]
    assert result.act is None
    joined = " ".join(result.warnings)
    for piece in seed_facts["000_8eaca48331cec965.txt"]["warnings_contain"]:
        assert piece in joined


def test_csto_is_not_a_party(seeds):
    assert seeds["000_8eaca48331cec965.txt"].agreement.parties == ["AM", "KZ"]


def test_article_7_heading_spans_two_lines(seeds):
    heading = seeds["001_814850e4c9e980b5.txt"].agreement.articles[6].heading
    assert heading.endswith("құқықтары мен міндеттемелері")


def test_last_articles_stop_before_the_testimonium(seeds):
    a = seeds["001_814850e4c9e980b5.txt"].agreement
    assert "жасалды" not in a.articles[-1].text
    assert "жасалды" in a.final_clauses
    assert a.signature_block.endswith("үшін")


def test_parse_time_per_seed_is_small(seeds):
    import time

    from archive.ingest.pipeline import parse_bytes
    from tests.ingest.conftest import CORPUS

    data = (CORPUS / "002_700c28a48b73b99d.txt").read_bytes()  # 27 kB, the largest
    parse_bytes(data, "warm-up.txt")
    started = time.perf_counter()
    parse_bytes(data + b"\n", "002.txt")
    assert time.perf_counter() - started < 0.5  # generous bound; typical is ~20 ms
