"""CPSV-AP's earlier names (2.x, and the 2.1 JSON-LD context) and what CPSV-AP 3.2.0 calls them.

Catalogues published by others are often still in CPSV-AP 2.x: their legal bases hang off
``cv:hasFormalFramework``, their contact points are ``schema:ContactPoint``. Read as 3.2 they lose
those links silently (no shape, no analysis looks at a name it does not know). :data:`RENAMES` is
the table of every class and property that SEMIC renamed, moved or retyped between 2.1 and 3.2.0,
each with the line of the change log (``tests/data/reference/semic/cpsv-ap-changelogs/``) or the
earlier specification (``cpsv-ap-2.1/``, ``cpsv-ap-2.2.1/``) that says so; :func:`map_earlier_names`
applies it and counts what it changed, so the import (and the export, reading a 2.x catalogue)
can say which names it mapped and how many times.

Changes in the change logs that keep the IRI (a new definition, a relaxed cardinality, a datatype
from ``xsd:string`` to ``rdfs:Literal``, ``PublicService.type`` renamed to "functions of
government" but still ``dct:type``, ``Event.type`` moved to its subclasses) need no mapping. Two
renames are not in the table because the change logs name no IRI for the old term:
``Contract``/``ConcessionContract`` (3.1.0 C5, C6; 3.0.0 never had a published IRI for them).
Statements whose predicate has no 3.2 name are kept as they are: nothing is dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal, NamedTuple

from rdflib import RDF, BNode, Graph, URIRef

from .namespaces import ADMS, CPSV, CV, DCAT, DCT, ELI, FOAF, LOCN, SCHEMA, SCHEMA_HTTPS, TIME

#: Prefixes for telling people what was mapped ("cv:hasFormalFramework → cv:hasLegalResource").
PREFIXES = {"cpsv": CPSV, "cv": CV, "dct": DCT, "eli": ELI, "foaf": FOAF, "locn": LOCN, "adms": ADMS,
            "dcat": DCAT, "time": TIME, "schema": SCHEMA}

EVENTS = (URIRef(CV + "Event"), URIRef(CV + "BusinessEvent"), URIRef(CV + "LifeEvent"))
PUBLIC_SERVICE = (URIRef(CPSV + "PublicService"),)


@dataclass(frozen=True)
class Rename:
    """One earlier name and its 3.2.0 name.

    ``kind`` says where the name occurs: a ``class`` is renamed where it is the object of
    ``rdf:type``, a ``property`` where it is a predicate. A property rename may hold only for some
    statements: ``subject_in``/``object_in`` name the (3.2) classes the subject/object must have
    (``dct:relation`` from an event is ``cv:hasRelatedService``, between services
    ``cv:relatedService``, between legal resources it stays), and ``resources_only`` leaves literal
    values alone (2.x ``schema:openingHours`` was text; 3.2's ``cv:openingHours`` points to a
    ``time:TemporalEntity``, so a text value keeps its old name rather than break the new one).
    """

    kind: Literal["class", "property"]
    old: str
    new: str
    source: str
    subject_in: tuple[URIRef, ...] = ()
    object_in: tuple[URIRef, ...] = ()
    resources_only: bool = False

    def __str__(self) -> str:
        return f"{short(self.old)} → {short(self.new)}"


def _both_schemas(kind, local: str, new: str, source: str, **conditions) -> list[Rename]:
    """A schema.org name under both the http and the https namespace (2.2.1 and 2.1 differ)."""
    return [Rename(kind, namespace + local, new, source, **conditions) for namespace in (SCHEMA, SCHEMA_HTTPS)]


#: Every CPSV-AP 2.x name that 3.2.0 calls differently, with where that is written.
RENAMES: tuple[Rename, ...] = (
    # classes
    Rename("class", CPSV + "FormalFramework", ELI + "LegalResource",
           "2.1 JSON-LD context 'FormalFramework'; 2.2.1 RDF schema (cpsv-ap-2.2.1.ttl) names it eli:LegalResource"),
    Rename("class", CV + "CriterionRequirement", CV + "Requirement", "changelog 3.0.0 C2 (and P6)"),
    Rename("class", DCT + "Agent", FOAF + "Agent", "changelog 3.0.0 C1"),
    *_both_schemas("class", "ContactPoint", CV + "ContactPoint", "changelog 3.0.0 P13; 3.1.0 C1"),
    *_both_schemas("class", "OpeningHoursSpecification", TIME + "TemporalEntity", "changelog 3.1.0 C2"),
    Rename("class", CV + "PublicServiceDataset", DCAT + "Dataset", "changelog 3.0.0 C4, R1"),
    # properties
    Rename("property", CV + "hasFormalFramework", CV + "hasLegalResource",
           "2.1 JSON-LD context 'hasFormalFramework'; 2.2.1 RDF schema names it cv:hasLegalResource"),
    Rename("property", CV + "hasContactPoint", CV + "contactPoint", "changelog 3.1.0 R1"),
    *_both_schemas("property", "email", CV + "email", "changelog 3.1.0 P5"),
    *_both_schemas("property", "telephone", CV + "telephone", "changelog 3.1.0 P6"),
    *_both_schemas("property", "openingHours", CV + "openingHours", "changelog 3.1.0 P7, P8",
                   resources_only=True),
    *_both_schemas("property", "hoursAvailable", CV + "specialOpeningHoursSpecification",
                   "changelog 3.0.0 P14; 3.1.0 R2, R3; 3.1.1 R3-R5 (label 'availability restriction')",
                   resources_only=True),
    Rename("property", CV + "hasAddress", LOCN + "address", "changelog 3.0.0 P17"),
    Rename("property", CV + "playsRole", CV + "participates", "changelog 3.1.0 R7"),
    Rename("property", CV + "value", CV + "hasValue", "changelog 3.0.0 P16 (Cost.value; CCCEV 2.1 keeps "
           "cv:value of a cv:SupportedValue)", subject_in=(URIRef(CV + "Cost"),)),
    Rename("property", DCT + "status", ADMS + "status", "changelog 3.0.0 P4"),
    Rename("property", CV + "isDescribedAt", DCT + "isPartOf", "changelog 3.2.0 R1"),
    Rename("property", DCT + "relation", CV + "hasRelatedService", "changelog 3.1.0 R14 (Event.relatedService)",
           subject_in=EVENTS),
    Rename("property", DCT + "relation", CV + "relatedService", "changelog 3.1.0 R15 (PublicService.related)",
           subject_in=PUBLIC_SERVICE, object_in=PUBLIC_SERVICE),
)


class Mapped(NamedTuple):
    """A graph in 3.2 names, and how many statements each rename changed (only those that did)."""

    graph: Graph
    counts: dict[Rename, int]


def short(iri: str) -> str:
    """``cv:hasLegalResource`` for an IRI in :data:`PREFIXES` (https schema.org reads ``schema:``
    with its scheme, ``<https://schema.org/email>``, so the two are told apart)."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def map_earlier_names(graph: Graph) -> Mapped:
    """A copy of ``graph`` with every earlier CPSV-AP name of :data:`RENAMES` in its 3.2.0 form.

    Classes are mapped first, so a condition on a subject's class sees the 3.2 class (a 2.x
    ``cv:Event`` and a 3.2 one alike). Every statement is kept: a statement no rename applies to
    is copied as it is. The input graph is not changed; its namespace bindings are carried over.
    """
    classes = {URIRef(r.old): r for r in RENAMES if r.kind == "class"}
    properties: dict[URIRef, list[Rename]] = {}
    for rename in RENAMES:
        if rename.kind == "property":
            properties.setdefault(URIRef(rename.old), []).append(rename)
    counts: Counter[Rename] = Counter()
    mapped = Graph()
    for prefix, namespace in graph.namespaces():
        mapped.bind(prefix, namespace, override=False)
    types: dict = {}
    for subject, _, cls in graph.triples((None, RDF.type, None)):
        rename = classes.get(cls)
        types.setdefault(subject, set()).add(URIRef(rename.new) if rename else cls)
    for subject, predicate, obj in graph:
        if predicate == RDF.type and obj in classes:
            counts[classes[obj]] += 1
            obj = URIRef(classes[obj].new)
        else:
            for rename in properties.get(predicate, ()):
                if _applies(rename, subject, obj, types):
                    counts[rename] += 1
                    predicate = URIRef(rename.new)
                    break
        mapped.add((subject, predicate, obj))
    return Mapped(mapped, dict(counts))


def _applies(rename: Rename, subject, obj, types: dict) -> bool:
    """Whether a property rename's conditions hold for one statement."""
    if rename.resources_only and not isinstance(obj, (URIRef, BNode)):
        return False
    if rename.subject_in and not types.get(subject, set()) & set(rename.subject_in):
        return False
    return not (rename.object_in and not types.get(obj, set()) & set(rename.object_in))


def describe(counts: dict[Rename, int]) -> list[str]:
    """One line per rename that changed something, in table order: ``mapped 49 cv:hasFormalFramework
    → cv:hasLegalResource (2.1 JSON-LD context …)``."""
    return [f"mapped {counts[rename]} {rename} ({rename.source})" for rename in RENAMES if counts.get(rename)]
