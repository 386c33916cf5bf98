"""The site's evidence for policy, as a manager reads it: the dashboard opens with the total burden, what
the top findings save and the targets' progress; each authority has a scorecard; each life event the
hours its applicants spend on it, today and after the top findings. Every figure on a page is the one
`eagraph burden`, `burden --apply` and `eagraph targets` report for the same model (one site language
built, en; the words in nl, fr and en are checked on the rendered pages without mkdocs)."""

from __future__ import annotations

import html
import json
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from eagraph.generators.site import SiteOptions, build_site
from eagraph.generators.site.i18n import word
from eagraph.generators.site.pages import Pages, environment
from eagraph.workspace import load
from helpers import example_model_history


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example model in a git history of its own, its site inputs computed as `site build` does, and
    its English site built from them."""
    from eagraph.generators.site.inputs import site_inputs

    root = tmp_path_factory.mktemp("policy")
    models = example_model_history(root / "repo")
    workspace = load(models)
    inputs = site_inputs(workspace, 12, None)
    out = root / "site"
    build_site(workspace, out, SiteOptions(languages=("en",)), inputs)
    return models, inputs, out


def text_of(out, path: str) -> str:
    """A page's text as a reader sees it: tags gone, entities read, spaces (thin, no-break) as one space."""
    page = (out / "en" / path).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def whole(value: float) -> str:
    """A report's figure (hours, euros) as the site shows it: whole, a (thin) space between thousands."""
    rounded = int(Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP).quantize(Decimal(1), ROUND_HALF_UP))
    return f"{rounded:,}".replace(",", " ")


def report(run, *args) -> dict:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_dashboard_opens_with_the_total_burden_of_eagraph_burden(run, example):
    models, _inputs, out = example
    total = next(row for row in report(run, "burden", models)["rows"] if row["level"] == "total")
    page = text_of(out, "index.html")
    said = f"{whole(total['hours'])} hours and € {whole(total['euros'])} a year"
    assert said in page
    assert f"{whole(total['assumed_euros_share'] * 100)} % assumed" in page
    assert page.index(said) < page.index("Services per authority")  # it opens with it


def test_the_dashboard_says_what_acting_on_the_top_findings_saves_as_burden_apply_does(run, example, tmp_path):
    models, inputs, out = example
    top = inputs.findings.analysis[:10]
    plan = tmp_path / "top.json"
    plan.write_text(json.dumps({"findings": [{"kind": f.code, "subject": f.subject, "related": list(f.related),
                                              "score": f.score} for f in top]}), encoding="utf-8")
    total = next(row for row in report(run, "burden", models, "--apply", plan)["rows"] if row["level"] == "total")
    assert total["hours_saved"] > 0
    page = text_of(out, "index.html")
    assert (f"After the top 10 findings: {whole(total['hours_after'])} hours and € {whole(total['euros_after'])} "
            f"a year ({whole(total['hours_saved'])} hours and € {whole(total['euros_saved'])} saved)") in page
    priced = [f for f in top if f.savings is not None]
    assert priced
    for finding in priced:  # each with its own savings, as analyze reports them
        assert f"{whole(finding.savings.hours)} € {whole(finding.savings.euros)}" in page


def shown(value: float) -> str:
    """A target's figure as the dashboard writes it: as is below a thousand, else as the burden's hours."""
    return f"{value:.12g}" if abs(value) < 1000 else whole(value)


def test_the_dashboard_shows_each_target_as_eagraph_targets_assesses_it(run, example):
    models, _inputs, out = example
    targets = report(run, "targets", models)["targets"]
    assert targets and any(t["commits"] >= 2 for t in targets)
    page = text_of(out, "index.html")
    section = page[page.index("Targets Target Today"):]
    for target in targets:
        projected = target["projected"] or ("–" if target["status"] in ("reached", "too early to tell") else "never")
        course = target["course"]
        row = (f"{target['name']} {shown(target['today'])} {shown(target['target'])} by {target['date']} "
               f"{shown(course[0]['value'])} → {shown(course[-1]['value'])} over {len(course)} commits")
        assert row in section, row
        after = section[section.index(row):]
        assert re.match(rf"{re.escape(row)} [^()]+ \([^()]+\) {re.escape(projected)} {re.escape(target['status'])}", after)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_dashboard_speaks_the_language_of_its_page(example, language):
    _models, inputs, _out = example
    pages = {path: body for path, _front, body in
             Pages(inputs.content, inputs.findings, language, environment(), {}, {}, inputs.policy).all()}
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", pages["index.md"])))  # \s: thin spaces too
    for key in ("burden", "savings", "targets", "projected"):
        assert word(key, language) in text, key
    assert word(inputs.policy.targets[0].status, language) in text
    authority = next(row.subject for row in inputs.policy.burden.of_level("authority"))
    assert word("scorecard", language) in pages[inputs.content.entities[authority].path[:-5] + ".md"]
    event = next(row.subject for row in inputs.policy.burden.of_level("event"))
    assert word("journey-hours", language) in pages[inputs.content.entities[event].path[:-5] + ".md"]


def test_with_trend_0_the_targets_are_todays_values_and_no_history_is_read(run, example, monkeypatch):
    from eagraph.generators.site.inputs import site_inputs
    from eagraph.gittools import trend

    models, _inputs, _out = example
    expected = {t["name"]: t["today"] for t in report(run, "targets", models)["targets"]}
    monkeypatch.setattr(trend, "run_git", lambda *args, **kwargs: pytest.fail("git was run with --trend 0"))
    targets = site_inputs(load(models), 0, None).policy.targets
    assert {t.target.title: round(t.today, 4) for t in targets} == expected
    assert all(t.course == [] for t in targets)


def test_each_authority_has_a_scorecard_of_its_burden_findings_validation_data_and_translations(run, example):
    models, inputs, out = example
    findings = report(run, "analyze", models)["findings"]
    problems = report(run, "validate", models)["findings"]
    rows = [row for row in report(run, "burden", models)["rows"] if row["level"] == "authority"]
    assert len(rows) > 3
    for row in rows[:3] + rows[-1:]:  # the heaviest and the lightest
        authority = row["subject"]
        services = inputs.content.services_by_authority[authority]
        subjects = {authority, *services}
        page = text_of(out, inputs.content.entities[authority].path)
        card = page[page.index("Scorecard"):]
        assert (f"Administrative burden {whole(row['hours'])} hours and € {whole(row['euros'])} a year; "
                f"{whole(row['assumed_euros_share'] * 100)} % assumed") in card
        mine = [f for f in findings if f["subject"] in subjects]
        violations = sum(1 for f in mine if f["kind"] == "only-once-violation")
        assert re.search(rf"Simplification {violations} only-once violations?, {len(mine) - violations} "
                         "simplification candidates?", card)
        severities = [sum(1 for f in problems if f["subject"] in subjects and f["severity"] == s)
                      for s in ("error", "warning", "info")]
        assert "Validation status {} errors, {} warnings, {} notices".format(*severities) in card
        stated = sum(1 for s in services if inputs.content.model.cases(s) is not None)
        assert f"{stated} of {len(services)} services with their cases a year" in card
        dutch = sum(1 for s in subjects if inputs.content.model.labels.get(s, {}).get("nl"))
        assert f"Translations nl {dutch}/{len(subjects)} · fr " in card


def test_each_life_event_shows_the_hours_spent_on_it_today_and_after_the_top_findings(run, example, tmp_path):
    models, inputs, out = example
    top = inputs.findings.analysis[:10]
    plan = tmp_path / "top.json"
    plan.write_text(json.dumps({"findings": [{"kind": f.code, "subject": f.subject, "related": list(f.related)}
                                             for f in top]}), encoding="utf-8")
    rows = report(run, "burden", models, "--apply", plan)["rows"]
    events = [row for row in rows if row["level"] == "event"]
    relieved = [row for row in events if row["hours_saved"] > 0]
    assert relieved, "the top findings relieve some life event"
    for row in [*relieved[:2], events[-1]]:
        page = text_of(out, inputs.content.entities[row["subject"]].path)
        assert (f"Time citizens and businesses spend on it: {whole(row['hours_before'])} hours a year today, "
                f"{whole(row['hours_after'])} after the top findings") in page
    services = {row["subject"]: row for row in report(run, "burden", models)["rows"] if row["level"] == "service"}
    event = relieved[0]["subject"]
    known = [services[s] for s in inputs.content.services_by_event[event] if services[s]["cases"]]
    today = sum(Decimal(str(s["hours"])) / s["cases"] for s in known)
    page = text_of(out, inputs.content.entities[event].path)
    said = re.search(r"one applicant through every service: ([\d.]+) hours, ([\d.]+) after", page)
    assert said and abs(Decimal(said[1]) - today) <= Decimal("0.051")
    assert Decimal(said[2]) < Decimal(said[1])


def test_a_burden_the_model_cannot_state_is_warned_about_naming_the_file_and_the_rest_is_rendered(tmp_path):
    from eagraph.generators.site.inputs import site_inputs
    from helpers import PREFIXES, write

    write(tmp_path, "model/eagraph.toml", '[model]\ninclude = ["**/*.ttl"]\n[burden]\ninformation_time = "soon"\n')
    write(tmp_path, "model/model.ttl", PREFIXES + """
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl .
ex:permit a cpsv:PublicService ; dct:identifier "P-1" ; dct:title "Vergunning"@nl ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information ; eag:annualCases 10 .
""")
    said: list[str] = []
    inputs = site_inputs(load(tmp_path / "model"), 0, None, warn=said.append)
    assert inputs.policy.burden is None and inputs.policy.plan is None
    assert len(said) == 1 and "eagraph.toml" in said[0] and "information_time" in said[0]
    pages = {path: body for path, _front, body in
             Pages(inputs.content, inputs.findings, "nl", environment(), {}, {}, inputs.policy).all()}
    assert word("burden", "nl") not in pages["index.md"]
    authority = inputs.content.entities["https://example.org/fin"]
    assert word("scorecard", "nl") in pages[f"authorities/{authority.slug}.md"]


def test_the_preview_shows_the_burden_as_the_build_does(tmp_path):
    """``site serve`` takes its inputs where ``site build`` does: its dashboard opens with the burden too."""
    from eagraph.generators.site.serve import preview_server
    from helpers import PREFIXES, write

    model = tmp_path / "model"
    write(model, "model.ttl", PREFIXES + """
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl, "FPS Finance"@en ; dct:identifier "0308357159" .
ex:permit a cpsv:PublicService ; dct:identifier "P-1" ; dct:title "Vergunning"@nl, "Permit"@en ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information ; eag:annualCases 100 .
""")
    messages: list[str] = []
    server = preview_server(model, tmp_path / "work", "en", 0, log=messages.append)
    try:
        page = (tmp_path / "work" / "site" / "en" / "index.html").read_text(encoding="utf-8")
    finally:
        server.server_close()
    assert "hours and €" in page and "a year" in page, messages


def test_each_journey_row_shows_its_service_authorities_evidence_and_hours_a_case(example):
    """The one-stop shop: a row per service of each life event, with its competent authorities, the
    evidence still asked of the applicant, and one case's hours today and after the top findings (as
    the burden over the cases a year gives them)."""
    _models, inputs, _out = example
    pages = Pages(inputs.content, inputs.findings, "en", environment(), {}, {}, inputs.policy)
    body = dict((path, body) for path, _front, body in pages.all())["one-stop-shop.md"]
    rows = re.findall(r'<tr><td><a href="([^"]+)">.*?</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td>'
                      r'<td class="eag-number">(.*?)</td></tr>', body)
    content = inputs.content
    assert len(rows) == sum(len(content.services_by_event.get(e.iri, [])) for e in content.in_section("events")) > 10
    by_path = {entity.path: node for node, entity in content.entities.items()}
    with_hours = 0
    for href, authorities, _granting, asked, hours in rows:
        service = by_path[href]
        for authority in inputs.content.model.objects(service, "http://data.europa.eu/m8g/hasCompetentAuthority"):
            assert content.entities[authority].slug in authorities
        asked_now = [e for e in content.model.evidence_of(service) if not content.fetched_from(e)]
        assert (asked.count("; ") + 1 if asked_now else 0) == len(asked_now) or 'class="eag-none"' in asked
        burden = inputs.policy.row("service", service)
        if burden is not None and burden.cases:
            today = pages.case_hours(burden.amount.hours / burden.cases)
            assert hours == today or hours.startswith(today + " → "), (service, hours)
            with_hours += 1
        else:
            assert hours == ""
    assert with_hours > 5
