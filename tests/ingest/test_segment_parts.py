"""The segmenter's bookkeeping: article starts, preamble range, headings of a text without
articles, annexes that restart their numbering, a stamp after the act's signature, the law's
own articles, and two language versions. Expected values are read off the texts."""

from __future__ import annotations

from archive.ingest.segment import segment


def _seg(*paras: str):
    return segment("\n\n".join(paras))


def test_article_starts_and_preamble_range():
    seg = _seg(
        "СОГЛАШЕНИЕ между Правительством Республики Казахстан и Правительством Российской Федерации о торговле",
        "Правительство Республики Казахстан и Правительство Российской Федерации согласились о нижеследующем:",
        "Статья 1",
        "Стороны развивают торговлю.",
        "Статья 2",
        "Настоящее Соглашение вступает в силу с даты подписания.",
    )
    assert seg.title_index == 0
    assert seg.article_starts == [2, 4]
    assert seg.preamble_range == (1, 2)
    assert seg.preamble == [
        "Правительство Республики Казахстан и Правительство Российской Федерации согласились о нижеследующем:"
    ]


def test_text_without_title_or_articles_has_no_preamble():
    seg = _seg("Письмо о передаче документов.", "Документы переданы в архив.")
    assert seg.title is None
    assert seg.preamble == []
    assert seg.preamble_range is None


def test_other_title_like_paragraphs_of_a_text_without_articles():
    seg = _seg(
        "ПРОТОКОЛ о намерениях",
        "СОГЛАШЕНИЕ о сотрудничестве",
        "Стороны намерены сотрудничать в области культуры.",
    )
    assert seg.title == "ПРОТОКОЛ о намерениях"
    assert seg.headings == [1]


def _with_annex():
    return _seg(
        "AGREEMENT between the Government of the Republic of Kazakhstan and the Government of the"
        " Republic of Armenia on Air Services",
        "Article 1",
        "The Parties grant each other the rights specified in the Annex to this Agreement.",
        "Article 2",
        "This Agreement shall enter into force on the date of its signature.",
        "Done at Astana on 2 June 2015 in two originals, each in the Kazakh, Armenian and English languages.",
        "ANNEX",
        "Article 1",
        "The designated airlines of each Party may operate the routes listed below.",
        "Article 2",
        "The routes may be changed by agreement of the aeronautical authorities of the Parties.",
    )


def test_an_annex_restarting_at_one_stays_in_the_same_version():
    seg = _with_annex()
    assert seg.versions == []
    assert [a.number for a in seg.articles] == ["1", "2", "1", "2"]


def test_last_article_before_the_annex_ends_at_the_annex():
    seg = _with_annex()
    assert seg.articles[1].text == "This Agreement shall enter into force on the date of its signature."
    assert seg.final_clauses[0].startswith("Done at Astana on 2 June 2015")
    assert "designated airlines" not in "\n".join(seg.final_clauses)


def test_stamp_after_the_signature_of_the_decree_leaves_the_signature_in_the_act():
    seg = _seg(
        "Қазақстан Республикасы Үкіметінің қаулысы",
        "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:",
        "1. Қоса беріліп отырған Келісім бекітілсін.",
        "2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.",
        "Премьер-Министрі К. Мәсімов",
        "Қазақстан Республикасы Үкіметінің 2010 жылғы 5 наурыздағы № 170 қаулысымен бекітілген",
        "Қазақстан Республикасының Үкіметі мен Армения Республикасының Үкіметі арасындағы"
        " мәдениет саласындағы ынтымақтастық туралы КЕЛІСІМ",
        "1-бап",
        "Тараптар мәдениет саласында ынтымақтасады.",
    )
    assert seg.act[-1] == "Премьер-Министрі К. Мәсімов"
    assert seg.stamp == "Қазақстан Республикасы Үкіметінің 2010 жылғы 5 наурыздағы № 170 қаулысымен бекітілген"


_LONG_DECLARATION = (
    "Российская Федерация заявляет, что в соответствии с пунктом 2 статьи 5 Соглашения между"
    " Российской Федерацией и Республикой Армения о военном сотрудничестве положения Соглашения"
    " применяются в соответствии с законодательством Российской Федерации о воинской обязанности"
    " и военной службе, а также с законодательством о статусе военнослужащих и о порядке"
    " прохождения военной службы, и что компетентным органом Российской Федерации является"
    " Министерство обороны Российской Федерации."
)


def test_law_with_its_own_articles_keeps_them_all():
    seg = _seg(
        "ФЕДЕРАЛЬНЫЙ ЗАКОН",
        "О ратификации Соглашения между Российской Федерацией и Республикой Армения о военном сотрудничестве",
        "Статья 1",
        "Ратифицировать Соглашение между Российской Федерацией и Республикой Армения о военном"
        " сотрудничестве, подписанное в городе Ереване 15 марта 2016 года.",
        "Статья 2",
        _LONG_DECLARATION,
        "Статья 3",
        "Настоящий Федеральный закон вступает в силу со дня его официального опубликования.",
        "Президент Российской Федерации В. Путин",
    )
    assert len(_LONG_DECLARATION) >= 400
    assert seg.article_starts == []
    assert seg.act[5] == _LONG_DECLARATION
    assert seg.act[-1] == "Президент Российской Федерации В. Путин"
    assert len(seg.act) == 9


def test_second_language_version_without_a_title_starts_after_the_first_ones_last_words():
    seg = _seg(
        "СОГЛАШЕНИЕ между Правительством Республики Казахстан и Правительством Республики Армения"
        " о сотрудничестве в области культуры",
        "Статья 1",
        "Стороны развивают сотрудничество в области культуры и искусства на основе равенства и взаимной выгоды.",
        "Статья 2",
        "Настоящее Соглашение вступает в силу с даты получения последнего письменного уведомления"
        " о выполнении Сторонами внутригосударственных процедур.",
        "Совершено в городе Астане 2 июня 2015 года в двух экземплярах на русском и английском языках.",
        "The Parties have agreed as follows:",
        "Article 1",
        "The Parties shall develop cooperation in the field of culture and art on the basis of equality"
        " and mutual benefit.",
        "Article 2",
        "This Agreement shall enter into force on the date of receipt of the last written notification"
        " of the completion by the Parties of their internal procedures.",
    )
    assert seg.language == "ru"
    assert seg.body_range == (0, 6)
    assert seg.articles[-1].text.startswith("Настоящее Соглашение вступает в силу")
    assert seg.final_clauses == [
        "Совершено в городе Астане 2 июня 2015 года в двух экземплярах на русском и английском языках."
    ]
    [en] = seg.versions
    assert en.language == "en"
    assert en.body_range == (6, 11)


def test_tail_of_an_agreement_without_numbered_articles():
    seg = _seg(
        "СОГЛАШЕНИЕ между Правительством Республики Казахстан и Правительством Кыргызской Республики"
        " о сотрудничестве в области культуры",
        "Стороны будут развивать сотрудничество в области культуры и искусства.",
        "Стороны будут поощрять обмены творческими коллективами.",
        "Совершено в городе Бишкеке 12 мая 2015 года в двух подлинных экземплярах на русском языке.",
        "За Правительство Республики Казахстан",
        "За Правительство Кыргызской Республики",
    )
    assert seg.title_index == 0
    assert seg.articles == []
    assert seg.final_clauses == [
        "Совершено в городе Бишкеке 12 мая 2015 года в двух подлинных экземплярах на русском языке."
    ]
    assert seg.signature_block == ["За Правительство Республики Казахстан", "За Правительство Кыргызской Республики"]
    assert seg.tail_range == (3, 6)
