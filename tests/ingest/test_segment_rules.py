"""The segmenter's rules one by one, on small texts of paragraphs (no normalising): the record
card, article numbering runs, headings on the next line, titles broken over lines, chapters,
the law's own articles, testimonium and signatures. Expected values are read off the texts."""

from __future__ import annotations

from archive.ingest.segment import _follows, segment


def _seg(*paras: str):
    return segment("\n\n".join(paras))


def _numbers(*paras: str) -> list[str]:
    return [a.number for a in _seg(*paras).articles]


# --- record card --------------------------------------------------------------------------


def test_record_card_of_two_fields_is_kept():
    seg = _seg("Вид документа: Соглашение", "Статус: Действует", "СОГЛАШЕНИЕ о торговле", "Статья 1", "Текст.")
    assert seg.registry == {"вид документа": "Соглашение", "статус": "Действует"}
    assert seg.registry_end == 2


def test_record_card_ends_after_two_lines_that_are_not_fields():
    seg = _seg(
        "Вид документа: Соглашение",
        "Статус: Действует",
        "прочее",
        "ещё",
        "Дата подписания: 16.09.2016",
        "СОГЛАШЕНИЕ о торговле",
        "Статья 1",
        "Текст.",
    )
    assert seg.registry == {"вид документа": "Соглашение", "статус": "Действует"}
    assert seg.registry_end == 2


# --- numbering ----------------------------------------------------------------------------


def test_a_lower_sub_article_does_not_follow():
    assert _follows((1, 2, 0), (1, 3, 0))
    assert not _follows((1, 2, 0), (1, 1, 0))
    assert not _follows((1, 2, 0), (1, 2, 0))


def test_hundreds_numbering_by_chapter():
    # 101, 102 in chapter 1, then 201 opens chapter 2
    assert _numbers("Agreement on trade", "Article 101", "A.", "Article 102", "B.", "Article 201", "C.") == [
        "101",
        "102",
        "201",
    ]
    # a chapter of one article: 101 is followed at once by 201
    assert _numbers("Agreement on trade", "Article 101", "A.", "Article 201", "C.") == ["101", "201"]


def test_a_gap_needs_the_next_heading_to_confirm_it():
    # 4 after 2 would be a gap of one, but 9 does not follow 4: both are references
    text = ("Agreement on trade", "Article 1", "A.", "Article 2", "B.", "Article 4", "C.", "Article 9", "D.")
    assert _numbers(*text) == ["1", "2"]


def test_one_empty_article_is_not_a_table_of_contents():
    assert _numbers("Agreement on trade", "Article 1", "Article 2", "B.", "Article 3", "C.") == ["1", "2", "3"]


# --- heading on the next line ---------------------------------------------------------------


def test_a_stray_heading_is_not_the_heading_of_the_article_above():
    seg = _seg("Agreement on trade", "Article 1", "Article 7", "The Parties cooperate.", "Article 2", "Text.")
    assert [(a.number, a.heading, a.text) for a in seg.articles] == [
        ("1", None, "Article 7\nThe Parties cooperate."),
        ("2", None, "Text."),
    ]


def test_the_only_line_of_the_last_article_is_its_text():
    seg = _seg("Agreement on trade", "Article 1", "A.", "Article 2", "This Agreement enters into force on signature")
    assert (seg.articles[-1].heading, seg.articles[-1].text) == (None, "This Agreement enters into force on signature")


# --- titles -------------------------------------------------------------------------------


def test_place_and_date_under_the_title_belong_to_it():
    seg = _seg("AGREEMENT on trade", "(Moscow, 11 November 1992)", "The Parties,", "Article 1", "A.")
    assert seg.title == "AGREEMENT on trade (Moscow, 11 November 1992)"
    assert seg.title_range == (0, 2)
    assert seg.preamble == ["The Parties,"]


def test_lone_head_noun_takes_the_line_below_not_the_line_above():
    seg = _seg(
        "Неофициальный перевод", "СОГЛАШЕНИЕ", "о сотрудничестве в области образования", "Стороны,", "Статья 1", "А."
    )
    assert seg.title == "СОГЛАШЕНИЕ о сотрудничестве в области образования"
    assert seg.title_range == (1, 3)


def test_kazakh_head_noun_after_its_title():
    seg = _seg(
        "Қазақстан Республикасы мен Өзбекстан Республикасы арасындағы ынтымақтастық туралы",
        "КЕЛІСІМ",
        "Тараптар,",
        "1-бап",
        "Мәтін.",
    )
    assert seg.title == "Қазақстан Республикасы мен Өзбекстан Республикасы арасындағы ынтымақтастық туралы КЕЛІСІМ"
    assert seg.title_range == (0, 2)


def test_country_name_split_by_the_line_is_joined():
    seg = _seg(
        "AGREEMENT between the Government of the Russian",
        "Federation and the Government of the Republic of Kazakhstan on cooperation",
        "Article 1",
        "Text.",
    )
    assert seg.title == (
        "AGREEMENT between the Government of the Russian Federation and the Government of the "
        "Republic of Kazakhstan on cooperation"
    )


def test_a_dangling_title_does_not_swallow_the_preamble():
    seg = _seg(
        "Agreement on cooperation between",
        "The Republic of Kazakhstan and the Kyrgyz Republic, hereinafter the Parties,",
        "Article 1",
        "Text.",
    )
    assert (seg.title, seg.title_range) == ("Agreement on cooperation between", (0, 1))


# --- chapters -----------------------------------------------------------------------------


def test_chapter_heading_of_two_lines_opens_the_next_article():
    seg = _seg(
        "СОГЛАШЕНИЕ о торговле", "Статья 1", "Текст.", "ГЛАВА II", "ПРАВА И ОБЯЗАННОСТИ", "Статья 2", "Текст два."
    )
    assert [(a.number, a.chapter, a.text) for a in seg.articles] == [
        ("1", None, "Текст."),
        ("2", "ГЛАВА II\nПРАВА И ОБЯЗАННОСТИ", "Текст два."),
    ]


def test_chapter_word_followed_by_a_sentence_is_text():
    seg = _seg(
        "СОГЛАШЕНИЕ о торговле",
        "Статья 1",
        "Текст.",
        "ГЛАВА II",
        "Настоящая глава применяется к торговле.",
        "Статья 2",
        "Текст два.",
    )
    assert [(a.number, a.chapter, a.text) for a in seg.articles] == [
        ("1", None, "Текст.\nГЛАВА II\nНастоящая глава применяется к торговле."),
        ("2", None, "Текст два."),
    ]


# --- the law's own articles ---------------------------------------------------------------


def test_a_ratification_law_with_articles_has_no_agreement_articles():
    paras = (
        "Федеральный закон",
        "О ратификации Соглашения между Российской Федерацией и Республикой Казахстан о торговле",
        "Статья 1",
        "Ратифицировать Соглашение между Российской Федерацией и Республикой Казахстан о торговле, "
        "подписанное в Москве 1 июня 2010 года.",
        "Статья 2",
        "Настоящий Федеральный закон вступает в силу со дня его официального опубликования.",
        "Президент Российской Федерации",
    )
    seg = _seg(*paras)
    assert seg.articles == []
    assert seg.title is None
    assert seg.act == list(paras)
    assert seg.act_range == (0, 7)


# --- final clauses and signatures ---------------------------------------------------------


def test_testimonium_without_full_stop_stays_a_final_clause():
    seg = _seg(
        "Agreement on trade",
        "Article 1",
        "A.",
        "Article 2",
        "This Agreement enters into force on signature.",
        "Done at Astana on 5 May 2010 in two originals",
        "For the Republic of Kazakhstan",
        "For the Kyrgyz Republic",
    )
    assert seg.articles[-1].text == "This Agreement enters into force on signature."
    assert seg.final_clauses == ["Done at Astana on 5 May 2010 in two originals"]
    assert seg.signature_block == ["For the Republic of Kazakhstan", "For the Kyrgyz Republic"]
    assert seg.tail_range == (5, 8)


def test_names_after_the_testimonium_are_signatures():
    seg = _seg(
        "Agreement on trade",
        "Article 1",
        "A.",
        "Article 2",
        "This Agreement enters into force on signature.",
        "Done at Astana on 5 May 2010 in two originals, each in English.",
        "K. Tokayev",
        "A. Atambayev",
    )
    assert seg.final_clauses == ["Done at Astana on 5 May 2010 in two originals, each in English."]
    assert seg.signature_block == ["K. Tokayev", "A. Atambayev"]


def test_a_page_number_is_not_a_signature():
    seg = _seg(
        "Agreement on trade", "Article 1", "A.", "Article 2", "This Agreement enters into force on signature.", "12"
    )
    assert seg.articles[-1].text == "This Agreement enters into force on signature.\n12"
    assert seg.signature_block == []
    assert seg.tail_range is None


# --- offsets ------------------------------------------------------------------------------


def test_span_of_paragraphs():
    seg = _seg("Agreement on trade", "Article 1", "A.")
    # "Agreement on trade" (18) + 2, "Article 1" (9) + 2, "A." (2)
    assert seg.span(0, 1) == (0, 18)
    assert seg.span(1, 3) == (20, 33)
    assert seg.span(2, 1) == (0, 0)
    assert seg.span(1, 1) == (0, 0)
