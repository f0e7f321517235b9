import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.measures.numbers import APPROX_TOLERANCE, _Extractor, numbers, parse_number

T = APPROX_TOLERANCE


def extract(text, year=None, published=None):
    return _Extractor(text, 0, len(text), year, published).run()


def one(text, **kwargs):
    found = extract(text, **kwargs)
    assert len(found) == 1, [(m.surface, m.kind) for m in found]
    return found[0]


@pytest.mark.parametrize(
    "text, surface, kind, unit, low, high",
    [
        # money: symbols, codes, scale words and abbreviations
        ("It pledged $500 million.", "$500 million", "money", "USD", 5e8, 5e8),
        ("It pledged US$500 million.", "US$500 million", "money", "USD", 5e8, 5e8),
        ("Under this framework (USD $500 million), exports rise.", "USD $500 million", "money", "USD", 5e8, 5e8),
        ("An allocation of $500M covers it.", "$500M", "money", "USD", 5e8, 5e8),
        ("It costs Rs 5 billion.", "Rs 5 billion", "money", "PKR", 5e9, 5e9),
        ("A PKR 20bn plan.", "PKR 20bn", "money", "PKR", 2e10, 2e10),
        ("They paid €3.5 mn.", "€3.5 mn", "money", "EUR", 3.5e6, 3.5e6),
        ("It sold for £12k.", "£12k", "money", "GBP", 12e3, 12e3),
        ("A 5 tn yuan economy.", "5 tn yuan", "money", "CNY", 5e12, 5e12),
        ("It cost 3bn dollars.", "3bn dollars", "money", "USD", 3e9, 3e9),
        ("Deposits worth $4-5 trillion.", "$4-5 trillion", "money", "USD", 4e12, 5e12),
        ("Worth between $4 and $5 trillion.", "between $4 and $5 trillion", "money", "USD", 4e12, 5e12),
        ("About $1.2 billion was spent.", "About $1.2 billion", "money", "USD", 1.2e9 * (1 - T), 1.2e9 * (1 + T)),
        ("Worth ~$6 trillion.", "~$6 trillion", "money", "USD", 6e12 * (1 - T), 6e12 * (1 + T)),
        ("It sank over $60 billion into ports.", "over $60 billion", "money", "USD", 6e10, None),
        ("It may reach up to $2 billion.", "up to $2 billion", "money", "USD", 0.0, 2e9),
        ("Billions of dollars in revenue.", "Billions of dollars", "money", "USD", 2e9, 1e12),
        # percentages and points
        ("It controls 70 percent of refining.", "70 percent", "percent", "percent", 70.0, 70.0),
        ("Mining is 3.2% of GDP.", "3.2%", "percent", "percent", 3.2, 3.2),
        ("Mining is under 3% of GDP.", "under 3%", "percent", "percent", 0.0, 3.0),
        ("About 85% of refining.", "About 85%", "percent", "percent", 85 * (1 - T), 85 * (1 + T)),
        ("Rates rose 2 percentage points.", "2 percentage points", "percentage_points", "percentage_points", 2.0, 2.0),
        ("Between 4 and 5 percent of voters.", "Between 4 and 5 percent", "percent", "percent", 4.0, 5.0),
        ("A 4-5% rise.", "4-5%", "percent", "percent", 4.0, 5.0),
        # counts with units
        ("About 5.9 billion tons of ore.", "About 5.9 billion tons", "count", "ton", 5.9e9 * (1 - T), 5.9e9 * (1 + T)),
        ("It lies 161 kilometers away.", "161 kilometers", "count", "km", 161.0, 161.0),
        ("It lies 20 km away.", "20 km", "count", "km", 20.0, 20.0),
        ("It pumps 3 million barrels a day.", "3 million barrels a day", "count", "barrel per day", 3e6, 3e6),
        ("A 1,200 MW plant.", "1,200 MW", "count", "MW", 1200.0, 1200.0),
        ("At least 12 deaths were reported.", "At least 12 deaths", "count", "death", 12.0, None),
        ("Up to 300 people came.", "Up to 300 people", "count", "person", 0.0, 300.0),
        ("Dozens of workers left.", "Dozens of workers", "count", "worker", 24.0, 100.0),
        ("Rare earths are a set of 17 elements.", "17 elements", "count", "element", 17.0, 17.0),
        ("They signed two agreements.", "two agreements", "count", "agreement", 2.0, 2.0),
        ("These fall into three broad categories.", "three broad categories", "count", "category", 3.0, 3.0),
        # a word in capitals is a name or an acronym, not the counted noun
        ("Rebels freed 12 UN workers.", "12 UN workers", "count", "worker", 12.0, 12.0),
        ("Police counted 70 NEWSWIRE photographers.", "70 NEWSWIRE photographers", "count", "photographer", 70.0, 70.0),
        # durations
        ("A four-day conflict ended.", "four-day", "duration", "day", 4.0, 4.0),
        ("After nearly a decade away.", "nearly a decade", "duration", "year", 10 * (1 - T), 10.0),
        ("For decades, ties wavered.", "decades", "duration", "year", 20.0, 100.0),
        ("Talks lasted two years.", "two years", "duration", "year", 2.0, 2.0),
    ],
)
def test_surface_forms(text, surface, kind, unit, low, high):
    m = one(text)
    assert (m.surface, m.kind, m.unit) == (surface, kind, unit)
    assert m.low == pytest.approx(low) if low is not None else m.low is None
    assert m.high == pytest.approx(high) if high is not None else m.high is None


def test_change_keeps_both_values():
    m = one("Tariffs fell from 29% to 19%.")
    assert (m.change_from, m.change_to, m.low, m.high) == (29.0, 19.0, 19.0, 19.0)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Signed on 8 September 2025.", "2025-09-08", "2025-09-08"),
        ("Signed on September 8, 2025.", "2025-09-08", "2025-09-08"),
        ("Dated Oct 07, 2025.", "2025-10-07", "2025-10-07"),
        ("A September 2025 agreement.", "2025-09-01", "2025-09-30"),
        ("Talks in early October 2025.", "2025-10-01", "2025-10-10"),
        ("Talks in mid-October 2025.", "2025-10-11", "2025-10-20"),
        ("A meeting in late September 2025.", "2025-09-21", "2025-09-30"),
        ("After default in 2023 it recovered.", "2023-01-01", "2023-12-31"),
    ],
)
def test_dates(text, low, high):
    m = one(text)
    assert (m.kind, m.low.isoformat(), m.high.isoformat()) == ("date", low, high)


def test_month_without_year_uses_context_then_stays_open():
    assert one("A meeting in late September.", year=2025).low == dt.date(2025, 9, 21)
    m = one("A meeting in late September.")
    assert m.low is None and "unresolved" in m.extra


def test_relative_dates_resolve_against_the_article_date():
    m = one("Last month, the minister resigned.", published=dt.date(2025, 10, 7))
    assert (m.low, m.high) == (dt.date(2025, 9, 1), dt.date(2025, 9, 30))
    m = one("Next year the port opens.", published=dt.date(2025, 10, 7))
    assert (m.low, m.high) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert one("Last month, the minister resigned.").low is None


@pytest.mark.parametrize(
    "text",
    [
        "The 21st century industrial base.",  # ordinal in a name
        "The first shipment left.",  # ordinal
        "One of the largest deposits.",  # 'one' as a pronoun
        "The two countries signed.",  # 'the two X' refers back
        "G7 leaders and COVID-19 rules and F-16 jets.",  # identifiers
        "It may rain in the capital.",  # May the modal, not the month
        "They talked about the deal.",
    ],
)
def test_not_quantities(text):
    assert extract(text) == []


def test_year_inside_a_date_is_not_a_separate_number():
    found = extract("Signed on 8 September 2025 in the capital.")
    assert [m.surface for m in found] == ["8 September 2025"]


def test_list_numbering_is_not_a_quantity():
    assert extract("1. Tariffs fall over time.") == []


def test_seed_table_round_trips_and_carries_stance(seeds_corpus):
    table = numbers(seeds_corpus)
    for row in table.itertuples():
        assert seeds_corpus.document(row.doc_id).text[row.start:row.end] == row.surface
    reserves = table[table["surface"] == "around $6 trillion"].iloc[0]
    assert bool(reserves["hedged"])  # "reserves estimated at around $6 trillion"
    dawn = table[(table["doc_id"] == "world-news-2025-10-07") & (table["surface"] == "October 7, 2025")].iloc[0]
    assert bool(dawn["attributed"])  # "..., according to Dawn."
    processing = table[table["surface"] == "70 percent"].iloc[0]
    assert processing["concept"].startswith("share of global rare earth processing") and "China" in processing["concept"]


def test_a_concept_reads_in_the_order_of_its_sentence():
    from toolkit.measures.number_context import _concept
    text = "Acme pledged $500 million in Norland's mines last year."
    start = text.index("$")
    label, _ = _concept(text, 0, len(text), start, start + len("$500 million"), "money")
    assert label == "Acme pledged … in Norland's mines last year"


# Property tests: numbers written in many forms parse back to their value.
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6}


@settings(max_examples=200, deadline=None)
@given(
    value=st.decimals(min_value="0.1", max_value="999.9", places=1),
    scale=st.sampled_from(sorted(SCALES)),
    template=st.sampled_from(["${v} {s}", "US${v} {s}", "USD {v} {s}", "{v} {s} dollars", "about ${v} {s}"]),
)
def test_money_forms_parse_back(value, scale, template):
    text = "Officials said " + template.format(v=value, s=scale) + " was pledged."
    m = one(text)
    expected = float(value) * SCALES[scale]
    assert m.kind == "money" and m.unit == "USD"
    assert m.low <= expected * (1 + 1e-9) and expected * (1 - 1e-9) <= m.high


@settings(max_examples=150, deadline=None)
@given(value=st.decimals(min_value="0", max_value="100", places=2), form=st.sampled_from(["{v}%", "{v} percent", "{v} per cent"]))
def test_percent_forms_parse_back(value, form):
    m = one("The share is " + form.format(v=value) + " of output.")
    assert m.kind == "percent" and m.low == pytest.approx(float(value))


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28), st.integers(min_value=1950, max_value=2090))
def test_date_forms_parse_back(month, day, year):
    name = dt.date(2000, month, 1).strftime("%B")
    for text in (f"On {day} {name} {year} it began.", f"On {name} {day}, {year} it began."):
        assert one(text).low == dt.date(year, month, day)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes_and_offsets_round_trip(text):
    for m in extract(text):
        assert text[m.start:m.end] == m.surface


@pytest.mark.parametrize("text, value", [("1,200.5", 1200.5), ("four", 4.0), ("a dozen", 12.0), ("twenty", 20.0)])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("sentence,surface,low,high", [
    ("A blast hit the depot, killing at least 40 and wounding dozens more.", "at least 40", 40.0, None),
    ("Officials said the death toll had risen to 52.", "52", 52.0, 52.0),
    ("The death toll was estimated between 500 and 1,300.", "between 500 and 1,300", 500.0, 1300.0),
    ("Floods kill 12 in coastal towns", "12", 12.0, 12.0),
])
def test_a_bare_number_after_a_casualty_word_counts_people(sentence, surface, low, high):
    found = {m.surface: m for m in _Extractor(sentence, 0, len(sentence), 2016, None).run()}
    assert found[surface].kind == "count" and found[surface].unit == "person"
    assert (found[surface].low, found[surface].high) == (low, high)


def test_a_year_after_a_casualty_word_stays_a_year():
    sentence = "The fire killed 2015 residents' hopes."
    assert all(m.unit != "person" for m in _Extractor(sentence, 0, len(sentence), 2016, None).run())


def test_each_figure_carries_the_source_its_sentence_credits(tmp_path):
    from toolkit import load_corpus

    (tmp_path / "a.txt").write_text("Trade note\n\nExports rose 12% last year, the trade ministry said. Imports fell 4% "
                                    "in the spring, and analysts note that demand is slowing. Officials said the port "
                                    "handled 300 ships.", encoding="utf-8")
    table = numbers(load_corpus(tmp_path))
    credited = dict(zip(table["surface"], table["attributed_to"]))
    assert "ministry" in credited["12%"]
    assert credited["4%"] == ""  # a cue opening another clause after the figure credits it nothing
    assert credited["300 ships"].lower() == "officials"


@pytest.mark.parametrize("sentence", ["I 100 percent support the plan.", "We are 100% sure of the count.",
                                      "She said she was a hundred percent behind the mayor."])
def test_hundred_percent_as_an_intensifier_is_no_figure(sentence):
    assert not [m for m in extract(sentence) if m.kind == "percent"]


def test_hundred_percent_as_a_share_stays_a_figure():
    assert [m.low for m in extract("Turnout reached 100 percent of the roll.") if m.kind == "percent"] == [100.0]


@pytest.mark.parametrize("sentence, year", [("He will not run in the 2030 midterm.", 2030),
                                            ("The 2028 election was close.", 2028),
                                            ("Her 2026 Liberal rival conceded.", 2026),
                                            ("Before the 2032 elections the party split.", 2032)])
def test_a_year_naming_the_thing_after_it_is_a_date_not_a_count(sentence, year):
    found = extract(sentence)
    assert not [m for m in found if m.kind == "count"]
    assert [m.low.year for m in found if m.kind == "date"] == [year]


@pytest.mark.parametrize("sentence, value", [("About 2000 people marched.", 2000.0), ("Some 1500 troops arrived.", 1500.0),
                                             ("Volunteers planted 1999 trees.", 1999.0)])
def test_a_year_like_count_of_plural_things_stays_a_count(sentence, value):
    assert [m for m in extract(sentence) if m.kind == "count"]


@pytest.mark.parametrize("text, surface, unit, low", [
    # a count in words before names and joined modifiers of its noun
    ("Roe spoke after five past and present Vale Republican senators urged him to quit.",
     "five past and present Vale Republican senators", "senator", 5.0),
    ("Officials, including five senior Vale Republicans, were less forgiving.", "five senior Vale Republicans", "republican", 5.0),
    # a quotation closed inside a sum
    ("“We are asking for $5.6” billion, Roe said.", "$5.6” billion", "USD", 5.6e9),
])
def test_counts_in_words_and_sums_split_by_a_quote(text, surface, unit, low):
    found = one(text)
    assert (found.surface, found.unit, found.low) == (surface, unit, low)


def test_digits_before_a_name_count_no_noun_of_it():
    assert [m.unit for m in extract("He met 10 Downing Street officials.")] != ["official"]


def test_a_month_without_its_year_in_a_dated_article_is_of_the_articles_year(tmp_path):
    from toolkit import load_corpus
    (tmp_path / "a.txt").write_text("Aide settles\n\nShe sued him in 2014. But in December, the settlement was "
                                    "revealed by the office.\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text("doc_id,file,published\na,a.txt,2031-04-06\n", encoding="utf-8")
    table = numbers(load_corpus(tmp_path))
    december = table[table["surface"] == "December"].iloc[0]
    # news style writes the year of a date outside the current one: last December, not December 2014
    assert str(december["date_low"])[:10] == "2030-12-01"


def test_a_figure_in_the_writers_own_clause_after_a_cue_is_credited_to_no_one(tmp_path):
    from toolkit import load_corpus
    from toolkit.measures.stance import stance
    (tmp_path / "a.txt").write_text("Wall vote\n\nThe figure is the amount Jo Roe has demanded for the wall, which the "
                                    "House endorsed in a vote with 230 members. Jo Roe said 40 miles were built.\n",
                                    encoding="utf-8")
    corpus = load_corpus(tmp_path)
    table = numbers(corpus, cues=stance(corpus)).set_index("surface")
    assert table.loc["230 members", "attributed_to"] == "" and table.loc["40 miles", "attributed_to"] == "Jo Roe"
