"""Which entity pages a rebuild renders again: those that read something the change touched.

While an entity page is rendered, the tables the pages read the model through (the analysis
model's links, backlinks, labels and types, the site's texts and links, the findings and the
burden by subject, each entity's history) are :class:`Watched`: every key a page looks up is
recorded as read by that page. A page is a function of what it looked up (rendering is
deterministic), so it comes out the same unless one of those keys now answers differently.

The next build names the keys that may answer differently (:func:`changed_keys`): the nodes of
every statement a changed file adds or removes (a blank node by the named node that holds it),
the subjects whose findings, burden or history differ, and the nodes whose page moved. Only the
pages that read one of them are rendered again. What a page reads other than through a watched
table (the languages of the model's titles, today's date, the rules, mkdocs' page shell) is in
:func:`global_digest`: when that differs, every page is rendered, as when the change is large or
the last build's state is missing or damaged. ``tests/test_site_reads.py`` holds a rebuild after
changes to every kind of statement to the bytes of a build from scratch.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pyoxigraph as ox

from eagraph.analyses.model import PER_NODE_CACHES

if TYPE_CHECKING:  # pragma: no cover
    from .build import SiteInputs

#: A change of more files than this renders every page (the pages it touches would be most of them).
MOST_FILES_CHANGED = 25
#: The prefixes of the keys that are not nodes.
FINDINGS, POLICY, HISTORY = "finding ", "policy ", "history "


class PageReads:
    """The keys each entity page of one build read, by page address."""

    def __init__(self):
        self.current: set[str] | None = None
        self.pages: dict[str, set[str]] = {}
        self._outer: list[set[str] | None] = []  # the records :meth:`begin` set aside
        self.kept = KeptReads([], {})

    def start(self) -> None:
        self.current, self._outer = set(), []

    def begin(self) -> None:
        """Record the keys read from here to :meth:`end` apart (and for the page, if one is recorded)."""
        self._outer.append(self.current)
        self.current = set()

    def end(self) -> frozenset[str]:
        keys, self.current = self.current, self._outer.pop() if self._outer else None
        if self.current is not None:
            self.current |= keys
        return frozenset(keys or ())

    def finish(self, url: str) -> None:
        if self.current is not None:
            self.pages[url] = self.current
        self.current = None

    def keep(self, kept: "KeptReads") -> None:
        """The pages not rendered again read what they read last time."""
        self.kept = kept

    def state(self) -> dict:
        """The pages' reads as one list of keys and, per page, the numbers of its keys (compact to keep).
        The pages kept from the last build keep their numbers, as the last record wrote them: the
        last record's keys come first, in its order (decoding and numbering 33,000 pages' keys again
        took 1 s of each language's rebuild at 10,000 services). The keys of pages gone stay until a
        build renders every page."""
        kept = self.kept
        numbers: dict[str, int] = {key: number for number, key in enumerate(kept.keys)} if kept else {}
        pages = dict(kept)
        for url, keys in self.pages.items():
            pages[url] = array("I", sorted(numbers.setdefault(key, len(numbers)) for key in keys)).tobytes()
        return {"keys": list(numbers), "pages": pages}


class KeptReads(dict):
    """The pages of the last build not rendered again, each with what it read as the last record
    holds it (address -> the numbers of its keys, packed), and the last record's ``keys``."""

    def __init__(self, keys: list[str], pages: dict[str, bytes]):
        super().__init__(pages)
        self.keys = keys


def unchanged_pages(state: dict, changed: set[str]) -> KeptReads:
    """The pages of a last build (``state``, :meth:`PageReads.state`) that read none of the
    ``changed`` keys, each with what it read."""
    keys = state["keys"]
    touched = {number for number, key in enumerate(keys) if key in changed}
    found = {}
    for url, packed in state["pages"].items():
        numbers = array("I")
        numbers.frombytes(packed)
        if touched.isdisjoint(numbers):
            found[url] = packed
    return KeptReads(keys, found)


class Watched(dict):
    """A table whose every lookup is recorded as read by the page being rendered (``prefix`` + key);
    a missing key looked up by ``[]`` is made as by the defaultdict it replaces. (Millions of lookups
    a build: ``get`` records inline, without a call more.)"""

    __slots__ = ("reads", "prefix", "missing")

    def __init__(self, table: dict, reads: PageReads, prefix: str = ""):
        super().__init__(table)
        self.reads, self.prefix = reads, prefix
        self.missing = table.missing if isinstance(table, Watched) else getattr(table, "default_factory", None)

    def key(self, key) -> str:
        return self.prefix + key if self.prefix else key

    def get(self, key, default=None):
        current = self.reads.current
        if current is not None:
            current.add(self.prefix + key if self.prefix else key)
        return dict.get(self, key, default)

    def __getitem__(self, key):
        current = self.reads.current
        if current is not None:
            current.add(self.key(key))
        if self.missing is not None and not dict.__contains__(self, key):
            self[key] = self.missing()
        return dict.__getitem__(self, key)

    def __contains__(self, key) -> bool:
        current = self.reads.current
        if current is not None:
            current.add(self.key(key))
        return dict.__contains__(self, key)


class WatchedRows(Watched):
    """A table keyed by (what, level, subject) tuples, the burden's and the plan's rows: recorded by subject."""

    __slots__ = ()

    def key(self, key) -> str:
        return self.prefix + key[-1]

    def get(self, key, default=None):
        current = self.reads.current
        if current is not None:
            current.add(self.key(key))
        return dict.get(self, key, default)


def watch(inputs: "SiteInputs", reads: PageReads) -> None:
    """Make the tables the pages read the inputs through record their lookups in ``reads`` (in the
    process that renders one language: the tables are that process's copy). The tables made once
    from every service are made first; the model's answers kept per node (``evidence_of`` …) are
    kept with the keys they were made of (:class:`KeptWithReads`). Tables made :func:`watchable`
    before are given ``reads``, not copied again."""
    for holder, name, prefix in _tables(inputs):
        _watched(holder, name, reads, prefix)
    inputs.policy.__dict__["rows"] = WatchedRows(inputs.policy.rows, reads, POLICY)
    for name in PER_NODE_CACHES:
        inputs.content.model.__dict__[name] = KeptWithReads(reads)


def watchable(inputs: "SiteInputs") -> None:
    """The tables :func:`watch` records through, made ahead of it, recording nothing until then: by the
    process that forks the languages, while it waits for the evidence for policy, so that each
    language's process copies none of them (a million keys, 0.5 s per language at 10,000 services)."""
    idle = PageReads()
    for holder, name, prefix in _tables(inputs):
        _watched(holder, name, idle, prefix)


def _tables(inputs: "SiteInputs") -> Iterator[tuple[object, str, str]]:
    """(holder, attribute, prefix) of each table the pages read the inputs through, but the policy's."""
    content, findings = inputs.content, inputs.findings
    yield from ((content, name, "") for name in ("services_by_event", "services_by_authority", "concept_users"))
    yield from ((findings, name, FINDINGS) for name in ("by_subject", "analysis_by_subject", "validation_by_subject"))
    yield from ((content.model, name, "") for name in ("links", "backlinks", "labels", "types", "annual_cases",
                                                        "authoritative", "archimate_types"))
    yield from ((content, name, "") for name in ("texts", "extra_links", "entities"))
    yield from ((content.roadmap, name, "") for name in ("phases", "force"))
    yield from ((content.archimate, name, "") for name in ("views", "views_of", "properties", "attributes", "folders"))
    if findings.history is not None:
        yield findings.history, "changes", HISTORY


def _watched(holder, name: str, reads: PageReads, prefix: str = "") -> None:
    """``holder.name`` made :class:`Watched` (a cached property's value too), or given ``reads`` if it is."""
    table = getattr(holder, name)
    if type(table) is Watched and table.prefix == prefix:
        table.reads = reads
    else:
        holder.__dict__[name] = Watched(table, reads, prefix)


class KeptWithReads(dict):
    """A model's answers per node (``evidence_of`` …), each kept with the keys it was made of, so that
    a page given a kept answer records what the answer read. A lookup that finds none opens a record
    of its own (:meth:`PageReads.begin`), which the answer's keeping closes: the model's methods look
    an answer up, make it when it is missing and keep it, in that order."""

    __slots__ = ("reads",)

    def __init__(self, reads: PageReads):
        super().__init__()  # answers made before: their keys are not known, they are made again
        self.reads = reads

    def get(self, key, default=None):
        found = dict.get(self, key)
        if found is None:
            self.reads.begin()
            return default
        value, keys = found
        if self.reads.current is not None:
            self.reads.current.update(keys)
        return value

    def __setitem__(self, key, value) -> None:
        dict.__setitem__(self, key, (value, self.reads.end()))


# -- what changed since the last build ------------------------------------------------------------

def input_state(inputs: "SiteInputs", files: dict[str, tuple[str, str, str]], packs: dict[str, str]) -> dict:
    """What the next build compares its inputs with: the model's files (path -> digest, format, base)
    with the pack the check keeps each content in, and a digest per subject of the findings, the
    burden and the history, and each entity's page."""
    findings = inputs.findings
    return {
        "files": files, "packs": {row[0]: packs[row[0]] for row in files.values() if row[0] in packs},
        "findings": _digests(_by_subject([*findings.analysis, *findings.validation])),
        "policy": _digests(_by_subject(inputs.policy.rows.items(), key=lambda item: item[0][-1])),
        "history": _digests(getattr(findings.history, "changes", None) or {}),
        "paths": {node: entity.path for node, entity in inputs.content.entities.items()},
        "global": global_digest(inputs),
    }


def global_digest(inputs: "SiteInputs") -> str:
    """What every page may read other than through a watched table."""
    content, history = inputs.content, inputs.findings.history
    commits = None if history is None else [repr(commit) for commit in history.commits]
    return _digest(repr((content.today, sorted(content.languages_present), content.archimate_sections,
                         bool(content.archimate), commits)))


def changed_keys(old: dict, new: dict, content_of) -> set[str] | None:
    """The keys whose answers may differ between the build of state ``old`` and that of ``new``
    (:func:`input_state`); None when every page must be rendered. ``content_of(digest, pack)``: a
    file's content the check kept (None when it is gone)."""
    try:
        if old["global"] != new["global"]:
            return None
        paths = [path for path in old["files"].keys() | new["files"].keys()
                 if old["files"].get(path) != new["files"].get(path)]
        if len(paths) > MOST_FILES_CHANGED:
            return None
        changed: set[str] = set()
        for path in paths:
            versions = []
            for state in (old, new):
                row = state["files"].get(path)
                data = b"" if row is None else content_of(row[0], state["packs"].get(row[0]))
                if data is None:
                    return None
                versions.append((data, row))
            nodes = _changed_nodes(*versions)
            if nodes is None:
                return None
            changed |= nodes
        for name, prefix in (("findings", FINDINGS), ("policy", POLICY), ("history", HISTORY)):
            changed |= {prefix + key for key in _differing(old[name], new[name])}
        changed |= set(_differing(old["paths"], new["paths"]))
        return changed
    except (KeyError, TypeError, ValueError, AttributeError):  # a damaged state: every page
        return None


def _changed_nodes(old: tuple[bytes, tuple | None], new: tuple[bytes, tuple | None]) -> set[str] | None:
    """The named nodes of the statements one file's two versions differ by; a statement of a blank
    node counts as one of the named node holding it, and as many times as it is made (two blank nodes
    written alike are two). None: a version does not parse, or a blank node no named node holds changed."""
    from eagraph.workspace.sources import oxigraph_parse

    statements = []
    for data, row in (old, new):
        if row is None or not data:
            statements.append(Counter())
            continue
        try:
            statements.append(_named(oxigraph_parse(data, row[1], row[2])))
        except (SyntaxError, ValueError):
            return None
    nodes: set[str] = set()
    for subject, _predicate, obj in (statements[0] - statements[1]) + (statements[1] - statements[0]):
        if subject is None:
            return None
        nodes.add(subject)
        if obj is not None:
            nodes.add(obj)
    return nodes


def _named(triples) -> Counter:
    """(subject, predicate, object) with each blank node named by the named node holding it
    (transitively; None when none does) and a literal object folded into the predicate (a literal is
    no key), each with how many times it is made."""
    triples = list(triples)
    parent = {t.object.value: t.subject for t in triples if isinstance(t.object, ox.BlankNode)}

    def holder(term):
        seen = set()
        while isinstance(term, ox.BlankNode):
            if term.value in seen:
                return None
            seen.add(term.value)
            term = parent.get(term.value)
        return None if term is None else term.value

    found: Counter = Counter()
    for t in triples:
        obj = t.object
        named_object = holder(obj) if isinstance(obj, ox.BlankNode) else (
            obj.value if isinstance(obj, ox.NamedNode) else None)
        literal = obj.value + "\0" + str(getattr(obj, "language", "") or getattr(obj, "datatype", "")) \
            if isinstance(obj, ox.Literal) else ""
        found[(holder(t.subject), t.predicate.value + literal, named_object)] += 1
    return found


def _by_subject(items, key=lambda finding: finding.subject) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for item in items:
        grouped.setdefault(key(item), []).append(item)
    return grouped


def _digests(table: dict) -> dict[str, str]:
    return {str(key): _digest(repr(value)) for key, value in table.items()}


def _differing(old: dict, new: dict) -> Iterable[str]:
    return (key for key in old.keys() | new.keys() if old.get(key) != new.get(key))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
