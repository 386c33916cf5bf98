"""Synthetic eagraph models: structurally realistic, deterministic, with a ground truth.

``generate(out_dir, services, seed)`` writes a model of a government's enterprise architecture
as a repository of hand-written-looking Turtle files (about 100 triples a service), the way
architects keep one in git: ``shared/`` for regulations, information concepts, events,
capabilities, evidence types and activities, and one folder per authority with its
organisation, authentic sources, applications and services. Next to the model it writes
``labels.json``: every finding the model contract (``ontology/vocabulary.md``) implies
for the generated data, and a list of hard negatives that look like findings but are not.

The background is clean by construction: background services ask the applicant only for
facts no authentic source holds, fetch what a source holds from a source their authority
may consult, grant no entitlement on request that has 75 % or more of its concepts available,
produce certificates nobody else asks for, and so on. The cases of every finding kind are
planted on top, at a rate proportional to size. ``labels.json`` is computed from the
generated objects with the contract's definitions, and the generator checks that it finds
exactly what it planted (plus the ``duplicate-data-collection`` findings that planted
only-once violations imply when several of them ask for one fact).

The plan, one module a step (``World`` in ``world.py`` builds with the others' mixins):

1. ``authorities``: the authorities and their regions, and how many services each delivers;
2. ``concepts``: authentic sources, the concepts they hold, who may consult them;
3. ``shared``: evidence types, events, the capability map, applications;
4. ``planning``: a slot per service: the planted cases of each finding kind and the hard
   negatives first, the background after;
5. ``services`` (with ``regulations``): each slot becomes a service;
6. ``labels``: the findings the contract implies, checked against what was planted;
7. ``files`` and ``turtle``: the objects as Turtle files, then ``labels.json``.

Words and names come from ``vocabulary``, ``authority_names`` and ``patterns``.

Standard library only; all randomness comes from one ``random.Random(seed)``.

    cd bench && python -m synthetic --services 10000 --seed 1 --out /tmp/synthetic-10k
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .files import _files
from .kinds import KINDS, MIN_SERVICES
from .objects import Manifest
from .world import World

__all__ = ["KINDS", "MIN_SERVICES", "Manifest", "generate", "main"]


def _prepare(out_dir: Path, force: bool):
    if out_dir.exists() and not out_dir.is_dir():
        raise FileExistsError(f"{out_dir} exists and is not a directory")
    if out_dir.exists() and any(out_dir.iterdir()):
        if not force:
            raise FileExistsError(f"{out_dir} is not empty (use --force to replace a generated model)")
        # Remove only what a previous run wrote, so that no stale file stays in the model.
        for sub in ("authorities", "shared"):
            root = out_dir / sub
            if root.is_dir():
                for p in sorted(root.rglob("*.ttl"), reverse=True):
                    p.unlink()
                for d in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
                    if not any(d.iterdir()):
                        d.rmdir()
        for name in ("eagraph.toml", "labels.json"):
            (out_dir / name).unlink(missing_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)


def generate(out_dir: Path, services: int, seed: int = 1, *, force: bool = False) -> Manifest:
    """Write a synthetic model of ``services`` public services into ``out_dir``, with its ``labels.json``."""
    if services < MIN_SERVICES:
        raise ValueError(f"at least {MIN_SERVICES} services are needed to plant every finding kind")
    out_dir = Path(out_dir)
    _prepare(out_dir, force)
    world = World(services, seed)
    world.build()
    found = world.evaluate()
    world.verify(found)
    labels = world.labels(found)
    files = _files(world)
    dirs = sorted({(out_dir / rel).parent for rel, _ in files})
    for d in dirs:
        d.mkdir(parents=True, exist_ok=True)
    triples = 0
    for rel, f in files:
        with open(out_dir / rel, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(f.text())
        triples += f.triples
    with open(out_dir / "eagraph.toml", "w", encoding="utf-8", newline="\n") as fh:
        fh.write('[model]\ninclude = ["**/*.ttl"]\nlanguages = ["nl", "fr"]\n')
    labels_path = out_dir / "labels.json"
    with open(labels_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(labels, ensure_ascii=False, indent=1) + "\n")
    counts = {k: 0 for k in KINDS}
    for finding in labels["findings"]:
        counts[finding["kind"]] += 1
    return Manifest(out_dir=out_dir, seed=seed, services=services, authorities=len(world.authorities), files=len(files),
                    triples=triples, labels=labels_path, findings=counts, hard_negatives=len(labels["hard_negatives"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic eagraph model with its ground-truth labels.")
    parser.add_argument("--services", type=int, required=True, help="number of public services (at least %d)" % MIN_SERVICES)
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1); the same seed writes the same files")
    parser.add_argument("--out", type=Path, required=True, help="output directory (must be empty unless --force)")
    parser.add_argument("--force", action="store_true", help="replace a model generated earlier in OUT")
    args = parser.parse_args(argv)
    try:
        manifest = generate(args.out, args.services, args.seed, force=args.force)
    except (FileExistsError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({k: (str(v) if isinstance(v, Path) else v) for k, v in vars(manifest).items()}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
