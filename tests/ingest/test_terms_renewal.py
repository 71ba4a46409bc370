"""extract_term: a renewal "for the same period" takes the initial term's years, whether it
is said in the sentence that gives the term or in a sentence of its own."""

from __future__ import annotations

from archive.ingest.terms import extract_term
from archive.ingest.types import ParsedTerm


def test_same_period_in_the_sentence_of_the_term():
    text = (
        "Настоящее Соглашение заключается сроком на пять лет и автоматически продлевается на тот же срок,"
        " если ни одна из Сторон не уведомит другую Сторону о своем намерении прекратить его действие"
        " не менее чем за шесть месяцев."
    )
    assert extract_term(text) == ParsedTerm(indefinite=False, years=5, renewal_years=5, notice_months=6)


def test_same_period_in_a_sentence_without_a_number():
    text = (
        "This Agreement shall remain in force for a period of ten years.\n"
        "Thereafter it shall be extended automatically for the same period unless terminated.\n"
        "Either Party may terminate this Agreement by giving written notice through diplomatic channels."
    )
    assert extract_term(text) == ParsedTerm(indefinite=False, years=10, renewal_years=10, notice_months=None)
