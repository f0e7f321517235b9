import datetime as dt

import pytest

from toolkit.text.dates import month_number, parse_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("7 November 2025", dt.date(2025, 11, 7)),
        ("September 8, 2025", dt.date(2025, 9, 8)),
        ("Oct 07, 2025", dt.date(2025, 10, 7)),
        ("Today : Oct 07, 2025", dt.date(2025, 10, 7)),
        ("Monday, 8th September 2025", dt.date(2025, 9, 8)),
        ("2025-10-07", dt.date(2025, 10, 7)),
        ("Sept. 8 2025", dt.date(2025, 9, 8)),
        ("31 February 2025", None),
        ("in May", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_month_number():
    assert [month_number(m) for m in ("Jan", "sept.", "December", "Mayo")] == [1, 9, 12, None]
