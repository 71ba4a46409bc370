"""authentic_languages walks back from "languages" over the words that join a list of
language names, in each language: "мен", "the", "hamda", "both" …"""

import pytest

from archive.ingest.languages import authentic_languages


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Осы Келісім әрқайсысы қазақ мен орыс тілдерінде екі түпнұсқа данада жасалды.", ["kk", "ru"]),
        (
            "Done at Astana on 5 May 2010 in two originals in the Kazakh, the Russian and the English languages.",
            ["kk", "ru", "en"],
        ),
        ("Ushbu Bitim ikki nusxada, qozoq hamda rus tillarida tuzildi.", ["kk", "ru"]),
        ("Done at Yerevan in two copies in Armenian and English, both languages having equal force.", ["hy", "en"]),
    ],
)
def test_the_list_of_languages_is_read_across_its_glue_words(text, codes):
    # (no "authentic" in these sentences: the list is read from its end word alone)
    assert authentic_languages(text) == codes
