"""``eagraph lsp``: how long after a keystroke the editor shows the contract's findings, against
``eagraph validate --changed-since`` of the same edit measured in the same run.

    python bench/lsp.py --services 10000     # the synthetic model (bench/common.synthetic_model)
    python bench/lsp.py --model models       # the example model

The model is copied into a fresh git repository and committed; its parse cache is filled by one
``validate``, as on a modeller's machine. Then one file of services is opened in the server (over
a pipe, as an editor does) and edited ``--repeat`` times, each edit a service's title changed
(even edits add a word, odd ones take it away); the latency is from sending ``didChange`` to
receiving the diagnostics of that version (the first edit warms the server and is not counted).
The baseline: the same edit saved, and ``validate --changed-since HEAD`` in a fresh process, the
way a modeller learns of findings without the server. The server runs with ``--debounce 0``: the
figure is the check's; an editor's user waits the debounce (150 ms by default) before it.

``--edit wide``: the worst realistic edit instead, one that reaches many files: the authority or
source that the most files name (the national register in the example model) has its description removed from its file on even edits and put back on odd ones.
Besides the edited file's diagnostics, the time until the server has published those of every file
the edit reached (a request sent after the edited file's diagnostics is answered once it has) and
how many files it published.

Then find references of the file's first competent authority (every statement of the model that
names it), ``--repeat`` times: the first request, and the median of the others.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import BENCH, synthetic_model, write_report

sys.path.insert(0, str(BENCH.parent / "tests"))
from lsp_client import LspClient  # noqa: E402  (the tests' client: the protocol spoken one way)

GIT_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@e", "GIT_COMMITTER_NAME": "bench",
           "GIT_COMMITTER_EMAIL": "b@e"}
TITLE = re.compile(r'(dct:title\s+")([^"]+)("@nl)')
AUTHORITY = re.compile(r"cv:hasCompetentAuthority\s+(\S)")


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def edited(text: str, number: int) -> str:
    """The file with its first Dutch service title changed: a word added on even edits, not on odd."""
    return TITLE.sub(lambda m: m.group(1) + m.group(2) + (" (nieuw)" if number % 2 == 0 else "") + m.group(3),
                     text, count=1)


def service_file(root: Path) -> Path:
    """The first file (in name order) with a Dutch service title: the file being edited."""
    return next(p for p in sorted(root.rglob("*.ttl")) if "cpsv:PublicService" in (text := p.read_text("utf-8"))
                and TITLE.search(text))


PREFIXED = re.compile(r"(?<![\w:/#])([a-z][\w-]*:[\w.-]*\w)")


#: What an architect realistically removes or renames that many files link to: an authority, a source.
WIDE_TYPES = ("cv:PublicOrganisation", "authsrc:DataSource")


def widest_node(root: Path) -> tuple[Path, str, int]:
    """The authority or source that the most files name, its file and the number of files naming it:
    a subject written ``name a type`` at a line's start, counted by the files whose text writes its
    prefixed name. (A concept of a process step's activity may be named by every file, but nobody
    removes one by a keystroke.)"""
    naming: Counter = Counter()
    defined: dict[str, Path] = {}
    for path in sorted(root.rglob("*.ttl")):
        text = path.read_text(encoding="utf-8")
        naming.update(set(PREFIXED.findall(text)))
        for name, kind in re.findall(r"^(\S+:\S+) a ([^\s;,.]+)", text, re.MULTILINE):
            if kind in WIDE_TYPES:
                defined.setdefault(name, path)
    name = max(defined, key=lambda n: (naming[n], n))
    return defined[name], name, naming[name]


def without(text: str, name: str) -> str:
    """``text`` without the description of ``name`` (from ``name a`` to the statement's end)."""
    start = re.search(rf"^{re.escape(name)} a ", text, re.MULTILINE).start()
    end = text.index(" .\n", start) + 3
    return text[:start] + text[end:]


def validate_changed(root: Path, env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "eagraph", "validate", str(root), "--changed-since", "HEAD"],
                          capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr)
    return seconds


def measure(root: Path, repeat: int, env: dict, wide: bool = False) -> dict:
    if wide:
        path, name, files = widest_node(root)
        original = path.read_text(encoding="utf-8")
        removed = without(original, name)

        def edit(text: str, number: int) -> str:
            """The node gone on even edits, back on odd ones."""
            return removed if number % 2 == 0 else text
    else:
        path, name, files = service_file(root), None, None
        original = path.read_text(encoding="utf-8")
        edit = edited
    baseline = []
    for number in range(repeat):
        path.write_text(edit(original, number), encoding="utf-8")
        baseline.append(validate_changed(root, env))
    path.write_text(original, encoding="utf-8")

    os.environ.update(env)  # the server inherits the cache the baseline filled
    client = LspClient(str(root), "--debounce", "0")
    try:
        client.initialize(root)
        uri = path.as_uri()
        start = time.perf_counter()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "turtle", "version": 1,
                                                                "text": original}})
        client.diagnostics(uri, 1, timeout=600)
        opened = time.perf_counter() - start
        latencies, everything, published = [], [], []
        for number in range(repeat + 1):
            version = number + 2
            client.pending.clear()
            start = time.perf_counter()
            client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                     "contentChanges": [{"text": edit(original, number)}]})
            client.diagnostics(uri, version, timeout=600)
            latencies.append(time.perf_counter() - start)
            # a request that costs nothing (a file outside the model): answered once the check is done
            client.request("textDocument/documentSymbol", {"textDocument": {"uri": "file:///-"}}, timeout=600)
            everything.append(time.perf_counter() - start)
            published.append(len({m["params"]["uri"] for m in client.pending
                                  if m.get("method") == "textDocument/publishDiagnostics"}))
        references = references_latency(client, uri, edit(original, repeat), repeat)
    finally:
        client.close()
    lsp, changed = statistics.median(latencies[1:]), statistics.median(baseline)
    return {"file": path.relative_to(root).as_posix(), "open_s": round(opened, 3), "lsp_median_s": round(lsp, 3),
            "lsp_max_s": round(max(latencies[1:]), 3), "changed_since_median_s": round(changed, 3),
            "ratio": round(changed / lsp, 1), "all_published_median_s": round(statistics.median(everything[1:]), 3),
            "all_published_max_s": round(max(everything[1:]), 3), "files_published_max": max(published[1:]),
            "node": name, "files_naming_node": files, **references}


def references_latency(client: LspClient, uri: str, text: str, repeat: int) -> dict:
    """The time to find the references of the file's first competent authority: first and median after."""
    found = AUTHORITY.search(text)
    if found is None:  # the wide edit's file may name no competent authority
        return {"references": None, "references_first_s": None, "references_median_s": None}
    before = text[:found.start(1)]
    position = {"line": before.count("\n"), "character": len(before) - before.rfind("\n") - 1 + 1}
    seconds, count = [], 0
    for _ in range(repeat + 1):
        start = time.perf_counter()
        answer = client.request("textDocument/references", {"textDocument": {"uri": uri}, "position": position,
                                                            "context": {"includeDeclaration": True}}, timeout=600)
        seconds.append(time.perf_counter() - start)
        count = len(answer or [])
    return {"references": count, "references_first_s": round(seconds[0], 3),
            "references_median_s": round(statistics.median(seconds[1:]), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=10000)
    parser.add_argument("--model", type=Path, help="a model folder instead of the synthetic one")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--edit", choices=("title", "wide"), default="title",
                        help="title: a service's title changed; wide: the node most files name removed and put back")
    args = parser.parse_args()
    source = args.model or synthetic_model(args.services)
    work = Path(tempfile.mkdtemp(prefix="eagraph-lsp-"))
    try:
        root = work / "model"
        shutil.copytree(source, root, ignore=shutil.ignore_patterns("labels.json"))
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "start")
        env = {**os.environ, "EAGRAPH_CACHE_DIR": str(work / "cache")}
        subprocess.run([sys.executable, "-m", "eagraph", "validate", str(root)], capture_output=True, env=env)
        row = measure(root, args.repeat, env, wide=args.edit == "wide")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    name = args.model.name if args.model else f"{args.services} services"
    what = f"removing {row['node']} ({row['files_naming_node']} files name it) in" if row["node"] else "editing"
    print(f"{name}, {what} {row['file']}: diagnostics {row['lsp_median_s']} s after a change (median, max "
          f"{row['lsp_max_s']} s; the file opened in {row['open_s']} s), every file reached "
          f"{row['all_published_median_s']} s (max {row['all_published_max_s']} s, {row['files_published_max']} "
          f"files) | validate --changed-since {row['changed_since_median_s']} s | {row['ratio']}x faster | "
          f"references ({row['references']}) {row['references_first_s']} s first, {row['references_median_s']} s "
          "after", flush=True)
    report = f"lsp-{args.model.name if args.model else args.services}" + ("-wide" if row["node"] else "")
    print("report:", write_report(report, {"model": name, **row}))


if __name__ == "__main__":
    main()
