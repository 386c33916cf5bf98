"""Each entity page's history: the commits that changed it, as ``diff`` reads them
(eagraph.gittools.history), newest first, with what changed; a page of an entity no commit read
changed says so. Pages are rendered without mkdocs, as in test_site_roadmap."""

from __future__ import annotations

import re
import time

import pytest

from eagraph.generators.site.content import SiteContent
from eagraph.generators.site.inputs import site_inputs
from eagraph.generators.site.pages import Pages, SiteFindings, environment
from eagraph.gittools import history as history_module
from eagraph.gittools.history import entity_history
from eagraph.ontology import ensure_ontology
from eagraph.workspace import load
from eagraph.workspace.workspace import Workspace
from helpers import PREFIXES, git, write

EX = "https://example.org/"


def service(name: str, title: str = "", description: str = "") -> str:
    return (f'ex:{name} a cpsv:PublicService ; dct:title "{title or name}"@en ; cv:hasCompetentAuthority ex:fin'
            + (f' ;\n    dct:description "{description}"@en' if description else "") + " .\n")


def commit(root, message: str, day: int) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-qm", message, date=f"2026-03-{day:02d}T10:00:00+00:00")


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """A model with two services over four commits: both added, then three commits changing ``permit``."""
    root = tmp_path_factory.mktemp("history")
    write(root, "model/eagraph.toml", "[model]\nlanguages = [\"en\"]\n")
    write(root, "model/fin.ttl", PREFIXES + 'ex:fin a cv:PublicOrganisation ; skos:prefLabel "Finance"@en .\n')
    write(root, "model/other.ttl", PREFIXES + service("other", "Other"))
    write(root, "model/permit.ttl", PREFIXES + service("permit", "Permit"))
    git(root, "init", "-q")
    commit(root, "Add the services", 1)
    write(root, "model/permit.ttl", PREFIXES + service("permit", "Building permit"))
    commit(root, "Rename the permit", 2)
    write(root, "model/permit.ttl", PREFIXES + service("permit", "Building permit", "Build a house."))
    commit(root, "Describe the permit", 3)
    write(root, "model/permit.ttl", PREFIXES + service("permit", "Building permit", "Build <b>a</b> house."))
    commit(root, "Say <script>alert(1)</script> & more", 4)
    return root / "model"


def pages_of(model, history) -> dict[str, str]:
    workspace = load(model)
    ensure_ontology(workspace)
    findings = SiteFindings(history=history)
    return {path: body for path, _, body in Pages(SiteContent.read(workspace), findings, "en", environment(), {}).all()}


def history_section(body: str) -> str:
    found = re.search(r"<h2[^>]*>History</h2>\s*(.*?)(?=<h2|\Z)", body, re.S)
    assert found, body
    return found.group(1)


def test_the_page_lists_the_commits_that_changed_it_newest_first_with_what_changed(repository, tmp_path):
    pages = pages_of(repository, entity_history(repository, 3, tmp_path / "cache"))
    section = history_section(pages["services/permit.md"])
    rows = re.findall(r"<li>(.*?)</li>", section, re.S)
    texts = [re.sub(r"<[^>]+>", "", row) for row in rows]
    assert [text.split(" ", 2)[0] for text in texts] == ["2026-03-04", "2026-03-03", "2026-03-02"]
    assert texts[1].endswith("Describe the permit · changed: dct:description")
    assert texts[2].endswith("Rename the permit · changed: dct:title")
    # the subject line is text, never markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more · changed: dct:description" in rows[0]
    assert "<script>" not in section
    hashes = re.findall(r"<code>([0-9a-f]{7})</code>", section)
    assert hashes == [line[:7] for line in git(repository, "log", "-3", "--format=%H").split()]


def test_an_entity_no_commit_read_changed_says_so(repository, tmp_path):
    pages = pages_of(repository, entity_history(repository, 3, tmp_path / "cache"))
    assert "No change in the last 3 commits read." in history_section(pages["services/other.md"])
    # read further back, the first commit added it
    pages = pages_of(repository, entity_history(repository, 4, tmp_path / "cache"))
    assert re.search(r"Add the services · added</li>", history_section(pages["services/other.md"]))


def test_no_history_read_no_section(repository, tmp_path):
    assert "History" not in pages_of(repository, entity_history(repository, 0))["services/permit.md"]
    write(tmp_path, "eagraph.toml", "[model]\n")  # a model outside git
    write(tmp_path, "m.ttl", PREFIXES + service("x"))
    assert entity_history(tmp_path, 3).commits == []


def test_the_site_inputs_carry_the_history_over_the_trend_commits(repository, tmp_path):
    inputs = site_inputs(load(repository), 2, tmp_path / "cache")
    assert [change.commit.subject for change in inputs.findings.history.of(EX + "permit")] == [
        "Say <script>alert(1)</script> & more", "Describe the permit"]


def test_the_cost_stays_bounded_at_30_services(tmp_path, monkeypatch):
    """Each commit loads the files it touched and their context, not the model; a commit's changes
    are read from the cache the second time."""
    model = tmp_path / "model"
    write(model, "eagraph.toml", "[model]\nlanguages = [\"en\"]\n")
    write(model, "fin.ttl", PREFIXES + 'ex:fin a cv:PublicOrganisation ; skos:prefLabel "Finance"@en .\n')
    for number in range(30):
        write(model, f"s{number}.ttl", PREFIXES + service(f"s{number}"))
    git(tmp_path, "init", "-q")
    commit(tmp_path, "start", 1)
    for number in range(3):
        write(model, f"s{number}.ttl", PREFIXES + service(f"s{number}", f"Service {number}"))
        commit(tmp_path, f"change s{number}", 2 + number)
    loaded, compared = [], []
    add = Workspace.add
    monkeypatch.setattr(Workspace, "add", lambda self, files, **kw: (loaded.extend(files), add(self, files, **kw))[1])
    diff_versions = history_module.diff_versions
    monkeypatch.setattr(history_module, "diff_versions",
                        lambda *a, **kw: (compared.append(a), diff_versions(*a, **kw))[1])
    started = time.perf_counter()
    history = entity_history(model, 3, tmp_path / "cache")
    assert time.perf_counter() - started < 20
    assert sorted(history.changes) == [EX + "s0", EX + "s1", EX + "s2"]
    assert len(compared) == 3
    assert len(loaded) <= 3 * 2 * 2, sorted(f.relpath for f in loaded)  # each side: the service's file and fin's
    loaded.clear()
    again = entity_history(model, 3, tmp_path / "cache")
    assert len(compared) == 3 and loaded == [] and again.changes.keys() == history.changes.keys()


def test_a_commit_whose_model_cannot_be_read_is_not_among_the_commits_read(tmp_path):
    """A broken Turtle file in one commit (a pull request's) stops neither the build nor the others'
    history, and no page claims that commit left the entity alone."""
    model = tmp_path / "model"
    write(model, "eagraph.toml", "[model]\nlanguages = [\"en\"]\n")
    write(model, "fin.ttl", PREFIXES + 'ex:fin a cv:PublicOrganisation ; skos:prefLabel "Finance"@en .\n')
    write(model, "permit.ttl", PREFIXES + service("permit", "Permit"))
    git(tmp_path, "init", "-q")
    commit(tmp_path, "start", 1)
    write(model, "permit.ttl", PREFIXES + service("permit", "Permit") + "ex:broken a .\n")
    commit(tmp_path, "break it", 2)
    write(model, "permit.ttl", PREFIXES + service("permit", "Building permit"))
    commit(tmp_path, "mend it", 3)
    write(model, "fin.ttl", PREFIXES + 'ex:fin a cv:PublicOrganisation ; skos:prefLabel "Finances"@en .\n')
    commit(tmp_path, "rename fin", 4)
    history = entity_history(model, 4, tmp_path / "cache")
    assert [c.subject for c in history.commits] == ["rename fin", "start"]
    assert [(c.commit.subject, c.status) for c in history.of(EX + "permit")] == [("start", "added")]
    assert [(c.commit.subject, c.properties) for c in history.of(EX + "fin")][0] == (
        "rename fin", ("http://www.w3.org/2004/02/skos/core#prefLabel",))
