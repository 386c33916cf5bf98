"""Shared vocabulary has one home: every namespace IRI is defined in ``ontology/namespaces.py`` and
nowhere else, and the core (``core/``: findings and where they are) imports nothing from the
packages built on it, so that dependencies point inwards."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from helpers import REPO

from eagraph.ontology import namespaces

#: The folders of the ``eagraph`` package (pyproject's package-dir), and the benchmarks that use it.
PACKAGE_DIRS = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"]
SOURCE_DIRS = sorted({REPO / folder for folder in PACKAGE_DIRS.values()} | {REPO / "bench"})
HOME = REPO / "ontology" / "namespaces.py"


def source_files() -> list[Path]:
    return sorted({path for folder in SOURCE_DIRS for path in folder.rglob("*.py") if ".venv" not in path.parts})


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring constants of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def bare_iri_pattern(iris) -> re.Pattern:
    """A string that is an IRI (or term) in one of ``iris``, alone: plain, ``<iri>`` or ``{iri}name``.
    SPARQL text that mentions an IRI among other words is query text, not a definition."""
    alternatives = "|".join(re.escape(iri) for iri in sorted(iris, key=len, reverse=True))
    return re.compile(rf"[<{{]?(?:{alternatives})[^\s<>{{}}\"]*[>}}]?[^\s]*")


def namespace_literals(path: Path, pattern: re.Pattern) -> list[str]:
    """``file:line: 'literal'`` for each string literal of ``path`` that spells a namespace IRI."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = docstrings(tree)
    return [f"{path.name if not path.is_relative_to(REPO) else path.relative_to(REPO)}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and pattern.fullmatch(node.value)]


def test_the_check_sees_a_namespace_literal(tmp_path):
    """The walk finds a namespace written out (plain, in angle brackets, in ElementTree's braces) and
    leaves query text and docstrings alone."""
    module = tmp_path / "m.py"
    module.write_text('"""About http://data.europa.eu/m8g/ in a docstring."""\n'
                      'CV = "http://data.europa.eu/m8g/"\n'
                      'TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"\n'
                      'LANG = "{http://www.w3.org/XML/1998/namespace}lang"\n'
                      'QUERY = "SELECT ?s WHERE { ?s <http://purl.org/dc/terms/title> ?t }"\n', encoding="utf-8")
    found = namespace_literals(module, bare_iri_pattern(namespaces.ALL))
    assert [int(line.split(":")[1]) for line in found] == [2, 3, 4]


def test_no_module_but_the_ontology_spells_a_namespace():
    """``EAG`` was defined four times and the usual namespaces in 13 modules: a namespace IRI written
    anywhere but ``ontology/namespaces.py`` is a second definition (import it from ``eagraph.ontology``;
    ``namespace(prefix)`` gives the rdflib form)."""
    pattern = bare_iri_pattern(namespaces.ALL)
    found = [line for path in source_files() if path != HOME for line in namespace_literals(path, pattern)]
    assert found == []


def test_the_contract_prefixes_are_the_namespaces():
    assert set(namespaces.PREFIXES.values()) <= namespaces.ALL
    assert namespaces.PREFIXES["eag"] == "https://w3id.org/eagraph/ns#"


def core_modules() -> set[str]:
    return {path.stem for path in (REPO / "core").glob("*.py")}


def test_core_imports_nothing_from_the_packages_built_on_it():
    """``core/`` (``eagraph.findings`` and ``eagraph.location``) is what every package shares: an import of
    ``eagraph.workspace`` (or any other package) from there makes the core depend on what depends on
    it. ``__main__`` is the command itself and is left out."""
    core = core_modules()
    outward = []
    for path in sorted((REPO / "core").glob("*.py")):
        if path.stem == "__main__":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            names = ([node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0
                     else [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
            for name in names:
                parts = name.split(".")
                if parts[0] == "eagraph" and len(parts) > 1 and parts[1] not in core:
                    outward.append(f"core/{path.name}:{node.lineno}: {name}")
    assert outward == []


def test_local_name_is_the_end_of_the_iri_after_its_last_slash_or_hash():
    """What the site, the diff, diagrams and messages show of a node without a label."""
    from eagraph.ontology import local_name

    assert local_name("https://w3id.org/eagraph/be/service/tax-return") == "tax-return"
    assert local_name("https://w3id.org/eagraph/ns#Entitlement") == "Entitlement"
    assert local_name("https://w3id.org/eagraph/be/authority/fin/") == "fin"
    assert local_name("http://example.org/a/b#") == "b"
    assert local_name("urn:x:y") == "urn:x:y"
    assert local_name("http://example.org///") == "example.org"


def test_no_module_but_the_ontology_computes_a_local_name():
    """The end of an IRI was computed in eight places, each the same way by copy; now in one."""
    spelled = '.rsplit("/", 1)[-1].rsplit("#", 1)[-1]'
    found = [str(path.relative_to(REPO)) for path in source_files()
             if path.name != "iris.py" and spelled in path.read_text(encoding="utf-8")]
    assert found == []


def test_the_ontology_is_loaded_from_eagraph_ontology_once(tmp_path):
    """The exporters and the site load eagraph's concepts through ``eagraph.ontology`` (it lived in
    the validators, which the exporters then imported for it); a second call adds nothing."""
    from eagraph.ontology import EAG, ensure_ontology
    from eagraph.workspace import load

    (tmp_path / "a.ttl").write_text("<https://example.org/s> a <http://purl.org/vocab/cpsv#PublicService> .\n",
                                    encoding="utf-8")
    workspace = load(tmp_path, cache=False)
    ensure_ontology(workspace)
    labels = f"SELECT ?l WHERE {{ <{EAG}Online> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}"
    first = sorted(row["l"].value for row in workspace.query(labels))
    ensure_ontology(workspace)
    assert sorted(row["l"].value for row in workspace.query(labels)) == first
    assert {row["l"].value for row in workspace.query(labels)} == {"Online", "En ligne"}


def test_config_defaults_are_written_once(tmp_path):
    """The defaults of eagraph.toml were written three times (the schema, the Config fields, the reader);
    the schema's OPTIONS is now the one place, and an empty eagraph.toml reads as no file at all."""
    import warnings

    from eagraph.workspace.config import OPTIONS, Config, load_config

    tree = ast.parse((REPO / "workspace" / "config.py").read_text(encoding="utf-8"))
    languages = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.List | ast.Tuple)
                 and [getattr(e, "value", None) for e in node.elts] == ["nl", "fr"]]
    assert len(languages) == 1, f"the default languages are written on lines {languages}"
    bare = Config(root=REPO)
    assert bare.languages == tuple(next(o.default for o in OPTIONS if o.key == "languages"))
    assert bare.include == tuple(next(o.default for o in OPTIONS if o.key == "include"))
    (tmp_path / "eagraph.toml").write_text("[model]\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        empty = load_config(tmp_path)
    assert (empty.languages, empty.include, empty.reports, empty.site_title) == \
        (bare.languages, bare.include, bare.reports, bare.site_title)
