"""Every namespace eagraph names, each defined once, and the prefixes of the model contract.

Each namespace is a plain ``str``: most of eagraph compares and concatenates IRIs as strings (the
store answers with pyoxigraph terms whose ``.value`` is a ``str``; the analyses, diff and the site
never touch rdflib), and a ``str`` costs no import. Code that builds rdflib graphs (the exporters and
importers) gets an rdflib ``Namespace`` made from the same string with
:func:`eagraph.ontology.namespace` (``namespace("cv").hasChannel``), so there is one definition of
each IRI whichever library reads it.
"""

from __future__ import annotations

# RDF and the W3C vocabularies
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"
ORG = "http://www.w3.org/ns/org#"
LOCN = "http://www.w3.org/ns/locn#"
ADMS = "http://www.w3.org/ns/adms#"
TIME = "http://www.w3.org/2006/time#"
FOAF = "http://xmlns.com/foaf/0.1/"
SCHEMA = "http://schema.org/"
#: schema.org as the CPSV-AP 2.1 JSON-LD context writes it
SCHEMA_HTTPS = "https://schema.org/"
# The EU's and Belgium's vocabularies, and eagraph's own
CPSV = "http://purl.org/vocab/cpsv#"
CV = "http://data.europa.eu/m8g/"
ELI = "http://data.europa.eu/eli/ontology#"
AUTHSRC = "http://vocab.belgif.be/ns/authsrc#"
EAG = "https://w3id.org/eagraph/ns#"
# XML namespaces of the ArchiMate exchange format (not RDF vocabularies)
ARCHIMATE = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
DC = "http://purl.org/dc/elements/1.1/"
XML = "http://www.w3.org/XML/1998/namespace"

#: The terms named in many modules.
RDF_TYPE = RDF + "type"
RDF_LANG_STRING = RDF + "langString"
XSD_STRING = XSD + "string"

#: The namespaces of the model contract (ontology/vocabulary.md), plus the usual RDF ones.
PREFIXES: dict[str, str] = {
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dct": DCT,
    "dcat": DCAT,
    "org": ORG,
    "cpsv": CPSV,
    "cv": CV,
    "eli": ELI,
    "authsrc": AUTHSRC,
    "eag": EAG,
}

#: Every namespace IRI this module defines (the test that no other module defines one reads it).
ALL: frozenset[str] = frozenset({RDF, RDFS, OWL, XSD, SKOS, DCT, DCAT, ORG, LOCN, ADMS, TIME, FOAF, SCHEMA, SCHEMA_HTTPS,
                                 CPSV, CV, ELI, AUTHSRC, EAG, ARCHIMATE, XSI, DC, XML})
