from toolkit.compare.affiliation import party_of


def test_party_tags_beside_a_name():
    assert party_of("Jo Roe", ["Jo Roe, R-Vale., said so."]) == "Republican"
    assert party_of("Jo Roe", ["Roe, a first-term Democrat, said"]) == "Democrat"
    assert party_of("Jo Roe", ["Labour MP Jo Roe said"]) == "Labour"
    assert party_of("Jo Roe", ["Republican Sen. Jo Roe said"]) == "Republican"


def test_no_party_without_a_tag_or_with_two():
    assert party_of("Jo Roe", ["Jo Roe said the Republicans would lose."]) == ""
    assert party_of("Jo Roe", ["Jo Roe (R-Vale.) met Al Roe (D-Norby)."]) == ""
    # a surname two persons share: the full name only
    assert party_of("Jo Roe", ["Al Roe (D-Norby.) spoke."], surname=False) == ""
    assert party_of("fellow Republicans", []) == "Republican"


def test_an_office_of_a_state_and_the_side_written_before_the_name():
    from toolkit.compare.affiliation import office_of
    assert office_of("Jo Roe", ["Senate Majority Leader Jo Roe said"]) == (True, "")
    assert office_of("Jo Roe", ["Valean Foreign Minister Jo Roe said"]) == (True, "Valean")
    assert office_of("Jo Roe", ["Jo Roe, the chairman of the Vale Rail Board, said"]) == (False, "Vale Rail Board")
    assert office_of("Jo Roe", ["Jo Roe said"]) == (False, "")


def test_a_group_outside_the_state_takes_no_states_side():
    from toolkit.compare.voices import side_of
    assert side_of("Vale’s opposition") == "opposition"
    assert side_of("Valean rebels") == "rebels"


def test_a_member_of_parliament_takes_the_party_written_before_the_title():
    assert party_of("Jo Roe", ["Labour member of parliament Jo Roe said"]) == "Labour"
