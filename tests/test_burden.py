"""``eagraph burden``: the Standard Cost Model of a small model, computed here by hand, to the cent."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction as F

import pytest
from click.testing import CliRunner

from eagraph.cli.main import cli
from helpers import PREFIXES, REPO, write

CONFIG = """[burden]
citizen_hour = 20
business_hour = 40.0
information_time = "PT10M"
filling_in_time = "PT30M"
counter_trip = "PT1H"
waiting_time = "PT15M"
evidence_time = "PT20M"
evidence_cost = 2.5
"""

MODEL = PREFIXES + """
ex:x a cv:PublicOrganisation ; skos:prefLabel "X"@en .
ex:y a cv:PublicOrganisation ; skos:prefLabel "Y"@en .
ex:event a cv:LifeEvent ; dct:title "Birth"@en .
ex:online a cv:Channel ; dct:type eag:Online ; eag:fillingInTime "PT12M" .
ex:counter a cv:Channel ; dct:type eag:Counter ; eag:waitingTime "PT30M" .
ex:type a cv:EvidenceType ; eag:obtainingTime "PT45M" ; cv:hasCost [ a cv:Cost ; cv:hasValue 10 ] .
ex:e1 a cv:Evidence ; dct:conformsTo ex:type .
ex:e2 a cv:Evidence .
ex:e3 a cv:Evidence ; dct:isPartOf ex:source .

ex:a a cpsv:PublicService ; dct:title "A"@en ; dct:audience eag:Citizens ;
    cv:hasCompetentAuthority ex:x ; cv:isGroupedBy ex:event ; eag:annualCases 1000 ;
    eag:informationTime "PT6M" ; cv:hasChannel ex:online , ex:counter ;
    cpsv:hasInput ex:e1 , ex:e2 , ex:e3 ;
    cv:hasCost [ a cv:Cost ; cv:hasValue 30.0 ] , [ a cv:Cost ; cv:hasValue 5 ; cv:ifAccessedThrough ex:counter ] .

ex:b a cpsv:PublicService ; dct:title "B"@en ; dct:audience eag:Businesses ;
    cv:hasCompetentAuthority ex:x , ex:y ; cv:isGroupedBy ex:event ; eag:annualCases 200 ;
    eag:eligiblePopulation 500 .

ex:c a cpsv:PublicService ; dct:title "C"@en ; cv:hasCompetentAuthority ex:y .
"""


def hand_computed():
    """The burden of MODEL, part by part, as a person computes it with the Standard Cost Model.
    Returns (hours, euros, assumed hours, assumed euros) a year for A and B, as exact fractions."""
    hour_a, hour_b = F(20), F(40)  # A is for citizens, B for businesses
    # A, one case; its two channels take half the cases each
    information = (F(6, 60), False)  # stated: PT6M
    e1 = (F(45, 60), F(10), False)  # its evidence type states PT45M and 10 euros
    e2 = (F(20, 60), F(5, 2), True)  # nothing stated: the defaults PT20M and 2.50 euros
    filling = [(F(12, 60), False), (F(30, 60), True)]  # online states PT12M; the counter takes the default
    travel = [(F(0), False), (F(1), True)]  # a trip only to the counter, the default PT1H
    waiting = [(F(0), False), (F(30, 60), False)]  # the counter states PT30M
    fees = [F(30), F(35)]  # 30 euros, and 5 more through the counter
    half = F(1, 2)
    times = [information] + [(h * half, a) for h, a in filling + travel + waiting] + [(e1[0], e1[2]), (e2[0], e2[2])]
    hours_a = sum(h for h, _ in times)
    assumed_hours_a = sum(h for h, a in times if a)
    euros_a = hours_a * hour_a + e1[1] + e2[1] + sum(fees) * half
    assumed_euros_a = assumed_hours_a * hour_a + e2[1]
    # B, one case: no channel, no evidence, nothing stated: finding information and filling in by default
    hours_b = F(10, 60) + F(30, 60)
    euros_b = hours_b * hour_b
    return ((hours_a * 1000, euros_a * 1000, assumed_hours_a * 1000, assumed_euros_a * 1000),
            (hours_b * 200, euros_b * 200, hours_b * 200, euros_b * 200))


@pytest.fixture
def model(tmp_path):
    write(tmp_path, "eagraph.toml", CONFIG)
    write(tmp_path, "model.ttl", MODEL)
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, ["burden", *map(str, args)])


def rows_of(result) -> dict[tuple[str, str], dict]:
    assert result.exit_code == 0, result.output
    return {(r["level"], r["subject"]): r for r in json.loads(result.stdout)["rows"]}


def cent(value: F) -> float:
    return float(round(value, 2))


def test_the_command_agrees_with_the_hand_computation_to_the_cent(model):
    a, b = hand_computed()
    rows = rows_of(run(model, "--format", "json"))
    for key, (hours, euros, assumed_hours, assumed_euros) in {
        ("service", "https://example.org/a"): a,
        ("service", "https://example.org/b"): b,
        ("total", ""): tuple(x + y for x, y in zip(a, b)),
        ("event", "https://example.org/event"): tuple(x + y for x, y in zip(a, b)),
        # B has two competent authorities: each carries half of it, so the authorities add up to the total
        ("authority", "https://example.org/x"): tuple(x + y / 2 for x, y in zip(a, b)),
        ("authority", "https://example.org/y"): tuple(y / 2 for y in b),
    }.items():
        row = rows[key]
        assert row["hours"] == cent(hours), key
        assert row["euros"] == cent(euros), key
        assert row["assumed_hours_share"] == float(round(assumed_hours / hours, 4)), key
        assert row["assumed_euros_share"] == float(round(assumed_euros / euros, 4)), key
    # the figures as numbers a person can check: A costs 90,666.67 euros a year, 26.65 % of it assumed
    assert rows[("service", "https://example.org/a")]["euros"] == 90666.67
    assert rows[("total", "")]["euros"] == 96000.0
    assert rows[("total", "")]["assumed_euros_share"] == 0.3073  # 29,500 of 96,000 euros rest on defaults
    # the parts: the fees are the model's own, 32.50 euros a case on average over the two channels
    assert rows[("service", "https://example.org/a")]["fees_euros"] == 32500.0
    assert rows[("service", "https://example.org/a")]["travel_hours"] == 500.0
    # C states no annual cases: it is listed, not counted; B's non-take-up is 500 eligible minus 200 cases
    assert rows[("service", "https://example.org/c")]["euros"] == 0.0
    assert rows[("service", "https://example.org/b")]["non_take_up"] == 300
    assert json.loads(run(model, "--format", "json").stdout)["without_cases"] == ["https://example.org/c"]


def test_csv_and_text_carry_the_same_figures(model, tmp_path):
    out = tmp_path / "out" / "burden.csv"
    result = run(model, "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    total = next(r for r in table if r["level"] == "total")
    assert (total["hours"], total["euros"], total["assumed_euros_share"]) == ("2416.67", "96000.00", "0.3073")
    text = run(model).stdout
    assert "Administrative burden a year: 2,417 h (50 % assumed), 96,000.00 EUR (31 % assumed)" in text
    assert "A: 2,283 h (47 % assumed), 90,666.67 EUR (27 % assumed); 1,000 cases" in text
    assert "B: 133 h (100 % assumed), 5,333.33 EUR (100 % assumed); 200 cases, 300 eligible without it" in text
    # docs/burden.md reads this model as its worked example: its total line is the command's
    page = (REPO / "docs" / "burden.md").read_text(encoding="utf-8")
    assert text.splitlines()[0] in page


def test_a_time_that_is_no_duration_is_named_with_its_file_and_line(model):
    write(model, "model.ttl", MODEL.replace('eag:informationTime "PT6M"', 'eag:informationTime "6 minutes"'))
    result = run(model)
    assert result.exit_code == 2
    assert "model.ttl:20:25:" in result.output and "eag:informationTime" in result.output
    assert "'6 minutes' is no duration" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("setting", "message"), [
    ('evidence_cost = "free"', "[burden] evidence_cost must be a number"),
    ("citizen_hour = -3", "[burden] citizen_hour must be a number of euros, 0 or more"),
    ('counter_trip = "P1D"', "[burden] counter_trip: 'P1D' is no duration"),
])
def test_a_bad_tariff_is_named_in_eagraph_toml(model, setting, message):
    write(model, "eagraph.toml", "[burden]\n" + setting + "\n")
    result = run(model)
    assert result.exit_code == 2
    assert "eagraph.toml" in result.output and message in result.output, result.output
    assert "Traceback" not in result.output


def test_an_existing_report_is_left_whole_when_the_model_is_wrong(model, tmp_path):
    out = tmp_path / "burden.json"
    out.write_text("kept\n", encoding="utf-8")
    write(model, "model.ttl", MODEL.replace("cv:hasValue 30.0", 'cv:hasValue "thirty"'))
    result = run(model, "--format", "json", "-o", out)
    assert result.exit_code == 2 and "'thirty' is not a number" in result.output
    assert out.read_text(encoding="utf-8") == "kept\n"


def test_a_fee_written_with_cpsv_ap_2s_name_is_named_not_read_as_free(model):
    """CPSV-AP 3.2 states a cost's amount with cv:hasValue; a catalogue still on 2.x's cv:value gets a
    message at the service's line saying so, not a fee of nothing."""
    write(model, "model.ttl", MODEL.replace("cv:hasValue 30.0", "cv:value 30.0"))
    result = run(model)
    assert result.exit_code == 2
    assert "model.ttl:" in result.output and "has no cv:hasValue (cv:value is CPSV-AP 2.x's name" in result.output
    assert "Traceback" not in result.output


def test_defaults_alone_give_the_share_assumed_of_a_model_without_burden_facts(tmp_path):
    """No [burden] table and no stated time: every hour is assumed, and the documented defaults apply."""
    write(tmp_path, "model.ttl", PREFIXES + 'ex:s a cpsv:PublicService ; eag:annualCases 60 .\n')
    rows = rows_of(run(tmp_path, "--format", "json"))
    total = rows[("total", "")]
    assert total["hours"] == 45.0  # 60 cases x (15 min finding information + 30 min filling in)
    assert total["euros"] == 1113.75  # 45 h x 24.75 euros (Statbel 2022, see docs/burden.md)
    assert total["assumed_hours_share"] == 1.0 and total["assumed_euros_share"] == 1.0


def test_a_title_that_is_a_formula_stays_text_in_the_csv(model):
    """A service's title is anybody's text: in the CSV a manager opens, it never runs as a formula."""
    write(model, "model.ttl", MODEL.replace('dct:title "B"@en', 'dct:title "=HYPERLINK(\\"http://x\\")"@en'))
    result = run(model, "--format", "csv")
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    labels = {r["subject"]: r["label"] for r in table if r["level"] == "service"}
    assert labels["https://example.org/b"] == "'=HYPERLINK(\"http://x\")"
    assert next(r for r in table if r["level"] == "total")["euros"] == "96000.00"  # numbers stay numbers


# -- savings on findings, and scenarios (--apply) ---------------------------------------------------
#: MODEL, plus what makes three findings that relieve applicants: A's second evidence supports a fact
#: an authentic source holds (only-once), its first is a certificate another authority's service D
#: makes (certificate loop), and B is an entitlement on request whose one fact Y's own source holds
#: (automatic granting). None of it changes the burden: requirements and outputs cost no one anything.
SAVINGS_MODEL = MODEL + """
@prefix authsrc: <http://vocab.belgif.be/ns/authsrc#> .
ex:concept a cv:InformationConcept ; skos:prefLabel "income"@en ; authsrc:hasSource ex:register .
ex:register a authsrc:DataSource ; authsrc:isAuthoritative true ; dct:publisher ex:y .
ex:e2 cv:supportsConcept ex:concept .
ex:req a cv:Requirement ; cv:hasConcept ex:concept .
ex:b dct:type eag:Entitlement ; eag:grantingMode eag:OnRequest ; cv:holdsRequirement ex:req .
ex:d a cpsv:PublicService ; dct:title "D"@en ; cv:hasCompetentAuthority ex:y ; cpsv:produces ex:out .
ex:out a cv:Output ; eag:usableAs ex:type .
"""
A, B = "https://example.org/a", "https://example.org/b"
EX = "https://example.org/"


def hand_computed_savings():
    """(hours, euros, assumed euros) a year that acting on each finding saves, as exact fractions."""
    (hours_b, euros_b, _, assumed_euros_b) = hand_computed()[1]
    return {
        # only-once: A's 1,000 applicants stop obtaining e2: the defaults, 20 minutes and 2.50 euros each
        ("only-once-violation", A): (F(1000, 3), 1000 * (F(20, 60) * 20 + F(5, 2)), 1000 * (F(20, 60) * 20 + F(5, 2))),
        # certificate loop: they stop fetching e1, whose type states 45 minutes and 10 euros: nothing assumed
        ("certificate-loop", A): (F(750), 1000 * (F(45, 60) * 20 + 10), F(0)),
        # automatic granting: B's 200 applications are gone, every part of them
        ("automatic-granting-candidate", B): (hours_b, euros_b, assumed_euros_b),
    }


@pytest.fixture
def savings_model(tmp_path):
    write(tmp_path, "eagraph.toml", CONFIG)
    write(tmp_path, "model.ttl", SAVINGS_MODEL)
    return tmp_path


def analyze_json(model) -> list[dict]:
    result = CliRunner().invoke(cli, ["analyze", str(model), "--format", "json", "--no-validate"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["findings"]


def test_findings_carry_what_acting_on_them_saves_to_the_cent(savings_model):
    findings = {(f["kind"], f["subject"]): f for f in analyze_json(savings_model)}
    for key, (hours, euros, assumed_euros) in hand_computed_savings().items():
        savings = findings[key]["savings"]
        assert savings["hours"] == cent(hours), key
        assert savings["euros"] == cent(euros), key
        assert savings["assumed_share"] == float(round(assumed_euros / euros, 4)), key
    assert findings[("only-once-violation", A)]["savings"]["euros"] == 9166.67  # 1,000 x (6.67 + 2.50)
    assert findings[("certificate-loop", A)]["savings"] == {"hours": 750.0, "euros": 25000.0, "assumed_share": 0.0,
                                                           "non_take_up": None}
    # automatic granting shows its non-take-up: 500 eligible, 200 cases
    assert findings[("automatic-granting-candidate", B)]["savings"]["non_take_up"] == 300
    # the missing agreement of A to Y's register relieves nobody by itself: no savings field at all
    assert "savings" not in findings[("missing-agreement", A)]


def test_the_ranking_puts_the_most_euros_saved_first(savings_model):
    ranked = [(f.code, f.subject) for f in _analyze(savings_model)]
    assert ranked[:3] == [("certificate-loop", A), ("only-once-violation", A), ("automatic-granting-candidate", B)]
    # euros known beat a higher score, and the most euros come first; unpriced findings follow, by score
    from eagraph.analyses.registry import rank
    from eagraph.findings import Finding, Savings, Severity

    def finding(name, score, euros=None):
        saved = None if euros is None else Savings(Decimal(1), Decimal(euros), Decimal(0))
        return Finding(name, Severity.INFO, A, {"en": name}, score=score, savings=saved)

    found = rank([finding("small", 0.9, 10), finding("unpriced", 0.95), finding("large", 0.1, 100)])
    assert [f.code for f in found] == ["large", "small", "unpriced"]


def _analyze(model):
    from eagraph.analyses.registry import analyze
    from eagraph.workspace import load

    return analyze(load(model))


def test_text_csv_and_sarif_show_the_savings(savings_model):
    text = CliRunner().invoke(cli, ["analyze", str(savings_model), "--no-validate", "--kind", "certificate-loop"])
    assert "saves 750 h and 25,000.00 EUR a year (0 % assumed)" in text.stdout
    table = CliRunner().invoke(cli, ["analyze", str(savings_model), "--no-validate", "--format", "csv",
                                     "--kind", "automatic-granting-candidate"]).stdout
    row = next(csv.DictReader(io.StringIO(table)))
    assert (row["hours_saved"], row["euros_saved"], row["assumed_share"], row["non_take_up"]) == (
        "133.33", "5333.33", "1.0", "300")
    sarif = json.loads(CliRunner().invoke(cli, ["analyze", str(savings_model), "--no-validate", "--format", "sarif",
                                                "--kind", "only-once-violation"]).stdout)
    assert sarif["runs"][0]["results"][0]["properties"]["savings"]["euros"] == 9166.67


def scenario_rows(result) -> dict[tuple[str, str], dict]:
    assert result.exit_code == 0, result.output
    return {(r["level"], r["subject"]): r for r in json.loads(result.stdout)["rows"]}


def test_a_plan_from_a_findings_file_gives_the_burden_after_it_to_the_cent(savings_model, tmp_path):
    plan = tmp_path / "findings.json"
    plan.write_text(json.dumps({"findings": analyze_json(savings_model)}), encoding="utf-8")
    rows = scenario_rows(run(savings_model, "--apply", plan, "--format", "json"))
    saved = hand_computed_savings().values()
    a, b = hand_computed()
    euros_saved = sum(e for _, e, _ in saved)
    total = rows[("total", "")]
    assert (total["euros_before"], total["euros_saved"]) == (96000.0, cent(euros_saved))
    assert total["euros_after"] == 56500.0  # 96,000 - 9,166.67 - 25,000 - 5,333.33
    assert total["hours_saved"] == cent(sum(h for h, _, _ in saved))
    assert total["assumed_euros_share_saved"] == float(round(sum(x for _, _, x in saved) / euros_saved, 4))
    # B's two authorities each carry half of it, before and after: Y had only B's half, and it is gone
    assert rows[("authority", "https://example.org/y")]["euros_after"] == 0.0
    assert rows[("authority", "https://example.org/x")]["euros_saved"] == cent(a[1] - 56500 + b[1] / 2)
    assert rows[("event", "https://example.org/event")]["euros_after"] == 56500.0


def test_the_same_evidence_in_two_findings_is_saved_once(savings_model, tmp_path):
    """only-once and a plan that names it twice: e2 is obtained no more, but only once is it saved."""
    once = {"kind": "only-once-violation", "subject": A, "related": ["https://example.org/e2"], "score": 0.5}
    plan = tmp_path / "findings.json"
    plan.write_text(json.dumps({"findings": [once, once]}), encoding="utf-8")
    rows = scenario_rows(run(savings_model, "--apply", plan, "--format", "json"))
    assert rows[("total", "")]["euros_saved"] == 9166.67


def test_a_plan_by_kind_and_minimum_score(savings_model):
    rows = scenario_rows(run(savings_model, "--apply-kind", "automatic-granting-candidate", "--format", "json"))
    assert rows[("total", "")]["euros_saved"] == 5333.33
    nothing = scenario_rows(run(savings_model, "--apply-kind", "automatic-granting-candidate", "--min-score", "1",
                                "--format", "json"))
    assert nothing[("total", "")]["euros_saved"] == 0.0
    text = run(savings_model, "--apply-kind", "certificate-loop").stdout
    assert "96,000.00 -> 71,000.00 EUR, saves 25,000.00 EUR (0 % assumed)" in text


def test_a_scenario_on_the_callers_burden_prices_no_service_again(savings_model, monkeypatch):
    """Given the model and the burden before (as the site's dashboard has them), the scenario builds no
    model and prices no service again, and its figures are those it computes on its own (--apply's)."""
    from eagraph.analyses import burden as burden_module
    from eagraph.analyses import savings
    from eagraph.analyses.model import AnalysisModel
    from eagraph.workspace import load

    workspace = load(savings_model)
    planned = [savings.Planned(f["kind"], f["subject"], tuple(f["related"])) for f in analyze_json(savings_model)]
    alone = savings.scenario(workspace, planned)
    model = AnalysisModel.build(workspace)
    before = burden_module.burden(workspace, model=model)
    priced, built = [], []
    original = burden_module.service_burden
    counting = lambda *args: priced.append(args[-1]) or original(*args)  # noqa: E731
    monkeypatch.setattr(burden_module, "service_burden", counting)
    monkeypatch.setattr(savings, "service_burden", counting)
    monkeypatch.setattr(AnalysisModel, "build", classmethod(lambda cls, source: built.append(1)))
    shared = savings.scenario(workspace, planned, model=model, before=before)
    assert (priced, built) == ([], [])
    assert shared == alone and shared.total.saved.euros > 0


def test_a_service_s_yearly_figures_are_computed_once():
    """The report reads a service's figures a year for its row, each group and each part of the total,
    and a row's total to sort, render and pair it: each computed once (at 10,000 services, computing
    them again at each read was a third of the burden's time)."""
    from eagraph.analyses.burden import PARTS, Amount, BurdenRow, ServiceBurden

    service = ServiceBurden("s", "S", 1000, "citizens", {p: Amount(Decimal("0.5"), Decimal(10)) for p in PARTS}, (), ())
    assert service.per_year is service.per_year
    assert service.per_year["fees"] == Amount(Decimal(500), Decimal(10000))
    row = BurdenRow("service", "s", "S", 1000, service.per_year)
    assert row.amount is row.amount
    assert row.amount == Amount(Decimal(3000), Decimal(60000))


@pytest.mark.parametrize(("content", "message"), [
    ('{"findings": [\n  {"kind": "only-once-violation",}\n]}', "findings.json:2:"),
    ('[1, 2]', 'expected {"findings": [...]}'),
    ('{"findings": [{"kind": "only-once-violation", "subject": 3}]}', "finding 1: has no subject"),
    ('{"findings": [{"kind": "certificate-loop", "subject": "x", "related": "y"}]}', "related must be a list"),
    ("[" * 100000, "findings.json"),
])
def test_a_findings_file_that_is_not_one_is_named_without_a_traceback(savings_model, tmp_path, content, message):
    plan = tmp_path / "findings.json"
    plan.write_text(content, encoding="utf-8")
    out = tmp_path / "after.json"
    out.write_text("kept\n", encoding="utf-8")
    result = run(savings_model, "--apply", plan, "--format", "json", "-o", out)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "kept\n"


def test_a_finding_about_something_not_in_the_model_is_reported_not_applied(savings_model, tmp_path):
    plan = tmp_path / "findings.json"
    plan.write_text(json.dumps({"findings": [
        {"kind": "automatic-granting-candidate", "subject": "https://example.org/gone", "related": []},
        {"kind": "shared-capability", "subject": "https://example.org/cap", "related": []},
        {"kind": "automatic-granting-candidate", "subject": B, "related": []}]}), encoding="utf-8")
    result = run(savings_model, "--apply", plan, "--format", "json")
    data = json.loads(result.stdout)
    assert data["not_in_model"] == ["automatic-granting-candidate https://example.org/gone"]
    assert data["without_rule"] == ["shared-capability https://example.org/cap"] and data["applied"] == 1
    assert "https://example.org/gone" in result.stderr
    assert {(r["level"], r["subject"]): r for r in data["rows"]}[("total", "")]["euros_saved"] == 5333.33


#: Two services ask for a birth certificate (the one with more cases keeps collecting it), and an
#: entitlement on request of which the authority can consult 3 of 4 facts (pro-active granting).
RULES_MODEL = PREFIXES + """
@prefix authsrc: <http://vocab.belgif.be/ns/authsrc#> .
ex:x a cv:PublicOrganisation ; skos:prefLabel "X"@en .
ex:birth a cv:InformationConcept ; skos:prefLabel "birth"@en .
ex:cert1 a cv:Evidence ; cv:supportsConcept ex:birth .
ex:cert2 a cv:Evidence ; cv:supportsConcept ex:birth .
ex:big a cpsv:PublicService ; dct:title "Big"@en ; cv:hasCompetentAuthority ex:x ; eag:annualCases 900 ;
    cpsv:hasInput ex:cert1 .
ex:small a cpsv:PublicService ; dct:title "Small"@en ; cv:hasCompetentAuthority ex:x ; eag:annualCases 300 ;
    cpsv:hasInput ex:cert2 .
ex:src a authsrc:DataSource ; authsrc:isAuthoritative true ; dct:publisher ex:x .
ex:k1 a cv:InformationConcept ; authsrc:hasSource ex:src .
ex:k2 a cv:InformationConcept ; authsrc:hasSource ex:src .
ex:k3 a cv:InformationConcept ; authsrc:hasSource ex:src .
ex:k4 a cv:InformationConcept .
ex:allowance a cpsv:PublicService ; dct:title "Allowance"@en ; cv:hasCompetentAuthority ex:x ;
    dct:type eag:Entitlement ; eag:grantingMode eag:OnRequest ; eag:annualCases 120 ; eag:eligiblePopulation 150 ;
    eag:informationTime "PT12M" ;
    cv:holdsRequirement [ a cv:Requirement ; cv:hasConcept ex:k1 , ex:k2 , ex:k3 , ex:k4 ] .
"""


def test_duplicate_collection_and_proactive_granting_save_what_their_rules_say(tmp_path):
    write(tmp_path, "eagraph.toml", CONFIG)
    write(tmp_path, "model.ttl", RULES_MODEL)
    findings = {f["kind"]: f for f in analyze_json(tmp_path)}
    # duplicate collection: Big (900 cases) keeps collecting; Small's 300 applicants stop obtaining the
    # certificate: 20 minutes and 2.50 euros each by default, at 20 euros an hour
    collected = findings["duplicate-data-collection"]["savings"]
    assert (collected["hours"], collected["euros"], collected["assumed_share"]) == (100.0, cent(300 * (
        F(20, 60) * 20 + F(5, 2))), 1.0)
    # pro-active: finding information (stated 12 minutes) and 3/4 of filling in (30 minutes by default)
    proactive = findings["proactive-granting-candidate"]["savings"]
    hours = 120 * (F(12, 60) + F(3, 4) * F(30, 60))
    assert (proactive["hours"], proactive["euros"], proactive["non_take_up"]) == (cent(hours), cent(hours * 20), 30)
    assert proactive["assumed_share"] == float(round(F(120 * 3, 4) * F(30, 60) / hours, 4))


def test_every_burden_format_shows_the_plan(savings_model, tmp_path):
    plan = ("--apply-kind", "certificate-loop")
    table = list(csv.DictReader(io.StringIO(run(savings_model, *plan, "--format", "csv").stdout)))
    total = next(r for r in table if r["level"] == "total")
    assert (total["euros_before"], total["euros_after"], total["euros_saved"]) == ("96000.00", "71000.00", "25000.00")
    markdown = run(savings_model, *plan, "--format", "md").stdout
    assert "| total | 2,417 | 1,667 | 750 | 96,000.00 | 71,000.00 | 25,000.00 | 0 % |" in markdown
    out = tmp_path / "plan.xlsx"
    assert run(savings_model, *plan, "--format", "xlsx", "-o", out).exit_code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out)["total"]
    header, values = [c.value for c in sheet[1]], [c.value for c in sheet[2]]
    assert dict(zip(header, values))["euros_saved"] == 25000


def test_a_burden_fact_that_cannot_be_read_leaves_the_analysis_whole(savings_model):
    """A wrong duration stops `eagraph burden`, not the analysis: the findings come without savings, and
    a warning names the statement."""
    write(savings_model, "model.ttl", SAVINGS_MODEL.replace('eag:informationTime "PT6M"', 'eag:informationTime "6"'))
    result = CliRunner().invoke(cli, ["analyze", str(savings_model), "--format", "json", "--no-validate"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    assert {f["kind"] for f in findings} >= {"only-once-violation", "certificate-loop"}
    assert not any("savings" in f for f in findings)
    assert "model.ttl:20:25:" in result.stderr and "no savings" in result.stderr


# -- the example model's published fees -------------------------------------------------------------
#: The fee a case of each priced service of models/ costs (the federal or uniform part only, see the
#: comments in the model): a cost limited to a channel counts for that channel's share of the cases.
EXAMPLE_FEES = {  # service: (cases a year, euros a case)
    "eid-card": (2_300_000, F("19.17")),
    "kids-id": (260_000, F("6.60")),
    "passport": (430_000, F(1, 2) * 65 + F(1, 2) * 75),  # municipal counter, embassy counter
    "driving-licence": (165_000, F(20)),
    "foreign-driving-licence-exchange": (32_000, F(20)),
    "international-driving-permit": (48_000, F(16)),
    "cbe-registration": (112_000, F(101)),
    "cbe-modification": (260_000, F(1, 2) * 101),  # at the enterprise counter; online free
    "cbe-cessation": (75_000, F(101)),
}


def test_the_example_model_states_the_published_fees_of_its_main_services():
    """eagraph burden models: the fees a year are each service's cases times its published fee (hand computed),
    and nothing else in the example model states a fee; the total 112,632,000.00 euros."""
    from helpers import MODELS

    rows = rows_of(run(MODELS, "--format", "json"))
    service = "https://w3id.org/eagraph/be/service/"
    fees = {key[1][len(service):]: row["fees_euros"] for key, row in rows.items()
            if key[0] == "service" and row["fees_euros"]}
    assert fees == {name: cent(cases * fee) for name, (cases, fee) in EXAMPLE_FEES.items()}
    assert rows[("total", "")]["fees_euros"] == cent(sum(c * f for c, f in EXAMPLE_FEES.values())) == 112_632_000


def test_every_fee_in_the_example_model_names_its_published_source():
    """Each cv:hasCost of models/ is preceded, in its statement, by a comment with the address of its source."""
    from helpers import MODELS

    costs = 0
    for path in sorted(MODELS.rglob("*.ttl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if "cv:hasCost" not in line:
                continue
            costs += 1
            comments = []
            for above in reversed(lines[:number]):
                if not above.strip().startswith("#"):
                    break
                comments.append(above)
            assert any("http" in c for c in comments), f"{path.name}:{number + 1}: cv:hasCost without a source"
    assert costs == len(EXAMPLE_FEES)


# -- duplicate services: what merging them saves the applicants of both ------------------------------
#: Two services that deliver the same parking card: the federal one (1,000 cases, nothing stated) and a
#: city's (400 cases, its times, evidence and fee stated or defaulted); 150 applicants a year apply for both.
DUPLICATE_MODEL = PREFIXES + """
ex:federal a cv:PublicOrganisation ; skos:prefLabel "Federal"@en .
ex:city a cv:PublicOrganisation ; skos:prefLabel "City"@en .
ex:requirement a cv:Requirement ; cv:hasConcept ex:recognition .
ex:counter a cv:Channel ; dct:type eag:Counter ; eag:waitingTime "PT30M" .
ex:photo-type a cv:EvidenceType ; eag:obtainingTime "PT15M" ; cv:hasCost [ a cv:Cost ; cv:hasValue 5 ] .
ex:photo a cv:Evidence ; dct:conformsTo ex:photo-type .
ex:federal-card a cpsv:PublicService ; dct:title "Carte de stationnement pour personnes handicapées"@fr ;
    cv:hasCompetentAuthority ex:federal ; cv:hasLegalResource ex:decree ; cv:holdsRequirement ex:requirement ;
    cpsv:produces ex:federal-card-output ; cv:isGroupedBy ex:disability ; dct:type eag:Entitlement ;
    eag:grantingMode eag:OnRequest ; eag:annualCases 1000 .
ex:city-card a cpsv:PublicService ; dct:title "Obtenir la carte de stationnement pour personnes handicapées"@fr ;
    cv:hasCompetentAuthority ex:city ; cv:hasLegalResource ex:decree ; cv:holdsRequirement ex:requirement ;
    cpsv:produces ex:city-card-output ; cv:isGroupedBy ex:disability ; dct:type eag:Entitlement ;
    eag:grantingMode eag:OnRequest ; eag:annualCases 400 ;
    eag:informationTime "PT6M" ; cv:hasChannel ex:counter ; cpsv:hasInput ex:photo ;
    cv:hasCost [ a cv:Cost ; cv:hasValue 10 ] ;
    eag:sharedApplicants [ eag:withService ex:federal-card ; eag:sharedCases 150 ] .
ex:federal-card-output eag:usableAs ex:parking-card .
ex:city-card-output eag:usableAs ex:parking-card .
"""


def duplicate_model(tmp_path, text=DUPLICATE_MODEL):
    write(tmp_path, "eagraph.toml", CONFIG)
    write(tmp_path, "model.ttl", text)
    return tmp_path


def test_merging_duplicate_services_saves_the_shared_applicants_second_application_to_the_cent(tmp_path):
    model = duplicate_model(tmp_path)
    # One case of the city's card, at 20 euros an hour: finding information 6 minutes (stated), the photo
    # 15 minutes and 5 euros (its type), filling in 30 minutes and the trip to the counter 1 hour (defaults),
    # waiting 30 minutes (the counter), a fee of 10 euros.
    hours = F(6, 60) + F(15, 60) + F(30, 60) + F(1) + F(30, 60)
    euros, assumed = hours * 20 + 5 + 10, (F(30, 60) + F(1)) * 20
    # The 150 applicants of both apply once, for the federal card (more cases): their city application goes.
    found = [f for f in analyze_json(model) if f["kind"] == "duplicate-service"]
    assert len(found) == 1 and {found[0]["subject"], *found[0]["related"]} == {EX + "federal-card", EX + "city-card"}
    savings = found[0]["savings"]
    assert (savings["hours"], savings["euros"]) == (cent(150 * hours), cent(150 * euros)) == (352.5, 9300.0)
    assert savings["assumed_share"] == float(round(assumed / euros, 4)) and savings["non_take_up"] is None
    # the plan of that finding: the burden after it, the same 9,300.00 euros saved
    rows = scenario_rows(run(model, "--apply-kind", "duplicate-service", "--format", "json"))
    assert (rows[("total", "")]["hours_saved"], rows[("total", "")]["euros_saved"]) == (352.5, 9300.0)
    city = rows[("authority", EX + "city")]
    assert (city["euros_before"], city["euros_after"]) == (cent(400 * euros), cent(250 * euros))


def test_duplicate_services_without_shared_applicants_save_nothing_the_model_can_say(tmp_path):
    """How many apply for both is not stated: the finding has no savings (an upper bound is no saving)."""
    text = DUPLICATE_MODEL.replace(
        " ;\n    eag:sharedApplicants [ eag:withService ex:federal-card ; eag:sharedCases 150 ]", "")
    found = [f for f in analyze_json(duplicate_model(tmp_path, text)) if f["kind"] == "duplicate-service"]
    assert len(found) == 1 and "savings" not in found[0]


def test_more_shared_applicants_than_cases_is_named_with_its_file_and_line(tmp_path):
    model = duplicate_model(tmp_path, DUPLICATE_MODEL.replace("eag:sharedCases 150", "eag:sharedCases 500"))
    result = run(model, "--apply-kind", "duplicate-service")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "model.ttl:" in result.output and "500 shared applicants, more than the 400 cases a year" in result.output
