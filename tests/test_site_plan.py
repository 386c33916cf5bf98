"""The dashboard's figures and the targets as of the plan's dates (issue 18): beside today's figures,
the same as of each initiative's due date, from the model's as-of view, through the one definition of
each figure (analyses/figures.py, analyses/metrics.py); each target with the value the plan reaches on
its date. The model's numbers are worked out by hand below."""

from __future__ import annotations

import datetime
import re

import pytest

from eagraph.generators.site.inputs import site_inputs
from eagraph.generators.site.pages import Pages, environment
from eagraph.gittools.plan import MAX_PLAN_DATES, plan_dates
from eagraph.workspace import load
from eagraph.workspace.lifecycle import keep_as_of
from helpers import write

TODAY = datetime.date(2026, 6, 1)
CONFIG = """[model]
languages = ["en"]

[[targets]]
name = "Services online"
metric = "online_share"
value = 1
date = 2029-01-01

[[targets]]
name = "Only-once violations"
metric = "only_once_violations"
value = 0
date = 2027-01-01
"""
MODEL = """@prefix authsrc: <http://vocab.belgif.be/ns/authsrc#> .
@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix eag: <https://w3id.org/eagraph/ns#> .
@prefix ex: <https://example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ex:fin a cv:PublicOrganisation ; skos:prefLabel "Finance"@en .
ex:post a cv:Channel ; dct:title "Post"@en ; dct:type eag:Post .
ex:web a cv:Channel ; dct:title "Web"@en ; dct:type eag:Online .
ex:income a cv:InformationConcept ; skos:prefLabel "Income"@en ; authsrc:hasSource ex:register ;
    authsrc:isAuthoritative true .
ex:register a authsrc:DataSource ; dct:title "Register"@en ; dct:publisher ex:fin .
ex:statement a cv:Evidence ; dct:title "Income statement"@en ; cv:supportsConcept ex:income ;
    eag:obtainingTime "PT30M"^^xsd:duration .

# today: on paper, asking for the income statement (an only-once violation), until 2028
ex:paper a cpsv:PublicService ; dct:title "Allowance on paper"@en ; dct:type eag:Entitlement ;
    eag:grantingMode eag:OnRequest ; cv:hasCompetentAuthority ex:fin ; cv:hasChannel ex:post ;
    cpsv:hasInput ex:statement ; eag:annualCases 1000 ; eag:informationTime "PT15M"^^xsd:duration ;
    eag:fillingInTime "PT1H"^^xsd:duration ;
    eag:retiredFrom "2028-01-01"^^xsd:date .
# a second service, online from the start, kept throughout
ex:tax a cpsv:PublicService ; dct:title "Tax return"@en ; cv:hasCompetentAuthority ex:fin ;
    cv:hasChannel ex:web ; eag:annualCases 500 ; eag:informationTime "PT15M"^^xsd:duration ;
    eag:fillingInTime "PT2H"^^xsd:duration .
# the plan: granted automatically and online from 2028
ex:automatic a cpsv:PublicService ; dct:title "Allowance"@en ; dct:type eag:Entitlement ;
    eag:grantingMode eag:Automatic ; cv:hasCompetentAuthority ex:fin ; cv:hasChannel ex:web ;
    eag:annualCases 1000 ; eag:informationTime "PT0S"^^xsd:duration ; eag:fillingInTime "PT0S"^^xsd:duration ;
    eag:plannedFrom "2026-01-01"^^xsd:date ; eag:activeFrom "2028-01-01"^^xsd:date .
ex:go-automatic a eag:Initiative ; dct:title "Automatic allowance"@en ; eag:dueDate "2028-01-01"^^xsd:date ;
    eag:initiativeStatus eag:InProgress ; eag:affects ex:paper , ex:automatic .
"""


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> tuple[str, object]:
    folder = tmp_path_factory.mktemp("plan")
    write(folder, "eagraph.toml", CONFIG)
    write(folder, "model.ttl", MODEL)
    workspace = keep_as_of(load(folder), TODAY)  # site build --as-of 2026-06-01
    inputs = site_inputs(workspace, 0, folder / "cache")
    pages = {path: body for path, _, body in
             Pages(inputs.content, inputs.findings, "en", environment(), {}, {}, inputs.policy).all()}
    return pages["index.md"], inputs.policy


def table(body: str, css: str) -> list[list[str]]:
    found = re.search(rf'<table class="eag-table {css}">(.*?)</table>', body, re.S)
    assert found, body
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", found.group(1), re.S)]


def test_the_dashboard_shows_todays_figures_beside_the_plans(home):
    body, _ = home
    # today (2026-06-01): paper (by post, on request, asking for the income statement the register
    # holds) and tax (online); as of 2028-01-01 (the initiative's due date) paper is retired and
    # automatic (online, granted automatically) in use.
    # burden today: paper 1,000 x (15 min + 1 h + 30 min evidence) = 1,750 h; tax 500 x (15 min + 2 h)
    # = 1,125 h; together 2,875 h. In 2028: tax 1,125 h, automatic 1,000 x 0 = 0 h.
    assert table(body, "eag-plan") == [
        ["Figure", "Today (2026-06-01)", "2028-01-01"],
        ["Services", "2", "2"],
        ["Services with an online channel", "50\u00a0%", "100\u00a0%"],
        ["Rights granted automatically or pro-actively", "0\u00a0%", "100\u00a0%"],
        ["Only-once violations", "1", "0"],
        ["Administrative burden (hours a year)", "2\u202f875", "1\u202f125"],
    ]


def test_each_target_shows_the_value_the_plan_reaches_on_its_date(home):
    body, policy = home
    # online share 1 by 2029-01-01: as of then, tax and automatic, both online; only-once 0 by
    # 2027-01-01: paper is still in use then, still asking
    assert {p.target.title: p.planned for p in policy.targets} == {"Services online": 1.0,
                                                                   "Only-once violations": 1}
    rows = table(body, "eag-targets")
    assert rows[0][7] == "By the plan on that date"
    assert [(row[0], row[7]) for row in rows[1:]] == [("Services online", "1"), ("Only-once violations", "1")]


def test_no_plan_ahead_no_plan_figures(tmp_path):
    write(tmp_path, "eagraph.toml", CONFIG)
    write(tmp_path, "model.ttl", MODEL)
    workspace = keep_as_of(load(tmp_path), datetime.date(2028, 1, 1))  # the initiative's date is not ahead
    inputs = site_inputs(workspace, 0, tmp_path / "cache")
    assert inputs.policy.plan_figures == [] and all(t.planned is None for t in inputs.policy.targets)


def test_of_many_plan_dates_the_nearest_and_the_last_are_read(tmp_path):
    initiatives = "".join(f'ex:i{n} a eag:Initiative ; eag:dueDate "{2030 + n}-01-01"^^xsd:date .\n' for n in range(6))
    cancelled = 'ex:gone a eag:Initiative ; eag:dueDate "2027-01-01"^^xsd:date ; eag:initiativeStatus eag:Cancelled .\n'
    write(tmp_path, "model.ttl", MODEL + initiatives + cancelled)
    days = plan_dates(load(tmp_path), TODAY)
    assert len(days) == MAX_PLAN_DATES == 4
    assert [d.year for d in days] == [2028, 2030, 2031, 2035]
