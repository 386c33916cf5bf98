#!/usr/bin/env python3
"""Quality and speed of the analyses against the synthetic models' labels.

For each size, loads the synthetic model (``common.synthetic_model``), runs the comparison kinds
(``eagraph.analyses.duplicates`` and ``eagraph.analyses.harmonisation``; with ``--all``, every registered kind through
``eagraph.analyses.registry.analyze``), compares with ``labels.json`` and prints precision, recall
and F1 per kind, on the held-out half (services and concepts split by a hash of their IRI,
``duplicates.service_half``; half 0 was used to choose the thresholds) and on the whole model.
``duplicate-service`` is scored on pairs (a cluster counts as all its pairs), the other kinds on
subjects. ``--fit`` prints the threshold grid on the training half.

    python bench/analyze_quality.py --services 1000 10000 50000
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

from eagraph.analyses import duplicates, harmonisation  # noqa: E402
from eagraph.workspace import load  # noqa: E402

PAIRED = {"duplicate-service"}


def items(kind: str, rows) -> set:
    """Scored units: pairs for duplicate-service, subjects otherwise; rows are (subject, related)."""
    out = set()
    for subject, related in rows:
        if kind in PAIRED:
            members = [subject, *related]
            out.update(tuple(sorted(p)) for p in itertools.combinations(sorted(set(members)), 2))
        else:
            out.add(subject)
    return out


def half_of(item) -> int:
    return duplicates.service_half(min(item) if isinstance(item, tuple) else item)


def prf(want: set, got: set) -> dict:
    tp = len(want & got)
    p = tp / len(got) if got else 1.0
    r = tp / len(want) if want else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": len(got - want),
            "fn": len(want - got)}


def score(labels: dict, findings: dict[str, list[tuple[str, tuple]]], kinds) -> dict:
    out = {}
    for kind in kinds:
        want = items(kind, [(f["subject"], f["related"]) for f in labels["findings"] if f["kind"] == kind])
        got = items(kind, findings.get(kind, []))
        out[kind] = {"held-out": prf({w for w in want if half_of(w) == 1}, {g for g in got if half_of(g) == 1}),
                     "all": prf(want, got)}
    return out


def run(services: int, seed: int, every: bool) -> dict:
    path = common.synthetic_model(services, seed)
    labels = json.loads((path / "labels.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    ws = load(path)
    loaded = time.perf_counter() - started
    times, found = {}, {}
    for kind in (duplicates.DUPLICATE_SERVICE, harmonisation.CONCEPT_HARMONISATION):
        name, t = kind.name, time.perf_counter()
        found[name] = [(f.subject, f.related) for f in kind.findings(ws)]
        times[name] = round(time.perf_counter() - t, 2)
    kinds = list(found)
    if every:
        try:
            from eagraph.analyses.registry import analyze
        except ImportError:
            print("  (no registry yet: only this module's kinds)")
        else:
            t = time.perf_counter()
            all_findings = analyze(ws, locate=False)
            times["all kinds (registry)"] = round(time.perf_counter() - t, 2)
            by_kind: dict[str, list] = {}
            for f in all_findings:
                by_kind.setdefault(f.code, []).append((f.subject, f.related))
            for kind, rows in by_kind.items():
                found.setdefault(kind, rows)
            kinds = sorted(set(kinds) | set(by_kind))
    return {"services": services, "seed": seed, "load_seconds": round(loaded, 2), "seconds": times,
            "quality": score(labels, found, kinds)}


def fit(services: int, seed: int) -> None:
    """The threshold grids of duplicate-service and concept-harmonisation on the training half (half 0)."""
    path = common.synthetic_model(services, seed)
    labels = json.loads((path / "labels.json").read_text(encoding="utf-8"))
    want = {w for w in items("duplicate-service", [(f["subject"], f["related"]) for f in labels["findings"]
                                                   if f["kind"] == "duplicate-service"]) if half_of(w) == 0}
    ws = load(path)
    pairs = [p for p in duplicates.duplicate_pairs(ws, keep_all=True) if half_of(tuple(sorted((p.a, p.b)))) == 0]
    grid = []
    for s in [round(0.6 + 0.025 * i, 3) for i in range(11)]:
        for c in [round(0.3 + 0.025 * i, 3) for i in range(17)]:
            got = {tuple(sorted((p.a, p.b))) for p in pairs if p.structure >= s and p.score >= c}
            grid.append((prf(want, got)["f1"], s, c))
    grid.sort(key=lambda g: (-g[0], g[1], g[2]))
    print("duplicate-service, training half: best (F1, min structure, min score):", grid[:10])
    fit_harmonisation(ws, labels)


def fit_harmonisation(ws, labels: dict) -> None:
    """The label-evidence threshold of concept-harmonisation on the training half (half 0)."""
    want = {f["subject"] for f in labels["findings"]
            if f["kind"] == "concept-harmonisation" and half_of(f["subject"]) == 0}
    grid = []
    for t in [round(0.4 + 0.025 * i, 3) for i in range(21)]:
        groups = harmonisation.harmonisation_groups(ws, min_label=t)
        got = {c for g in groups for c in g.concepts if half_of(c) == 0}
        grid.append((prf(want, got)["f1"], t))
    best = max(f1 for f1, _ in grid)
    plateau = [t for f1, t in grid if f1 == best]
    print(f"concept-harmonisation, training half: best F1 {best} for min label evidence {plateau[0]} to {plateau[-1]};"
          f" grid (F1, threshold): {grid}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--all", action="store_true", help="also score every registered kind")
    parser.add_argument("--fit", action="store_true", help="print the threshold grid on the training half")
    args = parser.parse_args(argv)
    results = []
    for n in args.services:
        if args.fit:
            fit(n, args.seed)
        result = run(n, args.seed, args.all)
        results.append(result)
        print(f"{n} services (seed {args.seed}): load {result['load_seconds']} s; analysis seconds {result['seconds']}")
        for kind, q in result["quality"].items():
            h, a = q["held-out"], q["all"]
            print(f"  {kind:32s} held-out P {h['precision']:.3f} R {h['recall']:.3f} F1 {h['f1']:.3f}"
                  f"  | all P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f} (tp {a['tp']} fp {a['fp']} fn {a['fn']})")
    common.write_report("analyze_quality" if args.seed == 1 else f"analyze_quality-seed{args.seed}", {"results": results})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
