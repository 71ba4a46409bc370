"""The iCalendar writer: escaping, folding at 75 octets, CRLF, and a library reads it back."""

import datetime as dt

from icalendar import Calendar

from archive.formats import ical_line, ical_text
from archive.reading.ics import AllDayEvent, calendar


def test_text_escapes_and_drops_controls():
    assert ical_text("a,b;c\\d") == "a\\,b\\;c\\\\d"
    assert ical_text("one\r\ntwo\nthree\rfour") == "one\\ntwo\\nthree\\nfour"
    assert ical_text("bell\x07 nul\x00 del\x7f tab\t") == "bell nul del tab\t"


def test_lines_fold_at_75_octets_without_splitting_characters():
    line = ical_line("SUMMARY", "Қазақстан Республикасының Үкіметі мен Әзірбайжан " * 4)
    assert line.endswith("\r\n")
    physical = line[:-2].split("\r\n")
    assert len(physical) > 2
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    unfolded = "".join([physical[0], *(p[1:] for p in physical[1:])])
    assert unfolded == "SUMMARY:" + "Қазақстан Республикасының Үкіметі мен Әзірбайжан " * 4
    assert ical_line("A", "x" * 73) == "A:" + "x" * 73 + "\r\n"  # exactly 75 octets: not folded
    assert ical_line("A", "x" * 74).count("\r\n") == 2


def test_calendar_reads_back():
    hostile = 'Treaty, part 1; "A\\B"\nsecond line <script>'
    body = calendar(
        "Deadlines; AZ, KZ",
        [
            AllDayEvent("a/notice-deadline-2027-10-31@x", dt.date(2027, 10, 31), hostile, "Why\nhow", "https://x/a/"),
            AllDayEvent(
                "b/period-end-2027-01-31@x",
                dt.date(2027, 1, 31),
                "Period ends",
                stamp=dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC),
            ),
        ],
        now=dt.datetime(2026, 12, 2, 3, 4, 5, tzinfo=dt.UTC),
    )
    assert "\n" not in body.replace("\r\n", "")  # every line ends with CRLF, no bare LF
    parsed = Calendar.from_ical(body)
    # an X- property is TEXT by default (RFC 5545, 3.8.8.2): escaped like one; the library keeps it raw
    assert parsed.decoded("X-WR-CALNAME") == "Deadlines\\; AZ\\, KZ"
    first, second = parsed.walk("VEVENT")
    assert str(first["SUMMARY"]) == hostile
    assert str(first["DESCRIPTION"]) == "Why\nhow"
    assert first.decoded("DTSTART") == dt.date(2027, 10, 31)
    assert first.decoded("DTEND") == dt.date(2027, 11, 1)
    assert first.decoded("DTSTAMP") == dt.datetime(2026, 12, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert second.decoded("DTSTAMP") == dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC)
    assert str(second["UID"]) == "b/period-end-2027-01-31@x"
