"""The analyses: each finding kind exactly as the model contract defines it, on small hand-written
models (tests/data/analyses/), on the example model (its planted cases) and on a synthetic model
(its labels.json), and `eagraph analyze`."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from eagraph.analyses import structural
from eagraph.analyses.model import AnalysisModel
from eagraph.analyses.registry import Kind, analyze, kinds, rank, select
from eagraph.findings import Severity
from eagraph.workspace import load
from helpers import bench_synthetic

DATA = Path(__file__).parent / "data" / "analyses"
MODELS = Path(__file__).resolve().parents[1] / "models"
T = "https://example.org/t/"
BE = "https://w3id.org/eagraph/be/"
MINE = [kind.name for kind in structural.KINDS]


def found(folder: str, *names: str) -> dict[tuple[str, str], set[str]]:
    """(kind, subject) -> related, with the example.org prefix dropped."""
    findings = analyze(load(DATA / folder), list(names) or MINE)
    return {(f.code, f.subject.removeprefix(T)): {r.removeprefix(T) for r in f.related} for f in findings}


def by_subject(folder: str, kind: str):
    return {f.subject.removeprefix(T): f for f in analyze(load(DATA / folder), [kind])}


# -- the registry -------------------------------------------------------------------------------
def test_every_kind_is_documented_once():
    known = kinds()
    assert MINE == ["only-once-violation", "automatic-granting-candidate", "proactive-granting-candidate",
                    "missing-agreement", "certificate-loop", "duplicate-data-collection", "shared-capability",
                    "orphan-regulation"]
    for name in MINE:
        kind = known[name]
        assert isinstance(kind, Kind) and kind.severity in (Severity.INFO, Severity.WARNING)
        assert kind.summary.endswith(".") and len(kind.summary) < 120
        for section in ("**What it finds.**", "**Why it matters.**", "**What to do.**"):
            assert section in kind.help, (name, section)
        assert kind.rule_info.code == name


def test_select_rejects_unknown_kinds():
    with pytest.raises(ValueError, match="unknown finding kind nope"):
        select(["nope"])


def test_every_finding_carries_its_kinds_name_and_severity(monkeypatch):
    """A kind's declared name and severity are those of its findings (SARIF levels, junit failures
    and the docs read the declaration): with every kind's name and severity changed in the
    registry, every finding of the example model carries the changed ones, and every kind finds."""
    from dataclasses import replace

    from eagraph.analyses import registry

    other = {Severity.INFO: Severity.WARNING, Severity.WARNING: Severity.INFO}
    changed = {f"x-{k.name}": replace(k, name=f"x-{k.name}", severity=other[k.severity]) for k in kinds().values()}
    monkeypatch.setattr(registry, "kinds", lambda: changed)
    findings = analyze(load(MODELS), list(changed), locate=False)
    assert {f.code for f in findings} == set(changed)
    assert all(f.severity is changed[f.code].severity and f.source == "analysis" for f in findings)


def test_the_registry_is_a_static_tuple_and_cheap_to_import():
    """Every kind is listed in one tuple (no module looked up by name), and importing it does not
    slow down every command: `eagraph` starts without numpy, scipy or scikit-learn."""
    import subprocess
    import sys

    from eagraph.analyses import registry

    assert isinstance(registry.KINDS, tuple) and list(kinds().values()) == list(registry.KINDS)
    assert len({k.name for k in registry.KINDS}) == len(registry.KINDS)
    code = "import sys, eagraph.cli.main; print(sorted({'numpy', 'scipy', 'sklearn'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr


# -- the kinds on small models ------------------------------------------------------------------
def test_services_model_exact_findings():
    assert found("services") == {
        ("only-once-violation", "legal-aid"): {"la-household", "household", "nr-source", "la-income", "income", "tax"},
        # DG HAN asks for it too: a violation, even though it may consult the register.
        ("only-once-violation", "dghan-allowance"): {"da-household", "household", "nr-source"},
        # DG HAN shares its parent's agreement: no missing agreement for it.
        ("missing-agreement", "legal-aid"): {"nr-source", "tax"},
        # DG HAN's attestation comes from its own parent: no loop. The city fetches (dct:isPartOf): not asked.
        ("certificate-loop", "legal-aid"): {"la-household", "household-cert"},
        ("duplicate-data-collection", "household"): {"legal-aid", "dghan-allowance"},
        # captured in a process step by a clerk: the city's process does not count as asking.
        ("duplicate-data-collection", "diploma"): {"dghan-allowance", "survey"},
    }


def test_services_model_explains_why():
    once = by_subject("services", "only-once-violation")["legal-aid"]
    assert once.message["en"] == (
        "“Legal aid” asks the applicant for a household composition certificate although the National Register "
        "already holds the household composition; the tax assessment notice although the tax assessments already "
        "holds the taxable income: fetch it from the authentic source instead (only-once principle).")
    assert once.message["nl"].startswith("“Juridische tweedelijnsbijstand” vraagt de aanvrager om een attest "
                                         "gezinssamenstelling hoewel Rijksregister gezinssamenstelling al bevat")
    assert once.message["fr"].startswith("« Aide juridique » demande au demandeur un certificat de composition de "
                                         "ménage alors que Registre national détient déjà composition de ménage")
    loop = by_subject("services", "certificate-loop")["legal-aid"]
    assert "which “Household composition certificate” (City of Leuven) produces" in loop.message["en"]
    missing = by_subject("services", "missing-agreement")["legal-aid"]
    assert "none of its authorities (FPS Justice) has an agreement" in missing.message["en"]
    assert by_subject("services", "duplicate-data-collection")["diploma"].message["en"] == (
        "2 services ask the applicant for the diploma: “Allowance” and “Survey”. Collect it once and share it.")
    assert once.location is not None and once.location.file == "model.ttl"
    assert all(f.source == "analysis" and 0 <= f.score <= 1 for f in analyze(load(DATA / "services"), MINE))


def test_granting_model_exact_findings():
    assert found("granting") == {
        ("automatic-granting-candidate", "auto"): {"register"},  # nested requirement and fetched evidence count
        ("automatic-granting-candidate", "executed"): {"register"},  # access of the executing authority counts
        ("proactive-granting-candidate", "pro"): {"x"},  # 3 of 4
        ("missing-agreement", "blind"): {"register"},
    }  # not: low (1 of 2, Y not authoritative), already Automatic, proposed Proactive, an Obligation, no concept


def test_granting_messages():
    pro = by_subject("granting", "proactive-granting-candidate")["pro"]
    assert pro.message["en"] == ("“Pro” is granted on request; 3 of the 4 facts it needs are in authentic sources "
                                 "its authority may consult, only fact X is missing: send the citizen a proposal "
                                 "to accept (proactive granting).")
    auto = by_subject("granting", "automatic-granting-candidate")["auto"]
    assert auto.message["en"].startswith("“Auto” is granted on request, but all 3 facts it needs (fact A, fact B "
                                         "and fact C) are in authentic sources")


def test_a_name_in_another_language_says_so(tmp_path):
    """A service titled only in Dutch is named in the English message with its language, never
    passed off as English; the Dutch message names it plainly."""
    import shutil

    shutil.copytree(DATA / "granting", tmp_path / "granting")
    for path in (tmp_path / "granting").glob("*.ttl"):
        path.write_text(path.read_text(encoding="utf-8").replace('dct:title "Pro"@en', 'dct:title "Proactief"@nl'),
                        encoding="utf-8")
    pro = next(f for f in analyze(load(tmp_path / "granting"), ["proactive-granting-candidate"])
               if f.subject == T + "pro")
    assert pro.message["en"].startswith("“Proactief (nl)” is granted on request")
    assert pro.message["nl"].startswith("“Proactief” ")


def test_capabilities_and_regulations_exact_findings():
    assert found("capabilities") == {
        ("shared-capability", "documents"): {"dms1", "dms2"},
        ("shared-capability", "benefit-cases"): {"bcm1", "bcm3"},
        # not roads (a parent and its department), not cases (only the narrower one is shared)
        ("orphan-regulation", "amending"): set(),  # it changes another act, but nothing refers to it
        ("orphan-regulation", "forgotten"): set(),
        ("orphan-regulation", "selfish"): set(),  # a self-reference does not count
    }
    shared = by_subject("capabilities", "shared-capability")["documents"]
    assert shared.message["en"] == ("2 authorities (Authority 1 and Authority 2) each run their own application "
                                    "for document management (DMS 1 and DMS 2): candidate for a shared platform.")


# -- ranking ------------------------------------------------------------------------------------
def test_ranking_by_expected_benefit():
    findings = analyze(load(DATA / "granting"), MINE)
    assert [f.subject.removeprefix(T) for f in findings] == ["auto", "pro", "executed", "blind"]
    assert [f.score for f in findings] == sorted((f.score for f in findings), reverse=True)
    # more cases, more benefit; unknown cases count low but do not crash
    assert structural.volume([10_000_000]) == 1.0 and structural.volume([None]) == structural.UNKNOWN_VOLUME
    benefit = structural.benefit
    assert benefit([100], 1, 1) < benefit([100_000], 1, 1) < benefit([100_000], 3, 3) <= 1.0
    assert rank(reversed(findings)) == findings
    assert analyze(load(DATA / "granting"), MINE, min_score=0.5) == findings[:1]


def test_json_shape():
    from eagraph.reporters import ReportContext, render
    from eagraph.analyses.registry import rule_infos

    findings = analyze(load(DATA / "granting"), ["proactive-granting-candidate"])
    data = json.loads(render("json", findings, ReportContext("0", rule_infos(), command="analyze")))
    assert isinstance(data["findings"], list)
    (one,) = data["findings"]
    assert one["kind"] == one["code"] == "proactive-granting-candidate" and one["subject"] == T + "pro"
    assert one["related"] == [T + "x"] and one["severity"] == "info" and 0 < one["score"] <= 1
    assert set(one["messages"]) == {"en", "nl", "fr"} and one["message"] == one["messages"]["en"]
    assert one["file"] == "model.ttl" and one["line"] == 38


# -- the example model --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def example():
    findings = analyze(load(MODELS), MINE)
    grouped = defaultdict(dict)
    for f in findings:
        grouped[f.code][f.subject.removeprefix(BE)] = {r.removeprefix(BE) for r in f.related}
    return grouped


def test_a_certificate_several_services_produce_is_said_in_the_plural():
    loops = analyze(load(MODELS), ["certificate-loop"], locate=False)
    [loop] = [f for f in loops if f.subject == BE + "service/legal-aid"]
    assert "(City of Leuven and National Register) produce;" in loop.message["en"]
    assert "(Stad Leuven en Rijksregister (DG Identiteit en Burgerzaken)) afleveren;" in loop.message["nl"]


def test_example_model_counts(example):
    assert {kind: len(found) for kind, found in example.items()} == {
        "only-once-violation": 19, "automatic-granting-candidate": 8, "proactive-granting-candidate": 6,
        "missing-agreement": 6, "duplicate-data-collection": 15, "certificate-loop": 13,
        "shared-capability": 14, "orphan-regulation": 2}


def test_example_model_planted_cases(example):
    assert set(example["automatic-granting-candidate"]) == {f"service/{s}" for s in (
        "social-energy-tariff", "increased-reimbursement", "survivors-pension", "temporary-unemployment",
        "disabled-dependant-tax-supplement", "first-hires-reduction", "self-employed-maternity-aid",
        "adoption-allowance-wallonia")}
    assert example["proactive-granting-candidate"] == {f"service/{s}": {f"concept/{c}"} for s, c in (
        ("income-replacement-allowance", "reduced-earning-capacity"), ("integration-allowance", "reduced-autonomy"),
        ("income-guarantee-elderly", "grapa-resources"), ("heating-allowance", "heating-costs"),
        ("bridging-right", "cessation-cause"), ("maternity-allowance", "pregnancy"))}
    assert example["missing-agreement"] == {
        "service/family-reunification": {"source/tax-assessment", "source/nihdi-insurability"},
        "service/legal-aid": {"source/tax-assessment"}, "service/nationality-declaration": {"source/dimona"},
        "service/occupational-disease-compensation": {"source/pension-cadastre"},
        "service/residents-parking-permit": {"source/vehicle-register"},
        "service/social-integration-income": {"source/neo-benefit-register"}}
    once = example["only-once-violation"]
    assert {"evidence", "concept/household-composition", "source/national-register"} - {
        r.split("/")[0] if r.startswith("evidence/") else r for r in once["service/unemployment-benefits"]} == set()
    for service in ("war-victims-pension", "sworn-translator-registration", "pensioner-work-declaration",
                    "cbe-registration", "market-pitch-permit"):
        assert f"service/{service}" in once
    for service in ("labour-force-survey", "schengen-visa", "student-residence-authorisation", "residence-certificate",
                    "vat-registration", "employer-registration", "e-tendering"):
        assert f"service/{service}" not in once  # not authoritative, or fetched
    assert "service/war-victims-pension" not in example["certificate-loop"]  # its own sub-organisation
    assert "service/nationality-declaration" in example["certificate-loop"]
    for service in ("maximum-billing", "chronic-illness-status", "pensioners-holiday-allowance", "child-benefit-flanders",
                    "retirement-pension-ex-officio", "child-benefit-wallonia"):
        assert f"service/{service}" not in example["automatic-granting-candidate"]
        assert f"service/{service}" not in example["proactive-granting-candidate"]
    assert len(example["duplicate-data-collection"]["concept/photo"]) == 10
    assert len(example["duplicate-data-collection"]["concept/household-composition"]) == 7
    assert "capability/road-user-register-management" not in example["shared-capability"]
    assert "capability/case-management" not in example["shared-capability"]
    assert set(example["orphan-regulation"]) == {
        "http://www.ejustice.just.fgov.be/eli/wet/2010/05/19/2010014178/staatsblad",
        "http://www.ejustice.just.fgov.be/eli/wet/1994/04/11/1994000336/staatsblad"}


# -- a synthetic model: exactly its labels ------------------------------------------------------
@pytest.mark.slow
def test_synthetic_model_equals_labels(tmp_path):
    bench_synthetic().generate(tmp_path, 600, seed=3)
    labels = json.loads((tmp_path / "labels.json").read_text(encoding="utf-8"))
    want = {(f["kind"], f["subject"]): set(f["related"]) for f in labels["findings"] if f["kind"] in MINE}
    workspace = load(tmp_path)
    got = {(f.code, f.subject): set(f.related) for f in analyze(workspace, MINE, locate=False)}
    assert got == want
    assert {kind for kind, _ in want} == set(MINE)


# -- eagraph analyze ----------------------------------------------------------------------------
def test_analyze_command_text_starts_with_top_ten(run):
    result = run("analyze", DATA / "services", "--no-validate", *sum((["--kind", k] for k in MINE), []))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Top 6 of 6 (by expected benefit):\n  1. 0.69  only-once-violation")
    assert "All findings:" in result.output


def test_top_ten_ranks_direct_relief_first_and_shows_one_notion_once(run):
    result = run("analyze", MODELS, "--no-validate")
    top = result.output.split("All findings:")[0].splitlines()[1:11]
    kinds = [line.split()[2] for line in top]
    # What spares citizens a form or a request comes before what only prepares simplification: the
    # findings whose euros saved are known first, most euros first.
    assert kinds[0] in ("automatic-granting-candidate", "only-once-violation", "certificate-loop",
                        "duplicate-data-collection")
    euros = [f.savings.euros for f in analyze(load(MODELS)) if f.savings is not None]
    assert euros and euros == sorted(euros, reverse=True)
    assert "concept-harmonisation" not in kinds[:5] and "shared-capability" not in kinds[:5]
    harmonise = run("analyze", MODELS, "--no-validate", "--kind", "concept-harmonisation").output
    items = harmonise.split("All findings:")[0].splitlines()
    assert items[0] == "Top 3 of 10 (by expected benefit):"  # three notions, ten concepts
    assert "(3 findings, one for each concept)" in items[1] and "“Household composition”" in items[1]


def test_top_ten_speaks_the_language_of_the_report(run):
    result = run("analyze", MODELS, "--no-validate", "--kind", "concept-harmonisation", "--language", "fr")
    items = result.output.split("Tous les constats :")[0].splitlines()
    assert items[0] == "Top 3 sur 10 (par bénéfice attendu) :"
    assert items[1].endswith("harmonisez les 3 définitions (3 constats, un par concept)")
    assert "« Composition de ménage »" in items[1]


def test_analyze_command_json_and_md(run, tmp_path):
    result = run("analyze", DATA / "granting", "--format", "json", "--kind", "automatic-granting-candidate",
                 "--min-score", "0.5", "--no-validate")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [f["subject"] for f in data["findings"]] == [T + "auto"]
    result = run("analyze", DATA / "granting", "--format", "md", "--kind", "proactive-granting-candidate",
                 "-o", tmp_path / "report.md", "--no-validate")
    assert result.exit_code == 0
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("## Top 1\n")


def test_analyze_command_warns_when_the_model_does_not_validate(run):
    result = run("analyze", DATA / "granting", "--kind", "orphan-regulation")
    assert result.exit_code == 0
    assert "results may be incomplete" in result.output


def test_analyze_command_bad_kind(run):
    result = run("analyze", DATA / "granting", "--kind", "nope")
    assert result.exit_code == 2
    assert "unknown finding kind nope" in result.output


def test_model_build_is_shared():
    model = AnalysisModel.build(load(DATA / "services"))
    assert model.may_consult([T + "dghan"], T + "nr-source")  # through its parent's agreement
    assert not model.may_consult([T + "justice"], T + "nr-source")  # the integrator grants nothing
    assert not model.may_consult([T + "home"], T + "nr-source")  # a parent does not share its department's
    assert model.available_sources(T + "profession") == []
    assert model.group(T + "dghan") == frozenset({T + "socsec"})


def test_the_analysis_model_holds_each_node_and_property_once(tmp_path):
    """Memory (issue 16: the peak of ``analyze`` at 10,000 services): a node linked from many statements
    is one string in the model's indexes, not one per statement, and the labels' ranking used while
    building is not kept (together 95 -> 58 MiB for the 2,000-service model)."""
    (tmp_path / "m.ttl").write_text(
        "@prefix cpsv: <http://purl.org/vocab/cpsv#> .\n@prefix cv: <http://data.europa.eu/m8g/> .\n"
        "@prefix dct: <http://purl.org/dc/terms/> .\n"
        "<https://example.org/a> a cpsv:PublicService ; dct:title \"A\"@en ;"
        " cv:hasCompetentAuthority <https://example.org/authority> .\n"
        "<https://example.org/b> a cpsv:PublicService ; dct:title \"B\"@en ;"
        " cv:hasCompetentAuthority <https://example.org/authority> .\n", encoding="utf-8")
    model = AnalysisModel.build(load(tmp_path, cache=False))
    competent = "http://data.europa.eu/m8g/hasCompetentAuthority"
    (a,), (b,) = (model.links[s][competent] for s in ("https://example.org/a", "https://example.org/b"))
    assert a == b == "https://example.org/authority" and a is b
    (pa,), (pb,) = ([p for p in model.links[s]] for s in ("https://example.org/a", "https://example.org/b"))
    assert pa is pb
    assert model.label("https://example.org/a") == "A" and model._label_rank == {}


def test_the_models_links_are_tuples_each_key_once_even_from_a_union_of_graphs():
    """Memory (issue 16): the links of a built model are tuples, not a dict per (node, property) pair
    (120 bytes more each, a million pairs at 10,000 services); a store read as the union of its graphs,
    where two files state the same link, still gives that link once, in both directions."""
    import pyoxigraph as ox

    store = ox.Store()
    service, authority = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/authority")
    competent = ox.NamedNode("http://data.europa.eu/m8g/hasCompetentAuthority")
    for file in ("one", "two"):
        store.add(ox.Quad(service, competent, authority, ox.NamedNode(f"https://example.org/file/{file}")))
    model = AnalysisModel.build(store)
    assert model.links[service.value][competent.value] == (authority.value,)
    assert model.backlinks[authority.value][competent.value] == (service.value,)
    assert model.objects(service.value, competent.value) == [authority.value]


def test_a_model_labelled_for_some_classes_names_their_instances_as_the_whole_model_does():
    """The forked duplicate-service reads the labels of services alone (check/__init__.py ``APART``):
    every service is named, and counted, as the whole model names it; other nodes are not read."""
    from eagraph.ontology import CPSV

    workspace = load(MODELS, cache=False)
    whole, services = AnalysisModel.build(workspace), AnalysisModel.labelled(workspace, {CPSV + "PublicService"})
    assert whole.services and set(services.labels) == {s for s in whole.services if whole.labels.get(s)}
    for service in whole.services:
        assert [services.label(service, language) for language in ("en", "nl", "fr")] == \
               [whole.label(service, language) for language in ("en", "nl", "fr")]
        assert services.cases(service) == whole.cases(service)


def test_the_models_links_are_in_the_order_one_query_over_every_predicate_gives():
    """The build reads the links a predicate at a time (no store term of the predicate per row): the
    links, their objects and the backlinks come in the order one query over every predicate gives,
    which the dependency graph's edges (and so impact and the site) follow."""
    from eagraph.analyses.model import DEPENDS, DEPENDS_REVERSED, VALUES, node_key

    workspace = load(MODELS, cache=False)
    model = AnalysisModel.build(workspace)
    predicates = " ".join(f"<{p}>" for p in sorted(DEPENDS | DEPENDS_REVERSED | VALUES))
    links, backlinks = defaultdict(lambda: defaultdict(list)), defaultdict(lambda: defaultdict(list))
    for s, p, o in workspace.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o "
                                   "FILTER(!isLiteral(?o)) }"):
        links[node_key(s)][p.value].append(node_key(o))
        backlinks[node_key(o)][p.value].append(node_key(s))
    assert len(model.links) > 100
    for built, read in ((model.links, links), (model.backlinks, backlinks)):
        assert [(node, list(by.items())) for node, by in built.items()] == \
               [(node, [(p, tuple(dict.fromkeys(keys))) for p, keys in by.items()]) for node, by in read.items()]


def test_a_model_built_with_a_spare_core_is_the_model_built_in_one_process():
    """With a core to spare, the types and the literals are read by a forked process: the model is the
    same, table for table, in the same orders (the links' order is the dependency graph's; a label
    is chosen the same way), its node keys one string per node as before."""
    workspace = load(MODELS)
    workspace.query("ASK { ?s ?p ?o }")  # the files merged once, as the check does before it forks
    alone, beside = AnalysisModel.build(workspace), AnalysisModel.build(workspace, spare_core=True)
    for table in ("types", "links", "backlinks", "labels", "annual_cases", "authoritative", "archimate_types"):
        ours, theirs = getattr(alone, table), getattr(beside, table)
        assert ours == theirs and list(ours) == list(theirs), table
    assert len(beside.types) > 300 and beside.labels and beside.annual_cases
    assert all(list(beside.links[node]) == list(alone.links[node]) for node in alone.links)
    assert all(key is sys.intern(key) for key in list(beside.types)[:50] + list(beside.labels)[:50])
