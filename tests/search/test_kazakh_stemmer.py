"""Table-driven tests of the Kazakh stemmer (archive.search.kazakh)."""

import pytest

from archive.search.kazakh import analyse, fold, stem

# Forms that MUST reach the same stem (each group pairs every form with the first).
CONFLATE_GROUPS = [
    ["барлау", "барлаудың", "барлауды", "барлауға", "барлауы", "барлауда"],
    ["ая", "аясындағы", "аясында", "аясының"],
    [
        "келісім",
        "келісімнің",
        "келісімге",
        "келісімді",
        "келісімдер",
        "келісімдерді",
        "келісімде",
        "келісімнен",
        "келісімі",
        "келісімінің",
        "келісіммен",
    ],
    ["үкімет", "үкіметі", "үкіметінің", "үкіметтің", "Үкiметi", "Үкіметімен", "үкіметтер"],
    ["республика", "республикасы", "республикасының", "Республикасында", "республиканы"],
    ["мемлекет", "мемлекеттер", "мемлекеттердің", "мемлекеттері", "мемлекетінің"],
    ["байланыс", "байланысты", "байланыстың", "байланысы", "байланысқа", "байланыстар"],
    ["ынтымақтастық", "ынтымақтастықты", "ынтымақтастығы", "ынтымақтастықтың", "ынтымақтастығын", "ынтымақтастыққа"],
    ["тарап", "тараптар", "тараптардың", "тараптары", "тарапқа", "тарапынан"],
    ["сала", "саласындағы", "салада", "саладағы", "салаларында"],
    ["қала", "қаласында", "қалалардың"],
    ["министрлік", "министрлігі", "министрлігінен", "министрлікке"],
    ["бап", "бабына", "бабында", "бапқа"],
    ["қауіпсіздік", "қауіпсіздігі", "қауіпсіздікке", "қауіпсіздікті"],
    ["шарт", "шарттың", "шартқа", "шарттар", "шарттарды"],
    ["қорғаныс", "қорғаныстың", "қорғанысқа", "қорғанысы"],
    ["іс", "істер", "ісі", "істеріне"],
    ["жыл", "жылғы", "жылы", "жылдың"],
    ["кеңес", "кеңесі", "кеңестің"],
    ["мүдде", "мүдделері", "мүдделерін"],
    ["Қазақстан", "Қазақстанның", "Қазақстаннан", "Қазақстанға"],
    ["баку", "бакуде"],
]
CONFLATE = [(g[0], form) for g in CONFLATE_GROUPS for form in g[1:]]

# Forms that must NOT conflate (different words; mostly derivation, which is kept).
DISTINCT = [
    ("бала", "бал"),  # child / honey: bare -а is not a case ending after a consonant
    ("ата", "ат"),  # grandfather / horse
    ("қорғаныс", "қорған"),  # defence / fortress (-ыс derivational)
    ("қорғаныс", "қорғау"),  # defence / to protect
    ("ынтымақтастық", "ынтымақ"),  # -тық derivational is kept
    ("мемлекеттік", "мемлекет"),
    ("құқықтық", "құқық"),
    ("үкіметаралық", "үкімет"),
    ("шекаралық", "шекара"),
    ("әскери", "әскер"),
    ("келісім", "келісу"),  # agreement / to agree (-ім deverbal kept)
    ("келісім", "келісті"),
    ("шешім", "шешті"),
    ("ұйым", "ұйымдастыру"),
    ("басқа", "бас"),  # other / head
    ("қарсы", "қар"),  # against / snow
    ("тәуелсіздік", "тәуелсіз"),
    ("достық", "дос"),
    ("барлық", "бар"),
    ("ақпараттық", "ақпарат"),
]


@pytest.mark.parametrize(("a", "b"), CONFLATE)
def test_conflate(a, b):
    assert stem(a) == stem(b), (a, stem(a), b, stem(b))


@pytest.mark.parametrize(("a", "b"), DISTINCT)
def test_distinct(a, b):
    assert stem(a) != stem(b), (a, b, stem(a))


def test_tables_are_big_enough():
    assert len(CONFLATE) >= 40
    assert len(DISTINCT) >= 15


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Үкiметi", "үкіметі"),  # Latin i
        ("YКIМЕТ", "үкімет"),  # Latin Y and I
        ("қазақ", "қазақ"),
        ("Azerbaijan", "azerbaijan"),  # a Latin word stays Latin
    ],
)
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_stem_never_empty_and_never_too_short():
    for w in ["а", "ол", "ата", "екі", "үшін", "туралы", "мен", "х", ""]:
        s = stem(w)
        assert s == fold(w) or len(s) >= 2


def test_analyse_keeps_numbers_and_act_numbers():
    assert analyse("№ 752 қаулысы, 27-ФЗ заңы, 1-бап") == [
        "752",
        "қаул",
        "27фз",
        "заң",
        "1",
        "бап",
    ]


def test_analyse_letter_case_and_lookalikes():
    assert analyse("Қазақстан Республикасының Үкiметi") == analyse("қазақстан республикасы үкіметі")


def test_phrase_inflection_from_seed_title():
    # "әскери барлау аясындағы" contains the lexemes of "әскери барлау"
    lex = analyse("қорғаныс саласында әскери барлау аясындағы ынтымақтастық туралы")
    i = lex.index("әскери")
    assert lex[i : i + 2] == analyse("әскери барлау")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("теңізі", "теңіз"), ("теңіз", "теңіз"), ("сауданың", "сауда"), ("саудада", "сауда")],
)
def test_words_that_look_inflected(word, expected):
    # -ңіз (your, polite) after a vowel and locative -да must not cut these stems
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["кеден", "кеденнің", "кедендер", "кедендердің"], "кеден"),  # not ке + ден (кедені: кеде + ні, still)
        (["күн", "күні", "күнінен"], "күн"),
        (["аудан", "аудандардың", "ауданында"], "аудан"),
        (["жөн", "жөніндегі"], "жөн"),
        (["төмен", "төмендегілер"], "төмен"),
        (["су", "суы", "суды"], "су"),  # a two-letter root that ends in a vowel
        (["ел", "елі", "елдің", "елдер"], "ел"),
    ],
)
def test_short_roots_are_not_cut_to_a_syllable(forms, expected):
    assert {stem(form) for form in forms} == {expected}
