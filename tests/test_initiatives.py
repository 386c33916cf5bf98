"""Initiatives and the findings of time: initiative-overdue and unowned-backlog on a small hand-written
model, with the exact findings expected, as of a fixed date."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eagraph.analyses.initiatives import UNOWNED_BACKLOG, Initiative, read_initiatives
from eagraph.analyses.model import AnalysisModel
from eagraph.analyses.registry import analyze, coverage
from eagraph.workspace import load
from helpers import PREFIXES, write

EX = "https://example.org/"
EAG = "https://w3id.org/eagraph/ns#"

MODEL = PREFIXES + """@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl , "SPF Finances"@fr .
ex:reg-a a eli:LegalResource ; dct:title "Wet A"@nl , "Loi A"@fr .
ex:reg-b a eli:LegalResource ; dct:title "Wet B"@nl , "Loi B"@fr .
ex:reg-c a eli:LegalResource ; dct:title "Wet C"@nl , "Loi C"@fr .

ex:late a eag:Initiative ; dct:title "Late"@en ; eag:dueDate "2020-01-01"^^xsd:date ;
    eag:initiativeStatus eag:InProgress ; eag:initiativeOwner ex:fin ; eag:affects ex:reg-a ;
    eag:resolves [ eag:findingKind "orphan-regulation" ; eag:findingSubject ex:reg-a ] .
ex:future a eag:Initiative ; dct:title "Future"@en ; eag:dueDate "2099-12-31"^^xsd:date ;
    eag:initiativeStatus eag:NotStarted ;
    eag:resolves [ eag:findingKind "orphan-regulation" ; eag:findingSubject ex:reg-b ] .
ex:finished a eag:Initiative ; dct:title "Finished"@en ; eag:dueDate "2020-01-01"^^xsd:date ;
    eag:initiativeStatus eag:Done ;
    eag:resolves [ eag:findingKind "orphan-regulation" ; eag:findingSubject ex:reg-c ] .
ex:dropped a eag:Initiative ; dct:title "Dropped"@en ; eag:dueDate "2021-03-01"^^xsd:date ;
    eag:initiativeStatus eag:Cancelled .
ex:nostatus a eag:Initiative ; dct:title "No status"@en ; eag:dueDate "2019-06-30"^^xsd:date .
ex:bare a eag:Initiative ; eag:dueDate "someday" .
"""


@pytest.fixture
def workspace(tmp_path):
    write(tmp_path, "model.ttl", MODEL)
    workspace = load(tmp_path, cache=False)
    workspace.as_of = date(2021, 1, 1)  # the date the model is read as of (--as-of)
    return workspace


def short(findings):
    return [(f.code, f.subject.removeprefix(EX), tuple(r.removeprefix(EX) for r in f.related), f.score)
            for f in findings]


def test_initiatives_are_read_with_their_facts(workspace):
    read = {i.iri: i for i in read_initiatives(workspace)}
    assert read[EX + "bare"] == Initiative(EX + "bare")  # a due date that is no date counts as none (EAG161 says so)
    late = read[EX + "late"]
    assert (late.due, late.status, late.owners, late.affects, late.resolves) == (
        date(2020, 1, 1), EAG + "InProgress", (EX + "fin",), (EX + "reg-a",),
        frozenset({("orphan-regulation", EX + "reg-a")}))


def test_overdue_initiatives_are_those_past_their_date_and_open(workspace):
    findings = analyze(workspace, ["initiative-overdue"])
    # 551 days late: 0.2 + 0.8 * 551 / 730; 366 days late: 0.2 + 0.8 * 366 / 730.
    assert short(findings) == [("initiative-overdue", "nostatus", (), 0.8038),
                               ("initiative-overdue", "late", ("fin", "reg-a"), 0.6011)]
    assert findings[1].message["en"] == (
        "Initiative “Late” was due on 2020-01-01 (366 days ago) and is in progress: "
        "finish it, or plan it again with a new eag:dueDate.")
    assert set(findings[1].message) == {"en", "nl", "fr"}
    assert findings[1].location is not None and findings[1].location.line > 0


def test_overdue_follows_the_date_the_model_is_read_as_of(workspace):
    workspace.as_of = date(2019, 7, 1)
    assert short(analyze(workspace, ["initiative-overdue"])) == [("initiative-overdue", "nostatus", (), 0.2011)]


def test_the_backlog_is_what_no_open_initiative_resolves(workspace):
    # Orphan regulations score 0.05 at directness 0.5; the backlog keeps the score as reported.
    # reg-a is owned by an open (if late) initiative, reg-b by a future one; reg-c's initiative is done
    # yet the regulation is still orphan: nobody owns it any more.
    assert short(analyze(workspace, ["unowned-backlog"])) == [("unowned-backlog", "reg-c", (), 0.025)]
    backlog = analyze(workspace, ["unowned-backlog"])[0]
    assert backlog.message["en"].startswith(
        "No open initiative resolves this orphan-regulation finding (eag:resolves): ")
    assert backlog.extra["finding_kind"] == "orphan-regulation" and backlog.location.line > 0
    both = analyze(workspace, ["orphan-regulation", "unowned-backlog"])
    assert sorted((f.code, f.subject.removeprefix(EX)) for f in both) == [
        ("orphan-regulation", "reg-a"), ("orphan-regulation", "reg-b"), ("orphan-regulation", "reg-c"),
        ("unowned-backlog", "reg-c")]
    # it repeats findings, so the default run (the site, diff, trend) leaves it out: each finding once
    assert "unowned-backlog" not in {f.code for f in analyze(workspace)}
    assert "initiative-overdue" in {f.code for f in analyze(workspace)}
    # called alone, the kind computes the other kinds' findings itself, and says the same
    assert short(UNOWNED_BACKLOG.findings(AnalysisModel.build(workspace))) == [
        ("unowned-backlog", "reg-c", (), 0.025)]


def test_min_score_applies_to_the_backlog_as_to_any_kind(workspace):
    assert analyze(workspace, ["unowned-backlog"], min_score=0.1) == []
    assert len(analyze(workspace, ["unowned-backlog"], min_score=0.02)) == 1


def test_no_plan_no_backlog_and_the_coverage_says_so(tmp_path):
    write(tmp_path, "model.ttl", PREFIXES + """@prefix eli: <http://data.europa.eu/eli/ontology#> .
ex:reg-c a eli:LegalResource ; dct:title "Wet C"@nl , "Loi C"@fr .
""")
    workspace = load(tmp_path, cache=False)
    assert analyze(workspace, ["unowned-backlog", "initiative-overdue"]) == []
    found = {c.kind: c for c in coverage(AnalysisModel.build(workspace), ["initiative-overdue", "unowned-backlog"])}
    assert found["unowned-backlog"].blind and found["initiative-overdue"].total == 0


def test_coverage_counts_initiatives(workspace):
    found = {c.kind: c for c in coverage(AnalysisModel.build(workspace), ["initiative-overdue", "unowned-backlog"])}
    assert (found["initiative-overdue"].have, found["initiative-overdue"].total) == (5, 6)
    assert (found["unowned-backlog"].have, found["unowned-backlog"].total) == (2, 6)


def test_analyze_command_reports_the_backlog(tmp_path, run):
    write(tmp_path, "model.ttl", MODEL)
    result = run("analyze", tmp_path, "--kind", "unowned-backlog", "--format", "json", "--no-validate")
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [(f["kind"], f["subject"]) for f in findings] == [("unowned-backlog", EX + "reg-c")]


def test_analyze_as_of_judges_what_is_late_on_that_day(tmp_path, run):
    write(tmp_path, "model.ttl", MODEL)

    def overdue(*args):
        result = run("analyze", tmp_path, "--kind", "initiative-overdue", "--format", "json", "--no-validate", *args)
        assert result.exit_code == 0, result.output
        return sorted((f["subject"].removeprefix(EX), f["score"]) for f in json.loads(result.stdout)["findings"])

    assert overdue("--as-of", "2019-01-01") == []
    assert overdue("--as-of", "2021-01-01") == [("late", 0.6011), ("nostatus", 0.8038)]
    # a day late for the future one; two years late and more for the others
    assert overdue("--as-of", "2100-01-01") == [("future", 0.2011), ("late", 1.0), ("nostatus", 1.0)]


def test_the_kinds_an_initiative_may_resolve_are_the_registrys():
    """EAG164 lists the kinds by name in the shapes; it must say what the registry says."""
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    from eagraph.analyses.registry import kinds
    from eagraph.validators.rule_codes import contract_rules
    from eagraph.validators.shape_reader import CONTRACT_SHAPES, read_shapes

    shape = contract_rules()["EAG164"].shape
    shapes = read_shapes([CONTRACT_SHAPES])
    listed = {str(item) for item in Collection(shapes, shapes.value(shape, SH["in"]))}
    assert listed == set(kinds()) - {"initiative-overdue", "unowned-backlog"}
