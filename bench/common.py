"""What every benchmark shares: the synthetic models, isolated measurements, and the report.

Each measurement runs in a fresh Python process, so its peak memory (ru_maxrss) is its own and
no cache of an earlier measurement in the same interpreter can flatter it.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import synthetic  # noqa: E402  (bench/ is not an installed package)


def synthetic_model(services: int, seed: int = 1) -> Path:
    """The synthetic model of that size, generated once and kept under the temp folder."""
    folder = Path(os.environ.get("EAGRAPH_BENCH_DATA", Path(tempfile.gettempdir()) / "eagraph-bench"))
    target = folder / f"synthetic-{services}-seed{seed}"
    if not (target / "labels.json").is_file():
        if target.exists():
            import shutil

            shutil.rmtree(target)
        synthetic.generate(target, services=services, seed=seed)
    return target


def measure(code: str, *args: str, env: dict | None = None, timeout: float | None = None) -> dict:
    """Run ``code`` in a new interpreter; it prints one JSON object, to which peak memory is added."""
    wrapper = (
        "import json, resource, sys, time\n"
        f"{code}\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "RESULT['peak_mib'] = round(peak, 1)\n"
        "print(json.dumps(RESULT))\n"
    )
    try:
        done = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True, text=True,
                              env={**os.environ, **(env or {})}, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timed_out": True, "seconds": timeout}
    if done.returncode != 0:
        raise RuntimeError(f"measurement failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def relay(source: Path, target: Path) -> None:
    """A copy of the model with every file written anew as N-Triples (valid Turtle): the same
    statements in another layout, so that every file differs and none means anything new."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("labels.json"))
    for path in target.rglob("*.ttl"):
        triples = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        path.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def write_report(name: str, data: dict) -> Path:
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    path = out / f"{name}.json"
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


# Contract violations, planted into a copy of a synthetic model (which itself has none), so that
# engines are compared on results, not only on silence. Each rule is a line pattern and what it
# becomes; each matching line is changed with probability ``rate``, decided by a seeded generator.
VIOLATIONS = (
    # no French title (EAG language rules)
    (r'^(    dct:title "[^"]*"@nl), "[^"]*"@fr ;$', r"\1 ;"),
    # a yearly case count that is not a number (datatype)
    (r"^(    eag:annualCases) [0-9]+ ;$", r'\1 "many" ;'),
    # a competent authority that is defined nowhere (dangling link, class)
    (r"^(    cv:hasCompetentAuthority authority:[a-z0-9-]+)", r"\1-gone"),
    # a legal basis that is no well-formed ELI and defined nowhere
    (r"^(    cv:hasLegalResource <http://www.ejustice.just.fgov.be/eli/[a-z]+/[0-9]{4})/", r"\1/13/"),
    # two services with one identifier (EAG091): every service picked takes the same one
    (r'^(    dct:identifier) "PS-[0-9]+" ;$', r'\1 "PS-SHARED" ;'),
    # an entitlement without granting mode
    (r"^    eag:grantingMode eag:[A-Za-z]+ ;$", ""),
)


def with_violations(model: Path, rate: float = 0.01, seed: int = 1) -> Path:
    """A copy of ``model`` (next to it) with contract violations planted in about ``rate`` of the
    lines each rule matches; made once, then reused."""
    import random
    import re
    import shutil

    target = model.with_name(f"{model.name}-violations-{rate}")
    if (target / "eagraph.toml").is_file():
        return target
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(model, target, ignore=shutil.ignore_patterns("labels.json"))
    rules = [(re.compile(pattern), replacement) for pattern, replacement in VIOLATIONS]
    for path in sorted(target.rglob("*.ttl")):
        rng = random.Random(f"{seed}:{path.relative_to(target)}")
        lines = path.read_text(encoding="utf-8").split("\n")
        for number, line in enumerate(lines):
            for pattern, replacement in rules:
                if pattern.search(line) and rng.random() < rate:
                    lines[number] = pattern.sub(replacement, line)
                    break
        path.write_text("\n".join(lines), encoding="utf-8")
    return target
