"""named_agreements on the ways acts name an agreement: each reading's title as written, where
it lies in the act (the text at those offsets is the title), whether the operative clause
said it, whether it runs to the end of the text."""

import pytest

from archive.ingest.naming import Naming, named_agreements

KZ_UZ_RU = "Правительством Республики Казахстан и Правительством Республики Узбекистан о транспорте"
KZ_UZ_KK = "Қазақстан Республикасының Үкіметі мен Өзбекстан Республикасының Үкіметі арасындағы көлік туралы келісім"


@pytest.mark.parametrize(
    ("text", "title", "start", "operative", "complete"),
    [
        (  # head-first after the operative verb, cut at the signing clause
            "Ратифицировать Соглашение между " + KZ_UZ_RU + ", подписанное в городе Ташкенте 5 мая 2010 года.",
            "Соглашение между " + KZ_UZ_RU,
            15,
            True,
            True,
        ),
        (  # the act's own title quoted in another act: the agreement inside it, cut at "подписанного"
            "Внести на рассмотрение Мажилиса Парламента Республики Казахстан проект Закона Республики "
            "Казахстан «О ратификации Соглашения между " + KZ_UZ_RU + ", подписанного в Ташкенте 5 мая 2010 года».",
            "Соглашения между " + KZ_UZ_RU,
            114,
            True,
            True,
        ),
        (  # head-last after a signing participle, the clause's number and "Қоса беріліп отырған" skipped
            "1. Қоса беріліп отырған " + KZ_UZ_KK + " бекітілсін.",
            KZ_UZ_KK,
            24,
            True,
            True,
        ),
        (
            "2010 жылғы 5 мамырда Ташкентте жасалған " + KZ_UZ_KK + " бекітілсін.",
            KZ_UZ_KK,
            40,
            True,
            True,
        ),
    ],
)
def test_a_title_the_act_names(text, title, start, operative, complete):
    (found,) = named_agreements(text)
    assert found == Naming(title, start, start + len(title), operative, complete)
    assert text[found.start : found.end] == title


def test_a_quoted_head_last_title_takes_its_head_noun_past_the_signing_clause():
    text = (
        "“Azərbaycan Respublikası Hökuməti ilə Qazaxıstan Respublikası Hökuməti arasında nəqliyyat haqqında” "
        "2017-ci il oktyabrın 27-də Bakı şəhərində imzalanmış Saziş təsdiq edilsin."
    )
    (found,) = named_agreements(text)
    assert found.title == (
        "Azərbaycan Respublikası Hökuməti ilə Qazaxıstan Respublikası Hökuməti arasında nəqliyyat haqqında Saziş"
    )
    assert (found.start, found.operative, found.complete) == (1, True, True)
    assert text[found.end - len("Saziş") : found.end] == "Saziş"


def test_a_title_in_capitals_over_two_lines_reads_on_to_the_end_of_the_text():
    text = (
        "О РАТИФИКАЦИИ СОГЛАШЕНИЯ\n\nМЕЖДУ ПРАВИТЕЛЬСТВОМ РЕСПУБЛИКИ КАЗАХСТАН И ПРАВИТЕЛЬСТВОМ РЕСПУБЛИКИ УЗБЕКИСТАН"
    )
    (found,) = named_agreements(text)
    assert found.title == (
        "СОГЛАШЕНИЯ  МЕЖДУ ПРАВИТЕЛЬСТВОМ РЕСПУБЛИКИ КАЗАХСТАН И ПРАВИТЕЛЬСТВОМ РЕСПУБЛИКИ УЗБЕКИСТАН"
    )  # the line break read as two spaces: offsets unchanged
    assert (found.start, found.end, found.operative, found.complete) == (14, len(text), True, False)


def test_the_enacting_formulas_colon_ends_the_clause_before_an_unnumbered_approval():
    """A decree whose operative part is not numbered: the agreement's title starts after
    "ҚАУЛЫ ЕТЕДІ:", not with the government that enacts."""
    from archive.ingest.naming import named_agreements

    text = (
        "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ: Қазақстан Республикасының Үкіметі мен Әзербайжан "
        "Республикасының Үкіметі арасындағы әскери барлау саласындағы ынтымақтастық туралы келісім бекітілсін."
    )
    [naming] = named_agreements(text)
    assert naming.title == (
        "Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі арасындағы "
        "әскери барлау саласындағы ынтымақтастық туралы келісім"
    )
    assert text[naming.start : naming.end] == naming.title and naming.operative


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:\n1. Соглашение между Правительством Республики "
            "Казахстан и Правительством Азербайджанской Республики о сотрудничестве в области связи, совершенное "
            "в городе Баку 12 мая 2015 года, одобрить.\n2. Настоящее постановление вводится в действие со дня "
            "его подписания.",
            "Соглашение между Правительством Республики Казахстан и Правительством Азербайджанской Республики "
            "о сотрудничестве в области связи",
        ),
        (
            "ПОСТАНОВЛЯЕТ: Протокол о внесении изменений в Соглашение между Республикой Казахстан и Российской "
            "Федерацией о транзите одобрить и внести на рассмотрение Мажилиса Парламента.",
            "Протокол о внесении изменений в Соглашение между Республикой Казахстан и Российской Федерацией о транзите",
        ),
    ],
)
def test_a_russian_head_first_clause_closed_by_its_verb_names_the_agreement(text, title):
    """"… ПОСТАНОВЛЯЕТ: Соглашение …, совершенное …, одобрить.": the head noun opens the clause,
    the approving verb closes it."""
    from archive.ingest.naming import named_agreements

    [naming] = named_agreements(text)
    assert naming.title == title
    assert text[naming.start : naming.end] == title and naming.operative


def test_a_verb_inside_a_clause_is_no_closing_verb():
    """"… одобрить проект …" and "… Соглашение … принять к сведению" that names no agreement at the
    clause's start are not read as head-first clauses."""
    from archive.ingest.naming import named_agreements

    assert named_agreements("ПОСТАНОВЛЯЕТ: 1. Министерству иностранных дел Соглашение подписать проект.") == []
    assert named_agreements("ПОСТАНОВЛЯЕТ: 1. Информацию о ходе исполнения Соглашения принять.") == []
