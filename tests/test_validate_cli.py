"""`eagraph validate` as CI pipelines use it: formats, exit codes, suppressions, baselines,
--changed-since with real git."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from eagraph.validators.validate import ValidationOptions, validate
from eagraph.workspace import load
from helpers import MODELS, git, write

PREFIXES = """@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix eag: <https://w3id.org/eagraph/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix authority: <https://w3id.org/eagraph/be/authority/> .
@prefix service: <https://w3id.org/eagraph/be/service/> .
"""
AUTHORITY = PREFIXES + """
authority:fin a cv:PublicOrganisation ;
    skos:prefLabel "FOD Financiën"@nl , "SPF Finances"@fr ;
    dct:identifier "0308357159" ;
    eag:governmentLevel eag:Federal .
"""
GOOD_SERVICE = """
service:{name} a cpsv:PublicService ;
    dct:identifier "{identifier}" ;
    dct:title "Dienst {name}"@nl , "Service {name}"@fr ;
    dct:description "Een dienst."@nl , "Un service."@fr ;
    cv:hasCompetentAuthority authority:fin ;
    dct:type eag:Information .
"""
NO_FRENCH_TITLE = """
service:tax a cpsv:PublicService ;
    dct:identifier "FIN-TAX" ;
    dct:title "Belastingaangifte"@nl ;
    dct:description "Aangifte."@nl , "Déclaration."@fr ;
    cv:hasCompetentAuthority authority:fin ;
    dct:type eag:Information .
"""
SERVICE = "https://w3id.org/eagraph/be/service/tax"


@pytest.fixture
def model(tmp_path):
    root = tmp_path / "repo"
    write(root, "models/eagraph.toml", '[model]\nlanguages = ["nl", "fr"]\n')
    write(root, "models/authority.ttl", AUTHORITY)
    write(root, "models/services.ttl", PREFIXES + NO_FRENCH_TITLE + GOOD_SERVICE.format(name="ok", identifier="FIN-OK"))
    return root / "models"


def errors(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if ": error " in line]


def test_text_report_is_like_a_compiler_and_exit_code_1(model, run, monkeypatch):
    monkeypatch.chdir(model.parent)
    result = run("validate", "models")
    assert result.exit_code == 1
    assert errors(result) == ["models/services.ttl:10:1: error EAG003 service has no title in French"]
    assert result.stdout.rstrip().splitlines()[-1].startswith("1 error, ")


def test_a_dangling_link_is_one_error_at_its_statement_naming_the_target(model, run, monkeypatch):
    """A typo in a link target breaks the link rule (EAG090) and, by SHACL's letter, the property's
    class rule too: one mistake, one error, where the link is written."""
    monkeypatch.chdir(model.parent)
    write(model, "services.ttl", PREFIXES + GOOD_SERVICE.format(name="ok", identifier="FIN-OK").replace(
        "authority:fin ;", "authority:fni ;"))
    result = run("validate", "models")
    assert errors(result) == ["models/services.ttl:14:30: error EAG090 link target "
                              "https://w3id.org/eagraph/be/authority/fni is not defined in the model (it has no rdf:type)"]
    findings = json.loads(run("validate", "models", "--format", "json").stdout)["findings"]
    [finding] = [f for f in findings if f["value"] == "<https://w3id.org/eagraph/be/authority/fni>"]
    assert finding["path"] == "http://data.europa.eu/m8g/hasCompetentAuthority"
    assert finding["statement"] == {"file": "models/services.ttl", "line": 14, "column": 30}


def test_messages_in_dutch_and_french(model, run):
    assert "dienst heeft geen titel in het Frans" in run("validate", model, "--language", "nl").stdout
    assert "titre en français" in run("validate", model, "--language", "fr").stdout


def test_the_json_report_is_the_same_bytes_in_every_process(model, tmp_path):
    """A report kept in git or compared by CI must not change between two runs on the same model: the
    messages of a finding come in one language order, whatever order the shapes graph gives them in
    (which follows Python's string hashing, different in each process)."""
    reports = []
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-m", "eagraph", "validate", str(model), "--format", "json",
                               "--no-cache"], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONHASHSEED": seed, "EAGRAPH_CACHE_DIR": str(tmp_path / seed)})
        assert done.returncode == 1, done.stderr
        reports.append(done.stdout)
    assert list(json.loads(reports[0])["findings"][0]["messages"]) == ["en", "nl", "fr"]
    assert reports[0] == reports[1] == reports[2]


def test_clean_model_exits_0_and_fail_on_warning(model, run):
    write(model, "services.ttl", PREFIXES + GOOD_SERVICE.format(name="ok", identifier="FIN-OK"))
    clean = run("validate", model)
    assert clean.exit_code == 0, clean.stdout
    warned = run("validate", model, "--fail-on", "warning")
    assert warned.exit_code == 1  # a service without channel or legal basis is a warning
    assert "warning EAG024" in warned.stdout


def test_json_junit_sarif_outputs(model, run, tmp_path):
    data = json.loads(run("validate", model, "--format", "json").stdout)
    [finding] = [f for f in data["findings"] if f["severity"] == "error"]
    assert (finding["code"], finding["subject"], finding["file"], finding["line"]) == (
        "EAG003", SERVICE, "services.ttl", 10)
    run("validate", model, "--format", "junit", "--output", tmp_path / "report.xml")
    suites = ET.parse(tmp_path / "report.xml").getroot()
    assert int(suites.get("failures")) >= 1
    sarif = json.loads(run("validate", model, "--format", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    assert any(r["ruleId"] == "EAG003" and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 10
               for r in results)


def test_suppression_in_the_model_and_unused_suppression(model, run):
    text = (model / "services.ttl").read_text()
    write(model, "services.ttl", text.replace('dct:identifier "FIN-TAX" ;',
                                              'dct:identifier "FIN-TAX" ; eag:suppress "EAG003" ; '
                                              'eag:suppressionReason "abolished next month" ;'))
    result = run("validate", model)
    assert result.exit_code == 0
    assert "EAG003" not in result.stdout
    write(model, "services.ttl", PREFIXES + GOOD_SERVICE.format(name="ok", identifier="FIN-OK").replace(
        "dct:type eag:Information .", 'dct:type eag:Information ; eag:suppress "EAG003" .'))
    stale = run("validate", model, "--fail-on", "warning")
    assert "warning EAG900 suppression of EAG003 is unused" in stale.stdout


def test_suppression_in_eagraph_toml(model, run):
    write(model, "eagraph.toml", '[model]\nlanguages = ["nl", "fr"]\n[validate]\n'
          f'suppress = [{{ rule = "EAG003", node = "{SERVICE}", reason = "known" }}]\n')
    assert run("validate", model).exit_code == 0


def test_baseline_matches_by_rule_and_node_not_by_line(model, run, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run("validate", model, "--write-baseline", baseline).exit_code == 0
    assert json.loads(baseline.read_text())["findings"][0]["code"] == "EAG003"
    # Move everything down, reformat: still known.
    write(model, "services.ttl", "# moved\n\n\n" + (model / "services.ttl").read_text().replace(" ;\n", ";\n"))
    assert run("validate", model, "--baseline", baseline).exit_code == 0
    # A new problem on another node is reported.
    write(model, "more.ttl", PREFIXES + NO_FRENCH_TITLE.replace("service:tax", "service:vat").replace("FIN-TAX", "FIN-VAT"))
    result = run("validate", model, "--baseline", baseline)
    assert result.exit_code == 1
    assert errors(result) and all("more.ttl" in line for line in errors(result))


def test_broken_baseline_and_shapes_are_clear_errors(model, run, tmp_path):
    (tmp_path / "bad.json").write_text("{nope")
    result = run("validate", model, "--baseline", tmp_path / "bad.json")
    assert result.exit_code == 2 and "not an eagraph baseline" in result.stderr
    (tmp_path / "bad.ttl").write_text("this is not turtle")
    result = run("validate", model, "--shapes", tmp_path / "bad.ttl")
    assert result.exit_code == 2 and "bad.ttl" in result.stderr and "Traceback" not in result.stderr
    result = run("validate", model, "--shapes", tmp_path / "missing.ttl")
    assert result.exit_code == 2 and "shapes file not found" in result.stderr


def test_organisation_shapes_get_derived_codes(model, run, tmp_path):
    shapes = write(tmp_path, "ours.ttl", """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix ex: <https://example.org/shapes#> .
ex:ServiceNeedsChannel a sh:NodeShape ; sh:targetClass cpsv:PublicService ;
    sh:property ex:channel .
ex:channel sh:path <http://data.europa.eu/m8g/hasChannel> ; sh:minCount 1 .
ex:ShortIdentifiers a sh:NodeShape ; sh:targetClass cpsv:PublicService ;
    sh:property [ sh:path <http://purl.org/dc/terms/identifier> ; sh:pattern "^[A-Z]{3}-[A-Z]{2}$" ] .
""")
    result = run("validate", model, "--shapes", shapes)
    assert "error ORG:channel:MinCount cv:hasChannel is missing" in result.stdout
    assert "dct:identifier FIN-TAX does not match ^[A-Z]{3}-[A-Z]{2}$" in result.stdout
    dutch = run("validate", model, "--shapes", shapes, "--language", "nl").stdout
    assert "cv:hasChannel ontbreekt" in dutch and "dct:identifier FIN-TAX volgt het patroon ^[A-Z]{3}-[A-Z]{2}$ niet" in dutch


def test_changed_since_gives_the_full_run_findings_for_the_changed_nodes(model):
    repo = model.parent
    other_authority = AUTHORITY.replace("authority:fin", "authority:eco").replace("0308357159", "0314595348")
    other = NO_FRENCH_TITLE.replace("service:tax", "service:old").replace("FIN-TAX", "FIN-OLD")
    far = NO_FRENCH_TITLE.replace("service:tax", "service:far").replace("FIN-TAX", "FIN-FAR")
    write(model, "other.ttl", other_authority + (other + far).replace("authority:fin", "authority:eco"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "start")
    # One file changes: a new broken service, and an identifier that now collides with another file's.
    write(model, "services.ttl", PREFIXES + NO_FRENCH_TITLE + GOOD_SERVICE.format(name="ok", identifier="FIN-OLD"))
    from eagraph.validators.changes import load_changed

    part = load_changed(model, "HEAD", cache=False)
    assert part.changed_files == {"services.ttl"}
    only = part.nodes
    partial = validate(part.workspace, ValidationOptions(only_nodes=only)).findings
    full = validate(load(model, cache=False)).findings
    assert {f.fingerprint for f in partial} == {f.fingerprint for f in full if f.subject in only}
    # The identifier that now collides is reported on both services, also the one in the unchanged file.
    assert {f.subject.rsplit("/", 1)[-1] for f in partial if f.code == "EAG091"} == {"ok", "old"}
    # A service that nothing in the change touches is not checked, though a full run reports it.
    assert "https://w3id.org/eagraph/be/service/far" not in only
    assert any(f.subject.endswith("/far") and f.code == "EAG003" for f in full)


def test_changed_since_outside_git_is_a_clear_error(model, run):
    result = run("validate", model, "--changed-since", "HEAD")
    assert result.exit_code == 2 and "git" in result.stderr


def test_a_syntax_error_is_a_finding_in_every_format_and_exit_2(model, run, monkeypatch):
    """CI shows a broken file where it shows every other finding: `-o x.sarif` is written with the
    error as a result at its line, named relative to where the command runs, like findings."""
    monkeypatch.chdir(model.parent)
    write(model, "sub/broken.ttl", PREFIXES + "service:x a cpsv:PublicService ;\n    dct:title .\n")
    result = run("validate", "models", "--format", "sarif", "-o", "x.sarif")
    assert result.exit_code == 2
    [sarif_result] = json.loads((model.parent / "x.sarif").read_text())["runs"][0]["results"]
    assert sarif_result["ruleId"] == "EAG901" and sarif_result["level"] == "error"
    assert sarif_result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "models/sub/broken.ttl", "uriBaseId": "MODELROOT"},
        "region": {"startLine": 10, "startColumn": 15}}
    github = run("validate", "models", "--format", "github")
    assert github.exit_code == 2
    assert github.stdout.startswith(
        "::error file=models/sub/broken.ttl,line=10,col=15,title=EAG901::expected an object")
    [finding] = json.loads(run("validate", "models", "--format", "json").stdout)["findings"]
    assert (finding["code"], finding["file"], finding["line"]) == ("EAG901", "models/sub/broken.ttl", 10)
    junit = ET.fromstring(run("validate", "models", "--format", "junit").stdout)
    assert junit.get("failures") == "1" and junit.find(".//testcase").get("file") == "models/sub/broken.ttl"
    text = run("validate", "models")
    assert text.exit_code == 2
    assert text.stdout.splitlines()[:3] == [
        "models/sub/broken.ttl:10:15: error EAG901 expected an object (an IRI, a literal or a blank node), found '.'",
        "        dct:title .", "                  ^"]


def test_an_unreadable_folder_is_a_finding_on_the_folder(model, run, monkeypatch):
    import os
    from pathlib import Path

    monkeypatch.chdir(model.parent)
    write(model, "private/a.ttl", AUTHORITY)
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if Path(path).name == "private" else real_scandir(path))
    result = run("validate", "models", "--format", "sarif")
    assert result.exit_code == 2
    [sarif_result] = json.loads(result.stdout)["runs"][0]["results"]
    assert sarif_result["ruleId"] == "EAG902"
    assert sarif_result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "models/private/", "uriBaseId": "MODELROOT"}}  # no region: the whole folder
    assert "models/private/: error EAG902 cannot read the folder" in run("validate", "models").stdout


def test_validate_reads_each_model_file_once(run, tmp_path, monkeypatch):
    """The check step reads the files to key its results and the load parses that same reading: at
    10,000 services a second scan and read of 2,475 files cost 0.3 s."""
    import shutil

    from eagraph.workspace import workspace as loading

    shutil.copytree(MODELS, tmp_path / "models")
    reads = []
    read_files = loading.read_files
    monkeypatch.setattr(loading, "read_files", lambda sources: reads.append(1) or read_files(sources))
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    result = run("validate", tmp_path / "models", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []
    assert len(reads) == 1
