"""Exports others read: CPSV-AP 3.2.0 that SEMIC's own shapes accept, and JSON-LD that reads back
to the same graph."""

from __future__ import annotations

import json
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from eagraph.generators.cpsv_ap import export_cpsv_ap
from eagraph.generators.jsonld import export_jsonld
from eagraph.validators.validate import ValidationOptions, validate
from eagraph.workspace import load
from helpers import MODELS, SEMIC_PROFILES

CPSV_AP = SEMIC_PROFILES / "cpsv-ap-3.2.0"
ANALYSES = Path(__file__).parent / "data" / "analyses"


def test_cpsv_ap_export_of_the_example_model_reads_alike_without_reasoning_and_fails_where_the_model_does():
    graph = export_cpsv_ap(load(MODELS))
    shapes = rdflib.Graph().parse(CPSV_AP / "cpsv-ap-SHACL.ttl")
    vocabulary = rdflib.Graph().parse(CPSV_AP / "cpsv-ap.ttl")
    results = {}
    for inference in ("none", "rdfs"):  # the superclasses are written out, for a consumer that does no reasoning
        _, report, _ = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=vocabulary, inference=inference)
        results[inference] = {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)),
                               str(report.value(r, SH.sourceConstraintComponent)))
                              for r in report.subjects(rdflib.RDF.type, SH.ValidationResult)}
    assert results["none"] == results["rdfs"]
    # What remains is the model's own: its authorities say nowhere where they operate (no dct:spatial),
    # and the export no longer places them in Belgium for it.
    own = {(f.subject, f.path, f.extra["component"])
           for f in validate(load(MODELS), ValidationOptions(profiles=("cpsv-ap-3.2",))).findings
           if f.source == "cpsv-ap-3.2"}
    assert results["rdfs"] <= own
    assert {path for _, path, _ in results["rdfs"]} <= {"http://purl.org/dc/terms/spatial"}


def test_cpsv_ap_export_keeps_the_public_service_part_only():
    graph = export_cpsv_ap(load(MODELS))
    types = {str(o).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for o in graph.objects(None, rdflib.RDF.type)}
    assert {"PublicService", "PublicOrganisation", "LifeEvent", "Evidence", "Output", "Dataset"} <= types
    assert not types & {"Process", "ProcessStep", "ApplicationComponent", "Capability", "Agreement", "DataSource"}
    assert not any(str(p).startswith("https://w3id.org/eagraph/ns#") for p in graph.predicates())
    legal_aid = rdflib.URIRef("https://w3id.org/eagraph/be/service/legal-aid")
    assert (legal_aid, rdflib.URIRef("http://purl.org/dc/terms/identifier"), rdflib.Literal("JUS-002")) in graph


def test_jsonld_reads_back_as_the_same_graph_and_as_plain_json(tmp_path):
    workspace = load(MODELS)
    text = export_jsonld(workspace)
    assert isomorphic(workspace.rdflib_graph(), rdflib.Graph().parse(data=text, format="json-ld"))
    nodes = {node["id"]: node for node in json.loads(text)["@graph"]}
    service = nodes["https://w3id.org/eagraph/be/service/legal-aid"]
    assert service["type"] == "PublicService" and service["title"]["nl"] == "Juridische tweedelijnsbijstand (pro-Deoadvocaat)"
    assert service["hasCompetentAuthority"] == "https://w3id.org/eagraph/be/authority/justice"
    assert export_jsonld(load(MODELS)) == text  # the same model gives the same document


def test_export_commands(run, tmp_path):
    assert run("export", "cpsv-ap", MODELS, "-o", tmp_path / "services.jsonld").exit_code == 0
    assert rdflib.Graph().parse(tmp_path / "services.jsonld", format="json-ld")
    result = run("export", "jsonld", MODELS, "-o", tmp_path / "model.jsonld", "--context-url",
                 "https://w3id.org/eagraph/context.jsonld")
    assert result.exit_code == 0
    assert json.loads((tmp_path / "model.jsonld").read_text())["@context"] == "https://w3id.org/eagraph/context.jsonld"


# -- the exporters' registry -----------------------------------------------------------------------
def test_the_export_subcommands_and_their_options_are_the_registrys():
    """`eagraph export` has one subcommand per registered exporter, with its help, and exactly its
    options (besides PATH, --out and the verbosity flags): nothing is wired by hand beside it."""
    import click

    from eagraph.cli.export import export_group
    from eagraph.generators.exporters import EXPORTERS

    assert sorted(export_group.commands) == sorted(EXPORTERS) == ["archimate", "cpsv-ap", "jsonld"]
    for name, exporter in EXPORTERS.items():
        command = export_group.commands[name]
        assert command.help == exporter.help
        options = {opt for p in command.params if isinstance(p, click.Option) for opt in p.opts}
        common = {"--out", "-o", "-q", "--quiet", "-v", "--verbose", "--as-of"}
        assert options == common | {o.flag for o in exporter.options}
        assert [p.name for p in command.params if isinstance(p, click.Argument)] == ["path"]


@pytest.mark.parametrize("name", ["archimate", "cpsv-ap", "jsonld"])
def test_every_exporter_writes_only_through_write_atomic(name, run, tmp_path, monkeypatch):
    """Every exporter's output reaches the disk through the one atomic writer: when it fails (a
    full disk), the command says so, exits 2 and leaves no file where the output belongs."""
    from eagraph.generators import exporters
    from eagraph.workspace.files import WriteError

    asked = []

    def failing(path, content, **options):
        asked.append((Path(path), type(content)))
        raise WriteError(Path(path), "no space left on device")

    monkeypatch.setattr(exporters, "write_atomic", failing)
    out = tmp_path / f"out{exporters.EXPORTERS[name].suffixes[0]}"
    result = run("export", name, ANALYSES / "services", "-o", out)
    assert result.exit_code == 2 and "no space left on device" in result.stderr
    assert asked == [(out, bytes)] and not out.exists() and list(tmp_path.iterdir()) == []
