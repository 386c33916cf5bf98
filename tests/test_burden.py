"""``eagraph burden``: the Standard Cost Model of a small model, computed here by hand, to the cent."""

from __future__ import annotations

import csv
import io
import json
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
ex:type a cv:EvidenceType ; eag:obtainingTime "PT45M" ; cv:hasCost [ a cv:Cost ; cv:value 10 ] .
ex:e1 a cv:Evidence ; dct:conformsTo ex:type .
ex:e2 a cv:Evidence .
ex:e3 a cv:Evidence ; dct:isPartOf ex:source .

ex:a a cpsv:PublicService ; dct:title "A"@en ; dct:audience eag:Citizens ;
    cv:hasCompetentAuthority ex:x ; cv:isGroupedBy ex:event ; eag:annualCases 1000 ;
    eag:informationTime "PT6M" ; cv:hasChannel ex:online , ex:counter ;
    cpsv:hasInput ex:e1 , ex:e2 , ex:e3 ;
    cv:hasCost [ a cv:Cost ; cv:value 30.0 ] , [ a cv:Cost ; cv:value 5 ; cv:ifAccessedThrough ex:counter ] .

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
    write(model, "model.ttl", MODEL.replace("cv:value 30.0", 'cv:value "thirty"'))
    result = run(model, "--format", "json", "-o", out)
    assert result.exit_code == 2 and "'thirty' is not a number" in result.output
    assert out.read_text(encoding="utf-8") == "kept\n"


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
