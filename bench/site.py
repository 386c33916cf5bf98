"""Site build benchmark: the first build, and the rebuild after a one-file change.

    python bench/site.py                    # the example model (models/)
    python bench/site.py --services 10000   # a synthetic model of 10,000 services

Each build runs ``eagraph site build`` in a fresh process, as a user does. The first build starts
from an empty cache (no laid-out diagram, no kept build, no parse cache); then one service
file gets a new title and the site is built again, with the cache of the first build. The size
of the site (files and bytes on disk) is reported too.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import synthetic_model, write_report

REPO = Path(__file__).resolve().parents[1]


def build(model: Path, out: Path, cache: Path) -> tuple[float, str]:
    """Wall-clock seconds of one build, and its stages with the CPU seconds of the build and its
    language processes (on a busy machine the wall clock grows, the CPU time much less)."""
    start, used = time.perf_counter(), _cpu_of_children()
    done = subprocess.run([sys.executable, "-m", "eagraph", "site", "build", str(model), "--out", str(out), "-v"],
                          capture_output=True, text=True, env={**os.environ, "EAGRAPH_CACHE_DIR": str(cache)})
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    stages = next((line for line in done.stderr.splitlines() if line.startswith("seconds:")), "")
    return seconds, f"{stages}; cpu {_cpu_of_children() - used:.1f} s"


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def change_one_file(model: Path) -> str:
    path = min(model.rglob("services*.ttl")) if any(model.rglob("services*.ttl")) else min(model.rglob("*.ttl"))
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'(dct:title ")([^"]+)("@nl)', r"\1\2 (herzien)\3", text, count=1), encoding="utf-8")
    return str(path.relative_to(model))


def size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=0, help="synthetic model size (0: the example model)")
    args = parser.parse_args()
    source = synthetic_model(args.services) if args.services else REPO / "models"
    work = Path(tempfile.mkdtemp(prefix="eagraph-bench-site-"))
    try:
        model, out, cache = work / "model", work / "site", work / "cache"
        shutil.copytree(source, model, ignore=shutil.ignore_patterns("labels.json"))
        first, first_stages = build(model, out, cache)
        files, size_bytes = size(out)
        changed = change_one_file(model)
        second, second_stages = build(model, out, cache)
        name = f"{args.services} services" if args.services else "the example model"
        print(f"{name}: first build {first:.1f} s ({first_stages}); {files:,} files, {size_bytes / 2**20:,.0f} MiB")
        print(f"rebuild after changing {changed}: {second:.1f} s ({second_stages}); "
              f"{first / second:.1f}x faster than the first build")
        print("report:", write_report(f"site-{args.services or 'example'}", {
            "model": name, "first_seconds": round(first, 1), "rebuild_seconds": round(second, 1),
            "files": files, "bytes": size_bytes, "first_stages": first_stages, "rebuild_stages": second_stages}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
