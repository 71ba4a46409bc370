"""The title a relation cites, read backwards from its head noun to the parties (kk, hy, az)."""

import pytest

from archive.ingest.relations import _title_before_head


@pytest.mark.parametrize(
    ("before", "title"),
    [
        (
            "жүзеге асыру үшін Қазақстан Республикасы мен Әзербайжан Республикасы арасындағы әскери барлау "
            "саласындағы ынтымақтастық туралы ",
            "Қазақстан Республикасы мен Әзербайжан Республикасы арасындағы әскери барлау саласындағы "
            "ынтымақтастық туралы",
        ),
        (
            "негізінде Қазақстан Республикасы және Әзербайжан Республикасы арасында достық туралы ",
            "Қазақстан Республикасы және Әзербайжан Республикасы арасында достық туралы",
        ),
        (
            "ի կատարումն Հայաստանի Հանրապետության և Ղազախստանի Հանրապետության միջև տնտեսական համագործակցության մասին ",
            "Հայաստանի Հանրապետության և Ղազախստանի Հանրապետության միջև տնտեսական համագործակցության մասին",
        ),
        (
            "nəzərə alaraq Azərbaycan Respublikası ilə Qazaxıstan Respublikası arasında dostluq haqqında ",
            "Azərbaycan Respublikası ilə Qazaxıstan Respublikası arasında dostluq haqqında",
        ),
        # a quoted title is taken whole
        (
            "Тараптар. негізінде «Қазақстан Республикасы мен Әзербайжан Республикасы арасындағы достық туралы» ",
            "Қазақстан Республикасы мен Әзербайжан Республикасы арасындағы достық туралы",
        ),
    ],
)
def test_the_title_starts_at_the_first_party(before, title):
    assert _title_before_head(before, len(before)) == title


def test_only_the_text_before_the_head_counts():
    text = "негізінде Қазақстан Республикасы мен Әзербайжан Республикасы арасындағы достық туралы шарт"
    head = text.index("шарт")
    title = "Қазақстан Республикасы мен Әзербайжан Республикасы арасындағы достық туралы"
    assert _title_before_head(text, head) == title
