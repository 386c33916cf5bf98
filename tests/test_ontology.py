"""The eag: ontology: complete labels and definitions, every term the contract and models use."""

from __future__ import annotations

import re

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from eagraph.ontology import EAG, ONTOLOGY_PATH
from helpers import CONTRACT, MODELS, REPO

LANGUAGES = {"nl", "fr", "en"}


@pytest.fixture(scope="module")
def ontology():
    return rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")


def eag_terms(graph: rdflib.Graph) -> set[rdflib.URIRef]:
    kinds = (OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
             SKOS.Concept, SKOS.ConceptScheme)
    return {s for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(EAG)}


def test_every_term_has_label_and_definition_in_three_languages(ontology):
    terms = eag_terms(ontology)
    assert len(terms) >= 45
    for term in terms:
        labels = {o.language for p in (RDFS.label, SKOS.prefLabel) for o in ontology.objects(term, p)}
        definitions = {o.language for p in (RDFS.comment, SKOS.definition) for o in ontology.objects(term, p)}
        assert LANGUAGES <= labels, term
        assert LANGUAGES <= definitions, term


def test_every_eag_term_of_the_contract_and_the_models_is_defined(ontology):
    defined = {str(t)[len(EAG):] for t in eag_terms(ontology)}
    contract = set(re.findall(r"`eag:(\w+)`", CONTRACT.read_text(encoding="utf-8")))
    used = set()
    for path in MODELS.rglob("*.ttl"):
        used |= {str(t)[len(EAG):] for t in rdflib.Graph().parse(path).all_nodes() if str(t).startswith(EAG)}
    assert contract - defined == set()
    assert used - defined == set()


def test_concept_schemes(ontology):
    schemes = {"ServiceTypes": 5, "GrantingModes": 3, "ChannelTypes": 5, "GovernmentLevels": 4}
    for scheme, size in schemes.items():
        members = set(ontology.subjects(SKOS.inScheme, rdflib.URIRef(EAG + scheme)))
        assert len(members) == size, scheme
        assert set(ontology.objects(rdflib.URIRef(EAG + scheme), SKOS.hasTopConcept)) == members


def test_ontology_page_names_every_term(ontology):
    page = (REPO / "docs" / "ontology.md").read_text(encoding="utf-8")
    for term in eag_terms(ontology):
        assert f"eag:{str(term)[len(EAG):]}" in page, term
