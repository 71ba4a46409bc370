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
MORE_LANGS = ("uz", "ky", "nl", "fr")  # no analyser of their own: indexed with their script's


def seed(prefix: str) -> str:
    (path,) = CORPUS.glob(prefix + "_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def raw():
    return json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


def test_data_shape(raw):
    assert 200 <= len(raw) <= 400
    slugs = [c["slug"] for c in raw]
    assert len(slugs) == len(set(slugs)), "unique slugs"
    for c in raw:
        assert {"slug", "parent", "labels", "synonyms"} <= set(c) <= {"slug", "parent", "labels", "synonyms", "suggest"}
        assert c.get("suggest", False) is False, "suggest is only written to turn it off"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c["slug"])
        assert c["parent"] is None or c["parent"] in slugs, c["slug"]
        for lang in LANGS:
            assert isinstance(c["labels"].get(lang), str) and c["labels"][lang].strip(), (
                c["slug"],
                lang,
            )
        assert set(c["synonyms"]) <= set(LANGS) | set(MORE_LANGS)
        assert set(c["labels"]) <= set(LANGS) | set(MORE_LANGS)
        for lang in MORE_LANGS:  # Uzbek, Kyrgyz, Dutch, French where the terms are sure
            assert (lang in c["labels"]) == (lang in c["synonyms"]), (c["slug"], lang)
        for terms in c["synonyms"].values():
            assert all(isinstance(t, str) and t.strip() for t in terms)


#: terms deliberately shared by two concepts: (language, analysed term) -> slugs
SHARED_ON_PURPOSE = {("en", ("medicin",)): {"health", "pharmaceuticals"}}


def test_no_term_names_two_concepts(raw):
    """A label or synonym belongs to one concept per language (as the index sees it: lexemes
    of the analyser the language's texts get, so a Dutch or Uzbek term does not collide with
    an English one), or a query would expand to two concepts and a document be filed under both."""
    from archive.search.analysis import analyse, analyser_language

    owners: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for c in raw:
        for lang, term in _all_terms(c):
            analyser = analyser_language(lang)
            owners.setdefault((analyser, tuple(analyse(term, analyser))), set()).add(c["slug"])
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert shared == SHARED_ON_PURPOSE


def test_top_concepts_kept_and_no_cycles(raw):
    by = {c["slug"]: c for c in raw}
    tops = {s for s, c in by.items() if c["parent"] is None}
    # the 30 top concepts of the first thesaurus are all still there, still at the top
    assert {
        "defence",
        "security",
        "economy",
        "finance",
        "transport",
        "energy",
        "environment",
        "agriculture",
        "culture",
        "education",
        "science",
        "health",
        "tourism",
        "sport",
        "youth",
        "media",
        "migration",
        "emergencies",
        "legal-assistance",
        "diplomatic-relations",
        "strategic-partnership",
        "friendship-and-cooperation",
        "humanitarian",
        "interregional-cooperation",
        "telecommunications",
        "social-security",
        "labour-and-employment",
        "civil-service",
        "construction",
        "justice",
    } <= tops
    for slug in by:
        seen = set()
        while slug is not None:
            assert slug not in seen, f"cycle through {slug}"
            seen.add(slug)
            slug = by[slug]["parent"]
    assert sum(1 for c in raw if c["parent"]) >= 150  # mostly narrower concepts


def test_two_levels(raw):
    by = {c["slug"]: c for c in raw}
    for c in raw:
        if c["parent"]:
            assert by[c["parent"]]["parent"] is None, f"{c['slug']}: tree deeper than 2"


def _all_terms(c):
    for lang in LANGS + MORE_LANGS:
        if lang not in c["labels"]:
            continue
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
            if lang in ("en", "az", "nl", "fr"):
                assert not cyr.search(term) and not arm.search(term), (c["slug"], term)
            if lang == "ky":
                assert cyr.search(term) and not lat.search(term), (c["slug"], term)
            if lang == "uz":  # Latin or Cyrillic Uzbek, one script per term
                assert not arm.search(term) and not (cyr.search(term) and lat.search(term)), (c["slug"], term)


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


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        # customs in every language, inflected set phrases included
        ("кедендік", "customs"),
        ("кеден ісі", "customs"),
        ("кеден ісі саласындағы", "customs"),
        ("customs", "customs"),
        ("таможенного", "customs"),
        ("в области таможенного дела", "customs"),
        ("մաքսային գործի ոլորտում", "customs"),
        ("double taxation", "taxation"),
        ("двойного налогообложения", "taxation"),
        ("қосарланған салық салуды", "taxation"),
        # concepts added with the second thesaurus
        ("rules of origin", "rules-of-origin"),
        ("происхождения товаров", "rules-of-origin"),
        ("anti-dumping", "trade-remedies"),
        ("антидемпинговые меры", "trade-remedies"),
        ("մաքսային արժեք", "customs-valuation"),
        ("gömrük dəyəri", "customs-valuation"),
        ("делимитация", "border-delimitation"),
        ("սահմանազատում", "border-delimitation"),
        ("delimitasiya", "border-delimitation"),
        ("Байқоңыр", "baikonur"),
        ("ОДКБ", "csto"),
        ("ՀԱՊԿ", "csto"),
        ("ТМД", "cis"),
        # treaty provisions: found in queries
        ("денонсация", "denunciation"),
        ("provisional application", "provisional-application"),
        ("временное применение", "provisional-application"),
        ("settlement of disputes", "dispute-settlement"),
        ("дауларды шешу", "dispute-settlement"),
        ("վեճերի լուծում", "dispute-settlement"),
    ],
)
def test_concepts_in_query_second_thesaurus(query, slug):
    assert [c.slug for c in concepts_in_query(query)] == [slug]


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Соглашение о взаимной помощи в таможенных делах", "ru", ["customs-assistance", "economy"]),
        ("Gömrük işlərində qarşılıqlı yardım haqqında Saziş", "az", ["customs-assistance", "economy"]),
        ("Кедендік құнды айқындау туралы келісім", "kk", ["customs-valuation", "economy"]),
        ("Convention for the avoidance of double taxation", "en", ["taxation", "economy"]),
        ("Agreement on the application of sanitary and phytosanitary measures", "en", ["sps-measures", "economy"]),
        ("Мемлекеттік шекараны делимитациялау туралы шарт", "kk", ["border-delimitation", "security"]),
        ("Պետական սահմանի սահմանազատման մասին պայմանագիր", "hy", ["border-delimitation", "security"]),
        ("Соглашение о сотрудничестве в области противовоздушной обороны", "ru", ["air-defence", "defence"]),
        ("Байқоңыр кешенін жалға алу шарты", "kk", ["baikonur", "science"]),
    ],
)
def test_suggest_topics_second_thesaurus(title, lang, expected):
    assert suggest_topics(title, lang) == expected


def test_treaty_provisions_expand_queries_but_file_nothing():
    provisions = {c.slug for c in children("treaty-provisions")}
    assert {"dispute-settlement", "denunciation", "provisional-application"} <= provisions
    assert all(not get_concept(s).suggest for s in provisions | {"treaty-provisions"})
    assert get_concept("customs").suggest
    assert suggest_topics("Соглашение о порядке разрешения споров", "ru") == []
    assert suggest_topics("Agreement on the provisional application of the Treaty", "en") == []
    # a provision inside a real subject leaves the subject
    text = "Agreement on air services. Article 15. Settlement of disputes. Article 16. Denunciation."
    assert suggest_topics(text, "en")[:2] == ["aviation", "transport"]


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("bojxona", "customs"),
        ("божхона", "customs"),
        ("бажы иши", "customs"),
        ("ikki tomonlama soliqqa tortish", "taxation"),
        ("кош салык салуу", "taxation"),
        ("delimitatsiya", "border-delimitation"),
        ("делимитациялоо", "border-delimitation"),
        ("аба чабуулунан коргонуу", "air-defence"),
        ("dubbele belasting", "taxation"),
        ("double imposition", "taxation"),
        ("luchtvaartovereenkomst", "aviation"),
        ("services aériens", "aviation"),
        ("uitlevering", "extradition"),
        ("sociale zekerheid", "social-security"),
        ("sécurité sociale", "social-security"),
        ("oorlogsgraven", "military-graves"),
    ],
)
def test_uzbek_kyrgyz_dutch_french_queries(query, slug):
    assert [c.slug for c in concepts_in_query(query)] == [slug]


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("uz_02_news_decree_approve_uz_sa_customs.txt", "customs-assistance"),
        ("uz_03_news_senate_uz_kz_border_treaty.txt", "border-demarcation"),
        ("uz_01_law_accede_cartagena_protocol_multilateral.txt", "biodiversity"),
        ("ky_04_news_parliament_kg_uz_border.txt", "border-delimitation"),
        ("ky_05_news_kg_ru_air_defence.txt", "air-defence"),
    ],
)
def test_uzbek_and_kyrgyz_texts_get_topics(name, first):
    """Real Uzbek (Latin and Cyrillic) and Kyrgyz texts: analysed as en / ru, they meet the
    uz and ky terms indexed under those analysers."""
    text = (ROOT / "tests" / "ingest" / "real" / name).read_text(encoding="utf-8")
    assert suggest_topics(text, None)[0] == first


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Overeenkomst tussen het Koninkrijk der Nederlanden en Malta tot het vermijden van dubbele belasting",
            "taxation",
        ),
        ("Luchtvaartovereenkomst tussen het Koninkrijk der Nederlanden en Ierland", "aviation"),
        ("Culturele Overeenkomst tussen het Koninkrijk der Nederlanden en de Republiek Suriname", "culture"),
        (
            "Convention entre le Royaume des Pays-Bas et la République française en matière de sécurité sociale",
            "social-security",
        ),
    ],
)
def test_dutch_and_french_titles(title, expected):
    """Dutch and French texts are analysed as English (no analyser of their own): their terms
    are indexed so."""
    assert suggest_topics(title, None)[0] == expected
