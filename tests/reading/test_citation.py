import datetime as dt
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from archive.reading.citation import CitationFacts, bibtex, bibtex_escape, csl_json, plain

URL = "https://archive.example.org/agreements/kz-az-2024-military-intelligence/"

INTELLIGENCE = CitationFacts(
    title="Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі арасындағы қорғаныс "
    "саласындағы әскери барлау саласындағы ынтымақтастық туралы келісім",
    title_en="Agreement between the Government of the Republic of Kazakhstan and the Government of the Republic "
    "of Azerbaijan on cooperation in military intelligence in the field of defence",
    kind="agreement",
    parties=["Kazakhstan", "Azerbaijan"],
    signed_date=dt.date(2024, 6, 7),
    signed_place="Baku",
    act="Government decree No. 752 of 16 September 2024",
    url=URL,
    slug="kz-az-2024-military-intelligence",
    accessed=dt.date(2026, 11, 22),
)


def test_plain_full():
    assert plain(INTELLIGENCE) == (
        "Agreement between the Government of the Republic of Kazakhstan and the Government of the Republic of "
        "Azerbaijan on cooperation in military intelligence in the field of defence (Kazakhstan–Azerbaijan), "
        "signed at Baku, 7 June 2024; approved by Government decree No. 752 of 16 September 2024. "
        f"Bilateral Agreements Archive, {URL} (accessed 22 November 2026)."
    )


def test_plain_falls_back_to_original_title():
    facts = CitationFacts(title="Договор о дружбе", parties=["Kazakhstan", "Azerbaijan"], url=URL)
    assert plain(facts) == f"Договор о дружбе (Kazakhstan–Azerbaijan). Bilateral Agreements Archive, {URL}."


def test_plain_with_missing_fields():
    assert plain(CitationFacts(title="Agreement on X")) == "Agreement on X. Bilateral Agreements Archive."
    assert plain(CitationFacts(title="Agreement on X", signed_date=dt.date(2004, 3, 1))) == (
        "Agreement on X, signed 1 March 2004. Bilateral Agreements Archive."
    )
    assert plain(CitationFacts(title="Agreement on X", signed_place="Astana")) == (
        "Agreement on X, signed at Astana. Bilateral Agreements Archive."
    )
    assert plain(CitationFacts(title="Agreement on X", act="Law No. 5 on ratification")) == (
        "Agreement on X, ratified by Law No. 5 on ratification. Bilateral Agreements Archive."
    )


def test_plain_does_not_double_the_full_stop():
    assert plain(CitationFacts(title="Exchange of notes.")).startswith("Exchange of notes. ")


def test_bibtex_entry():
    entry = bibtex(INTELLIGENCE)
    assert entry.startswith("@misc{kz-az-2024-military-intelligence,\n")
    assert entry.endswith("}\n")
    assert "  title = {{Agreement between the Government" in entry
    assert "  author = {{Kazakhstan} and {Azerbaijan}},\n" in entry
    assert "  year = {2024},\n" in entry
    assert "  date = {2024-06-07},\n" in entry
    assert "  note = {Signed at Baku, 7 June 2024; approved by Government decree No. 752 of 16 September 2024},\n" in (
        entry
    )
    assert f"  url = {{{URL}}},\n" in entry
    assert "  urldate = {2026-11-22}\n" in entry
    assert _balanced(entry)


def test_bibtex_escapes_latex_specials():
    assert bibtex_escape(r"50% & $5 #1 a_b x^2 ~ {x} \ ") == (
        r"50\% \& \$5 \#1 a\_b x\^{}2 \~{} \{x\} \textbackslash{}"
    )
    entry = bibtex(CitationFacts(title="R&D {100%} under_score", slug="r-d"))
    assert r"title = {{R\&D \{100\%\} under\_score}}" in entry
    assert _balanced(entry)


def test_bibtex_key_from_unusual_slug():
    assert bibtex(CitationFacts(title="T", slug="kz,az {1996}")).startswith("@misc{kz-az-1996,")
    assert bibtex(CitationFacts(title="T", slug="")).startswith("@misc{agreement,")
    assert bibtex(CitationFacts(title="T", slug="қазақ-2004")).startswith("@misc{2004,")


def test_bibtex_url_cannot_break_the_entry():
    entry = bibtex(CitationFacts(title="T", url="https://x.org/a}b{c d%D0%B0"))
    assert "url = {https://x.org/a%7Db%7Bc%20d%D0%B0}" in entry
    assert _balanced(entry)


def test_bibtex_missing_fields_are_left_out():
    entry = bibtex(CitationFacts(title="Agreement on X", slug="x"))
    assert "author" not in entry and "year" not in entry and "url" not in entry and "note" not in entry
    assert entry == "@misc{x,\n  title = {{Agreement on X}},\n  howpublished = {Bilateral Agreements Archive}\n}\n"


def test_csl_json():
    item = csl_json(INTELLIGENCE)
    assert item["id"] == "kz-az-2024-military-intelligence"
    assert item["type"] == "treaty"
    assert item["title"].startswith("Agreement between the Government")
    assert item["original-title"].startswith("Қазақстан")
    assert item["issued"] == {"date-parts": [[2024, 6, 7]]}
    assert item["accessed"] == {"date-parts": [[2026, 11, 22]]}
    assert item["URL"] == URL
    assert item["publisher-place"] == "Baku"
    assert item["authority"] == "Kazakhstan–Azerbaijan"
    assert item["genre"] == "Agreement"
    assert item["note"] == "Approved by Government decree No. 752 of 16 September 2024"
    assert item["archive"] == "Bilateral Agreements Archive"
    json.dumps(item)  # serialisable


def test_csl_json_missing_fields():
    item = csl_json(CitationFacts(title="Agreement on X", kind="exchange_of_notes"))
    assert item == {
        "id": "agreement",
        "type": "treaty",
        "title": "Agreement on X",
        "genre": "Exchange of notes",
        "archive": "Bilateral Agreements Archive",
    }


def _balanced(entry: str) -> bool:
    depth = 0
    for m in re.finditer(r"\\.|[{}]", entry):
        token = m.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


@given(st.text(max_size=60), st.text(max_size=30))
def test_any_title_gives_a_balanced_bibtex_entry(title, place):
    entry = bibtex(CitationFacts(title=title or "x", signed_place=place, slug=title))
    assert _balanced(entry)
    assert entry.startswith("@misc{")
