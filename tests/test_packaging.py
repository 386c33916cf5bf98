"""The built wheel works on its own, outside this repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from helpers import REPO, write


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """The wheel, built from a copy of the sources (the files git tracks or would): setuptools
    builds in the source tree's build/, which two test workers must not share."""
    out = tmp_path_factory.mktemp("wheel")
    source = tmp_path_factory.mktemp("source")
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    for name in listed:
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes((REPO / name).read_bytes())
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(out), str(source)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    return next(out.glob("eagraph-*.whl")), built.stdout + built.stderr


@pytest.fixture(scope="module")
def wheel(build):
    return build[0]


def test_the_build_prints_no_warning(build):
    """Set-up that prints pages of setuptools warnings reads as a failed install."""
    output = build[1]
    assert "warning" not in output.lower(), output[:3000]


def test_the_site_needs_no_extra(wheel):
    """``eagraph site build`` is a main job: mkdocs and its theme come with ``pip install eagraph``."""
    metadata = zipfile.ZipFile(wheel).read("eagraph-0.1.0.dist-info/METADATA").decode()
    required = {line.split(":", 1)[1].strip().split(">")[0].split("<")[0].split("=")[0].split(";")[0].strip()
                for line in metadata.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line}
    assert {"mkdocs", "mkdocs-material", "rdflib", "pyshacl"} <= required


def test_wheel_ships_the_official_profiles_with_their_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl", "cpsv-ap-3.2.0/cpsv-ap.ttl", "cccev-2.1.0/cccev.ttl",
                 "cccev-2.1.0/cccev-ap-SHACL.ttl", "SOURCE.md", "LICENSE"):
        assert f"eagraph/validators/semic/{name}" in names, name
    assert "eagraph/validators/shapes/contract.ttl" in names


def test_wheel_has_one_namespace_and_ships_the_ontology(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert top_level == {"eagraph"}
    assert "eagraph/ontology/eagraph.ttl" in names
    assert "eagraph/workspace/turtle.py" in names and "eagraph/cli/main.py" in names


def test_installed_wheel_is_the_eagraph_found_in_a_clone(wheel, tmp_path):
    """Someone who installed eagraph and runs Python in a clone of this repository gets the installed
    package: no folder at the clone's root is named like it (the current folder comes first on
    sys.path, and an ``eagraph/`` there hid ``eagraph.workspace``)."""
    target = tmp_path / "site"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                                str(wheel)], capture_output=True, text=True, timeout=120)
    assert installed.returncode == 0, installed.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = "import eagraph.workspace, eagraph.findings, eagraph.cli.main; print(eagraph.__file__)"
    imported = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=60)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(str(target)), imported.stdout


def test_installed_wheel_runs_outside_the_repository(wheel, tmp_path):
    target = tmp_path / "site"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                                str(wheel)], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    model = tmp_path / "model"
    write(model, "m.ttl", '@prefix dct: <http://purl.org/dc/terms/> .\n<http://example.org/s> dct:title "T"@nl .\n')
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = ("import eagraph, eagraph.ontology as o, sys; "
            "assert eagraph.__file__.startswith(sys.argv[1]), eagraph.__file__; "
            "assert o.ONTOLOGY_PATH.is_file(); print(o.ONTOLOGY_PATH)")
    located = subprocess.run([sys.executable, "-c", code, str(target)], cwd=tmp_path, env=env,
                             capture_output=True, text=True)
    assert located.returncode == 0, located.stderr
    assert located.stdout.startswith(str(target))
    info = subprocess.run([sys.executable, "-m", "eagraph", "info", str(model), "--format", "json"],
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    assert info.returncode == 0, info.stderr
    assert '"triples": 1' in info.stdout
    write(model, "service.ttl", "@prefix cpsv: <http://purl.org/vocab/cpsv#> .\n<http://example.org/p> a cpsv:PublicService .\n")
    profiled = subprocess.run([sys.executable, "-m", "eagraph", "validate", str(model), "--profile", "cpsv-ap-3.2",
                               "--format", "json"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert profiled.returncode == 1, profiled.stderr
    assert '"CPSV-AP-3.2:PublicServiceShape/' in profiled.stdout
