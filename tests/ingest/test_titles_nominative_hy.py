"""nominative_title: the Armenian head noun back in the nominative, and a head word left in
capitals by the layout put in lower case (Azerbaijani İ becomes i)."""

import pytest

from archive.ingest.titles import nominative_title

AM_KZ = "Հայաստանի Հանրապետության և Ղազախստանի Հանրապետության միջև"


@pytest.mark.parametrize(
    ("title", "language", "nominative"),
    [
        (
            f"{AM_KZ} մշակութային համագործակցության մասին համաձայնագրի",
            "hy",
            f"{AM_KZ} մշակութային համագործակցության մասին համաձայնագիր",
        ),
        (f"{AM_KZ} բարեկամության մասին պայմանագրով", "hy", f"{AM_KZ} բարեկամության մասին պայմանագիր"),
        (
            "Azərbaycan Respublikası ilə Qazaxıstan Respublikası arasında nəqliyyat haqqında SAZİŞ",
            "az",
            "Azərbaycan Respublikası ilə Qazaxıstan Respublikası arasında nəqliyyat haqqında saziş",
        ),
    ],
)
def test_the_head_noun_in_the_nominative(title, language, nominative):
    assert nominative_title(title, language) == nominative
