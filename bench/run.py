"""The benchmark harness: every cost of eagraph at several sizes, in one run, beside its baseline.

    python bench/run.py                                  # 1,000 and 10,000 services
    python bench/run.py --services 1000 10000 50000 --pyshacl-timeout 900
    python bench/run.py --services 30 --repeat 1         # what CI runs, so that it cannot rot

For each size, on the synthetic model of that many services (``bench/synthetic/``), each task runs
in a fresh process (so its peak memory is its own), ``--repeat`` times (the median is reported):

| task | what | baseline |
|---|---|---|
| parse | rdflib parses every file (the baseline of load, fmt and diff) | |
| load | ``eagraph.workspace.load``, parse cache off | parse |
| validate | ``eagraph validate`` as a user runs it, load included (the contract's shapes, json to a file), empty cache | parse; pyshacl, same shapes, same data |
| pyshacl | plain pyshacl on the same shapes (capped by ``--pyshacl-timeout``) | |
| analyze | ``eagraph analyze`` (validation and every finding kind, through the check step), empty cache | |
| analyze-again | ``eagraph analyze`` again, the model unchanged: its results read from the cache | |
| site | ``eagraph site build`` (nl and fr), empty cache | |
| fmt | ``eagraph fmt --check`` of every file, empty cache | parse |
| fmt-warm | the same again, the model unchanged (every file's verdict is in the cache) | parse |
| diff | ``eagraph diff`` of the model against a copy whose every file is laid out anew, ``--no-findings`` | parse |
| diff-findings | ``eagraph diff`` with findings of the model against a copy with one file changed, the model checked before | |

Then how each cost grows: its time at each size divided by its time at the smallest, beside the
growth of the model. Results: ``bench/results/run.json`` and ``run.md`` (the table for
``docs/performance.md``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from common import BENCH, measure, relay, synthetic_model, write_report

#: What each task is compared with, when measured in the same run (the machine's load then weighs on both).
BASELINES = {"load": ("parse",), "fmt": ("parse",), "fmt-warm": ("parse",), "diff": ("parse",),
             "validate": ("parse", "pyshacl")}

PARSE = r"""
import rdflib
from pathlib import Path
start = time.perf_counter()
triples = 0
for path in sorted(Path(sys.argv[1]).rglob('*.ttl')):
    graph = rdflib.Graph().parse(path, format='turtle')
    triples += len(graph)
RESULT = {'seconds': time.perf_counter() - start, 'triples': triples}
"""
LOAD = r"""
from eagraph.workspace import load
start = time.perf_counter()
ws = load(sys.argv[1], cache=False)
RESULT = {'seconds': time.perf_counter() - start, 'triples': ws.triple_count}
"""
COMMAND = r"""
import os, subprocess
command = json.loads(sys.argv[1])
start = time.perf_counter()
done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, 'EAGRAPH_CACHE_DIR': sys.argv[2]})
if done.returncode not in (0, 1):
    raise SystemExit(done.stderr[-3000:])
RESULT = {'seconds': time.perf_counter() - start,
          'child_peak_mib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
"""


def run_task(task: str, model: Path, work: Path, pyshacl_timeout: float) -> dict:
    eagraph = [sys.executable, "-m", "eagraph"]
    if task == "parse":
        return measure(PARSE, str(model))
    if task == "load":
        return measure(LOAD, str(model))
    if task == "pyshacl":
        from validate import PYSHACL, prepare_inputs

        inputs = work / "pyshacl"
        inputs.mkdir(exist_ok=True)
        shapes, _deactivations, _data, _triples, _off = prepare_inputs(model, inputs, [])
        from eagraph.ontology import ONTOLOGY_PATH

        return measure(PYSHACL, str(model), str(ONTOLOGY_PATH), str(shapes), str(inputs / "keys.json"),
                       timeout=pyshacl_timeout)
    cache = work / f"cache-{task}"
    shutil.rmtree(cache, ignore_errors=True)
    analyze = [*eagraph, "analyze", str(model), "-q", "--format", "json", "-o", str(work / "findings.json")]
    commands = {
        "validate": [*eagraph, "validate", str(model), "-q", "--format", "json", "-o", str(work / "validation.json")],
        "analyze": analyze,
        "analyze-again": analyze,
        "diff-findings": [*eagraph, "diff", str(model), str(work / "one-file"), "-q"],
        "site": [*eagraph, "site", "build", str(model), "--out", str(work / "site"), "--language", "nl",
                 "--language", "fr", "--trend", "0"],
        "fmt": [*eagraph, "fmt", str(model), "--check"],
        "fmt-warm": [*eagraph, "fmt", str(model), "--check"],
        "diff": [*eagraph, "diff", str(model), str(work / "copy"), "--no-findings"],
    }
    if task.endswith("-warm"):  # a first run, not measured, fills the cache
        measure(COMMAND, json.dumps(commands[task]), str(cache))
    if task in ("analyze-again", "diff-findings"):  # the model was checked before: its results are in the cache
        measure(COMMAND, json.dumps(analyze), str(cache))
    result = measure(COMMAND, json.dumps(commands[task]), str(cache))
    result["peak_mib"] = max(result.get("peak_mib", 0), result.pop("child_peak_mib", 0))
    return result


def one_file_change(model: Path, target: Path) -> None:
    """A copy of ``model`` with one file changed (a service's title), for ``diff`` with findings."""
    shutil.copytree(model, target)
    changed = sorted(target.rglob("*.ttl"))[len(list(target.rglob("*.ttl"))) // 2]
    text = changed.read_text(encoding="utf-8")
    at = text.index('"', text.index("dct:title")) + 1 if "dct:title" in text else None
    changed.write_text(text[:at] + "Changed " + text[at:] if at else text + "\n# changed\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--pyshacl-timeout", type=float, default=300)
    parser.add_argument("--tasks", nargs="+", default=["parse", "load", "validate", "pyshacl", "analyze",
                                                        "analyze-again", "site", "fmt", "fmt-warm", "diff",
                                                        "diff-findings"])
    args = parser.parse_args()
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    results: dict[int, dict[str, dict]] = {}
    for services in args.services:
        model = synthetic_model(services)
        work = Path(tempfile.mkdtemp(prefix="eagraph-bench-run-"))
        try:
            relay(model, work / "copy")
            one_file_change(model, work / "one-file")
            results[services] = {}
            for task in args.tasks:
                runs = [run_task(task, model, work, args.pyshacl_timeout) for _ in range(args.repeat)]
                done = [r for r in runs if not r.get("timed_out")]
                results[services][task] = ({"timed_out": True, "seconds": args.pyshacl_timeout} if not done else {
                    "seconds": round(statistics.median(r["seconds"] for r in done), 2),
                    "peak_mib": round(max(r.get("peak_mib", 0) for r in done)),
                    **{k: v for k, v in done[0].items() if k in ("triples", "results")}})
                shown = results[services][task]
                print(f"{services:>7} services  {task:<9} " + (
                    f"did not finish in {args.pyshacl_timeout:g} s" if shown.get("timed_out") else
                    f"{shown['seconds']:>9.2f} s  {shown['peak_mib']:>6} MiB"), flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    table = markdown(results, args.tasks, command)
    (BENCH / "results").mkdir(exist_ok=True)
    (BENCH / "results" / "run.md").write_text(table, encoding="utf-8")
    print("\n" + table)
    print("report:", write_report("run", {"command": command, "results": results}))


def markdown(results: dict[int, dict[str, dict]], tasks: list[str], command: str) -> str:
    sizes = sorted(results)
    lines = [f"`{command}`", "", "| task | " + " | ".join(f"{s:,} services" for s in sizes) + " | growth |",
             "|---|" + "---:|" * (len(sizes) + 1)]
    for task in tasks:
        cells = []
        for size in sizes:
            row = results[size].get(task, {})
            if row.get("timed_out"):
                cells.append(f"over {row['seconds']:g} s")
                continue
            text = f"{row['seconds']:.2f} s, {row['peak_mib']:,} MiB"
            for name in BASELINES.get(task, ()):
                text += _compared(row, results[size].get(name, {}), name)
            cells.append(text)
        first, last = results[sizes[0]].get(task, {}), results[sizes[-1]].get(task, {})
        growth = (f"{last['seconds'] / first['seconds']:.1f}x for {sizes[-1] / sizes[0]:.0f}x the services"
                  if len(sizes) > 1 and first.get("seconds") and not first.get("timed_out")
                  and not last.get("timed_out") else "")
        lines.append(f"| {task} | " + " | ".join(cells) + f" | {growth} |")
    return "\n".join(lines) + "\n"


def _compared(row: dict, base: dict, name: str) -> str:
    """`` (2.0x faster than parse)``: a task beside a baseline measured in the same run ("" if not)."""
    if base.get("timed_out"):
        return f" (over {base['seconds'] / row['seconds']:.0f}x faster than {name})"
    if not base or not row["seconds"]:
        return ""
    ratio = base["seconds"] / row["seconds"]
    return f" ({ratio:.1f}x faster than {name})" if ratio >= 1 else f" ({1 / ratio:.1f}x the time of {name})"


if __name__ == "__main__":
    main()
