"""`--as-of DATE`: the model as it stands on a date, by its lifecycle dates (workspace/lifecycle.py).

The model below has lifecycles only (applications with phase dates, regulations with ELI's dates);
initiatives are another item's. Its expectations on three dates are worked out by hand:

- 2024-06-01: a-old and b in use (a-new only planned); old and ended in force (new, future not yet).
- 2026-09-01: a-old, a-new and b (phasing out) in use; only new in force (old repealed by new on
  2026-01-01, ended on 2025-01-01, future from 2029).
- 2030-01-01: only a-new in use (a-old retired 2027, b 2028); new and future in force.
"""

from __future__ import annotations

import datetime
import json

import pytest

from eagraph.workspace.lifecycle import in_force_on, in_use_on, parse_day, phase_on
from helpers import MODELS, write

MODEL = """@prefix authority: <https://example.org/authority/> .
@prefix application: <https://example.org/application/> .
@prefix capability: <https://example.org/capability/> .
@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix eag: <https://w3id.org/eagraph/ns#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix regulation: <https://example.org/regulation/> .
@prefix service: <https://example.org/service/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

authority:a a cv:PublicOrganisation ;
    skos:prefLabel "Dienst A"@nl , "Service A"@fr ;
    dct:identifier "0200.000.001" .

authority:b a cv:PublicOrganisation ;
    skos:prefLabel "Dienst B"@nl , "Service B"@fr ;
    dct:identifier "0200.000.002" .

capability:case-management a eag:Capability ;
    skos:prefLabel "Dossierbeheer"@nl , "Gestion des dossiers"@fr .

application:a-old a eag:ApplicationComponent ;
    dct:title "Oud systeem A"@nl , "Ancien système A"@fr ;
    eag:ownedBy authority:a ;
    eag:supportsCapability capability:case-management ;
    eag:activeFrom "2010-01-01"^^xsd:date ;
    eag:retiredFrom "2027-01-01"^^xsd:date .

application:a-new a eag:ApplicationComponent ;
    eag:ownedBy authority:a ;
    eag:supportsCapability capability:case-management ;
    eag:plannedFrom "2025-01-01"^^xsd:date ;
    eag:activeFrom "2026-07-01"^^xsd:date .

application:b a eag:ApplicationComponent ;
    dct:title "Systeem B"@nl , "Système B"@fr ;
    eag:ownedBy authority:b ;
    eag:supportsCapability capability:case-management ;
    eag:phasingOutFrom "2025-01-01"^^xsd:date ;
    eag:retiredFrom "2028-01-01"^^xsd:date .

regulation:old a eli:LegalResource ;
    dct:title "Oude wet"@nl , "Ancienne loi"@fr ;
    eli:first_date_entry_in_force "2000-01-01"^^xsd:date ;
    eli:repealed_by regulation:new .

regulation:new a eli:LegalResource ;
    dct:title "Nieuwe wet"@nl , "Nouvelle loi"@fr ;
    eli:first_date_entry_in_force "2026-01-01"^^xsd:date .

regulation:ended a eli:LegalResource ;
    dct:title "Afgeschafte wet"@nl , "Loi abrogée"@fr ;
    eli:date_no_longer_in_force "2025-01-01"^^xsd:date .

regulation:future a eli:LegalResource ;
    dct:title "Toekomstige wet"@nl , "Loi future"@fr ;
    eli:first_date_entry_in_force "2029-01-01"^^xsd:date .

service:permit a cpsv:PublicService ;
    dct:identifier "S-1" ;
    dct:title "Vergunning"@nl , "Permis"@fr ;
    dct:description "Een vergunning."@nl , "Un permis."@fr ;
    dct:type eag:Authorisation ;
    eag:grantingMode eag:OnRequest ;
    eag:annualCases 1000 ;
    cv:hasCompetentAuthority authority:a ;
    cv:hasLegalResource regulation:old , regulation:new .
"""

D1, D2, D3 = "2024-06-01", "2026-09-01", "2030-01-01"
EX = "https://example.org/"
#: Findings of the contract that do not depend on the date (no government level, enterprise
#: number check digits, no channel): listed so that the sets below are the whole report.
ALWAYS = {("EAG034", EX + "authority/a"), ("EAG038", EX + "authority/a"), ("EAG034", EX + "authority/b"),
          ("EAG038", EX + "authority/b"), ("EAG024", EX + "service/permit")}


@pytest.fixture
def model(tmp_path):
    write(tmp_path, "eagraph.toml", '[model]\nlanguages = ["nl", "fr"]\n')
    write(tmp_path, "model.ttl", MODEL)
    return tmp_path


def findings(run, command, path, *args):
    result = run(command, path, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def line_of(text: str) -> int:
    return next(n for n, line in enumerate(MODEL.splitlines(), 1) if line.startswith(text))


@pytest.mark.parametrize("day, legal, applications, per_authority", [
    (D1, 2, 2, {"a": 1, "b": 1}),
    (D2, 1, 3, {"a": 2, "b": 1}),
    (D3, 2, 1, {"a": 1, "b": 0}),
])
def test_info_as_of_three_dates(run, model, day, legal, applications, per_authority):
    result = run("info", model, "--as-of", day, "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    classes = summary["classes"]
    assert classes["http://data.europa.eu/eli/ontology#LegalResource"] == legal
    assert classes.get("https://w3id.org/eagraph/ns#ApplicationComponent", 0) == applications
    counts = {a["iri"].rsplit("/", 1)[1]: a["counts"].get("applications", 0) for a in summary["authorities"]}
    assert counts == per_authority


@pytest.mark.parametrize("day, expected", [
    (D1, set()),
    (D2, {("EAG140", EX + "application/a-new")}),
    (D3, {("EAG140", EX + "application/a-new")}),
])
def test_validate_as_of_three_dates(run, model, day, expected):
    found = findings(run, "validate", model, "--as-of", day)
    assert {(f["code"], f["subject"]) for f in found} == ALWAYS | expected
    for finding in found:  # positions are the files': leaving things out moves nothing
        if finding["subject"] == EX + "application/a-new":
            assert (finding["file"], finding["line"]) == ("model.ttl", line_of("application:a-new"))


@pytest.mark.parametrize("day, expected", [
    (D1, {("shared-capability", EX + "capability/case-management"), ("orphan-regulation", EX + "regulation/ended")}),
    (D2, {("shared-capability", EX + "capability/case-management")}),
    (D3, {("orphan-regulation", EX + "regulation/future")}),
])
def test_analyze_as_of_three_dates(run, model, day, expected):
    found = findings(run, "analyze", model, "--as-of", day, "--no-validate")
    assert {(f["kind"], f["subject"]) for f in found} == expected
    lines = {f["subject"]: f["line"] for f in found}
    if EX + "regulation/future" in lines:
        assert lines[EX + "regulation/future"] == line_of("regulation:future")


def test_without_as_of_everything_is_in_the_model(run, model):
    summary = json.loads(run("info", model, "--format", "json").stdout)
    assert summary["classes"]["http://data.europa.eu/eli/ontology#LegalResource"] == 4
    assert summary["classes"]["https://w3id.org/eagraph/ns#ApplicationComponent"] == 3


def test_query_sees_the_model_as_of_the_date_and_what_pointed_at_left_out_things_goes(run, model):
    sparql = "SELECT ?r WHERE { <https://example.org/service/permit> <http://data.europa.eu/m8g/hasLegalResource> ?r }"
    result = run("query", model, sparql, "--format", "csv", "--as-of", D1)
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["r", EX + "regulation/old"]


def test_phases_by_hand():
    day = datetime.date.fromisoformat
    dates = {"active": day("2020-01-01"), "phasing out": day("2025-01-01"), "retired": day("2027-01-01")}
    assert phase_on(dates, day("2019-12-31")) is None and not in_use_on(dates, day("2019-12-31"))
    assert phase_on(dates, day("2025-01-01")) == "phasing out" and in_use_on(dates, day("2025-01-01"))
    assert not in_use_on(dates, day("2027-01-01"))  # retired from that day on
    # known only by its end: in use before it, as it was active
    assert in_use_on({"retired": day("2027-01-01")}, day("1990-01-01"))
    assert not in_use_on({"planned": day("2025-01-01")}, day("2030-01-01"))  # planned, never active
    assert in_use_on({}, day("1900-01-01"))
    # two phases on one day: the later one holds
    assert not in_use_on({"active": day("2025-01-01"), "retired": day("2025-01-01")}, day("2025-01-01"))
    assert not in_force_on(day("2026-01-01"), None, [], day("2025-12-31"))
    assert in_force_on(None, day("2026-01-01"), [day("2020-01-01")], day("2025-12-31"))  # its own end wins
    assert not in_force_on(None, None, [day("2026-01-01")], day("2026-01-01"))
    assert parse_day("today", today=day("2026-05-05")) == day("2026-05-05")
    with pytest.raises(ValueError, match="not a date"):
        parse_day("31/12/2027")


def test_a_date_that_is_not_a_date_is_named_at_its_line_and_nothing_runs(run, tmp_path):
    write(tmp_path, "model.ttl", MODEL.replace('"2027-01-01"^^xsd:date', '"end of 2027"'))
    result = run("info", tmp_path, "--as-of", D1)
    assert result.exit_code == 2
    line = line_of('    eag:retiredFrom "2027')
    assert f"model.ttl:{line}:" in result.output
    assert 'eag:retiredFrom "end of 2027" is not an xsd:date' in result.output
    assert "Traceback" not in result.output
    found = run("validate", tmp_path, "--as-of", D1, "--format", "json")
    assert found.exit_code == 2
    assert [f["code"] for f in json.loads(found.stdout)["findings"]] == ["EAG150"]


@pytest.mark.parametrize("value", ["2027-13-01", "tomorrow", "1/1/2027"])
def test_a_bad_as_of_is_a_usage_error(run, model, value):
    result = run("info", model, "--as-of", value)
    assert result.exit_code == 2
    assert "--as-of" in result.output and "YYYY-MM-DD" in result.output


def test_diff_between_two_dates_lists_what_the_plan_changes(run, model):
    result = run("diff", "--as-of", D1, "--to", D3, model, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    status = {e["iri"]: e["status"] for e in report["entities"]}
    assert status == {
        EX + "application/a-old": "removed", EX + "application/b": "removed", EX + "application/a-new": "added",
        EX + "regulation/old": "removed", EX + "regulation/ended": "removed", EX + "regulation/new": "added",
        EX + "regulation/future": "added", EX + "service/permit": "changed",
    }
    assert run("diff", "--as-of", "today", "--to", D3, model, "--no-findings").exit_code == 0
    missing = run("diff", "--as-of", D1, model)
    assert missing.exit_code == 2 and "--to" in missing.output


def test_diff_of_the_example_models_plan(run):
    """The done-when, on a fixed first date so it stays true after 2027: the plan's changes."""
    result = run("diff", "--as-of", "2026-12-01", "--to", "2030-01-01", MODELS, "--no-findings")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("2026-12-01 → 2030-01-01: 3 added, 2 removed")
    repealed = "- regulation “Koninklijk besluit betreffende het gebruik van op afstand bestuurde luchtvaartuigen"
    for change in ("+ application “Mercurius 2", "- application “Mercurius (", "+ service “Digitaal rijbewijs",
                   "+ regulation “Ontwerp van koninklijk besluit", repealed):
        assert any(line.startswith(change) for line in lines), change
