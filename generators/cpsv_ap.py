"""``eagraph export cpsv-ap``: the public-service part of the model as CPSV-AP 3.2.0.

What is kept: the CPSV-AP classes (public services, organisations, life and business events,
channels, evidence and evidence types, outputs, requirements, rules, legal resources, costs,
contact points) with the properties of the vocabularies CPSV-AP uses; processes, applications,
capabilities, agreements and eagraph's own properties stay behind. What is mapped:

- an authentic source (``authsrc:DataSource``) becomes a ``dcat:Dataset``, which is what CPSV-AP
  expects ``dct:isPartOf`` of evidence and outputs to point at; its publisher stays;
- eagraph's code-list values (service types, granting modes, channel types …) and territories are
  typed as the shapes expect (``skos:Concept``, ``dct:Location``), with their labels, and the
  superclasses the shapes read are written out (an information requirement is a ``cv:Requirement``,
  an organisation a ``foaf:Agent``), so that a consumer without RDFS inference reads it as they do;
- what CPSV-AP requires and eagraph says otherwise is filled in: ``dct:title`` of an organisation
  or event from its ``skos:prefLabel``, ``dct:identifier`` from the IRI where the model has none,
  an organisation's ``dct:spatial`` (Belgium, NUTS ``BE``) where it has none, a rule's or a
  dataset's ``dct:description`` from its title.

The result conforms to the official SEMIC shapes (a test runs them on the export of ``models/``).
"""

from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib import RDF, Literal, URIRef

from eagraph.ontology import namespace, new_graph
from eagraph.workspace import Workspace
from eagraph.workspace.files import write_atomic

CPSV = namespace("cpsv")
CV = namespace("cv")
DCT = namespace("dct")
SKOS = namespace("skos")
DCAT = namespace("dcat")
ELI = namespace("eli")
AUTHSRC = namespace("authsrc")
EAG = namespace("eag")

NUTS_BE = URIRef("http://data.europa.eu/nuts/code/BE")

#: The classes of the public-service part; a source is exported as a dataset.
CLASSES = {
    CPSV.PublicService: CPSV.PublicService, CV.PublicOrganisation: CV.PublicOrganisation,
    CV.LifeEvent: CV.LifeEvent, CV.BusinessEvent: CV.BusinessEvent, CV.Channel: CV.Channel,
    CV.Evidence: CV.Evidence, CV.EvidenceType: CV.EvidenceType, CV.Output: CV.Output,
    CV.Requirement: CV.Requirement, CV.Criterion: CV.Criterion, CV.InformationRequirement: CV.InformationRequirement,
    CV.InformationConcept: CV.InformationConcept, CPSV.Rule: CPSV.Rule, ELI.LegalResource: ELI.LegalResource,
    CV.Cost: CV.Cost, CV.ContactPoint: CV.ContactPoint, AUTHSRC.DataSource: DCAT.Dataset,
}
#: Superclasses written out, so that tools without RDFS inference read the export as the shapes do.
SUPERCLASSES = {
    CV.InformationRequirement: (CV.Requirement,), CV.Criterion: (CV.Requirement,),
    CV.LifeEvent: (CV.Event,), CV.BusinessEvent: (CV.Event,),
    CV.PublicOrganisation: (URIRef("http://xmlns.com/foaf/0.1/Agent"),),
}
#: Namespaces whose properties CPSV-AP 3.2.0 uses.
KEPT_NAMESPACES = (str(CPSV), str(CV), str(DCT), str(SKOS), str(DCAT), str(ELI), "http://xmlns.com/foaf/0.1/",
                   "http://www.w3.org/ns/adms#", "http://www.w3.org/ns/locn#", "http://schema.org/",
                   "http://www.w3.org/2000/01/rdf-schema#label")
#: Values the shapes read as code-list concepts, by the property that points at them.
CONCEPT_PROPERTIES = (DCT.type, CV.sector, CV.thematicArea, DCT.audience, CV.isClassifiedBy, CV.currency)
IDENTIFIED = (CPSV.PublicService, CV.PublicOrganisation, CV.LifeEvent, CV.BusinessEvent, CV.Channel, CV.Evidence,
              CV.EvidenceType, CV.Output, CV.Requirement, CV.Criterion, CV.InformationRequirement, CPSV.Rule,
              CV.Cost)
TITLED_FROM_LABEL = (CV.PublicOrganisation, CV.LifeEvent, CV.BusinessEvent, CV.Evidence, CV.Output,
                     CV.Requirement, CV.Criterion, CV.InformationRequirement, CPSV.Rule, DCAT.Dataset)
DESCRIBED_FROM_TITLE = (CPSV.Rule, DCAT.Dataset)


def export_cpsv_ap(workspace: Workspace) -> rdflib.Graph:
    """The CPSV-AP 3.2.0 graph of the model (with eagraph's ontology loaded for code-list labels)."""
    from eagraph.validators.validate import ensure_ontology

    ensure_ontology(workspace)
    source = workspace.rdflib_graph()
    out = new_graph("cpsv", "cv", "dct", "skos", "dcat", "eli")
    kept: dict[URIRef, URIRef] = {}  # node -> its class in the export
    for node, cls in source.subject_objects(RDF.type):
        if cls in CLASSES:
            kept.setdefault(node, CLASSES[cls])
            out.add((node, RDF.type, CLASSES[cls]))
            for superclass in SUPERCLASSES.get(cls, ()):
                out.add((node, RDF.type, superclass))
    for node in kept:
        for predicate, obj in source.predicate_objects(node):
            if predicate != RDF.type and str(predicate).startswith(KEPT_NAMESPACES):
                if isinstance(obj, URIRef) and obj in kept or not isinstance(obj, URIRef) or \
                        predicate in CONCEPT_PROPERTIES or predicate == DCT.spatial or str(obj).startswith(str(ELI)):
                    out.add((node, predicate, obj))
    _fill_in(out, kept)
    _type_values(out, source)
    return out


def _fill_in(out: rdflib.Graph, kept: dict) -> None:
    for node, cls in kept.items():
        if cls in IDENTIFIED and (node, DCT.identifier, None) not in out:
            out.add((node, DCT.identifier, Literal(_local(node))))
        if cls in TITLED_FROM_LABEL and (node, DCT.title, None) not in out:
            for label in out.objects(node, SKOS.prefLabel):
                out.add((node, DCT.title, label))
        if cls in DESCRIBED_FROM_TITLE and (node, DCT.description, None) not in out:
            for title in list(out.objects(node, DCT.title)):
                out.add((node, DCT.description, title))
        if cls == CV.PublicOrganisation and (node, DCT.spatial, None) not in out:
            out.add((node, DCT.spatial, NUTS_BE))


def _type_values(out: rdflib.Graph, source: rdflib.Graph) -> None:
    """Code-list values as skos:Concept, territories as dct:Location, both with their labels."""
    concepts = {o for p in CONCEPT_PROPERTIES for o in out.objects(None, p) if isinstance(o, URIRef)}
    locations = {o for o in out.objects(None, DCT.spatial) if isinstance(o, URIRef)}
    for node, cls in [(c, SKOS.Concept) for c in concepts] + [(loc, DCT.Location) for loc in locations]:
        out.add((node, RDF.type, cls))
        for label in source.objects(node, SKOS.prefLabel):
            out.add((node, SKOS.prefLabel, label))
    if NUTS_BE in locations and (NUTS_BE, SKOS.prefLabel, None) not in out:
        for text, language in (("België", "nl"), ("Belgique", "fr"), ("Belgien", "de"), ("Belgium", "en")):
            out.add((NUTS_BE, SKOS.prefLabel, Literal(text, lang=language)))


def _local(node: URIRef) -> str:
    return str(node).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


FORMATS = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt", ".rdf": "xml"}


def write_graph(graph: rdflib.Graph, out: Path) -> None:
    """Serialise ``graph`` to ``out`` in the format its suffix names (Turtle otherwise), atomically."""
    write_atomic(out, graph.serialize(format=FORMATS.get(out.suffix.lower(), "turtle")))
