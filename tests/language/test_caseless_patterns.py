"""Case-blind patterns (archive.language.caseless): the regex syntax they must keep working."""

import pytest

from archive.language.caseless import caseless


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        # a named group and its back-reference compare the words case-blind (findall gives the group)
        (r"(?P<w>республика) и (?P=w)", "РЕСПУБЛИКА и Республика", ["РЕСПУБЛИКА"]),
        (r"(?P<w>республика) и (?P=w)", "РЕСПУБЛИКА и Армения", []),
        # inline flags stay flags: verbose ignores the spaces
        (r"(?x) рес  публика", "РЕСПУБЛИКА", ["РЕСПУБЛИКА"]),
        (r"(?i:ер)ЕВ", "ЕРЕВАН", ["ЕРЕВ"]),
        # a class of escapes and ranges: capitals fall in a range of small letters, Қ does not
        (r"[\u0430-\u044f]+", "ҚАЗАҚ Ереван", ["АЗА", "Ереван"]),
        (r"[^\u0430-\u044f ]+", "КАЗ abc Ереван", ["abc"]),
        (r"[\\а]+", "А\\а", ["А\\а"]),
        (r"[а\-я]+", "А-Я Б", ["А-Я"]),
        (r"\x41", "a A", ["a", "A"]),
        (r"\u0410", "а А", ["а", "А"]),
        (r"\d+ ЖЫЛ", "2024 жыл", ["2024 жыл"]),
    ],
)
def test_findall_is_case_blind_and_keeps_the_syntax(pattern, text, found):
    assert caseless(pattern).findall(text) == found


def test_pos_and_endpos_bound_the_search():
    assert caseless("ер").findall("ЕРЕВАН ереван Ер", 0, 9) == ["ЕР", "ер"]
    assert caseless("ер").findall("ЕРЕВАН ереван Ер", 1) == ["ер", "Ер"]
    assert caseless("ер").search("ЕРЕВАН", 1) is None


def test_split_and_sub_work_on_the_original_text():
    assert caseless(r",\s*").split("А, Б,В") == ["А", "Б", "В"]
    assert caseless(r"и").split("АИБиВ") == ["А", "Б", "В"]
    assert caseless("республика").sub("Р.", "РЕСПУБЛИКА Казахстан, республика Армения") == "Р. Казахстан, Р. Армения"
