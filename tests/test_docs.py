"""The manual builds, and its generated pages list every command, option and setting."""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest

from eagraph.cli.main import cli
from eagraph.workspace.config import OPTIONS
from helpers import REPO


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("manual")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                           cwd=REPO, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    return out


def test_cli_reference_lists_every_command_and_option(site):
    page = (site / "cli.html").read_text(encoding="utf-8")
    ctx = click.Context(cli, info_name="eagraph")
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert f"eagraph {name}" in page, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.opts[-1] in page, f"{name} {param.opts}"


def test_configuration_page_lists_every_setting(site):
    page = (site / "configuration.html").read_text(encoding="utf-8")
    for option in OPTIONS:
        assert f"<code>{option.key}</code>" in page, option.key


def test_every_page_of_the_nav_is_built(site):
    for page in ("index", "getting-started", "model-contract", "ontology", "configuration", "cli"):
        assert (site / f"{page}.html").is_file(), page


def test_a_page_for_every_rule_with_its_examples(site):
    from eagraph.validators.rule_codes import contract_rules

    index = (site / "rules" / "index.html").read_text(encoding="utf-8")
    for rule in contract_rules().values():
        page = (site / "rules" / f"{rule.code}.html").read_text(encoding="utf-8")
        assert rule.name in page and "Why it matters" in page, rule.code
        assert f'href="{rule.code}.html"' in index, rule.code


def test_every_test_the_security_page_names_exists():
    """docs/security.md holds each promise by naming tests; a renamed or deleted test must not leave
    a promise that nothing checks."""
    import ast
    import re

    page = (REPO / "docs" / "security.md").read_text(encoding="utf-8")
    named, module = [], None
    for file, test in re.findall(r"`(test_\w+\.py)?::(test_\w+)`", page):
        module = file or module
        named.append((module, test))
    assert len(named) > 40
    defined = {}
    for module in {m for m, _ in named}:
        tree = ast.parse((REPO / "tests" / module).read_text(encoding="utf-8"))
        defined[module] = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    missing = [f"{m}::{t}" for m, t in named if t not in defined[m]]
    assert not missing, missing


def test_no_merge_left_its_conflict_markers():
    """A merge resolved by hand once committed git's markers into a docs page (docs/architecture.md,
    session 5): no page, outside its code examples, and no file of the package or the model holds one."""
    import re

    marker = re.compile(r"^(<{7} |={7}$|>{7} )", re.M)
    found = []
    for path in sorted(REPO.glob("docs/**/*.md")):
        prose = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
        found += [path.name for _ in marker.finditer(prose)]
    folders = ("analyses", "bench", "check", "cli", "core", "generators", "gittools", "importers", "lsp", "models",
               "ontology", "remote", "reporters", "scripts", "validators", "workspace")
    for folder in folders:
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix in (".py", ".ttl", ".toml", ".yml", ".sh", ".html", ".md", ".j2") and path.is_file():
                if marker.search(path.read_text(encoding="utf-8", errors="replace")):
                    found.append(str(path.relative_to(REPO)))
    assert not found, found
