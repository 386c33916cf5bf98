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


def test_the_validate_task_times_the_command_a_user_runs_with_an_empty_cache(tmp_path, monkeypatch):
    """``validate`` is measured as ``eagraph validate`` runs (a process of its own, load included, the
    cores it has, an empty cache), not as a library call with one worker and no cache."""
    import json

    monkeypatch.syspath_prepend(str(REPO / "bench"))
    import run as bench_run

    measured = []

    def measure(code, *args, **_kwargs):
        measured.append((code, args))
        return {"seconds": 1.0, "peak_mib": 1, "child_peak_mib": 2}

    monkeypatch.setattr(bench_run, "measure", measure)
    (tmp_path / "cache-validate" / "check").mkdir(parents=True)  # a cache left by another run
    result = bench_run.run_task("validate", REPO / "models", tmp_path, 15)
    [(code, (command, cache))] = measured
    assert code == bench_run.COMMAND
    assert json.loads(command)[-7:-5] == ["validate", str(REPO / "models")]
    assert not (tmp_path / "cache-validate").exists() and cache == str(tmp_path / "cache-validate")
    assert result["peak_mib"] == 2  # the command's own peak
    assert "faster than parse" in bench_run.markdown(
        {30: {"parse": {"seconds": 2.0, "peak_mib": 1}, "validate": result}}, ["parse", "validate"], "run")
