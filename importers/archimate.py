"""``eagraph import archimate``: Turtle model files from an ArchiMate 3.1 Model Exchange File.

Elements and relationships that match the model contract become contract terms (a
BusinessService a ``cpsv:PublicService``, a BusinessActor a ``cv:PublicOrganisation``, the
Assignment of an actor to a service ``cv:hasCompetentAuthority`` …). Everything else is kept: an
element the contract has no class for is an ``eag:ArchimateElement``, every relationship is also
kept as an ``eag:ArchimateRelationship`` with its source, target, type, names, documentation,
properties and attributes, and every element keeps its type and identifier, so that
``eagraph export archimate`` gives back the same elements, relationships, names, documentation and
properties. Views are not imported: the export draws them anew from the model.

The XML is read without network access and without entity expansion: a file that declares
entities (XXE, "billion laughs") is refused before anything is parsed.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef

from eagraph.ontology import namespace, new_graph
from eagraph.workspace import EagraphError
from eagraph.workspace.xmlguard import XmlRefused, check_xml

EAG = namespace("eag")
CPSV = namespace("cpsv")
CV = namespace("cv")
DCT = namespace("dct")
SKOS = namespace("skos")

NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: ArchiMate element type -> (contract class, the property its names go in)
CLASSES = {
    "BusinessService": (CPSV.PublicService, DCT.title),
    "BusinessActor": (CV.PublicOrganisation, SKOS.prefLabel),
    "BusinessProcess": (EAG.Process, DCT.title),
    "ApplicationComponent": (EAG.ApplicationComponent, DCT.title),
    "BusinessObject": (CV.InformationConcept, SKOS.prefLabel),
    "Capability": (EAG.Capability, SKOS.prefLabel),
}
#: (relationship, source type, target type) -> (contract property, whether it runs target -> source)
LINKS = {
    ("Assignment", "BusinessActor", "BusinessService"): (CV.hasCompetentAuthority, True),
    ("Realization", "BusinessProcess", "BusinessService"): (EAG.realises, False),
    ("Realization", "ApplicationComponent", "Capability"): (EAG.supportsCapability, False),
}


class ExchangeFileError(EagraphError):
    """An exchange file that cannot be imported; the message names the file and line."""


def read_exchange(path: Path) -> etree._Element:
    data = path.read_bytes()
    try:
        check_xml(data)  # the check every XML file passes: no DTD that can declare entities
    except XmlRefused as exc:
        raise ExchangeFileError(f"{path}:{exc.line}: {exc.message}") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ExchangeFileError(f"{path}:{exc.lineno}: not well-formed XML: {exc.msg}") from None
    if root.tag != f"{NS}model":
        raise ExchangeFileError(f"{path}:{root.sourceline}: <{etree.QName(root).localname}> is not an ArchiMate exchange "
                           f"model (expected <model> in {NS[1:-1]})")
    return root


def import_archimate(path: Path, base: str | None = None) -> Graph:
    root = read_exchange(path)
    base = base or f"https://w3id.org/eagraph/archimate/{root.get('identifier', 'model')}/"
    graph = new_graph("eag", "cpsv", "cv", "dct", "skos")
    graph.bind("el", base)
    definitions = {d.get("identifier"): _first_text(d, "name")
                   for d in root.iter(f"{NS}propertyDefinition")}
    types: dict[str, str] = {}
    for element in root.iter(f"{NS}element"):
        node = URIRef(base + _require(path, element, "identifier"))
        kind = _require(path, element, XSI_TYPE)
        types[element.get("identifier")] = kind
        cls, name_property = CLASSES.get(kind, (EAG.ArchimateElement, SKOS.prefLabel))
        graph.add((node, RDF.type, cls))
        _common(graph, node, element, kind, name_property, definitions)
    for relation in root.iter(f"{NS}relationship"):
        node = URIRef(base + _require(path, relation, "identifier"))
        kind = _require(path, relation, XSI_TYPE)
        source, target = _require(path, relation, "source"), _require(path, relation, "target")
        for end in (source, target):
            if end not in types:
                raise ExchangeFileError(f"{path}:{relation.sourceline}: relationship {relation.get('identifier')} refers to "
                                   f"{end}, which is no element of the file")
        graph.add((node, RDF.type, EAG.ArchimateRelationship))
        graph.add((node, EAG.relationshipSource, URIRef(base + source)))
        graph.add((node, EAG.relationshipTarget, URIRef(base + target)))
        _common(graph, node, relation, kind, SKOS.prefLabel, definitions)
        for attribute, value in sorted(relation.attrib.items()):
            if attribute not in ("identifier", "source", "target", XSI_TYPE):
                graph.add((node, EAG.archimateAttribute, Literal(f"{attribute}={value}")))
        link = LINKS.get((kind, types[source], types[target]))
        if link:
            predicate, backwards = link
            a, b = (target, source) if backwards else (source, target)
            graph.add((URIRef(base + a), predicate, URIRef(base + b)))
    return graph


def _common(graph: Graph, node: URIRef, item, kind: str, name_property: URIRef, definitions: dict) -> None:
    graph.add((node, EAG.archimateType, Literal(kind)))
    graph.add((node, EAG.archimateId, Literal(item.get("identifier"))))
    for name in item.findall(f"{NS}name"):
        graph.add((node, name_property, _literal(name)))
    for documentation in item.findall(f"{NS}documentation"):
        graph.add((node, DCT.description, _literal(documentation)))
    for prop in item.findall(f"{NS}properties/{NS}property"):
        holder = BNode()
        graph.add((node, EAG.archimateProperty, holder))
        graph.add((holder, RDFS.label, Literal(definitions.get(prop.get("propertyDefinitionRef"))
                                               or prop.get("propertyDefinitionRef"))))
        for value in prop.findall(f"{NS}value"):
            graph.add((holder, RDF.value, _literal(value)))


def _literal(element) -> Literal:
    language = element.get(XML_LANG)
    return Literal(element.text or "", lang=language) if language else Literal(element.text or "")


def _first_text(element, tag: str) -> str | None:
    found = element.find(f"{NS}{tag}")
    return found.text if found is not None else None


def _require(path: Path, element, attribute: str) -> str:
    value = element.get(attribute)
    if not value:
        shown = "xsi:type" if attribute == XSI_TYPE else attribute
        raise ExchangeFileError(f"{path}:{element.sourceline}: <{etree.QName(element).localname}> has no {shown}")
    return value
