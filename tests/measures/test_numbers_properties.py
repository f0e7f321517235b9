"""Invariants of number extraction, property-tested.

The normal run tries :data:`DEFAULT_EXAMPLES` cases per property. The dedicated
run tries 10,000 or more::

    NUMBERS_FUZZ_EXAMPLES=10000 python -m pytest tests/test_numbers_properties.py -q

(any positive count is honoured; the profile is registered as ``numbers-fuzz``).
"""

import datetime as dt
import math
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.measures.numbers import _Extractor, lookup_unit

#: Cases per property in the normal test run: enough to catch a regression, fast.
DEFAULT_EXAMPLES = 200
EXAMPLES = int(os.environ.get("NUMBERS_FUZZ_EXAMPLES", DEFAULT_EXAMPLES))
settings.register_profile("numbers-fuzz", max_examples=EXAMPLES, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ = settings.get_profile("numbers-fuzz")


def extract(text, published=None):
    return _Extractor(text, 0, len(text), 2025, published).run()


def check_invariants(text, published=None):
    for m in extract(text, published):
        assert text[m.start:m.end] == m.surface
        for end in (m.low, m.high):
            if isinstance(end, float):
                assert math.isfinite(end), (text, m)
        if m.low is not None and m.high is not None:
            assert m.low <= m.high, (text, m)


# Text built from the pieces numbers are written with, so that fuzzing reaches the number rules.
PIECES = st.sampled_from([
    " ", "  ", ",", ".", "-", "–", "−", "/", "⁄", "(", ")", "$", "US$", "€", "£", "¥", "Y=", "RM", "Rs", "S$", "HK$",
    "%", " percent", " per cent", "½", "¾", "×10", "^", "e", "k", "m", "M", "bn", "mln", " million", " billion",
    " thousand", " hundred", " to ", " and ", " or ", " between ", " from ", " about ", " more than ", " under ",
    " up to ", "~", "minus", " km", " mph", "GB", " tonſ", " tons", " K", "ǅ", "ﬁ", " years", " people", " the ",
    "twenty", "-eight", " one", " a dozen", " of ", " a ", " day", " next year", " last month", " September",
    " 8", "0", "1", "7", "9", "12", "2025", "1999", "10000", "9" * 40, "3:00", " p.m.", "iPhone", " 5G", "COVID-19",
])
BUILT = st.lists(st.one_of(PIECES, st.integers(0, 10 ** 6).map(str), st.text(max_size=3)), max_size=25).map("".join)


@FUZZ
@given(st.text(max_size=300))
def test_no_exception_and_spans_round_trip_on_any_text(text):
    check_invariants(text)


@FUZZ
@given(BUILT)
def test_invariants_on_number_like_text(text):
    check_invariants(text)


@FUZZ
@given(BUILT, st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_relative_dates_at_the_calendar_ends_never_raise(text, published):
    check_invariants(text + " next year, last month and next week", published)


def test_calendar_ends():
    for published in (dt.date(9999, 12, 31), dt.date(1, 1, 1)):
        found = extract("Next year and last year, next month and last week.", published)
        assert all(m.low is None or m.low <= m.high for m in found)


def test_unicode_case_folding_in_unit_lookup():
    # "ſ" (long s) folds to "s": the unit is found, never a KeyError
    assert lookup_unit("tonſ").name == "ton"
    check_invariants("They shipped 5 tonſ of grain and 3 KM of pipe.")


# A number rendered in any supported surface form parses back to its value and unit.
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mln": 1e6, "mil": 1e6}
CURRENCIES = {"$": "USD", "US$": "USD", "S$": "SGD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "RM": "MYR", "€": "EUR",
              "£": "GBP", "¥": "JPY", "Rs ": "PKR", "EUR": "EUR"}
UNITS = {"km": "km", "kilometres": "km", "mph": "mph", "GB": "GB", "mg": "mg", "W": "W", "ft": "foot", "kg": "kg",
         "tonnes": "ton", "miles": "mile", "percent": "percent", "%": "percent", "per cent": "percent"}
WORDS = {1: "one", 2: "two", 3: "three", 7: "seven", 12: "twelve", 15: "fifteen", 20: "twenty", 28: "twenty-eight",
         45: "forty-five", 99: "ninety-nine"}


def render_digits(value: int) -> str:
    return f"{value:,}"


def render_words(value: int) -> str:
    """English words for 1 <= value < 1,000,000 from :data:`WORDS`-style pieces."""
    ones = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def below_thousand(n):
        parts = []
        if n >= 100:
            parts += [ones[n // 100], "hundred"]
            n %= 100
        if n >= 20:
            parts.append(tens[n // 10] + ("-" + ones[n % 10] if n % 10 else ""))
        elif n:
            parts.append(ones[n])
        return " ".join(parts)

    thousands, rest = divmod(value, 1000)
    return " ".join(p for p in ((below_thousand(thousands) + " thousand") if thousands else "", below_thousand(rest)) if p)


def one(text):
    found = [m for m in extract(text) if m.kind != "date"]
    assert len(found) == 1, [(m.surface, m.kind, m.unit) for m in found]
    return found[0]


def contains(m, value):
    low = m.low if m.low is not None else -math.inf
    high = m.high if m.high is not None else math.inf
    tolerance = 1e-9 * max(abs(value), 1.0)
    return low - tolerance <= value <= high + tolerance


@FUZZ
@given(st.decimals(min_value="0.1", max_value="999.9", places=1), st.sampled_from(sorted(SCALES)),
       st.sampled_from(sorted(CURRENCIES)))
def test_money_with_any_currency_sign_and_scale(value, scale, sign):
    text = f"Officials said {sign}{value} {scale} was pledged."
    m = one(text)
    assert m.kind == "money" and m.unit == CURRENCIES[sign]
    assert contains(m, float(value) * SCALES[scale])


@FUZZ
@given(st.integers(1, 999_999), st.sampled_from(sorted(UNITS)), st.booleans(), st.booleans())
def test_measures_in_digits_or_words(value, unit, words, attached):
    number = render_words(value) if words else render_digits(value)
    gap = "" if attached and not words and unit not in ("percent", "per cent", "kilometres", "miles", "tonnes") else " "
    if words and unit in ("%",):
        return  # "twelve%" is not written
    m = one(f"The report gives {number}{gap}{unit} for the region.")
    assert lookup_unit(unit).name == m.unit
    assert contains(m, float(value))


@FUZZ
@given(st.integers(0, 99), st.sampled_from(["1/2", "1/4", "3/4", "½", "¼", "¾", "1⁄32", "1⁄8"]))
def test_fractions_and_mixed_forms(whole, fraction):
    values = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "½": 0.5, "¼": 0.25, "¾": 0.75, "1⁄32": 1 / 32, "1⁄8": 0.125}
    glue = "" if fraction[0] in "½¼¾" else " "
    number = (f"{whole}{glue}{fraction}" if whole else fraction)
    m = one(f"It weighs {number} kg in all.")
    assert m.unit == "kg" and contains(m, whole + values[fraction])


@FUZZ
@given(st.decimals(min_value="1.00", max_value="9.99", places=2), st.integers(-40, 40),
       st.sampled_from(["{m}×10{e}", "{m}×10^{e}", "{m} x 10^{e}"]))
def test_scientific_notation(mantissa, exponent, form):
    e = str(exponent).replace("-", "−") if "^" not in form else str(exponent)
    m = one("The mass is " + form.format(m=mantissa, e=e) + " kg here.")
    assert m.unit == "kg" and math.isclose(m.low, float(mantissa) * 10.0 ** exponent, rel_tol=1e-9)


@FUZZ
@given(st.decimals(min_value="0.1", max_value="99.9", places=1), st.sampled_from(["minus-{v}%", "−{v}%", "-{v}%", "minus {v} percent"]))
def test_negative_values(value, form):
    m = one("Growth was " + form.format(v=value) + " last quarter.")
    assert m.unit == "percent" and contains(m, -float(value))


@FUZZ
@given(st.integers(1, 500), st.integers(1, 500), st.sampled_from(["{a} to {b} km", "{a}-{b} km", "between {a} and {b} km",
                                                                  "${a} million to ${b} million", "{a}% and {b}%"]))
def test_ranges_are_never_inverted(a, b, form):
    for m in extract("They said " + form.format(a=a, b=b) + " in total."):
        if m.low is not None and m.high is not None:
            assert m.low <= m.high


def test_issue_cases():
    m = one("Grants run from $370,000 to $5.5 million a year.")
    assert (m.low, m.high) == (370_000, 5_500_000)
    found = extract("It granted $5 million to 3 universities.")
    assert [m.unit for m in found] == ["USD", "university"]
    assert all(m.low <= m.high for m in extract("Rates of 12% and 5% apply."))
    assert one("There are twenty-eight thousand six hundred forty-two students.").low == 28642
    assert extract("It was a " + "9" * 400 + " value.") == [] or all(math.isfinite(m.low) for m in extract("It was a " + "9" * 400 + " value."))
    assert [m.unit for m in extract("It tops 50mph with 128GB, 500mg and a 5-10W lamp, 121ft.")] == ["mph", "GB", "mg", "W", "foot"]


def test_not_quantities():
    for text in ("It began at 4:39 and at 3:00 a.m. (0000 GMT).", "Her lap of 1:36.6 stood.", "The game ended 89-89.",
                 "The new 5G phones and COVID-19 rules.", "Slideshow (3 Images)", "The S&P 500 fell."):
        assert [m for m in extract(text) if m.kind != "date"] == [], text


def test_month_and_day_are_one_date():
    found = extract("On January 1 the rule began, and on August 21 it ended.")
    assert [(m.surface, m.kind) for m in found] == [("January 1", "date"), ("August 21", "date")]
    assert found[0].low == dt.date(2025, 1, 1)
    m = one("It took 2 1/2 years.")
    assert m.unit == "year" and m.low == 2.5


def test_currency_signs_and_scales():
    found = extract("It raised A$5 million, HK$3.2 billion, C$10, S$1.2 bn, RM79, Y=110.5 and Rs 500 crore.")
    assert [(m.unit, m.low) for m in found] == [("AUD", 5e6), ("HKD", 3.2e9), ("CAD", 10.0), ("SGD", 1.2e9),
                                                 ("MYR", 79.0), ("JPY", 110.5), ("PKR", 5e9)]
    assert one("The trade gap widened to $-50.8bn.").low == -50.8e9


def test_counts_of_people_and_year_ranges():
    found = extract("One group counted 213 dead and 494 injured in the 2011-2013 fighting.")
    assert [(m.kind, m.unit) for m in found] == [("count", "person"), ("count", "person"), ("date", "date")]
    m = one("Officials put the toll between 500 and 1300 overall.")
    assert (m.low, m.high) == (500, 1300)


def test_change_and_range():
    m = one("The toll rose from 322 to 1,300 overnight.")
    assert (m.change_from, m.change_to, m.low, m.high) == (322, 1300, 1300, 1300)
    m = one("Fees range from 1 per cent to 1.5 per cent.")
    assert (m.change_from, m.low, m.high) == (None, 1.0, 1.5)


def test_decades_pence_and_names():
    [m] = extract("Prices peaked in the 1990s overall.")
    assert (m.kind, m.low, m.high) == ("date", dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert extract("He is in his 40s now.") == []
    assert [(m.unit, m.low) for m in extract("Shares rose 5p to 120p.")] == [("GBX", 5.0), ("GBX", 120.0)]
    assert [m.unit for m in extract("In Syria 213 people died on Monday.") if m.kind != "date"] == ["person"]
    assert [m.surface for m in extract("The Model 3 sedans and Game 2 drew crowds.")] == []
    assert one("He ran it in 9.58s flat.").unit == "second"
