"""Connected groups of items joined by pairwise links (a union-find), shared by the comparisons that group things."""

from __future__ import annotations

from collections.abc import Hashable, Iterable


def connected_groups(items: list[Hashable], links: Iterable[tuple[Hashable, Hashable]]) -> list[list[Hashable]]:
    """The groups of ``items`` that ``links`` join, directly or through others.

    Groups come in the order of their first item, and each keeps the order
    of ``items``; a link naming an item not in ``items`` is ignored.

    >>> connected_groups(["a", "b", "c", "d"], [("c", "a"), ("x", "d")])
    [['a', 'c'], ['b'], ['d']]
    """
    parent = {item: item for item in items}

    def root(item: Hashable) -> Hashable:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b in links:
        if a in parent and b in parent:
            parent[root(b)] = root(a)
    groups: dict[Hashable, list[Hashable]] = {}
    for item in items:
        groups.setdefault(root(item), []).append(item)
    return list(groups.values())


__all__ = ["connected_groups"]
