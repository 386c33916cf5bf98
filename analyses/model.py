"""The analysis model: the facts every analysis needs, read from the store once per run.

:meth:`AnalysisModel.build` runs two SPARQL queries over the whole workspace (every statement of the
predicates the analyses read, and the types of the things they are about) and turns the rows into
plain Python dictionaries and sets, plus a networkx ``DiGraph`` of dependencies (an edge points from
the thing that depends to the thing it depends on: service → evidence → data source → publisher).
Every definition of the contract's "Definitions the analyses use" is one method here, so that the
analyses read as the contract does. Set logic is done in Python, never with ``NOT EXISTS`` in SPARQL.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx
import pyoxigraph as ox

from eagraph.forking import fork_workers, in_fork
from eagraph.ontology import ARCHIMATE, AUTHSRC, CPSV, CV, DCT, EAG, ELI, ORG, RDF_TYPE, SKOS, local_name

ENTITLEMENT = EAG + "Entitlement"
ON_REQUEST = EAG + "OnRequest"

#: What the kind of a node is called, by its class (first match wins), for impact and messages.
CLASS_KINDS: dict[str, str] = {
    CPSV + "PublicService": "service",
    CV + "PublicOrganisation": "authority",
    AUTHSRC + "DataSource": "data source",
    AUTHSRC + "Agreement": "agreement",
    ELI + "LegalResource": "regulation",
    CPSV + "Rule": "rule",
    CV + "InformationConcept": "information concept",
    CV + "Requirement": "requirement",
    CV + "Criterion": "requirement",
    CV + "InformationRequirement": "requirement",
    CV + "Evidence": "evidence",
    CV + "EvidenceType": "evidence type",
    CV + "Output": "output",
    CV + "Channel": "channel",
    EAG + "Process": "process",
    EAG + "ProcessStep": "process step",
    EAG + "ApplicationComponent": "application",
    EAG + "Capability": "capability",
    CV + "LifeEvent": "event",
    CV + "BusinessEvent": "event",
    EAG + "ArchimateElement": "ArchiMate element",
    EAG + "ArchimateRelationship": "ArchiMate relationship",
    EAG + "ArchimateView": "ArchiMate view",
}

#: Links that make their subject depend on their object (edges of the dependency graph).
DEPENDS = {
    CV + "hasCompetentAuthority", EAG + "executingAuthority", CV + "hasLegalResource", CV + "holdsRequirement",
    CV + "hasRequirement", CV + "hasConcept", CPSV + "hasInput", CPSV + "produces", CV + "hasChannel",
    CPSV + "follows", CPSV + "implements", CV + "supportsConcept", DCT + "isPartOf", DCT + "conformsTo",
    EAG + "usableAs", EAG + "definedIn", AUTHSRC + "hasSource", DCT + "publisher", AUTHSRC + "hasIntegrator",
    AUTHSRC + "hasProvider", AUTHSRC + "hasConsumer", EAG + "legalBasis", ELI + "based_on", ELI + "changes",
    ORG + "subOrganizationOf", EAG + "ownedBy", EAG + "realises", EAG + "hasStep", EAG + "performedBy",
    EAG + "usesApplication", EAG + "reads", EAG + "captures", EAG + "supportsCapability", EAG + "uses",
    SKOS + "broader", EAG + "relationshipSource", EAG + "relationshipTarget",
}
#: Imported ArchiMate relationships whose target depends on their source (an application serving a
#: process, a process realising a service, an actor assigned to a role, an event triggering a
#: process); in the others (composition, aggregation, access, association, specialization) the
#: source depends on the target, as the subject of a statement depends on its object.
ARCHIMATE_TARGET_DEPENDS = {"Serving", "Realization", "Assignment", "Triggering", "Flow", "Influence"}
#: Links whose object depends on their subject (the edge is turned round): a source's agreement.
DEPENDS_REVERSED = {AUTHSRC + "hasAgreement"}
#: Other statements the analyses read.
VALUES = {
    DCT + "type", EAG + "grantingMode", EAG + "annualCases", AUTHSRC + "isAuthoritative", DCT + "title",
    SKOS + "prefLabel", DCT + "identifier", EAG + "archimateType", CV + "hasSupportingEvidence",
    CV + "supportsRequirement",
}
#: The properties whose literal values the analyses read (other literals are not kept).
LITERALS = frozenset({EAG + "annualCases", AUTHSRC + "isAuthoritative", EAG + "archimateType", DCT + "title",
                      SKOS + "prefLabel"})
#: The properties a node's label is read from (:meth:`AnalysisModel.label`): what the messages name.
LABEL_PREDICATES = frozenset({DCT + "title", SKOS + "prefLabel"})
_PREF_LABEL = SKOS + "prefLabel"
_ANNUAL_CASES, _AUTHORITATIVE, _ARCHIMATE_TYPE = EAG + "annualCases", AUTHSRC + "isAuthoritative", EAG + "archimateType"
_NO_RANK = (True, "\U0010ffff")  # after every label's rank
#: Every property :meth:`AnalysisModel.build` reads (with the types of :data:`CLASS_KINDS`).
READS = frozenset({RDF_TYPE, *DEPENDS, *DEPENDS_REVERSED, *VALUES})
#: The statements that refer to a regulation (an orphan regulation is the object of none).
REGULATION_LINKS = (CV + "hasLegalResource", CPSV + "implements", EAG + "definedIn", EAG + "legalBasis",
                    ELI + "based_on", ELI + "changes")


def _values(predicates) -> str:
    """The body of a SPARQL ``VALUES`` of ``predicates``, in one order (the order of the answers)."""
    return " ".join(f"<{p}>" for p in sorted(predicates))


def statements_of(subjects: str, predicates: Iterable[str], condition: str = "", node: str = "?s") -> str:
    """A SELECT of ``?s ?p ?o``: the statements by ``predicates`` of the subjects the pattern
    ``subjects`` binds to ``node`` (``?s`` itself, or a node ``?s`` leads to; ``condition``: a
    further FILTER condition, on ``?o`` say), read in
    one pass over each subject's statements filtered by property. A ``VALUES ?p`` join instead
    probed every pair of subject and property: 2.5 times slower for the services' statements, 6 for
    the concepts', at 10,000 services. The subjects come in the same order either way, and each
    one's values of a property in the store's order (what a reader that keeps the last one relies on)."""
    test = f"?p IN ({', '.join(f'<{p}>' for p in sorted(predicates))})" + (f" && {condition}" if condition else "")
    return f"SELECT ?s ?p ?o WHERE {{ {subjects} {node} ?p ?o FILTER({test}) }}"


def node_key(term) -> str:
    """An IRI as a plain string; a blank node as ``_:label``. Interned: a node is a key of the model's
    indexes once per statement it is in, and one string for all of them is a tenth of the memory."""
    if isinstance(term, ox.NamedNode):
        return sys.intern(term.value)
    if isinstance(term, ox.BlankNode):
        return sys.intern("_:" + term.value)
    return str(term)


#: The names (in a model's ``__dict__``) of the answers it keeps per node; the site replaces them with
#: caches that keep each answer with what it read, while it records what each page reads
#: (generators/site/reads.py).
PER_NODE_CACHES = {"_ancestors", "_consulters"}


def _per_node(method: Callable[["AnalysisModel", str], Iterable[str]]) -> Callable[["AnalysisModel", str], list[str]]:
    """``method`` (of one node) answered once per node and kept: a model does not change once built,
    and the kinds, their coverage and their savings ask for the same services' requirements, evidence
    and concepts again and again (evidence_of 114,000 times at 10,000 services). Each call gets a
    list of its own, as before."""
    name = "_" + method.__name__
    PER_NODE_CACHES.add(name)

    @functools.wraps(method)
    def kept(self: "AnalysisModel", node: str) -> list[str]:
        cache = self.__dict__.setdefault(name, {})
        found = cache.get(node)
        if found is None:
            found = cache[node] = tuple(method(self, node))
        return list(found)
    return kept


def _frozen(table: dict[str, dict[str, list[str]]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """``table``'s lists as tuples, each key once (a store read as the union of its graphs may give a
    statement twice), each replaced as it is read so that both forms are never held whole at once."""
    for node, by_predicate in table.items():
        table[node] = {predicate: tuple(dict.fromkeys(keys)) if len(keys) > 1 else tuple(keys)
                       for predicate, keys in by_predicate.items()}
    return dict(table)


@dataclass
class AnalysisModel:
    """What the analyses know of a model. Node keys are IRIs (blank nodes as ``_:label``)."""

    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: subject -> predicate -> object keys (IRIs and blank nodes only), each once, in the store's order: a
    #: list while the model is built, a tuple once it is (a million of them at 10,000 services, where a
    #: dict per pair, as an ordered set, took 120 bytes more each)
    links: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    #: object -> predicate -> subject keys, as ``links`` holds them
    backlinks: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    #: node -> language ("" untagged) -> label (dct:title or skos:prefLabel)
    labels: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    annual_cases: dict[str, int] = field(default_factory=dict)
    authoritative: dict[str, bool] = field(default_factory=dict)
    #: imported element or relationship -> its ArchiMate type (BusinessRole, Serving …)
    archimate_types: dict[str, str] = field(default_factory=dict)
    _label_rank: dict[tuple[str, str], tuple[bool, str]] = field(default_factory=dict, repr=False, compare=False)
    #: what the model was built from (a Workspace or a Store), for analyses that query it themselves
    workspace: object = field(default=None, repr=False, compare=False)
    #: the nodes whose label :meth:`label` gave while this is a set (None: not recorded): the labels
    #: a kind's messages name, so that the incremental check knows which label changes concern it
    read_labels: set[str] | None = field(default=None, repr=False, compare=False)
    #: what a kind computed on the way that a later incremental check can start from, by kind name
    notes: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def build(cls, workspace, *, spare_core: bool = False) -> "AnalysisModel":
        """Read the model from ``workspace`` (a workspace or a pyoxigraph Store): the types (a query
        per class), the links (IRI and blank-node objects, a query per predicate) and the literals.
        A link is most of a national model's statements (three quarters of a million at 10,000
        services), so links are added by a tight loop with each node's key made once, and a query
        per predicate makes no store term of the predicate per row (a tenth of the build); the
        links keep the order in which those queries, predicates sorted, gave them (as one query
        over every predicate gave them too; the dependency graph's edges follow it).

        ``spare_core``: the caller leaves a core idle meanwhile (the site's rebuild, whose check is
        short), so the types and the literals are read by a forked process while this one reads the
        links (4.3 -> 3.1 s at 10,000 services). The model is the same."""
        query = query_function(workspace)  # a Store has a query method too, which reads only its default graph
        model = cls(workspace=workspace)
        keys: dict = {}  # store term -> node key: a node is in many statements, its key is made once
        apart = in_fork(lambda: cls._types_and_literals(workspace)) if spare_core and fork_workers() >= 2 else None
        if apart is None:
            model._add_types(query, keys)
        for predicate in sorted(DEPENDS | DEPENDS_REVERSED | VALUES):  # in the order one query over all gave them
            model._add_links(sys.intern(predicate),
                             query(f"SELECT ?s ?o WHERE {{ ?s <{predicate}> ?o FILTER(!isLiteral(?o)) }}"), keys)
        if apart is None:
            model._add_literals(query)
        else:
            model._take(*apart())
        model.links, model.backlinks = _frozen(model.links), _frozen(model.backlinks)
        return model

    @classmethod
    def _types_and_literals(cls, workspace) -> tuple:
        """What :meth:`build` reads besides the links, as a forked process sends it back."""
        model = cls(workspace=workspace)
        query = query_function(workspace)
        model._add_types(query, {})
        model._add_literals(query)
        return dict(model.types), dict(model.labels), model.annual_cases, model.authoritative, model.archimate_types

    def _take(self, types: dict, labels: dict, annual_cases: dict, authoritative: dict, archimate_types: dict) -> None:
        """The types and literals another process read (:meth:`_types_and_literals`), each node's key
        the one string this process has for it."""
        self.types = defaultdict(set, {sys.intern(node): classes for node, classes in types.items()})
        self.labels = defaultdict(dict, {sys.intern(node): found for node, found in labels.items()})
        self.annual_cases, self.authoritative, self.archimate_types = annual_cases, authoritative, archimate_types

    def _add_types(self, query, keys: dict) -> None:
        """The types of :data:`CLASS_KINDS` (one query per class: the rows need not name it);
        ``keys``: the node keys of the store terms met so far."""
        for cls_iri in CLASS_KINDS:
            cls_key = sys.intern(cls_iri)
            for (s,) in query(f"SELECT ?s WHERE {{ ?s a <{cls_iri}> }}"):
                self.types[keys.get(s) or keys.setdefault(s, node_key(s))].add(cls_key)

    @classmethod
    def labelled(cls, workspace, classes: Iterable[str] = ()) -> "AnalysisModel":
        """A model of the literals alone (labels, yearly cases, flags), read as :meth:`build` reads
        them: for a kind that reads the store itself and needs of the model only how it names things
        (``duplicate-service`` runs so in a process of its own, beside the build: check/__init__.py).
        ``classes``: those of the instances of these classes only, the only nodes such a kind names
        (a node's literals are the same read alone or with all the others': a fifth of the rows)."""
        model = cls(workspace=workspace)
        of = f"VALUES ?c {{ {_values(classes)} }} ?s a ?c ." if classes else ""
        model._add_literals(query_function(workspace), of)
        return model

    def _add_literals(self, query, pattern: str = "") -> None:
        """Add the literals :data:`LITERALS` names (of the subjects ``pattern`` matches, when given),
        each node's key made once (as :meth:`_add_links` does)."""
        add, keys = self._add, {}
        rows = query(statements_of(pattern, LITERALS, "isLiteral(?o)") if pattern else
                     f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {_values(LITERALS)} }} ?s ?p ?o FILTER(isLiteral(?o)) }}")
        for s, p, o in rows:
            s = keys.get(s) or keys.setdefault(s, node_key(s))
            add(s, keys.get(p) or keys.setdefault(p, sys.intern(p.value)), o)
        self._label_rank.clear()  # only the build chooses labels: not kept for the analyses' whole run

    def _add_links(self, p: str, rows, keys: dict) -> None:
        """Add the links of ``rows`` (subject, IRI or blank-node object) by ``p``, in their order;
        ``keys``: the node keys of the store terms met so far."""
        links, backlinks = self.links, self.backlinks
        for s, o in rows:
            s = keys.get(s) or keys.setdefault(s, node_key(s))
            o = keys.get(o) or keys.setdefault(o, node_key(o))
            links[s][p].append(o)
            backlinks[o][p].append(s)

    def _add(self, s: str, p: str, o: ox.Literal) -> None:
        """Add what a literal of ``s`` says (a label, a count, a flag, an ArchiMate type): labels,
        most of them, first; each part of the literal read once (each read copies it out of the store)."""
        if p in LABEL_PREDICATES:
            # One label per language whatever order the store answers in: a preferred label
            # before a title, then the alphabetically first.
            value, language = o.value, o.language or ""
            rank = (p != _PREF_LABEL, value)
            if rank < self._label_rank.get((s, language), _NO_RANK):
                self._label_rank[(s, language)] = rank
                self.labels[s][language] = value
        elif p == _ANNUAL_CASES:
            try:
                self.annual_cases[s] = max(self.annual_cases.get(s, 0), int(o.value))
            except ValueError:
                pass
        elif p == _AUTHORITATIVE:
            value = o.value
            if value in ("true", "1", "false", "0"):
                # "true" on any statement wins over "false" (contradictions are validation's business)
                self.authoritative[s] = self.authoritative.get(s, False) or value in ("true", "1")
        elif p == _ARCHIMATE_TYPE:
            self.archimate_types[s] = o.value

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The dependencies as one graph: an edge from what depends to what it depends on, with its
        ``predicate`` (:meth:`dependents` of every node; for whoever wants the whole graph: the
        analyses and :func:`~eagraph.analyses.impact.impact` ask per node)."""
        graph = nx.DiGraph()
        graph.add_nodes_from(self.types)
        for node in dict.fromkeys([*self.types, *self.links, *self.backlinks]):
            graph.add_edges_from((dependent, node, {"predicate": predicate})
                                 for dependent, predicate in self.dependents(node).items())
        return graph

    def dependents(self, node: str) -> dict[str, str]:
        """What depends directly on ``node``, each with the link that makes it depend: the subjects of
        its :data:`DEPENDS` links, the objects of its :data:`DEPENDS_REVERSED` links, and the other end
        of each imported ArchiMate relationship whose kind makes it depend on ``node``. Where two
        links join the same pair, a reversed link wins over a contract link, which wins over an
        ArchiMate relationship; among links of one kind, the last a node states. Read per node from
        the model's tables (building the whole graph took 2 s at 10,000 services, for a regulation
        page that reads two steps of it)."""
        found: dict[str, str] = {}
        incoming = self.backlinks.get(node) or {}
        ends = {*incoming.get(EAG + "relationshipSource", ()), *incoming.get(EAG + "relationshipTarget", ())}
        for relationship in sorted(r for r in ends if EAG + "ArchimateRelationship" in self.types.get(r, ())):
            kind = self.archimate_types.get(relationship, "Association")
            for source in self.objects(relationship, EAG + "relationshipSource"):
                for target in self.objects(relationship, EAG + "relationshipTarget"):
                    a, b = (target, source) if kind in ARCHIMATE_TARGET_DEPENDS else (source, target)
                    if a != b and b == node:
                        found[a] = ARCHIMATE + kind
        subjects = {s for p, found_subjects in incoming.items() if p in DEPENDS for s in found_subjects}
        for subject in subjects:
            found[subject] = [p for p, objects in self.links[subject].items() if p in DEPENDS and node in objects][-1]
        for p, objects in (self.links.get(node) or {}).items():
            if p in DEPENDS_REVERSED:
                for obj in objects:
                    found[obj] = p
        return found

    # -- reading --------------------------------------------------------------------------------
    def objects(self, s: str, p: str) -> list[str]:
        found = self.links.get(s)
        return sorted(found.get(p, ())) if found else []

    def subjects(self, p: str, o: str) -> list[str]:
        found = self.backlinks.get(o)
        return sorted(found.get(p, ())) if found else []

    def of_class(self, cls: str) -> list[str]:
        return sorted(node for node, classes in self.types.items() if cls in classes)

    def kind_of(self, node: str) -> str:
        classes = self.types.get(node, ())
        kind = next((kind for cls, kind in CLASS_KINDS.items() if cls in classes), "other")
        if kind.startswith("ArchiMate") and node in self.archimate_types:
            return f"ArchiMate {self.archimate_types[node]}"  # "ArchiMate BusinessRole"
        return kind

    @contextlib.contextmanager
    def labels_named(self) -> Iterator[set[str]]:
        """The nodes whose label :meth:`label` gives within this block: the labels a kind's messages
        name, which the incremental check follows (a change of one reruns only the kinds naming it)."""
        self.read_labels = named = set()
        try:
            yield named
        finally:
            self.read_labels = None

    def label(self, node: str, language: str = "en", mark: bool = True) -> str:
        """The node's title or preferred label in ``language`` (else en, nl, fr, untagged), else its IRI's end.

        A label in another language says so, "Leefloon (nl)": an English message never passes a
        Dutch name off as English (as the site marks a missing translation). ``mark=False``: the
        bare text, for sorting and for data written out."""
        if self.read_labels is not None:
            self.read_labels.add(node)
        labels = self.labels.get(node, {})
        found = next(((lang, labels[lang]) for lang in (language, "en", "nl", "fr", "") if lang in labels), None)
        if found is None and labels:
            found = next(iter(labels.items()))
        if found is None:
            return local_name(node)
        lang, text = found
        return f"{text} ({lang})" if mark and lang not in (language, "") else text

    # -- authorities ----------------------------------------------------------------------------
    @cached_property
    def services(self) -> list[str]:
        return self.of_class(CPSV + "PublicService")

    @cached_property
    def service_set(self) -> frozenset[str]:
        """:attr:`services` as a set, for asking whether a node is one (the savings ask it per finding)."""
        return frozenset(self.services)

    def ancestors(self, authority: str) -> set[str]:
        """The authority and every organisation it is (transitively) a sub-organisation of."""
        cache = self.__dict__.setdefault("_ancestors", {})
        found = cache.get(authority)
        if found is None:
            found, todo = {authority}, [authority]
            while todo:
                for parent in self.objects(todo.pop(), ORG + "subOrganizationOf"):
                    if parent not in found:
                        found.add(parent)
                        todo.append(parent)
            cache[authority] = found
        return found

    def group(self, authority: str) -> frozenset[str]:
        """The top-level organisation(s) of an authority: its sub-organisations are not other authorities."""
        ancestors = self.ancestors(authority)
        tops = frozenset(a for a in ancestors if not (set(self.objects(a, ORG + "subOrganizationOf")) - {a}))
        return tops or frozenset(ancestors)  # a cycle of sub-organisations: the whole cycle is one group

    def authorities_of(self, service: str) -> list[str]:
        """Competent and executing authorities of a service."""
        return list(dict.fromkeys(self.objects(service, CV + "hasCompetentAuthority")
                                  + self.objects(service, EAG + "executingAuthority")))

    def groups_of(self, authorities: Iterable[str]) -> frozenset[str]:
        found: set[str] = set()
        for authority in authorities:
            found |= self.group(authority)
        return frozenset(found)

    # -- services -------------------------------------------------------------------------------
    @_per_node
    def requirements_of(self, service: str) -> list[str]:
        """``cv:holdsRequirement`` and, nested, ``cv:hasRequirement``."""
        seen: dict[str, None] = {}
        todo = list(self.objects(service, CV + "holdsRequirement"))
        while todo:
            requirement = todo.pop(0)
            if requirement not in seen:
                seen[requirement] = None
                todo.extend(self.objects(requirement, CV + "hasRequirement"))
        return list(seen)

    @_per_node
    def evidence_of(self, service: str) -> list[str]:
        """``cpsv:hasInput``, and the evidence of its requirements as CCCEV links them, either way
        (``cv:hasSupportingEvidence``, ``cv:supportsRequirement``): catalogues written by others
        (SEMIC's CPSV-AP example) state the evidence there."""
        found = dict.fromkeys(self.objects(service, CPSV + "hasInput"))
        for requirement in self.requirements_of(service):
            found.update(dict.fromkeys(self.objects(requirement, CV + "hasSupportingEvidence")))
            found.update(dict.fromkeys(self.subjects(CV + "supportsRequirement", requirement)))
        return list(found)

    def is_asked(self, evidence: str) -> bool:
        """Asked from the applicant: evidence without ``dct:isPartOf`` (not fetched from a source)."""
        return not self.objects(evidence, DCT + "isPartOf")

    @_per_node
    def asked_evidence(self, service: str) -> list[str]:
        return [e for e in self.evidence_of(service) if self.is_asked(e)]

    @_per_node
    def required_concepts(self, service: str) -> list[str]:
        """Concepts of the requirements (nested too) and the concepts the service's evidence supports."""
        found: dict[str, None] = {}
        for requirement in self.requirements_of(service):
            found.update(dict.fromkeys(self.objects(requirement, CV + "hasConcept")))
        for evidence in self.evidence_of(service):
            found.update(dict.fromkeys(self.objects(evidence, CV + "supportsConcept")))
        return list(found)

    def service_type(self, service: str) -> set[str]:
        return set(self.objects(service, DCT + "type"))

    def granting_mode(self, service: str) -> set[str]:
        return set(self.objects(service, EAG + "grantingMode"))

    def cases(self, node: str) -> int | None:
        return self.annual_cases.get(node)

    # -- sources and access ---------------------------------------------------------------------
    def available_sources(self, concept: str) -> list[str]:
        """Sources in which the concept is available: ``authsrc:hasSource`` S and ``isAuthoritative``
        true on the concept, or (when the concept states no flag) on S."""
        sources = self.objects(concept, AUTHSRC + "hasSource")
        if not sources:
            return []
        flag = self.authoritative.get(concept)
        if flag is not None:
            return list(sources) if flag else []
        return [s for s in sources if self.authoritative.get(s) is True]

    def consulters(self, source: str) -> set[str]:
        """The authorities named as publisher or as consumer of an agreement of the source."""
        cache = self.__dict__.setdefault("_consulters", {})
        found = cache.get(source)
        if found is None:
            found = set(self.objects(source, DCT + "publisher"))
            for agreement in self.objects(source, AUTHSRC + "hasAgreement"):
                found.update(self.objects(agreement, AUTHSRC + "hasConsumer"))
            cache[source] = found
        return found

    def may_consult(self, authorities: Iterable[str], source: str) -> bool:
        """Whether any of the authorities (or an organisation it belongs to) may consult the source."""
        allowed = self.consulters(source)
        return any(self.ancestors(a) & allowed for a in authorities)

    # -- outputs, applications, regulations -----------------------------------------------------
    @cached_property
    def producers(self) -> dict[str, list[str]]:
        """Evidence type -> the services with an output usable as it."""
        found: dict[str, list[str]] = defaultdict(list)
        for service in self.services:
            for output in self.objects(service, CPSV + "produces"):
                for evidence_type in self.objects(output, EAG + "usableAs"):
                    if service not in found[evidence_type]:
                        found[evidence_type].append(service)
        return found

    @cached_property
    def services_by_concept(self) -> dict[str, set[str]]:
        """Concept -> the services that require it (:meth:`required_concepts`), each service read
        once: asking every service for every group of concepts grew with their product."""
        found: dict[str, set[str]] = defaultdict(set)
        for service in self.services:
            for concept in self.required_concepts(service):
                found[concept].add(service)
        return found

    @cached_property
    def applications_by_capability(self) -> dict[str, list[str]]:
        """Capability -> the applications that support it directly."""
        found: dict[str, list[str]] = defaultdict(list)
        for application in self.of_class(EAG + "ApplicationComponent"):
            for capability in self.objects(application, EAG + "supportsCapability"):
                found[capability].append(application)
        return found

    @cached_property
    def regulations(self) -> list[str]:
        return self.of_class(ELI + "LegalResource")

    def references_to(self, regulation: str) -> list[tuple[str, str]]:
        """(subject, predicate) of every statement that refers to the regulation (self-references aside)."""
        return [(s, p) for p in REGULATION_LINKS for s in self.subjects(p, regulation) if s != regulation]


def query_function(source) -> Callable[[str], Iterable]:
    """A SPARQL function over the whole model, from a Workspace, an AnalysisModel that keeps one, or a
    pyoxigraph Store: the comparison kinds read the model with SPARQL rather than through the
    AnalysisModel's indexes, so they run on a bare workspace too."""
    for holder in (source, getattr(source, "workspace", None)):
        if holder is None:
            continue
        if isinstance(holder, ox.Store):
            return lambda text: holder.query(text, use_default_graph_as_union=True)
        query = getattr(holder, "query", None)
        if callable(query):
            return query
    raise TypeError("analyses: need a Workspace (or an AnalysisModel that keeps its workspace) to query")


def workspace_of(source):
    """The Workspace behind ``source``, to locate findings; None for a bare store."""
    for holder in (source, getattr(source, "workspace", None)):
        if holder is not None and hasattr(holder, "locate"):
            return holder
    return None
