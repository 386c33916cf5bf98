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
