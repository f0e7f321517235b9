import datetime as dt

import pytest

from toolkit import load_corpus
from toolkit.compare.coverage import coverage
from toolkit.compare.name_variants import (calendar_word, day_words, fold, mentions_name, names_alias, names_in,
                                           same_name, vague_amount)
from toolkit.pipeline import analyze


@pytest.mark.parametrize("a, b", [("Rashidin", "Rashideen"), ("Ramousah", "Ramusa"), ("Shia", "Shiite"),
                                  ("F.B.I.", "FBI"), ("Syrias", "Syria"), ("Aleppos", "Aleppo"), ("Idlib's", "Idlib"),
                                  ("Mohammed", "Muhammad"), ("Ahmed", "Ahmad"), ("Iraq", "Iraqi"), ("Syria", "Syrian")])
def test_spellings_of_one_name_match(a, b):
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize("a, b", [("Iran", "Iraq"), ("Niger", "Nigeria"), ("Sharif", "Sharia"), ("Austria", "Australia"),
                                  ("Sun", "Sunni"), ("Mali", "Malta"), ("Jordan", "Jordi")])
def test_different_names_stay_apart(a, b):
    assert not same_name(a, b)


def test_a_source_names_a_name_by_a_longer_word_a_variant_or_initials_with_dots():
    words = names_in("The Syrian Observatory said the F.B.I. and the Rashideen crossing were named.")
    assert mentions_name(words, "Syria") and mentions_name(words, "FBI") and mentions_name(words, "Rashidin")
    assert not mentions_name(words, "Iraq") and not mentions_name(words, "Human Rights")


def test_short_aliases_are_matched_whole_and_in_their_case():
    text = "Let us wait, the envoy told the UN."
    assert not names_alias(text, names_in(text), "US") and names_alias(text, names_in(text), "UN")


def test_vague_amounts_and_calendar_words():
    assert all(vague_amount(s) for s in ["thousands", "billions", "hundreds of families", "tens of thousands of people",
                                         "dozens of children", "Trillions"])
    assert not any(vague_amount(s) for s in ["3,000 people", "$2 billion", "two villages"])
    assert all(calendar_word(w) for w in ["December", "Saturday", "yesterday"]) and not calendar_word("Damascus")
    assert fold("Ramousah") == fold("Ramusa")


def test_a_day_said_as_its_weekday_or_a_relative_day():
    saturday = dt.date(2031, 3, 15)
    assert day_words("The ferry sank on Saturday.", saturday) == ["Saturday"]
    assert day_words("The ferry sank on Sunday.", saturday) == []
    assert day_words("The ferry sank yesterday.", saturday) == ["yesterday"]


def _corpus(tmp_path, texts, toml=""):
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    if toml:
        (tmp_path / "corpus.toml").write_text(toml, encoding="utf-8")
    return load_corpus(tmp_path)


def test_no_false_omissions_from_spellings_possessives_bylines_or_weekdays(tmp_path):
    texts = {
        "one": "Ferry sinks off Veloria\n\nA ferry sank off Veloria on 15 March 2031, officials said. The Veloria coast guard "
               "sent boats from Portmarin. Portmarin officials said 212 passengers were rescued. The Rashidin district "
               "mayor thanked Portmarin. (AFP)\n",
        "two": "Ferry disaster\n\nA ferry sank off Veloria on 15 March 2031. Rescuers from Portmarin said 212 passengers were "
               "rescued. The Rashidin district mayor spoke. Portmarin sent divers to Veloria. (AFP)\n",
        "three": "Boat lost at sea\n\nA ferry sank on Saturday near the Velorian coast. Rescuers from Portmarins harbour said "
                 "212 passengers were rescued. The Rashideen district mayor spoke to reporters.\n",
    }
    corpus = _corpus(tmp_path, texts)
    table = coverage(corpus, analyze(corpus))
    actors = table[table["fact_type"] == "actor"]
    assert "AFP" not in set(actors["label"])  # a wire byline is no fact
    for name in ("Veloria", "Portmarin", "Rashidin"):
        rows = actors[actors["label"].map(lambda label: same_name(label, name))]
        assert not (rows["state"] == "absent").any(), rows
    dates = table[(table["fact_type"] == "quantity") & (table["label"].str.contains("2031") | table["evidence"].str.contains("2031"))]
    assert not (dates[dates["source"] == "three"]["state"] == "absent").any()


def test_a_day_in_digits_or_as_the_day_of_the_report():
    day = dt.date(2031, 3, 15)
    assert day_words("Posted 15.03.2031. Earlier in the day a bus was hit.", day) == ["Earlier in the day", "15.03.2031"]
    assert day_words("Posted 16.03.2031.", day) == [] and day_words("Posted 2031-03-15.", day) == ["2031-03-15"]


def test_actor_spellings_merge_and_a_short_name_joins_the_one_longer_name_holding_it():
    import pandas as pd
    from toolkit.compare.name_variants import merge_variants
    mentions = pd.DataFrame({"actor": ["Rashideen"] * 3 + ["Rashidin", "Lantern Council", "Council", "Iran", "Iraq"]
                             + ["Corvanian"] * 3 + ["Corvanias"] * 2 + ["Corvania"]})
    merged = merge_variants(mentions)
    assert merged == {"Rashideen": "Rashidin", "Council": "Lantern Council", "Corvanian": "Corvania",
                      "Corvanias": "Corvania"}


def test_a_relative_day_counts_only_near_the_report_and_only_for_a_day():
    day = dt.date(2031, 3, 15)
    assert day_words("It happened yesterday.", day, {dt.date(2031, 3, 16)}) == ["yesterday"]
    assert day_words("It happened yesterday.", day, {dt.date(2031, 9, 1)}) == []
    assert day_words("It happened on Saturday.", day, {dt.date(2031, 9, 1)}) == []
    assert day_words("It happened yesterday.", None) == []


def test_a_name_of_several_words_needs_them_in_a_row():
    assert mentions_name(names_in("The Lantern Council's vote."), "Lantern Council")
    assert mentions_name(names_in("The lantern-council vote."), "Lantern Council")
    assert not mentions_name(names_in("A lantern was lit before the council met."), "Lantern Council")
    assert mentions_name(names_in("The Rashideen Council met."), "Rashidin Council")
