"""`eagraph diff` with real git: renames, re-owned services, added and removed entities, changes
inside blank nodes, and what is not a change (layout, order, blank-node names)."""

from __future__ import annotations

import json
import os
import random
import shutil

import pyoxigraph as ox
import pytest
from model_edits import random_edit

from eagraph.gittools.diff import _labels, _local, compare, diff_versions, statements
from eagraph.gittools.fmt import format_turtle
from eagraph.workspace import load
from helpers import MODELS, PREFIXES, git, write

AUTHORITIES = PREFIXES + """
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl , "SPF Finances"@fr ;
    dct:identifier "0308357159" ; eag:governmentLevel eag:Federal .
ex:eco a cv:PublicOrganisation ; skos:prefLabel "FOD Economie"@nl , "SPF Économie"@fr ;
    dct:identifier "0314595348" ; eag:governmentLevel eag:Federal .
"""
SERVICES = PREFIXES + """
ex:tax a cpsv:PublicService ; dct:identifier "S-1" ;
    dct:title "Belastingaangifte"@nl , "Déclaration fiscale"@fr ;
    dct:description "Aangifte."@nl , "Déclaration."@fr ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information ;
    cv:hasChannel [ a cv:Channel ; dct:type eag:Online ] .
ex:old a cpsv:PublicService ; dct:identifier "S-2" ;
    dct:title "Oude dienst"@nl , "Ancien service"@fr ;
    dct:description "Oud."@nl , "Ancien."@fr ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .
ex:permit a cpsv:PublicService ; dct:identifier "S-3" ;
    dct:title "Vergunning"@nl , "Permis"@fr ;
    dct:description "Een vergunning."@nl , "Un permis."@fr ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .
"""


@pytest.fixture
def repository(tmp_path):
    root = tmp_path / "repo"
    write(root, "model/authorities.ttl", AUTHORITIES)
    write(root, "model/services.ttl", SERVICES)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    return root


def diff_json(run, root, *revisions):
    result = run("diff", *revisions, "--model", root / "model", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_layout_order_and_blank_node_names_are_not_changes(run, repository):
    services = repository / "model/services.ttl"
    services.write_text(format_turtle(services.read_text()), encoding="utf-8")  # reordered, reformatted
    data = diff_json(run, repository)
    assert data["entities"] == [] and data["summary"] == {}


def test_rename_reown_add_remove_and_a_change_inside_a_blank_node(run, repository):
    services = repository / "model/services.ttl"
    text = services.read_text()
    text = text.replace("ex:tax a", "ex:tax-return a")  # renamed: same identifier
    text = text.replace('cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .\nex:permit',
                        'cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .\nex:permit')
    text = text.replace('"Vergunning"@nl , "Permis"@fr ;\n    dct:description "Een vergunning."@nl , "Un permis."@fr ;\n'
                        '    cv:hasCompetentAuthority ex:fin',
                        '"Vergunning"@nl , "Permis"@fr ;\n    dct:description "Een vergunning."@nl , "Un permis."@fr ;\n'
                        '    cv:hasCompetentAuthority ex:eco')  # re-owned
    text = text.replace("dct:type eag:Online ]", "dct:type eag:Phone ]")  # a change inside a blank node
    old_block = text[text.index("ex:old a"):text.index("ex:permit a")]
    text = text.replace(old_block, "")  # removed
    text += """ex:new a cpsv:PublicService ; dct:identifier "S-4" ; dct:title "Nieuw"@nl ;
    dct:description "Nieuw."@nl , "Nouveau."@fr ; cv:hasCompetentAuthority ex:eco ; dct:type eag:Information .
"""  # added, without a French title: a new validation error
    services.write_text(text, encoding="utf-8")
    git(repository, "commit", "-qam", "change")
    data = diff_json(run, repository, "HEAD~1", "HEAD")
    by_iri = {e["iri"].rsplit("/", 1)[-1]: e for e in data["entities"]}
    assert data["summary"] == {"added": 1, "removed": 1, "renamed": 1, "changed": 1}
    assert by_iri["new"]["status"] == "added" and by_iri["old"]["status"] == "removed"
    renamed = by_iri["tax-return"]
    assert renamed["status"] == "renamed" and renamed["renamed_from"] == "https://example.org/tax"
    assert renamed["label"] == "Belastingaangifte"
    channel = next(p for p in renamed["properties"] if p["predicate"].endswith("hasChannel"))
    assert "Phone" in channel["added"][0] and "Online" in channel["removed"][0]
    permit = by_iri["permit"]
    assert permit["status"] == "changed"
    assert permit["properties"] == [{"predicate": "http://data.europa.eu/m8g/hasCompetentAuthority",
                                     "removed": ["<https://example.org/fin>"], "added": ["<https://example.org/eco>"]}]
    introduced = {(f["code"], f["subject"].rsplit("/", 1)[-1]) for f in data["findings"]["introduced"]}
    assert ("EAG003", "new") in introduced  # the new service has no French title
    assert not any(f["subject"].endswith("/tax-return") for f in data["findings"]["introduced"])  # renamed, not new
    # The channel (a blank node without identifier) changed, but its finding is the same one.
    assert not any(f["code"] == "EAG060" for f in data["findings"]["introduced"] + data["findings"]["resolved"])


def test_text_and_markdown_speak_in_labels(run, repository):
    services = repository / "model/services.ttl"
    services.write_text(services.read_text().replace(
        '"Vergunning"@nl , "Permis"@fr ;\n    dct:description "Een vergunning."@nl , "Un permis."@fr ;\n'
        '    cv:hasCompetentAuthority ex:fin', '"Vergunning"@nl , "Permis"@fr ;\n    dct:description '
        '"Een vergunning."@nl , "Un permis."@fr ;\n    cv:hasCompetentAuthority ex:eco'), encoding="utf-8")
    text = run("diff", "--model", repository / "model").output
    assert "service “Vergunning”" in text and "cv:hasCompetentAuthority: FOD Financiën → FOD Economie" in text
    markdown = run("diff", "HEAD", "--model", repository / "model", "--format", "md").output
    assert markdown.startswith("## eagraph diff: HEAD → working tree")
    assert "| ~ | Vergunning (`example.org/permit`) | service |" in markdown


def test_two_folders_and_an_unknown_revision(run, repository, tmp_path):
    other = tmp_path / "other"
    write(other, "services.ttl", SERVICES.replace('"Oude dienst"@nl', '"Oudere dienst"@nl'))
    write(other, "authorities.ttl", AUTHORITIES)
    result = run("diff", repository / "model", other, "--no-findings")
    assert result.exit_code == 0 and "“Oude dienst” (nl) → “Oudere dienst” (nl)" in result.output
    result = run("diff", "no-such-revision", "--model", repository / "model")
    assert result.exit_code == 2 and "no-such-revision" in result.stderr


def test_one_file_against_the_same_file_at_a_revision(run, repository):
    write(repository, "model/services.ttl", SERVICES.replace('"Oude dienst"@nl', '"Oudere dienst"@nl'))
    result = run("diff", "--model", repository / "model/services.ttl", "--format", "json", "--no-findings")
    data = json.loads(result.output)
    assert data["summary"] == {"changed": 1}, data["summary"]  # not the other file's entities "removed"


@pytest.mark.parametrize("where", ["in the change", "in both versions"])
def test_a_broken_file_is_a_clear_error(run, repository, where):
    """Whether the broken file is among those that differ or unchanged in both versions (then it is
    read as context or by the findings), the user gets file, line and exit 2, no traceback."""
    write(repository, "model/authorities.ttl", AUTHORITIES + "ex:broken a \n")
    if where == "in both versions":
        git(repository, "commit", "-qam", "broken")
    result = run("diff", "--model", repository / "model")
    assert result.exit_code == 2, result.output
    assert "authorities.ttl:" in result.stderr and "Traceback" not in result.stderr


def test_trend_follows_the_key_figures_commit_by_commit(run, repository, tmp_path):
    import csv
    import io

    services = repository / "model/services.ttl"
    services.write_text(services.read_text() + """ex:fee a cpsv:PublicService ; dct:identifier "S-9" ;
    dct:title "Retributie"@nl ; dct:description "Een retributie."@nl , "Une redevance."@fr ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .
""", encoding="utf-8")  # one more service, without a French title
    git(repository, "commit", "-qam", "a fee")
    write(repository, "README.md", "not part of the model\n")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "docs only")
    result = run("trend", repository / "model", "--since", "HEAD~2")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [row["subject"] for row in rows] == ["start", "a fee"]  # the docs commit did not touch the model
    assert [row["services"] for row in rows] == ["3", "4"]
    assert int(rows[1]["validation_errors"]) == int(rows[0]["validation_errors"]) + 1
    data = json.loads(run("trend", repository / "model", "--since", "HEAD~2", "--format", "json").output)
    assert [p["services"] for p in data["points"]] == [3, 4] and "online_share" in data["figures"]
    # One file of the model: its own commits and figures, not the folder's (cached just before).
    one = run("trend", repository / "model/authorities.ttl", "--since", "HEAD~2").stdout
    assert [(row["subject"], row["services"]) for row in csv.DictReader(io.StringIO(one))] == [("start", "0")]
    # The site of a model in git charts the same figures over its last commits.
    from eagraph.generators.site import SiteOptions
    from eagraph.workspace import load
    from site_support import render_site as build_site

    build_site(load(repository / "model"), tmp_path / "site", SiteOptions(languages=("nl",)))
    home = (tmp_path / "site/nl/index.html").read_text()
    assert home.count("<polyline") == 6 and "Verloop over de laatste wijzigingen" in home


# -- the changed parts give the diff of the whole models ---------------------------------------------

def _entities(changes) -> list[tuple]:
    return [(e.iri, e.kind, e.status, e.renamed_from,
             [(p.predicate, tuple(p.removed), tuple(p.added)) for p in e.properties]) for e in changes]


def _whole_diff(before, after) -> tuple[list[tuple], dict[str, str]]:
    old, _ = statements(load(before, cache=False))
    new, _ = statements(load(after, cache=False))
    changes = compare(old, new)
    labels = _labels(old) | _labels(new)
    return _entities(changes), {e.iri: labels.get(e.iri[1:-1], "") for e in changes}


def _move_a_statement(models, rng: random.Random) -> str:
    """A statement moved from one file to another: the model does not change."""
    files = sorted(models.rglob("*.ttl"))
    source, target = rng.sample(files, 2)
    triples = list(ox.parse(path=str(source), format=ox.RdfFormat.TURTLE))
    moved = rng.choice([t for t in triples if isinstance(t.subject, ox.NamedNode)])
    source.write_bytes(ox.serialize([t for t in triples if t != moved], format=ox.RdfFormat.N_TRIPLES))
    target.write_bytes(target.read_bytes() + b"\n" + ox.serialize([moved], format=ox.RdfFormat.N_TRIPLES))
    return f"moved {moved} from {source.name} to {target.name}"


def test_a_new_base_iri_changes_what_unchanged_files_say(tmp_path):
    for side, base in (("before", "https://example.org/old/"), ("after", "https://example.org/new/")):
        write(tmp_path / side, "eagraph.toml", f'[model]\nbase = "{base}"\n')
        write(tmp_path / side, "a.ttl", '<tax> a <http://purl.org/vocab/cpsv#PublicService> .\n')
    result = diff_versions(tmp_path / "before", tmp_path / "after", before_name="a", after_name="b", findings=False)
    assert [(e.iri, e.status, e.renamed_from) for e in result.entities] == [
        ("<https://example.org/new/tax>", "renamed", "<https://example.org/old/tax>")]


@pytest.mark.parametrize("seed", range(int(os.environ.get("EAGRAPH_DIFF_EDITS", "12"))))
def test_the_diff_of_the_changed_files_is_the_diff_of_the_whole_models(tmp_path, seed):
    before, after = tmp_path / "before", tmp_path / "after"
    shutil.copytree(MODELS, before)
    shutil.copytree(MODELS, after)
    rng = random.Random(seed)
    what = _move_a_statement(after, rng) if seed % 4 == 3 else random_edit(after, rng)
    fast = diff_versions(before, after, before_name="before", after_name="after", findings=False)
    entities, labels = _whole_diff(before, after)
    assert _entities(fast.entities) == entities, what
    assert {e.iri: e.label for e in fast.entities} == {iri: label or _local(iri) for iri, label in labels.items()}, what
    if seed % 4 == 3:
        assert entities == [], what


def test_cycles_long_chains_and_shared_blank_nodes_are_shown_cut_not_followed_for_ever():
    """Labelled blank nodes can form a cycle, a chain of thousands, or a node that a thousand
    properties share: the diff writes each out to a bounded depth and length."""
    cycle = {("<https://example.org/s>", "<https://example.org/p>", "_:a"),
             ("_:a", "<https://example.org/p>", "_:b"), ("_:b", "<https://example.org/p>", "_:a")}
    chain = {(f"_:n{i}", "<https://example.org/p>", f"_:n{i + 1}") for i in range(5000)}
    chain.add(("<https://example.org/s>", "<https://example.org/q>", "_:n0"))
    wide = {(f"_:w{d}", f"<https://example.org/p{k}>", f"_:w{d + 1}") for d in range(12) for k in range(50)}
    wide.add(("<https://example.org/s>", "<https://example.org/r>", "_:w0"))
    changes = compare(set(), cycle | chain | wide)
    shown = [value for change in changes for prop in change.properties for value in prop.added]
    assert [change.iri for change in changes] == ["<https://example.org/s>"]
    assert any("[ … ]" in value for value in shown) and any(value.endswith(" … ]") for value in shown)
    assert max(len(value) for value in shown) <= 2010
