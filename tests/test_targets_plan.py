"""`eagraph targets` beside the present pace: the value the model's plan reaches on each target's date
(the model as of that date: future lifecycle dates, an initiative), in every format, read as the
site's dashboard reads it (gittools/plan.py). The values are worked out by hand below."""

from __future__ import annotations

import csv
import io
import json

import pytest

from helpers import PREFIXES, git, write

CONFIG = """[model]
languages = ["en"]

[[targets]]
name = "Online"
metric = "online_share"
value = 0.66
date = 2040-01-01

[[targets]]
name = "All online"
metric = "online_share"
value = 1
date = 2040-01-01

[[targets]]
name = "Online soon"
metric = "online_share"
value = 0.66
date = 2038-06-01
"""
CHANNELS = """@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:fin a cv:PublicOrganisation ; skos:prefLabel "Finance"@en .
ex:post a cv:Channel ; dct:title "Post"@en ; dct:type eag:Post .
ex:web a cv:Channel ; dct:title "Web"@en ; dct:type eag:Online .
"""


def service(name: str, channel: str, dates: str = "") -> str:
    return (f'ex:{name} a cpsv:PublicService ; dct:title "{name.title()}"@en ; cv:hasCompetentAuthority ex:fin ; '
            f"cv:hasChannel ex:{channel}{dates} .\n")


# a online throughout; b on paper, retired on 2039-01-01 when d (online, planned) goes live; c on paper
# throughout; the initiative due that day groups the change.
MODEL = PREFIXES + CHANNELS + service("a", "web") + service("b", "post", ' ; eag:retiredFrom "2039-01-01"^^xsd:date') \
    + service("c", "post") \
    + service("d", "web", ' ; eag:plannedFrom "2025-01-01"^^xsd:date ; eag:activeFrom "2039-01-01"^^xsd:date') + """
ex:go-online a eag:Initiative ; dct:title "Online at last"@en ; eag:dueDate "2039-01-01"^^xsd:date ;
    eag:initiativeStatus eag:InProgress ; eag:affects ex:b , ex:d .
"""


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    """Two commits a year apart with the same four services (a flat course: a pace of nothing)."""
    root = tmp_path_factory.mktemp("plan")
    write(root, "eagraph.toml", CONFIG)
    for year, text in ((2025, MODEL.replace('"C"@en', '"Paper"@en')), (2026, MODEL)):
        write(root, "model.ttl", text)
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-qm", f"{year}", date=f"{year}-01-01T12:00:00+00:00")
    return root


# Today (the model as written): a, b, c, d, of which a and d online: 0.5, flat since 2025: behind.
# As of 2040-01-01: b retired, d active: a, c, d, two of three online: 0.6667, reaching 0.66 (not 1).
# As of 2038-06-01: d only planned, b still active: a, b, c, one of three online: 0.3333.
# (The shares are the key figures', to four decimals.)
BY_THE_PLAN = {"Online": (0.6667, True), "All online": (0.6667, False), "Online soon": (0.3333, False)}


def test_json_has_the_value_the_plan_reaches_on_each_targets_date(run, planned):
    result = run("targets", planned, "--format", "json", "-q")
    assert result.exit_code == 0, result.output
    targets = {t["name"]: t for t in json.loads(result.stdout)["targets"]}
    assert {name: (t["today"], t["pace_per_year"], t["status"]) for name, t in targets.items()} == {
        name: (0.5, 0.0, "behind") for name in BY_THE_PLAN}
    assert {name: (round(t["planned"], 4), t["plan_reaches"]) for name, t in targets.items()} == BY_THE_PLAN


def test_text_says_behind_when_only_the_plan_reaches_it(run, planned):
    header, *rows = run("targets", planned).stdout.splitlines()[:4]
    assert header.split()[-4:] == ["by", "the", "plan", "status"]
    assert [row.split(None, 1)[0] + " " + row.split("never", 1)[1].strip() for row in rows] == [
        "Online 0.6667       behind (the plan reaches it)", "All 0.6667       behind", "Online 0.3333       behind"]


def test_csv_has_the_planned_column_and_fail_behind_keeps_its_meaning(run, planned):
    rows = {row["name"]: row for row in csv.DictReader(io.StringIO(run("targets", planned, "--format", "csv").stdout))}
    assert {name: (row["planned"][:6], row["plan_reaches"]) for name, row in rows.items()} == {
        "Online": ("0.6667", "True"), "All online": ("0.6667", "False"), "Online soon": ("0.3333", "False")}
    result = run("targets", planned, "--fail-behind")  # a plan is not progress: the history's pace decides
    assert result.exit_code == 1 and "not on course: Online, All online, Online soon" in result.stderr


def test_no_change_ahead_no_plan_read(run, tmp_path):
    write(tmp_path, "eagraph.toml", CONFIG)
    write(tmp_path, "model.ttl", PREFIXES + CHANNELS + service("a", "web") + service("c", "post"))
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "no plan")
    targets = json.loads(run("targets", tmp_path, "--format", "json", "-q").stdout)["targets"]
    assert [(t["today"], t["planned"], t["plan_reaches"]) for t in targets] == [(0.5, None, None)] * 3


def test_a_date_the_plan_cannot_place_is_said_and_the_report_still_made(run, tmp_path):
    write(tmp_path, "eagraph.toml", CONFIG)
    write(tmp_path, "model.ttl", MODEL + 'ex:c eag:phasingOutFrom "soon" .\n')
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "a wrong date")
    result = run("targets", tmp_path, "--format", "json")
    assert result.exit_code == 0 and "Traceback" not in result.stderr
    assert "no value by the plan: model.ttl:" in result.stderr and '"soon" is not an xsd:date' in result.stderr
    assert [t["planned"] for t in json.loads(result.stdout)["targets"]] == [None] * 3
