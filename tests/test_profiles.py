"""--profile cpsv-ap-3.2 and cccev-2.1: the official SEMIC shapes, run as the standard means them."""

from __future__ import annotations

import pyshacl
import pytest
import rdflib
from rdflib.namespace import SH

from eagraph.validators.profiles import CODE_LISTS, TABLE_CLASSES
from eagraph.validators.validate import ValidationOptions, validate
from eagraph.workspace import load
from helpers import REFERENCE, SEMIC_PROFILES, write

SEMIC = SEMIC_PROFILES
EXAMPLE = REFERENCE / "semic" / "cpsv-ap-3.2.0" / "example-public-service.ttl"
OPTIONS = ValidationOptions(profiles=("cpsv-ap-3.2",), profile_dir=SEMIC)


def profile_findings(folder):
    return [f for f in validate(load(folder, cache=False), OPTIONS).findings if f.source == "cpsv-ap-3.2"]


def test_the_official_example_fails_only_where_it_breaks_the_standard(tmp_path):
    write(tmp_path, "example.ttl", EXAMPLE.read_text(encoding="utf-8"))
    found = {(f.subject.rsplit("/", 1)[-1], f.path.rsplit("/", 1)[-1], f.code.rsplit(":", 1)[-1], f.value)
             for f in profile_findings(tmp_path)}
    # The organisation lacks the identifier and title CPSV-AP requires; ex:federalreduction is
    # used as a concept but described nowhere. The code-list values (ATU, frequency, channel
    # types) no longer fail: eagraph types them as the shapes expect.
    assert found == {
        ("publicOrganisation1", "identifier", "MinCount", None),
        ("publicOrganisation1", "title", "MinCount", None),
        ("requirement1", "type", "Class", "<http://example.com/federalreduction>"),
    }


def test_same_results_as_pyshacl_with_rdfs_inference(tmp_path):
    write(tmp_path, "example.ttl", EXAMPLE.read_text(encoding="utf-8"))
    ours = {(f.subject, f.path, f.value) for f in profile_findings(tmp_path)}
    data = rdflib.Graph().parse(EXAMPLE)
    for value in {o for o in data.objects() if isinstance(o, rdflib.URIRef) and str(o).startswith(CODE_LISTS)}:
        data.add((value, rdflib.RDF.type, rdflib.SKOS.Concept))
        table = str(value).removeprefix(CODE_LISTS[0]).split("/", 1)[0]
        if table in TABLE_CLASSES:
            data.add((value, rdflib.RDF.type, rdflib.URIRef(TABLE_CLASSES[table])))
    vocabulary = rdflib.Graph().parse(SEMIC / "cpsv-ap-3.2.0" / "cpsv-ap.ttl")
    vocabulary.parse(SEMIC / "cccev-2.1.0" / "cccev.ttl")
    _, report, _ = pyshacl.validate(data, shacl_graph=rdflib.Graph().parse(SEMIC / "cpsv-ap-3.2.0" / "cpsv-ap-SHACL.ttl"),
                                    ont_graph=vocabulary, inference="rdfs")
    theirs = {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)),
               report.value(r, SH.value).n3() if report.value(r, SH.value) is not None else None)
              for r in report.subjects(rdflib.RDF.type, SH.ValidationResult)}
    assert ours == theirs


def test_an_example_correct_under_cpsv_ap_conforms(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "ex:publicOrganisation1 skos:prefLabel",
        'ex:publicOrganisation1 dct:identifier "0308357159" ; dct:title "FPS Finance"@en ; skos:prefLabel')
    text += "\nex:federalreduction a skos:Concept ; skos:prefLabel \"Federal tax reduction\"@en .\n"
    write(tmp_path, "example.ttl", text)
    assert profile_findings(tmp_path) == []


def test_missing_profile_files_are_named(tmp_path, run):
    write(tmp_path, "model/example.ttl", EXAMPLE.read_text(encoding="utf-8"))
    result = run("validate", tmp_path / "model", "--profile", "cpsv-ap-3.2", "--profile-dir", tmp_path)
    assert result.exit_code == 2
    assert "cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl" in result.stderr and "cccev-2.1.0/cccev.ttl" in result.stderr


def test_unknown_profile_is_a_clear_error(tmp_path, run):
    write(tmp_path, "example.ttl", EXAMPLE.read_text(encoding="utf-8"))
    result = run("validate", tmp_path, "--profile", "dcat-ap", "--profile-dir", SEMIC)
    assert result.exit_code == 2 and "unknown profile 'dcat-ap'" in result.stderr


def test_profile_findings_can_be_suppressed_by_their_derived_code(tmp_path, run):
    code = "CPSV-AP-3.2:AgentShape/6c7c1bd2:MinCount"
    write(tmp_path, "eagraph.toml", f'[validate]\nsuppress = [{{ rule = "{code}", reason = "in the CBE" }}]\n')
    write(tmp_path, "example.ttl", EXAMPLE.read_text(encoding="utf-8"))
    result = run("validate", tmp_path, "--profile", "cpsv-ap-3.2", "--profile-dir", SEMIC, "--format", "json")
    assert code not in result.stdout and "CPSV-AP-3.2:AgentShape/96cdcbb0:MinCount" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_profile_runs_from_the_command_line(tmp_path, run, fmt):
    write(tmp_path, "example.ttl", EXAMPLE.read_text(encoding="utf-8"))
    result = run("validate", tmp_path, "--profile", "cpsv-ap-3.2", "--profile-dir", SEMIC, "--format", fmt)
    assert result.exit_code == 1 and "CPSV-AP-3.2:RequirementShape" in result.stdout


def test_profiles_run_with_the_shapes_eagraph_ships(tmp_path, run):
    """Right after installing, with no --profile-dir: the SEMIC files are package data."""
    write(tmp_path, "example.ttl", EXAMPLE.read_text(encoding="utf-8"))
    result = run("validate", tmp_path, "--profile", "cpsv-ap-3.2", "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert "CPSV-AP-3.2:AgentShape/96cdcbb0:MinCount" in result.stdout


def test_cccev_profile_finds_what_the_cccev_shapes_find(tmp_path, run):
    example = REFERENCE / "semic" / "cccev-2.1.0" / "example-rdf_entitlement_to_marry.ttl"
    write(tmp_path, "example.ttl", example.read_text(encoding="utf-8"))
    ok = run("validate", tmp_path, "--profile", "cccev-2.1", "--format", "json")
    assert ok.exit_code in (0, 1), ok.stderr
    assert "CCCEV-2.1:" not in ok.stdout
    write(tmp_path, "broken.ttl", "@prefix cv: <http://data.europa.eu/m8g/> .\n"
          "<https://example.org/evidence> a cv:Evidence ; cv:supportsRequirement 'a text, not a requirement' .\n")
    broken = run("validate", tmp_path, "--profile", "cccev-2.1", "--format", "json")
    assert broken.exit_code == 1 and "CCCEV-2.1:" in broken.stdout
