"""core.date_format writes dates exactly as Django's dateformat does, in any language."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import dateformat, translation

from tending.core import date_format
from tending.core.date_format import PLANS_KEPT, format_date, names, plan_of, quick_format

FORMATS = [
    "F Y", "j F Y", "Y-m", "l j F Y", "Y-m-d", "l j F", "l", "l j F Y, H:i", "j M", "j M Y",
    "j F Y, H:i", "F", "D j M", "D j M Y", "D j M Y, H:i", "d.m.Y H:i", "", "—", "j. F",
]  # fmt: skip
# Every day of a leap year and the turn of two years, at times that need padding and not.
DAYS = [date(2024, 1, 1) + timedelta(days=n) for n in range(0, 370, 3)] + [date(5, 3, 9)]
TIMES = [
    datetime(2026, 6, 14, 9, 5),
    datetime(2026, 12, 31, 23, 59, tzinfo=UTC),
    datetime(2027, 1, 1, 0, 0),
    datetime(999, 2, 28, 12, 30),
]


@pytest.mark.parametrize("language", ["en", "de", "fr"])
@pytest.mark.parametrize("format_string", FORMATS)
def test_written_as_django_writes_it(language, format_string):
    with translation.override(language):
        for value in TIMES + [datetime.combine(day, datetime.min.time()) for day in DAYS]:
            expected = dateformat.format(value, format_string)
            assert quick_format(value, format_string) == expected  # written here, not by Django
            local = date_format.local_format(format_string)
            assert format_date(value, format_string) == dateformat.format(value, local)
        for day in DAYS:
            if "H" not in format_string and "i" not in format_string:
                expected = dateformat.format(day, format_string)
                assert quick_format(day, format_string) == expected


def test_names_follow_the_language_in_use():
    with translation.override("de"):
        assert format_date(date(2026, 3, 2), "l j F") == "Montag, 2. März"
        assert quick_format(date(2026, 3, 2), "l j F") == "Montag 2 März"
        assert names().months_3[5] == "Mai"
    with translation.override("en"):
        assert format_date(date(2026, 3, 2), "D j M") == "Mon 2 Mar"
        assert names().weekdays[6] == "Sunday"


def test_formats_are_written_as_the_language_writes_dates():
    day = date(2026, 12, 4)
    with translation.override("de"):
        assert format_date(day, "j F Y") == "4. Dezember 2026"
        assert format_date(day, "D j M") == "Fr, 4. Dez"
        assert format_date(day, "Y-m-d") == "2026-12-04"  # a form's value stays as it is
    with translation.override("en"):
        assert format_date(day, "j F Y") == "4 December 2026"
    with translation.override("fr"):  # no catalogue of tending's: the format as it is
        assert format_date(day, "j F Y") == "4 décembre 2026"
    every = {str(f) for f in date_format.DATE_FORMATS}
    assert {"j F Y", "l j F", "j M Y, H:i"} <= every and "Y-m-d" not in every


@pytest.mark.parametrize(
    "format_string", ["jS F", "N j, Y", r"\j\a\n j", "P", "DATE_FORMAT", "e", "U"]
)
def test_other_formats_are_left_to_django(format_string):
    assert plan_of(format_string) is None
    assert quick_format(TIMES[1], format_string) is None
    assert format_date(TIMES[1], format_string) == dateformat.format(TIMES[1], format_string)


def test_other_values_are_left_to_django():
    class LaterDate(date):
        pass

    for value in (None, "", "2026-01-01", 3, LaterDate(2026, 1, 1)):
        assert quick_format(value, "j F Y") is None
    assert format_date(LaterDate(2026, 1, 1), "j F Y") == "1 January 2026"


def test_a_date_without_a_time_asked_for_its_hour_is_refused_as_django_refuses_it():
    assert quick_format(date(2026, 1, 1), "j F H:i") is None
    assert quick_format(date(2026, 1, 1), "i") is None
    with pytest.raises(TypeError, match="time-related"):
        format_date(date(2026, 1, 1), "j F, H:i")


def test_a_plan_keeps_text_between_letters_together():
    pieces, with_time = plan_of("D j M, H:i")
    assert pieces == (
        (True, "D"), (False, " "), (True, "j"), (False, " "), (True, "M"), (False, ", "),
        (True, "H"), (False, ":"), (True, "i"),
    )  # fmt: skip
    assert with_time is True
    assert plan_of("j F Y") == (((True, "j"), (False, " "), (True, "F"), (False, " "),
                                 (True, "Y")), False)  # fmt: skip
    assert plan_of("") == ((), False)


def test_formats_read_are_kept_only_up_to_the_cap(monkeypatch):
    monkeypatch.setattr(date_format, "_plans", {})
    for n in range(PLANS_KEPT + 20):
        assert format_date(TIMES[0], f"j-{n}") == f"14-{n}"
    assert len(date_format._plans) == PLANS_KEPT
    assert format_date(TIMES[0], f"Y {PLANS_KEPT + 50}") == f"2026 {PLANS_KEPT + 50}"
