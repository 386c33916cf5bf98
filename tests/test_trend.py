"""`eagraph trend` as the README shows it: a revision that does not exist is said in words, a range of
commits that did not touch the model still shows where the trend starts, and a commit subject
cannot become a formula in the spreadsheet the CSV is opened in."""

from __future__ import annotations

import csv
import io

import pytest

from helpers import PREFIXES, git, write

AUTHORITY = PREFIXES + """
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl , "SPF Finances"@fr ;
    dct:identifier "0308357159" ; eag:governmentLevel eag:Federal .
"""


@pytest.fixture
def repository(tmp_path):
    """A model committed once, then three commits that only touch the README, the last one with a
    subject that a spreadsheet would run as a formula."""
    root = tmp_path / "repo"
    write(root, "model/authorities.ttl", AUTHORITY)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "=HYPERLINK(\"http://evil.example\") the model")
    for number in range(3):
        write(root, "README.md", f"notes {number}\n")
        git(root, "add", "-A")
        git(root, "commit", "-qm", f"docs {number}")
    return root


def test_unknown_revision_is_said_in_words(run, repository):
    result = run("trend", repository / "model", "--since", "v1.0")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: no revision v1.0 in {repository}"
    assert "git log" not in result.stderr and "Traceback" not in result.stderr


def test_a_revision_is_never_an_option_of_git(run, repository, tmp_path):
    result = run("trend", repository / "model", f"--since=--output={tmp_path / 'written'}")
    assert result.exit_code == 2 and "no revision --output=" in result.stderr
    assert not (tmp_path / "written").exists()


def test_outside_a_repository_is_said_in_words(run, tmp_path):
    write(tmp_path / "alone", "a.ttl", AUTHORITY)
    result = run("trend", tmp_path / "alone", "--since", "HEAD")
    assert result.exit_code == 2 and "not in a git repository" in result.stderr


def test_since_commits_that_did_not_touch_the_model_shows_where_it_starts(run, repository):
    result = run("trend", repository / "model", "--since", "HEAD~2")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["subject"], row["services"]) for row in rows] == [("docs 0", "0")]
    assert "no commit after HEAD~2 changed the model" in result.stderr


def test_commit_subjects_cannot_become_formulas(run, repository):
    rows = list(csv.DictReader(io.StringIO(run("trend", repository / "model", "--since", "HEAD~3").stdout)))
    assert rows[0]["subject"] == "'=HYPERLINK(\"http://evil.example\") the model"


@pytest.mark.parametrize("command", [
    ("trend", "{model}", "--since", "{rev}"),
    ("diff", "--model", "{model}", "--", "{rev}"),  # after --: a revision, not diff's own --output
    ("validate", "{model}", "--changed-since", "{rev}"),
])
def test_every_command_that_takes_a_revision_says_when_there_is_none(run, repository, tmp_path, command):
    for revision, said in (("v1.0", "no revision v1.0 in"), (f"--output={tmp_path / 'out'}", "no revision --output=")):
        result = run(*(part.format(model=repository / "model", rev=revision) for part in command))
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"error: {said}"), result.stderr
        assert not (tmp_path / "out").exists()
