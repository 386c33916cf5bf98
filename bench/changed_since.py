"""``validate --changed-since`` after a one-file change, against a full ``validate`` of the same model.

    python bench/changed_since.py --services 10000

The synthetic model is copied into a fresh git repository and committed. Then, for each edit
below (each a one-file change a modeller makes), the edit is applied and measured, each run in a
fresh process as the CLI runs it:

- full: ``eagraph validate`` of the whole model (parse cache warm, as on a modeller's machine);
- cold: ``--changed-since HEAD`` with an empty cache (the mention index is built on this run);
- warm: ``--changed-since HEAD`` again, the index cached (the median of --repeat runs).

Each run's findings are compared: ``--changed-since`` must report exactly the full run's findings
on the nodes it checked.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import synthetic_model, with_violations, write_report

GIT_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@e", "GIT_COMMITTER_NAME": "bench",
           "GIT_COMMITTER_EMAIL": "b@e"}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def first_file(root: Path, pattern: str) -> Path:
    return min(root.glob(pattern))


def edit_identifier(root: Path) -> str:
    path = first_file(root, "authorities/*/services-01.ttl")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'dct:identifier "(PS-[0-9]+)"', r'dct:identifier "\1X"', text, count=1), encoding="utf-8")
    return f"a service identifier in {path.relative_to(root)}"


def edit_title(root: Path) -> str:
    path = first_file(root, "authorities/*/services-02.ttl")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'(dct:title "[^"]+"@nl), "([^"]+)"@fr', r'\1, "\2"@en', text, count=1), encoding="utf-8")
    return f"a service's French title made English in {path.relative_to(root)}"


def edit_regulation(root: Path) -> str:
    path = first_file(root, "shared/regulations-*.ttl")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'(dct:title|eli:title) "([^"]+)"@nl', r'\1 "\2 (gewijzigd)"@nl', text, count=1),
                    encoding="utf-8")
    return f"a regulation's title in {path.relative_to(root)}"


def delete_service_file(root: Path) -> str:
    path = first_file(root, "authorities/*/services-03.ttl")
    path.unlink()
    return f"deleted {path.relative_to(root)}"


EDITS = [edit_identifier, edit_title, edit_regulation, delete_service_file]


def run_validate(root: Path, cache: Path, *args: str) -> tuple[float, set, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "eagraph", "validate", str(root), "--format", "json", "-v", *args],
                          capture_output=True, text=True, env={**os.environ, "EAGRAPH_CACHE_DIR": str(cache)})
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr)
    findings = {(f["code"], f["subject"], f.get("path") or "", f.get("value") or "")
                for f in json.loads(done.stdout)["findings"]}
    return seconds, findings, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def checked_nodes(root: Path) -> set[str]:
    code = ("import sys, json; from eagraph.validators.changes import load_changed; "
            "print(json.dumps(sorted(load_changed(sys.argv[1], 'HEAD').nodes)))")
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=10000)
    parser.add_argument("--violations", type=float, default=0.01, metavar="RATE",
                        help="share of the lines each violation rule matches that it breaks (0: the clean model)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    source = synthetic_model(args.services)
    if args.violations:
        source = with_violations(source, args.violations)
    work = Path(tempfile.mkdtemp(prefix="eagraph-changed-"))
    root = work / "model"
    shutil.copytree(source, root, ignore=shutil.ignore_patterns("labels.json"))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    warm_cache = work / "cache"
    run_validate(root, warm_cache)  # fills the parse cache, as any earlier run on this machine does
    rows = []
    for edit in EDITS:
        git(root, "checkout", "-q", "--", ".")
        what = edit(root)
        full_seconds, full, _ = run_validate(root, warm_cache)
        cold_cache = work / f"cold-{edit.__name__}"
        cold_seconds, _, _ = run_validate(root, cold_cache, "--changed-since", "HEAD")
        warm = [run_validate(root, cold_cache, "--changed-since", "HEAD") for _ in range(args.repeat)]
        nodes = checked_nodes(root)
        partial = warm[0][1]
        same = partial == {f for f in full if f[1] in nodes}
        row = {"edit": what, "full_s": round(full_seconds, 2), "cold_s": round(cold_seconds, 2),
               "warm_s": round(statistics.median(w[0] for w in warm), 2), "nodes": len(nodes),
               "findings": len(partial), "same_as_full": same, "detail": warm[0][2]}
        rows.append(row)
        print(f"{what}\n  full {row['full_s']} s | --changed-since cold {row['cold_s']} s, warm {row['warm_s']} s "
              f"({row['full_s'] / row['warm_s']:.1f}x faster) | {row['detail']} | "
              f"{len(partial)} findings, same as the full run: {same}", flush=True)
    shutil.rmtree(work)
    print("report:", write_report(f"changed-since-{args.services}", {"services": args.services, "runs": rows}))


if __name__ == "__main__":
    main()
