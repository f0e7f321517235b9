"""Column types of analyze()'s tables: numbers stay numbers, dates are dates, whatever the rows hold."""

import warnings

import pandas as pd
import pytest
from pandas.api.types import is_datetime64_any_dtype, is_float_dtype

from toolkit import load_corpus
from toolkit.pipeline import analyze
from toolkit.present.tables import write_tables

ARTICLES = {
    "harbour-a.txt": ("Harbour Reopens\n\n21 August 2013\n\nThe harbour reopened on 20 August 2013 after a closure of "
                      "14 months, the port authority said. Repairs cost $45 million, and 300 workers returned to the "
                      "docks on Monday. Traffic fell 12% last year.\n"),
    "harbour-b.txt": ("Port Opens After Repairs\n\nThe harbour reopened on 19 August 2013 after repairs that cost about "
                      "$50 million, officials said. About 300 workers came back, and traffic fell 11% in 2012.\n"),
    "harbour-c.txt": "Quiet Day at the Docks\n\nThe ships waited in the bay while the crews rested and the gulls circled.\n",
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("typed")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
    # one document per partition: a partition without numbers joins the others with the same types
    return analyze(corpus, partition_documents=1)


@pytest.mark.parametrize("name", ["numbers", "quantity_groups"])
def test_intervals_are_floats_and_dates_have_their_own_columns(tables, name):
    table = tables[name]
    assert is_float_dtype(table["low"]) and is_float_dtype(table["high"])
    assert is_datetime64_any_dtype(table["date_low"]) and is_datetime64_any_dtype(table["date_high"])
    dates = table["kind"] == "date"
    assert dates.any() and (~dates).any()
    assert table.loc[dates, ["low", "high"]].isna().all().all()
    assert table.loc[~dates, ["date_low", "date_high"]].isna().all().all()
    assert table.loc[~dates, "low"].notna().any()
    resolved = table[dates & table["date_low"].notna()]
    assert (resolved["date_low"] <= resolved["date_high"]).all()
    # the new columns follow high; the old ones keep their names
    columns = list(table.columns)
    assert columns[columns.index("high") + 1: columns.index("high") + 3] == ["date_low", "date_high"]


def test_dates_read_as_written(tables):
    numbers = tables["numbers"]
    day = numbers[numbers["surface"].str.contains("20 August 2013")].iloc[0]
    assert day["date_low"] == day["date_high"] == pd.Timestamp("2013-08-20")
    money = numbers[numbers["unit"] == "USD"]
    assert money["low"].tolist() == [45e6, 50e6 * 0.9]  # "about $50 million": 10% either side


def test_published_is_a_date(tables):
    documents = tables["documents"].set_index("doc_id")
    assert is_datetime64_any_dtype(documents["published"])
    assert documents.loc["harbour-a", "published"] == pd.Timestamp("2013-08-21")
    assert pd.isna(documents.loc["harbour-b", "published"])


def test_written_tables_hold_iso_days(tables, tmp_path):
    write_tables({name: tables[name] for name in ("documents", "numbers", "quantity_groups")}, tmp_path)
    numbers = pd.read_csv(tmp_path / "data" / "numbers.csv", keep_default_na=False, dtype=str)
    dates = numbers[numbers["kind"] == "date"]
    assert dates["date_low"].str.fullmatch(r"(\d{4}-\d\d-\d\d)?").all() and (dates["date_low"] != "").any()
    assert (dates["low"] == "").all()
    documents = pd.read_csv(tmp_path / "data" / "documents.csv", keep_default_na=False, dtype=str).set_index("doc_id")
    assert documents.loc["harbour-a", "published"] == "2013-08-21" and documents.loc["harbour-b", "published"] == ""
    groups = pd.read_csv(tmp_path / "data" / "quantity_groups.csv", keep_default_na=False, dtype=str)
    assert groups.loc[groups["kind"] == "date", "date_low"].str.fullmatch(r"(\d{4}-\d\d-\d\d)?").all()


def test_an_unreadable_date_in_a_table_row_is_left_empty_with_a_warning(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"id": "a", "published": "the day after", "text": "Title Here\\n\\nThe harbour reopened today, '
                    'officials said, after a closure of many months."}\n'
                    '{"id": "b", "published": "Oct 7, 2025", "text": "Other Title\\n\\nThe harbour reopened today, '
                    'officials said, after a closure of many weeks."}\n')
    with pytest.warns(UserWarning, match="the day after"):
        corpus = load_corpus(path)
    documents = corpus.documents_table().set_index("doc_id")
    assert pd.isna(documents.loc["a", "published"]) and documents.loc["a", "published_source"] == "missing"
    assert documents.loc["b", "published"] == pd.Timestamp("2025-10-07")
