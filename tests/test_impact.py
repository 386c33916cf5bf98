"""`impact`: everything that depends on a node, transitively, grouped by kind."""

from __future__ import annotations

import json
from pathlib import Path

from eagraph.analyses.impact import impact
from eagraph.analyses.model import AnalysisModel
from eagraph.workspace import load

MODEL = Path(__file__).parent / "data" / "analyses" / "impact"
T = "https://example.org/t/"


def short(result):
    return {kind: [(d.node.removeprefix(T), d.distance) for d in items] for kind, items in result.by_kind().items()}


def test_impact_of_a_regulation_follows_the_chain():
    result = impact(AnalysisModel.build(load(MODEL)), T + "act")
    assert result.kind == "regulation" and result.label == "The act"
    assert short(result) == {
        "information concept": [("concept", 1)],
        "process": [("process", 3)],
        "regulation": [("amendment", 1)],
        "requirement": [("requirement", 2)],
        "rule": [("rule", 1)],
        "service": [("service1", 2), ("service2", 3)],
    }


def test_impact_of_a_source_and_an_authority():
    model = AnalysisModel.build(load(MODEL))
    assert short(impact(model, T + "register")) == {
        "agreement": [("agreement", 1)], "evidence": [("evidence", 1)], "information concept": [("concept", 1)],
        "requirement": [("requirement", 2)], "service": [("service2", 2)]}
    agency = short(impact(model, T + "agency"))
    assert ("unrelated", 1) in agency["service"] and ("register", 1) in agency["data source"]
    assert impact(model, T + "act", max_distance=1).dependents[0].distance == 1
    assert impact(model, T + "unrelated").dependents == []


def test_impact_command_formats(run):
    result = run("impact", MODEL, T + "act", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["target"] == T + "act" and data["count"] == 7
    assert [d["node"] for d in data["dependents"]["service"]] == [T + "service1", T + "service2"]
    assert data["dependents"]["rule"][0] == {"node": T + "rule", "label": "The rule", "distance": 1,
                                            "via": T + "act", "predicate": "http://purl.org/vocab/cpsv#implements"}
    dot = run("impact", MODEL, f"<{T}act>", "--format", "dot").output
    assert dot.startswith("digraph impact {") and '-> n0 [label="implements"]' in dot
    text = run("impact", MODEL, T + "act").output
    assert text.startswith("The act <https://example.org/t/act> (regulation): 7 dependents")
    assert run("impact", MODEL, T + "nothing").exit_code == 2


def test_impact_takes_the_path_first_and_the_old_order_with_a_warning(run):
    new = run("impact", MODEL, T + "act")
    assert new.exit_code == 0 and new.stderr == ""
    old = run("impact", T + "act", MODEL)
    assert old.exit_code == 0 and old.stdout == new.stdout
    assert f"deprecated: write `eagraph impact {MODEL} {T}act`" in old.stderr


def test_impact_never_mangles_an_iri(run):
    missing = run("impact", MODEL, "https://example.org/t/nothing")
    assert missing.exit_code == 2 and "https://example.org/t/nothing is not in the model" in missing.stderr
    both = run("impact", "https://example.org/t/act", "https://example.org/t/nothing")
    assert both.exit_code == 2 and "https:/" + "example" not in both.stderr
    assert "https://example.org/t/act is an IRI, not a model's PATH" in both.stderr
    forgotten = run("impact", MODEL)
    assert forgotten.exit_code == 2 and "no IRI given" in forgotten.stderr


def _graph_by_definition(model):
    """The dependency graph as it was built whole (the definition ``dependents`` must keep): ArchiMate
    edges first, then every contract link, then the reversed ones, a later edge's predicate replacing
    an earlier one between the same two nodes."""
    import networkx as nx

    from eagraph.analyses.model import ARCHIMATE, ARCHIMATE_TARGET_DEPENDS, DEPENDS, DEPENDS_REVERSED
    from eagraph.ontology import EAG

    graph = nx.DiGraph()
    graph.add_nodes_from(model.types)
    for relationship in model.of_class(EAG + "ArchimateRelationship"):
        kind = model.archimate_types.get(relationship, "Association")
        for source in model.objects(relationship, EAG + "relationshipSource"):
            for target in model.objects(relationship, EAG + "relationshipTarget"):
                a, b = (target, source) if kind in ARCHIMATE_TARGET_DEPENDS else (source, target)
                if a != b:
                    graph.add_edge(a, b, predicate=ARCHIMATE + kind)
    graph.add_edges_from((s, o, {"predicate": p}) for s, by_predicate in model.links.items()
                         for p, objects in by_predicate.items() if p in DEPENDS for o in objects)
    graph.add_edges_from((o, s, {"predicate": p}) for s, by_predicate in model.links.items()
                         for p, objects in by_predicate.items() if p in DEPENDS_REVERSED for o in objects)
    return graph


#: Links that cross: two contract links between one pair, a contract link and an ArchiMate relationship
#: between another, a reversed link against a contract link, an ArchiMate relationship to itself.
CROSSED = """@prefix cv: <http://data.europa.eu/m8g/> .
@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix eag: <https://w3id.org/eagraph/ns#> .
@prefix authsrc: <http://vocab.belgif.be/ns/authsrc#> .
@prefix ex: <https://example.org/x/> .
ex:s a cpsv:PublicService ; cv:hasCompetentAuthority ex:o ; eag:executingAuthority ex:o ; cv:hasLegalResource ex:l .
ex:t a cpsv:PublicService ; eag:executingAuthority ex:o ; cv:hasCompetentAuthority ex:o .
ex:src authsrc:hasAgreement ex:agr ; eag:uses ex:agr .
ex:agr eag:uses ex:src .
ex:r1 a eag:ArchimateRelationship ; eag:archimateType "Serving" ; eag:relationshipSource ex:l ;
    eag:relationshipTarget ex:s .
ex:r2 a eag:ArchimateRelationship ; eag:archimateType "Association" ; eag:relationshipSource ex:s ;
    eag:relationshipTarget ex:l .
ex:r3 a eag:ArchimateRelationship ; eag:archimateType "Composition" ; eag:relationshipSource ex:o ;
    eag:relationshipTarget ex:o .
ex:r4 a eag:ArchimateRelationship ; eag:archimateType "Serving" ; eag:relationshipSource ex:o ;
    eag:relationshipTarget ex:t .
"""


def _models(tmp_path):
    from click.testing import CliRunner

    from eagraph.cli.main import cli
    from helpers import MODELS, bench_synthetic, write

    write(tmp_path, "crossed/model.ttl", CROSSED)
    yield "crossed", AnalysisModel.build(load(tmp_path / "crossed"))
    yield "example", AnalysisModel.build(load(MODELS))
    yield "impact", AnalysisModel.build(load(MODEL))
    archisurance = Path(__file__).parent / "data" / "reference" / "archimate" / "archisurance.xml"
    done = CliRunner().invoke(cli, ["import", "archimate", str(archisurance), "--out", str(tmp_path / "archi")])
    assert done.exit_code == 0, done.output
    yield "archisurance", AnalysisModel.build(load(tmp_path / "archi"))
    bench_synthetic().generate(tmp_path / "synthetic", services=300, seed=5)
    yield "synthetic", AnalysisModel.build(load(tmp_path / "synthetic"))


def test_each_nodes_dependents_are_its_edges_in_the_graph_built_whole(tmp_path, monkeypatch):
    """Impact reads what depends on a node per node (a regulation's page reads two steps, not the
    whole graph): the same nodes and links as the graph built whole, on the example model, an imported
    ArchiMate model (Archisurance) and a synthetic one."""
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    for name, model in _models(tmp_path):
        reference = _graph_by_definition(model)
        assert reference.number_of_edges() > 10, name
        for node in reference.nodes:
            expected = {u: reference.edges[u, node]["predicate"] for u in reference.predecessors(node)}
            assert model.dependents(node) == expected, (name, node)
        built = model.graph
        assert set(built.nodes) == set(reference.nodes), name
        assert {(a, b, d["predicate"]) for a, b, d in built.edges(data=True)} == \
            {(a, b, d["predicate"]) for a, b, d in reference.edges(data=True)}, name
