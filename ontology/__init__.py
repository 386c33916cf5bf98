"""The ``eag:`` ontology that eagraph ships, and the namespaces of the model contract.

The ontology file travels inside the wheel, so an installed eagraph knows its own terms (service
types, granting modes, channel types, government levels) wherever it runs.
"""

from pathlib import Path

ONTOLOGY_PATH = Path(__file__).with_name("eagraph.ttl")
#: The JSON-LD context of eagraph models (published at CONTEXT_URL).
CONTEXT_PATH = Path(__file__).with_name("context.jsonld")
CONTEXT_URL = "https://w3id.org/eagraph/context.jsonld"

EAG = "https://w3id.org/eagraph/ns#"

# The namespaces of the model contract (shared/design/vocabulary.md), plus the usual RDF ones.
PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "org": "http://www.w3.org/ns/org#",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "authsrc": "http://vocab.belgif.be/ns/authsrc#",
    "eag": EAG,
}


def compact(iri: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """``prefix:local`` for an IRI in a known namespace, else the IRI in angle brackets."""
    best = ""
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(namespace) > len(prefixes.get(best, "")):
            best = prefix
    if best:
        local = iri[len(prefixes[best]):]
        if local and all(c.isalnum() or c in "-_." for c in local) and not local.endswith("."):
            return f"{best}:{local}"
    return f"<{iri}>"


def namespace(prefix: str):
    """The rdflib ``Namespace`` of a contract prefix (``namespace("cv").hasChannel``), for code
    that builds graphs with rdflib (exports, importers)."""
    from rdflib import Namespace

    return Namespace(PREFIXES[prefix])


def new_graph(*prefixes: str):
    """An empty rdflib graph with the contract prefixes given bound (for readable output)."""
    from rdflib import Graph

    graph = Graph()
    for prefix in prefixes:
        graph.bind(prefix, PREFIXES[prefix])
    return graph
