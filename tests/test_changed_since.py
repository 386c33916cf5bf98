"""`validate --changed-since` against full runs, on random edits of the example model.

For each edit, two things must hold: the nodes it checks get exactly the findings of a full run
(nothing lost by loading only some files), and every node it does not check has the same
findings before and after the edit (nothing missed by choosing too few nodes).
"""

from __future__ import annotations

import os
import random
import shutil

import pytest
from model_edits import random_edit

from eagraph.validators.changes import load_changed
from eagraph.validators.validate import ValidationOptions, validate
from eagraph.workspace import load
from helpers import MODELS, git


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


@pytest.mark.parametrize("seed", range(int(os.environ.get("EAGRAPH_CHANGED_SINCE_EDITS", "16"))))
def test_changed_since_matches_full_runs_before_and_after_a_random_edit(repository, seed):
    root, before = repository
    models = root / "models"
    git(root, "checkout", "-q", "--", ".")
    git(root, "clean", "-qfd")
    what = random_edit(models, random.Random(seed))
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
    random_edit(models, random.Random(3))
    shapes = tmp_path / "ours.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:ours:Shape> a sh:NodeShape ; sh:targetClass <http://purl.org/vocab/cpsv#PublicService> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o FILTER (false) }" ] .
""", encoding="utf-8")
    core = load_changed(models, "HEAD", cache=False)
    further = load_changed(models, "HEAD", cache=False, extra_shapes=(shapes,))
    assert further.complete and not core.complete
    assert len(further.workspace.files) == 34 > len(core.workspace.files)  # 33 files and the added one
    assert further.nodes == core.nodes
