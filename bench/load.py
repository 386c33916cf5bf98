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
start = time.perf_counter()
ws = load(sys.argv[1], cache=ParseCache(Path(sys.argv[2])))
loaded = time.perf_counter()
ws.index_positions()
seconds = time.perf_counter() - start
some_subject = next(iter(ws.positions(ws.files[0]).subjects))
assert ws.locate(some_subject) is not None
RESULT = {'seconds': seconds, 'load_seconds': loaded - start, 'positions_seconds': seconds - (loaded - start),
          'triples': len(ws.store), 'files': len(ws.files)}
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
    report = {"services": args.services, "files": cold_runs[0]["files"], "triples": triples, "results": {}}
    baseline = None if any(r.get("timed_out") for r in rdflib_runs) else median_of(rdflib_runs, "seconds")
    print(f"{args.services} services, {cold_runs[0]['files']} files, {triples} triples; median of {args.repeat}")
    print(f"{'contender':<28} {'seconds':>9} {'triples/s':>11} {'peak MiB':>9} {'speed-up vs rdflib':>19}")
    for name, runs in (("rdflib Graph.parse (baseline)", rdflib_runs), ("eagraph load, cold cache", cold_runs),
                       ("eagraph load, warm cache", warm_runs)):
        if any(r.get("timed_out") for r in runs):
            print(f"{name:<28} {'> ' + str(args.rdflib_timeout):>9}")
            report["results"][name] = {"timed_out_after": args.rdflib_timeout}
            continue
        seconds = median_of(runs, "seconds")
        peak = max(r["peak_mib"] for r in runs)
        ratio = baseline / seconds if baseline else float("nan")
        print(f"{name:<28} {seconds:>9.2f} {triples / seconds:>11,.0f} {peak:>9.0f} {ratio:>18.1f}x")
        report["results"][name] = {"seconds": seconds, "triples_per_second": triples / seconds,
                                   "peak_mib": peak, "speedup_vs_rdflib": ratio}
    print(f"report: {write_report(f'load-{args.services}', report)}")


if __name__ == "__main__":
    main()
