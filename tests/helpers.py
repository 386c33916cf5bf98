"""Paths and small helpers shared by the tests."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODELS = REPO / "models"
#: The prefixes of small test models written in Turtle (``ex:`` for the test's own nodes).
PREFIXES = """@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix eag: <https://w3id.org/eagraph/ns#> .
@prefix ex: <https://example.org/> .
"""
#: Official artefacts only the tests read (examples, older CPSV-AP versions, ArchiMate XSDs, SARIF schema),
#: carried in the repository with their sources and licences (see its README.md): nothing outside the clone.
REFERENCE = REPO / "tests" / "data" / "reference"
#: The SEMIC shapes and vocabularies eagraph ships as package data, laid out as SEMIC publishes them.
SEMIC_PROFILES = REPO / "validators" / "semic"
#: The model contract, a copy of the design group's vocabulary.md kept in line with it.
CONTRACT = REPO / "ontology" / "vocabulary.md"


def reference_turtle() -> list[Path]:
    """Every official Turtle file in the repository; never empty, so a test over them cannot pass by
    silently reading fewer files."""
    files = sorted(REFERENCE.rglob("*.ttl")) + sorted(SEMIC_PROFILES.rglob("*.ttl"))
    assert len(files) >= 10, f"official Turtle files missing from {REFERENCE} and {SEMIC_PROFILES}"
    return files


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def git(cwd: Path, *args: str, date: str | None = None) -> str:
    """Run git in ``cwd`` with a fixed identity (tests make their own repositories); ``date`` (ISO 8601)
    dates the commits it makes, for what reads a pace from the history."""
    dated = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    done = subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@e", "PATH": "/usr/bin:/bin", **dated})
    return done.stdout


def example_model_history(root: Path) -> Path:
    """The example model in a git repository of its own, over two commits (the second adds one
    authority's file), for what reads a model's history: a test must not depend on this clone's own
    history, which a shallow or one-commit clone does not have. Returns the model folder."""
    models = root / "models"
    shutil.copytree(MODELS, models)
    added = models / "authorities" / "leuven.ttl"
    text = added.read_text(encoding="utf-8")
    added.unlink()
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the example model without Leuven")
    added.write_text(text, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Leuven")
    return models


def bench_synthetic():
    """The synthetic model generator, the package bench/synthetic/ (not installed), loaded once by path:
    the one way tests load it, without putting bench/ on sys.path."""
    name = "eagraph_bench_synthetic"
    if name not in sys.modules:
        package = REPO / "bench" / "synthetic"
        spec = importlib.util.spec_from_file_location(name, package / "__init__.py",
                                                      submodule_search_locations=[str(package)])
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def tour_lines() -> list[str]:
    """The command lines of the README's ``sh`` block under 'A short tour', as written (comments kept)."""
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme.split("## A short tour", 1)[1], re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.startswith("source ")]
