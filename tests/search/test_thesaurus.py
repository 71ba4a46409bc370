"""The topic thesaurus: data checks, topic suggestions on the seed texts, query concepts."""

import json
import re
from pathlib import Path

import pytest

from archive.search.thesaurus import (
    DEFAULT_PATH,
    Concept,
    children,
    concepts_in_query,
    find_matches,
    get_concept,
    label_lexemes,
    load_concepts,
    suggest_topics,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
LANGS = ("en", "ru", "kk", "hy", "az")


def seed(prefix: str) -> str:
    (path,) = CORPUS.glob(prefix + "_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def raw():
    return json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


def test_data_shape(raw):
    assert 60 <= len(raw) <= 120
    slugs = [c["slug"] for c in raw]
    assert len(slugs) == len(set(slugs)), "unique slugs"
    for c in raw:
        assert set(c) == {"slug", "parent", "labels", "synonyms"}
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c["slug"])
        assert c["parent"] is None or c["parent"] in slugs, c["slug"]
        for lang in LANGS:
            assert isinstance(c["labels"].get(lang), str) and c["labels"][lang].strip(), (
                c["slug"],
                lang,
            )
        assert set(c["synonyms"]) <= set(LANGS)
        for terms in c["synonyms"].values():
            assert all(isinstance(t, str) and t.strip() for t in terms)


def test_two_levels(raw):
    by = {c["slug"]: c for c in raw}
    for c in raw:
        if c["parent"]:
            assert by[c["parent"]]["parent"] is None, f"{c['slug']}: tree deeper than 2"


def _all_terms(c):
    for lang in LANGS:
        yield lang, c["labels"][lang]
        for t in c["synonyms"].get(lang, []):
            yield lang, t


def test_no_mixed_scripts_inside_words(raw):
    cyr = re.compile(r"[\u0400-\u04ff]")
    lat = re.compile(r"[A-Za-z\u00c0-\u024f]")
    arm = re.compile(r"[\u0530-\u058f]")
    for c in raw:
        for lang, term in _all_terms(c):
            for word in re.findall(r"[^\W\d_]+", term):
                scripts = sum(bool(r.search(word)) for r in (cyr, lat, arm))
                assert scripts == 1, (c["slug"], lang, word)
            if lang in ("ru", "kk"):
                assert not lat.search(term), (c["slug"], lang, term)
            if lang == "hy":
                assert arm.search(term) and not lat.search(term) and not cyr.search(term)
            if lang in ("en", "az"):
                assert not cyr.search(term) and not arm.search(term), (c["slug"], term)


def test_kazakh_terms_use_cyrillic_i(raw):
    for c in raw:
        for lang, term in _all_terms(c):
            if lang == "kk":
                assert "i" not in term and "I" not in term, term  # Latin i
            if lang == "ru":
                assert not set(term) & set("әғқңөұүһі"), (c["slug"], term)


def test_loader_and_helpers():
    concepts = load_concepts()
    assert all(isinstance(c, Concept) for c in concepts)
    assert load_concepts() == concepts  # cached, stable
    mi = get_concept("military-intelligence")
    assert mi.parent == "defence"
    assert mi.labels["kk"] == "әскери барлау"
    assert mi.label("hy") == "ռազմական հետախուզություն"
    assert "military-intelligence" in {c.slug for c in children("defence")}
    assert {lang for lang, _ in label_lexemes("military-intelligence")} == set(LANGS)
    assert len({hash(c) for c in concepts}) == len(concepts)


@pytest.mark.parametrize(
    ("prefix", "expected_first", "must_include"),
    [
        ("000", "military-intelligence", {"defence"}),
        ("001", "military-intelligence", {"defence"}),
        ("002", "strategic-partnership", set()),
        ("003", "government-communications", {"security"}),
    ],
)
def test_suggest_topics_on_seed_texts(prefix, expected_first, must_include):
    text = seed(prefix)
    topics = suggest_topics(text, None)
    assert topics[0] == expected_first, topics
    assert must_include <= set(topics)
    assert len(topics) <= 10  # no flooding
    lang = "hy" if prefix == "000" else "kk"
    assert suggest_topics(text, lang) == topics


def test_suggest_topics_parent_follows_child():
    topics = suggest_topics(seed("001"), "kk")
    assert topics.index("military-intelligence") < topics.index("defence")


def test_suggest_topics_needs_a_real_signal():
    assert suggest_topics("", None) == []
    assert suggest_topics("Тараптар ынтымақтастық туралы келісім жасасты.", "kk") == []
    assert suggest_topics("cooperation cooperation cooperation agreement", "en") == []
    assert suggest_topics("Agreement on Military Intelligence", "en")[:2] == [
        "military-intelligence",
        "defence",
    ]
    assert suggest_topics("Соглашение о сотрудничестве в области военной разведки", "ru")[0] == "military-intelligence"


def test_inflected_phrase_matches():
    from archive.search.analysis import analyse

    lex = analyse("әскери барлау аясындағы ынтымақтастық", "kk")
    assert "military-intelligence" in {m.slug for m in find_matches(lex, "kk")}
    lex = analyse("в сфере военной разведки", "ru")
    assert "military-intelligence" in {m.slug for m in find_matches(lex, "ru")}


def test_maximal_match_drops_nested_concepts():
    from archive.search.analysis import analyse

    slugs = {m.slug for m in find_matches(analyse("еркін сауда аймағы", "kk"), "kk")}
    assert slugs == {"free-trade"}


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("военная разведка", "military-intelligence"),
        ("военной разведки", "military-intelligence"),
        ("әскери барлау", "military-intelligence"),
        ("askeri barlau", "military-intelligence"),
        ("military intelligence", "military-intelligence"),
        ("ռազմական հետախուզություն", "military-intelligence"),
        ("hərbi kəşfiyyat", "military-intelligence"),
        ("үкіметтік байланыс", "government-communications"),
        ("правительственной связи", "government-communications"),
        ("шифрование", "government-communications"),
        ("стратегиялық әріптестік", "strategic-partnership"),
        ("double taxation", "taxation"),
        ("Caspian Sea", "caspian-sea"),
    ],
)
def test_concepts_in_query(query, slug):
    assert slug in [c.slug for c in concepts_in_query(query)]


def test_concepts_in_query_nothing():
    assert concepts_in_query("") == []
    assert concepts_in_query("'; DROP TABLE --") == []
    assert concepts_in_query("Баку 2004") == []


@pytest.mark.parametrize(
    ("title", "lang", "slug"),
    [
        ("Agreement on customs cooperation", "en", "customs"),
        ("Соглашение о сотрудничестве в области туризма", "ru", "tourism"),
        ("Туризм саласындағы ынтымақтастық туралы келісім", "kk", "tourism"),
        ("Соглашение о воздушном сообщении", "ru", "aviation"),
        ("әскери саладағы ынтымақтастық туралы келісім", "kk", "military-cooperation"),
        ("Договор о дружбе и сотрудничестве", "ru", "friendship-and-cooperation"),
        ("Hərbi kəşfiyyat sahəsində əməkdaşlıq haqqında Saziş", "az", "military-intelligence"),
    ],
)
def test_suggest_topics_on_titles_alone(title, lang, slug):
    assert suggest_topics(title, lang)[0] == slug
