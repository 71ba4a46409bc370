"""The contract dictionaries of the parser's result types: every field under its own name."""

import datetime as dt

from archive.ingest.types import ParsedArticle, ParsedAuthority, ParsedRelation


def test_an_article_s_contract():
    article = ParsedArticle(
        number="5",
        heading="Компетентные органы",
        text="Компетентными органами Сторон являются министерства образования.",
        label="Статья 5",
        chapter="Глава II. Сотрудничество",
    )
    assert article.to_contract() == {
        "number": "5",
        "heading": "Компетентные органы",
        "text": "Компетентными органами Сторон являются министерства образования.",
        "label": "Статья 5",
        "chapter": "Глава II. Сотрудничество",
    }


def test_a_relation_s_contract():
    relation = ParsedRelation(
        relation="amends",
        title="Соглашение между Правительством Республики Казахстан и Правительством Кыргызской Республики",
        date=dt.date(1992, 11, 11),
        place="Бишкек",
        quote="вносит изменения в Соглашение … от 11 ноября 1992 года",
        article_number="3",
        kind="agreement",
        parties=["KZ", "KG"],
        multilateral=False,
    )
    assert relation.to_contract() == {
        "relation": "amends",
        "title": "Соглашение между Правительством Республики Казахстан и Правительством Кыргызской Республики",
        "date": "1992-11-11",
        "place": "Бишкек",
        "kind": "agreement",
        "parties": ["KZ", "KG"],
        "multilateral": False,
        "article_number": "3",
        "quote": "вносит изменения в Соглашение … от 11 ноября 1992 года",
    }


def test_an_authority_s_contract():
    authority = ParsedAuthority(country="KZ", name="Министерство образования и науки Республики Казахстан")
    assert authority.to_contract() == {"country": "KZ", "name": "Министерство образования и науки Республики Казахстан"}


def test_a_parsed_file_s_contract_names_every_part():
    from archive.ingest.pipeline import parse_bytes

    text = "\n\n".join(
        [
            "СОГЛАШЕНИЕ между Правительством Республики Казахстан и Правительством Кыргызской Республики "
            "о сотрудничестве в области образования",
            "Правительство Республики Казахстан и Правительство Кыргызской Республики, именуемые в дальнейшем "
            "Сторонами, согласились о нижеследующем:",
            "Статья 1",
            "Стороны сотрудничают в области образования.",
            "Совершено в городе Бишкеке 11 ноября 1992 года в двух экземплярах на русском языке.",
            "За Правительство Республики Казахстан",
            "За Правительство Кыргызской Республики",
        ]
    )
    result = parse_bytes(text.encode("utf-8"), "kz_kg.txt")
    out = result.to_contract()
    assert out["sha256"] == result.sha256 and len(out["sha256"]) == 64
    agreement = out["agreement"]
    assert agreement["final_clauses"] == result.agreement.final_clauses
    assert "Совершено в городе Бишкеке 11 ноября 1992 года" in agreement["final_clauses"]
    assert (
        agreement["signature_block"] == "За Правительство Республики Казахстан\nЗа Правительство Кыргызской Республики"
    )
