"""Each file's statement count (ModelFile.triples) is counted when first asked, for every file loaded
with it at once: ``validate`` never shows a count and does not pay for one (0.4 s at 10,000 services)."""

from __future__ import annotations

import pickle

import pyoxigraph as ox

from eagraph.workspace import load
from helpers import PREFIXES, write


def test_counts_are_right_when_first_asked_and_after_nodes_are_forgotten(tmp_path):
    write(tmp_path, "a.ttl", PREFIXES + '<https://example.org/a> a cpsv:PublicService ; dct:title "A"@nl .\n')
    write(tmp_path, "b.ttl", PREFIXES + '<https://example.org/b> a cpsv:PublicService .\n')
    workspace = load(tmp_path, cache=False)
    assert [f.triples for f in workspace.files] == [2, 1]
    workspace.forget([ox.NamedNode("https://example.org/a")])
    assert [f.triples for f in workspace.files] == [0, 1] and workspace.written_count == 1


def test_a_file_still_goes_to_worker_processes_whole(tmp_path):
    """The position parser's workers receive files pickled: the count's hook stays behind."""
    write(tmp_path, "a.ttl", PREFIXES + '<https://example.org/a> a cpsv:PublicService .\n')
    model_file = load(tmp_path, cache=False).files[0]
    copy = pickle.loads(pickle.dumps(model_file))
    assert (copy.relpath, copy.digest, copy.data) == (model_file.relpath, model_file.digest, model_file.data)
    assert model_file.triples == 1
