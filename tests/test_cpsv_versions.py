"""The table of CPSV-AP's earlier names: each 3.2 name is real, each source is a real change-log row,
and mapping a 2.x graph renames what the table says, counts it, and keeps every statement."""

from __future__ import annotations

import re

from helpers import REFERENCE, SEMIC_PROFILES
from rdflib import Graph, URIRef

from eagraph.ontology.cpsv_versions import RENAMES, describe, map_earlier_names

CHANGELOGS = REFERENCE / "semic" / "cpsv-ap-changelogs"
CPSV_32 = SEMIC_PROFILES / "cpsv-ap-3.2.0"

OLD_CATALOGUE = """
@prefix cpsv: <http://purl.org/vocab/cpsv#> . @prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> . @prefix schema: <http://schema.org/> .
<https://ex.org/ps/1> a cpsv:PublicService ; dct:title "Permit"@en ;
    cv:hasFormalFramework <https://ex.org/law/1>, <https://ex.org/law/2> ;
    cv:hasContactPoint <https://ex.org/cp/1> ; dct:relation <https://ex.org/ps/2>, <https://ex.org/law/1> .
<https://ex.org/ps/2> a cpsv:PublicService .
<https://ex.org/law/1> a cpsv:FormalFramework ; dct:relation <https://ex.org/law/2> .
<https://ex.org/law/2> a cpsv:FormalFramework .
<https://ex.org/cp/1> a schema:ContactPoint ; schema:email "a@ex.org" ; schema:openingHours "Mo-Fr 9-17" .
<https://ex.org/ev/1> a cv:LifeEvent ; dct:relation <https://ex.org/ps/1> .
"""


def test_every_new_name_is_a_cpsv_ap_32_term():
    text = "".join(path.read_text(encoding="utf-8") for path in CPSV_32.glob("*.ttl"))
    graph = Graph()
    for path in CPSV_32.glob("*.ttl"):
        graph.parse(path)
    terms = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    missing = [rename.new for rename in RENAMES if rename.new not in terms]
    assert not missing, f"not in SEMIC's CPSV-AP 3.2.0 files: {missing}"
    assert text


def test_every_unconditional_old_name_is_gone_from_cpsv_ap_32():
    graph = Graph()
    for path in CPSV_32.glob("*.ttl"):
        graph.parse(path)
    terms = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    unconditional = [r for r in RENAMES if not (r.subject_in or r.object_in or r.resources_only)]
    still = [rename.old for rename in unconditional if rename.old in terms]
    assert not still, f"these 'earlier' names are still CPSV-AP 3.2.0 terms: {still}"


def test_every_cited_change_log_row_exists():
    for rename in RENAMES:
        for version, rows in re.findall(r"(\d\.\d\.\d) ((?:[CRPD]\d+(?:-[CRPD]\d+)?(?:, )?)+)", rename.source):
            log = (CHANGELOGS / f"{version}.md").read_text(encoding="utf-8")
            for row in re.findall(r"[CRPD]\d+", rows):
                assert re.search(rf"^\| {row} +\|", log, re.M), f"{rename}: no row {row} in {version}.md"
        assert "changelog" in rename.source or "2.1 JSON-LD" in rename.source, rename


def test_the_21_json_ld_names_are_read_from_the_context():
    context = (REFERENCE / "semic" / "cpsv-ap-2.1" / "cpsv-ap-2.1.jsonld").read_text(encoding="utf-8")
    for rename in RENAMES:
        if "2.1 JSON-LD" in rename.source:
            assert f'"{rename.old}"' in context, rename


def test_a_2x_graph_is_mapped_counted_and_nothing_is_lost():
    old = Graph().parse(data=OLD_CATALOGUE, format="turtle")
    before = len(old)
    result = map_earlier_names(old)
    assert len(old) == before, "the input graph was changed"
    assert len(result.graph) == before
    counts = {str(rename): count for rename, count in result.counts.items()}
    assert counts == {
        "cv:hasFormalFramework → cv:hasLegalResource": 2,
        "cpsv:FormalFramework → eli:LegalResource": 2,
        "cv:hasContactPoint → cv:contactPoint": 1,
        "schema:ContactPoint → cv:ContactPoint": 1,
        "schema:email → cv:email": 1,
        "dct:relation → cv:relatedService": 1,
        "dct:relation → cv:hasRelatedService": 1,
    }
    mapped = result.graph.serialize(format="nt")
    cv = "http://data.europa.eu/m8g/"
    assert f"<https://ex.org/ps/1> <{cv}hasLegalResource> <https://ex.org/law/2>" in mapped
    assert f"<https://ex.org/ps/1> <{cv}relatedService> <https://ex.org/ps/2>" in mapped
    assert f"<https://ex.org/ev/1> <{cv}hasRelatedService> <https://ex.org/ps/1>" in mapped
    # related legal resources keep dct:relation (still 3.2); a text opening time keeps its 2.x name
    assert "<https://ex.org/law/1> <http://purl.org/dc/terms/relation> <https://ex.org/law/2>" in mapped
    assert "<https://ex.org/ps/1> <http://purl.org/dc/terms/relation> <https://ex.org/law/1>" in mapped
    assert '<http://schema.org/openingHours> "Mo-Fr 9-17"' in mapped
    assert "hasFormalFramework" not in mapped and "FormalFramework>" not in mapped


def test_describe_says_which_and_how_many():
    lines = describe(map_earlier_names(Graph().parse(data=OLD_CATALOGUE, format="turtle")).counts)
    assert lines[0].startswith("mapped 2 cpsv:FormalFramework → eli:LegalResource (2.1 JSON-LD")
    assert "mapped 2 cv:hasFormalFramework → cv:hasLegalResource (" in "\n".join(lines)
