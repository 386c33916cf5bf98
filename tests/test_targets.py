"""`eagraph targets`: each target of eagraph.toml with its value today, its course over the model's
own git history, the pace it needs and whether the present pace gets there; `--fail-behind` exits 1
when one does not. Every history here is a repository the test makes, with dated commits."""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil

import pytest

from helpers import MODELS, PREFIXES, git, write

TARGETS = """
[[targets]]
name = "Granted without asking"
metric = "automatic_share"
value = 1.0
date = 2040-01-01

[[targets]]
name = "Still on request"
metric = "sparql"
query = "SELECT (COUNT(?s) AS ?n) WHERE { ?s dct:type eag:Entitlement ; eag:grantingMode eag:OnRequest }"
value = 0
date = 2040-01-01
"""
ONLINE = """
[[targets]]
name = "Online"
metric = "online_share"
value = 1.0
date = 2040-01-01
"""


def entitlements(automatic: int, total: int = 4) -> str:
    """``total`` entitlements, the first ``automatic`` of them granted automatically, none online."""
    return PREFIXES + "".join(f"""
ex:right{n} a cpsv:PublicService ; dct:title "Recht {n}"@nl , "Droit {n}"@fr ; dct:identifier "r{n}" ;
    dct:type eag:Entitlement ; eag:grantingMode {"eag:Automatic" if n < automatic else "eag:OnRequest"} .
""" for n in range(total))


@pytest.fixture
def history(tmp_path):
    """A model over three yearly commits: one, two, then three of its four entitlements granted
    automatically (a share of 0.25 a year, one request fewer a year); no service online, ever."""
    root = tmp_path / "repo"
    model = root / "model"
    write(model, "eagraph.toml", '[model]\ninclude = ["**/*.ttl"]\n' + TARGETS + ONLINE)
    git(root, "init", "-q")
    for year, automatic in ((2024, 1), (2025, 2), (2026, 3)):
        write(model, "services.ttl", entitlements(automatic))
        git(root, "add", "-A")
        git(root, "commit", "-qm", f"{automatic} automatic", date=f"{year}-01-01T12:00:00+00:00")
    return model


def read_json(result) -> dict:
    return {t["name"]: t for t in json.loads(result.stdout)["targets"]}


def test_each_target_has_its_value_today_its_course_and_its_pace(run, history):
    result = run("targets", history, "--format", "json", "-q")
    assert result.exit_code == 0, result.output
    targets = read_json(result)
    granted = targets["Granted without asking"]
    assert granted["today"] == 0.75 and [c["value"] for c in granted["course"]] == [0.25, 0.5, 0.75]
    assert granted["pace_per_year"] == pytest.approx(0.25, abs=0.001)  # 2024 has 366 days
    years_left = (datetime.date(2040, 1, 1) - datetime.date.today()).days / 365.25
    assert granted["needed_per_year"] == pytest.approx(0.25 / years_left)
    assert granted["status"] == "on course" and granted["on_course"] is True
    assert datetime.date.fromisoformat(granted["projected"]) - datetime.date.today() == pytest.approx(
        datetime.timedelta(days=365), abs=datetime.timedelta(days=2))  # 0.25 to go at 0.25 a year
    request = targets["Still on request"]  # lower is better: its value today is above the target's
    assert (request["today"], request["status"]) == (1.0, "on course")
    assert request["pace_per_year"] == pytest.approx(-1.0, abs=0.01)
    online = targets["Online"]  # no progress at all: never there
    assert (online["today"], online["pace_per_year"], online["projected"], online["status"]) == (0.0, 0.0, None,
                                                                                               "behind")


def test_fail_behind_exits_1_on_a_target_not_on_course_and_0_when_all_are(run, history):
    result = run("targets", history, "--fail-behind")
    assert result.exit_code == 1, result.output
    assert "not on course: Online" in result.stderr
    assert "2 of 3 targets on course, 1 not" in result.stdout
    write(history, "eagraph.toml", '[model]\ninclude = ["**/*.ttl"]\n' + TARGETS)  # today: the working tree
    result = run("targets", history, "--fail-behind")
    assert result.exit_code == 0, result.output
    assert "2 of 2 targets on course" in result.stdout


def test_today_is_the_working_tree_when_it_changed(run, history):
    write(history, "services.ttl", entitlements(4))
    targets = read_json(run("targets", history, "--format", "json", "-q"))
    assert targets["Granted without asking"]["status"] == "reached"
    assert targets["Still on request"]["today"] == 0.0


def test_since_reads_the_course_from_a_revision(run, history):
    targets = read_json(run("targets", history, "--since", "HEAD~1", "--format", "json", "-q"))
    assert [c["value"] for c in targets["Granted without asking"]["course"]] == [0.5, 0.75]


def test_csv_cells_cannot_become_formulas_and_output_is_written_whole(run, history, tmp_path):
    text = (history / "eagraph.toml").read_text().replace('"Online"', '"=HYPERLINK(\\"http://evil.example\\")"')
    write(history, "eagraph.toml", text)
    out = tmp_path / "targets.csv"
    assert run("targets", history, "--format", "csv", "-o", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [row["name"] for row in rows][-1] == "'=HYPERLINK(\"http://evil.example\")"
    assert rows[0]["status"] == "on course" and rows[0]["today"] == "0.75"


@pytest.mark.parametrize("table, said", [
    ('[[targets]]\nmetric = "automatic_share"\nvalue = "80%"\ndate = 2040-01-01\n',
     "[[targets]] #1: value must be a number, not '80%'"),
    ('[[targets]]\nmetric = "automatic_share"\nvalue = 0.8\n', "[[targets]] #1: 'date' is missing"),
    ('[[targets]]\nmetric = "automatic_share"\nvalue = 0.8\ndate = "soon"\n',
     "[[targets]] #1: date must be a day written 2040-01-01, not 'soon'"),
    ('[[targets]]\nmetric = "happiness"\nvalue = 1\ndate = 2040-01-01\n',
     "[[targets]] #1: metric 'happiness' is unknown"),
    ('[[targets]]\nmetric = "online_share"\nvalue = 1\ndate = 2040-01-01\nvalu = 2\n', "unknown key 'valu'"),
    ('[[targets]]\nmetric = "online_share"\nvalue = nan\ndate = 2040-01-01\n', "value must be a number, not nan"),
    ('[[targets]]\nmetric = "sparql"\nvalue = 1\ndate = 2040-01-01\n', "metric 'sparql' needs a 'query'"),
    ('[[targets]]\nmetric = "sparql"\nvalue = 1\ndate = 2040-01-01\nquery = "DELETE WHERE { ?s ?p ?o }"\n',
     "updates are not run"),
    ('[targets]\nmetric = "online_share"\n', "targets must be tables written [[targets]]"),
])
def test_a_wrong_target_is_said_naming_the_file_and_the_key(run, tmp_path, table, said):
    model = tmp_path / "model"
    write(model, "services.ttl", entitlements(1))
    write(model, "eagraph.toml", table)
    result = run("targets", model, "-o", tmp_path / "out.txt")
    assert result.exit_code == 2, result.output
    assert str(model / "eagraph.toml") in result.stderr and said in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out.txt").exists()


def test_an_update_is_never_run_on_the_model(run, history):
    """A pull request's eagraph.toml may hold an update as a target's query: it is refused before it runs,
    and the model (and its store) keep every statement."""
    before = (history / "services.ttl").read_text()
    write(history, "eagraph.toml", '[[targets]]\nmetric = "sparql"\nvalue = 0\ndate = 2040-01-01\n'
                                   'query = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"\n')
    result = run("targets", history)
    assert result.exit_code == 2 and "INSERT: updates are not run" in result.stderr
    assert (history / "services.ttl").read_text() == before


def test_a_query_that_answers_no_single_number_is_said(run, history):
    """Committed, so that today's value is the last commit's, where the query found no number either."""
    write(history, "eagraph.toml", '[[targets]]\nname = "titles"\nmetric = "sparql"\nvalue = 0\ndate = 2040-01-01\n'
                                   'query = "SELECT ?t WHERE { ?s dct:title ?t }"\n')
    git(history.parent, "commit", "-qam", "a target")
    result = run("targets", history)
    assert result.exit_code == 2 and "target 'titles'" in result.stderr and "8 row(s)" in result.stderr


def test_burden_hours_is_the_total_that_eagraph_burden_reports(run, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(MODELS, model)
    write(model, "eagraph.toml", '[[targets]]\nmetric = "burden_hours"\nvalue = 0\ndate = 2040-01-01\n')
    git(model, "init", "-q")
    git(model, "add", "-A")
    git(model, "commit", "-qm", "the example model")
    burden = json.loads(run("burden", model, "--format", "json").stdout)
    total = next(row for row in burden["rows"] if row["level"] == "total")
    targets = json.loads(run("targets", model, "--format", "json").stdout)["targets"]
    assert total["hours"] > 0 and targets[0]["today"] == pytest.approx(total["hours"], abs=0.01)


def test_no_targets_is_said(run, history):
    write(history, "eagraph.toml", '[model]\ninclude = ["**/*.ttl"]\n')
    result = run("targets", history, "--fail-behind")
    assert result.exit_code == 0 and "has no [[targets]]" in result.stderr


@pytest.mark.parametrize("course, now, target, expected", [
    ([("a", "2020-01-01T00:00:00+00:00", 5.0), ("b", "2021-01-01T00:00:00+00:00", 5.0)], 5.0,
     {"metric": "only_once_violations", "value": 0}, ("behind", None)),  # flat: never
    ([("a", "2020-01-01T00:00:00+00:00", 0.9)], 0.9, {"metric": "online_share", "value": 0.8}, ("reached", None)),
    ([("a", "2020-01-01T00:00:00+00:00", 0.1)], 0.1, {"metric": "online_share", "value": 0.8,
                                                      "date": datetime.date(2020, 6, 1)}, ("overdue", None)),
    ([], 3.0, {"metric": "sparql", "value": 10}, ("behind", None)),  # no course, no pace
    ([("a", "2020-01-01T00:00:00+00:00", 4.0), ("b", "2021-01-01T00:00:00+00:00", 3.0)], 3.0,
     {"metric": "sparql", "value": 10}, ("behind", None)),  # a query's number going away from its target
])
def test_assess(course, now, target, expected):
    from eagraph.gittools.targets import assess
    from eagraph.workspace.config import Target

    spec = Target(**({"date": datetime.date(2040, 1, 1)} | target))
    result = assess(spec, now, course, datetime.date(2030, 1, 1))
    assert (result.status, result.projected) == expected


@pytest.mark.parametrize("days, expected", [(89, "too early to tell"), (90, "on course")])
def test_a_pace_is_projected_from_a_course_of_at_least_90_days(days, expected):
    """A share from 0.5 to 0.6 in 89 or 90 days reaches 0.8 by 2040 at that pace (0.4 a year), but 89
    days of course are too few to say so: the pace is kept, no date is projected, and it is not on course."""
    from eagraph.gittools.targets import assess
    from eagraph.workspace.config import Target

    start = datetime.datetime(2029, 1, 1, tzinfo=datetime.timezone.utc)
    course = [("a", start.isoformat(), 0.5), ("b", (start + datetime.timedelta(days=days)).isoformat(), 0.6)]
    result = assess(Target("online_share", 0.8, datetime.date(2040, 1, 1)), 0.6, course, datetime.date(2030, 1, 1))
    assert result.status == expected and result.on_course is (expected == "on course")
    assert result.pace == pytest.approx(0.1 / days * 365.25)
    assert (result.projected is None) is (expected == "too early to tell")


@pytest.fixture
def young(tmp_path):
    """Ten days of history: one, then two of four entitlements granted automatically (a pace of 9 a
    year on a share of at most 1, if ten days were a trend)."""
    model = tmp_path / "young"
    write(model, "eagraph.toml", '[model]\ninclude = ["**/*.ttl"]\n' + TARGETS)
    git(model, "init", "-q")
    for day, automatic in (("2026-01-01", 1), ("2026-01-11", 2)):
        write(model, "services.ttl", entitlements(automatic))
        git(model, "add", "-A")
        git(model, "commit", "-qm", f"{automatic} automatic", date=f"{day}T12:00:00+00:00")
    return model


def test_a_course_of_ten_days_is_too_early_to_tell_and_fails_behind(run, young):
    targets = read_json(run("targets", young, "--format", "json", "-q"))
    granted = targets["Granted without asking"]
    assert (granted["status"], granted["projected"], granted["on_course"], granted["course_days"]) == (
        "too early to tell", None, False, 10.0)
    assert granted["pace_per_year"] == pytest.approx(0.25 / 10 * 365.25)  # shown, not projected
    result = run("targets", young, "--fail-behind")
    assert result.exit_code == 1 and "not on course: Granted without asking, Still on request" in result.stderr
    assert "0 of 2 targets on course, 2 not (2 too early to tell" in result.stdout
    assert result.stdout.splitlines()[1].split("  ")[-1].strip() == "too early to tell"


def test_min_course_days_sets_the_threshold(run, young):
    assert run("targets", young, "--fail-behind", "--min-course-days", "11").exit_code == 1
    result = run("targets", young, "--fail-behind", "--min-course-days", "10")
    assert result.exit_code == 0 and "2 of 2 targets on course" in result.stdout
    assert run("targets", young, "--min-course-days", "-1").exit_code == 2


def test_least_squares_pace_is_not_decided_by_one_commit_at_an_end():
    from eagraph.gittools.targets import least_squares_pace

    years = [f"{2020 + n}-01-01T00:00:00+00:00" for n in range(5)]
    steady = least_squares_pace([("c", y, float(n)) for n, y in enumerate(years)])
    assert steady == pytest.approx(1.0, abs=0.002)
    dipped = least_squares_pace([("c", y, v) for y, v in zip(years, (0.0, 1.0, 2.0, 3.0, 0.0))])
    assert 0 < dipped < 1.0  # first-to-last would read 0: no progress at all


def test_the_example_model_has_a_target_for_each_kind_of_metric_the_issue_lists(run):
    """Issue 17's metrics, each with a target in the example's eagraph.toml; the burden's is an
    illustration, a third less than the burden today (within bounds: the model's figures move)."""
    from eagraph.workspace import load
    from eagraph.workspace.config import read_targets

    targets = {t.metric: t for t in read_targets(load(MODELS).config)}
    assert set(targets) == {"automatic_share", "online_share", "only_once_violations", "burden_hours", "sparql"}
    burden = json.loads(run("burden", MODELS, "--format", "json", "-q").stdout)
    today = next(row for row in burden["rows"] if row["level"] == "total")["hours"]
    assert 0.5 * today < targets["burden_hours"].value < 0.8 * today
    assert "not a commitment" in (MODELS / "eagraph.toml").read_text()


@pytest.mark.slow
def test_the_example_models_targets_fail_behind_when_its_history_does_not_reach_one(run, tmp_path):
    """The issue's done-when, on the example model and its own eagraph.toml: over a year, one authority
    grants its entitlements automatically; the share of services online does not move, so its target
    for 2030 is behind (exit 1); with the targets that history reaches, exit 0."""
    root = tmp_path / "repo"
    models = root / "models"
    shutil.copytree(MODELS, models)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the example model", date="2025-01-01T12:00:00+00:00")
    neo = models / "authorities" / "neo.ttl"
    neo.write_text(neo.read_text().replace("eag:grantingMode eag:OnRequest", "eag:grantingMode eag:Automatic"))
    git(root, "add", "-A")
    git(root, "commit", "-qm", "NEO grants automatically", date="2026-01-01T12:00:00+00:00")
    result = run("targets", models, "--fail-behind")
    assert result.exit_code == 1, result.output
    assert "Services online" in result.stderr.split("not on course:")[1]
    shipped = (models / "eagraph.toml").read_text()
    kept = shipped.split("[[targets]]")[0] + "".join(
        "[[targets]]" + table for table in shipped.split("[[targets]]")[1:]
        if "automatic_share" in table or "OnRequest" in table)
    write(models, "eagraph.toml", kept)
    result = run("targets", models, "--fail-behind")
    assert result.exit_code == 0, result.output
    assert "2 of 2 targets on course" in result.stdout
