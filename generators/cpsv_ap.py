"""``eagraph export cpsv-ap``: the public-service part of the model as CPSV-AP 3.2.0, nothing lost,
nothing invented.

What is kept is read from SEMIC's own vocabulary files (the CPSV-AP 3.2.0 and CCCEV 2.1.0 ones
eagraph ships in ``validators/semic/``), not from a hand list, so that whatever the standard
defines survives the export:

- every node of a class the vocabularies declare (services, organisations, events, channels,
  evidence, evidence types and their lists, requirements, costs, contact points …) is a root;
- of a kept node, every statement in a namespace the vocabularies use (``cv:``, ``dct:``,
  ``skos:``, ``time:``, ``locn:`` …) is kept, whatever its value: code-list IRIs such as the EU
  language table, literals, links; eagraph's own ``eag:`` properties stay behind;
- a value reached through a property the vocabularies declare is described too (an opening
  hours specification, a code-list concept the model or eagraph's ontology defines), and a blank
  node always, since it is part of the value (the ``time:`` structure of opening hours);
- a model in CPSV-AP 2.x names (``cv:hasFormalFramework``, ``cpsv:FormalFramework`` …) is read in
  its 3.2.0 names first (:mod:`eagraph.ontology.cpsv_versions`), and the export says what it mapped.

What is written besides is only what the model itself says, in the form the shapes read: the
superclasses the vocabularies declare (a criterion is a ``cv:Requirement``, an organisation a
``foaf:Agent``), the classes an EU code-list value is published as (the same typing
``--profile`` applies), a ``dct:title`` from the node's own ``skos:prefLabel``, a
``dct:identifier`` from its IRI, a rule's or dataset's ``dct:description`` from its title, and an
authentic source as the ``dcat:Dataset`` CPSV-AP expects. Nothing else: an IRI the model merely
names is not made a ``skos:Concept``, an organisation without ``dct:spatial`` is not placed
anywhere. :func:`check_export` then runs the official shapes over the export and the model, so
the command can say whether the output conforms and which violations are the model's own (read
in 3.2.0 names).
"""

from __future__ import annotations

import tempfile
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import OWL, RDF, RDFS, BNode, Literal, URIRef

from eagraph.findings import Finding
from eagraph.ontology import TIME, local_name, namespace, new_graph
from eagraph.ontology.cpsv_versions import describe, map_earlier_names
from eagraph.validators.profiles import PROFILES, SHIPPED_DIR, code_list_classes
from eagraph.workspace import Workspace

CPSV = namespace("cpsv")
CV = namespace("cv")
DCT = namespace("dct")
SKOS = namespace("skos")
DCAT = namespace("dcat")
AUTHSRC = namespace("authsrc")

#: eagraph's classes that CPSV-AP names otherwise: an authentic source is the dataset that
#: ``dct:isPartOf`` of evidence and outputs points at.
MAPPED_CLASSES = {AUTHSRC.DataSource: DCAT.Dataset}
#: The profiles whose vocabularies say what is kept, and whose shapes check the export.
PROFILE_NAMES = ("cpsv-ap-3.2", "cccev-2.1")
IDENTIFIED = (CPSV.PublicService, CV.PublicOrganisation, CV.Event, CV.Channel, CV.Evidence, CV.EvidenceType,
              CV.Output, CV.Requirement, CPSV.Rule, CV.Cost)
TITLED_FROM_LABEL = (CV.PublicOrganisation, CV.Event, CV.Evidence, CV.Output, CV.Requirement, CPSV.Rule,
                     DCAT.Dataset)
DESCRIBED_FROM_TITLE = (CPSV.Rule, DCAT.Dataset)


@dataclass(frozen=True)
class Vocabulary:
    """The terms of the CPSV-AP 3.2.0 and CCCEV 2.1.0 vocabularies, as their files declare them."""

    classes: frozenset[URIRef]
    properties: frozenset[URIRef]
    namespaces: tuple[str, ...]
    superclasses: dict[URIRef, frozenset[URIRef]]

    def keeps(self, predicate: URIRef) -> bool:
        return str(predicate).startswith(self.namespaces)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Read the shipped vocabulary files: their declared classes and properties, the namespaces of
    those terms, and the (transitive) superclasses they state."""
    graph = rdflib.Graph()
    for path in dict.fromkeys(path for name in PROFILE_NAMES for path in PROFILES[name].files(SHIPPED_DIR)[1]):
        graph.parse(path, format="turtle")  # a missing file is named by Profile.files
    classes = {c for kind in (OWL.Class, RDFS.Class) for c in graph.subjects(RDF.type, kind) if isinstance(c, URIRef)}
    properties = {p for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property, OWL.AnnotationProperty)
                  for p in graph.subjects(RDF.type, kind) if isinstance(p, URIRef)}
    namespaces = {_namespace(term) for term in classes | properties}
    superclasses = {}
    for cls in classes:
        found = set(graph.transitive_objects(cls, RDFS.subClassOf)) - {cls}
        superclasses[cls] = frozenset(c for c in found if isinstance(c, URIRef))
    return Vocabulary(frozenset(classes), frozenset(properties), tuple(sorted(namespaces)), superclasses)


def _namespace(term: URIRef) -> str:
    text = str(term)
    return text[:max(text.rfind("#"), text.rfind("/")) + 1]


@dataclass
class CpsvExport:
    """The export's graph; the model it was made from, in 3.2.0 names (with eagraph's ontology);
    one line per earlier CPSV-AP name mapped (with the count)."""

    graph: rdflib.Graph
    model: rdflib.Graph
    mapped: list[str] = field(default_factory=list)


def export_cpsv_ap(workspace: Workspace) -> rdflib.Graph:
    """The CPSV-AP 3.2.0 graph of the model."""
    return cpsv_ap_export(workspace).graph


def cpsv_ap_export(workspace: Workspace) -> CpsvExport:
    """The CPSV-AP 3.2.0 graph of the model, read in 3.2.0 names (see the module's docstring)."""
    from eagraph.ontology import ONTOLOGY_GRAPH, ensure_ontology

    mapped = map_earlier_names(_graph_of(workspace, [f.source.graph for f in workspace.files]))
    model = mapped.graph
    ensure_ontology(workspace)
    world = model + _graph_of(workspace, [ONTOLOGY_GRAPH])  # eagraph's ontology describes its code-list values
    terms = vocabulary()
    roots = [node for node, cls in model.subject_objects(RDF.type) if cls in terms.classes or cls in MAPPED_CLASSES]
    out = new_graph("cpsv", "cv", "dct", "skos", "dcat", "eli")
    out.bind("time", TIME)
    _copy_descriptions(world, out, roots, terms)
    _fill_in(out)
    for value in set(out.objects()):
        if isinstance(value, URIRef):
            for cls in code_list_classes(str(value)):
                out.add((value, RDF.type, URIRef(cls)))
    return CpsvExport(out, world, describe(mapped.counts))


def _graph_of(workspace: Workspace, names: list[str]) -> rdflib.Graph:
    """The statements of the store's named graphs ``names`` (the model's files: without what eagraph
    loaded beside them), read in one go so that a blank node is one node however often it is met."""
    values = " ".join(f"<{name}>" for name in names)
    data = workspace.store.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
    return rdflib.Graph().parse(data=data.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")


def _copy_descriptions(world: rdflib.Graph, out: rdflib.Graph, roots: list, terms: Vocabulary) -> None:
    """Copy what the vocabularies define of each root, and of the values they lead to."""
    queue, seen = deque(dict.fromkeys(roots)), set(roots)
    while queue:
        node = queue.popleft()
        for predicate, obj in world.predicate_objects(node):
            if predicate == RDF.type:
                for cls in _export_classes(obj, terms):
                    out.add((node, RDF.type, cls))
                continue
            if not terms.keeps(predicate):
                continue
            out.add((node, predicate, obj))
            follow = isinstance(obj, BNode) or isinstance(obj, URIRef) and predicate in terms.properties
            if follow and obj not in seen:
                seen.add(obj)
                queue.append(obj)


def _export_classes(cls, terms: Vocabulary) -> list[URIRef]:
    """A stated class as written out: mapped, and with the superclasses the vocabularies declare;
    nothing for a class outside the vocabularies' namespaces (eagraph's own)."""
    cls = MAPPED_CLASSES.get(cls, cls)
    if not isinstance(cls, URIRef) or not terms.keeps(cls):
        return []
    return [cls, *sorted(terms.superclasses.get(cls, ()))]


def _fill_in(out: rdflib.Graph) -> None:
    """What CPSV-AP requires and the node itself says otherwise: a title from its own label, an
    identifier from its IRI, a rule's or dataset's description from its title."""
    def typed(classes):
        return {node for cls in classes for node in out.subjects(RDF.type, cls) if isinstance(node, URIRef)}

    for node in typed(IDENTIFIED):
        if (node, DCT.identifier, None) not in out:
            out.add((node, DCT.identifier, Literal(local_name(str(node)))))
    for node in typed(TITLED_FROM_LABEL):
        if (node, DCT.title, None) not in out:
            for label in list(out.objects(node, SKOS.prefLabel)):
                out.add((node, DCT.title, label))
    for node in typed(DESCRIBED_FROM_TITLE):
        if (node, DCT.description, None) not in out:
            for title in list(out.objects(node, DCT.title)):
                out.add((node, DCT.description, title))


# Checking the export against the official shapes --------------------------------------------------

@dataclass
class ExportCheck:
    """The official shapes' violations in the export, and those the model itself has."""

    violations: list[Finding]
    in_model: int

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def added(self) -> int:
        return len(self.violations) - self.in_model

    def summary(self) -> str:
        if self.conforms:
            return "conforms to the CPSV-AP 3.2.0 and CCCEV 2.1.0 shapes"
        from eagraph.cli.console import plural

        text = f"{plural(len(self.violations), 'violation')} of the CPSV-AP 3.2.0 and CCCEV 2.1.0 shapes, of which " \
               f"{self.in_model} {'is' if self.in_model == 1 else 'are'} in the model itself"
        return text + (f" ({self.added} added by the export: please report it)" if self.added else "")


def violation_key(workspace: Workspace, finding: Finding) -> tuple:
    """What makes two profile findings the same violation: focus node, path and constraint; a
    blank focus node by the way to it from an IRI, since it has another name in the export."""
    return _anchor(workspace, finding.subject), finding.path, finding.code


#: How many blank nodes up :func:`_anchor` looks for an IRI.
ANCHOR_DEPTH = 16


def _anchor(workspace: Workspace, subject: str) -> str:
    """``<iri> cv:holdsRequirement/cv:hasCost`` for a blank node reached so (the first way, in
    order, where there are several); ``_:`` for one no IRI leads to."""
    steps: list[str] = []
    node = subject
    for _ in range(ANCHOR_DEPTH):
        if not node.startswith("_:"):
            return " ".join([node, "/".join(reversed(steps))]).rstrip()
        parents = sorted((str(q.subject), q.predicate.value)
                         for q in workspace.store.quads_for_pattern(None, None, ox.BlankNode(node[2:])))
        if not parents:
            break
        node = parents[0][0].removeprefix("<").removesuffix(">")
        steps.append(parents[0][1])
    return "_:"


def check_export(export: CpsvExport) -> ExportCheck:
    """Run the official shapes over the export and over the model it was made from. The model is
    read in 3.2.0 names, as the export is: a 2.x ``cv:CriterionRequirement`` without a title lacks
    the title a 3.2 requirement needs in the model already, whatever it was called there."""
    from eagraph.validators.validate import profile_runner

    run = profile_runner(PROFILE_NAMES)
    exported, keys = _profile_violations(export.graph, run)
    own = set(_profile_violations(export.model, run)[1])
    return ExportCheck(exported, sum(1 for key in keys if key in own))


def _profile_violations(graph: rdflib.Graph, run) -> tuple[list[Finding], list[tuple]]:
    """The profiles' findings on ``graph`` (loaded as a model of its own), and their keys."""
    from eagraph.workspace import load

    with tempfile.TemporaryDirectory(prefix="eagraph-cpsv-") as folder:
        (Path(folder) / "graph.nt").write_text(graph.serialize(format="nt"), encoding="utf-8")
        workspace = load(folder, cache=False)
        _, findings = run(workspace)
        return findings, [violation_key(workspace, f) for f in findings]


FORMATS = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt", ".rdf": "xml"}


def serialized(graph: rdflib.Graph, out: Path) -> bytes:
    """``graph`` in the syntax ``out``'s suffix names (Turtle otherwise), to be written by ``exporters.write``."""
    return graph.serialize(format=FORMATS.get(out.suffix.lower(), "turtle")).encode("utf-8")
