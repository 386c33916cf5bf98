"""The held-out model (tests/data/heldout/): every analysis kind's quality on data written in another
style than the synthetic models the thresholds were tuned on, as docs/performance.md reports it.

A regression in any kind shows here as a changed figure; a change that improves one must update the
docs' table with it (the test reads the table)."""

from __future__ import annotations

import filecmp
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from eagraph.workspace import load

REPO = Path(__file__).resolve().parent.parent
HELDOUT = REPO / "tests" / "data" / "heldout"


def _module(name: str, path: Path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def measured():
    return _module("eagraph_bench_heldout_quality", REPO / "bench" / "heldout_quality.py").measure(HELDOUT)


def _documented() -> dict[str, tuple[float, float, float]]:
    """The per-kind table of docs/performance.md's held-out section: kind -> (P, R, F1)."""
    text = (REPO / "docs" / "performance.md").read_text(encoding="utf-8")
    section = text.split("### The held-out model", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|", section, flags=re.M)
    return {kind: (float(p), float(r), float(f)) for kind, p, r, f in rows}


def test_every_kind_scores_what_the_docs_report(measured):
    documented = _documented()
    got = {kind: (q["precision"], q["recall"], q["f1"]) for kind, q in measured["quality"].items()}
    assert set(documented) == set(got)
    assert got == documented


def test_every_kind_reaches_f1_0_9_and_no_hard_negative_is_found(measured):
    assert {kind: q["f1"] for kind, q in measured["quality"].items() if q["f1"] < 0.9} == {}
    assert measured["hard_negatives_found"] == {}
    assert measured["services"] >= 200


def test_every_labelled_subject_is_in_the_model():
    """A mistyped label would count as a miss that no method could fix."""
    labels = json.loads((HELDOUT / "labels.json").read_text(encoding="utf-8"))
    quality = _module("eagraph_bench_heldout_quality", REPO / "bench" / "heldout_quality.py")
    nodes = {row[0].value for row in load(HELDOUT).query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }")}
    named = {iri for entries in labels["expected"].values() for entry in entries
             for subject in [entry["subject"], *entry.get("related", [])] for iri in quality.expand(subject, labels)}
    named |= {iri for entries in labels["negatives"].values() for entry in entries for subject in entry["subjects"]
              for iri in quality.expand(subject, labels)}
    assert named - nodes == set()


def test_the_model_files_are_what_write_model_writes(tmp_path):
    """The Turtle files are the output of write_model.py's tables, unedited by hand."""
    writer = _module("eagraph_heldout_write_model", HELDOUT / "write_model.py")
    writer.catalogue_files(tmp_path)
    writer.enrichment_files(tmp_path)
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.ttl"))
    committed = sorted(p.relative_to(HELDOUT) for p in HELDOUT.rglob("*.ttl"))
    assert written == committed
    assert [p for p in written if not filecmp.cmp(tmp_path / p, HELDOUT / p, shallow=False)] == []
