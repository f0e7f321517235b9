"""Quotations, within a sentence and over several."""

from toolkit.text.quotes import quoted_spans, running_quotes


def _running(text, bounds):
    return [[text[a:b] for a, b in spans] for spans in running_quotes(text, bounds)]


def test_a_quotation_over_two_sentences_is_seen_in_both():
    text = "“We are ready. We open on Monday,” she said. Then she left."
    assert _running(text, [(0, 14), (15, 43), (44, 58)]) == [["“We are ready."], ["We open on Monday,”"], []]


def test_a_quotation_within_one_sentence_is_left_to_it():
    text = "She said “we are ready” and left. He stayed."
    assert _running(text, [(0, 33), (34, 44)]) == [[], []]
    assert [text[a:b] for a, b in quoted_spans(text, 0, 33)] == ["“we are ready”"]


def test_marks_of_two_styles_do_not_pair_across_sentences():
    text = "“We are ready,\" he said. They disagreed. “It is late.” she said."
    assert _running(text, [(0, 24), (25, 40), (41, 64)]) == [[], [], []]


def test_straight_marks_pair_over_sentences_by_their_shape():
    text = '"It is done. We leave now," the source said.'
    assert _running(text, [(0, 12), (13, 44)]) == [['"It is done.'], ['We leave now,"']]
    # a stray mark after them pairs with nothing and spoils nothing
    odd = '"It is done. We leave now," the source said of the "plan.'
    assert _running(odd, [(0, 12), (13, 57)]) == [['"It is done.'], ['We leave now,"']]
    # nor does a closing mark whose opening one was lost
    lost = 'We are sad. Many felt forced to leave" he said. "It is done. We go," she said.'
    assert _running(lost, [(0, 11), (12, 47), (48, 60), (61, 78)]) == [[], [], ['"It is done.'], ['We go,"']]
    # a quotation of several paragraphs opens each and closes the last
    paragraphs = '"It is evil. I pray.\n\n"I ask your forgiveness," he said.'
    assert _running(paragraphs, [(0, 12), (13, 20), (22, 57)]) == [['"It is evil.'], ['I pray.'], []]
    # a stray mark in another paragraph spoils no quotation of this one
    text = 'The "plan. was read.\n\n"It is done. We leave now," the source said.'
    bounds = [(0, 10), (11, 20), (22, 34), (35, 66)]
    assert _running(text, bounds) == [[], [], ['"It is done.'], ['We leave now,"']]
