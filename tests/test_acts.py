"""Acts as first-class documents: permalinks, pages, the citation resolver, /api/acts/, search.

The written forms of each act number are derived from the hand-checked seed facts
(tests/expected/seed_facts.json), not from what the application prints.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.utils import translation

from archive.search.text import act_number_digits, act_number_key

FACTS = json.loads((Path(__file__).parent / "expected" / "seed_facts.json").read_text(encoding="utf-8"))
DOCUMENTS = {name: facts for name, facts in FACTS.items() if not name.startswith("_") and facts.get("act")}
SEED_ACTS = [(name, facts["act"]) for name, facts in DOCUMENTS.items() if facts["act"]["number"]]
UNNUMBERED = [(name, facts["act"]) for name, facts in DOCUMENTS.items() if not facts["act"]["number"]]


def written_forms(number: str) -> list[str]:
    """Every way people write an act number: with or without the sign, N / No. / Nr., glued or spaced."""
    forms = [number, f"№ {number}", f"№{number}", f"N {number}", f"N{number}", f"No. {number}", f"Nr. {number}"]
    if not number.isdigit():
        forms += [number.lower(), number.upper(), number.replace("-", " "), number.replace("-", "–")]
    return list(dict.fromkeys(forms))


def citation(act: dict) -> str:
    """'Government decree № 752 of 16 September 2024' from the facts (English labels, CLDR date)."""
    from archive.models import ActType
    from archive.reading.status import format_date

    with translation.override("en"):
        label = str(ActType(act["type"]).label)
    return f"{label} № {act['number']} of {format_date(dt.date.fromisoformat(act['date']), 'en')}"


def citations(act: dict) -> list[str]:
    """The citation in English, and as Russian, Kazakh and Armenian texts write a decree (CLDR dates)."""
    from archive.reading.status import format_date

    day = dt.date.fromisoformat(act["date"])
    n = act["number"]
    return [
        citation(act),
        f"постановление Правительства Республики Казахстан от {format_date(day, 'ru')} № {n}",
        f"Қазақстан Республикасы Үкіметінің {format_date(day, 'kk')} № {n} қаулысы",
        f"Ղազախստանի կառավարության {format_date(day, 'hy')} N {n} որոշում",
    ]


def _act(facts: dict):
    from archive.models import Act

    return Act.objects.select_related("agreement").get(
        country_id=facts["country"], number=facts["number"], date=facts["date"]
    )


# ----------------------------------------------------------------------------- the number key (no database)
@pytest.mark.parametrize(
    "written, key",
    [
        ("№ 752", "752"),
        ("N 527", "527"),
        ("No. 527", "527"),
        ("N527", "527"),
        ("1363-Ա", "1363ա"),
        ("N 1363-ա", "1363ա"),
        ("1363 Ա", "1363ա"),
        ("117-V", "117v"),
        ("27-ФЗ", "27фз"),
        ("№ 27–фз", "27фз"),
        ("№ ПП-4567", "пп4567"),
    ],
)
def test_every_written_form_of_a_number_has_one_key(written, key):
    assert act_number_key(written) == key


def test_a_number_without_its_letters_keeps_its_digits():
    assert act_number_digits("1363-Ա") == act_number_digits("1363") == "1363"
    assert act_number_key("1363") != act_number_key("1363-Ա")  # an exact match is still told apart


def test_the_search_tokeniser_and_the_key_agree():
    from archive.search.text import tokenise

    for number in ("1363-Ա", "27-ФЗ", "117-V"):
        (token,) = tokenise(number)
        assert token.text == act_number_key(number)


def test_a_citation_is_read_into_number_date_and_type():
    from archive.reading.acts import parse_citation

    cited = parse_citation("Government decree № 752 of 16 September 2024")
    assert cited.numbers == ("752",) and cited.dates == (dt.date(2024, 9, 16),)
    assert cited.type == "government_decree"
    cited = parse_citation("ՀՀ կառավարության 2021 թվականի օգոստոսի 18-ի N 1363-Ա որոշում")
    assert cited.numbers == ("1363-Ա",) and cited.dates == (dt.date(2021, 8, 18),) and cited.countries == ("AM",)
    assert parse_citation("1363-Ա").numbers == ("1363-Ա",)
    assert parse_citation("decree of 2004").numbers == ()  # a year alone is not a number to look up


# ----------------------------------------------------------------------------- seed acts
@pytest.mark.django_db
@pytest.mark.parametrize("name, facts", SEED_ACTS, ids=[n for n, _ in SEED_ACTS])
def test_every_written_form_of_a_seed_act_number_resolves_to_its_permalink(client, seed, name, facts):
    act = _act(facts)
    permalink = act.get_absolute_url()
    assert unquote(permalink) == f"/acts/{facts['country'].lower()}/{facts['type'].replace('_', '-')}/" + (
        f"{facts['date'][:4]}-{facts['number'].lower()}/"
    )
    for form in [*written_forms(facts["number"]), *citations(facts)]:
        response = client.get("/acts/resolve/", {"q": form})
        assert (response.status_code, response["Location"]) == (302, permalink), form
        for param in ("number", "q") if form in written_forms(facts["number"]) else ("q",):
            rows = client.get("/api/acts/", {param: form}).json()["results"]
            assert [r["id"] for r in rows] == [act.pk], (param, form)
    for form in written_forms(facts["number"]):
        # the address itself takes the number as written too, and redirects to the canonical one
        typed = client.get(f"/acts/{facts['country']}/{facts['type']}/{facts['date'][:4]}-{form.replace(' ', '')}/")
        assert (typed.status_code, typed.get("Location")) == (301, permalink), form
    assert client.get(permalink).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name, facts", SEED_ACTS, ids=[n for n, _ in SEED_ACTS])
def test_the_act_page_shows_the_act_its_text_and_the_agreement_it_concerns(client, seed, name, facts):
    from archive.reading.status import format_date

    act = _act(facts)
    page = client.get(act.get_absolute_url()).content.decode()
    assert act.agreement.get_absolute_url() in page  # the agreement it approves, linked
    assert act.agreement.title in page
    assert f"№&nbsp;{facts['number']}" in page  # the number in the facts, kept with its sign
    assert format_date(dt.date.fromisoformat(facts["date"]), "en") in page
    assert "Approval" in page if facts["action"] == "approve" else "Ratification" in page
    last_line = act.text.strip().splitlines()[-1].strip()
    assert f"<p>{last_line}</p>" in page  # the text, paragraph by paragraph
    assert f'rel="canonical" href="http://testserver{act.get_absolute_url()}"' in page
    assert 'class="breadcrumbs"' in page
    head = client.head(act.get_absolute_url())
    assert head.status_code == 200 and head.content == b""
    assert f"<loc>http://testserver{act.get_absolute_url()}</loc>" in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name, facts", UNNUMBERED, ids=[n for n, _ in UNNUMBERED])
def test_an_act_without_number_or_date_has_an_address_from_its_agreement(client, seed, name, facts):
    from archive.models import Act

    act = Act.objects.select_related("agreement").get(country_id=facts["country"], type=facts["type"], number="")
    assert act.get_absolute_url() == f"/acts/kz/law/on-{act.agreement.slug}/"
    page = client.get(act.agreement.get_absolute_url()).content.decode()
    assert f'href="{act.get_absolute_url()}"' in page  # linked from the agreement's page
    assert act.agreement.title in client.get(act.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_agreement_page_and_its_api_detail_link_each_act(client, seed):
    agreement = seed["intelligence_2024"]
    act = agreement.acts.get()
    assert (
        f'class="act-link" href="{act.get_absolute_url()}"' in client.get(agreement.get_absolute_url()).content.decode()
    )
    body = client.get(f"/api/agreements/{agreement.slug}/").json()
    assert body["acts"][0]["url"] == "http://testserver" + act.get_absolute_url()


# ----------------------------------------------------------------------------- numbers with letters
LETTERED = [
    # the Armenian decision the AM–KZ note cites (seed facts: warnings_contain), recorded as an act here
    (
        "AM",
        "government_decision",
        "1363-Ա",
        "2021-08-18",
        ["1363-Ա", "N 1363-Ա", "№ 1363-Ա", "1363-ա", "1363 Ա", "1363"],
    ),
    ("RU", "federal_law", "27-ФЗ", "2012-03-01", ["27-ФЗ", "№ 27-ФЗ", "N 27-фз", "27фз", "Федеральный закон № 27-ФЗ"]),
    ("KZ", "law", "117-V", "2015-06-01", ["117-V", "No. 117-v", "N117-V", "117 V"]),
]


@pytest.mark.django_db
@pytest.mark.parametrize("country, kind, number, date, forms", LETTERED, ids=[row[2] for row in LETTERED])
def test_numbers_with_letters_resolve_in_every_written_form(client, seed, country, kind, number, date, forms):
    from archive.models import Act, Country

    Country.objects.get_or_create(code=country, defaults={"name": country})
    act = Act.objects.create(
        agreement=seed["am_kz_intelligence"],
        country_id=country,
        type=kind,
        number=number,
        date=dt.date.fromisoformat(date),
        action="approve",
    )
    permalink = act.get_absolute_url()
    assert unquote(permalink).endswith(f"/{date[:4]}-{number.casefold()}/")  # its own script, lower case
    assert client.get(permalink).status_code == 200
    for form in forms:
        response = client.get("/acts/resolve/", {"q": form})
        assert (response.status_code, response["Location"]) == (302, permalink), form
        param = "q" if " " in form and not form.startswith(("N", "№")) else "number"
        assert [r["id"] for r in client.get("/api/acts/", {param: form}).json()["results"]] == [act.pk], form
    assert client.get(f"/acts/{country.lower()}/{kind}/{date[:4]}-{number}/")["Location"] == permalink
    api = client.get(unquote(permalink).replace("/acts/", "/api/acts/", 1)).json()
    assert api["id"] == act.pk and api["number"] == number


@pytest.mark.django_db
def test_a_number_no_act_carries_leads_to_the_texts_that_cite_it(client, seed):
    # the seed records N 1363-Ա only as cited by the AM–KZ explanatory note, not as an act
    response = client.get("/acts/resolve/", {"q": "N 1363-Ա"})
    assert response.status_code == 302 and response["Location"].startswith("/search/?q=")
    follow = client.get(response["Location"])
    assert seed["am_kz_intelligence"].get_absolute_url() in follow.content.decode()


@pytest.mark.django_db
def test_one_decree_approving_two_agreements_is_one_page_listing_both(client, seed):
    from archive.models import Act

    act = seed["intelligence_2024"].acts.get()
    twin = Act.objects.create(
        agreement=seed["treaty_2005"], country=act.country, type=act.type, number=act.number, date=act.date
    )
    assert twin.get_absolute_url() == act.get_absolute_url()
    page = client.get(act.get_absolute_url()).content.decode()
    assert seed["intelligence_2024"].get_absolute_url() in page and seed["treaty_2005"].get_absolute_url() in page
    assert client.get("/acts/resolve/", {"q": f"№ {act.number}"})["Location"] == act.get_absolute_url()
    slugs = [a["slug"] for a in client.get(f"/api/acts/{act.pk}/").json()["agreements"]]
    assert slugs == [seed["intelligence_2024"].slug, seed["treaty_2005"].slug]


# ----------------------------------------------------------------------------- what readers may see
@pytest.mark.django_db
def test_the_acts_of_an_unpublished_agreement_are_not_public(client, seed, django_user_model):
    agreement = seed["communications_2004"]
    act = agreement.acts.get()
    url = act.get_absolute_url()
    agreement.published_at = None
    agreement.save(update_fields=["published_at"])
    assert client.get(url).status_code == 404
    assert client.head(url).status_code == 404
    assert client.get(f"/api/acts/{act.pk}/").status_code == 404
    assert client.get(url.replace("/acts/", "/api/acts/", 1)).status_code == 404
    assert act.pk not in [r["id"] for r in client.get("/api/acts/").json()["results"]]
    assert client.get("/acts/resolve/", {"q": f"N {act.number}"})["Location"].startswith("/search/")
    assert url not in client.get("/acts/").content.decode()
    assert url not in client.get("/sitemap.xml").content.decode()
    assert url not in client.get("/search/", {"q": f"N {act.number}"}).content.decode()
    editor = django_user_model.objects.create_user("ed", password="x", is_staff=True, is_superuser=True)
    client.force_login(editor)
    assert client.get(url).status_code == 200  # editors see the drafts' acts


# ----------------------------------------------------------------------------- the API
@pytest.mark.django_db
def test_the_api_filters_acts_by_country_type_and_year(client, seed):
    def ids(**params):
        return sorted(r["id"] for r in client.get("/api/acts/", params).json()["results"])

    decrees = [_act(f).pk for _, f in SEED_ACTS]
    assert ids(type="government_decree") == sorted(decrees) == ids(type="government-decree")
    assert ids(country="kz", year=2004) == [_act(dict(SEED_ACTS)["003_966cfad3000587e1.txt"]).pk]
    assert ids(country="AM") == []
    assert client.get("/api/acts/", {"type": "decree"}).status_code == 400


# ----------------------------------------------------------------------------- search
@pytest.mark.django_db
@pytest.mark.parametrize("q", ["1363-Ա", "1363", "1363-ա", "N 1363-Ա"])
def test_the_armenian_decision_number_finds_the_note_s_agreement(client, seed, q):
    rows = client.get("/api/agreements/", {"q": q}).json()["results"]
    assert [r["slug"] for r in rows] == [seed["am_kz_intelligence"].slug]


@pytest.mark.django_db
@pytest.mark.parametrize("name, facts", SEED_ACTS, ids=[n for n, _ in SEED_ACTS])
def test_a_search_for_an_act_number_links_the_act(client, seed, name, facts):
    act = _act(facts)
    for form in (f"N {facts['number']}", f"No. {facts['number']}", f"№ {facts['number']}"):
        rows = client.get("/api/agreements/", {"q": form}).json()["results"]
        assert rows and rows[0]["slug"] == act.agreement.slug, form
        page = client.get("/search/", {"q": form}).content.decode()
        assert f'class="act-link" href="{act.get_absolute_url()}"' in page, form


@pytest.mark.django_db
def test_the_explanatory_note_is_readable_on_its_agreement_page(client, seed):
    agreement = seed["am_kz_intelligence"]
    note = agreement.sources.get(kind="note")
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert 'class="note"' in page and 'lang="hy"' in page
    first = note.text.strip().split("\n")[0].strip()
    assert first[:60] in page


@pytest.mark.django_db
def test_an_act_with_a_date_and_no_number_is_addressed_by_its_date(client, seed):
    from archive.models import Act

    agreement = seed["treaty_2005"]
    act = Act.objects.create(
        agreement=agreement, country_id="AZ", type="law", action="ratify", date=dt.date(2005, 6, 2)
    )
    assert act.get_absolute_url() == "/acts/az/law/2005-06-02/"
    page = client.get(act.get_absolute_url()).content.decode()
    assert agreement.get_absolute_url() in page
    assert client.get("/acts/az/law/2005-06-03/").status_code == 404
    assert client.get("/acts/az/decree/2005-06-02/").status_code == 404  # not a type
