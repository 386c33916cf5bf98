"""The namespace of the generated nodes and the prefixes a generated file may declare."""

from __future__ import annotations

from eagraph.ontology import AUTHSRC, CPSV, CV, DCAT, DCT, EAG, ELI, ORG, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/eagraph/synthetic/"

#: Every prefix a file may use, in the order files declare them (each file declares only those it uses).
PREFIXES: dict[str, str] = {
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "dct": DCT,
    "dcat": DCAT,
    "org": ORG,
    "cv": CV,
    "cpsv": CPSV,
    "eli": ELI,
    "authsrc": AUTHSRC,
    "eag": EAG,
    **{
        name: f"{BASE}{name}/"
        for name in (
            "authority", "service", "source", "agreement", "requirement", "concept", "evidence",
            "evidencetype", "output", "outputtype", "channel", "event", "rule", "process",
            "application", "capability", "activity", "territory",
        )
    },
}
