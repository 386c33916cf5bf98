"""The ``eag:`` ontology that eagraph ships, and the namespaces of the model contract.

The ontology file travels inside the wheel, so an installed eagraph knows its own terms (service
types, granting modes, channel types, government levels) wherever it runs. Every namespace IRI is
defined once, in :mod:`eagraph.ontology.namespaces`, and exported from here.
"""

from pathlib import Path

from .iris import compact, local_name
from .loading import ONTOLOGY_GRAPH, ONTOLOGY_PATH, ensure_ontology
from .namespaces import (ADMS, ARCHIMATE, AUTHSRC, CPSV, CV, DC, DCAT, DCT, EAG, ELI, FOAF, LOCN, ORG, OWL,
                         PREFIXES, RDF, RDF_LANG_STRING, RDF_TYPE, RDFS, SCHEMA, SCHEMA_HTTPS, SKOS, TIME, XML, XSD,
                         XSD_STRING, XSI)

__all__ = ["ADMS", "ARCHIMATE", "AUTHSRC", "CONTEXT_PATH", "CONTEXT_URL", "CPSV", "CV", "DC", "DCAT", "DCT", "EAG",
           "ELI", "FOAF", "LOCN", "ONTOLOGY_GRAPH", "ONTOLOGY_PATH", "ORG", "OWL", "PREFIXES", "RDF", "RDF_LANG_STRING",
           "RDF_TYPE", "RDFS", "SCHEMA", "SCHEMA_HTTPS", "SKOS", "TIME", "XML", "XSD", "XSD_STRING", "XSI", "compact",
           "ensure_ontology", "local_name", "namespace", "new_graph"]

#: The JSON-LD context of eagraph models (published at CONTEXT_URL).
CONTEXT_PATH = Path(__file__).with_name("context.jsonld")
CONTEXT_URL = "https://w3id.org/eagraph/context.jsonld"


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
