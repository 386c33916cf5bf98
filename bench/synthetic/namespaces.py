"""The namespace of the generated nodes and the prefixes a generated file may declare."""

from __future__ import annotations


BASE = "https://w3id.org/eagraph/synthetic/"

#: Every prefix a file may use, in the order files declare them (each file declares only those it uses).
PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "org": "http://www.w3.org/ns/org#",
    "cv": "http://data.europa.eu/m8g/",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "authsrc": "http://vocab.belgif.be/ns/authsrc#",
    "eag": "https://w3id.org/eagraph/ns#",
    **{
        name: f"{BASE}{name}/"
        for name in (
            "authority", "service", "source", "agreement", "requirement", "concept", "evidence",
            "evidencetype", "output", "outputtype", "channel", "event", "rule", "process",
            "application", "capability", "activity", "territory",
        )
    },
}
