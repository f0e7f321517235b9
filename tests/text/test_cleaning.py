import pytest

from toolkit.text.cleaning import clean, furniture_rules, furniture_version, scrub

BODY = "This is the body of the article, a sentence long enough to read as prose and end the header."


def _rules_fired(raw, **kwargs):
    return [r.rule for r in clean(raw, **kwargs).removals]


@pytest.mark.parametrize(
    "raw, rule",
    [
        (f"Title Here\n\n{BODY}\n\nNo comments:", "comment_count"),
        (f"Title Here\n\n{BODY}\n\n3 comments:", "comment_count"),
        (f"Title Here\n\n{BODY}\n\nLEAVE A REPLY", "comment_form"),
        (f"Title Here\n\n{BODY}\n\nPlease enter your name here", "comment_form"),
        (f"Title Here\n\n{BODY}\n\nspot_img", "site_widget"),
        (f"Title Here\n\n{BODY}\n\nMust Read", "site_widget"),
        (f"7 November 2025\n\nTitle Here\n\n{BODY}", "dateline"),
        (f"Today : Oct 07, 2025\nTitle Here\n\n{BODY}", "dateline"),
        (f"Published: September 8, 2025 10:30 AM\nTitle Here\n\n{BODY}", "dateline"),
        (f"World News\nTitle Here\n\n{BODY}", "section_label"),
        (f"Title Here\n\nJane Roe\n\n{BODY}", "byline"),
        (f"By Jane Roe\nTitle Here\n\n{BODY}", "byline"),
        (f"HomeAsiaTitle Here\n\nTitle Here\n\n{BODY}", "breadcrumb_title"),
        (f"Home › World › Title Here\n\n{BODY}", "breadcrumb"),
        (f"Title Here\n\n{BODY}\n\n{BODY}", "repeated_line"),
        (f"Title Here\n\n{BODY}\n\nJane Roe is a freelance writer based in Lahore.", "author_bio"),
        (f"Title Here\n\n{BODY}\n\nThe writer is a former ambassador.", "author_bio"),
        (f"Title Here\n-\n{BODY}", "lone_bullet"),
        (f"Title Here\n\nJo Roe, the mayor of Vale, at the harbour in May.CreditAl Kay/Reuters\n\n{BODY}", "photo_caption"),
        (f"Title Here\n\n{BODY} -\nNext item", "trailing_bullet"),
    ],
)
def test_each_rule_fires(raw, rule):
    assert rule in _rules_fired(raw)


@pytest.mark.parametrize(
    "raw",
    [
        f"Commerce Drives the Revival\n\n{BODY}",  # a heading is not a byline
        f"Title Here\n\n{BODY}\n\nNo comment was made by the ministry on Monday.",
        f"Title Here\n\n{BODY}\n\nThe report read more like a wish list than a plan.",
        f"Title Here\n\n{BODY}\n\nHomeless shelters opened in the city.",
        f"Title Here\n\n{BODY}\n\nThe minister is a writer too, he said, and smiled.",
        f"Title Here\n\n{BODY}\n\nCredit Vale said on Monday it would cut 5/6 of its jobs.",
    ],
)
def test_prose_is_not_furniture(raw):
    assert _rules_fired(raw) == []


def test_outlet_suffix_cut_from_title_only_when_known():
    raw = f"Big Deal Signed Daily Planet\n\n{BODY}"
    assert _rules_fired(raw) == []
    result = clean(raw, outlet="Daily Planet")
    assert [r.rule for r in result.removals] == ["outlet_suffix"]
    title = result.lines[result.title_line - 1]
    assert raw[title.start:title.end] == "Big Deal Signed"


def test_removals_quote_the_original_exactly():
    raw = f"7 November 2025\n\nHomeWorldTitle Here\n\nTitle Here\n\nJane Roe\n\n{BODY} -\nNo comments:"
    result = clean(raw)
    assert result.removals
    for removal in result.removals:
        assert raw[removal.start:removal.end] == removal.text
        assert removal.reason


def test_lone_bullet_makes_next_line_a_list_item():
    result = clean(f"Title Here\n\n{BODY}\n-\nFirst point here.\n-\nSecond point here.")
    items = [line.number for line in result.lines if line.list_item]
    assert items == [5, 7]


def test_dateline_and_byline_become_hints():
    result = clean(f"7 November 2025\n\nTitle Here\n\nJane Roe\n\n{BODY}")
    assert result.hints["byline"] == "Jane Roe"
    assert result.hints["datelines"][0][2].isoformat() == "2025-11-07"


def test_pattern_file_is_versioned_and_general():
    rules = furniture_rules()
    assert furniture_version() == "6"
    assert {r.scope for r in rules} <= {"line", "marker", "suffix", "header", "prefix", "tail", "tail_run", "head_run"}
    assert all(r.reason for r in rules)


def test_seed_furniture_is_gone_and_recorded(seeds_corpus):
    furniture = ["No comments:", "LEAVE A REPLY", "spot_img", "Must Read", "HomeAsia", "Please enter your",
                 "Today : Oct", "is an independent and freelance researcher"]
    for doc in seeds_corpus:
        for piece in furniture:
            assert piece not in doc.text, (doc.doc_id, piece)
        assert "\n-\n" not in doc.text and not doc.text.startswith("-")
        assert doc.text.count(doc.metadata["title"]) == 1, doc.doc_id
    removed = seeds_corpus.removed_table()
    assert {"comment_count", "comment_form", "site_widget", "breadcrumb_title", "dateline", "author_bio",
            "lone_bullet", "byline", "outlet_suffix", "section_label"} <= set(removed["rule"])
    for doc in seeds_corpus:
        for r in doc.removals:
            assert doc.extracted[r.start:r.end] == r.text
        assert doc.original == doc.extracted and not doc.scrubbed


def test_scrub_removes_controls_and_invisible_marks_with_offsets_into_the_input():
    raw = "\ufeffTitle\r\nCosts of $5\u200b00 million\x1b[0m rose\x0c.\rNext \u202eline\x00"
    text, removals = scrub(raw)
    assert text == "Title\nCosts of $500 million[0m rose.\nNext line"
    assert [r.rule for r in removals] == ["invisible_character", "control_character", "control_character",
                                          "invisible_character", "control_character"]
    assert [r.line for r in removals] == [2, 2, 2, 3, 3]
    for r in removals:
        assert r.text == " ".join(f"U+{ord(c):04X}" for c in raw[r.start:r.end])


def test_scrub_leaves_clean_text_alone():
    text = "Plain text\twith a tab.\n\nAnd a paragraph — with “quotes” and é."
    assert scrub(text) == (text, [])


def test_a_page_footer_run_onto_the_last_line_is_cut_from_its_first_phrase():
    from toolkit.text.cleaning import clean

    raw = ("Harbour reopens\n\nThe harbour reopened on Monday after repairs, the port authority said.\n\n"
           "Ships queued at the gate all morning. Follow us on Instagram. Subscribe to our channel for news. "
           "Copyright © 2031 Harbour Daily. Terms of Use Privacy Policy\n")
    result = clean(raw)
    kept = " ".join(raw[line.start:line.end] for line in result.lines if not line.removed)
    assert "Ships queued at the gate all morning." in kept and "Follow us" not in kept and "Privacy" not in kept
    assert [r.rule for r in result.removals] == ["footer_run"]


def test_one_footer_phrase_in_prose_is_kept():
    from toolkit.text.cleaning import clean

    raw = ("Influencer fined\n\nThe court fined the influencer, whose post said follow us on the road, for "
           "breaking the privacy policy of the venue.\n")
    assert clean(raw).removals == []


def test_a_title_repeated_with_a_wire_dateline_and_share_widgets_run_into_the_text():
    raw = ("Rebels attack the northern city\n\nRebels attack the northern city AFP Friday 28 Oct 2016 A photo caption "
           "Print Tweet Views 2494 Related Rebels launched a major assault on Friday, officials said. " + BODY)
    result = clean(raw)
    rules = {r.rule for r in result.removals}
    assert {"title_run", "dateline", "share_widget"} <= rules
    assert result.hints["datelines"][0][2].isoformat() == "2016-10-28"
    kept = [raw[line.start:line.end] for line in result.lines if not line.removed and line.end > line.start]
    assert kept[1].startswith("Rebels launched a major assault")


def test_a_bare_date_and_the_title_opening_the_text_are_cut():
    result = clean("Seven killed in the city\n\n7 October 2016 Seven killed in the city. Six civilians were killed. " + BODY)
    raw = "Seven killed in the city\n\n7 October 2016 Seven killed in the city. Six civilians were killed. " + BODY
    kept = [raw[line.start:line.end] for line in result.lines if not line.removed and line.end > line.start]
    assert kept[1].startswith("Six civilians were killed")


#: The opening of a written article whose last lines carry web furniture.
HARBOUR = "Harbour reopens\n\nThe harbour reopened on Monday after repairs, the port authority said.\n\n"


def _kept(raw: str):
    """The text :func:`clean` keeps of ``raw``, and the rules it removed by."""
    result = clean(raw)
    return " ".join(raw[line.start:line.end] for line in result.lines if not line.removed), [r.rule for r in result.removals]


def test_a_related_news_list_and_a_closing_credit_go_with_the_footer():
    kept, _ = _kept(HARBOUR + "Ships queued at the gate all morning. Source Harbour World and agencies Related News "
                              "Vale wins the cup Norland plans a new bridge. Follow us on Instagram. Subscribe to our "
                              "channel for news.\n")
    assert "Ships queued at the gate all morning." in kept and "Related" not in kept and "bridge" not in kept


def test_an_embedded_post_flattened_to_one_line_is_removed():
    kept, rules = _kept(HARBOUR + "The mayor this morning says 'we are back.' #Harbour pic.twitter.com/abC12xY — "
                                  "Harbour Live (@HarbourLive) May 4, 2031\n\nShips queued at the gate all morning.\n")
    assert "pic.twitter" not in kept and "Ships queued" in kept
    assert "embedded_post" in rules


def test_a_place_and_an_agency_before_a_dash_is_a_dateline():
    raw = ("Rockets hit the city of Vale\n\nRockets hit the city of Vale 6 October 2016 Vale SANA-Rebels fired shells on the city on Friday. "
           "A source at the police said so.\n")
    cleaned = clean(raw)
    assert [r.rule for r in cleaned.removals] == ["title_run", "dateline"]
    assert cleaned.hints["datelines"][0][1] == "6 October 2016 Vale SANA-"
    kept = " ".join(raw[l.start:l.end] for l in cleaned.lines if not l.removed)
    assert "Rebels fired shells" in kept and "SANA" not in kept.split("Rebels")[0]
    # "The US–Norland relationship" opens a sentence: no place, no agency
    assert clean("Ties\n\nThe US–Norland relationship is thawing after years of mistrust.\n").removals == []
