"""Loading benchmark: eagraph's load (with positions) against a plain rdflib parse, same files.

    python bench/load.py --services 10000            # about a million triples, some 2,000 files
    python bench/load.py --services 1000 --repeat 3

Reports, for each contender, seconds (median), triples per second, peak memory, and the ratio to
the rdflib baseline measured in the same run: cold (empty parse cache) and warm (second load of an
unchanged model, every file from the cache).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from common import measure, median_of, synthetic_model, write_report

RDFLIB = """
from pathlib import Path
import rdflib
root = Path(sys.argv[1])
files = sorted(root.rglob('*.ttl'))
start = time.perf_counter()
graph = rdflib.Graph()
for path in files:
    graph.parse(path, format='turtle')
seconds = time.perf_counter() - start
RESULT = {'seconds': seconds, 'triples': len(graph), 'files': len(files)}
"""

EAGRAPH = """
from pathlib import Path
from eagraph.workspace import load
from eagraph.workspace.cache import ParseCache
cache = ParseCache(Path(sys.argv[2]))
start = time.perf_counter()
lazy = load(sys.argv[1], cache=cache)
load_seconds = time.perf_counter() - start
del lazy
start = time.perf_counter()
ws = load(sys.argv[1], cache=cache, positions=True)
seconds = time.perf_counter() - start
some_subject = next(iter(ws.positions(ws.files[0]).subjects))
assert ws.locate(some_subject) is not None and len(ws._positions) == len(ws.files)
RESULT = {'seconds': seconds, 'load_seconds': load_seconds, 'triples': ws.triple_count, 'files': len(ws.files),
          'worker_peak_mib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each contender (median reported)")
    parser.add_argument("--rdflib-timeout", type=float, default=900, help="seconds before rdflib is stopped")
    args = parser.parse_args()

    model = synthetic_model(args.services)
    print(f"model: {model}")
    rdflib_runs = [measure(RDFLIB, str(model), timeout=args.rdflib_timeout) for _ in range(args.repeat)]
    cold_runs, warm_runs = [], []
    for _ in range(args.repeat):
        cache = Path(tempfile.mkdtemp(prefix="eagraph-bench-cache-"))
        try:
            cold_runs.append(measure(EAGRAPH, str(model), str(cache)))
            warm_runs.append(measure(EAGRAPH, str(model), str(cache)))
        finally:
            shutil.rmtree(cache, ignore_errors=True)

    triples = cold_runs[0]["triples"]
    files = cold_runs[0]["files"]
    report = {"services": args.services, "files": files, "triples": triples, "repeat": args.repeat,
              "command": f"python bench/load.py --services {args.services} --repeat {args.repeat}", "results": {}}
    baseline = None if any(r.get("timed_out") for r in rdflib_runs) else median_of(rdflib_runs, "seconds")
    print(f"{args.services} services, {files} files, {triples:,} triples; median of {args.repeat} run(s)")
    header = f"{'contender':<44} {'seconds':>8} {'triples/s':>10} {'peak MiB':>9} {'vs rdflib':>10}"
    print("(peak MiB for eagraph: its process plus two position workers, an upper bound)")
    print(header)
    print("-" * len(header))
    rows = [("rdflib Graph.parse (baseline)", rdflib_runs, "seconds"),
            ("eagraph load, positions on demand (cold)", cold_runs, "load_seconds"),
            ("eagraph load + every position, cold cache", cold_runs, "seconds"),
            ("eagraph load + every position, warm cache", warm_runs, "seconds")]
    for name, runs, key in rows:
        if any(r.get("timed_out") for r in runs):
            print(f"{name:<44} {'>' + str(int(args.rdflib_timeout)):>8}")
            report["results"][name] = {"timed_out_after": args.rdflib_timeout}
            continue
        seconds = median_of(runs, key)
        peak = max(r["peak_mib"] + 2 * r.get("worker_peak_mib", 0) for r in runs)  # this process + 2 workers
        ratio = baseline / seconds if baseline else float("nan")
        print(f"{name:<44} {seconds:>8.2f} {triples / seconds:>10,.0f} {peak:>9.0f} {ratio:>9.1f}x")
        report["results"][name] = {"seconds": round(seconds, 3), "triples_per_second": round(triples / seconds),
                                   "peak_mib": peak, "speedup_vs_rdflib": round(ratio, 2)}
    print(f"report: {write_report(f'load-{args.services}', report)}")


if __name__ == "__main__":
    main()
