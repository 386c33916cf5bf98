"""The benchmark harness runs at a small size in CI, so that it cannot rot between the runs by hand."""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import REPO


def test_the_harness_measures_every_task_at_a_small_size(tmp_path):
    done = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--services", "30", "--repeat", "1",
                           "--pyshacl-timeout", "15"], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "EAGRAPH_BENCH_DATA": str(tmp_path / "data")})
    assert done.returncode == 0, done.stderr[-3000:]
    table = (REPO / "bench" / "results" / "run.md").read_text()
    for task in ("parse", "load", "validate", "pyshacl", "analyze", "analyze-again", "site", "fmt", "diff",
                 "diff-findings"):
        assert f"| {task} |" in table, task
    assert "faster than parse" in table  # load is measured against its baseline


def test_the_lsp_benchmark_measures_its_latency_and_baseline_on_the_example_model():
    done = subprocess.run([sys.executable, str(REPO / "bench" / "lsp.py"), "--model", str(REPO / "models"),
                           "--repeat", "1"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "diagnostics " in done.stdout and "validate --changed-since " in done.stdout and "x faster" in done.stdout
