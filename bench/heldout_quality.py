#!/usr/bin/env python3
"""Quality of every analysis kind on the held-out model, which no threshold was tuned on.

The held-out model (``tests/data/heldout/``) is Wallonia, Brussels and the federal services they
rely on, written as public CPSV-AP catalogues state them, with the eagraph enrichment in separate
files; its expected findings (``labels.json``) were written by hand before any analysis ran on it.
This runs every registered kind (``eagraph.analyses.registry.analyze``), scores it against the labels
as ``analyze_quality.py`` scores the synthetic models (``duplicate-service`` on pairs, a cluster
counting as all its pairs; the other kinds on subjects) and lists the hard negatives that were found.

    python bench/heldout_quality.py            # the table of docs/performance.md
    python bench/heldout_quality.py --json     # the figures as JSON
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyze_quality import items, prf  # noqa: E402

from eagraph.analyses.registry import analyze, kinds  # noqa: E402
from eagraph.workspace import load  # noqa: E402

MODEL = Path(__file__).resolve().parent.parent / "tests" / "data" / "heldout"


def expand(subject: str, labels: dict) -> list[str]:
    """A label's subject as IRIs: relative to the base, '{m}' standing for every municipality."""
    names = labels["municipalities"] if "{m}" in subject else [""]
    return [labels["base"] + subject.replace("{m}", m) for m in names]


def expected(labels: dict) -> dict[str, set]:
    """Per kind, the expected scored units (subjects, or pairs of duplicate services)."""
    out = {}
    for kind, entries in labels["expected"].items():
        rows = []
        for entry in entries:
            for subject in expand(entry["subject"], labels):
                rows.append((subject, tuple(r for rel in entry.get("related", ()) for r in expand(rel, labels))))
        out[kind] = items(kind, rows)
    return out


def negatives(labels: dict) -> dict[str, list[tuple[set, str]]]:
    """Per kind, the hard negatives: the units that must not be found, with the reason."""
    out: dict[str, list[tuple[set, str]]] = {}
    for kind, entries in labels.get("negatives", {}).items():
        for entry in entries:
            per_municipality = any("{m}" in s for s in entry["subjects"])
            groups = ([[s.replace("{m}", m) for s in entry["subjects"]] for m in labels["municipalities"]]
                      if per_municipality else [entry["subjects"]])
            units: set = set()
            for group in groups:
                iris = [labels["base"] + s for s in group]
                units |= {tuple(sorted(p)) for p in itertools.combinations(iris, 2)} if len(iris) > 1 else set(iris)
            out.setdefault(kind, []).append((units, entry["why"]))
    return out


def linked(rows) -> set:
    """What a hard negative is checked against: every subject, and every (subject, related) pair."""
    return ({subject for subject, _ in rows}
            | {tuple(sorted((subject, r))) for subject, related in rows for r in related})


def measure(model: Path = MODEL) -> dict:
    """P/R/F1 per kind on the held-out model, and the hard negatives found."""
    labels = json.loads((model / "labels.json").read_text(encoding="utf-8"))
    workspace = load(model)
    found: dict[str, list] = {}
    for finding in analyze(workspace, locate=False):
        found.setdefault(finding.code, []).append((finding.subject, finding.related))
    want = expected(labels)
    # Only the kinds the labels were written for are scored: a kind added later has no labels here,
    # and "nothing expected, nothing found" would read as a perfect score it never earned.
    labelled = [kind for kind in kinds() if kind in labels["expected"]]
    quality, wrong = {}, {}
    for kind in labelled:
        got = items(kind, found.get(kind, []))
        quality[kind] = prf(want.get(kind, set()), got)
        shown = linked(found.get(kind, []))
        hits = [(sorted(units & shown), why) for units, why in negatives(labels).get(kind, []) if units & shown]
        if hits:
            wrong[kind] = hits
    missed = {kind: sorted(want.get(kind, set()) - items(kind, found.get(kind, []))) for kind in labelled}
    extra = {kind: sorted(items(kind, found.get(kind, [])) - want.get(kind, set())) for kind in labelled}
    return {"quality": quality, "not_labelled": [kind for kind in kinds() if kind not in labelled],
            "hard_negatives_found": wrong, "missed": {k: v for k, v in missed.items() if v},
            "unexpected": {k: v for k, v in extra.items() if v},
            "services": sum(1 for _ in workspace.query(
                "SELECT DISTINCT ?s WHERE { ?s a <http://purl.org/vocab/cpsv#PublicService> }"))}


def labels_base() -> str:
    return json.loads((MODEL / "labels.json").read_text(encoding="utf-8"))["base"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = measure()
    if args.json:
        print(json.dumps(result, indent=2, default=list))
        return 0
    print(f"held-out model: {result['services']} services ({MODEL})")
    print("| kind | precision | recall | F1 | tp | fp | fn |\n|---|---:|---:|---:|---:|---:|---:|")
    for kind, q in result["quality"].items():
        print(f"| `{kind}` | {q['precision']:.3f} | {q['recall']:.3f} | {q['f1']:.3f} | {q['tp']} | {q['fp']} "
              f"| {q['fn']} |")
    for title, key in (("missed", "missed"), ("found, not expected", "unexpected")):
        for kind, units in result[key].items():
            print(f"{title} ({kind}): {', '.join(map(str, units))}".replace(labels_base(), ""))
    for kind, hits in result["hard_negatives_found"].items():
        for units, why in hits:
            print(f"hard negative found ({kind}): {units} — {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
