"""The site is a renderer: it shows the check results and the trend it is given (it runs no git
and no checks of its own), keeps no state in its modules from one build to the next, and
``site serve`` builds through the same public functions as ``site build``."""

from __future__ import annotations

import ast

from eagraph.generators.site import SiteOptions, build_site, read_inputs
from eagraph.gittools.trend import Point
from eagraph.workspace import load
from helpers import PREFIXES, REPO, write

SITE_PACKAGE = REPO / "generators" / "site"
#: ``global`` statements allowed, by module and function: none (read_findings' forked validation
#: through a module global went when the check step took it over).
GLOBAL_ALLOWED: set[tuple[str, str]] = set()
MUTATORS = {"append", "extend", "insert", "update", "clear", "pop", "popitem", "setdefault", "add", "remove",
            "discard"}
MODEL = PREFIXES + """
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl ; dct:identifier "0308357159" .
ex:permit a cpsv:PublicService ; dct:identifier "P-1" ; dct:title "Vergunning"@nl ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .
"""


def _modules() -> list[tuple[str, ast.Module]]:
    return [(path.name, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(SITE_PACKAGE.glob("*.py"))]


def _functions(tree: ast.Module):
    return [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def test_no_module_of_the_site_keeps_state_across_calls():
    found = []
    for name, tree in _modules():
        module_names = {target.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                        if isinstance(target, ast.Name)}
        for function in _functions(tree):
            for node in ast.walk(function):
                if isinstance(node, ast.Global) and (name, function.name) not in GLOBAL_ALLOWED:
                    found.append(f"{name}:{node.lineno} global {', '.join(node.names)} in {function.name}")
                # A module-level container changed inside a function: NAME.update(...), NAME[k] = v.
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in MUTATORS and isinstance(node.func.value, ast.Name)
                        and node.func.value.id in module_names):
                    found.append(f"{name}:{node.lineno} {node.func.value.id}.{node.func.attr}() in {function.name}")
                if isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                    targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
                    found += [f"{name}:{node.lineno} {t.value.id}[...] changed in {function.name}" for t in targets
                              if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)
                              and t.value.id in module_names]
    assert found == []


def test_serve_uses_only_public_functions_of_the_build():
    tree = ast.parse((SITE_PACKAGE / "serve.py").read_text(encoding="utf-8"))
    imported = [(node.module, alias.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                for alias in node.names]
    private = [f"{module}.{name}" for module, name in imported if name.startswith("_")]
    assert private == []
    # the same public pipeline as site build: its inputs from inputs.site_inputs, its pages from build_language
    assert ("build", "build_language") in imported and ("inputs", "site_inputs") in imported
    # and no module of the site reaches into another's private names either (x._name)
    reached = [f"{name}:{node.lineno} {node.value.id}.{node.attr}" for name, tree in _modules()
               for node in ast.walk(tree) if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
               and node.attr.startswith("_") and not node.attr.startswith("__")
               and node.value.id not in ("self", "cls", "os", "sys", "exc", "super")]
    assert reached == []


def test_the_site_shows_the_trend_and_findings_it_is_given(tmp_path):
    """A model outside git: the trend on the dashboard is the one passed in, not read by the site."""
    write(tmp_path, "model/model.ttl", MODEL)
    workspace = load(tmp_path / "model")
    figures = {"services": 1, "online_share": 0.5, "automatic_share": 0.0, "only_once_violations": 0,
               "duplicate_services": 0, "validation_errors": 3}
    trend = [Point("a" * 40, "2024-01-02T00:00:00+00:00", "first", figures),
             Point("b" * 40, "2024-02-03T00:00:00+00:00", "second", figures | {"services": 7})]
    inputs = read_inputs(workspace, trend)
    result = build_site(workspace, tmp_path / "site", SiteOptions(languages=("nl",)), inputs)
    home = (tmp_path / "site/nl/index.html").read_text(encoding="utf-8")
    assert result.pages > 3 and home.count("<polyline") == 6 and "2024-02-03" in home
    untouched = build_site(workspace, tmp_path / "site2", SiteOptions(languages=("nl",)), read_inputs(workspace))
    assert untouched.pages == result.pages
    assert "<polyline" not in (tmp_path / "site2/nl/index.html").read_text(encoding="utf-8")


def test_a_build_without_cache_moves_its_site_into_place_instead_of_copying_it(tmp_path, monkeypatch):
    from eagraph.generators.site import build as site_build

    def no_copy(source, target):
        raise AssertionError("the built site was copied")

    monkeypatch.setattr(site_build, "_copy_tree", no_copy)
    write(tmp_path, "model/model.ttl", MODEL)
    workspace = load(tmp_path / "model")
    build_site(workspace, tmp_path / "site", SiteOptions(languages=("nl",)), read_inputs(workspace))
    assert (tmp_path / "site/nl/services/permit.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "site"]  # no temporary folder left
