"""One statement quoted in different words by two sources."""

from toolkit import load_corpus
from toolkit.compare.quote_variants import _words, quote_variants
from toolkit.present.render import to_markdown
from toolkit.present.sections import quote_variant_blocks


def _corpus(tmp_path, texts: dict[str, str]):
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return load_corpus(tmp_path)


def test_a_word_put_in_place_of_another_inside_a_shared_quotation_is_a_variant(tmp_path):
    corpus = _corpus(tmp_path, {
        "one": "Roe speaks\n\n“Kay lied many times to the F.B.I. Nothing happened to him. Bell lied and they ruined her life,” Roe said.\n",
        "two": "Roe on Bell\n\n“Kay lied many times to the FBI, and nothing happened to him. Bell lied, and it ruined her life,” Roe said.\n",
        "three": "Roe again\n\n“We’re asking the mayor to open the port,” Roe said on Monday.\n",
        "four": "Port row\n\n“We are asking the mayor to open the port,” Roe told the council.\n",
    })
    table = quote_variants(corpus)
    assert table[["source_a", "source_b", "words_a", "words_b"]].values.tolist() == [["one", "two", "they", "it"]]
    row = table.iloc[0]
    assert corpus.document("one").text[row.start_a:row.end_a] == row.quote_a
    text = to_markdown(quote_variant_blocks(table))
    assert "`one` has “they” where `two` has “it”" in text


def test_a_quotation_printed_alike_elsewhere_is_not_paired_with_another_statement(tmp_path):
    corpus = _corpus(tmp_path, {
        "one": "Roe speaks\n\n“Bell lied and they ruined her life,” Roe said. Later he added: “Bell lied and it is like they wrecked her life.”\n",
        "two": "Roe on Bell\n\n“Bell lied and they ruined her life,” Roe said on Monday.\n",
    })
    assert quote_variants(corpus).empty


def test_quotations_that_only_start_or_end_elsewhere_or_differ_much_are_no_variant(tmp_path):
    corpus = _corpus(tmp_path, {
        "one": "Roe speaks\n\n“The port will open on Monday and stay open,” Roe said.\n",
        "two": "Roe on the port\n\nRoe said “the port will open on Monday”.\n",
        "three": "Other news\n\n“The port will close for good on Friday after the storm,” Kay said.\n",
    })
    assert quote_variants(corpus).empty


def test_words_are_read_alike_across_initials_and_contractions():
    assert _words("“The F.B.I. said we’re done, U.S. officials can’t”") == [
        "the", "fbi", "said", "we", "are", "done", "us", "officials", "ca", "not"]


def test_a_title_written_short_or_in_full_is_one_word():
    assert _words("“I feel badly for Gen. Kay and Sen. Roe”") == _words("“I feel badly for General Kay and Senator Roe”")
