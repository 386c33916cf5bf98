"""The repository's layout: ``python -m eagraph`` works from the clone's root, and the ``eagraph``
command's modules import each other without a loop."""

from __future__ import annotations

import ast
import subprocess
import sys

from helpers import REPO


def test_python_m_eagraph_runs_from_the_repository_root():
    """``python -m eagraph`` (the package's ``__main__``, now in ``core/``) still is the command. Whether
    a clone's root shadows an installed package is checked on the wheel, in test_packaging."""
    ran = subprocess.run([sys.executable, "-m", "eagraph", "--version"], cwd=REPO, capture_output=True, text=True,
                         timeout=60)
    assert ran.returncode == 0, ran.stderr
    assert "eagraph" in ran.stdout


def cli_imports() -> dict[str, set[str]]:
    """Which modules of ``cli/`` each module of ``cli/`` imports, anywhere in it (a function's
    import included: it loops the same once the function runs)."""
    modules = {path.stem: path for path in (REPO / "cli").glob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.ImportFrom):
                if node.level == 1 or node.module in ("eagraph.cli",):
                    parts = [node.module] if node.module and node.level == 1 else [a.name for a in node.names]
                elif node.module and node.module.startswith("eagraph.cli."):
                    parts = [node.module.removeprefix("eagraph.cli.")]
                else:
                    continue
            elif isinstance(node, ast.Import):
                parts = [a.name.removeprefix("eagraph.cli.") for a in node.names if a.name.startswith("eagraph.cli.")]
            else:
                continue
            imported |= {part.split(".")[0] for part in parts if part.split(".")[0] in modules}
        graph[name] = imported - {name, "__init__"}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import loop of the graph as the modules along it, or [] when there is none."""
    done: set[str] = set()
    for start in sorted(graph):
        stack, path, on_path = [(start, iter(sorted(graph[start])))], [start], {start}
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
            elif child in on_path:
                return path[path.index(child):] + [child]
            elif child not in done:
                stack.append((child, iter(sorted(graph[child]))))
                path.append(child)
                on_path.add(child)
    return []


def test_the_walk_finds_a_loop():
    assert find_cycle({"main": {"info"}, "info": {"options"}, "options": {"main"}}) == ["info", "options", "main",
                                                                                          "info"]
    assert find_cycle({"main": {"info", "options"}, "info": {"options"}, "options": set()}) == []


def test_cli_has_no_import_loop():
    """Each command module takes its options from ``cli/options.py`` and ``main.py`` adds the commands:
    a command that imports ``main.py`` again makes every module of ``cli/`` depend on every other."""
    graph = cli_imports()
    assert {"info", "validate"} <= graph["main"]  # the walk sees the imports
    assert find_cycle(graph) == [], f"import loop in cli/: {' -> '.join(find_cycle(graph))}"


def test_every_command_module_is_added():
    """A command module that main.py forgets would silently lose its command."""
    from eagraph.cli.main import cli

    commands = set(cli.commands)
    assert {"info", "query", "validate", "rule", "analyze", "impact", "fmt", "diff", "merge-driver", "init", "trend",
            "site", "export", "import", "publish", "targets"} <= commands
