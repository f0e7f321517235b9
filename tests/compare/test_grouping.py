from toolkit.compare.grouping import connected_groups


def test_links_join_through_others_and_groups_keep_the_items_order():
    groups = connected_groups(["a", "b", "c", "d", "e"], [("e", "b"), ("b", "d"), ("a", "zz")])
    assert groups == [["a"], ["b", "d", "e"], ["c"]]


def test_no_links_leave_every_item_alone():
    assert connected_groups(["x", "y"], []) == [["x"], ["y"]]
