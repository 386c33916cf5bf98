"""fmt, diff and the merge driver on a synthetic model, whole and after a one-file change.

    python bench/git_tools.py --services 10000

Each command runs in a fresh process, as a user runs it, on a copy of the model in a new git
repository:

- ``fmt --check`` over every file, then ``fmt`` of the one changed file;
- ``diff`` of the working tree against HEAD after a one-file change (with the findings of both
  versions, and without), and of two whole folders (every file laid out anew: all files differ,
  no statement does);
- the merge driver on the largest file, with two branches that each change one service.
The baseline is a plain rdflib parse of the same files, to put the figures in proportion.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import relay, synthetic_model, write_report

GIT_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@e", "GIT_COMMITTER_NAME": "bench",
           "GIT_COMMITTER_EMAIL": "b@e"}


def timed(*command: str, cwd: Path | None = None, ok=(0,), env: dict | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **GIT_ENV, **(env or {})})
    seconds = time.perf_counter() - start
    if done.returncode not in ok:
        raise RuntimeError(f"{' '.join(command)}: {done.stderr[-2000:]}")
    return seconds


def eagraph(*args: str, ok=(0,), cwd: Path | None = None, env: dict | None = None) -> float:
    seconds = timed(sys.executable, "-m", "eagraph", *args, ok=ok, cwd=cwd, env=env)
    print(f"  eagraph {args[0]} … {seconds:.2f} s", flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=10000)
    args = parser.parse_args()
    source = synthetic_model(args.services)
    work = Path(tempfile.mkdtemp(prefix="eagraph-bench-git-"))
    rows: dict[str, float] = {}
    try:
        model = work / "model"
        shutil.copytree(source, model, ignore=shutil.ignore_patterns("labels.json"))
        files = sorted(model.rglob("*.ttl"))
        rows["rdflib parse of every file (baseline)"] = timed(sys.executable, "-c", (
            "import sys, rdflib\nfrom pathlib import Path\n"
            "for p in sorted(Path(sys.argv[1]).rglob('*.ttl')): rdflib.Graph().parse(p, format='turtle')"), str(model))
        rows["fmt --check, every file"] = eagraph("fmt", str(model), "--check", ok=(0, 1))
        subprocess.run(["git", "init", "-q"], cwd=model, check=True)
        subprocess.run(["git", "add", "-A"], cwd=model, check=True)
        subprocess.run(["git", "commit", "-qm", "start"], cwd=model, check=True, env={**os.environ, **GIT_ENV})
        changed = max(files, key=lambda p: p.stat().st_size)  # the largest file
        text = changed.read_text(encoding="utf-8")
        changed.write_text(re.sub(r'(dct:title ")([^"]+)("@nl)', r"\1\2 (herzien)\3", text, count=1), encoding="utf-8")
        rows["fmt of the one changed file"] = eagraph("fmt", str(changed))
        rows["diff after a one-file change, with findings"] = eagraph("diff", "--model", str(model))
        rows["diff after a one-file change, --no-findings"] = eagraph("diff", "--model", str(model), "--no-findings")
        rows["the same with an empty cache (no mention index yet)"] = eagraph(
            "diff", "--model", str(model), "--no-findings", env={"EAGRAPH_CACHE_DIR": str(work / "empty-cache")})
        relaid = work / "relaid"
        relay(source, relaid)
        rows["diff of two whole folders (every file laid out anew), --no-findings"] = eagraph(
            "diff", str(source), str(relaid), "--no-findings")
        rows[f"merge driver on the largest file ({changed.stat().st_size // 1024} KiB)"] = merge_bench(model, changed)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    width = max(len(name) for name in rows)
    baseline = rows["rdflib parse of every file (baseline)"]
    for name, seconds in rows.items():
        print(f"{name:<{width}}  {seconds:8.2f} s  ({seconds / baseline:.2f}x the rdflib parse)")
    print("report:", write_report(f"git-tools-{args.services}", {"services": args.services, "seconds": rows}))


def merge_bench(model: Path, path: Path) -> float:
    """Two versions of ``path`` that each change another service, merged by the driver."""
    base = path.read_text(encoding="utf-8")
    titles = re.findall(r'"([^"\n]+)"@nl', base)
    ours = base.replace(f'"{titles[1]}"@nl', f'"{titles[1]} (ons)"@nl', 1)
    theirs = base.replace(f'"{titles[-1]}"@nl', f'"{titles[-1]} (hun)"@nl', 1)
    folder = model.parent / "merge"
    folder.mkdir()
    for name, text in (("base.ttl", base), ("ours.ttl", ours), ("theirs.ttl", theirs)):
        (folder / name).write_text(text, encoding="utf-8")
    return eagraph("merge-driver", str(folder / "base.ttl"), str(folder / "ours.ttl"), str(folder / "theirs.ttl"),
                   path.name)


if __name__ == "__main__":
    main()
