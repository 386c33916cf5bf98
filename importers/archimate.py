"""``eagraph import archimate``: Turtle model files from an ArchiMate 3.1 Model Exchange File.

Elements and relationships that match the model contract become contract terms (a
BusinessService a ``cpsv:PublicService``, a BusinessActor a ``cv:PublicOrganisation``, the
Assignment of an actor to a service ``cv:hasCompetentAuthority`` …; the plan's work packages,
plateaus and gaps ``eag:Initiative``, ``eag:Plateau`` and ``eag:Gap`` with their links, as
``eagraph export archimate`` writes them). Everything else is kept: an
element the contract has no class for is an ``eag:ArchimateElement``, every relationship is also
kept as an ``eag:ArchimateRelationship`` with its source, target, type, names, documentation,
properties and attributes, and every element keeps its type and identifier. The model itself is an
``eag:ArchimateModel`` (name in its language, documentation, properties) whose parts, in the file's
order, are its metadata (Dublin Core), its organisation folders and its views (``eag:ArchimateView``):
every XML element below them (a view's nodes and their bounds, connections, bendpoints, styles, a
folder's items) is an ``eag:archimatePart`` with its tag, attributes, text and order, and what it
refers to (``elementRef``, ``relationshipRef``, ``identifierRef``, a ``viewRef``) is also an
``eag:archimateRef`` link, so that the site and ``impact`` know where an element is drawn. So
``eagraph export archimate`` gives back the same model: Archi stays the diagram editor.

The XML is read without network access and without entity expansion: a file that declares
entities (XXE, "billion laughs") is refused before anything is parsed.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef

from eagraph.ontology import ARCHIMATE, DC, XML, XSI, namespace, new_graph
from eagraph.workspace import EagraphError
from eagraph.workspace.xmlguard import XmlRefused, check_xml

EAG = namespace("eag")
CPSV = namespace("cpsv")
CV = namespace("cv")
DCT = namespace("dct")
SKOS = namespace("skos")

#: the namespaces in ElementTree's {namespace}name form
NS = f"{{{ARCHIMATE}}}"
XSI_TYPE = f"{{{XSI}}}type"
XML_LANG = f"{{{XML}}}lang"
DC_NS = f"{{{DC}}}"
#: attributes of a view's or folder's parts that name another item of the file
REFERENCES = ("elementRef", "relationshipRef", "identifierRef", "ref")
#: the model's children that are kept as parts, in the file's order (the rest is read above)
MODEL_PARTS = ("metadata", "organizations", "views")

#: ArchiMate element type -> (contract class, the property its names go in)
CLASSES = {
    "BusinessService": (CPSV.PublicService, DCT.title),
    "BusinessActor": (CV.PublicOrganisation, SKOS.prefLabel),
    "BusinessProcess": (EAG.Process, DCT.title),
    "ApplicationComponent": (EAG.ApplicationComponent, DCT.title),
    "BusinessObject": (CV.InformationConcept, SKOS.prefLabel),
    "Capability": (EAG.Capability, SKOS.prefLabel),
    "WorkPackage": (EAG.Initiative, DCT.title),
    "Plateau": (EAG.Plateau, DCT.title),
    "Gap": (EAG.Gap, DCT.title),
}
#: (relationship, source type, target type) -> (contract property, whether it runs target -> source)
LINKS = {
    ("Assignment", "BusinessActor", "BusinessService"): (CV.hasCompetentAuthority, True),
    ("Realization", "BusinessProcess", "BusinessService"): (EAG.realises, False),
    ("Realization", "ApplicationComponent", "Capability"): (EAG.supportsCapability, False),
    # the plan, as eagraph export archimate writes it ("*": any target without a link of its own)
    ("Assignment", "BusinessActor", "WorkPackage"): (EAG.initiativeOwner, True),
    ("Realization", "WorkPackage", "Plateau"): (EAG.leadsTo, False),
    ("Realization", "WorkPackage", "*"): (EAG.affects, False),
    ("Aggregation", "Plateau", "*"): (EAG.plateauIncludes, False),
    ("Association", "Plateau", "Gap"): (EAG.gapFrom, True),
    ("Association", "Gap", "Plateau"): (EAG.gapTo, False),
}
#: an element property that is a contract term of its type: (type, property name) -> predicate, datatype
PROPERTY_TERMS = {("WorkPackage", "dueDate"): (EAG.dueDate, XSD.date)}


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
    model = URIRef(base + root.get("identifier", "model"))
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
        link = LINKS.get((kind, types[source], types[target])) or LINKS.get((kind, types[source], "*"))
        if link:
            predicate, backwards = link
            a, b = (target, source) if backwards else (source, target)
            graph.add((URIRef(base + a), predicate, URIRef(base + b)))
    graph.add((model, RDF.type, EAG.ArchimateModel))
    _common(graph, model, root, None, DCT.title, definitions)
    _model_parts(graph, model, root, base, definitions)
    return graph


def _model_parts(graph: Graph, model: URIRef, root, base: str, definitions: dict) -> None:
    """The metadata, organisation folders and views, each a part of the model in the file's order."""
    order = 0
    for child in root:
        tag = _tag(child) if isinstance(child.tag, str) else None
        if tag not in MODEL_PARTS:
            continue
        if tag == "views":
            for view in child.iter(f"{NS}view"):
                node = URIRef(base + view.get("identifier")) if view.get("identifier") else BNode()
                graph.add((node, RDF.type, EAG.ArchimateView))
                _common(graph, node, view, view.get(XSI_TYPE), SKOS.prefLabel, definitions)
                _part(graph, model, node, view, order, base, skip=("name", "documentation", "properties"))
                order += 1
        else:
            _part(graph, model, BNode(), child, order, base)
            order += 1


def _part(graph: Graph, holder, node, item, order: int, base: str, skip: tuple[str, ...] = ()) -> None:
    """One XML element below the model kept as it is: tag, attributes, text, order and parts."""
    graph.add((holder, EAG.archimatePart, node))
    graph.add((node, EAG.archimateTag, Literal(_tag(item))))
    graph.add((node, EAG.archimateOrder, Literal(order, datatype=XSD.integer)))
    for attribute, value in sorted(item.attrib.items()):
        if attribute == XSI_TYPE:
            graph.set((node, EAG.archimateType, Literal(value)))
        elif attribute == "identifier":
            graph.set((node, EAG.archimateId, Literal(value)))
        elif not attribute.startswith("{"):
            graph.add((node, EAG.archimateAttribute, Literal(f"{attribute}={value}")))
            if attribute in REFERENCES:
                graph.add((node, EAG.archimateRef, URIRef(base + value)))
    if item.text and item.text.strip() and len(item) == 0:
        graph.add((node, EAG.archimateText, _literal(item)))
    number = 0
    for child in item:
        if not isinstance(child.tag, str) or _tag(child) in skip:
            continue  # comments and processing instructions; what _common kept
        identifier = child.get("identifier")
        _part(graph, node, URIRef(base + identifier) if identifier else BNode(), child, number, base)
        number += 1


def _tag(item) -> str:
    """An element's name: its local name in the ArchiMate namespace, dc:name for Dublin Core, else
    {namespace}name."""
    if item.tag.startswith(NS):
        return item.tag[len(NS):]
    if item.tag.startswith(DC_NS):
        return "dc:" + item.tag[len(DC_NS):]
    return item.tag


def _common(graph: Graph, node: URIRef, item, kind: str | None, name_property: URIRef, definitions: dict) -> None:
    if kind:
        graph.add((node, EAG.archimateType, Literal(kind)))
    if item.get("identifier"):
        graph.add((node, EAG.archimateId, Literal(item.get("identifier"))))
    for name in item.findall(f"{NS}name"):
        graph.add((node, name_property, _literal(name)))
    for documentation in item.findall(f"{NS}documentation"):
        graph.add((node, DCT.description, _literal(documentation)))
    for order, prop in enumerate(item.findall(f"{NS}properties/{NS}property")):
        holder = BNode()
        graph.add((node, EAG.archimateProperty, holder))
        graph.add((holder, EAG.archimateOrder, Literal(order, datatype=XSD.integer)))
        graph.add((holder, RDFS.label, Literal(definitions.get(prop.get("propertyDefinitionRef"))
                                               or prop.get("propertyDefinitionRef"))))
        term = PROPERTY_TERMS.get((kind, definitions.get(prop.get("propertyDefinitionRef"))))
        for value in prop.findall(f"{NS}value"):
            graph.add((holder, RDF.value, _literal(value)))
            if term:  # as written: validation names a value that is no date (EAG161)
                graph.add((node, term[0], Literal((value.text or "").strip(), datatype=term[1])))


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
