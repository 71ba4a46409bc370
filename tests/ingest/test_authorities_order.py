"""extract_authorities lists the bodies in the order of the parties, whatever order the clause
names them in."""

from archive.ingest.authorities import extract_authorities

CLAUSE = (
    "Компетентными органами, ответственными за реализацию настоящего Соглашения, являются:\n"
    "с узбекской стороны - Министерство народного образования Республики Узбекистан;\n"
    "с казахстанской стороны - Министерство образования и науки Республики Казахстан."
)


def test_the_authorities_follow_the_order_of_the_parties():
    names = [(a.country, a.name) for a in extract_authorities(CLAUSE, ["KZ", "UZ"])]
    assert names == [
        ("KZ", "Министерство образования и науки Республики Казахстан"),
        ("UZ", "Министерство народного образования Республики Узбекистан"),
    ]


def test_without_parties_the_authorities_keep_the_text_s_order():
    names = [a.country for a in extract_authorities(CLAUSE, [])]
    assert names == ["UZ", "KZ"]
