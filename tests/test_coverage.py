"""Analyses on data written by others are honest about coverage (issue 15): a catalogue without the
facts a kind reads gets "0 of N … see docs" per kind, in every format, never a clean bill of health."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

SEMIC = Path(__file__).parent / "data" / "reference" / "semic" / "cpsv-ap-3.2.0" / "example-public-service.ttl"
MODELS = Path(__file__).parent.parent / "models"


@pytest.fixture
def semic(tmp_path):
    shutil.copy(SEMIC, tmp_path / "example-public-service.ttl")
    return tmp_path


def _analyze(run, folder, *args) -> str:
    result = run("analyze", folder, "--no-validate", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_semic_example_is_reported_as_zero_coverage_not_all_clear_in_text(run, semic):
    text = _analyze(run, semic)
    assert "only-once-violation: 0 of 1 evidence items asked from applicants support a concept held in an " \
           "authentic source" in text
    assert "no finding of this kind means no data, not all clear (see docs/analyses.md#coverage)" in text
    last = text.rstrip().splitlines()[-1]
    assert last.startswith("no findings (10 of 11 kinds found no data to look at: only-once-violation,")
    assert last != "no findings"


def test_semic_example_coverage_in_json_and_sarif(run, semic):
    document = json.loads(_analyze(run, semic, "--format", "json"))
    assert document["findings"] == []
    coverage = {item["kind"]: item for item in document["coverage"]}
    assert coverage["only-once-violation"] == {
        "kind": "only-once-violation", "have": 0, "total": 1, "unit": "evidence items asked from applicants",
        "needs": "support a concept held in an authentic source (cv:supportsConcept, authsrc:hasSource)",
        "blind": True}
    assert coverage["automatic-granting-candidate"]["blind"] and coverage["automatic-granting-candidate"]["total"] == 1
    assert coverage["duplicate-service"]["have"] == 1 and not coverage["duplicate-service"]["blind"]
    sarif = json.loads(_analyze(run, semic, "--format", "sarif"))
    assert sarif["runs"][0]["properties"]["coverage"] == document["coverage"]


def test_semic_example_coverage_in_md_csv_junit_github(run, semic):
    md = _analyze(run, semic, "--format", "md")
    assert "No findings (10 of 11 kinds found no data" in md and "### Coverage" in md
    assert "| only-once-violation | 0 | 1 evidence items asked from applicants |" in md
    rows = list(csv.DictReader(io.StringIO(_analyze(run, semic, "--format", "csv"))))
    assert {r["code"]: r["value"] for r in rows if r["severity"] == "coverage"}["only-once-violation"] == "0/1"
    junit = ET.fromstring(_analyze(run, semic, "--format", "junit"))
    suite = next(s for s in junit.iter("testsuite") if s.get("name") == "coverage")
    assert suite.get("skipped") == "10" and junit.get("tests") == "12"
    skipped = [c.get("name") for c in suite.iter("testcase") if c.find("skipped") is not None]
    assert "only-once-violation" in skipped and "duplicate-service" not in skipped
    github = _analyze(run, semic, "--format", "github")
    assert "::notice title=coverage only-once-violation::only-once-violation: 0 of 1" in github


def test_a_model_written_for_eagraph_has_coverage_for_every_kind():
    from eagraph.analyses.model import AnalysisModel
    from eagraph.analyses.registry import coverage, kinds
    from eagraph.workspace import load

    found = coverage(AnalysisModel.build(load(MODELS, cache=False)), list(kinds()))
    assert [item.kind for item in found] == list(kinds())  # every kind declares what it needs
    assert not [item.kind for item in found if item.blind]
    only_once = found[0]
    assert only_once.kind == "only-once-violation" and 0 < only_once.have < only_once.total


def test_validate_reports_carry_no_coverage(run, semic):
    document = json.loads(run("validate", semic, "--format", "json").stdout)
    assert "coverage" not in document


@pytest.mark.parametrize("link", ["ex:req cv:hasSupportingEvidence ex:certificate .",
                                  "ex:certificate cv:supportsRequirement ex:req ."])
def test_evidence_linked_as_cccev_links_it_is_read(tmp_path, link):
    """CPSV-AP 3.2 / CCCEV 2.1 state a service's evidence on its requirement, not with cpsv:hasInput."""
    from eagraph.analyses.registry import analyze
    from eagraph.workspace import load
    from helpers import PREFIXES, write

    write(tmp_path, "model.ttl", PREFIXES + "@prefix authsrc: <http://vocab.belgif.be/ns/authsrc#> .\n" + f"""
ex:svc a cpsv:PublicService ; dct:title "Benefit"@en ; cv:holdsRequirement ex:req .
ex:req a cv:Requirement .
ex:certificate a cv:Evidence ; cv:supportsConcept ex:income .
ex:income a cv:InformationConcept ; authsrc:hasSource ex:register ; authsrc:isAuthoritative true .
ex:register a authsrc:DataSource .
{link}
""")
    findings = analyze(load(tmp_path, cache=False), ["only-once-violation"])
    assert [(f.code, f.subject.rsplit("/", 1)[-1]) for f in findings] == [("only-once-violation", "svc")]


def test_the_sites_findings_page_says_what_the_analyses_could_see(run, semic, tmp_path):
    result = run("site", "build", semic, "--out", tmp_path / "site", "--language", "en")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "en" / "findings.html").read_text()
    assert "What the analyses could see" in page
    row = page[page.index("Only-once violation</td>"):].split("</tr>", 1)[0]
    assert "0 / 1 evidence items asked from applicants <strong>(no data)</strong>" in row
