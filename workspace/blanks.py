"""Blank nodes named by what they say, so that two parses or two versions of a model agree.

A store names blank nodes anew at every load; ``diff``, the merge driver and the exports need a
name that is the same whenever the node says the same thing: a hash of its statements, nested
blank nodes included.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable


def blank_names(triples: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """A name for each blank node (``_:label``) from what it says, recursively: the same blank
    node gets the same name in every version and every parse."""
    outgoing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, p, o in triples:
        if s.startswith("_:"):
            outgoing[s].append((p, o))
    names: dict[str, str] = {}

    def name(node: str, path: frozenset = frozenset()) -> str:
        if node in names:
            return names[node]
        if node in path:  # a cycle of blank nodes
            return "_:cycle"
        parts = sorted(f"{p} {name(o, path | {node}) if o.startswith('_:') else o}" for p, o in outgoing[node])
        names[node] = "_:h" + hashlib.blake2b("\n".join(parts).encode(), digest_size=8).hexdigest()
        return names[node]

    for node in outgoing:
        name(node)
    return names


def distinct_blank_names(triples: list[tuple[str, str, str]]) -> dict[str, str]:
    """:func:`blank_names`, but two blank nodes that say the same thing (one channel on each of two
    services) keep two names: the second gets a number, in the order of the statements holding them.
    For output that must stay the same graph (exports, publishing)."""
    names = blank_names(triples)
    holders = {o: (s, p) for s, p, o in triples if o.startswith("_:")}
    seen: dict[str, int] = {}
    for label in sorted(names, key=lambda label: (names[label], holders.get(label, ("", "")))):
        name = names[label]
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            names[label] = f"{name}x{seen[name]}"
    return names
