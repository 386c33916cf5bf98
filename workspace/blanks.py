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
    """A name for each blank node (``_:label``) from what it says, nested blank nodes included:
    the same blank node gets the same name in every version and every parse.

    Depth first with a stack of its own, not by recursion: a chain of blank nodes is as long as
    the file makes it (labelled nodes are not nested in the text), and no file may exhaust
    Python's recursion limit. A blank node met again on the path being named is a cycle, named
    ``_:cycle`` there."""
    outgoing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, p, o in triples:
        if s.startswith("_:"):
            outgoing[s].append((p, o))
    names: dict[str, str] = {}
    for root in list(outgoing):
        if root in names:
            continue
        path, on_path = [root], {root}
        while path:
            node = path[-1]
            todo = next((o for _, o in outgoing.get(node, ())
                         if o.startswith("_:") and o not in names and o not in on_path), None)
            if todo is not None:
                path.append(todo)
                on_path.add(todo)
                continue
            parts = sorted(f"{p} {_named(o, names, on_path)}" for p, o in outgoing.get(node, ()))
            names[node] = "_:h" + hashlib.blake2b("\n".join(parts).encode(), digest_size=8).hexdigest()
            path.pop()
            on_path.discard(node)
    return names


def _named(term: str, names: dict[str, str], on_path: set[str]) -> str:
    if not term.startswith("_:"):
        return term
    return names.get(term, "_:cycle")


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


def holders(triples: Iterable[tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
    """Blank node -> (the named node holding it, the property it hangs from), through nested blank
    nodes; a blank node no named node holds (or a cycle) is left out."""
    parent = {o: (s, p) for s, p, o in triples if o.startswith("_:")}
    owners = {}
    for node in parent:
        seen, current = set(), node
        while current in parent and current not in seen:
            seen.add(current)
            holder, predicate = parent[current]
            if not holder.startswith("_:"):
                owners[node] = (holder, predicate)
                break
            current = holder
    return owners
