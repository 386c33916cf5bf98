"""`validate --changed-since` against full runs, on random edits of the example model.

For each edit, two things must hold: the nodes it checks get exactly the findings of a full run
(nothing lost by loading only some files), and every node it does not check has the same
findings before and after the edit (nothing missed by choosing too few nodes).
"""

from __future__ import annotations

import os
import random
import shutil

import pyoxigraph as ox
import pytest

from eagraph.validators.changes import load_changed
from eagraph.validators.validate import ValidationOptions, validate
from eagraph.workspace import load
from helpers import MODELS, git

DCT_IDENTIFIER = "http://purl.org/dc/terms/identifier"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    root = tmp_path_factory.mktemp("changes") / "repo"
    shutil.copytree(MODELS, root / "models")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    before = fingerprints(validate(load(root / "models", cache=False)).findings)
    return root, before


def fingerprints(findings) -> set[tuple]:
    # Blank nodes are named anew by every load: findings about one are left out, and one as a
    # value is compared as "some blank node".
    return {(code, subject, path, "_:" if value.startswith("_:") else value)
            for code, subject, path, value in (f.fingerprint for f in findings) if not subject.startswith("_:")}


def triples_of(path) -> list[ox.Triple]:
    return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri="file:///x"))


def rewrite(path, triples) -> None:
    path.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def edit(models, rng: random.Random) -> str:
    """One random edit of one file (rewritten as N-Triples: the layout change itself means nothing)."""
    files = sorted(models.rglob("*.ttl"))
    path = rng.choice(files)
    triples = triples_of(path)
    named = [t for t in triples if isinstance(t.subject, ox.NamedNode)]
    everything = [t for f in files for t in triples_of(f)]
    kind = rng.choice(["drop-statement", "change-literal", "redirect-link", "dangling-link", "copy-identifier",
                       "drop-subject", "change-type", "delete-file", "copy-subject"])
    pick = rng.choice(named)
    if kind == "drop-statement":
        triples.remove(pick)
    elif kind == "change-literal":
        literal = rng.choice([t for t in named if isinstance(t.object, ox.Literal)] or named)
        triples[triples.index(literal)] = ox.Triple(literal.subject, literal.predicate, ox.Literal("changed"))
    elif kind in ("redirect-link", "dangling-link"):
        links = [t for t in named if isinstance(t.object, ox.NamedNode) and t.predicate.value != RDF_TYPE]
        link = rng.choice(links or [ox.Triple(pick.subject, ox.NamedNode(DCT_IDENTIFIER.replace("identifier", "source")),
                                              pick.subject)])
        targets = [t.object for t in everything if t.predicate == link.predicate and isinstance(t.object, ox.NamedNode)]
        targets = targets or [link.object]
        target = rng.choice(targets) if kind == "redirect-link" else ox.NamedNode(link.subject.value + "-gone")
        triples = [t for t in triples if t != link] + [ox.Triple(link.subject, link.predicate, target)]
    elif kind == "copy-identifier":
        mine = rng.choice([t for t in named if t.predicate.value == DCT_IDENTIFIER] or named)
        theirs = rng.choice([t for t in everything if t.predicate.value == DCT_IDENTIFIER])
        triples.append(ox.Triple(mine.subject, ox.NamedNode(DCT_IDENTIFIER), theirs.object))
    elif kind == "drop-subject":
        triples = [t for t in triples if t.subject != pick.subject]
    elif kind == "change-type":
        typed = rng.choice([t for t in named if t.predicate.value == RDF_TYPE])
        other = rng.choice([t.object for t in everything if t.predicate.value == RDF_TYPE])
        triples[triples.index(typed)] = ox.Triple(typed.subject, typed.predicate, other)
    elif kind == "delete-file":
        path.unlink()
        return f"{kind} {path.name}"
    else:  # copy-subject: a new node that says what another says, in a new file
        copy = [ox.Triple(ox.NamedNode(pick.subject.value + "-copy"), t.predicate, t.object)
                for t in named if t.subject == pick.subject]
        rewrite(models / "added.ttl", copy)
        return f"{kind} {pick.subject.value}"
    rewrite(path, triples)
    return f"{kind} in {path.name}: {pick.subject.value}"


@pytest.mark.parametrize("seed", range(int(os.environ.get("EAGRAPH_CHANGED_SINCE_EDITS", "16"))))
def test_changed_since_matches_full_runs_before_and_after_a_random_edit(repository, seed):
    root, before = repository
    models = root / "models"
    git(root, "checkout", "-q", "--", ".")
    git(root, "clean", "-qfd")
    what = edit(models, random.Random(seed))
    part = load_changed(models, "HEAD", cache=False)
    assert not part.complete
    nodes = part.nodes
    partial = fingerprints(validate(part.workspace, ValidationOptions(only_nodes=nodes)).findings)
    after = fingerprints(validate(load(models, cache=False)).findings)
    assert partial == {f for f in after if f[1] in nodes}, what
    assert {f for f in after if f[1] not in nodes} == {f for f in before if f[1] not in nodes}, what
    assert len(part.workspace.files) < 32, what  # loaded a part of the model, not all of it


def test_shapes_that_may_read_further_load_the_whole_model(repository, tmp_path):
    root, _ = repository
    models = root / "models"
    git(root, "checkout", "-q", "--", ".")
    git(root, "clean", "-qfd")
    edit(models, random.Random(3))
    shapes = tmp_path / "ours.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:ours:Shape> a sh:NodeShape ; sh:targetClass <http://purl.org/vocab/cpsv#PublicService> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o FILTER (false) }" ] .
""", encoding="utf-8")
    core = load_changed(models, "HEAD", cache=False)
    further = load_changed(models, "HEAD", cache=False, extra_shapes=(shapes,))
    assert further.complete and not core.complete
    assert len(further.workspace.files) == 33 > len(core.workspace.files)  # 32 files and the added one
    assert further.nodes == core.nodes
